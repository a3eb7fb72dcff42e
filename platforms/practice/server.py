"""The base of every practice server: a real HTTP server on 127.0.0.1 that a fake platform
subclasses, plus a fault injector that makes it fail the way real platforms do.

A fake declares its endpoints with ``@route("POST", r"/api/v1/statuses")`` on methods that take a
:class:`Request` and return a :class:`Response`. Named groups in the pattern land in
``request.params``. Every request is logged in ``server.requests`` (tests count posts there).

Faults (``server.faults.add(kind, route="POST /regex", times=1, **kw)``):

- ``status`` (``code=503``): answer that status without doing the work.
- ``rate_limit`` (``retry_after=1``): the fake's own 429 (``rate_limit_response``).
- ``timeout`` (``seconds=``, ``after_work=False``): hang longer than the client waits, then drop
  the connection. With ``after_work=True`` the work is done first: "sent, no answer".
- ``reset``: read part of the request body, then abort the connection with a TCP RST while the
  client is still uploading.
- ``success_then_500``: do the work, then answer 500 ("500 but the post was created").
- ``duplicate``: the fake's own duplicate refusal (``duplicate_response``).
- ``expired_token``: the fake's own "token expired" answer (``expired_token_response``).

``faults.random(rate, seed=...)`` injects faults at random (seeded, so a soak run is repeatable).
"""

from __future__ import annotations

import json as jsonlib
import logging
import os
import random
import re
import socket
import struct
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.parser import BytesHeaderParser
from email.policy import HTTP
from email.utils import collapse_rfc2231_value
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

FAULT_KINDS = (
    "status",
    "rate_limit",
    "timeout",
    "reset",
    "success_then_500",
    "duplicate",
    "expired_token",
)


class BadRequest(Exception):
    """Raised by a fake's handler (or Request.json()) to answer 400 in the fake's own format."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class UploadedFile:
    filename: str
    content_type: str
    data: bytes


class Headers(dict[str, str]):
    """Request headers, looked up case-insensitively (keys are stored lower-case)."""

    def __init__(self, items: Iterable[tuple[str, str]] = ()):
        super().__init__((k.lower(), v) for k, v in items)

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())


@dataclass
class Request:
    method: str
    path: str
    headers: Headers
    query: dict[str, str]  # last value wins; ``query_all`` keeps every value
    body: bytes = b""
    query_all: dict[str, list[str]] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)  # named groups of the route pattern
    fault: str | None = None  # the injected fault this request met, if any
    complete: bool = True  # False when the body was cut off (reset fault)
    _form: tuple[dict[str, str], dict[str, UploadedFile]] | None = None

    @property
    def content_type(self) -> str:
        return (self.headers.get("content-type") or "").split(";")[0].strip().lower()

    def json(self) -> Any:
        if self.content_type != "application/json":
            raise BadRequest(f"expected application/json, got {self.content_type or 'nothing'}")
        try:
            return jsonlib.loads(self.body or b"null")
        except ValueError as exc:
            raise BadRequest(f"invalid JSON: {exc}") from None

    @property
    def form(self) -> dict[str, str]:
        """Text fields of a multipart/form-data or x-www-form-urlencoded body."""
        return self._parse_form()[0]

    @property
    def files(self) -> dict[str, UploadedFile]:
        """File fields of a multipart/form-data body."""
        return self._parse_form()[1]

    def _parse_form(self) -> tuple[dict[str, str], dict[str, UploadedFile]]:
        if self._form is None:
            if self.content_type == "multipart/form-data":
                self._form = parse_multipart(self.headers.get("content-type", ""), self.body)
            elif self.content_type == "application/x-www-form-urlencoded":
                pairs = parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)
                self._form = ({k: v[-1] for k, v in pairs.items()}, {})
            else:
                self._form = ({}, {})
        return self._form

    def bearer(self) -> str | None:
        auth = self.headers.get("authorization") or ""
        scheme, _, token = auth.partition(" ")
        return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def parse_multipart(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, UploadedFile]]:
    """Split a multipart/form-data body into text fields and files (raises BadRequest)."""
    match = re.search(r'boundary="?([^";]+)"?', content_type)
    if not match:
        raise BadRequest("multipart body without a boundary")
    delimiter = b"--" + match.group(1).encode("latin-1")
    chunks = body.split(delimiter)
    if len(chunks) < 3 or not chunks[-1].startswith(b"--"):
        raise BadRequest("malformed multipart body")
    fields: dict[str, str] = {}
    files: dict[str, UploadedFile] = {}
    for chunk in chunks[1:-1]:
        # Each part is CRLF headers CRLF CRLF content CRLF (the CRLF belongs to the delimiter).
        if not chunk.startswith(b"\r\n") or not chunk.endswith(b"\r\n"):
            raise BadRequest("malformed multipart part")
        head, sep, content = chunk[2:-2].partition(b"\r\n\r\n")
        if not sep:
            raise BadRequest("multipart part without headers")
        headers = BytesHeaderParser(policy=HTTP).parsebytes(head + b"\r\n\r\n")
        name = headers.get_param("name", header="content-disposition")
        if isinstance(name, tuple):  # an RFC 2231 name*=charset''value comes back in parts
            name = collapse_rfc2231_value(name)
        if not name:
            raise BadRequest("multipart part without a name")
        filename = headers.get_filename()
        if filename is not None:
            files[name] = UploadedFile(filename, headers.get_content_type(), content)
        else:
            fields[name] = content.decode("utf-8", "replace")
    return fields, files


@dataclass
class Response:
    status: int = 200
    json: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | str = b""

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        headers = dict(self.headers)
        body = self.body
        if self.json is not None:
            body = jsonlib.dumps(self.json).encode()
            headers.setdefault("Content-Type", "application/json; charset=utf-8")
        elif isinstance(body, str):
            body = body.encode()
            headers.setdefault("Content-Type", "text/plain; charset=utf-8")
        return body, headers


# What a route handler is once bound to its fake: None means "204 No Content".
Handler = Callable[[Request], Response | None]
_F = TypeVar("_F", bound=Callable[..., Any])


def route(method: str, pattern: str) -> Callable[[_F], _F]:
    """Mark a FakeServer method as the handler of ``method`` requests whose path matches."""

    def mark(fn: _F) -> _F:
        # The mark is an attribute on the function itself, read back by _collect_routes.
        fn._routes = [  # type: ignore[attr-defined]
            *getattr(fn, "_routes", []), (method.upper(), re.compile(pattern))]
        return fn

    return mark


# ---------------------------------------------------------------------------------------------
# Faults


@dataclass
class Fault:
    kind: str
    method: str | None = None
    pattern: re.Pattern[str] | None = None
    times: int | None = 1  # None: forever
    options: dict[str, Any] = field(default_factory=dict)

    def matches(self, method: str, path: str) -> bool:
        if self.method and self.method != method:
            return False
        return self.pattern is None or bool(self.pattern.search(path))


def _parse_route(spec: str | None) -> tuple[str | None, re.Pattern[str] | None]:
    if not spec:
        return None, None
    method, _, pattern = spec.strip().partition(" ")
    if method.upper() in ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD") and pattern:
        return method.upper(), re.compile(pattern.strip())
    return None, re.compile(spec.strip())


class FaultInjector:
    """Faults waiting for the next matching requests, used in the order they were added."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: list[Fault] = []
        self._random: tuple[float, list[Fault], random.Random] | None = None
        self.fired: list[tuple[str, str, str]] = []  # (kind, method, path)

    def add(self, kind: str, route: str | None = None, times: int | None = 1,
            **options: Any) -> Fault:
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {', '.join(FAULT_KINDS)}")
        method, pattern = _parse_route(route)
        fault = Fault(kind, method, pattern, times, options)
        with self._lock:
            self._queue.append(fault)
        return fault

    def random(self, rate: float, *, seed: int = 0,
               kinds: Iterable[str | tuple[str, dict[str, Any]]] = (),
               route: str | None = None) -> None:
        """From now on, each matching request meets a fault with probability ``rate``.
        ``kinds`` items are a kind or (kind, options); the default is every kind."""
        method, pattern = _parse_route(route)
        chosen: list[Fault] = []
        for item in kinds or FAULT_KINDS:
            kind, options = (item, {}) if isinstance(item, str) else item
            if kind not in FAULT_KINDS:
                raise ValueError(f"unknown fault kind {kind!r}")
            chosen.append(Fault(kind, method, pattern, None, dict(options)))
        with self._lock:
            self._random = (rate, chosen, random.Random(seed))

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()
            self._random = None

    @property
    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._queue)

    def take(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self._queue:
                if fault.matches(method, path):
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times <= 0:
                            self._queue.remove(fault)
                    self.fired.append((fault.kind, method, path))
                    return fault
            if self._random is not None:
                rate, kinds, rng = self._random
                candidates = [f for f in kinds if f.matches(method, path)]
                if candidates and rng.random() < rate:
                    fault = rng.choice(candidates)
                    self.fired.append((fault.kind, method, path))
                    return fault
        return None


# ---------------------------------------------------------------------------------------------
# The server


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    fake: FakeServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up mid-request (a cancelled upload, a killed test) is one log
        line, as a real platform's access log would have it; socketserver would print a
        traceback to stderr."""
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError | TimeoutError | OSError):
            logging.getLogger("siaran.practice").info(
                "%s: client %s:%s hung up (%s)", type(self.fake).__name__, *client_address[:2],
                type(exc).__name__)
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real platforms and httpx use
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output quiet; the fake logs requests

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without NODELAY, Nagle's algorithm and
        # the client's delayed ACK stall every small answer by up to 40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.fake._track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        except (OSError, ValueError):  # the connection was reset on purpose
            pass
        self.server.fake._track(self.connection, False)

    def _dispatch(self) -> None:
        fake = self.server.fake
        self.idle = False
        fake._busy_change(+1)
        try:
            fake._handle(self)
        except (ConnectionError, BrokenPipeError, TimeoutError, OSError):
            self.close_connection = True
        finally:
            if not self.idle:
                fake._busy_change(-1)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _dispatch


class FakeServer:
    """A fake platform on 127.0.0.1 at an ephemeral port. Subclasses add ``@route`` handlers and
    their platform's own ``rate_limit_response``, ``duplicate_response`` and
    ``expired_token_response``."""

    platform_id: str = ""  # the platform this fake stands in for (practice mode uses it)
    hang_seconds = 30.0  # "timeout" fault: longer than any client timeout in tests

    def __init__(self, *, latency: float = 0.0):
        self.latency = latency  # seconds added to every answer (benchmarks, progress in the GUI)
        self.requests: list[Request] = []
        self.errors: list[str] = []  # handler crashes: a bug in the fake, tests assert it is empty
        self.faults = FaultInjector()
        self.lock = threading.RLock()  # for subclasses' state
        self.skew = 0.0  # seconds the platform's clock is ahead of the real one (advance())
        self._stopped = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._connections: set[socket.socket] = set()
        self._conn_lock = threading.Lock()
        self._busy = 0
        self._busy_cond = threading.Condition()
        self._routes = self._collect_routes()

    # -- life cycle ---------------------------------------------------------------------------

    def start(self) -> FakeServer:
        if self._httpd is None:
            self._stopped.clear()
            self._httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
            self._httpd.fake = self
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                name=f"{type(self).__name__}", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._stopped.set()  # wakes hanging handlers
        self._httpd.shutdown()
        with self._conn_lock:
            for sock in list(self._connections):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        self._httpd.server_close()
        if self._thread:
            self._thread.join(5)
        self._httpd = None

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the fake server is not started")
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- what subclasses override ---------------------------------------------------------------

    def error_response(self, status: int, message: str) -> Response:
        return Response(status, json={"error": message})

    def rate_limit_response(self, retry_after: float) -> Response:
        return Response(429, json={"error": "rate limited"},
                        headers={"Retry-After": str(int(round(retry_after)))})

    def duplicate_response(self) -> Response:
        return self.error_response(409, "duplicate")

    def expired_token_response(self) -> Response:
        return self.error_response(401, "token expired")

    def practice_account(self) -> tuple[dict[str, str], dict[str, str]]:
        """(settings, secrets) of an account that talks to this fake (practice mode)."""
        raise NotImplementedError

    # -- the platform's clock: what it holds for later goes out when it passes -----------------

    def clock_now(self) -> datetime:
        """The platform's time (UTC): the real one, plus what tests let pass with advance()."""
        return datetime.now(UTC) + timedelta(seconds=self.skew)

    def advance(self, seconds: float) -> None:
        """Let time pass on the platform (tests): whatever it holds that is now due goes out."""
        with self.lock:
            self.skew += seconds
        self.publish_due()

    def publish_due(self) -> None:
        """Publish what the platform held until now (a fake that schedules overrides this)."""

    # -- helpers for tests ----------------------------------------------------------------------

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no request is being worked on (a hanging "timeout" fault does not count).
        A test's injected sleep calls this: in real time passing, the server would finish."""
        with self._busy_cond:
            return self._busy_cond.wait_for(lambda: self._busy == 0, timeout)

    def _busy_change(self, delta: int) -> None:
        with self._busy_cond:
            self._busy += delta
            self._busy_cond.notify_all()

    def requests_to(self, method: str, pattern: str) -> list[Request]:
        rx = re.compile(pattern)
        with self.lock:
            return [r for r in self.requests if r.method == method.upper() and rx.search(r.path)]

    # -- plumbing -----------------------------------------------------------------------------

    def _collect_routes(self) -> list[tuple[str, re.Pattern[str], Handler]]:
        routes: list[tuple[str, re.Pattern[str], Handler]] = []
        for name in dir(type(self)):
            fn = getattr(type(self), name, None)
            for method, pattern in getattr(fn, "_routes", ()):
                routes.append((method, pattern, getattr(self, name)))
        return routes

    def _track(self, sock: socket.socket, alive: bool) -> None:
        with self._conn_lock:
            (self._connections.add if alive else self._connections.discard)(sock)

    def _find(self, method: str, path: str) -> tuple[Handler | None, dict[str, str]]:
        for m, pattern, handler in self._routes:
            if m == method:
                match = pattern.fullmatch(path)
                if match:
                    return handler, match.groupdict()
        return None, {}

    def _handle(self, h: _Handler) -> None:
        split = urlsplit(h.path)
        method, path = h.command, split.path
        query_all = parse_qs(split.query, keep_blank_values=True)
        headers = Headers(h.headers.items())
        handler, params = self._find(method, path)
        fault = self.faults.take(method, path)
        request = Request(method, path, headers, {k: v[-1] for k, v in query_all.items()},
                          query_all=query_all, params=params,
                          fault=fault.kind if fault else None)

        if fault and fault.kind == "reset":
            self._reset(h, request, fault)
            return
        request.body = self._read_body(h, headers)
        with self.lock:
            self.requests.append(request)
        if self.latency:
            self._stopped.wait(self.latency)

        if fault is None:
            response = self._run(handler, request)
        elif fault.kind == "timeout":
            if fault.options.get("after_work"):
                self._run(handler, request)
            h.idle = True  # hanging is not working: wait_idle() need not wait for it
            self._busy_change(-1)
            self._stopped.wait(fault.options.get("seconds", self.hang_seconds))
            h.close_connection = True
            return
        elif fault.kind == "success_then_500":
            self._run(handler, request)
            response = self.error_response(500, "internal server error")
        elif fault.kind == "status":
            code = int(fault.options.get("code", 503))
            response = self.error_response(code, "injected failure")
        elif fault.kind == "rate_limit":
            response = self.rate_limit_response(float(fault.options.get("retry_after", 1)))
        elif fault.kind == "duplicate":
            response = self.duplicate_response()
        else:  # expired_token
            response = self.expired_token_response()
        self._write(h, response)

    def _run(self, handler: Handler | None, request: Request) -> Response:
        if handler is None:
            return self.error_response(404, f"no route for {request.method} {request.path}")
        try:
            response = handler(request)
        except BadRequest as exc:
            return self.error_response(exc.status, exc.message)
        except Exception as exc:  # a bug in the fake: make it loud in tests, 500 to the client
            import traceback

            self.errors.append(traceback.format_exc())
            return self.error_response(500, f"fake crashed: {type(exc).__name__}")
        return response if response is not None else Response(204)

    def _read_body(self, h: _Handler, headers: Headers) -> bytes:
        if "chunked" in (headers.get("transfer-encoding") or "").lower():
            out = bytearray()
            while True:
                size = int(h.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while h.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return bytes(out)
                out += h.rfile.read(size)
                h.rfile.readline()
        length = int(headers.get("content-length") or 0)
        return h.rfile.read(length) if length else b""

    def _reset(self, h: _Handler, request: Request, fault: Fault) -> None:
        """Read part of the body, then abort: SO_LINGER 0 makes close() send a TCP RST."""
        length = int(request.headers.get("content-length") or 0)
        part = min(length // 2, int(fault.options.get("after_bytes", 64 * 1024)))
        request.body = h.rfile.read(part) if part else b""
        request.complete = False
        with self.lock:
            self.requests.append(request)
        sock = h.connection
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            # close() would wait for the handler's file objects; closing the descriptor itself
            # aborts now, while the client is still sending.
            os.close(sock.detach())
        except OSError:
            pass
        h.close_connection = True

    def _write(self, h: _Handler, response: Response) -> None:
        body, headers = response.encoded()
        h.send_response(response.status)
        for name, value in headers.items():
            h.send_header(name, value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if h.command != "HEAD":
            h.wfile.write(body)
        h.wfile.flush()
