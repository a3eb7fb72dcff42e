"""The real publish engine wired to a practice server: a real SQLite store in SIARAN_HOME, the
account added as a practice account with its secrets in the (test's) keyring, and the engine's
sleep recorded instead of slept, so retries and rate-limit waits cost no real time."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from composer.core.accounts import Accounts
from composer.core.adapters import Platform
from composer.core.outcome import Outcome, Policy
from composer.core.post import Post
from composer.core.publish import Engine
from composer.core.registry import Registry
from composer.core.secrets import SecretStore
from composer.core.store import Store

if TYPE_CHECKING:
    from platforms.practice.server import FakeServer


class Sleeps(list):
    """The engine's sleep, recorded instead of slept: fault tests take no real waiting."""

    def __call__(self, seconds: float, cancel: threading.Event) -> None:
        self.append(seconds)


@dataclass
class PracticeEngine:
    """An engine publishing to one practice account (``account``) on ``server``."""

    engine: Engine
    store: Store
    server: FakeServer
    platform: Platform
    account: str
    sleeps: list[float] = field(default_factory=list)

    def publish(self, post: Post) -> Outcome:
        (outcome,) = self.engine.publish(post, [self.account])
        return outcome

    def resume(self, post: Post) -> Outcome | None:
        """Resume this post's account; None when there was nothing left to do."""
        outcomes = self.engine.resume(post.id)
        return outcomes[0] if outcomes else None


def practice_engine(platform: Platform, server: FakeServer, *, account: str = "practice",
                    policy: Policy | None = None,
                    sleep: Callable[[float, threading.Event], None] | None = None,
                    rng: random.Random | None = None) -> PracticeEngine:
    """Build it; the caller closes ``store`` (the ``practice_engine`` fixture does)."""
    store = Store()
    registry = Registry(platforms={platform.id: platform})
    accounts = Accounts(store, SecretStore(), registry=registry)
    settings, secrets = server.practice_account()
    accounts.add(account, platform.id, settings, secrets, practice=True)
    sleeps = Sleeps()
    engine = Engine(store, registry, accounts=accounts, sleep=sleep or sleeps, rng=rng,
                    policy=policy or Policy(read_timeout=0.8, connect_timeout=2.0,
                                            max_attempts=4))
    return PracticeEngine(engine, store, server, platform, account, sleeps)
