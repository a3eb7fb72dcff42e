"""One undo stack per draft: typing a word at a time, a channel's own text and Follow master,
ticks, images, alt text, the template; Edit ▸ Undo says what it will undo."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from shell_kit import answer, make_image, running_shell, type_unicode, wait_idle


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


def undo_label(w) -> str:
    return w.actions_by_name["undo"].text().replace("&", "")


def test_undo_takes_back_the_last_word_never_the_whole_body(shell):
    w = shell.window
    type_unicode(w.editor.text_edit, "Pelayanan KTP dibuka Senin")
    assert undo_label(w) == "Undo typing"
    w.actions_by_name["undo"].trigger()
    assert w.model.post.text == "Pelayanan KTP dibuka "
    assert w.editor.text_edit.toPlainText() == "Pelayanan KTP dibuka "
    w.actions_by_name["undo"].trigger()
    assert w.model.post.text == "Pelayanan KTP "
    w.actions_by_name["redo"].trigger()
    w.actions_by_name["redo"].trigger()
    assert w.editor.text_edit.toPlainText() == "Pelayanan KTP dibuka Senin"


def test_ctrl_z_in_the_text_goes_to_the_drafts_stack(shell, qtbot):
    from PySide6.QtCore import Qt

    w = shell.window
    type_unicode(w.editor.text_edit, "satu dua")
    w.editor.text_edit.setFocus()
    qtbot.keyClick(w.editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.model.post.text == "satu "


def test_follow_master_asks_and_undo_brings_the_channel_text_back(shell, qtbot):
    w = shell.window
    w.picker.set_checked("x")
    type_unicode(w.editor.text_edit, "Teks utama")
    w.show_channel_text("x")
    qtbot.waitUntil(lambda: w.channel_text.current_key == "x")
    w.channel_text.edit.moveCursor(QTextCursor.MoveOperation.End)
    type_unicode(w.channel_text.edit, " khusus")
    assert w.model.post.resolve("x").text == "Teks utama khusus"
    answer(yes=False)
    w.channel_text.follow_button.click()
    assert w.model.post.resolve("x").text == "Teks utama khusus"  # kept: the officer said no
    answer(yes=True)
    w.channel_text.follow_button.click()
    assert w.model.post.resolve("x").text == "Teks utama"
    assert undo_label(w) == "Undo Follow master for X"
    w.actions_by_name["undo"].trigger()
    assert w.model.post.resolve("x").text == "Teks utama khusus"
    assert not w.model.follows("x")


def test_ticks_images_order_alt_text_and_template_are_undone(shell, qtbot, tmp_path):
    w = shell.window
    undo = w.actions_by_name["undo"].trigger
    w.picker.set_checked("x")
    assert "x" in w.model.post.channels and undo_label(w) == "Undo channel choice"
    undo()
    assert "x" not in w.model.post.channels and "x" not in w.picker.checked()

    w.media.add_files([make_image(tmp_path / "a.jpg"), make_image(tmp_path / "b.jpg", colour=(0, 90, 200))])
    qtbot.waitUntil(lambda: len(w.media.proxies) == 2, timeout=15_000)
    first, second = (m.id for m in w.model.post.media)
    w.media._select(first)
    w.media.move_selected(+1)
    assert [m.id for m in w.model.post.media] == [second, first]
    assert undo_label(w) == "Undo image order"
    undo()
    assert [m.id for m in w.model.post.media] == [first, second]

    w.media._select(first)
    type_unicode(w.media.alt_edit, "Antrean warga")
    assert w.model.post.media[0].alt == "Antrean warga"
    undo()
    assert w.model.post.media[0].alt == "Antrean "
    assert w.media.alt_edit.text() == "Antrean "

    w.media._select(second)
    w.media.remove_selected()
    assert [m.id for m in w.model.post.media] == [first]
    assert undo_label(w) == "Undo remove image"
    undo()
    assert [m.id for m in w.model.post.media] == [first, second]

    w.model.set_template("pengumuman", {"title": "Festival"})
    assert undo_label(w) == "Undo template"
    undo()
    assert w.model.post.template is None and w.model.post.fields == {}


def test_another_draft_starts_its_own_stack(shell, qtbot):
    w = shell.window
    type_unicode(w.editor.text_edit, "draf satu")
    first = w.model.post.id
    w.actions_by_name["new"].trigger()
    qtbot.waitUntil(lambda: w.model.post.id != first)
    assert not w.actions_by_name["undo"].isEnabled()


def test_a_focal_point_is_undone_and_the_menu_names_it_in_indonesian(shell, qtbot, tmp_path):
    from composer.core import i18n
    from composer.core.post import Crop

    w = shell.window
    w.media.add_files([make_image(tmp_path / "a.jpg")])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 1, timeout=15_000)
    media_id = w.model.post.media[0].id
    wait_idle(qtbot, shell)
    found = w.model.post.media[0].focal  # the app's own guess, or None
    w.model.set_focal(media_id, (0.2, 0.3))
    assert undo_label(w) == "Undo focal point"
    w.actions_by_name["undo"].trigger()
    assert w.model.post.media[0].focal == found
    w.actions_by_name["redo"].trigger()
    assert w.model.post.media[0].focal == (0.2, 0.3)

    english = shell.window
    english.actions_by_name["language_id"].trigger()
    qtbot.waitUntil(lambda: shell.window is not english, timeout=5000)
    w = shell.window
    try:
        qtbot.waitUntil(lambda: bool(w.channels.catalog), timeout=10_000)  # the channels' names
        w.model.set_crop("instagram", media_id, Crop(0, 0, 0.5, 1))
        assert undo_label(w) == "Urungkan potongan untuk Instagram"
    finally:
        i18n.set_language("en")
