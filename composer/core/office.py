"""The office: who publishes (name, logo, handle, published numbers) and in which time zone.

One small JSON file, ``<config>/office.json``, so an office can copy its profile to every
machine. Everything that writes a date or a time asks this module, so a post, a template, the
queue and the monthly report all say "17 Agustus 2026 pukul 09.00 WIB" the same way: month
and day names come from Babel's CLDR data, never from a hand-made list.

Indonesia has three zones without daylight saving: WIB (UTC+7, Sumatra, Java, West and Central
Kalimantan), WITA (UTC+8, Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi) and WIT
(UTC+9, Maluku, Papua). A time is never shown without its zone.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from composer.core.i18n import UserError, _, current_language

log = logging.getLogger("siaran.office")

ZONES: dict[str, timezone] = {
    "WIB": timezone(timedelta(hours=7), "WIB"),
    "WITA": timezone(timedelta(hours=8), "WITA"),
    "WIT": timezone(timedelta(hours=9), "WIT"),
}
DEFAULT_ZONE = "WIB"


@dataclass
class OfficeProfile:
    """What the office is. Every field may be empty on a fresh install except the zone."""

    name: str = ""  # "Dinas Komunikasi dan Informatika Kabupaten Sleman"
    short_name: str = ""  # "Diskominfo Sleman"
    logo: str = ""  # path of the logo image used by templates
    handle: str = ""  # default handle shown in templates, e.g. "@kominfosleman"
    zone: str = DEFAULT_ZONE  # WIB, WITA or WIT
    language: str = ""  # "id" or "en"; empty follows the app's language
    website: str = ""  # the office's own site (its e-mail domain is the office's)
    phones: list[str] = field(default_factory=list)  # numbers the office publishes itself
    emails: list[str] = field(default_factory=list)  # addresses the office publishes itself
    # A post Siaran sends itself whose time passed longer ago than this waits as "missed"
    missed_after_minutes: int = 15

    def __post_init__(self) -> None:
        if self.zone not in ZONES:
            raise UserError(_("Unknown time zone '{zone}': use WIB, WITA or WIT", zone=self.zone))
        if not isinstance(self.missed_after_minutes, int) or self.missed_after_minutes < 1:
            raise UserError(_("The tolerance for late posts must be a whole number of minutes"))

    @property
    def tz(self) -> timezone:
        return ZONES[self.zone]

    # -----------------------------------------------------------------------------------------
    # One file in the config folder

    @classmethod
    def load(cls, config_dir: Path) -> OfficeProfile:
        """The saved profile, or an empty one (WIB) when there is none or it cannot be read."""
        path = Path(config_dir) / "office.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):  # a damaged file must not stop anything: start empty
            log.warning("ignoring unreadable %s", path)
            return cls()
        known = {f.name for f in fields(cls)}
        try:
            return cls(**{k: v for k, v in data.items() if k in known})
        except (TypeError, UserError):
            log.warning("ignoring invalid %s", path)
            return cls()

    def save(self, config_dir: Path) -> None:
        folder = Path(config_dir)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "office.json"
        temporary = target.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
        os.replace(temporary, target)  # never a half-written profile

    @property
    def is_set_up(self) -> bool:
        return bool(self.name.strip())

    def problem(self) -> str | None:
        """What stops this profile being saved (one translated line), or None."""
        if self.language not in ("", "id", "en"):
            return _("Unknown language '{language}': use id or en", language=self.language)
        if self.logo and not Path(self.logo).expanduser().is_file():
            return _("The logo {path} is not a file that can be read", path=self.logo)
        if self.handle and any(c.isspace() for c in self.handle.strip()):
            return _("A handle has no spaces, for example @kominfosleman")
        return None


# ---------------------------------------------------------------------------------------------
# Writing dates and times (the one place)


def zone_of(name: str | None) -> timezone:
    """WIB/WITA/WIT by name (any case); the default zone for None or empty."""
    key = (name or DEFAULT_ZONE).upper()
    if key not in ZONES:
        raise UserError(_("Unknown time zone '{zone}': use WIB, WITA or WIT", zone=name))
    return ZONES[key]


def _locale(lang: str | None) -> str:
    return "id" if (lang or current_language()) == "id" else "en"


def format_date(day: date | datetime, lang: str | None = None, *, weekday: bool = False,
                zone: str | None = None) -> str:
    """'17 Agustus 2026' / '17 August 2026' (with 'Senin, ' / 'Monday, ' first when asked).
    An aware datetime is first moved into ``zone`` (the office's) so its date is the local one."""
    from babel.dates import format_date as babel_date

    if isinstance(day, datetime):
        if day.tzinfo is not None:
            day = day.astimezone(zone_of(zone))
        day = day.date()
    pattern = "EEEE, d MMMM y" if weekday else "d MMMM y"
    return babel_date(day, pattern, locale=_locale(lang))


def format_weekday(day: date, lang: str | None = None) -> str:
    """'Sen' / 'Mon': a calendar's column heading."""
    from babel.dates import format_date as babel_date

    return babel_date(day, "EEE", locale=_locale(lang))


def format_month(day: date, lang: str | None = None) -> str:
    """'Desember 2026' / 'December 2026': a calendar's title."""
    from babel.dates import format_date as babel_date

    return babel_date(day, "LLLL y", locale=_locale(lang))


def format_time(moment: datetime, lang: str | None = None, zone: str | None = None) -> str:
    """'09.00 WIB' in Indonesian (EYD: a full stop between hours and minutes), '09:00 WIB'."""
    name = (zone or DEFAULT_ZONE).upper()
    local = _aware(moment).astimezone(zone_of(name))
    clock = local.strftime("%H.%M" if _locale(lang) == "id" else "%H:%M")
    return f"{clock} {name}"


def format_datetime(moment: datetime, lang: str | None = None, zone: str | None = None, *,
                    weekday: bool = False) -> str:
    """'17 Agustus 2026 pukul 09.00 WIB' / '17 August 2026, 09:00 WIB'."""
    name = (zone or DEFAULT_ZONE).upper()
    local = _aware(moment).astimezone(zone_of(name))
    joiner = " pukul " if _locale(lang) == "id" else ", "
    return (format_date(local.date(), lang, weekday=weekday) + joiner
            + format_time(local, lang, name))


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("a naive datetime cannot be shown with a zone")
    return moment


_ZONE_SUFFIX = re.compile(r"(.+?)\s*\b(WIB|WITA|WIT)\s*", re.I)


def parse_local(text: str, zone: str | None = None) -> datetime:
    """'2026-12-24 09:00 WIB', '2026-12-24 09.00' (in ``zone``, the office's), or ISO 8601 with
    an offset. Returns an aware datetime; one translated line when it is not a date and time."""
    value = text.strip()
    match = _ZONE_SUFFIX.fullmatch(value)
    tz: timezone | None = None
    if match:
        value, tz = match.group(1), ZONES[match.group(2).upper()]
    # the Indonesian clock "09.00" after a date
    value = re.sub(r"(\d{1,2})\.(\d{2})$", r"\1:\2", value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise UserError(_("'{value}' is not a date and time, for example 2026-12-24 09:00 WIB",
                          value=text)) from None
    if moment.tzinfo is not None and tz is not None:
        raise UserError(_("Give either an offset or WIB/WITA/WIT, not both: {value}", value=text))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz or zone_of(zone))
    return moment
