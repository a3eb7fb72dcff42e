"""Per-channel post previews: each channel's post card imitated from docs/previews.md."""

from composer.gui.previews.panel import PreviewsPanel

__all__ = ["PreviewsPanel"]
