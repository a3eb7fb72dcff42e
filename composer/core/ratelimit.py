"""How long a platform asked us to wait, from its own rate-limit signal.

Every platform says it differently (docs/platforms.md §13.9):

- X: ``x-rate-limit-reset`` is Unix epoch seconds
  (https://docs.x.com/x-api/fundamentals/rate-limits).
- Mastodon: ``X-RateLimit-Reset`` is an ISO 8601 timestamp
  (https://docs.joinmastodon.org/api/rate-limits/).
- Bluesky: ``RateLimit-Reset`` is epoch seconds (atproto packages/xrpc-server
  src/rate-limiter-http.ts).
- Telegram: ``{"parameters": {"retry_after": 35}}`` in the body, seconds
  (https://core.telegram.org/bots/api#responseparameters).
- HTTP itself: ``Retry-After`` is delta seconds or an HTTP date (RFC 9110 §10.2.3).

Adapters call :func:`retry_after` with a response's headers and decoded body, and put the answer
into ``RateLimited(retry_after=...)``; the engine caps it and waits.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import datetime
from typing import Any

# A number this large is a point in time (epoch seconds), not a delay: 2001-09-09.
_EPOCH_THRESHOLD = 1_000_000_000

# Header names in the order we trust them: an explicit delay first, then the reset instants.
_HEADERS = ("retry-after", "x-rate-limit-reset", "x-ratelimit-reset", "ratelimit-reset")


def _lower(headers: Mapping[str, str] | None) -> dict[str, str]:
    if not headers:
        return {}
    return {str(k).lower(): str(v) for k, v in headers.items()}


def seconds_until(value: str | float | int, *, now: float | None = None) -> float | None:
    """Seconds from ``now`` until the moment ``value`` names, never negative.

    ``value`` may be a delay in seconds, epoch seconds, an ISO 8601 timestamp or an HTTP date.
    Returns None when it is none of those."""
    now = time.time() if now is None else now
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip()
        try:
            number = float(text)
        except ValueError:
            moment = _parse_time(text)
            return None if moment is None else max(0.0, moment - now)
    if number != number or number < 0:  # NaN or negative: meaningless
        return None
    if number >= _EPOCH_THRESHOLD:
        return max(0.0, number - now)
    return number


def _parse_time(text: str) -> float | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            from email.utils import parsedate_to_datetime  # (the email package: only when asked)

            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if moment.tzinfo is None:  # a timestamp without zone: platforms mean UTC
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def telegram_retry_after(body: Any) -> float | None:
    """``retry_after`` from a Telegram Bot API error body."""
    if isinstance(body, Mapping):
        params = body.get("parameters")
        if isinstance(params, Mapping) and isinstance(params.get("retry_after"), int | float):
            return max(0.0, float(params["retry_after"]))
    return None


def retry_after(headers: Mapping[str, str] | None = None, body: Any = None, *,
                now: float | None = None) -> float | None:
    """The wait a platform asked for, in seconds, or None when it gave no usable signal."""
    from_body = telegram_retry_after(body)
    if from_body is not None:
        return from_body
    lowered = _lower(headers)
    for name in _HEADERS:
        if name in lowered:
            wait = seconds_until(lowered[name], now=now)
            if wait is not None:
                return wait
    return None


def remaining(headers: Mapping[str, str] | None) -> int | None:
    """Requests left in the window, from whichever ``*-remaining`` header the platform sends."""
    lowered = _lower(headers)
    for name in ("x-rate-limit-remaining", "x-ratelimit-remaining", "ratelimit-remaining"):
        try:
            return int(float(lowered[name]))
        except (KeyError, ValueError):
            continue
    return None
