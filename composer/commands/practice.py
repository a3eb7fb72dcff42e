"""`siaran practice`: start every practice server there is and add a practice account for each,
so the officer can train (publish, fail, resume, unpublish) without touching real accounts.

Runs until Ctrl+C, then stops the servers and removes the practice accounts (their addresses
change on every start). A fake registers itself by living in platforms/practice/ (see
platforms.practice.fakes), so this command never changes when a platform is added.
"""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

from composer.core.i18n import _

if TYPE_CHECKING:
    from platforms.practice.server import FakeServer

PREFIX = "practice-"


def add_arguments(parser) -> None:
    parser.add_argument("--latency", type=float, default=0.0, metavar="SECONDS",
                        help=_("delay every answer, to watch progress"))
    parser.add_argument("--only", default="", metavar="ID[,ID...]",
                        help=_("start only these platforms' practice servers"))


class Practice:
    """The running practice servers and their accounts; also used by the app's switch."""

    def __init__(self, accounts, *, latency: float = 0.0, only: set[str] | None = None):
        self.accounts = accounts
        self.latency = latency
        self.only = only
        self.servers: dict[str, FakeServer] = {}

    def start(self) -> list[tuple[str, str, str]]:
        """Start the fakes and (re)add their accounts; returns (account, platform, url)."""
        from platforms.practice import fakes

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


def run(args, *, stop: threading.Event | None = None) -> int:
    from composer.commands.accounts import services
    from platforms.practice import broken_fakes

    _store, _registry, accounts = services()
    only = {p.strip() for p in args.only.split(",") if p.strip()} or None
    practice = Practice(accounts, latency=args.latency, only=only)
    try:
        started = practice.start()
        for name, problem in broken_fakes().items():
            print(_("practice server {name} failed to load: {error}", name=name, error=problem),
                  file=sys.stderr)
        if not started:
            print(_("No practice servers are available"), file=sys.stderr)
            return 1
        for name, platform_id, url in started:
            print(f"{name:<22} {platform_id:<10} {url}")
        print(_("Practice accounts are ready; publish with --to {example}. Ctrl+C stops.",
                example=started[0][0]), flush=True)
        if stop is not None:
            stop.wait()
        else:
            _wait_forever()
    except KeyboardInterrupt:
        pass
    finally:
        practice.stop()
    return 0


def _wait_forever() -> None:
    import signal

    def terminate(signum, frame):  # SIGTERM stops as cleanly as Ctrl+C
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, terminate)
    event = threading.Event()
    while not event.wait(0.5):
        pass
