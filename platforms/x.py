"""X (Twitter), API v2. Facts: docs/platforms.md §1.

Sources: https://github.com/twitter/twitter-text/blob/master/config/v3.json (counting),
https://docs.x.com/fundamentals/counting-characters, https://docs.x.com/x-api/media/quickstart/best-practices,
https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code (PKCE, scopes, refresh),
https://docs.x.com/x-api/fundamentals/rate-limits (x-rate-limit-reset: epoch seconds),
https://docs.x.com/x-api/fundamentals/response-codes-and-errors (problem details)
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Mapping, MutableMapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.plugin import (
    AccountInfo,
    AdapterError,
    AuthExpired,
    ChooseFn,
    Counting,
    CredentialField,
    Duplicate,
    HttpErrors,
    MediaInvalid,
    OutgoingPost,
    Platform,
    PlatformSpec,
    PreviewRules,
    PublishContext,
    PublishResult,
    RateLimited,
    RenderedMedia,
    Transient,
    VideoRules,
    _,
    from_transport,
    retry_after,
    seconds_until,
)
from composer.plugin import Capability as C
from platforms.translations import TRANSLATIONS

if TYPE_CHECKING:  # typing only; httpx and the OAuth helpers load when a request is made
    import httpx

    from composer.plugin import OAuthClient

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

API_URL = "https://api.x.com"
AUTHORIZE_URL = "https://x.com/i/oauth2/authorize"
WEB_URL = "https://x.com"
# X needs the exact redirect registered with the app, on 127.0.0.1 (not localhost).
REDIRECT_PORT = 8765
SCOPES = ("tweet.read", "tweet.write", "users.read", "media.write", "offline.access")

# Video (chunked upload, media_category tweet_video, processed asynchronously): MP4/MOV, H.264
# High + AAC-LC, at most 512 MB, 0.5-140 s, 60 fps, 1920x1200 (or 1200x1920), aspect 1:3-3:1;
# no captions file through the API. (1280x1024 is the old limit of the synchronous upload.)
# https://docs.x.com/x-api/media/quickstart/best-practices
VIDEO = VideoRules(
    containers=("mp4", "mov"), video_codecs=("h264",), audio_codecs=("aac",),
    max_bytes=512 * 1024 * 1024, max_duration=140, min_duration=0.5,
    max_long_side=1920, max_short_side=1200, aspect_min=1 / 3, aspect_max=3.0,
    max_fps=60, variable_fps=False,
)

SPEC = PlatformSpec(
    video=VIDEO,
    id="x",
    name="X",
    text_limit=280,
    counting=Counting.TWITTER,
    url_length=23,
    max_images=4,
    image_formats=("image/jpeg", "image/png", "image/gif", "image/webp"),
    max_image_bytes=5_000_000,  # "5 MB"; decimal reading is the conservative one
    # X documents no aspect limits; 16:9 is what the feed shows uncropped for one image.
    recommended_sizes=((1200, 675), (1080, 1080), (1080, 1350)),
    # The feed's 2-4 image grid: a 16:9 frame in columns (2: two 8:9 halves; 3: a tall half and
    # two 16:9 quarters; 4: 2x2 of 16:9). X publishes no rule; the open-source approximation
    # (UNVERIFIED against X itself):
    # https://github.com/inovector/mixpost/tree/main/resources/js/Components/ProviderGallery/Twitter
    grid_cells=((8 / 9, 8 / 9), (8 / 9, 16 / 9, 16 / 9), (16 / 9,) * 4),
    alt_text_limit=1000,
    credential_kind="oauth2_pkce",
    credentials=(
        CredentialField("client_id", "Client ID",
                        help="The OAuth 2.0 client ID of the office's app in the X developer portal"),
        CredentialField("access_token", "Access token", secret=True, by_sign_in=True),
        CredentialField("refresh_token", "Refresh token", secret=True, required=False,
                        by_sign_in=True),
        # Only for apps registered as confidential ("web app"); native apps have none.
        CredentialField("client_secret", "Client secret", secret=True, required=False),
        CredentialField("redirect_port", "Sign-in port on 127.0.0.1", required=False,
                        default=str(REDIRECT_PORT)),
        CredentialField("api_url", "API address", required=False, default=API_URL),
        CredentialField("authorize_url", "Sign-in page", required=False, default=AUTHORIZE_URL),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.THREADS, C.VERIFY, C.CONNECT}),
    unsent_parts=frozenset({"title", "tags"}),
    post_url_template="https://x.com/i/web/status/{id}",
    unverified=("max_image_bytes", "recommended_sizes"),
    sources=(
        "https://github.com/twitter/twitter-text/blob/master/config/v3.json",
        "https://docs.x.com/fundamentals/counting-characters",
    ),
)

# media_type values the one-shot upload takes (openapi MediaUploadRequestOneShot); an animated
# GIF needs the chunked upload with media_category tweet_gif, which Siaran does not send yet.
ONE_SHOT_TYPES = ("image/jpeg", "image/bmp", "image/png", "image/webp", "image/pjpeg",
                  "image/tiff")
CLOCK_SKEW = 300.0  # seconds allowed between this computer's clock and X's
MEDIA_MARGIN = 600.0  # re-upload media whose id expires within this many seconds
VIDEO_SEGMENT = 4 * 1024 * 1024  # bytes per appended segment (X takes up to 5 MB)
VIDEO_PROCESSING_TIMEOUT = 900.0


def oauth_client(account: Mapping[str, str],
                 secrets: Mapping[str, str] | None = None) -> OAuthClient:
    from composer.plugin import OAuthClient

    api = (account.get("api_url") or API_URL).rstrip("/")
    secret = (secrets or {}).get("client_secret") or None
    return OAuthClient(
        authorize_url=account.get("authorize_url") or AUTHORIZE_URL,
        token_url=api + "/2/oauth2/token", client_id=account.get("client_id", ""),
        client_secret=secret, scopes=SCOPES,
        token_auth="client_secret_basic" if secret else "none")


class XAdapter:
    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    # -- publish --------------------------------------------------------------------------------

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        api = _Api(ctx)
        parts = list(post.parts) or [post.text]
        media_ids = self._upload_media(ctx, api, post)
        ids: list[str] = list(ctx.checkpoint.get("tweet_ids", []))
        if len(ids) < len(parts) and "sent_since" not in ctx.checkpoint:
            # X has no idempotency key: the look-up after a lost answer trusts only posts from
            # this moment on, never an older post with the same words.
            ctx.save_checkpoint({"sent_since": time.time()})
        for i in range(len(ids), len(parts)):
            ctx.check_cancelled()
            ctx.progress("post", i / len(parts))
            body: dict[str, Any] = {"text": parts[i]}
            if i == 0 and media_ids:
                body["media"] = {"media_ids": media_ids}
            if i > 0:
                body["reply"] = {"in_reply_to_tweet_id": ids[i - 1]}
            data = api.call("POST", "/2/tweets", json=body)["data"]
            ids.append(str(data["id"]))
            ctx.save_checkpoint({"tweet_ids": ids})  # the moment it is known
        return self._result(ctx, ids, media_ids)

    def _upload_media(self, ctx: PublishContext, api: _Api, post: OutgoingPost) -> list[str]:
        done: list[str] = list(ctx.checkpoint.get("media_ids", []))
        if done and ctx.checkpoint.get("media_expires_at", 0) - time.time() < MEDIA_MARGIN:
            done = []  # ids from an earlier attempt expired (24 h for images): upload again
        expires = ctx.checkpoint.get("media_expires_at") if done else None
        for i in range(len(done), len(post.media)):
            ctx.check_cancelled()
            ctx.progress("upload", i / len(post.media))
            m = post.media[i]
            if m.is_video:
                media_id, data = self._upload_video(ctx, api, m)
                if m.alt:
                    api.call("POST", "/2/media/metadata", creates=False, media=True, json={
                        "id": media_id, "metadata": {"alt_text": {"text": m.alt}}})
                done.append(media_id)
                until = time.time() + float(data.get("expires_after_secs") or 86400)
                expires = until if expires is None else min(expires, until)
                ctx.save_checkpoint({"media_ids": done, "media_expires_at": expires,
                                     "x_video": None})
                continue
            with open(m.path, "rb") as fh:
                form = {"media_category": "tweet_image"}
                if m.mime in ONE_SHOT_TYPES:
                    form["media_type"] = m.mime
                data = api.call("POST", "/2/media/upload", creates=False, media=True, data=form,
                                files={"media": (Path(m.path).name, fh, m.mime)})["data"]
            media_id = str(data["id"])
            if m.alt:
                api.call("POST", "/2/media/metadata", creates=False, media=True, json={
                    "id": media_id, "metadata": {"alt_text": {"text": m.alt}}})
            done.append(media_id)
            until = time.time() + float(data.get("expires_after_secs") or 86400)
            expires = until if expires is None else min(expires, until)
            ctx.save_checkpoint({"media_ids": done, "media_expires_at": expires})
        return done

    def _upload_video(self, ctx: PublishContext, api: _Api,
                      m: RenderedMedia) -> tuple[str, dict[str, Any]]:
        """The chunked upload: initialize, append 4 MiB segments, finalize, then ask the status
        until X has processed it. Each appended segment is journalled, so after a dropped
        connection or a crash the upload goes on from the next segment of the same media id
        (sending a segment index again replaces it)."""
        size = Path(m.path).stat().st_size
        state = dict(ctx.checkpoint.get("x_video") or {})
        if state.get("size") != size or state.get("expires", 0) - time.time() < MEDIA_MARGIN:
            data = api.call("POST", "/2/media/upload/initialize", creates=False, media=True,
                            json={"media_type": m.mime, "total_bytes": size,
                                  "media_category": "tweet_video"})["data"]
            state = {"id": str(data["id"]), "size": size, "next": 0,
                     "expires": time.time() + float(data.get("expires_after_secs") or 86400)}
            ctx.save_checkpoint({"x_video": state})
        media_id = state["id"]
        segments = max(1, -(-size // VIDEO_SEGMENT))
        with open(m.path, "rb") as fh:
            for index in range(int(state["next"]), segments):
                ctx.check_cancelled()
                fh.seek(index * VIDEO_SEGMENT)
                chunk = fh.read(VIDEO_SEGMENT)
                api.call("POST", f"/2/media/upload/{media_id}/append", creates=False, media=True,
                         data={"segment_index": str(index)},
                         files={"media": ("blob", chunk, "application/octet-stream")})
                state["next"] = index + 1
                ctx.save_checkpoint({"x_video": dict(state)})
                ctx.progress("upload", (index + 1) / segments)
        data = api.call("POST", f"/2/media/upload/{media_id}/finalize", creates=False,
                        media=True)["data"]
        deadline = time.monotonic() + VIDEO_PROCESSING_TIMEOUT
        while True:
            info = data.get("processing_info") or {}
            state_name = info.get("state", "succeeded")
            if state_name == "succeeded":
                return media_id, data
            if state_name == "failed":
                error = info.get("error") or {}
                ctx.save_checkpoint({"x_video": None})  # a new upload next time
                raise MediaInvalid(_("X could not process the video: {reason}",
                                     reason=error.get("message") or error.get("name") or "?"))
            if time.monotonic() > deadline:
                raise Transient(_("X is still processing the video"))
            if ctx.cancel_event.wait(min(float(info.get("check_after_secs") or 1), 30.0)):
                ctx.check_cancelled()
            data = api.call("GET", "/2/media/upload", creates=False, media=True,
                            params={"command": "STATUS", "media_id": media_id})["data"]

    def _result(self, ctx: PublishContext, ids: list[str], media_ids: list[str]) -> PublishResult:
        web = (ctx.account.get("web_url") or WEB_URL).rstrip("/")
        return PublishResult(remote_id=ids[0], url=f"{web}/i/web/status/{ids[0]}",
                             extra={"ids": ids, "media_ids": media_ids})

    # -- after a lost answer ------------------------------------------------------------------

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        """Look for our parts among the user's posts since the first send (X keeps no
        idempotency key). Found parts are checkpointed; a later publish sends only the rest."""
        parts = list(post.parts) or [post.text]
        ids: list[str] = list(ctx.checkpoint.get("tweet_ids", []))
        since = ctx.checkpoint.get("sent_since")
        if len(ids) < len(parts) and since is not None:
            api = _Api(ctx)
            me = api.call("GET", "/2/users/me", creates=False)["data"]["id"]
            start = datetime.fromtimestamp(since - CLOCK_SKEW, UTC)
            answer = api.call("GET", f"/2/users/{me}/tweets", creates=False, params={
                "max_results": 100, "start_time": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "tweet.fields": "created_at,referenced_tweets"})
            for tweet in reversed(answer.get("data") or []):  # oldest first
                i = len(ids)
                if i >= len(parts):
                    break
                replied = [r.get("id") for r in tweet.get("referenced_tweets") or []
                           if r.get("type") == "replied_to"]
                chain_ok = not replied if i == 0 else replied == [ids[i - 1]]
                if chain_ok and _same_text(tweet.get("text", ""), parts[i]):
                    ids.append(str(tweet["id"]))
            if len(ids) > len(ctx.checkpoint.get("tweet_ids", [])):
                ctx.save_checkpoint({"tweet_ids": ids})
        if len(ids) < len(parts):
            return None
        return self._result(ctx, ids, list(ctx.checkpoint.get("media_ids", [])))

    # -- the rest ---------------------------------------------------------------------------------

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        api = _Api(ctx)
        for tweet_id in reversed(list(result.extra.get("ids") or [result.remote_id])):
            api.call("DELETE", f"/2/tweets/{tweet_id}", creates=False, ok=(404,))

    def verify(self, ctx: PublishContext) -> AccountInfo:
        data = _Api(ctx).call("GET", "/2/users/me", creates=False,
                              params={"user.fields": "profile_image_url"})["data"]
        return AccountInfo(display_name=data.get("name", ""), handle="@" + data.get("username", ""),
                           avatar_url=data.get("profile_image_url"))

    def connect(self, account: Mapping[str, str], secrets: Mapping[str, str] | None = None, *,
                choose: ChooseFn | None = None,
                **sign_in: Any) -> tuple[dict[str, str], dict[str, str]]:
        """Sign in on the app's registered 127.0.0.1 port; returns (settings, secrets)."""
        from composer import plugin

        port = int(account.get("redirect_port") or REDIRECT_PORT)
        tokens = plugin.sign_in(oauth_client(account, secrets), port=port, **sign_in)
        return {}, tokens.secrets()

    def renew(self, ctx: PublishContext) -> float | None:
        """A new access token (and, X rotating them, a new refresh token) before the old lapses;
        the new secrets reach the keyring through ``ctx.update_secrets``."""
        api = _Api(ctx)
        if not api.refreshed:
            api.refresh()
        return _expiry(ctx.secrets)


class _Api:
    """One publish's view of the API: the current token, refreshed (and rotated) at most once."""

    def __init__(self, ctx: PublishContext):
        self.ctx = ctx
        self.base = (ctx.account.get("api_url") or API_URL).rstrip("/")
        self.token = ctx.secrets.get("access_token") or ""
        self.refresh_token = ctx.secrets.get("refresh_token") or ""
        self.refreshed = False
        expires_at = ctx.secrets.get("expires_at")
        if expires_at and float(expires_at) - time.time() < 60:
            self.refresh()  # known to be stale: renew before sending anything

    def refresh(self) -> None:
        import httpx

        from composer import plugin

        self.refreshed = True
        if not self.refresh_token:
            raise AuthExpired(_("The X sign-in expired; sign in again"))
        try:
            tokens = plugin.refresh(oauth_client(self.ctx.account, self.ctx.secrets),
                                   self.refresh_token, http=self.ctx.client)
        except plugin.TokenError as exc:
            if exc.status is not None and exc.status >= 500:
                raise Transient("X could not renew the sign-in now", status=exc.status) from None
            raise AuthExpired(_("X refused to renew the sign-in; sign in again")) from None
        except httpx.HTTPError as exc:
            raise from_transport(exc, creates=False) from None
        # Rotation: the old refresh token is now spent; the keyring must get the new one first,
        # and so must this context (a look-up after this publish uses the same ctx).
        self.ctx.update_secrets(tokens.secrets())
        if isinstance(self.ctx.secrets, MutableMapping):
            self.ctx.secrets.update(tokens.secrets())
        self.token, self.refresh_token = tokens.access_token, tokens.refresh_token or ""

    def call(self, method: str, path: str, *, creates: bool = True, media: bool = False,
             ok: tuple[int, ...] = (), **kw: Any) -> Any:
        while True:
            if not self.token:
                raise AuthExpired(_("The X sign-in expired; sign in again"))
            response = ERRORS.send(self.ctx.client, method, self.base + path, creates=creates,
                                   headers={"Authorization": f"Bearer {self.token}"}, **kw)
            if response.status_code == 401 and not self.refreshed:
                # Refused before acting: renewing the token and sending again cannot duplicate.
                self.refresh()
                for value in kw.values():  # rewind files for the second send
                    if isinstance(value, dict):
                        for f in value.values():
                            if isinstance(f, tuple) and hasattr(f[1], "seek"):
                                f[1].seek(0)
                continue
            break
        return _body(ERRORS.check(response, creates=creates, media=media, ok=ok))


class XErrors(HttpErrors):
    """X's problem details: the first error's message; "duplicate content" comes as a 403; a
    429 waits for the 15-minute window or, when that ran out, the 24-hour plan cap."""

    def reason(self, response: httpx.Response, body: Any, status: int) -> str:
        return _problem(response)

    def classify(self, response: httpx.Response, body: Any, status: int, reason: str, *,
                 creates: bool, media: bool) -> AdapterError | None:
        if status == 403 and "duplicate" in reason.lower():
            return Duplicate(reason, status=status)
        return None

    def retry_after(self, response: httpx.Response, body: Any, reason: str) -> float | None:
        return _wait(response.headers)

    def rate_limit_error(self, reason: str, wait: float | None, status: int) -> AdapterError:
        return RateLimited(reason, retry_after=wait)

    def media_refused(self, response: httpx.Response, body: Any, status: int,
                      reason: str) -> bool:
        return status in (400, 413, 415)


ERRORS = XErrors()


def _wait(headers: Mapping[str, str]) -> float | None:
    """Seconds until X lets us post again: the 15-minute window (x-rate-limit-reset, epoch), or
    the 24-hour plan cap when that is what ran out (x-user-limit-24hour-*, observed in
    akrherz/iembot#163), so the engine does not knock again in a few minutes."""
    wait = retry_after(headers)
    for cap in ("x-user-limit-24hour", "x-app-limit-24hour"):
        if headers.get(cap + "-remaining") == "0" and headers.get(cap + "-reset"):
            until = seconds_until(headers[cap + "-reset"])
            if until is not None:
                wait = max(wait or 0.0, until)
    return wait


def _body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return {}


def _problem(response: httpx.Response) -> str:
    """One line from X's problem details (first error message, detail, or title)."""
    body = _body(response)
    text = ""
    if isinstance(body, dict):
        errors = body.get("errors") or []
        first = errors[0] if errors and isinstance(errors[0], dict) else {}
        # The first error says what was wrong; "detail" is often the generic sentence.
        text = first.get("message") or body.get("detail") or body.get("title") or ""
    text = text or f"HTTP {response.status_code}"
    return " ".join(str(text).split())[:300]


_URL = re.compile(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/[^\s]*)?", re.I)


def _norm(text: str) -> str:
    """X answers with &amp; escapes and t.co links (plus a t.co link for attached media):
    compare the words, NFC-normalised, without links or spacing."""
    import html  # (its entity table: loaded when a text is read back, not at start-up)

    text = unicodedata.normalize("NFC", html.unescape(text))
    return " ".join(_URL.sub(" ", text).split())


def _same_text(remote: str, local: str) -> bool:
    return _norm(remote) == _norm(local)


# How the feed draws a post: avatar circle ~40, text above media, no fold up to 280, display_url, ALT bottom-left.
PREVIEW = PreviewRules("x", url="x", alt_badge="bottom-left", link_card="image", actions=(("↩", "4"), ("⟲", "12"), ("♡", "48"), ("ılı", "1,2K"), ("⤴", "")))

PLATFORM = Platform(SPEC, XAdapter, preview=PREVIEW, translations=TRANSLATIONS)


def _expiry(secrets: Mapping[str, str]) -> float | None:
    value = secrets.get("expires_at")
    return float(value) if value else None
