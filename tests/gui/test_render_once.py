"""Preview renders happen once per change and are shared by the channels: each image decoded
once, each distinct output encoded once, and changes that touch no pixel render nothing."""

from __future__ import annotations

import hashlib

import pytest
from shell_kit import make_image, running_shell, tick, type_unicode, wait_idle

CHANNELS = ["x", "bluesky", "mastodon", "threads", "facebook", "instagram", "linkedin",
            "telegram", "whatsapp", "wordpress"]


@pytest.fixture
def shell(qtbot, siaran_home):
    yield from running_shell(qtbot)


class Spy:
    """Counts what the renderer really decodes and encodes (the real functions still run)."""

    def __init__(self, monkeypatch):
        from composer.core.media import render

        self.decoded: list[str] = []
        self.encoded: list[tuple] = []
        real_decode, real_encode = render.decode, render.encode_for

        def decode(path, scale=1.0):
            self.decoded.append(str(path))
            return real_decode(path, scale)

        def encode_for(image, formats, budget):
            pixels = hashlib.sha1(image.tobytes()).hexdigest()
            self.encoded.append((image.size, pixels, tuple(formats), budget))
            return real_encode(image, formats, budget)

        monkeypatch.setattr(render, "decode", decode)
        monkeypatch.setattr(render, "encode_for", encode_for)

    def reset(self) -> None:
        self.decoded.clear()
        self.encoded.clear()


def settle(qtbot, shell):
    w = shell.window
    qtbot.waitUntil(lambda: not w.renders.busy and not shell.runner.busy, timeout=60_000)


def test_four_images_on_ten_channels_decode_once_and_encode_each_output_once(
        qtbot, shell, tmp_path, monkeypatch):
    spy = Spy(monkeypatch)
    w = shell.window
    for key in CHANNELS:
        tick(w.picker, key)
    colours = [(200, 60, 40), (30, 90, 200), (40, 160, 90), (220, 180, 30)]
    files = [make_image(tmp_path / f"foto-{i}.jpg", size=(2400, 1600), colour=c) for i, c in enumerate(colours)]
    w.media.add_files(files)
    qtbot.waitUntil(lambda: len(w.model.post.media) == 4, timeout=30_000)
    settle(qtbot, shell)

    proxies = sorted(w.renders.proxies.values())
    assert sorted(spy.decoded) == proxies  # each image decoded once, for every channel at once
    memo = w.renders._memo.memo
    assert (memo.decodes, memo.encodes) == (len(spy.decoded), len(spy.encoded))  # its own tally agrees
    assert len(set(spy.encoded)) == len(spy.encoded)  # no output encoded twice
    shown = {key: w.previews._rendered[key] for key in CHANNELS}
    pairs = sum(len(paths) for paths in shown.values())
    files_out = {p for paths in shown.values() for p in paths}
    # every channel shows the images it takes (all four; WhatsApp one)
    assert pairs == sum(min(4, c.spec.max_images) for c in w.renders.channels if c.key in CHANNELS)
    assert len(spy.encoded) <= len(files_out) < pairs  # channels of one shape share a file
    x, bluesky = shown["x"], shown["bluesky"]
    assert len(x) == 4 and len(bluesky) == 4

    # alt text, the text and ticking a channel already shaped change no pixel: nothing renders
    spy.reset()
    started = []
    shell.runner.task_started.connect(lambda task: started.append(task.name))
    w.media.list.setCurrentRow(0)
    type_unicode(w.media.alt_edit, "Suasana festival")
    assert w.model.post.media[0].alt == "Suasana festival"
    type_unicode(w.editor.text_edit, "Festival UMKM")
    qtbot.wait(600)  # past the render debounce
    settle(qtbot, shell)
    assert spy.decoded == [] and spy.encoded == []
    assert "render previews" not in started
    assert w.previews._rendered["x"] == x  # the same files are still shown
    # nor do a channel's own text, or a channel ticked off and on again
    w.model.override("x", "text", "Festival UMKM, khusus X")
    tick(w.picker, "threads", False)
    tick(w.picker, "threads")
    qtbot.wait(600)
    settle(qtbot, shell)
    assert "render previews" not in started and spy.decoded == [] and spy.encoded == []
    assert w.previews._rendered["threads"] == shown["threads"]


def test_a_fifth_image_decodes_only_itself(qtbot, shell, tmp_path, monkeypatch):
    spy = Spy(monkeypatch)
    w = shell.window
    for key in ("x", "instagram", "telegram"):
        tick(w.picker, key)
    w.media.add_files([make_image(tmp_path / f"a{i}.jpg", colour=(40 * i, 90, 200)) for i in range(2)])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 2, timeout=30_000)
    settle(qtbot, shell)
    spy.reset()
    w.media.add_files([make_image(tmp_path / "baru.jpg", colour=(10, 200, 10))])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 3, timeout=30_000)
    settle(qtbot, shell)
    new = w.renders.proxies[w.model.post.media[2].id]
    assert spy.decoded == [new]
    assert len(w.previews._rendered["telegram"]) == 3
    # removing an image renders nothing either: the others are all in the memo
    spy.reset()
    w.media.list.setCurrentRow(0)
    w.media.remove_selected()
    settle(qtbot, shell)
    qtbot.wait(400)
    settle(qtbot, shell)
    assert spy.decoded == [] and spy.encoded == []
    assert len(w.previews._rendered["telegram"]) == 2
    wait_idle(qtbot, shell)
