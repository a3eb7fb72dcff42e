"""The monthly report: `siaran report` writes what `siaran history --json` says for the month
(same rows, same values), as a real spreadsheet (date cells, links, widths) or CSV, headers in
the officer's language; rows outside the month (in the office's zone) stay out."""

from __future__ import annotations

import csv
import getpass
import json
from datetime import datetime

import pytest
from openpyxl import load_workbook

from composer import cli
from composer.core.adapters import OutgoingPost, PublishResult
from composer.core.journal import State
from composer.core.office import OfficeProfile
from composer.core.services import Services


def _publish(journal, post_id, account, platform, text, *, url=None, fail=None, at=None):
    entry = journal.begin(OutgoingPost(post_id, text, title="", idempotency_key=post_id + account),
                          account, platform)
    if fail:
        journal.record(entry.id, State.FAILED, reason=fail, error="Rejected")
    else:
        journal.posted(entry.id, PublishResult(f"r-{post_id}", url))
    if at:  # the row happened at this UTC moment (first version and last change)
        journal.store.execute("UPDATE journal SET updated_at=? WHERE id=?", (at, entry.id))
        journal.store.execute("UPDATE journal_versions SET at=? WHERE journal_id=?", (at, entry.id))
    return entry


@pytest.fixture
def month_of_posts(siaran_home):
    svc = Services()
    OfficeProfile(name="Diskominfo Sleman", zone="WITA").save(svc.paths.config)
    j = svc.journal
    # 30 Nov 16:30 UTC is 1 Dec 00:30 WITA: December in the office's zone
    _publish(j, "p1", "portal", "wordpress", "Pengumuman banjir\nisi", url="https://x.test/1",
             at="2026-11-30T16:30:00.000+00:00")
    _publish(j, "p1", "kanwil", "bluesky", "Pengumuman banjir\nisi", url="https://b.test/1",
             at="2026-12-02T01:00:00.000+00:00")
    _publish(j, "p2", "kanwil", "bluesky", "Jadwal vaksinasi", fail="Text too long",
             at="2026-12-10T03:04:05.678+00:00")  # seconds and milliseconds, as journalled
    # 30 Nov 15:59 UTC is 23:59 WITA: still November, not in the report
    _publish(j, "p0", "portal", "wordpress", "Lama", url="https://x.test/0",
             at="2026-11-30T15:59:00.000+00:00")
    svc.close()
    return siaran_home


def _history_json(capsys, *args):
    assert cli.main(["history", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_report_xlsx_reads_back_equal_to_history_json(month_of_posts, tmp_path, capsys):
    out = tmp_path / "laporan.xlsx"
    assert cli.main(["report", "--month", "2026-12", "--out", str(out)]) == 0
    assert "3 rows" in capsys.readouterr().out
    history = _history_json(capsys, "--month", "2026-12")
    assert {(h["post"], h["account"]) for h in history} == {("p1", "portal"), ("p1", "kanwil"),
                                                            ("p2", "kanwil")}

    book = load_workbook(out)
    posts = book.worksheets[0]
    header = [c.value for c in posts[1]]
    assert header[0] == "Date and time (WITA)"
    rows = [[c.value for c in r] for r in posts.iter_rows(min_row=2)]
    assert len(rows) == len(history)
    by_key = {(r[8], r[3]): r for r in rows}
    for h in history:
        r = by_key[(h["post"], h["account"])]
        when = datetime.fromisoformat(h["when"])
        assert isinstance(r[0], datetime) and r[0] == when.replace(tzinfo=None)
        assert r[1:8] == [h["title"], h["channel"], h["account"], h["status"], h["link"] or None,
                          h["published_by"] or None, h["reason"]]
    # the times are the office's: the first row of the month is 1 December 00:30 WITA
    assert rows[0][0] == datetime(2026, 12, 1, 0, 30)
    assert rows[0][1] == "Pengumuman banjir" and rows[0][2] == "WordPress"
    link = posts.cell(2, 6)
    assert link.hyperlink.target == "https://x.test/1"
    assert posts.cell(2, 1).number_format == "yyyy-mm-dd hh:mm"
    assert posts.column_dimensions["B"].width >= len("Pengumuman banjir")
    # the failure says so, with its reason, and the summary counts it
    failed = by_key[("p2", "kanwil")]
    assert failed[4] == "failed" and failed[7] == "Text too long"
    assert failed[0] == datetime(2026, 12, 10, 11, 4, 5)  # WITA, to the second
    summary = [[c.value for c in r] for r in book.worksheets[1].iter_rows()]
    assert summary[0][0].startswith("Diskominfo Sleman") and "December 2026" in summary[0][0]
    table = {(r[0], r[1]): r[2:6] for r in summary[4:]}
    assert table[("Bluesky", "kanwil")] == [1, 1, 0, 2]
    assert table[("WordPress", "portal")] == [1, 0, 0, 1]
    assert table[("Total", None)] == [2, 1, 0, 3]
    # who published: the computer user who started it
    assert by_key[("p1", "portal")][6] == getpass.getuser()


def test_report_in_indonesian_and_as_csv(month_of_posts, tmp_path, capsys):
    out = tmp_path / "laporan.csv"
    assert cli.main(["--lang", "id", "report", "--month", "2026-12", "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["Tanggal dan jam (WITA)", "Judul", "Kanal"]
    assert rows[1][0] == "2026-12-01 00:30" and rows[1][4] == "terbit"
    assert len(rows) == 4
    xlsx = tmp_path / "laporan.xlsx"
    assert cli.main(["--lang", "id", "report", "--month", "2026-12", "--out", str(xlsx)]) == 0
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Unggahan", "Ringkasan"]
    assert "Desember 2026" in book.worksheets[1]["A1"].value


@pytest.mark.parametrize("args, message", [
    (["--month", "2026-13", "--out", "x.xlsx"], "is not a month"),
    (["--month", "2026-12", "--out", "x.pdf"], "as .xlsx or .csv"),
])
def test_bad_report_requests_are_one_line(month_of_posts, tmp_path, capsys, args, message,
                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["report", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("x.*"))


def test_history_filters(month_of_posts, capsys):
    assert [h["post"] for h in _history_json(capsys, "--status", "failed")] == ["p2"]
    assert {h["post"] for h in _history_json(capsys, "--channel", "wordpress")} == {"p1", "p0"}
    assert [h["account"] for h in _history_json(capsys, "--text", "BANJIR")] == ["kanwil",
                                                                                 "portal"]
    assert [h["post"] for h in _history_json(capsys, "--until", "2026-12-01")] == ["p0"]
    assert {h["post"] for h in _history_json(capsys, "--since", "2026-12-03")} == {"p2"}


def test_report_rows_say_who_approved_and_the_findings(siaran_home, in_memory_keyring, tmp_path,
                                                       capsys):
    """A post approved by Budi and published with the rule book's findings: its row names
    Budi and when he approved, and how many findings it went out with."""
    from composer.core import checks
    from composer.core.office import zone_of
    from composer.core.post import Post

    svc = Services()
    OfficeProfile(name="Diskominfo Sleman", zone="WIB").save(svc.paths.config)
    svc.accounts.add("arsip", "folder", {"path": str(tmp_path / "arsip")}, {})
    approvals = svc.approvals
    approvals.add_approver("Budi", approvals.create_key("Budi"))
    post = Post(text="Pelayanan KTP dibuka Senin; antrean daring via https://bit.ly/ktp",
                channels=["arsip"])
    package = tmp_path / "ktp.siaran-review"
    approvals.request(post, package, drafter="Ani")
    decision = approvals.decide(package, "Budi")
    approvals.import_decision(decision.to_json())
    expected = len(checks.check(post, "arsip", svc.registry.get("folder").spec).findings)
    (outcome,) = svc.engine.publish(post, ["arsip"])
    assert outcome.ok
    month = datetime.now(zone_of("WIB")).strftime("%Y-%m")
    svc.close()

    out = tmp_path / "laporan.xlsx"
    assert cli.main(["report", "--month", month, "--out", str(out)]) == 0
    posts = load_workbook(out).worksheets[0]
    header = [c.value for c in posts[1]]
    assert header[9:] == ["Approved by", "Approved at (WIB)", "Findings"]
    row = [c.value for c in posts[2]]
    assert row[9] == "Budi"
    approved_at = decision.moment.astimezone(zone_of("WIB")).replace(tzinfo=None, microsecond=0)
    assert row[10] == approved_at and row[10] <= row[0]
    assert expected > 0 and row[11] == expected
    csv_out = tmp_path / "laporan.csv"
    assert cli.main(["--lang", "id", "report", "--month", month, "--out", str(csv_out)]) == 0
    with csv_out.open(encoding="utf-8-sig", newline="") as f:
        head, line = list(csv.reader(f))[:2]
    assert head[9:] == ["Disetujui oleh", "Disetujui pada (WIB)", "Temuan pemeriksaan"]
    assert line[9] == "Budi" and line[11] == str(expected)


def test_summary_counts_the_weeks_with_four_posts(siaran_home, tmp_path, capsys):
    """Komisi Informasi's indicator: December 2026 has five weeks (Monday to Sunday, each in
    the month of its Thursday); the first begins on 30 November, whose post counts for it."""
    svc = Services()
    OfficeProfile(name="Diskominfo Sleman", zone="WIB").save(svc.paths.config)
    j = svc.journal
    days = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-06",  # week 1: four
            "2026-12-07", "2026-12-08", "2026-12-09",  # week 2: three
            "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31"]  # week 5: four
    for number, day in enumerate(days):
        _publish(j, f"w{number}", "kanwil", "bluesky", f"Info {number}",
                 url=f"https://b.test/{number}", at=f"{day}T03:00:00.000+00:00")
    _publish(j, "f1", "kanwil", "bluesky", "Gagal", fail="Rejected",
             at="2026-12-10T03:00:00.000+00:00")  # a failure is no post out
    _publish(j, "p1", "portal", "wordpress", "Portal", url="https://x.test/1",
             at="2026-12-15T03:00:00.000+00:00")
    svc.close()
    for lang, expected in (("en", ["2 of 5", "0 of 5"]), ("id", ["2 dari 5", "0 dari 5"])):
        out = tmp_path / f"laporan-{lang}.xlsx"
        assert cli.main(["--lang", lang, "report", "--month", "2026-12", "--out", str(out)]) == 0
        book = load_workbook(out)
        assert book.worksheets[0].max_row == 1 + 12  # 30 November stays out of the rows
        summary = [[c.value for c in r] for r in book.worksheets[1].iter_rows()]
        assert "4" in summary[3][6] and "Komisi Informasi" in summary[3][6]
        table = {(r[0], r[1]): r[6] for r in summary[4:-1]}
        assert [table[("Bluesky", "kanwil")], table[("WordPress", "portal")]] == expected
