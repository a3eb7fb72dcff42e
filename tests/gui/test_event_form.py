"""The Zoom event form: the officer fills title, start (in WITA here), link, passcode and which
announcements; the series lands as scheduled posts in the store, exactly as `siaran event
--drafts` makes it (one core service); a bad link is one line in the form and saves nothing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDateTime, Qt
from shell_kit import running_shell, type_unicode, wait_idle

from composer import cli


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


def test_event_form_schedules_the_series_like_the_cli(qtbot, shell, capsys):
    w = shell.window
    w.actions_by_name["event"].trigger()
    form = w.drafts.event_form
    qtbot.waitExposed(form)
    start = datetime.now(timezone(timedelta(hours=8))).replace(second=0, microsecond=0) \
        + timedelta(days=10)
    type_unicode(form.title, "Sosialisasi SPBE")
    form.start.setDateTime(QDateTime.fromString(start.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm"))
    form.zone.setCurrentText("WITA")
    type_unicode(form.link, "notaurl")
    form.create_button.click()
    qtbot.waitUntil(lambda: form.error.isVisible(), timeout=5000)
    assert "web address" in form.error.text()
    before = {d.id for d in shell.services.store.list_drafts(None)}
    assert form.create_button.isEnabled()

    form.link.clear()
    type_unicode(form.link, "https://us02web.zoom.us/j/81234567890")
    type_unicode(form.passcode, "spbe2026")
    form.reminders["starting-now"].setChecked(False)  # only two announcements
    item = form.channel_list.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    form.create_button.click()
    qtbot.waitUntil(lambda: len(form.series) == 2, timeout=5000)
    # the times are written the office's way (WIB unless the office says otherwise)
    assert form.result_label.isVisible() and "WIB" in form.result_label.text()
    made = [shell.services.store.load_draft(d.id)
            for d in shell.services.store.list_drafts(None) if d.id not in before]
    posts = sorted((p for p in made if p.fields.get("event")), key=lambda p: p.schedule)
    assert [p.fields["announcement"] for p in posts] == ["save-the-date", "day-before"]
    assert posts[1].schedule == start - timedelta(days=1)
    assert "spbe2026" in posts[0].text and "WITA" in posts[0].text
    assert posts[0].channels == [item.data(Qt.ItemDataRole.UserRole)]
    assert "2 announcements scheduled" in w.statusBar().currentMessage()

    # the CLI makes the same series from the same event
    assert cli.main(["event", "--title", "Sosialisasi SPBE", "--start",
                     start.strftime("%Y-%m-%d %H:%M") + " WITA", "--zoom",
                     "https://us02web.zoom.us/j/81234567890", "--passcode", "spbe2026",
                     "--reminders", "save-the-date,day-before", "--to", posts[0].channels[0],
                     "--drafts"]) == 0
    capsys.readouterr()
    cli_posts = [p for p in (shell.services.store.load_draft(d.id)
                             for d in shell.services.store.list_drafts(None)
                             if d.id not in before and d.id not in {p.id for p in posts})
                 if p.fields.get("event")]
    assert sorted((p.text, p.schedule) for p in cli_posts) == sorted(
        (p.text, p.schedule) for p in posts)
    form.reject()
    wait_idle(qtbot, shell)
