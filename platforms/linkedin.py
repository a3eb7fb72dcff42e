"""LinkedIn organization page (Posts API + Images API). Facts: docs/platforms.md §7.

Each image: POST /rest/images?action=initializeUpload (owner = the organization) gives an upload
URL and an image URN; PUT the bytes there. Then POST /rest/posts with the commentary in "little
text" (reserved characters escaped, our hashtags as hashtag templates), content.media for one
image or content.multiImage for 2-20; the answer is 201 with an empty body and the post URN in
the ``x-restli-id`` header. LinkedIn has no idempotency key: the moment before the create is
journalled, and after a lost answer the organization's recent posts are searched for the same
commentary.

Sources: https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api,
https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api,
https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/multiimage-post-api,
https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format,
https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits (no headers; daily,
reset at midnight UTC), https://learn.microsoft.com/en-us/linkedin/marketing/versioning
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from composer.plugin import (
    AccountInfo,
    AdapterError,
    AuthExpired,
    Choice,
    ChooseFn,
    Counting,
    CredentialField,
    Duplicate,
    Fold,
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
    UserError,
    VideoRules,
    _,
    from_transport,
)
from composer.plugin import Capability as C
from platforms.translations import TRANSLATIONS

if TYPE_CHECKING:  # typing only; httpx and the OAuth helpers load when a request is made
    import httpx

    from composer.plugin import OAuthClient

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

API_URL = "https://api.linkedin.com"
AUTHORIZE_URL = "https://www.linkedin.com/oauth/v2/authorization"
TOKEN_URL = "https://www.linkedin.com/oauth/v2/accessToken"
WEB_URL = "https://www.linkedin.com"
# Versions are sunset about a year after release (202506 already is); the officer can bump it
# in the account settings without a new Siaran.
DEFAULT_VERSION = "202610"
# Community Management API scopes for posting as a page (docs/platforms.md §7 "Sign-in").
SCOPES = ("w_organization_social", "r_organization_social", "rw_organization_admin")

# Video (Videos API, multi-part upload): MP4, 75 KB-500 MB, 3 s-30 min, aspect 1:2.4-2.4:1;
# captions as an SRT file.
# https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api
# initializeUpload -> PUT each part to its URL (ETag kept) -> finalizeUpload -> wait for
# AVAILABLE -> the post names the video's URN. Captions (uploadCaptions) are not sent yet, so
# the rules say none are taken: the rule book tells the officer they stay behind.
VIDEO = VideoRules(
    containers=("mp4",), video_codecs=("h264",), audio_codecs=("aac",),
    max_bytes=500 * 1024 * 1024, max_duration=30 * 60, min_duration=3,
    aspect_min=1 / 2.4, aspect_max=2.4, max_long_side=4096, max_short_side=2304, max_fps=60,
    captions=False,
)

SPEC = PlatformSpec(
    id="linkedin",
    name="LinkedIn",
    text_limit=3000,
    counting=Counting.UTF16,  # unit undocumented; UTF-16 is the strictest reading
    max_images=20,
    video=VIDEO,
    image_formats=("image/jpeg", "image/png", "image/gif"),
    max_image_pixels=36_152_320,
    recommended_sizes=((1200, 627), (1080, 1080), (1080, 1350)),
    # Two images show side by side as a collage; LinkedIn publishes no layout, so the Facebook
    # stand-in (two squares) is used, as the preview does (UNVERIFIED):
    # https://github.com/inovector/mixpost/tree/main/resources/js/Components/ProviderGallery/Facebook
    grid_cells=((1.0, 1.0),),
    credential_kind="oauth2",
    credentials=(
        CredentialField("organization", "Organization URN", by_sign_in=True),  # chosen
        CredentialField("linkedin_version", "LinkedIn-Version header", default=DEFAULT_VERSION),
        CredentialField("access_token", "Access token", secret=True, by_sign_in=True),
        CredentialField("client_id", "Client ID", required=False),
        # LinkedIn's token endpoint needs the app's secret (no public clients).
        CredentialField("client_secret", "Client secret", secret=True, required=False,
                        help="From the office's app in the LinkedIn developer portal, Auth"),
        CredentialField("api_url", "API address", required=False, default=API_URL),
        CredentialField("authorize_url", "Sign-in page", required=False, default=AUTHORIZE_URL),
        CredentialField("token_url", "Token address", required=False, default=TOKEN_URL),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.EDIT, C.VERIFY, C.CONNECT}),
    edit_scope=frozenset({"text"}),
    unsent_parts=frozenset({"title", "tags"}),
    post_url_template="https://www.linkedin.com/feed/update/{urn}",
    unverified=("text unit", "max_image_bytes", "alt_text_limit"),
    sources=(
        "https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api",
        "https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/multiimage-post-api",
    ),
    options=(OptionField("organization", "Organization page", kind="text",
                         help="Left empty: the account's page. Another page the account "
                              "manages: urn:li:organization:12345"),),
)

CLOCK_SKEW = 300.0  # seconds allowed between this computer's clock and LinkedIn's

# ---------------------------------------------------------------------------------------------
# "little text": commentary is a tiny markup language. Its reserved characters must be escaped
# with a backslash to stay plain text (an unescaped "(" can cut the post short); a hashtag is
# written as the HashtagTemplate {hashtag|\#|tag} so it stays a hashtag.

RESERVED = set("\\|{}@[]()<>#*_~")


def escape_little(text: str) -> str:
    return "".join("\\" + ch if ch in RESERVED else ch for ch in text)


def commentary(text: str) -> str:
    """The officer's text as little text: every reserved character escaped except our hashtags,
    which become hashtag templates (found by the text engine, as the previews show them)."""
    from composer.plugin import entities

    out, at = [], 0
    for entity in entities(text):
        if entity.kind != "hashtag":
            continue
        out.append(escape_little(text[at:entity.start]))
        tag = entity.text.lstrip("#＃")
        out.append("{hashtag|\\#|" + escape_little(tag) + "}")
        at = entity.end
    out.append(escape_little(text[at:]))
    return "".join(out)


def _author(ctx: PublishContext, post: OutgoingPost) -> str:
    """The page the post goes out as: the post's own choice, else the account's."""
    chosen = post.options.get("organization", "").strip()
    return organization_urn({**ctx.account, "organization": chosen} if chosen else ctx.account)


def organization_urn(account: Mapping[str, str]) -> str:
    value = (account.get("organization") or "").strip()
    if value.isdigit():
        return f"urn:li:organization:{value}"
    if not re.fullmatch(r"urn:li:organization:\d+", value):
        raise Rejected(_("The LinkedIn account needs its organization, e.g. "
                         "urn:li:organization:12345"))
    return value


def oauth_client(account: Mapping[str, str],
                 secrets: Mapping[str, str] | None = None) -> OAuthClient:
    from composer.plugin import OAuthClient

    return OAuthClient(
        authorize_url=account.get("authorize_url") or AUTHORIZE_URL,
        token_url=account.get("token_url") or TOKEN_URL,
        client_id=account.get("client_id", ""),
        client_secret=(secrets or {}).get("client_secret") or None,
        scopes=SCOPES, token_auth="client_secret_post")


class LinkedInAdapter:
    poll_interval = 3.0  # while LinkedIn processes a video
    processing_timeout = 15 * 60.0

    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    # -- publish --------------------------------------------------------------------------------

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        api = _Api(ctx)
        author = _author(ctx, post)
        video = post.media[0] if post.media and post.media[0].is_video else None
        images = [self._upload_video(ctx, api, author, video)] if video else \
            self._upload_images(ctx, api, author, post)
        body: dict[str, Any] = {
            "author": author,
            "commentary": commentary(post.text),
            "visibility": "PUBLIC",
            "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [],
                             "thirdPartyDistributionChannels": []},
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": False,
        }
        if len(images) == 1:
            body["content"] = {"media": images[0]}
        elif images:
            body["content"] = {"multiImage": {"images": images}}
        # No idempotency key: the look-up after a lost answer trusts only posts from the first
        # send on (kept across retries: a late-landing first send must still be found).
        if "sent_since" not in ctx.checkpoint:
            ctx.save_checkpoint({"sent_since": time.time()})
        ctx.progress("post", None)
        response = api.call("POST", "/rest/posts", json=body)
        urn = response.headers.get("x-restli-id") or response.headers.get("x-linkedin-id")
        if not urn:
            raise Unknown("LinkedIn answered without the post's id")
        ctx.save_checkpoint({"post_urn": urn})
        return self._result(ctx, urn, images)

    def _upload_images(self, ctx: PublishContext, api: _Api, author: str,
                       post: OutgoingPost) -> list[dict[str, Any]]:
        done: list[dict[str, Any]] = list(ctx.checkpoint.get("media_images", []))
        for i in range(len(done), len(post.media)):
            ctx.check_cancelled()
            ctx.progress("upload", i / len(post.media))
            m = post.media[i]
            init = api.call("POST", "/rest/images", creates=False,
                            params={"action": "initializeUpload"},
                            json={"initializeUploadRequest": {"owner": author}}).json()["value"]
            with open(m.path, "rb") as fh:
                api.call("PUT", init["uploadUrl"], creates=False, media=True, absolute=True,
                         content=fh.read(), headers={"Content-Type": m.mime})
            done.append({"id": init["image"], "altText": m.alt} if m.alt else {"id": init["image"]})
            # Saved the moment it is uploaded, so a retry never uploads it twice.
            ctx.save_checkpoint({"media_images": done})
        return done

    def _upload_video(self, ctx: PublishContext, api: _Api, author: str,
                      video: RenderedMedia) -> dict[str, Any]:
        """The Videos API: initializeUpload names the video and its parts; each part is PUT to
        its URL and its ETag journalled; finalizeUpload with the ETags in order; then the video
        is polled until AVAILABLE. A retry goes on from the first part without an ETag."""
        state: dict[str, Any] = dict(ctx.checkpoint.get("media_video") or {})
        if not state:
            size = os.path.getsize(video.path)
            init = api.call("POST", "/rest/videos", creates=False,
                            params={"action": "initializeUpload"},
                            json={"initializeUploadRequest": {
                                "owner": author, "fileSizeBytes": size, "uploadCaptions": False,
                                "uploadThumbnail": False}}).json()["value"]
            state = {"video": init["video"], "token": init.get("uploadToken") or "",
                     "parts": [[i["uploadUrl"], int(i["firstByte"]), int(i["lastByte"])]
                               for i in init["uploadInstructions"]], "etags": []}
            ctx.save_checkpoint({"media_video": state})
        etags: list[str] = list(state["etags"])
        with open(video.path, "rb") as fh:
            for url, first, last in state["parts"][len(etags):]:
                ctx.check_cancelled()
                ctx.progress("upload", len(etags) / len(state["parts"]))
                fh.seek(first)
                response = api.call("PUT", url, creates=False, media=True, absolute=True,
                                    content=fh.read(last - first + 1),
                                    headers={"Content-Type": "application/octet-stream"})
                etags.append(response.headers.get("etag") or "")
                state = {**state, "etags": etags}
                ctx.save_checkpoint({"media_video": state})
        if not state.get("finalized"):
            api.call("POST", "/rest/videos", creates=False, params={"action": "finalizeUpload"},
                     json={"finalizeUploadRequest": {"video": state["video"],
                                                     "uploadToken": state["token"],
                                                     "uploadedPartIds": etags}})
            ctx.save_checkpoint({"media_video": {**state, "finalized": True}})
        self._wait_available(ctx, api, state["video"])
        return {"id": state["video"], "title": video.alt} if video.alt else {"id": state["video"]}

    def _wait_available(self, ctx: PublishContext, api: _Api, urn: str) -> None:
        deadline = time.monotonic() + self.processing_timeout
        while True:
            found = api.call("GET", "/rest/videos/" + quote(urn, safe=""), creates=False).json()
            status = str(found.get("status") or "")
            if status == "AVAILABLE":
                return
            if status == "PROCESSING_FAILED":
                raise MediaInvalid(_("LinkedIn could not process the video ({reason})",
                                     reason=found.get("processingFailureReason") or status))
            if time.monotonic() + self.poll_interval > deadline:
                raise Transient(_("LinkedIn is still processing the video; try again shortly"))
            if ctx.cancel_event.wait(self.poll_interval):
                ctx.check_cancelled()

    def _result(self, ctx: PublishContext, urn: str,
                images: list[dict[str, Any]]) -> PublishResult:
        web = (ctx.account.get("web_url") or WEB_URL).rstrip("/")
        return PublishResult(remote_id=urn, url=f"{web}/feed/update/{urn}",
                             extra={"images": [i["id"] for i in images]})

    # -- after a lost answer ------------------------------------------------------------------

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        """The organization's recent posts (newest first), matched by commentary, created since
        the journalled send."""
        urn = ctx.checkpoint.get("post_urn")
        images = list(ctx.checkpoint.get("media_images", []))
        if urn:
            return self._result(ctx, urn, images)
        since = ctx.checkpoint.get("sent_since")
        if since is None:
            return None  # the create was never sent
        api = _Api(ctx)
        author = _author(ctx, post)
        # Rest.li 2.0 wants the URN percent-encoded in the query.
        answer = api.call("GET", f"/rest/posts?author={quote(author, safe='')}&q=author"
                                 "&count=50&sortBy=LAST_MODIFIED", creates=False).json()
        wanted = commentary(post.text)
        for element in answer.get("elements") or []:
            created = float(element.get("createdAt") or 0) / 1000
            if (element.get("commentary") == wanted and created >= since - CLOCK_SKEW
                    and element.get("lifecycleState", "PUBLISHED") == "PUBLISHED"):
                ctx.save_checkpoint({"post_urn": element["id"]})
                return self._result(ctx, element["id"], images)
        return None

    # -- edit in place ------------------------------------------------------------------------------

    def update(self, ctx: PublishContext, result: PublishResult,
               post: OutgoingPost) -> PublishResult:
        """Edits the post's commentary, the one part of a published post the Posts API lets an
        app change ("Update Posts": a Rest.li PARTIAL_UPDATE with ``$set``). Images stay."""
        _Api(ctx).call("POST", "/rest/posts/" + quote(result.remote_id, safe=""),
                       creates=False, headers={"X-RestLi-Method": "PARTIAL_UPDATE"},
                       json={"patch": {"$set": {"commentary": commentary(post.text)}}})
        return PublishResult(remote_id=result.remote_id, url=result.url, extra=dict(result.extra))

    # -- the rest ---------------------------------------------------------------------------------

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        # Gone already (404/410) counts as deleted: a retried delete may find it so.
        _Api(ctx).call("DELETE", "/rest/posts/" + quote(result.remote_id, safe=""),
                       creates=False, ok=(404, 410))

    def verify(self, ctx: PublishContext) -> AccountInfo:
        org = organization_urn(ctx.account)
        body = _Api(ctx).call("GET", "/rest/organizations/" + org.rsplit(":", 1)[1],
                              creates=False).json()
        name = body.get("localizedName") or body.get("vanityName") or org
        return AccountInfo(display_name=name, handle=body.get("vanityName") or org)

    def connect(self, account: Mapping[str, str], secrets: Mapping[str, str] | None = None, *,
                choose: ChooseFn | None = None,
                **sign_in: Any) -> tuple[dict[str, str], dict[str, str]]:
        """Sign in through the browser (loopback redirect), then the organisation the posts go
        out as: ``account["organization"]``, the only one the officer administers, or the one
        ``choose`` picks from the list. Returns (settings, secrets)."""
        from composer import plugin

        if not (secrets or {}).get("client_secret"):
            raise UserError(_("LinkedIn sign-in needs the app's client secret "
                              "(--client-secret-stdin)"))
        tokens = plugin.sign_in(oauth_client(account, secrets), **sign_in)
        if (account.get("organization") or "").strip():
            return {"organization": organization_urn(account)}, tokens.secrets()
        orgs = administered(account, tokens.access_token)
        names = ", ".join(f"{c.label} ({c.id})" for c in orgs) or "-"
        picked = plugin.pick_one(orgs, wanted=None, choose=choose, refusal=_(
            "Choose the LinkedIn organization by its URN: {organizations}", organizations=names))
        return {"organization": picked.id}, tokens.secrets()

    def renew(self, ctx: PublishContext) -> float | None:
        """A new access token from the refresh token (LinkedIn gives one to approved partners
        only); without one, AuthExpired: the officer signs in again."""
        import httpx

        from composer import plugin

        refresh_token = ctx.secrets.get("refresh_token") or ""
        if not refresh_token:
            raise AuthExpired(_("LinkedIn gave no refresh token; sign in again before the "
                                "sign-in ends"))
        try:
            tokens = plugin.refresh(oauth_client(ctx.account, ctx.secrets), refresh_token,
                                    http=ctx.client)
        except plugin.TokenError:
            raise AuthExpired(_("LinkedIn refused to renew the sign-in; sign in again")) from None
        except httpx.HTTPError as exc:
            raise from_transport(exc, creates=False) from None
        ctx.update_secrets(tokens.secrets())
        return tokens.expires_at


def administered(account: Mapping[str, str], token: str) -> list[Choice]:
    """The organisations the signed-in member administers (organizationAcls, role ADMINISTRATOR),
    each with its name (organizations/{id})."""
    import httpx

    base = (account.get("api_url") or API_URL).rstrip("/")
    version = (account.get("linkedin_version") or DEFAULT_VERSION).strip()
    headers = {"Authorization": f"Bearer {token}", "LinkedIn-Version": version,
               "X-Restli-Protocol-Version": "2.0.0"}
    errors = LinkedInErrors(version)
    out: list[Choice] = []
    try:
        with httpx.Client(timeout=30, headers=headers) as client:
            _list_organizations(client, errors, base, out)
    except AdapterError as exc:
        from composer import plugin

        raise plugin.SignInError(_("Could not list the LinkedIn organizations you administer: "
                                   "{reason}", reason=exc.reason)) from None
    return out


def _list_organizations(client: httpx.Client, errors: LinkedInErrors, base: str,
                        out: list[Choice]) -> None:
    acls = errors.request(client, "GET", base + "/rest/organizationAcls", creates=False,
                          params={"q": "roleAssignee", "role": "ADMINISTRATOR",
                                  "state": "APPROVED"}).json()
    for element in acls.get("elements") or []:
        urn = str(element.get("organization") or "")
        if not re.fullmatch(r"urn:li:organization:\d+", urn):
            continue
        org = errors.request(client, "GET", f"{base}/rest/organizations/{urn.rsplit(':', 1)[1]}",
                             creates=False).json()
        out.append(Choice(urn, org.get("localizedName") or org.get("vanityName") or urn,
                          org.get("vanityName") or ""))


class _Api:
    def __init__(self, ctx: PublishContext):
        self.ctx = ctx
        self.base = (ctx.account.get("api_url") or API_URL).rstrip("/")
        self.version = (ctx.account.get("linkedin_version") or DEFAULT_VERSION).strip()
        self.token = ctx.secrets.get("access_token") or ""

    def call(self, method: str, path: str, *, creates: bool = True, media: bool = False,
             absolute: bool = False, ok: tuple[int, ...] = (),
             headers: Mapping[str, str] | None = None, **kw: Any) -> httpx.Response:
        if not self.token:
            raise AuthExpired(_("The LinkedIn sign-in is missing; sign in again"))
        sent = {"Authorization": f"Bearer {self.token}"}
        if not absolute:  # the upload URL is LinkedIn's storage, not the versioned REST API
            sent.update({"LinkedIn-Version": self.version, "X-Restli-Protocol-Version": "2.0.0"})
        sent.update(headers or {})
        errors = LinkedInErrors(self.version)
        return errors.request(self.ctx.client, method, path if absolute else self.base + path,
                              creates=creates, media=media, ok=ok, headers=sent, **kw)


class LinkedInErrors(HttpErrors):
    """LinkedIn's error body: ``message`` and ``errorDetails.inputErrors[]`` (code,
    description); its 429 has no Retry-After (daily limits, see _daily_wait)."""

    def __init__(self, version: str):
        self.version = version

    def body(self, response: httpx.Response) -> Any:
        return _body(response)

    def reason(self, response: httpx.Response, body: Any, status: int) -> str:
        return _reason(body, status)

    def classify(self, response: httpx.Response, body: Any, status: int, reason: str, *,
                 creates: bool, media: bool) -> AdapterError | None:
        if status in (429, 401):
            return None  # the generic steps below come first
        if status == 422 and "DUPLICATE_POST" in _codes(body):
            return Duplicate(reason, status=status)
        if status == 426 or "version" in reason.lower() and status == 400:
            return Rejected(_("LinkedIn no longer accepts API version {version}; set a newer "
                              "LinkedIn-Version in the account settings", version=self.version),
                            status=status)
        return None

    def retry_after(self, response: httpx.Response, body: Any, reason: str) -> float | None:
        return _daily_wait(reason)

    def rate_limit_error(self, reason: str, wait: float | None, status: int) -> AdapterError:
        return RateLimited(reason, retry_after=wait)

    def media_refused(self, response: httpx.Response, body: Any, status: int,
                      reason: str) -> bool:
        return status in (400, 413, 415, 422)


def _body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return {}


def _codes(body: Any) -> set[str]:
    codes = set()
    if isinstance(body, dict):
        for item in ((body.get("errorDetails") or {}).get("inputErrors") or []):
            if isinstance(item, dict) and item.get("code"):
                codes.add(str(item["code"]))
        if body.get("code"):
            codes.add(str(body["code"]))
    return codes


def _reason(body: Any, status: int) -> str:
    """LinkedIn's one line: the input error's description, else the message."""
    text = ""
    if isinstance(body, dict):
        inputs = (body.get("errorDetails") or {}).get("inputErrors") or []
        first = inputs[0] if inputs and isinstance(inputs[0], dict) else {}
        text = first.get("description") or body.get("message") or ""
    text = text or f"HTTP {status}"
    return " ".join(str(text).split())[:300]


def _daily_wait(reason: str) -> float | None:
    """LinkedIn's 429 has no Retry-After; its limits are daily and reset at midnight UTC. A "DAY
    limit" throttle waits until then (the engine then fails it with "resume later"); any other
    429 leaves the wait to the engine's back-off."""
    if "DAY" not in reason.upper():
        return None
    now = datetime.now(UTC)
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    return (midnight - now).total_seconds()


# How the feed draws a post: 48 px circle, name / followers / "time · globe", 3 lines then "…more", collage with "+N".
PREVIEW = PreviewRules(
    "linkedin", avatar_size=48, indent=False, header="page", grid="facebook", show_handle=False,
    link_card="large",
    fold=Fold("more", lines=3, ellipsis="…"), edge_to_edge=True, media_radius=0, text_px=14,
    palette=Palette(text="#191919", secondary="#666666", link="#0A66C2", border="#E0DFDC"),
    time="Now • 🌐",
    actions=(("👍", "Like"), ("🗨", "Comment"), ("⟲", "Repost"), ("➤", "Send")),
)

PLATFORM = Platform(SPEC, LinkedInAdapter, preview=PREVIEW, translations=TRANSLATIONS)
