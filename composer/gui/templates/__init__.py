"""Template editor: pick, fill, move unlocked layers, see every shape side by side, save as new."""

from composer.gui.templates.editor import TemplateEditor

__all__ = ["TemplateEditor"]
