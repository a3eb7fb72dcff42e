"""Template renders for the editor, made on a worker thread (composer.gui.tasks).

Workers get plain data (the template as a dict, sizes, field values) and return raw RGBA bytes;
the GUI thread turns them into QImages. The photo is decoded once per path and cover-fitted
around its focal point for every size asked.
"""

from __future__ import annotations

from functools import lru_cache
from typing import cast

from PIL import Image, ImageOps

from composer.core.i18n import UserError
from composer.core.media import inspect
from composer.core.media.compose import compose
from composer.core.media.load import decode
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
def _photo(path: str) -> Image.Image | str:
    """The photo decoded once (oriented, sRGB, long edge ≤ PHOTO_EDGE), or why it cannot be."""
    try:
        info = inspect(path)
        decoded = decode(path, scale=min(1.0, PHOTO_EDGE / max(info.width, info.height)))
    except UserError as exc:  # MediaError: one translated line
        return str(exc)
    image = decoded.image.convert("RGB")
    image.thumbnail((PHOTO_EDGE, PHOTO_EDGE))
    return image


def scaled(size: tuple[int, int], height: int) -> tuple[int, int]:
    w, h = size
    return max(1, round(w * height / h)), height


def render(ctx, template_data: dict, folder, size: tuple[int, int], photo_path: str | None,
           focal: tuple[float, float] | None, values: dict[str, str]) -> tuple[bytes, int, int, str]:
    """One canvas as RGBA bytes (worker thread), and a problem with the photo if there was one
    (the rest of the template still renders)."""
    template = from_dict(template_data, folder=folder)
    source = _photo(photo_path) if photo_path else None
    problem = source if isinstance(source, str) else ""
    photo = None
    if source is not None and not problem:
        centre = focal or (0.5, 0.5)
        picture = cast(Image.Image, source)  # not a str: that would be the problem

        def photo(box: tuple[int, int]) -> Image.Image:
            return ImageOps.fit(picture, box, Image.Resampling.BILINEAR, centering=centre)

    if ctx is not None and ctx.cancelled:
        return b"", 0, 0, problem
    image = compose(template, size, photo, values)
    return image.tobytes("raw", "RGBA"), image.width, image.height, problem
