"""The shapes the crop editor offers a channel, from composer.core.media (its aspect presets,
plus the photo's own shape when the channel takes it as it is)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from composer.core.media import aspect_presets, default_crop
from composer.core.media.crop import accepts

__all__ = ["Preset", "default_crop", "nearest", "presets_for"]


@dataclass(frozen=True)
class Preset:
    label: str
    ratio: float  # width / height


def presets_for(spec, image_ratio: float) -> list[Preset]:
    out = [Preset(p.label, p.ratio) for p in aspect_presets(spec)]
    if accepts(spec, image_ratio) and all(abs(p.ratio / image_ratio - 1) > 0.01 for p in out):
        out.append(Preset(QCoreApplication.translate("CropEditor", "Original"), image_ratio))
    return out


def nearest(presets: list[Preset], ratio: float) -> int:
    return min(range(len(presets)), key=lambda i: abs(presets[i].ratio / ratio - 1)) if presets else -1
