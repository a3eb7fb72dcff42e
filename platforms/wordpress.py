"""The office's WordPress portal (REST API, application passwords). Facts: docs/platforms.md §11.

Sources: https://developer.wordpress.org/rest-api/reference/posts/,
https://developer.wordpress.org/rest-api/reference/media/,
https://developer.wordpress.org/rest-api/reference/tags/,
https://make.wordpress.org/core/2020/11/05/application-passwords-integration-guide/,
wordpress-develop src/wp-includes/rest-api/endpoints/class-wp-rest-attachments-controller.php
(rest_upload_* error codes).

Exactly once: WordPress has no idempotency key, so every post gets a slug that ends in a short
hash of its idempotency key (``pengumuman-banjir-3f9a1c2e``), and goes out in two steps
(docs/platforms.md §11 "Exactly once": a draft first, then publish it):

1. create it as a *draft* with that slug. WordPress gives a second post with a taken slug
   ``-2``, so a returned slug that differs from ours means an earlier attempt (whose answer was
   lost, even one still in flight when we looked) already made our draft: the new twin is
   deleted and ours is used. A draft is never public, so no reader ever sees a twin.
2. publish that one draft (``status`` publish or future); repeating this is harmless.

``find_existing`` asks for the slug among published, scheduled and private posts. Uploaded
images and the draft's id are journalled, so a retry repeats no step that succeeded.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from composer.plugin import (
    AccountInfo,
    AdapterError,
    AuthExpired,
    Counting,
    CredentialField,
    Duplicate,
    FileBody,
    HttpErrors,
    MediaInvalid,
    OptionField,
    OutgoingPost,
    Palette,
    Platform,
    PlatformSpec,
    PreviewRules,
    PublishContext,
    PublishResult,
    RateLimited,
    Rejected,
    RenderedMedia,
    Transient,
    Unknown,
    VideoRules,
    _,
    reached,
)
from composer.plugin import Capability as C
from platforms.translations import TRANSLATIONS

if TYPE_CHECKING:  # typing only; httpx loads when a request is made
    import httpx

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

# Video: the media library takes what the site allows, and the video block plays it in the
# reader's browser with HTML5 <video>, so MP4 (H.264 + AAC) or WebM (VP9 + Opus) with the index
# first; captions as a WebVTT <track>.
# https://wordpress.org/documentation/article/video-block/
# https://developer.wordpress.org/rest-api/reference/media/#create-a-media-item
VIDEO = VideoRules(
    containers=("mp4", "webm"), video_codecs=("h264", "vp9", "av1"),
    audio_codecs=("aac", "opus"), captions=True, caption_formats=("vtt",),
)

SPEC = PlatformSpec(
    video=VIDEO,
    id="wordpress",
    name="WordPress",
    text_limit=None,
    counting=Counting.NONE,
    max_images=50,
    image_formats=("image/jpeg", "image/png", "image/gif", "image/webp"),
    recommended_sizes=((1200, 675), (1200, 630), (1080, 1080), (1080, 1350)),  # 4:5: posters stay portrait
    credential_kind="application_password",
    credentials=(
        CredentialField("url", "Site URL",
                        help="The address of the portal, e.g. https://diskominfo.example.go.id"),
        CredentialField("user", "User name", help="The WordPress user who publishes (an Author or Editor)"),
        CredentialField("app_password", "Application password", secret=True,
                        help="Made in WordPress under Users, Profile, Application Passwords; not the login password"),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.EDIT, C.SCHEDULE, C.VERIFY}),
    schedule_min_ahead=60,  # holds any date ahead; a minute for the request to land first
    sources=(
        "https://developer.wordpress.org/rest-api/reference/posts/",
        "https://developer.wordpress.org/rest-api/reference/media/",
    ),
    options=(
        OptionField("status", "On the portal", choices=(
            ("publish", "Published"), ("pending", "Pending review by an editor"))),
        OptionField("category", "Category number", kind="text",
                    help="The category's ID in WordPress (Posts > Categories); empty: the "
                         "portal's default category"),
    ),
)

# Where a post of ours may be; trash is left out (a trashed post was unpublished on purpose).
_PUBLISHED = "publish,future,private"
_ANY_STATUS = "publish,future,private,draft,pending"
_AUTH_CODES = {"rest_not_logged_in", "incorrect_password", "invalid_username", "invalid_email",
               "application_passwords_disabled", "rest_forbidden"}
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp",
               "image/avif": "avif", "video/mp4": "mp4", "video/webm": "webm",
               "video/quicktime": "mov", "text/vtt": "vtt"}


# ---------------------------------------------------------------------------------------------
# Pure helpers: slug, title, content.


def _slug_words(post: OutgoingPost) -> str:
    words = unicodedata.normalize("NFKD", post.title or _derived_title(post.text))
    words = re.sub(r"[^a-z0-9]+", "-", words.encode("ascii", "ignore").decode().lower())
    return words.strip("-")[:60].rstrip("-")


def _category_id(value: str) -> int:
    if not value.strip().isdigit():
        raise Rejected(_("The WordPress category must be its number, not '{value}'",
                         value=value))
    return int(value.strip())


def post_slug(post: OutgoingPost) -> str:
    """A readable slug that ends in a hash of the idempotency key: the post's fingerprint."""
    key = post.idempotency_key or post.post_id
    digest = hashlib.sha256(key.encode()).hexdigest()[:10]
    words = _slug_words(post)
    return f"{words}-{digest}" if words else digest


def _derived_title(text: str) -> str:
    """No title given: the first line, cut at a word near 80 characters."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first) <= 80:
        return first
    cut = first[:80].rsplit(" ", 1)[0]
    return cut + "…"


def post_title(post: OutgoingPost) -> str:
    return post.title or _derived_title(post.text)


_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")


def _paragraph(text: str) -> str:
    escaped = html.escape(text, quote=False)
    linked = _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)
    return ("<!-- wp:paragraph -->\n<p>" + linked.replace("\n", "<br>") + "</p>\n"
            "<!-- /wp:paragraph -->")


def image_block(media_id: int, url: str, alt: str) -> str:
    """A Gutenberg image block, exactly as the block editor saves it."""
    attrs = json.dumps({"id": media_id, "sizeSlug": "large", "linkDestination": "none"},
                       separators=(",", ":"))
    return (f"<!-- wp:image {attrs} -->\n"
            f'<figure class="wp-block-image size-large"><img src="{html.escape(url)}" '
            f'alt="{html.escape(alt)}" class="wp-image-{media_id}"/></figure>\n'
            "<!-- /wp:image -->")


def video_block(video: dict[str, Any]) -> str:
    """A Gutenberg video block as the block editor saves it: the poster, the description as
    its caption, and the captions as a <track>."""
    attrs: dict[str, Any] = {"id": video["id"]}
    track = ""
    if video.get("captions_url"):
        attrs["tracks"] = [{"src": video["captions_url"], "kind": "subtitles",
                            "srcLang": video.get("lang", "id"), "label": "Bahasa Indonesia"}]
        track = (f'<track src="{html.escape(video["captions_url"])}" kind="subtitles" '
                 f'srclang="{html.escape(video.get("lang", "id"))}" label="Bahasa Indonesia"/>')
    poster = f' poster="{html.escape(video["poster_url"])}"' if video.get("poster_url") else ""
    caption = (f'<figcaption class="wp-element-caption">{html.escape(video["alt"])}</figcaption>'
               if video.get("alt") else "")
    return (f"<!-- wp:video {json.dumps(attrs, separators=(',', ':'))} -->\n"
            f'<figure class="wp-block-video"><video controls{poster} preload="metadata" '
            f'src="{html.escape(video["source_url"])}">{track}</video>{caption}</figure>\n'
            "<!-- /wp:video -->")


def post_content(post: OutgoingPost, uploaded: list[dict[str, Any]]) -> str:
    blocks = [_paragraph(p.strip()) for p in re.split(r"\n\s*\n", post.text) if p.strip()]
    blocks += [video_block(m) if m.get("kind") == "video" else
               image_block(m["id"], m["source_url"], m["alt"]) for m in uploaded]
    if post.link and post.link not in post.text:
        blocks.append(_paragraph(post.link))
    return "\n\n".join(blocks)


# ---------------------------------------------------------------------------------------------


def _code_of(response: httpx.Response) -> tuple[str, str]:
    try:
        body = response.json()
    except ValueError:
        return "", ""
    if not isinstance(body, dict):
        return "", ""
    return str(body.get("code") or ""), re.sub(r"<[^>]+>", "", str(body.get("message") or ""))


class WordPressAdapter:
    """Publishes to a self-hosted WordPress over its REST API with an application password."""

    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    # -- the contract -----------------------------------------------------------------------------

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        state = dict(ctx.checkpoint)
        uploaded: list[dict[str, Any]] = list(state.get("media") or [])
        for index, media in enumerate(post.media):
            ctx.check_cancelled()
            if index < len(uploaded) and uploaded[index].get("sha256") == _fingerprint(media):
                continue  # uploaded in an earlier attempt
            if media.is_video:
                uploaded[index:] = [self._upload_video(ctx, post, media, state)]
                state["media"] = uploaded
                self._checkpoint(ctx, state)
                continue
            # the portal's media library names the file after the post: siaga-banjir-1.jpg
            name = f"{_slug_words(post) or 'gambar'}-{index + 1}"
            uploaded[index:] = [self._upload(ctx, media, name)]
            state["media"] = uploaded
            self._checkpoint(ctx, state)
            ctx.progress("media", (index + 1) / len(post.media))
        uploaded = uploaded[:len(post.media)]

        if post.tags and "tag_ids" not in state:
            state["tag_ids"] = [self._tag_id(ctx, name) for name in post.tags]
            self._checkpoint(ctx, state)

        ctx.check_cancelled()
        draft_id = state.get("draft_id") or self._draft(ctx, post, state, uploaded)
        if isinstance(draft_id, PublishResult):
            return draft_id  # an earlier attempt got all the way
        body: dict[str, Any] = {"status": "publish"}
        if post.options.get("status") == "pending":  # an editor publishes it on the portal
            body = {"status": "pending"}
        elif post.schedule_utc:
            body = {"status": "future", "date_gmt": _wp_date_gmt(post.schedule_utc)}
        data = self._request(ctx, "POST", f"/posts/{draft_id}", json=body, creates=True).json()
        ctx.progress("posted", 1.0)
        return self._result(data, uploaded)

    def _draft(self, ctx: PublishContext, post: OutgoingPost, state: dict[str, Any],
               uploaded: list[dict[str, Any]]) -> int | PublishResult:
        """Our one draft: found from an earlier attempt, or made now (see the module doc)."""
        slug = post_slug(post)
        if state.get("sent"):  # an earlier attempt sent it and lost the answer: look first
            found = self._by_slug(ctx, slug, _ANY_STATUS)
            if found and found["status"] in _PUBLISHED.split(","):
                return self._result(found, uploaded)
            if found:
                return self._remember_draft(ctx, state, found["id"])
        body: dict[str, Any] = {
            "title": post_title(post),
            "content": post_content(post, uploaded),
            "slug": slug,
            "status": "draft",
        }
        if uploaded:
            body["featured_media"] = uploaded[0].get("poster_id") or uploaded[0]["id"]
        if state.get("tag_ids"):
            body["tags"] = state["tag_ids"]
        if post.options.get("category"):
            body["categories"] = [_category_id(post.options["category"])]
        state["sent"] = True  # journalled first, so a retry knows it must look
        self._checkpoint(ctx, state)
        data = self._request(ctx, "POST", "/posts", json=body, creates=True).json()
        if data.get("slug") != slug:  # "-2": our draft exists already, this is its twin
            self._request(ctx, "DELETE", f"/posts/{data['id']}", params={"force": "true"},
                          missing_ok=True)
            found = self._by_slug(ctx, slug, _ANY_STATUS)
            if found is None:
                raise Unknown(_("WordPress gave the post another address; the post may exist"))
            if found["status"] in _PUBLISHED.split(","):
                return self._result(found, uploaded)
            data = found
        return self._remember_draft(ctx, state, data["id"])

    def _remember_draft(self, ctx: PublishContext, state: dict[str, Any], draft_id: int) -> int:
        state["draft_id"] = draft_id
        self._checkpoint(ctx, state)
        return draft_id

    def _by_slug(self, ctx: PublishContext, slug: str, statuses: str) -> dict[str, Any] | None:
        found = self._request(ctx, "GET", "/posts", params={
            "slug": slug, "status": statuses, "context": "edit", "orderby": "id", "order": "asc"})
        posts = found.json()
        return posts[0] if posts else None

    def update(self, ctx: PublishContext, result: PublishResult,
               post: OutgoingPost) -> PublishResult:
        """Edits the post in place (``POST /wp/v2/posts/<id>``): same id, same address, new
        title, content, tags, images and alt text. Images already in the media library are
        reused; repeating the whole update is harmless."""
        state = dict(ctx.checkpoint)
        uploaded: list[dict[str, Any]] = list(state.get("media") or [])
        for index, media in enumerate(post.media):
            ctx.check_cancelled()
            if index < len(uploaded) and uploaded[index].get("sha256") == _fingerprint(media):
                if uploaded[index].get("alt") != media.alt:
                    self._request(ctx, "POST", f"/media/{uploaded[index]['id']}",
                                  json={"alt_text": media.alt})
                    uploaded[index] = {**uploaded[index], "alt": media.alt}
                continue
            name = f"{_slug_words(post) or 'gambar'}-{index + 1}"
            uploaded[index:index + 1] = [self._upload(ctx, media, name)]
            state["media"] = uploaded
            self._checkpoint(ctx, state)
        uploaded = uploaded[:len(post.media)]
        state["media"] = uploaded
        self._checkpoint(ctx, state)
        body: dict[str, Any] = {
            "title": post_title(post),
            "content": post_content(post, uploaded),
            "tags": [self._tag_id(ctx, name) for name in post.tags],
            "featured_media": uploaded[0]["id"] if uploaded else 0,
        }
        if post.schedule_utc:
            body["date_gmt"] = _wp_date_gmt(post.schedule_utc)
        data = self._request(ctx, "POST", f"/posts/{result.remote_id}", json=body).json()
        return self._result(data, uploaded)

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        found = self._by_slug(ctx, post_slug(post), _PUBLISHED)
        if found is None:
            return None  # not there, or still our draft: publish goes on from the draft
        return self._result(found, list(ctx.checkpoint.get("media") or []))

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        """Moves the post to the trash (the portal's editors can restore it); images stay in
        the media library."""
        # an answer of 404/410 means it is gone already, which is what was asked
        self._request(ctx, "DELETE", f"/posts/{result.remote_id}", missing_ok=True)

    def reschedule(self, ctx: PublishContext, result: PublishResult,
                   schedule_utc: str | None) -> PublishResult:
        """Moves a ``future`` post to another time, or takes it off the schedule as a draft
        (``schedule_utc`` None: it does not go out). Asking twice changes nothing more."""
        post_id = result.remote_id
        current = self._request(ctx, "GET", f"/posts/{post_id}", params={"context": "edit"},
                                missing_ok=True)
        if current is None or current.json().get("status") == "trash":
            raise Rejected(_("The post is no longer on WordPress (deleted there)"))
        status = current.json().get("status")
        if status not in ("future", "draft", "pending"):
            raise Rejected(_("WordPress has already published this post"))
        if schedule_utc is None:
            body: dict[str, Any] = {"status": "draft"}
        else:
            _ahead_enough(schedule_utc)
            body = {"status": "future", "date_gmt": _wp_date_gmt(schedule_utc)}
        data = self._request(ctx, "POST", f"/posts/{post_id}", json=body).json()
        if schedule_utc is not None and data.get("status") != "future":
            # WordPress publishes at once a "future" post whose time has come; say so plainly.
            raise Rejected(_("WordPress published the post at once: the new time had come"))
        return self._result(data, [{"id": m} for m in result.extra.get("media_ids") or []])

    def verify(self, ctx: PublishContext) -> AccountInfo:
        me = self._request(ctx, "GET", "/users/me", params={"context": "edit"}).json()
        can = me.get("capabilities") or {}
        missing = [c for c in ("publish_posts", "upload_files") if can and not can.get(c)]
        if missing:  # e.g. a Contributor: every publish would fail later, say so now
            raise Rejected(_(
                "WordPress user {user} ({roles}) may not publish posts with images; use an Author",
                user=me.get("username") or me.get("slug", ""),
                roles=", ".join(me.get("roles") or []) or "?"))
        avatars = me.get("avatar_urls") or {}
        return AccountInfo(display_name=me.get("name") or me.get("slug", ""),
                           handle=me.get("username") or me.get("slug", ""),
                           avatar_url=avatars.get("96"))

    # -- steps ------------------------------------------------------------------------------------

    def _upload(self, ctx: PublishContext, media: RenderedMedia, name: str) -> dict[str, Any]:
        path = Path(media.path)
        filename = f"{name}.{_EXTENSIONS.get(media.mime, path.suffix.lstrip('.') or 'bin')}"
        # The raw body upload (docs/platforms.md §11); alt text rides along as a parameter, and is set
        # again below should a plugin drop it.
        response = self._request(
            ctx, "POST", "/media", content=path.read_bytes(),
            params={"alt_text": media.alt} if media.alt else None,
            headers={"Content-Type": media.mime,
                     "Content-Disposition": f'attachment; filename="{filename}"'})
        data = response.json()
        if media.alt and data.get("alt_text") != media.alt:
            data = self._request(ctx, "POST", f"/media/{data['id']}",
                                 json={"alt_text": media.alt}).json()
        return {"id": data["id"], "source_url": data.get("source_url", ""), "alt": media.alt,
                "sha256": _fingerprint(media)}

    def _upload_video(self, ctx: PublishContext, post: OutgoingPost, media: RenderedMedia,
                      state: dict[str, Any]) -> dict[str, Any]:
        """The video, its poster and its captions in the media library, each exactly once:
        its file name carries the post's own slug, and that name is journalled *before* the
        upload, so after a dropped connection or a crash the library is asked for it first
        instead of being given a second copy."""
        base = post_slug(post)
        video = self._upload_once(ctx, state, f"{base}-video", media.path, media.mime, media.alt)
        entry: dict[str, Any] = {"kind": "video", "id": video["id"],
                                 "source_url": video.get("source_url", ""), "alt": media.alt,
                                 "sha256": _fingerprint(media)}
        if media.cover:
            poster = self._upload_once(ctx, state, f"{base}-sampul", media.cover, "image/jpeg",
                                       media.alt)
            entry.update(poster_id=poster["id"], poster_url=poster.get("source_url", ""))
        if media.captions:
            track = self._upload_once(ctx, state, f"{base}-takarir", media.captions, "text/vtt",
                                      "")
            entry.update(captions_url=track.get("source_url", ""), lang="id")
        return entry

    def _upload_once(self, ctx: PublishContext, state: dict[str, Any], name: str, path: str,
                     mime: str, alt: str) -> dict[str, Any]:
        pending: list[str] = list(state.get("uploading") or [])
        if name in pending:  # an earlier attempt sent it: is it in the library?
            found = self._request(ctx, "GET", "/media", params={
                "slug": name, "context": "edit", "orderby": "id", "order": "asc"}).json()
            if found:
                return dict(found[0])
        else:
            state["uploading"] = [*pending, name]
            self._checkpoint(ctx, state)
        ctx.check_cancelled()
        size = Path(path).stat().st_size
        filename = f"{name}.{_EXTENSIONS.get(mime, Path(path).suffix.lstrip('.') or 'bin')}"
        response = self._request(
            ctx, "POST", "/media", creates=True, content=FileBody(path, size, ctx),
            params={"alt_text": alt} if alt else None,
            headers={"Content-Type": mime, "Content-Length": str(size),
                     "Content-Disposition": f'attachment; filename="{filename}"'})
        return dict(response.json())

    def _tag_id(self, ctx: PublishContext, name: str) -> int:
        name = name.lstrip("#").strip()
        for tag in self._request(ctx, "GET", "/tags", params={"search": name, "per_page": 100}).json():
            if html.unescape(tag.get("name", "")).casefold() == name.casefold():
                return int(tag["id"])
        response = self._request(ctx, "POST", "/tags", json={"name": name}, term_ok=True)
        data = response.json()
        if data.get("code") == "term_exists":  # made meanwhile (or differing only in case)
            return int(data["data"]["term_id"])
        return int(data["id"])

    @staticmethod
    def _result(data: dict[str, Any], media: list[dict[str, Any]]) -> PublishResult:
        return PublishResult(
            remote_id=str(data["id"]),
            url=data.get("link"),
            extra={"status": data.get("status", ""), "slug": data.get("slug", ""),
                   "media_ids": [m["id"] for m in media]})

    @staticmethod
    def _checkpoint(ctx: PublishContext, state: dict[str, Any]) -> None:
        ctx.checkpoint.clear()
        ctx.checkpoint.update(state)
        ctx.save_checkpoint(dict(state))

    # -- HTTP -----------------------------------------------------------------------------------------

    # Typing only: the answer is None solely when missing_ok lets a 404/410 through.
    @overload
    def _request(self, ctx: PublishContext, method: str, path: str, *, creates: bool = ...,
                 missing_ok: Literal[False] = ..., term_ok: bool = ...,
                 **kw: Any) -> httpx.Response: ...

    @overload
    def _request(self, ctx: PublishContext, method: str, path: str, *, creates: bool = ...,
                 missing_ok: Literal[True], term_ok: bool = ...,
                 **kw: Any) -> httpx.Response | None: ...

    def _request(self, ctx: PublishContext, method: str, path: str, *, creates: bool = False,
                 missing_ok: bool = False, term_ok: bool = False,
                 **kw: Any) -> httpx.Response | None:
        import httpx

        site = (ctx.account.get("url") or "").rstrip("/")
        user, password = ctx.account.get("user") or "", ctx.secrets.get("app_password") or ""
        if not site or not user or not password:
            raise AuthExpired(_("The WordPress account needs a site URL, a user and an application password"))
        auth = httpx.BasicAuth(user, password)
        errors = WordPressErrors(site)
        url, args = _api_url(site, path, kw)
        response = errors.send(ctx.client, method, url, creates=creates, auth=auth, **args)
        if response.status_code == 404 and site not in _PLAIN_PERMALINKS and not _is_json(response):
            # Plain permalinks: /wp-json is not routed, but ?rest_route= always is (the
            # 404 came from the web server, so nothing was created).
            _PLAIN_PERMALINKS.add(site)
            url, args = _api_url(site, path, kw)
            response = errors.send(ctx.client, method, url, creates=creates, auth=auth, **args)
        if missing_ok and response.status_code in (404, 410):
            return None
        if term_ok and response.status_code == 400 and _code_of(response)[0] == "term_exists":
            return response
        errors.check(response, creates=creates)
        if not _is_json(response):
            raise Rejected(_("{url} does not answer like a WordPress site (no REST API at /wp-json)",
                             url=site))
        return response


class WordPressErrors(HttpErrors):
    """The REST API's error body is ``{"code", "message"}``; a 404 without a code came from the
    web server, not WordPress; maintenance mode is a 503 with Retry-After before WordPress
    even loads (nothing happened)."""

    def __init__(self, site: str):
        self.site = site

    def body(self, response: httpx.Response) -> tuple[str, str]:
        return _code_of(response)

    def reason(self, response: httpx.Response, body: Any, status: int) -> str:
        code, message = body
        return message or code or f"HTTP {status}"

    def classify(self, response: httpx.Response, body: Any, status: int, reason: str, *,
                 creates: bool, media: bool) -> AdapterError | None:
        code = body[0]
        if status == 429:
            return None
        if status == 413 or code.startswith("rest_upload") or code == "rest_invalid_image":
            return MediaInvalid(reason, status=status)  # the engine says which channel refused
        if self.auth_expired(response, body, status):
            return None
        if code == "rest_post_exists":  # what a "post already exists" refusal looks like
            return Duplicate(reason, status=status)
        if status == 404 and not code:
            return Rejected(_("{url} does not answer like a WordPress site (no REST API at /wp-json)",
                              url=self.site), status=status)
        if status == 503 and response.headers.get("retry-after"):
            return Transient(_("WordPress is in maintenance, try again later"), status=status)
        return None

    def retry_after(self, response: httpx.Response, body: Any, reason: str) -> float | None:
        after = response.headers.get("retry-after")
        return float(after) if after and after.isdigit() else None

    def rate_limit_error(self, reason: str, wait: float | None, status: int) -> AdapterError:
        return RateLimited(_("WordPress asks us to slow down"), retry_after=wait)

    def auth_expired(self, response: httpx.Response, body: Any, status: int) -> bool:
        return status == 401 or body[0] in _AUTH_CODES

    def auth_error(self, reason: str, status: int) -> AdapterError:
        return AuthExpired(_("WordPress refused the application password: {message}",
                             message=reason), status=status)

    def temporary_error(self, reason: str, status: int, *, creates: bool) -> AdapterError:
        if creates:
            return Unknown(_("WordPress answered {status}; the post may exist", status=status),
                           status=status)
        return Transient(_("WordPress answered {status}", status=status), status=status)

    def transport_error(self, exc: Exception, *, creates: bool) -> AdapterError:
        if not reached(exc):  # never fully sent: WordPress acts only on a complete request
            return Transient(_("Cannot reach {url}: {error}", url=self.site,
                               error=type(exc).__name__))
        if creates:
            return Unknown(_("WordPress did not answer ({error}); the post may exist",
                             error=type(exc).__name__))
        return Transient(_("WordPress did not answer ({error})", error=type(exc).__name__))


_PLAIN_PERMALINKS: set[str] = set()  # sites whose REST API answers only at ?rest_route=


def _api_url(site: str, path: str, kw: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """(url, request arguments) of an API path; the route goes into the query string when the
    site has plain permalinks (httpx replaces a URL's query with ``params``, so merge here)."""
    if site in _PLAIN_PERMALINKS:
        params = {"rest_route": f"/wp/v2{path}", **(kw.get("params") or {})}
        return f"{site}/", {**kw, "params": params}
    return f"{site}/wp-json/wp/v2{path}", kw


def _is_json(response: httpx.Response) -> bool:
    content_type: str = response.headers.get("content-type", "")  # httpx types .get as Any
    return content_type.startswith("application/json")



def _fingerprint(media: RenderedMedia) -> str:
    return media.sha256 or f"{media.path}:{media.alt}"


def _wp_date_gmt(iso: str) -> str:
    """WordPress wants ``date_gmt`` as a naive UTC time, ``2030-01-02T03:04:05``."""
    from datetime import UTC, datetime

    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


# WordPress publishes a "future" post at once when its date is not ahead (wp_insert_post);
# a new time nearer than this could go out before the request lands.
MIN_RESCHEDULE_AHEAD_SECONDS = 120


def _ahead_enough(iso: str) -> None:
    from datetime import UTC, datetime

    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if (moment - datetime.now(UTC)).total_seconds() < MIN_RESCHEDULE_AHEAD_SECONDS:
        raise Rejected(_("WordPress needs the new time at least {minutes} minutes ahead",
                         minutes=MIN_RESCHEDULE_AHEAD_SECONDS // 60))


# How the feed draws a post: Twenty Twenty-Five query loop: featured image 3:2, title, full content, date.
PREVIEW = PreviewRules(
    "wordpress", avatar="none", indent=False, header="none", order=("media", "title", "text", "actions"),
    grid="featured", show_handle=False, media_radius=0, title=True, text_px=15, underline_links=True,
    styled=frozenset({"url"}),  # a WordPress post links URLs; @names and #tags stay text
    palette=Palette(text="#111111", secondary="#666666", link="#111111", border="#E6E6E6"),
    time="", actions=(("", "Today"),),
)

PLATFORM = Platform(SPEC, WordPressAdapter, preview=PREVIEW, translations=TRANSLATIONS)
