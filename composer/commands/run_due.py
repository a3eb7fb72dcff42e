"""`siaran run-due [--json]`: send the scheduled posts whose time has come, each exactly once,
even when the app or another run-due runs at the same moment. A post whose time passed more than
the office's tolerance ago (15 minutes unless set) is not sent: it waits as "missed". The agent
(`siaran agent install`) runs this every minute."""

from __future__ import annotations

import sys

from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args) -> int:
    from composer.commands import publishing_services
    from composer.core.queue import dumps

    sent = publishing_services().run_due()
    if args.json:
        print(dumps(sent))
    for item in ([] if args.json else sent):
        if item.state == "published":
            print(f"✓ {item.account:<16} {item.url or ''}  {item.title}")
        elif item.state == "missed":
            print(f"! {item.account:<16} " + _("missed: {title}", title=item.title))
        elif item.state == "scheduled":
            print(f"… {item.account:<16} " + _("will try again: {reason}", reason=item.reason))
        else:
            print(f"✗ {item.account:<16} {item.reason}", file=sys.stderr)
    return 1 if any(item.state == "failed" for item in sent) else 0
