"""Per-channel crop editor: a crop box locked to the channel's shapes over the preview proxy."""

from composer.gui.crop.editor import CropEditor

__all__ = ["CropEditor"]
