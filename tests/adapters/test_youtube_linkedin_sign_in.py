"""The YouTube (Google) and LinkedIn sign-ins, run against a real OAuth 2.0 server
(panva/oidc-provider, tests/peers/oauth) through the shared loopback flow: any 127.0.0.1 port,
PKCE, the platform's client authentication, the refresh token kept, and (YouTube) a stale
access token renewed through the engine's client before anything is sent.

Skips (with the reason printed) only when the peer is not running: scripts/test starts it.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from oauth_peer import Browser, discover

from composer.core.adapters import PublishContext

pytestmark = pytest.mark.e2e
YOUTUBE_SCOPE = "https://www.googleapis.com/auth/youtube"


@pytest.fixture(scope="module")
def provider() -> dict:
    return discover(scopes={"w_organization_social", YOUTUBE_SCOPE},
                    too_old="LinkedIn's and Google's scopes")


def test_youtube_signs_in_with_offline_access_and_renews(provider):
    from platforms import youtube

    account = {"client_id": "composer-post", "authorize_url": provider["authorization_endpoint"],
               "token_url": provider["token_endpoint"]}
    browser = Browser()
    settings, secrets = youtube.YouTubeAdapter().connect(
        account, {"client_secret": "composer-secret"}, open_browser=browser, timeout=30)
    asked = parse_qs(urlsplit(browser.opened).query)
    assert asked["access_type"] == ["offline"] and asked["prompt"] == ["consent"]
    assert asked["code_challenge_method"] == ["S256"]
    assert urlsplit(asked["redirect_uri"][0]).hostname == "127.0.0.1"
    assert settings == {} and {"access_token", "refresh_token"} <= set(secrets)

    saved: list = []
    with httpx.Client(timeout=10) as http:
        ctx = PublishContext(client=http, account=account,
                             secrets={**secrets, "client_secret": "composer-secret",
                                      "expires_at": "0"},
                             log=logging.getLogger("e2e"), update_secrets=saved.append)
        youtube._Api(ctx)  # stale: renewed before anything is sent
    assert len(saved) == 1 and saved[0]["access_token"] != secrets["access_token"]


def test_linkedin_signs_in_with_the_client_secret_in_the_form(provider):
    from platforms import linkedin

    # The organisation named beforehand: no list to ask LinkedIn for (the peer has none).
    account = {"client_id": "composer-post", "authorize_url": provider["authorization_endpoint"],
               "token_url": provider["token_endpoint"], "organization": "2414183"}
    browser = Browser()
    settings, secrets = linkedin.LinkedInAdapter().connect(
        account, {"client_secret": "composer-secret"}, open_browser=browser, timeout=30)
    assert settings == {"organization": "urn:li:organization:2414183"}
    assert secrets["access_token"]
    asked = parse_qs(urlsplit(browser.opened).query)
    assert asked["client_id"] == ["composer-post"] and asked["code_challenge_method"] == ["S256"]
