"""Sign-ins that end: Meta's 60-day tokens renewed (fb_exchange_token, th_refresh_token) at the
practice fakes, an X token refreshed at the real OAuth server, and the warnings a week ahead,
on the day and after, in the CLI and through the service the window asks."""

from __future__ import annotations

import io
import time
from datetime import UTC, datetime

import pytest

from composer import cli
from composer.core.connections import SignInState
from composer.core.secrets import SecretStore
from composer.core.services import Services

DAY = 86400


@pytest.fixture
def services(in_memory_keyring):
    svc = Services(secrets=SecretStore(in_memory_keyring))
    yield svc
    svc.close()


def test_an_instagram_token_ending_in_three_days_is_exchanged_again_for_sixty(services):
    from platforms.practice.instagram import FakeInstagram

    with FakeInstagram() as fake:
        settings, secrets = fake.practice_account()
        ends = time.time() + 3 * DAY
        services.accounts.add("ig", "instagram", {**settings, "app_id": fake.app_id},
                              {**secrets, "app_secret": fake.app_secret,
                               "expires_at": f"{ends:.0f}"})
        assert services.connections.status(services.accounts.get("ig")).state == SignInState.SOON
        (renewal,) = services.connections.renew_due()
        assert fake.exchanges == [secrets["access_token"]]  # the long-lived token itself
    assert renewal.renewed and "Renewed the sign-in of ig until" in renewal.message
    assert "WIB" in renewal.message  # a time, always with its zone
    account = services.accounts.get("ig")
    assert account.expires_at > time.time() + 50 * DAY
    assert services.accounts.secrets_of("ig")["expires_at"] == f"{account.expires_at:.0f}"
    assert services.connections.status(account).state == SignInState.RENEWS
    assert services.connections.notices() == []
    assert services.connections.renew_due() == []  # nothing due any more


def test_a_threads_token_is_refreshed_with_th_refresh_token(services):
    from platforms.practice.threads import FakeThreads

    with FakeThreads() as fake:
        settings, secrets = fake.practice_account()
        services.accounts.add("th", "threads", settings,
                              {**secrets, "expires_at": f"{time.time() + 2 * DAY:.0f}"})
        (renewal,) = services.connections.renew_due()
        assert fake.refreshed == 1
    assert renewal.renewed and services.accounts.get("th").expires_at > time.time() + 50 * DAY


def test_a_refused_renewal_warns_instead(services, capsys, monkeypatch):
    from platforms.practice.instagram import FakeInstagram

    with FakeInstagram() as fake:
        settings, secrets = fake.practice_account()
        services.accounts.add("ig", "instagram", {**settings, "app_id": fake.app_id},
                              {**secrets, "app_secret": "not-the-secret",
                               "expires_at": f"{time.time() + 2 * DAY:.0f}"})
        monkeypatch.setattr("composer.commands.accounts.services", lambda: services)
        assert cli.main(["accounts", "renew"]) == 1
    err = capsys.readouterr().err
    assert "Could not renew the sign-in of ig" in err and "not-the-secret" not in err
    status = services.connections.status(services.accounts.get("ig"))
    assert status.warns and "sign in again before then" in status.message


def test_the_warnings_a_week_ahead_on_the_day_and_after(services, monkeypatch, capsys):
    now = datetime(2026, 12, 7, 1, 0, tzinfo=UTC).timestamp()  # 08:00 WIB
    for name, ends in (("lama", now + 30 * DAY), ("minggu", now + 5 * DAY),
                       ("hari-ini", now + 6 * 3600), ("habis", now - DAY)):
        services.accounts.add(name, "bluesky", {"service": "http://127.0.0.1:9", "handle": "a"},
                              {"app_password": "p", "expires_at": f"{ends:.0f}"})
    services.accounts.add("portal", "wordpress", {"url": "http://127.0.0.1:9", "user": "a"},
                          {"app_password": "p"})
    states = {n: s.state for n, s in services.connections.statuses(now=now).items()}
    assert states == {"lama": SignInState.VALID, "minggu": SignInState.SOON,
                      "hari-ini": SignInState.TODAY, "habis": SignInState.EXPIRED,
                      "portal": SignInState.LASTING}
    notices = services.connections.notices(now=now)
    assert notices == [
        "The sign-in of habis ended on 6 December 2026, 08:00 WIB; sign in again",
        "The sign-in of hari-ini ends today at 7 December 2026, 14:00 WIB; sign in again",
        "The sign-in of minggu ends on 12 December 2026; sign in again before then"]

    # The same lines in `siaran accounts list` (today's clock), under each account.
    for name in ("lama", "minggu", "hari-ini", "habis"):
        services.accounts.remove(name)
    services.accounts.add("segera", "bluesky", {"service": "http://127.0.0.1:9", "handle": "a"},
                          {"app_password": "p", "expires_at": f"{time.time() + 3 * DAY:.0f}"})
    services.accounts.add("lama", "bluesky", {"service": "http://127.0.0.1:9", "handle": "a"},
                          {"app_password": "p", "expires_at": f"{time.time() + 30 * DAY:.0f}"})
    monkeypatch.setattr("composer.commands.accounts.services", lambda: services)
    assert cli.main(["accounts", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    after = {lines[i].split()[0]: lines[i + 1].strip() for i in range(len(lines) - 1)
             if not lines[i].startswith(" ")}
    assert after["segera"].startswith("! The sign-in of segera ends on")
    assert after["lama"].startswith("Signed in until") and after["lama"].endswith("WIB")
    assert "portal" not in after or not after["portal"].startswith(("!", "Signed"))


def test_indonesian_warning(services):
    from composer.core import i18n

    now = datetime(2026, 12, 7, 1, 0, tzinfo=UTC).timestamp()
    services.accounts.add("minggu", "bluesky", {"service": "http://127.0.0.1:9", "handle": "a"},
                          {"app_password": "p", "expires_at": f"{now + 5 * DAY:.0f}"})
    i18n.set_language("id")
    try:
        (line,) = services.connections.notices(now=now)
    finally:
        i18n.set_language(None)
    assert line == ("Masa masuk minggu berakhir pada 12 Desember 2026; silakan masuk lagi "
                    "sebelum tanggal itu")


def test_an_x_sign_in_at_the_real_server_is_saved_and_refreshed_by_the_service(services,
                                                                               in_memory_keyring):
    import socket

    from oauth_peer import Browser, discover

    meta = discover()
    if not meta["token_endpoint"].endswith("/2/oauth2/token"):
        pytest.skip("the running OAuth peer predates X's endpoint paths")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    said: list[str] = []
    account = services.connections.sign_in(
        "x-humas", "x", {"client_id": "composer-native", "api_url": meta["issuer"],
                         "authorize_url": meta["authorization_endpoint"],
                         "redirect_port": str(port)},
        open_browser=Browser(), timeout=30, progress=said.append)
    assert said[0].startswith("Waiting for you to sign in to X") and said[-1] == "Saving the account…"
    first = services.accounts.secrets_of("x-humas")
    assert first["refresh_token"] and account.expires_at
    services.accounts.update_secrets("x-humas", {"expires_at": f"{time.time() - 60:.0f}"})
    (renewal,) = services.connections.renew_due()
    assert renewal.renewed, renewal.message
    second = services.accounts.secrets_of("x-humas")
    assert second["refresh_token"] != first["refresh_token"]  # rotated, and kept
    assert second["access_token"] != first["access_token"]
    assert services.accounts.get("x-humas").expires_at > time.time()


def test_the_cli_menu_takes_a_number_and_refuses_nonsense():
    from composer.commands.sign_in import choose_from_menu
    from composer.core.adapters import Choice
    from composer.core.oauth import SignInCancelled

    pages = [Choice("1", "Humas"), Choice("2", "Dinas Pendidikan", "Government organization")]
    out = io.StringIO()
    assert choose_from_menu(pages, io.StringIO("9\nx\n2\n"), out) == pages[1]
    assert "2. Dinas Pendidikan (2) — Government organization" in out.getvalue()
    assert "Type a number from 1 to 2" in out.getvalue()
    with pytest.raises(SignInCancelled):
        choose_from_menu(pages, io.StringIO("\n"), io.StringIO())


def test_linkedin_lists_the_organisations_the_member_administers():
    from platforms import linkedin
    from platforms.practice.linkedin import ORG, TOKEN, FakeLinkedIn

    with FakeLinkedIn() as fake:
        (choice,) = linkedin.administered({"api_url": fake.url}, TOKEN)
    assert choice.id == ORG and choice.label == "Diskominfo Provinsi"


def test_a_sign_in_with_one_page_needs_no_choice_and_a_wrong_wanted_one_is_refused():
    from composer.core.adapters import Choice
    from composer.core.oauth import SignInError, pick_one

    only = [Choice("1", "Humas")]
    assert pick_one(only, wanted=None, choose=None, refusal="x") == only[0]
    with pytest.raises(SignInError):
        pick_one(only, wanted="2", choose=None, refusal="Choose the page by its ID: Humas (1)")
    two = [*only, Choice("2", "Dinas")]
    with pytest.raises(SignInError):  # several and no one to ask
        pick_one(two, wanted=None, choose=None, refusal="x")


def test_run_due_renews_a_token_near_its_end_once_an_hour(services):
    """The agent runs `siaran run-due` every minute while the app is closed: it keeps a 60-day
    token alive, and asks the platform at most once an hour."""
    from platforms.practice.instagram import FakeInstagram

    with FakeInstagram() as fake:
        settings, secrets = fake.practice_account()
        services.accounts.add("ig", "instagram", {**settings, "app_id": fake.app_id},
                              {**secrets, "app_secret": fake.app_secret,
                               "expires_at": f"{time.time() + 2 * DAY:.0f}"})
        assert services.run_due() == []  # nothing scheduled; the sign-in is renewed
        assert len(fake.exchanges) == 1
        assert services.accounts.get("ig").expires_at > time.time() + 50 * DAY
        # made to end soon again: the next minute's run leaves it to the next hour
        services.accounts.update_secrets("ig", {"expires_at": f"{time.time() + DAY:.0f}"})
        services.run_due()
        assert len(fake.exchanges) == 1
