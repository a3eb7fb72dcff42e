"""Moving a post a platform holds for later (native scheduling), or taking it off the schedule.

A post published with a schedule to a channel with ``Capability.SCHEDULE`` is handed over at once
and the platform publishes it at its time (WordPress ``future``, a Mastodon scheduled status, a
Facebook scheduled post, a private YouTube video with ``publishAt``). The journal row is
``posted`` from then on; this module keeps, in the row's checkpoint, when the platform holds it
until now (``schedule``: ``{"at": ISO or None}``; None: held as a draft, it will not go out).

A change is journalled before the adapter is asked (``reschedule``: ``{"to": ...}``), so a crash
or a lost answer leaves a record; the next call carries the change out again (the adapters'
``reschedule`` is idempotent) and the change is journalled once, atomically, with the
platform's own id (Mastodon gives a re-created post a new one).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, cast

from composer.core import adapters as A
from composer.core.i18n import UserError, _
from composer.core.journal import Entry, State

if TYPE_CHECKING:  # pragma: no cover
    from composer.core.outcome import Outcome, Target
    from composer.core.publish import Engine

HELD_KEY = "schedule"  # checkpoint: what the platform holds the post until now
PENDING_KEY = "reschedule"  # checkpoint: the change asked for, not yet confirmed by the platform


class CannotReschedule(UserError):
    """Refused before any request: the channel cannot, or the post is no longer held."""


@dataclass(frozen=True)
class Held:
    """Where a handed-over post stands: ``kind`` is "scheduled" (goes out ``at``), "draft"
    (taken off the schedule, will not go out) or "now" (published at once, nothing held)."""

    kind: str
    at: datetime | None = None

    def passed(self, now: datetime) -> bool:
        return self.kind == "scheduled" and self.at is not None and self.at <= now


def iso_utc(when: datetime) -> str:
    """``2026-12-07T03:00:00Z``: whole seconds, UTC, the form every adapter accepts."""
    return when.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def held(entry: Entry) -> Held:
    """What the journal says the platform holds for this row."""
    if HELD_KEY in entry.checkpoint:
        at = (entry.checkpoint[HELD_KEY] or {}).get("at")
        return Held("scheduled", parse_utc(at)) if at else Held("draft")
    schedule = entry.snapshot.get("schedule_utc")
    return Held("scheduled", parse_utc(schedule)) if schedule else Held("now")


def reschedule(engine: Engine, post_id: str, account: str, when: datetime | None, *,
               target: Target | None = None, now: datetime | None = None) -> Outcome:
    """Move the post ``post_id`` that ``account``'s platform holds to ``when`` (aware datetime),
    or take it off the schedule (``when`` None: held as a draft, it does not go out).

    Raises CannotReschedule (one translated line) when the channel cannot, the post was never
    handed over, it already went out, or ``when`` is not in the future; UserError when the
    platform refuses. Asking again for what the platform already holds sends nothing."""
    from composer.core.outcome import Outcome, reason_for

    now = now or datetime.now(UTC)
    journal = engine.journal
    entry = journal.get(post_id, account)
    if entry is None or entry.state != State.POSTED:
        raise CannotReschedule(_("Post {post} was not handed to '{account}'; there is nothing "
                                 "to reschedule", post=post_id, account=account))
    platform = engine.registry.get(entry.platform)
    spec = platform.spec
    adapter = platform.make_adapter()
    if not spec.can(A.Capability.SCHEDULE) or not isinstance(adapter, A.Schedulable):
        raise CannotReschedule(_("{channel} cannot move a scheduled post; change it on "
                                 "{channel} itself", channel=spec.name))
    to: str | None = None
    if when is not None:
        if when.tzinfo is None:
            raise CannotReschedule(_("The new time needs a time zone, for example +07:00 (WIB)"))
        if when <= now:
            raise CannotReschedule(_("Choose a time in the future for the post on {channel}",
                                     channel=spec.name))
        to = iso_utc(when)
    pending = entry.checkpoint.get(PENDING_KEY)
    state = held(entry)
    if pending is None:  # nothing half-done: the journal knows what the platform holds
        if state.kind == "now":
            raise CannotReschedule(_("The post on {channel} was published at once, not "
                                     "scheduled; there is nothing to move", channel=spec.name))
        if state.passed(now) and state.at is not None:  # passed: it has a time
            raise CannotReschedule(_("The post on {channel} already went out at {time} UTC; it "
                                     "can no longer be moved", channel=spec.name,
                                     time=iso_utc(state.at).replace("T", " ")[:16]))
        if (to is None and state.kind == "draft") or (
                to is not None and state.at is not None and iso_utc(state.at) == to):
            return Outcome.of(entry)  # already so: no request, no second record
    journal.save_checkpoint(entry.id, {PENDING_KEY: {"to": to}})

    cancel = threading.Event()
    with engine._process_lock(post_id, account) as mine:
        if not mine:
            raise UserError(_("The post on {channel} is being published or moved right now; "
                              "try again in a moment", channel=spec.name))
        entry = journal.by_id(entry.id)
        with engine.session(target or engine._target_of(entry), entry, cancel=cancel) as ctx:
            result = _call(engine, adapter, ctx, entry, to, spec, cancel, reason_for)
    detail = (f"rescheduled to {to} ({result.remote_id})" if to
              else f"unscheduled, held as draft ({result.remote_id})")
    return Outcome.of(journal.rescheduled(entry.id, result, to, PENDING_KEY, HELD_KEY, detail))


def _call(engine: Engine, adapter: A.Schedulable, ctx: A.PublishContext, entry: Entry,
          to: str | None, spec: A.PlatformSpec, cancel: threading.Event,
          reason_for: Callable[..., str]) -> A.PublishResult:
    """The adapter's reschedule, retried like unpublish: a platform that did not answer is
    asked again (reschedule is idempotent), a refusal is the officer's one line."""
    attempts = engine.policy.max_attempts
    for attempt in range(1, attempts + 1):
        try:
            # only POSTED rows get here, and Journal.posted always records their result
            return adapter.reschedule(ctx, cast(A.PublishResult, entry.result), to)
        except (A.Transient, A.Unknown, A.RateLimited) as exc:
            wait = engine._wait_for(exc, attempt)
            if attempt == attempts or (isinstance(exc, A.RateLimited)
                                       and wait > engine.policy.max_rate_wait):
                raise UserError(reason_for(exc, spec, attempt, gave_up=True)) from None
            engine.journal.note(entry.id, f"reschedule: {type(exc).__name__}, retry")
            engine.sleep(wait, cancel)
        except A.Rejected as exc:
            raise UserError(_("{channel} did not move the post: {detail}", channel=spec.name,
                              detail=exc.reason)) from None
        except A.AdapterError as exc:
            raise UserError(reason_for(exc, spec, attempt)) from None
    raise AssertionError("unreachable")  # pragma: no cover


def unfinished(engine: Engine) -> list[Entry]:
    """Rows whose reschedule was asked but not confirmed (a crash, a lost answer): calling
    ``reschedule`` again with the same time finishes them."""
    return [e for e in engine.journal.history(limit=10_000)
            if e.state == State.POSTED and PENDING_KEY in e.checkpoint]
