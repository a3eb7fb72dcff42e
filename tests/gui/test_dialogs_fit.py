"""Every dialog fits an office laptop's 1366x768 screen with its buttons in sight, and comes back
at the size the officer left it.

Generic on purpose: every QDialog subclass defined under composer/gui must be opened here (through
the window's own commands where it has one), so a dialog added later fails this test until it is
opened (OPENERS) and fits. Qt's own dialogs the app opens (message boxes, the Open draft list,
the template name question) are measured too."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QRect, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QScrollArea

import composer.gui
from shell_kit import make_image, start_shell, stop_shell, type_unicode, wait_idle

LAPTOP = QRect(0, 0, 1366, 768)


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

    def __init__(self, follow_ups):
        self.follow_ups = follow_ups
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


def settle(qtbot, watch, shell, count_before):
    qtbot.waitUntil(lambda: len(watch.seen) > count_before, timeout=8000)
    qtbot.waitUntil(lambda: not any(isinstance(w, QDialog) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()), timeout=8000)
    wait_idle(qtbot, shell)


def test_the_tests_run_on_an_office_laptop_screen(qapp):
    assert QGuiApplication.primaryScreen().availableGeometry() == LAPTOP


def test_every_dialog_fits_1366x768_with_its_buttons_in_sight(qtbot, tmp_path):
    classes = dialog_classes()  # imported before the shell's workers import modules of their own
    shell = start_shell(qtbot)
    w = shell.window
    try:
        type_unicode(w.editor.text_edit, "Draf lama dengan judul yang sangat panjang " * 8)
        first = w.model.post.id
        w.actions_by_name["new"].trigger()  # the first draft is saved: Open draft lists it
        qtbot.waitUntil(lambda: w.model.post.id != first, timeout=5000)
        w.picker.set_checked("x")
        type_unicode(w.editor.text_edit, "Pengumuman " * 60)
        w.media.add_files([make_image(tmp_path / "poster.jpg", size=(1080, 1920))])
        qtbot.waitUntil(lambda: len(w.media.proxies) == 1, timeout=15_000)

        watch = DialogWatch({"AccountsDialog": add_account_when_loaded})
        openers = OPENERS(w, shell, tmp_path)
        for label, open_it in openers:
            before = len(watch.seen)
            open_it()
            try:
                settle(qtbot, watch, shell, before)
            except Exception as exc:  # noqa: BLE001 (name the opener that showed nothing)
                pytest.fail(f"{label}: no dialog showed ({exc})")
        watch.stop()

        missing = {cls.__name__ for cls in classes} - {t.__name__ for t in watch.types}
        assert not missing, f"dialogs this test never opened (add them to OPENERS): {sorted(missing)}"
        assert not watch.problems, "\n".join(watch.problems + ["measured:", *watch.measured])
        assert len(watch.measured) >= len(openers)
    finally:
        stop_shell(qtbot, shell)


def OPENERS(w, shell, tmp_path):  # noqa: N802 (a table)
    """(what, how to open it): every dialog the app has."""
    actions = w.actions_by_name
    media_id = lambda: w.model.post.media[0].id  # noqa: E731

    entries = [SimpleNamespace(account=f"akun-{i}", snapshot={"text": "Pengumuman " * 8},
                               reason="terputus") for i in range(14)]

    def resume():
        from composer.gui.publish.resume_dialog import ResumeDialog

        ResumeDialog(shell.services, shell.runner, entries, w).open()

    def follow_master():
        w.show_channel_text("x")
        w.channel_text.edit.setPlainText("Teks khusus X")
        w.channel_text.follow_button.click()

    return [
        ("Open draft", actions["open"].trigger),
        ("Keyboard shortcuts", actions["shortcuts"].trigger),
        ("Publish", actions["publish"].trigger),
        ("Accounts and the account form", actions["accounts"].trigger),
        ("Template editor", actions["template"].trigger),
        ("Crop editor", lambda: w.images.open_crop("x", media_id())),
        ("Resume publishing", resume),
        ("Follow master question", follow_master),
        ("Error message", lambda: w.notices.error("Contoh pesan galat")),
    ]


def test_a_dialog_comes_back_at_the_size_it_was_left(qtbot):
    from composer.gui.settings import GuiSettings

    shell = start_shell(qtbot)
    w = shell.window
    try:
        w.actions_by_name["publish"].trigger()
        dialog = w.publishing.publish_dialog
        qtbot.waitExposed(dialog)
        dialog.resize(640, 450)
        dialog.reject()
        assert GuiSettings.load(shell.services.paths.config).dialogs["publish"] == [640, 450]
        w.actions_by_name["publish"].trigger()
        again = w.publishing.publish_dialog
        assert again is not dialog
        qtbot.waitExposed(again)
        assert (again.width(), again.height()) == (640, 450)
        again.reject()
        dialog.resize(3000, 2000)  # a size remembered from a bigger screen: bounded by this one
        dialog.show()
        assert dialog.frameGeometry().width() <= 1366 and dialog.frameGeometry().height() <= 768
        dialog.reject()
    finally:
        stop_shell(qtbot, shell)


def test_the_crop_editor_has_done_and_cancel_and_cancel_puts_the_crop_back(qtbot, tmp_path):
    from PySide6.QtWidgets import QDialogButtonBox

    shell = start_shell(qtbot)
    w = shell.window
    try:
        w.picker.set_checked("instagram")
        w.media.add_files([make_image(tmp_path / "wide.jpg", size=(1600, 800))])
        qtbot.waitUntil(lambda: len(w.media.proxies) == 1, timeout=15_000)
        media_id = w.model.post.media[0].id
        w.images.open_crop("instagram", media_id)
        editor = w.images.crop_editor
        host = editor.parentWidget()
        qtbot.waitExposed(host)
        box = host.findChild(QDialogButtonBox)
        names = {b.text() for b in box.buttons()}
        assert names == {"Done", "Cancel"}
        editor.set_preset(len(editor.presets) - 1)  # another shape: a manual crop
        assert w.model.post.variant("instagram").crops.get(media_id) is not None
        box.button(QDialogButtonBox.StandardButton.Cancel).click()
        assert w.model.post.variant("instagram").crops.get(media_id) is None  # as it was
        w.images.open_crop("instagram", media_id)
        editor.set_preset(len(editor.presets) - 1)
        box.button(QDialogButtonBox.StandardButton.Ok).click()
        assert w.model.post.variant("instagram").crops.get(media_id) is not None  # kept
        assert w.actions_by_name["undo"].text().replace("&", "") == "Undo crop for Instagram"
    finally:
        stop_shell(qtbot, shell)


def test_the_template_editor_shows_its_shapes_in_a_strip_that_scrolls(qtbot):
    shell = start_shell(qtbot)
    w = shell.window
    try:
        w.actions_by_name["template"].trigger()
        editor = w.images.template_editor
        host = editor.parentWidget()
        qtbot.waitExposed(host)
        host.resize(900, 600)  # narrower than the five shapes side by side
        qtbot.waitUntil(lambda: all(not b.icon().isNull() for b in editor.thumbs), timeout=15_000)
        qtbot.wait(50)
        assert all(editor.strip.widget().isAncestorOf(b) for b in editor.thumbs)
        assert editor.strip.horizontalScrollBar().maximum() > 0
        assert host.rect().contains(editor.use_button.geometry().translated(
            editor.use_button.mapTo(host, editor.use_button.rect().topLeft()) - editor.use_button.pos()))
        host.reject()
    finally:
        stop_shell(qtbot, shell)
