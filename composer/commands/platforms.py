"""`siaran platforms`: the channels found, their capabilities, and the plugins that failed."""

from __future__ import annotations

import json

from composer.commands import services
from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))


def run(args) -> int:
    reg = services().registry
    if args.json:
        print(json.dumps({
            "platforms": [
                {
                    "id": p.id,
                    "name": p.spec.name,
                    "text_limit": p.spec.text_limit,
                    "counting": str(p.spec.counting),
                    "capabilities": sorted(str(c) for c in p.spec.capabilities),
                    "credential_kind": p.spec.credential_kind,
                    "can_publish": p.adapter is not None,
                }
                for p in reg.platforms.values()
            ],
            "broken": [{"name": b.name, "target": b.target, "error": b.error} for b in reg.broken],
        }, ensure_ascii=False, indent=2))
        return 0
    for p in reg.platforms.values():
        caps = ", ".join(sorted(c.label for c in p.spec.capabilities))
        limit = p.spec.text_limit if p.spec.text_limit is not None else "-"
        print(f"{p.id:<10} {p.spec.name:<14} {_('limit')} {limit!s:<6} {caps}")
    for b in reg.broken:
        print(_("{name}: failed to load ({error})", name=b.name, error=b.error))
    return 0
