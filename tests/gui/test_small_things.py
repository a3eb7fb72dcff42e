"""The small things of issue 14, each as an officer meets it: practice mode comes back after a
restart with its ticks, red counters that say how much to cut, the link card under the thread
part that holds the link, a multi-line alt-text box with its own counter, and an F1 list made from
the actions themselves."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QTreeWidget
from shell_kit import make_image, start_shell, stop_shell, type_unicode, wait_idle


@pytest.fixture
def shell(qtbot):
    s = start_shell(qtbot)
    yield s
    stop_shell(qtbot, s)


def test_practice_mode_and_its_ticks_survive_a_restart(qtbot):
    from composer.testing.keyring import memory_keyring

    with memory_keyring():
        shell = start_shell(qtbot)
        w = shell.window
        w.actions_by_name["practice"].trigger()  # on: its channels come, ticked (no ten clicks)
        qtbot.waitUntil(lambda: "practice-mastodon" in w.channels.catalog, timeout=20_000)
        qtbot.waitUntil(lambda: "practice-mastodon" in w.picker.checked(), timeout=5000)
        practice = sorted(k for k, c in w.channels.catalog.items() if c.kind == "practice")
        assert set(practice) <= set(w.picker.checked())
        w.picker.set_checked("practice-x", False)  # the officer's own choice
        type_unicode(w.editor.text_edit, "Latihan")
        w.autosaver.flush()
        wait_idle(qtbot, shell)
        chosen = list(w.model.post.channels)
        stop_shell(qtbot, shell)

        again = start_shell(qtbot)
        try:
            w = again.window
            qtbot.waitUntil(lambda: w.model.post.text == "Latihan", timeout=10_000)
            qtbot.waitUntil(lambda: "practice-mastodon" in w.channels.catalog, timeout=20_000)
            assert w.actions_by_name["practice"].isChecked()
            qtbot.waitUntil(lambda: "practice-mastodon" in w.picker.checked(), timeout=5000)
            assert sorted(w.model.post.channels) == sorted(chosen)
            assert "practice-x" not in w.picker.checked()
        finally:
            stop_shell(qtbot, again)


def test_a_counter_over_the_limit_is_red_and_says_how_much_to_cut(shell, qtbot):
    w = shell.window
    w.picker.set_checked("instagram")  # a caption is not cut into a thread
    w.editor.text_edit.setPlainText("a" * 2220)
    chip = w.counters.chip("instagram")
    qtbot.waitUntil(lambda: chip.property("state") == "over")
    assert chip.text().endswith("+20")
    red = chip.palette().color(QPalette.ColorRole.Button)
    assert red.red() > 150 and red.green() < 80 and red.blue() < 80
    assert chip.font().bold()
    assert "20 over the limit" in chip.accessibleName()


def test_the_link_card_sits_under_the_part_that_holds_the_link(shell, qtbot):
    w = shell.window
    w.picker.set_checked("x")
    qtbot.waitUntil(lambda: w.previews is not None and "x" in w.previews.cards)
    text = "Pelayanan KTP keliling hadir di kecamatan. " * 8 + "Jadwal lengkap: https://contoh.go.id/ktp"
    type_unicode(w.editor.text_edit, text)
    card = w.previews.cards["x"]
    w.previews.flush()
    assert len([r for r in card._replies if not r.isHidden()]) >= 1  # a thread
    assert card.link_card.isHidden()  # not under part 1
    assert card.reply_link_card is not None and not card.reply_link_card.isHidden()
    box = card.thread_box
    holder = next(r for r in card._replies if "contoh.go.id" in r.text())
    assert box.indexOf(card.reply_link_card) == box.indexOf(holder) + 1


def test_the_alt_text_box_has_lines_and_a_counter_per_channel_limit(shell, qtbot, tmp_path):
    w = shell.window
    w.picker.set_checked("x")
    w.picker.set_checked("mastodon")
    w.media.add_files([make_image(tmp_path / "a.jpg")])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 1)
    w.media._select(w.model.post.media[0].id)
    assert isinstance(w.media.alt_edit, QPlainTextEdit)
    assert w.media.alt_edit.height() >= 2 * w.media.alt_edit.fontMetrics().lineSpacing()
    type_unicode(w.media.alt_edit, "Warga antre\ndi loket")
    assert w.model.post.media[0].alt == "Warga antre\ndi loket"
    assert "X 20/1000" in w.media.alt_counter.text() and "Mastodon 20/1500" in w.media.alt_counter.text()
    w.media.alt_edit.setFocus()
    type_unicode(w.media.alt_edit, "x" * 1000)
    assert "✗ X 1020/1000" in w.media.alt_counter.text()
    assert "✗ Mastodon" not in w.media.alt_counter.text()


def test_f1_lists_every_action_once_with_the_editors_keys(shell, qtbot):
    w = shell.window
    w.actions_by_name["shortcuts"].trigger()
    dialog = next(d for d in QApplication.topLevelWidgets() if isinstance(d, QDialog) and d.isVisible())
    tree = dialog.findChild(QTreeWidget)
    rows = {}
    for i in range(tree.topLevelItemCount()):
        section = tree.topLevelItem(i)
        for j in range(section.childCount()):
            rows[(section.text(0), section.child(j).text(0))] = section.child(j).text(1)
    for action in w.actions_by_name.values():
        if any(k.toString() for k in action.shortcuts()):
            command = action.property("command").replace("&", "")
            keys = rows[("Window", command)]
            assert len(keys.split(", ")) == len(set(keys.split(", "))), keys  # no "Ctrl+Shift+Z, Ctrl+Shift+Z"
    assert rows[("Crop editor", "Reset to automatic")] == "Ctrl+Backspace"
    assert rows[("Template editor", "Save as new template…")] == "Ctrl+Shift+S"
    assert rows[("Template editor", "Use this template")] == "Ctrl+Return"
    dialog.reject()
