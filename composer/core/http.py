"""The one request/response template for adapters: HTTP failures become the contract's typed
errors in one place, and each platform only says how its error bodies read.

The question that matters for "never a duplicate post": could the platform have acted on the
request? One that never fully left (connect failure, the upload broken off) cannot have:
:class:`Transient`. One that was sent but got no answer (read timeout, connection dropped while
waiting, a 5xx on a create) may have: :class:`Unknown`, and the engine looks before it retries.

The status template, in order (:meth:`HttpErrors.error_for`):

1. ``status()`` below 400: no error (Telegram says ``ok: false`` with a 200-ish body: its hook
   reads the status from the body);
2. ``classify()``: the platform's own codes first (duplicates, quotas, refused media ...);
3. ``rate_limited()`` (429 and the platform's throttle codes) → RateLimited(``retry_after()``);
4. ``auth_expired()`` (401 and the platform's token codes) → AuthExpired;
5. ``temporary()`` (5xx) → Unknown when the request creates something, else Transient;
6. ``media_refused()`` on a media request → MediaInvalid;
7. everything else → Rejected.

A platform subclasses :class:`HttpErrors`, overrides the hooks its API needs, and sends with
:meth:`HttpErrors.request` (or :meth:`send` then :meth:`check` when it must look at the answer
in between, e.g. to renew a token after a 401).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from composer.core.adapters import (
    AdapterError,
    AuthExpired,
    MediaInvalid,
    PublishContext,
    RateLimited,
    Rejected,
    Transient,
    Unknown,
)
from composer.core.ratelimit import retry_after

if TYPE_CHECKING:  # pragma: no cover - typing only; keeps httpx out of start-up
    import httpx


def one_line(text: Any, limit: int = 300) -> str:
    """A platform's message as one short line (error bodies may be long or multi-line)."""
    return " ".join(str(text).split())[:limit]


def json_body(response: httpx.Response) -> Any:
    """The decoded JSON of an answer, or None when it is not JSON."""
    try:
        return response.json()
    except ValueError:
        return None


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


def reached(exc: Exception) -> bool:
    """Whether a failed request may have reached the platform whole (it then may have acted)."""
    import httpx

    return not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout
                          | httpx.WriteError | httpx.WriteTimeout)


class HttpErrors:
    """The status and transport template with per-platform hooks (see the module docstring).

    Every hook gets the parsed ``body`` (None when the answer is not JSON) so a platform reads
    its error format once. The defaults are plain HTTP: 429, 401, 5xx, 413/415."""

    def body(self, response: httpx.Response) -> Any:
        return json_body(response)

    def status(self, response: httpx.Response, body: Any) -> int:
        return response.status_code

    def reason(self, response: httpx.Response, body: Any, status: int) -> str:
        """One line for the officer from the error body."""
        return f"HTTP {status}"

    def classify(self, response: httpx.Response, body: Any, status: int, reason: str, *,
                 creates: bool, media: bool) -> AdapterError | None:
        """The platform's own codes, looked at before the generic mapping; None to go on."""
        return None

    def rate_limited(self, response: httpx.Response, body: Any, status: int) -> bool:
        return status == 429

    def retry_after(self, response: httpx.Response, body: Any, reason: str) -> float | None:
        return retry_after(response.headers, body)

    def auth_expired(self, response: httpx.Response, body: Any, status: int) -> bool:
        return status == 401

    def temporary(self, response: httpx.Response, body: Any, status: int) -> bool:
        return status >= 500

    def media_refused(self, response: httpx.Response, body: Any, status: int,
                      reason: str) -> bool:
        return status in (413, 415)

    # The errors each step raises; override to word them for the officer.

    def rate_limit_error(self, reason: str, wait: float | None, status: int) -> AdapterError:
        return RateLimited(reason, retry_after=wait, status=status)

    def auth_error(self, reason: str, status: int) -> AdapterError:
        return AuthExpired(reason, status=status)

    def temporary_error(self, reason: str, status: int, *, creates: bool) -> AdapterError:
        return (Unknown if creates else Transient)(reason, status=status)

    def transport_error(self, exc: Exception, *, creates: bool) -> AdapterError:
        return from_transport(exc, creates=creates)

    # The template.

    def error_for(self, response: httpx.Response, *, creates: bool = True,
                  media: bool = False) -> AdapterError | None:
        """The typed error for an answer, or None when it is a success."""
        body = self.body(response)
        status = self.status(response, body)
        if status < 400:
            return None
        reason = self.reason(response, body, status)
        error = self.classify(response, body, status, reason, creates=creates, media=media)
        if error is not None:
            return error
        if self.rate_limited(response, body, status):
            return self.rate_limit_error(reason, self.retry_after(response, body, reason), status)
        if self.auth_expired(response, body, status):
            return self.auth_error(reason, status)
        if self.temporary(response, body, status):
            return self.temporary_error(reason, status, creates=creates)
        if media and self.media_refused(response, body, status, reason):
            return MediaInvalid(reason, status=status)
        return Rejected(reason, status=status)

    def check(self, response: httpx.Response, *, creates: bool = True, media: bool = False,
              ok: Iterable[int] = ()) -> httpx.Response:
        """The answer when it is a success (or its status is in ``ok``); else raise."""
        if response.status_code in tuple(ok):
            return response
        error = self.error_for(response, creates=creates, media=media)
        if error is not None:
            raise error
        return response

    def send(self, client: httpx.Client, method: str, url: str, *, creates: bool = True,
             **kw: Any) -> httpx.Response:
        """One request; a transport failure becomes Transient or Unknown (never a traceback)."""
        import httpx

        try:
            return client.request(method, url, **kw)
        except httpx.HTTPError as exc:
            raise self.transport_error(exc, creates=creates) from None

    def request(self, client: httpx.Client, method: str, url: str, *, creates: bool = True,
                media: bool = False, ok: Iterable[int] = (), **kw: Any) -> httpx.Response:
        """:meth:`send`, then :meth:`check`."""
        response = self.send(client, method, url, creates=creates, **kw)
        return self.check(response, creates=creates, media=media, ok=ok)


def from_status(response: httpx.Response, *, creates: bool = True,
                reason: str = "") -> AdapterError | None:
    """The plain-HTTP typed error for an answer (no platform hooks), or None for a success."""

    class _Plain(HttpErrors):
        def reason(self, response: httpx.Response, body: Any, status: int) -> str:
            return reason or f"HTTP {status}"

    return _Plain().error_for(response, creates=creates)


__all__ = ["HttpErrors", "from_status", "from_transport", "json_body", "one_line", "reached"]


class FileBody:
    """A file sent in 1 MiB pieces, read afresh on every attempt (a renewed session or a
    redirect sends the request again), with progress as it goes: a video never sits whole in
    memory. Pass it as httpx's ``content``."""

    CHUNK = 1 << 20

    def __init__(self, path: str, size: int, ctx: PublishContext):
        self.path, self.size, self.ctx = path, size, ctx

    def __iter__(self) -> Iterator[bytes]:
        sent = 0
        with open(self.path, "rb") as f:
            while chunk := f.read(self.CHUNK):
                self.ctx.check_cancelled()
                sent += len(chunk)
                self.ctx.progress("media", sent / max(self.size, 1))
                yield chunk
