"""Opening every dialog of the app, for the tests that look at all of them (they fit the
screen: test_dialogs_fit.py; they read in Indonesian: test_indonesian_everywhere.py).

Generic on purpose: ``dialog_classes()`` finds every QDialog subclass under composer/gui, and a
test fails when one was never opened, until it is added to ``openers``."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import SimpleNamespace

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QScrollArea
from shell_kit import make_image, type_unicode, wait_idle

import composer.gui


def dialog_classes() -> set[type]:
    """Every QDialog subclass defined in a module under composer/gui."""
    found = set()
    for info in pkgutil.walk_packages(composer.gui.__path__, "composer.gui."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if inspect.isclass(obj) and issubclass(obj, QDialog) and obj.__module__ == module.__name__:
                found.add(obj)
    return found


def in_scroll_area(widget, dialog) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def problems_of(dialog: QDialog) -> list[str]:
    name = f"{type(dialog).__name__}({dialog.objectName() or dialog.windowTitle()})"
    area = dialog.screen().availableGeometry()
    out = []
    frame = dialog.frameGeometry()
    if not area.contains(frame):
        out.append(f"{name}: {frame.width()}x{frame.height()} at {frame.x()},{frame.y()} is not inside "
                   f"the {area.width()}x{area.height()} screen")
    minimum = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    if minimum.width() > area.width() or minimum.height() > area.height():
        out.append(f"{name}: cannot shrink below {minimum.width()}x{minimum.height()}")
    for button in dialog.findChildren(QAbstractButton):
        if not button.isVisibleTo(dialog) or in_scroll_area(button, dialog):
            continue
        top_left = button.mapTo(dialog, button.rect().topLeft())
        rect = QRect(top_left, button.size())
        if not dialog.rect().contains(rect):
            out.append(f"{name}: the button '{button.text()}' is outside the dialog")
    return out


class DialogWatch:
    """Measures every dialog that shows (modal ones too: it runs inside their event loop), runs
    its follow-up (a dialog it opens), then closes it once no dialog of its own is open."""

    def __init__(self, follow_ups, on_dialog=None):
        self.follow_ups, self.on_dialog = follow_ups, on_dialog
        self.seen: list[QDialog] = []
        self.measured: list[str] = []  # "Class(name) WxH", for a failure's message
        self.types: set[type] = set()
        self.problems: list[str] = []
        self.timer = QTimer(interval=30)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if not isinstance(widget, QDialog) or not widget.isVisible():
                continue
            if widget not in self.seen:
                QApplication.processEvents()
                self.seen.append(widget)
                self.types.add(type(widget))
                self.problems += problems_of(widget)
                self.measured.append(f"{type(widget).__name__}({widget.objectName()}) "
                                     f"{widget.width()}x{widget.height()}")
                if self.on_dialog is not None:
                    self.on_dialog(widget)
                follow = self.follow_ups.get(type(widget).__name__)
                if follow is not None:
                    follow(widget)
                    return
            elif not any(isinstance(w, QDialog) and w.isVisible() and w is not widget
                         and widget.isAncestorOf(w) for w in QApplication.topLevelWidgets()):
                widget.reject()

    def stop(self) -> None:
        self.timer.stop()


def add_account_when_loaded(dialog) -> None:
    """The Accounts screen's follow-up: its Add account form, once the channels are loaded."""
    if dialog.registry is None:
        QTimer.singleShot(50, lambda: add_account_when_loaded(dialog))
    else:
        dialog.add_account()


def settle(qtbot, watch, shell, count_before, *, optional=False):
    """Until the dialog the opener showed is measured and closed (``optional``: the command may
    show no dialog at all, e.g. Resume with nothing to resume)."""
    if optional:
        try:
            qtbot.waitUntil(lambda: len(watch.seen) > count_before, timeout=1500)
        except Exception:  # noqa: BLE001 (a command without a dialog)
            wait_idle(qtbot, shell)
            return
    qtbot.waitUntil(lambda: len(watch.seen) > count_before, timeout=8000)
    qtbot.waitUntil(lambda: not any(isinstance(w, QDialog) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()), timeout=8000)
    wait_idle(qtbot, shell)



def prepare(qtbot, w, tmp_path) -> None:
    """A draft worth opening every dialog on: an older draft to open, a ticked channel, a long
    text and a portrait photo."""
    type_unicode(w.editor.text_edit, "Draf lama dengan judul yang sangat panjang " * 8)
    first = w.model.post.id
    w.actions_by_name["new"].trigger()  # the first draft is saved: Open draft lists it
    qtbot.waitUntil(lambda: w.model.post.id != first, timeout=5000)
    w.picker.set_checked("x")
    type_unicode(w.editor.text_edit, "Pengumuman " * 60)
    w.media.add_files([make_image(tmp_path / "poster.jpg", size=(1080, 1920))])
    qtbot.waitUntil(lambda: len(w.media.proxies) == 1, timeout=15_000)


def open_every_dialog(qtbot, shell, tmp_path, on_dialog=None) -> DialogWatch:
    """Opens every dialog in turn (``on_dialog(dialog)`` as each shows); returns the watch."""
    import pytest

    w = shell.window
    prepare(qtbot, w, tmp_path)
    watch = DialogWatch({"AccountsDialog": add_account_when_loaded}, on_dialog)
    try:
        for label, open_it in openers(w, shell):
            before = len(watch.seen)
            open_it()
            try:
                settle(qtbot, watch, shell, before, optional=label.startswith("action "))
            except Exception as exc:  # noqa: BLE001 (name the opener that showed nothing)
                pytest.fail(f"{label}: no dialog showed ({exc})")
    finally:
        watch.stop()
    return watch


def openers(w, shell):
    """(what, how to open it): every dialog the app has."""
    actions = w.actions_by_name
    media_id = lambda: w.model.post.media[0].id  # noqa: E731

    entries = [SimpleNamespace(account=f"akun-{i}", snapshot={"text": "Pengumuman " * 8},
                               reason="terputus") for i in range(14)]

    def resume():
        from composer.gui.publish.resume_dialog import ResumeDialog

        ResumeDialog(shell.services, shell.runner, entries, w).open()

    def save_template_as():
        actions["template"].trigger()
        editor = w.images.template_editor
        QTimer.singleShot(0, editor._ask_save_as)  # asked from inside the template editor

    def follow_master():
        w.show_channel_text("x")
        w.channel_text.edit.setPlainText("Teks khusus X")
        w.channel_text.follow_button.click()

    def sign_in():
        from composer.gui.accounts.sign_in_dialog import SignInDialog

        SignInDialog(shell.services, shell.runner, {"platform": "mastodon", "name": "humas"}, w).open()

    def report():
        w.tabs.setCurrentIndex(2)  # History, where the monthly report is asked for
        w.show_history()
        w.history.ask_report()

    # every window command that opens a dialog (the ones added later too), then the dialogs
    # opened from elsewhere
    by_action = [(f"action {name}", action.trigger) for name, action in actions.items()
                 if name not in NOT_DIALOGS and not name.startswith("language_")]
    return by_action + [
        ("Crop editor", lambda: w.images.open_crop("x", media_id())),
        ("Resume publishing", resume),
        ("Follow master question", follow_master),
        ("Error message", lambda: w.notices.error("Contoh pesan galat")),
        ("Add images (the file dialog)", w.media.choose_files),
        ("Save as new template (its name)", save_template_as),
        ("Signing in", sign_in),
        ("Monthly report", report),
    ]


# window commands that open no dialog, or leave the window (quit)
NOT_DIALOGS = {"quit", "practice", "undo", "redo", "paste", "previews", "channel_text", "history",
               "focus_text", "focus_channels", "new"}


