"""`siaran review POST --pdf SHEET --package FILE`: request approval. Writes the review package
(the post, what goes out per channel, its rendered images, the fingerprint) for the approver
and the sign-off sheet (a nota dinas with initials per level) to print or attach."""

from __future__ import annotations

from pathlib import Path

from composer.commands import services
from composer.core import post as post_model
from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("post", metavar="POST", help=_("a post file (TOML)"))
    parser.add_argument("--pdf", type=Path, required=True, metavar="SHEET",
                        help=_("where to write the sign-off sheet (PDF)"))
    parser.add_argument("--package", type=Path, required=True, metavar="FILE",
                        help=_("where to write the review package for the approver "
                                "(suggested: NAME.siaran-review, opens in Siaran like a document)"))
    parser.add_argument("--by", metavar="NAME", help=_("the drafter's name (default: this computer's officer)"))


def run(args) -> int:
    from composer.core.governance.sheet import write_sheet

    svc = services()
    post = post_model.load(args.post)
    office = svc.office()
    package = svc.approvals.request(post, args.package, drafter=args.by, office=office.name)
    write_sheet(package, args.pdf, svc.approvals.settings().approvers, office=office.name,
                zone=office.zone)
    print(_("Review package: {package}", package=args.package))
    print(_("Sign-off sheet: {sheet}", sheet=args.pdf))
    print(_("Fingerprint: {fingerprint}", fingerprint=package["fingerprint"]))
    return 0
