"""The preview proxy: a ~1600 px copy the GUI crops and brands on, made once per image."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from composer.core.media.encode import encode_still
from composer.core.media.load import decode, inspect

PROXY_EDGE = 1600
VERSION = 1  # bump when the proxy recipe changes, so stale caches are not reused


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def preview_proxy(path: str | Path, cache_dir: str | Path, sha256: str | None = None) -> Path:
    """The cached proxy for ``path`` (by content), made now if missing. Raises MediaError.
    ``sha256``: the file's, when known already (the media store names its copies by it): a
    proxy made before is then found without reading the file at all."""
    path, cache_dir = Path(path), Path(cache_dir)
    key = f"{(sha256 or file_sha256(path))[:32]}-{PROXY_EDGE}-v{VERSION}"
    for ext in ("jpg", "png"):
        cached = cache_dir / f"{key}.{ext}"
        if cached.is_file():
            return cached
    info = inspect(path)
    decoded = decode(path, min(1.0, PROXY_EDGE / max(info.width, info.height)))
    image = decoded.image
    if max(image.size) > PROXY_EDGE:
        image.thumbnail((PROXY_EDGE, PROXY_EDGE), reducing_gap=2.0)
    # keep transparency visible to the editor (PNG); photos as JPEG
    mime = "image/png" if image.mode == "RGBA" else "image/jpeg"
    encoded = encode_still(image, mime, None)
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / f"{key}.{encoded.extension}"
    fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".part")
    with os.fdopen(fd, "wb") as fh:
        fh.write(encoded.data)
    os.replace(tmp, target)
    return target
