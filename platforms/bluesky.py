"""Bluesky (AT Protocol). Facts: docs/platforms.md §3.

Sources: https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json
(300 graphemes, 3000 bytes), lexicons/app/bsky/embed/images.json (4 images, 2,000,000 bytes),
lexicons/app/bsky/richtext/facet.json (UTF-8 byte offsets),
lexicons/com/atproto/server/{createSession,refreshSession,getSession}.json,
lexicons/com/atproto/repo/{uploadBlob,createRecord,getRecord,deleteRecord}.json,
lexicons/com/atproto/server/getServiceAuth.json,
lexicons/app/bsky/video/{uploadVideo,getJobStatus,getUploadLimits,defs}.json (the video service),
https://atproto.com/specs/tid (record keys), packages/xrpc-server/src/rate-limiter-http.ts
(RateLimit-* headers, reset in epoch seconds).

Exactly once: the adapter picks each post's record key (a TID) itself and journals it with
``ctx.save_checkpoint`` *before* createRecord. A retry reuses that key, so the PDS can never hold
the post twice, and ``find_existing`` is a plain getRecord of that key.
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload
from urllib.parse import urlparse

from composer.plugin import (
    AccountInfo,
    AdapterError,
    AuthExpired,
    Counting,
    CredentialField,
    FileBody,
    Fold,
    HttpErrors,
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
    Transient,
    Unknown,
    VideoRules,
    _,
)
from composer.plugin import Capability as C
from platforms.translations import TRANSLATIONS

if TYPE_CHECKING:  # typing only; httpx loads when a request is made
    import httpx

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

POST_URL_TEMPLATE = "https://bsky.app/profile/{handle}/post/{rkey}"

# Video (app.bsky.embed.video): MP4, at most 100 MB and 3 minutes through Bluesky's video
# service (a PDS of one's own takes it as a blob up to its own limit); aspectRatio required,
# alt text, captions as WebVTT (at most 20 files).
# https://docs.bsky.app/docs/tutorials/video
# https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/embed/video.json
VIDEO = VideoRules(
    containers=("mp4",), video_codecs=("h264",), audio_codecs=("aac",),
    max_bytes=100 * 1000 * 1000, max_duration=180, captions=True, caption_formats=("vtt",),
)

SPEC = PlatformSpec(
    video=VIDEO,
    id="bluesky",
    name="Bluesky",
    text_limit=300,
    text_max_bytes=3000,
    counting=Counting.BLUESKY,
    max_images=4,
    image_formats=("image/jpeg", "image/png", "image/webp", "image/gif"),
    max_image_bytes=2_000_000,
    recommended_sizes=((1200, 675), (1080, 1080), (1080, 1350)),
    # The feed's 2-4 image grid (ImageLayoutGrid): two 1:1 squares; a square and two stacked
    # 2:1 tiles; 2x2 of 3:2, every tile cover-cropped:
    # https://github.com/bluesky-social/social-app/blob/main/src/view/com/util/images/ImageLayoutGrid.tsx
    grid_cells=((1.0, 1.0), (1.0, 2.0, 2.0), (1.5,) * 4),
    alt_text_limit=2000,  # the official app's limit; the protocol has none
    credential_kind="app_password",
    credentials=(
        CredentialField("service", "PDS URL", default="https://bsky.social"),
        CredentialField("handle", "Handle", help="The account's name without @, e.g. diskominfo.bsky.social"),
        CredentialField("app_password", "App password", secret=True,
                        help="Made in Bluesky under Settings, Privacy and security, App passwords; not the login password"),
        CredentialField("video_service", "Video service", required=False, default="auto",
                        help="auto: Bluesky's video service for accounts on Bluesky's servers, "
                             "the PDS itself otherwise; pds: always the PDS; or the service's "
                             "address"),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.THREADS, C.VERIFY}),
    unsent_parts=frozenset({"title", "tags"}),
    post_url_template=POST_URL_TEMPLATE,
    unverified=("image_formats",),
    sources=(
        "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json",
        "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/embed/images.json",
        "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/richtext/facet.json",
    ),
)

POST = "app.bsky.feed.post"
DEFAULT_SERVICE = "https://bsky.social"
DEFAULT_LANGS = ("id",)  # an Indonesian office; the account setting "langs" overrides ("id,en")
_AUTH_ERRORS = {"ExpiredToken", "InvalidToken"}

# Bluesky's video service: the account's PDS signs a service token (getServiceAuth, audience the
# PDS itself, method uploadBlob, 30 minutes), the MP4 goes to uploadVideo, and getJobStatus is
# asked until the job is JOB_STATE_COMPLETED (its blob, already stored on the PDS by the
# service) or JOB_STATE_FAILED; every other state means "still working". getUploadLimits is
# asked first (token audience: the video service). A video the service already processed is
# answered 409 with error "already_exists" and the earlier job (and its blob).
# https://docs.bsky.app/docs/tutorials/video (bsky-docs docs/tutorials/video.mdx)
# https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/video/defs.json
# https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/video/getUploadLimits.json
# https://github.com/bluesky-social/social-app/blob/main/src/lib/media/video/upload.shared.ts
DEFAULT_VIDEO_SERVICE = "https://video.bsky.app"
JOB_COMPLETED, JOB_FAILED = "JOB_STATE_COMPLETED", "JOB_STATE_FAILED"
_MEDIA_ERRORS = ("blob too big", "BlobTooLarge", "InvalidMimeType", "PayloadTooLarge")

# ---------------------------------------------------------------------------------------------
# Record keys: TIDs (https://atproto.com/specs/tid): 53 bits of microseconds since the epoch and
# 10 bits of clock id, base32-sortable, 13 characters. Derived from the time, so never from the
# idempotency key; made once per post and journalled.

_B32 = "234567abcdefghijklmnopqrstuvwxyz"


def make_tid(micros: int | None = None, clock_id: int | None = None) -> str:
    micros = time.time_ns() // 1000 if micros is None else micros
    clock_id = random.getrandbits(10) if clock_id is None else clock_id
    n = ((micros & ((1 << 53) - 1)) << 10) | (clock_id & 0x3FF)
    return "".join(_B32[(n >> (5 * i)) & 31] for i in range(12, -1, -1))


def make_tids(count: int) -> list[str]:
    """``count`` ascending TIDs, so a thread's replies sort after their root."""
    micros, clock_id = time.time_ns() // 1000, random.getrandbits(10)
    return [make_tid(micros + i, clock_id) for i in range(count)]


# ---------------------------------------------------------------------------------------------
# Sessions stay in this process's memory (never the database). createSession is rate limited
# (30 per 5 minutes per account), so one session serves every publish of the run.


@dataclass
class _Session:
    did: str
    handle: str
    access: str
    refresh: str
    pds: str = ""  # the account's own PDS (its DID document), behind an entryway like bsky.social


def _pds_of(data: Mapping[str, Any]) -> str:
    """The #atproto_pds endpoint of the DID document createSession answers with."""
    doc = data.get("didDoc")
    for service in (doc.get("service") or []) if isinstance(doc, dict) else []:
        if isinstance(service, dict) and str(service.get("id", "")).endswith("#atproto_pds"):
            return str(service.get("serviceEndpoint") or "")
    return ""


def _did_web(url: str) -> str:
    return f"did:web:{urlparse(url).hostname or ''}"


_SESSIONS: dict[tuple[str, str, str], _Session] = {}
_LOCKS: dict[tuple[str, str, str], threading.Lock] = {}  # one per account: a slow sign-in
_LOCKS_LOCK = threading.Lock()  # of one account never holds up another


def _lock_for(key: tuple[str, str, str]) -> threading.Lock:
    with _LOCKS_LOCK:
        return _LOCKS.setdefault(key, threading.Lock())


def _service(ctx: PublishContext) -> str:
    return (ctx.account.get("service") or DEFAULT_SERVICE).rstrip("/")


def _identifier(ctx: PublishContext) -> str:
    return (ctx.account.get("handle") or "").strip().lstrip("@")


def _session_key(ctx: PublishContext) -> tuple[str, str, str]:
    password = ctx.secrets.get("app_password") or ""
    # a changed app password must not reuse the old session; the hash never leaves memory
    return _service(ctx), _identifier(ctx).lower(), hashlib.sha256(password.encode()).hexdigest()


def _error_of(response: httpx.Response) -> tuple[str, str]:
    try:
        body = response.json()
    except ValueError:
        return "", response.text[:200]
    if not isinstance(body, dict):
        return "", ""
    return str(body.get("error") or ""), str(body.get("message") or "")


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds to wait: RateLimit-Reset is an epoch second (atproto xrpc-server), Retry-After
    plain seconds."""
    reset = response.headers.get("ratelimit-reset")
    if reset:
        try:
            return max(0.0, float(reset) - time.time())
        except ValueError:
            pass
    after = response.headers.get("retry-after")
    try:
        return max(0.0, float(after)) if after else None
    except ValueError:
        return None


class BlueskyAdapter:
    """Publishes a post (or a thread) with up to four images to the account's PDS."""

    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    # -- the contract -----------------------------------------------------------------------------

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        texts = list(post.parts) or [post.text]
        # A future schedule never gets here: Bluesky has no scheduled posts, so the rule book
        # (schedule.unsupported) blocks it before the engine builds the post.
        if len(post.media) > self.spec.max_images:
            raise MediaInvalid(_("Bluesky takes at most {n} images per post", n=self.spec.max_images))
        for media in post.media:
            size = Path(media.path).stat().st_size
            if media.is_video:
                limit = self.spec.video.max_bytes if self.spec.video else None
                if limit and size > limit:
                    raise MediaInvalid(_("{file} is {size} bytes; Bluesky takes at most {limit}",
                                         file=Path(media.path).name, size=size, limit=limit))
            elif self.spec.max_image_bytes and size > self.spec.max_image_bytes:
                raise MediaInvalid(_("{file} is {size} bytes; Bluesky takes at most {limit}",
                                     file=Path(media.path).name, size=size,
                                     limit=self.spec.max_image_bytes))
        session = self._session(ctx)
        state = dict(ctx.checkpoint)
        resumed = "rkeys" in state and len(state["rkeys"]) == len(texts)
        if not resumed:
            # Journal the keys before the first createRecord: a retry after "no answer" reuses
            # them, so the PDS refuses a second copy instead of storing one.
            state.update(rkeys=make_tids(len(texts)), did=session.did,
                         created_at=_now_iso(), done={})
            self._checkpoint(ctx, state)
        done: dict[str, dict[str, str]] = dict(state.get("done") or {})

        root: dict[str, str] | None = None
        parent: dict[str, str] | None = None
        for index, (text, rkey) in enumerate(zip(texts, state["rkeys"], strict=True)):
            ctx.check_cancelled()
            ref = done.get(str(index))
            if ref is None and resumed:
                ref = self._get_ref(ctx, state["did"], rkey)  # sent before, answer lost?
            if ref is None:
                embed = None
                if index == 0 and post.media:  # the images go with the first post only
                    embed = self._embed(ctx, post, state)
                    state["media_uploaded"] = len(post.media)  # the journal shows the step
                    self._checkpoint(ctx, state)
                record = self._record(ctx, text, state["created_at"], embed, root, parent)
                ref = self._create(ctx, state["did"], rkey, record)
            done[str(index)] = ref
            state["done"] = done
            self._checkpoint(ctx, state)
            root = root or ref
            parent = ref
            ctx.progress("posted", (index + 1) / len(texts))
        return self._result(session, state, ctx.account.get("web_url", ""))

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        state = ctx.checkpoint
        if not state.get("rkeys"):
            return None  # keys are journalled before createRecord: nothing was ever sent
        session = self._session(ctx)
        done: dict[str, dict[str, str]] = {}
        for index, rkey in enumerate(state["rkeys"]):
            ref = self._get_ref(ctx, state["did"], rkey)
            if ref is None:
                return None  # (part of) the thread is missing: publish completes it
            done[str(index)] = ref
        return self._result(session, {**state, "done": done}, ctx.account.get("web_url", ""))

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        did = result.extra.get("did") or result.remote_id.removeprefix("at://").split("/")[0]
        rkeys = list(result.extra.get("rkeys") or [result.remote_id.rsplit("/", 1)[-1]])
        for rkey in reversed(rkeys):  # replies first, the root last
            self._xrpc(ctx, "POST", "com.atproto.repo.deleteRecord", mutating=False,
                       json={"repo": did, "collection": POST, "rkey": rkey})

    def verify(self, ctx: PublishContext) -> AccountInfo:
        # getSession is the PDS's own; app.bsky.* profile reads need an AppView.
        data = self._xrpc(ctx, "GET", "com.atproto.server.getSession").json()
        handle, did = data.get("handle", ""), data.get("did", "")
        # The profile record lives on the PDS itself (app.bsky.actor.profile/self).
        profile = self._xrpc(ctx, "GET", "com.atproto.repo.getRecord", missing_ok=True, params={
            "repo": did, "collection": "app.bsky.actor.profile", "rkey": "self"})
        value = profile.json().get("value", {}) if profile is not None else {}
        avatar = (value.get("avatar") or {}).get("ref", {}).get("$link")
        return AccountInfo(
            display_name=value.get("displayName") or handle, handle=handle,
            avatar_url=f"{_service(ctx)}/xrpc/com.atproto.sync.getBlob?did={did}&cid={avatar}"
            if avatar else None)

    # -- the record -------------------------------------------------------------------------------

    def _record(self, ctx: PublishContext, text: str, created_at: str,
                embed: dict[str, Any] | None, root: dict[str, str] | None,
                parent: dict[str, str] | None) -> dict[str, Any]:
        record: dict[str, Any] = {"$type": POST, "text": text, "createdAt": created_at}
        langs = [x.strip() for x in (ctx.account.get("langs") or ",".join(DEFAULT_LANGS)).split(",")]
        record["langs"] = [x for x in langs if x][:3]  # the lexicon allows three
        facets = self._facets(ctx, text)
        if facets:
            record["facets"] = facets
        if embed:
            record["embed"] = embed
        if root:
            record["reply"] = {"root": root, "parent": parent}
        return record

    def _facets(self, ctx: PublishContext, text: str) -> list[dict[str, Any]]:
        from composer.plugin import count

        facets = []
        for facet in count(self.spec, text).facets:
            if facet.type == "link":
                uri = facet.value if "://" in facet.value else f"https://{facet.value}"
                feature = {"$type": "app.bsky.richtext.facet#link", "uri": uri}
            elif facet.type == "tag":
                if len(facet.value.encode()) > 640:
                    # @atproto/api takes up to 64 graphemes, but the lexicon also caps a tag at
                    # 640 bytes and the PDS refuses the whole post: it stays plain text.
                    continue
                feature = {"$type": "app.bsky.richtext.facet#tag", "tag": facet.value.lstrip("#＃")}
            elif facet.type == "mention":
                did = self._resolve_handle(ctx, facet.value.lstrip("@"))
                if not did:
                    continue  # an unknown handle stays plain text, as in the official app
                feature = {"$type": "app.bsky.richtext.facet#mention", "did": did}
            else:
                continue
            facets.append({"index": {"byteStart": facet.byte_start, "byteEnd": facet.byte_end},
                           "features": [feature]})
        return facets

    def _resolve_handle(self, ctx: PublishContext, handle: str) -> str | None:
        try:
            response = self._xrpc(ctx, "GET", "com.atproto.identity.resolveHandle",
                                  params={"handle": handle}, auth=False)
        except (Rejected, Transient):
            ctx.log.info("mention @%s not resolved; left as plain text", handle)
            return None
        did: str | None = response.json().get("did")
        return did

    def _embed(self, ctx: PublishContext, post: OutgoingPost,
               state: dict[str, Any]) -> dict[str, Any]:
        if post.media[0].is_video:
            return self._video_embed(ctx, post.media[0], state)
        images = []
        for index, media in enumerate(post.media):
            ctx.check_cancelled()
            data = Path(media.path).read_bytes()
            # Re-uploading after a crash is harmless: the blob's address is its content hash.
            blob = self._xrpc(ctx, "POST", "com.atproto.repo.uploadBlob", content=data,
                              headers={"Content-Type": media.mime}).json()["blob"]
            image: dict[str, Any] = {"alt": media.alt or "", "image": blob}
            if media.width and media.height:
                image["aspectRatio"] = {"width": media.width, "height": media.height}
            images.append(image)
            ctx.progress("media", (index + 1) / len(post.media))
        return {"$type": "app.bsky.embed.images", "images": images}

    def _video_embed(self, ctx: PublishContext, media: RenderedMedia,
                     state: dict[str, Any]) -> dict[str, Any]:
        """app.bsky.embed.video: the video's blob, its alt text, its shape, and WebVTT captions.

        The blob comes from Bluesky's video service for an account on Bluesky's servers (see
        ``_video_service``), else it is a blob of the account's own PDS, streamed from disk. A
        blob's address is its content hash, so sending it to the PDS again after a dropped
        connection stores nothing twice; the record's key is journalled before createRecord (see
        publish)."""
        size = Path(media.path).stat().st_size
        service = self._video_service(ctx)
        if service:
            blob = self._video_from_service(ctx, service, media, size, state)
        else:
            blob = self._xrpc(ctx, "POST", "com.atproto.repo.uploadBlob",
                              content=FileBody(media.path, size, ctx),
                              headers={"Content-Type": "video/mp4",
                                       "Content-Length": str(size)}).json()["blob"]
        embed: dict[str, Any] = {"$type": "app.bsky.embed.video", "video": blob}
        if media.alt:
            embed["alt"] = media.alt
        if media.width and media.height:
            embed["aspectRatio"] = {"width": media.width, "height": media.height}
        if media.captions:
            data = Path(media.captions).read_bytes()
            vtt = self._xrpc(ctx, "POST", "com.atproto.repo.uploadBlob", content=data,
                             headers={"Content-Type": "text/vtt"}).json()["blob"]
            lang = (ctx.account.get("langs") or DEFAULT_LANGS[0]).split(",")[0].strip() or "id"
            embed["captions"] = [{"lang": lang, "file": vtt}]
        return embed

    # -- Bluesky's video service --------------------------------------------------------------------

    # Between two getJobStatus questions, and how long a job may take at most.
    poll_interval = 1.0
    video_processing_timeout = 15 * 60.0

    def _video_service(self, ctx: PublishContext) -> str | None:
        """The video service's address, or None for the PDS's own uploadBlob. The account
        setting "video_service": "auto" (the default) takes Bluesky's service for a PDS on
        Bluesky's servers (bsky.social, *.bsky.network) and the PDS itself for a self-hosted
        one; "pds" (or "off") always the PDS; an address that service (a practice or private one)."""
        setting = (ctx.account.get("video_service") or "auto").strip()
        if setting.lower() in ("off", "pds", "none", "no"):
            return None
        if setting.lower() != "auto":
            return setting.rstrip("/")
        session = self._session(ctx)
        for url in (session.pds, _service(ctx)):
            host = (urlparse(url).hostname or "").lower() if url else ""
            if host == "bsky.social" or host.endswith(".bsky.network"):
                return DEFAULT_VIDEO_SERVICE
        return None

    def _service_token(self, ctx: PublishContext, aud: str, lxm: str) -> str:
        """com.atproto.server.getServiceAuth: a token the PDS signs for another service."""
        data = self._xrpc(ctx, "GET", "com.atproto.server.getServiceAuth", params={
            "aud": aud, "lxm": lxm, "exp": int(time.time()) + 30 * 60}).json()
        return str(data["token"])

    def _video_from_service(self, ctx: PublishContext, service: str, media: RenderedMedia,
                            size: int, state: dict[str, Any]) -> dict[str, Any]:
        """The blob of the processed video. The job id is journalled the moment the service
        names it, so a retry or a resume after a crash asks for that job again instead of
        uploading a second time; the finished blob is journalled too."""
        blob: dict[str, Any] | None = state.get("video_blob")
        if blob:
            return blob
        job_id = state.get("video_job")
        if not job_id:
            self._check_video_quota(ctx, service, size)
            status = self._upload_video(ctx, service, media, size)
            job_id = str(status["jobId"])
            state["video_job"] = job_id
            self._checkpoint(ctx, state)
            blob = self._job_blob(status)
        if blob is None:
            blob = self._wait_for_job(ctx, service, job_id)
        state["video_blob"] = blob
        self._checkpoint(ctx, state)
        return blob

    def _check_video_quota(self, ctx: PublishContext, service: str, size: int) -> None:
        """app.bsky.video.getUploadLimits: a refused quota is the account's for today, so the
        post fails plainly instead of being retried."""
        token = self._service_token(ctx, _did_web(service), "app.bsky.video.getUploadLimits")
        response = BlueskyErrors(service).send(
            ctx.client, "GET", f"{service}/xrpc/app.bsky.video.getUploadLimits", creates=False,
            headers={"Authorization": f"Bearer {token}"})
        BlueskyErrors(service).check(response, creates=False)
        limits = response.json()
        remaining = limits.get("remainingDailyBytes")
        if not limits.get("canUpload", True) or (
                isinstance(remaining, int) and remaining < size):
            raise Rejected(_("Bluesky takes no more videos from this account today: {message}",
                             message=limits.get("message") or limits.get("error")
                             or _("the daily video limit is reached")))

    def _upload_video(self, ctx: PublishContext, service: str, media: RenderedMedia,
                      size: int) -> dict[str, Any]:
        """app.bsky.video.uploadVideo, streamed from disk. Safe to send again: a video the
        service already has is answered 409 already_exists with its earlier job."""
        session = self._session(ctx)
        token = self._service_token(ctx, _did_web(session.pds or _service(ctx)),
                                    "com.atproto.repo.uploadBlob")
        errors = BlueskyErrors(service)
        response = errors.send(
            ctx.client, "POST", f"{service}/xrpc/app.bsky.video.uploadVideo", creates=False,
            params={"did": session.did, "name": Path(media.path).name},
            content=FileBody(media.path, size, ctx),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "video/mp4",
                     "Content-Length": str(size)})
        body: Any = None
        if response.status_code in (200, 409):
            try:
                body = response.json()
            except ValueError:
                body = None
        # The service answers the job status itself (as the tutorial and the official app read
        # it); the lexicon wraps it in {"jobStatus": ...}: both are taken.
        status = body.get("jobStatus", body) if isinstance(body, dict) else None
        if isinstance(status, dict) and status.get("jobId"):
            if status.get("state") == JOB_FAILED and not self._job_blob(status):
                raise self._job_failed(status)
            return status
        errors.check(response, creates=False)
        raise MediaInvalid(_("Bluesky's video service did not take the video: {message}",
                             message=_error_of(response)[1] or f"HTTP {response.status_code}"),
                           status=response.status_code)

    def _wait_for_job(self, ctx: PublishContext, service: str, job_id: str) -> dict[str, Any]:
        """app.bsky.video.getJobStatus until the job is done (the tutorial asks it without a
        token)."""
        deadline = time.monotonic() + self.video_processing_timeout
        errors = BlueskyErrors(service)
        while True:
            ctx.check_cancelled()
            response = errors.send(ctx.client, "GET",
                                   f"{service}/xrpc/app.bsky.video.getJobStatus",
                                   creates=False, params={"jobId": job_id})
            errors.check(response, creates=False)
            status = response.json().get("jobStatus") or {}
            blob = self._job_blob(status)
            if blob is not None:
                return blob
            if status.get("state") == JOB_FAILED:
                raise self._job_failed(status)
            if isinstance(status.get("progress"), int):
                ctx.progress("processing", status["progress"] / 100)
            if time.monotonic() > deadline:
                raise Transient(_("Bluesky's video service is still processing the video"))
            if ctx.cancel_event.wait(self.poll_interval):
                ctx.check_cancelled()

    @staticmethod
    def _job_blob(status: Mapping[str, Any]) -> dict[str, Any] | None:
        """The job's blob: a finished job has one, and so has the answer for a video the
        service already processed (already_exists), whatever its state says."""
        blob = status.get("blob")
        return dict(blob) if isinstance(blob, dict) and blob.get("ref") else None

    @staticmethod
    def _job_failed(status: Mapping[str, Any]) -> MediaInvalid:
        reason = status.get("message") or status.get("error") or status.get("failureCode") or ""
        return MediaInvalid(_("Bluesky's video service could not process the video: {message}",
                              message=reason))

    # -- records ------------------------------------------------------------------------------------

    def _create(self, ctx: PublishContext, did: str, rkey: str,
                record: dict[str, Any]) -> dict[str, str]:
        body = {"repo": did, "collection": POST, "rkey": rkey, "record": record, "validate": True}
        try:
            data = self._xrpc(ctx, "POST", "com.atproto.repo.createRecord", json=body,
                              mutating=True).json()
        except (Rejected, Unknown):
            # The key is ours alone, so a record under it is this very post: an earlier attempt
            # got through (the real PDS answers a taken key with a bare 500), or this one did
            # and the answer was lost.
            try:
                ref = self._get_ref(ctx, did, rkey)
            except (Transient, Unknown):
                ref = None
            if ref is not None:
                return ref
            raise
        return {"uri": data["uri"], "cid": data["cid"]}

    def _get_ref(self, ctx: PublishContext, did: str, rkey: str) -> dict[str, str] | None:
        response = self._xrpc(ctx, "GET", "com.atproto.repo.getRecord", missing_ok=True,
                              params={"repo": did, "collection": POST, "rkey": rkey})
        if response is None:
            return None
        data = response.json()
        return {"uri": data["uri"], "cid": data["cid"]}

    def _result(self, session: _Session, state: Mapping[str, Any], web: str = "") -> PublishResult:
        rkeys = state["rkeys"]
        uris = [state["done"][str(i)]["uri"] for i in range(len(rkeys))]
        handle = session.handle or state["did"]
        template = self.spec.post_url_template or POST_URL_TEMPLATE  # Bluesky's spec sets it
        url = template.format(handle=handle, rkey=rkeys[0])
        if web:  # a practice or private network's own web view
            url = f"{web.rstrip('/')}/profile/{handle}/post/{rkeys[0]}"
        return PublishResult(
            remote_id=uris[0],
            url=url,
            extra={"did": state["did"], "rkeys": list(rkeys), "uris": uris})

    @staticmethod
    def _checkpoint(ctx: PublishContext, state: dict[str, Any]) -> None:
        ctx.checkpoint.clear()
        ctx.checkpoint.update(state)
        ctx.save_checkpoint(dict(state))

    # -- sessions -----------------------------------------------------------------------------------

    def _session(self, ctx: PublishContext, *, renew: _Session | None = None) -> _Session:
        """The cached session; with ``renew`` (a session the PDS refused), a fresh one: refresh
        first, and if the refresh token is dead too, sign in again with the app password."""
        key = _session_key(ctx)
        with _lock_for(key):
            current = _SESSIONS.get(key)
            if current is not None and current is not renew:
                return current  # another thread renewed it already
            session = None
            if renew is not None:
                session = self._refresh(ctx, renew)
            if session is None:
                session = self._create_session(ctx)
            _SESSIONS[key] = session
            return session

    def _create_session(self, ctx: PublishContext) -> _Session:
        identifier, password = _identifier(ctx), ctx.secrets.get("app_password") or ""
        if not identifier or not password:
            raise AuthExpired(_("The Bluesky account needs a handle and an app password"))
        response = self._send(ctx, "POST", "com.atproto.server.createSession", mutating=False,
                              json={"identifier": identifier, "password": password})
        if response.status_code in (400, 401):
            error, message = _error_of(response)
            if response.status_code == 401 or error in ("AuthenticationRequired", "AccountTakedown"):
                raise AuthExpired(_("Bluesky refused the app password for {handle}: {message}",
                                    handle=identifier, message=message or error),
                                  status=response.status_code)
        BlueskyErrors().check(response, creates=False)
        data = response.json()
        return _Session(data["did"], data.get("handle", identifier), data["accessJwt"],
                        data["refreshJwt"], _pds_of(data))

    def _refresh(self, ctx: PublishContext, old: _Session) -> _Session | None:
        response = self._send(ctx, "POST", "com.atproto.server.refreshSession", mutating=False,
                              headers={"Authorization": f"Bearer {old.refresh}"})
        if response.status_code in (400, 401):
            return None  # the refresh token is dead as well: sign in again
        BlueskyErrors().check(response, creates=False)
        data = response.json()
        return _Session(data.get("did", old.did), data.get("handle", old.handle),
                        data["accessJwt"], data["refreshJwt"], _pds_of(data) or old.pds)

    # -- HTTP -----------------------------------------------------------------------------------------

    def _send(self, ctx: PublishContext, method: str, nsid: str, *, mutating: bool,
              **kw: Any) -> httpx.Response:
        """One request; network failures become typed errors. A mutating request that may have
        reached the PDS is Unknown; anything else can safely be tried again (Transient)."""
        errors = BlueskyErrors(_service(ctx))
        return errors.send(ctx.client, method, f"{_service(ctx)}/xrpc/{nsid}", creates=mutating,
                           **kw)

    # Typing only: the answer is None solely when missing_ok lets "record not found" through.
    @overload
    def _xrpc(self, ctx: PublishContext, method: str, nsid: str, *, mutating: bool = ...,
              auth: bool = ..., missing_ok: Literal[False] = ...,
              headers: Mapping[str, str] | None = ..., **kw: Any) -> httpx.Response: ...

    @overload
    def _xrpc(self, ctx: PublishContext, method: str, nsid: str, *, mutating: bool = ...,
              auth: bool = ..., missing_ok: Literal[True],
              headers: Mapping[str, str] | None = ..., **kw: Any) -> httpx.Response | None: ...

    def _xrpc(self, ctx: PublishContext, method: str, nsid: str, *, mutating: bool = False,
              auth: bool = True, missing_ok: bool = False,
              headers: Mapping[str, str] | None = None, **kw: Any) -> httpx.Response | None:
        """An authenticated XRPC call; an expired or refused token is renewed once."""
        session = self._session(ctx) if auth else None
        for attempt in (1, 2):
            all_headers = dict(headers or {})
            if session is not None:
                all_headers["Authorization"] = f"Bearer {session.access}"
            response = self._send(ctx, method, nsid, mutating=mutating, headers=all_headers, **kw)
            error, message = _error_of(response) if response.status_code >= 400 else ("", "")
            if session is not None and (error in _AUTH_ERRORS or response.status_code == 401):
                if attempt == 1:  # refused before any work was done: safe to send again
                    session = self._session(ctx, renew=session)
                    continue
                raise AuthExpired(_("Bluesky refused the session: {message}",
                                    message=message or error), status=response.status_code)
            if missing_ok and response.status_code == 400 and error in ("RecordNotFound", "InvalidRequest") \
                    and ("not found" in message.lower() or error == "RecordNotFound"):
                return None
            BlueskyErrors().check(response, creates=mutating)
            return response
        raise AssertionError("unreachable")


class BlueskyErrors(HttpErrors):
    """XRPC errors are ``{"error": "Name", "message": "..."}``; a refused blob is MediaInvalid
    whichever request carried it, and a 5xx on a write may have created the record."""

    def __init__(self, service: str = ""):
        self.service = service

    def body(self, response: httpx.Response) -> tuple[str, str]:
        return _error_of(response)

    def reason(self, response: httpx.Response, body: Any, status: int) -> str:
        error, message = body
        return message or error or f"HTTP {status}"

    def classify(self, response: httpx.Response, body: Any, status: int, reason: str, *,
                 creates: bool, media: bool) -> AdapterError | None:
        error, message = body
        if self.rate_limited(response, body, status):
            return None
        if status == 413 or any(m in f"{error} {message}" for m in _MEDIA_ERRORS):
            return MediaInvalid(reason, status=status)  # the engine says which channel refused
        return None

    def rate_limited(self, response: httpx.Response, body: Any, status: int) -> bool:
        return status == 429 or body[0] == "RateLimitExceeded"

    def retry_after(self, response: httpx.Response, body: Any, reason: str) -> float | None:
        return _retry_after(response)

    def rate_limit_error(self, reason: str, wait: float | None, status: int) -> AdapterError:
        return RateLimited(_("Bluesky rate limit reached"), retry_after=wait)

    def auth_expired(self, response: httpx.Response, body: Any, status: int) -> bool:
        return status in (401, 403) or body[0] in ("AuthenticationRequired", "AccountTakedown")

    def auth_error(self, reason: str, status: int) -> AdapterError:
        return AuthExpired(_("Bluesky refused the session: {message}", message=reason),
                           status=status)

    def temporary_error(self, reason: str, status: int, *, creates: bool) -> AdapterError:
        if creates:  # a 5xx after the request arrived: the record may exist
            return Unknown(_("Bluesky answered {status}; the post may exist", status=status),
                           status=status)
        return Transient(_("Bluesky answered {status}", status=status), status=status)

    def transport_error(self, exc: Exception, *, creates: bool) -> AdapterError:
        import httpx

        if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
            return Transient(_("Cannot reach {url}: {error}", url=self.service,
                               error=type(exc).__name__))
        # Stricter than the default: once the connection is up, even a broken-off upload
        # counts as "may have arrived" for a write.
        if creates:
            return Unknown(_("Bluesky did not answer ({error}); the post may exist",
                             error=type(exc).__name__))
        return Transient(_("Bluesky did not answer ({error})", error=type(exc).__name__))



def _now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


# How the feed draws a post: 42 px circle, clip only posts with >= 25 line breaks at 25 lines, "Show More",
# toShortUrl, ALT bottom-right, primary_500 #006AFF, contrast_medium #405168.
PREVIEW = PreviewRules(
    "bluesky", avatar_size=42, grid="bluesky", url="bluesky", alt_badge="bottom-right", entities="facets",
    fold=Fold("Show More", lines=25, min_newlines=25, ellipsis="", own_line=True), media_radius=12,
    palette=Palette(text="#000000", secondary="#405168", link="#006AFF", border="#DCE2EA"),
    actions=(("↩", "4"), ("⟲", "12"), ("♡", "48"), ("⋯", "")),
)

PLATFORM = Platform(SPEC, BlueskyAdapter, preview=PREVIEW, translations=TRANSLATIONS)
