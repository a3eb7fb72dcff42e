"""XAdapter against the practice X: v2 media with alt text, threads as replies, token refresh
with rotation, the 403 duplicate, epoch rate limits, and the look-up after a lost answer."""

from __future__ import annotations

import logging
import time

import httpx
import pytest
from PIL import Image

from composer.core import adapters as A
from composer.testing.context import practice_context
from composer.testing.contract import AdapterContract
from platforms import x
from platforms.practice.x import FakeX
from platforms.x import XAdapter


@pytest.fixture
def fake(practice_server):
    return practice_server(FakeX)


class Keyring(dict):
    """Stands in for the engine's update_secrets (the keyring): records every rotation."""

    def __init__(self, initial):
        super().__init__(initial)
        self.updates = []

    def __call__(self, values):
        self.updates.append(dict(values))
        self.update(values)


def context(fake, http, **over) -> A.PublishContext:
    secrets = {**fake.practice_account()[1], **over}
    return practice_context(fake, http, secrets=over, update_secrets=Keyring(secrets))


def image(tmp_path, name="a.png", alt="") -> A.RenderedMedia:
    path = tmp_path / name
    Image.new("RGB", (60, 40), "teal").save(path)
    return A.RenderedMedia(str(path), "image/png", 60, 40, alt=alt)


def outgoing(text="Halo dari Siaran", **kw) -> A.OutgoingPost:
    return A.OutgoingPost(post_id="p1", text=text, idempotency_key="k-1", **kw)


def test_post_with_images_and_alt_text(fake, http, tmp_path):
    post = outgoing(media=(image(tmp_path, "a.png", "Gedung kantor"), image(tmp_path, "b.png")))
    result = XAdapter().publish(context(fake, http), post)

    tweet = fake.tweets[result.remote_id]
    assert tweet["text"] == "Halo dari Siaran" and len(tweet["media_ids"]) == 2
    assert fake.media[tweet["media_ids"][0]]["alt"] == "Gedung kantor"
    assert fake.media[tweet["media_ids"][1]]["alt"] is None  # no empty alt sent
    upload = fake.requests_to("POST", "/2/media/upload")[0]
    assert upload.form["media_category"] == "tweet_image"
    assert upload.files["media"].content_type == "image/png"
    assert result.url == f"{fake.url}/i/web/status/{result.remote_id}"


def test_thread_is_a_chain_of_replies(fake, http):
    parts = ("Satu 1/3", "Dua 2/3", "Tiga 3/3")
    result = XAdapter().publish(context(fake, http), outgoing(" ".join(parts), parts=parts))
    ids = result.extra["ids"]
    assert fake.posted_texts() == list(parts)
    assert [fake.tweets[i]["reply_to"] for i in ids] == [None, ids[0], ids[1]]


def test_expired_token_is_refreshed_once_and_the_rotation_saved(fake, http):
    fake.expire_access_tokens()
    ctx = context(fake, http)
    result = XAdapter().publish(ctx, outgoing())
    assert result.remote_id in fake.tweets
    keyring = ctx.update_secrets
    assert len(keyring.updates) == 1
    new = keyring.updates[0]
    assert new["refresh_token"] != "practice-x-refresh" and new["refresh_token"] in fake.refresh_tokens
    assert "practice-x-refresh" not in fake.refresh_tokens  # spent
    # The same context keeps working with the new tokens (no second, failing refresh).
    assert XAdapter().verify(ctx).handle == "@humas_pemprov"
    assert len(keyring.updates) == 1


def test_stale_token_is_refreshed_before_sending(fake, http):
    ctx = context(fake, http, expires_at=str(int(time.time()) - 10))
    XAdapter().publish(ctx, outgoing())
    posts = fake.requests_to("POST", "/2/tweets")
    assert len(posts) == 1 and posts[0].bearer() != "practice-x-token"


def test_refresh_refused_is_auth_expired(fake, http):
    fake.expire_access_tokens()
    with pytest.raises(A.AuthExpired):
        XAdapter().publish(context(fake, http, refresh_token="burnt"), outgoing())
    with pytest.raises(A.AuthExpired):
        XAdapter().publish(context(fake, http, refresh_token=""), outgoing())
    assert fake.tweets == {}


def test_401_after_a_refresh_is_auth_expired(fake, http):
    fake.faults.add("expired_token", route="POST /2/tweets", times=2)
    with pytest.raises(A.AuthExpired):
        XAdapter().publish(context(fake, http), outgoing())
    assert len(fake.requests_to("POST", "/2/oauth2/token")) == 1  # one refresh, not a loop


def test_duplicate_403(fake, http):
    XAdapter().publish(context(fake, http), outgoing("Sama"))
    with pytest.raises(A.Duplicate, match="duplicate content"):
        XAdapter().publish(context(fake, http), outgoing("Sama"))


def test_rate_limit_reads_the_epoch_reset(fake, http):
    fake.faults.add("rate_limit", route="POST /2/tweets", retry_after=900)
    with pytest.raises(A.RateLimited) as limited:
        XAdapter().publish(context(fake, http), outgoing())
    assert 895 <= limited.value.retry_after <= 901


def test_daily_cap_waits_for_the_24_hour_reset_not_the_window(fake, http):
    fake.daily_posts_left = 1
    XAdapter().publish(context(fake, http), outgoing("satu"))
    with pytest.raises(A.RateLimited) as limited:
        XAdapter().publish(context(fake, http), outgoing("dua"))
    assert limited.value.retry_after > 19 * 3600  # not the 15 minutes of x-rate-limit-reset


def test_weighted_limit_and_media_errors(fake, http, tmp_path):
    with pytest.raises(A.Rejected, match="too long"):
        XAdapter().publish(context(fake, http), outgoing("日" * 141))  # 282 weighted
    XAdapter().publish(context(fake, http), outgoing("日" * 140))  # 280 weighted: fits
    text_file = tmp_path / "not-an-image.png"
    text_file.write_text("hello")
    with pytest.raises(A.MediaInvalid, match="Unsupported media type"):
        XAdapter().publish(context(fake, http), outgoing(
            "gambar", media=(A.RenderedMedia(str(text_file), "image/png", 1, 1),)))


def test_lost_answer_is_unknown_then_found_without_a_second_post(fake, http, tmp_path):
    text = "Rapat & <evaluasi> di https://example.go.id/agenda"
    post = outgoing(text, media=(image(tmp_path),))
    fake.faults.add("timeout", route="POST /2/tweets", after_work=True, seconds=2)
    ctx = context(fake, http)
    with pytest.raises(A.Unknown):
        XAdapter().publish(ctx, post)
    found = XAdapter().find_existing(ctx, post)
    assert found is not None and fake.posted_texts() == [text]
    assert found.remote_id in fake.tweets and ctx.checkpoint["tweet_ids"] == [found.remote_id]


def test_look_up_resumes_a_thread_and_ignores_older_posts(fake, http):
    parts = ("Info A 1/2", "Info B 2/2")
    XAdapter().publish(context(fake, http), outgoing("Info A 1/2"))  # an older, separate post
    fake.tweets.clear()
    post = outgoing(" ".join(parts), parts=parts)
    ctx = context(fake, http)
    assert XAdapter().find_existing(ctx, post) is None  # nothing sent yet: nothing to find
    fake.faults.add("success_then_500", route="POST /2/tweets")
    with pytest.raises(A.Unknown):
        XAdapter().publish(ctx, post)
    assert XAdapter().find_existing(ctx, post) is None  # part 2 is missing...
    result = XAdapter().publish(ctx, post)  # ...and only part 2 is sent
    assert fake.posted_texts() == list(parts)
    assert fake.tweets[result.extra["ids"][1]]["reply_to"] == result.remote_id


def test_expired_media_ids_are_uploaded_again(fake, http, tmp_path):
    ctx = context(fake, http)
    ctx.save_checkpoint({"media_ids": ["123"], "media_expires_at": time.time() - 5})
    result = XAdapter().publish(ctx, outgoing(media=(image(tmp_path),)))
    assert "123" not in result.extra["media_ids"] and len(fake.media) == 1


def test_delete_verify_and_connect_on_the_fixed_port(fake, http):
    result = XAdapter().publish(context(fake, http), outgoing("Hapus nanti", parts=("a", "b")))
    XAdapter().delete(context(fake, http), result)
    assert fake.tweets == {}
    XAdapter().delete(context(fake, http), result)  # gone already: fine
    info = XAdapter().verify(context(fake, http))
    assert (info.display_name, info.handle) == ("Humas Pemprov", "@humas_pemprov")

    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings, _ = fake.practice_account()

    def browser(url):
        with httpx.Client(follow_redirects=True, timeout=5) as b:
            b.get(url)
        return True

    _, secrets = XAdapter().connect({**settings, "redirect_port": str(port)},
                                    open_browser=browser, timeout=5)
    auth = fake.requests_to("GET", "/i/oauth2/authorize")[0].query
    assert auth["redirect_uri"] == f"http://127.0.0.1:{port}/callback"
    assert set(auth["scope"].split()) == set(x.SCOPES)
    assert secrets["refresh_token"] in fake.refresh_tokens
    ctx = A.PublishContext(client=http, account=settings, secrets=secrets,
                           log=logging.getLogger("test"))
    assert XAdapter().verify(ctx).handle == "@humas_pemprov"


class TestXContract(AdapterContract):
    create_route = "POST /2/tweets"
    upload_route = "POST /2/media/upload"
    refreshes_tokens = True
    rate_limit_wait = 30.0  # x-rate-limit-reset is whole epoch seconds

    @pytest.fixture
    def platform(self):
        return x.PLATFORM

    @pytest.fixture
    def fake_server(self, practice_server):
        return practice_server(FakeX)
