"""A practice WordPress portal: the REST API calls a composer makes, checked the way WordPress
6.x checks them. Facts: docs/platforms.md §11 and the answers of a real WordPress 6.1
recorded in docs/peers.md §2 (tests/peers/wordpress runs that real WordPress for e2e tests).

Faithful details (tests/e2e/test_fakes_match_real.py compares them with the real site): Basic
auth with an application password (spaces ignored); a wrong one leaves the request anonymous and
the endpoint answers 401 with its own code (``rest_cannot_create`` ...); media uploads need ``Content-Disposition``
(``rest_upload_no_content_disposition``) and a real image (500 ``rest_upload_sideload_error``);
a second post with the same slug gets ``-2``; ``status=future`` needs ``date_gmt``; trashing
renames the slug ``<slug>__trashed``; errors are ``{"code","message","data":{"status"}}``.
"""

from __future__ import annotations

import base64
import html
import io
import itertools
import re
import secrets
from datetime import UTC, datetime
from email.message import Message
from typing import Any
from urllib.parse import parse_qs, urlencode

from platforms.practice.server import FakeServer, Handler, Request, Response, _Handler, route

API = r"/wp-json/wp/v2"
STATUSES = ("publish", "future", "draft", "pending", "private")
IMAGE_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}
# Other files WordPress takes by extension (wp_get_mime_types): videos and caption tracks.
FILE_TYPES = {"mp4": "video/mp4", "m4v": "video/mp4", "mov": "video/quicktime",
              "webm": "video/webm", "vtt": "text/vtt"}


class WPError(Exception):
    def __init__(self, status: int, code: str, message: str, **data: Any):
        super().__init__(message)
        self.status, self.code, self.message, self.data = status, code, message, data


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0, tzinfo=None)


# What each core role may do, of what a composer needs (wp-admin/includes/schema.php).
ROLES = {"administrator": ("edit_posts", "publish_posts", "upload_files"),
         "editor": ("edit_posts", "publish_posts", "upload_files"),
         "author": ("edit_posts", "publish_posts", "upload_files"),
         "contributor": ("edit_posts",), "subscriber": ()}


class WordPressFake(FakeServer):
    platform_id = "wordpress"
    role = "administrator"
    max_upload_bytes = 8 * 1024 * 1024  # php.ini upload_max_filesize on Debian is 2M; hosts raise it

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.user, self.app_password = "admin", " ".join(secrets.token_hex(2) for _ in range(6))
        self.posts: dict[int, dict[str, Any]] = {}
        self.media: dict[int, dict[str, Any]] = {}
        self.files: dict[str, bytes] = {}  # /wp-content/uploads/... -> bytes
        self.tags: dict[int, dict[str, Any]] = {}
        self._ids = itertools.count(4)  # WordPress starts with the sample post and page

    pretty_permalinks = True  # False: /wp-json is not routed, only /?rest_route=/wp/v2/...

    def _handle(self, h: _Handler) -> None:
        """``/?rest_route=/wp/v2/x&a=b`` is ``/wp-json/wp/v2/x?a=b``, as in WordPress; without
        pretty permalinks the web server answers /wp-json/... with its own 404 page."""
        path, _, query = h.path.partition("?")
        params = parse_qs(query, keep_blank_values=True)
        if path == "/" and "rest_route" in params:
            route = params.pop("rest_route")[0]
            h.path = "/wp-json" + route + ("?" + urlencode(params, doseq=True) if params else "")
        elif path.startswith("/wp-json") and not self.pretty_permalinks:
            h.path = "/__not_routed__"
        super()._handle(h)

    @route("GET", r"/__not_routed__")
    @route("POST", r"/__not_routed__")
    @route("DELETE", r"/__not_routed__")
    def not_routed(self, request: Request) -> Response:
        return Response(404, body="<!doctype html><h1>Not Found</h1>",
                        headers={"Content-Type": "text/html; charset=UTF-8"})

    def practice_account(self) -> tuple[dict[str, str], dict[str, str]]:
        return {"url": self.url, "user": self.user}, {"app_password": self.app_password}

    def published_texts(self) -> list[str]:
        """Title and content of every post readers can see (or will, when scheduled)."""
        with self.lock:
            return [f"{p['title']['raw']}\n{p['content']['raw']}" for p in self.posts.values()
                    if p["status"] in ("publish", "future", "private")]

    # -- formats ---------------------------------------------------------------------------------

    def _error(self, status: int, code: str, message: str, **data: Any) -> Response:
        return Response(status, json={"code": code, "message": message,
                                      "data": {"status": status, **data}})

    def error_response(self, status: int, message: str) -> Response:
        code = {400: "rest_invalid_param", 401: "rest_not_logged_in", 403: "rest_forbidden",
                404: "rest_no_route", 500: "internal_server_error"}.get(status, "http_error")
        if status == 500:
            message = "<p>There has been a critical error on this website.</p>"
        if status in (502, 503, 504):  # proxies and maintenance answer HTML, not WordPress JSON
            return Response(status, body=f"<html><body><h1>{status}</h1></body></html>",
                            headers={"Content-Type": "text/html; charset=UTF-8"})
        return self._error(status, code, message)

    def rate_limit_response(self, retry_after: float) -> Response:
        # Core has no rate limiting; hosts and WAFs answer 429 with Retry-After (RFC 9110).
        return Response(429, body="<html><body><h1>429 Too Many Requests</h1></body></html>",
                        headers={"Retry-After": str(max(1, round(retry_after))),
                                 "Content-Type": "text/html; charset=UTF-8"})

    def duplicate_response(self) -> Response:
        # WordPress never refuses a duplicate; the nearest real refusal is an existing post id.
        return self._error(400, "rest_post_exists", "Cannot create existing post.")

    def expired_token_response(self) -> Response:
        # Application passwords do not expire, but an administrator can revoke them.
        return self._error(401, "incorrect_password",
                           "The provided password is an invalid application password.")

    # -- the site's clock: scheduled posts go out when it passes their date -------------------

    def now(self) -> datetime:
        """The site's clock as WordPress stores dates: naive UTC, whole seconds."""
        return self.clock_now().replace(microsecond=0, tzinfo=None)

    def publish_due(self) -> None:
        """WordPress's cron (publish_future_post) publishes a ``future`` post at its date."""
        with self.lock:
            for post in self.posts.values():
                if post["status"] == "future" and datetime.fromisoformat(post["date_gmt"]) <= self.now():
                    post.update(status="publish", link=f"{self.url}/{post['slug']}/")

    def live_texts(self) -> list[str]:
        """Title and content of every post a reader can see now (not scheduled, not drafts)."""
        self.publish_due()
        with self.lock:
            return [f"{p['title']['raw']}\n{p['content']['raw']}" for p in self.posts.values()
                    if p["status"] == "publish"]

    def _run(self, handler: Handler | None, request: Request) -> Response:
        self.publish_due()
        if handler is None:
            return self._error(404, "rest_no_route",
                               "No route was found matching the URL and request method.")

        def answer(req: Request) -> Response | None:
            try:
                return handler(req)
            except WPError as exc:
                return self._error(exc.status, exc.code, exc.message, **exc.data)

        return super()._run(answer, request)

    def _auth(self, request: Request, code: str = "rest_not_logged_in",
              message: str = "You are not currently logged in.") -> None:
        """A wrong or missing application password leaves the request anonymous; the endpoint's
        own permission check then answers 401 with its code (as the real WordPress 6.1 does:
        e.g. ``rest_cannot_create`` for a new post, ``rest_not_logged_in`` for /users/me)."""
        scheme, _, value = (request.headers.get("authorization") or "").partition(" ")
        try:
            user, _, password = base64.b64decode(value).decode().partition(":")
        except ValueError:
            user = password = ""
        if scheme.lower() != "basic" or user != self.user \
                or password.replace(" ", "") != self.app_password.replace(" ", ""):
            raise WPError(401, code, message)

    def _body(self, request: Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            try:
                data = request.json() or {}
            except Exception:
                raise WPError(400, "rest_invalid_json", "Invalid JSON body passed.") from None
        else:
            data = dict(request.form)
        return {**request.query, **data}

    # -- discovery and the user ------------------------------------------------------------------

    @route("GET", r"/wp-json/?")
    def index(self, request: Request) -> Response:
        return Response(200, json={
            "name": "Portal Latihan", "url": self.url, "home": self.url,
            "namespaces": ["oembed/1.0", "wp/v2", "wp-site-health/v1"],
            "authentication": {"application-passwords": {"endpoints": {
                "authorization": f"{self.url}/wp-admin/authorize-application.php"}}}})

    @route("GET", API + r"/users/me")
    def me(self, request: Request) -> Response:
        self._auth(request)
        avatar = "https://secure.gravatar.com/avatar/0?s={}&d=mm&r=g"
        can = ROLES[self.role]
        return Response(200, json={"id": 1, "name": self.user, "slug": self.user,
                                   "username": self.user, "roles": [self.role],
                                   "capabilities": {c: True for c in can},
                                   "avatar_urls": {s: avatar.format(s) for s in ("24", "48", "96")}})

    # -- media -----------------------------------------------------------------------------------

    @route("POST", API + r"/media")
    def upload(self, request: Request) -> Response:
        self._auth(request, "rest_cannot_create", "Sorry, you are not allowed to create posts as this user.")
        self._may("upload_files", "Sorry, you are not allowed to upload files as this user.")
        if len(request.body) > self.max_upload_bytes:
            return Response(413, body="<html><h1>413 Request Entity Too Large</h1></html>",
                            headers={"Content-Type": "text/html"})
        fields: dict[str, Any] = dict(request.query)
        filename: str | None  # until the Content-Disposition below is known to name one
        if request.content_type == "multipart/form-data":
            upload = request.files.get("file")
            if upload is None:  # WordPress 6.1 hands the missing file to wp_handle_upload
                raise WPError(500, "rest_upload_unknown_error", "Specified file failed upload test.")
            fields.update(request.form)
            data, filename = upload.data, upload.filename
        else:
            if not request.body:
                raise WPError(400, "rest_upload_no_data", "No data supplied.")
            if not request.content_type:
                raise WPError(400, "rest_upload_no_content_type", "No Content-Type supplied.")
            disposition = request.headers.get("content-disposition")
            if not disposition:
                raise WPError(400, "rest_upload_no_content_disposition", "No Content-Disposition supplied.")
            msg = Message()
            msg["content-disposition"] = disposition
            filename = msg.get_filename()
            if not filename:
                raise WPError(400, "rest_upload_invalid_disposition",
                              "Invalid Content-Disposition supplied. Content-Disposition needs to be formatted as `attachment; filename=\"image.png\"` or similar.")
            data = request.body
        mime, size = _image_info(data)
        extension = IMAGE_TYPES.get(mime, "")
        if mime not in IMAGE_TYPES:
            # not an image: WordPress goes by the extension, and a video must look like one
            extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
            mime = FILE_TYPES.get(extension, "")
            if not mime or (mime.startswith("video/") and _video_kind(data) != mime):
                raise WPError(500, "rest_upload_sideload_error",
                              "Sorry, you are not allowed to upload this file type.")
        stem = re.sub(r"[^A-Za-z0-9_-]+", "-", filename.rsplit(".", 1)[0]).strip("-").lower() or "image"
        when = _now()
        path = f"/wp-content/uploads/{when:%Y/%m}/{stem}.{extension}"
        while path in self.files:
            path = re.sub(r"(-(\d+))?\.(\w+)$", lambda m: f"-{int(m.group(2) or 1) + 1}.{m.group(3)}", path)
        with self.lock:
            media_id = next(self._ids)
            self.files[path] = data
            self.media[media_id] = item = {
                "id": media_id, "date_gmt": when.isoformat(), "slug": stem, "status": "inherit",
                "type": "attachment", "link": f"{self.url}/{stem}/", "title": {"rendered": stem},
                "author": 1, "alt_text": str(fields.get("alt_text", "")),
                "caption": {"rendered": str(fields.get("caption", ""))},
                "media_type": "image" if mime in IMAGE_TYPES else "file", "mime_type": mime,
                "source_url": self.url + path,
                "media_details": {"width": size[0], "height": size[1], "file": path[21:],
                                  "filesize": len(data), "sizes": {}}}
        return Response(201, json=item, headers={"Location": f"{self.url}{API}/media/{media_id}"})

    @route("POST", API + r"/media/(?P<id>\d+)")
    def update_media(self, request: Request) -> Response:
        self._auth(request, "rest_cannot_edit", "Sorry, you are not allowed to edit this post.")
        item = self._media(int(request.params["id"]))
        body = self._body(request)
        with self.lock:
            if "alt_text" in body:
                item["alt_text"] = str(body["alt_text"])
            if "caption" in body:
                item["caption"] = {"rendered": str(body["caption"])}
        return Response(200, json=item)

    @route("GET", API + r"/media")
    def list_media(self, request: Request) -> Response:
        """``?slug=`` finds an upload by its name (what an interrupted upload asks)."""
        self._auth(request)
        slug = request.query.get("slug")
        with self.lock:
            items = [m for m in self.media.values() if slug is None or m["slug"] == slug]
        return Response(200, json=sorted(items, key=lambda m: m["id"]))

    @route("GET", API + r"/media/(?P<id>\d+)")
    def get_media(self, request: Request) -> Response:
        return Response(200, json=self._media(int(request.params["id"])))

    @route("GET", r"/wp-content/uploads/.+")
    def file(self, request: Request) -> Response:
        data = self.files.get(request.path)
        if data is None:
            return Response(404, body="Not Found")
        mime, _size = _image_info(data)
        if mime not in IMAGE_TYPES:
            mime = FILE_TYPES.get(request.path.rsplit(".", 1)[-1], "application/octet-stream")
        return Response(200, body=data, headers={"Content-Type": mime})

    def _media(self, media_id: int) -> dict[str, Any]:
        if media_id not in self.media:
            raise WPError(404, "rest_post_invalid_id", "Invalid post ID.")
        return self.media[media_id]

    # -- tags ------------------------------------------------------------------------------------

    @route("GET", API + r"/tags")
    def list_tags(self, request: Request) -> Response:
        search = request.query.get("search", "").casefold()
        found = [t for t in self.tags.values() if search in t["name"].casefold()]
        return Response(200, json=found, headers={"X-WP-Total": str(len(found)), "X-WP-TotalPages": "1"})

    @route("POST", API + r"/tags")
    def create_tag(self, request: Request) -> Response:
        self._auth(request, "rest_cannot_create", "Sorry, you are not allowed to create terms in this taxonomy.")
        name = str(self._body(request).get("name") or "").strip()
        if not name:
            raise WPError(400, "rest_missing_callback_param", "Missing parameter(s): name",
                          params=["name"])
        with self.lock:
            for tag in self.tags.values():
                if tag["name"].casefold() == name.casefold():
                    return self._error(400, "term_exists",
                                       "A term with the name provided already exists in this taxonomy.",
                                       term_id=tag["id"])
            tag_id = len(self.tags) + 2  # "Uncategorized" is term 1
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            self.tags[tag_id] = tag = {"id": tag_id, "count": 0, "name": html.escape(name),
                                       "slug": slug, "taxonomy": "post_tag",
                                       "link": f"{self.url}/tag/{slug}/"}
        return Response(201, json=tag)

    # -- posts -----------------------------------------------------------------------------------

    def _may(self, capability: str, message: str) -> None:
        if capability not in ROLES[self.role]:
            raise WPError(403, "rest_cannot_create", message)

    @route("POST", API + r"/posts")
    def create_post(self, request: Request) -> Response:
        self._auth(request, "rest_cannot_create", "Sorry, you are not allowed to create posts as this user.")
        self._may("edit_posts", "Sorry, you are not allowed to create posts as this user.")
        body = self._body(request)
        if "id" in body:
            raise WPError(400, "rest_post_exists", "Cannot create existing post.")
        status = body.get("status", "draft")
        if status not in STATUSES:
            raise _invalid("status", f"status is not one of {', '.join(STATUSES[:-1])}, and private.")
        date = self.now()
        if body.get("date_gmt"):
            try:
                date = datetime.fromisoformat(str(body["date_gmt"]).removesuffix("Z"))
            except ValueError:
                raise _invalid("date_gmt", "Invalid date.") from None
        if status == "future" and date <= self.now():
            status = "publish"  # WordPress publishes a "future" post whose date has passed
        if status == "publish" and date > self.now():
            status = "future"
        # WordPress 6.1 ignores (201) a featured image or tag that does not exist: create_item
        # drops handle_featured_media's error, wp_set_object_terms skips unknown ids.
        featured = int(body.get("featured_media") or 0)
        featured = featured if featured in self.media else 0
        tags = body.get("tags") or []
        if not isinstance(tags, list) or any(not isinstance(t, int) for t in tags):
            raise _invalid("tags", "tags[0] is not of type integer.")
        tags = [t for t in tags if t in self.tags]
        title, content = _raw(body.get("title")), _raw(body.get("content"))
        with self.lock:
            post_id = next(self._ids)
            slug = self._unique_slug(_sanitize_slug(str(body.get("slug") or title) or str(post_id)))
            post = {"id": post_id, "date_gmt": date.isoformat(), "modified_gmt": self.now().isoformat(),
                    "slug": slug, "status": status, "type": "post",
                    "link": f"{self.url}/{slug}/" if status == "publish" else f"{self.url}/?p={post_id}",
                    "title": {"raw": title, "rendered": html.escape(title)},
                    "content": {"raw": content, "rendered": content, "protected": False},
                    "author": 1, "featured_media": featured, "tags": tags, "format": "standard"}
            self.posts[post_id] = post
            for t in tags:
                self.tags[t]["count"] += 1
        return Response(201, json=post, headers={"Location": f"{self.url}{API}/posts/{post_id}"})

    @route("POST", API + r"/posts/(?P<id>\d+)")
    def update_post(self, request: Request) -> Response:
        self._auth(request, "rest_cannot_edit", "Sorry, you are not allowed to edit this post.")
        post = self._post(int(request.params["id"]))
        body = self._body(request)
        status = body.get("status", post["status"])
        if status in ("publish", "future", "private") and "publish_posts" not in ROLES[self.role]:
            raise WPError(403, "rest_cannot_publish",
                          "Sorry, you are not allowed to publish posts in this post type.")
        if status not in STATUSES:
            raise _invalid("status", f"status is not one of {', '.join(STATUSES[:-1])}, and private.")
        date = datetime.fromisoformat(post["date_gmt"])
        if body.get("date_gmt"):
            try:
                date = datetime.fromisoformat(str(body["date_gmt"]).removesuffix("Z"))
            except ValueError:
                raise _invalid("date_gmt", "Invalid date.") from None
        elif post["status"] in ("draft", "pending") and status == "publish":
            date = self.now()  # a draft's date floats until it is published
        if status == "future" and date <= self.now():
            status = "publish"
        if status == "publish" and date > self.now():
            status = "future"
        with self.lock:
            if "title" in body:
                post["title"] = {"raw": _raw(body["title"]), "rendered": html.escape(_raw(body["title"]))}
            if "content" in body:
                post["content"].update(raw=_raw(body["content"]), rendered=_raw(body["content"]))
            if "featured_media" in body:
                featured = int(body["featured_media"] or 0)
                post["featured_media"] = featured if featured in self.media else 0
            if "tags" in body:  # an edit replaces the post's tags, as WordPress does
                tags = [int(t) for t in body["tags"] or [] if int(t) in self.tags]
                for t in post["tags"]:
                    self.tags[t]["count"] -= 1
                for t in tags:
                    self.tags[t]["count"] += 1
                post["tags"] = tags
            post.update(status=status, date_gmt=date.isoformat(), modified_gmt=self.now().isoformat())
            post["link"] = (f"{self.url}/{post['slug']}/" if status == "publish"
                            else f"{self.url}/?p={post['id']}")
        return Response(200, json=post)

    def _unique_slug(self, slug: str) -> str:
        taken = {p["slug"] for p in self.posts.values()}
        if slug not in taken:
            return slug
        return next(f"{slug}-{n}" for n in itertools.count(2) if f"{slug}-{n}" not in taken)

    @route("GET", API + r"/posts")
    def list_posts(self, request: Request) -> Response:
        statuses = request.query.get("status", "publish").split(",")
        if statuses != ["publish"]:
            try:
                self._auth(request)
            except WPError:
                raise _invalid("status", "Status is forbidden.") from None
        slugs = set(",".join(request.query_all.get("slug", [])).split(",")) - {""}
        search = request.query.get("search", "").casefold()
        found = [p for p in sorted(self.posts.values(), key=lambda p: -p["id"])
                 if p["status"] in statuses and (not slugs or p["slug"] in slugs)
                 and search in (p["title"]["raw"] + p["content"]["raw"]).casefold()]
        per_page = min(100, int(request.query.get("per_page", 10)))
        page = int(request.query.get("page", 1))
        pages = max(1, -(-len(found) // per_page))
        return Response(200, json=found[(page - 1) * per_page: page * per_page],
                        headers={"X-WP-Total": str(len(found)), "X-WP-TotalPages": str(pages)})

    @route("GET", API + r"/posts/(?P<id>\d+)")
    def get_post(self, request: Request) -> Response:
        post = self._post(int(request.params["id"]))
        if post["status"] != "publish":
            self._auth(request, "rest_forbidden", "Sorry, you are not allowed to do that.")
        return Response(200, json=post)

    @route("DELETE", API + r"/posts/(?P<id>\d+)")
    def delete_post(self, request: Request) -> Response:
        self._auth(request, "rest_cannot_delete", "Sorry, you are not allowed to delete this post.")
        post = self._post(int(request.params["id"]))
        with self.lock:
            if request.query.get("force") in ("true", "1"):
                del self.posts[post["id"]]
                return Response(200, json={"deleted": True, "previous": post})
            if post["status"] == "trash":
                raise WPError(410, "rest_already_trashed", "The post has already been deleted.")
            post.update(status="trash", slug=post["slug"] + "__trashed")
        return Response(200, json=post)

    # -- the site itself: the links in the history open the practice post ----------------------

    @route("GET", r"/(?P<slug>[a-z0-9_-]+)/?")
    def permalink(self, request: Request) -> Response:
        found = [p for p in self.posts.values()
                 if p["slug"] == request.params["slug"] and p["status"] == "publish"]
        return self._page(found[0] if found else None)

    @route("GET", r"/")
    def home(self, request: Request) -> Response:
        post = self.posts.get(int(request.query.get("p", "0") or 0)) if request.query.get("p", "").isdigit() else None
        if post is None and "p" not in request.query:
            return Response(200, body="<!doctype html><h1>Portal Latihan</h1>",
                            headers={"Content-Type": "text/html; charset=UTF-8"})
        return self._page(post)

    def _page(self, post: dict[str, Any] | None) -> Response:
        if post is None:
            return Response(404, body="<!doctype html><h1>Not Found</h1>",
                            headers={"Content-Type": "text/html; charset=UTF-8"})
        page = (f"<!doctype html><meta charset=utf-8><title>{post['title']['rendered']}</title>"
                f"<h1>{post['title']['rendered']}</h1>{post['content']['rendered']}")
        return Response(200, body=page, headers={"Content-Type": "text/html; charset=UTF-8"})

    def _post(self, post_id: int) -> dict[str, Any]:
        if post_id not in self.posts:
            raise WPError(404, "rest_post_invalid_id", "Invalid post ID.")
        return self.posts[post_id]


def _invalid(param: str, message: str) -> WPError:
    return WPError(400, "rest_invalid_param", f"Invalid parameter(s): {param}",
                   params={param: message})


def _raw(value: Any) -> str:
    return str(value.get("raw", "")) if isinstance(value, dict) else str(value or "")


def _sanitize_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-")[:200]


def _video_kind(data: bytes) -> str:
    if data[4:8] == b"ftyp":
        return "video/quicktime" if data[8:12] == b"qt  " else "video/mp4"
    if data.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    return ""


def _image_info(data: bytes) -> tuple[str, tuple[int, int]]:
    """The real type and size of an upload, as WordPress's wp_check_filetype_and_ext sees it."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return Image.MIME.get(image.format or "", ""), image.size
    except (UnidentifiedImageError, OSError):
        return "application/octet-stream", (0, 0)
