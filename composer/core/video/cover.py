"""A video's cover: the officer's image, or one frame of the video turned upright."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from composer.core.i18n import _
from composer.core.video.probe import VideoError, VideoInfo

COVER_LONG_SIDE = 1280


def frame_image(info: VideoInfo, at: float = 0.0) -> object:
    """The picture shown at ``at`` seconds (a Pillow image, upright)."""
    import av

    try:
        with av.open(info.path, metadata_errors="ignore") as container:
            stream = container.streams.video[0]
            at = min(max(at, 0.0), max(info.duration - 0.05, 0.0))
            if at > 0 and stream.time_base:
                container.seek(int(at / stream.time_base), stream=stream, backward=True)
            picked: Any = None
            for frame in container.decode(stream):
                picked = frame
                if frame.time is None or frame.time >= at:
                    break
    except av.FFmpegError:
        picked = None
    if picked is None:
        raise VideoError(_("No picture could be taken from {name}", name=Path(info.path).name))
    image = picked.to_image()
    if info.rotation % 360:
        image = image.rotate(info.rotation % 360, expand=True)  # both counter-clockwise
    return image


def cover_file(info: VideoInfo, out_dir: Path, *, image: str | None = None,
               at: float | None = None) -> Path:
    """A JPEG cover in ``out_dir`` (made once per source and moment)."""
    from PIL import Image

    key = hashlib.sha256(f"{info.path}|{info.bytes}|{image}|{at}".encode()).hexdigest()[:12]
    target = out_dir / f"cover-{key}.jpg"
    if target.is_file():
        return target
    out_dir.mkdir(parents=True, exist_ok=True)
    if image:
        try:
            with Image.open(image) as opened:
                picture = opened.convert("RGB")
        except (OSError, ValueError):
            raise VideoError(_("The cover is not an image Siaran can read: {path}",
                               path=image)) from None
    else:
        picture = frame_image(info, at or 0.0)  # type: ignore[assignment]
    picture.thumbnail((COVER_LONG_SIDE, COVER_LONG_SIDE))
    tmp = target.with_name(target.name + ".part")
    picture.save(tmp, "JPEG", quality=88)
    tmp.replace(target)
    return target
