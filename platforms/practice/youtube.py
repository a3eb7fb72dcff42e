"""A practice YouTube Data API v3 with resumable uploads, as docs/platforms.md §10 says.

POST /upload/youtube/v3/videos?uploadType=resumable&part=snippet,status checks the metadata
(title ≤ 100 characters, description ≤ 5000 bytes, neither with < or >, tags ≤ 500 characters
in all, privacy, publishAt only on a private video and in the future) and the daily upload
quota (403 quotaExceeded), and answers 200 with the session URI in ``Location``. PUT to the
session takes chunks: ``Content-Range: bytes S-E/TOTAL`` where S is exactly what the session
holds and every chunk but the last is a multiple of 256 KiB; answered 308 with ``Range:
bytes=0-N`` until the last, which makes the video (200). ``Content-Range: bytes */TOTAL`` asks
where a session is. Chunks are read from the socket a piece at a time and hashed, never kept:
a 1 GB upload costs the fake no memory.

``reset_at = 0.4`` drops the connection once, mid-chunk, when the upload crosses 40%; the
session keeps what it received, rounded down to 256 KiB (Google may persist less than was sent).
Tokens come from POST /token (refresh_token grant) and expire (``expire_access_tokens()``).

Thumbnails (POST /upload/youtube/v3/thumbnails/set: JPEG/PNG, 2 MB, 403 when the channel may
not set custom thumbnails) and captions (multipart captions.insert, 409 captionExists for a
second track of the same language and name; captions.list) go on a made video. A video whose
first bytes are no container YouTube reads comes back `uploadStatus: failed`, `invalidFile`.

Sources: developers.google.com/youtube/v3/docs/videos, /guides/using_resumable_upload_protocol,
/docs/thumbnails/set, /docs/captions/insert,
/docs/errors, /determine_quota_cost; developers.google.com/identity/protocols/oauth2/native-app.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import secrets
import socket
import struct
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import SplitResult, parse_qs, urlsplit

from platforms.practice.server import (
    BadRequest,
    FakeServer,
    Headers,
    Request,
    Response,
    _Handler,
    route,
)

UPLOAD_PATH = "/upload/youtube/v3/videos"
UNIT = 256 * 1024
PIECE = 1024 * 1024
CLIENT_ID = "practice-youtube.apps.googleusercontent.com"
CLIENT_SECRET = "practice-youtube-client-secret"
REFRESH = "practice-youtube-refresh"
PRIVACY = ("public", "unlisted", "private")
UPLOADS = "UUpractice0000000000000a"  # the channel's "uploads" playlist
HEAD = 16  # the first bytes of an upload, kept to tell a video file from anything else
THUMBNAIL_LIMIT = 2 * 1024 * 1024
THUMBNAIL_TYPES = ("image/jpeg", "image/png", "application/octet-stream")


def _looks_like_video(head: bytes) -> bool:
    """The containers YouTube's processing reads, by their first bytes: MP4/MOV boxes,
    Matroska/WebM (EBML), AVI, FLV, MPEG program and transport streams, ASF."""
    return (head[4:8] in (b"ftyp", b"moov", b"mdat", b"free", b"wide", b"skip")
            or head.startswith((b"\x1a\x45\xdf\xa3", b"FLV", b"\x00\x00\x01\xba",
                                b"\x30\x26\xb2\x75"))
            or (head.startswith(b"RIFF") and head[8:12] == b"AVI ")
            or head[:1] == b"\x47")


def _readable_captions(data: bytes) -> bool:
    """What captions.insert can read here: WebVTT, or SRT's numbered cues with time codes."""
    text = data.decode("utf-8-sig", "replace").lstrip()
    return text.startswith("WEBVTT") or bool(re.search(
        r"^\d+\s*\n\d\d:\d\d:\d\d[,.]\d{3} --> \d\d:\d\d:\d\d[,.]\d{3}", text, re.M))


def _error(status: int, reason: str, message: str, domain: str = "youtube.api") -> Response:
    return Response(status, json={"error": {
        "code": status, "message": message,
        "errors": [{"message": message, "domain": domain, "reason": reason}]}})


def _multipart(content_type: str, body: bytes) -> list[bytes]:
    """The bodies of a multipart/related request, in order."""
    match = re.search(r'boundary="?([^";]+)"?', content_type)
    if not content_type.startswith("multipart/related") or not match:
        return []
    parts = []
    for chunk in body.split(b"--" + match.group(1).encode())[1:]:
        if chunk.startswith(b"--"):
            break
        _, _, content = chunk.partition(b"\r\n\r\n")
        parts.append(content.removesuffix(b"\r\n"))
    return parts


def _tags_length(tags: list[str]) -> int:
    return sum(len(t) + (2 if " " in t else 0) for t in tags) + max(0, len(tags) - 1)


class FakeYouTube(FakeServer):
    platform_id = "youtube"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.access: dict[str, float] = {"practice-youtube-token": time.time() + 10 * 365 * 86400}
        self.sessions: dict[str, dict[str, Any]] = {}
        self.videos: dict[str, dict[str, Any]] = {}
        self.uploads_left: int | None = None  # videos.insert's daily bucket; None: no limit
        self.reset_at: float | None = None  # fraction of the upload where the connection drops
        self.received_bytes = 0  # every byte read from upload chunks (resends included)
        # A channel is allowed custom thumbnails once it is verified; False answers 403.
        self.custom_thumbnails = True
        self.captions: dict[str, dict[str, Any]] = {}  # caption id -> snippet and bytes
        self._ids = itertools.count(1)

    # -- platform-specific answers --------------------------------------------------------------

    def error_response(self, status: int, message: str) -> Response:
        reasons = {400: "badRequest", 401: "authError", 403: "forbidden", 404: "notFound",
                   500: "backendError", 502: "backendError", 503: "backendError"}
        return _error(status, reasons.get(status, "error"), message, "global")

    def rate_limit_response(self, retry_after: float) -> Response:
        response = _error(429, "rateLimitExceeded", "Too Many Requests", "usageLimits")
        response.headers["Retry-After"] = str(int(round(retry_after)))
        return response

    def duplicate_response(self) -> Response:
        # YouTube takes the upload, then rejects the video as a duplicate (status.rejectionReason).
        return Response(200, json={"kind": "youtube#video", "id": "rejected" + secrets.token_hex(3),
                                   "status": {"uploadStatus": "rejected",
                                              "rejectionReason": "duplicate"}})

    def expired_token_response(self) -> Response:
        return Response(401, json={"error": {
            "code": 401, "status": "UNAUTHENTICATED",
            "message": "Request had invalid authentication credentials. Expected OAuth 2 access "
                       "token, login cookie or other valid authentication credential.",
            "errors": [{"message": "Invalid Credentials", "domain": "global",
                        "reason": "authError", "location": "Authorization",
                        "locationType": "header"}]}})

    def practice_account(self) -> tuple[dict[str, str], dict[str, str]]:
        return ({"client_id": CLIENT_ID, "api_url": self.url, "web_url": self.url,
                 "token_url": self.url + "/token", "authorize_url": self.url + "/o/oauth2/v2/auth"},
                {"client_secret": CLIENT_SECRET, "refresh_token": REFRESH,
                 "access_token": "practice-youtube-token"})

    def published_texts(self) -> list[str]:
        with self.lock:
            return [v["snippet"]["description"] for v in self.videos.values()]

    def expire_access_tokens(self) -> None:
        with self.lock:
            self.access = dict.fromkeys(self.access, 0.0)

    def _auth(self, headers: Headers) -> bool:
        auth = headers.get("authorization") or ""
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        with self.lock:
            return self.access.get(token, 0.0) > time.time()

    # -- OAuth ----------------------------------------------------------------------------------

    @route("POST", r"/token")
    def token(self, req: Request) -> Response:
        f = req.form
        if f.get("client_id") != CLIENT_ID or f.get("client_secret") != CLIENT_SECRET:
            return Response(401, json={"error": "invalid_client",
                                       "error_description": "The OAuth client was not found."})
        if f.get("grant_type") != "refresh_token" or f.get("refresh_token") != REFRESH:
            return Response(400, json={"error": "invalid_grant",
                                       "error_description": "Token has been expired or revoked."})
        access = "ya29." + secrets.token_urlsafe(24)
        with self.lock:
            self.access[access] = time.time() + 3599
        return Response(200, json={"access_token": access, "expires_in": 3599,
                                   "token_type": "Bearer",
                                   "scope": "https://www.googleapis.com/auth/youtube"})

    # -- starting an upload ---------------------------------------------------------------------

    @route("POST", UPLOAD_PATH)
    def start_upload(self, req: Request) -> Response:
        if not self._auth(req.headers):
            return self.expired_token_response()
        if req.query.get("uploadType") != "resumable":
            raise BadRequest("uploadType=resumable is the only kind here")
        parts = set((req.query.get("part") or "").split(","))
        if not {"snippet", "status"} <= parts:
            raise BadRequest("part must name snippet and status")
        try:
            total = int(req.headers.get("x-upload-content-length") or "")
        except ValueError:
            raise BadRequest("X-Upload-Content-Length is required") from None
        mime = req.headers.get("x-upload-content-type") or ""
        if not (mime.startswith("video/") or mime == "application/octet-stream"):
            return _error(400, "invalidVideoMetadata", f"Unsupported media type {mime}")
        body = req.json() or {}
        problem = self._check_metadata(body)
        if problem:
            return problem
        with self.lock:
            if self.uploads_left is not None:
                if self.uploads_left <= 0:
                    return _error(403, "quotaExceeded", "The request cannot be completed "
                                  "because you have exceeded your quota.", "youtube.quota")
                self.uploads_left -= 1
            upload_id = secrets.token_urlsafe(18)
            self.sessions[upload_id] = {"total": total, "received": 0, "mime": mime,
                                        "sha": hashlib.sha256(), "head": b"", "meta": body,
                                        "video": None,
                                        "duplicate": False}
        location = f"{self.url}{UPLOAD_PATH}?uploadType=resumable&upload_id={upload_id}"
        return Response(200, headers={"Location": location})

    def _check_metadata(self, body: dict[str, Any]) -> Response | None:
        snippet, status = body.get("snippet") or {}, body.get("status") or {}
        title, description = snippet.get("title") or "", snippet.get("description") or ""
        if not title.strip():
            return _error(400, "invalidTitle", "The request metadata specifies an empty title")
        if len(title) > 100 or "<" in title or ">" in title:
            return _error(400, "invalidTitle", "The request metadata specifies an invalid "
                                               "video title.")
        if len(description.encode()) > 5000 or "<" in description or ">" in description:
            return _error(400, "invalidDescription", "The request metadata specifies an "
                                                     "invalid video description.")
        if _tags_length(snippet.get("tags") or []) > 500:
            return _error(400, "invalidTags", "The request metadata specifies invalid video "
                                              "keywords.")
        privacy = status.get("privacyStatus", "public")
        if privacy not in PRIVACY:
            return _error(400, "invalidVideoMetadata", f"Unknown privacyStatus {privacy}")
        if status.get("publishAt"):
            when = datetime.fromisoformat(status["publishAt"].replace("Z", "+00:00"))
            if privacy != "private" or when <= self.now():
                return _error(400, "invalidPublishAt", "The request metadata specifies an "
                                                       "invalid scheduled publishing time.")
        return None

    # -- chunks: handled at the socket, streamed, never held in memory --------------------------

    def _handle(self, h: _Handler) -> None:
        split = urlsplit(h.path)
        if h.command == "PUT" and split.path == UPLOAD_PATH:
            self._put(h, split)
        else:
            super()._handle(h)

    def _put(self, h: _Handler, split: SplitResult) -> None:
        query = {k: v[-1] for k, v in parse_qs(split.query).items()}
        headers = Headers(h.headers.items())
        fault = self.faults.take("PUT", split.path)
        request = Request("PUT", split.path, headers, query, fault=fault.kind if fault else None)
        with self.lock:
            self.requests.append(request)
        length = int(headers.get("content-length") or 0)
        kind = fault.kind if fault else None
        options = fault.options if fault else {}
        if kind == "reset":
            self._drain(h, length // 2)
            request.complete = False
            self._abort(h)
            return
        if kind in ("status", "rate_limit", "expired_token") or (
                kind == "timeout" and not options.get("after_work")):
            self._drain(h, length)
            answers: dict[str, Callable[[], Response | None]] = {
                "status": lambda: self.error_response(int(options.get("code", 503)),
                                                      "injected failure"),
                "rate_limit": lambda: self.rate_limit_response(
                    float(options.get("retry_after", 1))),
                "expired_token": self.expired_token_response,
                "timeout": lambda: None}
            response = answers[kind]()
        else:
            if kind == "duplicate":
                session = self.sessions.get(query.get("upload_id", ""))
                if session is not None:
                    session["duplicate"] = True
            response = self._chunk(h, request, headers, query, length)
            if response is None:  # the connection was dropped on purpose
                return
            if kind == "success_then_500":
                response = self.error_response(500, "internal server error")
        if kind == "timeout":
            h.idle = True
            self._busy_change(-1)
            self._stopped.wait(options.get("seconds", self.hang_seconds))
            h.close_connection = True
            return
        assert response is not None  # only "timeout" answers nothing, and it returned above
        self._write(h, response)

    def _chunk(self, h: _Handler, request: Request, headers: Headers, query: dict[str, str],
               length: int) -> Response | None:
        if not self._auth(headers):
            self._drain(h, length)
            return self.expired_token_response()
        with self.lock:
            session = self.sessions.get(query.get("upload_id", ""))
        if session is None:
            self._drain(h, length)
            return _error(404, "notFound", "The upload session was not found or has expired")
        total = session["total"]
        match = re.fullmatch(r"bytes (?:(\d+)-(\d+)|\*)/(\d+)",
                             (headers.get("content-range") or "").strip())
        if not match or int(match.group(3)) != total:
            self._drain(h, length)
            return _error(400, "badContentRange", "Content-Range is missing or wrong")
        if match.group(1) is None:  # bytes */TOTAL: where is this session?
            self._drain(h, length)
            return self._where(session)
        start, end = int(match.group(1)), int(match.group(2))
        size = end - start + 1
        problem = None
        if start != session["received"]:
            problem = f"the chunk starts at {start}, the session holds {session['received']}"
        elif size != length or end >= total:
            problem = "Content-Range does not match the body"
        elif end + 1 < total and size % UNIT:
            problem = "a chunk other than the last must be a multiple of 256 KiB"
        if problem:
            self._drain(h, length)
            return _error(400, "badContentRange", problem)
        cut = None
        if self.reset_at is not None and start < int(total * self.reset_at) <= end:
            cut = int(total * self.reset_at) - start
            self.reset_at = None
        if cut is not None:  # drop the connection mid-chunk, keeping whole 256 KiB units
            keep = (start + cut) // UNIT * UNIT - start
            self._consume(h, session, max(0, keep))
            self._drain(h, cut - max(0, keep))
            request.fault, request.complete = "reset", False
            self._abort(h)
            return None
        self._consume(h, session, size)
        return self._where(session)

    def _where(self, session: dict[str, Any]) -> Response:
        if session["received"] < session["total"]:
            headers = {"Range": f"bytes=0-{session['received'] - 1}"} if session["received"] else {}
            return Response(308, headers=headers)
        with self.lock:
            if session["video"] is None:
                session["video"] = self._make_video(session)
            video = session["video"]
        return Response(200, json=video)

    def _make_video(self, session: dict[str, Any]) -> dict[str, Any]:
        meta = session["meta"]
        if not _looks_like_video(session["head"]):
            # YouTube takes the bytes, then its processing fails: status.failureReason.
            return {"kind": "youtube#video", "id": "failed" + secrets.token_hex(3),
                    "status": {"uploadStatus": "failed", "failureReason": "invalidFile"}}
        if session["duplicate"]:
            return {"kind": "youtube#video", "id": "rejected" + secrets.token_hex(3),
                    "status": {"uploadStatus": "rejected", "rejectionReason": "duplicate"}}
        video_id = f"yt{next(self._ids):09d}"[-11:]
        status = {"uploadStatus": "uploaded", "privacyStatus": "public",
                  "selfDeclaredMadeForKids": False, **(meta.get("status") or {})}
        video = {"kind": "youtube#video", "id": video_id, "snippet": dict(meta["snippet"]),
                 "status": status}
        self.videos[video_id] = {**video, "size": session["total"], "published_at": time.time(),
                                 "sha256": session["sha"].hexdigest()}
        return video

    def _consume(self, h: _Handler, session: dict[str, Any], count: int) -> None:
        """Read ``count`` body bytes into the session: hashed and counted, then let go."""
        sha, left = session["sha"], count
        while left > 0:
            piece = h.rfile.read(min(PIECE, left))
            if not piece:
                raise ConnectionError("client went away")
            sha.update(piece)
            if len(session["head"]) < HEAD:
                session["head"] += piece[:HEAD - len(session["head"])]
            left -= len(piece)
        with self.lock:
            session["received"] += count
            self.received_bytes += count

    def _drain(self, h: _Handler, count: int) -> None:
        left = count
        while left > 0:
            piece = h.rfile.read(min(PIECE, left))
            if not piece:
                return
            left -= len(piece)
        with self.lock:
            self.received_bytes += count - left

    def _abort(self, h: _Handler) -> None:
        """SO_LINGER 0 and close: a TCP RST while the client is still sending."""
        sock = h.connection
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            os.close(sock.detach())
        except OSError:
            pass
        h.close_connection = True

    # -- the rest of the API ----------------------------------------------------------------------

    def _update_snippet(self, req: Request) -> Response:
        """videos.update, part=snippet: the snippet is replaced whole; title and categoryId
        are required; the video's bytes never change."""
        if not self._auth(req.headers):
            return self.expired_token_response()
        body = req.json() or {}
        snippet = body.get("snippet") or {}
        if not snippet.get("categoryId"):
            return _error(400, "invalidCategoryId", "The snippet.categoryId property specifies "
                                                    "an invalid category ID.")
        bad = self._check_metadata({"snippet": snippet})
        if bad is not None:
            return bad
        with self.lock:
            video = self.videos.get(str(body.get("id") or ""))
            if video is None:
                return _error(404, "videoNotFound", "The video that you are trying to update "
                                                    "cannot be found.")
            video["snippet"] = {k: snippet[k] for k in ("title", "description", "tags",
                                                        "categoryId") if k in snippet}
            answer = {k: v for k, v in video.items() if k in ("kind", "id", "snippet", "status")}
        return Response(200, json=answer)

    # -- thumbnails and captions ---------------------------------------------------------------

    @route("POST", r"/upload/youtube/v3/thumbnails/set")
    def set_thumbnail(self, req: Request) -> Response:
        """thumbnails.set: a JPEG or PNG of at most 2 MB, replacing the video's thumbnail."""
        if not self._auth(req.headers):
            return self.expired_token_response()
        mime = req.headers.get("content-type", "").split(";")[0].strip()
        with self.lock:
            video = self.videos.get(req.query.get("videoId", ""))
        if video is None:
            return _error(404, "videoNotFound", "The video that you are trying to set a "
                                                "thumbnail for cannot be found.")
        if not self.custom_thumbnails:
            return _error(403, "forbidden", "The authenticated user doesn't have permissions "
                                            "to upload and set custom video thumbnails.")
        if not req.body:
            return _error(400, "mediaBodyRequired", "The request does not include the image "
                                                    "content.")
        if len(req.body) > THUMBNAIL_LIMIT:
            return _error(413, "mediaBodyTooLarge", f"Media larger than {THUMBNAIL_LIMIT}",
                          "global")
        image = req.body.startswith(b"\xff\xd8\xff") or req.body.startswith(b"\x89PNG")
        if mime not in THUMBNAIL_TYPES or not image:
            return _error(400, "invalidImage", "The provided image content is invalid.")
        with self.lock:
            video["thumbnail"] = {"sha256": hashlib.sha256(req.body).hexdigest(),
                                  "size": len(req.body), "mime": mime}
        return Response(200, json={"kind": "youtube#thumbnailSetResponse", "items": [
            {"default": {"url": f"{self.url}/vi/{video['id']}/default.jpg"}}]})

    @route("POST", r"/upload/youtube/v3/captions")
    def insert_captions(self, req: Request) -> Response:
        """captions.insert, multipart/related: the snippet (videoId, language, name), then the
        file. A second track with the same language and name is 409 captionExists."""
        if not self._auth(req.headers):
            return self.expired_token_response()
        if req.query.get("uploadType") != "multipart" or req.query.get("part") != "snippet":
            raise BadRequest("uploadType=multipart and part=snippet are expected here")
        parts = _multipart(req.headers.get("content-type", ""), req.body)
        if len(parts) != 2:
            return _error(400, "contentRequired", "The request does not contain the caption "
                                                  "track contents.")
        import json

        try:
            snippet = (json.loads(parts[0]) or {}).get("snippet") or {}
        except ValueError:
            raise BadRequest("the first part must be the caption resource (JSON)") from None
        if not snippet.get("language") or not snippet.get("name"):
            return _error(400, "invalidMetadata", "The request contains invalid metadata "
                                                  "values: snippet.language and snippet.name.")
        with self.lock:
            video = self.videos.get(str(snippet.get("videoId") or ""))
            if video is None:
                return _error(404, "videoNotFound", "The video identified by the videoId "
                                                    "parameter could not be found.")
            for track in self.captions.values():
                if (track["snippet"]["videoId"], track["snippet"]["language"],
                        track["snippet"]["name"]) == (video["id"], snippet["language"],
                                                      snippet["name"]):
                    return _error(409, "captionExists", "The specified video already has a "
                                  "caption track with the given snippet.language and "
                                  "snippet.name.")
            caption_id = "cap" + secrets.token_hex(8)
            status = {"status": "serving"} if _readable_captions(parts[1]) else {
                "status": "failed", "failureReason": "unknownFormat"}
            stored = {"videoId": video["id"], "language": snippet["language"],
                      "name": snippet["name"], "isDraft": bool(snippet.get("isDraft")),
                      "trackKind": "standard", **status}
            self.captions[caption_id] = {"snippet": stored, "data": parts[1]}
        return Response(200, json={"kind": "youtube#caption", "id": caption_id,
                                   "snippet": stored})

    @route("GET", r"/youtube/v3/captions")
    def list_captions(self, req: Request) -> Response:
        if not self._auth(req.headers):
            return self.expired_token_response()
        with self.lock:
            items = [{"kind": "youtube#caption", "id": cid, "snippet": t["snippet"]}
                     for cid, t in self.captions.items()
                     if t["snippet"]["videoId"] == req.query.get("videoId")]
        return Response(200, json={"kind": "youtube#captionListResponse", "items": items})

    @route("DELETE", r"/youtube/v3/videos")
    def delete_video(self, req: Request) -> Response:
        if not self._auth(req.headers):
            return self.expired_token_response()
        with self.lock:
            if self.videos.pop(req.query.get("id", ""), None) is None:
                return _error(404, "videoNotFound", "The video that you are trying to delete "
                                                    "cannot be found.")
        return Response(204)

    @route("GET", r"/youtube/v3/channels")
    def channels(self, req: Request) -> Response:
        if not self._auth(req.headers):
            return self.expired_token_response()
        if req.query.get("mine") != "true":
            raise BadRequest("mine=true is the only filter here")
        parts = set((req.query.get("part") or "").split(","))
        channel: dict[str, Any] = {"kind": "youtube#channel", "id": "UCpractice0000000000000a"}
        if "snippet" in parts:
            channel["snippet"] = {"title": "Diskominfo Provinsi", "customUrl": "@diskominfoprov",
                                  "thumbnails": {"default": {"url": self.url + "/avatar.jpg"}}}
        if "contentDetails" in parts:
            channel["contentDetails"] = {"relatedPlaylists": {"uploads": UPLOADS}}
        return Response(200, json={"kind": "youtube#channelListResponse", "items": [channel]})

    @route("GET", r"/youtube/v3/playlistItems")
    def playlist_items(self, req: Request) -> Response:
        """The uploads playlist, newest first (what a look-up after a lost answer reads)."""
        if not self._auth(req.headers):
            return self.expired_token_response()
        if req.query.get("playlistId") != UPLOADS:
            return _error(404, "playlistNotFound", "The playlist cannot be found.")
        count = min(int(req.query.get("maxResults", "5")), 50)
        with self.lock:
            videos = sorted(self.videos.values(), key=lambda v: v["published_at"], reverse=True)
        return Response(200, json={"kind": "youtube#playlistItemListResponse", "items": [{
            "kind": "youtube#playlistItem", "snippet": {
                "title": v["snippet"]["title"], "description": v["snippet"]["description"],
                "publishedAt": datetime.fromtimestamp(v["published_at"], UTC).strftime(
                    "%Y-%m-%dT%H:%M:%SZ"),
                "playlistId": UPLOADS,
                "resourceId": {"kind": "youtube#video", "videoId": v["id"]}}}
            for v in videos[:count]]})

    @route("GET", r"/youtube/v3/videos")
    def list_videos(self, req: Request) -> Response:
        """videos.list by id: the parts asked for (status, snippet)."""
        if not self._auth(req.headers):
            return self.expired_token_response()
        self.publish_due()
        parts = set((req.query.get("part") or "").split(","))
        wanted = [i for i in (req.query.get("id") or "").split(",") if i]
        with self.lock:
            items = [{"kind": "youtube#video", "id": v["id"],
                      **{p: dict(v[p]) for p in ("snippet", "status") if p in parts}}
                     for i in wanted if (v := self.videos.get(i)) is not None]
        return Response(200, json={"kind": "youtube#videoListResponse", "items": items})

    @route("PUT", r"/youtube/v3/videos")
    def update_video(self, req: Request) -> Response:
        """videos.update. part=snippet: see _update_snippet. part=status: replaced as sent (a field left
        out goes back to its default, publishAt included); publishAt only on a private video,
        in the future, and never on one already published."""
        if not self._auth(req.headers):
            return self.expired_token_response()
        self.publish_due()
        if (req.query.get("part") or "") == "snippet":  # title, description, tags
            return self._update_snippet(req)
        if (req.query.get("part") or "") != "status":
            return _error(400, "invalidPart", "The request specifies an invalid part.")
        body = req.json() or {}
        status = dict(body.get("status") or {})
        with self.lock:
            video = self.videos.get(str(body.get("id") or ""))
            if video is None:
                return _error(404, "videoNotFound", "The video that you are trying to update "
                                                    "cannot be found.")
            privacy = status.get("privacyStatus", "public")
            if privacy not in PRIVACY:
                return _error(400, "invalidVideoMetadata", f"Unknown privacyStatus {privacy}")
            if status.get("publishAt"):
                when = datetime.fromisoformat(status["publishAt"].replace("Z", "+00:00"))
                if privacy != "private" or when <= self.now() or video.get("went_public"):
                    return _error(400, "invalidPublishAt", "The request metadata specifies an "
                                                           "invalid scheduled publishing time.")
            kept = {k: video["status"][k] for k in ("uploadStatus",) if k in video["status"]}
            video["status"] = {"privacyStatus": privacy, "selfDeclaredMadeForKids": False,
                               **kept, **status}
            answer = {"kind": "youtube#video", "id": video["id"], "status": dict(video["status"])}
        return Response(200, json=answer)

    # -- YouTube's clock: a private video with publishAt goes public at that time ---------------

    def now(self) -> datetime:
        return self.clock_now()

    def publish_due(self) -> None:
        with self.lock:
            for video in self.videos.values():
                at = video["status"].get("publishAt")
                if at and datetime.fromisoformat(at.replace("Z", "+00:00")) <= self.now():
                    video["status"].pop("publishAt")
                    video["status"]["privacyStatus"] = "public"
                    video["went_public"] = True

    def live_texts(self) -> list[str]:
        """Descriptions of the videos anyone can watch now (not private ones)."""
        self.publish_due()
        with self.lock:
            return [v["snippet"]["description"] for v in self.videos.values()
                    if v["status"].get("privacyStatus") != "private"]

    def expire_sessions(self) -> None:
        """Every upload session ends, as Google's do after about a week."""
        with self.lock:
            self.sessions.clear()

    @route("GET", r"/watch")
    def watch(self, req: Request) -> Response:
        """Practice links open the video's page (its title)."""
        with self.lock:
            video = self.videos.get(req.query.get("v", ""))
        if video is None:
            return Response(404, body="Video unavailable")
        return Response(200, body=video["snippet"]["title"])
