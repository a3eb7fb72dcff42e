"""Renders kept by what they depend on, so an unchanged image is never rendered again.

The window re-renders its previews after every image, crop or template change. With a memo,
``render_variants`` looks each output up by everything that decides its pixels and bytes (the
source file, the crop box, the output size, the branding, the channel's formats and budget)
before decoding anything: a change that touches one image decodes only that image, and a change
that touches no pixel (alt text, text, ticking a channel shaped like one already shown) decodes
and encodes nothing. The files live in one folder, named by that key; the least recently used
go once there are more than ``capacity``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from composer.core.adapters import RenderedMedia

CAPACITY = 256  # outputs kept on disk: ten images on every channel, with room for changes


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
            if found is None:
                return None
            if not os.path.exists(found.path):  # cleaned away under us: render again
                del self._outputs[key]
                return None
            self._outputs.move_to_end(key)
            return found

    def put(self, key: str, output: Output) -> None:
        with self._lock:
            self._outputs[key] = output
            self._outputs.move_to_end(key)
            gone = []
            while len(self._outputs) > self.capacity:
                _key, old = self._outputs.popitem(last=False)
                gone.append(old.path)
        for path in gone:
            if not any(o.path == path for o in self._outputs.values()):
                with contextlib.suppress(OSError):
                    os.unlink(path)

    def focal(self, path: Path) -> tuple[float, float] | None:
        """The focal point estimated the last time this source was decoded."""
        with self._lock:
            return self._focal.get(self.source(path))

    def remember_focal(self, path: Path, focal: tuple[float, float]) -> None:
        with self._lock:
            self._focal[self.source(path)] = focal

    def counted(self, *, decodes: int = 0, encodes: int = 0) -> None:
        with self._lock:
            self.decodes += decodes
            self.encodes += encodes

    def forget(self) -> None:
        """Drop every output (their files too): the window closes, or the draft is gone."""
        with self._lock:
            paths = [o.path for o in self._outputs.values()]
            self._outputs.clear()
            self._focal.clear()
        for path in paths:
            with contextlib.suppress(OSError):
                os.unlink(path)
