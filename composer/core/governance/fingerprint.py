"""The fingerprint of everything a post sends: every channel's text as sent, every media byte
as rendered, alt texts, the targets and the schedule. An approval binds this value, so any
change after it (one comma, one crop, one more channel, another time) voids it.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from composer.core.checks import variant_key
from composer.core.post import MediaRef, Post
from composer.core.registry import Registry


@dataclass(frozen=True)
class Manifest:
    """What goes out, channel by channel, in a canonical form (the fingerprint hashes it)."""

    data: dict[str, Any]
    images: dict[str, list[Path]]  # channel -> rendered image files (for the sheet's previews)

    @property
    def fingerprint(self) -> str:
        canonical = json.dumps(self.data, sort_keys=True, ensure_ascii=False,
                               separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def manifest(post: Post, registry: Registry, platform_of: Callable[[str], str],
             media_file: Callable[[MediaRef], Path] | None = None,
             render_dir: Path | None = None) -> Manifest:
    """``platform_of`` names the platform of a target (an account name or a channel id);
    ``render_dir`` keeps the rendered images (a temporary folder otherwise: bytes only)."""
    from composer.core.media import render_variants

    find = media_file or (lambda ref: Path(ref.path))
    targets = sorted(dict.fromkeys(post.channels))
    channels: dict[str, Any] = {}
    images: dict[str, list[Path]] = {}
    with tempfile.TemporaryDirectory(prefix="siaran-fp-") as scratch:
        out = render_dir or Path(scratch)
        for target in targets:
            spec = registry.get(platform_of(target)).spec
            key = variant_key(post, target, spec)
            variant = post.variants.get(key)
            resolved = post.resolve(key)
            entry: dict[str, Any] = {
                "platform": spec.id,
                "enabled": variant is None or variant.enabled,
                "text": resolved.text, "title": resolved.title, "tags": list(resolved.tags),
                "links": list(resolved.links),
                "alt": [m.alt for m in resolved.media],
                "media": [],
            }
            rendered: list[Path] = []
            if any(m.ref.kind == "image" for m in resolved.media) and spec.max_images > 0 \
                    and entry["enabled"]:
                result = render_variants(post, [spec], out / target, media_file=find,
                                         variant_keys={spec.id: key})[spec.id]
                rendered = [Path(item.path) for item in result]
                entry["media"] += [_sha256(p) for p in rendered]
            entry["media"] += [_sha256(find(m.ref)) for m in resolved.media
                               if m.ref.kind == "video"]
            channels[target] = entry
            images[target] = rendered if render_dir else []
    data = {"post": post.id, "targets": targets, "channels": channels,
            "schedule": post.schedule.isoformat() if post.schedule else None}
    return Manifest(data, images)
