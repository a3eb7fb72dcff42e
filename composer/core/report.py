"""The monthly report: what the office put out on each channel in one month, for the report a
government office sends upward every month.

One row per (post, channel account) with its date and time in the office's zone, title, channel
and account, status, link, who published it, who approved it and when (composer.core.governance
approvals) and how many findings the rule book had on it as it went out; a summary per channel
(published, failed, other) with the Komisi Informasi indicator "at least 4 posts a week" (the
weeks of the month that met it, out of all its weeks). Written as XLSX (openpyxl: real date cells, clickable links, sized columns) or CSV,
headers in the officer's language. The rows come from the same journal query as History and
`siaran history` (composer.core.journal.HistoryQuery), so the three never disagree.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from composer.core.i18n import UserError, _, current_language
from composer.core.journal import Entry, HistoryQuery, Journal, State
from composer.core.office import OfficeProfile, format_date, zone_of

PUBLISHED = frozenset({State.POSTED.value, State.MANUAL.value})
FAILED = frozenset({State.FAILED.value})
FORMATS = (".xlsx", ".csv")
# Komisi Informasi's monitoring of public bodies' channels: at least this many posts a week
WEEKLY_POSTS = 4


class ReportError(UserError):
    """A report that cannot be made or written as asked; one translated line."""


def status_label(state: str) -> str:
    """A row's status in the officer's language (the report, `siaran history`)."""
    labels = {
        "pending": _("waiting"), "media_uploaded": _("images uploaded"),
        "posted": _("published"), "failed": _("failed"),
        "unknown": _("unknown: check the channel"), "cancelled": _("cancelled"),
        "deleted": _("deleted"), "manual": _("posted by hand"),
    }
    return labels.get(state, state)


_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def month_range(month: str, zone: str | None = None) -> tuple[datetime, datetime]:
    """'2026-12' -> (1 December 2026 00:00, 1 January 2027 00:00) in the office's zone."""
    match = _MONTH.fullmatch(month.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ReportError(_("'{value}' is not a month, for example 2026-12", value=month))
    year, number = int(match.group(1)), int(match.group(2))
    tz = zone_of(zone)
    start = datetime(year, number, 1, tzinfo=tz)
    end = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=tz)
    return start, end


@dataclass(frozen=True)
class ReportRow:
    """One (post, channel account) line as the officer reads it."""

    when: datetime  # aware, in the office's zone
    title: str
    channel: str  # the platform's name ("WordPress")
    account: str
    status: str  # translated
    link: str
    published_by: str
    reason: str
    post_id: str
    state: str
    approved_by: str = ""  # the approvers, in order ("" none kept)
    approved_at: datetime | None = None  # the last approval, in the office's zone
    findings: int | None = None  # the rule book's findings as it went out (None: not known)

    def as_json(self) -> dict[str, Any]:
        """The fields `siaran history --json` adds for each row (the report's values)."""
        return {"when": self.when.isoformat(timespec="seconds"), "title": self.title,
                "channel": self.channel, "status": self.status, "link": self.link,
                "published_by": self.published_by}


# who approved what went out: (post id, account, platform, moment) -> the approvals by then
ApprovalsOf = Callable[[str, str, str, datetime], Sequence[Any]]


def report_row(entry: Entry, channel_name: Callable[[str], str], zone: str,
               approvals: ApprovalsOf | None = None) -> ReportRow:
    # to the second: the spreadsheet and `siaran history --json` hold the same moment
    when = datetime.fromisoformat(entry.when).astimezone(zone_of(zone)).replace(microsecond=0)
    given = list(approvals(entry.post_id, entry.account, entry.platform, when)) if approvals else []
    approvers = list(dict.fromkeys(d.approver for d in given))
    last = (max(d.moment for d in given).astimezone(zone_of(zone)).replace(microsecond=0)
            if given else None)
    return ReportRow(
        when=when, title=entry.title, channel=channel_name(entry.platform),
        account=entry.account, status=status_label(str(entry.state)), link=entry.url or "",
        published_by=entry.published_by, reason=entry.reason or "", post_id=entry.post_id,
        state=str(entry.state), approved_by=", ".join(approvers), approved_at=last,
        findings=entry.findings)


@dataclass(frozen=True)
class SummaryLine:
    channel: str
    account: str
    published: int
    failed: int
    other: int

    @property
    def total(self) -> int:
        return self.published + self.failed + self.other


@dataclass(frozen=True)
class WeeklyLine:
    """Komisi Informasi's indicator for one channel account: the month's weeks with at least
    WEEKLY_POSTS published posts, out of all its weeks."""

    channel: str
    account: str
    met: int
    weeks: int


def month_weeks(since: datetime, until: datetime) -> list[tuple[date, date]]:
    """The month's weeks, Monday to Sunday, each belonging to the month its Thursday falls in
    (as ISO 8601 weeks do), so every week is counted in exactly one month and whole."""
    first, end = since.date(), until.date()
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday < end:
        if first <= monday + timedelta(days=3) < end:
            weeks.append((monday, monday + timedelta(days=6)))
        monday += timedelta(days=7)
    return weeks


@dataclass(frozen=True)
class Report:
    office: OfficeProfile
    since: datetime
    until: datetime
    rows: tuple[ReportRow, ...]
    # the rows of the month's whole weeks (a week may start in the month before): the indicator
    week_rows: tuple[ReportRow, ...] = ()

    def weekly(self) -> list[WeeklyLine]:
        """Per channel account of the summary: weeks with at least WEEKLY_POSTS published."""
        weeks = month_weeks(self.since, self.until)
        lines = []
        for line in self.summary():
            met = 0
            for monday, sunday in weeks:
                count = sum(1 for r in self.week_rows or self.rows
                            if (r.channel, r.account) == (line.channel, line.account)
                            and r.state in PUBLISHED and monday <= r.when.date() <= sunday)
                met += count >= WEEKLY_POSTS
            lines.append(WeeklyLine(line.channel, line.account, met, len(weeks)))
        return lines

    @property
    def title(self) -> str:
        from babel.dates import format_date as babel_date

        name = self.office.name or "Siaran"
        month = babel_date(self.since.date(), "MMMM y", locale=current_language())
        return _("{office}: posts published in {month}", office=name, month=month)

    def summary(self) -> list[SummaryLine]:
        """Per channel account, in the order the channels first appear: published, failed,
        anything else (deleted, waiting, cancelled)."""
        counts: dict[tuple[str, str], list[int]] = {}
        for row in sorted(self.rows, key=lambda r: (r.channel, r.account)):
            slot = counts.setdefault((row.channel, row.account), [0, 0, 0])
            slot[0 if row.state in PUBLISHED else 1 if row.state in FAILED else 2] += 1
        return [SummaryLine(c, a, *n) for (c, a), n in counts.items()]


def build_report(journal: Journal, office: OfficeProfile, month: str,
                 channel_names: Mapping[str, str], approvals: ApprovalsOf | None = None) -> Report:
    """Every row of ``month`` (in the office's zone), oldest first. ``approvals``: who approved
    a row's post for its channel by its time (services.approvals.approvals_before)."""
    since, until = month_range(month, office.zone)
    weeks = month_weeks(since, until)
    tz = zone_of(office.zone)
    start = min([since, *(datetime.combine(m, datetime.min.time(), tz) for m, _s in weeks)])
    end = max([until, *(datetime.combine(s + timedelta(days=1), datetime.min.time(), tz)
                        for _m, s in weeks)])
    entries = journal.search(HistoryQuery(since=start, until=end, limit=None))
    around = [report_row(e, lambda p: channel_names.get(p, p), office.zone,
                         approvals if since <= datetime.fromisoformat(e.when) < until else None)
              for e in reversed(entries)]
    rows = [r for r in around if since <= r.when < until]
    return Report(office, since, until, tuple(rows), tuple(around))


# ---------------------------------------------------------------------------------------------
# Writing


def headers(zone: str) -> list[str]:
    return [_("Date and time ({zone})", zone=zone), _("Title"), _("Channel"), _("Account"),
            _("Status"), _("Link"), _("Published by"), _("Reason"), _("Post ID"),
            _("Approved by"), _("Approved at ({zone})", zone=zone), _("Findings")]


def _values(row: ReportRow) -> list[Any]:
    return [row.when, row.title, row.channel, row.account, row.status, row.link,
            row.published_by, row.reason, row.post_id, row.approved_by, row.approved_at,
            row.findings]


def save_report(report: Report, path: Path) -> Path:
    """Write ``report`` as XLSX or CSV, by the file's extension; never half a file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ReportError(_("Save the report as .xlsx or .csv, not '{name}'", name=path.name))
    temporary = path.with_name(path.name + ".tmp")
    try:
        if suffix == ".xlsx":
            _write_xlsx(report, temporary)
        else:
            _write_csv(report, temporary)
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ReportError(_("Cannot write the report to {path}: {error}", path=path,
                            error=exc.strerror or exc)) from None
    return path


def _write_csv(report: Report, path: Path) -> None:
    zone = report.office.zone
    # utf-8 with a BOM: Excel on Windows then reads Indonesian names right
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(headers(zone))
        for row in report.rows:
            values = _values(row)
            values[0] = row.when.strftime("%Y-%m-%d %H:%M")
            values[10] = row.approved_at.strftime("%Y-%m-%d %H:%M") if row.approved_at else ""
            values[11] = "" if row.findings is None else row.findings
            writer.writerow(values)


def _write_xlsx(report: Report, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one
    sheet.title = _("Posts")
    bold = Font(bold=True)
    sheet.append(headers(report.office.zone))
    for cell in sheet[1]:
        cell.font = bold
    for number, row in enumerate(report.rows, start=2):
        values = _values(row)
        values[0] = row.when.replace(tzinfo=None)  # Excel has no zones: the header names it
        values[10] = row.approved_at.replace(tzinfo=None) if row.approved_at else None
        sheet.append(values)
        sheet.cell(number, 1).number_format = "yyyy-mm-dd hh:mm"
        sheet.cell(number, 11).number_format = "yyyy-mm-dd hh:mm"
        if row.link:
            link = sheet.cell(number, 6)
            link.hyperlink = row.link
            link.style = "Hyperlink"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _size_columns(sheet, [headers(report.office.zone)]
                  + [["0000-00-00 00:00", *_values(r)[1:10], "0000-00-00 00:00", r.findings]
                     for r in report.rows])

    summary = book.create_sheet(_("Summary"))
    summary.append([report.title])
    summary["A1"].font = Font(bold=True, size=13)
    summary.append([_("Period"), _period(report)])
    summary.append([])
    heads = [_("Channel"), _("Account"), _("Published"), _("Failed"), _("Other"), _("Total"),
             _("Weeks with at least {count} posts (Komisi Informasi)", count=WEEKLY_POSTS)]
    summary.append(heads)
    for cell in summary[4]:
        cell.font = bold
    lines = report.summary()
    for line, weekly in zip(lines, report.weekly(), strict=True):
        summary.append([line.channel, line.account, line.published, line.failed, line.other,
                        line.total, _("{met} of {weeks}", met=weekly.met, weeks=weekly.weeks)])
    summary.append([_("Total"), "", sum(x.published for x in lines),
                    sum(x.failed for x in lines), sum(x.other for x in lines),
                    sum(x.total for x in lines)])
    for cell in summary[summary.max_row]:
        cell.font = bold
    _size_columns(summary, [heads[:6]] + [[x.channel, x.account, "000", "000", "000", "000"]
                                          for x in lines])
    summary.column_dimensions["G"].width = 30  # the indicator's long header wraps no figures
    book.save(path)


def _period(report: Report) -> str:
    from datetime import timedelta

    last = (report.until - timedelta(days=1)).date()
    return f"{format_date(report.since.date())} – {format_date(last)} ({report.office.zone})"


def _size_columns(sheet: Any, table: Iterable[list[Any]]) -> None:
    """Each column as wide as its longest value (within reason), so the report reads at once."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for values in table:
        for i, value in enumerate(values, start=1):
            widths[i] = max(widths.get(i, 0), len(str(value or "")))
    for i, width in widths.items():
        sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
