"""Which shapes a channel takes, the default crop around the focal point, and the output size.

Crops are fractions of the EXIF-oriented original (composer.core.post.Crop), so a manual crop
survives re-renders and works on the preview proxy and the original alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from composer.core.adapters import PlatformSpec
from composer.core.post import Crop

# Shapes people name by their ratio. 1.91:1 is Meta's and LinkedIn's link/landscape shape.
_NAMED = (
    ("9:16", 9 / 16, (1080, 1920)),
    ("2:3", 2 / 3, (1080, 1620)),
    ("3:4", 3 / 4, (1080, 1440)),
    ("4:5", 4 / 5, (1080, 1350)),
    ("1:1", 1.0, (1080, 1080)),
    ("5:4", 5 / 4, (1350, 1080)),
    ("4:3", 4 / 3, (1440, 1080)),
    ("3:2", 3 / 2, (1620, 1080)),
    ("16:9", 16 / 9, (1200, 675)),
    ("1.91:1", 1.91, (1200, 628)),
    ("2:1", 2.0, (1200, 600)),
    ("3:1", 3.0, (1500, 500)),
)
# Offered to every channel that accepts them: portrait, square, landscape, stories (9:16).
_STANDARD = ("9:16", "4:5", "1:1", "16:9", "1.91:1")
TOLERANCE = 0.01  # ratios within 1 % are the same shape
DEFAULT_BOX = (1200, 1350)  # output bounds for a channel that recommends no sizes


@dataclass(frozen=True)
class AspectPreset:
    label: str  # "4:5"
    ratio: float  # width / height
    size: tuple[int, int]  # the output size for this shape on this channel


def _label(ratio: float) -> str:
    for label, value, _size in _NAMED:
        if abs(ratio / value - 1) <= TOLERANCE:
            return label
    return f"{ratio:.2f}:1" if ratio >= 1 else f"1:{1 / ratio:.2f}"


def accepts(spec: PlatformSpec, ratio: float) -> bool:
    lo, hi = spec.aspect_ratio_min, spec.aspect_ratio_max
    return (lo is None or ratio >= lo * (1 - 1e-9)) and (hi is None or ratio <= hi * (1 + 1e-9))


def clamp_ratio(spec: PlatformSpec, ratio: float) -> float:
    if spec.aspect_ratio_min is not None:
        ratio = max(ratio, spec.aspect_ratio_min)
    if spec.aspect_ratio_max is not None:
        ratio = min(ratio, spec.aspect_ratio_max)
    return ratio


def aspect_presets(spec: PlatformSpec) -> list[AspectPreset]:
    """The shapes the crop editor offers for a channel: its recommended sizes first (the first
    is the default), then the standard shapes it accepts (9:16 only where the platform takes it)."""
    presets: dict[str, AspectPreset] = {}
    for w, h in spec.recommended_sizes:
        label = _label(w / h)
        if accepts(spec, w / h) and label not in presets:
            presets[label] = AspectPreset(label, w / h, (w, h))
    for label, ratio, size in _NAMED:
        if label in _STANDARD and label not in presets and accepts(spec, ratio):
            presets[label] = AspectPreset(label, ratio, size)
    return list(presets.values())


def crop_for_ratio(width: int, height: int, ratio: float,
                   focal: tuple[float, float] | None = None) -> Crop:
    """The largest crop of ``ratio`` inside the image, as centred on ``focal`` as the edges allow."""
    fx, fy = focal or (0.5, 0.5)
    image_ratio = width / height
    if ratio >= image_ratio:  # wider than the image: full width, part of the height
        w, h = 1.0, image_ratio / ratio
    else:
        w, h = ratio / image_ratio, 1.0
    x = min(max(fx - w / 2, 0.0), 1.0 - w)
    y = min(max(fy - h / 2, 0.0), 1.0 - h)
    return Crop(x, y, w, h)


def feed_ratios(spec: PlatformSpec) -> list[float]:
    """The shapes a channel shows whole in its feed: its recommended ones, plus 9:16 where its
    declared limits take it (Threads, Telegram). A poster is never forced into a shape the
    channel would show cut."""
    ratios = [w / h for w, h in spec.recommended_sizes if accepts(spec, w / h)]
    if spec.aspect_ratio_min is not None and accepts(spec, 9 / 16):
        ratios.append(9 / 16)
    return ratios


def nearest_ratio(spec: PlatformSpec, ratio: float) -> float | None:
    """The channel's shape for an image of ``ratio`` (None: the image's own shape). A channel
    with limits keeps a photo inside them and brings the rest to the nearest limit; a channel
    without limits gets the nearest of its feed shapes, so a portrait stays portrait (4:5 or
    9:16) and a landscape stays landscape; ties go to the channel's first recommendation."""
    if spec.aspect_ratio_min is not None or spec.aspect_ratio_max is not None:
        return None if accepts(spec, ratio) else clamp_ratio(spec, ratio)
    shapes = feed_ratios(spec)
    if not shapes:
        return None
    return min(shapes, key=lambda r: round(abs(math.log(r / ratio)), 6))


def grid_shape(spec: PlatformSpec, count: int, index: int) -> float | None:
    """The shape for image ``index`` (0-based) of ``count`` that the channel's feed grid shows
    whole: its cell's shape, or the nearest the channel accepts (None: no grid at this size)."""
    cell = spec.grid_cell(count, index)
    if cell is None:
        return None
    return cell if accepts(spec, cell) else clamp_ratio(spec, cell)


def default_crop(width: int, height: int, focal: tuple[float, float] | None,
                 spec: PlatformSpec, shape: float | None = None) -> Crop | None:
    """The channel's crop when the officer has not chosen one; None means the whole image
    (see nearest_ratio), centred on the focal point. ``shape``: the ratio wanted instead
    (a feed grid's cell, see grid_shape)."""
    ratio = width / height
    target = shape or nearest_ratio(spec, ratio)
    if target is None or abs(target / ratio - 1) <= TOLERANCE / 2:
        return None
    return crop_for_ratio(width, height, target, focal)


def fit_canvas(width: int, height: int, spec: PlatformSpec,
               shape: float | None = None) -> tuple[float, float]:
    """The canvas (in source pixels) that holds the whole image in the channel's nearest shape
    (or ``shape``), for "fit": the image is padded or set on its own blurred copy, never cropped."""
    ratio = width / height
    target = shape or nearest_ratio(spec, ratio) or ratio
    if target >= ratio:
        return height * target, float(height)
    return float(width), width / target


def effective_crop(width: int, height: int, manual: Crop | None, focal: tuple[float, float] | None,
                   spec: PlatformSpec, shape: float | None = None) -> tuple[Crop | None, bool]:
    """The crop to render and whether a manual crop had to be narrowed to the channel's limits;
    ``shape`` replaces the default crop's ratio (the officer's own crop always wins)."""
    if manual is None:
        return default_crop(width, height, focal, spec, shape), False
    ratio = (manual.w * width) / (manual.h * height)
    if accepts(spec, ratio):
        return manual, False
    # Keep the officer's choice as far as the channel allows: the same centre, the nearest shape.
    target = clamp_ratio(spec, ratio)
    inner = crop_for_ratio(round(manual.w * width) or 1, round(manual.h * height) or 1, target,
                           (0.5, 0.5))
    return Crop(manual.x + inner.x * manual.w, manual.y + inner.y * manual.h,
                inner.w * manual.w, inner.h * manual.h), True


def crop_box(crop: Crop | None, width: int, height: int) -> tuple[float, float, float, float]:
    """The crop in pixels of an image of this size (floats, for Image.resize's box)."""
    if crop is None:
        return 0.0, 0.0, float(width), float(height)
    return (crop.x * width, crop.y * height,
            min(width, (crop.x + crop.w) * width), min(height, (crop.y + crop.h) * height))


def output_size(crop_w: float, crop_h: float, spec: PlatformSpec) -> tuple[int, int]:
    """The pixel size a channel gets for a crop of this size: its preset size when the shape is a
    preset, else fitted into its recommended bounds; never upscaled; inside every pixel limit."""
    ratio = crop_w / crop_h
    preset = next((p for p in aspect_presets(spec) if abs(p.ratio / ratio - 1) <= TOLERANCE), None)
    if preset is not None:
        scale = min(1.0, preset.size[0] / crop_w)
    else:
        sizes = spec.recommended_sizes
        bw = max((w for w, _h in sizes), default=DEFAULT_BOX[0])
        bh = max((h for _w, h in sizes), default=DEFAULT_BOX[1])
        scale = min(1.0, bw / crop_w, bh / crop_h)
    if spec.max_image_pixels:
        scale = min(scale, math.sqrt(spec.max_image_pixels * 0.999 / (crop_w * crop_h)))
    if spec.max_width_plus_height:
        scale = min(scale, (spec.max_width_plus_height - 2) / (crop_w + crop_h))
    if spec.max_image_dimensions:
        mw, mh = spec.max_image_dimensions
        scale = min(scale, mw / crop_w, mh / crop_h)
    w, h = max(1, round(crop_w * scale)), max(1, round(crop_h * scale))
    return fit_ratio(w, h, spec)


def fit_ratio(w: int, h: int, spec: PlatformSpec) -> tuple[int, int]:
    """Trim a rounded size by a pixel or so, so its ratio stays inside the channel's limits
    (trimming, not growing, keeps it inside the pixel limits too)."""
    lo, hi = spec.aspect_ratio_min, spec.aspect_ratio_max
    if lo is not None and w / h < lo:
        if math.floor(w / lo) >= 1:
            h = math.floor(w / lo)
        else:
            w = math.ceil(h * lo)
    if hi is not None and w / h > hi:
        if math.floor(h * hi) >= 1:
            w = math.floor(h * hi)
        else:
            h = math.ceil(w / hi)
    return w, h
