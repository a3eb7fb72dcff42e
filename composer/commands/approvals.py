"""`siaran approvals policy off|all|CHANNEL[,CHANNEL...]`, `siaran approvals import FILE`
(a decision file, or '-' for a pasted line on stdin), `siaran approvals status POST`."""

from __future__ import annotations

import sys
from pathlib import Path

from composer.commands import services
from composer.core import post as post_model
from composer.core.i18n import UserError, _


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("policy", help=_("who needs approval: off, all, or channels"))
    p.add_argument("value", metavar="off|all|CHANNEL[,CHANNEL...]")
    p.add_argument("--expiry-days", type=int, help=_("days an approval stays valid (7)"))
    p.add_argument("--levels", type=int,
                   help=_("approvals from different approvers a post needs (1)"))
    p = sub.add_parser("import", help=_("import an approver's decision (file, or - for stdin)"))
    p.add_argument("file", metavar="FILE")
    p = sub.add_parser("status", help=_("whether a post may be published"))
    p.add_argument("post", metavar="POST")


def run(args) -> int:
    approvals = services().approvals
    if args.action == "policy":
        settings = approvals.set_policy(args.value)
        if args.expiry_days is not None:
            if args.expiry_days < 1:
                raise UserError(_("An approval must stay valid at least one day"))
            settings.expiry_days = args.expiry_days
            approvals.save_settings(settings)
        if args.levels is not None:
            if not 1 <= args.levels <= max(1, len(settings.approvers)):
                raise UserError(_("Levels must be between 1 and the number of approvers"))
            settings.levels = args.levels
            approvals.save_settings(settings)
        shown = {"off": _("off"), "all": _("all channels")}.get(settings.policy,
                                                                ", ".join(settings.channels))
        print(_("Approval required: {policy}", policy=shown))
        return 0
    if args.action == "import":
        try:
            text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            raise UserError(_("Cannot read {file}", file=args.file)) from None
        decision = approvals.import_decision(text)
        if decision.decision == "approve":
            print(_("Approval by {approver} imported: {post} may be published",
                    approver=decision.approver, post=decision.post))
        else:
            print(_("{approver} rejected {post}: {comment}", approver=decision.approver,
                    post=decision.post, comment=decision.comment or "-"))
        return 0
    post = post_model.load(args.post)
    pairs = [(c, approvals.platform_of(c)) for c in post.channels]
    status = approvals.status(post, pairs)
    print(status.reason)
    return 0 if status.approved else 1
