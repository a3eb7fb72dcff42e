"""What the window runs in the background for a video: attach it (probe, copy into the media
store, poster frame), take the frame at a moment while the officer scrubs, and each channel's
preview (its cover framed as the channel's video will be, with a play mark and the length).

Everything a video *is* comes from the core (composer.core.video: probe, cover, trim, plan);
these functions only turn its answers into pictures for the window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath

from composer.gui.media.jobs import VIDEO_THUMB, Imported, thumbnail


@dataclass(frozen=True)
class VideoFacts:
    """What the strip and the video panel show of a video (the core probe's answer)."""

    duration: float
    width: int  # as shown (after rotation)
    height: int
    bytes: int
    source: str  # the file the frames are taken from (the stored copy when there is one)


def source_path(store, ref_path: str, sha: str | None) -> str:
    stored = Path(store.paths.media_file(sha)) if sha else None
    return str(stored) if stored is not None and stored.exists() else ref_path


def import_video(ctx, store, path: str, cache_dir: Path, media_id: str | None = None,
                 sha: str | None = None, cover_at: float | None = None) -> Imported:
    """Probe the video (one line for a file that is none), copy it into the media store and
    make its poster frame: the proxy the strip and the previews start from."""
    from composer.core.video import probe
    from composer.core.video.cover import cover_file

    if sha is None:  # a new video: a file that is none is refused before it is copied
        probe(path)  # raises VideoError with a plain reason
        ctx.progress("copy", 0.2)
        sha = store.add_media(path)
    source = source_path(store, path, sha)  # a reopened draft: the stored copy, wherever the
    info = probe(source)                    # original went since
    ctx.progress("poster", 0.7)
    poster = cover_file(info, Path(cache_dir) / "video", at=cover_at)
    facts = VideoFacts(info.duration, info.display_width, info.display_height, info.bytes, source)
    return Imported(media_id, path, sha, str(poster), thumbnail(poster, VIDEO_THUMB), kind="video",
                    video=facts)


def frame_at(ctx, source: str, at: float, long_side: int = 480) -> QImage:
    """The picture shown at ``at`` seconds, for the scrubber."""
    from composer.core.video import probe
    from composer.core.video.cover import frame_image

    if ctx.cancelled:
        return QImage()
    picture = frame_image(probe(source), at)
    picture.thumbnail((long_side, long_side))  # type: ignore[attr-defined]
    rgb = picture.convert("RGB")  # type: ignore[attr-defined]
    data = rgb.tobytes()
    image = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # owns its pixels once ``data`` goes


def keyframe_facts(ctx, source: str, start: float | None) -> tuple[bool, float]:
    """(the trim's start is a keyframe, the keyframe at or before it): the core's answer."""
    from composer.core.video import probe
    from composer.core.video.trim import cuts_on_keyframe, keyframe_before

    info = probe(source)
    at = start or 0.0
    return cuts_on_keyframe(info, at), keyframe_before(info, at)


def video_previews(ctx, post, specs: list, folder: Path, sources: dict[str, str]) -> dict[str, list[str]]:
    """Each channel that takes the post's video: its cover as that channel frames it, with the
    length after the trim. A channel that takes none shows no media (the rule book says why)."""
    from composer.core.video.preview import channel_preview, duration_text

    video = next(m for m in post.media if m.kind == "video")
    source = sources.get(video.id)
    out: dict[str, list[str]] = {}
    for spec in specs:
        if ctx.cancelled:
            return {}
        if spec.video is None:
            out[spec.id] = []
            continue
        try:
            seen = channel_preview(video, spec.video, folder, Path(source) if source else None)
        except Exception:  # noqa: BLE001 - an unusable file: the rule book's finding says why
            out[spec.id] = []
            continue
        badged = seen.cover.with_name(seen.cover.stem + "-badge.png")
        if not badged.is_file():
            draw_badge(str(seen.cover), str(badged), duration_text(seen.duration))
        out[spec.id] = [str(badged)]
    return out


def draw_badge(cover: str, target: str, length: str) -> None:
    """A play mark in the middle and the length in the corner, as the platforms' players show a
    video before it starts."""
    image = QImage(cover).convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    side = max(24, min(image.width(), image.height()) // 5)
    cx, cy = image.width() / 2, image.height() / 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 140))
    painter.drawEllipse(QRectF(cx - side / 2, cy - side / 2, side, side))
    triangle = QPainterPath()
    triangle.moveTo(cx - side * 0.14, cy - side * 0.22)
    triangle.lineTo(cx + side * 0.24, cy)
    triangle.lineTo(cx - side * 0.14, cy + side * 0.22)
    triangle.closeSubpath()
    painter.setBrush(QColor("white"))
    painter.drawPath(triangle)
    font = QFont()
    font.setPixelSize(max(11, image.height() // 14))
    font.setBold(True)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    pad = max(4, font.pixelSize() // 3)
    width = metrics.horizontalAdvance(length) + 2 * pad
    # bottom right: the cards mark the alt text bottom left
    box = QRectF(image.width() - width - pad, image.height() - metrics.height() - 3 * pad,
                 width, metrics.height() + pad)
    painter.setBrush(QColor(0, 0, 0, 170))
    painter.drawRoundedRect(box, 4, 4)
    painter.setPen(QColor("white"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, length)
    painter.end()
    image.save(target)  # PNG, from the name


__all__ = ["VIDEO_THUMB", "VideoFacts", "draw_badge", "frame_at", "import_video", "keyframe_facts",
           "source_path", "video_previews"]
