"""`siaran unpublish POST --from ACCOUNT`: delete a published post where the platform allows."""

from __future__ import annotations

from pathlib import Path

from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("post", metavar="POST", help=_("a post id or its post file"))
    parser.add_argument("--from", dest="account", required=True, metavar="ACCOUNT",
                        help=_("the account to delete it from"))


def post_id(ref: str) -> str:
    if Path(ref).suffix == ".toml" or Path(ref).is_file():
        from composer.core import post as post_model

        return post_model.load(ref).id
    return ref


def run(args) -> int:
    from composer.commands import publishing_services

    engine = publishing_services().engine
    outcome = engine.unpublish(post_id(args.post), args.account)
    print(_("Deleted from {account}", account=outcome.account))
    return 0
