"""A missing peer or service skips a test locally, saying why, and fails it under CI=true (so a
CI run cannot pass with every end-to-end test skipped)."""

import socket

import pytest
import real_peers

from composer.testing.unavailable import unavailable


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("ci", ["", "false", "0"])
def test_locally_it_skips_with_the_reason(monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match="WordPress peer not started"):
        unavailable("WordPress peer not started")


@pytest.mark.parametrize("ci", ["true", "True", "1"])
def test_under_ci_it_fails_with_the_reason(monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="WordPress peer not started.*CI=true"):
        unavailable("WordPress peer not started")


def test_a_peer_that_does_not_answer_fails_an_e2e_test_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    url = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(pytest.fail.Exception, match=f"WordPress peer at {url} does not answer"):
        real_peers.up_or_skip(url, "/wp-json/", "WordPress")
    with pytest.raises(pytest.fail.Exception, match="Bluesky PDS peer not started"):
        real_peers.up_or_skip(None, "/xrpc/_health", "Bluesky PDS")
