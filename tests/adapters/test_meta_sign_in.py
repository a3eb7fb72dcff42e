"""The Meta sign-ins (Facebook Page, Instagram through Facebook Login, Threads) through the shared
loopback flow, with the authorization-code part at a real OAuth 2.0 server (panva/oidc-provider,
tests/peers/oauth) and Meta's own follow-up calls at the Meta practice fakes.

Split like that because no standard server speaks Meta's follow-ups; what each side proves:
- the real server: the authorization request's shape (client id, scopes, PKCE S256, state, a
  127.0.0.1 redirect on any port) and the code exchange with the app secret in the form
  (client_secret_post, what Threads documents; docs/platforms.md §4-6) are accepted by a strict,
  standard implementation, and a wrong app secret is refused with one plain line;
- the fakes: the short token that server issued is what goes into Meta's long-lived exchange
  (fb_exchange_token, th_exchange_token: the fake asks the real server, RFC 7662, whether it
  issued that token to this app), then the page choice (/me/accounts), the Instagram business
  account look-up, or the Threads /me, with the long-lived token.

Skips (with the reason printed) only when the peer is not running: scripts/test starts it.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import httpx
import pytest
from oauth_peer import Browser, discover

from platforms.practice.facebook import FakeFacebook
from platforms.practice.instagram import FakeInstagram
from platforms.practice.threads import FakeThreads

pytestmark = pytest.mark.e2e
META_SCOPES = {"pages_manage_posts", "instagram_content_publish", "threads_content_publish"}


@pytest.fixture(scope="module")
def provider() -> dict:
    return discover(scopes=META_SCOPES, introspection=True, too_old="the Meta app and scopes")


class RealLogin:
    """Mixed into a Meta fake: a short token is exchangeable only if the real OAuth server says
    it issued it, still active, to this app (the fake's app id and secret are the peer's
    'practice-meta-app' client)."""

    introspection_url = ""

    def accepts_short_token(self, token: str) -> bool:
        answer = httpx.post(self.introspection_url, timeout=5, data={
            "token": token, "client_id": self.app_id, "client_secret": self.app_secret}).json()
        self.introspected.append(answer)
        return bool(answer.get("active")) and answer.get("client_id") == self.app_id


def _fake(kind, provider):
    server = type(f"RealLogin{kind.__name__}", (RealLogin, kind), {})()
    server.introspection_url = provider["introspection_endpoint"]
    server.introspected = []
    return server


def _account(fake, provider) -> dict[str, str]:
    """The code grant at the real server, everything Graph at the fake."""
    return {"app_id": fake.app_id, "api_url": fake.url,
            "authorize_url": provider["authorization_endpoint"],
            "token_url": provider["token_endpoint"]}


def _assert_standard_authorization(browser: Browser, scopes) -> None:
    asked = browser.asked()
    assert asked["client_id"] == "practice-meta-app" and asked["response_type"] == "code"
    assert asked["code_challenge_method"] == "S256" and len(asked["state"]) >= 16
    redirect = urlsplit(asked["redirect_uri"])
    assert (redirect.hostname, redirect.path) == ("127.0.0.1", "/callback") and redirect.port
    assert set(asked["scope"].split()) == set(scopes)


def _assert_exchanged_the_real_servers_token(fake, scopes) -> None:
    """Exactly one exchange, of a token the real server issued to the Meta app with the asked
    scopes; the fake's own dialog and code grant were never used."""
    assert len(fake.introspected) == 1
    issued = fake.introspected[0]
    assert issued["active"] and issued["client_id"] == "practice-meta-app"
    assert set(issued["scope"].split()) == set(scopes)
    assert not fake.requests_to("GET", r"/dialog/oauth$")
    assert not fake.requests_to("POST", r"/oauth/access_token$")


@pytest.mark.parametrize("kind", [FakeFacebook, FakeInstagram, FakeThreads])
def test_each_meta_fake_still_refuses_a_token_no_one_issued(provider, kind):
    """The guard the tests below lean on: a made-up short token is not exchanged."""
    with _fake(kind, provider) as fake:
        assert fake.accepts_short_token("made-up-token") is False
        assert fake.introspected == [{"active": False}]


def test_facebook_page_signs_in_at_a_real_server_and_keeps_the_page_token(provider):
    from platforms import facebook

    browser = Browser()
    with _fake(FakeFacebook, provider) as fake:
        settings, secrets = facebook.FacebookAdapter().connect(
            _account(fake, provider), {"app_secret": fake.app_secret}, open_browser=browser,
            timeout=30)
        _assert_standard_authorization(browser, facebook.PERMISSIONS)
        _assert_exchanged_the_real_servers_token(fake, facebook.PERMISSIONS)
        (exchange,) = fake.requests_to("GET", r"/v25\.0/oauth/access_token$")
        assert exchange.query["grant_type"] == "fb_exchange_token"
        assert exchange.query["client_id"] == fake.app_id
        # The page list is read with the long-lived user token, and its page token kept.
        (pages,) = fake.requests_to("GET", r"/me/accounts$")
        assert pages.bearer() == fake.user_token
        assert fake.errors == []
    assert settings == {"page_id": fake.page_id, "app_id": fake.app_id}
    assert secrets == {"page_token": fake.page_token}


def test_instagram_signs_in_at_a_real_server_and_finds_the_business_account(provider):
    from platforms import instagram

    browser = Browser()
    with _fake(FakeInstagram, provider) as fake:
        settings, secrets = instagram.InstagramAdapter().connect(
            _account(fake, provider), {"app_secret": fake.app_secret}, open_browser=browser,
            timeout=30)
        _assert_standard_authorization(browser, instagram.PERMISSIONS)
        _assert_exchanged_the_real_servers_token(fake, instagram.PERMISSIONS)
        (exchange,) = fake.requests_to("GET", r"/oauth/access_token$")
        assert exchange.query["grant_type"] == "fb_exchange_token"
        (pages,) = fake.requests_to("GET", r"/me/accounts$")
        assert "instagram_business_account" in pages.query["fields"]
        assert pages.bearer() == fake.access_token
        assert fake.errors == []
    assert settings == {"ig_user_id": fake.user_id, "app_id": fake.app_id}
    assert secrets["access_token"] == fake.access_token
    # The long-lived token: about 60 days, not the real server's one-hour short token.
    assert float(secrets["expires_at"]) > time.time() + 50 * 86400


def test_threads_signs_in_at_a_real_server_and_exchanges_for_60_days(provider):
    from platforms import threads

    browser = Browser()
    with _fake(FakeThreads, provider) as fake:
        settings, secrets = threads.ThreadsAdapter().connect(
            _account(fake, provider), {"app_secret": fake.app_secret}, open_browser=browser,
            timeout=30)
        _assert_standard_authorization(browser, threads.SCOPES)
        _assert_exchanged_the_real_servers_token(fake, threads.SCOPES)
        (exchange,) = fake.requests_to("GET", r"^/access_token$")
        assert exchange.query["grant_type"] == "th_exchange_token"
        (me,) = fake.requests_to("GET", r"/me$")
        assert me.query["access_token"] == fake.access_token
        assert fake.errors == []
    assert settings == {"user_id": fake.user_id, "app_id": fake.app_id}
    assert secrets["access_token"] == fake.access_token
    assert float(secrets["expires_at"]) > time.time() + 50 * 86400


def test_a_wrong_app_secret_is_refused_by_the_real_server_in_one_plain_line(provider):
    from composer.core.oauth import SignInError
    from platforms import facebook

    wrong = "not-the-meta-app-secret"
    with _fake(FakeFacebook, provider) as fake:
        with pytest.raises(SignInError) as refused:
            facebook.FacebookAdapter().connect(_account(fake, provider), {"app_secret": wrong},
                                               open_browser=Browser(), timeout=30)
        assert fake.requests == []  # nothing reached Meta's side
    message = str(refused.value)  # "The platform refused the sign-in: client authentication ..."
    assert "refused" in message and "authentication" in message
    assert "\n" not in message and wrong not in message and "Traceback" not in message
