"""Honest corrections in the window, through the real Engine to the folder channel: publishing
an unchanged post again says "already published" with the link (never "Published"); a post
corrected after publishing sends nothing until the officer chooses (only the choices the
channel allows, its "cannot edit" said plainly); Replace carries it out; History shows every
version and unpublishes from its context menu."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from shell_kit import running_shell, type_unicode, wait_idle

from composer.core.journal import State

TEXT = "Layanan SIM keliling di Alun-alun, Sabtu 07.00 WIB"


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


def open_dialog(qtbot, w, previous=None):
    if previous is None:  # as the officer does: Ctrl+Enter in the editor
        w.activateWindow()
        w.editor.text_edit.setFocus()
        qtbot.keyClick(w.editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    else:  # the same action again, after a dialog closed
        w.publishing.publish()
    qtbot.waitUntil(lambda: w.publishing.publish_dialog is not None
                    and w.publishing.publish_dialog is not previous
                    and w.publishing.publish_dialog.isVisible(), timeout=3000)
    return w.publishing.publish_dialog


def publish(qtbot, dialog):
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=20_000)
    return dialog.outcomes["folder"]


def folder_text(shell, post_id) -> str:
    path = Path(shell.services.folder_root()) / post_id / "folder" / "text.txt"
    return path.read_text(encoding="utf-8").strip()


def test_already_published_changed_and_replaced(qtbot, shell):
    w = shell.window
    type_unicode(w.editor.text_edit, TEXT)
    first = open_dialog(qtbot, w)
    assert publish(qtbot, first).state == State.POSTED
    first.close_button.click()

    # Unchanged: nothing sent, and the row says so with the link.
    again = open_dialog(qtbot, w, first)
    outcome = publish(qtbot, again)
    assert outcome.state == State.ALREADY
    status = again.rows["folder"].status.text()
    assert "Already published" in status and "Published:" not in status
    assert outcome.url and outcome.url in status
    assert "already published" in again.progress_heading.text()
    assert not again.corrections.isVisible()
    again.close_button.click()

    # Corrected: nothing goes out until the officer chooses.
    w.editor.text_edit.moveCursor(w.editor.text_edit.textCursor().MoveOperation.End)
    type_unicode(w.editor.text_edit, " (RALAT: 06.30 WIB)")
    qtbot.waitUntil(lambda: "RALAT" in w.model.post.text, timeout=3000)
    changed = open_dialog(qtbot, w, again)
    outcome = publish(qtbot, changed)
    assert outcome.state == State.CHANGED and not outcome.ok
    assert "RALAT" not in folder_text(shell, w.model.post.id)
    status = changed.rows["folder"].status.text()
    assert "Changed since published" in status and "Published" not in status
    assert "Folder cannot edit a published post" in status
    assert changed.corrections.isVisible() and not changed.retry_button.isVisible()
    chooser = changed.corrections.choices["folder"]
    assert set(chooser.buttons) == {"replace", "as_new"}  # the folder cannot edit in place
    assert "changed since published" in changed.progress_heading.text()

    chooser.buttons["replace"].setChecked(True)
    qtbot.mouseClick(changed.corrections.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: changed.task.is_done and changed.outcomes["folder"].ok,
                    timeout=20_000)
    done = changed.outcomes["folder"]
    assert done.state == State.POSTED and done.action == "replace"
    assert "Replaced" in changed.rows["folder"].status.text()
    assert "RALAT" in folder_text(shell, w.model.post.id)
    assert not changed.corrections.isVisible()
    changed.close_button.click()

    # History: every version, and Unpublish from the channel's context menu.
    w.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: w.history is not None and w.history.tree.topLevelItemCount() == 1
                    and w.history.tree.topLevelItem(0).child(0).childCount() == 3,
                    timeout=5000)
    channel = w.history.tree.topLevelItem(0).child(0)
    versions = [channel.child(i).text(1) for i in range(channel.childCount())]
    assert versions[0].startswith("published v1 at")
    assert versions[1].startswith("deleted v1 at")
    assert versions[2].startswith("replaced by v2 at")
    tree = w.history.tree
    w.history._context_menu(tree.visualItemRect(channel).center())
    action = next(a for a in w.history.menu.actions() if a.objectName() == "unpublishAction")
    assert action.isEnabled()
    w.history.menu.close()
    action.trigger()
    qtbot.waitUntil(lambda: shell.services.journal.get(w.model.post.id, "folder").state
                    == State.DELETED, timeout=10_000)
    qtbot.waitUntil(lambda: w.history.tree.topLevelItemCount() == 1 and
                    w.history.tree.topLevelItem(0).child(0).text(1) == "deleted", timeout=5000)
    wait_idle(qtbot, shell)
