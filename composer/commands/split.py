"""`siaran split --platform ID [--numbering]`: the thread parts of stdin's text, one JSON line
each: ``{"part": i, "of": n, "text": "...", "length": N, "limit": L, "fits": true}``.

Stdin is the raw text (UTF-8); one trailing line break, as ``echo`` adds, is not part of it.
Without numbering the parts' texts joined together give back the input exactly.
"""

from __future__ import annotations

import json
import sys

from composer.commands import services
from composer.core.i18n import UserError, _


def add_arguments(parser) -> None:
    parser.add_argument("--platform", required=True, metavar="ID", help=_("channel id, e.g. x"))
    parser.add_argument("--numbering", action="store_true", help=_('add "1/3" to each part'))
    parser.add_argument("--limit", type=int, help=_("override the channel's limit"))


def run(args) -> int:
    from composer.core.text import count, split

    spec = services().registry.get(args.platform).spec
    try:
        text = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(_("The input is not UTF-8 text")) from None
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    parts = split(spec, text, numbering=args.numbering, limit=args.limit)
    lines = []
    for i, part in enumerate(parts, 1):
        counted = count(spec, part, limit=args.limit)
        lines.append(json.dumps({"part": i, "of": len(parts), "text": part,
                                 "length": counted.length, "limit": counted.limit,
                                 "fits": counted.fits}, ensure_ascii=False))
    sys.stdout.buffer.write(("\n".join(lines) + "\n").encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0
