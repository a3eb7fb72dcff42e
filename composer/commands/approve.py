"""`siaran approve PACKAGE --as NAME [--reject --comment TEXT] --out FILE`: the approver's
signed decision on a review package, written as a small file and printed as one line to paste
into a chat. The key comes from this computer's keyring; the drafter cannot approve."""

from __future__ import annotations

from pathlib import Path

from composer.commands import services
from composer.core.i18n import UserError, _


def add_arguments(parser) -> None:
    parser.add_argument("package", metavar="PACKAGE", type=Path, help=_("the review package"))
    parser.add_argument("--as", dest="name", metavar="NAME", required=True, help=_("the approver's name"))
    parser.add_argument("--reject", action="store_true", help=_("reject instead of approve"))
    parser.add_argument("--comment", default="", metavar="TEXT", help=_("a comment for the drafter"))
    parser.add_argument("--out", type=Path, metavar="FILE", required=True, help=_("the decision file"))


def run(args) -> int:
    if args.reject and not args.comment.strip():
        raise UserError(_("Say why with --comment when rejecting"))
    decision = services().approvals.decide(args.package, args.name, reject=args.reject,
                                           comment=args.comment)
    try:
        args.out.write_text(decision.to_json(), encoding="utf-8")
    except OSError as exc:
        raise UserError(_("Cannot write {file}: {reason}", file=args.out,
                          reason=exc.strerror)) from None
    print(_("Decision written to {file}; or paste this line:", file=args.out))
    print(decision.to_paste())
    return 0
