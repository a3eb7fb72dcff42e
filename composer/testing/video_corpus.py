"""Make test videos with PyAV (its wheels bundle FFmpeg's encoders): no file is checked in, and
every kind the officers' phones and cameras produce can be made in a second or two.

``make_video(path, ...)`` writes one clip; ``make_corpus(folder)`` the set the video tests use
(variable frame rate, a rotated phone clip, 4K HEVC, portrait, no sound, 10-bit, over-long, cut
off, and a text file named .mp4). The pictures move (a bar sweeps across a gradient) so an
encoder has real work to do and a cropped or rotated output can be told from the source.
"""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path
from typing import Any


def _frame_bytes(w: int, h: int, i: int, noise: bool) -> tuple[bytes, bytes, bytes]:
    """A yuv420p picture: a horizontal gradient, a white bar at ``i``, a dark left edge (so a
    rotation or a crop shows)."""
    row = bytes(min(255, 16 + (x * 220) // max(1, w)) for x in range(w))
    bar = (i * 8) % max(1, w - 16)
    row = row[:bar] + b"\xeb" * 16 + row[bar + 16:]
    row = b"\x10" * max(1, w // 16) + row[max(1, w // 16):]
    y = (os.urandom(w * h) if noise else row * h)[: w * h]
    cw, ch = w // 2, h // 2
    u = bytes([(128 + i) % 256]) * (cw * ch)
    v = bytes([(128 - i) % 256]) * (cw * ch)
    return y, u, v


def make_video(path: str | Path, *, width: int = 320, height: int = 240, fps: int = 30,
               seconds: float = 2.0, codec: str = "libx264", pix_fmt: str = "yuv420p",
               audio: bool = True, rotate: int | None = None, vfr: bool = False,
               bitrate: int | None = None, noise: bool = False, location: bool = False,
               faststart: bool = True, container: str = "mp4") -> Path:
    """Write a clip; returns its path. ``rotate``: a display matrix, as phones write it."""
    import av
    from av.audio.frame import AudioFrame
    from av.video.frame import VideoFrame

    path = Path(path)
    options = {"movflags": "+faststart"} if faststart and container == "mp4" else {}
    out = av.open(str(path), "w", format=container, options=options)
    if location:
        out.metadata["location"] = "-6.2088+106.8456/"  # Jakarta, as a phone writes ©xyz
    stream: Any = out.add_stream(codec, rate=fps)
    stream.width, stream.height, stream.pix_fmt = width, height, pix_fmt
    opts = {"preset": "ultrafast"} if codec == "libx264" else {}
    if codec == "libx265":
        opts = {"preset": "ultrafast", "x265-params": "log-level=error"}
    if bitrate:
        stream.bit_rate = bitrate
    stream.codec_context.options = opts
    if vfr:
        stream.codec_context.time_base = Fraction(1, 1000)
    if rotate is not None:
        stream.set_display_rotation(rotate)
    sound: Any = None
    if audio:
        acodec = "aac" if container == "mp4" else "libopus"
        sound = out.add_stream(acodec, rate=48000)
        sound.layout = "stereo"
    frames = int(fps * seconds)
    clock = 0
    cache: dict[int, tuple[bytes, bytes, bytes]] = {}
    for i in range(frames):
        frame: Any = VideoFrame(width, height, "yuv420p")
        key = i % 64
        if noise or key not in cache:
            cache[key] = _frame_bytes(width, height, i, noise)
        for n, (plane, data) in enumerate(zip(frame.planes, cache[key], strict=True)):
            _fill(plane, data, width if n == 0 else width // 2)
        if pix_fmt != "yuv420p":
            frame = frame.reformat(format=pix_fmt)
        if vfr:  # 20 ms and 50 ms frames in turn: 28.6 fps on average, 50 at the fastest
            frame.pts, frame.time_base = clock, Fraction(1, 1000)
            clock += 20 if i % 2 else 50
        else:
            frame.pts = i
        for packet in stream.encode(frame):
            out.mux(packet)
    for packet in stream.encode(None):
        out.mux(packet)
    if sound is not None:
        total = int(48000 * (clock / 1000 if vfr else seconds))
        pts = 0
        while pts < total:
            af: Any = AudioFrame(format="fltp", layout="stereo", samples=960)
            for aplane in af.planes:
                aplane.update(bytes(aplane.buffer_size))
            af.sample_rate, af.pts = 48000, pts
            pts += 960
            for packet in sound.encode(af):
                out.mux(packet)
        for packet in sound.encode(None):
            out.mux(packet)
    out.close()
    return path


def _fill(plane: object, data: bytes, width: int) -> None:
    """Copy rows into a plane whose line size may be padded past the width."""
    line = plane.line_size  # type: ignore[attr-defined]
    if line == width:
        plane.update(data)  # type: ignore[attr-defined]
        return
    rows = len(data) // width
    padded = b"".join(data[r * width:(r + 1) * width].ljust(line, b"\0") for r in range(rows))
    plane.update(padded.ljust(plane.buffer_size, b"\0"))  # type: ignore[attr-defined]


def sized_clip(path: str | Path, size: int, *, sparse: bool = False) -> Path:
    """A real (tiny, 0.2 s) MP4 grown to exactly ``size`` bytes by a trailing ``free`` box, so
    upload tests get chunk boundaries where they want them and the rule book still sees a
    video. The padding's bytes depend on their position (a wrong offset changes the hash);
    ``sparse`` leaves it a hole (a 1 GB file costs no disk) with a marker every MiB."""
    path = Path(path)
    make_video(path, width=64, height=64, fps=10, seconds=0.2, audio=False)
    head = path.stat().st_size
    pad = size - head
    if pad < 8 or pad >= 1 << 32:
        raise ValueError(f"a sized clip needs {head + 8} to 4 GiB bytes, not {size}")
    with open(path, "r+b") as fh:
        fh.seek(head)
        fh.write(pad.to_bytes(4, "big") + b"free")
        if sparse:
            fh.truncate(size)
            for mib in range(1, size >> 20):
                fh.seek(mib << 20)
                fh.write(mib.to_bytes(8, "big") * 4)
        else:
            block = bytes(range(256)) * 4
            left, n = pad - 8, 0
            while left > 0:
                piece = (n.to_bytes(4, "big") + block[4:])[:left]
                fh.write(piece)
                left -= len(piece)
                n += 1
    return path


def truncate(source: Path, target: Path, keep: float = 0.6) -> Path:
    """A copy cut off part-way, as an interrupted copy from a phone leaves it."""
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * keep)])
    return target


def make_corpus(folder: str | Path) -> dict[str, Path]:
    """The test set: name -> file."""
    d = Path(folder)
    d.mkdir(parents=True, exist_ok=True)
    c: dict[str, Path] = {}
    c["plain"] = make_video(d / "plain.mp4", width=640, height=360)
    c["vfr"] = make_video(d / "vfr.mp4", width=640, height=360, vfr=True)
    c["rotated"] = make_video(d / "rotated.mp4", width=640, height=360, rotate=90,
                              location=True)
    c["hevc4k"] = make_video(d / "hevc4k.mp4", width=3840, height=2160, codec="libx265",
                             seconds=3.2, fps=30)  # past the 3 s that Reels and LinkedIn need
    c["portrait"] = make_video(d / "portrait.mp4", width=360, height=640)
    c["silent"] = make_video(d / "silent.mp4", width=640, height=360, audio=False)
    c["tenbit"] = make_video(d / "tenbit.mp4", width=640, height=360, codec="libx265",
                             pix_fmt="yuv420p10le")
    c["long"] = make_video(d / "long.mp4", width=160, height=90, fps=5, seconds=200,
                           audio=False)
    c["webm"] = make_video(d / "clip.webm", width=640, height=360, codec="libvpx-vp9",
                           container="webm", seconds=1.0)
    c["moov_last"] = make_video(d / "moov_last.mp4", width=640, height=360, faststart=False)
    c["truncated"] = truncate(c["plain"], d / "truncated.mp4")
    c["truncated_tail"] = truncate(c["moov_last"], d / "truncated_tail.mp4")
    c["not_video"] = d / "notes.mp4"
    c["not_video"].write_text("Rapat koordinasi pukul 09.00 WIB\n", encoding="utf-8")
    c["empty"] = d / "empty.mp4"
    c["empty"].write_bytes(b"")
    return c
