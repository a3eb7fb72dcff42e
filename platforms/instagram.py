"""Instagram (Graph API, professional accounts). Facts: docs/platforms.md §6.

Sources: https://developers.facebook.com/docs/instagram-platform/content-publishing/,
https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish,
https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes

The flow: host each rendered JPEG at a public address (platforms/mediahost), make an image
container (or one per carousel item, then the CAROUSEL container), wait for FINISHED, then
``media_publish``. Every container id is journalled the moment it exists, so a retry or a
resume reuses it, and a container that says PUBLISHED is never published again.

The rendered variant already fits Instagram (composer.core.media renders JPEG within 0.8-1.91;
the text engine counts caption and hashtags). :meth:`InstagramAdapter.check` proves it again
before the first request: an image that slipped through never reaches the API.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from composer.plugin import (
    AccountInfo,
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
    RateLimited,
    Rejected,
    RenderedMedia,
    Resolved,
    Severity,
    VideoRules,
    _,
)
from composer.plugin import Capability as C
from platforms import containers, mediahost
from platforms.graph import (
    DEFAULT_VERSION,
    GRAPH_URL,
    QUOTA_WAIT,
    Graph,
    graph_time,
    same_text,
    version_base,
)
from platforms.translations import TRANSLATIONS

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

ASPECT_MIN, ASPECT_MAX = 0.8, 1.91  # 4:5 portrait to 1.91:1 landscape

# Reels (media_type=REELS, video_url): MOV/MP4 with the index first, H.264 or HEVC, AAC at
# most 48 kHz, 3 s-15 min, 23-60 fps, at most 1920 px wide, up to 300 MB; 9:16 fills the
# screen, so other shapes are cropped to it. No captions file.
# https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media#reel-specifications
# The Reel is a container (media_type=REELS) made from the video's public address on the
# media host, polled until FINISHED, then published (media_publish), as an image is.
# Its cover: a frame of the Reel is named by ``thumb_offset`` (milliseconds from its start);
# an image of the officer's goes to the media host too and is named by ``cover_url``. Sources:
# https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
# (Reels parameters), https://docs.rs/instagram-graph-api/latest/instagram_graph_api/operations/ig_user/media/creating/struct.CreatingWithReels.html
VIDEO = VideoRules(
    containers=("mp4", "mov"), video_codecs=("h264", "hevc"), audio_codecs=("aac",),
    max_bytes=300 * 1024 * 1024, max_duration=15 * 60, min_duration=3,
    max_long_side=1920, max_short_side=1080, aspect_min=9 / 16, aspect_max=9 / 16, fit="crop",
    max_fps=60, min_fps=23, variable_fps=False,
)

SPEC = PlatformSpec(
    id="instagram",
    video=VIDEO,
    name="Instagram",
    text_limit=2200,
    counting=Counting.UTF16,  # unit undocumented; UTF-16 is the strictest reading
    hashtag_limit=5,  # the product cap since December 2025 (the API reference still says 30)
    mention_limit=20,
    max_images=10,
    min_images=1,
    image_formats=("image/jpeg",),
    max_image_bytes=8_000_000,
    aspect_ratio_min=ASPECT_MIN,
    aspect_ratio_max=ASPECT_MAX,
    recommended_sizes=((1080, 1350), (1080, 1080), (1080, 566)),
    credential_kind="oauth2_meta",
    credentials=(
        CredentialField("ig_user_id", "Instagram user ID", required=False,  # chosen at sign-in
                        by_sign_in=True),
        CredentialField("access_token", "Access token", secret=True, by_sign_in=True),
        CredentialField("graph_version", "Graph API version", required=False,
                        default=DEFAULT_VERSION),
        # graph.instagram.com for "Instagram API with Instagram Login" accounts
        CredentialField("api_url", "Graph API address", required=False, default=GRAPH_URL),
        # For connect(): the Meta app that signs the officer in (the secret exchanges tokens).
        CredentialField("app_id", "Meta app ID", required=False,
                        help="From the office's app in Meta for Developers, App settings, Basic"),
        CredentialField("app_secret", "Meta app secret", secret=True, required=False,
                        help="Needed to sign in and to renew the 60-day sign-in"),
        CredentialField("login_url", "Sign-in page", required=False,
                        default="https://www.facebook.com"),
        *mediahost.FIELDS,
    ),
    capabilities=frozenset({C.PUBLISH, C.VERIFY, C.CONNECT}),
    unsent_parts=frozenset({"title", "tags"}),
    unverified=("text counting unit", "hashtag enforcement by the API", "alt_text_limit"),
    sources=(
        "https://developers.facebook.com/docs/instagram-platform/content-publishing/",
        "https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media",
    ),
)

CAROUSEL_MIN, CAROUSEL_MAX = 2, 10
# "Instagram API with Facebook Login" (docs/platforms.md §6)
PERMISSIONS = ("instagram_basic", "instagram_content_publish", "pages_show_list",
               "pages_read_engagement")
ASPECT_TOLERANCE = 0.005  # 1080x566 is 1.908; rounding of a crop must not refuse it
CLOCK_SKEW = 300.0
WEB_URL = "https://www.instagram.com"


class InstagramAdapter:
    # Meta recommends polling gently; images are usually FINISHED within seconds.
    poll_interval = 2.0
    processing_timeout = 300.0
    video_processing_timeout = 15 * 60.0  # a Reel is transcoded: minutes, not seconds

    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    # -- before any request ------------------------------------------------------------------

    def validate(self, post: Resolved) -> list[Finding]:
        """For the rule book: Instagram refuses a caption over its hashtag or mention cap (a
        warning elsewhere), so those findings block here."""
        from composer.plugin import coded_problems  # the text engine loads when first asked

        return [Finding(code, Severity.BLOCK, post.channel, _(message, **values),
                        {k: v for k, v in values.items() if k != "channel"})
                for code, message, values in coded_problems(self.spec, post.text,
                                                            with_media=True)]

    def check(self, post: OutgoingPost) -> None:
        """Refuse, without a request, what Instagram would refuse (or should never receive)."""
        from composer.plugin import UserError, inspect

        if not post.media:
            raise Rejected(_("Instagram needs at least one image; nothing was sent"))
        if any(m.is_video for m in post.media):
            if len(post.media) != 1:
                raise Rejected(_("Instagram posts one video alone, as a Reel; nothing was sent"))
            self._check_caption(post)
            return
        if len(post.media) > CAROUSEL_MAX:
            raise Rejected(_("Instagram takes at most {n} images in a carousel; nothing was sent",
                             n=CAROUSEL_MAX))
        for n, m in enumerate(post.media, 1):
            try:
                info = inspect(m.path)
            except (UserError, OSError) as exc:
                raise MediaInvalid(_("Image {n} cannot be read: {reason}", n=n,
                                     reason=str(exc))) from None
            if m.mime != "image/jpeg" or info.format != "JPEG":
                raise MediaInvalid(_("Image {n} is not a JPEG; Instagram takes JPEG only "
                                     "(nothing was sent)", n=n))
            ratio = info.width / info.height
            # the spec's shapes, which Instagram's spec always sets
            low = self.spec.aspect_ratio_min or ASPECT_MIN
            high = self.spec.aspect_ratio_max or ASPECT_MAX
            if not (low - ASPECT_TOLERANCE <= ratio <= high + ASPECT_TOLERANCE):
                raise MediaInvalid(_("Image {n} is {w}x{h} (shape {ratio}); Instagram takes "
                                     "shapes from 4:5 to 1.91:1 (nothing was sent)", n=n,
                                     w=info.width, h=info.height, ratio=f"{ratio:.2f}"))
            size = _size(m.path)
            if self.spec.max_image_bytes and size > self.spec.max_image_bytes:
                raise MediaInvalid(_("Image {n} is larger than 8 MB (nothing was sent)", n=n))
        self._check_caption(post)

    def _check_caption(self, post: OutgoingPost) -> None:
        from composer import plugin

        counted = plugin.count(self.spec, post.text, with_media=True)
        if not counted.fits:
            raise Rejected(_("The caption is too long for Instagram: {length} of {limit}; "
                             "nothing was sent", length=counted.length, limit=counted.limit))
        if counted.problems:
            raise Rejected(counted.problems[0])

    # -- publish --------------------------------------------------------------------------------

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        # A future schedule never gets here: Instagram cannot hold posts, so the rule book
        # (schedule.unsupported) blocks it before the engine builds the post.
        self.check(post)
        if ctx.checkpoint.get("media_id"):
            return self._result(ctx, self._graph(ctx)[1], ctx.checkpoint["media_id"])
        user, graph = self._graph(ctx)
        mediahost.check_ready(ctx)
        if not ctx.checkpoint.get("container"):
            self._check_quota(graph, user)
        urls = mediahost.public_urls(ctx, _hosted(post))
        container = self._container(ctx, graph, user, post, urls)
        reel = post.media[0].is_video
        state = containers.wait_until_ready(
            ctx, graph, container, field="status_code", interval=self.poll_interval,
            timeout=self.video_processing_timeout if reel else self.processing_timeout,
            video=reel)
        if state == containers.PUBLISHED:  # an earlier attempt published it; its answer was lost
            found = self.find_existing(ctx, post)
            if found is not None:
                return found
        ctx.check_cancelled()
        ctx.progress("post", 0.9)
        ctx.save_checkpoint({"sent_since": ctx.checkpoint.get("sent_since") or time.time()})
        body = graph.call("POST", f"{user}/media_publish", data={"creation_id": container},
                          creates=True)
        media_id = str(body["id"])
        ctx.save_checkpoint({"media_id": media_id})
        return self._result(ctx, graph, media_id)

    def _check_quota(self, graph: Graph, user: str) -> None:
        """The daily publishing quota (50 in the reference, read at runtime: docs/platforms.md §6); a
        full quota waits before anything is uploaded or prepared."""
        body = graph.call("GET", f"{user}/content_publishing_limit",
                          params={"fields": "quota_usage,config"})
        for item in body.get("data") or []:
            used, total = item.get("quota_usage"), (item.get("config") or {}).get("quota_total")
            if isinstance(used, int) and isinstance(total, int) and used >= total:
                raise RateLimited(_("Instagram allows no more posts today ({used} of {total}); "
                                    "resume later", used=used, total=total),
                                  retry_after=QUOTA_WAIT)

    def _container(self, ctx: PublishContext, graph: Graph, user: str, post: OutgoingPost,
                   urls: list[str]) -> str:
        """The container to publish, made now or reused from the journal."""
        if ctx.checkpoint.get("container"):
            try:
                state, _detail = containers.status(graph, ctx.checkpoint["container"],
                                                   "status_code")
            except Exception:  # noqa: BLE001 - let the poll below report it
                state = ""
            if state != containers.EXPIRED:
                container: str = ctx.checkpoint["container"]
                return container
            ctx.save_checkpoint({"container": None, "items": []})  # 24 h passed: start over
        if len(post.media) == 1 and post.media[0].is_video:
            fields = {"media_type": "REELS", "video_url": urls[0], "caption": post.text,
                      "share_to_feed": "true"}  # a Reel shows on the profile's grid too
            reel = post.media[0]
            if reel.cover_at is not None:  # a frame of the Reel: its moment, in milliseconds
                fields["thumb_offset"] = str(round(reel.cover_at * 1000))
            elif reel.cover:  # the officer's image (or a frame the trim left out), hosted
                fields["cover_url"] = urls[1]
            container = str(graph.call("POST", f"{user}/media", data=fields, media=True)["id"])
            ctx.save_checkpoint({"container": container})
            return container
        if len(post.media) == 1:
            m = post.media[0]
            fields = {"image_url": urls[0], "caption": post.text}
            if m.alt:
                fields["alt_text"] = m.alt
            container = str(graph.call("POST", f"{user}/media", data=fields, media=True)["id"])
            ctx.save_checkpoint({"container": container})
            return container
        items: list[str] = list(ctx.checkpoint.get("items") or [])
        for i in range(len(items), len(post.media)):
            ctx.check_cancelled()
            m = post.media[i]
            fields = {"image_url": urls[i], "is_carousel_item": "true"}
            if m.alt:
                fields["alt_text"] = m.alt
            items.append(str(graph.call("POST", f"{user}/media", data=fields, media=True)["id"]))
            ctx.save_checkpoint({"items": items})
        for item in items:  # the children must be processed before the carousel is made
            containers.wait_until_ready(ctx, graph, item, field="status_code",
                                        interval=self.poll_interval,
                                        timeout=self.processing_timeout)
        container = str(graph.call("POST", f"{user}/media", data={
            "media_type": "CAROUSEL", "children": ",".join(items), "caption": post.text})["id"])
        ctx.save_checkpoint({"container": container})
        return container

    def _result(self, ctx: PublishContext, graph: Graph, media_id: str,
                url: str | None = None) -> PublishResult:
        if url is None:
            try:
                url = graph.call("GET", media_id, params={"fields": "permalink"}).get("permalink")
            except Exception:  # noqa: BLE001 - the post exists; a missing link is no failure
                url = None
        return PublishResult(remote_id=media_id, url=url, extra={
            "container": ctx.checkpoint.get("container"),
            "items": list(ctx.checkpoint.get("items") or []),
            "hosted": [h.get("url") for h in ctx.checkpoint.get(mediahost.CHECKPOINT_KEY, [])]})

    # -- after a lost answer ------------------------------------------------------------------

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        """Exact: the journalled container says PUBLISHED or not. Then the media itself is
        found among the account's newest posts by its caption."""
        user, graph = self._graph(ctx)
        if ctx.checkpoint.get("media_id"):
            return self._result(ctx, graph, ctx.checkpoint["media_id"])
        container, since = ctx.checkpoint.get("container"), ctx.checkpoint.get("sent_since")
        if not container or since is None:
            return None  # media_publish was never sent
        state, _detail = containers.status(graph, container, "status_code")
        if state != containers.PUBLISHED:
            return None
        body = graph.call("GET", f"{user}/media", params={
            "fields": "id,caption,timestamp,permalink", "limit": 25})
        for item in body.get("data") or []:
            if (same_text(item.get("caption", ""), post.text)
                    and graph_time(item.get("timestamp")) >= since - CLOCK_SKEW):
                ctx.save_checkpoint({"media_id": str(item["id"])})
                return self._result(ctx, graph, str(item["id"]), url=item.get("permalink"))
        # Published for certain, but not (yet) listed: record the container, never post again.
        return PublishResult(remote_id=container, url=None, extra={"container": container,
                                                                    "unlisted": True})

    # -- the rest ---------------------------------------------------------------------------------

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        raise Rejected(_("Instagram does not let apps delete posts; delete it in Instagram"))

    def verify(self, ctx: PublishContext) -> AccountInfo:
        user, graph = self._graph(ctx)
        body = graph.call("GET", user, params={"fields": "id,username,name,profile_picture_url"})
        return AccountInfo(display_name=body.get("name") or body.get("username", ""),
                           handle="@" + body.get("username", ""),
                           avatar_url=body.get("profile_picture_url"))

    def connect(self, account: Mapping[str, str], secrets: Mapping[str, str] | None = None, *,
                choose: ChooseFn | None = None,
                **sign_in: Any) -> tuple[dict[str, str], dict[str, str]]:
        """Facebook Login (loopback), a long-lived user token, then the Instagram professional
        account linked to one of the officer's pages: ``account["ig_user_id"]``, the only one, or
        the one ``choose`` picks.
        The token lasts about 60 days; sign in again when Siaran says so."""
        import httpx

        from composer import plugin
        from platforms.graph import GraphErrors, facebook_login

        token, expires_at = facebook_login(account, secrets or {}, PERMISSIONS, **sign_in)
        with httpx.Client(timeout=30) as client:
            response = client.get(f"{version_base(account)}/me/accounts", params={
                "fields": "id,name,instagram_business_account{id,username}", "limit": 100},
                headers={"Authorization": f"Bearer {token}"})
        GraphErrors(self.spec.name).check(response, creates=False)
        linked = [(page.get("name", ""), page["instagram_business_account"])
                  for page in response.json().get("data") or []
                  if page.get("instagram_business_account")]
        names = ", ".join(f"@{ig.get('username', '')} ({ig.get('id')}, {n})"
                          for n, ig in linked) or "-"
        picked = plugin.pick_one(
            [Choice(str(ig.get("id")), "@" + str(ig.get("username", "")), n) for n, ig in linked],
            wanted=account.get("ig_user_id"), choose=choose,
            refusal=_("Choose the Instagram account by its ID: {accounts}", accounts=names))
        secrets_out = {"access_token": token}
        if expires_at:
            secrets_out["expires_at"] = f"{expires_at:.0f}"
        return {"ig_user_id": picked.id, "app_id": account.get("app_id", "")}, secrets_out

    def renew(self, ctx: PublishContext) -> float | None:
        """Meta's long-lived token exchanged again (fb_exchange_token) for another ~60 days,
        with the Meta app's secret; the new token goes to the keyring (``ctx.update_secrets``)."""
        from platforms.graph import renew_long_lived

        return renew_long_lived(ctx, "access_token", self.spec.name)

    def _graph(self, ctx: PublishContext) -> tuple[str, Graph]:
        user = (ctx.account.get("ig_user_id") or "").strip()
        if not user:
            raise Rejected(_("The Instagram account has no user ID; sign in again"))
        return user, Graph(ctx, base=version_base(ctx.account),
                           token=ctx.secrets.get("access_token", ""), channel=self.spec.name,
                           token_in="param")


def _hosted(post: OutgoingPost) -> list[RenderedMedia]:
    """What goes to the media host: the images, or the Reel and, when its cover is no frame of
    it, the cover image (Instagram fetches it from ``cover_url``)."""
    media = list(post.media)
    if len(media) == 1 and media[0].is_video and media[0].cover_at is None and media[0].cover:
        media.append(RenderedMedia(media[0].cover, "image/jpeg", 0, 0))
    return media


def _size(path: str) -> int:
    import os

    return os.path.getsize(path)


# How the feed draws a post: header, media, actions, then "username caption"; 3 lines / 125 chars then "… more";
# URLs are plain text in captions; carousel with dots.
PREVIEW = PreviewRules(
    "instagram", avatar="ring", avatar_size=32, indent=False, header="page",
    order=("media", "actions", "text"), grid="instagram", styled=frozenset({"mention", "hashtag"}),
    fold=Fold("more", lines=3, chars=125), edge_to_edge=True, media_radius=0, caption_user=True,
    show_handle=False, handle_at=False, time="", text_px=14,
    palette=Palette(text="#000000", secondary="#737373", link="#00376B", border="#DBDBDB"),
    actions=(("♡", ""), ("🗨", ""), ("➤", ""), ("", ""), ("⚐", "")),
)

PLATFORM = Platform(SPEC, InstagramAdapter, preview=PREVIEW, translations=TRANSLATIONS)
