"""Images: load and normalise, crop per channel, brand with a template, encode to a budget.

The public API: ``MediaError``, ``inspect``, ``preview_proxy``,
``default_crop``, ``aspect_presets``, ``focal_of`` (store it on the MediaRef at attach time),
``render_variant`` (one channel) and ``render_variants`` (many channels, each source decoded
once; with a ``RenderMemo``, outputs already rendered are reused and their sources not decoded).
"""

from composer.core.media.crop import (
    AspectPreset,
    aspect_presets,
    crop_for_ratio,
    default_crop,
    effective_crop,
    output_size,
)
from composer.core.media.focal import estimate_focal, focal_of
from composer.core.media.load import MAX_PIXELS, ImageInfo, MediaError, inspect
from composer.core.media.memo import RenderMemo
from composer.core.media.proxy import preview_proxy
from composer.core.media.render import (
    Refusal,
    RenderedVariant,
    grid_shape_of,
    planned_sizes,
    render_variant,
    render_variants,
)

__all__ = [
    "MAX_PIXELS",
    "AspectPreset",
    "ImageInfo",
    "MediaError",
    "Refusal",
    "RenderMemo",
    "RenderedVariant",
    "aspect_presets",
    "crop_for_ratio",
    "default_crop",
    "effective_crop",
    "estimate_focal",
    "focal_of",
    "grid_shape_of",
    "inspect",
    "output_size",
    "planned_sizes",
    "preview_proxy",
    "render_variant",
    "render_variants",
]
