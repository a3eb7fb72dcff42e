"""`siaran drafts`: the drafts list of File ▸ Open from the terminal, on the same core service
(composer.core.drafts): drafts apart from published and archived posts, duplicate as new,
archive, restore, delete.

    siaran drafts [--shelf draft|published|archived] [--json]
    siaran drafts duplicate|archive|restore|delete ID
"""

from __future__ import annotations

import json

from composer.core.i18n import _

ACTIONS = ("list", "duplicate", "archive", "restore", "delete")


def add_arguments(parser) -> None:
    from composer.core.drafts import DRAFT, SHELVES

    parser.add_argument("action", nargs="?", default="list", choices=ACTIONS,
                        help=_("list (default), duplicate, archive, restore or delete"))
    parser.add_argument("id", nargs="?", metavar="ID", help=_("the post's id"))
    parser.add_argument("--shelf", choices=SHELVES, default=DRAFT,
                        help=_("which posts to list: draft, published or archived"))
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args) -> int:
    from composer.commands import services
    from composer.core.i18n import UserError
    from composer.core.office import format_datetime

    svc = services()
    drafts = svc.drafts
    if args.action == "list":
        rows = drafts.list(args.shelf)
        if args.json:
            print(json.dumps([{"id": d.id, "title": d.title, "status": d.status,
                               "updated_at": d.updated_at.isoformat()} for d in rows],
                             ensure_ascii=False, indent=2))
            return 0
        zone = svc.office().zone
        for d in rows:
            print(f"{d.id}  {format_datetime(d.updated_at, zone=zone)}  "
                  f"{d.title or _('(untitled)')}")
        if not rows:
            print(_("Nothing here"))
        return 0
    if not args.id:
        raise UserError(_("Name the post: siaran drafts {action} ID", action=args.action))
    if args.action == "duplicate":
        copy = drafts.duplicate(args.id)
        print(_("Duplicated as {id}", id=copy.id))
    elif args.action == "archive":
        drafts.archive(args.id)
        print(_("Archived {id}", id=args.id))
    elif args.action == "restore":
        drafts.restore(args.id)
        print(_("Restored {id}", id=args.id))
    else:
        drafts.delete(args.id)
        print(_("Deleted {id}", id=args.id))
    return 0
