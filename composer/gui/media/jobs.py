"""What the media strip runs in the background: copy into the media store, make the preview
proxy, decode a small thumbnail. Each function takes the task context first (tasks.py).

The image engine (composer.core.media, with Pillow) is imported inside the functions: they run
on worker threads, and the window shows before it is needed."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

if TYPE_CHECKING:
    from composer.gui.media.video_jobs import VideoFacts

THUMB = QSize(112, 112)
VIDEO_THUMB = QSize(THUMB.width(), THUMB.width() * 9 // 16)  # the strip's poster of a video, 16:9


@dataclass
class Imported:
    media_id: str | None
    path: str  # the original, as the officer chose it
    sha256: str | None
    proxy: str  # the preview proxy (or the stored copy when no proxy could be made)
    thumbnail: QImage
    focal: tuple[float, float] | None = None  # the image engine's estimate, kept on the MediaRef
    kind: str = "image"  # or "video": ``proxy`` is then its poster frame
    video: VideoFacts | None = None  # for a video


def make_proxy(stored: Path, cache_dir: Path, sha256: str | None = None) -> Path:
    from composer.core.media import preview_proxy

    return Path(preview_proxy(stored, cache_dir, sha256))


def thumbnail(path: Path, size: QSize = THUMB) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # EXIF orientation, as the renders will have it
    full = reader.size()
    if full.isValid():
        reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding))
    image = reader.read()
    return image


def import_file(ctx, store, path: str, cache_dir: Path, media_id: str | None = None) -> Imported:
    """Check the image, copy it into the media store, make its proxy and thumbnail (a video:
    video_jobs.import_video)."""
    from composer.core.media import focal_of, inspect
    from composer.core.video.files import is_video_name

    if is_video_name(path):
        from composer.gui.media.video_jobs import import_video

        return import_video(ctx, store, path, cache_dir, media_id)

    inspect(path)  # raises MediaError with a plain reason for unusable files
    ctx.progress("copy", 0.2)
    sha = store.add_media(path)
    stored = Path(store.paths.media_file(sha))
    ctx.progress("proxy", 0.5)
    proxy = make_proxy(stored, cache_dir, sha)
    # estimated once, on attach: previews (from the proxy) and uploads (from the original) then
    # crop around the same point
    focal = focal_of(stored)
    return Imported(media_id, path, sha, str(proxy), thumbnail(proxy), focal)


def import_files(ctx, store, paths: list[str], cache_dir: Path) -> list[Imported | str]:
    """Several files in the order chosen (one task, so the post keeps that order). A file that
    cannot be used gives its one-line reason in its place; the others still come in."""
    from composer.gui.tasks import describe_error

    out: list[Imported | str] = []
    for i, path in enumerate(paths):
        if ctx.cancelled:
            break
        ctx.progress("file", i / len(paths))
        try:
            out.append(import_file(ctx, store, path, cache_dir))
        except Exception as exc:  # reported per file; the task itself succeeds
            out.append(f"{Path(path).name}: {describe_error(exc)}")
    return out


def import_pasted(ctx, store, image: QImage, cache_dir: Path) -> Imported:
    """A pasted image becomes a PNG file first, then is imported like any other."""
    folder = Path(tempfile.mkdtemp(prefix="siaran-paste-"))
    target = folder / "pasted.png"
    # PySide6's stub types the format as bytes, but the binding accepts only a str here
    if not image.save(str(target), "PNG"):  # type: ignore[call-overload]
        raise OSError("could not write the pasted image")
    try:
        imported = import_file(ctx, store, str(target), cache_dir)
        imported.path = str(store.paths.media_file(imported.sha256))  # the temp file goes away
        return imported
    finally:
        target.unlink(missing_ok=True)
        folder.rmdir()


def reopen(ctx, store, ref_path: str, sha: str | None, cache_dir: Path, media_id: str) -> Imported:
    """For a reopened draft: find the stored copy and its proxy again (cached, so quick)."""
    stored = Path(store.paths.media_file(sha)) if sha else Path(ref_path)
    if not stored.exists():
        stored, sha = Path(ref_path), None  # (the original may have changed since)
    proxy = make_proxy(stored, cache_dir, sha)
    return Imported(media_id, ref_path, sha, str(proxy), thumbnail(proxy))
