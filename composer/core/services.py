"""The composition root: the one place that builds Siaran's core services.

The CLI (``composer.commands.services()``) and the app (``composer.gui.app.Shell``) both build
from :class:`Services`; nothing else constructs a Store, Accounts, SecretStore, registry or Engine.
Each service is built once, on first use, under a lock (the app's background tasks ask for them
from worker threads): importing this module costs nothing, so the app's window shows before the
database, the plugins, the keyring or httpx are touched.

Tests hand in their own pieces (a registry with a broken plugin, a failing keyring) through the
constructor's keyword arguments or :meth:`Services.provide`, never by reaching into the object.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from composer.core.paths import Paths, app_paths

if TYPE_CHECKING:  # the real imports are deferred to first use (start-up time)
    from collections.abc import Iterable

    from composer.core.accounts import Account, Accounts
    from composer.core.agent import Agent
    from composer.core.connections import Connections
    from composer.core.drafts import Drafts
    from composer.core.journal import Journal
    from composer.core.office import OfficeProfile
    from composer.core.post import Post
    from composer.core.practice import Practice
    from composer.core.publish import Engine
    from composer.core.queue import Queue, Sent
    from composer.core.registry import Registry
    from composer.core.secrets import SecretStore
    from composer.core.store import DraftInfo, Store, VersionInfo

T = TypeVar("T")
RENEWAL_INTERVAL = 3600.0  # seconds between two renewal checks by run-due


class _NoKeyring:
    """The secrets of an Accounts that only reads the database (listing, finding by name): the
    keyring is never opened for those, and asking it for a secret is a bug, said loudly."""

    def set(self, account: str, field: str, value: str) -> None:
        raise RuntimeError("this Accounts reads the database only")

    def get(self, account: str, field: str) -> str | None:
        raise RuntimeError("this Accounts reads the database only")

    def delete_account(self, account: str, fields: Iterable[str]) -> None:
        raise RuntimeError("this Accounts reads the database only")


class Services:
    """Store, registry, secrets, accounts, journal (history queries), engine, drafts, practice."""

    def __init__(self, paths: Paths | None = None, *, registry: Registry | None = None,
                 secrets: Any = None, on_store_notice: Callable[[str], None] | None = None):
        self._paths = paths
        self._lock = threading.RLock()
        self._built: dict[str, Any] = {}
        if registry is not None:
            self._built["registry"] = registry
        if secrets is not None:
            self._built["secrets"] = secrets
        # A damaged database moved aside on opening: the person must read where it went (the
        # CLI prints it at once; the app shows it in a message box)
        self._on_store_notice = on_store_notice

    @property
    def paths(self) -> Paths:
        """Where the files live ($SIARAN_HOME, else the system's places); the folders are made
        by whatever writes there first (the store, the log, the app's settings)."""
        if self._paths is None:
            self._paths = app_paths()
        return self._paths

    def _once(self, name: str, build: Callable[[], T]) -> T:
        with self._lock:
            if name not in self._built:
                self._built[name] = build()
            return cast(T, self._built[name])

    def provide(self, **pieces: Any) -> None:
        """Use these pieces (``registry=``, ``secrets=``, ``store=``) from now on. What was built
        on the old ones (accounts, journal, engine) is built again on next use."""
        unknown = set(pieces) - {"registry", "secrets", "store"}
        if unknown:
            raise TypeError(f"cannot provide {sorted(unknown)}")
        with self._lock:
            self._built.update(pieces)
            for dependent in ("accounts", "journal", "engine", "drafts", "connections", "queue"):
                self._built.pop(dependent, None)

    # -- the services ------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        def build() -> Store:
            from composer.core.store import Store

            store = Store(self.paths)
            if store.notice and self._on_store_notice is not None:
                self._on_store_notice(store.notice)
            return store
        return self._once("store", build)

    @property
    def registry(self) -> Registry:
        def build() -> Registry:
            from composer.core.registry import default_registry

            return default_registry()  # imports every platform plugin
        return self._once("registry", build)

    @property
    def secrets(self) -> SecretStore:
        def build() -> SecretStore:
            from composer.core.secrets import SecretStore

            return SecretStore()  # the first keyring call may take seconds
        return self._once("secrets", build)

    @property
    def accounts(self) -> Accounts:
        def build() -> Accounts:
            from composer.core.accounts import Accounts

            return Accounts(self.store, self.secrets, registry=self.registry)
        return self._once("accounts", build)

    @property
    def connections(self) -> Connections:
        """Adding accounts the platform vouched for, browser sign-ins, renewals, avatars."""
        def build() -> Connections:
            from composer.core.connections import Connections

            return Connections(self.accounts, self.registry, lambda: self.engine, self.office,
                               self.paths.cache)
        return self._once("connections", build)

    @property
    def journal(self) -> Journal:
        """What was published where: the history queries."""
        def build() -> Journal:
            from composer.core.journal import Journal

            return Journal(self.store)
        return self._once("journal", build)

    @property
    def drafts(self) -> Drafts:
        """The drafts list of File ▸ Open: drafts, published and archived posts."""
        def build() -> Drafts:
            from composer.core.drafts import Drafts

            return Drafts(self.store, self.journal)
        return self._once("drafts", build)

    @property
    def engine(self) -> Engine:
        def build() -> Engine:
            from composer.core.publish import Engine

            return Engine(self.store, self.registry, accounts=self.accounts)
        return self._once("engine", build)

    @property
    def queue(self) -> Queue:
        """Scheduled posts: native hand-over, Siaran's own queue, run-due (composer.core.queue)."""
        def build() -> Queue:
            from datetime import timedelta

            from composer.core.queue import Queue

            return Queue(self.engine, tolerance=lambda: timedelta(
                minutes=self.office().missed_after_minutes))
        return self._once("queue", build)

    def run_due(self) -> list[Sent]:
        """What the agent (`siaran run-due`) and the app's scheduler run every minute: send what
        is due, then, at most once an hour, renew the sign-ins that end within a week, so an
        office whose app stays closed still keeps its 60-day tokens alive. A renewal the platform
        refuses is reported by the account itself (it warns), never retried every minute."""
        import logging
        import time

        sent = self.queue.run_due()
        marker = self.paths.cache / "renewals-checked"
        try:
            recent = time.time() - marker.stat().st_mtime < RENEWAL_INTERVAL
        except OSError:
            recent = False
        if not recent:
            try:
                marker.parent.mkdir(parents=True, exist_ok=True)
                marker.touch()
                self.connections.renew_due()
            except OSError as exc:  # an unreachable keyring or a full disk: next hour again
                logging.getLogger("siaran.services").warning("renewal check skipped: %s", exc)
        return sent

    def agent(self) -> Agent:
        """The operating system's agent that runs `siaran run-due` while the app is closed."""
        from composer.core.agent import Agent

        return Agent(self.paths)
    def channel_names(self) -> dict[str, str]:
        """Platform id -> the channel's name ("wordpress" -> "WordPress"), for lists and the
        monthly report."""
        return {pid: p.spec.name for pid, p in self.registry.platforms.items()}

    def office(self) -> OfficeProfile:
        """The office profile (name, time zone, published numbers), read fresh each time so a
        change made in the window or by another process is seen."""
        from composer.core.office import OfficeProfile

        return OfficeProfile.load(self.paths.config)

    def save_office(self, profile: OfficeProfile) -> None:
        profile.save(self.paths.config)

    def practice(self, *, latency: float = 0.0, only: set[str] | None = None) -> Practice:
        """Practice servers with their accounts (not started: ``start()`` them)."""
        from composer.core.practice import Practice

        return Practice(self.accounts, latency=latency, only=only)

    # -- queries that need no keyring ----------------------------------------------------------

    def list_accounts(self) -> list[Account]:
        """The accounts, read from the database only (listing never waits for the keyring)."""
        from composer.core.accounts import Accounts

        return Accounts(self.store, _NoKeyring()).list()

    def find_account(self, name: str) -> Account | None:
        from composer.core.accounts import Accounts

        return Accounts(self.store, _NoKeyring()).find(name)

    def list_drafts(self) -> list[DraftInfo]:
        """Saved drafts, newest first."""
        return self.store.list_drafts()

    def load_draft(self, draft_id: str) -> Post:
        return self.store.load_draft(draft_id)

    def draft_versions(self, draft_id: str) -> list[VersionInfo]:
        """A draft's saved versions, newest first."""
        return self.store.draft_versions(draft_id)

    def reopen_draft(self, last_id: str | None) -> Post | None:
        """The draft that was open last time (after a close or a crash), else the newest one."""
        import logging

        if last_id:
            try:
                return self.store.load_draft(last_id)
            except Exception:  # deleted or unreadable: fall back to the newest draft
                logging.getLogger("siaran.services").warning(
                    "could not reopen draft %s", last_id, exc_info=True)
        return self.store.latest_draft()

    # -- files and logging ---------------------------------------------------------------------

    def setup_logging(self) -> Path:
        from composer.core.logs import setup_logging

        return setup_logging(self.paths)

    def folder_root(self) -> str | None:
        """Where the folder channel writes: $SIARAN_HOME/published for a portable install (and
        tests), else the folder adapter's own default (~/Siaran)."""
        if os.environ.get("SIARAN_HOME"):
            return str(self.paths.data.parent / "published")
        return None

    @cached_property
    def proxy_dir(self) -> Path:
        return self.paths.cache / "proxies"

    @cached_property
    def render_dir(self) -> Path:
        return self.paths.cache / "renders"

    def close(self) -> None:
        with self._lock:
            store = self._built.get("store")
        if store is not None:
            store.close()
