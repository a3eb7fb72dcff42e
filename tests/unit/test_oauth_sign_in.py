"""`siaran sign-in`: the browser sign-in from the command line, against the practice fakes
(the browser is played by httpx), tokens to the keyring only."""

from __future__ import annotations

import httpx
import pytest

from composer import cli
from composer.testing.keyring import memory_keyring
from platforms.practice.mastodon import FakeMastodon
from platforms.practice.x import FakeX


def browser(url: str) -> bool:
    with httpx.Client(follow_redirects=True, timeout=5) as http:
        http.get(url)
    return True


@pytest.fixture
def ring(monkeypatch):
    monkeypatch.setattr("webbrowser.open", browser)
    with memory_keyring() as backend:
        yield backend


def test_mastodon_sign_in_saves_the_account_with_tokens_in_the_keyring(ring, siaran_home, capsys):
    with FakeMastodon() as fake:
        assert cli.main(["sign-in", "mastodon", "--name", "kanwil", "--instance", fake.url,
                         "--timeout", "10"]) == 0
        token = next(v for (service, field), v in ring.items.items() if field == "access_token")
        assert token in fake.tokens
    assert "Signed in; added kanwil (Mastodon)" in capsys.readouterr().out
    files = [p for p in siaran_home.rglob("*") if p.is_file()]
    assert files and not any(token.encode() in p.read_bytes() for p in files)


def test_x_sign_in_on_the_fixed_port(ring, capsys):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with FakeX() as fake:
        settings, _ = fake.practice_account()
        assert cli.main(["sign-in", "x", "--name", "humas", "--client-id", settings["client_id"],
                         "--api-url", fake.url, "--redirect-port", str(port), "--authorize-url",
                         settings["authorize_url"], "--timeout", "10"]) == 0
        auth = fake.requests_to("GET", "/i/oauth2/authorize")[0]
        assert auth.query["redirect_uri"] == f"http://127.0.0.1:{port}/callback"
        saved = {field: v for (service, field), v in ring.items.items()}
        assert saved["refresh_token"] in fake.refresh_tokens and saved["access_token"] in fake.access
    assert "Signed in; added humas (X)" in capsys.readouterr().out


def test_a_platform_without_browser_sign_in_is_a_plain_error(ring, capsys):
    assert cli.main(["sign-in", "telegram", "--name", "t"]) == 2
    assert "has no browser sign-in" in capsys.readouterr().err
