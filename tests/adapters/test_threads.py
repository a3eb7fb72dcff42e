"""ThreadsAdapter against the practice profile: TEXT, IMAGE and CAROUSEL containers, the
500-character and 5-link limits refused before any request, long texts as reply chains, the
media host, and containers journalled part by part (never a part published twice)."""

from __future__ import annotations

import httpx
import pytest
from PIL import Image

from composer.core import adapters as A
from composer.core.text import split
from composer.testing.context import practice_context
from composer.testing.contract import AdapterContract
from platforms import threads
from platforms.practice.threads import FakeThreads
from platforms.threads import ThreadsAdapter


@pytest.fixture
def practice_read_timeout():
    return 2.0  # for the `http` of tests/adapters/conftest.py


@pytest.fixture
def fake(practice_server):
    return practice_server(FakeThreads)


@pytest.fixture
def adapter():
    a = ThreadsAdapter()
    a.poll_interval = 0.01
    return a


def context(fake, http, checkpoint=None) -> A.PublishContext:
    return practice_context(fake, http, checkpoint=checkpoint)


def image(tmp_path, name="a.png", size=(1080, 1080), fmt="PNG", mime="image/png"):
    path = tmp_path / name
    Image.new("RGB", size, "orange").save(path, fmt)
    return A.RenderedMedia(str(path), mime, *size, alt=f"alt {name}")


def outgoing(text="Halo Threads dari Siaran", **kw) -> A.OutgoingPost:
    return A.OutgoingPost(post_id="p1", text=text, idempotency_key="k1", **kw)


def test_text_post_with_the_token_as_a_parameter(fake, http, adapter):
    result = adapter.publish(context(fake, http), outgoing())
    assert fake.posts[result.remote_id]["text"] == "Halo Threads dari Siaran"
    create = fake.requests_to("POST", r"/threads$")[0]
    assert create.form["media_type"] == "TEXT" and create.form["access_token"]
    assert "authorization" not in create.headers
    assert result.url == fake.posts[result.remote_id]["permalink"]


def test_link_attachment_when_the_link_is_not_in_the_text(fake, http, adapter):
    adapter.publish(context(fake, http), outgoing("Baca selengkapnya",
                                                  link="https://jatimprov.go.id/berita/1"))
    assert fake.requests_to("POST", r"/threads$")[0].form["link_attachment"] == \
        "https://jatimprov.go.id/berita/1"


def test_image_and_carousel_with_alt_text(fake, http, adapter, tmp_path):
    one = adapter.publish(context(fake, http), outgoing("satu", media=(image(tmp_path),)))
    assert fake.posts[one.remote_id]["media_type"] == "IMAGE"
    form = fake.requests_to("POST", r"/threads$")[0].form
    assert form["alt_text"] == "alt a.png" and form["image_url"] in fake.fetched
    media = tuple(image(tmp_path, f"c{i}.jpg", fmt="JPEG", mime="image/jpeg") for i in range(3))
    ctx = context(fake, http)
    many = adapter.publish(ctx, outgoing("tiga", media=media))
    creates = [r.form for r in fake.requests_to("POST", r"/threads$")][1:]
    assert [f.get("is_carousel_item") for f in creates[:3]] == ["true"] * 3
    assert creates[3]["media_type"] == "CAROUSEL"
    assert creates[3]["children"].split(",") == ctx.checkpoint["items"]
    assert fake.posts[many.remote_id]["media_type"] == "CAROUSEL"


def test_over_500_or_more_than_5_links_is_refused_before_any_request(fake, http, adapter):
    with pytest.raises(A.Rejected, match="too long"):
        adapter.publish(context(fake, http), outgoing("a" * 501))
    with pytest.raises(A.Rejected, match="too long"):  # emoji count as their UTF-8 bytes
        adapter.publish(context(fake, http), outgoing("a" * 480 + "😀" * 6))
    links = " ".join(f"https://example.go.id/{i}" for i in range(6))
    with pytest.raises(A.Rejected, match="at most 5 links"):
        adapter.publish(context(fake, http), outgoing(f"Tautan: {links}"))
    assert fake.requests == []
    adapter.publish(context(fake, http), outgoing("a" * 476 + "😀" * 6))  # exactly 500


def test_a_long_text_becomes_a_reply_chain(fake, http, adapter):
    text = " ".join(f"Kalimat nomor {i} tentang layanan publik." for i in range(40))
    parts = tuple(split(threads.SPEC, text))
    assert len(parts) > 2
    result = adapter.publish(context(fake, http), outgoing(text, parts=parts))
    ids = result.extra["ids"]
    assert [fake.posts[i]["text"] for i in ids] == list(parts)
    assert fake.posts[ids[0]].get("replied_to") is None
    assert [fake.posts[i]["replied_to"]["id"] for i in ids[1:]] == ids[:-1]
    assert fake.published_texts() == [parts[0]]


def test_a_reply_chain_resumes_after_a_lost_part_without_repeats(fake, http, adapter):
    parts = ("Bagian satu 1/3", "Bagian dua 2/3", "Bagian tiga 3/3")
    post = outgoing(" ".join(parts), parts=parts)
    fake.faults.add("success_then_500", route=r"POST /v1\.0/\w+/threads_publish$")
    ctx = context(fake, http)
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, post)  # part 1 published, answer lost
    assert adapter.find_existing(ctx, post) is None  # part 1 found, parts 2-3 still to go
    assert len(ctx.checkpoint["ids"]) == 1
    fake.faults.add("timeout", route=r"POST /v1\.0/\w+/threads_publish$", after_work=True,
                    seconds=3)
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, post)  # part 2 published, answer lost
    result = adapter.find_existing(ctx, post) or adapter.publish(ctx, post)
    assert fake.all_texts() == list(parts)
    ids = result.extra["ids"]
    assert [(fake.posts[i]["replied_to"] or {}).get("id") for i in ids] == [None, ids[0], ids[1]]


def test_expired_container_is_made_again(fake, http, adapter):
    fake.faults.add("status", route=r"POST /v1\.0/\w+/threads_publish$", code=503)
    ctx = context(fake, http)
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, outgoing())
    first = ctx.checkpoint["containers"][0]
    fake.expire(first)
    adapter.publish(ctx, outgoing())
    assert ctx.checkpoint["containers"][0] != first and len(fake.posts) == 1


def test_png_and_jpeg_only(fake, http, adapter, tmp_path):
    gif = image(tmp_path, "x.gif", fmt="GIF", mime="image/gif")
    with pytest.raises(A.MediaInvalid, match="JPEG or PNG"):
        adapter.publish(context(fake, http), outgoing(media=(gif,)))
    assert fake.requests == []


def test_verify(fake, http, adapter):
    assert adapter.verify(context(fake, http)).handle == "@humas.pemprov"


class TestThreadsContract(AdapterContract):
    create_route = r"POST /v1\.0/\w+/threads_publish$"
    upload_route = r"PUT /practice-media/"
    rate_limit_wait = 60.0  # Meta says it in whole minutes

    @pytest.fixture(autouse=True)
    def quick_polls(self, monkeypatch):
        monkeypatch.setattr(ThreadsAdapter, "poll_interval", 0.01)

    @pytest.fixture
    def platform(self):
        return threads.PLATFORM

    @pytest.fixture
    def fake_server(self, practice_server):
        return practice_server(FakeThreads)


def test_connect_signs_in_and_exchanges_for_a_long_lived_token(fake):
    def browser(url):
        with httpx.Client(follow_redirects=True, timeout=5) as b:
            b.get(url)
        return True

    account = {"api_url": fake.url, "login_url": fake.url, "app_id": fake.app_id}
    settings, secrets = ThreadsAdapter().connect(account, {"app_secret": fake.app_secret},
                                                 open_browser=browser, timeout=5)
    assert settings["user_id"] == fake.user_id
    assert secrets["access_token"] == fake.access_token
    authorize = fake.requests_to("GET", r"^/oauth/authorize$")[0].query
    assert authorize["scope"].split() == ["threads_basic", "threads_content_publish"]
    assert authorize["redirect_uri"].startswith("http://127.0.0.1:")
    assert fake.requests_to("GET", r"^/access_token$")[0].query["grant_type"] == \
        "th_exchange_token"


def test_an_image_without_a_media_host_is_refused_before_any_request(fake, http, adapter,
                                                                      tmp_path):
    ctx = context(fake, http)
    ctx.account = {**ctx.account, "media_host": "s3", "media_s3_bucket": ""}
    with pytest.raises(A.Rejected, match="S3 bucket is missing"):
        adapter.publish(ctx, outgoing(media=(image(tmp_path),)))
    assert fake.requests == []
    adapter.publish(ctx, outgoing("tanpa gambar"))  # a text post needs no host
