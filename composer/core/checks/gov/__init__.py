"""Governance rules of the rule book (codes ``gov.*``): personal data, classification marks,
withheld information, links, accessibility, Indonesian spelling and election neutrality.

Each finding cites its regulation (``params["rule"]``, from :data:`rules.RULES`), shows what it
found masked where it is personal data (``params["found"]``) and, where there is one, the fix
(``params["fix"]``). The office decides each rule's severity (or turns it off) in its rule set
(``<config>/governance.json``, shared between machines by export/import).

The scanners look at the text as it goes out, so every channel is judged on its own variant;
answers are remembered per text (the previews ask on every keystroke).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from composer.core.adapters import Finding, Severity
from composer.core.checks.gov import access, language, links, marks, personal
from composer.core.checks.gov.rules import RULES, GovRules, citation
from composer.core.checks.gov.scan import Context, Hit, Office
from composer.core.i18n import _
from composer.core.post import Resolved, ResolvedMedia

__all__ = ["RULES", "Context", "DayNote", "apply_fix", "day_notes", "GovRules", "Hit", "Office", "citation", "context_for",
           "current_context", "gov_findings", "message_for", "scan_text"]


def context_for(config_dir: Path) -> Context:
    """The office's rule set and its own numbers and addresses, read from ``config_dir``."""
    from composer.core.governance.dates import Calendar
    from composer.core.office import OfficeProfile

    office = OfficeProfile.load(config_dir)
    return Context(GovRules.load(config_dir), Office(
        phones=tuple(personal.normalise_phone(p) for p in office.phones),
        emails=tuple(e.strip().lower() for e in office.emails),
        website=office.website), Calendar.load(config_dir), office.zone, Path(config_dir))


_cache_lock = threading.Lock()
_cached: tuple[tuple[float, ...], Context] | None = None


def current_context() -> Context:
    """The context of this installation (re-read when either file changed)."""
    global _cached
    from composer.core.checks.gov.rules import FILE_NAME
    from composer.core.paths import app_paths

    config = app_paths().config
    stamp = (_mtime(config / FILE_NAME), _mtime(config / "office.json"),
             _mtime(config / "calendar.json"))
    with _cache_lock:
        if _cached is not None and _cached[0] == stamp and _cached[1].config == config:
            return _cached[1]
    found = context_for(config)
    with _cache_lock:
        _cached = (stamp, found)
    return found


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime_ns / 1e9
    except OSError:
        return 0.0


def scan_text(text: str, ctx: Context, links_given: Sequence[str] = (),
              media: Sequence[ResolvedMedia] = (), *, suggest: bool = True) -> list[Hit]:
    """Every governance hit in a text (and its links and media), before severities.
    ``suggest``: spelling suggestions too (slow; the rule book leaves them to the Checks tab's
    background scan and the CLI)."""
    if not ctx.rules.enabled:
        return []
    found = [*_text_hits(text, ctx, suggest), *links.scan(text, links_given, ctx),
             *access.scan(text, media, ctx)]
    return found


@lru_cache(maxsize=256)
def _text_hits(text: str, ctx: Context, suggest: bool) -> tuple[Hit, ...]:
    return (*personal.scan(text, ctx), *marks.scan(text, ctx),
            *language.scan(text, ctx, suggest=suggest))


def gov_findings(resolved: Resolved, channel: str, ctx: Context | None = None, *,
                 suggest: bool = False) -> list[Finding]:
    """The governance findings of one channel's resolved post. The text's are remembered per
    text (the previews ask for every channel on every keystroke, and channels mostly share a
    text); the media's (alt texts, captions) are looked at each time."""
    from composer.core.i18n import current_language
    from composer.core.office import zone_of

    context = ctx or current_context()
    if not context.rules.enabled:
        return []
    moment = resolved.schedule or datetime.now(UTC)
    day = moment.astimezone(zone_of(context.zone)).date()
    found = list(_findings(resolved.text, resolved.title, tuple(resolved.links), day, suggest,
                           (current_language(), links.generation()), context))
    if resolved.media:
        found += _as_findings(access.media_hits(resolved.text, resolved.media, context), context)
    return [Finding(code, severity, channel, message, params)
            for code, severity, message, params in found]


_Found = tuple[str, Severity, str, dict[str, object]]


@lru_cache(maxsize=512)
def _findings(text: str, title: str, links_given: tuple[str, ...], day: date, suggest: bool,
              stamp: tuple[str, int], context: Context) -> tuple[_Found, ...]:
    del stamp  # part of the key: the messages' language, and the links' answers so far
    hits = scan_text(text, context, links_given, suggest=suggest)
    if title:
        hits += scan_text(title, context, suggest=suggest)
    hits += _day_hits(day, context)
    return tuple(_as_findings(hits, context))


def _as_findings(hits: Sequence[Hit], context: Context) -> list[_Found]:
    result = []
    for hit in hits:
        severity = context.rules.severity(hit.code)
        if severity is None:
            continue
        params: dict[str, object] = {"found": hit.shown, "rule": citation(hit.code),
                                     "fix": hit.fix, "start": hit.start, "end": hit.end,
                                     **hit.params}
        result.append((hit.code, severity, message_for(hit), params))
    return result


def apply_fix(text: str, code: str, start: int, ctx: Context | None = None) -> str | None:
    """``text`` with the fix of the finding ``code`` found at ``start`` applied (the number
    masked, the mark removed, the spelling or link corrected); None when that finding is no
    longer there or has no fix. The text is scanned again, so a stale finding changes nothing."""
    import re

    for hit in scan_text(text, ctx or current_context()):
        if hit.code != code or hit.fix is None:
            continue
        if hit.start >= 0 and hit.start == start:
            fixed = text[:hit.start] + hit.fix + text[hit.end:]
            return re.sub(r"[ \t]{2,}", " ", fixed) if not hit.fix else fixed
        if hit.start < 0 and start < 0 and hit.shown in text:
            return text.replace(hit.shown, hit.fix, 1)
    return None


def date_hits(schedule: datetime | None, ctx: Context) -> list[Hit]:
    """The sensitive days the post goes out on (its schedule, else today), in the office's
    zone."""
    from composer.core.office import zone_of

    moment = schedule or datetime.now(UTC)
    return list(_day_hits(moment.astimezone(zone_of(ctx.zone)).date(), ctx))


@lru_cache(maxsize=64)
def _day_hits(day: date, ctx: Context) -> tuple[Hit, ...]:
    from composer.core.office import format_date

    hits = []
    for sensitive in ctx.calendar.on(day):
        name = sensitive.name + (" (perkiraan)" if sensitive.estimate else "")
        hits.append(Hit(f"gov.date.{sensitive.severity}", name, params={
            "date": format_date(day), "day": day.isoformat(), "estimate": sensitive.estimate,
            "region": sensitive.region}))
    return tuple(hits)


@dataclass(frozen=True)
class DayNote:
    """The rule book's word on a sensitive day, as the Queue marks it and the schedule field
    says it: a BLOCK note means scheduling into that day is refused (the same finding the
    engine refuses with)."""

    day: date
    severity: Severity
    message: str


def day_notes(first: date, last: date, ctx: Context | None = None) -> dict[date, list[DayNote]]:
    """Every sensitive day from ``first`` to ``last`` (inclusive, office days) with its notes,
    the strongest first; days whose rule the office switched off are left out."""
    context = ctx or current_context()
    notes: dict[date, list[DayNote]] = {}
    for year in range(first.year, last.year + 1):
        for sensitive in context.calendar.year(year):
            day = sensitive.day
            if first <= day <= last and day not in notes:
                found = _as_findings(_day_hits(day, context), context)
                notes[day] = sorted((DayNote(day, severity, message)
                                     for _code, severity, message, _params in found),
                                    key=lambda n: list(Severity).index(n.severity))
    return {day: found for day, found in notes.items() if found}


def message_for(hit: Hit) -> str:
    """The officer's line for a hit (translated); the rule and the fix are in the params."""
    found = hit.shown
    messages = {
        "gov.pii.nik": lambda: _("Personal data: a NIK ({found}); remove it", found=found),
        "gov.pii.kk": lambda: _("Personal data: a family card (KK) number ({found}); remove it",
                                found=found),
        "gov.pii.npwp": lambda: _("Personal data: a tax number (NPWP) ({found}); remove it",
                                  found=found),
        "gov.pii.phone": lambda: _(
            "Personal data: a phone number that is not the office's ({found}); remove it or "
            "add it to the office's published numbers", found=found),
        "gov.pii.email": lambda: _(
            "Personal data: an e-mail address that is not the office's ({found}); remove it",
            found=found),
        "gov.pii.bank": lambda: _("Personal data: a bank account number ({found}); remove it",
                                  found=found),
        "gov.mark.classified": lambda: _(
            "Classification mark '{found}': classified information must not be published",
            found=found),
        "gov.mark.letter_number": lambda: _(
            "The number of a classified letter ({found}) is in the post", found=found),
        "gov.dik.term": lambda: _(
            "'{found}' is on the office's list of withheld information (DIK)", found=found),
        "gov.finance.plan": lambda: _(
            "'{found}' reads as an early plan on taxes or rates, which is withheld until "
            "decided", found=found),
        "gov.link.unreachable": lambda: _("The link {found} does not answer (HTTP {status})",
                                          found=found, status=hit.params.get("status", "?")),
        "gov.link.insecure": lambda: _("The link {found} is not https", found=found),
        "gov.link.internal": lambda: _(
            "The link {found} is a local, internal or staging address the public cannot open",
            found=found),
        "gov.link.not_checked": lambda: _("The link {found} was not checked yet", found=found),
        "gov.a11y.alt_filename": lambda: _(
            "The alt text of image {n} is a file name ({found}): describe the picture",
            n=hit.params.get("n", 1), found=found),
        "gov.a11y.alt_copy": lambda: _(
            "The alt text of image {n} repeats the post's text: describe the picture",
            n=hit.params.get("n", 1)),
        "gov.a11y.captions": lambda: _(
            "The video {found} has no captions: attach an .srt or .vtt file (Captions… under "
            "the video)", found=found),
        "gov.a11y.contrast": lambda: _(
            "Template text '{found}' has contrast {ratio}:1, below {needed}:1", found=found,
            ratio=hit.params.get("ratio", "?"), needed=hit.params.get("needed", 4.5)),
        "gov.a11y.hashtag_case": lambda: _(
            "Write {found} in CamelCase so screen readers read its words", found=found),
        "gov.lang.spelling": lambda: _("Spelling: '{found}'?", found=found) if not hit.fix
        else _("Spelling: '{found}', perhaps '{fix}'?", found=found, fix=hit.fix),
        "gov.lang.eyd": lambda: _("EYD: write '{fix}' instead of '{found}'", found=found,
                                  fix=hit.fix),
        "gov.lang.glossary": lambda: _("The office writes '{fix}', not '{found}'", found=found,
                                       fix=hit.fix),
        "gov.date.hold": lambda: _(
            "{date} is {found}: nothing may be scheduled or sent that day",
            date=hit.params.get("date", ""), found=found),
        "gov.date.warn": lambda: _("{date} is {found}: make sure the post suits the day",
                                   date=hit.params.get("date", ""), found=found),
        "gov.date.hint": lambda: _("{date} is {found}: mind the tone",
                                   date=hit.params.get("date", ""), found=found),
        "gov.election.name": lambda: _(
            "'{found}' is a candidate or party in the election: keep the post neutral",
            found=found),
    }
    return messages[hit.code]()
