"""A video post through the real engine to the practice Bluesky PDS and the practice WordPress:
the shaped file, its alt text, shape, cover and captions arrive, exactly once, also when the
connection is reset in the middle of the upload."""

from __future__ import annotations

import pytest

from composer.core.journal import State
from composer.core.post import MediaRef, Post
from composer.core.registry import default_registry
from composer.core.video import probe
from composer.testing.video_corpus import make_video
from platforms.practice.bluesky import BlueskyFake
from platforms.practice.wordpress import WordPressFake


@pytest.fixture
def captions(tmp_path):
    path = tmp_path / "takarir.srt"
    path.write_text("1\n00:00:00,000 --> 00:00:01,500\nSelamat pagi, warga\n\n", encoding="utf-8")
    return path


def video_post(path, captions=None, **kw) -> Post:
    post = Post(text="Rapat koordinasi siaga banjir pagi ini")
    post.media.append(MediaRef(str(path), alt="Kepala BPBD membuka rapat", kind="video",
                               captions=str(captions) if captions else None, **kw))
    return post


def test_bluesky_gets_an_embed_video_with_its_blob_alt_shape_and_captions(
        practice_server, practice_engine, tmp_path, captions):
    fake = practice_server(BlueskyFake)
    practice = practice_engine(default_registry().get("bluesky"), fake)
    clip = make_video(tmp_path / "hp.mp4", width=640, height=360, rotate=90, location=True)
    outcome = practice.publish(video_post(clip, captions))
    assert outcome.state == State.POSTED, outcome
    [record] = fake.posts(fake.practice_account()[0]["handle"]).values()
    embed = record["embed"]
    assert embed["$type"] == "app.bsky.embed.video"
    assert embed["video"]["mimeType"] == "video/mp4"
    assert embed["aspectRatio"] == {"width": 360, "height": 640}  # the phone held upright
    assert embed["alt"] == "Kepala BPBD membuka rapat"
    assert embed["captions"][0]["file"]["mimeType"] == "text/vtt"
    account = fake._by_handle(fake.practice_account()[0]["handle"])
    sent = account.blobs[embed["video"]["ref"]["$link"]]["data"]
    assert b"+106.8456" not in sent  # where it was filmed stayed home


def test_bluesky_video_after_a_reset_mid_upload_is_posted_once(
        practice_server, practice_engine, tmp_path):
    fake = practice_server(BlueskyFake)
    practice = practice_engine(default_registry().get("bluesky"), fake)
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=1)
    fake.faults.add("reset", route="POST uploadBlob")
    outcome = practice.publish(video_post(clip))
    assert outcome.state == State.POSTED, outcome
    assert len(fake.posts(fake.practice_account()[0]["handle"])) == 1
    assert practice.resume(video_post(clip)) is None  # nothing left to do


def test_the_practice_pds_refuses_a_video_blob_it_would_not_take(practice_server, tmp_path):
    """The fake fails the way the lexicon does: a QuickTime blob is not video/mp4."""
    from platforms.practice.bluesky import XrpcError, _validate_video

    fake = practice_server(BlueskyFake)
    account = fake._by_handle(fake.practice_account()[0]["handle"])
    account.blobs["b1"] = {"mime": "video/quicktime", "size": 10, "data": b""}
    blob = {"ref": {"$link": "b1"}, "mimeType": "video/quicktime", "size": 10}
    with pytest.raises(XrpcError, match="must match video/mp4"):
        _validate_video({"$type": "app.bsky.embed.video", "video": blob}, account)


def test_wordpress_gets_the_video_poster_and_track_in_the_post(
        practice_server, practice_engine, tmp_path, captions):
    fake = practice_server(WordPressFake)
    practice = practice_engine(default_registry().get("wordpress"), fake)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360)
    outcome = practice.publish(video_post(clip, captions, cover_at=1.0))
    assert outcome.state == State.POSTED, outcome
    kinds = sorted(m["mime_type"] for m in fake.media.values())
    assert kinds == ["image/jpeg", "text/vtt", "video/mp4"]
    [post] = [p for p in fake.posts.values()]
    content = post["content"]["raw"] if isinstance(post["content"], dict) else post["content"]
    video = next(m for m in fake.media.values() if m["mime_type"] == "video/mp4")
    poster = next(m for m in fake.media.values() if m["mime_type"] == "image/jpeg")
    assert "<!-- wp:video" in content and video["source_url"] in content
    assert f'poster="{poster["source_url"]}"' in content and "<track" in content
    assert post["featured_media"] == poster["id"]


def test_wordpress_video_after_a_reset_mid_upload_is_in_the_library_once(
        practice_server, practice_engine, tmp_path):
    fake = practice_server(WordPressFake)
    practice = practice_engine(default_registry().get("wordpress"), fake)
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=1)
    fake.faults.add("timeout", route="POST /media", after_work=True)  # stored, answer lost
    outcome = practice.publish(video_post(clip))
    assert outcome.state == State.POSTED, outcome
    videos = [m for m in fake.media.values() if m["mime_type"] == "video/mp4"]
    assert len(videos) == 1 and len(fake.posts) == 1
    assert probe(clip).bytes == videos[0]["media_details"]["filesize"]


def test_telegram_sends_one_video_with_its_caption_length_and_shape(
        practice_server, practice_engine, tmp_path):
    from platforms.practice.telegram import FakeTelegram

    fake = practice_server(FakeTelegram)
    practice = practice_engine(default_registry().get("telegram"), fake)
    clip = make_video(tmp_path / "v.mp4", width=360, height=640, seconds=2)
    outcome = practice.publish(video_post(clip))
    assert outcome.state == State.POSTED, outcome
    [message] = fake.messages.values()
    assert message["caption"] == "Rapat koordinasi siaga banjir pagi ini"
    video = message["video"]
    assert (video["width"], video["height"], video["duration"]) == (360, 640, 2)
    assert video["file_size"] == clip.stat().st_size  # it fit: sent untouched


def test_the_practice_telegram_refuses_a_video_over_the_bot_limit(practice_server, http,
                                                                   tmp_path):
    from platforms.practice import telegram as fake_telegram

    fake = practice_server(fake_telegram.FakeTelegram)
    fake_telegram.VIDEO_LIMIT, old = 1000, fake_telegram.VIDEO_LIMIT
    try:
        settings, secrets = fake.practice_account()
        clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=1)
        token = secrets.get("bot_token") or next(iter(fake.tokens))
        answer = http.post(f"{fake.url}/bot{token}/sendVideo",
                           data={"chat_id": settings.get("chat_id", "")},
                           files={"video": ("v.mp4", clip.read_bytes(), "video/mp4")})
        assert answer.status_code == 413
    finally:
        fake_telegram.VIDEO_LIMIT = old


def test_mastodon_waits_for_the_instance_to_process_the_video(practice_server, practice_engine,
                                                              tmp_path, monkeypatch):
    from platforms.mastodon import MastodonAdapter
    from platforms.practice.mastodon import FakeMastodon

    fake = practice_server(FakeMastodon)
    practice = practice_engine(default_registry().get("mastodon"), fake)
    monkeypatch.setattr(MastodonAdapter, "poll_interval", 0.01)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=1)
    outcome = practice.publish(video_post(clip))
    assert outcome.state == State.POSTED, outcome
    [status] = fake.statuses.values()
    [attachment] = status["media_attachments"]
    assert attachment["type"] == "video" and attachment["description"] == "Kepala BPBD membuka rapat"
    polls = [r for r in fake.requests if r.method == "GET" and "/api/v1/media/" in r.path]
    assert polls, "the 202 was followed by polling until the url was set"


def test_x_uploads_a_video_in_chunks_and_waits_for_processing(practice_server, practice_engine,
                                                              tmp_path, monkeypatch):
    from platforms import x as x_platform
    from platforms.practice.x import FakeX

    monkeypatch.setattr(x_platform, "VIDEO_SEGMENT", 64 * 1024)  # several segments
    fake = practice_server(FakeX)
    practice = practice_engine(default_registry().get("x"), fake)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=2, noise=True,
                      bitrate=1_000_000)
    fake.faults.add("reset", route="POST /2/media/upload/\\d+/append")  # one segment is cut
    outcome = practice.publish(video_post(clip))
    assert outcome.state == State.POSTED, outcome
    [tweet] = fake.tweets.values()
    [media_id] = tweet["media_ids"]
    media = fake.media[media_id]
    assert media["bytes"] == clip.read_bytes() and media["state"] == "succeeded"
    assert media["alt"] == "Kepala BPBD membuka rapat"
    assert len(media["segments"]) > 2


def test_the_practice_x_fails_a_video_it_would_not_take(practice_server, practice_engine,
                                                        tmp_path):
    """X processes what it is given, then says "failed": HEVC is not H.264."""
    import logging

    import httpx

    from composer.core.adapters import MediaInvalid, OutgoingPost, PublishContext, RenderedMedia
    from platforms.practice.x import FakeX
    from platforms.x import XAdapter

    fake = practice_server(FakeX)
    clip = make_video(tmp_path / "h.mp4", width=640, height=360, codec="libx265", seconds=1)
    settings, secrets = fake.practice_account()
    with httpx.Client(timeout=5) as client:
        ctx = PublishContext(client=client, account=settings, secrets=secrets,
                             log=logging.getLogger("t"))
        media = RenderedMedia(str(clip), "video/mp4", 640, 360, duration=1.0)
        with pytest.raises(MediaInvalid, match="InvalidContent"):
            XAdapter().publish(ctx, OutgoingPost("p", "hevc", media=(media,)))


def youtube_video_post(path, captions=None, **kw) -> Post:
    post = video_post(path, captions, **kw)
    post.title = "Rapat koordinasi siaga banjir"
    return post


def test_youtube_gets_the_video_its_cover_as_thumbnail_and_its_captions(
        practice_server, practice_engine, tmp_path, captions):
    from platforms.practice.youtube import FakeYouTube

    fake = practice_server(FakeYouTube)
    practice = practice_engine(default_registry().get("youtube"), fake)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=2)
    outcome = practice.publish(youtube_video_post(clip, captions, cover_at=1.0))
    assert outcome.state == State.POSTED, outcome
    video = fake.videos[outcome.remote_id]
    assert video["size"] == clip.stat().st_size  # YouTube takes it as it is
    assert video["thumbnail"]["mime"] == "image/jpeg"
    [track] = fake.captions.values()
    assert track["snippet"]["videoId"] == outcome.remote_id
    assert track["snippet"]["status"] == "serving" and b"Selamat pagi, warga" in track["data"]


def test_youtube_captions_after_a_lost_answer_are_one_track(
        practice_server, practice_engine, tmp_path, captions):
    from platforms.practice.youtube import FakeYouTube

    fake = practice_server(FakeYouTube)
    practice = practice_engine(default_registry().get("youtube"), fake)
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=1)
    fake.faults.add("timeout", route="POST /upload/youtube/v3/captions", after_work=True)
    outcome = practice.publish(youtube_video_post(clip, captions))
    assert outcome.state == State.POSTED, outcome
    assert len(fake.videos) == 1 and len(fake.captions) == 1
    assert fake.requests_to("GET", "/youtube/v3/captions"), "the retry asked for the track"
    assert practice.resume(youtube_video_post(clip, captions)) is None


def test_youtube_posts_the_video_when_the_channel_may_not_set_thumbnails(
        practice_server, practice_engine, tmp_path):
    from platforms.practice.youtube import FakeYouTube

    fake = practice_server(FakeYouTube)
    fake.custom_thumbnails = False  # an unverified channel
    practice = practice_engine(default_registry().get("youtube"), fake)
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=1)
    outcome = practice.publish(youtube_video_post(clip))
    assert outcome.state == State.POSTED, outcome
    [video] = fake.videos.values()
    assert "thumbnail" not in video and len(fake.requests_to("PUT", "/upload/")) == 1


def test_the_practice_youtube_fails_what_is_not_a_video(practice_server, tmp_path):
    """YouTube takes the bytes, then its processing fails (uploadStatus failed, invalidFile)."""
    import logging

    import httpx

    from composer.core.adapters import MediaInvalid, OutgoingPost, PublishContext, RenderedMedia
    from platforms.practice.youtube import FakeYouTube
    from platforms.youtube import YouTubeAdapter

    fake = practice_server(FakeYouTube)
    notes = tmp_path / "catatan.mp4"
    notes.write_bytes(b"bukan video, hanya catatan rapat\n" * 100)
    settings, secrets = fake.practice_account()
    with httpx.Client(timeout=5) as client:
        ctx = PublishContext(client=client, account=settings, secrets=secrets,
                             log=logging.getLogger("t"))
        media = RenderedMedia(str(notes), "video/mp4", 0, 0)
        with pytest.raises(MediaInvalid, match="invalidFile"):
            YouTubeAdapter().publish(ctx, OutgoingPost("p", "x", title="x", media=(media,)))
    assert fake.videos == {}


def test_facebook_uploads_a_page_video_in_ranges_with_description_and_thumbnail(
        practice_server, practice_engine, tmp_path):
    from platforms.practice.facebook import FakeFacebook

    fake = practice_server(FakeFacebook)
    fake.video_chunk = 64 * 1024  # several transfers
    practice = practice_engine(default_registry().get("facebook"), fake)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=2, noise=True,
                      bitrate=1_000_000)
    fake.faults.add("reset", route="POST .*/videos")  # one request is cut: the start
    outcome = practice.publish(video_post(clip, cover_at=1.0))
    assert outcome.state == State.POSTED, outcome
    [video] = [v for v in fake.videos.values() if v["phase"] == "complete"]
    assert bytes(video["data"]) == clip.read_bytes()
    assert video["description"] == "Rapat koordinasi siaga banjir pagi ini"
    assert video["thumb"][:3] == b"\xff\xd8\xff"  # the cover, a JPEG
    assert outcome.remote_id == video["id"] and fake.live_texts() == [video["description"]]
    transfers = [r for r in fake.requests if r.method == "POST" and "/videos" in r.path]
    assert len(transfers) > 4


def test_facebook_video_after_a_lost_finish_answer_is_one_video(practice_server, http,
                                                                tmp_path):
    """The finish is done but its answer lost: the journalled video id is asked, not sent
    again."""
    from composer.core.adapters import OutgoingPost, RenderedMedia, Unknown
    from composer.testing.context import after_checkpoint, practice_context
    from platforms.facebook import FacebookAdapter
    from platforms.practice.facebook import FakeFacebook

    fake = practice_server(FakeFacebook)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=1)
    ctx = practice_context(fake, http)
    # every byte is there (the journalled range is empty): the next request is the finish
    after_checkpoint(ctx, lambda data: len(set(data.get("video_range", (0, 1)))) == 1,
                     lambda: fake.faults.add("success_then_500", route="POST .*/videos"))
    post = OutgoingPost("p", "Rapat koordinasi", media=(
        RenderedMedia(str(clip), "video/mp4", 640, 360, duration=1.0),))
    with pytest.raises(Unknown):
        FacebookAdapter().publish(ctx, post)
    found = FacebookAdapter().find_existing(ctx, post)
    [video] = fake.videos.values()
    assert found is not None and found.remote_id == video["id"]
    assert fake.live_texts() == ["Rapat koordinasi"]


def test_the_practice_facebook_refuses_a_video_outside_the_page_rules(
        practice_server, tmp_path):
    """Facebook takes the bytes, then the finish fails (#6000): a 1:3 strip is too tall."""
    import logging

    import httpx

    from composer.core.adapters import MediaInvalid, OutgoingPost, PublishContext, RenderedMedia
    from platforms.facebook import FacebookAdapter
    from platforms.practice.facebook import FakeFacebook

    fake = practice_server(FakeFacebook)
    clip = make_video(tmp_path / "tall.mp4", width=160, height=480, seconds=1)
    settings, secrets = fake.practice_account()
    with httpx.Client(timeout=5) as client:
        ctx = PublishContext(client=client, account=settings, secrets=secrets,
                             log=logging.getLogger("t"))
        media = RenderedMedia(str(clip), "video/mp4", 160, 480, duration=1.0)
        with pytest.raises(MediaInvalid, match="problem uploading your video"):
            FacebookAdapter().publish(ctx, OutgoingPost("p", "tinggi", media=(media,)))
    assert fake.live_texts() == []


def test_instagram_makes_a_reel_from_the_hosted_video_and_waits_for_it(
        practice_server, practice_engine, tmp_path, monkeypatch):
    from platforms.instagram import InstagramAdapter
    from platforms.practice.instagram import FakeInstagram

    monkeypatch.setattr(InstagramAdapter, "poll_interval", 0.0)
    fake = practice_server(FakeInstagram, processing_polls=3)
    practice = practice_engine(default_registry().get("instagram"), fake)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=3.5)
    outcome = practice.publish(video_post(clip))
    assert outcome.state == State.POSTED, outcome
    [reel] = [c for c in fake.containers.values() if c["media_type"] == "REELS"]
    assert reel["status_code"] == "PUBLISHED"
    assert reel["caption"] == "Rapat koordinasi siaga banjir pagi ini"
    assert fake.fetched == [reel["video_url"]]  # fetched from the media host, once
    polls = [r for r in fake.requests if r.method == "GET" and reel["id"] in r.path]
    assert len(polls) >= 3, "IN_PROGRESS was polled until FINISHED"
    assert fake.published_texts() == [reel["caption"]]


def test_the_practice_instagram_fails_a_reel_it_would_not_take(practice_server, http,
                                                               tmp_path, monkeypatch):
    """Instagram makes the container, then its processing says ERROR: 2 s is under 3 s."""
    from composer.core.adapters import MediaInvalid, OutgoingPost, RenderedMedia
    from composer.testing.context import practice_context
    from platforms.instagram import InstagramAdapter
    from platforms.practice.instagram import FakeInstagram

    monkeypatch.setattr(InstagramAdapter, "poll_interval", 0.0)
    fake = practice_server(FakeInstagram)
    clip = make_video(tmp_path / "v.mp4", width=360, height=640, seconds=2)
    settings, secrets = fake.practice_account()
    ctx = practice_context(fake, http, account=settings)
    ctx.secrets.update(secrets)
    post = OutgoingPost("p", "pendek", media=(
        RenderedMedia(str(clip), "video/mp4", 360, 640, duration=2.0),))
    with pytest.raises(MediaInvalid, match="duration") as refused:
        InstagramAdapter().publish(ctx, post)
    assert "could not process the video" in refused.value.reason  # a video, not "an image"
    assert fake.published_texts() == []


def test_threads_makes_a_video_container_from_the_hosted_video_and_waits_for_it(
        practice_server, practice_engine, tmp_path, monkeypatch):
    from platforms.practice.threads import FakeThreads
    from platforms.threads import ThreadsAdapter

    monkeypatch.setattr(ThreadsAdapter, "poll_interval", 0.0)
    fake = practice_server(FakeThreads)
    fake.processing_polls = 3
    practice = practice_engine(default_registry().get("threads"), fake)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=2)
    fake.faults.add("timeout", route="POST .*/threads_publish", after_work=True)  # answer lost
    outcome = practice.publish(video_post(clip))
    assert outcome.state == State.POSTED, outcome
    [video] = [c for c in fake.containers.values() if c["media_type"] == "VIDEO"]
    assert video["status"] == "PUBLISHED" and video["alt_text"] == "Kepala BPBD membuka rapat"
    assert video["bytes"] == clip.stat().st_size  # it fit: hosted untouched
    assert fake.published_texts() == ["Rapat koordinasi siaga banjir pagi ini"]  # once
    polls = [r for r in fake.requests if r.method == "GET" and video["id"] in r.path]
    assert len(polls) >= 3, "IN_PROGRESS was polled until FINISHED"


def test_the_practice_threads_fails_a_video_it_would_not_take(practice_server, http, tmp_path,
                                                              monkeypatch):
    """Threads makes the container, then its processing says ERROR: 10 fps is under 23."""
    from composer.core.adapters import MediaInvalid, OutgoingPost, RenderedMedia
    from composer.testing.context import practice_context
    from platforms.practice.threads import FakeThreads
    from platforms.threads import ThreadsAdapter

    monkeypatch.setattr(ThreadsAdapter, "poll_interval", 0.0)
    fake = practice_server(FakeThreads)
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, fps=10, seconds=1)
    settings, secrets = fake.practice_account()
    ctx = practice_context(fake, http, account=settings)
    ctx.secrets.update(secrets)
    post = OutgoingPost("p", "lambat", media=(
        RenderedMedia(str(clip), "video/mp4", 320, 240, duration=1.0),))
    from composer.core import i18n

    i18n.set_language("id")
    try:
        with pytest.raises(MediaInvalid, match="FRAME_RATE") as refused:
            ThreadsAdapter().publish(ctx, post)
    finally:
        i18n.set_language(None)
    assert "tidak dapat memproses video" in refused.value.reason  # a video, not "gambar"
    assert fake.published_texts() == []


def test_linkedin_uploads_a_video_in_parts_and_posts_its_urn(practice_server, practice_engine,
                                                             tmp_path, monkeypatch):
    from platforms.linkedin import LinkedInAdapter
    from platforms.practice.linkedin import FakeLinkedIn

    monkeypatch.setattr(LinkedInAdapter, "poll_interval", 0.0)
    fake = practice_server(FakeLinkedIn)
    fake.video_part = 64 * 1024  # several parts
    practice = practice_engine(default_registry().get("linkedin"), fake)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=3.5, noise=True,
                      bitrate=600_000)
    fake.faults.add("reset", route="PUT /dms-video/")  # one part is cut: sent again
    outcome = practice.publish(video_post(clip))
    assert outcome.state == State.POSTED, outcome
    [video] = fake.videos.values()
    assert len(video["parts"]) > 2 and video["status"] == "AVAILABLE"
    assert any(r.fault == "reset" for r in fake.requests)
    assert video["bytes"] == clip.read_bytes()
    [post] = fake.posts.values()
    assert post["content"]["media"]["id"] in fake.videos
    assert post["content"]["media"]["title"] == "Kepala BPBD membuka rapat"


def test_the_practice_linkedin_fails_a_video_it_would_not_take(practice_server, http, tmp_path,
                                                               monkeypatch):
    """LinkedIn takes the parts, then its processing fails: 1 s is under 3 s."""
    from composer.core.adapters import MediaInvalid, OutgoingPost, RenderedMedia
    from composer.testing.context import practice_context
    from platforms.linkedin import LinkedInAdapter
    from platforms.practice.linkedin import FakeLinkedIn

    monkeypatch.setattr(LinkedInAdapter, "poll_interval", 0.0)
    fake = practice_server(FakeLinkedIn)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=1)
    settings, secrets = fake.practice_account()
    ctx = practice_context(fake, http, account=settings)
    ctx.secrets.update(secrets)
    post = OutgoingPost("p", "pendek", media=(
        RenderedMedia(str(clip), "video/mp4", 640, 360, duration=1.0),))
    with pytest.raises(MediaInvalid, match="INVALID_DURATION"):
        LinkedInAdapter().publish(ctx, post)
    assert fake.posts == {}


def test_a_reel_names_its_cover_frame_in_milliseconds_of_the_part_sent(
        practice_server, practice_engine, tmp_path, monkeypatch):
    """The cover chosen at 2.0 s of the source, the video trimmed to start at 0.5 s: Instagram
    is told the frame 1,500 ms into the Reel, and fetches no image for it."""
    from platforms.instagram import InstagramAdapter
    from platforms.practice.instagram import FakeInstagram

    monkeypatch.setattr(InstagramAdapter, "poll_interval", 0.0)
    fake = practice_server(FakeInstagram)
    practice = practice_engine(default_registry().get("instagram"), fake)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=4.5)
    outcome = practice.publish(video_post(clip, cover_at=2.0, trim_start=0.5))
    assert outcome.state == State.POSTED, outcome
    [reel] = [c for c in fake.containers.values() if c["media_type"] == "REELS"]
    assert reel["thumb_offset"] == 1500 and "cover_url" not in reel
    assert fake.fetched == [reel["video_url"]]


def test_a_reel_with_the_officers_cover_image_gets_it_through_the_media_host(
        practice_server, practice_engine, tmp_path, monkeypatch):
    from PIL import Image

    from platforms.instagram import InstagramAdapter
    from platforms.practice.instagram import FakeInstagram

    monkeypatch.setattr(InstagramAdapter, "poll_interval", 0.0)
    fake = practice_server(FakeInstagram)
    practice = practice_engine(default_registry().get("instagram"), fake)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=3.5)
    poster = tmp_path / "sampul.png"
    Image.new("RGB", (720, 1280), (200, 30, 30)).save(poster)
    outcome = practice.publish(video_post(clip, cover=str(poster)))
    assert outcome.state == State.POSTED, outcome
    [reel] = [c for c in fake.containers.values() if c["media_type"] == "REELS"]
    assert "thumb_offset" not in reel
    assert reel["cover"]["height"] > reel["cover"]["width"]  # the officer's upright poster
    assert fake.fetched == [reel["video_url"], reel["cover_url"]]  # both from the media host


def test_the_practice_instagram_refuses_a_cover_frame_outside_the_reel(
        practice_server, http, tmp_path, monkeypatch):
    from composer.core.adapters import AdapterError, OutgoingPost, RenderedMedia
    from composer.testing.context import practice_context
    from platforms.instagram import InstagramAdapter
    from platforms.practice.instagram import FakeInstagram

    monkeypatch.setattr(InstagramAdapter, "poll_interval", 0.0)
    fake = practice_server(FakeInstagram)
    clip = make_video(tmp_path / "v.mp4", width=360, height=640, seconds=3.5)
    settings, secrets = fake.practice_account()
    ctx = practice_context(fake, http, account=settings)
    ctx.secrets.update(secrets)
    post = OutgoingPost("p", "sampul", media=(
        RenderedMedia(str(clip), "video/mp4", 360, 640, duration=3.5, cover_at=9.0),))
    with pytest.raises(AdapterError, match="thumb_offset|cover frame"):
        InstagramAdapter().publish(ctx, post)
    assert fake.published_texts() == []


def test_facebook_sends_the_officers_cover_image_as_the_videos_thumb(
        practice_server, practice_engine, tmp_path):
    import io

    from PIL import Image

    from platforms.practice.facebook import FakeFacebook

    fake = practice_server(FakeFacebook)
    practice = practice_engine(default_registry().get("facebook"), fake)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=2)
    poster = tmp_path / "sampul.png"
    Image.new("RGB", (300, 500), (20, 120, 200)).save(poster)
    outcome = practice.publish(video_post(clip, cover=str(poster)))
    assert outcome.state == State.POSTED, outcome
    [video] = [v for v in fake.videos.values() if v["phase"] == "complete"]
    with Image.open(io.BytesIO(video["thumb"])) as thumb:
        assert (thumb.format, thumb.size) == ("JPEG", (300, 500))  # the poster, not a frame


def test_youtube_gets_the_captions_of_a_trimmed_video_on_its_clock(
        practice_server, practice_engine, tmp_path):
    """The video trimmed to start at 1.0 s: the track YouTube receives starts its cue at 0.5 s,
    not at the source's 1.5 s, and the cue before the cut is not in it."""
    from platforms.practice.youtube import FakeYouTube

    fake = practice_server(FakeYouTube)
    practice = practice_engine(default_registry().get("youtube"), fake)
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, seconds=3)
    takarir = tmp_path / "takarir.srt"
    takarir.write_text("1\n00:00:00,200 --> 00:00:00,800\nSebelum potongan\n\n"
                       "2\n00:00:01,500 --> 00:00:02,500\nSelamat pagi, warga\n\n",
                       encoding="utf-8")
    outcome = practice.publish(youtube_video_post(clip, takarir, trim_start=1.0))
    assert outcome.state == State.POSTED, outcome
    [track] = fake.captions.values()
    assert b"00:00:00,500 --> 00:00:01,500" in track["data"]
    assert b"Selamat pagi, warga" in track["data"] and b"Sebelum potongan" not in track["data"]
