"""MastodonAdapter against the practice instance: media v2 with 202 polling, Idempotency-Key,
threads, scheduling, the error shapes, the look-up after a lost answer, and sign-in."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from PIL import Image

from composer.core import adapters as A
from composer.testing.context import practice_context
from composer.testing.contract import AdapterContract
from platforms import mastodon
from platforms.mastodon import MastodonAdapter
from platforms.practice.mastodon import FakeMastodon


@pytest.fixture
def fake(practice_server):
    return practice_server(FakeMastodon)


def context(fake, http, **over) -> A.PublishContext:
    return practice_context(fake, http, secrets=over)


def image(tmp_path, name="a.png", size=(64, 48)) -> A.RenderedMedia:
    path = tmp_path / name
    Image.new("RGB", size, "navy").save(path)
    return A.RenderedMedia(str(path), "image/png", *size, alt=f"alt for {name}")


def outgoing(text="Halo dari Siaran", *, key="k-1", **kw) -> A.OutgoingPost:
    return A.OutgoingPost(post_id="p1", text=text, idempotency_key=key, **kw)


@pytest.fixture
def adapter():
    a = MastodonAdapter(mastodon.SPEC)
    a.poll_interval = 0.01
    return a


def test_text_and_images_with_alt_and_idempotency_key(fake, http, adapter, tmp_path):
    post = outgoing(media=(image(tmp_path, "a.png"), image(tmp_path, "b.png")))
    result = adapter.publish(context(fake, http), post)

    status = fake.statuses[result.remote_id]
    assert fake.posted_texts() == ["Halo dari Siaran"]
    assert [m["description"] for m in status["media_attachments"]] == ["alt for a.png",
                                                                       "alt for b.png"]
    assert result.url == status["url"]
    assert "Halo dari Siaran" in http.get(result.url).text  # practice links open the status
    create = fake.requests_to("POST", "/api/v1/statuses")[0]
    assert create.headers["Idempotency-Key"] == "k-1"
    assert create.headers["Authorization"] == "Bearer practice-mastodon-token"
    assert [r.files["file"].content_type for r in fake.requests_to("POST", "/api/v2/media")] \
        == ["image/png", "image/png"]


def test_media_processing_202_is_polled_until_the_url_is_set(http, adapter, tmp_path):
    with FakeMastodon(processing_polls=3) as fake:
        result = adapter.publish(context(fake, http), outgoing(media=(image(tmp_path),)))
        assert len(fake.requests_to("GET", r"/api/v1/media/\d+")) == 4  # 206, 206, 206, 200
        assert fake.statuses[result.remote_id]["media_attachments"][0]["url"]


def test_same_idempotency_key_gives_the_same_status(fake, http, adapter):
    first = adapter.publish(context(fake, http), outgoing())
    again = adapter.publish(context(fake, http), outgoing())  # e.g. a retry with no checkpoint
    assert again.remote_id == first.remote_id
    assert len(fake.statuses) == 1
    fake.idempotency_ttl = 0  # after the instance's hour the key is forgotten
    adapter.publish(context(fake, http), outgoing("Halo lagi", key="k-2"))
    adapter.publish(context(fake, http), outgoing("Halo lagi", key="k-2"))
    assert len(fake.statuses) == 3


def test_500_after_posting_is_unknown_and_the_look_up_finds_it(fake, http, adapter):
    fake.faults.add("success_then_500", route="POST /api/v1/statuses")
    ctx = context(fake, http)
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, outgoing("Pengumuman & jadwal <penting> https://example.go.id/x"))
    found = adapter.find_existing(ctx, outgoing("Pengumuman & jadwal <penting> https://example.go.id/x"))
    assert found is not None and found.remote_id in fake.statuses
    assert len(fake.statuses) == 1


def test_lost_answer_then_retry_is_one_status(fake, http, adapter):
    fake.faults.add("timeout", route="POST /api/v1/statuses", after_work=True, seconds=2)
    ctx = context(fake, http)
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, outgoing())
    # Even a blind retry within the hour is safe: the instance answers with the original.
    result = adapter.publish(ctx, outgoing())
    assert list(fake.statuses) == [result.remote_id]


def test_look_up_ignores_an_older_post_with_the_same_words(fake, http, adapter):
    adapter.publish(context(fake, http), outgoing("Selamat pagi", key="yesterday"))
    ctx = context(fake, http)
    ctx.save_checkpoint({"sent_since": time.time() + 3600})  # sent "later" than the old one
    assert adapter.find_existing(ctx, outgoing("Selamat pagi", key="today")) is None
    assert adapter.find_existing(context(fake, http), outgoing("Selamat pagi")) is None  # never sent


def test_thread_parts_reply_in_order_and_resume_after_a_lost_part(fake, http, adapter):
    parts = ("Bagian satu 1/3", "Bagian dua 2/3", "Bagian tiga 3/3")
    post = outgoing(" ".join(parts), parts=parts)
    fake.faults.add("success_then_500", route="POST /api/v1/statuses")
    fake.faults.add("rate_limit", route="POST /api/v1/statuses", retry_after=1)
    ctx = context(fake, http)
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, post)  # part 1 landed, answer lost
    assert adapter.find_existing(ctx, post) is None  # only part 1 is there...
    assert len(ctx.checkpoint["status_ids"]) == 1  # ...and it is now known
    with pytest.raises(A.RateLimited):
        adapter.publish(ctx, post)
    result = adapter.publish(ctx, post)
    assert fake.posted_texts() == list(parts)
    ids = result.extra["ids"]
    assert [fake.statuses[i]["in_reply_to_id"] for i in ids] == [None, ids[0], ids[1]]


def test_rate_limit_reads_the_iso_reset(fake, http, adapter):
    fake.faults.add("rate_limit", route="POST /api/v1/statuses", retry_after=120)
    with pytest.raises(A.RateLimited) as limited:
        adapter.publish(context(fake, http), outgoing())
    assert 100 < limited.value.retry_after <= 121


def test_error_mapping(fake, http, adapter, tmp_path):
    with pytest.raises(A.AuthExpired):
        adapter.publish(context(fake, http, access_token="revoked"), outgoing())
    fake.faults.add("expired_token", route="POST /api/v1/statuses")
    with pytest.raises(A.AuthExpired):
        adapter.publish(context(fake, http), outgoing())
    with pytest.raises(A.Rejected, match="character limit of 500 exceeded"):
        adapter.publish(context(fake, http), outgoing("a" * 501))
    # 500 graphemes, with a long URL counting 23: fits
    adapter.publish(context(fake, http), outgoing("a" * 476 + " https://example.com/" + "p" * 80))
    gif = tmp_path / "x.bmp"
    Image.new("RGB", (8, 8)).save(gif)
    with pytest.raises(A.MediaInvalid, match="content type"):
        adapter.publish(context(fake, http),
                        outgoing(media=(A.RenderedMedia(str(gif), "image/bmp", 8, 8),)))
    fake.faults.add("status", route="POST /api/v2/media", code=503)
    with pytest.raises(A.Transient):  # an upload that failed never posts anything
        adapter.publish(context(fake, http), outgoing(media=(image(tmp_path),)))


def test_connection_reset_mid_upload_is_transient_and_resumes(fake, http, adapter, tmp_path):
    big = tmp_path / "big.png"
    Image.effect_noise((900, 900), 60).convert("RGB").save(big)
    media = (A.RenderedMedia(str(big), "image/png", 900, 900, alt="noise"), image(tmp_path))
    fake.faults.add("reset", route="POST /api/v2/media")
    ctx = context(fake, http)
    with pytest.raises(A.Transient):
        adapter.publish(ctx, outgoing(media=media))
    adapter.publish(ctx, outgoing(media=media))
    assert len(fake.statuses) == 1 and len(fake.media) == 2


def test_scheduled_post_and_its_deletion(fake, http, adapter):
    when = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    result = adapter.publish(context(fake, http), outgoing(schedule_utc=when))
    assert result.extra["scheduled"] and result.remote_id in fake.scheduled
    assert fake.statuses == {}
    adapter.delete(context(fake, http), result)
    assert fake.scheduled == {}
    # a lost answer on a scheduled post: found among the scheduled statuses, not sent twice
    fake.faults.add("success_then_500", route="POST /api/v1/statuses")
    ctx = context(fake, http)
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, outgoing("nanti", key="s2", schedule_utc=when))
    found = adapter.find_existing(ctx, outgoing("nanti", key="s2", schedule_utc=when))
    assert found is not None and list(fake.scheduled) == [found.remote_id]
    later = (datetime.now(UTC) + timedelta(hours=3)).isoformat()
    other = context(fake, http)
    other.save_checkpoint({"sent_since": time.time() - 5})
    assert adapter.find_existing(other, outgoing("nanti", key="s3", schedule_utc=later)) is None
    soon = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    now_result = adapter.publish(context(fake, http), outgoing("segera", schedule_utc=soon))
    assert now_result.remote_id in fake.statuses  # under 5 minutes ahead: published now


def test_the_schedule_decision_survives_retries(fake, http, adapter, monkeypatch):
    post = outgoing("jadwal", key="s5",
                    schedule_utc=(datetime.now(UTC) + timedelta(minutes=7)).isoformat())
    fake.faults.add("success_then_500", route="POST /api/v1/statuses")
    ctx = context(fake, http)
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, post)
    # Minutes later the time is under 5 minutes ahead: still the scheduled post, never an
    # immediate second copy.
    monkeypatch.setattr(mastodon, "MIN_SCHEDULE_AHEAD", timedelta(minutes=10))
    found = adapter.find_existing(ctx, post)
    assert found is not None and found.extra["scheduled"]
    assert adapter.publish(ctx, post).remote_id == found.remote_id
    assert fake.statuses == {} and list(fake.scheduled) == [found.remote_id]


def test_delete_thread_and_again(fake, http, adapter):
    parts = ("satu", "dua")
    result = adapter.publish(context(fake, http), outgoing("satu dua", parts=parts))
    adapter.delete(context(fake, http), result)
    assert fake.statuses == {}
    adapter.delete(context(fake, http), result)  # already gone is fine


def test_verify_and_instance_limits(fake, http, adapter):
    info = adapter.verify(context(fake, http))
    assert info.display_name == "Humas Pemprov" and info.handle.startswith("@humas@127.0.0.1:")
    limits = mastodon.instance_limits(context(fake, http), fresh=True)
    assert (limits.max_characters, limits.characters_reserved_per_url,
            limits.max_media_attachments, limits.description_limit) == (500, 23, 4, 1500)
    assert "video/mp4" not in limits.supported_mime_types
    assert limits.spec().text_limit == 500


def test_connect_registers_an_app_and_signs_in_with_pkce(fake):
    def browser(url):
        with httpx.Client(follow_redirects=True, timeout=5) as b:
            b.get(url)
        return True

    settings, secrets = MastodonAdapter().connect({"instance": fake.url}, open_browser=browser,
                                                  timeout=5)
    assert settings["instance"] == fake.url and settings["client_id"] in fake.apps
    assert settings["text_limit"] == "500"  # the engine counts with the instance's own limit
    app = fake.requests_to("POST", "/api/v1/apps")[0]
    assert app.form["redirect_uris"].startswith("http://127.0.0.1:")
    assert "write:media" in app.form["scopes"]
    assert fake.requests_to("GET", "/oauth/authorize")[0].query["code_challenge_method"] == "S256"
    with httpx.Client(timeout=5) as http:
        ctx = A.PublishContext(client=http, account=settings, secrets=secrets,
                               log=logging.getLogger("test"))
        assert MastodonAdapter().verify(ctx).display_name == "Humas Pemprov"


class TestMastodonContract(AdapterContract):
    create_route = "POST /api/v1/statuses"
    upload_route = "POST /api/v2/media"

    @pytest.fixture
    def platform(self):
        return mastodon.PLATFORM

    @pytest.fixture
    def fake_server(self, practice_server):
        return practice_server(FakeMastodon, processing_polls=1)

    @pytest.fixture(autouse=True)
    def quick_polls(self, monkeypatch):
        monkeypatch.setattr(MastodonAdapter, "poll_interval", 0.01)
