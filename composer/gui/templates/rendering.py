"""Template renders for the editor, made on a worker thread (composer.gui.tasks).

Workers get plain data (the template as a dict, sizes, field values) and return raw RGBA bytes;
the GUI thread turns them into QImages. The photo is decoded once per path and cover-fitted
around its focal point for every size asked.
"""

from __future__ import annotations

from functools import lru_cache

from PIL import Image, ImageOps

from composer.core.media.compose import compose
from composer.core.templates import from_dict

# The shapes the editor shows side by side (label, canvas size); the sizes are the usual
# upload sizes, only their ratio matters for the layout.
ASPECTS = (
    ("1:1", (1080, 1080)),
    ("4:5", (1080, 1350)),
    ("1.91:1", (1200, 628)),
    ("16:9", (1200, 675)),
    ("9:16", (1080, 1920)),
)
PHOTO_EDGE = 1600


@lru_cache(maxsize=4)
def _photo(path: str) -> Image.Image | None:
    try:
        with Image.open(path) as im:
            im = ImageOps.exif_transpose(im)
            im.draft("RGB", (PHOTO_EDGE, PHOTO_EDGE))
            im = im.convert("RGB")
            im.thumbnail((PHOTO_EDGE, PHOTO_EDGE))
            return im
    except Exception:  # an unreadable photo leaves the photo layer empty, the rest still renders
        return None


def scaled(size: tuple[int, int], height: int) -> tuple[int, int]:
    w, h = size
    return max(1, round(w * height / h)), height


def render(ctx, template_data: dict, folder, size: tuple[int, int], photo_path: str | None,
           focal: tuple[float, float] | None, values: dict[str, str]) -> tuple[bytes, int, int]:
    """One canvas as RGBA bytes (worker thread)."""
    template = from_dict(template_data, folder=folder)
    source = _photo(photo_path) if photo_path else None
    photo = None
    if source is not None:
        centre = focal or (0.5, 0.5)

        def photo(box: tuple[int, int]) -> Image.Image:
            return ImageOps.fit(source, box, Image.Resampling.BILINEAR, centering=centre)

    if ctx is not None and ctx.cancelled:
        return b"", 0, 0
    image = compose(template, size, photo, values)
    return image.tobytes("raw", "RGBA"), image.width, image.height
