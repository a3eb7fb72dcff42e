"""`siaran sign-in PLATFORM --name NAME ...`: sign in to a channel in the browser (OAuth 2.0
with PKCE over a one-shot 127.0.0.1 redirect, composer/core/oauth.py) and save the account, its
tokens in the keyring only. For example::

    siaran sign-in mastodon --name kanwil --instance https://mastodon.social
    siaran sign-in x --name humas --client-id ABC123 --redirect-port 8765

The platform's non-secret fields are options, as for `siaran accounts add`; an X app registered
as confidential reads its client secret from standard input with ``--client-secret-stdin``.
"""

from __future__ import annotations

import argparse
import sys
import webbrowser

from composer.core.i18n import UserError, _


def add_arguments(parser) -> None:
    parser.add_argument("platform", metavar="PLATFORM", help=_("channel id with a browser sign-in (x, mastodon, facebook, instagram, threads, linkedin, youtube)"))
    parser.add_argument("fields", nargs=argparse.REMAINDER, metavar="FIELDS",
                        help=_("--name NAME and the platform's fields, e.g. --instance URL"))


def run(args, *, open_browser=None) -> int:
    from composer.commands import services
    from composer.commands.accounts import field_parser

    svc = services()
    registry = svc.registry
    platform = registry.get(args.platform)
    spec = platform.spec
    if not platform.connectable:
        raise UserError(_("{platform} has no browser sign-in; use `siaran accounts add`",
                          platform=spec.name))
    parser = field_parser(spec, signing_in=True)
    parser.prog = f"siaran sign-in {spec.id}"
    parser.add_argument("--client-secret-stdin", action="store_true",
                        help=_("read the app's client secret from standard input"))
    parser.add_argument("--timeout", type=float, default=300.0,
                        help=_("seconds to wait for the browser"))
    try:
        opts = parser.parse_args(args.fields)
    except SystemExit as exc:
        return 2 if exc.code not in (0, None) else 0
    settings = {f.name: getattr(opts, f.name) for f in spec.credentials
                if not f.secret and not f.by_sign_in and getattr(opts, f.name) not in (None, "")}
    given: dict[str, str] = {}
    if opts.client_secret_stdin:
        secret = sys.stdin.readline().strip()
        if secret:
            given["client_secret"] = secret

    def show(url: str) -> None:
        print(_("Open this address in a browser to sign in: {url}", url=url), file=sys.stderr)

    def say(line: str) -> None:
        print(line, file=sys.stderr)

    account = svc.connections.sign_in(
        opts.name, spec.id, settings, given, open_browser=open_browser or webbrowser.open,
        show_url=show, timeout=opts.timeout, choose=choose_from_menu, progress=say)
    print(_("Signed in; added {name} ({platform})", name=account.name, platform=spec.name))
    return 0


def choose_from_menu(choices: list, stdin=None, out=None):
    """The same list the window shows, as a numbered menu: the officer types a number."""
    from composer.core.oauth import SignInCancelled

    stdin, out = stdin or sys.stdin, out or sys.stderr
    print(_("Choose one:"), file=out)
    for number, choice in enumerate(choices, 1):
        detail = f" — {choice.detail}" if choice.detail else ""
        print(f"  {number}. {choice.label} ({choice.id}){detail}", file=out)
    for _attempt in range(3):
        print(_("Number (Enter to cancel): "), end="", file=out, flush=True)
        answer = stdin.readline().strip()
        if not answer:
            break
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1]
        print(_("Type a number from 1 to {last}", last=len(choices)), file=out)
    raise SignInCancelled(_("Sign-in cancelled"))
