"""Per-channel post previews: each channel's post card imitated from shared/platforms/PREVIEWS.md."""

from composer.gui.previews.panel import PreviewsPanel

__all__ = ["PreviewsPanel"]
