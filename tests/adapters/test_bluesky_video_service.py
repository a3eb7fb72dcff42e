"""A video for an account on Bluesky's servers goes through Bluesky's video service
(getServiceAuth, getUploadLimits, uploadVideo, getJobStatus), exactly once: a crash after the
upload resumes by asking for the same job, a lost answer is met by the service's 409
already_exists; a refused daily quota and a failed job are plain failures. A self-hosted PDS keeps
taking the video as its own blob."""

from __future__ import annotations

import logging

import pytest

from composer.core.adapters import MediaInvalid, OutgoingPost, Rejected, RenderedMedia
from composer.core.journal import State
from composer.core.post import MediaRef, Post
from composer.core.registry import default_registry
from composer.testing.context import Crashed, crash_once_saved, practice_context
from composer.testing.video_corpus import make_video
from platforms import bluesky
from platforms.bluesky import BlueskyAdapter
from platforms.practice.bluesky import BlueskyFake


@pytest.fixture(autouse=True)
def quick_polls(monkeypatch):
    monkeypatch.setattr(BlueskyAdapter, "poll_interval", 0.01)
    bluesky._SESSIONS.clear()


@pytest.fixture
def fake(practice_server):
    return practice_server(BlueskyFake, video_service=True)


def video_post(path, captions=None) -> Post:
    post = Post(text="Rapat koordinasi siaga banjir pagi ini")
    post.media.append(MediaRef(str(path), alt="Kepala BPBD membuka rapat", kind="video",
                               captions=str(captions) if captions else None))
    return post


def outgoing(path) -> OutgoingPost:
    return OutgoingPost("p", "Rapat koordinasi", media=(
        RenderedMedia(str(path), "video/mp4", 320, 240, duration=1.0),))


def uploads_to(fake, what: str) -> int:
    return len([r for r in fake.requests if r.method == "POST" and what in r.path])


def test_the_video_goes_through_the_video_service_and_the_post_names_its_blob(
        fake, practice_engine, tmp_path):
    captions = tmp_path / "takarir.srt"
    captions.write_text("1\n00:00:00,000 --> 00:00:01,000\nSelamat pagi\n\n", encoding="utf-8")
    practice = practice_engine(default_registry().get("bluesky"), fake)
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=1)
    outcome = practice.publish(video_post(clip, captions))
    assert outcome.state == State.POSTED, outcome
    [record] = fake.posts(fake.practice_account()[0]["handle"]).values()
    [job] = fake.video_jobs.values()
    assert job["state"] == "JOB_STATE_COMPLETED"
    assert record["embed"]["video"] == job["blob"]  # the service's blob, not one of our own
    assert record["embed"]["captions"][0]["file"]["mimeType"] == "text/vtt"
    assert fake.video_uploads == 1
    assert uploads_to(fake, "uploadBlob") == 1  # only the captions went to the PDS itself
    limits = [r for r in fake.requests if "getUploadLimits" in r.path]
    assert len(limits) == 1  # the quota was asked before the upload


def test_a_crash_after_the_upload_resumes_with_the_same_job(fake, practice_client, tmp_path):
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=1)
    journal: dict = {}
    ctx = practice_context(fake, practice_client, checkpoint=journal)
    crash_once_saved(ctx, "video_job")
    with pytest.raises(Crashed):
        BlueskyAdapter().publish(ctx, outgoing(clip))
    assert fake.posts(fake.practice_account()[0]["handle"]) == {}

    resumed = practice_context(fake, practice_client, checkpoint=dict(journal))
    BlueskyAdapter().publish(resumed, outgoing(clip))
    assert fake.video_uploads == 1  # the job was asked for again, the video not sent again
    assert len(fake.video_jobs) == 1
    [record] = fake.posts(fake.practice_account()[0]["handle"]).values()
    assert record["embed"]["video"] == next(iter(fake.video_jobs.values()))["blob"]


def test_a_cancel_while_processing_resumes_with_the_same_job(fake, practice_client, tmp_path):
    from composer.core.adapters import Cancelled

    clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=1)
    journal: dict = {}
    ctx = practice_context(fake, practice_client, checkpoint=journal)
    progress = ctx.progress

    def cancel_while_processing(step, fraction):
        progress(step, fraction)
        if step == "processing":
            ctx.cancel_event.set()
    ctx.progress = cancel_while_processing
    with pytest.raises(Cancelled):
        BlueskyAdapter().publish(ctx, outgoing(clip))
    assert journal.get("video_job")
    again = practice_context(fake, practice_client, checkpoint=dict(journal))
    BlueskyAdapter().publish(again, outgoing(clip))
    assert fake.video_uploads == 1
    assert len(fake.posts(fake.practice_account()[0]["handle"])) == 1


def test_a_lost_upload_answer_is_met_by_already_exists(fake, practice_engine, tmp_path):
    practice = practice_engine(default_registry().get("bluesky"), fake)
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=1)
    fake.faults.add("timeout", route="POST .*uploadVideo", after_work=True)
    outcome = practice.publish(video_post(clip))
    assert outcome.state == State.POSTED, outcome
    assert fake.video_uploads == 2  # sent again: the service answered 409 with its job
    assert len(fake.video_jobs) == 1
    assert len(fake.posts(fake.practice_account()[0]["handle"])) == 1


def test_a_refused_daily_quota_fails_plainly_before_any_upload(fake, practice_client, tmp_path):
    fake.daily_videos = 0
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=1)
    ctx = practice_context(fake, practice_client)
    with pytest.raises(Rejected, match="no more videos from this account today") as info:
        BlueskyAdapter().publish(ctx, outgoing(clip))
    assert not info.value.retryable
    assert "daily upload limit" in info.value.reason  # the service's own words
    assert fake.video_uploads == 0


def test_a_failed_job_is_media_invalid_with_the_services_words(fake, practice_client, tmp_path):
    fake.video_fails = "Video is too long"
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=1)
    ctx = practice_context(fake, practice_client)
    with pytest.raises(MediaInvalid, match="could not process the video: Video is too long"):
        BlueskyAdapter().publish(ctx, outgoing(clip))
    assert fake.posts(fake.practice_account()[0]["handle"]) == {}


def test_the_messages_read_in_indonesian(fake, practice_client, tmp_path):
    from composer.core import i18n

    fake.daily_videos, fake.video_fails = 0, "rusak"
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=1)
    i18n.set_language("id")
    try:
        with pytest.raises(Rejected) as refused:
            BlueskyAdapter().publish(practice_context(fake, practice_client), outgoing(clip))
        fake.daily_videos = 25
        with pytest.raises(MediaInvalid) as failed:
            BlueskyAdapter().publish(practice_context(fake, practice_client), outgoing(clip))
    finally:
        i18n.set_language(None)
    assert "hari ini" in refused.value.reason
    assert "tidak dapat memproses video" in failed.value.reason


def test_the_practice_service_checks_the_token_audience_and_method(fake, practice_client):
    settings, secrets = fake.practice_account()
    session = practice_client.post(f"{fake.url}/xrpc/com.atproto.server.createSession", json={
        "identifier": settings["handle"], "password": secrets["app_password"]}).json()

    def token(aud, lxm):
        return practice_client.get(
            f"{fake.url}/xrpc/com.atproto.server.getServiceAuth",
            params={"aud": aud, "lxm": lxm},
            headers={"Authorization": f"Bearer {session['accessJwt']}"}).json()["token"]

    def upload(tok):
        return practice_client.post(
            f"{fake.url}/xrpc/app.bsky.video.uploadVideo",
            params={"did": session["did"], "name": "v.mp4"}, content=b"\0\0\0\x18ftypmp42",
            headers={"Authorization": f"Bearer {tok}", "Content-Type": "video/mp4"})

    wrong_aud = upload(token("did:web:elsewhere.example", "com.atproto.repo.uploadBlob"))
    assert wrong_aud.status_code == 401 and wrong_aud.json()["error"] == "BadJwtAudience"
    wrong_lxm = upload(token("did:web:127.0.0.1", "app.bsky.feed.getTimeline"))
    assert wrong_lxm.status_code == 401 and wrong_lxm.json()["error"] == "BadJwtLexiconMethod"
    right = token("did:web:127.0.0.1", "com.atproto.repo.uploadBlob")
    first, again = upload(right), upload(right)
    assert first.status_code == 200 and first.json()["state"] == "JOB_STATE_PENDING"
    assert again.status_code == 409 and again.json()["error"] == "already_exists"
    assert again.json()["jobId"] == first.json()["jobId"]
    far = practice_client.get(
        f"{fake.url}/xrpc/com.atproto.server.getServiceAuth",
        params={"aud": "did:web:127.0.0.1", "exp": 2**40},
        headers={"Authorization": f"Bearer {session['accessJwt']}"})
    assert far.status_code == 400 and far.json()["error"] == "BadExpiration"


@pytest.mark.parametrize(("pds", "setting", "expected"), [
    ("https://morel.us-east.host.bsky.network", "auto", "https://video.bsky.app"),
    ("https://bsky.social", "auto", "https://video.bsky.app"),
    ("https://pds.diskominfo.go.id", "auto", None),
    ("https://morel.us-east.host.bsky.network", "off", None),
    ("https://pds.diskominfo.go.id", "https://video.example/", "https://video.example"),
])
def test_which_accounts_use_the_video_service(monkeypatch, practice_client, pds, setting,
                                              expected):
    from composer.core.adapters import PublishContext

    adapter = BlueskyAdapter()
    monkeypatch.setattr(adapter, "_session", lambda ctx, **kw: bluesky._Session(
        "did:plc:x", "h", "a", "r", pds))
    ctx = PublishContext(client=practice_client, account={
        "service": pds, "video_service": setting}, secrets={},
                         log=logging.getLogger("test"), checkpoint={})
    assert adapter._video_service(ctx) == expected


def test_the_pds_is_read_from_the_did_document():
    data = {"didDoc": {"service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
                                    "serviceEndpoint": "https://morel.us-east.host.bsky.network"}]}}
    assert bluesky._pds_of(data) == "https://morel.us-east.host.bsky.network"
    assert bluesky._pds_of({}) == ""
