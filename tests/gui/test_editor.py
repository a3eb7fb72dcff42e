"""The editor in the real main window: Indonesian text with emoji, live counters, overflow
marks, per-channel overrides with "Follow master", undo/redo, autosave into the store."""

import pytest
from PySide6.QtCore import Qt
from shell_kit import answer, running_shell, tick, type_unicode, wait_idle


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)

TEXT = "Selamat pagi warga Kabupaten! Upacara HUT RI ke-81 di alun-alun pukul 07.00 WIB 🇮🇩🎉 #HUTRI"


def test_typing_indonesian_with_emoji_updates_counters_and_autosaves(qtbot, shell):
    w = shell.window
    tick(w.picker, "x")
    tick(w.picker, "bluesky")
    type_unicode(w.editor.text_edit, TEXT)
    assert w.editor.text_edit.toPlainText() == TEXT
    assert w.model.post.text == TEXT
    assert set(w.model.post.channels) == {"folder", "x", "bluesky"}
    x_chip = w.counters.chip("x").text()
    assert "/280" in x_chip and x_chip.split()[1].split("/")[0].isdigit()
    # autosave lands within a second, off the GUI thread
    qtbot.waitUntil(lambda: w.autosaver.state == "saved" and not w.autosaver.dirty, timeout=3000)
    assert "✓" in w.save_state.text()
    stored = shell.services.store.load_draft(w.model.post.id)
    assert stored.text == TEXT
    assert stored.channels == w.model.post.channels


def test_overflow_is_marked_where_it_begins(qtbot, shell):
    w = shell.window
    tick(w.picker, "telegram")  # 4096 UTF-16 units, no threads
    text = "😀" + "a" * 4100  # the emoji is two UTF-16 units: overflow at str index 4095
    w.editor.text_edit.setPlainText(text)
    count = w.live.counts["telegram"].count
    assert not count.fits and count.overflow_at == 4095
    selections = w.editor.text_edit.extraSelections()
    assert len(selections) == 1
    # the document position counts the emoji as two units, like the editor does
    assert selections[0].cursor.selectionStart() == 4096
    assert selections[0].cursor.selectionEnd() == len(text) + 1
    assert "Telegram" in w.editor.overflow_label.text()
    assert w.counters.chip("telegram").property("state") == "over"
    w.editor.text_edit.setPlainText("pendek")
    assert w.editor.text_edit.extraSelections() == []
    assert not w.editor.overflow_label.isVisible()


def test_thread_parts_shown_when_a_channel_splits(qtbot, shell):
    w = shell.window
    tick(w.picker, "x")
    w.editor.text_edit.setPlainText("Pengumuman penting untuk seluruh warga. " * 20)
    assert len(w.live.counts["x"].parts) >= 2
    assert w.counters.chip("x").property("state") == "split"
    w.show_channel_text("x")
    qtbot.waitUntil(lambda: w.channel_text.parts.isVisible())
    assert w.channel_text.parts.count() == len(w.live.counts["x"].parts)
    assert w.channel_text.parts.item(0).text().startswith("1/")


def test_channel_override_follows_master_until_edited_and_back(qtbot, shell):
    w = shell.window
    tick(w.picker, "mastodon")
    type_unicode(w.editor.text_edit, "Rapat koordinasi hari ini")
    w.show_channel_text("mastodon")
    panel = w.channel_text
    assert panel.current_key == "mastodon"
    assert panel.edit.toPlainText() == "Rapat koordinasi hari ini"
    assert not panel.follow_button.isVisible()
    panel.edit.moveCursor(panel.edit.textCursor().MoveOperation.End)
    type_unicode(panel.edit, " — khusus Mastodon 🐘")
    assert not w.model.follows("mastodon")
    assert w.model.post.resolve("mastodon").text == "Rapat koordinasi hari ini — khusus Mastodon 🐘"
    assert panel.follow_button.isVisible()
    assert "✎" in panel.list.currentItem().text()
    # the master changes; the edited channel keeps its own text
    w.editor.text_edit.moveCursor(w.editor.text_edit.textCursor().MoveOperation.End)
    type_unicode(w.editor.text_edit, "!")
    assert w.model.post.resolve("mastodon").text.endswith("🐘")
    assert w.model.post.resolve("folder").text == "Rapat koordinasi hari ini!"
    answer(yes=True)  # Follow master asks before dropping the channel's own text
    qtbot.mouseClick(panel.follow_button, Qt.MouseButton.LeftButton)
    assert w.model.follows("mastodon")
    assert panel.edit.toPlainText() == "Rapat koordinasi hari ini!"
    assert not panel.follow_button.isVisible()


def test_undo_and_redo_from_the_actions(qtbot, shell):
    w = shell.window
    w.editor.text_edit.setFocus()
    type_unicode(w.editor.text_edit, "Halo")
    w.actions_by_name["undo"].trigger()
    assert w.model.post.text == ""
    w.actions_by_name["redo"].trigger()
    assert w.model.post.text == "Halo"


def test_every_action_has_a_shortcut_and_the_widgets_accessible_names(qtbot, shell):
    w = shell.window
    for name, action in w.actions_by_name.items():
        if not name.startswith("language_"):
            assert action.shortcuts(), name
    assert w.actions_by_name["publish"].shortcuts()[0].toString() == "Ctrl+Return"
    for widget in (w.editor.text_edit, w.editor.title_edit, w.media.list, w.media.alt_edit,
                   w.picker.tree, w.channel_text.follow_button):
        assert widget.accessibleName(), widget.objectName()
    wait_idle(qtbot, shell)


def test_tab_moves_through_the_post_top_to_bottom(qtbot, shell):
    from PySide6.QtWidgets import QApplication

    w = shell.window
    tick(w.picker, "x")
    qtbot.waitUntil(lambda: all(c.isVisible() for c in w.counters.chips()))
    w.activateWindow()
    w.editor.title_edit.setFocus()
    seen = []
    for _ in range(5):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(seen[-1], Qt.Key.Key_Tab)
    chips = w.counters.chips()
    assert seen[:2] == [w.editor.title_edit, w.editor.text_edit]  # Tab leaves the text, not indents
    assert seen[2:4] == chips[:2]  # the counters of what was just typed
    assert seen[4] in (chips + [w.details.tags])  # then the post's tags and links
