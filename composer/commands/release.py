"""`siaran release [--as NAME]`: end the crisis hold and put back on their schedules the posts
it took off. With approvals on, only an approver can release (proven by the key in this
computer's keyring)."""

from __future__ import annotations

import sys

from composer.commands import publishing_services
from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("--as", dest="name", metavar="NAME", help=_("the approver who releases"))


def run(args) -> int:
    svc = publishing_services()
    approvals = svc.approvals
    by = args.name or approvals.identity()
    if approvals.settings().policy != "off":
        by = approvals.prove_approver(by)
    report = svc.holds.release(svc.engine, by)
    print(_("The crisis hold is released"))
    for line in report.done:
        print("  " + line)
    for line in report.problems:
        print("  " + line, file=sys.stderr)
    return 1 if report.problems else 0
