"""Signing in from the desktop: OAuth 2.0 authorization code + PKCE (S256) + state, with a one-shot
loopback redirect on 127.0.0.1 (RFC 8252 §7.3) and the system browser.

authlib does the OAuth (authorization URL, PKCE challenge, state check, token exchange, refresh);
this module adds what a desktop app needs around it: the loopback listener, the browser step, a
timeout, cancel, and one-line translated errors. Tokens go back to the caller, who puts them in
the keyring (SecretStore); they never reach a log, a repr or an exception message.

    client = OAuthClient(authorize_url=..., token_url=..., client_id=..., scopes=("a", "b"))
    tokens = sign_in(client, port=8765)            # X needs its registered fixed port
    tokens = refresh(client, tokens.refresh_token)  # new access (and maybe refresh) token

Platforms that register the redirect URI per sign-in (Mastodon) open the listener first, so they
know the port, then call ``authorize`` with it:

    with LoopbackRedirect() as redirect:
        client = register_app(redirect.redirect_uri)
        tokens = authorize(client, redirect)
"""

from __future__ import annotations

import errno
import html
import threading
import time
import warnings
import webbrowser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from composer.core.adapters import Choice, ChooseFn
from composer.core.i18n import UserError, _

if TYPE_CHECKING:  # pragma: no cover
    import authlib.integrations.httpx_client
    import authlib.oauth2.client
    import httpx

DEFAULT_TIMEOUT = 300.0  # seconds the officer has to finish signing in in the browser
CALLBACK_PATH = "/callback"


# ---------------------------------------------------------------------------------------------
# Errors: one translated line each, never a token in them.


class SignInError(UserError):
    """Signing in did not work; ``str()`` says why in one translated line."""


class StateMismatch(SignInError):
    """The answer did not belong to this sign-in (a stale tab, or someone else's request)."""


class AccessDenied(SignInError):
    """The officer (or the platform) declined access."""


class SignInTimeout(SignInError):
    pass


class PortInUse(SignInError):
    pass


class SignInCancelled(SignInError):
    pass


class NoBrowser(SignInError):
    pass


class TokenError(SignInError):
    """The token endpoint refused (``error`` is the OAuth code, e.g. ``invalid_grant``)."""

    def __init__(self, message: str, *, error: str = "", status: int | None = None):
        super().__init__(message)
        self.error = error
        self.status = status


# ---------------------------------------------------------------------------------------------
# What a sign-in needs and what it gives back.


@dataclass(frozen=True)
class OAuthClient:
    """A platform's endpoints and this app's registration there."""

    authorize_url: str
    token_url: str
    client_id: str
    client_secret: str | None = field(default=None, repr=False)
    scopes: tuple[str, ...] = ()
    # "none" (public client), "client_secret_basic" or "client_secret_post"; None picks basic
    # when there is a secret (authlib's default).
    token_auth: str | None = None
    # Extra authorization parameters, e.g. {"prompt": "consent"}.
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Tokens:
    access_token: str = field(repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    expires_at: float | None = None  # epoch seconds
    scope: str = ""
    token_type: str = "Bearer"

    @classmethod
    def from_response(cls, token: Mapping[str, Any], *, keep_refresh: str | None = None) -> Tokens:
        expires_at = token.get("expires_at")
        if expires_at is None and token.get("expires_in") is not None:
            expires_at = time.time() + float(token["expires_in"])
        return cls(
            access_token=str(token["access_token"]),
            # A refresh answer without a new refresh token means: keep using the old one.
            refresh_token=token.get("refresh_token") or keep_refresh,
            expires_at=float(expires_at) if expires_at is not None else None,
            scope=str(token.get("scope") or ""),
            token_type=str(token.get("token_type") or "Bearer"),
        )

    def secrets(self) -> dict[str, str]:
        """The fields that belong in the keyring (the names adapters' specs use)."""
        out = {"access_token": self.access_token}
        if self.refresh_token:
            out["refresh_token"] = self.refresh_token
        if self.expires_at is not None:
            out["expires_at"] = f"{self.expires_at:.0f}"
        return out

    def expired(self, *, leeway: float = 60.0, now: float | None = None) -> bool:
        if self.expires_at is None:
            return False
        return (now if now is not None else time.time()) >= self.expires_at - leeway


# ---------------------------------------------------------------------------------------------
# The loopback listener.


class LoopbackRedirect:
    """Listens on 127.0.0.1 for the one browser request that carries the answer.

    Binds at construction, so a taken port is reported before the browser opens; serves in a
    thread, so an injected "browser" may drive the whole flow synchronously (tests do).
    ``port=0`` takes any free port (fine where the redirect may use any loopback port, RFC 8252
    §7.3); X needs the exact port registered with the app.
    """

    def __init__(self, port: int = 0, path: str = CALLBACK_PATH):
        self.path = path
        self._answer: str | None = None
        self._done = threading.Event()
        try:
            self._server = HTTPServer(("127.0.0.1", port), self._handler())
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                raise PortInUse(_(
                    "Port {port} on this computer is in use by another program; close it or "
                    "choose another port in the account settings", port=port)) from None
            raise
        self._server.timeout = 0.2
        self._thread = threading.Thread(target=self._serve, name="oauth-loopback", daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.path}"

    def wait(self, timeout: float = DEFAULT_TIMEOUT, cancel: threading.Event | None = None) -> str:
        """The full callback URL the browser was sent to (with code or error, and state)."""
        deadline = time.monotonic() + timeout
        while not self._done.wait(min(0.1, max(0.0, deadline - time.monotonic()))):
            if cancel is not None and cancel.is_set():
                raise SignInCancelled(_("Sign-in cancelled"))
            if time.monotonic() >= deadline:
                raise SignInTimeout(_(
                    "Sign-in timed out: no answer came back from the browser; try again"))
        assert self._answer is not None
        return self._answer

    def close(self) -> None:
        self._done.set()
        self._thread.join(2)
        self._server.server_close()

    def __enter__(self) -> LoopbackRedirect:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _serve(self) -> None:
        while not self._done.is_set():
            self._server.handle_request()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                url = urlsplit(self.path)
                query = parse_qs(url.query)
                if url.path != receiver.path or not ({"code", "error"} & query.keys()):
                    self.send_error(404)  # favicon, probes: keep waiting for the real answer
                    return
                ok = "code" in query
                # Sent before the token exchange, so it promises nothing the app may not keep.
                title = _("Sign-in received") if ok else _("Sign-in failed")
                note = _("You can close this window and return to Siaran.")
                page = (f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title>"
                        f"<h1>{html.escape(title)}</h1><p>{html.escape(note)}</p>").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(page)
                if not receiver._done.is_set():
                    receiver._answer = f"{receiver.redirect_uri}?{url.query}"
                    receiver._done.set()

            def log_message(self, *args: object) -> None:
                pass  # the query holds the authorization code: never print it

        return Handler


# ---------------------------------------------------------------------------------------------
# The flow.


def authorize(
    client: OAuthClient,
    redirect: LoopbackRedirect,
    *,
    open_browser: Callable[[str], bool] | None = None,
    show_url: Callable[[str], None] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    cancel: threading.Event | None = None,
    **httpx_kwargs: Any,
) -> Tokens:
    """Open the browser at the platform's consent page, wait for the answer, exchange the code.

    ``open_browser`` (default: the system browser) is injectable so tests can play the
    browser; when it cannot open one, ``show_url`` (if given) shows the address for the
    officer to open by hand.
    ``httpx_kwargs`` go to the httpx client (timeout, transport ...).
    """
    from authlib.common.security import generate_token

    OAuth2Client = _authlib_httpx_client()

    httpx_kwargs.setdefault("timeout", 30.0)
    verifier = generate_token(64)  # RFC 7636: 43-128 unreserved characters
    with OAuth2Client(
        client_id=client.client_id,
        client_secret=client.client_secret,
        token_endpoint_auth_method=client.token_auth,
        scope=" ".join(client.scopes) or None,
        redirect_uri=redirect.redirect_uri,
        code_challenge_method="S256",
        **httpx_kwargs,
    ) as oauth:
        url, state = oauth.create_authorization_url(
            client.authorize_url, code_verifier=verifier, **dict(client.extra))
        if not (open_browser or webbrowser.open)(url):
            if show_url is None:
                raise NoBrowser(_("No web browser could be opened to sign in"))
            show_url(url)
        answer = redirect.wait(timeout, cancel)
        _check_answer(answer, state)
        try:
            token = oauth.fetch_token(
                client.token_url, authorization_response=answer, state=state,
                code_verifier=verifier)
        except Exception as exc:
            raise _token_error(exc, client.token_url) from None
    if not token.get("access_token"):
        raise TokenError(_("The platform's sign-in answer could not be read"), error="invalid")
    return Tokens.from_response(token)


def sign_in(
    client: OAuthClient,
    *,
    port: int = 0,
    path: str = CALLBACK_PATH,
    **kwargs: Any,
) -> Tokens:
    """The whole sign-in on a loopback port (``0``: any free one). See ``authorize``."""
    with LoopbackRedirect(port, path) as redirect:
        return authorize(client, redirect, **kwargs)


def refresh(client: OAuthClient, refresh_token: str, *, http: httpx.Client | None = None) -> Tokens:
    """Trade a refresh token for new tokens (rotation: keep whichever refresh token comes back).

    With ``http`` (an adapter's ``ctx.client``) the request goes through that client, so the
    engine's timeouts apply and transport errors (``httpx.HTTPError``) reach the adapter as they
    are; a refusal raises TokenError with the OAuth error code (``invalid_grant``: sign in again).
    """
    oauth = _bound_client(client, http) if http is not None else None
    try:
        if oauth is None:
            with _authlib_httpx_client()(client_id=client.client_id, client_secret=client.client_secret,
                              token_endpoint_auth_method=client.token_auth,
                              timeout=30.0) as own:
                token = own.refresh_token(client.token_url, refresh_token=refresh_token)
        else:
            token = oauth.refresh_token(client.token_url, refresh_token=refresh_token)
    except Exception as exc:
        import httpx

        if http is not None and isinstance(exc, httpx.HTTPError) and not isinstance(
                exc, httpx.HTTPStatusError):
            raise
        raise _token_error(exc, client.token_url) from None
    if not token.get("access_token"):
        raise TokenError(_("The platform's sign-in answer could not be read"), error="invalid")
    return Tokens.from_response(token, keep_refresh=refresh_token)


def pick_one(choices: list[Choice], *, wanted: str | None, choose: ChooseFn | None,
             refusal: str) -> Choice:
    """The page or organisation a sign-in goes on with: the ``wanted`` one (the account's own
    setting), the only one there is, or the one the officer picks from the list (``choose``:
    the window's list, the CLI's numbered menu). ``refusal`` (translated, listing the choices)
    is the error when none fits and no one can be asked."""
    if wanted:
        matching = [c for c in choices if c.id == wanted]
        if matching:
            return matching[0]
        raise SignInError(refusal)
    if len(choices) == 1:
        return choices[0]
    if not choices or choose is None:
        raise SignInError(refusal)
    chosen = choose(list(choices))
    if chosen not in choices:
        raise SignInCancelled(_("Sign-in cancelled"))
    return chosen


# ---------------------------------------------------------------------------------------------


def _check_answer(answer: str, state: str) -> None:
    """Our own checks before authlib's, so each failure gets its own plain message."""
    query = parse_qs(urlsplit(answer).query)
    if query.get("state", [None])[0] != state:
        raise _state_mismatch()
    error = query.get("error", [None])[0]
    if error == "access_denied":
        raise AccessDenied(_("Access was not granted in the browser; nothing was saved"))
    if error:
        detail = query.get("error_description", [error])[0]
        raise SignInError(_("The platform refused the sign-in: {reason}",
                            reason=_one_line(detail)))


def _state_mismatch() -> StateMismatch:
    return StateMismatch(_(
        "The sign-in answer did not match this sign-in (it may come from an older browser "
        "tab); nothing was saved, try again"))


def _token_error(exc: Exception, token_url: str) -> SignInError:
    import httpx
    from authlib.common.errors import AuthlibBaseError
    from authlib.integrations.base_client.errors import OAuthError

    host = urlsplit(token_url).netloc
    if isinstance(exc, OAuthError | AuthlibBaseError):
        code = getattr(exc, "error", "") or ""
        detail = getattr(exc, "description", "") or code
        if code == "mismatching_state":
            return _state_mismatch()
        if code == "invalid_grant":
            return TokenError(_("The sign-in has expired or was revoked; please sign in again"),
                              error=code)
        return TokenError(_("The platform refused the sign-in: {reason}",
                            reason=_one_line(detail)), error=code)
    if isinstance(exc, httpx.HTTPStatusError):
        status = exc.response.status_code
        return TokenError(_("{host} answered HTTP {status} while signing in; try again later",
                            host=host, status=status), error="http", status=status)
    if isinstance(exc, httpx.HTTPError):
        return TokenError(_("Could not reach {host} to finish signing in: {reason}",
                            host=host, reason=_one_line(str(exc) or type(exc).__name__)),
                          error="network")
    return TokenError(_("The platform's sign-in answer could not be read"), error="invalid")


def _authlib_httpx_client() -> type[authlib.integrations.httpx_client.OAuth2Client]:
    """authlib's httpx OAuth2Client, without its warning that it prefers the httpx2 fork: we
    pin httpx (pyproject.toml), which authlib 1.9 still supports."""
    import authlib.deprecate  # noqa: F401 - it installs an "always" filter on import; ours must win

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The httpx module is deprecated")
        from authlib.integrations.httpx_client import OAuth2Client
    return OAuth2Client


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bound_client(client: OAuthClient, http: httpx.Client) -> authlib.oauth2.client.OAuth2Client:
    """authlib's OAuth 2 client speaking through an existing httpx.Client (the adapter's).

    Same parts as authlib.integrations.httpx_client.OAuth2Client (its httpx auth classes), only
    bound to ``http`` instead of being a new client.
    """
    from authlib.integrations.base_client.errors import OAuthError
    from authlib.oauth2.client import OAuth2Client as BaseOAuth2Client

    _authlib_httpx_client()  # imports the package quietly first
    from authlib.integrations.httpx_client.oauth2_client import OAuth2Auth, OAuth2ClientAuth

    class Bound(BaseOAuth2Client):
        client_auth_class = OAuth2ClientAuth
        token_auth_class = OAuth2Auth
        # as authlib's own httpx client sets it (its stubs need the same ignore): base_client's
        # OAuthError, which _token_error turns into a plain line
        oauth_error_class = OAuthError  # type: ignore[assignment]

    return Bound(http, client_id=client.client_id, client_secret=client.client_secret,
                 token_endpoint_auth_method=client.token_auth)


__all__ = [
    "AccessDenied",
    "LoopbackRedirect",
    "NoBrowser",
    "OAuthClient",
    "PortInUse",
    "SignInCancelled",
    "SignInError",
    "SignInTimeout",
    "StateMismatch",
    "TokenError",
    "Tokens",
    "authorize",
    "refresh",
    "sign_in",
]
