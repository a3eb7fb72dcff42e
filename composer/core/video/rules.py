"""One channel's video rules against one probed file: what is wrong, and the output that fixes
it (or that nothing needs fixing, so the file goes out untouched).

``problems`` feeds the rule book (composer.core.checks.video); ``plan`` feeds the shaper
(composer.core.video.shape). Both read the same rules, so what the check promises is what the
encode delivers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from composer.core.adapters import VideoRules
from composer.core.i18n import _
from composer.core.video.probe import VideoInfo

AUDIO_BITRATE = 128_000
# Below this a picture falls apart; a file that could only fit its channel's byte limit at a
# lower bitrate is refused (a block finding) instead of being sent as mush.
MIN_VIDEO_BITRATE = 300_000
# Headroom under a byte limit for the container and the encoder missing its target.
BYTE_MARGIN = 0.92
# What an encode aims at when no byte limit is tighter: bits per pixel per frame (H.264, a
# quality a viewer does not notice on a phone), so a 1080p30 clip gets about 6 Mbit/s.
BITS_PER_PIXEL = 0.1
DEFAULT_MAX_FPS = 60.0


@dataclass(frozen=True)
class Problem:
    """One thing a channel's rules say about a file. ``fixable``: an encode fixes it."""

    code: str
    fixable: bool
    message: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Target:
    """One encode's output: channels with equal targets share a single file. Sizes are of the
    picture as shown (after rotation); (crop_w, crop_h) is the part of the source shown, then
    scaled to (width, height) and padded to (frame_w, frame_h)."""

    remux_only: bool  # copy the streams; only the metadata and the box order change
    frame_w: int = 0
    frame_h: int = 0
    width: int = 0
    height: int = 0
    crop_w: int = 0
    crop_h: int = 0
    fps: float = 0.0
    video_bitrate: int = 0
    audio: bool = True
    # The captions drawn into the picture (a digest of their cues; "" for none): a channel that
    # takes no captions file gets them burned in, a distinct output of its own.
    burn: str = ""

    @property
    def name(self) -> str:
        if self.remux_only:
            return "remux"
        cc = f"-cc{self.burn[:10]}" if self.burn else ""
        return f"{self.frame_w}x{self.frame_h}-{self.fps:g}fps-{self.video_bitrate // 1000}k{cc}"


def _mb(n: int) -> str:
    return f"{n / 1_000_000:g} MB"


def _fmt_seconds(s: float) -> str:
    s = int(round(s))
    return f"{s // 60}:{s % 60:02d}"


def problems(info: VideoInfo, rules: VideoRules, channel: str) -> list[Problem]:
    """Everything ``rules`` (the channel named ``channel``) say about ``info``."""
    found: list[Problem] = []
    if rules.max_duration is not None and info.duration > rules.max_duration + 0.5:
        found.append(Problem("video.too_long", False, _(
            "The video is {length} long; {channel} takes at most {limit}: trim it",
            length=_fmt_seconds(info.duration), channel=channel,
            limit=_fmt_seconds(rules.max_duration)),
            {"duration": round(info.duration, 2), "limit": rules.max_duration}))
    if rules.min_duration is not None and info.duration < rules.min_duration:
        found.append(Problem("video.too_short", False, _(
            "The video is {length} seconds long; {channel} needs at least {limit}",
            length=f"{info.duration:.1f}", channel=channel, limit=f"{rules.min_duration:g}"),
            {"duration": round(info.duration, 2), "limit": rules.min_duration}))
    if rules.max_bytes is not None and _video_budget(info.duration, rules, info.has_audio) \
            < MIN_VIDEO_BITRATE:
        found.append(Problem("video.too_big", False, _(
            "The video is too long to fit {channel}'s {limit} limit at a watchable quality: "
            "trim it", channel=channel, limit=_mb(rules.max_bytes)),
            {"bytes": info.bytes, "limit": rules.max_bytes}))
    if found:
        return found
    fixes = reasons(info, rules)
    if fixes:
        found.append(Problem("video.reencoded", True, _(
            "The video is converted for {channel}: {reasons}", channel=channel,
            reasons=", ".join(fixes)), {"reasons": fixes}))
    return found


def reasons(info: VideoInfo, rules: VideoRules) -> list[str]:
    """Why the file cannot go to this channel untouched (translated, short); empty: it can."""
    return [message for _key, message in _reasons(info, rules)]


# Reasons a copy of the streams into a fresh MP4 fixes (no picture is touched).
_REMUX_FIXES = {"container", "index"}


def _reasons(info: VideoInfo, rules: VideoRules) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if info.container not in rules.containers:
        out.append(("container", _("{container} container", container=info.container.upper())))
    if info.video_codec not in rules.video_codecs:
        out.append(("video_codec", _("{codec} picture", codec=info.video_codec.upper())))
    if info.has_audio and info.audio_codec not in rules.audio_codecs:
        out.append(("audio_codec", _("{codec} sound", codec=info.audio_codec.upper())))
    if rules.max_bytes is not None and info.bytes > rules.max_bytes:
        out.append(("bytes", _("larger than {limit}", limit=_mb(rules.max_bytes))))
    if rules.max_bitrate is not None and info.bitrate > rules.max_bitrate:
        out.append(("bitrate", _("bitrate above {limit} Mbit/s", limit=f"{rules.max_bitrate / 1e6:g}")))
    long_side = max(info.display_width, info.display_height)
    short_side = min(info.display_width, info.display_height)
    if (rules.max_long_side and long_side > rules.max_long_side) or \
            (rules.max_short_side and short_side > rules.max_short_side):
        out.append(("size", _("larger than {w}x{h} pixels", w=rules.max_long_side or "-",
                     h=rules.max_short_side or "-")))
    if rules.min_short_side and short_side < rules.min_short_side:
        out.append(("small", _("smaller than {n} pixels", n=rules.min_short_side)))
    if not _aspect_ok(info.aspect, rules):
        out.append(("aspect", _("shape {w}:{h} outside what it shows", w=info.display_width,
                     h=info.display_height)))
    if rules.max_fps is not None and info.max_fps > rules.max_fps + 0.5:
        out.append(("fps", _("more than {n} frames per second", n=f"{rules.max_fps:g}")))
    if rules.min_fps is not None and info.fps < rules.min_fps - 0.5:
        out.append(("min_fps", _("fewer than {n} frames per second", n=f"{rules.min_fps:g}")))
    if info.variable_fps and not rules.variable_fps:
        out.append(("vfr", _("variable frame rate")))
    if (info.bit_depth > 8 or info.hdr) and not rules.hdr:
        out.append(("colour", _("10-bit or HDR colour")))
    if info.container in ("mp4", "mov") and not info.faststart:
        out.append(("index", _("index at the end of the file")))
    return out


def _aspect_ok(aspect: float, rules: VideoRules) -> bool:
    return not ((rules.aspect_min is not None and aspect < rules.aspect_min - 0.01)
                or (rules.aspect_max is not None and aspect > rules.aspect_max + 0.01))


def _video_budget(duration: float, rules: VideoRules, audio: bool) -> int:
    """Video bits per second that keep the whole file under the channel's byte limit."""
    if rules.max_bytes is None or duration <= 0:
        return 1 << 40
    total = rules.max_bytes * 8 * BYTE_MARGIN / duration
    return int(total - (AUDIO_BITRATE if audio else 0))


def _even(n: float) -> int:
    return max(2, int(round(n / 2)) * 2)


def plan(info: VideoInfo, rules: VideoRules, *, encode: bool = False) -> Target | None:
    """None: the file goes out untouched. Else the output that meets ``rules``: a remux when
    only the metadata or box order is wrong, else an encode (H.264 + AAC in MP4, faststart,
    rotation applied). ``encode``: an encode whatever the file (the picture is to change, e.g.
    captions drawn into it)."""
    fixes = _reasons(info, rules)
    if not encode and not fixes and not info.has_location:
        return None
    remuxable = info.container in ("mp4", "mov") or "container" not in {k for k, _m in fixes}
    if not encode and remuxable and {k for k, _m in fixes} <= _REMUX_FIXES:
        return Target(remux_only=True)
    dw, dh = info.display_width, info.display_height
    # the part of the picture shown: crop to the aspect range ("crop" channels), else all of it
    crop_w, crop_h = dw, dh
    aspect = dw / dh
    target_aspect = aspect
    if not _aspect_ok(aspect, rules):
        target_aspect = min(max(aspect, rules.aspect_min or aspect), rules.aspect_max or aspect)
        if rules.fit == "crop":
            if aspect > target_aspect:
                crop_w = _even(dh * target_aspect)
            else:
                crop_h = _even(dw / target_aspect)
    # scale the shown part down to the channel's size limits, never up
    w, h = float(crop_w), float(crop_h)
    long_max, short_max = rules.max_long_side, rules.max_short_side
    frame_w, frame_h = w, h
    if rules.fit != "crop" and not _aspect_ok(aspect, rules):  # pad: the frame is wider/taller
        if aspect > target_aspect:
            frame_h = w / target_aspect
        else:
            frame_w = h * target_aspect
    frame_w_unscaled, frame_h_unscaled = frame_w, frame_h
    scale = 1.0
    if long_max:
        scale = min(scale, long_max / max(frame_w, frame_h))
    if short_max:
        scale = min(scale, short_max / min(frame_w, frame_h))
    w = _even(w * scale)
    h = _even(w * crop_h / crop_w)  # from the width, so the shape survives the rounding
    frame_w = _even(frame_w * scale)
    frame_h = _even(frame_w / (frame_w_unscaled / frame_h_unscaled))
    fps = min(info.max_fps if info.variable_fps else info.fps, rules.max_fps or DEFAULT_MAX_FPS)
    if info.variable_fps and not rules.variable_fps:
        fps = min(round(info.fps), rules.max_fps or DEFAULT_MAX_FPS)
    fps = max(fps, rules.min_fps or 1.0)
    fps = round(fps, 3)
    quality = int(BITS_PER_PIXEL * frame_w * frame_h * fps)
    bitrate = min(quality, _video_budget(info.duration, rules, info.has_audio))
    if rules.max_bitrate is not None:
        bitrate = min(bitrate, rules.max_bitrate - AUDIO_BITRATE)
    bitrate = max(bitrate, MIN_VIDEO_BITRATE)
    return Target(remux_only=False, frame_w=frame_w, frame_h=frame_h, width=w, height=h,
                  crop_w=crop_w, crop_h=crop_h, fps=fps, video_bitrate=bitrate,
                  audio=info.has_audio)
