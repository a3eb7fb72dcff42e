"""What a channel will show of a post's video, for previews: its cover as the channel's output
frames it (the same plan the shaping follows: cropped, padded or as it is), the output's size
and the length after the trim. Made from the cover and the plan only: nothing is encoded."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from composer.core.adapters import VideoRules
from composer.core.post import MediaRef
from composer.core.video.cover import cover_file
from composer.core.video.probe import VideoInfo, probe
from composer.core.video.rules import plan
from composer.core.video.trim import trimmed

PREVIEW_LONG_SIDE = 640


@dataclass(frozen=True)
class VideoPreview:
    cover: Path  # a JPEG of the cover, framed as the channel's video will be
    width: int  # the channel's video, in pixels
    height: int
    duration: float  # seconds, after the trim
    reencoded: bool  # the channel gets a converted copy (the rule book says why)


def duration_text(seconds: float) -> str:
    """0:07, 2:05, 1:02:03: how players show a length (no words, so no translation)."""
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def source_of(ref: MediaRef, media_file: Path | None = None) -> VideoInfo:
    return probe(media_file or ref.path)


def channel_preview(ref: MediaRef, rules: VideoRules, out_dir: Path,
                    media_file: Path | None = None) -> VideoPreview:
    """The channel's view of the video. Raises VideoError (one line) for an unusable file."""
    from PIL import Image

    info = source_of(ref, media_file)
    kept = trimmed(info, ref.trim_start, ref.trim_end)
    target = plan(kept, rules)
    cover = cover_file(info, out_dir, image=ref.cover, at=ref.cover_at)
    if target is None or target.remux_only:
        frame_w, frame_h = info.display_width, info.display_height
        crop_w, crop_h, shown_w, shown_h = frame_w, frame_h, frame_w, frame_h
    else:
        frame_w, frame_h = target.frame_w, target.frame_h
        crop_w, crop_h, shown_w, shown_h = target.crop_w, target.crop_h, target.width, target.height
    key = hashlib.sha256(f"{cover}|{frame_w}x{frame_h}|{crop_w}x{crop_h}|{shown_w}x{shown_h}"
                         .encode()).hexdigest()[:12]
    out = out_dir / f"preview-{key}.jpg"
    if not out.is_file():
        scale = min(1.0, PREVIEW_LONG_SIDE / max(frame_w, frame_h))
        with Image.open(cover) as opened:
            picture = opened.convert("RGB")
        # the cover stands for the picture: crop it the way the video is cropped
        cw, ch = picture.size
        want = crop_w / crop_h
        if abs(cw / ch - want) > 0.01:
            if cw / ch > want:
                new_w = int(ch * want)
                picture = picture.crop(((cw - new_w) // 2, 0, (cw - new_w) // 2 + new_w, ch))
            else:
                new_h = int(cw / want)
                picture = picture.crop((0, (ch - new_h) // 2, cw, (ch - new_h) // 2 + new_h))
        size = (max(1, round(shown_w * scale)), max(1, round(shown_h * scale)))
        picture = picture.resize(size)
        canvas = Image.new("RGB", (max(1, round(frame_w * scale)), max(1, round(frame_h * scale))))
        canvas.paste(picture, ((canvas.width - size[0]) // 2, (canvas.height - size[1]) // 2))
        tmp = out.with_name(out.name + ".part")
        canvas.save(tmp, "JPEG", quality=85)
        tmp.replace(out)
    return VideoPreview(out, frame_w, frame_h, kept.duration,
                        target is not None and not target.remux_only)
