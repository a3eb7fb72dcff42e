"""WhatsApp from the real window: publishing prepares the variant instead of failing, "Copy text"
and "Copy image" fill the clipboard, "Open WhatsApp" opens the wa.me share link (the desktop
app's whatsapp:// link when it is installed), "I sent it" records one manual publish by the
officer named (remembered for next time), and confirming again records nothing new."""

from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from shell_kit import make_image, running_shell, tick, type_unicode, wait_idle

from composer.gui.publish import manual_row

TEXT = "Vaksinasi gratis di Puskesmas Sukamaju, Sabtu 08.00 WIB 💉 #SehatBersama"


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()) or True)
    return urls


def with_whatsapp(qtbot, shell):
    w = shell.window
    shell.services.accounts.add("grup-wa", "whatsapp", {}, {})
    w.channels.reload()
    qtbot.waitUntil(lambda: "grup-wa" in w.channels.catalog, timeout=5000)
    tick(w.picker, "folder", False)
    tick(w.picker, "grup-wa")
    return w


def publish(qtbot, w, keyboard=True):
    if keyboard:  # Ctrl+Enter, as the officer does
        w.activateWindow()
        w.editor.text_edit.setFocus()
        qtbot.keyClick(w.editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    else:
        w.publishing.publish()
    qtbot.waitUntil(lambda: w.publishing.publish_dialog is not None
                    and w.publishing.publish_dialog.isVisible(), timeout=3000)
    dialog = w.publishing.publish_dialog
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=20_000)
    return dialog


def journal_rows(shell, post_id):
    return [e for e in shell.services.engine.journal.entries(post_id) if e.account == "grup-wa"]


def test_whatsapp_is_copied_opened_and_confirmed_once_by_name(qtbot, shell, tmp_path, opened,
                                                              monkeypatch):
    monkeypatch.setattr(manual_row, "app_link_handled", lambda scheme="whatsapp": False)
    w = with_whatsapp(qtbot, shell)
    type_unicode(w.editor.text_edit, TEXT)
    w.media.add_files([make_image(tmp_path / "vaksin.jpg", size=(1080, 1080)),
                       make_image(tmp_path / "antre.jpg", size=(1200, 900), colour=(20, 90, 160))])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 2, timeout=10_000)
    dialog = publish(qtbot, w)
    row = dialog.rows["grup-wa"]
    assert "grup-wa" not in dialog.outcomes  # waiting for the officer, not a failure
    assert not dialog.retry_button.isVisible()
    assert "I sent it" in row.status.text() and "Only the first image" in row.status.text()
    assert "send by hand" in dialog.progress_heading.text()
    for button in (row.copy_text, row.copy_image, row.open_app, row.sent):
        assert button.isVisible() and button.accessibleName()

    clipboard = QGuiApplication.clipboard()
    row.copy_text.click()
    assert clipboard.text() == TEXT
    row.copy_image.click()
    image = clipboard.image()
    assert (image.width(), image.height()) == (1080, 1080)  # the first photo, as rendered
    row.open_app.click()
    link = urlsplit(opened[-1])
    assert (link.scheme, link.netloc) == ("https", "wa.me") and parse_qs(link.query)["text"] == [TEXT]

    # no name: nothing is recorded, the field asks for one
    row.sent_by.clear()
    row.sent.click()
    assert not row.confirming and not journal_rows(shell, w.model.post.id)
    assert "Type your name" in row.status.text()

    row.sent_by.setText("  Sri   Wahyuni ")
    row.sent.click()
    row.sent.click()  # a second press while it is recorded changes nothing
    qtbot.waitUntil(lambda: dialog.outcomes.get("grup-wa") is not None, timeout=10_000)
    assert "Sent by hand by Sri Wahyuni" in row.status.text()
    assert not row.sent.isVisible()
    assert dialog.progress_heading.text() == "Published everywhere."
    rows = journal_rows(shell, w.model.post.id)
    assert len(rows) == 1 and str(rows[0].state) == "manual"
    assert rows[0].checkpoint["manual_by"] == "Sri Wahyuni"
    assert shell.settings.manual_sender == "Sri Wahyuni"  # offered next time

    # confirming again (another officer, same post) keeps the one record and its sender
    dialog.confirm_manual("grup-wa", "Budi")
    qtbot.waitUntil(lambda: dialog.confirm_task.is_done, timeout=10_000)
    rows = journal_rows(shell, w.model.post.id)
    assert len(rows) == 1 and rows[0].checkpoint["manual_by"] == "Sri Wahyuni"
    assert "Sent by hand by Sri Wahyuni" in row.status.text()
    dialog.close_button.click()

    w.tabs.setCurrentIndex(2)  # the history lists it as sent by hand
    qtbot.waitUntil(lambda: w.history is not None and w.history.tree.topLevelItemCount() == 1,
                    timeout=5000)
    child = w.history.tree.topLevelItem(0).child(0)
    assert (child.text(0), child.text(1)) == ("grup-wa", "posted by hand")
    assert child.text(2) == "Sent by hand by Sri Wahyuni"
    assert w.history.tree.topLevelItem(0).text(1) == "1 of 1 published"

    # the next publish offers the name last typed here, and this post shows as already sent
    w.publishing.publish()
    again = w.publishing.publish_dialog
    assert again is not dialog and again.rows["grup-wa"].sent_by.text() == "Budi"
    again.publish_button.click()
    qtbot.waitUntil(lambda: again.task.is_done, timeout=20_000)
    row = again.rows["grup-wa"]
    assert "Sent by hand by Sri Wahyuni" in row.status.text() and not row.sent.isVisible()
    assert again.progress_heading.text() == "Published everywhere."
    assert len(journal_rows(shell, w.model.post.id)) == 1
    again.close_button.click()
    wait_idle(qtbot, shell)


def test_whatsapp_desktop_link_when_installed_and_too_long_text_is_unticked_with_why(qtbot, shell, opened,
                                                                         monkeypatch):
    monkeypatch.setattr(manual_row, "app_link_handled", lambda scheme="whatsapp": True)
    w = with_whatsapp(qtbot, shell)
    type_unicode(w.editor.text_edit, "Rapat koordinasi")
    dialog = publish(qtbot, w)
    row = dialog.rows["grup-wa"]
    assert not row.copy_image.isVisible()  # no image in this post
    row.open_app.click()
    assert opened[-1].startswith("whatsapp://send?text=")
    dialog.close_button.click()

    w.editor.text_edit.selectAll()
    type_unicode(w.editor.text_edit, "kata " * 900)  # past WhatsApp's 4096
    w.publishing.publish()
    qtbot.waitUntil(lambda: w.publishing.publish_dialog is not None
                    and w.publishing.publish_dialog.isVisible(), timeout=3000)
    dialog = w.publishing.publish_dialog
    plan_row = dialog.plan_rows["grup-wa"]  # the rule book blocks it: unticked, saying why
    assert not plan_row.tick.isChecked() and not plan_row.tick.isEnabled()
    assert "too long" in plan_row.reasons.text()
    assert not dialog.publish_button.isEnabled()
    assert dialog.publish_button.text().replace("&", "") == "Publish to 0 channels"
    dialog.publish_button.click()
    assert dialog.task is None and not journal_rows(shell, w.model.post.id)
    dialog.cancel_button.click()
    wait_idle(qtbot, shell)


def test_the_desktop_link_follows_the_registered_handler(monkeypatch, tmp_path):
    """On Linux the answer is xdg-mime's: a handler for x-scheme-handler/whatsapp, or none."""
    monkeypatch.setattr(manual_row.sys, "platform", "linux")
    xdg = tmp_path / "xdg-mime"
    xdg.write_text('#!/bin/sh\n[ "$3" = x-scheme-handler/whatsapp ] && echo "$ANSWER"\nexit 0\n')
    xdg.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    monkeypatch.setenv("ANSWER", "whatsapp-desktop.desktop")
    assert manual_row.app_link_handled() is True
    monkeypatch.setenv("ANSWER", "")
    assert manual_row.app_link_handled() is False
    monkeypatch.setattr(manual_row.shutil, "which", lambda name: None)
    assert manual_row.app_link_handled() is False  # cannot tell: the wa.me link
