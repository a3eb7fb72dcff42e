"""The ``siaran`` command line: the same core services as the app, for scripts and the terminal.

Each sub-command lives in ``composer/commands/<name>.py`` with ``add_arguments(parser)`` and
``run(args) -> int``. Errors the user can act on are one translated line on stderr; nothing
ever ends in a traceback (unexpected ones go to the log file).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from composer import __version__
from composer.core.i18n import UserError, _

# name -> one-line help; the module composer.commands.<name> implements it.
COMMANDS = {
    "platforms": "list the channels found and those that failed to load",
    "new": "write a new post file to stdout",
    "render": "write every channel's images as they will be uploaded",
    "accounts": "add, list or remove the accounts Siaran publishes to",
    "publish": "publish a post to accounts, each exactly once",
    "history": "what was published where, with links and reasons",
    "report": "the monthly report of posts per channel (.xlsx or .csv)",
    "drafts": "list drafts apart from published posts; duplicate, archive, delete",
    "unpublish": "delete a published post where the platform allows",
    "schedule": "put a post in the queue for a time (the platform holds it, or Siaran sends it)",
    "queue": "the scheduled posts and their state (scheduled, due, missed, published, failed)",
    "reschedule": "move a scheduled post to another time",
    "unschedule": "take a post off the queue (and off the platform's own schedule)",
    "run-due": "send the scheduled posts that are due, each exactly once",
    "agent": "install the agent that runs run-due while the app is closed",
    "resume": "finish publishing what was interrupted",
    "practice": "start practice servers and practice accounts (until Ctrl+C)",
    "sign-in": "sign in to a channel in the browser and save the account",
    "event": "announce a Zoom event as scheduled posts (WIB, WITA, WIT)",
    "check": "per-channel counts and problems of a post file",
    "count": "measure JSON lines of text the way one channel does",
    "split": "split stdin's text into thread parts for one channel",
    "office": "show or change the office profile (name, logo, handle, time zone)",
}


def argparse_messages() -> None:
    """argparse's own words (usage, options, errors) through our catalogue (cli.id.json)."""
    argparse._ = _  # type: ignore[attr-defined]  # argparse looks its gettext ``_`` up per call


def language_in(argv: list[str]) -> str | None:
    """``--lang`` read before the parser is built, so --help and errors are in that language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_parser() -> argparse.ArgumentParser:
    argparse_messages()
    parser = argparse.ArgumentParser(prog="siaran", description=_("Write once, publish everywhere."))
    parser.add_argument("--version", action="version", version=f"siaran {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--lang", choices=["en", "id"], help=_("language of messages"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"composer.commands.{name.replace('-', '_')}")
        p = sub.add_parser(name, help=_(help_text), description=_(help_text))
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if language_in(argv) in ("en", "id"):
        from composer.core.i18n import set_language

        set_language(language_in(argv))
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed a usage line
        return 2 if exc.code not in (0, None) else 0
    if args.lang:
        from composer.core.i18n import set_language

        set_language(args.lang)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    log_file = _log_to_file()
    try:
        return int(args._run(args) or 0)
    except UserError as exc:
        print(f"siaran: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_("siaran: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last resort: one line for the user, the traceback for the log
        logging.getLogger("siaran").exception("unexpected error in %s", args.command)
        print(_("siaran: unexpected error ({error}); the details are in {log}",
                error=type(exc).__name__, log=log_file or _("the log")), file=sys.stderr)
        return 2


def _log_to_file():
    """Every command logs to the same file, so an unexpected error's traceback lands there and
    never on the terminal (logging's last-resort handler would print it to stderr)."""
    from composer.core.logs import setup_logging
    from composer.core.paths import app_paths

    try:
        return setup_logging(app_paths())
    except OSError:  # no log folder (read-only, full disk): still never print a traceback
        logging.getLogger().addHandler(logging.NullHandler())
        return None


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
