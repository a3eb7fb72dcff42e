"""One module per ``siaran`` sub-command."""

from __future__ import annotations

import sys

from composer.core.services import Services


def _print_notice(notice: str) -> None:
    print(f"siaran: {notice}", file=sys.stderr)


def services() -> Services:
    """The core services, built from the one composition root like the app's. If a damaged
    database had to be moved aside, the user reads where it went (one line on stderr) as soon as
    the database opens, before anything else happens."""
    return Services(on_store_notice=_print_notice)


def publishing_services() -> Services:
    """Services for a command that sends something: its log records go to the log file too."""
    svc = services()
    svc.setup_logging()
    return svc
