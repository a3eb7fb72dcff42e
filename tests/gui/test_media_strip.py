"""The media strip in the real window: add (dialog path, drop, paste), copies land in the media
store off the GUI thread, thumbnails appear, alt text is flagged until written, reorder, remove."""

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication
from shell_kit import make_image, running_shell, type_unicode, wait_idle


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


def test_add_images_copies_them_into_the_store_with_thumbnails(qtbot, shell, tmp_path):
    w = shell.window
    a = make_image(tmp_path / "upacara.jpg")
    b = make_image(tmp_path / "peserta.jpg", colour=(30, 90, 200))
    w.media.add_files([a, b])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 2, timeout=10_000)
    wait_idle(qtbot, shell)
    store = shell.services.store
    for ref in w.model.post.media:
        assert ref.sha256 and store.paths.media_file(ref.sha256).exists()
        assert ref.id in w.media.proxies
        assert ref.focal is not None and all(0 <= v <= 1 for v in ref.focal)
    assert w.media.list.count() == 2
    assert not w.media.list.item(0).icon().isNull()
    # both lack alt text: flagged on the thumbnails and in the summary
    assert "2 without alt text" in w.media.summary.text()
    assert "no alt text" in w.media.list.item(0).text()
    w.media.list.setCurrentRow(0)
    type_unicode(w.media.alt_edit, "Peserta upacara berbaris di alun-alun")
    assert w.model.post.media[0].alt == "Peserta upacara berbaris di alun-alun"
    assert "1 without alt text" in w.media.summary.text()
    assert "no alt text" not in w.media.list.item(0).text()


def test_reorder_and_remove(qtbot, shell, tmp_path):
    w = shell.window
    w.media.add_files([make_image(tmp_path / "1.jpg")])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 1, timeout=10_000)
    w.media.add_files([make_image(tmp_path / "2.jpg", colour=(0, 0, 0))])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 2, timeout=10_000)
    first, second = [m.id for m in w.model.post.media]
    w.media.list.setCurrentRow(1)
    w.media.move_selected(-1)
    assert [m.id for m in w.model.post.media] == [second, first]
    assert w.media.selected_id() == second
    w.model.update_media(second, alt="Foto kedua")
    w.media.list.setFocus()
    qtbot.keyClick(w.media.list, Qt.Key.Key_Delete)
    assert [m.id for m in w.model.post.media] == [first]
    w.actions_by_name["undo"].trigger()  # Ctrl+Z in the strip brings the image back, as it was
    assert [m.id for m in w.model.post.media] == [second, first]
    assert w.model.post.media[0].alt == "Foto kedua"
    w.actions_by_name["redo"].trigger()
    assert [m.id for m in w.model.post.media] == [first]
    wait_idle(qtbot, shell)


def test_drop_files_and_paste_an_image(qtbot, shell, tmp_path):
    w = shell.window
    path = make_image(tmp_path / "drop.jpg")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path)])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    w.media.list.dropEvent(drop)
    qtbot.waitUntil(lambda: len(w.model.post.media) == 1, timeout=10_000)
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    QApplication.clipboard().setImage(image)
    w.editor.text_edit.setFocus()
    w.editor.text_edit.paste()  # Ctrl+V in the editor: an image joins the strip, no text added
    qtbot.waitUntil(lambda: len(w.model.post.media) == 2, timeout=10_000)
    assert w.editor.text_edit.toPlainText() == ""
    pasted = w.model.post.media[1]
    assert shell.services.store.paths.media_file(pasted.sha256).exists()
    wait_idle(qtbot, shell)


def test_an_unusable_file_is_refused_in_plain_words(qtbot, shell, tmp_path):
    w = shell.window
    bad = tmp_path / "bukan-gambar.jpg"
    bad.write_text("this is not an image")
    messages = []
    w.media.error.disconnect()
    w.media.error.connect(messages.append)
    w.media.add_files([str(bad)])
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert w.model.post.media == []
    assert messages[0].startswith("Could not add the image:")
    assert "Traceback" not in messages[0] and "\n" not in messages[0]
