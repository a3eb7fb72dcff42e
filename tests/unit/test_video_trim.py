"""Trimming a video: a cut on a keyframe is a copy (no picture re-encoded), a cut between
keyframes is encoded once; the rule book checks the part kept, the post file keeps the trim."""

from pathlib import Path

import pytest

from composer.core import post as post_model
from composer.core.video import probe
from composer.core.video.trim import cuts_on_keyframe, keyframes, trim_file, trimmed
from composer.testing.video_corpus import make_video


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    return make_video(tmp_path_factory.mktemp("trim") / "clip.mp4", seconds=4.0, fps=25)


def test_a_cut_on_a_keyframe_is_a_copy_of_the_packets(clip, tmp_path):
    info = probe(clip)
    assert keyframes(info)[0] == 0.0 and cuts_on_keyframe(info, 0.0)
    out = trim_file(info, None, 2.0, tmp_path)
    assert out.name.endswith("-copy.mp4")
    kept = probe(out)
    assert kept.duration == pytest.approx(2.0, abs=0.1)
    assert kept.video_codec == info.video_codec and kept.has_audio
    assert trim_file(info, None, 2.0, tmp_path) == out  # made once


def test_a_cut_between_keyframes_is_encoded_once(clip, tmp_path):
    info = probe(clip)
    assert not cuts_on_keyframe(info, 1.3)
    out = trim_file(info, 1.3, 3.1, tmp_path)
    assert out.name.endswith("-encode.mp4")
    kept = probe(out)
    assert kept.duration == pytest.approx(1.8, abs=0.12)
    assert (kept.display_width, kept.display_height) == (info.display_width, info.display_height)


def test_nothing_cut_is_the_source_itself(clip, tmp_path):
    info = probe(clip)
    assert trim_file(info, 0.0, None, tmp_path) == Path(info.path)
    assert trimmed(info, 1.0, 3.0).duration == pytest.approx(2.0)


def test_the_rule_book_checks_the_part_kept(tmp_path):
    from composer.core.checks.video import video_findings
    from composer.core.post import ResolvedMedia
    from platforms.x import SPEC

    long = make_video(tmp_path / "long.mp4", seconds=150.0, fps=2, width=160, height=120,
                      audio=False)
    ref = post_model.MediaRef(path=str(long), alt="Rapat", kind="video")
    codes = {f.code for f in video_findings(SPEC, "x", [ResolvedMedia(ref, ref.alt, None)])}
    assert "video.too_long" in codes
    cut = post_model.MediaRef(path=str(long), alt="Rapat", kind="video", trim_end=60.0)
    codes = {f.code for f in video_findings(SPEC, "x", [ResolvedMedia(cut, cut.alt, None)])}
    assert "video.too_long" not in codes


def test_the_post_file_keeps_the_trim_and_refuses_a_backwards_one():
    post = post_model.Post(text="Video")
    post.media.append(post_model.MediaRef(path="a.mp4", kind="video", trim_start=1.5,
                                          trim_end=9.0))
    again = post_model.loads(post_model.dumps(post))
    assert (again.media[0].trim_start, again.media[0].trim_end) == (1.5, 9.0)
    data = post_model.to_dict(post)
    data["media"][0]["trim_end"] = 1.0
    with pytest.raises(post_model.PostFileError):
        post_model.from_dict(data)


def test_siaran_new_trim_writes_what_the_window_writes(clip, capsys):
    from composer.cli import main

    assert main(["new", "--text", "Rapat", "--video", f"{clip}:Rapat", "--trim", "1:3.5"]) == 0
    ref = post_model.loads(capsys.readouterr().out).media[0]
    assert (ref.trim_start, ref.trim_end) == (1.0, 3.5)
    assert main(["new", "--text", "Rapat", "--video", str(clip), "--trim", "3:1"]) == 2
    err = capsys.readouterr().err
    assert "--trim" in err and "Traceback" not in err


def test_each_channel_preview_is_framed_as_its_video_will_be(tmp_path):
    from dataclasses import replace

    from composer.core.video.preview import channel_preview, duration_text
    from platforms.x import SPEC

    wide = make_video(tmp_path / "panorama.mp4", width=640, height=160, seconds=1.0)
    ref = post_model.MediaRef(path=str(wide), kind="video", cover_at=0.5, trim_end=0.6)
    padded = channel_preview(ref, SPEC.video, tmp_path / "x")  # X: at most 3:1, padded
    assert padded.width / padded.height == pytest.approx(3.0, abs=0.02)
    assert padded.duration == pytest.approx(0.6) and padded.reencoded
    from PIL import Image

    with Image.open(padded.cover) as im:
        assert im.width / im.height == pytest.approx(3.0, abs=0.02)
    crop = replace(SPEC.video, fit="crop")
    cropped = channel_preview(ref, crop, tmp_path / "crop")
    assert cropped.width / cropped.height == pytest.approx(3.0, abs=0.02)
    assert duration_text(75.4) == "1:15" and duration_text(3725) == "1:02:05"


def test_a_cut_on_a_later_keyframe_is_a_copy_that_starts_at_zero(clip, tmp_path):
    # the encode path writes a keyframe every 2 s: a clip with keyframes past the first
    source = probe(trim_file(probe(clip), 0.1, None, tmp_path / "encoded"))
    later = [k for k in keyframes(source) if k > 0.5]
    assert later, keyframes(source)
    start = later[0]
    assert cuts_on_keyframe(source, start) and not cuts_on_keyframe(source, start + 0.3)
    out = trim_file(source, start, None, tmp_path / "copied")
    assert out.name.endswith("-copy.mp4")
    kept = probe(out)
    assert kept.duration == pytest.approx(source.duration - start, abs=0.1)
    assert keyframes(kept)[0] == 0.0


def test_the_engine_sends_the_trimmed_part_and_reports_its_shaping(
        practice_server, practice_engine, clip):
    from composer.core.registry import default_registry
    from platforms.practice.bluesky import BlueskyFake

    fake = practice_server(BlueskyFake)
    practice = practice_engine(default_registry().get("bluesky"), fake)
    post = post_model.Post(text="Rapat koordinasi")
    # a start between keyframes: the engine's cut is an encode, then Bluesky's shaping
    post.media.append(post_model.MediaRef(path=str(clip), alt="Rapat", kind="video",
                                          trim_start=1.3, trim_end=3.3))
    steps = []
    (outcome,) = practice.engine.publish(post, [practice.account],
                                         progress=lambda a, s, f: steps.append((a, s, f)))
    assert outcome.ok, outcome.reason
    assert (practice.account, "video", 1.0) in steps  # the rows say how far the shaping is
    handle = fake.practice_account()[0]["handle"]
    [record] = fake.posts(handle).values()
    sent = fake._by_handle(handle).blobs[record["embed"]["video"]["ref"]["$link"]]["data"]
    import io

    import av

    with av.open(io.BytesIO(sent)) as container:  # what the PDS holds: the 2 s kept
        assert float(container.duration / 1_000_000) == pytest.approx(2.0, abs=0.15)
