"""`siaran calendar`: the sensitive dates (docs/governance.md). ``list [--year Y]`` shows
national holidays, cuti bersama and the office's entries with their severity (hold, warn,
hint) and *perkiraan* marks; ``add DATE --name N --severity S [--end DATE --region R
--estimate]`` adds the office's own (national mourning, masa tenang ...); ``confirm DATE``
drops the estimate mark once the decision is out; ``region NAME`` sets the office's province
(Nyepi holds Bali)."""

from __future__ import annotations

from datetime import date

from composer.commands import services
from composer.core.i18n import _


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("list", help=_("the sensitive dates of a year"))
    p.add_argument("--year", type=int, default=date.today().year)
    p = sub.add_parser("add", help=_("add one of the office's sensitive dates"))
    p.add_argument("date", metavar="DATE", help=_("the first day, e.g. 2026-08-17"))
    p.add_argument("--name", required=True, metavar="NAME")
    p.add_argument("--severity", required=True, choices=["hold", "warn", "hint"])
    p.add_argument("--end", default="", help=_("the last day, when it lasts several"))
    p.add_argument("--region", default="", help=_("only for this province"))
    p.add_argument("--estimate", action="store_true", help=_("not yet fixed by decision"))
    p = sub.add_parser("confirm", help=_("the estimated date is now decided"))
    p.add_argument("date", metavar="DATE")
    p = sub.add_parser("region", help=_("the office's province"))
    p.add_argument("name", metavar="NAME")


def run(args) -> int:
    from composer.core.governance.dates import Calendar
    from composer.core.office import format_date

    svc = services()
    config = svc.paths.config
    calendar = Calendar.load(config)
    if args.action == "list":
        marks = {"hold": _("hold"), "warn": _("warn"), "hint": _("hint")}
        for day in calendar.year(args.year):
            estimate = " " + _("(perkiraan)") if day.estimate else ""
            region = f" [{day.region}]" if day.region else ""
            print(f"{day.day.isoformat()}  {marks[day.severity]:6} {format_date(day.day)}: "
                  f"{day.name}{estimate}{region}")
        return 0
    if args.action == "add":
        calendar.add(args.date, args.name, args.severity, end=args.end, region=args.region,
                     estimate=args.estimate)
    elif args.action == "confirm":
        calendar.confirm(args.date)
    else:
        calendar.region = args.name.strip()
    calendar.save(config)
    svc.audit.record("calendar changed", change=args.action)
    print(_("Calendar saved"))
    return 0
