"""The Bluesky adapter against the practice PDS over real HTTP on 127.0.0.1: the record it writes
(facets, images, alt, aspectRatio, threads), its session handling, its own record key on retry,
and how each failure becomes a typed error."""

from __future__ import annotations

import json
import logging
import re
import time
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
from composer.core.journal import State
from composer.testing.contract import AdapterContract
from platforms.bluesky import PLATFORM, BlueskyAdapter, make_tid, make_tids
from platforms.practice.bluesky import BlueskyFake
from platforms.practice.server import route


class Journal:
    """What the engine keeps between attempts: the adapter's last checkpoint. Every attempt gets
    a fresh context from it, as after a crash."""

    def __init__(self, fake: BlueskyFake, client: httpx.Client, settings=None, secrets=None):
        self.fake, self.client, self.data = fake, client, {}
        self.settings, self.secrets = fake.practice_account() if settings is None else (settings, secrets)

    def ctx(self) -> PublishContext:
        return PublishContext(client=self.client, account=self.settings, secrets=self.secrets,
                              log=logging.getLogger("test.bluesky"),
                              checkpoint=json.loads(json.dumps(self.data)),
                              save_checkpoint=self.save)

    def save(self, data) -> None:
        self.data = json.loads(json.dumps(data))  # what a journal row can hold: JSON


@pytest.fixture
def fake(practice_server):
    return practice_server(BlueskyFake)


@pytest.fixture
def journal(fake, http):
    return Journal(fake, http)


def image(tmp_path, name: str, size=(800, 600), alt: str = "") -> RenderedMedia:
    path = tmp_path / name
    Image.new("RGB", size, (30, 90, 160)).save(path, quality=85)
    return RenderedMedia(str(path), "image/jpeg", size[0], size[1], alt=alt)


def records(fake: BlueskyFake, journal: Journal) -> dict:
    return fake.posts(journal.settings["handle"])


def test_post_with_facets_images_alt_and_aspect_ratio(fake, journal, tmp_path):
    fake.add_account("dinas-pu.test")
    text = "Banjir 🌊 di Kemang! #SiagaBanjir info https://bpbd.jakarta.go.id/peta cc @dinas-pu.test"
    media = (image(tmp_path, "a.jpg", (1080, 1350), "Air setinggi lutut di Jl. Kemang Raya"),
             image(tmp_path, "b.jpg", (1200, 675), ""))
    result = BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", text, media=media,
                                                                 idempotency_key="p1:kanwil"))

    [(rkey, record)] = records(fake, journal).items()
    assert result.url == f"{fake.url}/profile/humas-latihan.test/post/{rkey}"  # practice view
    page = journal.client.get(result.url)
    assert page.status_code == 200 and "#SiagaBanjir" in page.text
    assert result.remote_id.endswith(f"/app.bsky.feed.post/{rkey}")
    assert record["text"] == text and record["langs"] == ["id"]
    encoded = text.encode()
    resolved = {f["features"][0]["$type"].split("#")[1]:
                encoded[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode() for f in record["facets"]}
    assert resolved == {"tag": "#SiagaBanjir", "link": "https://bpbd.jakarta.go.id/peta",
                        "mention": "@dinas-pu.test"}
    features = {f["features"][0]["$type"]: f["features"][0] for f in record["facets"]}
    assert features["app.bsky.richtext.facet#tag"]["tag"] == "SiagaBanjir"
    assert features["app.bsky.richtext.facet#link"]["uri"] == "https://bpbd.jakarta.go.id/peta"
    assert features["app.bsky.richtext.facet#mention"]["did"] == fake._by_handle("dinas-pu.test").did
    images = record["embed"]["images"]
    assert [i["alt"] for i in images] == ["Air setinggi lutut di Jl. Kemang Raya", ""]
    assert [i["aspectRatio"] for i in images] == [{"width": 1080, "height": 1350},
                                                  {"width": 1200, "height": 675}]
    assert all(i["image"]["mimeType"] == "image/jpeg" and i["image"]["size"] > 0 for i in images)


def test_cashtags_and_long_tags_as_atproto_api_0_21_makes_them(fake, journal):
    scotland = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    text = ("Saham $bbca naik, US$5 bukan. #" + "😀" * 33 + " #" + scotland * 30 + " #" + "a" * 65
            + " #SiagaBanjir")
    BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", text, idempotency_key="k"))
    [record] = records(fake, journal).values()
    encoded = text.encode()
    tags = [(encoded[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode(), f["features"][0]["tag"])
            for f in record["facets"]]
    # 33 emoji are 66 UTF-16 units but 33 graphemes: a tag since 0.21; the flag tag (30
    # graphemes, 840 bytes) would make the PDS refuse the post, so it stays plain text.
    assert tags == [("$bbca", "$BBCA"), ("#" + "😀" * 33, "😀" * 33), ("#SiagaBanjir", "SiagaBanjir")]


def test_post_url_is_on_bsky_app_unless_the_account_names_its_own_web_view(fake, http):
    settings, secrets = fake.practice_account()
    del settings["web_url"]
    journal = Journal(fake, http, settings, secrets)
    result = BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", "halo", idempotency_key="k"))
    assert result.url == f"https://bsky.app/profile/humas-latihan.test/post/{result.extra['rkeys'][0]}"


def test_unknown_mention_stays_plain_text(fake, journal):
    BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", "halo @tidak-ada.test", idempotency_key="k"))
    [record] = records(fake, journal).values()
    assert "facets" not in record


def test_thread_parts_become_replies_to_the_root(fake, journal, tmp_path):
    parts = ("Bagian satu 1/3", "Bagian dua 2/3", "Bagian tiga 3/3")
    media = (image(tmp_path, "a.jpg", alt="peta"),)
    result = BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", " ".join(parts), parts=parts,
                                                                 media=media, idempotency_key="k"))
    posts = records(fake, journal)
    rkeys = result.extra["rkeys"]
    assert [posts[k]["text"] for k in rkeys] == list(parts) and rkeys == sorted(rkeys)
    root_ref = posts[rkeys[1]]["reply"]["root"]
    assert root_ref["uri"] == result.remote_id and root_ref["uri"].endswith(rkeys[0])
    assert posts[rkeys[2]]["reply"]["root"] == root_ref
    assert posts[rkeys[2]]["reply"]["parent"]["uri"].endswith(rkeys[1])
    assert "embed" in posts[rkeys[0]] and "embed" not in posts[rkeys[1]]
    assert "reply" not in posts[rkeys[0]]

    BlueskyAdapter().delete(journal.ctx(), result)
    assert records(fake, journal) == {}


def test_expired_access_token_is_refreshed_once_without_signing_in_again(fake, journal):
    adapter = BlueskyAdapter()
    adapter.publish(journal.ctx(), OutgoingPost("p1", "satu", idempotency_key="a"))
    fake.expire_tokens()
    adapter.publish(Journal(fake, journal.client, journal.settings, journal.secrets).ctx(),
                    OutgoingPost("p2", "dua", idempotency_key="b"))
    assert len(fake.requests_to("POST", r"createSession$")) == 1
    assert len(fake.requests_to("POST", r"refreshSession$")) == 1
    assert len(records(fake, journal)) == 2


def test_injected_expired_token_on_create_refreshes_and_posts_once(fake, journal):
    fake.faults.add("expired_token", route="POST createRecord")
    BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", "halo", idempotency_key="a"))
    assert len(records(fake, journal)) == 1
    assert len(fake.requests_to("POST", r"refreshSession$")) == 1


def test_dead_refresh_token_signs_in_again_with_the_app_password(fake, journal):
    adapter = BlueskyAdapter()
    assert adapter.verify(journal.ctx()).handle == "humas-latihan.test"
    with fake.lock:
        fake.tokens.clear()  # the PDS forgot every session
    adapter.publish(journal.ctx(), OutgoingPost("p1", "halo", idempotency_key="a"))
    assert len(fake.requests_to("POST", r"createSession$")) == 2
    assert len(records(fake, journal)) == 1


def test_token_refused_twice_is_auth_expired(fake, journal):
    adapter = BlueskyAdapter()
    adapter.verify(journal.ctx())
    fake.faults.add("expired_token", route="POST createRecord", times=2)
    with pytest.raises(AuthExpired):
        adapter.publish(journal.ctx(), OutgoingPost("p1", "halo", idempotency_key="a"))
    assert records(fake, journal) == {}


def test_wrong_app_password_is_auth_expired_and_posts_nothing(fake, http):
    settings, _secrets = fake.practice_account()
    journal = Journal(fake, http, settings, {"app_password": "salah-salah-salah-salah"})
    with pytest.raises(AuthExpired, match="humas-latihan.test"):
        BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", "halo", idempotency_key="a"))
    assert fake.requests_to("POST", "createRecord") == []


def test_lost_answer_resolves_itself_when_the_record_is_there(fake, journal):
    fake.faults.add("timeout", route="POST createRecord", after_work=True)
    result = BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", "halo", idempotency_key="a"))
    assert list(records(fake, journal)) == result.extra["rkeys"] == journal.data["rkeys"]


def test_retry_after_lost_answer_uses_the_same_record_key(fake, journal):
    fake.faults.add("timeout", route="POST createRecord", after_work=True)
    fake.faults.add("status", route="GET getRecord", code=502)  # and the look-up fails too
    adapter, post = BlueskyAdapter(), OutgoingPost("p1", "halo", idempotency_key="a")
    with pytest.raises(Unknown):
        adapter.publish(journal.ctx(), post)
    [rkey] = journal.data["rkeys"]  # journalled before the request went out
    assert list(records(fake, journal)) == [rkey]

    found = adapter.find_existing(journal.ctx(), post)
    assert found is not None and found.remote_id.endswith(rkey)
    again = adapter.publish(journal.ctx(), post)  # even a blind retry cannot duplicate
    assert again.remote_id == found.remote_id and list(records(fake, journal)) == [rkey]


def test_500_after_the_record_was_written_is_recognised_as_success(fake, journal):
    fake.faults.add("success_then_500", route="POST createRecord")
    result = BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", "halo", idempotency_key="a"))
    assert list(records(fake, journal)) == result.extra["rkeys"]


def test_503_before_any_work_is_unknown_then_completes_with_the_same_key(fake, journal):
    fake.faults.add("status", route="POST createRecord", code=503)
    adapter, post = BlueskyAdapter(), OutgoingPost("p1", "halo", idempotency_key="a")
    with pytest.raises(Unknown):
        adapter.publish(journal.ctx(), post)
    assert adapter.find_existing(journal.ctx(), post) is None
    result = adapter.publish(journal.ctx(), post)
    assert result.extra["rkeys"] == journal.data["rkeys"] and len(records(fake, journal)) == 1


def test_find_existing_without_a_journalled_key_asks_nothing(fake, journal):
    assert BlueskyAdapter().find_existing(journal.ctx(), OutgoingPost("p1", "x")) is None
    assert fake.requests == []


def test_rate_limit_reports_the_reset_header(fake, journal):
    fake.faults.add("rate_limit", route="POST createRecord", retry_after=42)
    with pytest.raises(RateLimited) as caught:
        BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", "halo", idempotency_key="a"))
    assert 40 <= caught.value.retry_after <= 44


def test_text_over_300_graphemes_is_rejected_with_the_pds_reason(fake, journal):
    with pytest.raises(Rejected, match=r"grapheme too big \(maximum 300, got 301\)"):
        BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", "é" * 301, idempotency_key="a"))


def test_five_images_are_refused_before_anything_is_sent(fake, journal, tmp_path):
    media = tuple(image(tmp_path, f"{i}.jpg", (20, 20)) for i in range(5))
    with pytest.raises(MediaInvalid):
        BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", "x", media=media))
    assert fake.requests == []


def test_image_over_the_lexicon_size_is_media_invalid(fake, journal, tmp_path):
    path = tmp_path / "big.jpg"
    path.write_bytes(b"\xff\xd8\xff" + b"\0" * 2_000_001)
    with pytest.raises(MediaInvalid, match="big.jpg"):
        BlueskyAdapter().publish(journal.ctx(), OutgoingPost(
            "p1", "x", media=(RenderedMedia(str(path), "image/jpeg", 10, 10),)))


def test_blob_over_the_pds_upload_limit_is_media_invalid(fake, journal, tmp_path):
    fake.max_upload_bytes = 1000
    with pytest.raises(MediaInvalid, match="request entity too large"):
        BlueskyAdapter().publish(journal.ctx(), OutgoingPost(
            "p1", "x", media=(image(tmp_path, "a.jpg", (400, 400)),)))


def test_unreachable_pds_is_transient(http):
    settings = {"service": "http://127.0.0.1:9", "handle": "a.test"}
    journal = Journal(None, http, settings, {"app_password": "aaaa-bbbb-cccc-dddd"})
    with pytest.raises(Transient):
        BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", "x"))


def test_no_secret_or_token_reaches_the_journal(fake, journal):
    BlueskyAdapter().publish(journal.ctx(), OutgoingPost("p1", "halo", idempotency_key="a"))
    saved = json.dumps(journal.data)
    assert journal.secrets["app_password"] not in saved
    assert not any(token in saved for token in fake.tokens)


def test_verify_names_the_account(fake, journal):
    info = BlueskyAdapter().verify(journal.ctx())
    assert info.handle == "humas-latihan.test" and info.display_name == "Humas (latihan)"
    fake._by_handle("humas-latihan.test").profile = {}  # no profile record: the handle
    assert BlueskyAdapter().verify(journal.ctx()).display_name == "humas-latihan.test"


def test_tids_are_valid_sortable_record_keys():
    tid = make_tid()
    assert re.fullmatch(r"[234567abcdefghij][234567a-z]{12}", tid)
    keys = make_tids(5)
    assert keys == sorted(keys) and len(set(keys)) == 5
    # a TID reads back as the moment it was made (53 bits of microseconds)
    value = 0
    for ch in tid:
        value = value * 32 + "234567abcdefghijklmnopqrstuvwxyz".index(ch)
    assert abs((value >> 10) / 1e6 - time.time()) < 5


def test_platform_exposes_the_adapter():
    assert isinstance(PLATFORM.make_adapter(), BlueskyAdapter)


class TestBlueskyContract(AdapterContract):
    create_route = "POST /xrpc/com.atproto.repo.createRecord"
    upload_route = "POST /xrpc/com.atproto.repo.uploadBlob"
    refreshes_tokens = True

    @pytest.fixture
    def platform(self):
        return PLATFORM

    @pytest.fixture
    def fake_server(self, practice_server):
        return practice_server(BlueskyFake)

    def test_duplicate_fails_with_a_reason(self, contract):
        """Bluesky refuses no duplicates; its only refusal of a second copy is a taken record
        key, which the real PDS answers with a bare 500. The adapter's own key makes that safe:
        the post ends up there exactly once."""
        contract.fake.faults.add("duplicate", route=self.create_route)
        post = contract.post()
        outcome = contract.publish(post)
        assert outcome.state == State.POSTED, outcome.reason
        assert contract.copies(post) == 1


def test_every_message_has_an_indonesian_translation():
    import platforms.bluesky as module
    from composer.core.i18n import _catalog

    source = Path(module.__file__).read_text(encoding="utf-8")
    messages = re.findall(r'_\(\s*"((?:[^"\\]|\\.)*)"', source)
    assert messages and [m for m in messages if m not in _catalog("id")] == []


def test_a_future_schedule_is_refused_rather_than_posted_now(fake, journal, tmp_path):
    from datetime import UTC, datetime, timedelta

    from composer.core.outgoing import NotPublishable, build
    from composer.core.post import Post

    later = Post(text="nanti", schedule=datetime.now(UTC) + timedelta(days=30))
    with pytest.raises(NotPublishable, match="cannot hold a post until"):  # the rule book
        build(later, "bsky", PLATFORM.spec, out_dir=tmp_path)
    assert fake.requests == []
    past = Post(text="sekarang", schedule=datetime(2020, 1, 1, tzinfo=UTC))  # passed: now
    BlueskyAdapter().publish(journal.ctx(), build(past, "bsky", PLATFORM.spec, out_dir=tmp_path))
    assert len(records(fake, journal)) == 1


def test_resuming_a_thread_whose_root_landed_does_not_upload_images_again(fake, journal, tmp_path):
    parts = ("satu 1/2", "dua 2/2")
    post = OutgoingPost("p1", " ".join(parts), parts=parts, media=(image(tmp_path, "a.jpg"),),
                        idempotency_key="k")
    adapter = BlueskyAdapter()
    first = adapter.publish(journal.ctx(), post)
    root_key, reply_key = first.extra["rkeys"]
    # As if the reply had never gone out: the journal knows only the root.
    del fake._by_handle("humas-latihan.test").records[reply_key]
    journal.data["done"] = {"0": journal.data["done"]["0"]}
    uploads = len(fake.requests_to("POST", "uploadBlob"))

    again = adapter.publish(journal.ctx(), post)
    assert again.extra["rkeys"] == [root_key, reply_key]
    assert len(fake.requests_to("POST", "uploadBlob")) == uploads
    assert set(records(fake, journal)) == {root_key, reply_key}
    assert records(fake, journal)[reply_key]["reply"]["root"]["uri"] == first.remote_id


class LateLanding(BlueskyFake):
    """The first createRecord hangs (the client gives up) and lands only while the retry is
    being made: a look-up cannot see it, the record key still keeps it single."""

    @route("POST", r"/xrpc/com\.atproto\.repo\.createRecord")
    def create_record(self, request):
        creates = self.requests_to("POST", r"createRecord$")
        if len(creates) == 2 and creates[0].fault == "timeout":
            super().create_record(creates[0])  # the lost request lands now
        return super().create_record(request)


def test_a_lost_create_landing_during_the_retry_leaves_one_post(http):
    with LateLanding() as fake:
        fake.faults.add("timeout", route="POST createRecord")  # hangs, does nothing (yet)
        fake.faults.add("status", route="GET getRecord", code=502)  # the in-line check fails
        journal = Journal(fake, http)
        adapter, post = BlueskyAdapter(), OutgoingPost("p1", "sekali", idempotency_key="k")
        with pytest.raises(Unknown):
            adapter.publish(journal.ctx(), post)
        assert adapter.find_existing(journal.ctx(), post) is None
        result = adapter.publish(journal.ctx(), post)
        assert list(records(fake, journal)) == result.extra["rkeys"] == journal.data["rkeys"]
        assert not fake.errors
