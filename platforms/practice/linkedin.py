"""A practice LinkedIn (Posts API + Images API) for one organization page, as docs/platforms.md §7 says.

Every /rest call needs ``Authorization: Bearer``, an active ``LinkedIn-Version`` (YYYYMM, at
most a year old; older ones answer 426 as after a sunset) and ``X-Restli-Protocol-Version:
2.0.0``. Images: initializeUpload (owner must be the page) → PUT the bytes to the upload URL
(JPEG/PNG/GIF by content, < 36,152,320 pixels) → the image is AVAILABLE. Posts: commentary in
little text (an unescaped reserved character is refused, as it would silently cut the post),
content.media or multiImage (2-20 AVAILABLE images of this page), the same commentary twice →
422 DUPLICATE_POST; 201 with an empty body and the URN in ``x-restli-id``. GET /rest/posts
?q=author lists the page's posts newest first; DELETE removes one (404 when gone); GET
/rest/organizations/{id} names the page. 429s carry no Retry-After, like LinkedIn's.

Sources: learn.microsoft.com/linkedin/marketing/community-management/shares/{posts-api,
images-api,multiimage-post-api,little-text-format}, .../shared/api-guide/concepts/rate-limits,
Arisamiga/Linkedin-RSS#5 (the DUPLICATE_POST body).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
import secrets
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, unquote

from platforms.practice._video import read_video
from platforms.practice.server import BadRequest, FakeServer, Handler, Request, Response, route

ORG_ID = "2414183"
ORG = f"urn:li:organization:{ORG_ID}"
TOKEN = "practice-linkedin-token"
MAX_PIXELS = 36_152_320
_RESERVED = set("\\|{}@[]()<>#*_~")
_HASHTAG = re.compile(r"\{hashtag\|\\#\|((?:\\.|[^\\}])+)\}")
_MAGIC = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png", b"GIF8": "image/gif"}


def unescaped_reserved(little: str) -> str | None:
    """The first reserved character not escaped (hashtag templates aside), or None."""
    text = _HASHTAG.sub("", little)
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            if i + 1 >= len(text) or text[i + 1] not in _RESERVED:
                return ch
            i += 2
            continue
        if ch in _RESERVED:
            return ch
        i += 1
    return None


def plain(little: str) -> str:
    """What a reader sees: templates as #tag, escapes removed."""
    text = _HASHTAG.sub(lambda m: "#" + m.group(1), little)
    return re.sub(r"\\(.)", r"\1", text)


def _error(status: int, message: str, code: str | None = None, **extra: Any) -> Response:
    body: dict[str, Any] = {"message": message, "status": status, **extra}
    if code:
        body["code"] = code
    return Response(status, json=body)


def _active_versions(now: datetime | None = None) -> set[str]:
    """The twelve monthly versions before this one (and this one)."""
    now = now or datetime.now(UTC)
    out, year, month = set(), now.year, now.month
    for _ in range(13):
        out.add(f"{year:04d}{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return out


class FakeLinkedIn(FakeServer):
    platform_id = "linkedin"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.ids = itertools.count(7_300_000_000_000_000_001)
        self.tokens = {TOKEN}
        # urn -> {"status", "owner", "upload", "mime", "size"}
        self.images: dict[str, dict[str, Any]] = {}
        self.uploads: dict[str, str] = {}  # upload token -> image urn
        # urn -> {"owner", "size", "parts": [(first, last)], "data": {n: bytes}, "etags", "status"}
        self.videos: dict[str, dict[str, Any]] = {}
        self.video_part = 4 * 1024 * 1024  # LinkedIn's part size
        self.posts: dict[str, dict[str, Any]] = {}  # urn -> post as LinkedIn stores it
        self.daily_limit_reached = False

    # -- platform-specific answers --------------------------------------------------------------

    def error_response(self, status: int, message: str) -> Response:
        return _error(status, message)

    def rate_limit_response(self, retry_after: float) -> Response:
        # LinkedIn sends no Retry-After and no rate-limit headers.
        return _error(429, "Too Many Requests", "TOO_MANY_REQUESTS", serviceErrorCode=101)

    def duplicate_response(self) -> Response:
        return Response(422, json={
            "errorDetailType": "com.linkedin.common.error.BadRequest",
            "message": "com.linkedin.content.common.exception.BadRequestResponseException: "
                       "Content is a duplicate of urn:li:share:7141138937766391808",
            "errorDetails": {"inputErrors": [{"description": "Duplicate post is detected",
                                              "input": {}, "code": "DUPLICATE_POST"}]},
            "status": 422})

    def expired_token_response(self) -> Response:
        return _error(401, "The token used in the request has expired", "EXPIRED_ACCESS_TOKEN",
                      serviceErrorCode=65601)

    def practice_account(self) -> tuple[dict[str, str], dict[str, str]]:
        return ({"organization": ORG, "api_url": self.url, "web_url": self.url},
                {"access_token": TOKEN})

    def published_texts(self) -> list[str]:
        with self.lock:
            return [plain(p["commentary"]) for p in self.posts.values()]

    # -- checks every /rest call makes ------------------------------------------------------------

    def _rest(self, req: Request) -> None:
        if req.bearer() not in self.tokens:
            raise BadRequest("Invalid access token", 401)
        version = req.headers.get("linkedin-version") or ""
        if not re.fullmatch(r"\d{6}(\.\d{2})?", version):
            raise BadRequest("A version must be present. Please specify a version by adding the "
                             "LinkedIn-Version header.", 400)
        if version[:6] not in _active_versions():
            raise BadRequest(f"Requested version {version} is not active", 426)
        if req.headers.get("x-restli-protocol-version") != "2.0.0":
            raise BadRequest("X-Restli-Protocol-Version 2.0.0 is required", 400)
        if self.daily_limit_reached:
            raise BadRequest("Resource level throttle APPLICATION DAY limit for calls to this "
                             "resource is reached.", 429)

    def _run(self, handler: Handler | None, request: Request) -> Response:
        response = super()._run(handler, request)
        if response.status == 401 and isinstance(response.json, dict):
            response.json.setdefault("serviceErrorCode", 65600)
            response.json.setdefault("code", "INVALID_ACCESS_TOKEN")
        return response

    # -- Images API -------------------------------------------------------------------------------

    @route("POST", r"/rest/images")
    def initialize_upload(self, req: Request) -> Response:
        self._rest(req)
        if req.query.get("action") != "initializeUpload":
            raise BadRequest("Unsupported action", 400)
        owner = ((req.json() or {}).get("initializeUploadRequest") or {}).get("owner")
        if owner != ORG:
            raise BadRequest(f"Not enough permissions to act as {owner}", 403)
        urn = "urn:li:image:C4E10AQ" + secrets.token_urlsafe(12).replace("-", "x")
        token = secrets.token_urlsafe(16)
        with self.lock:
            self.images[urn] = {"status": "WAITING_UPLOAD", "owner": owner}
            self.uploads[token] = urn
        return Response(200, json={"value": {
            "uploadUrlExpiresAt": int((time.time() + 3600) * 1000),
            "uploadUrl": f"{self.url}/dms-uploads/{token}", "image": urn}})

    @route("PUT", r"/dms-uploads/(?P<token>[\w-]+)")
    def upload(self, req: Request) -> Response:
        if req.bearer() not in self.tokens:
            raise BadRequest("Invalid access token", 401)
        with self.lock:
            urn = self.uploads.get(req.params["token"])
        if urn is None:
            raise BadRequest("Upload URL not found or expired", 404)
        mime = next((m for magic, m in _MAGIC.items() if req.body.startswith(magic)), None)
        if mime is None:
            raise BadRequest("Unsupported image type; use JPG, GIF or PNG", 400)
        from PIL import Image

        try:
            with Image.open(io.BytesIO(req.body)) as im:
                pixels = im.width * im.height
        except Exception:
            raise BadRequest("The image could not be read", 400) from None
        if pixels >= MAX_PIXELS:
            raise BadRequest(f"Image has {pixels} pixels; the limit is {MAX_PIXELS}", 400)
        with self.lock:
            self.images[urn].update(status="AVAILABLE", mime=mime, size=len(req.body))
        return Response(201)

    # -- Videos API -------------------------------------------------------------------------------

    @route("POST", r"/rest/videos")
    def videos_action(self, req: Request) -> Response:
        self._rest(req)
        body = req.json() or {}
        action = req.query.get("action")
        if action == "initializeUpload":
            ask = body.get("initializeUploadRequest") or {}
            if ask.get("owner") != ORG:
                raise BadRequest(f"Not enough permissions to act as {ask.get('owner')}", 403)
            size = int(ask.get("fileSizeBytes") or 0)
            if size <= 0:
                raise BadRequest("/initializeUploadRequest/fileSizeBytes is required", 422)
            urn = "urn:li:video:C5F10AQ" + secrets.token_urlsafe(12).replace("-", "x")
            parts = [(first, min(size, first + self.video_part) - 1)
                     for first in range(0, size, self.video_part)]
            with self.lock:
                self.videos[urn] = {"owner": ORG, "size": size, "parts": parts, "data": {},
                                    "etags": {}, "status": "WAITING_UPLOAD"}
            return Response(200, json={"value": {
                "uploadUrlsExpireAt": int((time.time() + 3600) * 1000), "video": urn,
                "uploadToken": "", "uploadInstructions": [
                    {"uploadUrl": f"{self.url}/dms-video/{quote(urn, safe='')}/{n}",
                     "firstByte": first, "lastByte": last}
                    for n, (first, last) in enumerate(parts)]}})
        if action == "finalizeUpload":
            ask = body.get("finalizeUploadRequest") or {}
            with self.lock:
                video = self.videos.get(str(ask.get("video")))
                if video is None:
                    raise BadRequest("Video not found", 404)
                if video["status"] != "WAITING_UPLOAD":
                    return Response(200)  # finalized already: nothing changes
                wanted = [video["etags"].get(n) for n in range(len(video["parts"]))]
                if None in wanted or ask.get("uploadedPartIds") != wanted:
                    raise BadRequest("uploadedPartIds do not match the uploaded parts", 400)
                data = b"".join(video["data"][n] for n in range(len(video["parts"])))
                problem = _video_problem(data)
                video.update(status="PROCESSING_FAILED" if problem else "PROCESSING",
                             failure=problem, bytes=data)
            return Response(200)
        raise BadRequest("Unsupported action", 400)

    @route("PUT", r"/dms-video/(?P<urn>[^/]+)/(?P<n>\d+)")
    def upload_video_part(self, req: Request) -> Response:
        if req.bearer() not in self.tokens:
            raise BadRequest("Invalid access token", 401)
        with self.lock:
            video = self.videos.get(unquote(req.params["urn"]))
            n = int(req.params["n"])
            if video is None or n >= len(video["parts"]):
                raise BadRequest("Upload URL not found or expired", 404)
            first, last = video["parts"][n]
            if len(req.body) != last - first + 1:
                raise BadRequest(f"Part {n} must be {last - first + 1} bytes", 400)
            video["data"][n] = req.body
            etag = hashlib.sha256(req.body).hexdigest()[:32]
            video["etags"][n] = etag
        return Response(200, headers={"ETag": etag})

    @route("GET", r"/rest/videos/(?P<urn>[^/]+)")
    def video_status(self, req: Request) -> Response:
        self._rest(req)
        urn = unquote(req.params["urn"])
        with self.lock:
            video = self.videos.get(urn)
            if video is None:
                raise BadRequest("Video not found", 404)
            if video["status"] == "PROCESSING":  # one look while LinkedIn processes it
                video["status"] = "AVAILABLE"
                answer = {"id": urn, "status": "PROCESSING"}
            else:
                answer = {"id": urn, "status": video["status"]}
                if video.get("failure"):
                    answer["processingFailureReason"] = video["failure"]
        return Response(200, json=answer)

    # -- Posts API --------------------------------------------------------------------------------

    def _content_images(self, content: dict[str, Any]) -> list[dict[str, Any]]:
        if not content:
            return []
        if "media" in content:
            return [content["media"]]
        if "multiImage" in content:
            images = (content["multiImage"] or {}).get("images") or []
            if not 2 <= len(images) <= 20:
                raise BadRequest("multiImage needs between 2 and 20 images", 422)
            return images
        raise BadRequest("Unsupported content", 422)

    @route("POST", r"/rest/posts")
    def create_post(self, req: Request) -> Response:
        self._rest(req)
        body = req.json() or {}
        if body.get("author") != ORG:
            raise BadRequest(f"Not enough permissions to post as {body.get('author')}", 403)
        for name, value in (("visibility", "PUBLIC"), ("lifecycleState", "PUBLISHED")):
            if body.get(name) != value:
                raise BadRequest(f"/{name} must be {value}", 422)
        if (body.get("distribution") or {}).get("feedDistribution") != "MAIN_FEED":
            raise BadRequest("/distribution/feedDistribution is required", 422)
        text = body.get("commentary")
        if not isinstance(text, str):
            raise BadRequest("/commentary is required", 422)
        bad = unescaped_reserved(text)
        if bad is not None:
            raise BadRequest(f"Unescaped reserved character {bad!r} in commentary", 400)
        if len(plain(text).encode("utf-16-le")) // 2 > 3000:
            raise BadRequest("/commentary is longer than 3000 characters", 422)
        images = self._content_images(body.get("content") or {})
        with self.lock:
            for image in images:
                image_id: Any = image.get("id")  # unchecked JSON, looked up as sent
                if str(image_id).startswith("urn:li:video:"):
                    clip = self.videos.get(image_id)
                    if clip is None or clip["status"] != "AVAILABLE":
                        raise BadRequest(f"Video {image_id} is not available", 422)
                    continue
                found = self.images.get(image_id)
                if found is None or found["status"] != "AVAILABLE" or found["owner"] != ORG:
                    raise BadRequest(f"Image {image.get('id')} is not available", 422)
            if any(p["commentary"] == text for p in self.posts.values()):
                return self.duplicate_response()
            urn = f"urn:li:share:{next(self.ids)}"
            now = int(time.time() * 1000)
            self.posts[urn] = {"id": urn, "author": ORG, "commentary": text,
                               "visibility": "PUBLIC", "lifecycleState": "PUBLISHED",
                               "createdAt": now, "lastModifiedAt": now,
                               "content": body.get("content") or {}}
        return Response(201, headers={"x-restli-id": urn})

    @route("GET", r"/rest/posts")
    def find_posts(self, req: Request) -> Response:
        self._rest(req)
        if req.query.get("q") != "author" or unquote(req.query.get("author", "")) != ORG:
            raise BadRequest("Finder 'author' needs author=" + ORG, 400)
        count = min(int(req.query.get("count", "10")), 100)
        with self.lock:
            posts = sorted(self.posts.values(), key=lambda p: p["lastModifiedAt"], reverse=True)
        return Response(200, json={"elements": posts[:count],
                                   "paging": {"start": 0, "count": count, "total": len(posts)}})

    @route("POST", r"/rest/posts/(?P<urn>[^/]+)")
    def update_post(self, req: Request) -> Response:
        """A partial update: ``X-RestLi-Method: PARTIAL_UPDATE`` and ``{"patch": {"$set":
        {"commentary": ...}}}``; commentary is what an app may change."""
        self._rest(req)
        if (req.headers.get("x-restli-method") or "").upper() != "PARTIAL_UPDATE":
            raise BadRequest("Method POST on an entity needs X-RestLi-Method PARTIAL_UPDATE", 400)
        urn = unquote(req.params["urn"])
        changes = ((req.json() or {}).get("patch") or {}).get("$set") or {}
        if set(changes) - {"commentary", "contentCallToActionLabel", "contentLandingPage",
                           "lifecycleState", "adContext"}:
            raise BadRequest(f"Fields {sorted(changes)} cannot be updated", 422)
        text = changes.get("commentary")
        if text is not None:
            bad = unescaped_reserved(text)
            if bad is not None:
                raise BadRequest(f"Unescaped reserved character {bad!r} in commentary", 400)
            if len(plain(text).encode("utf-16-le")) // 2 > 3000:
                raise BadRequest("/commentary is longer than 3000 characters", 422)
        with self.lock:
            post = self.posts.get(urn)
            if post is None:
                raise BadRequest(f"Post {urn} not found", 404)
            if text is not None:
                post["commentary"] = text
            post["lastModifiedAt"] = int(time.time() * 1000)
        return Response(204)

    @route("DELETE", r"/rest/posts/(?P<urn>[^/]+)")
    def delete_post(self, req: Request) -> Response:
        self._rest(req)
        urn = unquote(req.params["urn"])
        with self.lock:
            if self.posts.pop(urn, None) is None:
                raise BadRequest(f"Post {urn} not found", 404)
        return Response(204)

    @route("GET", r"/rest/organizationAcls")
    def acls(self, req: Request) -> Response:
        """The organisations the member administers (roleAssignee finder)."""
        self._rest(req)
        if req.query.get("q") != "roleAssignee":
            raise BadRequest("Unsupported finder", 400)
        return Response(200, json={"elements": [
            {"organization": ORG, "role": "ADMINISTRATOR", "state": "APPROVED",
             "roleAssignee": "urn:li:person:practice"}], "paging": {"count": 10, "start": 0}})

    @route("GET", r"/rest/organizations/(?P<id>\d+)")
    def organization(self, req: Request) -> Response:
        self._rest(req)
        if req.params["id"] != ORG_ID:
            raise BadRequest("Organization not found", 404)
        return Response(200, json={"id": int(ORG_ID), "localizedName": "Diskominfo Provinsi",
                                   "vanityName": "diskominfo-prov"})

    @route("GET", r"/feed/update/(?P<urn>[^/]+)")
    def view(self, req: Request) -> Response:
        """Practice links open the post."""
        with self.lock:
            found = self.posts.get(unquote(req.params["urn"]))
        if found is None:
            return Response(404, body="This post cannot be displayed")
        return Response(200, body=plain(found["commentary"]))


def _video_problem(data: bytes) -> str:
    """What LinkedIn's processing refuses (Videos API): MP4 with H.264, 3 s to 30 minutes,
    aspect 1:2.4 to 2.4:1, 60 fps; "" when it takes it."""
    video = read_video(data)
    if video is None or not video.mp4_or_mov or video.codec != "h264":
        return "UNSUPPORTED_FORMAT"
    if not 3 <= video.seconds <= 30 * 60:
        return "INVALID_DURATION"
    if not 1 / 2.4 - 0.01 <= video.width / max(1, video.height) <= 2.4 + 0.01 or video.fps > 60.5:
        return "INVALID_DIMENSIONS"
    return ""
