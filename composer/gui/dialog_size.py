"""Every dialog fits the screen it opens on (offices run 1366x768 laptops) and comes back at the
size the officer last left it.

``fit(dialog, name, width, height)``: the dialog opens at its remembered size (or the given one),
never larger than the screen's free area, and inside it; closing it remembers its size in the GUI
settings (gui.json, ``dialogs``). The shell hands the settings over once (``remember_in``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from composer.gui.settings import GuiSettings

# room for the window manager's title bar and borders, which Qt counts outside the geometry
FRAME = QSize(16, 40)

_settings: GuiSettings | None = None


def remember_in(settings: GuiSettings | None) -> None:
    global _settings
    _settings = settings


def free_area(dialog: QDialog) -> QRect:
    """The screen area a dialog may use: its parent's screen, without panels and a frame."""
    parent = dialog.parentWidget()
    screen = (parent.screen() if parent is not None else None) or dialog.screen() \
        or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return area.adjusted(0, 0, -FRAME.width(), -FRAME.height())


def bounded(dialog: QDialog, size: QSize) -> QSize:
    return size.boundedTo(free_area(dialog).size())


class _Keeper(QObject):
    """Clamps the dialog each time it shows; remembers its size each time it hides."""

    def __init__(self, dialog: QDialog, name: str):
        super().__init__(dialog)
        self.name = name

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(obj, QDialog):
            place(obj)
        elif kind == QEvent.Type.Hide and _settings is not None and isinstance(obj, QDialog):
            size = [obj.width(), obj.height()]
            if _settings.dialogs.get(self.name) != size:
                _settings.dialogs[self.name] = size
                _settings.save()
        return False


def place(dialog: QDialog) -> None:
    """Shrink ``dialog`` to the free area if needed and move it fully inside it."""
    area = free_area(dialog)
    size = dialog.size().boundedTo(area.size())
    if size != dialog.size():
        dialog.resize(size)
    rect = QRect(dialog.pos(), dialog.size())
    if not area.contains(rect):
        x = min(max(rect.x(), area.x()), area.right() - rect.width() + 1)
        y = min(max(rect.y(), area.y()), area.bottom() - rect.height() + 1)
        dialog.move(x, y)


def fit(dialog: QDialog, name: str, width: int, height: int) -> None:
    """Open ``dialog`` at its remembered size (else ``width`` x ``height``), bounded by the
    screen; ``name`` keys the remembered size."""
    remembered = (_settings.dialogs.get(name) if _settings is not None else None) or [width, height]
    dialog.resize(bounded(dialog, QSize(int(remembered[0]), int(remembered[1]))))
    dialog.installEventFilter(_Keeper(dialog, name))
