"""Finds channels through the ``composer.platforms`` entry-point group.

Built-in channels are registered exactly as a third party's plugin would be. A plugin that fails
to import, yields something that is not a Platform, or was written for another plugin API
(``API_VERSION`` on its module or its Platform) is listed with the reason and never loaded, and
never stops the app.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from composer.core.adapters import API_VERSION, Platform
from composer.core.entry_points import entry_points
from composer.core.i18n import UserError, _, add_translations

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


def _api_version(ep: Any, platform: Platform) -> object:
    """The plugin API version a plugin declares: on its Platform, else on its module."""
    if platform.api_version is not None:
        return platform.api_version
    module = sys.modules.get(ep.module)
    return vars(module).get("API_VERSION") if module is not None else None


def _incompatible(ep: Any, platform: Platform) -> str | None:
    """Why a plugin cannot be used with this core, in the officer's language; None when it can."""
    declared = _api_version(ep, platform)
    if declared is None:
        return _("declares no plugin API version (API_VERSION); this Siaran needs version "
                 "{version}", version=API_VERSION)
    if declared != API_VERSION:
        return _("written for plugin API version {declared}; this Siaran needs version "
                 "{version}: update the plugin", declared=declared, version=API_VERSION)
    return None


def _load(ep: Any, registry: Registry) -> None:
    try:
        platform = ep.load()
    except Exception as exc:  # a broken plugin must never stop the app
        registry.broken.append(
            BrokenPlugin(ep.name, ep.value, f"{type(exc).__name__}: {exc}", traceback.format_exc())
        )
        return
    if not isinstance(platform, Platform):
        registry.broken.append(BrokenPlugin(ep.name, ep.value, _(
            "not a Platform (got {kind})", kind=type(platform).__name__)))
        return
    reason = _incompatible(ep, platform)
    if reason is not None:
        registry.broken.append(BrokenPlugin(ep.name, ep.value, reason))
        return
    if platform.id in registry.platforms:
        registry.broken.append(BrokenPlugin(ep.name, ep.value, _(
            "channel id '{id}' is already registered", id=platform.id)))
        return
    add_translations(platform.translations)
    registry.platforms[platform.id] = platform


def discover(eps: list[Any] | None = None) -> Registry:
    """Load every plugin; ``eps`` lets tests pass their own entry points (anything with
    ``name``, ``value``, ``module`` and ``load()``, as importlib.metadata's have)."""
    registry = Registry()
    found = entry_points(GROUP) if eps is None else eps
    for ep in sorted(found, key=lambda e: e.name):
        _load(ep, registry)
    return registry


@cache
def default_registry() -> Registry:
    return discover()
