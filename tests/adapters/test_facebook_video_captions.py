"""A Page video's captions reach Facebook as an SRT track (/{video-id}/captions, the file named
for its locale): a WebVTT file is converted, a crash after the video resumes with the captions
alone, and a refused captions file does not fail the post that is already out."""

from __future__ import annotations

import pytest

from composer.core.adapters import OutgoingPost, RenderedMedia
from composer.core.journal import State
from composer.core.post import MediaRef, Post
from composer.core.registry import default_registry
from composer.testing.context import (
    Crashed,
    after_checkpoint,
    crash_once_saved,
    practice_context,
)
from composer.testing.video_corpus import make_video
from platforms.facebook import VIDEO, FacebookAdapter
from platforms.practice.facebook import FakeFacebook

VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nSelamat pagi, warga\n"


def test_the_facebook_rules_take_srt_captions():
    assert VIDEO.captions and VIDEO.caption_formats == ("srt",)


def test_a_webvtt_file_reaches_the_page_video_as_an_srt_track(practice_server, practice_engine,
                                                             tmp_path):
    fake = practice_server(FakeFacebook)
    practice = practice_engine(default_registry().get("facebook"), fake)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=2)
    captions = tmp_path / "takarir.vtt"
    captions.write_text(VTT, encoding="utf-8")
    post = Post(text="Rapat koordinasi siaga banjir")
    post.media.append(MediaRef(str(clip), alt="Rapat", kind="video", captions=str(captions)))
    outcome = practice.publish(post)
    assert outcome.state == State.POSTED, outcome
    [video] = [v for v in fake.videos.values() if v["phase"] == "complete"]
    assert list(video["captions"]) == ["id_ID"] and video["default_locale"] == "id_ID"
    track = video["captions"]["id_ID"]
    assert "00:00:00,000 --> 00:00:01,500" in track and "Selamat pagi, warga" in track


def outgoing(clip, captions) -> OutgoingPost:
    return OutgoingPost("p", "Rapat koordinasi", media=(
        RenderedMedia(str(clip), "video/mp4", 640, 360, duration=1.0, captions=str(captions)),))


def srt(tmp_path):
    path = tmp_path / "takarir.srt"
    path.write_text("1\n00:00:00,000 --> 00:00:01,000\nSelamat pagi\n\n", encoding="utf-8")
    return path


def test_a_crash_after_the_video_sends_only_the_captions(practice_server, http, tmp_path):
    fake = practice_server(FakeFacebook)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=1)
    journal: dict = {}
    ctx = practice_context(fake, http, checkpoint=journal)
    crash_once_saved(ctx, "post_id")
    with pytest.raises(Crashed):
        FacebookAdapter().publish(ctx, outgoing(clip, srt(tmp_path)))
    [video] = fake.videos.values()
    assert "captions" not in video
    again = practice_context(fake, http, checkpoint=dict(journal))
    result = FacebookAdapter().publish(again, outgoing(clip, srt(tmp_path)))
    assert result.remote_id == video["id"] and "captions_not_sent" not in result.extra
    assert "Selamat pagi" in video["captions"]["id_ID"]
    assert len(fake.videos) == 1


def test_a_refused_captions_file_leaves_the_video_posted(practice_server, http, tmp_path):
    fake = practice_server(FakeFacebook)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=1)
    broken = tmp_path / "takarir.srt"
    broken.write_text("this is not a captions file", encoding="utf-8")
    ctx = practice_context(fake, http)
    result = FacebookAdapter().publish(ctx, outgoing(clip, broken))
    assert "not SRT" in result.extra["captions_not_sent"]
    assert fake.live_texts() == ["Rapat koordinasi"]


def test_a_lost_finish_answer_still_brings_the_captions(practice_server, http, tmp_path):
    """The finish is done but its answer lost: the look-up finds the video, says the captions
    are owed, and publishing goes on with them alone."""
    from composer.core.adapters import Unknown

    fake = practice_server(FakeFacebook)
    clip = make_video(tmp_path / "v.mp4", width=640, height=360, seconds=1)
    ctx = practice_context(fake, http)
    # every byte is there (the journalled range is empty): the next request is the finish
    after_checkpoint(ctx, lambda data: len(set(data.get("video_range", (0, 1)))) == 1,
                     lambda: fake.faults.add("success_then_500", route="POST .*/videos"))
    post = outgoing(clip, srt(tmp_path))
    with pytest.raises(Unknown):
        FacebookAdapter().publish(ctx, post)
    assert FacebookAdapter().find_existing(ctx, post) is None  # out, but its captions owed
    result = FacebookAdapter().publish(ctx, post)
    [video] = fake.videos.values()
    assert result.remote_id == video["id"] and "Selamat pagi" in video["captions"]["id_ID"]
    assert FacebookAdapter().find_existing(ctx, post).remote_id == video["id"]
    assert fake.live_texts() == ["Rapat koordinasi"]
