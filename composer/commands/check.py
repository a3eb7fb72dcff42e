"""`siaran check POST [--json]`: what the rule book (composer.core.checks) finds, per channel.

Each channel lists its counts and its findings (code, severity, message); ``ok`` means no
``block`` finding. Exit 0 when every channel is ok, 1 when any channel has a block, 2 for
unusable input (a post file that is missing or not valid TOML, an image that is not there, an
unknown channel), always with one line saying why. Channels are the post's ``channels`` (ids or
account names); with none named, every known channel is checked.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from composer.commands import services
from composer.core import post as post_model
from composer.core.adapters import Severity
from composer.core.checks import check
from composer.core.i18n import UserError, _
from composer.core.text.counting import unit_name


def add_arguments(parser) -> None:
    parser.add_argument("post", metavar="POST", help=_("a post file (TOML)"))
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))


def _channel(name: str, registry, svc):
    """(spec, the account's own text limit) for a channel id, else an account name."""
    if name in registry:
        return registry.get(name).spec, None
    account = _find_account(name, svc)
    if account is not None and account.platform in registry:
        return registry.get(account.platform).spec, _int(account.settings.get("text_limit"))
    return registry.get(name).spec, None  # raises UnknownChannel: one line, exit 2


def _int(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _find_account(name: str, svc):
    try:
        return svc.find_account(name)
    except (UserError, OSError):  # no usable database: the name is then an unknown channel
        return None


def _severity(severity: Severity) -> str:
    return {Severity.BLOCK: _("block"), Severity.WARN: _("warn"),
            Severity.INFO: _("info")}[severity]


def _media_notes(post) -> list[str]:
    """Every media file must be a regular file (one line otherwise: missing, a pipe, a device
    ...); a link is followed, and said, so the officer knows which file goes out."""
    from composer.core.safe_files import MissingFile, UnsafeFile, regular_file

    notes = []
    for n, ref in enumerate(post.media, 1):
        what = _("Image {n}", n=n) if ref.kind == "image" else _("Video {n}", n=n)
        try:
            real = regular_file(ref.path, what=what)
        except MissingFile:
            raise UserError(_("Image not found: {path}", path=ref.path)) from None
        except UnsafeFile as exc:
            raise UserError(str(exc)) from None
        if real != Path(ref.path).absolute():
            notes.append(_("{what} ({name}) is a link to {target}", what=what,
                           name=Path(ref.path).name, target=real))
    return notes


def _finding(f) -> dict:
    return {"code": f.code, "severity": f.severity.value, "message": f.message,
            "params": dict(f.params)}


def run(args) -> int:
    post = post_model.load(args.post)
    notes = _media_notes(post)
    svc = services()
    registry = svc.registry
    names = post.channels or [i for i in registry.ids() if i != "folder"]
    checked = []
    for name in names:
        spec, limit = _channel(name, registry, svc)
        checked.append(check(post, name, spec, limit=limit))
    ok = all(c.ok for c in checked)
    if args.json:
        print(json.dumps({"post": post.id, "ok": ok, "notes": notes, "channels": [
            {"channel": c.channel, "platform": c.spec.id, "ok": c.ok,
             "findings": [_finding(f) for f in c.findings],
             "length": c.count.length, "limit": c.count.limit, "unit": c.count.unit,
             "fits": c.shape.fits, "overflow_at": c.count.overflow_at, "parts": c.parts,
             "problems": [f.message for f in c.blocks]} for c in checked]},
            ensure_ascii=False, indent=2, default=str))
        return 0 if ok else 1
    for note in notes:
        print(_("note: {note}", note=note))
    for c in checked:
        limit = c.count.limit if c.count.limit is not None else "-"
        state = _("ok") if c.ok else _("NOT OK")
        thread = _(" (thread of {parts} posts)", parts=c.parts) if c.parts > 1 else ""
        print(f"{c.channel:<12} {state:<7} {c.count.length}/{limit} {unit_name(c.count.unit)}{thread}")
        for f in c.findings:
            if f.code != "text.thread":  # already on the channel's line
                print(f"    - {_severity(f.severity)}: {f.message} [{f.code}]")
    sys.stdout.flush()
    return 0 if ok else 1
