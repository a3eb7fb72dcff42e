"""Meta's Graph API as the Facebook Page, Instagram and Threads adapters speak it: one request
helper that sends the token, reads the usage headers and turns Graph errors into the adapter
contract's typed errors with plain, translated reasons. Facts: docs/platforms.md §4-6.

Sources: https://developers.facebook.com/docs/graph-api/guides/error-handling (error shape,
codes 1/2 transient, 4/17/32/613 throttling, 190 token), https://developers.facebook.com/docs/graph-api/overview/rate-limiting
(X-App-Usage, X-Page-Usage, X-Business-Use-Case-Usage with estimated_time_to_regain_access in
minutes), https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
(Instagram subcodes 2207xxx).
"""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from composer.plugin import (
    AdapterError,
    AuthExpired,
    Duplicate,
    HttpErrors,
    MediaInvalid,
    PublishContext,
    RateLimited,
    Rejected,
    Transient,
    Unknown,
    _,
)

if TYPE_CHECKING:  # typing only; httpx loads when a request is made
    import httpx

GRAPH_URL = "https://graph.facebook.com"
# The Graph API version when the account does not say (docs/platforms.md §5: docs currently v25/v26).
DEFAULT_VERSION = "v25.0"

# Throttling: app (4), user (17), page (32), custom (613), Pages BUC (80001 ...), and the
# Instagram publishing quota (code 9, subcode 2207042).
THROTTLE_CODES = frozenset({4, 9, 17, 32, 613, 80001, 80002, 80004, 80005, 80006, 80008})
AUTH_CODES = frozenset({102, 190})
# When a throttled answer carries no estimate: Meta's windows roll over an hour; five minutes
# is a fair first wait (the engine fails for "resume later" past its own cap).
DEFAULT_THROTTLE_WAIT = 300.0
# The publishing quotas (Instagram 50/24 h, Threads 250/24 h) roll over a day; an hour is the
# earliest a slot may free up, and longer than the engine waits: "resume later".
QUOTA_WAIT = 3600.0
WARN_USAGE = 90.0  # percent of a usage header at which the log warns


def version_base(account: Mapping[str, str], default_url: str = GRAPH_URL,
                 default_version: str = DEFAULT_VERSION) -> str:
    """``https://graph.facebook.com/v25.0`` from the account's ``api_url`` and ``graph_version``."""
    url = (account.get("api_url") or default_url).rstrip("/")
    version = (account.get("graph_version") or default_version).strip().strip("/")
    return f"{url}/{version}" if version else url


class GraphError:
    """The parts of a Graph error body the mapping looks at."""

    def __init__(self, response: httpx.Response) -> None:
        try:
            body = response.json()
        except ValueError:
            body = None
        error = body.get("error") if isinstance(body, dict) else None
        error = error if isinstance(error, dict) else {}
        self.status = response.status_code
        self.code = _int(error.get("code"))
        self.subcode = _int(error.get("error_subcode"))
        self.message = " ".join(str(error.get("message") or "").split())[:300]
        self.user_msg = " ".join(str(error.get("error_user_msg") or "").split())[:300]
        self.transient = bool(error.get("is_transient"))

    @property
    def text(self) -> str:
        return self.user_msg or self.message or f"HTTP {self.status}"


# Subcodes whose meaning the officer should read in plain words (Instagram error-code page,
# postiz facebook/instagram providers). Values: (error class, message).
_SUBCODES: dict[int, tuple[type, str]] = {
    1366046: (MediaInvalid, "Photos should be smaller than 4 MB and saved as JPG or PNG"),
    2207004: (MediaInvalid, "The image is too large; it should be less than 8 MB"),
    2207005: (MediaInvalid, "The image format is not supported; use JPEG"),
    2207009: (MediaInvalid, "The aspect ratio is not supported; use 4:5 to 1.91:1"),
    2207023: (MediaInvalid, "The media type is not known"),
    2207052: (MediaInvalid, "The image could not be fetched from its address"),
    2207003: (Transient, "Downloading the image took too long; trying again"),
    2207026: (MediaInvalid, "The video format is not supported"),
    2207050: (Rejected, "The account is restricted; open the app and follow its instructions"),
    2207051: (Rejected, "The platform suspects spam and blocked this action for now"),
    2207006: (Rejected, "The prepared media was not found; publish again"),
    2207020: (Rejected, "The prepared media expired; publish again"),
    1390008: (Rejected, "The platform blocks one of the links in this post"),
}


class GraphErrors(HttpErrors):
    """Graph's error body: ``error.code``, ``error_subcode``, ``is_transient`` and a message for
    the user; the codes say more than the HTTP status (throttling comes as code 4 or 32 ...)."""

    def __init__(self, channel: str):
        self.channel = channel

    def body(self, response: httpx.Response) -> GraphError:
        return GraphError(response)

    def reason(self, response: httpx.Response, err: Any, status: int) -> str:
        return str(err.text)

    def classify(self, response: httpx.Response, err: Any, status: int, reason: str, *,
                 creates: bool, media: bool) -> AdapterError | None:
        code, sub, channel = err.code, err.subcode, self.channel
        if sub == 2207042:  # Instagram's daily publishing quota: nothing to do before tomorrow
            return RateLimited(_("{channel} allows no more posts today: {detail}",
                                 channel=channel, detail=err.text), retry_after=QUOTA_WAIT)
        # A subcode says more than its code (Instagram's spam refusal comes as code 4).
        if sub in _SUBCODES:
            kind, message = _SUBCODES[sub]
            error: AdapterError = kind(_(message), status=status)
            return error
        if self.rate_limited(response, err, status) or self.auth_expired(response, err, status):
            return None
        if code == 506 or (code == 368 and _says_duplicate(err)):
            return Duplicate(_("{channel} says this was already posted", channel=channel),
                             status=status)
        if code == 36003:
            return MediaInvalid(_("The aspect ratio is not supported; use 4:5 to 1.91:1"),
                                status=status)
        if code == 368:
            return Rejected(_("{channel} temporarily blocks this action: {detail}",
                              channel=channel, detail=err.text), status=status)
        if code in (10, 200) or (code is not None and 200 < code < 300):
            return Rejected(_("{channel} does not allow this with the saved sign-in (missing "
                              "permission): {detail}", channel=channel, detail=err.text),
                            status=status)
        return None

    def rate_limited(self, response: httpx.Response, err: Any, status: int) -> bool:
        return err.code in THROTTLE_CODES or status == 429

    def retry_after(self, response: httpx.Response, err: Any, reason: str) -> float | None:
        return throttle_wait(response.headers)

    def rate_limit_error(self, reason: str, wait: float | None, status: int) -> AdapterError:
        return RateLimited(_("{channel} asks to slow down: {detail}", channel=self.channel,
                             detail=reason), retry_after=wait)

    def auth_expired(self, response: httpx.Response, err: Any, status: int) -> bool:
        return err.code in AUTH_CODES or status == 401

    def auth_error(self, reason: str, status: int) -> AdapterError:
        return AuthExpired(_("{channel} no longer accepts the saved sign-in: {detail}",
                             channel=self.channel, detail=reason), status=status)

    def temporary(self, response: httpx.Response, err: Any, status: int) -> bool:
        # docs/platforms.md §5: a Meta 500 ("code 2, unexpected error") may still have created the post.
        return (status >= 500 or err.code in (1, 2) or err.transient
                or err.subcode in (2207001, 2207032))

    def temporary_error(self, reason: str, status: int, *, creates: bool) -> AdapterError:
        return (Unknown if creates else Transient)(_(
            "{channel} had a temporary problem: {detail}", channel=self.channel, detail=reason),
            status=status)

    def media_refused(self, response: httpx.Response, err: Any, status: int,
                      reason: str) -> bool:
        return err.code in (100, 324, 6000, 36000, 36001)  # 6000: a video it cannot use


def _says_duplicate(err: GraphError) -> bool:
    text = f"{err.message} {err.user_msg}".lower()
    return "already posted" in text or "duplicate" in text


def throttle_wait(headers: Mapping[str, str]) -> float:
    """Seconds to wait from Meta's usage headers: the longest estimated_time_to_regain_access
    (minutes) in X-Business-Use-Case-Usage / X-Page-Usage / X-App-Usage, else a default."""
    minutes = 0.0
    for name in ("x-business-use-case-usage", "x-page-usage", "x-app-usage", "x-ad-account-usage"):
        raw = headers.get(name)
        if not raw:
            continue
        try:
            value = json.loads(raw)
        except ValueError:
            continue
        for usage in _usages(value):
            estimate = usage.get("estimated_time_to_regain_access")
            if isinstance(estimate, int | float) and estimate > minutes:
                minutes = float(estimate)
    if minutes > 0:
        return minutes * 60.0
    after = headers.get("retry-after")
    if after and after.strip().isdigit():
        return float(after)
    return DEFAULT_THROTTLE_WAIT


def _usages(value: Any) -> Iterator[dict[str, Any]]:
    """The usage dicts in a header value: BUC is {id: [usage, ...]}, the others a flat dict."""
    if isinstance(value, dict):
        if any(isinstance(v, list) for v in value.values()):
            for items in value.values():
                for item in items if isinstance(items, list) else []:
                    if isinstance(item, dict):
                        yield item
        else:
            yield value


def usage_percent(headers: Mapping[str, str]) -> float:
    """The highest usage percentage any usage header reports (0 when none)."""
    top = 0.0
    for name in ("x-business-use-case-usage", "x-page-usage", "x-app-usage"):
        try:
            value = json.loads(headers.get(name) or "null")
        except ValueError:
            continue
        for usage in _usages(value):
            for key in ("call_count", "total_cputime", "total_time"):
                if isinstance(usage.get(key), int | float):
                    top = max(top, float(usage[key]))
    return top


class Graph:
    """One publish's Graph client: base URL, token, channel name for messages.

    ``token_in="bearer"`` sends ``Authorization: Bearer`` (Facebook/Instagram Graph); ``"param"``
    sends ``access_token`` as a parameter (what Threads documents)."""

    def __init__(self, ctx: PublishContext, *, base: str, token: str, channel: str,
                 token_in: str = "bearer"):
        if not token:
            raise AuthExpired(_("Not signed in to {channel}; sign in", channel=channel))
        self.ctx, self.base, self.token, self.channel = ctx, base.rstrip("/"), token, channel
        self.token_in = token_in

    def call(self, method: str, path: str, *, creates: bool = False, media: bool = False,
             params: Mapping[str, Any] | None = None, data: Mapping[str, Any] | None = None,
             ok: tuple[int, ...] = ()) -> dict[str, Any]:
        params, data = dict(params or {}), dict(data or {})
        headers = {}
        if self.token_in == "bearer":
            headers["Authorization"] = f"Bearer {self.token}"
        elif method in ("GET", "DELETE"):
            params["access_token"] = self.token
        else:  # in the form body, never in an address a proxy or a log might keep
            data["access_token"] = self.token
        url = path if path.startswith("http") else f"{self.base}/{path.lstrip('/')}"
        errors = GraphErrors(self.channel)
        response = errors.send(self.ctx.client, method, url, creates=creates,
                               params=params or None, data=data or None, headers=headers)
        if response.status_code in ok:
            return {}
        errors.check(response, creates=creates, media=media)
        usage = usage_percent(response.headers)
        if usage >= WARN_USAGE:  # Meta throttles at 100%: say so before it happens
            self.ctx.log.warning("%s usage at %.0f%% of its rate limit", self.channel, usage)
        try:
            body = response.json()
        except ValueError:
            if creates:
                raise Unknown(_("{channel} gave an unreadable answer", channel=self.channel)) \
                    from None
            raise Transient(_("{channel} gave an unreadable answer", channel=self.channel)) \
                from None
        return body if isinstance(body, dict) else {"data": body}


def login_and_exchange(account: Mapping[str, str], secrets: Mapping[str, str],
                       scopes: tuple[str, ...], *, authorize_url: str, token_url: str,
                       exchange_url: str, exchange: Callable[[str, str, str], dict[str, str]],
                       **sign_in: Any) -> tuple[str, float | None]:
    """Meta's desktop sign-in: the shared loopback flow (composer.plugin.authorize: authorization
    code, PKCE, state) for a short-lived token, then the exchange for a long-lived one, which
    needs the app secret (docs/platforms.md §4-6). ``exchange(app_id, app_secret, short_token)`` gives
    the exchange's query. Returns (long-lived token, expiry epoch or None)."""
    import httpx

    from composer import plugin

    # "client_secret": what `siaran sign-in --client-secret-stdin` hands over
    app_id = account.get("app_id") or ""
    app_secret = secrets.get("app_secret") or secrets.get("client_secret") or ""
    if not app_id or not app_secret:
        raise plugin.SignInError(_("Signing in with Meta needs the Meta app ID and app secret"))
    client = plugin.OAuthClient(authorize_url=authorize_url, token_url=token_url,
                               client_id=app_id, client_secret=app_secret, scopes=scopes,
                               token_auth="client_secret_post")
    tokens = plugin.sign_in(client, port=int(account.get("redirect_port") or 0), **sign_in)
    try:
        answer = httpx.get(exchange_url, timeout=30,
                           params=exchange(app_id, app_secret, tokens.access_token))
    except httpx.HTTPError:
        raise plugin.SignInError(_("Could not reach Meta to finish signing in")) from None
    if answer.status_code != 200:
        raise plugin.SignInError(_("Meta refused the sign-in: {reason}",
                                  reason=GraphError(answer).text))
    body = answer.json()
    expires_in = body.get("expires_in")
    expires_at = time.time() + float(expires_in) if expires_in else None
    return str(body["access_token"]), expires_at


def facebook_login(account: Mapping[str, str], secrets: Mapping[str, str],
                   scopes: tuple[str, ...], **sign_in: Any) -> tuple[str, float | None]:
    """Facebook Login then the long-lived exchange (docs/platforms.md §5): a user token of about 60
    days. ``login_url`` (default www.facebook.com) and ``api_url`` let practice stand in;
    ``authorize_url`` and ``token_url`` move just the code grant (tests run it at a real OAuth
    server) while the exchange stays on the Graph API."""
    base = version_base(account)
    web = (account.get("login_url") or "https://www.facebook.com").rstrip("/")
    version = (account.get("graph_version") or DEFAULT_VERSION).strip("/")
    return login_and_exchange(
        account, secrets, scopes,
        authorize_url=account.get("authorize_url") or f"{web}/{version}/dialog/oauth",
        token_url=account.get("token_url") or f"{base}/oauth/access_token",
        exchange_url=f"{base}/oauth/access_token",
        exchange=lambda app_id, app_secret, short: {
            "grant_type": "fb_exchange_token", "client_id": app_id,
            "client_secret": app_secret, "fb_exchange_token": short},
        **sign_in)


def renew_long_lived(ctx: PublishContext, field: str, channel: str) -> float | None:
    """Meta's long-lived user token exchanged again (``fb_exchange_token`` with the app id and
    secret, docs/platforms.md §5) for another ~60 days; the new token goes to the keyring through
    ``ctx.update_secrets``. Returns the new expiry (epoch seconds) or None."""
    app_id = ctx.account.get("app_id") or ""
    app_secret = ctx.secrets.get("app_secret") or ctx.secrets.get("client_secret") or ""
    token = ctx.secrets.get(field) or ""
    if not (app_id and app_secret and token):
        raise AuthExpired(_("{channel} can renew the sign-in only with the Meta app ID and app "
                            "secret; sign in again", channel=channel))
    response = ctx.client.get(f"{version_base(ctx.account)}/oauth/access_token", params={
        "grant_type": "fb_exchange_token", "client_id": app_id, "client_secret": app_secret,
        "fb_exchange_token": token})
    GraphErrors(channel).check(response, creates=False)
    body = response.json()
    fresh = {field: str(body["access_token"])}
    if body.get("expires_in"):
        fresh["expires_at"] = f"{time.time() + float(body['expires_in']):.0f}"
    ctx.update_secrets(fresh)
    return float(fresh["expires_at"]) if "expires_at" in fresh else None


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def graph_time(raw: object) -> float:
    """A Graph timestamp (``2026-11-28T06:30:00+0000``, or ISO with Z) as epoch seconds; infinity
    when missing or unreadable, so a look-up still trusts the text match."""
    raw = str(raw or "")
    try:
        return datetime.strptime(raw, "%Y-%m-%dT%H:%M:%S%z").timestamp()
    except ValueError:
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).timestamp()
        except ValueError:
            return float("inf")


def same_text(remote: str, local: str) -> bool:
    """Whether a post Meta gives back is ours: the words, NFC-normalised, spacing ignored."""
    def norm(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).split())

    return norm(remote) == norm(local)

