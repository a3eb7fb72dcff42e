"""The real OAuth 2.0 server of tests/peers/oauth (panva/oidc-provider), as the sign-in tests
meet it: where it runs, and a "browser" that plays the officer on its login and consent pages.
Shared by tests/e2e/test_oauth_loopback.py and the adapters' sign-in tests."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx

from composer.testing.unavailable import unavailable

PEER = Path(__file__).resolve().parent / "peers" / "oauth"


def _issuer() -> str | None:
    if os.environ.get("OAUTH_ISSUER"):
        return os.environ["OAUTH_ISSUER"]
    env = PEER / "state" / "env"
    if env.exists():
        for line in env.read_text().splitlines():
            if line.startswith("OAUTH_ISSUER="):
                return line.partition("=")[2].strip()
    return None


def discover(*, scopes=(), introspection: bool = False, too_old: str = "") -> dict:
    """The running peer's metadata; skips (printing why) when it is not up, or when it predates
    the ``scopes`` (or introspection) a test needs — ``too_old`` says what it lacks."""
    issuer = _issuer()
    if not issuer:
        reason = "OAuth peer not started (run tests/peers/oauth/start.sh or scripts/test)"
    else:
        try:
            meta = httpx.get(issuer + "/.well-known/openid-configuration", timeout=5).json()
        except httpx.HTTPError as exc:
            reason = f"OAuth peer at {issuer} does not answer: {exc}"
        else:
            if set(scopes) <= set(meta.get("scopes_supported", [])) and (
                    not introspection or meta.get("introspection_endpoint")):
                return meta
            reason = f"the running OAuth peer predates {too_old} (restart it)"
    unavailable(reason)


class Browser:
    """Plays the officer in the browser: signs in on the dev login page, then consents (or
    cancels). Records the address it was opened on and every address it visited."""

    def __init__(self, *, login: str = "humas", cancel: bool = False):
        self.login, self.cancel = login, cancel
        self.visited: list[str] = []
        self.opened = ""

    def __call__(self, url: str) -> bool:
        self.opened = url
        with httpx.Client(follow_redirects=True, timeout=10) as http:
            page = http.get(url)
            for _ in range(6):
                self.visited.append(str(page.url))
                if page.url.host == "127.0.0.1" and page.url.path == "/callback":
                    break  # the app's loopback listener answered: done
                body = page.text
                if self.cancel:
                    abort = re.search(r'href="([^"]+/abort)"', body)
                    page = http.get(html.unescape(abort.group(1)))
                    continue
                form = re.search(r'<form[^>]*action="([^"]+)"[^>]*>(.*?)</form>', body, re.S)
                fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"',
                                         form.group(2)))
                if 'name="login"' in form.group(2):
                    fields.update(login=self.login, password="anything")
                page = http.post(urljoin(str(page.url), html.unescape(form.group(1))), data=fields)
        return True

    def asked(self) -> dict[str, str]:
        """The authorization request's query parameters."""
        return {k: v[0] for k, v in parse_qs(urlsplit(self.opened).query).items()}
