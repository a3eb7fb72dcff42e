"""A practice Facebook Page: the Graph API calls a composer makes, as docs/platforms.md §5 describes.

Page tokens from ``GET /me/accounts``; photos (multipart ``source`` or ``url``; published, or
``published=false`` for a multi-photo post); ``/feed`` posts with ``message``, ``link`` and
``attached_media``; native scheduling (``published=false`` + ``scheduled_publish_time`` 10
minutes to 30 days ahead, listed under ``/scheduled_posts``); the page's recent posts under
``/feed`` (newest first, ``since``); permalinks; delete. Refusals in Graph's shape: code 506
"Duplicate status message" when the text repeats the page's latest post, 190 for a bad token,
1366046 for a photo over 4 MB or in the wrong format, 100 subcode 33 for a missing object.

Page videos, resumable: ``upload_phase=start`` (``file_size``) opens a session and names the
video; ``transfer`` takes ``video_file_chunk`` at exactly the ``start_offset`` the session asked
for (a chunk it already holds is answered with where it is, so a resend stores nothing twice);
``finish`` checks the whole file against the Page video rules (MP4/MOV, H.264/HEVC, 1 s to 240
minutes, 9:16 to 16:9, 60 fps) and fails the way Graph does (#6000) or publishes the video with
its ``description``, ``title`` and ``thumb``. Sources: developers.facebook.com/docs/graph-api/
reference/page/videos, /docs/video-api/guides/publishing.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable
from typing import Any

from platforms.practice._graph import VERSION, GraphFake, GraphFault, graph_error, now_graph
from platforms.practice._video import read_video
from platforms.practice.server import Request, Response, route

MAX_PHOTO_BYTES = 4_000_000
VIDEO_PROBLEM = "(#6000) There was a problem uploading your video file. Please try again."
PHOTO_FORMATS = {"JPEG", "PNG", "GIF", "BMP", "TIFF"}


class FakeFacebook(GraphFake):
    platform_id = "facebook"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.page_id = "104000000000001"
        self.page_token = "practice-facebook-page-token"
        self.user_token = "practice-facebook-user-token"
        self.tokens = {self.page_token, self.user_token}
        self.pages = [{"id": self.page_id, "name": "Humas Pemprov (latihan)",
                       "category": "Government organization", "access_token": self.page_token}]
        self.login_token = self.user_token  # Facebook Login yields a user token
        # published and scheduled posts, by "<page>_<id>"
        self.posts: dict[str, dict[str, Any]] = {}
        self.photos: dict[str, dict[str, Any]] = {}
        self.videos: dict[str, dict[str, Any]] = {}  # by video id; "data" while uploading
        self.video_chunk = 1024 * 1024  # the range a transfer session asks for at a time

    def practice_account(self) -> tuple[dict[str, str], dict[str, str]]:
        return ({"page_id": self.page_id, "api_url": self.url, "graph_version": "v25.0"},
                {"page_token": self.page_token})

    def duplicate_response(self) -> Response:
        return graph_error(400, "(#506) Duplicate status message", 506)

    # -- helpers ----------------------------------------------------------------------------------

    def _page(self, req: Request) -> str:
        token = self.token(req)
        page = req.params.get("page")
        if page is not None and page != self.page_id:
            raise GraphFault(f"Unsupported post request. Object with ID '{page}' does not "
                             "exist", 100, subcode=33)
        if token != self.page_token and req.method != "GET":
            raise GraphFault("(#200) The user hasn't authorized the application to perform "
                             "this action", 200)
        return self.page_id

    def _schedule(self, f: dict[str, str]) -> float | None:
        published = f.get("published", "true").lower() != "false"
        raw = f.get("scheduled_publish_time")
        if raw is None:
            return None
        if published:
            raise GraphFault("(#100) You cannot specify a scheduled publish time on a "
                             "published post", 100)
        when = float(raw)
        ahead = when - self.clock()
        if ahead < 10 * 60 or ahead > 30 * 86400:
            raise GraphFault("(#100) The specified scheduled publish time is invalid.", 100)
        return when

    def _new_post(self, message: str, *, scheduled: float | None, photos: Iterable[str] = (),
                  link: str | None = None) -> dict[str, Any]:
        with self.lock:
            latest = max((p for p in self.posts.values() if not p["scheduled"]),
                         key=lambda p: p["_n"], default=None)
            if message and latest is not None and latest["message"] == message \
                    and scheduled is None:
                raise GraphFault("(#506) Duplicate status message", 506)
            post_id = f"{self.page_id}_{self.new_id()}"
            post = {"id": post_id, "message": message, "created_time": now_graph(),
                    "permalink_url": f"{self.url}/{self.page_id}/posts/{post_id.split('_')[1]}",
                    "scheduled": scheduled is not None, "photos": list(photos), "link": link,
                    "_n": next(self.ids), "_t": time.time()}
            if scheduled is not None:
                post["scheduled_publish_time"] = int(scheduled)
            post["is_published"] = scheduled is None
            self.posts[post_id] = post
        return post

    def _photo(self, req: Request, f: dict[str, str]) -> dict[str, Any]:
        upload = req.files.get("source")
        if upload is not None:
            data = upload.data
        elif f.get("url"):
            data = self.fetch(f["url"])
        else:
            raise GraphFault("(#324) Requires upload file", 324)
        kind, width, height = self.image_info(data)
        if kind not in PHOTO_FORMATS or len(data) > MAX_PHOTO_BYTES:
            raise GraphFault("(#100) Invalid parameter", 100, subcode=1366046,
                             user_msg="Photos should be smaller than 4 MB and saved as JPG, PNG")
        photo: dict[str, Any] = {"id": self.new_id(), "width": width, "height": height,
                                 "bytes": len(data),
                                 "alt_text_custom": f.get("alt_text_custom", ""), "post": None}
        with self.lock:
            self.photos[photo["id"]] = photo
        return photo

    # -- pages of the signed-in user --------------------------------------------------------------

    @route("GET", VERSION + r"/me/accounts")
    def accounts(self, req: Request) -> Response:
        if self.token(req) != self.user_token:
            raise GraphFault("(#100) Tried accessing nonexisting field (accounts) on node "
                             "type (Page)", 100)
        return Response(200, json={"data": self.pages, "paging": {}})

    # -- publishing -----------------------------------------------------------------------------

    @route("POST", VERSION + r"/(?P<page>\d+)/photos")
    def photos_edge(self, req: Request) -> Response:
        self._page(req)
        f = self.fields(req)
        scheduled = self._schedule(f)
        photo = self._photo(req, f)
        if f.get("published", "true").lower() == "false" and scheduled is None:
            return Response(200, json={"id": photo["id"]})  # unpublished: for attached_media
        post = self._new_post(f.get("message", ""), scheduled=scheduled, photos=[photo["id"]])
        photo["post"] = post["id"]
        return Response(200, json={"id": photo["id"], "post_id": post["id"]})

    @route("POST", VERSION + r"/(?P<page>\d+)/videos")
    def videos_edge(self, req: Request) -> Response:
        self._page(req)
        f = self.fields(req)
        phase = f.get("upload_phase")
        if phase == "start":
            size = int(f.get("file_size") or 0)
            if size <= 0:
                raise GraphFault("(#100) file_size must be positive", 100)
            video_id, session = self.new_id(), self.new_id()
            with self.lock:
                self.videos[video_id] = {"id": video_id, "session": session, "size": size,
                                         "data": bytearray(), "phase": "uploading"}
            return Response(200, json={"video_id": video_id, "upload_session_id": session,
                                       **self._range(self.videos[video_id])})
        video = next((v for v in self.videos.values()
                      if v["session"] == f.get("upload_session_id")), None)
        if video is None:
            raise GraphFault("(#100) Invalid upload_session_id", 100)
        if phase == "transfer":
            chunk = req.files.get("video_file_chunk")
            start = int(f.get("start_offset", -1))
            with self.lock:
                held = len(video["data"])
                if chunk is not None and start == held:
                    video["data"] += chunk.data[: video["size"] - held]
                elif chunk is None or start > held:
                    raise GraphFault("(#100) start_offset does not match the upload session",
                                     100, subcode=1363037)
                return Response(200, json=self._range(video))
        if phase != "finish":
            raise GraphFault("(#100) upload_phase must be start, transfer or finish", 100)
        if video["phase"] == "complete":  # finished already: the same video
            return Response(200, json={"success": True})
        if len(video["data"]) != video["size"] or self._video_problem(bytes(video["data"])):
            raise GraphFault(VIDEO_PROBLEM, 6000, subcode=1363019)
        scheduled = self._schedule(f)
        thumb = req.files.get("thumb")
        post = self._new_post(f.get("description", ""), scheduled=scheduled)
        with self.lock:
            self.posts.pop(post["id"])  # a video post lives under the video's own id
            video.update(phase="complete", description=f.get("description", ""),
                         title=f.get("title", ""), thumb=thumb.data if thumb else None,
                         sha256=hashlib.sha256(video["data"]).hexdigest())
            post.update(id=video["id"], video=video["id"],
                        permalink_url=f"{self.url}/{self.page_id}/videos/{video['id']}")
            self.posts[video["id"]] = post
        return Response(200, json={"success": True})

    def _range(self, video: dict[str, Any]) -> dict[str, str]:
        start = len(video["data"])
        return {"start_offset": str(start),
                "end_offset": str(min(video["size"], start + self.video_chunk))}

    @staticmethod
    def _video_problem(data: bytes) -> str:
        """What Facebook's processing would refuse: the Page video rules."""
        video = read_video(data)
        if video is None or not video.mp4_or_mov or video.codec not in ("h264", "hevc"):
            return "format"
        aspect = video.width / max(1, video.height)
        if not 1 <= video.seconds <= 240 * 60 or not 9 / 16 - 0.01 <= aspect <= 16 / 9 + 0.01:
            return "length or shape"
        return "frame rate" if video.fps > 60.5 else ""

    @route("POST", VERSION + r"/(?P<video>\d+)/captions")
    def captions_edge(self, req: Request) -> Response:
        """A video's captions: an SRT file named ``name.{locale}.srt`` and the default locale
        (https://developers.facebook.com/docs/graph-api/reference/video/captions/). One track
        per locale: sending it again replaces it."""
        self._page(req)
        f = self.fields(req)
        video = self.videos.get(req.params["video"])
        if video is None or video.get("phase") != "complete":
            raise GraphFault(f"Unsupported post request. Object with ID '{req.params['video']}' "
                             "does not exist", 100, subcode=33)
        upload = req.files.get("captions_file")
        if upload is None:
            raise GraphFault("(#100) The parameter captions_file is required", 100)
        named = re.fullmatch(r".+\.([a-z]{2}_[A-Z]{2})\.srt", upload.filename or "")
        if named is None:
            raise GraphFault("(#100) Invalid parameter: the captions file name must end in "
                             "'.{locale}.srt'", 100)
        text = upload.data.decode("utf-8-sig", errors="replace")
        if not re.search(r"\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}", text):
            raise GraphFault("(#100) Invalid parameter: the captions file is not SRT", 100)
        locale = named.group(1)
        if f.get("default_locale") and f["default_locale"] != locale \
                and f["default_locale"] not in video.get("captions", {}):
            raise GraphFault("(#100) Invalid parameter: default_locale has no captions", 100)
        with self.lock:
            video.setdefault("captions", {})[locale] = text
            if f.get("default_locale"):
                video["default_locale"] = f["default_locale"]
        return Response(200, json={"success": True})

    @route("POST", VERSION + r"/(?P<page>\d+)/feed")
    def feed_post(self, req: Request) -> Response:
        self._page(req)
        f = self.fields(req)
        scheduled = self._schedule(f)
        attached = []
        for i in range(100):
            raw = f.get(f"attached_media[{i}]")
            if raw is None:
                break
            try:
                fbid = str(json.loads(raw)["media_fbid"])
            except (ValueError, KeyError, TypeError):
                raise GraphFault("(#100) param attached_media must be an array of objects "
                                 "with media_fbid", 100) from None
            photo = self.photos.get(fbid)
            if photo is None or photo["post"] is not None:
                raise GraphFault("(#100) Invalid parameter: media_fbid", 100)
            attached.append(fbid)
        message, link = f.get("message", ""), f.get("link")
        if not message and not attached and not link:
            raise GraphFault("(#100) Invalid parameter", 100,
                             user_msg="Your post must contain a message, a link or media")
        post = self._new_post(message, scheduled=scheduled, photos=attached, link=link)
        for fbid in attached:
            self.photos[fbid]["post"] = post["id"]
        return Response(200, json={"id": post["id"]})

    # -- reading ----------------------------------------------------------------------------------

    def _listing(self, req: Request, scheduled: bool) -> Response:
        self._page(req)
        self.publish_due()
        since = float(req.query.get("since") or 0)
        limit = min(int(req.query.get("limit") or 25), 100)
        with self.lock:
            # the feed shows published posts; an unscheduled (unpublished) post is in neither
            items = [p for p in self.posts.values() if p["scheduled"] == scheduled
                     and (scheduled or p["is_published"])]
        items.sort(key=lambda p: p["_n"], reverse=True)  # newest first
        out = []
        for p in items:
            if p["_t"] >= since:
                out.append({k: v for k, v in p.items()
                            if k in ("id", "message", "created_time", "permalink_url",
                                     "scheduled_publish_time")})
        return Response(200, json={"data": out[:limit], "paging": {}})

    @route("GET", VERSION + r"/(?P<page>\d+)/feed")
    def feed(self, req: Request) -> Response:
        return self._listing(req, scheduled=False)

    @route("GET", VERSION + r"/(?P<page>\d+)/scheduled_posts")
    def scheduled_posts(self, req: Request) -> Response:
        return self._listing(req, scheduled=True)

    @route("GET", VERSION + r"/(?P<id>[\d_]+)")
    def node(self, req: Request) -> Response:
        self.token(req)
        node_id = req.params["id"]
        page = next((p for p in self.pages if p["id"] == node_id), None)
        if page is not None:  # any of the officer's pages (a sign-in may pick another one)
            return Response(200, json={"id": node_id, "name": page["name"],
                                       "link": f"{self.url}/{node_id}",
                                       "picture": {"data": {"url": f"{self.url}/avatar.png"}}})
        self.publish_due()
        post = self.posts.get(node_id)
        if post is None:
            raise GraphFault(f"Unsupported get request. Object with ID '{node_id}' does not "
                             "exist", 100, subcode=33)
        body = {"id": node_id, "permalink_url": post["permalink_url"], "message": post["message"]}
        if post.get("video"):
            body["status"] = {"uploading_phase": {"status": "complete"}}
        wanted = set((req.query.get("fields") or "").split(","))
        if "is_published" in wanted:
            body["is_published"] = post["is_published"]
        if "scheduled_publish_time" in wanted and post.get("scheduled_publish_time"):
            body["scheduled_publish_time"] = post["scheduled_publish_time"]
        return Response(200, json=body)

    @route("POST", VERSION + r"/(?P<id>\d+_\d+)")
    def update_post(self, req: Request) -> Response:
        """Updating a Page post's schedule: ``scheduled_publish_time`` moves a scheduled post
        (10 minutes to 30 days ahead, like at creation); 0 takes it off the schedule, leaving
        an unpublished post; ``is_published=true`` publishes it now. A published post's
        schedule cannot change. A new ``message`` edits the text (published or scheduled);
        photos and the link card stay."""
        self._page(req)
        self.publish_due()
        f = self.fields(req)
        with self.lock:
            post = self.posts.get(req.params["id"])
            if post is None:
                raise GraphFault(f"Unsupported post request. Object with ID "
                                 f"'{req.params['id']}' does not exist", 100, subcode=33)
            raw = f.get("scheduled_publish_time")
            if post["is_published"] and (raw is not None or f.get("is_published") == "false"):
                raise GraphFault("(#100) A published post cannot be scheduled", 100)
            if raw is not None and float(raw) == 0:
                post.update(scheduled=False)
                post.pop("scheduled_publish_time", None)
            elif raw is not None:
                ahead = float(raw) - self.clock()
                if ahead < 10 * 60 or ahead > 30 * 86400:
                    raise GraphFault("(#100) The specified scheduled publish time is invalid.",
                                     100)
                post.update(scheduled=True, scheduled_publish_time=int(float(raw)))
            if f.get("is_published") == "true":
                post.update(is_published=True, scheduled=False)
                post.pop("scheduled_publish_time", None)
            if "message" in f:
                post["message"] = f["message"]
        return Response(200, json={"success": True})

    # -- the page's clock: Facebook publishes a scheduled post at its time -----------------------

    def clock(self) -> float:
        return self.clock_now().timestamp()

    def publish_due(self) -> None:
        with self.lock:
            for post in self.posts.values():
                due = post.get("scheduled_publish_time")
                if post["scheduled"] and due is not None and due <= self.clock():
                    post.update(scheduled=False, is_published=True)
                    post.pop("scheduled_publish_time", None)

    def live_texts(self) -> list[str]:
        """The message of every post people can see on the page now."""
        self.publish_due()
        with self.lock:
            return [p["message"] for p in sorted(self.posts.values(), key=lambda p: p["_n"])
                    if p["is_published"]]

    @route("DELETE", VERSION + r"/(?P<id>[\d_]+)")
    def delete(self, req: Request) -> Response:
        self._page(req)
        with self.lock:
            post = self.posts.pop(req.params["id"], None)
        if post is None:
            raise GraphFault(f"Unsupported delete request. Object with ID '{req.params['id']}'"
                             " does not exist", 100, subcode=33)
        return Response(200, json={"success": True})

    # -- for tests --------------------------------------------------------------------------------

    def published_texts(self) -> list[str]:
        """The message of every post the page holds (scheduled ones too), one per post."""
        with self.lock:
            return [p["message"] for p in sorted(self.posts.values(), key=lambda p: p["_n"])]
