"""Encode a rendered image to a format the channel accepts, within its byte budget, bare.

The quality is searched first (the best quality that fits); the picture is made smaller only
when even a low quality does not fit. Nothing of the original's metadata is written: no EXIF,
no GPS, no XMP, no ICC profile (pixels are already sRGB, the web's default), no comments.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import cast

from PIL import Image

# Still images: JPEG for photos (small, every channel takes it), else what the channel takes.
STILL_PREFERENCE = ("image/jpeg", "image/png", "image/webp")
EXTENSION = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif"}
PIL_FORMAT = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP", "image/gif": "GIF"}
BEST_QUALITY = 90  # indistinguishable from the source at feed sizes
LOWEST_QUALITY = 40  # below this, shrinking the picture looks better than more artefacts
SHRINK_STEP = 0.8
BACKGROUND = (255, 255, 255)  # what transparent areas become in formats without alpha


@dataclass(frozen=True)
class Encoded:
    data: bytes
    mime: str
    width: int
    height: int
    quality: int | None = None
    shrunk: bool = False  # the budget forced a smaller picture

    @property
    def extension(self) -> str:
        return EXTENSION[self.mime]


def still_mime(formats: tuple[str, ...], transparent: bool = False) -> str | None:
    """The format we write for a still image on a channel accepting ``formats``: JPEG, unless
    the picture has see-through parts and the channel takes a format that keeps them."""
    if transparent:
        keeps = next((m for m in ("image/png", "image/webp") if m in formats), None)
        if keeps:
            return keeps
    return next((m for m in STILL_PREFERENCE if m in formats), None)


def is_transparent(im: Image.Image) -> bool:
    if im.mode != "RGBA":
        return False
    # cast: Pillow types getextrema for every mode; one band (here alpha) gives (min, max)
    lowest, _ = cast("tuple[int, int]", im.getchannel("A").getextrema())
    return lowest < 255


def encode_for(im: Image.Image, formats: tuple[str, ...], max_bytes: int | None) -> Encoded:
    """Encode for a channel: alpha kept where its formats allow (PNG, WebP), else flattened; a
    transparent picture too heavy as PNG becomes a flattened JPEG before anything shrinks."""
    mime = still_mime(formats, is_transparent(im))
    if mime is None:  # render.py plans no image for a channel without a still format
        raise ValueError(f"no still image format among {formats}")
    if mime == "image/png" and max_bytes is not None:
        data = _save(im, mime, None)
        if len(data) <= max_bytes:
            return Encoded(data, mime, im.width, im.height)
        # JPEG where accepted: far smaller than shrinking a PNG (PNG itself is there at least)
        mime = still_mime(formats) or mime
    return encode_still(im, mime, max_bytes)


def flatten(im: Image.Image, background: tuple[int, int, int] = BACKGROUND) -> Image.Image:
    """RGBA onto a solid background (JPEG has no alpha); RGB passes through."""
    if im.mode != "RGBA":
        return im if im.mode == "RGB" else im.convert("RGB")
    base = Image.new("RGB", im.size, background)
    base.paste(im, mask=im.getchannel("A"))
    return base


def _save(im: Image.Image, mime: str, quality: int | None) -> bytes:
    buf = io.BytesIO()
    im.info = {}  # belt and braces: no metadata from anywhere reaches the file
    if mime == "image/jpeg":
        im.save(buf, "JPEG", quality=quality)
    elif mime == "image/webp":
        im.save(buf, "WEBP", quality=quality, method=4)
    else:
        im.save(buf, "PNG", compress_level=6)
    return buf.getvalue()


def _fits(size: int, budget: int | None) -> bool:
    return budget is None or size <= budget


def encode_still(im: Image.Image, mime: str, max_bytes: int | None) -> Encoded:
    lossy = mime in ("image/jpeg", "image/webp")
    if mime == "image/jpeg":
        im = flatten(im)
    elif im.mode not in ("RGB", "RGBA"):
        im = im.convert("RGB")
    shrunk = False
    while True:
        if lossy:
            best = _best_quality(im, mime, max_bytes)
            if best is not None:
                quality, data = best
                return Encoded(data, mime, im.width, im.height, quality, shrunk)
        else:
            data = _save(im, mime, None)
            if _fits(len(data), max_bytes):
                return Encoded(data, mime, im.width, im.height, None, shrunk)
        if im.width <= 16 or im.height <= 16:  # pragma: no cover - budgets are megabytes
            raise ValueError("byte budget too small")
        size = (max(1, round(im.width * SHRINK_STEP)), max(1, round(im.height * SHRINK_STEP)))
        im = im.resize(size, Image.Resampling.LANCZOS)
        shrunk = True


def _best_quality(im: Image.Image, mime: str, budget: int | None) -> tuple[int, bytes] | None:
    """The highest quality whose file fits (one encode in the usual case; a bisection else)."""
    data = _save(im, mime, BEST_QUALITY)
    if _fits(len(data), budget):
        return BEST_QUALITY, data
    lo, hi, found = LOWEST_QUALITY, BEST_QUALITY - 1, None
    while lo <= hi:
        q = (lo + hi) // 2
        data = _save(im, mime, q)
        if _fits(len(data), budget):
            found, lo = (q, data), q + 1
        else:
            hi = q - 1
    return found


def encode_animation(frames: list[Image.Image], durations: list[int], loop: int) -> Encoded:
    """An animated GIF from RGBA frames (durations in ms)."""
    buf = io.BytesIO()
    first = frames[0]
    first.info = {}
    first.save(buf, "GIF", save_all=True, append_images=frames[1:], duration=durations,
               loop=loop, disposal=2, optimize=False)
    return Encoded(buf.getvalue(), "image/gif", first.width, first.height)
