"""`siaran schedule POST --at "2026-12-24 09:00 WIB" [--to ACCOUNT,...]`: put a post in the queue.

Where the platform can hold the post until its time (WordPress, Facebook Page, Mastodon,
YouTube) it is handed over at once; everywhere else Siaran sends it itself at its time (the app
while it is open, `siaran run-due` from the agent otherwise: `siaran agent install`).
Scheduling a post that is in the queue already moves it to the new time.
"""

from __future__ import annotations

from composer.core.i18n import UserError, _


def add_arguments(parser) -> None:
    parser.add_argument("post", metavar="POST", help=_("a post file (.toml) or a draft id"))
    parser.add_argument("--at", required=True, metavar="TIME",
                        help=_("when, in the office's zone: '2026-12-24 09:00 WIB'"))
    parser.add_argument("--to", default="", metavar="ACCOUNT[,ACCOUNT...]",
                        help=_("account names or channel ids (default: the post's channels)"))
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args) -> int:
    from composer.commands import publishing_services
    from composer.commands.publish import load_post, resolve_targets
    from composer.commands.queue import print_items
    from composer.core.office import parse_local

    svc = publishing_services()
    office = svc.office()
    when = parse_local(args.at, office.zone)
    post = load_post(args.post, svc.store)
    names = [n.strip() for n in (args.to or ",".join(post.channels)).split(",") if n.strip()]
    if not names:
        raise UserError(_("Say where to publish: --to ACCOUNT[,ACCOUNT...]"))
    targets = resolve_targets(names, svc.registry, svc.accounts, None)
    accounts = [t if isinstance(t, str) else t.account for t in targets]
    items = svc.queue.schedule(post, accounts, when)
    return print_items(items, args.json, office.zone)
