"""`siaran reschedule POST --at TIME [--for ACCOUNT]`: move a queued post (a missed or failed
one too) to another time; a post the platform holds moves on the platform."""

from __future__ import annotations

from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("post", metavar="POST", help=_("a post id or its post file"))
    parser.add_argument("--at", required=True, metavar="TIME",
                        help=_("when, in the office's zone: '2026-12-24 09:00 WIB'"))
    parser.add_argument("--for", dest="account", metavar="ACCOUNT",
                        help=_("only this account (default: every account)"))
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args) -> int:
    from composer.commands import publishing_services
    from composer.commands.queue import print_items
    from composer.commands.unpublish import post_id
    from composer.core.office import parse_local

    svc = publishing_services()
    zone = svc.office().zone
    items = svc.queue.reschedule(post_id(args.post), args.account, parse_local(args.at, zone))
    return print_items(items, args.json, zone)
