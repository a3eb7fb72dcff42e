"""Zoom events: the announcement series, its WIB/WITA/WIT times (across a date boundary), and
`siaran event` writing post files that `siaran check` reads back."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from composer.core import events
from composer.core import post as post_model
from composer.core.events import EventError, ZoomEvent, announcements, parse_start, three_zones

ROOT = Path(__file__).resolve().parents[2]
WIB = timezone(timedelta(hours=7))
ZOOM = "https://us02web.zoom.us/j/81234567890?pwd=abc"
NOW = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def event(start="2026-12-03T09:00+07:00", **kw) -> ZoomEvent:
    values = dict(title="Sosialisasi SPBE", start=parse_start(start), zoom_url=ZOOM,
                  channels=("x", "mastodon"))
    values.update(kw)
    return ZoomEvent(**values)


def test_three_scheduled_posts_with_times_in_three_zones():
    series = announcements(event(meeting_id="812 3456 7890", passcode="siaran"), now=NOW)
    assert [a.kind for a in series] == ["save-the-date", "day-before", "starting-now"]
    assert [a.post.schedule for a in series] == [
        datetime(2026, 11, 26, 9, 0, tzinfo=WIB), datetime(2026, 12, 2, 9, 0, tzinfo=WIB),
        datetime(2026, 12, 3, 9, 0, tzinfo=WIB)]
    for a in series:
        text = a.post.text
        assert "Kamis, 3 Desember 2026 pukul 09.00 WIB / 10.00 WITA / 11.00 WIT" in text
        assert "Thursday, 3 December 2026, 09:00 WIB / 10:00 WITA / 11:00 WIT" in text
        assert ZOOM in text and "812 3456 7890" in text and "Kode sandi: siaran" in text
        assert a.post.channels == ["x", "mastodon"] and a.post.links == [ZOOM]
    assert series[0].post.text.startswith("📅 Catat tanggalnya: Sosialisasi SPBE")
    assert "⏰ Tomorrow: Sosialisasi SPBE" in series[1].post.text
    assert "🔴 Dimulai sekarang" in series[2].post.text


def test_a_date_boundary_gives_each_zone_its_own_date():
    start = parse_start("2026-12-03T23:30+07:00")
    assert three_zones(start, "id") == ("Kamis, 3 Desember 2026 pukul 23.30 WIB / "
                                        "Jumat, 4 Desember 2026 pukul 00.30 WITA / 01.30 WIT")
    assert three_zones(start, "en") == ("Thursday, 3 December 2026, 23:30 WIB / "
                                        "Friday, 4 December 2026, 00:30 WITA / 01:30 WIT")
    # An event set in WIT early in the morning: WIB and WITA are still on the day before.
    early = parse_start("2027-01-01 00:15 WIT")
    assert three_zones(early, "id") == ("Kamis, 31 Desember 2026 pukul 22.15 WIB / 23.15 WITA / "
                                        "Jumat, 1 Januari 2027 pukul 00.15 WIT")
    series = announcements(event("2026-12-03T23:30+07:00", language="id"), now=NOW)
    assert series[2].post.schedule == datetime(2026, 12, 3, 16, 30, tzinfo=UTC)
    assert "Jumat, 4 Desember 2026 pukul 00.30 WITA" in series[1].post.text
    assert "Thursday" not in series[1].post.text  # Indonesian only when asked


def test_start_parsing():
    assert parse_start("2026-12-03 09:00 WITA") == datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    assert parse_start("2026-12-03T09:00+07:00").utcoffset() == timedelta(hours=7)
    with pytest.raises(EventError, match="time zone"):
        parse_start("2026-12-03T09:00")
    with pytest.raises(EventError, match="not a date"):
        parse_start("besok pagi")
    with pytest.raises(EventError, match="not both"):
        parse_start("2026-12-03T09:00+07:00 WIB")


def test_a_near_event_sends_the_save_the_date_now_and_drops_a_past_day_before():
    now = datetime(2026, 12, 3, 0, 0, tzinfo=UTC)  # 07.00 WIB on the day itself
    series = announcements(event(), now=now)
    assert [(a.kind, a.post.schedule) for a in series] == [
        ("save-the-date", None), ("starting-now", datetime(2026, 12, 3, 9, 0, tzinfo=WIB))]
    with pytest.raises(EventError, match="already started"):
        announcements(event(), now=datetime(2026, 12, 3, 3, 0, tzinfo=UTC))


def test_bad_input_is_one_clear_line():
    with pytest.raises(EventError, match="Zoom link"):
        event(zoom_url="zoom.us/j/1")
    with pytest.raises(EventError, match="title"):
        event(title="  ")


def test_the_posts_survive_the_post_file_format(tmp_path):
    for a in announcements(event(passcode="123456"), now=NOW):
        path = tmp_path / f"{a.kind}.toml"
        post_model.save(a.post, path)
        back = post_model.load(path)
        assert (back.text, back.schedule, back.channels) == (a.post.text, a.post.schedule,
                                                              a.post.channels)


def test_cli_writes_three_post_files(tmp_path):
    start = (datetime.now(UTC) + timedelta(days=30)).astimezone(WIB).replace(
        hour=23, minute=30, second=0, microsecond=0)
    env = dict(os.environ, SIARAN_LANG="en", PYTHONPATH=str(ROOT),
               SIARAN_HOME=str(tmp_path / "home"))
    out = tmp_path / "pengumuman"
    result = subprocess.run(
        [sys.executable, "-m", "composer", "event", "--title", "Rapat Koordinasi",
         "--start", start.strftime("%Y-%m-%d %H:%M WIB"), "--zoom", ZOOM, "--to", "x,mastodon",
         "--out", str(out)], capture_output=True, env=env, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.toml"))
    assert [f.name for f in files] == ["rapat-koordinasi-1-save-the-date.toml",
                                       "rapat-koordinasi-2-day-before.toml",
                                       "rapat-koordinasi-3-starting-now.toml"]
    last = post_model.load(files[2])
    assert last.schedule == start and "WITA" in last.text
    bad = subprocess.run(
        [sys.executable, "-m", "composer", "event", "--title", "X", "--start", "2026-12-03 09:00",
         "--zoom", ZOOM, "--out", str(out)], capture_output=True, env=env, timeout=60, cwd=ROOT)
    assert bad.returncode == 2 and b"time zone" in bad.stderr and b"Traceback" not in bad.stderr
    assert len(bad.stderr.decode().strip().splitlines()) == 1


def test_series_kinds_are_the_documented_three():
    assert events.KINDS == ("save-the-date", "day-before", "starting-now")


def test_messages_come_in_indonesian(monkeypatch):
    from composer.core import i18n

    monkeypatch.setattr(i18n, "_language", "id")
    with pytest.raises(EventError, match="Waktu mulai perlu zona waktu"):
        parse_start("2026-12-03T09:00")
    with pytest.raises(EventError, match="Acara sudah dimulai"):
        announcements(event(), now=datetime(2027, 1, 1, tzinfo=UTC))


def test_cli_adds_drafts(tmp_path, monkeypatch, capsys):
    import argparse

    from composer.commands import event as event_command
    from composer.core.store import Store

    monkeypatch.setenv("SIARAN_HOME", str(tmp_path / "home"))
    start = (datetime.now(UTC) + timedelta(days=10)).astimezone(WIB).replace(second=0,
                                                                             microsecond=0)
    parser = argparse.ArgumentParser()
    event_command.add_arguments(parser)
    args = parser.parse_args(["--title", "Bimtek", "--start", start.isoformat(), "--zoom", ZOOM,
                              "--to", "x", "--drafts", "--language", "en"])
    assert event_command.run(args) == 0
    store = Store()
    try:
        drafts = [store.load_draft(d.id) for d in store.list_drafts()]
    finally:
        store.close()
    assert sorted(p.fields["announcement"] for p in drafts) == sorted(events.KINDS)
    assert all("WIB" in p.text and "Kamis" not in p.text for p in drafts)
    assert len(capsys.readouterr().out.splitlines()) == 3
