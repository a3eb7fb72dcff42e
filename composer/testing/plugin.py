"""Siaran's pytest plugin: the fixtures for testing a channel adapter, built-in or a third
party's, against its practice server and through the real engine. pytest loads it by itself in
any environment where Siaran is installed (the ``pytest11`` entry point ``siaran``); turn it off
with ``-p no:siaran``.

Fixtures (see ``pytest --fixtures``):

- ``siaran_home``: an empty SIARAN_HOME for this test, messages in English. Not automatic: ask
  for it (or make it autouse in your conftest, as Siaran's own suite does).
- ``in_memory_keyring``: a fresh in-memory keyring for the test, for tests not about the keyring.
- ``real_keyring``: the real Secret Service backend; skips when there is none (fails under CI).
- ``practice_server``: ``practice_server(FakeMastodon)`` or ``practice_server("mastodon")`` starts
  a practice server, stops it after the test and fails the test if the server crashed.
- ``practice_client``: an httpx client with short timeouts for calling an adapter directly
  (``read`` from the ``practice_read_timeout`` fixture, 1 s; override it in a module).
- ``practice_engine``: ``practice_engine(platform, server)`` the real engine publishing to a
  practice account on ``server``, secrets in the in-memory keyring (see ``engine.py``).

Modules are imported inside the fixtures, so loading the plugin costs a pytest run nothing.
"""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def siaran_home(tmp_path, monkeypatch):
    """An empty Siaran home for this test (SIARAN_HOME), English messages."""
    from composer.core import i18n

    home = tmp_path / "siaran-home"
    home.mkdir()
    monkeypatch.setenv("SIARAN_HOME", str(home))
    monkeypatch.setenv("SIARAN_LANG", "en")
    i18n.set_language(None)
    return home


@pytest.fixture
def in_memory_keyring():
    """A fresh in-memory keyring (``.items`` holds what was stored) for the test's duration."""
    from composer.testing.keyring import memory_keyring

    with memory_keyring() as backend:
        yield backend


@pytest.fixture(scope="session")
def real_keyring():
    """The real Secret Service backend, probed; skips (fails under CI) when unreachable."""
    from composer.core.secrets import KeyringUnavailable, SecretStore
    from composer.testing.unavailable import unavailable

    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        unavailable("no D-Bus session bus: run the tests with scripts/test to use a real "
                    "gnome-keyring Secret Service")
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    try:
        assert SecretStore(backend, probe_timeout=20).backend is backend
    except KeyringUnavailable as exc:
        unavailable(f"no Secret Service reachable: {exc}")
    return backend


@pytest.fixture
def practice_server():
    """Start practice servers: ``practice_server(FakeClass or "platform id", **kwargs)``."""
    from platforms.practice import fakes

    started = []

    def start(fake, **kwargs):
        cls = fakes()[fake] if isinstance(fake, str) else fake
        server = cls(**kwargs).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
    crashed = [e for server in started for e in server.errors]
    assert not crashed, "a practice server crashed (a bug in the fake):\n" + crashed[0]


@pytest.fixture
def practice_read_timeout() -> float:
    """Seconds ``practice_client`` waits for an answer; override for slow practice servers."""
    return 1.0


@pytest.fixture
def practice_client(practice_read_timeout):
    import httpx

    with httpx.Client(timeout=httpx.Timeout(5, read=practice_read_timeout)) as client:
        yield client


@pytest.fixture
def practice_engine(siaran_home, in_memory_keyring):
    """``practice_engine(platform, server, account="practice", policy=..., sleep=..., rng=...)``:
    a :class:`composer.testing.engine.PracticeEngine`; its store is closed after the test."""
    from composer.testing.engine import practice_engine as build

    built = []

    def make(platform, server, **kwargs):
        practice = build(platform, server, **kwargs)
        built.append(practice)
        return practice

    yield make
    for practice in built:
        practice.store.close()  # closing twice is harmless: a test may close it itself
