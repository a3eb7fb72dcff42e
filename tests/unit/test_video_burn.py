"""Captions burned into the picture for the channels that take no captions file: the cue's
words are on the frames while it is on screen and nowhere else, the channels that take a file
keep the clean video and the file, and it is still one read of the source with one encode per
distinct output."""

from __future__ import annotations

import pytest

from composer.core import post as post_model
from composer.core.checks import check
from composer.core.registry import default_registry
from composer.core.video import shape
from composer.core.video.outgoing import shape_video
from composer.testing.video_corpus import make_video

CUE = (1.0, 2.0)


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    return make_video(tmp_path_factory.mktemp("burn") / "rapat.mp4", width=640, height=360,
                      seconds=3)


@pytest.fixture
def captions(tmp_path):
    path = tmp_path / "takarir.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nSelamat pagi warga, rapat koordinasi "
                    "siaga banjir dimulai\n\n", encoding="utf-8")
    return path


def specs(*ids):
    return [default_registry().get(i).spec for i in ids]


def frame_at(path, seconds):
    import av

    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            if frame.time is not None and frame.time >= seconds:
                return frame.to_image().convert("L")
    raise AssertionError(f"no frame at {seconds} s in {path}")


def difference(a, b, box):
    """The mean brightness difference of two pictures inside ``box`` (left, top, right,
    bottom)."""
    from PIL import ImageChops, ImageStat

    return ImageStat.Stat(ImageChops.difference(a.crop(box), b.crop(box))).mean[0]


CAPTION_AREA, TOP_AREA = (40, 250, 600, 350), (0, 0, 640, 200)


def test_burned_frames_carry_the_cue_only_while_it_is_on_screen(clip, captions, tmp_path):
    ref = post_model.MediaRef(str(clip), kind="video", captions=str(captions),
                              burn_captions=True)
    burned = shape_video(ref, "Rapat", specs("telegram", "bluesky"), tmp_path / "burned")
    clean = shape_video(post_model.MediaRef(str(clip), kind="video", captions=str(captions)),
                        "Rapat", specs("telegram"), tmp_path / "clean")
    telegram, bluesky = burned["telegram"], burned["bluesky"]
    assert telegram.captions == ""  # in the picture, not beside it
    assert bluesky.path == str(clip) and bluesky.captions.endswith(".vtt")  # clean + the file
    # the clean video went untouched to Telegram; the burned one is an encode of the same size
    assert clean["telegram"].path == str(clip) and telegram.path != str(clip)
    assert (telegram.width, telegram.height) == (640, 360)
    burned_at, clean_at = frame_at(telegram.path, 1.5), frame_at(clip, 1.5)
    assert difference(burned_at, clean_at, CAPTION_AREA) > 20  # the words and their box
    assert difference(burned_at, clean_at, TOP_AREA) < 6  # the rest: an encode's noise only
    later = difference(frame_at(telegram.path, 2.5), frame_at(clip, 2.5), CAPTION_AREA)
    assert later < 6  # the cue is over: nothing drawn


def test_one_read_and_one_encode_per_distinct_output(clip, captions, tmp_path, monkeypatch):
    runs = []
    real = shape._run

    def counted(info, todo, *args, **kw):
        runs.append([t.name for t in todo])
        return real(info, todo, *args, **kw)
    monkeypatch.setattr(shape, "_run", counted)
    ref = post_model.MediaRef(str(clip), kind="video", captions=str(captions),
                              burn_captions=True)
    out = shape_video(ref, "Rapat", specs("telegram", "x", "bluesky", "instagram"), tmp_path)
    [todo] = runs  # the source is read once
    # Telegram and X share the burned encode; Instagram's 9:16 Reel takes captions neither, so
    # it is burned too, a distinct picture; Bluesky takes the file and the source untouched.
    assert out["telegram"].path == out["x"].path
    assert len(todo) == len(set(todo)) == 2 and all("-cc" in name for name in todo)
    assert out["bluesky"].path == str(clip)


def test_the_rule_book_says_the_captions_are_drawn_in(clip, captions):
    post = post_model.Post(text="Kegiatan")
    post.media.append(post_model.MediaRef(str(clip), kind="video", alt="Rapat",
                                          captions=str(captions), burn_captions=True))
    spec = default_registry().get("telegram").spec
    codes = {f.code for f in check(post, "telegram", spec).findings}
    assert "video.captions_burned" in codes and "video.captions_unsupported" not in codes
    post.media[0].burn_captions = False
    codes = {f.code for f in check(post, "telegram", spec).findings}
    assert "video.captions_unsupported" in codes


def test_the_post_file_keeps_burn_captions(clip, captions):
    post = post_model.Post(text="Kegiatan")
    post.media.append(post_model.MediaRef(str(clip), kind="video", captions=str(captions),
                                          burn_captions=True))
    text = post_model.dumps(post)
    assert "burn_captions = true" in text
    assert post_model.loads(text).media[0].burn_captions is True
    with pytest.raises(post_model.PostFileError, match="wrong type"):
        post_model.loads(text.replace("burn_captions = true", 'burn_captions = "ya"'))
    with pytest.raises(post_model.PostFileError, match="belongs to a video only"):
        post_model.from_dict({"text": "x", "media": [{"path": "foto.jpg",
                                                      "burn_captions": True}]})


def test_siaran_new_burn_captions(clip, captions, capsys):
    from composer.cli import main

    assert main(["new", "--text", "Kegiatan", "--video", str(clip), "--captions", str(captions),
                 "--burn-captions"]) == 0
    assert post_model.loads(capsys.readouterr().out).media[0].burn_captions
    assert main(["new", "--text", "Kegiatan", "--video", str(clip), "--burn-captions"]) == 2
    assert "--burn-captions needs --captions" in capsys.readouterr().err


def test_burned_cues_follow_the_trim(clip, captions, tmp_path):
    ref = post_model.MediaRef(str(clip), kind="video", captions=str(captions),
                              burn_captions=True, trim_start=1.0)
    out = shape_video(ref, "Rapat", specs("telegram"), tmp_path)["telegram"]
    clean = shape_video(post_model.MediaRef(str(clip), kind="video", trim_start=1.0),
                        "Rapat", specs("telegram"), tmp_path / "clean")["telegram"]
    # the cue said 1-2 s of the whole video: 0-1 s of the part kept
    assert difference(frame_at(out.path, 0.5), frame_at(clean.path, 0.5), CAPTION_AREA) > 20
    assert difference(frame_at(out.path, 1.5), frame_at(clean.path, 1.5), CAPTION_AREA) < 6
