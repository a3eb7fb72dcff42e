"""Mastodon. Facts: docs/platforms.md §2. Limits are per instance
(/api/v2/instance configuration); these are the defaults of a stock server.

Sources: https://docs.joinmastodon.org/methods/statuses/, https://docs.joinmastodon.org/entities/Instance/,
https://docs.joinmastodon.org/methods/media/, https://docs.joinmastodon.org/methods/apps/,
https://docs.joinmastodon.org/methods/oauth/, https://docs.joinmastodon.org/api/rate-limits/
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.plugin import (
    AccountInfo,
    AdapterError,
    AuthExpired,
    ChooseFn,
    Counting,
    CredentialField,
    Fold,
    HttpErrors,
    OutgoingPost,
    Palette,
    Platform,
    PlatformSpec,
    PreviewRules,
    PublishContext,
    PublishResult,
    Rejected,
    Transient,
    VideoRules,
    _,
    one_line,
    retry_after,
)
from composer.plugin import Capability as C
from platforms.translations import TRANSLATIONS

if TYPE_CHECKING:  # typing only; httpx loads when a request is made
    import httpx

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

# Video (media v2, processed asynchronously): the instance's own limits come from
# /api/v2/instance configuration.media_attachments (video_size_limit 99 MiB by default,
# video_matrix_limit 3840x2160 = 8,294,400 pixels, video_frame_rate_limit 120); the instance
# transcodes what it takes, so MP4 and WebM both go. No captions file.
# https://docs.joinmastodon.org/methods/instance/#v2 https://docs.joinmastodon.org/methods/media/#v2
VIDEO = VideoRules(
    containers=("mp4", "mov", "webm"), video_codecs=("h264", "hevc", "vp8", "vp9", "av1"),
    audio_codecs=("aac", "mp3", "opus", "vorbis"),
    max_bytes=103_809_024, max_long_side=3840, max_short_side=2160, max_fps=120,
)

SPEC = PlatformSpec(
    video=VIDEO,
    id="mastodon",
    name="Mastodon",
    text_limit=500,
    counting=Counting.MASTODON,
    url_length=23,  # characters_reserved_per_url
    max_images=4,
    image_formats=(
        "image/jpeg", "image/png", "image/gif", "image/heic", "image/heif", "image/webp", "image/avif",
    ),
    max_image_bytes=16 * 1024 * 1024,
    max_image_pixels=33_177_600,  # 7680 x 4320
    recommended_sizes=((1200, 675), (1080, 1080), (1080, 1350)),
    # The web UI's gallery for 2-4 items is a 3:2 frame: two 3:4 halves; a tall half and two
    # 3:2 quarters; 2x2 of 3:2 (media_gallery.jsx, since PR 26132):
    # https://github.com/mastodon/mastodon/blob/main/app/javascript/mastodon/components/media_gallery.jsx
    # https://github.com/mastodon/mastodon/pull/26132
    grid_cells=((0.75, 0.75), (0.75, 1.5, 1.5), (1.5,) * 4),
    alt_text_limit=1500,
    credential_kind="oauth2_pkce",
    credentials=(
        CredentialField("instance", "Instance URL",
                        help="The server the account lives on, e.g. https://mastodon.social"),
        CredentialField("client_id", "Client ID", required=False, by_sign_in=True),
        CredentialField("access_token", "Access token", secret=True, by_sign_in=True),
        # Set by connect(): Mastodon registers a confidential client per sign-in.
        CredentialField("client_secret", "Client secret", secret=True, required=False,
                        by_sign_in=True),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.EDIT, C.SCHEDULE, C.THREADS, C.VERIFY, C.CONNECT}),
    schedule_min_ahead=300,  # MIN_SCHEDULE_AHEAD (ScheduledStatus::MINIMUM_OFFSET)
    edit_scope=frozenset({"text", "link", "media", "alt"}),
    unsent_parts=frozenset({"title", "tags"}),
    post_url_template="https://{instance}/@{username}/{id}",
    sources=(
        "https://docs.joinmastodon.org/methods/statuses/",
        "https://docs.joinmastodon.org/methods/media/",
        "https://docs.joinmastodon.org/entities/Instance/",
    ),
)

# write:* to post, read:accounts for verify_credentials, read:statuses for the look-up after a
# lost answer (https://docs.joinmastodon.org/api/oauth-scopes/).
SCOPES = ("read:accounts", "read:statuses", "write:statuses", "write:media")
# Mastodon refuses scheduled_at closer than 5 minutes (ScheduledStatus validation); nearer posts
# go out now.
MIN_SCHEDULE_AHEAD = timedelta(minutes=5)


@dataclass(frozen=True)
class InstanceLimits:
    """What one instance allows (GET /api/v2/instance → configuration)."""

    max_characters: int = 500
    characters_reserved_per_url: int = 23
    max_media_attachments: int = 4
    image_size_limit: int = 16 * 1024 * 1024
    image_matrix_limit: int = 33_177_600
    description_limit: int = 1500
    supported_mime_types: tuple[str, ...] = SPEC.image_formats

    @classmethod
    def from_instance(cls, body: Mapping[str, Any]) -> InstanceLimits:
        conf = body.get("configuration") or {}
        statuses, media = conf.get("statuses") or {}, conf.get("media_attachments") or {}
        d = cls()
        return cls(
            max_characters=int(statuses.get("max_characters", d.max_characters)),
            characters_reserved_per_url=int(
                statuses.get("characters_reserved_per_url", d.characters_reserved_per_url)),
            max_media_attachments=int(
                statuses.get("max_media_attachments", d.max_media_attachments)),
            image_size_limit=int(media.get("image_size_limit", d.image_size_limit)),
            image_matrix_limit=int(media.get("image_matrix_limit", d.image_matrix_limit)),
            description_limit=int(media.get("description_limit", d.description_limit)),
            supported_mime_types=tuple(
                t for t in media.get("supported_mime_types", d.supported_mime_types)
                if t.startswith("image/")) or d.supported_mime_types,
        )

    def spec(self) -> PlatformSpec:
        """SPEC with this instance's limits, for counters, previews and checks."""
        return replace(SPEC, text_limit=self.max_characters,
                       url_length=self.characters_reserved_per_url,
                       max_images=self.max_media_attachments,
                       max_image_bytes=self.image_size_limit,
                       max_image_pixels=self.image_matrix_limit,
                       alt_text_limit=self.description_limit,
                       image_formats=self.supported_mime_types)


_limits_cache: dict[str, tuple[float, InstanceLimits]] = {}
_limits_lock = threading.Lock()
LIMITS_TTL = 3600.0


def instance_url(account: Mapping[str, str]) -> str:
    url = (account.get("instance") or "").strip().rstrip("/")
    if not url:
        raise Rejected(_("The account has no Mastodon instance address"))
    return url if "://" in url else "https://" + url


def instance_limits(ctx: PublishContext, *, fresh: bool = False) -> InstanceLimits:
    """The account's instance limits (cached for an hour); the defaults if the instance does
    not say. The engine and GUI use ``instance_limits(ctx).max_characters`` as the text limit."""
    base = instance_url(ctx.account)
    with _limits_lock:
        hit = _limits_cache.get(base)
    if hit and not fresh and time.monotonic() - hit[0] < LIMITS_TTL:
        return hit[1]
    body = _json(_call(ctx, "GET", base + "/api/v2/instance", creates=False, auth=False))
    limits = InstanceLimits.from_instance(body if isinstance(body, dict) else {})
    with _limits_lock:
        _limits_cache[base] = (time.monotonic(), limits)
    return limits


class MastodonAdapter:
    # Media processing (202 → poll until url is set): wait this long between polls, at most this
    # long overall. Mastodon.py polls the same way (mastodon/media.py).
    poll_interval = 1.0
    processing_timeout = 120.0
    video_processing_timeout = 900.0

    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    # -- publish --------------------------------------------------------------------------------

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        base = instance_url(ctx.account)
        parts = list(post.parts) or [post.text]
        # Decided once, at the first send: a retry minutes later must not turn a scheduled
        # post into an immediate second one because the time came closer.
        scheduled_at = ctx.checkpoint.get("scheduled_at", _schedule(post.schedule_utc))
        if scheduled_at and len(parts) > 1:
            raise Rejected(_("Mastodon cannot schedule a thread; shorten the text or publish now"))
        media_ids = self._upload_media(ctx, base, post)
        ids: list[str] = list(ctx.checkpoint.get("status_ids", []))
        urls: list[str | None] = list(ctx.checkpoint.get("status_urls", []))
        if len(ids) < len(parts) and "sent_since" not in ctx.checkpoint:
            # Journalled before the first status goes out: a later look-up only trusts
            # statuses from then on, never an older post with the same words.
            ctx.save_checkpoint({"sent_since": time.time(), "scheduled_at": scheduled_at})
        for i in range(len(ids), len(parts)):
            ctx.check_cancelled()
            ctx.progress("post", i / len(parts))
            body: dict[str, Any] = {"status": parts[i], "visibility": "public"}
            if i == 0 and media_ids:
                body["media_ids"] = media_ids
            if i > 0:
                body["in_reply_to_id"] = ids[i - 1]
            if scheduled_at:
                body["scheduled_at"] = scheduled_at
            # The same key for the same (post, account, part): a repeat after a lost answer
            # returns the original status for an hour (PostStatusService#with_idempotency).
            key = post.idempotency_key + ("" if i == 0 else f"-{i}")
            status = _json(_call(ctx, "POST", base + "/api/v1/statuses", json=body,
                                 headers={"Idempotency-Key": key} if post.idempotency_key else {}))
            ids.append(str(status["id"]))
            urls.append(status.get("url"))
            ctx.save_checkpoint({"status_ids": ids, "status_urls": urls,
                                 "scheduled": bool(scheduled_at)})
        return _result(ids, urls, media_ids, scheduled=bool(scheduled_at))

    def _upload_media(self, ctx: PublishContext, base: str, post: OutgoingPost) -> list[str]:
        done: list[str] = list(ctx.checkpoint.get("media_ids", []))
        for i in range(len(done), len(post.media)):
            ctx.check_cancelled()
            ctx.progress("upload", i / len(post.media))
            m = post.media[i]
            with open(m.path, "rb") as fh:
                data = {"description": m.alt} if m.alt else {}
                attachment = _json(_call(
                    ctx, "POST", base + "/api/v2/media", creates=False, media=True, data=data,
                    files={"file": (Path(m.path).name, fh, m.mime)}))
            if not attachment.get("url"):
                attachment = self._wait_processed(ctx, base, str(attachment["id"]),
                                                  video=m.is_video)
            done.append(str(attachment["id"]))
            ctx.save_checkpoint({"media_ids": done})
        return done

    def _wait_processed(self, ctx: PublishContext, base: str, media_id: str, *,
                        video: bool = False) -> dict[str, Any]:
        """202 Accepted: poll GET /api/v1/media/:id (206 while processing, 200 with url). A
        video is transcoded by the instance, so it may take minutes."""
        deadline = time.monotonic() + (self.video_processing_timeout if video
                                       else self.processing_timeout)
        while True:
            if ctx.cancel_event.wait(self.poll_interval):
                ctx.check_cancelled()
            response = _call(ctx, "GET", f"{base}/api/v1/media/{media_id}", creates=False,
                             media=True)
            body: dict[str, Any] = _json(response)  # a media attachment
            if response.status_code == 200 and body.get("url"):
                return body
            if time.monotonic() > deadline:
                if video:
                    raise Transient(_("The instance is still processing the video"))
                raise Transient(_("The instance is still processing an image"))

    # -- after a lost answer ------------------------------------------------------------------

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        """Rebuild what landed from the account's recent statuses (own text, in order).

        Each found part is checkpointed, so a following publish only sends what is missing; a
        repeat inside the hour is also safe thanks to the Idempotency-Key.
        """
        base = instance_url(ctx.account)
        parts = list(post.parts) or [post.text]
        ids = list(ctx.checkpoint.get("status_ids", []))
        urls = list(ctx.checkpoint.get("status_urls", []))
        media_ids = list(ctx.checkpoint.get("media_ids", []))
        since = ctx.checkpoint.get("sent_since")
        if len(ids) < len(parts):
            if since is None:
                return None  # no status was ever sent
            if ctx.checkpoint.get("scheduled_at"):
                found = self._find_scheduled(ctx, base, parts[0], post.schedule_utc)
                if found is None:
                    return None
                ids, urls = [found], [None]
                ctx.save_checkpoint({"status_ids": ids, "status_urls": urls, "scheduled": True})
                return _result(ids, urls, media_ids, scheduled=True)
            me = _json(_call(ctx, "GET", base + "/api/v1/accounts/verify_credentials",
                             creates=False))
            recent = _json(_call(ctx, "GET", f"{base}/api/v1/accounts/{me['id']}/statuses",
                                 creates=False, params={"limit": 40}))
            for status in reversed(recent if isinstance(recent, list) else []):  # oldest first
                i = len(ids)
                if i >= len(parts):
                    break
                reply_ok = (status.get("in_reply_to_id") is None if i == 0
                            else str(status.get("in_reply_to_id")) == ids[i - 1])
                if (reply_ok and _created(status) >= since - CLOCK_SKEW
                        and _same_text(status.get("content", ""), parts[i])):
                    ids.append(str(status["id"]))
                    urls.append(status.get("url"))
            if len(ids) > len(ctx.checkpoint.get("status_ids", [])):
                ctx.save_checkpoint({"status_ids": ids, "status_urls": urls})
        if len(ids) < len(parts):
            return None
        return _result(ids, urls, media_ids, scheduled=bool(ctx.checkpoint.get("scheduled")))

    def _find_scheduled(self, ctx: PublishContext, base: str, text: str,
                        schedule_utc: str | None) -> str | None:
        """Ours: the same words at the same time (another post may share either)."""
        when = _created({"created_at": schedule_utc})
        items = _json(_call(ctx, "GET", base + "/api/v1/scheduled_statuses", creates=False))
        for item in items if isinstance(items, list) else []:
            same_time = abs(_created({"created_at": item.get("scheduled_at")}) - when) < 1
            if same_time and _norm((item.get("params") or {}).get("text") or "") == _norm(text):
                return str(item["id"])
        return None

    # -- edit in place (PUT /api/v1/statuses/:id, Mastodon 3.5+) --------------------------------

    def update(self, ctx: PublishContext, result: PublishResult,
               post: OutgoingPost) -> PublishResult:
        """Edits each status of the post in place: its text, and on the first one its images and
        their descriptions (media_attributes). Mastodon keeps the edit history and shows
        "edited". Sending the same edit again is harmless."""
        base = instance_url(ctx.account)
        if result.extra.get("scheduled"):
            raise Rejected(_("Mastodon cannot edit a scheduled post; replace it instead"))
        ids = [str(i) for i in result.extra.get("ids") or [result.remote_id]]
        parts = list(post.parts) or [post.text]
        if len(parts) != len(ids):
            raise Rejected(_("The new text needs {new} Mastodon posts instead of {old}; replace "
                             "it instead", new=len(parts), old=len(ids)))
        media_ids = self._edit_media(ctx, base, post)
        urls: list[str | None] = list(result.extra.get("urls") or [])
        for i, (status_id, text) in enumerate(zip(ids, parts, strict=True)):
            ctx.check_cancelled()
            body: dict[str, Any] = {"status": text}
            if i == 0:
                body["media_ids"] = media_ids
                body["media_attributes"] = [{"id": mid, "description": m.alt}
                                            for mid, m in zip(media_ids, post.media, strict=True)]
            status = _json(_call(ctx, "PUT", f"{base}/api/v1/statuses/{status_id}", json=body))
            if i == 0:
                urls = [status.get("url") or result.url]
        return _result(ids, urls or [result.url], media_ids, scheduled=False)

    def _edit_media(self, ctx: PublishContext, base: str, post: OutgoingPost) -> list[str]:
        """The attachments of the edited post: the ones it has when the images are the same
        bytes (descriptions change through media_attributes), else new uploads, journalled so
        a repeated update uploads nothing twice."""
        digests = [m.sha256 or m.path for m in post.media]
        known = ctx.checkpoint.get("edit_media") or {}
        if known.get("digests") == digests:
            return list(known["ids"])
        if ctx.checkpoint.get("media_digests") == digests:
            return list(ctx.checkpoint.get("media_ids") or [])
        ids: list[str] = []
        for m in post.media:
            ctx.check_cancelled()
            with open(m.path, "rb") as fh:
                attachment = _json(_call(
                    ctx, "POST", base + "/api/v2/media", creates=False, media=True,
                    data={"description": m.alt} if m.alt else {},
                    files={"file": (Path(m.path).name, fh, m.mime)}))
            if not attachment.get("url"):
                attachment = self._wait_processed(ctx, base, str(attachment["id"]),
                                                  video=m.is_video)
            ids.append(str(attachment["id"]))
        ctx.save_checkpoint({"edit_media": {"digests": digests, "ids": ids},
                             "media_digests": digests, "media_ids": ids})
        return ids

    # -- the rest ---------------------------------------------------------------------------------

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        base = instance_url(ctx.account)
        ids = list(result.extra.get("ids") or [result.remote_id])
        path = "scheduled_statuses" if result.extra.get("scheduled") else "statuses"
        for status_id in reversed(ids):  # replies first, so the thread never dangles
            # 404: already gone, which is what the officer wants.
            _call(ctx, "DELETE", f"{base}/api/v1/{path}/{status_id}", creates=False, ok=(404,))

    # -- native scheduling ------------------------------------------------------------------------

    def reschedule(self, ctx: PublishContext, result: PublishResult,
                   schedule_utc: str | None) -> PublishResult:
        """Move a scheduled status (PUT /api/v1/scheduled_statuses/:id), or take it off the
        schedule: Mastodon has no draft, so the scheduled status is deleted and what it would
        post is kept in the result (``unscheduled``); a later reschedule posts it again as a
        new scheduled status (a new id). Media stay on the instance unattached; Mastodon
        removes unattached media after about a day, so a post held longer loses its images and
        the instance refuses it (the officer then publishes it again)."""
        base = instance_url(ctx.account)
        extra = dict(result.extra)
        if not extra.get("scheduled"):
            raise Rejected(_("Mastodon has already published this post"))
        if len(extra.get("ids") or [result.remote_id]) > 1:
            raise Rejected(_("Mastodon cannot schedule a thread; shorten the text or publish now"))
        held = extra.get("unscheduled")
        if schedule_utc is None:
            if held is not None:
                return result  # already off the schedule
            return self._unschedule(ctx, base, result, extra)
        scheduled_at = _reschedule_time(schedule_utc)
        if held is not None:  # post it again, scheduled; the key makes a repeat return it
            body = {**held, "scheduled_at": scheduled_at}
            key = f"{result.remote_id}-rescheduled"
            item = _json(_call(ctx, "POST", base + "/api/v1/statuses", json=body,
                               headers={"Idempotency-Key": key}))
        else:
            response = _call(ctx, "PUT", f"{base}/api/v1/scheduled_statuses/{result.remote_id}",
                             creates=False, ok=(404,), json={"scheduled_at": scheduled_at})
            if response.status_code == 404:
                raise Rejected(_("Mastodon no longer holds this post: it went out or was "
                                 "deleted on the instance"))
            item = _json(response)
        if "scheduled_at" not in item or item.get("created_at"):
            raise Rejected(_("Mastodon published the post at once instead of holding it"))
        media = [str(m["id"]) for m in item.get("media_attachments") or []]
        return _result([str(item["id"])], [None], media or list(extra.get("media_ids") or []),
                       scheduled=True)

    def _unschedule(self, ctx: PublishContext, base: str, result: PublishResult,
                    extra: dict[str, Any]) -> PublishResult:
        """Read what the scheduled status would post (checkpointed), then delete it. A repeat
        after a lost answer finds it gone (404) and keeps what was read."""
        saved = ctx.checkpoint.get("reschedule_params") or {}
        held = saved.get(result.remote_id)
        if held is None:
            response = _call(ctx, "GET", f"{base}/api/v1/scheduled_statuses/{result.remote_id}",
                             creates=False, ok=(404,))
            if response.status_code == 404:
                raise Rejected(_("Mastodon no longer holds this post: it went out or was "
                                 "deleted on the instance"))
            held = _repost_params(_json(response))
            ctx.save_checkpoint({"reschedule_params": {result.remote_id: held}})
        _call(ctx, "DELETE", f"{base}/api/v1/scheduled_statuses/{result.remote_id}",
              creates=False, ok=(404,))
        return PublishResult(remote_id=result.remote_id, url=None,
                             extra={**extra, "unscheduled": held})

    def verify(self, ctx: PublishContext) -> AccountInfo:
        base = instance_url(ctx.account)
        me = _json(_call(ctx, "GET", base + "/api/v1/accounts/verify_credentials",
                         creates=False))
        host = base.split("://", 1)[1]
        return AccountInfo(display_name=me.get("display_name") or me.get("username", ""),
                           handle=f"@{me.get('acct') or me.get('username')}@{host}",
                           avatar_url=me.get("avatar"))

    def connect(self, account: Mapping[str, str], secrets: Mapping[str, str] | None = None, *,
                choose: ChooseFn | None = None,
                **sign_in: Any) -> tuple[dict[str, str], dict[str, str]]:
        """Sign in: register an app for this loopback port, then OAuth2 code + PKCE.

        Returns (settings, secrets) for the account; ``sign_in`` goes to
        composer.plugin.authorize (open_browser, show_url, timeout, cancel ...).
        """
        import httpx

        from composer import plugin

        base = instance_url(account)
        with plugin.LoopbackRedirect(int(account.get("redirect_port") or 0)) as redirect:
            try:
                app = httpx.post(base + "/api/v1/apps", timeout=30, data={
                    "client_name": "Siaran", "redirect_uris": redirect.redirect_uri,
                    "scopes": " ".join(SCOPES), "website": "https://github.com/siaran"})
            except httpx.HTTPError:
                raise plugin.SignInError(_(
                    "Could not reach {host} to finish signing in: {reason}",
                    host=base.split("://", 1)[1], reason="no connection")) from None
            if app.status_code != 200:
                raise plugin.SignInError(_("The platform refused the sign-in: {reason}",
                                                reason=_error_text(app)))
            app_body = app.json()
            client = plugin.OAuthClient(
                authorize_url=base + "/oauth/authorize", token_url=base + "/oauth/token",
                client_id=app_body["client_id"], client_secret=app_body["client_secret"],
                scopes=SCOPES, token_auth="client_secret_post")
            tokens = plugin.authorize(client, redirect, **sign_in)
        settings = {"instance": base, "client_id": app_body["client_id"]}
        try:  # the instance's own text limit, which the engine reads as "text_limit"
            instance = httpx.get(base + "/api/v2/instance", timeout=30).json()
            settings["text_limit"] = str(InstanceLimits.from_instance(instance).max_characters)
        except (httpx.HTTPError, ValueError, TypeError, AttributeError):
            pass  # the default 500 applies
        return settings, {"access_token": tokens.access_token,
                          "client_secret": app_body["client_secret"]}


# ---------------------------------------------------------------------------------------------
# HTTP and error mapping (docs/platforms.md §2 "Errors", "Rate limits").


def _call(ctx: PublishContext, method: str, url: str, *, creates: bool = True, auth: bool = True,
          media: bool = False, ok: tuple[int, ...] = (), headers: Mapping[str, str] | None = None,
          **kw: Any) -> httpx.Response:
    hdrs = dict(headers or {})
    if auth:
        token = ctx.secrets.get("access_token")
        if not token:
            raise AuthExpired(_("Not signed in to Mastodon; sign in"))
        hdrs["Authorization"] = f"Bearer {token}"
    return ERRORS.request(ctx.client, method, url, creates=creates, media=media, ok=ok,
                          headers=hdrs, **kw)


class MastodonErrors(HttpErrors):
    """Mastodon's error body is ``{"error": "..."}``; a status that refers to media still being
    processed is a 422 worth trying again shortly."""

    def reason(self, response: httpx.Response, body: Any, status: int) -> str:
        return one_line((body.get("error") if isinstance(body, dict) else None) or f"HTTP {status}")

    def classify(self, response: httpx.Response, body: Any, status: int, reason: str, *,
                 creates: bool, media: bool) -> AdapterError | None:
        if not media and status == 422 and "not finished processing" in reason:
            return Transient(reason, status=status)  # media still processing: try again shortly
        return None

    def retry_after(self, response: httpx.Response, body: Any, reason: str) -> float | None:
        return retry_after(response.headers)

    def media_refused(self, response: httpx.Response, body: Any, status: int,
                      reason: str) -> bool:
        return status in (413, 415, 422)


ERRORS = MastodonErrors()


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise Transient(f"unreadable answer (HTTP {response.status_code})") from None


def _error_text(response: httpx.Response) -> str:
    return ERRORS.reason(response, ERRORS.body(response), response.status_code)


def _schedule(schedule_utc: str | None) -> str | None:
    """scheduled_at for Mastodon, or None to publish now (past or under 5 minutes ahead)."""
    if not schedule_utc:
        return None
    when = datetime.fromisoformat(schedule_utc.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if when - datetime.now(UTC) < MIN_SCHEDULE_AHEAD:
        return None
    return when.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _reschedule_time(schedule_utc: str) -> str:
    """scheduled_at for a reschedule; unlike a first publish, a time too near is refused (the
    officer asked to hold the post, not to send it now)."""
    when = datetime.fromisoformat(schedule_utc.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if when - datetime.now(UTC) < MIN_SCHEDULE_AHEAD:
        raise Rejected(_("Mastodon needs the new time at least 5 minutes ahead"))
    return when.astimezone(UTC).isoformat().replace("+00:00", "Z")


# What a ScheduledStatus's params may carry back into POST /api/v1/statuses.
_REPOST_FIELDS = ("visibility", "sensitive", "spoiler_text", "language", "in_reply_to_id")


def _repost_params(item: Mapping[str, Any]) -> dict[str, Any]:
    params = item.get("params") or {}
    body: dict[str, Any] = {"status": params.get("text") or ""}
    body.update({k: params[k] for k in _REPOST_FIELDS if params.get(k) not in (None, "")})
    media = params.get("media_ids") or [m.get("id") for m in item.get("media_attachments") or []]
    if media:
        body["media_ids"] = [str(m) for m in media]
    return body


def _result(ids: list[str], urls: list[str | None], media_ids: list[str], *,
            scheduled: bool) -> PublishResult:
    return PublishResult(remote_id=ids[0], url=urls[0] if urls else None,
                         extra={"ids": ids, "media_ids": media_ids, "scheduled": scheduled})


CLOCK_SKEW = 300.0  # seconds of disagreement allowed between this computer and the instance


def _created(status: Mapping[str, Any]) -> float:
    try:
        return datetime.fromisoformat(str(status["created_at"]).replace("Z", "+00:00")).timestamp()
    except (KeyError, ValueError):
        return 0.0


_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.I)
_REMOTE_MENTION = re.compile(r"(@[\w.]+)@[\w.-]+\w")


def _norm(text: str) -> str:
    return " ".join(_REMOTE_MENTION.sub(r"\1", text).split())


def _same_text(content_html: str, text: str) -> bool:
    """Mastodon renders statuses as HTML: strip it back to text (links keep their full address
    in hidden spans; remote mentions show as @user) and compare ignoring whitespace."""
    import html  # (its entity table: loaded when a text is read back, not at start-up)

    plain = html.unescape(_TAG.sub("", _BREAK.sub(" ", content_html)))
    return _norm(plain) == _norm(text)


# How the feed draws a post: 46 px rounded square (radius 8), name over @acct, collapse above 706 px (~32 lines of
# 22 px) with "Read more", URLs 30 chars + "…", mentions without the domain, 3:2 gallery.
PREVIEW = PreviewRules(
    "mastodon", avatar="rounded", avatar_size=46, indent=False, header="stacked",
    order=("text", "media", "tags", "actions"),
    grid="mastodon", url="mastodon", mention="mastodon", alt_badge="bottom-left", hashtag_bar=3,
    link_card="compact",  # focal_points stays off: Siaran's Mastodon adapter sends no focus yet
    fold=Fold("Read more", lines=32, ellipsis="", own_line=True), media_radius=8,
    palette=Palette(text="#181820", secondary="#535374", link="#47309C", border="#D7D6E1"),
    time="1m", actions=(("↩", "4"), ("⟲", "12"), ("☆", "48"), ("⚐", ""), ("⋯", "")),
)

PLATFORM = Platform(SPEC, MastodonAdapter, preview=PREVIEW, translations=TRANSLATIONS)
