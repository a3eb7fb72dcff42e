"""`siaran unschedule POST [--from ACCOUNT]`: take a post off the queue. A post the platform
holds is taken off the platform's own schedule too (WordPress keeps it as a draft)."""

from __future__ import annotations

from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("post", metavar="POST", help=_("a post id or its post file"))
    parser.add_argument("--from", dest="account", metavar="ACCOUNT",
                        help=_("only this account (default: every account)"))


def run(args) -> int:
    from composer.commands import publishing_services
    from composer.commands.unpublish import post_id

    for account in publishing_services().queue.unschedule(post_id(args.post), args.account):
        print(_("Taken off the schedule: {account}", account=account))
    return 0
