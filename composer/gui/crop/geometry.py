"""Crop box arithmetic for the crop editor: move, resize from a corner and change shape, always
keeping the ratio and staying inside the image. Pure Python, in image pixels; the result is a
normalised composer.core.post.Crop."""

from __future__ import annotations

from dataclasses import dataclass

from composer.core.post import Crop

MIN_SIDE = 24.0  # pixels of the image: a crop box never gets smaller than this


@dataclass(frozen=True)
class Box:
    """A crop in image pixels."""

    x: float
    y: float
    w: float
    h: float

    @classmethod
    def from_crop(cls, crop: Crop | None, width: float, height: float) -> Box:
        if crop is None:
            return cls(0.0, 0.0, float(width), float(height))
        return cls(crop.x * width, crop.y * height, crop.w * width, crop.h * height)

    def to_crop(self, width: float, height: float) -> Crop:
        w = min(1.0, self.w / width)
        h = min(1.0, self.h / height)
        x = min(max(0.0, self.x / width), 1.0 - w)
        y = min(max(0.0, self.y / height), 1.0 - h)
        return Crop(x, y, w, h)

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2

    @property
    def ratio(self) -> float:
        return self.w / self.h


def largest(ratio: float, width: float, height: float, centre: tuple[float, float] | None = None) -> Box:
    """The largest box of ``ratio`` inside the image, as centred on ``centre`` as the edges allow."""
    if ratio >= width / height:
        w, h = float(width), width / ratio
    else:
        w, h = height * ratio, float(height)
    cx, cy = centre or (width / 2, height / 2)
    return clamp_position(Box(cx - w / 2, cy - h / 2, w, h), width, height)


def clamp_position(box: Box, width: float, height: float) -> Box:
    x = min(max(box.x, 0.0), width - box.w)
    y = min(max(box.y, 0.0), height - box.h)
    return Box(x, y, box.w, box.h)


def moved(box: Box, dx: float, dy: float, width: float, height: float) -> Box:
    return clamp_position(Box(box.x + dx, box.y + dy, box.w, box.h), width, height)


def resized(box: Box, corner: str, px: float, py: float, ratio: float, width: float, height: float) -> Box:
    """Drag ``corner`` ("tl", "tr", "bl", "br") to (px, py); the opposite corner stays put."""
    ax = box.x + box.w if "l" in corner else box.x
    ay = box.y + box.h if "t" in corner else box.y
    want_w = max(abs(px - ax), abs(py - ay) * ratio)
    room_w = ax if "l" in corner else width - ax
    room_h = ay if "t" in corner else height - ay
    min_w = max(MIN_SIDE, MIN_SIDE * ratio)
    w = max(min(want_w, room_w, room_h * ratio), min(min_w, room_w, room_h * ratio))
    h = w / ratio
    x = ax - w if "l" in corner else ax
    y = ay - h if "t" in corner else ay
    return clamp_position(Box(x, y, w, h), width, height)


def reshaped(box: Box, ratio: float, width: float, height: float) -> Box:
    """Change the shape around the same centre, keeping about the same area, inside the image."""
    area = box.w * box.h
    w = (area * ratio) ** 0.5
    h = w / ratio
    fit = largest(ratio, width, height)
    if w > fit.w:
        w, h = fit.w, fit.h
    cx, cy = box.centre
    return clamp_position(Box(cx - w / 2, cy - h / 2, w, h), width, height)


def scaled(box: Box, factor: float, width: float, height: float) -> Box:
    """Grow or shrink around the same centre, keeping the ratio, inside the image."""
    fit = largest(box.ratio, width, height)
    w = min(max(box.w * factor, max(MIN_SIDE, MIN_SIDE * box.ratio)), fit.w)
    h = w / box.ratio
    cx, cy = box.centre
    return clamp_position(Box(cx - w / 2, cy - h / 2, w, h), width, height)
