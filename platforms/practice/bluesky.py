"""A practice Bluesky PDS: the com.atproto calls a composer makes, checked the way the real PDS
checks them. Facts: docs/platforms.md §3, and the answers of a real @atproto/pds 0.5.35
recorded in docs/peers.md §1 (tests/peers/bluesky runs that real PDS for the e2e tests).

Faithful details: expired access tokens are HTTP 400 ``ExpiredToken`` (not 401); a garbage token
is 400 ``InvalidToken``; lexicon errors read "Invalid app.bsky.feed.post record: ... at $.path";
a record key that already exists makes the real PDS answer 500 ``InternalServerError`` (the MST
refuses the key), and so does this fake; blobs over 5 MiB are 413 ``PayloadTooLarge``, images
over 2,000,000 bytes are refused when the post references them. Every answer carries the
``RateLimit-*`` headers of atproto's xrpc-server (reset in epoch seconds).

The same server also plays Bluesky's video service (set the account's "video_service" to its
address): ``com.atproto.server.getServiceAuth`` signs service tokens (audience and method
checked where they are used), ``app.bsky.video.getUploadLimits`` answers the account's daily
quota, ``uploadVideo`` takes the MP4 (a video already processed for the account is 409
``already_exists`` with its earlier job), and ``getJobStatus`` moves a job from pending through
processing to ``JOB_STATE_COMPLETED`` (the blob then stored on the account, as the real service
stores it on the PDS) or ``JOB_STATE_FAILED`` (a file that is no MP4). Sources:
https://docs.bsky.app/docs/tutorials/video,
https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/video/defs.json,
https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/video/getUploadLimits.json.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import secrets
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import regex

from platforms.practice.server import BadRequest, FakeServer, Handler, Request, Response, route

POST = "app.bsky.feed.post"
PROFILE = "app.bsky.actor.profile"
TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
_NAMES = {400: "InvalidRequest", 401: "AuthenticationRequired", 403: "Forbidden",
          404: "NotFound", 413: "PayloadTooLarge", 429: "RateLimitExceeded",
          500: "InternalServerError", 501: "MethodNotImplemented", 502: "UpstreamFailure",
          503: "NotEnoughResources", 504: "UpstreamTimeout"}


class XrpcError(BadRequest):
    def __init__(self, status: int, error: str, message: str):
        super().__init__(message, status)
        self.error = error


def cid_for(data: bytes, codec: int = 0x55) -> str:
    """A CIDv1 (sha2-256) in base32, as the PDS names blobs (raw codec, ``bafkrei…``) and
    records (dag-cbor 0x71, ``bafyrei…``)."""
    raw = bytes([0x01, codec, 0x12, 0x20]) + hashlib.sha256(data).digest()
    return "b" + base64.b32encode(raw).decode().lower().rstrip("=")


def sniff_mime(data: bytes) -> str:
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp":
        return "video/quicktime" if data[8:12] == b"qt  " else "video/mp4"
    if data.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    return "application/octet-stream"


@dataclass
class Account:
    did: str
    handle: str
    password: str
    app_passwords: dict[str, str] = field(default_factory=dict)  # password -> name
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # rkey -> {cid, value}
    blobs: dict[str, dict[str, Any]] = field(default_factory=dict)  # cid -> {mime, size, data}
    profile: dict[str, Any] = field(default_factory=dict)  # app.bsky.actor.profile/self


class BlueskyFake(FakeServer):
    platform_id = "bluesky"
    access_ttl = 7200.0  # seconds; the reference PDS gives 120 minutes
    max_upload_bytes = 5 * 1024 * 1024  # the reference PDS's PDS_BLOB_UPLOAD_LIMIT
    max_image_bytes = 2_000_000  # lexicon app.bsky.embed.images
    rate_limit = 3000  # per five minutes, the global per-IP limit

    def __init__(self, *, video_service: bool = False, **kw: Any) -> None:
        super().__init__(**kw)
        self.video_service = video_service  # the practice account sends video to this server's
        self.accounts: dict[str, Account] = {}  # did -> account
        self.tokens: dict[str, tuple[str, str, float]] = {}  # token -> (did, kind, expires)
        self.window_start, self.used = time.time(), 0
        # the video service
        self.service_tokens: dict[str, tuple[str, str, str, float]] = {}  # -> did, aud, lxm, exp
        self.video_jobs: dict[str, dict[str, Any]] = {}  # job id -> status and data
        self.video_uploads = 0  # uploadVideo requests that carried a video
        self.daily_videos, self.daily_bytes = 25, 10 * 1000 * 1000 * 1000
        self.used_videos: dict[str, tuple[int, int]] = {}  # did -> videos, bytes today
        self.video_fails: str | None = None  # a failure message every job gets, for tests

    # -- accounts (tests and practice mode) ------------------------------------------------------

    def add_account(self, handle: str, password: str = "main-password") -> Account:
        did = "did:plc:" + base64.b32encode(hashlib.sha256(handle.encode()).digest()).decode().lower()[:24]
        with self.lock:
            account = self.accounts[did] = Account(did, handle, password)
        return account

    def add_app_password(self, handle: str, name: str = "siaran") -> str:
        account = self._by_handle(handle)
        password = "-".join(secrets.token_hex(2) for _ in range(4))
        with self.lock:
            account.app_passwords[password] = name
        return password

    def practice_account(self) -> tuple[dict[str, str], dict[str, str]]:
        handle = "humas-latihan.test"
        if not any(a.handle == handle for a in self.accounts.values()):
            self.add_account(handle).profile = {"$type": PROFILE, "displayName": "Humas (latihan)"}
        # web_url: post links open this fake's own page instead of bsky.app
        settings = {"service": self.url, "handle": handle, "web_url": self.url}
        if self.video_service:  # as an account on Bluesky's servers does (else: a self-hosted PDS)
            settings["video_service"] = self.url
        return settings, {"app_password": self.add_app_password(handle)}

    def expire_tokens(self) -> None:
        """Make every access token expired, as after two hours (refresh tokens stay valid)."""
        with self.lock:
            for token, (did, kind, _exp) in list(self.tokens.items()):
                if kind == "access":
                    self.tokens[token] = (did, kind, time.time() - 1)

    def published_texts(self) -> list[str]:
        """The text of every post held now, one per post (thread replies left out)."""
        with self.lock:
            return [r["value"]["text"] for a in self.accounts.values()
                    for r in a.records.values() if "reply" not in r["value"]]

    def posts(self, handle_or_did: str) -> dict[str, dict[str, Any]]:
        account = self._by_handle(handle_or_did)
        return {k: v["value"] for k, v in account.records.items()}

    def _by_handle(self, who: str) -> Account:
        with self.lock:
            for account in self.accounts.values():
                if who in (account.did, account.handle):
                    return account
        raise XrpcError(400, "InvalidRequest", f"Could not find repo: {who}")

    # -- formats ---------------------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        with self.lock:
            if time.time() - self.window_start > 300:
                self.window_start, self.used = time.time(), 0
            self.used += 1
            return {"RateLimit-Limit": str(self.rate_limit),
                    "RateLimit-Remaining": str(max(0, self.rate_limit - self.used)),
                    "RateLimit-Reset": str(int(self.window_start + 300)),
                    "RateLimit-Policy": f"{self.rate_limit};w=300"}

    def _json(self, body: Any, status: int = 200) -> Response:
        return Response(status, json=body, headers=self._headers())

    def error_response(self, status: int, message: str) -> Response:
        return self._json({"error": _NAMES.get(status, "InternalServerError"), "message": message},
                          status)

    def _run(self, handler: Handler | None, request: Request) -> Response:
        if handler is None:
            return super()._run(handler, request)

        def answer(req: Request) -> Response | None:  # keep the XRPC error name of XrpcError
            try:
                return handler(req)
            except XrpcError as exc:
                return self._json({"error": exc.error, "message": exc.message}, exc.status)

        return super()._run(answer, request)

    def rate_limit_response(self, retry_after: float) -> Response:
        reset = int(time.time() + retry_after + 0.999)
        return Response(429, json={"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"},
                        headers={"RateLimit-Limit": str(self.rate_limit), "RateLimit-Remaining": "0",
                                 "RateLimit-Reset": str(reset),
                                 "RateLimit-Policy": f"{self.rate_limit};w=300"})

    def duplicate_response(self) -> Response:
        # Bluesky has no duplicate check; the nearest real answer is an existing record key.
        return self._json({"error": "InternalServerError", "message": "Internal Server Error"}, 500)

    def expired_token_response(self) -> Response:
        return self._json({"error": "ExpiredToken", "message": "Token has expired"}, 400)

    # -- auth ------------------------------------------------------------------------------------

    def _issue(self, did: str) -> dict[str, str]:
        now = time.time()
        tokens = {}
        for kind, ttl in (("access", self.access_ttl), ("refresh", 90 * 86400.0)):
            payload = base64.urlsafe_b64encode(
                f'{{"scope":"com.atproto.{kind}","sub":"{did}","exp":{int(now + ttl)}}}'.encode()).decode().rstrip("=")
            token = f"eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJIUzI1NiJ9.{payload}.{secrets.token_urlsafe(32)}"
            self.tokens[token] = (did, kind, now + ttl)
            tokens[f"{kind}Jwt"] = token
        return tokens

    def _auth(self, request: Request, kind: str = "access") -> Account:
        token = request.bearer()
        if not token:
            raise XrpcError(401, "AuthMissing", "Authentication Required")
        with self.lock:
            entry = self.tokens.get(token)
        if entry is None or entry[1] != kind:
            raise XrpcError(400, "InvalidToken", "Token could not be verified")
        did, _kind, expires = entry
        if time.time() >= expires:
            raise XrpcError(400, "ExpiredToken", "Token has expired")
        return self.accounts[did]

    def _session_body(self, account: Account, tokens: dict[str, str]) -> dict[str, Any]:
        return {**tokens, "handle": account.handle, "did": account.did,
                "email": f"{account.handle}@example.invalid", "emailConfirmed": False,
                "active": True}

    @route("POST", r"/xrpc/com\.atproto\.server\.createSession")
    def create_session(self, request: Request) -> Response:
        body = request.json() or {}
        identifier, password = body.get("identifier"), body.get("password")
        if not isinstance(identifier, str) or not isinstance(password, str):
            raise XrpcError(400, "InvalidRequest", "Input must have the property \"identifier\"")
        with self.lock:
            account = next((a for a in self.accounts.values()
                            if identifier.lower().lstrip("@") in (a.handle, a.did)), None)
            if account is None or (password != account.password
                                   and password not in account.app_passwords):
                raise XrpcError(401, "AuthenticationRequired", "Invalid identifier or password")
            return self._json(self._session_body(account, self._issue(account.did)))

    @route("POST", r"/xrpc/com\.atproto\.server\.refreshSession")
    def refresh_session(self, request: Request) -> Response:
        account = self._auth(request, "refresh")
        with self.lock:
            self.tokens.pop(request.bearer() or "", None)  # refresh tokens rotate
            return self._json(self._session_body(account, self._issue(account.did)))

    @route("GET", r"/xrpc/com\.atproto\.server\.getSession")
    def get_session(self, request: Request) -> Response:
        account = self._auth(request)
        return self._json({"handle": account.handle, "did": account.did, "active": True,
                           "email": f"{account.handle}@example.invalid", "emailConfirmed": False})

    @route("GET", r"/xrpc/com\.atproto\.identity\.resolveHandle")
    def resolve_handle(self, request: Request) -> Response:
        handle = request.query.get("handle", "")
        with self.lock:
            for account in self.accounts.values():
                if account.handle == handle.lower():
                    return self._json({"did": account.did})
        raise XrpcError(400, "HandleNotFound", "Unable to resolve handle")

    @route("GET", r"/xrpc/com\.atproto\.repo\.describeRepo")
    def describe_repo(self, request: Request) -> Response:
        account = self._by_handle(request.query.get("repo", ""))
        return self._json({"handle": account.handle, "did": account.did, "handleIsCorrect": True,
                           "collections": [POST] if account.records else [],
                           "didDoc": {"id": account.did}})

    # -- blobs and records -------------------------------------------------------------------------

    @route("POST", r"/xrpc/com\.atproto\.repo\.uploadBlob")
    def upload_blob(self, request: Request) -> Response:
        account = self._auth(request)
        if len(request.body) > self.max_upload_bytes:
            raise XrpcError(413, "PayloadTooLarge", "request entity too large")
        if not request.content_type:
            raise XrpcError(400, "InvalidRequest", "Request encoding (Content-Type) required but not provided")
        mime = sniff_mime(request.body)
        if mime == "application/octet-stream":
            mime = request.content_type  # the PDS trusts the header when it cannot tell
        cid = cid_for(request.body)
        with self.lock:
            account.blobs[cid] = {"mime": mime, "size": len(request.body), "data": request.body}
        return self._json({"blob": {"$type": "blob", "ref": {"$link": cid}, "mimeType": mime,
                                    "size": len(request.body)}})

    @route("POST", r"/xrpc/com\.atproto\.repo\.createRecord")
    def create_record(self, request: Request) -> Response:
        account = self._auth(request)
        body = request.json() or {}
        if body.get("repo") not in (account.did, account.handle):
            raise XrpcError(400, "InvalidRequest", "Invalid repo")
        if body.get("collection") != POST:
            raise XrpcError(400, "InvalidRequest", f"Unsupported collection: {body.get('collection')}")
        rkey = body.get("rkey") or _tid()
        if not TID.match(str(rkey)):
            raise XrpcError(400, "InvalidRequest",
                            f'Invalid record key for {POST}: Invalid TID string (got "{rkey}") at $')
        record = validate_post(body.get("record"), account)
        with self.lock:
            if rkey in account.records:  # the real PDS's MST throws: a bare 500
                raise XrpcError(500, "InternalServerError", "Internal Server Error")
            cid = cid_for(repr(sorted(record.items())).encode(), codec=0x71)
            account.records[rkey] = {"cid": cid, "value": record}
        uri = f"at://{account.did}/{POST}/{rkey}"
        return self._json({"uri": uri, "cid": cid, "validationStatus": "valid",
                           "commit": {"cid": cid_for(uri.encode(), 0x71), "rev": _tid()}})

    @route("GET", r"/xrpc/com\.atproto\.repo\.getRecord")
    def get_record(self, request: Request) -> Response:
        q = request.query
        account = self._by_handle(q.get("repo", ""))
        uri = f"at://{account.did}/{q.get('collection')}/{q.get('rkey')}"
        with self.lock:
            found = account.records.get(q.get("rkey", "")) if q.get("collection") == POST else None
            if q.get("collection") == PROFILE and q.get("rkey") == "self" and account.profile:
                found = {"cid": cid_for(repr(account.profile).encode(), 0x71), "value": account.profile}
        if found is None:
            raise XrpcError(400, "RecordNotFound", f"Could not locate record: {uri}")
        return self._json({"uri": uri, "cid": found["cid"], "value": found["value"]})

    @route("POST", r"/xrpc/com\.atproto\.repo\.deleteRecord")
    def delete_record(self, request: Request) -> Response:
        account = self._auth(request)
        body = request.json() or {}
        if body.get("repo") not in (account.did, account.handle):
            raise XrpcError(400, "InvalidRequest", "Invalid repo")
        with self.lock:
            removed = account.records.pop(str(body.get("rkey")), None)
        return self._json({"commit": {"cid": cid_for(b"delete"), "rev": _tid()}} if removed else {})


    # -- the video service ---------------------------------------------------------------------------

    @route("GET", r"/xrpc/com\.atproto\.server\.getServiceAuth")
    def get_service_auth(self, request: Request) -> Response:
        account = self._auth(request)
        aud, lxm = request.query.get("aud", ""), request.query.get("lxm", "")
        if not aud:
            raise XrpcError(400, "InvalidRequest", 'Params must have the property "aud"')
        now = time.time()
        try:
            exp = float(request.query.get("exp") or now + 60)
        except ValueError:
            raise XrpcError(400, "InvalidRequest", "exp must be an integer") from None
        if exp <= now:
            raise XrpcError(400, "BadExpiration", "expiration is in past")
        if exp - now > 3600:  # the reference PDS allows an hour for a method-bound token
            raise XrpcError(400, "BadExpiration", "cannot request a token with an expiration "
                            "more than an hour in the future")
        token = "svc." + secrets.token_urlsafe(24)
        with self.lock:
            self.service_tokens[token] = (account.did, aud, lxm, exp)
        return self._json({"token": token})

    def _service_auth(self, request: Request, lxm: str) -> str:
        """The did a service token speaks for, once its audience (this host) and method fit."""
        with self.lock:
            entry = self.service_tokens.get(request.bearer() or "")
        if entry is None:
            raise XrpcError(401, "AuthMissing", "Authentication Required")
        did, aud, token_lxm, exp = entry
        host = (request.headers.get("host") or "").rsplit(":", 1)[0]
        if aud != f"did:web:{host}":
            raise XrpcError(401, "BadJwtAudience", "jwt audience does not match service did")
        if token_lxm != lxm:
            raise XrpcError(401, "BadJwtLexiconMethod", "bad jwt lexicon method (\"lxm\")")
        if time.time() >= exp:
            raise XrpcError(401, "JwtExpired", "jwt expired")
        return did

    def _limits(self, did: str) -> dict[str, Any]:
        videos, sent = self.used_videos.get(did, (0, 0))
        left_videos, left_bytes = self.daily_videos - videos, self.daily_bytes - sent
        limits: dict[str, Any] = {"canUpload": left_videos > 0 and left_bytes > 0,
                                  "remainingDailyVideos": max(0, left_videos),
                                  "remainingDailyBytes": max(0, left_bytes)}
        if not limits["canUpload"]:
            limits["message"] = "You have reached your daily upload limit"
        return limits

    @route("GET", r"/xrpc/app\.bsky\.video\.getUploadLimits")
    def get_upload_limits(self, request: Request) -> Response:
        did = self._service_auth(request, "app.bsky.video.getUploadLimits")
        with self.lock:
            return self._json(self._limits(did))

    @route("POST", r"/xrpc/app\.bsky\.video\.uploadVideo")
    def upload_video(self, request: Request) -> Response:
        did = self._service_auth(request, "com.atproto.repo.uploadBlob")
        if request.query.get("did") != did:
            raise XrpcError(400, "InvalidRequest", "did does not match the token's issuer")
        if not request.body:
            raise XrpcError(400, "InvalidRequest", "empty body")
        digest = hashlib.sha256(request.body).hexdigest()
        with self.lock:
            self.video_uploads += 1
            for job in self.video_jobs.values():
                if job["did"] == did and job["digest"] == digest:
                    return self._json({**self._status(job), "error": "already_exists",
                                       "message": "Video already processed"}, 409)
            if not self._limits(did)["canUpload"] or \
                    self._limits(did)["remainingDailyBytes"] < len(request.body):
                raise XrpcError(400, "InvalidRequest", "You have reached your daily upload limit")
            videos, sent = self.used_videos.get(did, (0, 0))
            self.used_videos[did] = (videos + 1, sent + len(request.body))
            job_id = secrets.token_hex(8)
            job = self.video_jobs[job_id] = {
                "jobId": job_id, "did": did, "state": "JOB_STATE_PENDING", "digest": digest,
                "data": request.body, "name": request.query.get("name", ""), "polls": 0}
            return self._json(self._status(job))

    @route("GET", r"/xrpc/app\.bsky\.video\.getJobStatus")
    def get_job_status(self, request: Request) -> Response:
        with self.lock:
            job = self.video_jobs.get(request.query.get("jobId", ""))
            if job is None:
                raise XrpcError(404, "NotFound", "job not found")
            if job["state"] not in ("JOB_STATE_COMPLETED", "JOB_STATE_FAILED"):
                job["polls"] += 1
                if job["polls"] == 1:
                    job.update(state="JOB_STATE_PROCESSING", progress=50)
                else:
                    self._finish(job)
            return self._json({"jobStatus": self._status(job)})

    def _finish(self, job: dict[str, Any]) -> None:
        data: bytes = job["data"]
        if self.video_fails or sniff_mime(data) != "video/mp4":
            job.update(state="JOB_STATE_FAILED", failureCode="validation_failure",
                       error="Invalid video", message=self.video_fails or "Unsupported video format")
            return
        cid = cid_for(data)
        self.accounts[job["did"]].blobs[cid] = {"mime": "video/mp4", "size": len(data), "data": data}
        job.update(state="JOB_STATE_COMPLETED", progress=100,
                   blob={"$type": "blob", "ref": {"$link": cid}, "mimeType": "video/mp4",
                         "size": len(data)})

    @staticmethod
    def _status(job: dict[str, Any]) -> dict[str, Any]:
        return {k: job[k] for k in ("jobId", "did", "state", "progress", "blob", "error",
                                    "failureCode", "message") if k in job}

    @route("GET", r"/xrpc/com\.atproto\.sync\.getBlob")
    def get_blob(self, request: Request) -> Response:
        account = self._by_handle(request.query.get("did", ""))
        blob = account.blobs.get(request.query.get("cid", ""))
        if blob is None:
            raise XrpcError(400, "BlobNotFound", "Blob not found")
        return Response(200, body=blob["data"], headers={"Content-Type": blob["mime"]})

    @route("GET", r"/profile/(?P<handle>[^/]+)/post/(?P<rkey>[a-z2-7]+)")
    def post_page(self, request: Request) -> Response:
        """What bsky.app would show, plainly: the link in the history opens the practice post."""
        account = self._by_handle(request.params["handle"])
        found = account.records.get(request.params["rkey"])
        if found is None:
            return Response(404, body="<h1>Post not found</h1>",
                            headers={"Content-Type": "text/html; charset=utf-8"})
        record = found["value"]
        images = "".join(
            f'<img src="/xrpc/com.atproto.sync.getBlob?did={account.did}&cid='
            f'{i["image"]["ref"]["$link"]}" alt="{html.escape(i.get("alt", ""))}" width="300">'
            for i in (record.get("embed") or {}).get("images", []))
        page = (f"<!doctype html><meta charset=utf-8><title>@{html.escape(account.handle)}</title>"
                f"<p><b>@{html.escape(account.handle)}</b> (practice)</p>"
                f"<p>{html.escape(record['text'])}</p>{images}")
        return Response(200, body=page, headers={"Content-Type": "text/html; charset=utf-8"})


# ---------------------------------------------------------------------------------------------
# The lexicon app.bsky.feed.post, as the PDS validates it (message style of @atproto/lexicon).


def _bad(message: str, at: str) -> XrpcError:
    return XrpcError(400, "InvalidRequest", f"Invalid {POST} record: {message} at {at}")


def _require(value: Any, keys: tuple[str, ...], at: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _bad("Expected an object", at)
    for key in keys:
        if key not in value:
            raise _bad(f'Missing required key "{key}"', at)
    return value


def validate_post(value: Any, account: Account) -> dict[str, Any]:
    """The lexicon first (shapes and limits, from the record alone), then the blobs it names:
    the order the real PDS checks in, so the same bad record earns the same answer. Returns
    the record, now known to be an object."""
    record = _require(value, ("text", "createdAt"), "$.record")
    if record.get("$type") != POST:
        raise XrpcError(400, "InvalidRequest",
                        f"Invalid $type: expected {POST}, got {record.get('$type')}")
    text = record["text"]
    if not isinstance(text, str):
        raise _bad("Expected a string", "$.record.text")
    graphemes, size = len(regex.findall(r"\X", text)), len(text.encode())
    if size > 3000:
        raise _bad(f"string too long (maximum 3000, got {size})", "$.record.text")
    if graphemes > 300:
        raise _bad(f"grapheme too big (maximum 300, got {graphemes})", "$.record.text")
    try:
        datetime.fromisoformat(str(record["createdAt"]).replace("Z", "+00:00"))
    except ValueError:
        raise _bad(f'Invalid datetime (got "{record["createdAt"]}")', "$.record.createdAt") from None
    langs = record.get("langs", [])
    if isinstance(langs, list) and len(langs) > 3:
        raise _bad(f"array too big (maximum 3, got {len(langs)})", "$.record.langs")
    for i, facet in enumerate(record.get("facets") or []):
        _validate_facet(facet, f"$.record.facets[{i}]")
    if "reply" in record:
        reply = _require(record["reply"], ("root", "parent"), "$.record.reply")
        for part in ("root", "parent"):
            _require(reply[part], ("uri", "cid"), f"$.record.reply.{part}")
    embed = record.get("embed")
    if isinstance(embed, dict) and embed.get("$type") == "app.bsky.embed.images":
        _validate_images(embed)
        _check_blobs(embed, account)
    if isinstance(embed, dict) and embed.get("$type") == "app.bsky.embed.video":
        _validate_video(embed, account)
    return record


# lexicons/app/bsky/embed/video.json: the video blob accepts video/mp4 up to 100,000,000 bytes,
# alt at most 1000 graphemes, at most 20 captions (lang + a text/vtt blob of 20,000 bytes).
VIDEO_MAX_BYTES = 100_000_000
CAPTION_MAX_BYTES = 20_000


def _validate_video(embed: dict[str, Any], account: Account) -> None:
    at = "$.record.embed"
    _require(embed, ("video",), at)
    _blob(embed["video"], account, ("video/mp4",), VIDEO_MAX_BYTES, f"{at}.video")
    alt = embed.get("alt")
    if alt is not None:
        graphemes = len(regex.findall(r"\X", str(alt)))
        if graphemes > 1000:
            raise _bad(f"grapheme too big (maximum 1000, got {graphemes})", f"{at}.alt")
    if "aspectRatio" in embed:
        ratio = _require(embed["aspectRatio"], ("width", "height"), f"{at}.aspectRatio")
        for key in ("width", "height"):
            if not isinstance(ratio[key], int) or ratio[key] < 1:
                raise _bad(f"value too small (minimum 1, got {ratio[key]})",
                           f"{at}.aspectRatio.{key}")
    captions = embed.get("captions") or []
    if len(captions) > 20:
        raise _bad(f"array too big (maximum 20, got {len(captions)})", f"{at}.captions")
    for i, caption in enumerate(captions):
        caption = _require(caption, ("lang", "file"), f"{at}.captions[{i}]")
        _blob(caption["file"], account, ("text/vtt",), CAPTION_MAX_BYTES,
              f"{at}.captions[{i}].file")


def _blob(value: Any, account: Account, accept: tuple[str, ...], max_size: int, at: str) -> None:
    blob = _require(value, ("ref", "mimeType", "size"), at)
    if blob["mimeType"] not in accept:
        raise _bad(f"Wrong type of file. It is {blob['mimeType']} but it must match "
                   f"{', '.join(accept)}.", at)
    if blob["size"] > max_size:
        raise _bad(f"This file is too large. It is {blob['size']} bytes but the maximum size "
                   f"is {max_size} bytes.", at)
    ref: Any = (blob.get("ref") or {}).get("$link")
    stored = account.blobs.get(ref)
    if stored is None:
        raise XrpcError(400, "BlobNotFound", f"Could not find blob: {ref}")
    if blob["mimeType"] != stored["mime"]:
        raise XrpcError(400, "InvalidMimeType",
                        "Referenced Mimetype does not match stored blob. Expected: "
                        f"{stored['mime']}, Got: {blob['mimeType']}")


def _validate_facet(facet: Any, at: str) -> None:
    facet = _require(facet, ("index", "features"), at)
    index = _require(facet["index"], ("byteStart", "byteEnd"), f"{at}.index")
    for key in ("byteStart", "byteEnd"):
        if not isinstance(index[key], int) or index[key] < 0:
            raise _bad(f"value too small (minimum 0, got {index[key]})", f"{at}.index.{key}")
    for j, feature in enumerate(facet["features"] or []):
        kind: Any = feature.get("$type") if isinstance(feature, dict) else None  # unchecked JSON
        need = {"app.bsky.richtext.facet#link": "uri", "app.bsky.richtext.facet#mention": "did",
                "app.bsky.richtext.facet#tag": "tag"}.get(kind)
        if need:
            _require(feature, (need,), f"{at}.features[{j}]")
        if kind == "app.bsky.richtext.facet#tag":  # facet.json: maxLength 640, maxGraphemes 64
            tag = str(feature["tag"])
            size, graphemes = len(tag.encode()), len(regex.findall(r"\X", tag))
            if size > 640:
                raise _bad(f"string too big (maximum 640, got {size})", f"{at}.features[{j}].tag")
            if graphemes > 64:
                raise _bad(f"grapheme too big (maximum 64, got {graphemes})", f"{at}.features[{j}].tag")


def _validate_images(embed: dict[str, Any]) -> None:
    images = _require(embed, ("images",), "$.record.embed")["images"]
    if len(images) > 4:
        raise _bad(f"array too big (maximum 4, got {len(images)})", "$.record.embed.images")
    for i, image in enumerate(images):
        at = f"$.record.embed.images[{i}]"
        image = _require(image, ("image", "alt"), at)
        blob = _require(image["image"], ("ref", "mimeType", "size"), f"{at}.image")
        if blob["size"] > BlueskyFake.max_image_bytes:  # the size the reference declares
            raise _bad(f"blob too big (maximum {BlueskyFake.max_image_bytes}, got {blob['size']})",
                       f"{at}.image")
        if "aspectRatio" in image:
            ratio = _require(image["aspectRatio"], ("width", "height"), f"{at}.aspectRatio")
            for key in ("width", "height"):
                if not isinstance(ratio[key], int) or ratio[key] < 1:
                    raise _bad(f"value too small (minimum 1, got {ratio[key]})",
                               f"{at}.aspectRatio.{key}")


def _check_blobs(embed: dict[str, Any], account: Account) -> None:
    for image in embed["images"]:
        blob = image["image"]
        ref: Any = (blob.get("ref") or {}).get("$link")  # unchecked JSON, looked up as is
        stored = account.blobs.get(ref)
        if stored is None:
            raise XrpcError(400, "BlobNotFound", f"Could not find blob: {ref}")
        if blob.get("mimeType") != stored["mime"]:
            raise XrpcError(400, "InvalidMimeType",
                            "Referenced Mimetype does not match stored blob. Expected: "
                            f"{stored['mime']}, Got: {blob.get('mimeType')}")


def _tid() -> str:
    """A fresh TID (atproto.com/specs/tid), as the PDS makes for records and commits."""
    n = (time.time_ns() // 1000) << 10 | secrets.randbits(10)
    return "".join("234567abcdefghijklmnopqrstuvwxyz"[(n >> (5 * i)) & 31] for i in range(12, -1, -1))
