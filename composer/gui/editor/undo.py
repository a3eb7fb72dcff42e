"""The draft's undo commands.

``Change``: one change with the value before and after (crop, focal point, template, channel
choice, image order ...). ``TextChange``: typing in one text (the master, the title, a channel's
own text, an image's alt text), grouped a word at a time: the letters of a word and the spaces
after it are one step, so Undo takes back the last word, never the whole body; a paste, a cut or
replacing a selection is a step of its own."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

TEXT_ID = 1


def common_prefix(a: str, b: str) -> int:
    """Length of the common start of ``a`` and ``b`` (halving: string comparisons run in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def single_edit(old: str, new: str) -> tuple[str, int, str] | None:
    """("insert"|"delete", position, character) when ``new`` is ``old`` with one character typed
    or erased, else None."""
    if abs(len(new) - len(old)) != 1:
        return None
    at = common_prefix(old, new)
    if len(new) > len(old) and new[at + 1:] == old[at:]:
        return "insert", at, new[at]
    if len(old) > len(new) and old[at + 1:] == new[at:]:
        return "delete", at, old[at]
    return None


class Change(QUndoCommand):
    """``apply(after)`` to do, ``apply(before)`` to undo; or explicit ``redo``/``undo`` callables.
    ``done``: the change is already made (the first redo does nothing)."""

    def __init__(self, what: str, before, after, apply: Callable[[object], None], *,
                 redo: Callable[[], None] | None = None, undo: Callable[[], None] | None = None,
                 done: bool = False):
        super().__init__(what)
        self.before, self.after, self.apply = before, after, apply
        self._redo, self._undo, self._skip = redo, undo, done

    def redo(self) -> None:
        if self._skip:
            self._skip = False
        elif self._redo is not None:
            self._redo()
        else:
            self.apply(self.after)

    def undo(self) -> None:
        if self._undo is not None:
            self._undo()
        else:
            self.apply(self.before)


class TextChange(QUndoCommand):
    """Typing in the text called ``field``; ``apply(field, value, cursor)`` shows a value
    (``cursor`` None on the first do: the officer's keystroke already put it on screen)."""

    def __init__(self, what: str, field: str, before: str, after: str,
                 apply: Callable[[str, str, int | None], None]):
        super().__init__(what)
        self.field, self.before, self.after, self.apply = field, before, after, apply
        self.edit = single_edit(before, after)  # the last keystroke of the group
        self._first = True

    def id(self) -> int:
        return TEXT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TextChange) or other.field != self.field:
            return False
        mine, theirs = self.edit, other.edit
        if mine is None or theirs is None or mine[0] != theirs[0]:
            return False
        kind, at, char = mine
        _kind, next_at, next_char = theirs
        if kind == "insert":
            if next_at != at + 1:
                return False
            if char.isspace() and not next_char.isspace():
                return False  # a new word begins: a new step
        else:  # erasing: Backspace walks left, Delete stays put
            if next_at not in (at - 1, at):
                return False
            if next_char.isspace() and not char.isspace():
                return False
        self.after, self.edit = other.after, other.edit
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            self.apply(self.field, self.after, None)
            return
        self.apply(self.field, self.after, self._start() + max(0, len(self.after) - len(self.before)))

    def undo(self) -> None:
        self.apply(self.field, self.before, self._start())

    def _start(self) -> int:
        """Where the group's change begins (the cursor goes there after an undo)."""
        return common_prefix(self.before, self.after)
