"""What publishing to one account came to, and the words the officer reads about it; the
retry policy; where to publish (an account, or an ad-hoc channel such as the folder)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from composer.core import adapters as A
from composer.core.i18n import _
from composer.core.journal import Entry, State


@dataclass(frozen=True)
class Policy:
    """How hard the engine tries. Timeouts are per request (httpx)."""

    max_attempts: int = 5
    base_delay: float = 1.0  # first back-off; doubles each attempt, with jitter
    max_delay: float = 60.0
    max_rate_wait: float = 15 * 60  # a longer wait than this fails now; resume later
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    write_timeout: float = 120.0  # image uploads on an office line

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Equal jitter: half fixed, half random, so parallel accounts do not retry in step."""
        ceiling: float = min(self.max_delay, self.base_delay * (2 ** max(0, attempt - 1)))
        return ceiling / 2 + rng.random() * ceiling / 2


@dataclass(frozen=True)
class Target:
    """Where to publish: an account, or an ad-hoc channel with no account (the folder)."""

    account: str
    platform: str
    settings: Mapping[str, str] = field(default_factory=dict)
    secrets: Mapping[str, str] = field(default_factory=dict, repr=False)
    adhoc: bool = False  # not in the accounts table; its settings live in the journal row


@dataclass(frozen=True)
class Outcome:
    account: str
    platform: str
    state: State
    reason: str | None = None
    remote_id: str | None = None
    url: str | None = None
    error: str = ""
    attempts: int = 0
    # CHANGED: what the officer may do (composer.core.corrections.Choice values, in order).
    choices: tuple[str, ...] = ()
    # A correction carried out: "update", "replace" or "as_new" ("" for a first publish).
    action: str = ""

    @property
    def ok(self) -> bool:
        # MANUAL: the officer sent it by hand and confirmed (WhatsApp). ALREADY: nothing to do.
        return self.state in (State.POSTED, State.DELETED, State.MANUAL, State.ALREADY)

    @property
    def sent(self) -> bool:
        """Did this publish send anything that is now out (not "already published")?"""
        return self.state in (State.POSTED, State.MANUAL)

    @classmethod
    def of(cls, entry: Entry) -> Outcome:
        return cls(entry.account, entry.platform, entry.state, entry.reason, entry.remote_id,
                   entry.url, entry.error, entry.attempts)


def reason_for(exc: Exception, spec: A.PlatformSpec, attempts: int, *, gave_up: bool = False) -> str:
    """The officer's one line for a failure: plain words, translated, with what to do."""
    name, detail = spec.name, getattr(exc, "reason", "") or ""
    if isinstance(exc, A.AuthExpired):
        return _("Sign in again: {channel} no longer accepts the saved sign-in", channel=name)
    if isinstance(exc, A.Duplicate):
        return _("{channel} refused the post as a duplicate of an earlier one", channel=name)
    if isinstance(exc, A.MediaInvalid):
        return _("{channel} refused an image: {detail}", channel=name, detail=detail)
    if isinstance(exc, A.Rejected):
        return _("{channel} refused the post: {detail}", channel=name, detail=detail)
    if isinstance(exc, A.RateLimited) and not gave_up:
        minutes = max(1, round((exc.retry_after or 0) / 60))
        return _("{channel} asks to wait {minutes} minutes; resume later", channel=name,
                 minutes=minutes)
    return _("{channel} did not accept the post after {n} attempts; resume later",
             channel=name, n=attempts)
