"""The real third-party servers of tests/peers, as the end-to-end tests meet them: where each
runs (its state/env, written by its start.sh) and whether it answers. A peer that is not there
skips the test with the reason, or under CI=true fails it (composer.testing.unavailable): a CI
run where every end-to-end test skipped would pass having tested nothing.
Shared by tests/e2e and the sign-in tests that use the OAuth peer (tests/oauth_peer.py)."""

from __future__ import annotations

import os
from pathlib import Path

import httpx

from composer.testing.unavailable import unavailable

PEERS = Path(__file__).resolve().parent / "peers"


def peer_env(name: str) -> dict[str, str]:
    """The KEY=value lines the peer's start.sh wrote to its state/env ({} when not started)."""
    path = PEERS / name / "state" / "env"
    if not path.exists():
        return {}
    pairs = (line.partition("=") for line in path.read_text().splitlines() if "=" in line)
    return {k.strip(): v.strip() for k, _, v in pairs}


def up_or_skip(url: str | None, health: str, what: str) -> str:
    """``url`` when ``url + health`` answers; else skip (fail under CI) saying why."""
    if not url:
        unavailable(f"{what} peer not started (tests/peers/*/start.sh or scripts/test)")
    try:
        httpx.get(url + health, timeout=5).raise_for_status()
    except httpx.HTTPError as exc:
        unavailable(f"{what} peer at {url} does not answer: {exc}")
    return url


def wordpress() -> dict[str, str]:
    """The running WordPress peer's env (WP_URL, WP_USER, ...)."""
    env = peer_env("wordpress")
    up_or_skip(env.get("WP_URL"), "/wp-json/", "WordPress")
    return env


def bluesky() -> dict[str, str]:
    """The running Bluesky PDS peer's env; BSKY_PDS_URL may come from the environment."""
    env = peer_env("bluesky")
    url = os.environ.get("BSKY_PDS_URL") or env.get("BSKY_PDS_URL")
    up_or_skip(url, "/xrpc/_health", "Bluesky PDS")
    return {**env, "BSKY_PDS_URL": url}
