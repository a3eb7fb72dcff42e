"""`siaran audit verify` (exit 1 when an entry was changed, removed or reordered), `siaran
audit export --month YYYY-MM [--out FILE]` (CSV, times in the office's zone) and `siaran audit
recheck [--json]` (is every published post still on its platform; exit 1 when one is missing
or changed)."""

from __future__ import annotations

import re
from pathlib import Path

from composer.commands import services
from composer.core.i18n import UserError, _


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("verify", help=_("check that no entry was changed, removed or reordered"))
    p = sub.add_parser("export", help=_("one month's entries as CSV"))
    p.add_argument("--month", required=True, help=_("the month, e.g. 2026-12"))
    p.add_argument("--out", type=Path, help=_("the CSV file (default: standard output)"))
    p.add_argument("--pdf", type=Path, help=_("also write the month as a PDF"))
    p = sub.add_parser("recheck", help=_("ask each platform whether each published post is "
                                         "still there, unchanged"))
    p.add_argument("--json", action="store_true", help=_("one JSON object per post and channel"))


def run(args) -> int:
    svc = services()
    trail = svc.audit
    if args.action == "verify":
        problems = trail.verify()
        for problem in problems:
            print(_("audit trail: {reason}", reason=problem.reason))
        if problems:
            return 1
        print(_("The audit trail is whole ({count} entries)",
                count=sum(1 for _entry in trail.entries())))
        return 0
    if args.action == "recheck":
        return _recheck(svc, as_json=args.json)
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", args.month):
        raise UserError(_("'{month}' is not a month like 2026-12", month=args.month))
    office = svc.office()
    text = trail.csv(args.month, office.zone)
    if args.pdf is not None:
        from composer.core.governance.audit import write_pdf

        write_pdf(trail, args.month, args.pdf, office=office.name, zone=office.zone)
        if args.out is None:
            print(_("Audit trail of {month} written to {file}", month=args.month, file=args.pdf))
            return 0
    if args.out is None:
        print(text, end="")
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(_("Cannot write {file}: {reason}", file=args.out,
                          reason=exc.strerror)) from None
    print(_("Audit trail of {month} written to {file}", month=args.month, file=args.out))
    return 0


def _recheck(svc, *, as_json: bool) -> int:
    import json

    from composer.core.governance.recheck import recheck_published

    found = recheck_published(svc.engine, svc.journal, svc.audit)
    if as_json:
        print(json.dumps([r.as_json() for r in found], ensure_ascii=False, indent=2))
    else:
        for result in found:
            print(result.line)
        if not found:
            print(_("Nothing published yet: nothing to recheck"))
    return 1 if any(r.gone for r in found) else 0
