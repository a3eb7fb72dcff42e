"""`siaran history`: what was published where, with links, and what failed and why."""

from __future__ import annotations

import json

from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("--post", metavar="ID", help=_("only this post"))
    parser.add_argument("--account", metavar="NAME", help=_("only this account"))
    parser.add_argument("--limit", type=int, default=50, help=_("at most this many rows"))
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))


def run(args) -> int:
    from composer.commands import services

    journal = services().journal
    if args.post:
        rows = [e for e in journal.entries(args.post) if not args.account or e.account == args.account]
    else:
        rows = journal.history(limit=args.limit, account=args.account)
    versions = {e.id: journal.versions(e.id) for e in rows}
    if args.json:
        print(json.dumps([{
            "post": e.post_id, "account": e.account, "platform": e.platform,
            "state": str(e.state), "url": e.url, "remote_id": e.remote_id, "reason": e.reason,
            "attempts": e.attempts, "created_at": e.created_at, "updated_at": e.updated_at,
            "sent_by": e.sent_by or None,
            "versions": [{"version": v.version, "action": v.action, "at": v.at, "url": v.url,
                          "remote_id": v.remote_id} for v in versions[e.id]],
        } for e in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("Nothing published yet"))
    for e in rows:
        when = e.updated_at[:16].replace("T", " ")
        if e.sent_by:
            detail = _("sent by hand by {name}", name=e.sent_by)
        elif e.state in ("posted", "deleted"):
            detail = e.url or e.remote_id or ""
        else:
            detail = e.reason or ""
        print(f"{when}  {e.post_id:<12} {e.account:<16} {_(str(e.state)):<14} {detail}")
        if len(versions[e.id]) > 1:  # corrected: every version, oldest first
            for v in versions[e.id]:
                print("    " + version_line(v))
    return 0


def version_line(v) -> str:
    """"v2 updated 2026-12-07 08:15  https://..." in the officer's language."""
    from composer.core.corrections import version_words

    when = v.at[:16].replace("T", " ")
    return f"{version_words(v.action, v.version, when)}  {v.url or v.remote_id or ''}"
