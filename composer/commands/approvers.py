"""`siaran approvers add NAME --key KEY [--nip N --position P] | list | remove NAME`: the office's
list of approvers (docs/governance.md)."""

from __future__ import annotations

from composer.commands import services
from composer.core.i18n import _


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("add", help=_("add an approver"))
    p.add_argument("name", metavar="NAME")
    p.add_argument("--key", required=True, help=_("the approver's public key (ed25519:...)"))
    p.add_argument("--nip", default="")
    p.add_argument("--position", default="")
    sub.add_parser("list", help=_("list the approvers"))
    p = sub.add_parser("remove", help=_("remove an approver"))
    p.add_argument("name", metavar="NAME")


def run(args) -> int:
    approvals = services().approvals
    if args.action == "add":
        approvals.add_approver(args.name, args.key, args.nip, args.position)
        print(_("{name} can now approve posts", name=args.name))
    elif args.action == "remove":
        approvals.remove_approver(args.name)
        print(_("{name} is no longer an approver", name=args.name))
    else:
        settings = approvals.settings()
        if not settings.approvers:
            print(_("No approvers yet"))
        for a in settings.approvers:
            extra = " ".join(x for x in (a.position, f"NIP {a.nip}" if a.nip else "") if x)
            print(f"{a.name}\t{extra}\t{a.key}")
    return 0
