"""A trimmed video's captions file follows the cut: the channels that take the file (YouTube,
Facebook, Bluesky, WordPress, the folder) get the cues moved onto the clock of the part kept,
those outside it dropped and those across an edge cut there, exactly as the burned-in cues are
(one function, composer.core.video.captions.within)."""

from __future__ import annotations

import pytest

from composer.core import post as post_model
from composer.core.registry import default_registry
from composer.core.video.captions import Cue, for_channel, read, within
from composer.core.video.outgoing import shape_video
from composer.testing.video_corpus import make_video


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    return make_video(tmp_path_factory.mktemp("capt") / "rapat.mp4", width=320, height=240,
                      seconds=4)


@pytest.fixture
def captions(tmp_path):
    path = tmp_path / "takarir.srt"
    path.write_text("1\n00:00:00,200 --> 00:00:00,800\nSebelum potongan\n\n"
                    "2\n00:00:01,500 --> 00:00:02,500\nSelamat pagi warga\n\n"
                    "3\n00:00:03,000 --> 00:00:03,900\nMelewati akhir\n\n", encoding="utf-8")
    return path


def specs(*ids):
    return [default_registry().get(i).spec for i in ids]


def test_within_moves_drops_and_cuts_cues():
    cues = [Cue(0.2, 0.8, "a"), Cue(0.9, 1.4, "b"), Cue(1.5, 2.5, "c"), Cue(3.0, 3.9, "d")]
    assert within(cues, 1.0, 3.5) == [Cue(0.0, 0.4, "b"), Cue(0.5, 1.5, "c"), Cue(2.0, 2.5, "d")]
    assert within(cues, 0.0, None) == cues


def test_the_files_sent_beside_a_trimmed_video_are_on_its_clock(clip, captions, tmp_path):
    ref = post_model.MediaRef(str(clip), kind="video", captions=str(captions), trim_start=1.0,
                              trim_end=3.5)
    out = shape_video(ref, "Rapat", specs("youtube", "facebook", "bluesky"), tmp_path)
    for channel, ext in (("youtube", ".srt"), ("facebook", ".srt"), ("bluesky", ".vtt")):
        sent = out[channel].captions
        assert sent.endswith(ext) and sent != str(captions), channel
        cues = read(sent)
        # the first cue was before the cut; the last crossed the end and stops there
        assert [(c.start, c.end, c.text) for c in cues] == [
            (0.5, 1.5, "Selamat pagi warga"), (2.0, 2.5, "Melewati akhir")], channel


def test_an_untrimmed_video_sends_the_officers_own_file(clip, captions, tmp_path):
    ref = post_model.MediaRef(str(clip), kind="video", captions=str(captions))
    out = shape_video(ref, "Rapat", specs("youtube"), tmp_path)
    assert out["youtube"].captions == str(captions)


def test_a_trim_with_no_cue_in_it_sends_no_captions_file(clip, captions, tmp_path):
    ref = post_model.MediaRef(str(clip), kind="video", captions=str(captions), trim_start=0.9,
                              trim_end=1.4)
    assert shape_video(ref, "Rapat", specs("youtube"), tmp_path)["youtube"].captions == ""
    assert for_channel(captions, ("srt",), tmp_path / "x", span=(0.9, 1.4)) is None
