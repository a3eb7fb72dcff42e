"""The sign-in flow against a tiny in-test authorization server: the paths a real provider rarely
shows on demand (forged state, denial, silence, a taken port, a refusing token endpoint).
The happy path against a real provider is in tests/e2e/test_oauth_loopback.py."""

from __future__ import annotations

import base64
import hashlib
import secrets
import socket
import threading
from urllib.parse import urlencode

import httpx
import pytest

from composer.core import i18n, oauth
from platforms.practice.server import FakeServer, Response, route


class FakeAuthServer(FakeServer):
    """Authorization code + PKCE S256, with refresh-token rotation. ``mode`` picks the answer."""

    def __init__(self):
        super().__init__()
        # "approve" | "deny" | "forged_state" | "server_error" | "empty_token"
        self.mode = "approve"
        self.codes: dict[str, tuple[str, str]] = {}
        self.refresh_tokens: set[str] = set()
        self.omit_refresh_on_rotation = False

    @route("GET", r"/authorize")
    def authorize(self, req):
        q = req.query
        assert q["response_type"] == "code" and q["code_challenge_method"] == "S256"
        answer = {"state": q["state"]}
        if self.mode == "deny":
            answer["error"] = "access_denied"
        elif self.mode == "server_error":
            answer.update(error="temporarily_unavailable", error_description="try\nlater")
        else:
            code = secrets.token_urlsafe(16)
            self.codes[code] = (q["code_challenge"], q["redirect_uri"])
            answer["code"] = code
            if self.mode == "forged_state":
                answer["state"] = "someone-elses-state"
        return Response(302, headers={"Location": q["redirect_uri"] + "?" + urlencode(answer)})

    @route("POST", r"/token")
    def token(self, req):
        f = req.form
        if f.get("grant_type") == "authorization_code":
            challenge, redirect_uri = self.codes.pop(f.get("code", ""), (None, None))
            verifier = f.get("code_verifier", "")
            expected = base64.urlsafe_b64encode(
                hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if challenge is None or redirect_uri != f.get("redirect_uri") or expected != challenge:
                return Response(400, json={"error": "invalid_grant"})
        elif f.get("grant_type") == "refresh_token":
            if f.get("refresh_token") not in self.refresh_tokens:
                return Response(400, json={"error": "invalid_grant",
                                           "error_description": "refresh token revoked"})
            self.refresh_tokens.discard(f["refresh_token"])
        else:
            return Response(400, json={"error": "unsupported_grant_type"})
        if self.mode == "empty_token":
            return Response(200, json={"token_type": "bearer"})
        body = {"access_token": "at-" + secrets.token_hex(8), "token_type": "bearer",
                "expires_in": 7200, "scope": "tweet.write offline.access"}
        if not (self.omit_refresh_on_rotation and f["grant_type"] == "refresh_token"):
            body["refresh_token"] = "rt-" + secrets.token_hex(8)
            self.refresh_tokens.add(body["refresh_token"])
        return Response(200, json=body)


@pytest.fixture
def server():
    with FakeAuthServer() as fake:
        yield fake


def client_for(server, **kw) -> oauth.OAuthClient:
    return oauth.OAuthClient(authorize_url=server.url + "/authorize",
                             token_url=server.url + "/token", client_id="siaran",
                             scopes=("tweet.write", "offline.access"), **kw)


def browser(url: str) -> bool:
    """The officer clicks through: follow the provider's redirect to the loopback listener."""
    with httpx.Client(follow_redirects=True, timeout=5) as http:
        http.get(url)
    return True


def test_sign_in_returns_tokens_and_keeps_them_out_of_reprs(server):
    tokens = oauth.sign_in(client_for(server), open_browser=browser, timeout=5)
    assert tokens.access_token.startswith("at-") and tokens.refresh_token.startswith("rt-")
    assert tokens.expires_at and not tokens.expired()
    assert tokens.access_token not in repr(tokens)
    assert tokens.refresh_token not in repr(tokens)
    assert set(tokens.secrets()) == {"access_token", "refresh_token", "expires_at"}
    exchange = server.requests_to("POST", "/token")[0]
    assert exchange.form["client_id"] == "siaran"  # a public client names itself in the body
    assert len(exchange.form["code_verifier"]) >= 43


def test_listener_ignores_stray_requests_before_the_answer(server):
    def noisy_browser(url):
        with httpx.Client(follow_redirects=True, timeout=5) as http:
            redirect = http.get(url, follow_redirects=False).headers["location"]
            base = redirect.split("/callback")[0]
            assert http.get(base + "/favicon.ico").status_code == 404
            assert http.get(base + "/callback").status_code == 404  # no code, no error
            http.get(redirect)
        return True

    assert oauth.sign_in(client_for(server), open_browser=noisy_browser, timeout=5).access_token


def test_forged_state_is_refused_before_any_token_request(server):
    server.mode = "forged_state"
    with pytest.raises(oauth.StateMismatch) as failed:
        oauth.sign_in(client_for(server), open_browser=browser, timeout=5)
    assert "older browser tab" in str(failed.value)
    assert server.requests_to("POST", "/token") == []


def test_denied(server):
    server.mode = "deny"
    with pytest.raises(oauth.AccessDenied, match="not granted"):
        oauth.sign_in(client_for(server), open_browser=browser, timeout=5)


def test_provider_error_is_one_line(server):
    server.mode = "server_error"
    with pytest.raises(oauth.SignInError) as failed:
        oauth.sign_in(client_for(server), open_browser=browser, timeout=5)
    assert str(failed.value) == "The platform refused the sign-in: try later"


def test_timeout_when_the_browser_never_comes_back(server):
    with pytest.raises(oauth.SignInTimeout, match="timed out"):
        oauth.sign_in(client_for(server), open_browser=lambda url: True, timeout=0.3)


def test_cancel(server):
    cancel = threading.Event()

    def officer_gives_up(url):
        cancel.set()
        return True

    with pytest.raises(oauth.SignInCancelled):
        oauth.sign_in(client_for(server), open_browser=officer_gives_up, cancel=cancel)


def test_taken_port_is_reported_before_the_browser_opens(server):
    opened = []
    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        port = other_program.getsockname()[1]
        with pytest.raises(oauth.PortInUse, match=f"Port {port} .* in use"):
            oauth.sign_in(client_for(server), port=port, open_browser=opened.append)
    assert opened == []


def test_fixed_port_is_the_redirect_uri(server):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    tokens = oauth.sign_in(client_for(server), port=port, open_browser=browser, timeout=5)
    assert tokens.access_token
    authorize = server.requests_to("GET", "/authorize")[0]
    assert authorize.query["redirect_uri"] == f"http://127.0.0.1:{port}/callback"


def test_no_browser_shows_the_address_instead(server):
    shown = []

    def show(url):
        shown.append(url)
        browser(url)  # the officer copies it into a browser by hand

    tokens = oauth.sign_in(client_for(server), open_browser=lambda url: False, show_url=show,
                           timeout=5)
    assert tokens.access_token and shown[0].startswith(server.url + "/authorize?")
    with pytest.raises(oauth.NoBrowser):
        oauth.sign_in(client_for(server), open_browser=lambda url: False, timeout=5)


def test_token_endpoint_failures_are_plain(server):
    server.faults.add("status", route="POST /token", code=503)
    with pytest.raises(oauth.TokenError, match="answered HTTP 503"):
        oauth.sign_in(client_for(server), open_browser=browser, timeout=5)

    gone = oauth.OAuthClient(authorize_url=server.url + "/authorize",
                             token_url="http://127.0.0.1:9/token", client_id="siaran")
    with pytest.raises(oauth.TokenError, match="Could not reach 127.0.0.1:9"):
        oauth.sign_in(gone, open_browser=browser, timeout=5)


def test_a_token_answer_without_a_token_is_a_plain_error(server):
    server.mode = "empty_token"
    with pytest.raises(oauth.TokenError, match="could not be read"):
        oauth.sign_in(client_for(server), open_browser=browser, timeout=5)


def test_refresh_rotates_and_refuses_a_burnt_token(server):
    first = oauth.sign_in(client_for(server), open_browser=browser, timeout=5)
    second = oauth.refresh(client_for(server), first.refresh_token)
    assert second.refresh_token != first.refresh_token
    with pytest.raises(oauth.TokenError) as failed:
        oauth.refresh(client_for(server), first.refresh_token)
    assert failed.value.error == "invalid_grant"
    assert "sign in again" in str(failed.value)
    assert first.refresh_token not in str(failed.value)


def test_refresh_without_a_new_refresh_token_keeps_the_old_one(server):
    first = oauth.sign_in(client_for(server), open_browser=browser, timeout=5)
    server.omit_refresh_on_rotation = True
    with httpx.Client(timeout=5) as http:
        second = oauth.refresh(client_for(server), first.refresh_token, http=http)
    assert second.refresh_token == first.refresh_token
    assert second.access_token != first.access_token


def test_refresh_through_a_given_client_lets_transport_errors_through():
    client = oauth.OAuthClient("http://127.0.0.1:9/a", "http://127.0.0.1:9/token", "siaran")
    with httpx.Client(timeout=2) as http, pytest.raises(httpx.ConnectError):
        oauth.refresh(client, "rt", http=http)


def test_messages_in_indonesian(server, monkeypatch):
    monkeypatch.setenv("SIARAN_LANG", "id")
    i18n.set_language(None)
    server.mode = "deny"
    with pytest.raises(oauth.AccessDenied) as failed:
        oauth.sign_in(client_for(server), open_browser=browser, timeout=5)
    assert str(failed.value) != "Access was not granted in the browser; nothing was saved"


@pytest.mark.parametrize("source", ["composer/core/oauth.py", "composer/commands/sign_in.py",
                                    "platforms/mastodon.py", "platforms/x.py",
                                    "platforms/telegram.py"])
def test_every_message_has_an_indonesian_translation(source):
    import ast
    import json
    from pathlib import Path

    import composer

    root = Path(composer.__file__).parent
    tree = ast.parse((root.parent / source).read_text())
    messages = {node.args[0].value for node in ast.walk(tree)
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_"
                and node.args and isinstance(node.args[0], ast.Constant)}
    translations = {}  # the catalogs are merged at run time, whichever feature's file holds it
    for catalog in sorted((root / "resources/translations").glob("*.id.json")):
        translations.update(json.loads(catalog.read_text()))
    assert messages and messages <= set(translations), sorted(messages - set(translations))
