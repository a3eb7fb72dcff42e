"""The Accounts screen as an officer uses it: a browser sign-in against the real OAuth server
(tests/peers/oauth) that ends with the tokens in the real keyring only; Cancel, a timeout and a
missing browser; a page picked from a list; typed app passwords checked by the real WordPress
and the real Bluesky PDS before anything is saved; whose each account is, with its picture, and
when its sign-in ends.

The peers' tests skip (fail under CI) when a peer is not running: scripts/test starts them."""

from __future__ import annotations

import socket
import threading
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer

import httpx
import pytest
import real_peers
from oauth_peer import Browser, discover
from PySide6.QtWidgets import QApplication

from composer.core import i18n
from composer.core.secrets import SecretStore
from composer.core.services import Services
from composer.gui.accounts.accounts_dialog import AccountsDialog
from composer.gui.tasks import TaskRunner


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def open_screen(qtbot, backend):
    services = Services(secrets=SecretStore(backend))
    runner = TaskRunner()
    dialog = AccountsDialog(services, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.registry is not None, timeout=10_000)
    return dialog, services, runner


@pytest.fixture
def real_screen(qtbot, real_keyring):
    dialog, services, runner = open_screen(qtbot, real_keyring)
    yield dialog, services
    runner.cancel_all()
    runner.wait(15_000)
    for account in services.list_accounts():
        services.accounts.remove(account.name)  # the session's keyring is shared
    services.close()


@pytest.fixture
def screen(qtbot, in_memory_keyring):
    dialog, services, runner = open_screen(qtbot, in_memory_keyring)
    yield dialog, services, in_memory_keyring
    runner.cancel_all()
    runner.wait(15_000)
    services.close()


def fill(dialog: AccountsDialog, platform: str, name: str, **fields: str):
    dialog.add_account()
    form = dialog.form
    form.platform.setCurrentIndex(form.platform.findData(platform))
    form.name.setText(name)
    for field, value in fields.items():
        form.inputs[field].setText(value)
    return form


def x_fields(provider) -> dict[str, str]:
    """The X form, pointed at the real OAuth server (which serves X's endpoint paths)."""
    return {"client_id": "composer-native", "redirect_port": str(free_port()),
            "api_url": provider["issuer"], "authorize_url": provider["authorization_endpoint"]}


@pytest.fixture(scope="module")
def provider() -> dict:
    meta = discover()
    if not meta["token_endpoint"].endswith("/2/oauth2/token"):
        pytest.skip("the running OAuth peer predates X's endpoint paths")
    return meta


def saved_nothing(services, backend, name: str) -> bool:
    return services.list_accounts() == [] and all(
        backend.get_password(f"siaran:{name}", field) is None
        for field in ("access_token", "refresh_token", "expires_at"))


# -- the browser sign-in --------------------------------------------------------------------


def test_the_x_form_asks_for_no_token_and_signs_in_with_the_browser(qtbot, screen):
    dialog, _services, _ring = screen
    form = fill(dialog, "x", "x-humas")
    assert "access_token" not in form.inputs and "refresh_token" not in form.inputs
    assert "client_id" in form.inputs
    assert form.go.text().replace("&", "") == "Sign in with the browser"
    form.platform.setCurrentIndex(form.platform.findData("wordpress"))
    assert form.go.text().replace("&", "") == "Check and save"
    assert form.inputs["app_password"].echoMode() == form.inputs["app_password"].EchoMode.Password


def test_browser_sign_in_against_the_real_oauth_server_keeps_tokens_in_the_keyring_only(
        qtbot, real_screen, real_keyring, provider):
    dialog, services = real_screen
    name = f"x-{uuid.uuid4().hex[:8]}"
    browser = Browser()
    dialog.open_browser = browser
    form = fill(dialog, "x", name, **x_fields(provider))
    lines: list[str] = []
    form.go.click()
    sign_in = dialog.sign_in_dialog
    sign_in.task.progressed.connect(lambda step, _f, data: lines.append(data.get("line", "")))
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=30_000)

    account = services.accounts.get(name)
    assert account.platform == "x" and account.expires_at is not None
    token = real_keyring.get_password(f"siaran:{name}", "access_token")
    refresh = real_keyring.get_password(f"siaran:{name}", "refresh_token")
    assert token and refresh
    rows = [tuple(r) for r in services.store.query("SELECT * FROM accounts")]
    assert token not in str(rows) and refresh not in str(rows)
    assert browser.visited[-1].startswith(f"http://127.0.0.1:{form.values()['settings']['redirect_port']}/callback")
    assert any("whose account" in line for line in lines)  # progress reached the dialog
    # The list shows the new account and that its sign-in renews itself.
    qtbot.waitUntil(lambda: dialog.accounts.topLevelItem(0).text(0) == name, timeout=5000)
    assert "Renewed by Siaran" in dialog.accounts.topLevelItem(0).text(4)


def test_cancel_leaves_no_account_and_no_keyring_entry(qtbot, real_screen, real_keyring, provider):
    dialog, services = real_screen
    name = f"x-{uuid.uuid4().hex[:8]}"
    opened: list[str] = []
    dialog.open_browser = lambda url: opened.append(url) or True  # the officer never signs in
    form = fill(dialog, "x", name, **x_fields(provider))
    form.go.click()
    sign_in = dialog.sign_in_dialog
    qtbot.waitUntil(lambda: bool(opened) and "browser" in sign_in.status.text(), timeout=10_000)
    assert sign_in.isVisible() and "Time left" in sign_in.left.text()
    sign_in.cancel_button.click()
    qtbot.waitUntil(lambda: not sign_in.isVisible(), timeout=5000)
    assert form.isVisible() and "cancelled" in form.error.text()
    assert saved_nothing(services, real_keyring, name)
    # The loopback port is free again: nothing listens for a late answer.
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{form.values()['settings']['redirect_port']}/callback", timeout=2)


def test_no_browser_shows_the_address_to_copy_and_the_sign_in_still_completes(
        qtbot, screen, provider):
    dialog, services, ring = screen
    dialog.open_browser = lambda url: False  # no browser on this computer
    form = fill(dialog, "x", "x-tanpa-browser", **x_fields(provider))
    form.go.click()
    sign_in = dialog.sign_in_dialog
    qtbot.waitUntil(lambda: sign_in.address_box.isVisible(), timeout=10_000)
    address = sign_in.address.text()
    assert address.startswith(provider["authorization_endpoint"]) and "code_challenge=" in address
    sign_in.copy.click()
    assert QApplication.clipboard().text() == address
    threading.Thread(target=Browser(), args=(address,), daemon=True).start()  # opened by hand
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=30_000)
    assert services.accounts.get("x-tanpa-browser").platform == "x"
    assert ("siaran:x-tanpa-browser", "access_token") in ring.items


def test_a_sign_in_nobody_finishes_times_out_with_one_line_and_saves_nothing(
        qtbot, screen, provider):
    dialog, services, ring = screen
    dialog.open_browser = lambda url: True
    dialog.sign_in_timeout = 1.5
    form = fill(dialog, "x", "x-lambat", **x_fields(provider))
    form.go.click()
    qtbot.waitUntil(lambda: "timed out" in form.error.text(), timeout=10_000)
    assert "\n" not in form.error.text()
    assert services.list_accounts() == [] and not ring.items


def test_the_facebook_page_is_picked_from_a_list(qtbot, screen):
    from platforms.practice.facebook import FakeFacebook

    dialog, services, ring = screen
    with FakeFacebook() as fake:
        fake.pages.append({"id": "220000000000002", "name": "Dinas Pendidikan (latihan)",
                           "category": "Government organization",
                           "access_token": "practice-second-page-token"})
        fake.tokens.add("practice-second-page-token")
        dialog.open_browser = lambda url: httpx.get(url, follow_redirects=True).is_success
        form = fill(dialog, "facebook", "fb-dinas", app_id=fake.app_id,
                    app_secret=fake.app_secret, api_url=fake.url, login_url=fake.url)
        assert "page_id" not in form.inputs and "page_token" not in form.inputs  # no id to type
        form.go.click()
        sign_in = dialog.sign_in_dialog
        qtbot.waitUntil(lambda: sign_in.choice_box.isVisible(), timeout=15_000)
        offered = [sign_in.choices.item(i).text() for i in range(sign_in.choices.count())]
        assert len(offered) == 2 and "Dinas Pendidikan (latihan)" in offered[1]
        sign_in.choices.setCurrentRow(1)
        sign_in.use.click()
        qtbot.waitUntil(lambda: not form.isVisible(), timeout=15_000)
    account = services.accounts.get("fb-dinas")
    assert account.settings["page_id"] == "220000000000002"
    assert ring.items[("siaran:fb-dinas", "page_token")] == "practice-second-page-token"
    assert account.display_name == "Dinas Pendidikan (latihan)"  # asked of the platform


def test_the_cli_offers_the_same_page_list(monkeypatch, capsys, in_memory_keyring):
    import io

    from composer import cli
    from platforms.practice.facebook import FakeFacebook

    with FakeFacebook() as fake:
        fake.pages.append({"id": "220000000000002", "name": "Dinas Pendidikan (latihan)",
                           "category": "Government organization",
                           "access_token": "practice-second-page-token"})
        fake.tokens.add("practice-second-page-token")
        monkeypatch.setattr("sys.stdin", io.StringIO(f"{fake.app_secret}\n2\n"))
        monkeypatch.setattr("webbrowser.open",
                            lambda url: httpx.get(url, follow_redirects=True).is_success)
        code = cli.main(["sign-in", "facebook", "--name", "fb-cli", "--app-id", fake.app_id,
                         "--api-url", fake.url, "--login-url", fake.url,
                         "--client-secret-stdin", "--timeout", "20"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "1. Humas Pemprov (latihan)" in err and "2. Dinas Pendidikan (latihan)" in err
    assert in_memory_keyring.items[("siaran:fb-cli", "page_token")] == "practice-second-page-token"


# -- typed credentials, checked before saving -----------------------------------------------


def test_a_wrong_wordpress_application_password_is_refused_in_indonesian(qtbot, screen):
    env = real_peers.wordpress()
    dialog, services, ring = screen
    i18n.set_language("id")
    try:
        form = fill(dialog, "wordpress", "portal", url=env["WP_URL"], user=env["WP_USER"],
                    app_password="salah salah salah salah salah salah")
        form.go.click()
        qtbot.waitUntil(lambda: form.buttons.isEnabled() and bool(form.error.text()),
                        timeout=20_000)
        message = form.error.text()
    finally:
        i18n.set_language(None)
    assert "tidak menerima" in message and "\n" not in message, message
    assert services.list_accounts() == [] and not ring.items


def test_the_right_wordpress_password_is_saved_with_whose_it_is(qtbot, screen):
    env = real_peers.wordpress()
    dialog, services, ring = screen
    form = fill(dialog, "wordpress", "portal", url=env["WP_URL"], user=env["WP_USER"],
                app_password=env["WP_APP_PASSWORD"])
    form.go.click()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=20_000)
    account = services.accounts.get("portal")
    assert account.handle == env["WP_USER"] and account.display_name
    assert ring.items[("siaran:portal", "app_password")] == env["WP_APP_PASSWORD"]


def test_a_wrong_bluesky_app_password_is_refused_and_nothing_saved(qtbot, screen):
    env = real_peers.bluesky()
    pds = env["BSKY_PDS_URL"]
    handle = f"kanwil{uuid.uuid4().hex[:8]}.test"
    httpx.post(f"{pds}/xrpc/com.atproto.server.createAccount", timeout=30, json={
        "handle": handle, "email": f"{handle}@example.invalid",
        "password": uuid.uuid4().hex}).raise_for_status()
    dialog, services, ring = screen
    i18n.set_language("id")
    try:
        form = fill(dialog, "bluesky", "kanwil", service=pds, handle=handle,
                    app_password="aaaa-bbbb-cccc-dddd")
        form.go.click()
        qtbot.waitUntil(lambda: form.buttons.isEnabled() and bool(form.error.text()),
                        timeout=20_000)
        message = form.error.text()
    finally:
        i18n.set_language(None)
    assert "tidak menerima" in message and "\n" not in message, message
    assert services.list_accounts() == [] and not ring.items


# -- whose it is, and when it ends ----------------------------------------------------------


class _Picture(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802
        from io import BytesIO

        from PIL import Image

        type(self).hits += 1
        out = BytesIO()
        Image.new("RGB", (48, 48), (20, 120, 200)).save(out, "PNG")
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(out.getvalue())))
        self.end_headers()
        self.wfile.write(out.getvalue())

    def log_message(self, *args):
        pass


def test_each_account_shows_whose_it_is_its_picture_and_when_its_sign_in_ends(
        qtbot, in_memory_keyring):
    import time

    server = HTTPServer(("127.0.0.1", 0), _Picture)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    picture = f"http://127.0.0.1:{server.server_port}/avatar.png"
    services = Services(secrets=SecretStore(in_memory_keyring))
    ends_soon = time.time() + 3 * 86400
    services.accounts.add("ig-humas", "instagram", {"ig_user_id": "1784"},
                          {"access_token": "t", "expires_at": f"{ends_soon:.0f}"},
                          display_name="Humas Kabupaten", handle="@humaskab", avatar_url=picture)
    services.accounts.add("portal", "wordpress", {"url": "http://127.0.0.1:1", "user": "admin"},
                          {"app_password": "p"}, display_name="Admin Portal", handle="admin")
    try:
        runner = TaskRunner()
        dialog = AccountsDialog(services, runner)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.accounts.topLevelItemCount() == 2, timeout=10_000)
        rows = {dialog.accounts.topLevelItem(i).text(0): dialog.accounts.topLevelItem(i)
                for i in range(2)}
        instagram = rows["ig-humas"]
        assert instagram.text(2) == "Humas Kabupaten · @humaskab"
        # Meta's token can be renewed, but a renewal a week ahead did not happen: warn.
        assert "ends on" in instagram.text(4) and "WIB" not in instagram.text(4)
        assert "sign in again" in dialog.message.text()
        assert rows["portal"].text(4) == "no end date"
        qtbot.waitUntil(lambda: not instagram.icon(2).isNull(), timeout=10_000)
        # Fetched once, then from the cache: a second screen does not download it again.
        runner.wait(5000)
        again = AccountsDialog(services, runner)
        qtbot.addWidget(again)
        qtbot.waitUntil(lambda: again.accounts.topLevelItemCount() == 2, timeout=10_000)
        row = next(again.accounts.topLevelItem(i) for i in range(2)
                   if again.accounts.topLevelItem(i).text(0) == "ig-humas")
        qtbot.waitUntil(lambda: not row.icon(2).isNull(), timeout=10_000)
        assert _Picture.hits == 1
        runner.wait(5000)
    finally:
        server.shutdown()
        server.server_close()
        services.close()


def test_the_window_warns_of_a_sign_in_ending_this_week_when_it_opens(qtbot, in_memory_keyring):
    import time

    from shell_kit import start_shell, stop_shell, wait_idle

    setup = Services(secrets=SecretStore(in_memory_keyring))
    setup.accounts.add("bsky-humas", "bluesky", {"service": "http://127.0.0.1:9", "handle": "a"},
                       {"app_password": "p", "expires_at": f"{time.time() + 3 * 86400:.0f}"})
    setup.close()
    shell = start_shell(qtbot)
    try:
        bar = shell.window.statusBar()
        qtbot.waitUntil(lambda: "bsky-humas" in bar.currentMessage(), timeout=10_000)
        assert "sign in again before then" in bar.currentMessage()
        wait_idle(qtbot, shell)
    finally:
        stop_shell(qtbot, shell)


def test_check_again_asks_the_platform_and_shows_whose_it_is(qtbot, screen):
    from platforms.practice.telegram import FakeTelegram

    dialog, services, _ring = screen
    with FakeTelegram() as fake:
        settings, secrets = fake.practice_account()
        services.accounts.add("tg", "telegram", settings, secrets)  # saved unchecked earlier
        dialog.refresh()
        qtbot.waitUntil(lambda: dialog.accounts.topLevelItem(0).text(0) == "tg", timeout=5000)
        assert dialog.accounts.topLevelItem(0).text(2) == "(not checked yet)"
        dialog.accounts.setCurrentItem(dialog.accounts.topLevelItem(0))
        dialog.check_button.click()
        qtbot.waitUntil(lambda: "works" in dialog.message.text(), timeout=10_000)
        whose = services.accounts.get("tg").display_name
        assert whose and whose in dialog.accounts.topLevelItem(0).text(2)
        fake.tokens.clear()  # the bot token was revoked meanwhile
        dialog.check_button.click()
        qtbot.waitUntil(lambda: "did not accept" in dialog.message.text(), timeout=10_000)
        assert "\n" not in dialog.message.text()
