"""What the practice Facebook, Instagram and Threads servers share: Meta's Graph API manners.

- The token as ``access_token`` (query or form) or ``Authorization: Bearer``.
- Errors as ``{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}``.
- Usage headers on every answer (``X-App-Usage``, ``X-Business-Use-Case-Usage``); throttling
  as code 4/32/80001 with ``estimated_time_to_regain_access`` in whole minutes.
- A tiny S3-style object store (``PUT``/``GET /practice-media/<key>``) so practice accounts can
  host their images on the same loopback server (Instagram and Threads fetch images by URL).
- Fetching an ``image_url`` the way Meta does, but only from 127.0.0.1.

Sources: https://developers.facebook.com/docs/graph-api/guides/error-handling,
https://developers.facebook.com/docs/graph-api/overview/rate-limiting
"""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import json
import math
import secrets
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

from platforms.practice.server import BadRequest, FakeServer, Handler, Request, Response, route

VERSION = r"/v\d+\.\d+"
MEDIA_BUCKET = "practice-media"


class GraphFault(BadRequest):
    """An error in Graph's own shape (raise it from a handler)."""

    def __init__(self, message: str, code: int, status: int = 400, subcode: int | None = None,
                 user_msg: str | None = None, transient: bool = False):
        super().__init__(message, status)
        self.code, self.subcode, self.user_msg, self.transient = code, subcode, user_msg, transient


def graph_error(status: int, message: str, code: int, subcode: int | None = None, *,
                user_msg: str | None = None, transient: bool = False,
                headers: dict[str, str] | None = None) -> Response:
    error = {"message": message, "type": "OAuthException", "code": code,
             "fbtrace_id": "A" + secrets.token_urlsafe(12)}
    if subcode is not None:
        error["error_subcode"] = subcode
    if user_msg:
        error["error_user_msg"] = user_msg
    if transient:
        error["is_transient"] = True
    return Response(status, json={"error": error}, headers=headers or {})


def now_graph() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


class GraphFake(FakeServer):
    """Base of the Meta fakes. Subclasses set ``tokens`` and their routes."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.tokens: set[str] = set()
        self.ids = itertools.count(17_841_400_000_000_001)
        self.calls = 0
        self.objects: dict[str, tuple[str, bytes]] = {}  # practice media: key -> (type, bytes)
        self.fetch_timeout = 5.0
        # Meta Login: the app registered for practice, and the token a sign-in ends with.
        self.app_id, self.app_secret = "practice-meta-app", "practice-meta-app-secret"
        self.login_token = ""
        self.exchanges: list[str] = []  # the tokens handed to fb_exchange_token, in order
        self.codes: dict[str, dict[str, Any]] = {}

    def new_id(self) -> str:
        return str(next(self.ids))

    # -- Graph manners --------------------------------------------------------------------------

    def _run(self, handler: Handler | None, request: Request) -> Response:
        if handler is None:
            response = self.error_response(404, request.path)
        else:
            try:
                response = handler(request) or Response(204)  # None: 204, as the base does
            except GraphFault as exc:
                response = self._fault(exc)
            except BadRequest as exc:
                response = self.error_response(exc.status, exc.message)
            except Exception as exc:  # a bug in the fake: loud in tests, 500 to the client
                import traceback

                self.errors.append(traceback.format_exc())
                response = self.error_response(500, f"fake crashed: {type(exc).__name__}")
        with self.lock:
            self.calls += 1
            share = min(100, self.calls // 10)
        response.headers.setdefault("X-App-Usage", json.dumps(
            {"call_count": share, "total_cputime": 1, "total_time": 1}))
        return response

    def error_response(self, status: int, message: str) -> Response:
        if status >= 500:
            return graph_error(status, "An unexpected error has occurred. Please retry your "
                               "request later.", 2, transient=True)
        if status == 404:
            return graph_error(404, f"Unknown path components: {message}", 2500)
        return graph_error(status, message, 100)

    def _fault(self, exc: GraphFault) -> Response:
        return graph_error(exc.status, exc.message, exc.code, exc.subcode, user_msg=exc.user_msg,
                           transient=exc.transient)

    def rate_limit_response(self, retry_after: float) -> Response:
        minutes = max(1, math.ceil(retry_after / 60))
        usage = {"page": [{"type": "pages", "call_count": 100, "total_cputime": 30,
                           "total_time": 40, "estimated_time_to_regain_access": minutes}]}
        return graph_error(400, "(#80001) There have been too many calls to this Page account. "
                           "Wait a bit and try again.", 80001,
                           headers={"X-Business-Use-Case-Usage": json.dumps(usage)})

    def expired_token_response(self) -> Response:
        return graph_error(400, "Error validating access token: Session has expired.", 190, 463)

    # -- requests ------------------------------------------------------------------------------

    def fields(self, req: Request) -> dict[str, str]:
        """Parameters from the query and a form or JSON body (Graph accepts all three)."""
        out = dict(req.query)
        if req.content_type == "application/json":
            body = req.json()
            if isinstance(body, dict):
                out.update({k: v if isinstance(v, str) else json.dumps(v)
                            for k, v in body.items()})
        else:
            out.update(req.form)
        return out

    def token(self, req: Request) -> str:
        token = self.fields(req).get("access_token") or req.bearer()
        if not token:
            raise GraphFault("An active access token must be used to query information about "
                             "the current user.", 2500)
        if token not in self.tokens:
            raise GraphFault("Invalid OAuth access token - Cannot parse access token", 190)
        return token

    # -- Meta Login (practice: the officer is signed in already and approves at once) ---------

    @route("GET", VERSION + r"/dialog/oauth")
    def dialog(self, req: Request) -> Response:
        q = req.query
        if q.get("client_id") != self.app_id or not q.get("redirect_uri", "").startswith("http"):
            return Response(400, body="Invalid App ID or redirect_uri")
        code = secrets.token_urlsafe(16)
        with self.lock:
            self.codes[code] = {"redirect_uri": q["redirect_uri"],
                                "challenge": q.get("code_challenge"), "scope": q.get("scope")}
        answer = urlencode({"code": code, "state": q.get("state", "")})
        return Response(302, headers={"Location": f"{q['redirect_uri']}?{answer}"})

    @route("GET", VERSION + r"/oauth/access_token")
    @route("POST", VERSION + r"/oauth/access_token")
    def oauth_access_token(self, req: Request) -> Response:
        # Not named access_token: Instagram's and Threads' fakes keep their token under that name.
        f = self.fields(req)
        if f.get("client_id") != self.app_id or f.get("client_secret") != self.app_secret:
            raise GraphFault("Error validating client secret.", 1)
        if f.get("grant_type") == "fb_exchange_token":  # short-lived -> long-lived (60 days)
            token = f.get("fb_exchange_token", "")
            # A long-lived token still valid may be exchanged again: another 60 days (renewal).
            if token != self.login_token and not self.accepts_short_token(token):
                raise GraphFault("Invalid OAuth access token.", 190)
            self.exchanges.append(token)
            return self.long_lived()
        return self.code_grant(f)

    def accepts_short_token(self, token: str) -> bool:
        """Whether a short-lived token may be exchanged for the long-lived one: one this fake's
        dialog gave out. (A test whose sign-in ran at a real OAuth server asks that server.)"""
        return token in self.tokens

    def long_lived(self) -> Response:
        return Response(200, json={"access_token": self.login_token, "token_type": "bearer",
                                   "expires_in": 5183944})

    def code_grant(self, f: dict[str, str]) -> Response:
        """An authorization code (+ PKCE verifier) for a short-lived token."""
        with self.lock:
            grant = self.codes.pop(f.get("code", ""), None)
        if grant is None or grant["redirect_uri"] != f.get("redirect_uri"):
            raise GraphFault("This authorization code has been used.", 100, subcode=36009)
        if grant["challenge"]:
            digest = hashlib.sha256(f.get("code_verifier", "").encode()).digest()
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != grant["challenge"]:
                raise GraphFault("Invalid code verifier", 100)
        short = "practice-short-" + secrets.token_urlsafe(8)
        with self.lock:
            self.tokens.add(short)
        return Response(200, json={"access_token": short, "token_type": "bearer",
                                   "expires_in": 3600})

    # -- fetching images like Meta does (loopback only) ----------------------------------------

    def fetch(self, url: str) -> bytes:
        """GET ``url`` (127.0.0.1 only) or raise the Graph error Meta gives."""
        import urllib.request

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.hostname != "127.0.0.1":
            raise GraphFault("The media could not be fetched from this URI: " + url, 9004,
                             subcode=2207052, user_msg="Only 127.0.0.1 is reachable in practice")
        try:
            with urllib.request.urlopen(url, timeout=self.fetch_timeout) as answer:  # noqa: S310
                data: bytes = answer.read()  # urlopen's answer is typed Any
                return data
        except Exception:  # noqa: BLE001 - any failure is Meta's "could not be fetched"
            raise GraphFault("The media could not be fetched from this URI: " + url, 9004,
                             subcode=2207052) from None

    @staticmethod
    def image_info(data: bytes) -> tuple[str, int, int]:
        """(format, width, height) of image bytes; ("", 0, 0) when not an image."""
        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as im:
                return (im.format or ""), im.width, im.height
        except Exception:  # noqa: BLE001
            return "", 0, 0

    # -- the practice media store (S3-style, no signature check) --------------------------------

    @route("PUT", rf"/{MEDIA_BUCKET}/(?P<key>.+)")
    def put_object(self, req: Request) -> Response:
        if not req.complete:
            raise BadRequest("incomplete body")
        with self.lock:
            self.objects[req.params["key"]] = (req.headers.get("content-type", ""), req.body)
        return Response(200, headers={"ETag": '"practice"'})

    @route("GET", rf"/{MEDIA_BUCKET}/(?P<key>.+)")
    def get_object(self, req: Request) -> Response:
        with self.lock:
            found = self.objects.get(req.params["key"])
        if found is None:
            return Response(404, body="NoSuchKey")
        return Response(200, body=found[1], headers={"Content-Type": found[0]})

    def media_host_settings(self) -> dict[str, str]:
        """Account settings that host images on this fake's practice store."""
        return {"media_host": "s3", "media_s3_endpoint": self.url,
                "media_s3_bucket": MEDIA_BUCKET, "media_s3_region": "us-east-1",
                "media_s3_access_key_id": "practice", "media_s3_public": "yes"}
