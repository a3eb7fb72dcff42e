"""Corrections: what to do when a post that is already out has changed since.

One place decides, for every caller (engine, CLI, dialog, history):

- the *fingerprint* of what went out to a channel: a hash over exactly what the adapter sends
  (text, thread parts, title, tags, link, each image's bytes and alt text, the schedule) and
  never the idempotency key, so "unchanged" means "the platform would show the same thing";
- which *choices* a channel allows for a changed post: **update** (edit in place: the adapter is
  Editable, the spec says EDIT, and what changed is within what the platform lets you edit),
  **replace** (delete the old one, publish the new: the spec says DELETE), **as new** (always);
- the plain words for each, in the officer's language.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

from composer.core.adapters import Capability, Editable, OutgoingPost, Platform, PlatformSpec
from composer.core.i18n import _

# The parts of a post a fingerprint covers; a platform's spec names the ones it can edit.
PARTS = ("text", "title", "tags", "link", "media", "alt", "schedule")


class Choice(StrEnum):
    UPDATE = "update"  # edit the published post in place
    REPLACE = "replace"  # delete it, then publish the new version
    AS_NEW = "as_new"  # publish the new version as a separate post; the old one stays


# What a finished correction is called in the history (and journal_versions.action).
PUBLISHED, UPDATED, REPLACED, POSTED_AS_NEW, DELETED = (
    "published", "updated", "replaced", "as_new", "deleted")


def _media_digest(media: Mapping[str, Any]) -> str:
    digest = str(media.get("sha256") or "")
    if digest:
        return digest
    path = Path(str(media.get("path") or ""))
    if path.is_file():  # an adapter-made RenderedMedia without a digest: hash the bytes
        return hashlib.sha256(path.read_bytes()).hexdigest()
    return str(media.get("path") or "")


def part_digests(snapshot: Mapping[str, Any]) -> dict[str, str]:
    """One digest per part of a journal snapshot (composer.core.journal.snapshot_of)."""
    media = list(snapshot.get("media") or ())
    values: dict[str, Any] = {
        "text": [snapshot.get("text") or "", list(snapshot.get("parts") or ())],
        "title": snapshot.get("title") or "",
        "tags": list(snapshot.get("tags") or ()),
        "link": snapshot.get("link") or "",
        "media": [_media_digest(m) for m in media],
        "alt": [str(m.get("alt") or "") for m in media],
        "schedule": snapshot.get("schedule_utc") or "",
    }
    return {name: hashlib.sha256(json.dumps(values[name], ensure_ascii=False).encode())
            .hexdigest()[:16] for name in PARTS}


def fingerprint_of(snapshot: Mapping[str, Any]) -> str:
    """The fingerprint of a snapshot: every part's digest, in a fixed order."""
    digests = part_digests(snapshot)
    return hashlib.sha256("|".join(digests[p] for p in PARTS).encode()).hexdigest()


def fingerprint(post: OutgoingPost) -> str:
    from composer.core.journal import snapshot_of

    return fingerprint_of(snapshot_of(post))


def changed_parts(old: Mapping[str, Any], new: Mapping[str, Any],
                  spec: PlatformSpec | None = None) -> list[str]:
    """The parts that differ between two snapshots, in PARTS order; with ``spec``, only those
    the channel sends (a new title is no change on a channel that shows none)."""
    a, b = part_digests(old), part_digests(new)
    unsent = spec.unsent_parts if spec is not None else frozenset()
    return [p for p in PARTS if a[p] != b[p] and p not in unsent]


def edit_scope(platform: Platform) -> frozenset[str]:
    """The parts this channel can change in place (empty: it cannot edit at all)."""
    adapter_type = platform.adapter
    if adapter_type is None or not platform.spec.can(Capability.EDIT):
        return frozenset()
    if not issubclass(adapter_type, Editable):
        return frozenset()
    return (platform.spec.edit_scope or frozenset(PARTS)) | platform.spec.unsent_parts


def choices(platform: Platform, changed: Iterable[str] = PARTS) -> tuple[Choice, ...]:
    """What the officer may do with a changed post on this channel, in the order offered."""
    out = []
    scope = edit_scope(platform)
    if scope and set(changed) <= scope:
        out.append(Choice.UPDATE)
    if platform.adapter is not None and platform.spec.can(Capability.DELETE):
        out.append(Choice.REPLACE)
    out.append(Choice.AS_NEW)
    return tuple(out)


def choice_label(choice: Choice | str) -> str:
    return {Choice.UPDATE: _("Update"), Choice.REPLACE: _("Replace"),
            Choice.AS_NEW: _("Post as new")}[Choice(choice)]


def cannot_update(platform: Platform, changed: Iterable[str] = PARTS) -> str:
    """Why Update is not offered on this channel, in plain words ("" when it is)."""
    name = platform.spec.name
    scope = edit_scope(platform)
    if not scope:
        return _("{channel} cannot edit a published post", channel=name)
    outside = [p for p in changed if p not in scope]
    if outside:
        return _("{channel} cannot change the {parts} of a published post", channel=name,
                 parts=", ".join(part_label(p) for p in outside))
    return ""


def part_label(part: str) -> str:
    return {"text": _("text"), "title": _("title"), "tags": _("tags"), "link": _("link"),
            "media": _("images or video"), "alt": _("image descriptions"),
            "schedule": _("schedule")}.get(part, part)


def changed_message(platform: Platform, allowed: Iterable[Choice | str],
                    changed: Iterable[str] = PARTS) -> str:
    """The one line for a channel whose post changed since it was published."""
    names = " / ".join(choice_label(c) for c in allowed)
    line = _("changed since published: choose {choices}", choices=names)
    why = cannot_update(platform, changed)
    return f"{line} ({why})" if why else line


def version_key(post_id: str, account: str, version: int) -> str:
    """The idempotency key of a post's n-th version on an account. Version 1 keeps the key
    Siaran always used (composer.core.outgoing.idempotency_key); later ones differ, so a
    platform that keys on it (a WordPress slug, a Bluesky record key) sees a new post."""
    from composer.core.outgoing import idempotency_key

    if version <= 1:
        return idempotency_key(post_id, account)
    return str(uuid.uuid5(uuid.UUID(idempotency_key(post_id, account)), f"v{version}"))


def version_words(action: str, version: int, when: str) -> str:
    """One version in the history: "published v1 at 2026-12-07 08:00", "updated v2 at ..."."""
    words = {PUBLISHED: _("published v{n} at {when}"), UPDATED: _("updated v{n} at {when}"),
             REPLACED: _("replaced by v{n} at {when}"),
             POSTED_AS_NEW: _("posted as new v{n} at {when}"),
             DELETED: _("deleted v{n} at {when}")}.get(action, action + " v{n} {when}")
    return words.format(n=version, when=when)
