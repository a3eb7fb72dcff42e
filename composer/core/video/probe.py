"""Probe a video once: container, codecs, duration, size, frame rate (variable too), rotation,
audio, colour (10-bit, HDR), location metadata.

Only the container's header and index are read, plus one decoded frame at each end: that is
enough to tell a truncated file (its index points past the end of the file, or its last frame
does not decode) from a whole one, and it costs the same for 10 MB as for 10 GB. Anything PyAV
cannot open becomes one translated line (:class:`VideoError`), never a traceback.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from composer.core.i18n import UserError, _

# MP4/MOV "mov,mp4,m4a,3gp,3g2,mj2" is one FFmpeg demuxer for several brands; we name the
# container by the file's real brand family, as the platforms' documents do.
_CONTAINERS = {"mov,mp4,m4a,3gp,3g2,mj2": "mp4", "matroska,webm": "webm", "avi": "avi",
               "mpegts": "ts", "flv": "flv", "mpeg": "mpeg", "asf": "asf"}
# Transfer characteristics of HDR video (AVCOL_TRC_SMPTE2084 = PQ, AVCOL_TRC_ARIB_STD_B67 = HLG).
_HDR_TRC = {16: "pq", 18: "hlg"}
# Frame-to-frame durations that differ by more than this share of the median are variable.
_VFR_SPREAD = 0.05
_SCAN_PACKETS = 600  # demuxed to judge the frame rate when the container keeps no index


class VideoError(UserError):
    """A file Siaran cannot use as a video; ``str()`` is one translated line."""


@dataclass(frozen=True)
class VideoInfo:
    path: str
    bytes: int
    container: str  # "mp4", "mov", "webm" ... (see _CONTAINERS), else FFmpeg's name
    mime: str
    video_codec: str  # FFmpeg codec name: "h264", "hevc", "vp9", "av1" ...
    width: int  # as stored; ``display_*`` are after rotation
    height: int
    rotation: int  # the display matrix, degrees counter-clockwise: 0, 90, 180, 270
    duration: float  # seconds
    fps: float  # average frames per second
    variable_fps: bool
    max_fps: float  # the fastest stretch (what a platform's fps limit meets on a VFR clip)
    pix_fmt: str
    bit_depth: int
    hdr: str  # "", "pq" or "hlg"
    audio_codec: str  # "" when the video is silent
    audio_channels: int
    audio_rate: int
    bitrate: int  # bits per second, the whole file
    has_location: bool  # the phone wrote where it was filmed (MP4 ©xyz)
    faststart: bool  # the index comes before the media data (players start before the end)

    @property
    def display_width(self) -> int:
        return self.height if self.rotation in (90, 270) else self.width

    @property
    def display_height(self) -> int:
        return self.width if self.rotation in (90, 270) else self.height

    @property
    def aspect(self) -> float:
        return self.display_width / self.display_height

    @property
    def has_audio(self) -> bool:
        return bool(self.audio_codec)


def _name(path: Path) -> str:
    return path.name or str(path)


def probe(path: str | os.PathLike[str]) -> VideoInfo:
    """What the file is; cached per (path, size, mtime), so the rule book may ask on every
    change. Raises VideoError (one line) for a missing, unreadable, truncated or non-video
    file."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        raise VideoError(_("No such video file: {path}", path=p)) from None
    if not p.is_file():
        raise VideoError(_("{name} is not a video file", name=_name(p)))
    from composer.core.i18n import current_language

    # the language too: a cached refusal is a sentence in the language it was made in
    key = (str(p.absolute()), st.st_size, st.st_mtime_ns, current_language())
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
    if hit is None:
        try:
            hit = _probe(p, st.st_size)
        except VideoError as exc:
            hit = exc
        with _CACHE_LOCK:
            if len(_CACHE) > 256:
                _CACHE.clear()
            _CACHE[key] = hit
    if isinstance(hit, VideoError):
        raise hit
    return hit


_CACHE: dict[tuple[str, int, int, str], VideoInfo | VideoError] = {}
_CACHE_LOCK = threading.Lock()


def _probe(p: Path, size: int) -> VideoInfo:
    import av

    name = _name(p)
    if size == 0:
        raise VideoError(_("{name} is empty, not a video", name=name))
    try:
        container = av.open(str(p), metadata_errors="ignore")
    except (av.FFmpegError, UnicodeDecodeError, ValueError):
        raise VideoError(_("{name} is not a video Siaran can read (damaged, cut off, or not a "
                           "video at all)", name=name)) from None
    try:
        return _read(container, p, size)
    except av.FFmpegError:
        raise VideoError(_("{name} is damaged: it cannot be read to the end", name=name)) from None
    finally:
        container.close()


def _read(container: Any, p: Path, size: int) -> VideoInfo:
    name = _name(p)
    if not container.streams.video:
        raise VideoError(_("{name} has no picture: it is not a video", name=name))
    stream = container.streams.video[0]
    ctx = stream.codec_context
    if not ctx.name or not stream.width or not stream.height:
        raise VideoError(_("{name} is not a video Siaran can read (damaged, cut off, or not a "
                           "video at all)", name=name))
    fmt = container.format.name
    kind = _CONTAINERS.get(fmt, fmt.split(",")[0])
    if kind == "mp4" and _brand(p) == b"qt  ":
        kind = "mov"  # QuickTime (iPhones): same demuxer, but sent as video/quicktime
    duration = _duration(container, stream)
    if duration <= 0:
        raise VideoError(_("{name} has no length: it is damaged or not a video", name=name))
    _check_whole(container, stream, size, name)
    first = _first_frame(container, stream, name)
    rates = _frame_intervals(container, stream)
    fps, vfr, max_fps = _rates(stream, rates)
    audio = container.streams.audio[0] if container.streams.audio else None
    pix = ctx.pix_fmt or first.format.name
    depth = 10 if ("10" in pix or "p010" in pix) else 12 if "12" in pix else 8
    trc = int(getattr(first, "color_trc", 0) or 0)
    location = any(k.lower() in ("location", "location-eng", "com.apple.quicktime.location.iso6709")
                   for k in container.metadata)
    return VideoInfo(
        path=str(p), bytes=size, container=kind, mime=_mime(kind, p),
        video_codec=ctx.name, width=stream.width, height=stream.height,
        rotation=int(first.rotation or 0) % 360, duration=duration, fps=fps, variable_fps=vfr,
        max_fps=max_fps, pix_fmt=pix, bit_depth=depth, hdr=_HDR_TRC.get(trc, ""),
        audio_codec=audio.codec_context.name if audio is not None else "",
        audio_channels=audio.codec_context.channels if audio is not None else 0,
        audio_rate=audio.codec_context.sample_rate if audio is not None else 0,
        bitrate=int(size * 8 / duration),
        has_location=location, faststart=_faststart(p) if kind in ("mp4", "mov") else True,
    )


def _duration(container: Any, stream: Any) -> float:
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    if container.duration:
        return float(container.duration) / 1_000_000
    return 0.0


def _check_whole(container: Any, stream: Any, size: int, name: str) -> None:
    """A cut-off MP4 whose index came first still opens; its index then points past the end."""
    entries = stream.index_entries
    if entries:
        last = entries[len(entries) - 1]
        if last.pos + last.size > size:
            raise VideoError(_("{name} is cut off: the file ends before the video does",
                               name=name))


def _first_frame(container: Any, stream: Any, name: str) -> Any:
    try:
        for frame in container.decode(stream):
            return frame
    except Exception as exc:  # noqa: BLE001 - any decoder failure is "cannot be read"
        import av

        if not isinstance(exc, av.FFmpegError | ValueError):
            raise
    raise VideoError(_("{name} is damaged: not a single picture decodes", name=name))


def _frame_intervals(container: Any, stream: Any) -> list[float]:
    """Seconds between consecutive frames, from the index (free) or the first packets."""
    tb = float(stream.time_base) if stream.time_base else 0.001
    entries = stream.index_entries
    if entries and len(entries) > 2:
        stamps = sorted(entries[i].timestamp for i in range(min(len(entries), 20_000)))
    else:
        container.seek(0)
        stamps = []
        for packet in container.demux(stream):
            if packet.pts is not None:
                stamps.append(packet.pts)
            if len(stamps) >= _SCAN_PACKETS:
                break
        stamps.sort()
    return [(b - a) * tb for a, b in zip(stamps, stamps[1:], strict=False) if b > a]


def _rates(stream: Any, intervals: list[float]) -> tuple[float, bool, float]:
    declared = float(stream.average_rate or stream.guessed_rate or 0)
    if len(intervals) < 2:
        return declared or 25.0, False, declared or 25.0
    import statistics  # (only here: a window that never probes a video never loads it)

    median = statistics.median(intervals)
    spread = max(abs(i - median) for i in intervals) / median if median else 0
    average = len(intervals) / sum(intervals)
    fastest = 1 / min(intervals)
    variable = spread > _VFR_SPREAD
    return round(average, 3), variable, round(fastest if variable else average, 3)


def _faststart(p: Path) -> bool:
    """MP4 boxes in order: the index (moov) before the media (mdat) lets a player, and a
    platform's transcoder, start before the whole file has arrived."""
    try:
        with p.open("rb") as f:
            offset = 0
            for _i in range(64):
                f.seek(offset)
                head = f.read(16)
                if len(head) < 8:
                    return False
                box = int.from_bytes(head[:4], "big")
                kind = head[4:8]
                if kind == b"moov":
                    return True
                if kind == b"mdat":
                    return False
                if box == 1:
                    box = int.from_bytes(head[8:16], "big")
                if box < 8:
                    return False
                offset += box
    except OSError:
        return False
    return False


def _brand(p: Path) -> bytes:
    """The major brand of an ISO media file's ftyp box ("isom", "mp42", "qt  " ...)."""
    try:
        with p.open("rb") as f:
            head = f.read(12)
    except OSError:
        return b""
    return head[8:12] if head[4:8] == b"ftyp" else b""


def _mime(kind: str, p: Path) -> str:
    if kind in ("mp4", "mov"):
        return "video/quicktime" if kind == "mov" else "video/mp4"
    return {"webm": "video/webm", "avi": "video/x-msvideo", "ts": "video/mp2t",
            "flv": "video/x-flv", "mpeg": "video/mpeg", "asf": "video/x-ms-wmv"}.get(
        kind, "application/octet-stream")
