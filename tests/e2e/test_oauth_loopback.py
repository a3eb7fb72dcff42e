"""Signing in through a real OAuth 2.0 server (panva/oidc-provider, tests/peers/oauth) with the
app's own loopback listener, PKCE and token exchange. The "browser" is httpx driving the
provider's real login and consent pages.

Skips (with the reason printed) only when the peer is not running: scripts/test starts it.
"""

from __future__ import annotations

import socket

import httpx
import pytest
from oauth_peer import Browser, discover

from composer.core import oauth
from composer.testing.unavailable import unavailable

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def provider() -> dict:
    return discover()


def client(meta: dict, client_id: str = "composer-native", **kw) -> oauth.OAuthClient:
    return oauth.OAuthClient(
        authorize_url=meta["authorization_endpoint"], token_url=meta["token_endpoint"],
        client_id=client_id, scopes=("tweet.write", "media.write", "offline_access"),
        extra={"prompt": "consent"}, **kw)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_public_client_signs_in_over_any_loopback_port_and_refresh_rotates(provider):
    browser = Browser()
    tokens = oauth.sign_in(client(provider), open_browser=browser, timeout=30)

    assert tokens.access_token and tokens.refresh_token
    assert tokens.token_type == "Bearer"
    assert "tweet.write" in tokens.scope and not tokens.expired()
    # The provider only issues the code to the exact loopback redirect the app listened on.
    assert browser.visited[-1].startswith("http://127.0.0.1:")
    # PKCE S256 is on (the provider requires it, so the token exchange proved the verifier).
    assert "code_challenge_method=S256" in browser.opened and "code_verifier" not in browser.opened

    renewed = oauth.refresh(client(provider), tokens.refresh_token)
    assert renewed.access_token != tokens.access_token
    assert renewed.refresh_token and renewed.refresh_token != tokens.refresh_token
    # Rotation: the old refresh token is burnt, so the caller must store the new one.
    with pytest.raises(oauth.TokenError) as refused:
        oauth.refresh(client(provider), tokens.refresh_token)
    assert refused.value.error == "invalid_grant"
    assert tokens.refresh_token not in str(refused.value)


def test_fixed_port_like_x(provider):
    port = free_port()
    browser = Browser()
    tokens = oauth.sign_in(client(provider), port=port, open_browser=browser, timeout=30)
    assert tokens.access_token
    assert browser.visited[-1].startswith(f"http://127.0.0.1:{port}/callback?code=")


@pytest.mark.parametrize("client_id, method", [
    ("composer-confidential", "client_secret_basic"),  # X "web app" style
    ("composer-post", "client_secret_post"),  # Mastodon style
])
def test_confidential_clients(provider, client_id, method):
    tokens = oauth.sign_in(
        client(provider, client_id, client_secret="composer-secret", token_auth=method),
        open_browser=Browser(), timeout=30)
    assert tokens.access_token and tokens.refresh_token


def test_wrong_client_secret_is_a_plain_error(provider):
    with pytest.raises(oauth.TokenError) as failed:
        oauth.sign_in(client(provider, "composer-confidential", client_secret="wrong"),
                      open_browser=Browser(), timeout=30)
    assert "wrong" not in str(failed.value)
    assert "\n" not in str(failed.value)


def test_officer_cancels_on_the_consent_page(provider):
    with pytest.raises(oauth.AccessDenied):
        oauth.sign_in(client(provider), open_browser=Browser(cancel=True), timeout=30)


def test_refresh_through_the_adapters_own_client(provider):
    tokens = oauth.sign_in(client(provider), open_browser=Browser(), timeout=30)
    with httpx.Client(timeout=10) as http:
        renewed = oauth.refresh(client(provider), tokens.refresh_token, http=http)
    assert renewed.access_token != tokens.access_token
    assert renewed.refresh_token != tokens.refresh_token


def test_x_adapter_signs_in_and_renews_against_the_real_server(provider):
    """The X adapter's own sign-in (fixed port, X's scopes, public client) and its renewal of
    a stale token (refresh through the engine's client, rotation handed to the keyring), with
    the peer serving X's endpoint paths."""
    import logging

    from composer.core.adapters import PublishContext
    from platforms import x

    if not provider["token_endpoint"].endswith("/2/oauth2/token"):
        unavailable("the running OAuth peer predates X's endpoint paths (restart tests/peers/oauth)")
    port = free_port()
    account = {"client_id": "composer-native", "api_url": provider["issuer"],
               "authorize_url": provider["authorization_endpoint"], "redirect_port": str(port)}
    browser = Browser()
    settings, secrets = x.XAdapter().connect(account, open_browser=browser, timeout=30)
    assert settings == {} and set(secrets) == {"access_token", "refresh_token", "expires_at"}
    assert f"redirect_uri=http%3A%2F%2F127.0.0.1%3A{port}%2Fcallback" in browser.opened
    assert "scope=tweet.read+tweet.write+users.read+media.write+offline.access" in browser.opened

    saved: list[dict] = []
    with httpx.Client(timeout=10) as http:
        ctx = PublishContext(client=http, account=account, secrets={**secrets, "expires_at": "0"},
                             log=logging.getLogger("e2e"), update_secrets=saved.append)
        x._Api(ctx)  # a stale token is renewed before anything is sent
    assert len(saved) == 1 and saved[0]["refresh_token"] != secrets["refresh_token"]
    assert ctx.secrets["access_token"] == saved[0]["access_token"]
    with pytest.raises(oauth.TokenError):  # rotated: the old refresh token is spent
        oauth.refresh(x.oauth_client(account), secrets["refresh_token"])
