"""Shape once, stream always: every channel's file from one pass over the source.

The channels of a publish are planned (composer.core.video.rules.plan); a channel whose plan is
None gets the source itself. The others are grouped: every channel that needs the same picture
(size, crop, padding, frame rate) shares one encode, at the lowest bitrate any of them needs;
every channel that needs only a clean copy (location metadata out, index first) shares one
remux. Then the source is read once: each packet is demuxed once, each picture decoded once and
handed to every encode. Nothing holds more than a few frames, so memory stays flat whatever the
file's size. Outputs are written under a temporary name and renamed when whole, so a crash never
leaves a half file that looks finished.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from composer.core.adapters import Cancelled
from composer.core.i18n import _
from composer.core.video.burn import Burner
from composer.core.video.captions import Cue
from composer.core.video.probe import VideoError, VideoInfo
from composer.core.video.rules import AUDIO_BITRATE, Target

# (fraction done or None, what) -> None
ProgressFn = Callable[[float], None]
CancelFn = Callable[[], bool]

# x264's speed/size trade-off; "veryfast" is a few times quicker than the default "medium" for
# about 10% more bits at the same quality, and the byte budget caps the bits anyway.
X264_PRESET = "veryfast"


def group_key(target: Target) -> Target:
    """Channels whose targets differ only in bitrate share one encode (at the lower one)."""
    return replace(target, video_bitrate=0)


def merge(targets: Mapping[str, Target | None]) -> dict[str, Target | None]:
    """Each channel's target, with equal pictures merged to the lowest bitrate among them."""
    lowest: dict[Target, int] = {}
    for t in targets.values():
        if t is not None and not t.remux_only:
            k = group_key(t)
            lowest[k] = min(lowest.get(k, t.video_bitrate), t.video_bitrate)
    return {c: (t if t is None or t.remux_only else replace(t, video_bitrate=lowest[group_key(t)]))
            for c, t in targets.items()}


def output_path(info: VideoInfo, target: Target, out_dir: Path) -> Path:
    stem = hashlib.sha256(f"{info.path}|{info.bytes}|{info.duration}".encode()).hexdigest()[:12]
    return out_dir / f"{stem}-{target.name}.mp4"


@dataclass
class _Encode:
    target: Target
    path: Path
    container: Any
    video: Any
    audio: Any | None
    graph: Any
    source: Any
    sink: Any
    resampler: Any | None = None
    frames: int = 0  # frames fed straight to the encoder (no filter graph)
    burner: Burner | None = None  # captions drawn into this output's picture
    pulled: int = 0  # frames out of the filter graph (constant rate: n / fps is their time)


def shape_all(info: VideoInfo, targets: Mapping[str, Target | None], out_dir: Path, *,
              progress: ProgressFn | None = None,
              cancelled: CancelFn | None = None,
              burn: Mapping[str, Sequence[Cue]] | None = None) -> dict[str, Path]:
    """The file each channel sends: the source for a None target, else a shaped file in
    ``out_dir`` (reused when an earlier run made it). One read of the source for all.
    ``burn``: the cues of each ``Target.burn`` key, drawn into that output's picture."""
    merged = merge(targets)
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = list(dict.fromkeys(t for t in merged.values() if t is not None))  # in order
    paths = {t: output_path(info, t, out_dir) for t in wanted}
    todo = [t for t in wanted if not paths[t].is_file()]
    if todo:
        _run(info, todo, paths, progress or (lambda f: None), cancelled or (lambda: False),
             burn or {})
    elif progress:
        progress(1.0)
    return {c: (Path(info.path) if t is None else paths[t]) for c, t in merged.items()}


def _run(info: VideoInfo, todo: list[Target], paths: dict[Target, Path],
         progress: ProgressFn, cancelled: CancelFn,
         burn: Mapping[str, Sequence[Cue]]) -> None:
    import av

    temps = {t: paths[t].with_name(paths[t].name + ".part") for t in todo}
    try:
        source = av.open(info.path, metadata_errors="ignore")
    except av.FFmpegError:
        raise VideoError(_("{name} is not a video Siaran can read (damaged, cut off, or not a "
                           "video at all)", name=Path(info.path).name)) from None
    remuxes: list[tuple[Any, dict[int, Any]]] = []
    encodes: list[_Encode] = []
    try:
        vin: Any = source.streams.video[0]
        ain = source.streams.audio[0] if source.streams.audio else None
        vin.thread_type = "AUTO"
        # AAC sound is copied as it is; any other is decoded once and encoded per output
        copy_audio = ain is not None and ain.codec_context.name == "aac"
        for t in todo:
            out = av.open(str(temps[t]), "w", format="mp4", options={"movflags": "+faststart"})
            if t.remux_only:
                streams: dict[int, Any] = {vin.index: out.add_stream_from_template(vin)}
                if ain is not None:
                    streams[ain.index] = out.add_stream_from_template(ain)
                remuxes.append((out, streams))
            else:
                encode = _open_encode(out, t, temps[t], vin, ain, info, copy_audio=copy_audio)
                if t.burn:
                    encode.burner = Burner(burn[t.burn], t.frame_w, t.frame_h)
                encodes.append(encode)
        audio_copies = {id(e): e.container.add_stream_from_template(ain)
                        for e in encodes if e.target.audio and copy_audio and ain is not None}
        for e in encodes:  # the header goes out once every stream is there
            e.container.start_encoding()
        # Encodes without a filter graph restamp the shared frame for x264, so they take each
        # frame after the graphs have (a graph keeps the time stamps it was pushed with).
        encodes.sort(key=lambda e: e.graph is None)
        need_video = bool(encodes)
        need_audio = ain is not None and any(e.audio is not None for e in encodes)
        duration = max(info.duration, 0.001)
        last_report = -1.0
        inputs = [s for s in (vin, ain) if s is not None]
        for packet in source.demux(*inputs):
            if cancelled():
                raise Cancelled(_("Cancelled"))
            # decode before copying: a copy re-labels the packet with the output's stream
            if packet.stream.index == vin.index:
                frames = _decode(packet) if need_video else []
                for out, mapping in remuxes:
                    _copy(out, mapping[vin.index], packet)
                if need_video:
                    for frame in frames:
                        for e in encodes:
                            _push_video(e, frame)
                        at = float(frame.time or 0.0)
                        if at - last_report >= 0.5:
                            last_report = at
                            progress(min(at / duration, 0.99))
            elif ain is not None and packet.stream.index == ain.index:
                frames = _decode(packet) if need_audio else []
                for out, mapping in remuxes:
                    _copy(out, mapping[ain.index], packet)
                for e in encodes:
                    if id(e) in audio_copies:
                        _copy(e.container, audio_copies[id(e)], packet)
                if need_audio:
                    for frame in frames:
                        for e in encodes:
                            _push_audio(e, frame)
        for e in encodes:
            _push_video(e, None)
            if e.audio is not None:
                _push_audio(e, None)
        for out, _m in remuxes:
            out.close()
        for e in encodes:
            e.container.close()
        for t in todo:
            os.replace(temps[t], paths[t])
        progress(1.0)
    except BaseException:
        for out, _m in remuxes:
            _close_quietly(out)
        for e in encodes:
            _close_quietly(e.container)
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        raise
    finally:
        source.close()


def _close_quietly(container: Any) -> None:
    try:
        container.close()
    except Exception:  # noqa: BLE001 - already failing; the first error is the one to report
        pass


def _decode(packet: Any) -> list[Any]:
    import av

    try:
        return list(packet.decode())
    except (av.InvalidDataError, av.EOFError):
        return []  # one damaged packet costs a frame, not the whole encode


def _copy(out: Any, stream: Any, packet: Any) -> None:
    if packet.dts is None:
        return  # a flush packet
    packet.stream = stream
    out.mux(packet)


def _open_encode(out: Any, t: Target, path: Path, vin: Any, ain: Any | None,
                 info: VideoInfo, *, copy_audio: bool) -> _Encode:
    import av

    rate = Fraction(t.fps).limit_denominator(1001)
    video = out.add_stream("libx264", rate=rate)
    video.width, video.height, video.pix_fmt = t.frame_w, t.frame_h, "yuv420p"
    video.bit_rate = t.video_bitrate
    video.codec_context.time_base = 1 / rate
    video.codec_context.options = {
        "preset": X264_PRESET, "profile": "high",
        "maxrate": str(t.video_bitrate), "bufsize": str(t.video_bitrate * 2),
        "g": str(max(1, round(t.fps * 2))),
    }
    audio = None
    resampler = None
    if t.audio and ain is not None and not copy_audio:
        rate_in = ain.codec_context.sample_rate or 48000
        sample_rate = rate_in if rate_in in (44100, 48000) else 48000
        audio = out.add_stream("aac", rate=sample_rate)
        audio.bit_rate = AUDIO_BITRATE
        audio.layout = "stereo"
        resampler = av.AudioResampler(format="fltp", layout="stereo", rate=sample_rate)
    if _untouched_picture(t, info) and not t.burn:  # only the bitrate: frames go straight in
        return _Encode(t, path, out, video, audio, None, None, None, resampler)
    graph, source, sink = _graph(vin, t, info)
    return _Encode(t, path, out, video, audio, graph, source, sink, resampler)


def _untouched_picture(t: Target, info: VideoInfo) -> bool:
    """Same size, shape, rate and pixel format as the source: a filter graph would only copy
    every frame (a third more CPU for a 1080p encode), so the decoded frames go to x264."""
    return (info.rotation % 360 == 0 and not info.variable_fps
            and (t.crop_w, t.crop_h, t.width, t.height) == (info.width, info.height,
                                                            t.frame_w, t.frame_h)
            and abs(t.fps - info.fps) < 0.01 and info.pix_fmt == "yuv420p")


def _graph(vin: Any, t: Target, info: VideoInfo) -> tuple[Any, Any, Any]:
    """rotate -> crop -> scale -> pad -> constant frame rate -> 8-bit 4:2:0."""
    import av.filter

    graph = av.filter.Graph()
    nodes = [graph.add_buffer(template=vin)]
    rotation = info.rotation % 360
    if rotation == 90:
        nodes.append(graph.add("transpose", "cclock"))
    elif rotation == 270:
        nodes.append(graph.add("transpose", "clock"))
    elif rotation == 180:
        nodes += [graph.add("hflip"), graph.add("vflip")]
    if (t.crop_w, t.crop_h) != (info.display_width, info.display_height):
        nodes.append(graph.add("crop", f"{t.crop_w}:{t.crop_h}"))
    nodes.append(graph.add("scale", f"{t.width}:{t.height}:flags=bicubic"))
    if (t.frame_w, t.frame_h) != (t.width, t.height):
        nodes.append(graph.add("pad", f"{t.frame_w}:{t.frame_h}:(ow-iw)/2:(oh-ih)/2:black"))
    nodes += [graph.add("setsar", "1"), graph.add("fps", f"{t.fps:g}"),
              graph.add("format", "yuv420p")]
    sink = graph.add("buffersink")
    nodes.append(sink)
    graph.link_nodes(*nodes).configure()
    return graph, nodes[0], sink


def _push_video(e: _Encode, frame: Any) -> None:
    import av

    if e.graph is None:
        if frame is not None:
            frame.pts, frame.time_base = e.frames, e.video.codec_context.time_base
            frame.pict_type = av.video.frame.PictureType.NONE
            e.frames += 1
        for packet in e.video.encode(frame):
            e.container.mux(packet)
        return
    e.source.push(frame)
    while True:
        try:
            out = e.sink.pull()
        except (BlockingIOError, av.EOFError):
            break
        if e.burner is not None:
            out = e.burner.apply(out, e.pulled / e.target.fps)
        e.pulled += 1
        out.pict_type = av.video.frame.PictureType.NONE
        for packet in e.video.encode(out):
            e.container.mux(packet)
    if frame is None:
        for packet in e.video.encode(None):
            e.container.mux(packet)


def _push_audio(e: _Encode, frame: Any) -> None:
    if e.audio is None or e.resampler is None:
        return
    frames = e.resampler.resample(frame) if frame is not None else e.resampler.resample(None)
    for f in frames:
        f.pts = None
        for packet in e.audio.encode(f):
            e.container.mux(packet)
    if frame is None:
        for packet in e.audio.encode(None):
            e.container.mux(packet)
