"""Zoom events: one event becomes an announcement series of ordinary, scheduled Posts.

An event (title, start with its time zone, Zoom link, optional meeting id and passcode) gives
three posts: "save the date", "tomorrow" (the day before, at the event's hour) and "starting
now". Every time is written in Indonesia's three zones, west to east, so no reader converts
by hand: "Kamis, 3 Desember 2026 pukul 09.00 WIB / 10.00 WITA / 11.00 WIT". When a zone's date
differs (23.30 WIB is 00.30 WITA the next day) its own date is written before its time.

The passcode is part of the public announcement (whoever reads the post may join), so it is
post text, not a keyring secret; it is written in the posts and nowhere else (never logged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from composer.core.i18n import UserError, _
from composer.core.post import Post

if TYPE_CHECKING:
    from composer.core.store import Store

# Indonesia's three zones (no daylight saving): Waktu Indonesia Barat / Tengah / Timur.
ZONES = (("WIB", timezone(timedelta(hours=7))), ("WITA", timezone(timedelta(hours=8))),
         ("WIT", timezone(timedelta(hours=9))))
ZONE_BY_NAME = dict(ZONES)

DAYS = {"id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
        "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
MONTHS = {"id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                 "September", "Oktober", "November", "Desember"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")}

LANGUAGES = ("both", "id", "en")
KINDS = ("save-the-date", "day-before", "starting-now")
SAVE_THE_DATE_DAYS = 7  # a week ahead, at 09.00 in the event's zone
SAVE_THE_DATE_HOUR = time(9, 0)


class EventError(UserError):
    """An event that cannot be announced as given; one translated line."""


@dataclass(frozen=True)
class ZoomEvent:
    title: str
    start: datetime  # aware: its zone is the event's own (WIB for most offices)
    zoom_url: str
    meeting_id: str = ""
    passcode: str = ""
    channels: tuple[str, ...] = ()
    language: str = "both"  # "both" (Bahasa Indonesia, then English), "id" or "en"
    reminders: tuple[str, ...] = KINDS  # which announcements of the series to make

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise EventError(_("The event needs a title"))
        if self.start.tzinfo is None:
            raise EventError(_("The start time needs a time zone, for example +07:00 or WIB"))
        parts = urlsplit(self.zoom_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise EventError(_("The Zoom link must be a web address: {url}", url=self.zoom_url))
        if self.language not in LANGUAGES:
            raise EventError(_("Unknown language '{lang}' (id, en or both)", lang=self.language))
        unknown = [k for k in self.reminders if k not in KINDS]
        if unknown or not self.reminders:
            raise EventError(_("Choose the announcements among {kinds}", kinds=", ".join(KINDS)))


@dataclass(frozen=True)
class Announcement:
    kind: str  # one of KINDS
    post: Post = field(compare=False)


def parse_start(value: str) -> datetime:
    """ISO 8601 with an offset (2026-12-03T09:00+07:00), or a local time followed by WIB, WITA
    or WIT (2026-12-03 09:00 WITA)."""
    text = value.strip()
    match = re.fullmatch(r"(.+?)\s*\b(WIB|WITA|WIT)", text, re.I)
    zone = None
    if match:
        text, zone = match.group(1), ZONE_BY_NAME[match.group(2).upper()]
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise EventError(_("'{value}' is not a date and time, for example "
                           "2026-12-03T09:00+07:00", value=value)) from None
    if zone is not None:
        if moment.tzinfo is not None:
            raise EventError(_("Give either an offset or WIB/WITA/WIT, not both: {value}",
                               value=value))
        moment = moment.replace(tzinfo=zone)
    if moment.tzinfo is None:
        raise EventError(_("The start time needs a time zone, for example +07:00 or WIB"))
    return moment


# ---------------------------------------------------------------------------------------------
# Writing times


def _date(moment: datetime, lang: str) -> str:
    day = DAYS[lang][moment.weekday()]
    month = MONTHS[lang][moment.month - 1]
    return f"{day}, {moment.day} {month} {moment.year}"


def _clock(moment: datetime, lang: str) -> str:
    return moment.strftime("%H.%M" if lang == "id" else "%H:%M")


def three_zones(moment: datetime, lang: str = "id") -> str:
    """'Kamis, 3 Desember 2026 pukul 09.00 WIB / 10.00 WITA / 11.00 WIT' ('Thursday, 3 December
    2026, 09:00 WIB / ...' in English); a zone on another date gets its own date."""
    out, last_date = [], None
    for name, zone in ZONES:
        local = moment.astimezone(zone)
        clock = f"{_clock(local, lang)} {name}"
        if local.date() != last_date:
            joiner = " pukul " if lang == "id" else ", "
            clock = _date(local, lang) + joiner + clock
            last_date = local.date()
        out.append(clock)
    return " / ".join(out)


# ---------------------------------------------------------------------------------------------
# The series


def _join_lines(event: ZoomEvent, lang: str) -> list[str]:
    lines = [("Gabung lewat Zoom: " if lang == "id" else "Join on Zoom: ") + event.zoom_url]
    details = []
    if event.meeting_id:
        details.append(("ID Rapat: " if lang == "id" else "Meeting ID: ") + event.meeting_id)
    if event.passcode:
        details.append(("Kode sandi: " if lang == "id" else "Passcode: ") + event.passcode)
    if details:
        lines.append(" · ".join(details))
    return lines


def _text(event: ZoomEvent, kind: str, lang: str) -> str:
    when = three_zones(event.start, lang)
    if lang == "id":
        head = {"save-the-date": f"📅 Catat tanggalnya: {event.title}",
                "day-before": f"⏰ Besok: {event.title}",
                "starting-now": f"🔴 Dimulai sekarang: {event.title}"}[kind]
    else:
        head = {"save-the-date": f"📅 Save the date: {event.title}",
                "day-before": f"⏰ Tomorrow: {event.title}",
                "starting-now": f"🔴 Starting now: {event.title}"}[kind]
    return "\n".join([head, when, *_join_lines(event, lang)])


def announcement_text(event: ZoomEvent, kind: str) -> str:
    langs = ("id", "en") if event.language == "both" else (event.language,)
    return "\n\n".join(_text(event, kind, lang) for lang in langs)


def schedule_of(event: ZoomEvent, kind: str) -> datetime:
    """When each announcement goes out, in the event's own zone."""
    if kind == "save-the-date":
        day = (event.start - timedelta(days=SAVE_THE_DATE_DAYS)).date()
        return datetime.combine(day, SAVE_THE_DATE_HOUR, tzinfo=event.start.tzinfo)
    if kind == "day-before":
        return event.start - timedelta(days=1)
    return event.start


def announcements(event: ZoomEvent, *, now: datetime | None = None) -> list[Announcement]:
    """The series as Posts scheduled across the event's channels.

    A save-the-date whose day has passed goes out as soon as it is published (no schedule); a
    day-before whose time has passed is left out (its "tomorrow" would be wrong); an event
    that has started cannot be announced."""
    now = now or datetime.now(UTC)
    if event.start <= now:
        raise EventError(_("The event has already started; nothing to announce"))
    out = []
    for kind in (k for k in KINDS if k in event.reminders):
        when = schedule_of(event, kind)
        schedule: datetime | None = when
        if when <= now:
            if kind == "day-before":
                continue
            schedule = None
        post = Post(text=announcement_text(event, kind), title=event.title,
                    links=[event.zoom_url], channels=list(event.channels), schedule=schedule)
        post.fields.update({"event": event.title, "announcement": kind})
        out.append(Announcement(kind, post))
    return out


def save_series(store: Store, event: ZoomEvent, *,
                now: datetime | None = None) -> list[Announcement]:
    """The series saved as the app's posts, each with its schedule (the queue sends them):
    the one service behind `siaran event --drafts` and the window's event form."""
    series = announcements(event, now=now)
    for item in series:
        store.save_draft(item.post)
    return series
