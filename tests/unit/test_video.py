"""Video: probe, the rule book's findings, and each channel's shaped file, over a corpus made
with PyAV at the start of the session (variable frame rate, a rotated phone clip with its
location, 4K HEVC, portrait, no sound, 10-bit, over-long, WebM, index last, cut off, a text
file named .mp4, an empty file). Every output is probed back against its channel's rules."""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path

import pytest

from composer.core import i18n
from composer.core import post as post_model
from composer.core.adapters import Cancelled, VideoRules
from composer.core.checks import check
from composer.core.video import VideoError, plan, probe, problems
from composer.core.video.rules import reasons
from composer.core.video.shape import group_key, merge, shape_all
from composer.testing.video_corpus import make_corpus, make_video

# Every channel's published video rules, those on a spec and those waiting for their upload.
CHANNELS = ("x", "mastodon", "bluesky", "threads", "facebook", "instagram", "linkedin",
            "telegram", "wordpress", "youtube", "folder")
RULES: dict[str, VideoRules] = {c: importlib.import_module(f"platforms.{c}").VIDEO
                                for c in CHANNELS}
GOOD = ("plain", "vfr", "rotated", "hevc4k", "portrait", "silent", "tenbit", "webm",
        "moov_last")
BAD = ("truncated", "truncated_tail", "not_video", "empty")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("video-corpus"))


@pytest.fixture(scope="session")
def shaped(corpus, tmp_path_factory):
    """Every good clip shaped for every channel at once: {clip: {channel: path}}."""
    out = tmp_path_factory.mktemp("video-out")
    result = {}
    for name in GOOD:
        info = probe(corpus[name])
        targets = {c: plan(info, r) for c, r in RULES.items()
                   if not any(not p.fixable for p in problems(info, r, c))}
        result[name] = (targets, shape_all(info, targets, out))
    return result


def test_probe_reads_what_phones_and_cameras_write(corpus):
    vfr = probe(corpus["vfr"])
    assert vfr.variable_fps and vfr.max_fps == pytest.approx(50, abs=1)
    rotated = probe(corpus["rotated"])
    assert rotated.rotation in (90, 270) and (rotated.display_width, rotated.display_height) == (360, 640)
    assert rotated.has_location
    hevc = probe(corpus["hevc4k"])
    assert (hevc.video_codec, hevc.width, hevc.height) == ("hevc", 3840, 2160)
    assert probe(corpus["tenbit"]).bit_depth == 10
    assert not probe(corpus["silent"]).has_audio
    assert probe(corpus["long"]).duration == pytest.approx(200, abs=1)
    assert probe(corpus["webm"]).container == "webm"
    assert not probe(corpus["moov_last"]).faststart and probe(corpus["plain"]).faststart
    plain = probe(corpus["plain"])
    assert (plain.container, plain.video_codec, plain.audio_codec) == ("mp4", "h264", "aac")
    assert plain.fps == pytest.approx(30) and not plain.variable_fps


@pytest.mark.parametrize("name", BAD)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_bad_file_is_one_clear_line_in_both_languages(corpus, name, lang):
    i18n.set_language(lang)
    try:
        with pytest.raises(VideoError) as caught:
            probe(corpus[name])
    finally:
        i18n.set_language(None)
    message = str(caught.value)
    assert "\n" not in message and Path(corpus[name]).name in message
    assert "Traceback" not in message and "Errno" not in message
    if lang == "id":
        assert any(w in message for w in ("bukan", "terpotong", "rusak", "kosong")), message


@pytest.mark.parametrize("name", GOOD)
def test_every_channel_gets_a_file_it_takes(corpus, shaped, name):
    """Probe each output back: inside every rule of its channel, no location, same length."""
    source = probe(corpus[name])
    targets, files = shaped[name]
    assert targets, "no channel took it"
    for channel, path in files.items():
        out = probe(path)
        rules = RULES[channel]
        assert reasons(out, rules) == [], (channel, reasons(out, rules))
        assert not out.has_location, channel
        assert out.duration == pytest.approx(source.duration, abs=0.25), channel
        assert out.has_audio == source.has_audio, channel
        if targets[channel] is None:
            assert Path(path) == Path(source.path), f"{channel}: a file that fits goes untouched"
        elif not targets[channel].remux_only:
            assert out.rotation == 0, f"{channel}: the rotation is applied to the picture"
            assert out.display_width == targets[channel].frame_w


def test_channels_that_need_the_same_picture_share_one_encode(corpus, shaped):
    targets, files = shaped["hevc4k"]
    encodes = {group_key(t) for t in targets.values() if t is not None and not t.remux_only}
    outputs = {files[c] for c, t in targets.items() if t is not None}
    assert len(outputs) == len(encodes) + any(t is not None and t.remux_only for t in targets.values())
    # Threads and Instagram differ only in shape: Reels are cropped to 9:16, Threads are not
    assert probe(files["instagram"]).aspect == pytest.approx(9 / 16, abs=0.01)
    assert probe(files["threads"]).aspect == pytest.approx(16 / 9, abs=0.01)


def test_a_file_that_already_fits_is_sent_untouched(corpus, shaped):
    targets, files = shaped["plain"]
    for channel in ("bluesky", "wordpress", "youtube", "folder", "telegram", "mastodon"):
        assert targets[channel] is None and files[channel] == corpus["plain"]


def test_location_is_stripped_without_re_encoding(corpus, shaped):
    targets, files = shaped["rotated"]
    assert targets["bluesky"] is not None and targets["bluesky"].remux_only
    out = probe(files["bluesky"])
    assert not out.has_location and out.video_codec == "h264"
    assert b"+106.8456" not in Path(files["bluesky"]).read_bytes()


def test_cancel_stops_the_encode_and_leaves_no_half_file(corpus, tmp_path):
    info = probe(corpus["hevc4k"])
    targets = {"x": plan(info, RULES["x"])}
    with pytest.raises(Cancelled):
        shape_all(info, targets, tmp_path / "out", cancelled=lambda: True)
    assert list((tmp_path / "out").iterdir()) == []


def test_progress_reaches_the_end(corpus, tmp_path):
    seen: list[float] = []
    info = probe(corpus["tenbit"])
    shape_all(info, {"x": plan(info, RULES["x"])}, tmp_path, progress=seen.append)
    assert seen[-1] == 1.0 and seen == sorted(seen)


def test_equal_pictures_are_merged_to_the_lowest_bitrate(corpus):
    info = probe(corpus["tenbit"])
    a = plan(info, RULES["x"])
    b = replace(a, video_bitrate=a.video_bitrate // 2)
    merged = merge({"a": a, "b": b})
    assert merged["a"] == merged["b"] and merged["a"].video_bitrate == b.video_bitrate


def _post_with(video: Path, **ref) -> post_model.Post:
    post = post_model.Post(text="Kegiatan hari ini")
    post.media.append(post_model.MediaRef(path=str(video), kind="video", alt="Rapat", **ref))
    return post


def _spec(channel: str):
    from composer.core.registry import default_registry

    return default_registry().get(channel).spec


def test_the_rule_book_blocks_what_no_encode_fixes(corpus):
    long = _post_with(corpus["long"])
    found = check(long, "bluesky", _spec("bluesky"))  # 200 s; Bluesky takes 3 minutes
    assert not found.ok and found.blocks[0].code == "video.too_long"
    assert "3:00" in found.blocks[0].message
    assert check(long, "folder", _spec("folder")).ok


def test_telegram_50_mb_bot_limit_is_a_block_before_any_upload(corpus):
    """A clip that cannot be brought under the bot limit at a watchable bitrate is refused by
    the rule book, never discovered by a failed upload."""
    from platforms import telegram

    spec = replace(_spec("telegram"), video=telegram.VIDEO)
    hour = replace(probe(corpus["long"]), duration=3600.0, bytes=900_000_000)
    codes = [p.code for p in problems(hour, telegram.VIDEO, "Telegram")]
    assert codes == ["video.too_big"]
    small = check(_post_with(corpus["plain"]), "telegram", spec)
    assert small.ok


def test_the_rule_book_says_what_will_change(corpus):
    post = _post_with(corpus["rotated"])
    found = {f.code: f for f in check(post, "bluesky", _spec("bluesky")).findings}
    assert "video.location_removed" in found
    assert found["video.captions_missing"].severity.value == "warn"  # sound, no captions
    hevc = {f.code: f for f in check(_post_with(corpus["hevc4k"]), "bluesky",
                                     _spec("bluesky")).findings}
    assert hevc["video.reencoded"].severity.value == "info"
    assert "HEVC" in hevc["video.reencoded"].message


def test_unreadable_video_and_mixed_media_block(corpus, tmp_path):
    bad = check(_post_with(corpus["not_video"]), "wordpress", _spec("wordpress"))
    assert bad.blocks[0].code == "video.unreadable" and "notes.mp4" in bad.blocks[0].message
    mixed = _post_with(corpus["plain"])
    mixed.media.append(post_model.MediaRef(path=str(tmp_path / "a.jpg")))
    assert "media.mixed" in {f.code for f in check(mixed, "bluesky", _spec("bluesky")).blocks}


def test_post_file_keeps_cover_and_captions(tmp_path, corpus):
    post = _post_with(corpus["plain"], cover_at=1.5, captions=str(tmp_path / "c.vtt"))
    again = post_model.loads(post_model.dumps(post))
    ref = again.media[0]
    assert (ref.kind, ref.cover_at, ref.captions, ref.alt) == ("video", 1.5, str(tmp_path / "c.vtt"), "Rapat")
    with pytest.raises(post_model.PostFileError):
        post_model.loads('text = "x"\n[[media]]\npath = "a.mp4"\nkind = "video"\ncaptions = "a.txt"\n')


def test_captions_convert_between_srt_and_webvtt(tmp_path):
    from composer.core.video.captions import CaptionsError, for_channel, read

    srt = tmp_path / "c.srt"
    srt.write_text("1\n00:00:00,500 --> 00:00:02,000\nSelamat pagi\n\n", encoding="utf-8")
    vtt = for_channel(srt, ("vtt",), tmp_path / "out")
    assert vtt is not None
    assert vtt.read_text().startswith("WEBVTT") and "00:00:00.500 --> 00:00:02.000" in vtt.read_text()
    assert read(vtt)[0].text == "Selamat pagi"
    junk = tmp_path / "junk.srt"
    junk.write_text("hello", encoding="utf-8")
    with pytest.raises(CaptionsError):
        read(junk)


def test_cover_frame_is_upright(corpus, tmp_path):
    from PIL import Image

    from composer.core.video.cover import cover_file

    path = cover_file(probe(corpus["rotated"]), tmp_path, at=1.0)
    with Image.open(path) as img:
        assert img.size == (360, 640)


def test_cli_new_render_check(corpus, tmp_path, capsys):
    from composer.cli import main

    assert main(["new", "--text", "Kegiatan", "--video", f"{corpus['rotated']}:Rapat pagi",
                 "--cover-at", "1", "--to", "bluesky,wordpress,folder"]) == 0
    post_file = tmp_path / "post.toml"
    post_file.write_text(capsys.readouterr().out, encoding="utf-8")
    assert post_model.load(post_file).media[0].alt == "Rapat pagi"
    assert main(["check", str(post_file)]) == 0
    assert "video.location_removed" in capsys.readouterr().out
    assert main(["render", str(post_file), "--out", str(tmp_path / "out")]) == 0
    for channel in ("bluesky", "wordpress", "folder"):
        out = probe(tmp_path / "out" / channel / "video.mp4")
        assert not out.has_location
    assert main(["new", "--text", "x", "--video", str(corpus["not_video"])]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "notes.mp4" in err


def test_cli_render_names_a_blocked_channel(corpus, tmp_path, capsys):
    from composer.cli import main

    post = _post_with(corpus["long"])
    post.channels = ["bluesky", "folder"]
    post_file = tmp_path / "long.toml"
    post_model.save(post, post_file)
    assert main(["render", str(post_file), "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert "bluesky" in captured.err and "3:00" in captured.err
    assert (tmp_path / "out" / "folder" / "video.mp4").is_file()


def test_vfr_becomes_constant_where_the_channel_wants_it(tmp_path):
    clip = make_video(tmp_path / "v.mp4", width=320, height=240, vfr=True, seconds=1)
    info = probe(clip)
    target = plan(info, RULES["x"])
    assert target is not None and not target.remux_only
    out = probe(shape_all(info, {"x": target}, tmp_path / "o")["x"])
    assert not out.variable_fps


def test_a_byte_limit_alone_re_encodes_at_the_same_size_and_fits(corpus, tmp_path):
    """Only the bytes are wrong: the picture keeps its size, rate and length, the file fits."""
    source = probe(corpus["plain"])
    rules = replace(RULES["telegram"], max_bytes=source.bytes // 2)
    target = plan(source, rules)
    assert target is not None and not target.remux_only
    out = probe(shape_all(source, {"telegram": target}, tmp_path)["telegram"])
    assert (out.width, out.height, out.fps) == (source.width, source.height, source.fps)
    assert out.duration == pytest.approx(source.duration, abs=0.1)
    assert out.bytes <= rules.max_bytes and reasons(out, rules) == []
    assert out.has_audio and out.audio_codec == "aac"


def test_a_straight_encode_and_a_cropped_one_share_the_decode_without_losing_frames(corpus,
                                                                                     tmp_path):
    source = probe(corpus["plain"])
    lower = plan(source, replace(RULES["telegram"], max_bytes=source.bytes // 2))
    reels = plan(source, replace(RULES["instagram"], min_duration=None))
    files = shape_all(source, {"telegram": lower, "instagram": reels}, tmp_path)
    for channel in ("telegram", "instagram"):
        out = probe(files[channel])
        assert out.duration == pytest.approx(source.duration, abs=0.1), channel
        assert out.fps == pytest.approx(source.fps, abs=0.5), channel
    assert probe(files["instagram"]).aspect == pytest.approx(9 / 16, abs=0.01)
