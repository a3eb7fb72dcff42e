"""YouTubeAdapter against the practice YouTube: the contract kit (with a video), resumable
upload in chunks with Content-Range, resuming after a dropped connection and after a crash from
the journalled session, the metadata limits, privacy and publishAt, quota and token errors, and
videos passing through the outgoing post untouched."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from composer.core import adapters as A
from composer.core.journal import State
from composer.core.outgoing import NotPublishable, build
from composer.core.post import MediaRef, Post
from composer.core.publish import Engine, Policy, Target
from composer.core.registry import Registry
from composer.core.store import Store
from composer.testing.context import practice_context
from composer.testing.contract import AdapterContract, Harness, Sleeps
from composer.testing.video_corpus import sized_clip
from platforms import youtube
from platforms.practice.youtube import UNIT, FakeYouTube
from platforms.youtube import YouTubeAdapter, metadata


def make_video(path, size: int) -> str:
    """A real clip of exactly ``size`` bytes (its padding depends on position, so a wrong
    offset changes the hash): the rule book probes what YouTube is sent."""
    return str(sized_clip(path, size))


def sha256(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while piece := fh.read(1 << 20):
            digest.update(piece)
    return digest.hexdigest()


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(YouTubeAdapter, "chunk_size", UNIT)


class TestYouTubeContract(AdapterContract):
    create_route = "PUT /upload/youtube/v3/videos"  # the chunk that completes makes the video
    upload_route = "PUT /upload/youtube/v3/videos"
    update_route = "PUT /youtube/v3/videos"
    delete_route = "DELETE /youtube/v3/videos"
    refreshes_tokens = True  # an expired access token is renewed from the refresh token

    @pytest.fixture(autouse=True)
    def _video_posts(self, small_chunks, monkeypatch):
        """The kit's posts, each with a video (YouTube takes nothing else)."""
        make_post = Harness.post

        def post(harness, text=None, images=0):
            p = make_post(harness, text)
            clip = harness.folder / "clip.mp4"
            if not clip.exists():
                make_video(clip, 3 * UNIT + 1000)
            p.media.append(MediaRef(str(clip), kind="video"))
            p.title = "Video " + p.fields["marker"]
            return p

        monkeypatch.setattr(Harness, "post", post)

    @pytest.fixture
    def platform(self):
        return youtube.PLATFORM

    @pytest.fixture
    def fake_server(self, practice_server):
        return practice_server(FakeYouTube)


@pytest.fixture
def practice_read_timeout():
    return 2.0  # for the `http` of tests/adapters/conftest.py


@pytest.fixture
def fake(practice_server):
    return practice_server(FakeYouTube)


def context(fake, http, checkpoint=None, **settings) -> A.PublishContext:
    return practice_context(fake, http, checkpoint=checkpoint, account=settings)


def outgoing(path, text="Siaran pers: rapat koordinasi", **kw) -> A.OutgoingPost:
    kw.setdefault("title", "Rapat koordinasi")
    return A.OutgoingPost(post_id="p1", text=text, idempotency_key="k",
                          media=(A.RenderedMedia(path, "video/mp4", 0, 0),), **kw)


def test_chunks_are_256k_multiples_with_content_range(fake, http, tmp_path, small_chunks):
    path = make_video(tmp_path / "v.mp4", 3 * UNIT + 123)
    result = YouTubeAdapter().publish(context(fake, http), outgoing(path, tags=("SPBE", "#Rapat")))
    video = fake.videos[result.remote_id]
    assert video["sha256"] == sha256(path) and video["size"] == 3 * UNIT + 123
    assert video["snippet"]["tags"] == ["SPBE", "Rapat"]
    assert result.url.endswith("/watch?v=" + result.remote_id)
    assert http.get(result.url).text == "Rapat koordinasi"
    ranges = [r.headers["Content-Range"] for r in fake.requests_to("PUT", "/upload/")]
    assert ranges == [f"bytes 0-{UNIT - 1}/{3 * UNIT + 123}",
                      f"bytes {UNIT}-{2 * UNIT - 1}/{3 * UNIT + 123}",
                      f"bytes {2 * UNIT}-{3 * UNIT - 1}/{3 * UNIT + 123}",
                      f"bytes {3 * UNIT}-{3 * UNIT + 122}/{3 * UNIT + 123}"]
    start = fake.requests_to("POST", "/upload/youtube/v3/videos")[0]
    assert start.query == {"uploadType": "resumable", "part": "snippet,status"}
    assert start.headers["X-Upload-Content-Length"] == str(3 * UNIT + 123)


def test_a_dropped_connection_resumes_from_what_the_server_kept(fake, http, tmp_path,
                                                                small_chunks):
    path = make_video(tmp_path / "v.mp4", 10 * UNIT)
    fake.reset_at = 0.45  # mid-chunk: the session keeps 4 whole units
    ctx = context(fake, http)
    adapter = YouTubeAdapter()
    with pytest.raises(A.Transient):
        adapter.publish(ctx, outgoing(path))
    assert ctx.checkpoint["upload_offset"] == 4 * UNIT  # the last 308 before the drop
    result = adapter.publish(ctx, outgoing(path))  # what the engine does next
    assert fake.videos[result.remote_id]["sha256"] == sha256(path)
    puts = fake.requests_to("PUT", "/upload/")
    assert [r.headers["Content-Range"] for r in puts[5:7]] == [
        f"bytes */{10 * UNIT}", f"bytes {4 * UNIT}-{5 * UNIT - 1}/{10 * UNIT}"]
    assert len(fake.requests_to("POST", "/upload/youtube/v3/videos")) == 1  # one session, one video


def test_a_crash_resumes_from_the_journalled_session(fake, http, tmp_path, small_chunks):
    path = make_video(tmp_path / "v.mp4", 6 * UNIT)
    ctx = context(fake, http)
    fake.faults.add("status", route="PUT /upload/", code=503)
    calls = {"n": 0}
    real = ctx.save_checkpoint

    def crash_after_two_chunks(data):
        real(data)
        if data.get("upload_offset") == 2 * UNIT:
            raise KeyboardInterrupt  # the app dies here
    ctx.save_checkpoint = crash_after_two_chunks
    with pytest.raises(A.Transient):  # the first chunk met a 503
        YouTubeAdapter().publish(ctx, outgoing(path))
    with pytest.raises(KeyboardInterrupt):
        YouTubeAdapter().publish(ctx, outgoing(path))
    calls["n"] = len(fake.requests_to("PUT", "/upload/"))
    # A new process: only the journalled checkpoint survives.
    restarted = context(fake, http, checkpoint=dict(ctx.checkpoint))
    result = YouTubeAdapter().publish(restarted, outgoing(path))
    assert fake.videos[result.remote_id]["sha256"] == sha256(path)
    assert fake.received_bytes <= 6 * UNIT + UNIT  # nothing sent twice but the 503'd chunk


def test_after_a_lost_answer_the_session_says_the_video_exists(fake, http, tmp_path):
    path = make_video(tmp_path / "v.mp4", UNIT + 5)
    ctx = context(fake, http)
    fake.faults.add("success_then_500", route="PUT /upload/")
    with pytest.raises(A.Unknown):
        YouTubeAdapter().publish(ctx, outgoing(path))
    found = YouTubeAdapter().find_existing(ctx, outgoing(path))
    assert found is not None and found.remote_id in fake.videos
    assert YouTubeAdapter().find_existing(context(fake, http), outgoing(path)) is None


def test_metadata_limits_are_checked_before_any_request(fake, http, tmp_path):
    path = make_video(tmp_path / "v.mp4", 5000)
    cases = [
        (dict(title="a" * 101), "Title too long"),
        (dict(title="Rapat <penting>"), "< or >"),
        (dict(text="naik -> turun"), "< or >"),
        (dict(tags=tuple(f"tag nomor {i}" for i in range(50))), "tags are too long"),
        (dict(title="", text=""), "needs a title"),
    ]
    for kw, message in cases:
        with pytest.raises(A.Rejected, match=message):
            YouTubeAdapter().publish(context(fake, http), outgoing(path, **kw))
    with pytest.raises(A.Rejected, match="privacy"):
        YouTubeAdapter().publish(context(fake, http, privacy="friends"), outgoing(path))
    assert fake.requests == []


def test_a_title_falls_back_to_the_first_line():
    post = A.OutgoingPost("p", "\n" + "Pengumuman " * 20 + "\nbaris dua", title="")
    title = youtube.title_of(post)
    assert len(title) <= 100 and title.startswith("Pengumuman Pengumuman") and title.endswith("…")


def test_privacy_and_native_scheduling(fake, http, tmp_path):
    path = make_video(tmp_path / "v.mp4", 5000)
    unlisted = YouTubeAdapter().publish(context(fake, http, privacy="unlisted"),
                                        outgoing(path, text="satu"))
    assert fake.videos[unlisted.remote_id]["status"]["privacyStatus"] == "unlisted"
    when = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
    later = YouTubeAdapter().publish(context(fake, http), outgoing(
        path, text="dua", schedule_utc=when.isoformat()))
    status = fake.videos[later.remote_id]["status"]
    assert status["privacyStatus"] == "private"
    assert status["publishAt"] == when.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert later.extra["publish_at"] == status["publishAt"]
    soon = datetime.now(UTC) + timedelta(seconds=30)  # too near to schedule: now, as asked
    body = metadata(outgoing(path, schedule_utc=soon.isoformat()), {"privacy": "public"})
    assert body["status"] == {"privacyStatus": "public", "selfDeclaredMadeForKids": False}


def test_quota_exceeded_waits_for_midnight_pacific_and_the_engine_says_resume_later(
        fake, tmp_path):
    fake.uploads_left = 0
    path = make_video(tmp_path / "v.mp4", 5000)
    store = Store(), None
    engine = Engine(store[0], Registry(platforms={"youtube": youtube.PLATFORM}), sleep=Sleeps())
    settings, secrets = fake.practice_account()
    post = Post(text="kuota", title="Kuota", media=[MediaRef(path, kind="video")])
    (outcome,) = engine.publish(post, [Target("yt", "youtube", settings, secrets, adhoc=True)])
    assert outcome.state == State.FAILED and "resume later" in outcome.reason
    assert outcome.error == "RateLimited"
    store[0].close()
    wait = youtube.until_midnight_pacific(datetime(2026, 12, 3, 7, 30, tzinfo=UTC))
    assert wait == 30 * 60  # 23.30 PST


def test_an_expired_access_token_is_renewed_and_handed_to_the_keyring(fake, http, tmp_path):
    path = make_video(tmp_path / "v.mp4", 5000)
    fake.expire_access_tokens()
    ctx = context(fake, http)
    renewed = {}
    ctx.update_secrets = renewed.update
    YouTubeAdapter().publish(ctx, outgoing(path))
    assert renewed["access_token"].startswith("ya29.") and len(fake.videos) == 1
    bad = context(fake, http)
    bad.secrets.update(access_token="", refresh_token="revoked")
    with pytest.raises(A.AuthExpired):
        YouTubeAdapter().publish(bad, outgoing(path))


def test_videos_go_through_the_outgoing_post_untouched(tmp_path):
    path = make_video(tmp_path / "clip.mp4", 6000)
    post = Post(text="Video kegiatan", title="Kegiatan", media=[MediaRef(path, alt="x", kind="video")])
    sent = build(post, "yt", youtube.SPEC, out_dir=tmp_path / "out")
    assert [(m.path, m.mime) for m in sent.media] == [(path, "video/mp4")]  # the file itself
    assert [p.name for p in (tmp_path / "out" / "video").iterdir()] == [
        Path(sent.media[0].cover).name]  # only its cover (the thumbnail) was rendered
    with pytest.raises(NotPublishable, match="videos only; this post has none"):
        build(Post(text="tanpa video", title="x"), "yt", youtube.SPEC, out_dir=tmp_path)
    two = [MediaRef(path, alt="x", kind="video"), MediaRef(path, alt="y", kind="video")]
    with pytest.raises(NotPublishable, match="one video; this post has 2"):
        build(Post(text="dua video", title="x", media=two), "yt", youtube.SPEC, out_dir=tmp_path)
    gone = Post(text="x", title="x", media=[MediaRef(str(tmp_path / "gone.mp4"), kind="video")])
    with pytest.raises(NotPublishable, match="No such video file"):
        build(gone, "yt", youtube.SPEC, out_dir=tmp_path)


def test_verify_and_delete(fake, http, tmp_path):
    info = YouTubeAdapter().verify(context(fake, http))
    assert (info.display_name, info.handle) == ("Diskominfo Provinsi", "@diskominfoprov")
    path = make_video(tmp_path / "v.mp4", 5000)
    result = YouTubeAdapter().publish(context(fake, http), outgoing(path))
    YouTubeAdapter().delete(context(fake, http), result)
    YouTubeAdapter().delete(context(fake, http), result)  # gone already: fine
    assert fake.videos == {}


def test_sign_in_asks_for_offline_access():
    client = youtube.oauth_client({"client_id": "c"}, {"client_secret": "s"})
    assert client.extra["access_type"] == "offline" and client.scopes == youtube.SCOPES
    assert youtube.oauth_client({"client_id": "c"}).token_auth == "none"


@pytest.mark.slow
def test_a_1_gb_upload_with_a_reset_at_40_percent_resumes_and_completes(tmp_path):
    """The acceptance: a sparse 1 GB clip (markers every MiB so offsets matter), 8 MiB chunks,
    the connection reset at 40%; the engine retries, the upload goes on from the session."""
    size = 1 << 30
    path = sized_clip(tmp_path / "big.mp4", size, sparse=True)
    with FakeYouTube() as fake:
        fake.reset_at = 0.4
        store = Store()
        sleeps = Sleeps()
        engine = Engine(store, Registry(platforms={"youtube": youtube.PLATFORM}), sleep=sleeps,
                        policy=Policy(read_timeout=30.0))
        settings, secrets = fake.practice_account()
        post = Post(text="Rekaman rapat 1 GB", title="Rekaman rapat",
                    media=[MediaRef(str(path), kind="video")])
        (outcome,) = engine.publish(post, [Target("yt", "youtube", settings, secrets,
                                                  adhoc=True)])
        store.close()
        assert outcome.state == State.POSTED, outcome.reason
        assert outcome.attempts == 2 and len(sleeps) == 1
        video = fake.videos[outcome.remote_id]
        assert video["size"] == size and video["sha256"] == sha256(path)
        assert any(r.fault == "reset" for r in fake.requests)
        # Resumed, not restarted: at most one chunk more than the file crossed the wire.
        assert fake.received_bytes <= size + YouTubeAdapter.chunk_size
        assert len(fake.requests_to("POST", "/upload/youtube/v3/videos")) == 1
    assert not fake.errors, fake.errors[0]


def test_when_the_session_is_gone_the_uploads_playlist_is_searched(fake, http, tmp_path):
    path = make_video(tmp_path / "v.mp4", UNIT + 5)
    ctx = context(fake, http)
    fake.faults.add("success_then_500", route="PUT /upload/")
    with pytest.raises(A.Unknown):
        YouTubeAdapter().publish(ctx, outgoing(path))
    (made,) = fake.videos
    fake.expire_sessions()
    found = YouTubeAdapter().find_existing(ctx, outgoing(path))
    assert found is not None and found.remote_id == made
    # Same words but uploaded before this post's first send: not ours.
    older = context(fake, http, checkpoint={**ctx.checkpoint, "sent_since": 4_000_000_000.0})
    older.checkpoint.pop("video_id")
    assert YouTubeAdapter().find_existing(older, outgoing(path)) is None
    other = context(fake, http, checkpoint={**older.checkpoint, "sent_since": 0.0})
    assert YouTubeAdapter().find_existing(other, outgoing(path, text="lain")) is None
