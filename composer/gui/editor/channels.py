"""The channels the officer can pick: accounts, practice accounts, the folder, and every other
platform as "preview only" (no account yet). A channel's key is what Post.channels holds: the
account's name, or the platform id for a channel without an account."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the specs arrive with the registry, after the window is up
    from composer.core.accounts import Account
    from composer.core.adapters import PlatformSpec

KINDS = ("account", "practice", "folder", "preview")


@dataclass(frozen=True)
class ChannelInfo:
    key: str
    spec: PlatformSpec
    kind: str  # one of KINDS
    label: str  # what the picker shows
    account: str | None = None  # the account name when publishing is possible through one
    display: dict[str, Any] = field(default_factory=dict)  # name, handle, avatar for previews
    limit: int | None = None  # an account's own text limit (a Mastodon instance's, say)

    @property
    def can_publish(self) -> bool:
        return self.account is not None or self.kind == "folder"


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def build_catalog(registry, accounts: list[Account], office: str = "",
                  handle: str = "") -> list[ChannelInfo]:
    """Accounts first (practice ones marked), then the folder, then preview-only platforms.
    ``office`` and ``handle`` (the office profile's) stand in where an account gives none."""
    out: list[ChannelInfo] = []
    used_platforms: set[str] = set()
    for acc in accounts:
        name, platform_id = acc.name, acc.platform
        if platform_id not in registry:
            continue  # its plugin failed to load (the Accounts screen says why)
        spec = registry.get(platform_id).spec
        settings = acc.settings
        practice = acc.practice
        display = {  # the keys the previews panel reads
            "display_name": acc.display_name or office or name,
            "handle": acc.handle or settings.get("handle", "") or handle,
            "avatar": None,  # accounts keep no picture yet: the previews draw initials
        }
        out.append(ChannelInfo(
            key=name, spec=spec, kind="practice" if practice else "account",
            label=f"{name} ({spec.name})" if name != spec.name else name, account=name,
            display=display,
            limit=_int_or_none(settings.get("max_characters") or settings.get("text_limit")),
        ))
        used_platforms.add(platform_id)
    if "folder" in registry and not any(c.key == "folder" for c in out):
        out.append(ChannelInfo("folder", registry.get("folder").spec, "folder",
                               registry.get("folder").spec.name,
                               display={"display_name": office, "handle": handle}))
    taken = {c.key for c in out}
    for platform_id, platform in registry.platforms.items():
        if platform_id in used_platforms or platform_id in taken or platform_id == "folder":
            continue
        out.append(ChannelInfo(platform_id, platform.spec, "preview", platform.spec.name,
                               display={"display_name": office, "handle": handle}))
    return out
