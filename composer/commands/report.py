"""`siaran report --month 2026-12 --out laporan.xlsx`: the month's posts per channel, with a
summary sheet, for the report an office sends upward every month (``.csv`` by extension)."""

from __future__ import annotations

from pathlib import Path

from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("--month", required=True, metavar="YYYY-MM",
                        help=_("the month, for example 2026-12 (in the office's time zone)"))
    parser.add_argument("--out", required=True, metavar="FILE",
                        help=_("where to write it: a .xlsx or .csv file"))


def run(args) -> int:
    from composer.commands import services
    from composer.core.report import build_report, save_report

    svc = services()
    report = build_report(svc.journal, svc.office(), args.month, svc.channel_names(),
                          svc.approvals.approvals_before)
    path = save_report(report, Path(args.out))
    print(_("{count} rows written to {path}", count=len(report.rows), path=path))
    return 0
