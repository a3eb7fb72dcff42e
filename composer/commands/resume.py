"""`siaran resume [POST]`: finish publishing what a crash, a cancel or a fault left unfinished.
Nothing that succeeded is sent again; anything sent without an answer is looked up first.

Where the platform cannot be asked (Telegram), the officer looks and tells Siaran:
``siaran resume POST --posted ACCOUNT [--url URL]`` or ``siaran resume POST --missing ACCOUNT``
(then resumes, and the post is sent).
"""

from __future__ import annotations

from composer.core.i18n import UserError, _


def add_arguments(parser) -> None:
    parser.add_argument("post", nargs="?", metavar="POST", help=_("only this post id or file"))
    parser.add_argument("--posted", metavar="ACCOUNT",
                        help=_("I found the post on this account: record it as published"))
    parser.add_argument("--url", help=_("its address, with --posted"))
    parser.add_argument("--missing", metavar="ACCOUNT",
                        help=_("I looked: the post is not on this account; send it on resume"))
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))


def run(args) -> int:
    from composer.commands import publishing_services
    from composer.commands.publish import print_outcomes, run_cancellable
    from composer.commands.unpublish import post_id

    engine = publishing_services().engine
    pid = post_id(args.post) if args.post else None
    if args.posted or args.missing:
        if not pid:
            raise UserError(_("--posted and --missing need the post"))
        outcome = engine.settle(pid, args.posted or args.missing, exists=bool(args.posted),
                                url=args.url)
        return print_outcomes([outcome], args.json) if args.posted else 0
    outcomes = run_cancellable(lambda cancel: engine.resume(pid, cancel=cancel))
    if not outcomes:
        print("[]" if args.json else _("Nothing to resume"))
        return 0
    return print_outcomes(outcomes, args.json)
