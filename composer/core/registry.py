"""Finds channels through the ``composer.platforms`` entry-point group.

Built-in channels are registered exactly as a third party's plugin would be. A plugin that fails
to import, or yields something that is not a Platform, is listed with its error and never stops
the app.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import EntryPoint, entry_points

from composer.core.adapters import Platform
from composer.core.i18n import UserError, _

GROUP = "composer.platforms"


@dataclass(frozen=True)
class BrokenPlugin:
    name: str
    target: str
    error: str  # one line, for the Accounts screen and `siaran platforms`
    details: str = ""  # the traceback, for the log only


@dataclass
class Registry:
    platforms: dict[str, Platform] = field(default_factory=dict)
    broken: list[BrokenPlugin] = field(default_factory=list)

    def get(self, platform_id: str) -> Platform:
        try:
            return self.platforms[platform_id]
        except KeyError:
            raise UnknownChannel(platform_id, sorted(self.platforms)) from None

    def __contains__(self, platform_id: str) -> bool:
        return platform_id in self.platforms

    def ids(self) -> list[str]:
        return list(self.platforms)


class UnknownChannel(UserError):
    def __init__(self, channel: str, known: list[str]):
        super().__init__(
            _("Unknown channel '{channel}' (known: {known})", channel=channel, known=", ".join(known))
        )
        self.channel = channel


def _load(ep: EntryPoint, registry: Registry) -> None:
    try:
        platform = ep.load()
    except Exception as exc:  # a broken plugin must never stop the app
        registry.broken.append(
            BrokenPlugin(ep.name, ep.value, f"{type(exc).__name__}: {exc}", traceback.format_exc())
        )
        return
    if not isinstance(platform, Platform):
        registry.broken.append(
            BrokenPlugin(ep.name, ep.value, f"not a Platform (got {type(platform).__name__})")
        )
        return
    if platform.id in registry.platforms:
        registry.broken.append(
            BrokenPlugin(ep.name, ep.value, f"channel id '{platform.id}' is already registered")
        )
        return
    registry.platforms[platform.id] = platform


def discover(eps: list[EntryPoint] | None = None) -> Registry:
    """Load every plugin; ``eps`` lets tests pass their own entry points."""
    registry = Registry()
    found = list(entry_points(group=GROUP)) if eps is None else eps
    for ep in sorted(found, key=lambda e: e.name):
        _load(ep, registry)
    return registry


@cache
def default_registry() -> Registry:
    return discover()
