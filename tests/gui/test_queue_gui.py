"""The queue in the window: the schedule field (office zone shown next to it) in the publish
dialog, the Queue tab (Ctrl+4) as a list and a calendar with posts due within the hour marked,
moving a post (its time edited, or dragged to another day), opening it, and the app's own
scheduler sending a due post and the tray saying so when the window is not in front."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from shell_kit import running_shell, tick, type_unicode, wait_idle

from composer.core.office import ZONES
from composer.core.post import Post
from composer.gui.queue.schedule_field import ScheduleField, to_qt


@pytest.fixture
def shell(qtbot, in_memory_keyring, tmp_path):
    yield from running_shell(qtbot)


def with_archive(qtbot, shell, tmp_path):
    w = shell.window
    shell.services.accounts.add("arsip", "folder", {"path": str(tmp_path / "arsip")}, {})
    w.channels.reload()
    qtbot.waitUntil(lambda: "arsip" in w.channels.catalog, timeout=5000)
    tick(w.picker, "folder", False)
    tick(w.picker, "arsip")
    return w


def open_queue(qtbot, w):
    w.activateWindow()
    qtbot.keyClick(w.editor.text_edit, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.queue.panel is not None and w.queue.panel.task is not None
                    and w.queue.panel.task.is_done, timeout=5000)
    assert w.tabs.currentWidget() is w.queue_holder
    return w.queue.panel


def test_schedule_from_the_publish_dialog_in_the_office_zone(qtbot, shell, tmp_path):
    w = with_archive(qtbot, shell, tmp_path)
    type_unicode(w.editor.text_edit, "Rapat koordinasi penanganan banjir")
    w.activateWindow()
    qtbot.keyClick(w.editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.publishing.publish_dialog is not None
                    and w.publishing.publish_dialog.isVisible(), timeout=3000)
    dialog = w.publishing.publish_dialog
    field = dialog.schedule
    assert field.zone_label.text() == "WIB" and field.zone_label.isVisible()
    assert not field.scheduled and not field.edit.isEnabled()
    field.check.click()
    when = (datetime.now(UTC) + timedelta(days=1)).replace(second=0, microsecond=0)
    field.edit.setDateTime(to_qt(when, "WIB"))
    assert field.value() == when and field.value().utcoffset() == timedelta(hours=7)
    assert dialog.publish_button.text().replace("&", "") == "Schedule to 1 channel"
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=10_000)
    assert "Scheduled for" in dialog.rows["arsip"].status.text()
    assert "WIB" in dialog.rows["arsip"].status.text()
    (item,) = shell.services.queue.items()
    assert item.account == "arsip" and item.at == when and item.state == "scheduled"
    assert not (tmp_path / "arsip").exists()  # nothing sent yet
    dialog.close_button.click()
    wait_idle(qtbot, shell)


def test_queue_list_and_calendar_mark_soon_move_and_open(qtbot, shell, tmp_path):
    w = with_archive(qtbot, shell, tmp_path)
    queue = shell.services.queue
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    soon, later = Post(text="Apel pagi segera", title="Apel"), Post(text="Upacara", title="Upacara")
    queue.schedule(soon, ["arsip"], now + timedelta(minutes=40))
    queue.schedule(later, ["arsip"], now + timedelta(days=1, hours=2))
    panel = open_queue(qtbot, w)
    assert panel.tree.topLevelItemCount() == 2
    first, second = panel.tree.topLevelItem(0), panel.tree.topLevelItem(1)
    assert first.text(0).startswith("⏰") and "WIB" in first.text(0) and first.text(4) == "Apel"
    assert not second.text(0).startswith("⏰") and second.text(1) == "scheduled"
    assert panel.soon.text() == "1 post due within the hour (⏰)."
    assert second.text(3) == "Siaran"  # the folder cannot hold posts: Siaran sends it

    panel.mode_buttons["week"].click()
    local_day = (now + timedelta(minutes=40)).astimezone(ZONES["WIB"]).date()
    day_list = panel.calendar.days[local_day]
    assert any("Apel" in day_list.item(i).text() for i in range(day_list.count()))
    panel.mode_buttons["month"].click()
    assert len(panel.calendar.days) == 42

    # dragged to another day: the same hour, that day
    target = local_day + timedelta(days=3)
    panel.move_to_day((soon.id, "arsip"), target)
    qtbot.waitUntil(lambda: queue.item(soon.id, "arsip").at.astimezone(ZONES["WIB"]).date()
                    == target, timeout=5000)
    moved = queue.item(soon.id, "arsip").at.astimezone(ZONES["WIB"])
    assert moved.hour == (now + timedelta(minutes=40)).astimezone(ZONES["WIB"]).hour

    # opened in the editor from the list
    panel.set_mode("list")
    wait_idle(qtbot, shell)
    panel.open_post((later.id, "arsip"))
    qtbot.waitUntil(lambda: w.model.post.id == later.id, timeout=5000)
    assert w.editor.text_edit.toPlainText() == "Upacara"

    # unscheduled from the list
    panel._reselect((later.id, "arsip"))
    assert panel.remove_button.isEnabled()
    panel.remove_button.click()
    qtbot.waitUntil(lambda: [i.post_id for i in queue.items()] == [soon.id], timeout=5000)
    wait_idle(qtbot, shell)


def test_the_apps_scheduler_sends_a_due_post_and_the_tray_says_so(qtbot, shell, tmp_path):
    w = with_archive(qtbot, shell, tmp_path)
    queue = shell.services.queue
    post = Post(text="Pemberitahuan pemadaman air", title="Pemadaman air")
    when = datetime.now(UTC) + timedelta(minutes=5)
    queue.schedule(post, ["arsip"], when)
    queue.clock = lambda: when + timedelta(seconds=30)  # its time has come
    w.queue.in_front = lambda: False  # the officer is in another program
    # started once the window settled (the channels listed, the draft reopened)
    qtbot.waitUntil(lambda: shell.scheduler.running, timeout=5000)
    shell.scheduler.run_now()
    qtbot.waitUntil(lambda: queue.item(post.id, "arsip").state == "published", timeout=10_000)
    qtbot.waitUntil(lambda: bool(shell.tray.messages), timeout=5000)
    title, text = shell.tray.messages[-1]
    assert title == "Siaran: scheduled posts" and "arsip" in text and "Went out" in text
    assert any((tmp_path / "arsip").rglob("text.txt"))


def test_keep_in_tray_setting_keeps_the_app_when_the_window_closes(qtbot, shell):
    from PySide6.QtWidgets import QApplication

    action = shell.window.queue.actions["keep_in_tray"]
    assert not action.isChecked() and QApplication.instance().quitOnLastWindowClosed()
    action.trigger()
    assert shell.settings.keep_in_tray and not QApplication.instance().quitOnLastWindowClosed()
    assert [a.text().replace("&", "") for a in shell.tray.menu.actions()] == ["Open Siaran",
                                                                              "Quit"]
    action.trigger()
    assert QApplication.instance().quitOnLastWindowClosed()


class Drop:
    """What DayList.dropEvent reads of a drop: where the drag came from."""

    def __init__(self, source):
        self._source, self.accepted = source, False

    def source(self):
        return self._source

    def setDropAction(self, action) -> None:
        self.action = action

    def accept(self) -> None:
        self.accepted = True


def test_change_time_dialog_and_a_drop_on_another_day_move_the_post(qtbot, shell, tmp_path):
    w = with_archive(qtbot, shell, tmp_path)
    queue = shell.services.queue
    post = Post(text="Donor darah di aula kecamatan", title="Donor darah")
    start = (datetime.now(UTC) + timedelta(days=1)).replace(second=0, microsecond=0)
    queue.schedule(post, ["arsip"], start)
    panel = open_queue(qtbot, w)
    panel._reselect((post.id, "arsip"))
    assert panel.move_button.isEnabled()
    panel.move_button.click()
    dialog = panel.time_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    field = dialog.findChild(ScheduleField)
    assert field.zone_label.text() == "WIB" and not field.check.isVisible()
    later = start + timedelta(hours=5)
    field.edit.setDateTime(to_qt(later, "WIB"))
    dialog.accept()
    qtbot.waitUntil(lambda: queue.item(post.id, "arsip").at == later, timeout=5000)
    qtbot.waitUntil(lambda: "Moved to" in panel.status.text(), timeout=5000)

    panel.set_mode("week")
    wait_idle(qtbot, shell)
    day = later.astimezone(ZONES["WIB"]).date()
    if day not in panel.calendar.days:
        panel.calendar.step(+1)
    source = panel.calendar.days[day]
    source.setCurrentRow(0)
    target_day = next(d for d in panel.calendar.days if d != day)
    drop = Drop(source)
    panel.calendar.days[target_day].dropEvent(drop)
    assert drop.accepted
    qtbot.waitUntil(lambda: queue.item(post.id, "arsip").at.astimezone(ZONES["WIB"]).date()
                    == target_day, timeout=5000)
    assert queue.item(post.id, "arsip").at.astimezone(ZONES["WIB"]).time() == \
        later.astimezone(ZONES["WIB"]).time()
    wait_idle(qtbot, shell)


def test_a_publish_that_ends_while_the_window_is_behind_is_told_by_the_tray(qtbot, shell):
    w = shell.window
    type_unicode(w.editor.text_edit, "Pengumuman libur nasional")
    w.queue.in_front = lambda: False
    w.publishing.publish()
    qtbot.waitUntil(lambda: w.publishing.publish_dialog is not None
                    and w.publishing.publish_dialog.isVisible(), timeout=3000)
    dialog = w.publishing.publish_dialog
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=20_000)
    qtbot.waitUntil(lambda: bool(shell.tray.messages), timeout=5000)
    title, text = shell.tray.messages[-1]
    assert title == "Siaran: publishing finished" and "Went out: folder" in text
    dialog.close_button.click()
    wait_idle(qtbot, shell)


def test_kept_in_the_tray_closing_hides_the_window_and_open_brings_it_back(qtbot, shell):
    w = shell.window
    w.queue.actions["keep_in_tray"].trigger()
    type_unicode(w.editor.text_edit, "Tetap berjalan")
    w.close()
    assert not w.isVisible()
    # the app and its scheduler stay (it starts once start-up settled, window shown or not)
    qtbot.waitUntil(lambda: shell.scheduler.running, timeout=5000)
    assert shell.services.store.latest_draft().text == "Tetap berjalan"  # saved on the way
    shell.tray.open_action.trigger()
    qtbot.waitUntil(w.isVisible, timeout=3000)
    assert w.editor.text_edit.toPlainText() == "Tetap berjalan"
    w.queue.actions["keep_in_tray"].trigger()  # the next test's shell quits as usual
    wait_idle(qtbot, shell)


def test_sensitive_days_are_marked_in_the_queue_and_told_where_the_time_is_chosen(
        qtbot, shell, tmp_path):
    """The governance calendar shows where times are chosen: the Queue marks a post on a
    sensitive day (list row and calendar day), and the schedule field of the publish dialog
    tells the day's note; a hold day says that scheduling is refused, and why."""
    from composer.core.governance.dates import Calendar
    from composer.core.paths import app_paths

    w = with_archive(qtbot, shell, tmp_path)
    today = datetime.now(UTC).astimezone(ZONES["WIB"]).date()
    mourning, festival = today + timedelta(days=10), today + timedelta(days=12)
    config = app_paths().config
    calendar = Calendar.load(config)
    calendar.add(mourning.isoformat(), "Hari Berkabung Daerah", "hold")
    calendar.add(festival.isoformat(), "Festival Budaya Kota", "warn")
    calendar.save(config)

    at = datetime.combine(festival, datetime.min.time(), ZONES["WIB"]).replace(hour=9)
    shell.services.queue.schedule(Post(text="Pawai budaya", title="Pawai"), ["arsip"], at)
    panel = open_queue(qtbot, w)
    row = panel.tree.topLevelItem(0)
    assert row.text(0).startswith("⚠") and "Festival Budaya Kota" in row.toolTip(0)
    panel.mode_buttons["month"].click()
    panel.calendar.anchor = mourning
    panel.calendar._build()
    cell = panel.calendar.days[mourning].parentWidget()
    assert "Hari Berkabung Daerah" in cell.toolTip()
    assert any(label.text().endswith("⛔") for label in cell.findChildren(type(panel.soon)))
    quiet = next(d for d in panel.calendar.days if not calendar.on(d))  # no holiday either
    assert panel.calendar.days[quiet].parentWidget().toolTip() == ""

    # the publish dialog's schedule field
    w.tabs.setCurrentIndex(0)
    type_unicode(w.editor.text_edit, "Pengumuman layanan")
    w.activateWindow()
    qtbot.keyClick(w.editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.publishing.publish_dialog is not None
                    and w.publishing.publish_dialog.isVisible(), timeout=3000)
    field = w.publishing.publish_dialog.schedule
    assert field.note.isHidden()  # publishing now, nothing to say
    field.check.click()
    field.edit.setDateTime(to_qt(at.replace(day=mourning.day, month=mourning.month,
                                            year=mourning.year), "WIB"))
    assert field.note.isVisible()
    assert "refused" in field.note.text() and "Hari Berkabung Daerah" in field.note.text()
    field.edit.setDateTime(to_qt(at, "WIB"))
    assert "Festival Budaya Kota" in field.note.text() and "refused" not in field.note.text()
    field.edit.setDateTime(to_qt(at - timedelta(days=1), "WIB"))
    assert field.note.isHidden()
    w.publishing.publish_dialog.close_button.click()
    wait_idle(qtbot, shell)
