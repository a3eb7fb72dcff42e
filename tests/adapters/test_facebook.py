"""FacebookAdapter against the practice Page: choosing a page, photo / multi-photo / link posts,
native scheduling, delete, duplicates and subcodes in plain words, usage-header throttling, and
the look-up after a Meta 500 (never a blind retry)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from PIL import Image

from composer.core import adapters as A
from composer.testing.context import practice_context
from composer.testing.contract import AdapterContract
from platforms import facebook
from platforms.facebook import FacebookAdapter, list_pages
from platforms.graph import throttle_wait
from platforms.practice.facebook import FakeFacebook


@pytest.fixture
def fake(practice_server):
    return practice_server(FakeFacebook)


def context(fake, http, checkpoint=None, **secrets) -> A.PublishContext:
    return practice_context(fake, http, checkpoint=checkpoint, secrets=secrets)


def photo(tmp_path, name="a.jpg", size=(1200, 630), fmt="JPEG", mime="image/jpeg"):
    path = tmp_path / name
    Image.new("RGB", size, "teal").save(path, fmt)
    return A.RenderedMedia(str(path), mime, *size, alt=f"alt {name}")


def outgoing(text="Halo dari Siaran", **kw) -> A.OutgoingPost:
    return A.OutgoingPost(post_id="p1", text=text, idempotency_key="k1", **kw)


adapter = FacebookAdapter()


def test_choose_a_page_from_the_signed_in_users_pages(fake, http):
    pages = list_pages(http, fake.user_token, api_url=fake.url)
    assert [(p.id, p.name) for p in pages] == [(fake.page_id, "Humas Pemprov (latihan)")]
    settings, secrets = pages[0].account()
    assert settings == {"page_id": fake.page_id} and secrets == {"page_token": fake.page_token}
    assert fake.page_token not in repr(pages)  # a page's token never shows in a repr or log
    with pytest.raises(A.AuthExpired):
        list_pages(http, "not-a-token", api_url=fake.url)


def test_text_and_link_posts(fake, http):
    result = adapter.publish(context(fake, http), outgoing("Info layanan"))
    assert fake.posts[result.remote_id]["message"] == "Info layanan"
    assert result.url == fake.posts[result.remote_id]["permalink_url"]
    link = adapter.publish(context(fake, http), outgoing("Baca", link="https://jatimprov.go.id/x"))
    assert fake.posts[link.remote_id]["link"] == "https://jatimprov.go.id/x"
    create = fake.requests_to("POST", r"/feed$")[0]
    assert create.headers["Authorization"] == f"Bearer {fake.page_token}"
    assert create.path.startswith("/v25.0/")


def test_graph_version_is_an_account_setting(fake, http):
    ctx = context(fake, http)
    ctx.account = {**ctx.account, "graph_version": "v26.0"}
    adapter.publish(ctx, outgoing())
    assert fake.requests_to("POST", r"/feed$")[0].path.startswith("/v26.0/")


def test_single_photo_goes_to_photos_with_message(fake, http, tmp_path):
    result = adapter.publish(context(fake, http), outgoing(media=(photo(tmp_path),)))
    post = fake.posts[result.remote_id]
    assert post["message"] == "Halo dari Siaran" and len(post["photos"]) == 1
    assert fake.photos[post["photos"][0]]["alt_text_custom"] == "alt a.jpg"
    assert not fake.requests_to("POST", r"/feed$")


def test_multi_photo_unpublished_then_attached_media(fake, http, tmp_path):
    media = tuple(photo(tmp_path, f"p{i}.jpg") for i in range(3))
    ctx = context(fake, http)
    result = adapter.publish(ctx, outgoing(media=media))
    uploads = fake.requests_to("POST", r"/photos$")
    assert [u.form["published"] for u in uploads] == ["false"] * 3
    feed = fake.requests_to("POST", r"/feed$")[0].form
    assert [json.loads(feed[f"attached_media[{i}]"])["media_fbid"] for i in range(3)] \
        == ctx.checkpoint["media_ids"]
    assert fake.posts[result.remote_id]["photos"] == ctx.checkpoint["media_ids"]


def test_a_retry_reuses_the_photos_already_uploaded(fake, http, tmp_path):
    media = tuple(photo(tmp_path, f"p{i}.jpg") for i in range(2))
    fake.faults.add("status", route=r"POST /feed$", code=503)
    ctx = context(fake, http)
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, outgoing(media=media))
    assert adapter.find_existing(ctx, outgoing(media=media)) is None
    adapter.publish(ctx, outgoing(media=media))
    assert len(fake.requests_to("POST", r"/photos$")) == 2 and len(fake.posts) == 1


def test_native_scheduling_and_deleting_the_scheduled_post(fake, http):
    when = datetime.now(UTC) + timedelta(hours=3)
    result = adapter.publish(context(fake, http), outgoing(schedule_utc=when.isoformat()))
    post = fake.posts[result.remote_id]
    assert post["scheduled"] and post["scheduled_publish_time"] == int(when.timestamp())
    form = fake.requests_to("POST", r"/feed$")[0].form
    assert form["published"] == "false"
    adapter.delete(context(fake, http), result)
    assert fake.posts == {}
    adapter.delete(context(fake, http), result)  # already gone: fine
    soon = datetime.now(UTC) + timedelta(minutes=2)  # nearer than Facebook schedules: now
    now = adapter.publish(context(fake, http), outgoing("segera", schedule_utc=soon.isoformat()))
    assert not fake.posts[now.remote_id]["scheduled"]
    far = datetime.now(UTC) + timedelta(days=40)
    before = len(fake.requests)
    with pytest.raises(A.Rejected, match="30 days"):
        adapter.publish(context(fake, http), outgoing("jauh", schedule_utc=far.isoformat()))
    assert len(fake.requests) == before


def test_meta_500_that_created_the_post_is_found_not_repeated(fake, http):
    fake.faults.add("success_then_500", route=r"POST /feed$")
    ctx = context(fake, http)
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, outgoing("Pengumuman banjir"))
    found = adapter.find_existing(ctx, outgoing("Pengumuman banjir"))
    assert found is not None and found.remote_id in fake.posts
    assert len(fake.posts) == 1


def test_look_up_ignores_older_posts_with_the_same_words(fake, http):
    adapter.publish(context(fake, http), outgoing("Selamat pagi"))
    ctx = context(fake, http, checkpoint={"sent_since": datetime.now(UTC).timestamp() + 3600})
    assert adapter.find_existing(ctx, outgoing("Selamat pagi")) is None
    assert adapter.find_existing(context(fake, http), outgoing("Selamat pagi")) is None


def test_duplicates_and_subcodes_become_plain_reasons(fake, http, tmp_path):
    adapter.publish(context(fake, http), outgoing("Sama"))
    with pytest.raises(A.Duplicate, match="already posted"):
        adapter.publish(context(fake, http), outgoing("Sama"))  # 506 from the page itself
    big = tmp_path / "big.bmp"
    Image.effect_noise((1400, 1400), 90).convert("RGB").save(big)
    with pytest.raises(A.MediaInvalid, match="smaller than 4 MB"):
        adapter.publish(context(fake, http),
                        outgoing("foto", media=(A.RenderedMedia(str(big), "image/bmp", 1400,
                                                                1400),)))
    with pytest.raises(A.AuthExpired):
        adapter.publish(context(fake, http, page_token="revoked"), outgoing("x"))
    fake.faults.add("expired_token", route=r"POST /feed$")
    with pytest.raises(A.AuthExpired):
        adapter.publish(context(fake, http), outgoing("y"))


def test_throttling_waits_what_the_usage_headers_say(fake, http):
    fake.faults.add("rate_limit", route=r"POST /feed$", retry_after=240)
    with pytest.raises(A.RateLimited) as limited:
        adapter.publish(context(fake, http), outgoing())
    assert limited.value.retry_after == 240
    buc = json.dumps({"1": [{"call_count": 100, "estimated_time_to_regain_access": 7}]})
    assert throttle_wait(httpx.Headers({"X-Business-Use-Case-Usage": buc})) == 420
    assert throttle_wait(httpx.Headers({"X-App-Usage": '{"call_count": 100}'})) == 300


def test_verify(fake, http):
    info = adapter.verify(context(fake, http))
    assert info.display_name == "Humas Pemprov (latihan)" and info.avatar_url


class TestFacebookContract(AdapterContract):
    create_route = r"POST /v[\d.]+/\d+/(feed|photos)$"
    upload_route = r"POST /v[\d.]+/\d+/photos$"
    rate_limit_wait = 60.0  # Meta says it in whole minutes

    @pytest.fixture
    def platform(self):
        return facebook.PLATFORM

    @pytest.fixture
    def fake_server(self, practice_server):
        return practice_server(FakeFacebook)


def browser(url: str) -> bool:
    """The officer's browser: follows the dialog's redirect to the loopback listener."""
    with httpx.Client(follow_redirects=True, timeout=5) as b:
        b.get(url)
    return True


def test_connect_signs_in_with_meta_and_keeps_the_page_token(fake):
    account = {"api_url": fake.url, "login_url": fake.url, "app_id": fake.app_id}
    settings, secrets = adapter.connect(account, {"app_secret": fake.app_secret},
                                        open_browser=browser, timeout=5)
    assert settings["page_id"] == fake.page_id and secrets == {"page_token": fake.page_token}
    dialog = fake.requests_to("GET", r"/dialog/oauth$")[0].query
    assert dialog["redirect_uri"].startswith("http://127.0.0.1:")
    assert dialog["code_challenge_method"] == "S256"
    assert set(dialog["scope"].split()) == set(facebook.PERMISSIONS)
    exchange = fake.requests_to("GET", r"/oauth/access_token$")[0].query
    assert exchange["grant_type"] == "fb_exchange_token"  # the long-lived user token


def test_connect_with_several_pages_asks_which(fake):
    from composer.core.oauth import SignInError

    fake.pages.append({"id": "104000000000002", "name": "Dinas Kominfo", "category": "Gov",
                       "access_token": "second-page-token"})
    account = {"api_url": fake.url, "login_url": fake.url, "app_id": fake.app_id}
    with pytest.raises(SignInError, match="Dinas Kominfo"):
        adapter.connect(account, {"app_secret": fake.app_secret}, open_browser=browser,
                        timeout=5)
    settings, secrets = adapter.connect({**account, "page_id": "104000000000002"},
                                        {"app_secret": fake.app_secret}, open_browser=browser,
                                        timeout=5)
    assert settings["page_id"] == "104000000000002"
    assert secrets == {"page_token": "second-page-token"}
    with pytest.raises(SignInError, match="app ID and app secret"):
        adapter.connect(account, {}, open_browser=browser, timeout=5)


def test_siaran_sign_in_facebook_from_the_command_line(fake, siaran_home, monkeypatch, capsys):
    """`siaran sign-in facebook`: the app secret from stdin, the page token to the keyring."""
    import io

    from composer import cli
    from composer.testing.keyring import memory_keyring

    monkeypatch.setattr("webbrowser.open", browser)
    monkeypatch.setattr("sys.stdin", io.StringIO(fake.app_secret + "\n"))
    with memory_keyring() as ring:
        assert cli.main(["sign-in", "facebook", "--name", "humas-fb", "--app-id", fake.app_id,
                         "--api-url", fake.url, "--login-url", fake.url,
                         "--client-secret-stdin", "--timeout", "10"]) == 0
        saved = {field: v for (_service, field), v in ring.items.items()}
    assert saved["page_token"] == fake.page_token
    assert "Signed in; added humas-fb (Facebook Page)" in capsys.readouterr().out
    files = [p for p in siaran_home.rglob("*") if p.is_file()]
    assert not any(fake.page_token.encode() in p.read_bytes() for p in files)


def test_high_usage_is_logged_before_meta_throttles(fake, http, caplog):
    fake.calls = 950  # the practice Page reports call_count = calls / 10 percent
    with caplog.at_level("WARNING", logger="test"):
        adapter.publish(context(fake, http), outgoing("ramai"))
    assert any("usage at 9" in r.getMessage() for r in caplog.records)
