"""`siaran resume [POST]`: finish publishing what a crash, a cancel or a fault left unfinished.
Nothing that succeeded is sent again; anything sent without an answer is looked up first."""

from __future__ import annotations

from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("post", nargs="?", metavar="POST", help=_("only this post id or file"))
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args) -> int:
    from composer.commands.publish import engine_services, print_outcomes, run_cancellable
    from composer.commands.unpublish import post_id

    _store, _registry, _accounts, engine = engine_services()
    pid = post_id(args.post) if args.post else None
    outcomes = run_cancellable(lambda cancel: engine.resume(pid, cancel=cancel))
    if not outcomes:
        if not args.json:
            print(_("Nothing to resume"))
        else:
            print("[]")
        return 0
    return print_outcomes(outcomes, args.json)
