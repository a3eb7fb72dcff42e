"""InstagramAdapter against the practice account (which fetches every image_url like Meta): an
image that is not a JPEG or outside 4:5-1.91:1 never reaches the API; single images and
carousels with alt text; container polling; container ids journalled so a retry reuses them and
a PUBLISHED container is never published again."""

from __future__ import annotations

import httpx
import pytest
from PIL import Image

from composer.core import adapters as A
from composer.core.journal import State
from composer.core.post import MediaRef, Post
from composer.core.publish import Engine, Target
from composer.core.registry import Registry
from composer.core.store import Store
from composer.testing.context import practice_context
from composer.testing.contract import AdapterContract, Harness, Sleeps
from platforms import instagram
from platforms.instagram import InstagramAdapter
from platforms.practice.instagram import FakeInstagram


@pytest.fixture
def practice_read_timeout():
    return 2.0  # for the `http` of tests/adapters/conftest.py


@pytest.fixture
def fake(practice_server):
    return practice_server(FakeInstagram)


@pytest.fixture
def adapter():
    a = InstagramAdapter()
    a.poll_interval = 0.01
    return a


def context(fake, http, checkpoint=None) -> A.PublishContext:
    return practice_context(fake, http, checkpoint=checkpoint)


def image(tmp_path, name="a.jpg", size=(1080, 1350), fmt="JPEG", mime="image/jpeg"):
    path = tmp_path / name
    Image.linear_gradient("L").resize(size).convert("RGB").save(path, fmt)
    return A.RenderedMedia(str(path), mime, *size, alt=f"alt {name}")


def outgoing(text="Jembatan baru dibuka #infrastruktur", **kw) -> A.OutgoingPost:
    return A.OutgoingPost(post_id="p1", text=text, idempotency_key="k1", **kw)


def graph_requests(fake):
    return [r for r in fake.requests if r.path.startswith("/v")]


def test_single_image_container_with_alt_then_publish(fake, http, adapter, tmp_path):
    ctx = context(fake, http)
    result = adapter.publish(ctx, outgoing(media=(image(tmp_path),)))
    (create,) = fake.requests_to("POST", r"/media$")
    form = create.form
    assert form["caption"] == "Jembatan baru dibuka #infrastruktur"
    assert form["alt_text"] == "alt a.jpg" and "is_carousel_item" not in form
    assert form["access_token"] == fake.access_token and "access_token" not in create.query
    assert fake.fetched == [form["image_url"]]  # Meta fetched the hosted file
    assert httpx.get(form["image_url"]).content == (tmp_path / "a.jpg").read_bytes()
    media = fake.media[result.remote_id]
    assert media["caption"] == form["caption"] and result.url == media["permalink"]
    assert fake.containers[ctx.checkpoint["container"]]["status_code"] == "PUBLISHED"


def test_carousel_items_then_carousel_container(fake, http, adapter, tmp_path):
    media = tuple(image(tmp_path, f"c{i}.jpg", (1080, 1080)) for i in range(3))
    ctx = context(fake, http)
    adapter.publish(ctx, outgoing(media=media))
    creates = [r.form for r in fake.requests_to("POST", r"/media$")]
    items, carousel = creates[:3], creates[3]
    assert [f["is_carousel_item"] for f in items] == ["true"] * 3
    assert [f["alt_text"] for f in items] == ["alt c0.jpg", "alt c1.jpg", "alt c2.jpg"]
    assert "caption" not in items[0]
    assert carousel["media_type"] == "CAROUSEL"
    assert carousel["children"].split(",") == ctx.checkpoint["items"]
    assert fake.media[ctx.checkpoint["media_id"]]["media_type"] == "CAROUSEL"


@pytest.mark.parametrize("bad", ["png", "too-wide", "too-tall"])
def test_an_image_instagram_would_refuse_never_reaches_the_api(fake, http, adapter, tmp_path,
                                                               bad):
    media = {"png": image(tmp_path, "x.png", (1080, 1080), "PNG", "image/png"),
             "too-wide": image(tmp_path, "w.jpg", (2000, 1000)),
             "too-tall": image(tmp_path, "t.jpg", (1000, 1300))}[bad]
    with pytest.raises(A.MediaInvalid, match="nothing was sent"):
        adapter.publish(context(fake, http), outgoing(media=(image(tmp_path), media)))
    assert fake.requests == []  # no upload to the host, no container, nothing
    # a JPEG with a PNG's name is still not a JPEG
    liar = A.RenderedMedia(media.path, "image/jpeg", 1080, 1080)
    if bad == "png":
        with pytest.raises(A.MediaInvalid):
            adapter.publish(context(fake, http), outgoing(media=(liar,)))
        assert fake.requests == []


def test_the_variant_is_fixed_before_any_request(fake, tmp_path, monkeypatch):
    """Through the engine: a wide PNG becomes a JPEG inside 4:5-1.91:1 when the variant is
    rendered, so what Instagram fetches is always acceptable."""
    monkeypatch.setenv("SIARAN_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(InstagramAdapter, "poll_interval", 0.01)
    wide = tmp_path / "wide.png"
    Image.linear_gradient("L").resize((3000, 1000)).convert("RGBA").save(wide)
    post = Post(text="Panorama pelabuhan #maritim")
    post.media.append(MediaRef(str(wide), alt="pelabuhan"))
    store = Store()
    engine = Engine(store, Registry(platforms={"instagram": instagram.PLATFORM}), sleep=Sleeps())
    settings, secrets = fake.practice_account()
    (outcome,) = engine.publish(post, [Target("ig", "instagram", settings, secrets, adhoc=True)])
    store.close()
    assert outcome.state == State.POSTED, outcome.reason
    (url,) = fake.fetched
    data = httpx.get(url).content
    kind, width, height = fake.image_info(data)
    assert kind == "JPEG" and 0.8 <= width / height <= 1.91


def test_too_many_hashtags_or_a_long_caption_are_refused_before_any_request(fake, http, adapter,
                                                                            tmp_path):
    tags = " ".join(f"#tag{i}" for i in range(6))
    with pytest.raises(A.Rejected, match="hashtags"):
        adapter.publish(context(fake, http), outgoing(f"Acara {tags}",
                                                      media=(image(tmp_path),)))
    with pytest.raises(A.Rejected, match="too long"):
        adapter.publish(context(fake, http), outgoing("a" * 2201, media=(image(tmp_path),)))
    with pytest.raises(A.Rejected, match="at least one image"):
        adapter.publish(context(fake, http), outgoing())
    assert fake.requests == []


def test_container_status_is_polled_until_finished(http, adapter, tmp_path):
    with FakeInstagram(processing_polls=3) as fake:
        adapter.publish(context(fake, http), outgoing(media=(image(tmp_path),)))
        reads = [r for r in fake.requests_to("GET", r"/v[\d.]+/\d+$")
                 if "status_code" in r.query.get("fields", "")]
        assert len(reads) == 4  # IN_PROGRESS x3, FINISHED


def test_a_container_in_error_is_a_media_refusal(fake, http, adapter, tmp_path):
    ctx = context(fake, http)
    fake.processing_polls = 5
    original = fake.node

    def broken(req):
        container = fake.containers.get(req.params["id"])
        if container is not None:
            container["status_code"] = "ERROR"
        return original(req)

    fake._routes = [(m, p, broken if h == original else h) for m, p, h in fake._routes]
    with pytest.raises(A.MediaInvalid, match="could not process"):
        adapter.publish(ctx, outgoing(media=(image(tmp_path),)))


def test_a_lost_publish_reuses_the_journalled_container(fake, http, adapter, tmp_path):
    fake.faults.add("timeout", route=r"POST /v[\d.]+/\d+/media_publish$", seconds=3)
    ctx = context(fake, http)
    post = outgoing(media=(image(tmp_path),))
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, post)
    assert adapter.find_existing(ctx, post) is None  # the container says: not published
    adapter.publish(ctx, post)
    assert len(fake.containers) == 1 and len(fake.media) == 1
    assert len(fake.requests_to("PUT", "/practice-media/")) == 1  # hosted once


def test_a_published_container_is_found_never_published_twice(fake, http, adapter, tmp_path):
    fake.faults.add("success_then_500", route=r"POST /v[\d.]+/\d+/media_publish$")
    ctx = context(fake, http)
    post = outgoing(media=(image(tmp_path),))
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, post)
    found = adapter.find_existing(ctx, post)
    assert found is not None and found.remote_id in fake.media
    again = adapter.publish(ctx, post)  # even a retry with this journal does not post again
    assert again.remote_id == found.remote_id and len(fake.media) == 1


def test_an_expired_container_is_made_anew(fake, http, adapter, tmp_path):
    fake.faults.add("status", route=r"POST /v[\d.]+/\d+/media_publish$", code=503)
    ctx = context(fake, http)
    post = outgoing(media=(image(tmp_path),))
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, post)
    first = ctx.checkpoint["container"]
    fake.expire(first)  # a resume the next day
    adapter.publish(ctx, post)
    assert ctx.checkpoint["container"] != first and len(fake.media) == 1


def test_a_full_daily_quota_is_read_before_anything_is_uploaded(fake, http, adapter, tmp_path):
    fake.quota = 0
    with pytest.raises(A.RateLimited, match="0 of 0") as limited:
        adapter.publish(context(fake, http), outgoing(media=(image(tmp_path),)))
    assert limited.value.retry_after == 3600
    assert not fake.requests_to("PUT", "/practice-media/") and not fake.containers


def test_a_quota_refusal_at_publish_asks_to_resume_later(fake, http, adapter, tmp_path):
    ctx = context(fake, http)
    fake.faults.add("status", route=r"POST /v[\d.]+/\d+/media_publish$", code=503)
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, outgoing(media=(image(tmp_path),)))
    fake.quota = 0  # filled meanwhile by another app; the container exists already
    with pytest.raises(A.RateLimited) as limited:
        adapter.publish(ctx, outgoing(media=(image(tmp_path),)))
    assert limited.value.retry_after == 3600 and "no more posts today" in limited.value.reason


def test_no_media_host_set_up_is_refused_before_any_request(fake, http, adapter, tmp_path):
    ctx = context(fake, http)
    ctx.account = {k: v for k, v in ctx.account.items() if not k.startswith("media_")}
    with pytest.raises(A.Rejected, match="image host is not set up"):
        adapter.publish(ctx, outgoing(media=(image(tmp_path),)))
    assert fake.requests == []


def test_verify_and_no_scheduling(fake, http, adapter, tmp_path):
    assert adapter.verify(context(fake, http)).handle == "@humas.pemprov"
    from datetime import UTC, datetime

    from composer.core.outgoing import NotPublishable, build

    photo = tmp_path / "p.jpg"
    Image.new("RGB", (1080, 1080), (10, 20, 30)).save(photo)
    later = Post(text="nanti", media=[MediaRef(str(photo), alt="foto")],
                 schedule=datetime(2099, 1, 1, tzinfo=UTC))
    before = len(fake.requests)
    with pytest.raises(NotPublishable, match="cannot hold a post until"):  # the rule book
        build(later, "ig", instagram.SPEC, out_dir=tmp_path / "out")
    assert len(fake.requests) == before


class TestInstagramContract(AdapterContract):
    create_route = r"POST /v[\d.]+/\d+/media_publish$"
    upload_route = r"PUT /practice-media/"
    rate_limit_wait = 60.0  # Meta says it in whole minutes

    @pytest.fixture(autouse=True)
    def _instagram_needs_an_image(self, monkeypatch):
        """Every post of the kit carries at least one image: Instagram has no text posts."""
        plain = Harness.post
        monkeypatch.setattr(Harness, "post",
                            lambda self, text=None, images=0: plain(self, text, max(images, 1)))
        monkeypatch.setattr(InstagramAdapter, "poll_interval", 0.01)

    @pytest.fixture
    def platform(self):
        return instagram.PLATFORM

    @pytest.fixture
    def fake_server(self, practice_server):
        return practice_server(FakeInstagram)


def test_connect_with_facebook_login_finds_the_linked_instagram_account(fake):
    from composer.core.oauth import SignInError

    def browser(url):
        with httpx.Client(follow_redirects=True, timeout=5) as b:
            b.get(url)
        return True

    account = {"api_url": fake.url, "login_url": fake.url, "app_id": fake.app_id}
    settings, secrets = InstagramAdapter().connect(account, {"app_secret": fake.app_secret},
                                                   open_browser=browser, timeout=5)
    assert settings["ig_user_id"] == fake.user_id
    assert secrets["access_token"] == fake.access_token and float(secrets["expires_at"]) > 0
    scope = fake.requests_to("GET", r"/dialog/oauth$")[0].query["scope"].split()
    assert "instagram_content_publish" in scope
    with pytest.raises(SignInError, match="humas.pemprov"):
        InstagramAdapter().connect({**account, "ig_user_id": "999"},
                                   {"app_secret": fake.app_secret}, open_browser=browser,
                                   timeout=5)
