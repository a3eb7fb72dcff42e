"""Turning httpx failures and HTTP statuses into the adapter contract's typed errors.

The one question that matters for "never a duplicate post": could the platform have acted on
the request? A request that never fully left (connect failure, the upload broken off) cannot
have; one that was sent but got no answer (read timeout, connection dropped while waiting, a
5xx on a create) may have, so it is :class:`Unknown` and the engine looks before retrying.
Adapters may use these helpers or map errors themselves; platform-specific bodies (duplicate
messages, expired-token codes) are theirs to recognise first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from composer.core.adapters import (
    AdapterError,
    AuthExpired,
    RateLimited,
    Rejected,
    Transient,
    Unknown,
)
from composer.core.ratelimit import retry_after

if TYPE_CHECKING:  # pragma: no cover
    import httpx


def from_transport(exc: Exception, *, creates: bool = True) -> AdapterError:
    """An httpx transport error. ``creates``: the request would create something (a post)."""
    import httpx

    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return Transient("could not connect")
    if isinstance(exc, httpx.WriteError | httpx.WriteTimeout):
        # The body did not fully leave: a server acts only on a complete request.
        return Transient("connection broken while sending")
    if creates:
        return Unknown("sent, but no answer")
    return Transient("no answer")


def _body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def from_status(response: httpx.Response, *, creates: bool = True,
                reason: str = "") -> AdapterError | None:
    """The typed error for an unsuccessful response, or None for a 2xx/3xx."""
    status = response.status_code
    if status < 400:
        return None
    text = reason or f"HTTP {status}"
    if status == 429:
        return RateLimited(text, retry_after=retry_after(response.headers, _body(response)))
    if status == 401:
        return AuthExpired(text, status=status)
    if status >= 500:
        # A 5xx on a create may still have created the post (docs/platforms.md §13.8: Meta 500s).
        return Unknown(text, status=status) if creates else Transient(text, status=status)
    return Rejected(text, status=status)
