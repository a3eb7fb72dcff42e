"""Practice mode: every practice server there is, each with a practice account, so the officer
can train (publish, fail, resume, unpublish) without touching a real account.

Shared by ``siaran practice`` and the app's practice switch; built through
:meth:`composer.core.services.Services.practice`. A practice server registers itself by living in
platforms/practice/ (see ``platforms.practice.fakes``), so this never changes when a platform is
added. Practice accounts are removed on stop: their addresses change on every start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from composer.core.accounts import Accounts
    from platforms.practice.server import FakeServer

PREFIX = "practice-"


class Practice:
    """The running practice servers and their accounts."""

    def __init__(self, accounts: Accounts, *, latency: float = 0.0, only: set[str] | None = None):
        self.accounts = accounts
        self.latency = latency
        self.only = only
        self.servers: dict[str, FakeServer] = {}

    def start(self) -> list[tuple[str, str, str]]:
        """Start the servers and (re)add their accounts; returns (account, platform, url)."""
        from platforms.practice import fakes  # the practice servers ship with the platforms

        started = []
        for platform_id, cls in sorted(fakes().items()):
            if self.only and platform_id not in self.only:
                continue
            server = cls(latency=self.latency).start()
            self.servers[platform_id] = server
            settings, secrets = server.practice_account()
            name = PREFIX + platform_id
            if self.accounts.find(name) is not None:
                self.accounts.remove(name)
            self.accounts.add(name, platform_id, settings, secrets, practice=True)
            started.append((name, platform_id, server.url))
        return started

    def stop(self) -> None:
        for platform_id, server in self.servers.items():
            server.stop()
            name = PREFIX + platform_id
            if self.accounts.find(name) is not None:
                self.accounts.remove(name)
        self.servers.clear()


def broken_servers() -> dict[str, str]:
    """Practice servers that failed to load, with their one-line reason."""
    from platforms.practice import broken_fakes

    return broken_fakes()
