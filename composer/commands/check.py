"""`siaran check POST [--json]`: per-channel counts and problems of a post file.

Exit 0 when every channel takes the post, 1 when one does not, 2 for unusable input (a post
file that is missing or not valid TOML, an image that is not there, an unknown channel), always
with one line saying why. Channels are the post's ``channels`` (ids or account names); with
none named, every known channel is checked.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from composer.commands import services
from composer.core import post as post_model
from composer.core.i18n import UserError, _


def add_arguments(parser) -> None:
    parser.add_argument("post", metavar="POST", help=_("a post file (TOML)"))
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))


def _spec_for(name: str, registry, svc):
    """A channel id, else an account name (its platform's spec)."""
    if name in registry:
        return registry.get(name).spec
    account = _find_account(name, svc)
    if account is not None and account.platform in registry:
        return registry.get(account.platform).spec
    return registry.get(name).spec  # raises UnknownChannel: one line, exit 2


def _find_account(name: str, svc):
    try:
        return svc.find_account(name)
    except (UserError, OSError):  # no usable database: the name is then an unknown channel
        return None


def run(args) -> int:
    from composer.core.checks import check_channel

    post = post_model.load(args.post)
    for ref in post.media:
        if not Path(ref.path).is_file():
            raise UserError(_("Image not found: {path}", path=ref.path))
    svc = services()
    registry = svc.registry
    names = post.channels or [i for i in registry.ids() if i != "folder"]
    checks = [check_channel(post, name, _spec_for(name, registry, svc)) for name in names]
    ok = all(c.ok for c in checks)
    if args.json:
        print(json.dumps({"post": post.id, "ok": ok, "channels": [
            {"channel": c.channel, "platform": c.spec.id, "ok": c.ok,
             "length": c.count.length, "limit": c.count.limit, "unit": c.count.unit,
             "fits": c.count.fits, "overflow_at": c.count.overflow_at, "parts": c.parts,
             "problems": list(c.problems)} for c in checks]}, ensure_ascii=False, indent=2))
        return 0 if ok else 1
    for c in checks:
        limit = c.count.limit if c.count.limit is not None else "-"
        state = _("ok") if c.ok else _("NOT OK")
        thread = _(" (thread of {parts} posts)", parts=c.parts) if c.parts > 1 else ""
        print(f"{c.channel:<12} {state:<7} {c.count.length}/{limit} {c.count.unit}{thread}")
        for problem in c.problems:
            print(f"    - {problem}")
    sys.stdout.flush()
    return 0 if ok else 1
