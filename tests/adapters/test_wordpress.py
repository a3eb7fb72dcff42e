"""The WordPress adapter against the practice portal over real HTTP on 127.0.0.1: media with alt
text, the featured image, images in the content, scheduling, tags, the slug that makes retries
safe, and how each failure becomes a typed error."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx
import pytest
from PIL import Image

from composer.core.adapters import (
    AuthExpired,
    MediaInvalid,
    OutgoingPost,
    PublishContext,
    RateLimited,
    Rejected,
    RenderedMedia,
    Transient,
    Unknown,
)
from composer.testing.contract import AdapterContract
from platforms.practice.server import FakeServer, Response, route
from platforms.practice.wordpress import API, WordPressFake
from platforms.wordpress import PLATFORM, WordPressAdapter, post_slug


class Journal:
    """The engine's memory between attempts: the last checkpoint, as JSON."""

    def __init__(self, client: httpx.Client, settings: dict, secrets: dict):
        self.client, self.settings, self.secrets, self.data = client, settings, secrets, {}

    def ctx(self) -> PublishContext:
        return PublishContext(client=self.client, account=self.settings, secrets=self.secrets,
                              log=logging.getLogger("test.wordpress"),
                              checkpoint=json.loads(json.dumps(self.data)),
                              save_checkpoint=self.save)

    def save(self, data) -> None:
        self.data = json.loads(json.dumps(data))


@pytest.fixture
def fake(practice_server):
    return practice_server(WordPressFake)


@pytest.fixture
def journal(fake, http):
    return Journal(http, *fake.practice_account())


def image(tmp_path, name: str, size=(800, 600), alt: str = "") -> RenderedMedia:
    path = tmp_path / name
    Image.new("RGB", size, (200, 60, 40)).save(path, quality=85)
    return RenderedMedia(str(path), "image/jpeg", size[0], size[1], alt=alt, sha256=name)


def a_post(tmp_path, **kw) -> OutgoingPost:
    fields = dict(post_id="p1", title="Pemadaman listrik terjadwal",
                  text="Pemadaman di Kecamatan Cibeunying, Kamis 09.00–12.00 WIB.\n\n"
                       "Info: https://pln.example/jadwal & <b>tanya</b> kami.",
                  media=(image(tmp_path, "peta.jpg", (1200, 675), "Peta wilayah pemadaman"),
                         image(tmp_path, "jadwal.jpg", (1080, 1080), "Tabel jadwal \"Kamis\"")),
                  idempotency_key="p1:portal")
    fields.update(kw)
    return OutgoingPost(**fields)


def test_post_with_featured_image_alt_text_and_images_in_the_content(fake, journal, tmp_path):
    result = WordPressAdapter().publish(journal.ctx(), a_post(tmp_path))

    [post] = fake.posts.values()
    assert result.remote_id == str(post["id"]) and result.url == post["link"]
    assert post["status"] == "publish" and post["title"]["raw"] == "Pemadaman listrik terjadwal"
    media = sorted(fake.media.values(), key=lambda m: m["id"])
    assert [m["alt_text"] for m in media] == ["Peta wilayah pemadaman", 'Tabel jadwal "Kamis"']
    assert post["featured_media"] == media[0]["id"]
    content = post["content"]["raw"]
    for m in media:
        assert f'class="wp-image-{m["id"]}"' in content and m["source_url"] in content
    assert 'alt="Tabel jadwal &quot;Kamis&quot;"' in content
    assert "&amp; &lt;b&gt;tanya&lt;/b&gt;" in content  # the officer's text is text, not HTML
    assert '<a href="https://pln.example/jadwal">' in content
    assert content.count("<!-- wp:paragraph -->") == 2
    assert fake.files[media[0]["source_url"].removeprefix(fake.url)][:3] == b"\xff\xd8\xff"
    assert [m["source_url"].rsplit("/", 1)[1] for m in media] == [
        "pemadaman-listrik-terjadwal-1.jpg", "pemadaman-listrik-terjadwal-2.jpg"]
    page = journal.client.get(result.url)  # the link in the history opens the post
    assert page.status_code == 200 and "Pemadaman listrik terjadwal" in page.text
    assert journal.client.get(media[1]["source_url"]).content[:3] == b"\xff\xd8\xff"


def test_scheduled_post_is_future_with_its_utc_date(fake, journal, tmp_path):
    post = a_post(tmp_path, media=(), schedule_utc="2031-03-01T08:30:00+07:00")
    result = WordPressAdapter().publish(journal.ctx(), post)
    [stored] = fake.posts.values()
    assert stored["status"] == "future" and stored["date_gmt"] == "2031-03-01T01:30:00"
    assert result.extra["status"] == "future"


def test_tags_are_found_by_name_or_created(fake, journal, tmp_path):
    fake.tags[2] = {"id": 2, "name": "Listrik", "slug": "listrik", "count": 0}
    WordPressAdapter().publish(journal.ctx(), a_post(tmp_path, media=(), tags=("#listrik", "Bandung")))
    [stored] = fake.posts.values()
    names = {fake.tags[t]["name"] for t in stored["tags"]}
    assert names == {"Listrik", "Bandung"} and len(fake.tags) == 2


def test_slug_is_readable_stable_and_unique_per_key(tmp_path):
    one = a_post(tmp_path, media=())
    assert post_slug(one) == post_slug(one)
    assert post_slug(one).startswith("pemadaman-listrik-terjadwal-")
    other = a_post(tmp_path, media=(), idempotency_key="p1:portal-2")
    assert post_slug(one) != post_slug(other)
    untitled = a_post(tmp_path, media=(), title="", text="Ÿes — ünïcode ok")
    assert post_slug(untitled).startswith("yes-unicode-ok-")


def test_lost_answer_to_the_draft_goes_on_from_that_draft(fake, journal, tmp_path):
    fake.faults.add("timeout", route="POST /posts$", after_work=True)
    adapter, post = WordPressAdapter(), a_post(tmp_path)
    with pytest.raises(Unknown):
        adapter.publish(journal.ctx(), post)
    [draft] = fake.posts.values()
    assert draft["status"] == "draft" and fake.published_texts() == []  # nobody saw anything
    assert adapter.find_existing(journal.ctx(), post) is None
    result = adapter.publish(journal.ctx(), post)
    assert result.remote_id == str(draft["id"]) and draft["status"] == "publish"
    assert len(fake.posts) == 1 and len(fake.media) == 2  # images were not uploaded again


def test_lost_answer_to_the_publish_step_is_found(fake, journal, tmp_path):
    fake.faults.add("timeout", route=r"POST /posts/\d+$", after_work=True)
    adapter, post = WordPressAdapter(), a_post(tmp_path, media=())
    with pytest.raises(Unknown):
        adapter.publish(journal.ctx(), post)
    found = adapter.find_existing(journal.ctx(), post)
    [stored] = fake.posts.values()
    assert found.remote_id == str(stored["id"]) and found.url == stored["link"]
    assert stored["status"] == "publish"


def test_500_on_create_then_retry_publishes_once(fake, journal, tmp_path):
    fake.faults.add("success_then_500", route="POST /posts$")
    adapter, post = WordPressAdapter(), a_post(tmp_path, media=())
    with pytest.raises(Unknown):
        adapter.publish(journal.ctx(), post)
    adapter.publish(journal.ctx(), post)
    assert len(fake.posts) == 1 and len(fake.published_texts()) == 1


class LateLanding(WordPressFake):
    """The first create hangs (the client gives up) and lands only while the retry is being
    made: the race no look-up can win."""

    @route("POST", API + r"/posts")
    def create_post(self, request):
        creates = self.requests_to("POST", r"/posts$")
        if len(creates) == 2 and creates[0].fault == "timeout":
            super().create_post(creates[0])  # the lost request lands now, before the retry
        return super().create_post(request)


def test_a_lost_create_landing_during_the_retry_leaves_one_post(http, tmp_path):
    with LateLanding() as fake:
        fake.faults.add("timeout", route="POST /posts$")  # hangs, does nothing (yet)
        journal = Journal(http, *fake.practice_account())
        adapter, post = WordPressAdapter(), a_post(tmp_path, media=())
        with pytest.raises(Unknown):
            adapter.publish(journal.ctx(), post)
        assert adapter.find_existing(journal.ctx(), post) is None and fake.posts == {}
        result = adapter.publish(journal.ctx(), post)
        [stored] = fake.posts.values()  # the twin was deleted before anyone could see it
        assert stored["slug"] == post_slug(post) and stored["status"] == "publish"
        assert result.remote_id == str(stored["id"])
        assert len(fake.requests_to("DELETE", r"/posts/\d+$")) == 1


def test_find_existing_ignores_trashed_posts(fake, journal, tmp_path):
    adapter, post = WordPressAdapter(), a_post(tmp_path, media=())
    assert adapter.find_existing(journal.ctx(), post) is None
    result = adapter.publish(journal.ctx(), post)
    adapter.delete(journal.ctx(), result)
    assert fake.posts[int(result.remote_id)]["status"] == "trash"
    adapter.delete(journal.ctx(), result)  # already in the trash: nothing to do
    assert adapter.find_existing(journal.ctx(), post) is None


def test_connection_reset_mid_upload_is_transient(fake, journal, tmp_path):
    fake.faults.add("reset", route="POST /media$", after_bytes=1000)
    with pytest.raises(Transient):
        WordPressAdapter().publish(journal.ctx(), a_post(tmp_path))
    assert fake.media == {} and fake.posts == {}


class SecondUploadFails(WordPressFake):
    uploads = 0

    @route("POST", API + r"/media")
    def upload(self, request):
        self.uploads += 1
        if self.uploads == 2:
            return self.error_response(502, "bad gateway")
        return super().upload(request)


def test_failed_second_upload_resumes_without_uploading_the_first_again(http, tmp_path):
    with SecondUploadFails() as fake:
        journal = Journal(http, *fake.practice_account())
        adapter, post = WordPressAdapter(), a_post(tmp_path)
        with pytest.raises(Transient):
            adapter.publish(journal.ctx(), post)
        assert len(fake.media) == 1 and len(journal.data["media"]) == 1
        adapter.publish(journal.ctx(), post)
        assert len(fake.media) == 2 and len(fake.posts) == 1
        assert fake.uploads == 3


def test_wrong_application_password_is_auth_expired(fake, http, tmp_path):
    settings, _ = fake.practice_account()
    journal = Journal(http, settings, {"app_password": "xxxx xxxx xxxx xxxx xxxx xxxx"})
    with pytest.raises(AuthExpired):
        WordPressAdapter().publish(journal.ctx(), a_post(tmp_path))
    assert fake.media == {} and fake.posts == {}


def test_revoked_password_is_auth_expired(fake, journal, tmp_path):
    fake.faults.add("expired_token", route="POST /posts$")
    with pytest.raises(AuthExpired):
        WordPressAdapter().publish(journal.ctx(), a_post(tmp_path, media=()))


def test_invalid_parameter_is_rejected_with_the_reason(fake, journal, tmp_path):
    fake.faults.add("status", route="POST /posts$", code=400)
    with pytest.raises(Rejected):
        WordPressAdapter().publish(journal.ctx(), a_post(tmp_path, media=()))


def test_not_an_image_is_media_invalid(fake, journal, tmp_path):
    bogus = tmp_path / "x.jpg"
    bogus.write_bytes(b"MZ this is not an image")
    post = a_post(tmp_path, media=(RenderedMedia(str(bogus), "image/jpeg", 1, 1),))
    with pytest.raises(MediaInvalid, match="not allowed to upload this file type"):
        WordPressAdapter().publish(journal.ctx(), post)


def test_too_large_upload_is_media_invalid(fake, journal, tmp_path):
    fake.max_upload_bytes = 100
    with pytest.raises(MediaInvalid):
        WordPressAdapter().publish(journal.ctx(), a_post(tmp_path))


def test_rate_limit_carries_retry_after(fake, journal, tmp_path):
    fake.faults.add("rate_limit", route="POST /posts$", retry_after=17)
    with pytest.raises(RateLimited) as caught:
        WordPressAdapter().publish(journal.ctx(), a_post(tmp_path, media=()))
    assert caught.value.retry_after == 17


def test_proxy_error_on_create_is_unknown(fake, journal, tmp_path):
    fake.faults.add("status", route="POST /posts$", code=502)
    with pytest.raises(Unknown):
        WordPressAdapter().publish(journal.ctx(), a_post(tmp_path, media=()))


def test_unreachable_site_is_transient(http, tmp_path):
    journal = Journal(http, {"url": "http://127.0.0.1:9", "user": "admin"}, {"app_password": "x"})
    with pytest.raises(Transient):
        WordPressAdapter().publish(journal.ctx(), a_post(tmp_path, media=()))


class NotWordPress(FakeServer):
    @route("POST", r"/.*")
    def page(self, request):
        return Response(200, body="<html>Selamat datang</html>", headers={"Content-Type": "text/html"})


def test_a_site_without_the_rest_api_is_rejected_plainly(http, tmp_path):
    with NotWordPress() as other:
        journal = Journal(http, {"url": other.url, "user": "admin"}, {"app_password": "x"})
        with pytest.raises(Rejected, match="does not answer like a WordPress site"):
            WordPressAdapter().publish(journal.ctx(), a_post(tmp_path, media=()))


def test_site_with_plain_permalinks_is_reached_through_rest_route(http, tmp_path):
    with WordPressFake() as fake:
        fake.pretty_permalinks = False
        journal = Journal(http, *fake.practice_account())
        result = WordPressAdapter().publish(journal.ctx(), a_post(tmp_path))
        assert len(fake.posts) == 1 and len(fake.media) == 2
        assert WordPressAdapter().find_existing(journal.ctx(), a_post(tmp_path)).remote_id \
            == result.remote_id
        assert {r.path for r in fake.requests} >= {"/wp-json/wp/v2/posts", "/__not_routed__"}


def test_verify_names_the_user(fake, journal):
    info = WordPressAdapter().verify(journal.ctx())
    assert info.handle == "admin" and info.avatar_url


def test_verify_refuses_a_user_who_may_not_publish(fake, journal, tmp_path):
    fake.role = "contributor"
    with pytest.raises(Rejected, match=r"admin \(contributor\) may not publish"):
        WordPressAdapter().verify(journal.ctx())
    with pytest.raises(Rejected, match="not allowed to upload"):
        WordPressAdapter().publish(journal.ctx(), a_post(tmp_path))


def test_no_secret_reaches_the_journal(fake, journal, tmp_path):
    WordPressAdapter().publish(journal.ctx(), a_post(tmp_path))
    assert fake.app_password not in json.dumps(journal.data)


def test_platform_exposes_the_adapter():
    assert isinstance(PLATFORM.make_adapter(), WordPressAdapter)


class TestWordPressContract(AdapterContract):
    create_route = "POST /wp-json/wp/v2/posts$"
    upload_route = "POST /wp-json/wp/v2/media$"

    @pytest.fixture
    def platform(self):
        return PLATFORM

    @pytest.fixture
    def fake_server(self, practice_server):
        return practice_server(WordPressFake)


def test_every_message_has_an_indonesian_translation():
    import re

    import platforms.wordpress as module
    from composer.core.i18n import _catalog

    source = Path(module.__file__).read_text(encoding="utf-8")
    messages = re.findall(r'_\(\s*"((?:[^"\\]|\\.)*)"', source)
    assert messages and [m for m in messages if m not in _catalog("id")] == []
