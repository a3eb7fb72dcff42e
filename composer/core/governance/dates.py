"""Sensitive dates: national holidays and cuti bersama (the ``holidays`` package, Indonesia,
public and government categories), Nyepi for offices in Bali, and the office's own entries
(national mourning and half-mast days, election quiet periods, local events).

Each day has a severity: ``hold`` (nothing may be scheduled or sent that day: the rule book
blocks), ``warn`` or ``hint`` (a tone reminder). Dates computed ahead of a government decision
(Islamic holidays, Imlek, Waisak ...) are marked *perkiraan* (estimate) until the officer
confirms them. State: ``<config>/calendar.json``, copied between machines like the rule set.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from composer.core.i18n import UserError, _

FILE_NAME = "calendar.json"
SEVERITIES = ("hold", "warn", "hint")


@dataclass(frozen=True)
class SensitiveDay:
    day: date
    name: str
    severity: str  # hold | warn | hint
    region: str = ""  # "" everywhere; else a province ("Bali")
    estimate: bool = False  # perkiraan: not yet fixed by decision
    source: str = "national"  # national | office


@dataclass
class Entry:
    start: str  # YYYY-MM-DD
    name: str
    severity: str = "warn"
    end: str = ""  # last day, inclusive ("" one day)
    region: str = ""
    estimate: bool = False


@dataclass
class Calendar:
    region: str = ""  # the office's province: region-bound days apply only there
    holiday_severity: str = "hint"  # national holidays and cuti bersama
    entries: list[Entry] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)  # estimated days the officer confirmed

    # -- file ---------------------------------------------------------------------------------

    @classmethod
    def load(cls, config: Path) -> Calendar:
        try:
            data = json.loads((Path(config) / FILE_NAME).read_text(encoding="utf-8"))
            return cls(region=str(data.get("region", "")),
                       holiday_severity=str(data.get("holiday_severity", "hint")),
                       entries=[Entry(**e) for e in data.get("entries", [])],
                       confirmed=[str(c) for c in data.get("confirmed", [])])
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError, TypeError):
            return cls()

    def save(self, config: Path) -> None:
        folder = Path(config)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / FILE_NAME
        temporary = target.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
        os.replace(temporary, target)

    # -- editing ------------------------------------------------------------------------------

    def add(self, start: str, name: str, severity: str, *, end: str = "", region: str = "",
            estimate: bool = False) -> Entry:
        first = _day(start)
        last = _day(end) if end else first
        if last < first:
            raise UserError(_("The last day comes before the first"))
        if severity not in SEVERITIES:
            raise UserError(_("Severity must be hold, warn or hint, not '{value}'",
                              value=severity))
        if not name.strip():
            raise UserError(_("Give the day a name"))
        entry = Entry(first.isoformat(), name.strip(), severity,
                      last.isoformat() if end else "", region.strip(), estimate)
        self.entries.append(entry)
        return entry

    def confirm(self, day: str) -> None:
        value = _day(day).isoformat()
        if value not in self.confirmed:
            self.confirmed.append(value)
        for entry in self.entries:
            if entry.start == value:
                entry.estimate = False

    # -- asking -------------------------------------------------------------------------------

    def on(self, day: date) -> list[SensitiveDay]:
        """What is sensitive about ``day`` for this office, hold first."""
        found = [d for d in self.year(day.year) if d.day == day]
        return sorted(found, key=lambda d: SEVERITIES.index(d.severity))

    def year(self, year: int) -> list[SensitiveDay]:
        days: list[SensitiveDay] = []
        for day, name in _national(year):
            estimate = "(perkiraan)" in name and day.isoformat() not in self.confirmed
            clean = name.replace(" (perkiraan)", "")
            days.append(SensitiveDay(day, clean, self.holiday_severity, "", estimate))
            if "Nyepi" in name and "Cuti" not in name and self.region.lower() == "bali":
                # Bali stops: no broadcasts, no lights, no travel for 24 hours
                days.append(SensitiveDay(day, clean, "hold", "Bali", estimate))
        for entry in self.entries:
            if entry.region and entry.region.lower() != self.region.lower():
                continue
            first = _day(entry.start)
            last = _day(entry.end) if entry.end else first
            current = first
            while current <= last:
                if current.year == year:
                    days.append(SensitiveDay(current, entry.name, entry.severity, entry.region,
                                             entry.estimate, "office"))
                current += timedelta(days=1)
        return sorted(days, key=lambda d: d.day)


@lru_cache(maxsize=16)
def _national(year: int) -> tuple[tuple[date, str], ...]:
    import holidays

    found = holidays.country_holidays("ID", years=year, categories=("public", "government"),
                                      language="id")
    return tuple(sorted((day, str(name)) for day, name in found.items()))


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UserError(_("'{value}' is not a date like 2026-08-17", value=value)) from None
