"""A practice Mastodon instance: the client API a composer uses, as docs/platforms.md §2 describes it.

Checks what a real instance checks (bearer token, multipart with a MIME type, 500 graphemes with
every http(s) URL counted as 23 and remote mentions as @user, 4 attachments, media processed
before use, description ≤ 1500) and answers with real-shaped bodies: ``{"error": "..."}``,
422 for validation, 429 with an ISO 8601 ``X-RateLimit-Reset``. ``Idempotency-Key`` is honoured
per account (same key → the original status, PostStatusService#with_idempotency). Images can be
made to process asynchronously (``processing_polls``): 202 with ``url: null``, then 206 on
GET /api/v1/media/:id until it is done.

Sources: https://docs.joinmastodon.org/methods/statuses/, /methods/media/, /methods/apps/,
/methods/oauth/, /entities/Instance/, /api/rate-limits/; mastodon/mastodon
app/validators/status_length_validator.rb.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import re
import secrets
import time
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from platforms.practice.server import BadRequest, FakeServer, Request, Response, route

MAX_CHARACTERS = 500
URL_LENGTH = 23
MAX_MEDIA = 4
IMAGE_SIZE_LIMIT = 16 * 1024 * 1024
VIDEO_SIZE_LIMIT = 103_809_024  # video_size_limit of a default instance (99 MiB)
VIDEO_TYPES = ("video/mp4", "video/quicktime", "video/webm")
DESCRIPTION_LIMIT = 1500
IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/heic", "image/heif", "image/webp",
               "image/avif")

# StatusLengthValidator: URLs with a scheme count as 23, @user@domain as @user, graphemes.
_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,:;!?)\]'}]", re.I)
_REMOTE_MENTION = re.compile(r"(@\w+)@[\w.-]+\w")
_GRAPHEME = None


def status_length(text: str, url_length: int = URL_LENGTH) -> int:
    global _GRAPHEME
    if _GRAPHEME is None:
        import regex

        _GRAPHEME = regex.compile(r"\X")
    text = _URL.sub("x" * url_length, text)
    text = _REMOTE_MENTION.sub(r"\1", text)
    return len(_GRAPHEME.findall(text))


def _link(url: str) -> str:
    scheme, rest = url.split("://", 1)

    def e(t: str) -> str:
        return html.escape(t, quote=True)

    return (f'<a href="{e(url)}" rel="nofollow noopener" target="_blank">'
            f'<span class="invisible">{e(scheme)}://</span><span class="ellipsis">{e(rest[:30])}'
            f'</span><span class="invisible">{e(rest[30:])}</span></a>')


def render_content(text: str) -> str:
    """Status.content as Mastodon renders plain text: paragraphs, <br />, links with the
    address split into invisible/ellipsis spans."""
    paragraphs = []
    for para in re.split(r"\n{2,}", text.strip()):
        out, pos = [], 0
        for m in _URL.finditer(para):
            out.append(html.escape(para[pos:m.start()], quote=False))
            out.append(_link(m.group(0)))
            pos = m.end()
        out.append(html.escape(para[pos:], quote=False))
        paragraphs.append("<p>" + "".join(out).replace("\n", "<br />") + "</p>")
    return "".join(paragraphs)


MIN_SCHEDULE_OFFSET = timedelta(minutes=5)  # ScheduledStatus::MINIMUM_OFFSET


def _now() -> datetime:
    return datetime.now(UTC)


def _refuse_status(text: str, media_ids: list[str]) -> Response | None:
    """Mastodon's validations of a status, the same for a new one and an edit."""
    if not text.strip() and not media_ids:
        return Response(422, json={"error": "Validation failed: Text can't be blank"})
    if status_length(text) > MAX_CHARACTERS:
        return Response(422, json={"error": "Validation failed: Text character limit "
                                            f"of {MAX_CHARACTERS} exceeded"})
    if len(media_ids) > MAX_MEDIA:
        return Response(422, json={"error": "Validation failed: Media attachments "
                                            "exceed the limit"})
    return None


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class FakeMastodon(FakeServer):
    platform_id = "mastodon"

    def __init__(self, *, processing_polls: int = 0, **kw: Any) -> None:
        super().__init__(**kw)
        self.processing_polls = processing_polls  # GETs answering 206 before a 202 upload is done
        self.ids = itertools.count(110_000_000_000_000_001)
        self.apps: dict[str, dict[str, Any]] = {}
        self.codes: dict[str, dict[str, Any]] = {}
        self.account = {"id": "109000000000000001", "username": "humas", "acct": "humas",
                        "display_name": "Humas Pemprov", "avatar": "", "url": ""}
        self.tokens: set[str] = {"practice-mastodon-token"}
        self.media: dict[str, dict[str, Any]] = {}
        self.statuses: dict[str, dict[str, Any]] = {}
        self.scheduled: dict[str, dict[str, Any]] = {}
        self.idempotency: dict[str, tuple[str, float]] = {}  # key -> (status id, until)
        self.idempotency_ttl = 3600.0

    # -- platform-specific answers --------------------------------------------------------------

    def error_response(self, status: int, message: str) -> Response:
        return Response(status, json={"error": message})

    def rate_limit_response(self, retry_after: float) -> Response:
        reset = _now() + timedelta(seconds=retry_after)
        return Response(429, json={"error": "Too many requests"}, headers={
            "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": reset.strftime("%Y-%m-%dT%H:%M:%S.%fZ")})

    def duplicate_response(self) -> Response:
        # Mastodon has no duplicate refusal; the nearest real answer is a 422 validation error.
        return Response(422, json={"error": "Validation failed: Text has already been posted"})

    def expired_token_response(self) -> Response:
        return Response(401, json={"error": "The access token is invalid"})

    def practice_account(self) -> tuple[dict[str, str], dict[str, str]]:
        return {"instance": self.url}, {"access_token": "practice-mastodon-token"}

    # -- helpers ----------------------------------------------------------------------------------

    def _auth(self, req: Request) -> None:
        if req.bearer() not in self.tokens:
            raise BadRequest("The access token is invalid", 401)

    def _new_id(self) -> str:
        return str(next(self.ids))

    def _fields(self, req: Request) -> dict[str, Any]:
        """Statuses take JSON or form fields (media_ids[] repeated)."""
        if req.content_type == "application/json":
            body = req.json()
            if not isinstance(body, dict):
                raise BadRequest("Validation failed: invalid body", 422)
            return body
        from urllib.parse import parse_qs

        if req.content_type == "application/x-www-form-urlencoded":
            pairs = parse_qs(req.body.decode(), keep_blank_values=True)
        else:
            pairs = {k: [v] for k, v in req.form.items()}
        fields: dict[str, Any] = {k: v[-1] for k, v in pairs.items() if not k.endswith("[]")}
        if "media_ids[]" in pairs:
            fields["media_ids"] = pairs["media_ids[]"]
        return fields

    def _status_json(self, status: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in status.items() if not k.startswith("_")}

    # -- OAuth (apps + authorization code with PKCE) ----------------------------------------------

    @route("POST", r"/api/v1/apps")
    def create_app(self, req: Request) -> Response:
        f = req.form if req.content_type != "application/json" else req.json()
        if not f.get("client_name") or not f.get("redirect_uris"):
            return Response(422, json={"error": "Validation failed: Application name can't be blank"})
        client_id, secret = secrets.token_urlsafe(24), secrets.token_urlsafe(32)
        self.apps[client_id] = {"secret": secret, "redirect_uri": f["redirect_uris"],
                                "scopes": f.get("scopes", "read")}
        return Response(200, json={"id": self._new_id(), "name": f["client_name"],
                                   "website": f.get("website"), "scopes": f.get("scopes", "read").split(),
                                   "redirect_uris": [f["redirect_uris"]],
                                   "redirect_uri": f["redirect_uris"], "client_id": client_id,
                                   "client_secret": secret, "client_secret_expires_at": 0})

    @route("GET", r"/oauth/authorize")
    def authorize(self, req: Request) -> Response:
        """Practice mode: the officer is already "signed in"; approve at once and redirect."""
        q = req.query
        app = self.apps.get(q.get("client_id", ""))
        if app is None or q.get("redirect_uri") != app["redirect_uri"]:
            return Response(400, body="The redirect uri included is not valid.")
        answer = {"state": q.get("state", "")}
        if q.get("code_challenge_method") not in (None, "S256"):
            answer["error"] = "invalid_request"
        else:
            code = secrets.token_urlsafe(16)
            self.codes[code] = {"client_id": q["client_id"], "challenge": q.get("code_challenge"),
                                "redirect_uri": q["redirect_uri"]}
            answer["code"] = code
        return Response(302, headers={"Location": q["redirect_uri"] + "?" + urlencode(answer)})

    @route("POST", r"/oauth/token")
    def token(self, req: Request) -> Response:
        f = req.form
        grant = self.codes.pop(f.get("code", ""), None)
        app = self.apps.get(f.get("client_id", ""))
        if app is None or f.get("client_secret") != app["secret"]:
            return Response(401, json={"error": "invalid_client", "error_description":
                                       "Client authentication failed due to unknown client."})
        if grant is None or grant["redirect_uri"] != f.get("redirect_uri"):
            return Response(400, json={"error": "invalid_grant", "error_description":
                                       "The provided authorization grant is invalid."})
        if grant["challenge"]:
            verifier = f.get("code_verifier", "").encode()
            expected = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=")
            if expected.decode() != grant["challenge"]:
                return Response(400, json={"error": "invalid_grant", "error_description":
                                           "The provided authorization grant is invalid."})
        token = secrets.token_urlsafe(32)
        self.tokens.add(token)
        return Response(200, json={"access_token": token, "token_type": "Bearer",
                                   "scope": app["scopes"], "created_at": int(_now().timestamp())})

    # -- instance and account ---------------------------------------------------------------------

    @route("GET", r"/api/v2/instance")
    def instance(self, req: Request) -> Response:
        return Response(200, json={
            "domain": f"127.0.0.1:{self.port}", "title": "Latihan Siaran", "version": "4.4.0",
            "configuration": {
                "statuses": {"max_characters": MAX_CHARACTERS, "max_media_attachments": MAX_MEDIA,
                             "characters_reserved_per_url": URL_LENGTH},
                "media_attachments": {"supported_mime_types": list(IMAGE_TYPES) + list(VIDEO_TYPES),
                                      "description_limit": DESCRIPTION_LIMIT,
                                      "image_size_limit": IMAGE_SIZE_LIMIT,
                                      "image_matrix_limit": 33_177_600,
                                      "video_size_limit": VIDEO_SIZE_LIMIT}}})

    @route("GET", r"/api/v1/accounts/verify_credentials")
    def verify_credentials(self, req: Request) -> Response:
        self._auth(req)
        return Response(200, json={**self.account, "url": f"{self.url}/@humas"})

    @route("GET", r"/api/v1/accounts/(?P<id>\d+)/statuses")
    def account_statuses(self, req: Request) -> Response:
        limit = min(int(req.query.get("limit", 20)), 40)
        mine = [s for s in self.statuses.values() if s["account"]["id"] == req.params["id"]]
        mine.sort(key=lambda s: int(s["id"]), reverse=True)  # newest first, as Mastodon does
        return Response(200, json=[self._status_json(s) for s in mine[:limit]])

    # -- media ------------------------------------------------------------------------------------

    @route("POST", r"/api/v2/media")
    def upload(self, req: Request) -> Response:
        self._auth(req)
        if req.content_type != "multipart/form-data":
            return Response(422, json={"error": "Validation failed: File can't be blank"})
        upload = req.files.get("file")
        if upload is None or not upload.data:
            return Response(422, json={"error": "Validation failed: File can't be blank"})
        video = upload.content_type in VIDEO_TYPES
        if upload.content_type not in IMAGE_TYPES and not video:
            return Response(422, json={"error": "Validation failed: File content type is invalid"})
        if not video and len(upload.data) > IMAGE_SIZE_LIMIT:
            return Response(422, json={"error": "Validation failed: File file size must be less "
                                                "than 16 MB"})
        if video and len(upload.data) > VIDEO_SIZE_LIMIT:
            return Response(422, json={"error": "Validation failed: File file size must be less "
                                                "than 99 MB"})
        description = req.form.get("description", "")
        if len(description) > DESCRIPTION_LIMIT:
            return Response(422, json={"error": "Validation failed: Description is too long "
                                                f"(maximum is {DESCRIPTION_LIMIT} characters)"})
        media_id = self._new_id()
        url = f"{self.url}/system/media_attachments/{media_id}/original/{upload.filename}"
        media: dict[str, Any] = {"id": media_id, "type": "video" if video else "image",
                 "url": url, "preview_url": url,
                 "description": description or None, "blurhash": "UFBWY:8_0Jxa4nIVjbxu00xu~qWB",
                 "meta": {}, "_used": False,
                 # a video is always transcoded first: 202, and at least one poll
                 "_polls_left": max(self.processing_polls, 1 if video else 0),
                 "_bytes": len(upload.data)}
        with self.lock:
            self.media[media_id] = media
        if media["_polls_left"]:
            return Response(202, json={**self._media_json(media), "url": None})
        return Response(200, json=self._media_json(media))

    def _media_json(self, media: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in media.items() if not k.startswith("_")}

    @route("GET", r"/api/v1/media/(?P<id>\d+)")
    def get_media(self, req: Request) -> Response:
        self._auth(req)
        with self.lock:
            media = self.media.get(req.params["id"])
            if media is None:
                return Response(404, json={"error": "Record not found"})
            if media["_polls_left"] > 0:
                media["_polls_left"] -= 1
                return Response(206, json={**self._media_json(media), "url": None})
        return Response(200, json=self._media_json(media))

    # -- statuses ---------------------------------------------------------------------------------

    @route("POST", r"/api/v1/statuses")
    def create_status(self, req: Request) -> Response:
        self._auth(req)
        key = req.headers.get("idempotency-key")
        with self.lock:
            remembered = self.idempotency.get(key) if key else None
            if remembered and remembered[1] > time.monotonic():  # the original, not a second
                original = self.statuses.get(remembered[0]) or self.scheduled.get(remembered[0])
                if original is not None:
                    return Response(200, json=self._status_json(original))
            fields = self._fields(req)
            text = str(fields.get("status") or "")
            media_ids = [str(m) for m in fields.get("media_ids") or []]
            refused = _refuse_status(text, media_ids)
            if refused is not None:
                return refused
            attachments = []
            for mid in media_ids:
                media = self.media.get(mid)
                if media is None:
                    return Response(422, json={"error": "Validation failed: Media attachments "
                                                        "are invalid"})
                if media["_polls_left"] > 0:
                    return Response(422, json={"error": "Cannot attach files that have not "
                                                        "finished processing. Try again in a "
                                                        "moment!"})
                attachments.append(self._media_json(media))
            kinds = [a["type"] for a in attachments]
            if "video" in kinds and len(kinds) > 1:  # PostStatusService#validate_media!
                return Response(422, json={"error": "Cannot attach a video to a post that "
                                                    "already contains images"})
            reply_to = fields.get("in_reply_to_id")
            if reply_to is not None and str(reply_to) not in self.statuses:
                return Response(404, json={"error": "Record not found"})
            visibility = fields.get("visibility", "public")
            if visibility not in ("public", "unlisted", "private", "direct"):
                return Response(422, json={"error": "Validation failed: Visibility is invalid"})
            status_id = self._new_id()
            item: dict[str, Any]
            if fields.get("scheduled_at"):
                when = datetime.fromisoformat(str(fields["scheduled_at"]).replace("Z", "+00:00"))
                if when - self.now() < MIN_SCHEDULE_OFFSET:
                    return Response(422, json={"error": "Validation failed: Scheduled at The "
                                                        "scheduled date must be in the future"})
                item = {"id": status_id, "scheduled_at": _iso(when), "media_attachments": attachments,
                        "params": {"text": text, "visibility": visibility, "media_ids": media_ids or None,
                                   "in_reply_to_id": None, "scheduled_at": None,
                                   "application_id": 1, "idempotency": key}}
                self.scheduled[status_id] = item
            else:
                url = f"{self.url}/@{self.account['username']}/{status_id}"
                item = {"id": status_id, "created_at": _iso(self.now()),
                        "in_reply_to_id": str(reply_to) if reply_to is not None else None,
                        "visibility": visibility, "url": url,
                        "uri": f"{self.url}/users/{self.account['username']}/statuses/{status_id}",
                        "content": render_content(text), "media_attachments": attachments,
                        "account": {**self.account}, "_text": text}
                self.statuses[status_id] = item
            if key:  # remembered for an hour, like redis.setex(key, 3_600, id)
                self.idempotency[key] = (status_id, time.monotonic() + self.idempotency_ttl)
        return Response(200, json=self._status_json(item))

    @route("GET", r"/api/v1/statuses/(?P<id>\d+)")
    def get_status(self, req: Request) -> Response:
        status = self.statuses.get(req.params["id"])
        if status is None:
            return Response(404, json={"error": "Record not found"})
        return Response(200, json=self._status_json(status))

    @route("DELETE", r"/api/v1/statuses/(?P<id>\d+)")
    def delete_status(self, req: Request) -> Response:
        self._auth(req)
        with self.lock:
            status = self.statuses.pop(req.params["id"], None)
        if status is None:
            return Response(404, json={"error": "Record not found"})
        return Response(200, json={**self._status_json(status), "text": status["_text"]})

    @route("PUT", r"/api/v1/statuses/(?P<id>\d+)")
    def edit_status(self, req: Request) -> Response:
        """Edit in place (Mastodon 3.5+): new text, attachments and their descriptions; the
        status keeps its id and address and gains ``edited_at``."""
        self._auth(req)
        with self.lock:
            status = self.statuses.get(req.params["id"])
            if status is None:
                return Response(404, json={"error": "Record not found"})
            fields = self._fields(req)
            text = str(fields.get("status") if fields.get("status") is not None
                       else status["_text"])
            media_ids = [str(m) for m in (fields["media_ids"] if "media_ids" in fields
                                          else [m["id"] for m in status["media_attachments"]])]
            refused = _refuse_status(text, media_ids)
            if refused is not None:
                return refused
            for attrs in fields.get("media_attributes") or []:
                media = self.media.get(str(attrs.get("id")))
                if media is not None and "description" in attrs:
                    media["description"] = attrs["description"]
            attachments = []
            for mid in media_ids:
                media = self.media.get(mid)
                if media is None:
                    return Response(422, json={"error": "Validation failed: Media attachments "
                                                        "are invalid"})
                attachments.append(self._media_json(media))
            status.update(_text=text, content=render_content(text),
                          media_attachments=attachments, edited_at=_iso(_now()))
        return Response(200, json=self._status_json(status))

    @route("GET", r"/@(?P<user>\w+)/(?P<id>\d+)")
    def web_page(self, req: Request) -> Response:
        """Practice mode: the status link in the history opens the practice status."""
        status = self.statuses.get(req.params["id"])
        if status is None or req.params["user"] != self.account["username"]:
            return Response(404, body="The page you are looking for isn't here.")
        return Response(200, body=f"<!doctype html><meta charset=utf-8>{status['content']}",
                        headers={"Content-Type": "text/html; charset=utf-8"})

    @route("GET", r"/api/v1/scheduled_statuses")
    def list_scheduled(self, req: Request) -> Response:
        self._auth(req)
        self.publish_due()
        return Response(200, json=list(self.scheduled.values()))

    @route("GET", r"/api/v1/scheduled_statuses/(?P<id>\d+)")
    def get_scheduled(self, req: Request) -> Response:
        self._auth(req)
        self.publish_due()
        item = self.scheduled.get(req.params["id"])
        if item is None:
            return Response(404, json={"error": "Record not found"})
        return Response(200, json=item)

    @route("PUT", r"/api/v1/scheduled_statuses/(?P<id>\d+)")
    def update_scheduled(self, req: Request) -> Response:
        """Only ``scheduled_at`` changes (ScheduledStatusesController#update); the same
        validation as at creation: at least 5 minutes ahead."""
        self._auth(req)
        self.publish_due()
        fields = self._fields(req)
        with self.lock:
            item = self.scheduled.get(req.params["id"])
            if item is None:
                return Response(404, json={"error": "Record not found"})
            if fields.get("scheduled_at"):
                try:
                    when = datetime.fromisoformat(str(fields["scheduled_at"]).replace("Z", "+00:00"))
                except ValueError:
                    return Response(422, json={"error": "Validation failed: Scheduled at is invalid"})
                if when - self.now() < MIN_SCHEDULE_OFFSET:
                    return Response(422, json={"error": "Validation failed: Scheduled at The "
                                                        "scheduled date must be in the future"})
                item["scheduled_at"] = _iso(when)
        return Response(200, json=item)

    # -- the instance's clock: Sidekiq publishes a scheduled status at its time ---------------------

    def now(self) -> datetime:
        return self.clock_now()

    def publish_due(self) -> None:
        """PublishScheduledStatusWorker: the status is posted and the scheduled one is gone."""
        with self.lock:
            due = [i for i in self.scheduled.values()
                   if datetime.fromisoformat(i["scheduled_at"].replace("Z", "+00:00")) <= self.now()]
            for item in due:
                del self.scheduled[item["id"]]
                status_id, text = self._new_id(), item["params"]["text"]
                self.statuses[status_id] = {
                    "id": status_id, "created_at": _iso(self.now()), "in_reply_to_id": None,
                    "visibility": item["params"]["visibility"],
                    "url": f"{self.url}/@{self.account['username']}/{status_id}",
                    "uri": f"{self.url}/users/{self.account['username']}/statuses/{status_id}",
                    "content": render_content(text),
                    "media_attachments": item["media_attachments"],
                    "account": {**self.account}, "_text": text}

    def live_texts(self) -> list[str]:
        """Texts of the posts readers can see now (scheduled ones are not yet)."""
        self.publish_due()
        return self.published_texts()

    @route("DELETE", r"/api/v1/scheduled_statuses/(?P<id>\d+)")
    def delete_scheduled(self, req: Request) -> Response:
        self._auth(req)
        with self.lock:
            if self.scheduled.pop(req.params["id"], None) is None:
                return Response(404, json={"error": "Record not found"})
        return Response(200, json={})

    # -- for tests --------------------------------------------------------------------------------

    def posted_texts(self) -> list[str]:
        with self.lock:
            return [s["_text"] for s in sorted(self.statuses.values(), key=lambda s: int(s["id"]))]

    def published_texts(self) -> list[str]:
        """Texts of the posts this fake holds, one per post (thread replies excluded)."""
        with self.lock:
            return [s["_text"] for s in self.statuses.values() if not s.get("in_reply_to_id")]
