"""Renders kept by what they depend on, so an unchanged image is never rendered again.

The window re-renders its previews after every image, crop or template change. With a memo,
``render_variants`` looks each output up by everything that decides its pixels and bytes (the
source file, the crop box, the output size, the branding, the channel's formats and budget)
before decoding anything: a change that touches one image decodes only that image, and a change
that touches no pixel (alt text, text, ticking a channel shaped like one already shown) decodes
and encodes nothing. The files live in one folder, named by that key, so they also serve the
next start of the app (a reopened draft's previews are read, not rendered); the least recently
used go once there are more than ``capacity``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from composer.core.adapters import RenderedMedia
from composer.core.media.proxy import file_sha256

log = logging.getLogger("siaran.media")
CAPACITY = 256  # outputs kept on disk: ten images on every channel, with room for changes
EXTENSIONS = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


@dataclass(frozen=True)
class Output:
    """One rendered file, and whether the budget made it smaller (the note says so again)."""

    path: str
    mime: str
    width: int
    height: int
    sha256: str
    shrunk: bool

    def as_rendered(self, alt: str) -> RenderedMedia:
        return RenderedMedia(path=self.path, mime=self.mime, width=self.width, height=self.height,
                             alt=alt, sha256=self.sha256)


class RenderMemo:
    """Thread-safe: renders superseded by a newer change may still be finishing."""

    def __init__(self, folder: str | Path, capacity: int = CAPACITY):
        self.folder = Path(folder)
        self.capacity = capacity
        self._lock = threading.Lock()
        self._outputs: OrderedDict[str, Output] = OrderedDict()
        self._focal: dict[str, tuple[float, float]] = {}
        # what the renderer really did (the window's test counts them)
        self.decodes = 0
        self.encodes = 0

    @staticmethod
    def source(path: Path) -> str:
        """A file's identity: a file replaced in place is a new source."""
        try:
            st = path.stat()
        except OSError:
            return str(path)
        return f"{path}|{st.st_size}|{st.st_mtime_ns}"

    def key(self, path: Path, *parts: object) -> str:
        blob = repr((self.source(path), parts)).encode()
        return hashlib.sha1(blob).hexdigest()

    def target(self, key: str, extension: str) -> Path:
        return self.folder / f"{key}.{extension}"

    def get(self, key: str) -> Output | None:
        with self._lock:
            found = self._outputs.get(key)
            if found is not None and not os.path.exists(found.path):  # cleaned away: render again
                del self._outputs[key]
                found = None
            if found is not None:
                self._outputs.move_to_end(key)
                return found
        found = self._from_disk(key)
        if found is not None:
            self.put(key, found)
        return found

    def _from_disk(self, key: str) -> Output | None:
        """A file an earlier run wrote under this key (its size from the header, nothing decoded;
        whether the budget shrank it is not kept, so that note is not repeated)."""
        for extension, mime in EXTENSIONS.items():
            path = self.target(key, extension)
            if path.is_file():
                try:
                    with Image.open(path) as im:
                        width, height = im.size
                    sha = file_sha256(path)
                    os.utime(path)  # used again: the sweep keeps the recently used
                except OSError:
                    return None
                return Output(str(path), mime, width, height, sha, False)
        return None

    def put(self, key: str, output: Output) -> None:
        """Keep ``output`` under ``key``. A file shared with another key (channels alike) also
        gets this key's name, a hard link, so the next run finds it by either."""
        own = self.target(key, Path(output.path).suffix.lstrip("."))
        if Path(output.path) != own and not own.exists():
            try:
                os.link(output.path, own)
            except OSError:  # a file system without links: the next run renders it again
                log.debug("no link for %s", own, exc_info=True)
        with self._lock:
            self._outputs[key] = output
            self._outputs.move_to_end(key)
            gone = []
            while len(self._outputs) > self.capacity:
                old_key, old = self._outputs.popitem(last=False)
                gone.append(str(self.target(old_key, Path(old.path).suffix.lstrip("."))))
                gone.append(old.path)
            used = {o.path for o in self._outputs.values()}
        for path in set(gone) - used:  # a file another key still shows stays
            with contextlib.suppress(OSError):
                os.unlink(path)

    def focal(self, path: Path) -> tuple[float, float] | None:
        """The focal point estimated the last time this source was decoded."""
        with self._lock:
            return self._focal.get(self.source(path))

    def remember_focal(self, path: Path, focal: tuple[float, float]) -> None:
        with self._lock:
            self._focal[self.source(path)] = focal

    def sweep(self) -> None:
        """Keep the ``capacity`` most recently used files of earlier runs, delete the rest."""
        try:
            files = [(e.stat().st_mtime, e.path) for e in os.scandir(self.folder) if e.is_file()]
        except OSError:  # no folder yet
            return
        files.sort(reverse=True)
        for _mtime, path in files[self.capacity:]:
            with contextlib.suppress(OSError):
                os.unlink(path)

    def counted(self, *, decodes: int = 0, encodes: int = 0) -> None:
        with self._lock:
            self.decodes += decodes
            self.encodes += encodes
