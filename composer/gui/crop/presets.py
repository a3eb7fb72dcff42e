"""The shapes a channel offers and its automatic crop, asked from composer.core.media.

If the media package cannot be imported the editor still works from the channel spec alone
(recommended sizes within the aspect limits, a centred largest crop), so a broken image stack
never blocks cropping.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from composer.core.post import Crop
from composer.gui.crop import geometry

try:
    from composer.core.media import aspect_presets as _aspect_presets
    from composer.core.media import default_crop as _default_crop
except ImportError:  # pragma: no cover - only while the media package is broken or missing
    _aspect_presets = _default_crop = None


@dataclass(frozen=True)
class Preset:
    label: str
    ratio: float  # width / height; 0 means "the image's own shape"


def accepts(spec, ratio: float) -> bool:
    lo, hi = spec.aspect_ratio_min, spec.aspect_ratio_max
    return (lo is None or ratio >= lo * (1 - 1e-9)) and (hi is None or ratio <= hi * (1 + 1e-9))


def presets_for(spec, image_ratio: float) -> list[Preset]:
    if _aspect_presets is not None:
        out = [Preset(p.label, p.ratio) for p in _aspect_presets(spec)]
    else:
        out, seen = [], set()
        for w, h in spec.recommended_sizes:
            if accepts(spec, w / h) and round(w / h, 2) not in seen:
                seen.add(round(w / h, 2))
                out.append(Preset(f"{w}:{h}", w / h))
    if accepts(spec, image_ratio) and all(abs(p.ratio / image_ratio - 1) > 0.01 for p in out):
        out.append(Preset(QCoreApplication.translate("CropEditor", "Original"), image_ratio))
    return out


def default_crop(width: int, height: int, focal, spec) -> Crop | None:
    """The channel's automatic crop (None: the whole image)."""
    if _default_crop is not None:
        return _default_crop(width, height, focal, spec)
    if accepts(spec, width / height) or not spec.recommended_sizes:
        return None
    w, h = spec.recommended_sizes[0]
    fx, fy = focal or (0.5, 0.5)
    return geometry.largest(w / h, width, height, (fx * width, fy * height)).to_crop(width, height)


def nearest(presets: list[Preset], ratio: float) -> int:
    return min(range(len(presets)), key=lambda i: abs(presets[i].ratio / ratio - 1)) if presets else -1
