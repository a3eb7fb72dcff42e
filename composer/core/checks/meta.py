"""Everything about a variant that is neither its text nor its media: the title, the schedule,
whether there is anything to send at all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from composer.core.adapters import Capability, Finding, PlatformSpec, Severity
from composer.core.i18n import _
from composer.core.post import Resolved

# A time this close counts as "now": a schedule set for the coming minute is a publish now.
NOW_SLACK = timedelta(seconds=60)


def title_findings(spec: PlatformSpec, channel: str, title: str) -> list[Finding]:
    if spec.title_limit is None:
        return []
    found = []
    if len(title) > spec.title_limit:  # YouTube: 100 characters
        found.append(Finding("title.too_long", Severity.BLOCK, channel, _(
            "Title too long for {channel}: {length} of {limit} characters", channel=spec.name,
            length=len(title), limit=spec.title_limit),
            {"length": len(title), "limit": spec.title_limit}))
    if "<" in title or ">" in title:
        found.append(Finding("title.invalid", Severity.BLOCK, channel, _(
            "{channel} does not allow < or > in the title", channel=spec.name), {}))
    return found


def is_future(when: datetime | None, now: datetime) -> bool:
    return when is not None and when - now > NOW_SLACK


def schedule_findings(spec: PlatformSpec, channel: str, resolved: Resolved, parts: int,
                      now: datetime | None = None) -> list[Finding]:
    when = resolved.schedule
    if when is None:
        return []
    now = now or datetime.now(UTC)
    at = when.isoformat(timespec="minutes")
    if not is_future(when, now):
        return [Finding("schedule.past", Severity.INFO, channel, _(
            "The scheduled time {time} has passed: it goes out when published", time=at),
            {"time": when.isoformat()})]
    if spec.can(Capability.MANUAL):
        return [Finding("schedule.by_hand", Severity.INFO, channel, _(
            "{channel} is sent by hand: send it at {time}", channel=spec.name, time=at),
            {"time": when.isoformat()})]
    if not spec.can(Capability.SCHEDULE):
        # Sending now would ignore the officer's time; the platform cannot hold it.
        return [Finding("schedule.unsupported", Severity.BLOCK, channel, _(
            "{channel} cannot hold a post until {time}; schedule it instead (siaran schedule, "
            "or \"Schedule for\" when publishing) and Siaran sends it then",
            channel=spec.name, time=at),
            {"time": when.isoformat()})]
    if parts > 1:  # a thread's replies need the first post to exist
        return [Finding("schedule.unsupported", Severity.BLOCK, channel, _(
            "{channel} cannot schedule a thread; shorten the text or publish now",
            channel=spec.name), {"time": when.isoformat(), "parts": parts})]
    return []


def empty_findings(spec: PlatformSpec, channel: str, resolved: Resolved,
                   media_goes: bool) -> list[Finding]:
    """Nothing to send: no text and no media this channel takes."""
    if resolved.text.strip() or media_goes:
        return []
    return [Finding("text.empty", Severity.BLOCK, channel, _(
        "Nothing to publish on {channel}: no text and no image", channel=spec.name), {})]
