"""A practice Threads profile: the publishing API as docs/platforms.md §4 describes it.

Containers (``POST /{user}/threads``) of type TEXT, IMAGE (``image_url`` fetched over HTTP from
127.0.0.1, JPEG or PNG, 8 MB at most, aspect ratio up to 10:1) and CAROUSEL (2-20 finished
items); ``reply_to_id`` makes a reply. Text is limited to 500 characters with emoji counted as
their UTF-8 bytes, and to 5 distinct links (``THREADS_API__LINK_LIMIT_EXCEEDED``). Containers
answer ``IN_PROGRESS`` for ``processing_polls`` reads, then ``FINISHED``; ``threads_publish``
turns them ``PUBLISHED`` (single use). The token is the ``access_token`` parameter.
"""

from __future__ import annotations

import re
import time
from typing import Any

from platforms.practice._graph import GraphFake, GraphFault, graph_error, now_graph
from platforms.practice._video import read_video
from platforms.practice.server import Request, Response, route

VERSION = r"/v1\.0"
TEXT_LIMIT = 500
LINK_LIMIT = 5
MAX_BYTES = 8 * 1024 * 1024
_URL = re.compile(r"https?://[^\s<>\"]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|id|go\.id)\b[^\s]*",
                  re.I)


def threads_length(text: str) -> int:
    """Characters, but an emoji counts as its UTF-8 bytes (docs/platforms.md §4)."""
    n = 0
    for ch in text:
        cp = ord(ch)
        emoji = (0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or cp in (0x200D, 0xFE0F)
                 or 0x1F1E6 <= cp <= 0x1F1FF)
        n += len(ch.encode("utf-8")) if emoji else 1
    return n


class FakeThreads(GraphFake):
    platform_id = "threads"

    def __init__(self, *, processing_polls: int = 1, **kw: Any) -> None:
        super().__init__(**kw)
        self.processing_polls = processing_polls
        self.user_id = "26000000000000007"
        self.username = "humas.pemprov"
        self.access_token = "practice-threads-token"
        self.tokens = {self.access_token}
        self.login_token = self.access_token
        self.refreshed = 0  # th_refresh_token calls
        self.containers: dict[str, dict[str, Any]] = {}
        self.posts: dict[str, dict[str, Any]] = {}
        self.fetched: list[str] = []

    def practice_account(self) -> tuple[dict[str, str], dict[str, str]]:
        return ({"user_id": self.user_id, "api_url": self.url, "graph_version": "v1.0",
                 **self.media_host_settings()},
                {"access_token": self.access_token, "media_s3_secret_key": "practice-s3-secret-key"})

    def duplicate_response(self) -> Response:
        return graph_error(400, "You've already posted this.", 368,
                           user_msg="You've already posted this.")

    # -- helpers ----------------------------------------------------------------------------------

    def _user(self, req: Request) -> None:
        if req.bearer() and "access_token" not in self.fields(req):
            # Threads documents the parameter; the fake insists, so the adapter follows the docs
            raise GraphFault("An active access token must be used", 2500)
        self.token(req)
        if req.params.get("user") not in (self.user_id, "me"):
            raise GraphFault(f"Object with ID '{req.params.get('user')}' does not exist", 100,
                             subcode=33)

    def _container(self, **fields: Any) -> dict[str, Any]:
        container = {"id": self.new_id(), "status": "IN_PROGRESS",
                     "_polls": self.processing_polls, **fields}
        if container["_polls"] <= 0:
            container["status"] = "FINISHED"
        with self.lock:
            self.containers[container["id"]] = container
        return container

    def _image(self, url: str) -> None:
        data = self.fetch(url)
        with self.lock:
            self.fetched.append(url)
        kind, width, height = self.image_info(data)
        if kind not in ("JPEG", "PNG"):
            raise GraphFault("Unsupported image format", 100, subcode=2207005)
        if len(data) > MAX_BYTES:
            raise GraphFault("The image is too large", 100, subcode=2207004)
        if not 0.1 <= width / height <= 10:
            raise GraphFault("INVALID_ASPEC_RATIO", 100)

    # -- containers and publishing --------------------------------------------------------------

    @route("POST", VERSION + r"/(?P<user>\w+)/threads")
    def create(self, req: Request) -> Response:
        self._user(req)
        f = self.fields(req)
        kind = f.get("media_type", "").upper()
        text = f.get("text", "")
        if threads_length(text) > TEXT_LIMIT:
            raise GraphFault(f"Param text must be at most {TEXT_LIMIT} characters long.", 100)
        links = set(_URL.findall(text))
        if f.get("link_attachment"):
            links.add(f["link_attachment"])
        if len(links) > LINK_LIMIT:
            raise GraphFault("THREADS_API__LINK_LIMIT_EXCEEDED", 100,
                             user_msg="Posts can contain at most 5 links.")
        reply_to = f.get("reply_to_id")
        if reply_to and reply_to not in self.posts:
            raise GraphFault("(#100) Invalid parameter: reply_to_id", 100)
        item = f.get("is_carousel_item", "false").lower() == "true"
        if kind == "TEXT":
            if not text:
                raise GraphFault("(#100) Param text is required for TEXT posts", 100)
            c = self._container(media_type="TEXT", text=text, reply_to=reply_to)
        elif kind == "IMAGE":
            if not f.get("image_url"):
                raise GraphFault("(#100) The parameter image_url is required", 100)
            self._image(f["image_url"])
            c = self._container(media_type="IMAGE", text="" if item else text, reply_to=reply_to,
                                is_carousel_item=item, image_url=f["image_url"],
                                alt_text=f.get("alt_text", ""))
        elif kind == "CAROUSEL":
            children = [c for c in f.get("children", "").split(",") if c]
            if not 2 <= len(children) <= 20:
                raise GraphFault("The carousel must have 2 to 20 items", 100)
            for child in children:
                entry = self.containers.get(child)
                if entry is None or not entry.get("is_carousel_item"):
                    raise GraphFault("(#100) Invalid parameter: children", 100)
                if entry["status"] != "FINISHED":
                    raise GraphFault("Media ID is not available", 24, subcode=4279009)
            c = self._container(media_type="CAROUSEL", text=text, reply_to=reply_to,
                                children=children)
        elif kind == "VIDEO":
            if not f.get("video_url"):
                raise GraphFault("(#100) The parameter video_url is required", 100)
            data = self.fetch(f["video_url"])
            with self.lock:
                self.fetched.append(f["video_url"])
            c = self._container(media_type="VIDEO", text=text, reply_to=reply_to,
                                video_url=f["video_url"], alt_text=f.get("alt_text", ""),
                                bytes=len(data))
            problem = _video_problem(data)
            if problem:  # Threads takes the container, then its processing fails
                with self.lock:
                    c.update(status="ERROR", error_message=problem)
        else:
            raise GraphFault("(#100) Param media_type must be one of {TEXT, IMAGE, VIDEO, "
                             "CAROUSEL}", 100)
        return Response(200, json={"id": c["id"]})

    @route("POST", VERSION + r"/(?P<user>\w+)/threads_publish")
    def publish(self, req: Request) -> Response:
        self._user(req)
        creation = self.fields(req).get("creation_id", "")
        with self.lock:
            c = self.containers.get(creation)
            if c is None or c.get("is_carousel_item"):
                raise GraphFault("(#100) Invalid parameter: creation_id", 100)
            if c["status"] == "PUBLISHED":
                raise GraphFault("The media has already been published", 24, subcode=4279010)
            if c["status"] != "FINISHED":
                raise GraphFault("Media ID is not available", 24, subcode=4279009,
                                 user_msg="The media is not ready for publishing")
            media_id = self.new_id()
            c["status"] = "PUBLISHED"
            self.posts[media_id] = {"id": media_id, "text": c["text"], "timestamp": now_graph(),
                                    "_t": time.time(), "media_type": c["media_type"],
                                    "replied_to": {"id": c["reply_to"]} if c["reply_to"] else None,
                                    "permalink": f"{self.url}/@{self.username}/post/{media_id}",
                                    "container": creation}
        return Response(200, json={"id": media_id})

    # -- Threads sign-in (threads.net/oauth/authorize, graph.threads.net token endpoints) -------

    @route("GET", r"/oauth/authorize")
    def authorize(self, req: Request) -> Response:
        return self.dialog(req)

    @route("POST", r"/oauth/access_token")
    def code_token(self, req: Request) -> Response:
        f = self.fields(req)
        if f.get("client_id") != self.app_id or f.get("client_secret") != self.app_secret:
            raise GraphFault("Error validating client secret.", 1)
        return self.code_grant(f)

    @route("GET", r"/access_token")
    def exchange(self, req: Request) -> Response:
        q = req.query
        if q.get("grant_type") != "th_exchange_token" or q.get("client_secret") != self.app_secret:
            raise GraphFault("Error validating client secret.", 1)
        if not self.accepts_short_token(q.get("access_token", "")):
            raise GraphFault("Invalid OAuth access token.", 190)
        return self.long_lived()

    @route("GET", r"/refresh_access_token")
    def refresh(self, req: Request) -> Response:
        """th_refresh_token: a long-lived token (at least a day old on Threads) for another 60
        days."""
        q = req.query
        if q.get("grant_type") != "th_refresh_token" or q.get("access_token") != self.login_token:
            raise GraphFault("Invalid OAuth access token.", 190)
        self.refreshed += 1
        return self.long_lived()

    # -- reading ----------------------------------------------------------------------------------

    def _list(self, req: Request, replies: bool) -> Response:
        self._user(req)
        limit = min(int(req.query.get("limit") or 25), 100)
        with self.lock:
            items = [p for p in self.posts.values() if bool(p["replied_to"]) == replies]
        items.sort(key=lambda p: p["_t"], reverse=True)
        return Response(200, json={"data": [self._public(p) for p in items[:limit]],
                                   "paging": {}})

    @staticmethod
    def _public(post: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in post.items() if not k.startswith("_") and v is not None}

    @route("GET", VERSION + r"/(?P<user>\w+)/threads")
    def list_threads(self, req: Request) -> Response:
        return self._list(req, replies=False)

    @route("GET", VERSION + r"/(?P<user>\w+)/replies")
    def list_replies(self, req: Request) -> Response:
        return self._list(req, replies=True)

    @route("GET", VERSION + r"/(?P<id>\w+)")
    def node(self, req: Request) -> Response:
        self.token(req)
        node_id = req.params["id"]
        if node_id in ("me", self.user_id):
            return Response(200, json={"id": self.user_id, "username": self.username,
                                       "name": "Humas Pemprov (latihan)",
                                       "threads_profile_picture_url": f"{self.url}/a.jpg"})
        with self.lock:
            c = self.containers.get(node_id)
            if c is not None:
                if c["status"] == "IN_PROGRESS":
                    c["_polls"] -= 1
                    if c["_polls"] < 0:
                        c["status"] = "FINISHED"
                answer = {"id": node_id, "status": c["status"]}
                if c.get("error_message"):
                    answer["error_message"] = c["error_message"]
                return Response(200, json=answer)
            post = self.posts.get(node_id)
        if post is None:
            raise GraphFault(f"Object with ID '{node_id}' does not exist", 100, subcode=33)
        return Response(200, json=self._public(post))

    # -- for tests --------------------------------------------------------------------------------

    def expire(self, container_id: str) -> None:
        with self.lock:
            self.containers[container_id]["status"] = "EXPIRED"

    def published_texts(self) -> list[str]:
        """Top-level posts only (replies are the rest of a thread)."""
        with self.lock:
            return [p["text"] for p in sorted(self.posts.values(), key=lambda p: p["_t"])
                    if not p["replied_to"]]

    def all_texts(self) -> list[str]:
        with self.lock:
            return [p["text"] for p in sorted(self.posts.values(), key=lambda p: p["_t"])]


def _video_problem(data: bytes) -> str:
    """What Threads' processing refuses (its video specifications): MP4/MOV with H.264 or
    HEVC, at most 5 minutes, 23 to 60 fps, at most 1920 px wide; "" when it takes it."""
    video = read_video(data)
    if video is None or not video.mp4_or_mov or video.codec not in ("h264", "hevc"):
        return "UNSUPPORTED_VIDEO_FORMAT"
    if video.seconds > 5 * 60:
        return "VIDEO_TOO_LONG"
    if not 23 <= video.fps <= 60.5 or video.width > 1920:
        return "UNSUPPORTED_VIDEO_FRAME_RATE_OR_SIZE"
    return ""
