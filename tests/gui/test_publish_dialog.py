"""Publishing from the real window through the real Engine to the folder channel: Ctrl+Enter
opens the confirmation listing the channels, the files land on disk, the result shows a link,
a failure shows its reason and "Retry failed" finishes it, and the history lists it."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shell_kit import make_image, running_shell, tick, type_unicode, wait_idle

TEXT = "Pelayanan KTP keliling hadir di Kecamatan Sukamaju, Sabtu 09.00 WIB 📇 #LayananPublik"


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


def open_dialog(qtbot, w):
    w.activateWindow()
    w.editor.text_edit.setFocus()
    qtbot.keyClick(w.editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.publishing.publish_dialog is not None
                    and w.publishing.publish_dialog.isVisible(), timeout=3000)
    return w.publishing.publish_dialog


def folder_of(shell, post_id):
    return Path(shell.services.folder_root()) / post_id / "folder"


def test_publish_to_the_folder_and_find_the_files(qtbot, shell, tmp_path):
    w = shell.window
    type_unicode(w.editor.text_edit, TEXT)
    w.media.add_files([make_image(tmp_path / "ktp.jpg", size=(1200, 900))])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 1, timeout=10_000)
    w.model.update_media(w.model.post.media[0].id, alt="Petugas melayani warga membuat KTP")
    tick(w.picker, "x")  # no account: listed as a problem, not published
    dialog = open_dialog(qtbot, w)
    summary = dialog.pages.widget(0)
    texts = " ".join(label.text() for label in summary.findChildren(type(w.save_state)))
    assert "Folder" in texts and "X" in texts
    assert "No account" in texts
    assert dialog.publish_button.text().replace("&", "") == "Publish to 1 channel"
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=20_000)
    outcome = dialog.outcomes["folder"]
    assert outcome.ok, outcome.reason
    out = folder_of(shell, w.model.post.id)
    assert (out / "text.txt").read_text(encoding="utf-8").strip() == TEXT
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["media"][0]["alt"] == "Petugas melayani warga membuat KTP"
    assert any(p.suffix in (".jpg", ".png", ".webp") for p in out.iterdir())
    row = dialog.rows["folder"]
    assert "Published" in row.status.text()
    assert "x" not in dialog.rows  # never sent anywhere without an account
    assert dialog.close_button.isVisible() and not dialog.retry_button.isVisible()
    dialog.close_button.click()
    # the history lists it with its status
    w.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: w.history is not None and w.history.tree.topLevelItemCount() == 1,
                    timeout=5000)
    top = w.history.tree.topLevelItem(0)
    assert top.text(0).startswith("Pelayanan KTP")
    assert top.child(0).text(0) == "folder" and top.child(0).text(1) == "published"
    wait_idle(qtbot, shell)


def test_a_failure_shows_its_reason_and_retry_failed_finishes_it(qtbot, shell, monkeypatch):
    w = shell.window
    type_unicode(w.editor.text_edit, "Uji coba")
    root = Path(shell.services.folder_root())
    root.parent.mkdir(parents=True, exist_ok=True)
    root.write_text("a file where the folder should be")  # the folder channel cannot write
    dialog = open_dialog(qtbot, w)
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.task.is_done, timeout=20_000)
    outcome = dialog.outcomes["folder"]
    assert not outcome.ok and outcome.reason
    status = dialog.rows["folder"].status.text()
    assert outcome.reason.split(":")[0] in status and "Traceback" not in status
    assert dialog.retry_button.isVisible()
    root.unlink()  # the officer fixes it
    dialog.retry_button.click()
    qtbot.waitUntil(lambda: dialog.task.is_done and dialog.outcomes["folder"].ok, timeout=20_000)
    assert (folder_of(shell, w.model.post.id) / "text.txt").exists()
    assert not dialog.retry_button.isVisible()
    dialog.close_button.click()
    QApplication.processEvents()
    wait_idle(qtbot, shell)


def test_cancel_stops_a_slow_publish_and_says_so(qtbot, shell, monkeypatch):
    import time

    import platforms.folder as folder

    real = folder.FolderAdapter.publish
    started = []

    def slow_publish(self, ctx, post):
        started.append(1)
        ctx.cancel_event.wait(5)  # a slow upload, stopped by the officer
        return real(self, ctx, post)

    monkeypatch.setattr(folder.FolderAdapter, "publish", slow_publish)
    w = shell.window
    type_unicode(w.editor.text_edit, "Batal terbit")
    dialog = open_dialog(qtbot, w)
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    assert dialog.cancel_button.isVisible() and not dialog.close_button.isVisible()
    begin = time.monotonic()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.task.is_done, timeout=10_000)
    assert time.monotonic() - begin < 4
    outcome = dialog.outcomes["folder"]
    assert not outcome.ok
    assert "Cancelled" in dialog.rows["folder"].status.text()
    assert not (folder_of(shell, w.model.post.id) / "text.txt").exists()
    assert dialog.retry_button.isVisible()  # a cancelled channel can be sent later
    dialog.close_button.click()
    wait_idle(qtbot, shell)


def test_practice_mode_publishes_to_a_local_practice_server(qtbot, shell):
    from composer.testing.keyring import memory_keyring

    w = shell.window
    with memory_keyring():
        w.actions_by_name["practice"].trigger()  # Ctrl+Shift+P
        qtbot.waitUntil(lambda: "practice-mastodon" in w.channels.catalog, timeout=20_000)
        assert w.channels.catalog["practice-mastodon"].kind == "practice"
        assert w.actions_by_name["practice"].isChecked()
        tick(w.picker, "folder", False)
        tick(w.picker, "practice-mastodon")
        type_unicode(w.editor.text_edit, "Latihan terbit ke Mastodon 🐘 #latihan")
        dialog = open_dialog(qtbot, w)
        dialog.publish_button.click()
        qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=20_000)
        outcome = dialog.outcomes["practice-mastodon"]
        assert outcome.ok, outcome.reason
        assert outcome.url.startswith("http://127.0.0.1:")
        dialog.close_button.click()
        w.actions_by_name["practice"].trigger()  # off: servers stop, practice accounts go
        qtbot.waitUntil(lambda: "practice-mastodon" not in w.channels.catalog, timeout=20_000)
        assert shell.services.accounts.find("practice-mastodon") is None
    wait_idle(qtbot, shell)


def test_a_refusal_before_sending_is_not_offered_again_by_retry_failed(qtbot, shell):
    w = shell.window
    type_unicode(w.editor.text_edit, "Uji coba")
    dialog = open_dialog(qtbot, w)
    assert dialog.plan_rows["folder"].tick.isChecked()
    dialog.post.text = ""  # what goes is emptied after the checks ran: the engine refuses it
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=20_000)
    outcome = dialog.outcomes["folder"]
    assert not outcome.ok and outcome.error == "NotPublishable"
    assert "Nothing to publish" in dialog.rows["folder"].status.text()
    assert dialog.failed_accounts() == [] and not dialog.retry_button.isVisible()
    assert not folder_of(shell, w.model.post.id).exists()
    dialog.close_button.click()
    wait_idle(qtbot, shell)
