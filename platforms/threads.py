"""Threads (Meta Threads API). Facts: docs/platforms.md §4.

Sources: https://developers.facebook.com/documentation/threads/posts,
https://developers.facebook.com/documentation/threads/overview (500 characters, emoji as UTF-8
bytes, 5 links), https://developers.facebook.com/documentation/threads/reference/publishing,
https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies (reply_to_id)

Every part of a post is a container (TEXT, IMAGE, or a CAROUSEL of 2-20 items, images hosted by
platforms/mediahost) published with ``threads_publish``; a text too long for one post becomes a
chain of replies (``reply_to_id``). Container ids and published ids are journalled part by part:
a retry reuses the containers, and a container that says PUBLISHED is looked up, never published
again. Length and link limits are refused before any request.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from composer.plugin import (
    AccountInfo,
    AuthExpired,
    ChooseFn,
    Counting,
    CredentialField,
    MediaInvalid,
    OutgoingPost,
    Palette,
    Platform,
    PlatformSpec,
    PreviewRules,
    PublishContext,
    PublishResult,
    Rejected,
    VideoRules,
    _,
)
from composer.plugin import Capability as C
from platforms import containers, mediahost
from platforms.graph import Graph, graph_time, same_text, version_base
from platforms.translations import TRANSLATIONS

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

API_URL = "https://graph.threads.net"
THREADS_VERSION = "v1.0"  # the Threads Graph API version, not the plugin API
LOGIN_URL = "https://threads.net"
SCOPES = ("threads_basic", "threads_content_publish")

# Video (container media_type=VIDEO): MOV/MP4, H.264 or HEVC + AAC, at most 1 GB and 5 min,
# 23-60 fps, at most 1920 px wide, aspect 0.01:1-10:1.
# https://developers.facebook.com/docs/threads/overview#video-specifications
# The video is hosted like an image and becomes a VIDEO container (video_url), polled until
# FINISHED, then published.
VIDEO = VideoRules(
    containers=("mp4", "mov"), video_codecs=("h264", "hevc"), audio_codecs=("aac",),
    max_bytes=1024 ** 3, max_duration=5 * 60, max_long_side=1920,
    aspect_min=0.01, aspect_max=10.0, max_fps=60, min_fps=23,
)

SPEC = PlatformSpec(
    id="threads",
    video=VIDEO,
    name="Threads",
    text_limit=500,
    counting=Counting.THREADS,
    max_links=5,
    hashtag_limit=1,  # one topic tag per post
    max_images=20,
    image_formats=("image/jpeg", "image/png"),
    max_image_bytes=8_000_000,
    aspect_ratio_min=0.1,
    aspect_ratio_max=10.0,
    recommended_sizes=((1080, 1350), (1080, 1080), (1200, 675)),
    credential_kind="oauth2_meta",
    credentials=(
        CredentialField("user_id", "Threads user ID", required=False,  # sign-in finds it
                        by_sign_in=True),
        CredentialField("access_token", "Access token", secret=True, by_sign_in=True),
        CredentialField("api_url", "Threads API address", required=False, default=API_URL),
        CredentialField("graph_version", "Threads API version", required=False,
                        default=THREADS_VERSION),
        # For connect(): the Threads app (not the Meta app) id and secret (docs/platforms.md §4).
        CredentialField("app_id", "Threads app ID", required=False,
                        help="The Threads app ID (not the Meta app ID) in Meta for Developers"),
        CredentialField("app_secret", "Threads app secret", secret=True, required=False),
        CredentialField("login_url", "Sign-in page", required=False, default=LOGIN_URL),
        *mediahost.FIELDS,
    ),
    capabilities=frozenset({C.PUBLISH, C.THREADS, C.VERIFY, C.CONNECT}),
    unsent_parts=frozenset({"title", "tags"}),
    unverified=("counting of non-emoji text", "alt_text_limit", "hashtag rules"),
    sources=(
        "https://developers.facebook.com/documentation/threads/posts",
        "https://developers.facebook.com/documentation/threads/overview",
    ),
)

CAROUSEL_MAX = 20
CLOCK_SKEW = 300.0


class ThreadsAdapter:
    # Threads docs suggest waiting before publishing and polling gently.
    poll_interval = 2.0
    processing_timeout = 300.0
    video_processing_timeout = 15 * 60.0  # a video is transcoded: minutes, not seconds

    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    # -- before any request ------------------------------------------------------------------

    def check(self, post: OutgoingPost) -> None:
        from composer import plugin

        # A future schedule never gets here: Threads cannot hold posts, so the rule book
        # (schedule.unsupported) blocks it before the engine builds the post.
        if len(post.media) > CAROUSEL_MAX:
            raise Rejected(_("Threads takes at most {n} images in a carousel; nothing was sent",
                             n=CAROUSEL_MAX))
        if any(m.is_video for m in post.media) and len(post.media) != 1:
            raise Rejected(_("Threads posts one video alone; nothing was sent"))
        for n, m in enumerate(post.media, 1):
            if m.mime not in self.spec.image_formats and not m.is_video:
                raise MediaInvalid(_("Image {n} is not a JPEG or PNG (nothing was sent)", n=n))
        for i, part in enumerate(_parts(post)):
            counted = plugin.count(self.spec, part)
            if not counted.fits:
                raise Rejected(_("The text is too long for Threads: {length} of {limit}; "
                                 "nothing was sent", length=counted.length,
                                 limit=counted.limit))
            links = {e.text for e in plugin.entities(part) if e.kind == "url"}
            link = _link_attachment(post)
            if i == 0 and link:
                links.add(link)
            if len(links) > (self.spec.max_links or 5):
                raise Rejected(_("Threads takes at most {limit} links in a post; this one has "
                                 "{count} (nothing was sent)", limit=self.spec.max_links,
                                 count=len(links)))

    # -- publish --------------------------------------------------------------------------------

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        self.check(post)
        user, graph = self._graph(ctx)
        if post.media:
            mediahost.check_ready(ctx)
        parts = _parts(post)
        ids: list[str] = list(ctx.checkpoint.get("ids") or [])
        if len(ids) >= len(parts):
            return self._result(ctx, graph, ids)
        urls = mediahost.public_urls(ctx, post.media) if post.media and not ids else []
        for i in range(len(ids), len(parts)):
            ctx.check_cancelled()
            ctx.progress("post", i / len(parts))
            container = self._container(ctx, graph, user, post, i, parts[i], urls, ids)
            video = i == 0 and bool(post.media) and post.media[0].is_video
            state = containers.wait_until_ready(
                ctx, graph, container, field="status", interval=self.poll_interval,
                timeout=self.video_processing_timeout if video else self.processing_timeout,
                video=video)
            if state == containers.PUBLISHED:  # published before; the answer was lost
                found = self.find_existing(ctx, post)
                if found is not None:
                    return found
                ids = list(ctx.checkpoint.get("ids") or [])
                if len(ids) > i:
                    continue
            if "sent_since" not in ctx.checkpoint:
                ctx.save_checkpoint({"sent_since": time.time()})
            body = graph.call("POST", f"{user}/threads_publish",
                              data={"creation_id": container}, creates=True)
            ids.append(str(body["id"]))
            ctx.save_checkpoint({"ids": ids})
        return self._result(ctx, graph, ids)

    def _container(self, ctx: PublishContext, graph: Graph, user: str, post: OutgoingPost,
                   i: int, text: str, urls: list[str], ids: list[str]) -> str:
        made: list[str | None] = list(ctx.checkpoint.get("containers") or [])
        journalled = made[i] if i < len(made) else None
        if journalled:
            state, _detail = containers.status(graph, journalled, "status")
            if state != containers.EXPIRED:
                return journalled
            if i == 0:
                ctx.save_checkpoint({"items": []})
        fields: dict[str, Any] = {"text": text}
        if i > 0:
            fields["reply_to_id"] = ids[i - 1]
        if i > 0 or not post.media:
            fields["media_type"] = "TEXT"
            if i == 0 and _link_attachment(post):
                fields["link_attachment"] = post.link
        elif len(post.media) == 1 and post.media[0].is_video:
            fields.update(media_type="VIDEO", video_url=urls[0])
            if post.media[0].alt:
                fields["alt_text"] = post.media[0].alt
        elif len(post.media) == 1:
            fields.update(media_type="IMAGE", image_url=urls[0])
            if post.media[0].alt:
                fields["alt_text"] = post.media[0].alt
        else:
            fields.update(media_type="CAROUSEL",
                          children=",".join(self._items(ctx, graph, user, post, urls)))
        container = str(graph.call("POST", f"{user}/threads", data=fields, media=True)["id"])
        made += [None] * (i + 1 - len(made))
        made[i + 1:] = []  # later parts reply to this one: their old containers are void
        made[i] = container
        ctx.save_checkpoint({"containers": made})
        return container

    def _items(self, ctx: PublishContext, graph: Graph, user: str, post: OutgoingPost,
               urls: list[str]) -> list[str]:
        items: list[str] = list(ctx.checkpoint.get("items") or [])
        for n in range(len(items), len(post.media)):
            ctx.check_cancelled()
            m = post.media[n]
            fields = {"media_type": "IMAGE", "image_url": urls[n], "is_carousel_item": "true"}
            if m.alt:
                fields["alt_text"] = m.alt
            items.append(str(graph.call("POST", f"{user}/threads", data=fields,
                                        media=True)["id"]))
            ctx.save_checkpoint({"items": items})
        for item in items:
            containers.wait_until_ready(ctx, graph, item, field="status",
                                        interval=self.poll_interval,
                                        timeout=self.processing_timeout)
        return items

    def _result(self, ctx: PublishContext, graph: Graph, ids: list[str],
                url: str | None = None) -> PublishResult:
        if url is None:
            try:
                url = graph.call("GET", ids[0], params={"fields": "permalink"}).get("permalink")
            except Exception:  # noqa: BLE001 - the post exists; a missing link is no failure
                url = None
        return PublishResult(remote_id=ids[0], url=url, extra={
            "ids": ids, "containers": list(ctx.checkpoint.get("containers") or [])})

    # -- after a lost answer ------------------------------------------------------------------

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        """Part by part: a journalled container that says PUBLISHED was posted; its post is
        found among the account's newest threads (replies: among its replies) by text."""
        user, graph = self._graph(ctx)
        parts = _parts(post)
        ids: list[str] = list(ctx.checkpoint.get("ids") or [])
        made = list(ctx.checkpoint.get("containers") or [])
        since = ctx.checkpoint.get("sent_since")
        while len(ids) < len(parts) and since is not None and len(ids) < len(made) \
                and made[len(ids)]:
            i = len(ids)
            state, _detail = containers.status(graph, made[i], "status")
            if state != containers.PUBLISHED:
                break
            found = self._look_up(graph, user, parts[i], since, ids[i - 1] if i else None)
            ids.append(found or made[i])  # published for certain: never post it again
            ctx.save_checkpoint({"ids": ids})
        if len(ids) < len(parts):
            return None
        return self._result(ctx, graph, ids)

    def _look_up(self, graph: Graph, user: str, text: str, since: float,
                 parent: str | None) -> str | None:
        edge = "replies" if parent else "threads"
        body = graph.call("GET", f"{user}/{edge}", params={
            "fields": "id,text,timestamp,permalink,replied_to", "limit": 25})
        for item in body.get("data") or []:
            replied = (item.get("replied_to") or {}).get("id")
            if (same_text(item.get("text", ""), text)
                    and graph_time(item.get("timestamp")) >= since - CLOCK_SKEW
                    and (parent is None or replied == parent)):
                return str(item["id"])
        return None

    # -- the rest ---------------------------------------------------------------------------------

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        raise Rejected(_("Siaran does not delete Threads posts; delete it in Threads"))

    def verify(self, ctx: PublishContext) -> AccountInfo:
        _user, graph = self._graph(ctx)
        body = graph.call("GET", "me", params={
            "fields": "id,username,name,threads_profile_picture_url"})
        return AccountInfo(display_name=body.get("name") or body.get("username", ""),
                           handle="@" + body.get("username", ""),
                           avatar_url=body.get("threads_profile_picture_url"))

    def connect(self, account: Mapping[str, str], secrets: Mapping[str, str] | None = None, *,
                choose: ChooseFn | None = None,
                **sign_in: Any) -> tuple[dict[str, str], dict[str, str]]:
        """Threads sign-in (loopback; whether Meta accepts a loopback redirect for Threads is
        UNVERIFIED, docs/platforms.md §4), then the 60-day token (th_exchange_token) and whose it is."""
        import httpx

        from platforms.graph import GraphErrors, login_and_exchange

        api = (account.get("api_url") or API_URL).rstrip("/")
        login = (account.get("login_url") or LOGIN_URL).rstrip("/")
        # authorize_url / token_url: the code grant elsewhere (tests: a real OAuth server).
        token, expires_at = login_and_exchange(
            account, secrets or {}, SCOPES,
            authorize_url=account.get("authorize_url") or f"{login}/oauth/authorize",
            token_url=account.get("token_url") or f"{api}/oauth/access_token",
            exchange_url=f"{api}/access_token",
            exchange=lambda app_id, app_secret, short: {
                "grant_type": "th_exchange_token", "client_secret": app_secret,
                "access_token": short},
            **sign_in)
        with httpx.Client(timeout=30) as client:
            response = client.get(f"{version_base(account, API_URL, THREADS_VERSION)}/me",
                                  params={"fields": "id,username", "access_token": token})
        GraphErrors(self.spec.name).check(response, creates=False)
        secrets_out = {"access_token": token}
        if expires_at:
            secrets_out["expires_at"] = f"{expires_at:.0f}"
        return ({"user_id": str(response.json()["id"]), "app_id": account.get("app_id", "")},
                secrets_out)

    def renew(self, ctx: PublishContext) -> float | None:
        """The 60-day token refreshed (th_refresh_token, allowed once it is a day old) for another
        60 days; the new token goes to the keyring (``ctx.update_secrets``)."""
        import time

        from platforms.graph import GraphErrors

        token = ctx.secrets.get("access_token") or ""
        if not token:
            raise AuthExpired(_("The Threads sign-in is missing; sign in again"))
        api = (ctx.account.get("api_url") or API_URL).rstrip("/")
        response = ctx.client.get(f"{api}/refresh_access_token", params={
            "grant_type": "th_refresh_token", "access_token": token})
        GraphErrors(self.spec.name).check(response, creates=False)
        body = response.json()
        fresh = {"access_token": str(body["access_token"])}
        if body.get("expires_in"):
            fresh["expires_at"] = f"{time.time() + float(body['expires_in']):.0f}"
        ctx.update_secrets(fresh)
        return float(fresh["expires_at"]) if "expires_at" in fresh else None

    def _graph(self, ctx: PublishContext) -> tuple[str, Graph]:
        user = (ctx.account.get("user_id") or "me").strip()
        base = version_base(ctx.account, default_url=API_URL, default_version=THREADS_VERSION)
        return user, Graph(ctx, base=base, token=ctx.secrets.get("access_token", ""),
                           channel=self.spec.name, token_in="param")


def _parts(post: OutgoingPost) -> list[str]:
    return list(post.parts) or [post.text]


def _link_attachment(post: OutgoingPost) -> str | None:
    """The link Threads shows as a card: only a text-only post's, and only when its text does
    not carry the link already; else None."""
    if post.link and not post.media and post.link not in post.text:
        return post.link
    return None


# How the feed draws a post (mostly UNVERIFIED): circle, username bold + time, media strip that scrolls sideways.
PREVIEW = PreviewRules(
    "threads", avatar_size=36, grid="threads", handle_at=False, show_handle=False,
    palette=Palette(text="#000000", secondary="#999999", link="#0095F6", border="#E5E5E5"),
    actions=(("♡", "48"), ("↩", "4"), ("⟲", "12"), ("➤", "")), media_radius=8,
)

PLATFORM = Platform(SPEC, ThreadsAdapter, preview=PREVIEW, translations=TRANSLATIONS)
