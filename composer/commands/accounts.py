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
    sub.add_parser("renew", help=_("renew the sign-ins that end within a week"))


def option(name: str) -> str:
    return "--" + name.replace("_", "-")


def field_parser(spec, *, signing_in: bool = False) -> argparse.ArgumentParser:
    """Options for the spec's non-secret fields; ``signing_in`` leaves out what the browser
    sign-in fills (and --no-verify: a sign-in is the platform's own check)."""
    parser = argparse.ArgumentParser(prog=f"siaran accounts add {spec.id}", add_help=True)
    parser.add_argument("--name", required=True, help=_("a name for this account, used by --to"))
    if not signing_in:
        parser.add_argument("--no-verify", action="store_true",
                            help=_("save without asking the platform first whether it accepts "
                                   "these credentials"))
    for f in spec.credentials:
        if not f.secret and not (signing_in and f.by_sign_in):
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
    return {"add": _add, "list": _list, "remove": _remove, "renew": _renew}[args.action](args)


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
    # The platform is asked first: a wrong password is refused here and nothing is saved.
    account = svc.connections.add(opts.name, spec.id, settings, secrets,
                                  verify=not opts.no_verify)
    whose = f" — {account.display_name}" if account.display_name else ""
    print(_("Added {name} ({platform})", name=account.name, platform=spec.name) + whose)
    return 0


def _list(args) -> int:
    svc = services()
    rows = svc.list_accounts()
    statuses = svc.connections.statuses(rows)
    if args.json:
        print(json.dumps([{"name": a.name, "platform": a.platform, "settings": a.settings,
                           "practice": a.practice, "display_name": a.display_name,
                           "handle": a.handle, "avatar_url": a.avatar_url or None,
                           "expires_at": a.expires_at,
                           "sign_in": statuses[a.name].state.value}
                          for a in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("No accounts yet; add one with `siaran accounts add PLATFORM --name NAME ...`"))
    for a in rows:
        where = a.settings.get("url") or a.settings.get("service") or a.settings.get("instance") \
            or a.settings.get("chat_id") or ""
        mark = _(" (practice)") if a.practice else ""
        whose = f"  {a.display_name}" if a.display_name else ""
        print(f"{a.name:<16} {a.platform:<10} {where}{mark}{whose}")
        status = statuses[a.name]
        if status.message:
            print(f"{'':<16} {('! ' if status.warns else '') + status.message}")
    return 0


def _renew(args) -> int:
    results = services().connections.renew_due()
    for result in results:
        print(result.message, file=sys.stdout if result.renewed else sys.stderr)
    if not results:
        print(_("No sign-in needs renewing now"))
    return 0 if all(r.renewed for r in results) else 1


def _remove(args) -> int:
    services().accounts.remove(args.name)
    print(_("Removed {name} and its saved secrets", name=args.name))
    return 0
