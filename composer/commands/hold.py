"""`siaran hold --reason TEXT`: the crisis hold. Nothing is published while it lasts (the gate
refuses, the local queue included) and every post handed to a platform's own scheduler is
taken off it, journalled so `siaran release` puts exactly those back at their times."""

from __future__ import annotations

import sys

from composer.commands import publishing_services
from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("--reason", required=True, metavar="TEXT", help=_("why (shown on the banner)"))


def run(args) -> int:
    svc = publishing_services()
    by = svc.approvals.identity()
    report = svc.holds.hold(svc.engine, args.reason, by)
    print(_("Crisis hold in force: {reason}", reason=args.reason))
    for line in report.done:
        print("  " + line)
    for line in report.problems:
        print("  " + line, file=sys.stderr)
    return 1 if report.problems else 0
