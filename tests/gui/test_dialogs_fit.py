"""Every dialog fits an office laptop's 1366x768 screen with its buttons in sight, and comes back
at the size the officer left it.

Generic on purpose: every QDialog subclass defined under composer/gui must be opened here (through
the window's own commands where it has one), so a dialog added later fails this test until it is
opened (tests/gui/dialog_kit.py) and fits. Qt's own dialogs the app opens (message boxes, the Open draft list,
the template name question) are measured too."""

from __future__ import annotations

from dialog_kit import dialog_classes, open_every_dialog
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from shell_kit import make_image, start_shell, stop_shell

LAPTOP = QRect(0, 0, 1366, 768)


def test_the_tests_run_on_an_office_laptop_screen(qapp):
    assert QGuiApplication.primaryScreen().availableGeometry() == LAPTOP


def test_every_dialog_fits_1366x768_with_its_buttons_in_sight(qtbot, tmp_path):
    classes = dialog_classes()  # imported before the shell's workers import modules of their own
    shell = start_shell(qtbot)
    try:
        watch = open_every_dialog(qtbot, shell, tmp_path)
        missing = {cls.__name__ for cls in classes} - {t.__name__ for t in watch.types}
        assert not missing, f"dialogs this test never opened (add them to dialog_kit.openers): {sorted(missing)}"
        assert not watch.problems, "\n".join(watch.problems + ["measured:", *watch.measured])
    finally:
        stop_shell(qtbot, shell)


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
