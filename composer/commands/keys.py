"""`siaran keys create --name NAME`: an approver's Ed25519 key pair. The private key goes only
into this computer's keyring; the public key is printed as the last line, for the office's
approver list (`siaran approvers add NAME --key KEY`)."""

from __future__ import annotations

from composer.commands import services
from composer.core.i18n import _


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("create", help=_("create a signing key in this computer's keyring"))
    p.add_argument("--name", required=True, metavar="NAME", help=_("the approver's name as on the list"))


def run(args) -> int:
    public = services().approvals.create_key(args.name)
    print(_("Signing key for {name} kept in this computer's keyring. Public key:",
            name=args.name))
    print(public)
    return 0
