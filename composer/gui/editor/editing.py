"""Undo, redo and paste (Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z, Ctrl+V) for whatever has the focus: a text
field undoes its typing; in the media strip, image removals are undone; pasting outside an editor
attaches the clipboard's image."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from composer.gui.actions import make_action


class EditController(QObject):
    def __init__(self, window: QMainWindow, editor, media):
        super().__init__(window)
        self.window, self.editor, self.media = window, editor, media
        keys = QKeySequence.StandardKey
        self.actions = {
            "undo": make_action(window, "undo", self.tr("&Undo"), [keys.Undo], self.undo, "undo"),
            "redo": make_action(window, "redo", self.tr("&Redo"), [keys.Redo, "Ctrl+Shift+Z"], self.redo,
                                "redo"),
            "paste": make_action(window, "paste", self.tr("&Paste"), [keys.Paste], self.paste),
        }

    def _undo_target(self):
        # Qt's own text widgets have undo(); any other focused widget in the media strip means
        # the strip's image removals
        widget = self.window.focusWidget()
        if widget is not None and self.media.isAncestorOf(widget) and not hasattr(widget, "undo"):
            return self.media.undo_stack
        return widget if hasattr(widget, "undo") else self.editor.text_edit

    def undo(self) -> None:
        self._undo_target().undo()

    def redo(self) -> None:
        self._undo_target().redo()

    def paste(self) -> None:
        """Editors paste for themselves (images they are given go to the media strip); from
        anywhere else, Ctrl+V attaches the clipboard's image."""
        widget = self.window.focusWidget()
        if hasattr(widget, "paste"):
            widget.paste()
        else:
            self.media.paste()
