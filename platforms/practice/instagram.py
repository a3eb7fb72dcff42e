"""A practice Instagram professional account: content publishing as docs/platforms.md §6 describes it.

Containers (``POST /{ig-user}/media``) for an image (``image_url``, ``caption``, ``alt_text``),
carousel items (``is_carousel_item``) and a ``CAROUSEL`` of 2-10 finished children; the fake
FETCHES every ``image_url`` over HTTP (from 127.0.0.1 only) and checks what Instagram checks:
a JPEG, 8 MB at most, aspect ratio 4:5 to 1.91:1 (Graph errors 2207005, 2207004, 36003/2207009,
2207052 when it cannot be fetched). Containers answer ``IN_PROGRESS`` for ``processing_polls``
status reads, then ``FINISHED``; publishing one turns it ``PUBLISHED`` (single use), an unready
one is refused (9007/2207027). Captions over 2,200 characters or with more than 30 hashtags are
refused (the API reference's limits). ``content_publishing_limit`` reports the daily quota.
A ``REELS`` container fetches its ``video_url`` and fails its processing the way the reel
specifications say; its cover is ``thumb_offset`` (whole milliseconds, inside the video, else
#100) or ``cover_url`` (fetched, a JPEG), both recorded on the container.
"""

from __future__ import annotations

import hashlib
import re
import time
from typing import Any

from platforms.practice._graph import VERSION, GraphFake, GraphFault, graph_error, now_graph
from platforms.practice._video import read_video
from platforms.practice.server import Request, Response, route

MAX_BYTES = 8 * 1024 * 1024
CAPTION_LIMIT = 2200
HASHTAG_LIMIT = 30
QUOTA = 50
_HASHTAG = re.compile(r"(?<![\w#])#\w+")


class FakeInstagram(GraphFake):
    platform_id = "instagram"

    def __init__(self, *, processing_polls: int = 1, **kw: Any) -> None:
        super().__init__(**kw)
        self.processing_polls = processing_polls
        self.user_id = "17841499000000042"  # outside the ids the fake hands out
        self.username = "humas.pemprov"
        self.access_token = "practice-instagram-token"
        self.tokens = {self.access_token}
        self.login_token = self.access_token  # Facebook Login's user token publishes
        self.page = {"id": "104000000000001", "name": "Humas Pemprov (latihan)"}
        self.containers: dict[str, dict[str, Any]] = {}
        self.media: dict[str, dict[str, Any]] = {}  # published posts
        self.fetched: list[str] = []  # every image_url the fake downloaded
        self.quota = QUOTA  # posts per rolling 24 hours (a soak raises it)

    def practice_account(self) -> tuple[dict[str, str], dict[str, str]]:
        return ({"ig_user_id": self.user_id, "api_url": self.url, "graph_version": "v25.0",
                 **self.media_host_settings()},
                {"access_token": self.access_token, "media_s3_secret_key": "practice-s3-secret-key"})

    def duplicate_response(self) -> Response:
        # Instagram has no duplicate refusal as such; repeated identical posts meet its spam
        # restriction (error-code reference: code 4, subcode 2207051).
        return graph_error(400, "Application request limit reached", 4, 2207051,
                           user_msg="We restrict certain activity to protect our community.")

    # -- helpers ----------------------------------------------------------------------------------

    def _user(self, req: Request) -> None:
        self.token(req)
        if req.params.get("user") != self.user_id:
            raise GraphFault(f"Unsupported post request. Object with ID '{req.params.get('user')}'"
                             " does not exist", 100, subcode=33)

    def _image(self, url: str) -> dict[str, Any]:
        data = self.fetch(url)
        with self.lock:
            self.fetched.append(url)
        kind, width, height = self.image_info(data)
        if kind != "JPEG":
            raise GraphFault("Only photo or video can be accepted as media type.", 9004,
                             subcode=2207005, user_msg="The image format is not supported.")
        if len(data) > MAX_BYTES:
            raise GraphFault("The image size is too large.", 36000, subcode=2207004,
                             user_msg="The image is too large to download. It should be less "
                             "than 8 MiB.")
        ratio = width / height
        if not 0.8 <= ratio <= 1.91:
            raise GraphFault("The aspect ratio is not supported.", 36003, subcode=2207009,
                             user_msg=f"The submitted image with aspect ratio ('{width}/"
                             f"{height}') cannot be published. Please submit an image with a "
                             "valid aspect ratio.")
        return {"width": width, "height": height, "bytes": len(data)}

    def _new_container(self, **fields: Any) -> dict[str, Any]:
        container = {"id": self.new_id(), "status_code": "IN_PROGRESS",
                     "_polls": self.processing_polls, "_made": time.time(), **fields}
        if container["_polls"] <= 0:
            container["status_code"] = "FINISHED"
        with self.lock:
            self.containers[container["id"]] = container
        return container

    # -- containers -------------------------------------------------------------------------------

    @route("POST", VERSION + r"/(?P<user>\d+)/media")
    def create_container(self, req: Request) -> Response:
        self._user(req)
        f = self.fields(req)
        caption = f.get("caption", "")
        if len(caption.encode("utf-16-le")) // 2 > CAPTION_LIMIT:
            raise GraphFault("The caption is too long.", 100, subcode=2207010)
        if len(_HASHTAG.findall(caption)) > HASHTAG_LIMIT:
            raise GraphFault("The caption contains too many hashtags.", 100, subcode=2207010)
        if f.get("media_type", "").upper() == "CAROUSEL":
            children = [c for c in f.get("children", "").split(",") if c]
            if not CAROUSEL_OK(len(children)):
                raise GraphFault("The carousel has too little or too many attachments.", 100,
                                 subcode=2207035)
            for child in children:
                item = self.containers.get(child)
                if item is None or not item.get("is_carousel_item"):
                    raise GraphFault("(#100) Invalid parameter: children", 100)
                if item["status_code"] != "FINISHED":
                    raise GraphFault("Media ID is not available", 9007, subcode=2207027)
            container = self._new_container(media_type="CAROUSEL", children=children,
                                            caption=caption)
            return Response(200, json={"id": container["id"]})
        if f.get("media_type", "").upper() == "REELS":
            if not f.get("video_url"):
                raise GraphFault("(#100) The parameter video_url is required", 100)
            data = self.fetch(f["video_url"])
            with self.lock:
                self.fetched.append(f["video_url"])
            cover = self._reel_cover(f, data)
            container = self._new_container(media_type="REELS", video_url=f["video_url"],
                                            caption=caption, bytes=len(data),
                                            sha256=hashlib.sha256(data).hexdigest(), **cover)
            problem = _reel_problem(data)
            if problem:  # Instagram takes the container, then its processing fails
                with self.lock:
                    container.update(status_code="ERROR", _error=problem)
            return Response(200, json={"id": container["id"]})
        if not f.get("image_url"):
            raise GraphFault("(#100) The parameter image_url is required", 100)
        image = self._image(f["image_url"])
        in_carousel = f.get("is_carousel_item", "false").lower() == "true"
        container = self._new_container(media_type="IMAGE", image_url=f["image_url"],
                                        caption="" if in_carousel else caption,
                                        is_carousel_item=in_carousel,
                                        alt_text=f.get("alt_text", ""), **image)
        return Response(200, json={"id": container["id"]})

    def _reel_cover(self, f: dict[str, str], video: bytes) -> dict[str, Any]:
        """A Reel's cover: ``thumb_offset``, a whole number of milliseconds inside the video,
        or ``cover_url``, a JPEG the fake fetches as it fetches images."""
        out: dict[str, Any] = {}
        if "thumb_offset" in f:
            raw = f["thumb_offset"]
            if not raw.isdigit():
                raise GraphFault("(#100) Param thumb_offset must be a non-negative integer", 100)
            read = read_video(video)
            if read is not None and int(raw) > read.seconds * 1000 + 1:
                raise GraphFault("(#100) Param thumb_offset is beyond the video's length", 100,
                                 user_msg="The cover frame is not in the video.")
            out["thumb_offset"] = int(raw)
        if f.get("cover_url"):
            data = self.fetch(f["cover_url"])
            with self.lock:
                self.fetched.append(f["cover_url"])
            kind, width, height = self.image_info(data)
            if kind != "JPEG":
                raise GraphFault("Only photo or video can be accepted as media type.", 9004,
                                 subcode=2207005, user_msg="The cover format is not supported.")
            out.update(cover_url=f["cover_url"], cover={"width": width, "height": height,
                                                        "sha256": hashlib.sha256(data).hexdigest()})
        return out

    @route("POST", VERSION + r"/(?P<user>\d+)/media_publish")
    def publish(self, req: Request) -> Response:
        self._user(req)
        creation = self.fields(req).get("creation_id", "")
        with self.lock:
            container = self.containers.get(creation)
            if container is None or container.get("is_carousel_item"):
                raise GraphFault("(#100) Invalid parameter: creation_id", 100)
            if container["status_code"] == "PUBLISHED":
                raise GraphFault("The media has already been published", 9007, subcode=2207025)
            if container["status_code"] != "FINISHED":
                raise GraphFault("Media ID is not available", 9007, subcode=2207027,
                                 user_msg="The media is not ready for publishing, please wait "
                                 "for a moment")
            if self.quota_usage() >= self.quota:
                raise GraphFault("Application request limit reached", 9, subcode=2207042,
                                 user_msg="You reached maximum number of posts that is allowed "
                                 "to be published by Content Publishing API.")
            media_id = self.new_id()
            container["status_code"] = "PUBLISHED"
            self.media[media_id] = {"id": media_id, "caption": container["caption"],
                                    "timestamp": now_graph(), "_t": time.time(),
                                    "container": creation, "media_type": container["media_type"],
                                    "permalink": f"{self.url}/p/{media_id}/"}
        return Response(200, json={"id": media_id})

    def quota_usage(self) -> int:
        day = time.time() - 86400
        return sum(1 for m in self.media.values() if m["_t"] >= day)

    # -- reading ----------------------------------------------------------------------------------

    @route("GET", VERSION + r"/me/accounts")
    def accounts(self, req: Request) -> Response:
        """The signed-in user's pages, with the Instagram account linked to each."""
        self.token(req)
        return Response(200, json={"data": [{**self.page, "instagram_business_account": {
            "id": self.user_id, "username": self.username}}], "paging": {}})

    @route("GET", VERSION + r"/(?P<user>\d+)/content_publishing_limit")
    def publishing_limit(self, req: Request) -> Response:
        self._user(req)
        return Response(200, json={"data": [{"quota_usage": self.quota_usage(), "config": {
            "quota_total": self.quota, "quota_duration": 86400}}]})

    @route("GET", VERSION + r"/(?P<user>\d+)/media")
    def list_media(self, req: Request) -> Response:
        self._user(req)
        limit = min(int(req.query.get("limit") or 25), 100)
        with self.lock:
            items = sorted(self.media.values(), key=lambda m: m["_t"], reverse=True)[:limit]
        return Response(200, json={"data": [{k: v for k, v in m.items() if not k.startswith("_")}
                                            for m in items], "paging": {}})

    @route("GET", VERSION + r"/(?P<id>\d+)")
    def node(self, req: Request) -> Response:
        self.token(req)
        node_id = req.params["id"]
        if node_id == self.user_id:
            return Response(200, json={"id": self.user_id, "username": self.username,
                                       "name": "Humas Pemprov (latihan)",
                                       "profile_picture_url": f"{self.url}/avatar.jpg"})
        with self.lock:
            container = self.containers.get(node_id)
            if container is not None:
                if container["status_code"] == "IN_PROGRESS":
                    container["_polls"] -= 1
                    if container["_polls"] < 0:
                        container["status_code"] = "FINISHED"
                        return Response(200, json={"id": node_id, "status_code": "FINISHED",
                                                   "status": "Finished: Media has been uploaded"})
                    return Response(200, json={"id": node_id, "status_code": "IN_PROGRESS",
                                               "status": "In Progress: Media is being processed"})
                return Response(200, json={"id": node_id,
                                           "status_code": container["status_code"],
                                           "status": container.get("_error")
                                           or container["status_code"].title()})
            media = self.media.get(node_id)
        if media is None:
            raise GraphFault(f"Unsupported get request. Object with ID '{node_id}' does not "
                             "exist", 100, subcode=33)
        return Response(200, json={k: v for k, v in media.items() if not k.startswith("_")})

    # -- for tests --------------------------------------------------------------------------------

    def expire(self, container_id: str) -> None:
        with self.lock:
            self.containers[container_id]["status_code"] = "EXPIRED"

    def published_texts(self) -> list[str]:
        with self.lock:
            return [m["caption"] for m in sorted(self.media.values(), key=lambda m: m["_t"])]


def _reel_problem(data: bytes) -> str:
    """What Instagram's Reel processing refuses (the reel specifications): MP4/MOV with H.264
    or HEVC, 3 s to 15 minutes, 23 to 60 fps, at most 1920 px; "" when it takes it."""
    video = read_video(data)
    if video is None or not video.mp4_or_mov or video.codec not in ("h264", "hevc"):
        return "Error: Unsupported video format (2207026)"
    if not 3 <= video.seconds <= 15 * 60:
        return "Error: The video duration is not supported (2207026)"
    if not 23 <= video.fps <= 60.5 or max(video.width, video.height) > 1920:
        return "Error: The video frame rate or size is not supported (2207026)"
    return ""


def CAROUSEL_OK(n: int) -> bool:  # noqa: N802 - reads as the rule it is
    return 2 <= n <= 10
