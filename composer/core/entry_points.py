"""The installed packages' entry points of one group, read without importlib.metadata.

Every channel, built-in or a third party's, is found through an entry-point group, at every
start. ``importlib.metadata.entry_points`` answers the same question, but importing it loads the
csv, email, zipfile and socket modules (about 25 ms on an office laptop, a tenth of the window's
start-up) for what is a directory listing and a small INI-style file per installed package.

The format, as the Python Packaging Authority specifies it: each installed distribution's
``<name>-<version>.dist-info`` (or ``.egg-info``) folder may hold ``entry_points.txt``, sections
named by group, ``name = module:attr [extras]`` lines; where two folders on ``sys.path`` hold the
same distribution, the first wins, as in importlib.metadata.
https://packaging.python.org/en/latest/specifications/entry-points/
https://packaging.python.org/en/latest/specifications/recording-installed-packages/
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass
from typing import Any

_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(?::\s*(?P<attr>[\w.]+))?\s*(?:\[.*\])?\s*$")


@dataclass(frozen=True)
class EntryPoint:
    """What importlib.metadata's EntryPoint offers that the registry uses."""

    name: str
    value: str  # "module:attr"
    group: str

    @property
    def module(self) -> str:
        match = _VALUE.match(self.value)
        return match.group("module") if match else self.value

    def load(self) -> Any:
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"not an entry point reference: {self.value!r}")
        found: Any = importlib.import_module(match.group("module"))
        for part in (match.group("attr") or "").split("."):
            if part:
                found = getattr(found, part)
        return found


def _distribution(folder: str) -> str:
    """The distribution's normalised name, from its metadata folder's name."""
    name = folder.rsplit(".", 1)[0].split("-", 1)[0]
    return re.sub(r"[-_.]+", "_", name).lower()


def entry_points(group: str, path: list[str] | None = None) -> list[EntryPoint]:
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for base in sys.path if path is None else path:
        try:
            names = sorted(os.listdir(base or "."))
        except OSError:  # a zip on the path, a folder gone: no metadata folders here
            continue
        for folder in names:
            if not folder.endswith((".dist-info", ".egg-info")):
                continue
            dist = _distribution(folder)
            if dist in seen:
                continue
            seen.add(dist)
            try:
                with open(os.path.join(base or ".", folder, "entry_points.txt"),
                          encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue
            found += _section(text, group)
    return found


def _section(text: str, group: str) -> list[EntryPoint]:
    found, current = [], None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            continue
        if current == group and "=" in line:
            name, value = (part.strip() for part in line.split("=", 1))
            found.append(EntryPoint(name, value, group))
    return found
