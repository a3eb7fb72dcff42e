"""`siaran count --platform ID`: measure texts the way one channel does, one JSON line each.

Input: JSON lines ``{"text": "..."}`` on stdin (blank lines are skipped). Output, one line per
input line: ``{"length": N, "limit": L, "fits": true|false}``, plus ``graphemes``, ``bytes`` and
``facets`` (``byteStart``, ``byteEnd``, ``type`` link|mention|tag, ``value``) for Bluesky;
``--details`` adds ``unit``, ``overflow_at`` and ``problems``. A line that is not such a JSON
object gets ``{"error": "..."}`` in its place (so outputs stay aligned with inputs) and the
same message on stderr; the command then finishes the other lines and exits 2.
"""

from __future__ import annotations

import json
import sys

from composer.commands import services
from composer.core.adapters import Counting
from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("--platform", required=True, metavar="ID", help=_("channel id, e.g. x"))
    parser.add_argument("--limit", type=int, help=_("override the channel's limit"))
    parser.add_argument("--with-media", action="store_true",
                        help=_("count as a caption (Telegram, WhatsApp)"))
    parser.add_argument("--details", action="store_true",
                        help=_("add unit, overflow_at and problems"))


def _answer(spec, text: str, args) -> dict:
    from composer.core.text import count

    result = count(spec, text, with_media=args.with_media, limit=args.limit)
    out: dict[str, object] = {"length": result.length, "limit": result.limit, "fits": result.fits}
    if spec.counting == Counting.BLUESKY:
        out["graphemes"] = result.graphemes
        out["bytes"] = result.bytes
        out["facets"] = [{"byteStart": f.byte_start, "byteEnd": f.byte_end, "type": f.type,
                          "value": f.value} for f in result.facets]
    if args.details:
        out.update(unit=result.unit, overflow_at=result.overflow_at, problems=list(result.problems))
    return out


def _encode(answer: dict) -> bytes:
    try:
        return json.dumps(answer, ensure_ascii=False).encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # a lone surrogate (JSON allows "\ud800"): keep it escaped
        return json.dumps(answer).encode("ascii") + b"\n"


def run(args) -> int:
    spec = services().registry.get(args.platform).spec
    out = sys.stdout.buffer
    failed = False
    batch: list[bytes] = []
    for number, raw in enumerate(sys.stdin.buffer, 1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError
            answer = _answer(spec, item["text"], args)
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: [[[[...
            failed = True
            message = _('line {line}: not a JSON object with a "text" string', line=number)
            print(f"siaran: {message}", file=sys.stderr)
            answer = {"error": message}
        batch.append(_encode(answer))
        if len(batch) >= 256:
            out.write(b"".join(batch))
            batch.clear()
    out.write(b"".join(batch))
    out.flush()
    return 2 if failed else 0
