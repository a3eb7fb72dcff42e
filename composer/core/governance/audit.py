"""The audit trail: an append-only record of every governance-relevant action (drafted, checks
run, approval requested/granted/rejected/imported, published where with ids, updated,
unpublished, hold, release), kept as a hash chain.

Each entry (one JSON line in ``<data>/audit.jsonl``) carries its number, the previous entry's
hash and its own hash over both and its content; a separate head file keeps the last number and
hash. :meth:`AuditTrail.verify` therefore detects an edited entry (its hash), a deleted or
reordered one (the chain of previous hashes and numbers) and a removed tail (the head).
"""

from __future__ import annotations

import csv
import getpass
import hashlib
import io
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from composer.core.i18n import UserError, _

GENESIS = "0" * 64


def _hash(previous: str, body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((previous + canonical).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Problem:
    line: int
    reason: str


class AuditTrail:
    def __init__(self, path: Path, actor: str | None = None):
        self.path = Path(path)
        self.head = self.path.with_suffix(".head")
        self.actor = actor
        self._lock = threading.Lock()

    def record(self, action: str, /, **details: Any) -> dict[str, Any]:
        """Append one entry; returns it (with its hash)."""
        from filelock import FileLock

        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, FileLock(str(self.path) + ".lock"):
            seq, previous = self._tail()
            body = {"seq": seq + 1, "at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "action": action, "actor": self.actor or _login(),
                    "details": json.loads(json.dumps(details, default=str))}
            entry = {**body, "prev": previous, "hash": _hash(previous, body)}
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            temporary = self.head.with_suffix(".head.tmp")
            temporary.write_text(json.dumps({"seq": entry["seq"], "hash": entry["hash"]}),
                                 encoding="utf-8")
            os.replace(temporary, self.head)
        return entry

    def _tail(self) -> tuple[int, str]:
        """The last entry's number and hash, from the head file; an entry written just before
        a crash, whose head was not yet updated, is taken when it follows the head exactly."""
        try:
            data = json.loads(self.head.read_text(encoding="utf-8"))
            seq, last = int(data["seq"]), str(data["hash"])
        except FileNotFoundError:
            seq, last = 0, GENESIS
        except (OSError, ValueError, KeyError, TypeError):
            raise UserError(_("The audit trail's head file is damaged: run siaran audit "
                              "verify")) from None
        newest = self._last_line()
        if newest is not None and newest.get("seq") == seq + 1 and newest.get("prev") == last:
            body = {k: newest.get(k) for k in ("seq", "at", "action", "actor", "details")}
            if newest.get("hash") == _hash(last, body):
                return seq + 1, str(newest["hash"])
        return seq, last

    def _last_line(self) -> dict[str, Any] | None:
        try:
            with open(self.path, "rb") as handle:
                handle.seek(0, os.SEEK_END)
                handle.seek(max(0, handle.tell() - 65536))
                lines = handle.read().splitlines()
        except FileNotFoundError:
            return None
        for line in reversed(lines):
            if line.strip():
                try:
                    found = json.loads(line)
                except ValueError:
                    return None
                return found if isinstance(found, dict) else None
        return None

    def entries(self) -> Iterator[dict[str, Any]]:
        try:
            with open(self.path, encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        try:
                            yield json.loads(line)
                        except ValueError:
                            yield {"broken": line}
        except FileNotFoundError:
            return

    def verify(self) -> list[Problem]:
        """Every break in the chain; empty when the trail is whole."""
        problems: list[Problem] = []
        previous, expected = GENESIS, 1
        count = 0
        for n, entry in enumerate(self.entries(), 1):
            count = n
            if "broken" in entry:
                problems.append(Problem(n, _("entry {n} is not readable", n=n)))
                continue
            body = {k: entry.get(k) for k in ("seq", "at", "action", "actor", "details")}
            if entry.get("hash") != _hash(str(entry.get("prev")), body):
                problems.append(Problem(n, _("entry {n} was changed", n=n)))
            if entry.get("seq") != expected:
                if isinstance(entry.get("seq"), int) and entry["seq"] > expected:
                    problems.append(Problem(n, _("entries before entry {n} were removed",
                                                 n=n)))
                else:
                    problems.append(Problem(n, _("entry {n} is out of order", n=n)))
            elif entry.get("prev") != previous:
                problems.append(Problem(n, _("entry {n} does not follow the one before it",
                                             n=n)))
            previous = str(entry.get("hash"))
            expected = (entry["seq"] if isinstance(entry.get("seq"), int) else expected) + 1
        try:
            seq, last = self._tail()
        except UserError as exc:
            return [*problems, Problem(count, str(exc))]
        if seq != count or (count and last != previous):
            problems.append(Problem(count, _("the trail ends at entry {count} but entry {seq} "
                                             "was written: entries at the end were removed",
                                             count=count, seq=seq)))
        return problems

    def month(self, month: str, zone: str | None = None) -> list[dict[str, Any]]:
        """The entries of one month ('2026-12'), in the office's zone."""
        from composer.core.office import zone_of

        tz = zone_of(zone)
        return [e for e in self.entries() if "broken" not in e
                and datetime.fromisoformat(e["at"]).astimezone(tz).strftime("%Y-%m") == month]

    def csv(self, month: str, zone: str | None = None) -> str:
        from composer.core.office import zone_of

        tz = zone_of(zone)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["seq", "time", "action", "actor", "details", "hash"])
        for e in self.month(month, zone):
            local = datetime.fromisoformat(e["at"]).astimezone(tz)
            writer.writerow([e["seq"], local.strftime("%Y-%m-%d %H:%M:%S ") + (zone or "WIB"),
                             e["action"], e["actor"],
                             json.dumps(e["details"], ensure_ascii=False, sort_keys=True),
                             e["hash"]])
        return out.getvalue()


def write_pdf(trail: AuditTrail, month: str, path: Path, *, office: str = "",
              zone: str | None = None) -> int:
    """One month of the trail as a PDF table (landscape A4) with the chain's state; returns
    the number of entries."""
    from fpdf import FPDF

    from composer.core.governance.sheet import _font, _printable
    from composer.core.office import format_datetime

    entries = trail.month(month, zone)
    problems = trail.verify()
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(True, margin=14)
    pdf.add_font("DejaVu", "", str(_font("DejaVuSans.ttf")))
    pdf.add_font("DejaVu", "B", str(_font("DejaVuSans-Bold.ttf")))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("DejaVu", "B", 13)
    pdf.multi_cell(width, 7, (office.upper() + "\n" if office else "")
                   + _("Audit trail {month}", month=month), align="C", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    state = (_("The trail is whole: no entry was changed, removed or reordered.")
             if not problems else "; ".join(p.reason for p in problems))
    pdf.multi_cell(width, 5, state, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    columns = [(_("No."), 12), (_("Time"), 64), (_("Action"), 38), (_("By"), 26),
               (_("Details"), width - 12 - 64 - 38 - 26)]
    pdf.set_font("DejaVu", "B", 9)
    for title, w in columns:
        pdf.cell(w, 6, title, border=1)
    pdf.ln()
    pdf.set_font("DejaVu", "", 8)
    for e in entries:
        details = json.dumps(e["details"], ensure_ascii=False, sort_keys=True)
        values = [str(e["seq"]), format_datetime(datetime.fromisoformat(e["at"]), zone=zone),
                  e["action"], e["actor"], details]
        for (_title, w), value in zip(columns, values, strict=True):
            text = _printable(value)
            while text and pdf.get_string_width(text) > w - 2:
                text = text[:-2] + "…"
            pdf.cell(w, 5, text, border=1)
        pdf.ln()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return len(entries)


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"
