"""Facebook Page (Graph API). Facts: docs/platforms.md §5.

Sources: https://developers.facebook.com/docs/graph-api/reference/page/photos,
https://developers.facebook.com/docs/graph-api/reference/page/feed (message, link,
attached_media, published=false + scheduled_publish_time),
https://developers.facebook.com/docs/pages-api/posts (scheduling window),
https://developers.facebook.com/docs/graph-api/reference/user/accounts (page tokens),
https://developers.facebook.com/documentation/facebook-login/guides/access-tokens/get-long-lived

Exactly once: Graph has no idempotency key and a 500 may still have created the post (docs/platforms.md
§5, koala#699). Before the create goes out the checkpoint says so (``sent_since``); after a lost
answer ``find_existing`` reads the page's recent (or scheduled) posts for our text. Photos
uploaded unpublished for a multi-photo post are checkpointed one by one and never re-uploaded.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from composer.plugin import (
    AccountInfo,
    AdapterError,
    AuthExpired,
    Choice,
    ChooseFn,
    Counting,
    CredentialField,
    Finding,
    Fold,
    MediaInvalid,
    OutgoingPost,
    Palette,
    Platform,
    PlatformSpec,
    PreviewRules,
    PublishContext,
    PublishResult,
    Rejected,
    RenderedMedia,
    Resolved,
    Severity,
    VideoRules,
    _,
)
from composer.plugin import Capability as C
from platforms.graph import (
    DEFAULT_VERSION,
    GRAPH_URL,
    Graph,
    GraphErrors,
    facebook_login,
    graph_time,
    same_text,
    version_base,
)
from platforms.translations import TRANSLATIONS

if TYPE_CHECKING:  # typing only; httpx loads when a request is made
    import httpx

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

WEB_URL = "https://www.facebook.com"

# Video (Page videos, resumable upload): MP4/MOV, H.264 + AAC, up to 10 GB and 240 minutes,
# aspect 9:16-16:9, 60 fps at most; captions as SRT.
# https://developers.facebook.com/docs/video-api/guides/publishing
# https://www.facebook.com/help/218673814818907 (recommended specs)
# The upload is resumable: start (file_size) -> transfer (the chunk the session asks for) ->
# finish (description, title, thumb, schedule). https://developers.facebook.com/docs/graph-api/
# guides/upload and /docs/graph-api/reference/page/videos.
VIDEO = VideoRules(
    containers=("mp4", "mov"), video_codecs=("h264", "hevc"), audio_codecs=("aac",),
    max_bytes=10 * 1024 ** 3, max_duration=240 * 60, min_duration=1,
    aspect_min=9 / 16, aspect_max=16 / 9, max_fps=60,
    # Captions as SRT, sent to /{video-id}/captions once the video exists (a WebVTT file is
    # converted by composer.core.video.captions.for_channel).
    captions=True, caption_formats=("srt",),
)

# Captions: POST /{video-id}/captions (multipart) with ``captions_file``, an SRT file whose name
# ends in its locale (``name.{locale}.srt``, e.g. ``takarir.id_ID.srt``), and ``default_locale``
# (the track shown first). Facebook keeps one track per locale, so sending it again replaces it.
# https://developers.facebook.com/docs/graph-api/reference/video/captions/
# The parameters as Meta's own SDK declares them (default_locale, captions_file,
# locales_to_delete): https://github.com/facebook/facebook-python-business-sdk/blob/main/
# facebook_business/adobjects/advideo.py (create_caption).
CAPTIONS_LOCALE = "id_ID"

SPEC = PlatformSpec(
    id="facebook",
    name="Facebook Page",
    text_limit=63_206,  # UNVERIFIED official figure
    counting=Counting.UTF16,  # unit undocumented; UTF-16 is the strictest reading
    max_images=10,
    image_formats=("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff"),
    max_image_bytes=4_000_000,
    recommended_sizes=((1200, 630), (1080, 1080), (1080, 1350)),
    # Two photos show as two squares side by side (3 or more follow the first photo's shape).
    # Facebook publishes no rule; the open-source approximation:
    # https://github.com/inovector/mixpost/tree/main/resources/js/Components/ProviderGallery/Facebook (UNVERIFIED)
    grid_cells=((1.0, 1.0),),
    video=VIDEO,
    credential_kind="page_token",
    credentials=(
        CredentialField("page_id", "Page ID", required=False, by_sign_in=True),  # chosen
        CredentialField("page_token", "Page access token", secret=True, by_sign_in=True),
        CredentialField("graph_version", "Graph API version", required=False,
                        default=DEFAULT_VERSION),
        CredentialField("api_url", "Graph API address", required=False, default=GRAPH_URL),
        # For connect(): the Meta app that signs the officer in (the secret exchanges tokens).
        CredentialField("app_id", "Meta app ID", required=False,
                        help="From the office's app in Meta for Developers, App settings, Basic"),
        CredentialField("app_secret", "Meta app secret", secret=True, required=False,
                        help="Needed to sign in and to renew the 60-day sign-in"),
        CredentialField("login_url", "Sign-in page", required=False, default=WEB_URL),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.EDIT, C.SCHEDULE, C.VERIFY, C.CONNECT}),
    schedule_min_ahead=600, schedule_max_ahead=30 * 86400,  # MIN/MAX_SCHEDULE_AHEAD
    edit_scope=frozenset({"text"}),
    unsent_parts=frozenset({"title", "tags"}),
    unverified=("text_limit", "max_images", "max_image_bytes", "alt text"),
    sources=(
        "https://developers.facebook.com/docs/graph-api/reference/page/photos",
        "https://developers.facebook.com/docs/graph-api/reference/page/feed",
    ),
)

# scheduled_publish_time must be 10 minutes to 30 days ahead (Pages API "Publish posts"; newer
# pages say 75 days: UNVERIFIED, so the stricter window). Nearer than 10 minutes: publish now.
MIN_SCHEDULE_AHEAD = timedelta(minutes=10)
MAX_SCHEDULE_AHEAD = timedelta(days=30)
CLOCK_SKEW = 300.0
LOOKUP_LIMIT = 25
PERMISSIONS = ("pages_show_list", "pages_manage_posts", "pages_read_engagement")


# ---------------------------------------------------------------------------------------------
# Choosing a page: the GUI/CLI signs the officer in (a user token), lists the pages, and keeps
# the chosen page's own token as the account secret.


@dataclass(frozen=True)
class Page:
    id: str
    name: str
    token: str
    category: str = ""

    def __repr__(self) -> str:  # never show the token
        return f"Page(id={self.id!r}, name={self.name!r})"

    def account(self) -> tuple[dict[str, str], dict[str, str]]:
        """(settings, secrets) of a Facebook Page account for this page."""
        return {"page_id": self.id}, {"page_token": self.token}


def list_pages(client: httpx.Client, user_token: str, *, api_url: str = GRAPH_URL,
               graph_version: str = DEFAULT_VERSION) -> list[Page]:
    """The pages the signed-in user manages, with their page tokens (GET /me/accounts)."""
    errors = GraphErrors(SPEC.name)
    base = version_base({"api_url": api_url, "graph_version": graph_version})
    url: str | None = f"{base}/me/accounts"
    params: dict[str, Any] | None = {"fields": "id,name,access_token,category", "limit": 100}
    pages: list[Page] = []
    while url:
        body = errors.request(client, "GET", url, creates=False, params=params,
                              headers={"Authorization": f"Bearer {user_token}"}).json()
        for item in body.get("data") or []:
            if item.get("access_token"):
                pages.append(Page(str(item["id"]), item.get("name", ""), item["access_token"],
                                  item.get("category", "")))
        url = (body.get("paging") or {}).get("next")
        params = None  # the next link carries its own query
    return pages


class FacebookAdapter:
    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    def validate(self, post: Resolved) -> list[Finding]:
        """For the rule book: a Page holds a scheduled post at most 30 days."""
        when = post.schedule
        if when is not None and when - datetime.now(UTC) > MAX_SCHEDULE_AHEAD:
            return [Finding("schedule.too_far", Severity.BLOCK, post.channel,
                            _("Facebook schedules posts at most 30 days ahead"),
                            {"time": when.isoformat(), "days": MAX_SCHEDULE_AHEAD.days})]
        return []

    # -- publish --------------------------------------------------------------------------------

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        page, graph = self._page(ctx)
        when = _schedule(post.schedule_utc)
        if ctx.checkpoint.get("post_id"):  # posted in an earlier attempt, answer recorded
            result = self._result(ctx, graph, ctx.checkpoint["post_id"], scheduled=bool(when))
            if post.media and post.media[0].is_video:  # its captions may still be owed
                return self._with_captions(ctx, graph, post.media[0], result)
            return result
        if post.media and post.media[0].is_video:
            return self._publish_video(ctx, graph, page, post, when)
        photo_ids = self._upload_unpublished(ctx, graph, page, post, when) \
            if len(post.media) > 1 else []
        if "sent_since" not in ctx.checkpoint:
            # The look-up after a lost answer trusts only posts from this moment on.
            ctx.save_checkpoint({"sent_since": time.time()})
        ctx.check_cancelled()
        ctx.progress("post", 0.9)
        fields: dict[str, Any] = {"message": post.text}
        if when:
            fields.update(published="false", scheduled_publish_time=str(int(when.timestamp())))
        if len(post.media) == 1:
            m = post.media[0]
            if m.alt:
                fields["alt_text_custom"] = m.alt  # the Photo reference's user alt text field
            with open(m.path, "rb") as fh:
                body = self._multipart(ctx, graph, f"{page}/photos", fields,
                                       (Path(m.path).name, fh, m.mime), creates=True)
            post_id = str(body.get("post_id") or f"{page}_{body['id']}")
        else:
            if photo_ids:
                for i, photo in enumerate(photo_ids):
                    fields[f"attached_media[{i}]"] = json.dumps({"media_fbid": photo})
            elif post.link:
                fields["link"] = post.link  # a link post: Facebook draws the preview card
            post_id = str(graph.call("POST", f"{page}/feed", data=fields, creates=True)["id"])
        ctx.save_checkpoint({"post_id": post_id, "scheduled": bool(when)})
        return self._result(ctx, graph, post_id, scheduled=bool(when))

    def _upload_unpublished(self, ctx: PublishContext, graph: Graph, page: str, post: OutgoingPost,
                            when: datetime | None) -> list[str]:
        """Multi-photo posts: each photo unpublished first (journalled), then one feed post."""
        done: list[str] = list(ctx.checkpoint.get("media_ids", []))
        for i in range(len(done), len(post.media)):
            ctx.check_cancelled()
            ctx.progress("upload", i / len(post.media))
            m = post.media[i]
            fields = {"published": "false"}
            if when:
                fields["temporary"] = "true"  # docs/platforms.md §5: for scheduled posts (UNVERIFIED)
            if m.alt:
                fields["alt_text_custom"] = m.alt
            with open(m.path, "rb") as fh:
                body = self._multipart(ctx, graph, f"{page}/photos", fields,
                                       (Path(m.path).name, fh, m.mime), creates=False)
            done.append(str(body["id"]))
            ctx.save_checkpoint({"media_ids": done})
        return done

    def _publish_video(self, ctx: PublishContext, graph: Graph, page: str, post: OutgoingPost,
                       when: datetime | None) -> PublishResult:
        """The resumable upload: ``start`` opens a session (its video id is journalled, so a
        lost answer later asks that video); ``transfer`` sends the byte range the session asks
        for next, the range journalled after each; ``finish`` gives the description, the title
        and the cover as ``thumb``, and publishes or schedules."""
        video = post.media[0]
        try:
            total = Path(video.path).stat().st_size
        except OSError:
            raise Rejected(_("The video file is missing: {path}", path=video.path)) from None
        state: Mapping[str, Any] = ctx.checkpoint
        if not state.get("video_session"):
            started = graph.call("POST", f"{page}/videos", data={
                "upload_phase": "start", "file_size": str(total)})
            state = {"video_session": str(started["upload_session_id"]),
                     "video_id": str(started["video_id"]),
                     "video_range": [int(started["start_offset"]), int(started["end_offset"])]}
            ctx.save_checkpoint(dict(state))
        session, video_id = str(state["video_session"]), str(state["video_id"])
        start, end = state["video_range"]
        with open(video.path, "rb") as fh:
            while start < end:
                ctx.check_cancelled()
                ctx.progress("upload", start / total)
                fh.seek(start)
                chunk = fh.read(end - start)
                body = self._multipart(
                    ctx, graph, f"{page}/videos",
                    {"upload_phase": "transfer", "upload_session_id": session,
                     "start_offset": str(start)},
                    ("chunk", io.BytesIO(chunk), "application/octet-stream"),
                    creates=False, field="video_file_chunk")
                start, end = int(body["start_offset"]), int(body["end_offset"])
                ctx.save_checkpoint({"video_range": [start, end]})
        if "sent_since" not in ctx.checkpoint:
            ctx.save_checkpoint({"sent_since": time.time()})
        fields: dict[str, Any] = {"upload_phase": "finish", "upload_session_id": session,
                                  "description": post.text}
        if post.title:
            fields["title"] = post.title
        if when:
            fields.update(published="false", scheduled_publish_time=str(int(when.timestamp())))
        ctx.progress("post", 0.95)
        if video.cover:
            with open(video.cover, "rb") as cover:
                self._multipart(ctx, graph, f"{page}/videos", fields,
                                ("sampul.jpg", cover, "image/jpeg"), creates=True, field="thumb")
        else:
            graph.call("POST", f"{page}/videos", data=fields, creates=True, media=True)
        ctx.save_checkpoint({"post_id": video_id, "scheduled": bool(when)})
        return self._with_captions(ctx, graph, video,
                                   self._result(ctx, graph, video_id, scheduled=bool(when)))

    def _with_captions(self, ctx: PublishContext, graph: Graph, video: RenderedMedia,
                       result: PublishResult) -> PublishResult:
        """The video's captions, once it exists. The video is out already, so a refused captions
        file (or an outage met twice) does not fail the post: it is logged and the result names
        it (``captions_not_sent``). Settled once in the journal; sending again is harmless, the
        locale's track is replaced."""
        if not video.captions:
            return result
        if "captions" not in ctx.checkpoint:
            locale = ctx.account.get("captions_locale") or CAPTIONS_LOCALE
            said = "sent"
            for attempt in (1, 2):
                try:
                    with open(video.captions, "rb") as fh:
                        self._multipart(ctx, graph, f"{result.remote_id}/captions",
                                        {"default_locale": locale},
                                        (f"takarir.{locale}.srt", fh, "application/x-subrip"),
                                        creates=False, field="captions_file")
                    break
                except (Rejected, MediaInvalid, AuthExpired, OSError) as exc:
                    said = "not sent: " + str(exc)
                    break
                except AdapterError as exc:
                    said = "not sent: " + str(exc)
                    if attempt == 1:
                        continue
            if said != "sent":
                ctx.log.warning("facebook captions for %s not sent: %s", result.remote_id,
                                said.removeprefix("not sent: "))
            ctx.save_checkpoint({"captions": said})
        said = str(ctx.checkpoint.get("captions") or "")
        if said.startswith("not sent: "):
            extra = {**result.extra, "captions_not_sent": said.removeprefix("not sent: ")}
            return PublishResult(remote_id=result.remote_id, url=result.url, extra=extra)
        return result

    @staticmethod
    def _multipart(ctx: PublishContext, graph: Graph, path: str, fields: dict[str, Any],
                   file: tuple[str, IO[bytes], str], *, creates: bool,
                   field: str = "source") -> dict[str, Any]:
        body: dict[str, Any] = GraphErrors(graph.channel).request(
            ctx.client, "POST", f"{graph.base}/{path}", creates=creates, media=True,
            data=fields, files={field: file},
            headers={"Authorization": f"Bearer {graph.token}"}).json()
        return body

    def _result(self, ctx: PublishContext, graph: Graph, post_id: str, *, scheduled: bool,
                url: str | None = None) -> PublishResult:
        if url is None:
            url = _permalink(ctx, graph, post_id)
        return PublishResult(remote_id=post_id, url=url, extra={
            "scheduled": scheduled, "media_ids": list(ctx.checkpoint.get("media_ids", []))})

    # -- after a lost answer ------------------------------------------------------------------

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        """The page's recent posts (scheduled ones for a scheduled post) with our text, made
        since the first send; never an older post with the same words. A video that is out but
        whose captions are still owed is None: publishing goes on with them (and finds the
        video journalled)."""
        if ctx.checkpoint.get("post_id"):
            if _owes_captions(ctx, post):
                return None
            page, graph = self._page(ctx)
            return self._result(ctx, graph, ctx.checkpoint["post_id"],
                                scheduled=bool(ctx.checkpoint.get("scheduled")))
        since = ctx.checkpoint.get("sent_since")
        if since is None:
            return None  # nothing was ever sent
        page, graph = self._page(ctx)
        if ctx.checkpoint.get("video_id"):  # a video post is its video: ask it
            found = self._find_video(ctx, graph, str(ctx.checkpoint["video_id"]),
                                     scheduled=bool(_schedule(post.schedule_utc)))
            return None if found is not None and _owes_captions(ctx, post) else found
        scheduled = bool(_schedule(post.schedule_utc))
        edge = "scheduled_posts" if scheduled else "feed"
        body = graph.call("GET", f"{page}/{edge}", params={
            "fields": "id,message,created_time,permalink_url", "limit": LOOKUP_LIMIT,
            "since": str(int(since - CLOCK_SKEW))})
        for item in body.get("data") or []:
            if (graph_time(item.get("created_time")) >= since - CLOCK_SKEW
                    and same_text(item.get("message", ""), post.text)):
                ctx.save_checkpoint({"post_id": str(item["id"]), "scheduled": scheduled})
                return self._result(ctx, graph, str(item["id"]), scheduled=scheduled,
                                    url=item.get("permalink_url"))
        return None

    def _find_video(self, ctx: PublishContext, graph: Graph, video_id: str, *,
                    scheduled: bool) -> PublishResult | None:
        """The journalled video: finished (its upload complete) or not there yet."""
        body = graph.call("GET", video_id, params={"fields": "id,status,permalink_url"},
                          ok=(400, 404))
        uploading = ((body.get("status") or {}).get("uploading_phase") or {}).get("status")
        if not body or uploading != "complete":
            return None
        ctx.save_checkpoint({"post_id": video_id, "scheduled": scheduled})
        return self._result(ctx, graph, video_id, scheduled=scheduled,
                            url=body.get("permalink_url"))

    # -- edit in place ------------------------------------------------------------------------------

    def update(self, ctx: PublishContext, result: PublishResult,
               post: OutgoingPost) -> PublishResult:
        """Edits the post's text: ``POST /{post-id}`` with ``message`` (the Page Post
        reference, "Updating"). Photos and the link card stay as they are; the same edit
        sent twice changes nothing."""
        _, graph = self._page(ctx)
        graph.call("POST", result.remote_id, data={"message": post.text})
        return PublishResult(remote_id=result.remote_id, url=result.url, extra=dict(result.extra))

    # -- the rest ---------------------------------------------------------------------------------

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        _, graph = self._page(ctx)
        try:
            graph.call("DELETE", result.remote_id, ok=(404,))
        except Rejected as exc:
            if "does not exist" not in exc.reason:  # already gone is what the officer wants
                raise

    # -- native scheduling ------------------------------------------------------------------------

    def reschedule(self, ctx: PublishContext, result: PublishResult,
                   schedule_utc: str | None) -> PublishResult:
        """Move a scheduled Page post (``scheduled_publish_time`` on the post, 10 minutes to 30
        days ahead), or take it off the schedule: ``scheduled_publish_time`` 0 leaves it an
        unpublished Page post, which never shows on the Page until it is scheduled again.
        Meta documents the update but not the unscheduling, so both are read back: a post
        still scheduled, or published, is never reported as moved."""
        graph = self._page(ctx)[1]
        post_id = result.remote_id
        before = self._schedule_state(graph, post_id)
        if before.get("is_published"):
            raise Rejected(_("Facebook has already published this post"))
        if schedule_utc is None:
            if before.get("scheduled_publish_time"):
                graph.call("POST", post_id, data={"is_published": "false",
                                                  "scheduled_publish_time": "0"})
        else:
            when = _reschedule_time(schedule_utc)
            graph.call("POST", post_id, data={
                "is_published": "false", "scheduled_publish_time": str(int(when.timestamp()))})
        after = self._schedule_state(graph, post_id)
        at = _epoch(after.get("scheduled_publish_time"))
        if after.get("is_published"):
            raise Rejected(_("Facebook published the post instead of holding it"))
        if schedule_utc is None and at:
            raise Rejected(_("Facebook kept the post scheduled; remove it from the schedule "
                             "in Meta Business Suite"))
        if schedule_utc is not None and \
                at != int(_reschedule_time(schedule_utc, check=False).timestamp()):
            raise Rejected(_("Facebook did not take the new time"))
        return PublishResult(remote_id=post_id, url=result.url, extra={
            **dict(result.extra), "scheduled": schedule_utc is not None,
            "held_as_draft": schedule_utc is None})

    @staticmethod
    def _schedule_state(graph: Graph, post_id: str) -> dict[str, Any]:
        try:
            return graph.call("GET", post_id,
                              params={"fields": "id,is_published,scheduled_publish_time"})
        except Rejected as exc:
            if "does not exist" in exc.reason:
                raise Rejected(_("The post is no longer on Facebook (deleted there)")) from None
            raise

    def verify(self, ctx: PublishContext) -> AccountInfo:
        page, graph = self._page(ctx)
        body = graph.call("GET", page, params={"fields": "id,name,link,username,picture"})
        picture = ((body.get("picture") or {}).get("data") or {}).get("url")
        return AccountInfo(display_name=body.get("name", ""),
                           handle=body.get("username") or body.get("link") or page,
                           avatar_url=picture)

    def connect(self, account: Mapping[str, str], secrets: Mapping[str, str] | None = None, *,
                choose: ChooseFn | None = None,
                **sign_in: Any) -> tuple[dict[str, str], dict[str, str]]:
        """Facebook Login in the browser (loopback), a long-lived user token, then the page:
        ``account["page_id"]``, the only page the officer manages, or the one ``choose`` picks."""
        from composer import plugin

        user_token, _expires_at = facebook_login(account, secrets or {}, PERMISSIONS, **sign_in)
        import httpx

        with httpx.Client(timeout=30) as client:
            pages = list_pages(client, user_token,
                               api_url=account.get("api_url") or GRAPH_URL,
                               graph_version=account.get("graph_version") or DEFAULT_VERSION)
        names = ", ".join(f"{p.name} ({p.id})" for p in pages) or "-"
        picked = plugin.pick_one(
            [Choice(p.id, p.name, p.category) for p in pages], wanted=account.get("page_id"),
            choose=choose,
            refusal=_("Choose the Facebook Page by its ID: {pages}", pages=names))
        settings, page_secrets = next(p for p in pages if p.id == picked.id).account()
        return {**settings, "app_id": account.get("app_id", "")}, page_secrets

    # -- helpers ------------------------------------------------------------------------------

    def _page(self, ctx: PublishContext) -> tuple[str, Graph]:
        page = (ctx.account.get("page_id") or "").strip()
        if not page:
            raise Rejected(_("The Facebook account has no Page ID; choose a page"))
        graph = Graph(ctx, base=version_base(ctx.account), token=ctx.secrets.get("page_token", ""),
                      channel=self.spec.name)
        return page, graph


def _owes_captions(ctx: PublishContext, post: OutgoingPost) -> bool:
    """A video post whose captions have not been settled in the journal yet."""
    video = post.media[0] if post.media else None
    return (video is not None and video.is_video and bool(video.captions)
            and "captions" not in ctx.checkpoint)


def _permalink(ctx: PublishContext, graph: Graph, post_id: str) -> str:
    """GET /{post-id}?fields=permalink_url; a plain link when the look-up fails (the post is
    there either way, and a failed look-up must not turn a success into a retry)."""
    try:
        url = graph.call("GET", post_id, params={"fields": "permalink_url"}).get("permalink_url")
    except Exception:  # noqa: BLE001 - see above
        url = None
    return url or f"{WEB_URL}/{post_id}"


def _schedule(schedule_utc: str | None) -> datetime | None:
    """When to publish, or None for now (past, or nearer than Facebook accepts)."""
    if not schedule_utc:
        return None
    when = datetime.fromisoformat(schedule_utc.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    ahead = when - datetime.now(UTC)
    if ahead < MIN_SCHEDULE_AHEAD:
        return None
    if ahead > MAX_SCHEDULE_AHEAD:
        raise Rejected(_("Facebook schedules posts at most 30 days ahead"))
    return when


def _epoch(value: Any) -> int:
    """A Graph time (epoch number, digits, or a timestamp string) as whole seconds; 0: none."""
    if value in (None, "", 0, "0"):
        return 0
    if isinstance(value, int | float) or str(value).isdigit():
        return int(float(value))
    moment = graph_time(value)
    return int(moment) if moment != float("inf") else 0


def _reschedule_time(schedule_utc: str, *, check: bool = True) -> datetime:
    """The new time of a scheduled post; unlike a first publish, a time nearer than Facebook
    holds posts is refused (the officer asked to hold it, not to send it now)."""
    when = datetime.fromisoformat(schedule_utc.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    ahead = when - datetime.now(UTC)
    if check and ahead < MIN_SCHEDULE_AHEAD:
        raise Rejected(_("Facebook needs the new time at least 10 minutes ahead"))
    if check and ahead > MAX_SCHEDULE_AHEAD:
        raise Rejected(_("Facebook schedules posts at most 30 days ahead"))
    return when


# How the feed draws a post: Page avatar, name / "time · globe", "See more" at ~477 chars or 5 lines on desktop and
# ~125 chars or 3 lines on phones (secondary sources, UNVERIFIED), media
# edge to edge, mixpost's 1/2/3-4/5+ collage with "+N".
PREVIEW = PreviewRules(
    "facebook", indent=False, header="page", grid="facebook", show_handle=False, link_card="large",
    fold=Fold("See more", lines=3, chars=125), fold_desktop=Fold("See more", lines=5, chars=477),
    edge_to_edge=True, media_radius=0,
    palette=Palette(text="#050505", secondary="#65676B", link="#385898", border="#CED0D4"),
    time="Just now · 🌐",
    actions=(("👍", "Like"), ("🗨", "Comment"), ("⤴", "Share")),
)

PLATFORM = Platform(SPEC, FacebookAdapter, preview=PREVIEW, translations=TRANSLATIONS)
