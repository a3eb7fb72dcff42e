"""Undo, redo and paste (Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z, Ctrl+V).

Undo and redo act on the open draft's one stack (DraftModel.undo), wherever the focus is in the
window: the draft's text fields hand these keys to the window instead of keeping their own
history, so typing, a channel's text, crops, images and ticks are undone in the order they were
made. Edit ▸ Undo names what it will undo ("Undo crop for Instagram"). Pasting outside an editor
attaches the clipboard's image."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QPlainTextEdit, QTextEdit

from composer.gui.actions import make_action

TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit)  # Qt's fields with their own undo and paste
UNDO_KEYS = (QKeySequence(QKeySequence.StandardKey.Undo), QKeySequence(QKeySequence.StandardKey.Redo),
             QKeySequence("Ctrl+Shift+Z"))


class DraftField(QObject):
    """Installed on the draft's text fields: Ctrl+Z and friends go to the window's Undo/Redo
    (the draft's stack), not to the field's own history (switched off)."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            combo = event.keyCombination().toCombined()
            if any(QKeySequence(combo).matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in UNDO_KEYS):
                event.ignore()  # not the field's: the window's shortcut takes it
                return True
        return False


class EditController(QObject):
    def __init__(self, window: QMainWindow, editor, media, model, fields=()):
        super().__init__(window)
        self.window, self.editor, self.media, self.model = window, editor, media, model
        self.keys = DraftField(self)
        for field in fields:
            self.take_keys(field)
        keys = QKeySequence.StandardKey
        self.actions = {
            "undo": make_action(window, "undo", self.tr("&Undo"), [keys.Undo], model.undo.undo, "undo"),
            "redo": make_action(window, "redo", self.tr("&Redo"), [keys.Redo, "Ctrl+Shift+Z"], model.undo.redo,
                                "redo"),
            "paste": make_action(window, "paste", self.tr("&Paste"), [keys.Paste], self.paste),
        }
        model.undo.undoTextChanged.connect(self._name_actions)
        model.undo.redoTextChanged.connect(self._name_actions)
        model.undo.canUndoChanged.connect(self._name_actions)
        model.undo.canRedoChanged.connect(self._name_actions)
        self._name_actions()

    def take_keys(self, field) -> None:
        """``field`` edits the draft: its Ctrl+Z goes to the draft's stack."""
        if isinstance(field, (QTextEdit, QPlainTextEdit)):
            field.setUndoRedoEnabled(False)
        field.installEventFilter(self.keys)

    def _name_actions(self, *_):
        stack = self.model.undo
        if not shiboken6.isValid(stack) or not shiboken6.isValid(self):
            return  # the stack goes with its draft model (the window closing)
        undo, redo = self.actions["undo"], self.actions["redo"]
        undo.setText(self.tr("&Undo {what}").format(what=stack.undoText()) if stack.canUndo() else self.tr("&Undo"))
        redo.setText(self.tr("&Redo {what}").format(what=stack.redoText()) if stack.canRedo() else self.tr("&Redo"))
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        for action, key in ((undo, undo.shortcut()), (redo, redo.shortcut())):
            hint = key.toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().replace('&', '')} ({hint})")

    def paste(self) -> None:
        """Editors paste for themselves (images they are given go to the media strip); from
        anywhere else, Ctrl+V attaches the clipboard's image."""
        widget = self.window.focusWidget()
        if isinstance(widget, TEXT_FIELDS):
            widget.paste()
        else:
            self.media.paste()
