"""The app's own preferences (language, window layout, the draft that was open)."""

from composer.gui.settings.gui_settings import GuiSettings

__all__ = ["GuiSettings"]
