"""`siaran accounts add|list|remove`: the accounts Siaran publishes to.

``add`` takes the platform's own fields as options, derived from its spec, e.g.
``siaran accounts add wordpress --name portal --url http://127.0.0.1:8080 --user admin``.
Secret fields (passwords, tokens) are never options: they are read from standard input, one per
line in the spec's order, or asked for without echo when standard input is a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from composer.commands import services
from composer.core.accounts import AccountError
from composer.core.i18n import UserError, _


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = sub.add_parser("add", help=_("add an account (secrets from stdin or a prompt)"))
    add.add_argument("platform", metavar="PLATFORM", help=_("channel id, see `siaran platforms`"))
    add.add_argument("fields", nargs=argparse.REMAINDER, metavar="FIELDS",
                     help=_("--name NAME and the platform's fields, e.g. --url URL --user NAME"))
    listing = sub.add_parser("list", help=_("list the accounts"))
    listing.add_argument("--json", action="store_true", help=_("machine-readable output"))
    remove = sub.add_parser("remove", help=_("remove an account and its secrets"))
    remove.add_argument("name", metavar="NAME")


def option(name: str) -> str:
    return "--" + name.replace("_", "-")


def field_parser(spec) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"siaran accounts add {spec.id}", add_help=True)
    parser.add_argument("--name", required=True, help=_("a name for this account, used by --to"))
    parser.add_argument("--no-verify", action="store_true",
                        help=_("do not ask the platform whose account this is"))
    for f in spec.credentials:
        if not f.secret:
            parser.add_argument(option(f.name), dest=f.name, default=f.default,
                                help=_(f.label) + (f" ({_(f.help)})" if f.help else ""))
    return parser


def read_secrets(spec, stdin=None) -> dict[str, str]:
    """One line per secret field from stdin, or a no-echo prompt per field on a terminal."""
    stdin = stdin or sys.stdin
    fields = [f for f in spec.credentials if f.secret]
    values: dict[str, str] = {}
    interactive = stdin.isatty()
    for f in fields:
        if interactive:
            suffix = "" if f.required else _(" (optional, Enter to skip)")
            value = getpass.getpass(f"{_(f.label)}{suffix}: ")
        else:
            value = stdin.readline().rstrip("\r\n")
        if value:
            values[f.name] = value
        elif f.required:
            raise UserError(_("{label} is required (read from standard input)", label=_(f.label)))
    return values


def run(args) -> int:
    return {"add": _add, "list": _list, "remove": _remove}[args.action](args)


def _add(args) -> int:
    svc = services()
    spec = svc.registry.get(args.platform).spec
    parser = field_parser(spec)
    try:
        opts = parser.parse_args(args.fields)
    except SystemExit as exc:
        return 2 if exc.code not in (0, None) else 0
    settings = {f.name: getattr(opts, f.name) for f in spec.credentials
                if not f.secret and getattr(opts, f.name) not in (None, "")}
    missing = [option(f.name) for f in spec.credentials
               if not f.secret and f.required and f.name not in settings]
    if missing:
        raise AccountError(_("{platform} needs {options}", platform=spec.name,
                             options=", ".join(missing)))
    secrets = read_secrets(spec)
    account = svc.accounts.add(opts.name, spec.id, settings, secrets)
    if not opts.no_verify:
        check(svc, account.name)
    print(_("Added {name} ({platform})", name=account.name, platform=spec.name))
    return 0


def check(svc, name: str) -> None:
    """Ask the platform whose account this is: a wrong password is refused now, not at the
    first publish; an unreachable platform only earns a warning."""
    from composer.core.adapters import Capability
    from composer.core.publish import SignInRefused

    accounts = svc.accounts
    platform = svc.registry.get(accounts.get(name).platform)
    if platform.adapter is None or not platform.spec.can(Capability.VERIFY):
        return
    try:
        info = svc.engine.verify(name)
    except SignInRefused:
        accounts.remove(name)
        raise
    except UserError as exc:
        print(_("Warning: could not check the account now: {reason}", reason=exc),
              file=sys.stderr)
        return
    accounts.update_profile(name, display_name=info.display_name, handle=info.handle)


def _list(args) -> int:
    rows = services().accounts.list()
    if args.json:
        print(json.dumps([{"name": a.name, "platform": a.platform, "settings": a.settings,
                           "practice": a.practice, "display_name": a.display_name,
                           "handle": a.handle} for a in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("No accounts yet; add one with `siaran accounts add PLATFORM --name NAME ...`"))
    for a in rows:
        where = a.settings.get("url") or a.settings.get("service") or a.settings.get("instance") \
            or a.settings.get("chat_id") or ""
        mark = _(" (practice)") if a.practice else ""
        print(f"{a.name:<16} {a.platform:<10} {where}{mark}")
    return 0


def _remove(args) -> int:
    services().accounts.remove(args.name)
    print(_("Removed {name} and its saved secrets", name=args.name))
    return 0
