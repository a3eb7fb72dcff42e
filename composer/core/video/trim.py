"""Trimming a video: keep the part between a start and an end (seconds on the source's clock).

A cut whose start falls on a keyframe is a copy: the packets between the two moments are
written again with their clocks moved back, nothing decoded or encoded, so the picture is the
officer's own. A start between keyframes cannot be copied (the pictures before the next
keyframe need the one before the cut), so that part is encoded once (H.264 + AAC, a quality
no viewer tells from the source) and every channel is then shaped from the trimmed file as
from any other. ``keyframes`` lets the window offer the nearest keyframe, so an officer who
wants no re-encode can have it; ``trimmed`` is what the rule book checks (the length the
channels will get, not the source's).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from composer.core.adapters import Cancelled
from composer.core.i18n import _
from composer.core.video.probe import VideoError, VideoInfo
from composer.core.video.rules import Target

# a start this close to a keyframe is that keyframe (a frame at 30 fps lasts 0.033 s)
KEYFRAME_SLACK = 0.02
# the encode of a start between keyframes: more bits than any channel needs, so the shaping
# that follows loses nothing visible
TRIM_BITS_PER_PIXEL = 0.2

_KEYS: dict[tuple[str, int, float], tuple[float, ...]] = {}
_KEYS_LOCK = threading.Lock()


def span(info: VideoInfo, start: float | None, end: float | None) -> tuple[float, float]:
    """The part kept, inside the video: (start, end) in seconds."""
    begin = min(max(start or 0.0, 0.0), info.duration)
    stop = info.duration if end is None else min(max(end, begin), info.duration)
    return begin, stop


def is_trimmed(info: VideoInfo, start: float | None, end: float | None) -> bool:
    begin, stop = span(info, start, end)
    return begin > KEYFRAME_SLACK or stop < info.duration - KEYFRAME_SLACK


def trimmed(info: VideoInfo, start: float | None, end: float | None) -> VideoInfo:
    """What the channels get after the trim: its length, and its size in proportion."""
    if not is_trimmed(info, start, end):
        return info
    begin, stop = span(info, start, end)
    share = (stop - begin) / max(info.duration, 0.001)
    return replace(info, duration=stop - begin, bytes=max(1, int(info.bytes * share)))


def keyframes(info: VideoInfo) -> tuple[float, ...]:
    """Every moment (seconds) a copy can start at: the whole file demuxed once (nothing
    decoded) and cached. For one moment, ``keyframe_before`` is a single seek."""
    key = (info.path, info.bytes, info.duration)
    with _KEYS_LOCK:
        hit = _KEYS.get(key)
    if hit is not None:
        return hit
    import av

    times: list[float] = []
    try:
        with av.open(info.path, metadata_errors="ignore") as container:
            stream = container.streams.video[0]
            for packet in container.demux(stream):
                if packet.is_keyframe and packet.pts is not None and stream.time_base:
                    times.append(float(packet.pts * stream.time_base))
    except av.FFmpegError:
        raise VideoError(_("{name} is damaged: it cannot be read to the end",
                           name=Path(info.path).name)) from None
    start = float(times[0]) if times else 0.0
    found = tuple(sorted(t - start for t in times)) or (0.0,)
    with _KEYS_LOCK:
        _KEYS[key] = found
    return found


def keyframe_before(info: VideoInfo, at: float) -> float:
    """The keyframe at or before ``at``: one seek in the container's index and one packet read,
    the same cost for a 10 GB file as for a short clip (the window asks on every trim)."""
    if at <= KEYFRAME_SLACK:
        return 0.0
    import av

    try:
        with av.open(info.path, metadata_errors="ignore") as container:
            stream = container.streams.video[0]
            if not stream.time_base:
                return 0.0
            origin = _first_pts(stream)
            container.seek(origin + int((at + KEYFRAME_SLACK) / stream.time_base),
                           stream=stream, backward=True)
            for packet in container.demux(stream):
                if packet.pts is not None and packet.is_keyframe:
                    return max(0.0, float((packet.pts - origin) * stream.time_base))
    except av.FFmpegError:
        raise VideoError(_("{name} is damaged: it cannot be read to the end",
                           name=Path(info.path).name)) from None
    return 0.0


def cuts_on_keyframe(info: VideoInfo, start: float | None) -> bool:
    """True when the trim's start is a keyframe: the trim is a copy, no picture re-encoded."""
    begin = min(max(start or 0.0, 0.0), info.duration)
    return abs(keyframe_before(info, begin) - begin) <= KEYFRAME_SLACK


def trim_file(info: VideoInfo, start: float | None, end: float | None, out_dir: Path, *,
              progress: Callable[[float], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> Path:
    """The trimmed video (made once per source and span, in ``out_dir``); the source itself
    when nothing is cut."""
    if not is_trimmed(info, start, end):
        return Path(info.path)
    begin, stop = span(info, start, end)
    copy = cuts_on_keyframe(info, begin)
    key = hashlib.sha256(f"{info.path}|{info.bytes}|{begin:.3f}|{stop:.3f}".encode()).hexdigest()
    target = out_dir / f"trim-{key[:12]}-{'copy' if copy else 'encode'}.mp4"
    if target.is_file():
        return target
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    try:
        (_copy if copy else _encode)(info, begin, stop, tmp, progress or (lambda f: None),
                                     cancelled or (lambda: False))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _open(info: VideoInfo) -> Any:
    import av

    try:
        return av.open(info.path, metadata_errors="ignore")
    except av.FFmpegError:
        raise VideoError(_("{name} is not a video Siaran can read (damaged, cut off, or not a "
                           "video at all)", name=Path(info.path).name)) from None


def _copy(info: VideoInfo, begin: float, stop: float, tmp: Path,
          progress: Callable[[float], None], cancelled: Callable[[], bool]) -> None:
    """Packets from the keyframe at ``begin`` to ``stop``, clocks moved back by ``begin``."""
    import av

    source = _open(info)
    try:
        vin = source.streams.video[0]
        ain = source.streams.audio[0] if source.streams.audio else None
        with av.open(str(tmp), "w", format="mp4", options={"movflags": "+faststart"}) as out:
            streams = {vin.index: out.add_stream_from_template(vin)}
            if info.rotation % 360:
                streams[vin.index].set_display_rotation(info.rotation % 360)
            if ain is not None:
                streams[ain.index] = out.add_stream_from_template(ain)
            if begin > 0 and vin.time_base:
                source.seek(int(begin / vin.time_base), stream=vin, backward=True)
            first = {s.index: _first_pts(s) for s in (vin, ain) if s is not None}
            for packet in source.demux(*[s for s in (vin, ain) if s is not None]):
                if cancelled():
                    raise Cancelled(_("Cancelled"))
                if packet.dts is None or packet.pts is None:
                    continue
                base = packet.stream.time_base
                at = float((packet.pts - first[packet.stream.index]) * base)
                if at < begin - KEYFRAME_SLACK or at >= stop - KEYFRAME_SLACK / 2:
                    if at >= stop and packet.stream.index == vin.index:
                        break
                    continue
                shift = int(round(begin / base))
                packet.pts -= first[packet.stream.index] + shift
                packet.dts -= first[packet.stream.index] + shift
                packet.stream = streams[packet.stream.index]
                out.mux(packet)
                if packet.stream is streams[vin.index]:
                    progress(min((at - begin) / max(stop - begin, 0.001), 0.99))
        progress(1.0)
    finally:
        source.close()


def _first_pts(stream: Any) -> int:
    return int(stream.start_time or 0)


def _encode(info: VideoInfo, begin: float, stop: float, tmp: Path,
            progress: Callable[[float], None], cancelled: Callable[[], bool]) -> None:
    """Decode from the keyframe before ``begin``, keep the pictures and sound from ``begin``
    to ``stop``, encode them upright at the source's size (shape.py's encoder)."""
    import av

    from composer.core.video.shape import _open_encode, _push_audio, _push_video

    fps = round(info.fps or 30.0, 3)
    w, h = info.display_width, info.display_height
    target = Target(remux_only=False, frame_w=w, frame_h=h, width=w, height=h, crop_w=w,
                    crop_h=h, fps=fps, video_bitrate=int(TRIM_BITS_PER_PIXEL * w * h * fps),
                    audio=info.has_audio)
    source = _open(info)
    try:
        vin = source.streams.video[0]
        ain = source.streams.audio[0] if source.streams.audio else None
        out = av.open(str(tmp), "w", format="mp4", options={"movflags": "+faststart"})
        try:
            e = _open_encode(out, target, tmp, vin, ain, info, copy_audio=False)
            out.start_encoding()
            if begin > 0 and vin.time_base:
                source.seek(int(begin / vin.time_base), stream=vin, backward=True)
            origin = _first_pts(vin)
            shift = int(round(begin / vin.time_base)) if vin.time_base else 0
            done = {vin.index: False}
            for packet in source.demux(*[s for s in (vin, ain) if s is not None]):
                if cancelled():
                    raise Cancelled(_("Cancelled"))
                if packet.stream.index == vin.index:
                    for frame in _frames(packet):
                        at = float(frame.time or 0.0) - float(origin * vin.time_base)
                        if at < begin - KEYFRAME_SLACK / 2:
                            continue
                        if at >= stop - KEYFRAME_SLACK / 2:
                            done[vin.index] = True
                            break
                        frame.pts = frame.pts - origin - shift
                        _push_video(e, frame)
                        progress(min((at - begin) / max(stop - begin, 0.001), 0.99))
                    if done[vin.index]:
                        break
                elif ain is not None:
                    for frame in _frames(packet):
                        at = float(frame.time or 0.0)
                        if begin <= at < stop:
                            _push_audio(e, frame)
            _push_video(e, None)
            if e.audio is not None:
                _push_audio(e, None)
        finally:
            out.close()
        progress(1.0)
    finally:
        source.close()


def _frames(packet: Any) -> list[Any]:
    import av

    try:
        return list(packet.decode())
    except (av.InvalidDataError, av.EOFError):
        return []
