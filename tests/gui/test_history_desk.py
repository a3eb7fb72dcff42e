"""History that serves the office, through the real Engine to the folder channel: search and
filters (text, status, days) narrow the list through the core's query; a channel's context menu
copies the link, unpublishes, and publishes a deleted post again as a new version (every version
kept); the monthly report is saved from History; File ▸ Open keeps drafts apart from published
and archived posts, with duplicate, archive, restore and delete."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from shell_kit import running_shell, type_unicode, wait_idle

from composer.core.adapters import OutgoingPost
from composer.core.journal import State

FLOOD = "Posko banjir dibuka di Balai Desa Sidomulyo"
VACCINE = "Jadwal vaksinasi anak Sabtu 08.00 WIB"


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


def publish_text(qtbot, w, text: str, previous=None) -> str:
    w.actions_by_name["new"].trigger()
    type_unicode(w.editor.text_edit, text)
    w.publishing.publish()
    qtbot.waitUntil(lambda: w.publishing.publish_dialog is not previous
                    and w.publishing.publish_dialog.isVisible(), timeout=3000)
    dialog = w.publishing.publish_dialog
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=20_000)
    assert dialog.outcomes["folder"].state == State.POSTED
    dialog.close_button.click()
    return w.model.post.id


def tops(tree) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def settle(qtbot, panel, expected: list[str]) -> None:
    qtbot.waitUntil(lambda: panel._task is not None and panel._task.is_done
                    and sorted(tops(panel.tree)) == sorted(expected), timeout=5000)


def test_history_filters_menu_and_report(qtbot, shell, tmp_path):
    w = shell.window
    flood = publish_text(qtbot, w, FLOOD)
    publish_text(qtbot, w, VACCINE, w.publishing.publish_dialog)
    # a post the portal refused, journalled as the engine does
    journal = shell.services.journal
    refused = journal.begin(OutgoingPost("p-refused", "Pengumuman CPNS", idempotency_key="k"),
                            "portal", "wordpress")
    journal.record(refused.id, State.FAILED, reason="Title too long", error="Rejected")

    w.actions_by_name["history"].trigger()  # Ctrl+3
    panel = w.history
    settle(qtbot, panel, [FLOOD, VACCINE, "Pengumuman CPNS"])

    type_unicode(panel.search, "VAKSIN")  # any case, after a short pause in typing
    settle(qtbot, panel, [VACCINE])
    panel.search.clear()
    panel.status.setCurrentIndex(panel.status.findData("failed"))
    settle(qtbot, panel, ["Pengumuman CPNS"])
    assert panel.tree.topLevelItem(0).child(0).text(2) == "Title too long"
    panel.status.setCurrentIndex(panel.status.findData("published"))
    settle(qtbot, panel, [FLOOD, VACCINE])
    panel.first_day.setDate(QDate(date.today() + timedelta(days=2)))
    settle(qtbot, panel, [])
    assert panel.empty.isVisible() and panel.empty.text() == "Nothing matches these filters."
    panel.clear_filters()
    settle(qtbot, panel, [FLOOD, VACCINE, "Pengumuman CPNS"])
    panel.channel.setCurrentIndex(panel.channel.findData("portal"))  # the account, listed
    settle(qtbot, panel, ["Pengumuman CPNS"])
    panel.clear_filters()
    settle(qtbot, panel, [FLOOD, VACCINE, "Pengumuman CPNS"])

    # the context menu of the flood post's folder row
    item = panel.tree.topLevelItem(tops(panel.tree).index(FLOOD)).child(0)
    row = item.data(0, 0x0100 + 1)
    menu = panel.menu_for(row)
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert actions["copyLinkAction"].isEnabled() and actions["updateAction"].isEnabled()
    assert not actions["publishAgainAction"].isEnabled()
    actions["copyLinkAction"].trigger()
    assert QGuiApplication.clipboard().text() == row.entry.url
    actions["unpublishAction"].trigger()
    qtbot.waitUntil(lambda: journal.get(flood, "folder").state == State.DELETED, timeout=10_000)
    settle(qtbot, panel, [FLOOD, VACCINE, "Pengumuman CPNS"])
    qtbot.waitUntil(lambda: panel.tree.topLevelItem(tops(panel.tree).index(FLOOD)).child(0)
                    .text(1) == "deleted", timeout=5000)

    # publish again: the post opens in the editor and goes out as a new version
    item = panel.tree.topLevelItem(tops(panel.tree).index(FLOOD)).child(0)
    menu = panel.menu_for(item.data(0, 0x0100 + 1))
    again = next(a for a in menu.actions() if a.objectName() == "publishAgainAction")
    assert again.isEnabled()
    previous = w.publishing.publish_dialog
    again.trigger()
    qtbot.waitUntil(lambda: w.publishing.publish_dialog is not previous
                    and w.publishing.publish_dialog.isVisible(), timeout=5000)
    dialog = w.publishing.publish_dialog
    assert w.model.post.id == flood and w.editor.text_edit.toPlainText() == FLOOD
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=20_000)
    assert dialog.outcomes["folder"].state == State.POSTED
    dialog.close_button.click()
    entry = journal.get(flood, "folder")
    assert entry.state == State.POSTED
    assert [v.action for v in journal.versions(entry.id)] == ["published", "deleted", "as_new"]
    qtbot.waitUntil(lambda: panel.tree.topLevelItem(tops(panel.tree).index(FLOOD)).child(0)
                    .childCount() == 3, timeout=5000)

    # Update…: the vaccine post opens with the publish dialog for that one channel, which asks
    # the engine (unchanged here: "already published", nothing sent)
    item = panel.tree.topLevelItem(tops(panel.tree).index(VACCINE)).child(0)
    menu = panel.menu_for(item.data(0, 0x0100 + 1))
    update = next(a for a in menu.actions() if a.objectName() == "updateAction")
    previous = w.publishing.publish_dialog
    update.trigger()
    qtbot.waitUntil(lambda: w.publishing.publish_dialog is not previous
                    and w.publishing.publish_dialog.isVisible(), timeout=5000)
    dialog = w.publishing.publish_dialog
    assert w.editor.text_edit.toPlainText() == VACCINE
    assert [p.channel.key for p in dialog.plans] == ["folder"]
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=20_000)
    assert dialog.outcomes["folder"].state == State.ALREADY
    dialog.close_button.click()

    # the monthly report from History, the core's as `siaran report`
    out = tmp_path / "laporan.xlsx"
    panel.ask_report()
    month = panel.report_dialog.month_text()
    assert month == date.today().strftime("%Y-%m")
    panel.report_dialog.save_to(str(out))
    qtbot.waitUntil(lambda: panel.last_report is not None, timeout=10_000)
    book = load_workbook(out)
    titles = sorted(r[1].value for r in book.worksheets[0].iter_rows(min_row=2))
    assert titles == sorted([FLOOD, VACCINE, "Pengumuman CPNS"])
    assert f"Report saved: 3 rows in {out}" == w.statusBar().currentMessage()
    wait_idle(qtbot, shell)


def test_drafts_list_keeps_drafts_apart_from_published(qtbot, shell):
    w = shell.window
    published = publish_text(qtbot, w, FLOOD)
    w.actions_by_name["new"].trigger()
    type_unicode(w.editor.text_edit, "Draf rapat koordinasi")
    draft = w.model.post.id
    w.actions_by_name["open"].trigger()  # Ctrl+O
    dialog = w.drafts.drafts_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)

    def listed():
        return [dialog.list.item(i).text().split("\n")[0] for i in range(dialog.list.count())]

    def shelf(index):
        dialog.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
        return listed()

    assert "Draf rapat koordinasi" in listed() and FLOOD not in listed()
    assert shelf(1) == [FLOOD]
    # a published post cannot be deleted (the history refers to it), only duplicated/archived
    assert not dialog.buttons["delete"].isEnabled() and dialog.buttons["duplicate"].isEnabled()
    dialog.buttons["duplicate"].click()
    qtbot.waitUntil(lambda: w.model.post.id not in (published, draft), timeout=5000)
    assert w.editor.text_edit.toPlainText() == FLOOD
    copy = w.model.post.id

    w.actions_by_name["open"].trigger()
    dialog = w.drafts.drafts_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    dialog.list.setCurrentRow(listed().index("Draf rapat koordinasi"))
    dialog.buttons["archive"].click()
    qtbot.waitUntil(lambda: dialog.loaded and "Draf rapat koordinasi" not in listed(),
                    timeout=5000)
    assert shelf(2) == ["Draf rapat koordinasi"]
    dialog.buttons["restore"].click()
    qtbot.waitUntil(lambda: dialog.loaded and listed() == [], timeout=5000)
    assert "Draf rapat koordinasi" in shelf(0)
    dialog.list.setCurrentRow(listed().index("Draf rapat koordinasi"))
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    try:
        dialog.buttons["delete"].click()
        qtbot.waitUntil(lambda: dialog.loaded and "Draf rapat koordinasi" not in listed(),
                        timeout=5000)
    finally:
        del QMessageBox.question
    assert draft not in [d.id for d in shell.services.store.list_drafts(None)]
    assert copy in [d.id for d in shell.services.store.list_drafts(None)]
    dialog.reject()
    wait_idle(qtbot, shell)
