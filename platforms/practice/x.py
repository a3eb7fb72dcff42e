"""A practice X API v2, as docs/platforms.md §1 describes it.

OAuth 2.0 user tokens that expire (2 h; ``expire_access_tokens()`` ends them now) with rotating
refresh tokens, PKCE S256 at the token endpoint, the exact 127.0.0.1 redirect check; simple
media upload (multipart ``media`` + ``media_category``; JPEG/PNG/GIF/WEBP by content; 5 MB),
alt text via /2/media/metadata (≤ 1000), POST /2/tweets (JSON; 280 weighted characters via
twitter-text; ≤ 4 media ids of this user; replies must point at a post), the 403 on duplicate
text, problem-details errors and 429 with ``x-rate-limit-reset`` in epoch seconds. Timelines
answer like X: newest first, ``&amp;``-escaped text with links wrapped as t.co.

Sources: https://docs.x.com/x-api (openapi.json v2.167), fundamentals/rate-limits,
fundamentals/response-codes-and-errors, fundamentals/authentication/oauth-2-0/*.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import re
import secrets
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

from platforms.practice.server import BadRequest, FakeServer, Request, Response, route

MAX_WEIGHTED = 280
MAX_MEDIA = 4
IMAGE_BYTES = 5_000_000
VIDEO_BYTES = 512 * 1024 * 1024  # tweet_video
VIDEO_SEGMENT_BYTES = 5 * 1024 * 1024
ALT_LIMIT = 1000
ACCESS_TTL = 7200
_MAGIC = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png", b"GIF8": "image/gif"}
_URL = re.compile(r"https?://\S+")


def weighted_length(text: str) -> int:
    """X's weighted count, the same engine the composer uses (checked against twitter-text)."""
    from composer.plugin import count
    from platforms.x import SPEC

    return count(SPEC, text).length


def _sniff(data: bytes) -> str | None:
    for magic, mime in _MAGIC.items():
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _video_problem(data: bytes) -> str:
    """What X's transcoder says of a tweet_video (docs.x.com media best practices): H.264 in
    MP4/MOV, 0.5-140 s, at most 60 fps, at most 1920x1200 (either way), aspect 1:3-3:1."""
    import io

    import av

    try:
        with av.open(io.BytesIO(data), "r") as container:
            stream = container.streams.video[0]
            seconds = float(container.duration or 0) / 1_000_000
            fps = float(stream.average_rate or 0)
            width, height = stream.width, stream.height
            codec = stream.codec_context.name
    except (av.FFmpegError, IndexError):
        return "UnsupportedMedia."
    if codec != "h264":
        return "InvalidContent."
    if not 0.5 <= seconds <= 140:
        return "InvalidDuration."
    if fps > 60.5 or max(width, height) > 1920 or min(width, height) > 1200:
        return "InvalidResolution."
    if not 1 / 3 <= width / height <= 3:
        return "InvalidAspectRatio."
    return ""


def _problem(status: int, title: str, detail: str, kind: str = "about:blank",
             **extra: Any) -> Response:
    return Response(status, json={"title": title, "detail": detail, "type": kind,
                                  "status": status, **extra})


def _invalid(message: str, parameter: str, value: object) -> Response:
    return Response(400, json={
        "errors": [{"parameters": {parameter: [str(value)]}, "message": message}],
        "title": "Invalid Request", "detail": "One or more parameters to your request was invalid.",
        "type": "https://api.x.com/2/problems/invalid-request"})


class FakeX(FakeServer):
    platform_id = "x"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.ids = itertools.count(1_880_000_000_000_000_001)
        self.user = {"id": "1500000000000000001", "name": "Humas Pemprov", "username": "humas_pemprov"}
        # client id -> secret (None: public)
        self.clients: dict[str, str | None] = {"practice-x-client": None}
        self.redirect_uris: set[str] | None = None  # None: any http://127.0.0.1:PORT/callback
        self.access: dict[str, float] = {"practice-x-token": time.time() + 10 * 365 * 86400}
        self.refresh_tokens: set[str] = {"practice-x-refresh"}
        self.codes: dict[str, dict[str, Any]] = {}
        self.media: dict[str, dict[str, Any]] = {}
        self.tweets: dict[str, dict[str, Any]] = {}
        self.daily_posts_left: int | None = None  # the plan's 24-hour cap; None: no cap

    # -- platform-specific answers --------------------------------------------------------------

    def error_response(self, status: int, message: str) -> Response:
        titles = {400: "Invalid Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found Error",
                  500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}
        return _problem(status, titles.get(status, "Error"), message)

    def rate_limit_response(self, retry_after: float) -> Response:
        reset = int(time.time() + retry_after)
        return Response(429, json={"title": "Too Many Requests", "detail": "Too Many Requests",
                                   "type": "about:blank", "status": 429},
                        headers={"x-rate-limit-limit": "100", "x-rate-limit-remaining": "0",
                                 "x-rate-limit-reset": str(reset)})

    def _daily_cap_response(self) -> Response:
        """The plan's 24-hour post cap ran out: 429 with x-user-limit-24hour-* headers while
        the 15-minute window still has room (akrherz/iembot#163)."""
        now = int(time.time())
        return Response(429, json={"title": "Too Many Requests", "detail": "Too Many Requests",
                                   "type": "about:blank", "status": 429},
                        headers={"x-rate-limit-limit": "100", "x-rate-limit-remaining": "99",
                                 "x-rate-limit-reset": str(now + 900),
                                 "x-user-limit-24hour-limit": "17",
                                 "x-user-limit-24hour-remaining": "0",
                                 "x-user-limit-24hour-reset": str(now + 20 * 3600)})

    def duplicate_response(self) -> Response:
        return _problem(403, "Forbidden",
                        "You are not allowed to create a Tweet with duplicate content.")

    def expired_token_response(self) -> Response:
        return _problem(401, "Unauthorized", "Unauthorized")

    def practice_account(self) -> tuple[dict[str, str], dict[str, str]]:
        return ({"client_id": "practice-x-client", "api_url": self.url, "web_url": self.url,
                 "authorize_url": self.url + "/i/oauth2/authorize"},
                {"access_token": "practice-x-token", "refresh_token": "practice-x-refresh"})

    # -- helpers ----------------------------------------------------------------------------------

    def _auth(self, req: Request) -> None:
        expiry = self.access.get(req.bearer() or "")
        if expiry is None or expiry < time.time():
            raise BadRequest("Unauthorized", 401)

    def expire_access_tokens(self) -> None:
        """Every access token given so far stops working, as after X's 2 hours."""
        with self.lock:
            self.access = dict.fromkeys(self.access, 0.0)

    def _issue(self, scope: str) -> dict[str, Any]:
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        self.access[access] = time.time() + ACCESS_TTL
        body = {"token_type": "bearer", "expires_in": ACCESS_TTL, "access_token": access,
                "scope": scope}
        if "offline.access" in scope.split():
            self.refresh_tokens.add(refresh)
            body["refresh_token"] = refresh
        return body

    def _client_ok(self, req: Request) -> bool:
        auth = req.headers.get("authorization") or ""
        if auth.lower().startswith("basic "):
            client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            return client_id in self.clients and self.clients[client_id] == secret
        client_id = req.form.get("client_id", "")
        return client_id in self.clients and self.clients[client_id] is None

    def _render(self, tweet: dict[str, Any], fields: set[str]) -> dict[str, Any]:
        text = html.escape(tweet["text"], quote=False)  # X escapes &, <, > in text
        text = _URL.sub(lambda m: "https://t.co/" + hashlib.sha1(m.group(0).encode()).hexdigest()[:10],
                        text)
        if tweet["media_ids"]:
            text += " https://t.co/" + tweet["id"][-10:]
        out = {"id": tweet["id"], "text": text, "edit_history_tweet_ids": [tweet["id"]]}
        if "created_at" in fields:
            out["created_at"] = tweet["created_at"]
        if "referenced_tweets" in fields and tweet["reply_to"]:
            out["referenced_tweets"] = [{"type": "replied_to", "id": tweet["reply_to"]}]
        return out

    # -- OAuth 2.0 --------------------------------------------------------------------------------

    @route("GET", r"/i/oauth2/authorize")
    def authorize(self, req: Request) -> Response:
        """Practice mode: the officer is signed in to the practice X; approve and redirect."""
        q = req.query
        redirect = q.get("redirect_uri", "")
        parts = urlsplit(redirect)
        allowed = (redirect in self.redirect_uris if self.redirect_uris is not None
                   else parts.scheme == "http" and parts.hostname == "127.0.0.1" and parts.port)
        if q.get("client_id") not in self.clients or not allowed:
            return Response(400, body="Something went wrong. You weren't able to give access to the App.")
        if q.get("code_challenge_method") != "S256" or not q.get("code_challenge"):
            return Response(302, headers={"Location": redirect + "?" + urlencode(
                {"error": "invalid_request", "state": q.get("state", "")})})
        code = secrets.token_urlsafe(24)
        self.codes[code] = {"challenge": q["code_challenge"], "redirect_uri": redirect,
                            "scope": q.get("scope", ""), "at": time.time()}
        return Response(302, headers={"Location": redirect + "?" + urlencode(
            {"state": q.get("state", ""), "code": code})})

    @route("POST", r"/2/oauth2/token")
    def token(self, req: Request) -> Response:
        if req.content_type != "application/x-www-form-urlencoded" or not self._client_ok(req):
            return Response(401, json={"error": "unauthorized_client",
                                       "error_description": "Missing valid authorization header"})
        f = req.form
        invalid = Response(400, json={"error": "invalid_request",
                                      "error_description": "Value passed for the token was invalid."})
        with self.lock:
            if f.get("grant_type") == "authorization_code":
                grant = self.codes.pop(f.get("code", ""), None)
                # the code must be exchanged within 30 seconds (docs/platforms.md §1 "Sign-in")
                if grant is None or time.time() - grant["at"] > 30 \
                        or grant["redirect_uri"] != f.get("redirect_uri"):
                    return invalid
                digest = hashlib.sha256(f.get("code_verifier", "").encode()).digest()
                if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != grant["challenge"]:
                    return invalid
                return Response(200, json=self._issue(grant["scope"]))
            if f.get("grant_type") == "refresh_token":
                if f.get("refresh_token") not in self.refresh_tokens:
                    return invalid
                self.refresh_tokens.discard(f["refresh_token"])  # single use: rotation
                return Response(200, json=self._issue(" ".join(
                    ("tweet.read", "tweet.write", "users.read", "media.write", "offline.access"))))
        return invalid

    # -- users and timelines ----------------------------------------------------------------------

    @route("GET", r"/2/users/me")
    def me(self, req: Request) -> Response:
        self._auth(req)
        data = dict(self.user)
        if "profile_image_url" in req.query.get("user.fields", ""):
            data["profile_image_url"] = f"{self.url}/profile.png"
        return Response(200, json={"data": data})

    @route("GET", r"/2/users/(?P<id>\d+)/tweets")
    def timeline(self, req: Request) -> Response:
        self._auth(req)
        fields = set(req.query.get("tweet.fields", "").split(","))
        start = req.query.get("start_time")
        limit = min(int(req.query.get("max_results", 10)), 100)
        with self.lock:
            mine = sorted((t for t in self.tweets.values() if t["author"] == req.params["id"]),
                          key=lambda t: int(t["id"]), reverse=True)
        if start:
            mine = [t for t in mine if t["created_at"] >= start.replace("Z", ".000Z")]
        data = [self._render(t, fields) for t in mine[:limit]]
        meta = {"result_count": len(data)}
        if data:
            meta.update(newest_id=data[0]["id"], oldest_id=data[-1]["id"])
        return Response(200, json={"data": data, "meta": meta} if data else {"meta": meta})

    @route("GET", r"/i/web/status/(?P<id>\d+)")
    def web_page(self, req: Request) -> Response:
        """Practice mode: the link in the history opens the practice post."""
        tweet = self.tweets.get(req.params["id"])
        if tweet is None:
            return Response(404, body="This post was deleted or never existed.")
        return Response(200, body=f"<!doctype html><meta charset=utf-8><p>{html.escape(tweet['text'])}",
                        headers={"Content-Type": "text/html; charset=utf-8"})

    # -- media ------------------------------------------------------------------------------------

    @route("POST", r"/2/media/upload")
    def upload(self, req: Request) -> Response:
        self._auth(req)
        if req.content_type != "multipart/form-data":
            return _invalid("The `media` field is required.", "media", "")
        upload = req.files.get("media")
        if upload is None or not upload.data:
            return _invalid("The `media` field is required.", "media", "")
        # The one-shot upload (openapi MediaUploadRequestOneShot): these categories and types.
        category = req.form.get("media_category", "")
        if category not in ("tweet_image", "dm_image", "subtitles"):
            return _invalid(f"Invalid media_category {category!r}.", "media_category", category)
        media_type = req.form.get("media_type")
        if media_type is not None and media_type not in (
                "text/srt", "text/vtt", "image/jpeg", "image/bmp", "image/png", "image/webp",
                "image/pjpeg", "image/tiff"):
            return _invalid(f"Invalid media_type {media_type!r}.", "media_type", media_type)
        kind = _sniff(upload.data)
        if kind is None:
            return _invalid("Unsupported media type.", "media", upload.filename)
        if len(upload.data) > IMAGE_BYTES:
            return _problem(413, "Payload Too Large", "File size exceeds 5242880 bytes.")
        media_id = str(next(self.ids))
        with self.lock:
            self.media[media_id] = {"owner": self.user["id"], "alt": None, "type": kind}
        return Response(200, json={"data": {
            "id": media_id, "media_key": f"3_{media_id}", "size": len(upload.data),
            "expires_after_secs": 86400, "image": {"image_type": kind, "w": 0, "h": 0}}})

    # -- chunked upload (video): openapi v2 initialize / append / finalize / STATUS ---------------

    @route("POST", r"/2/media/upload/initialize")
    def initialize(self, req: Request) -> Response:
        self._auth(req)
        body = req.json() or {}
        if body.get("media_category") not in ("tweet_video", "amplify_video", "tweet_gif"):
            return _invalid("Invalid media_category.", "media_category",
                            body.get("media_category"))
        if body.get("media_type") not in ("video/mp4", "video/quicktime", "image/gif"):
            return _invalid("Invalid media_type.", "media_type", body.get("media_type"))
        total = body.get("total_bytes")
        if not isinstance(total, int) or total <= 0 or total > VIDEO_BYTES:
            return _invalid(f"total_bytes must be between 1 and {VIDEO_BYTES}.", "total_bytes",
                            total)
        media_id = str(next(self.ids))
        with self.lock:
            self.media[media_id] = {"owner": self.user["id"], "alt": None, "type": "video",
                                    "total": total, "segments": {}, "state": "uploading"}
        return Response(200, json={"data": {"id": media_id, "media_key": f"7_{media_id}",
                                            "expires_after_secs": 86400}})

    @route("POST", r"/2/media/upload/(?P<id>\d+)/append")
    def append(self, req: Request) -> Response:
        self._auth(req)
        media = self.media.get(req.params["id"])
        if media is None or media.get("state") != "uploading":
            return _invalid("Your media IDs are invalid.", "id", req.params["id"])
        upload = req.files.get("media")
        index = req.form.get("segment_index", "")
        if upload is None or not index.isdigit() or not 0 <= int(index) <= 999:
            return _invalid("segment_index must be between 0 and 999.", "segment_index", index)
        if len(upload.data) > VIDEO_SEGMENT_BYTES:
            return _problem(413, "Payload Too Large", "Segment exceeds 5242880 bytes.")
        with self.lock:
            media["segments"][int(index)] = upload.data  # the same index again replaces it
        return Response(200, json={"data": {"expires_at": int(time.time()) + 86400}})

    @route("POST", r"/2/media/upload/(?P<id>\d+)/finalize")
    def finalize(self, req: Request) -> Response:
        self._auth(req)
        media = self.media.get(req.params["id"])
        if media is None or media.get("type") != "video":
            return _invalid("Your media IDs are invalid.", "id", req.params["id"])
        with self.lock:
            data = b"".join(media["segments"][i] for i in sorted(media["segments"]))
            if len(data) != media["total"]:
                return _invalid(f"File size mismatch: got {len(data)} of {media['total']} bytes.",
                                "id", req.params["id"])
            media["bytes"] = data
            media["state"] = "pending"
            media["problem"] = _video_problem(data)
        return Response(200, json={"data": {"id": req.params["id"], "media_key":
                                             f"7_{req.params['id']}", "size": len(data),
                                             "expires_after_secs": 86400,
                                             "processing_info": {"state": "pending",
                                                                 "check_after_secs": 1}}})

    @route("GET", r"/2/media/upload")
    def status(self, req: Request) -> Response:
        self._auth(req)
        media = self.media.get(req.query.get("media_id", ""))
        if req.query.get("command") != "STATUS" or media is None or "bytes" not in media:
            return _invalid("Your media IDs are invalid.", "media_id", req.query.get("media_id"))
        with self.lock:  # pending -> in_progress -> succeeded | failed, one step per question
            media["state"] = {"pending": "in_progress"}.get(media["state"], (
                "failed" if media["problem"] else "succeeded"))
            info: dict[str, Any] = {"state": media["state"]}
            if media["state"] == "in_progress":
                info.update(check_after_secs=1, progress_percent=50)
            if media["state"] == "failed":
                info["error"] = {"code": 1, "name": "InvalidMedia",
                                 "message": f"Invalid or Unsupported media, Reason: {media['problem']}"}
        return Response(200, json={"data": {"id": req.query["media_id"],
                                            "processing_info": info}})

    @route("POST", r"/2/media/metadata")
    def metadata(self, req: Request) -> Response:
        self._auth(req)
        body = req.json()
        media = self.media.get(str(body.get("id")))
        if media is None:
            return _invalid("Your media IDs are invalid.", "id", body.get("id"))
        alt = ((body.get("metadata") or {}).get("alt_text") or {}).get("text", "")
        if len(alt) > ALT_LIMIT:
            return _invalid(f"alt_text.text must be at most {ALT_LIMIT} characters.",
                            "metadata.alt_text.text", alt[:20])
        media["alt"] = alt
        return Response(200, json={"data": {"id": body["id"], "associated_metadata": {
            "alt_text": {"text": alt}}}})

    # -- posts ------------------------------------------------------------------------------------

    @route("POST", r"/2/tweets")
    def create(self, req: Request) -> Response:
        self._auth(req)
        body = req.json()
        if not isinstance(body, dict):
            return _invalid("Invalid JSON body.", "body", "")
        text = body.get("text")
        media_ids = [str(m) for m in ((body.get("media") or {}).get("media_ids") or [])]
        if not text and not media_ids:
            return _invalid("Post text is required unless media is attached.", "text", "")
        text = text or ""
        if weighted_length(text) > MAX_WEIGHTED:
            return _invalid("Your Tweet text is too long. For more information on how X "
                            "determines text length see https://github.com/twitter/twitter-text.",
                            "text", text[:20])
        if len(media_ids) > MAX_MEDIA:
            return _invalid("media.media_ids must have at most 4 items.", "media.media_ids",
                            media_ids)
        with self.lock:
            for mid in media_ids:
                media = self.media.get(mid)
                if media is None or media["owner"] != self.user["id"] or \
                        media.get("state", "succeeded") != "succeeded":
                    return _invalid("Your media IDs are invalid.", "media.media_ids", mid)
            reply_to = ((body.get("reply") or {}).get("in_reply_to_tweet_id"))
            if reply_to is not None and str(reply_to) not in self.tweets:
                return _invalid("The post you are replying to is not available.",
                                "reply.in_reply_to_tweet_id", reply_to)
            if text and any(t["text"] == text and t["author"] == self.user["id"]
                            for t in self.tweets.values()):
                return self.duplicate_response()
            if self.daily_posts_left is not None:
                if self.daily_posts_left <= 0:
                    return self._daily_cap_response()
                self.daily_posts_left -= 1
            tweet_id = str(next(self.ids))
            self.tweets[tweet_id] = {
                "id": tweet_id, "text": text, "author": self.user["id"], "media_ids": media_ids,
                "reply_to": str(reply_to) if reply_to is not None else None,
                "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")}
        return Response(201, json={"data": {"id": tweet_id, "text": text,
                                            "edit_history_tweet_ids": [tweet_id]}})

    @route("DELETE", r"/2/tweets/(?P<id>\d+)")
    def delete(self, req: Request) -> Response:
        self._auth(req)
        with self.lock:
            tweet = self.tweets.get(req.params["id"])
            if tweet is None:
                return _problem(404, "Not Found Error", "Could not find post with id: "
                                f"[{req.params['id']}].", "https://api.x.com/2/problems/resource-not-found")
            del self.tweets[req.params["id"]]
        return Response(200, json={"data": {"deleted": True}})

    # -- for tests --------------------------------------------------------------------------------

    def posted_texts(self) -> list[str]:
        with self.lock:
            return [t["text"] for t in sorted(self.tweets.values(), key=lambda t: int(t["id"]))]

    def published_texts(self) -> list[str]:
        """Texts of the posts this fake holds, one per post (thread replies excluded)."""
        with self.lock:
            return [s["text"] for s in self.tweets.values() if not s.get("reply_to")]
