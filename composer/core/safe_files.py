"""Opening files that a post file, a template or the officer names, without trusting the name.

A path from a post file may point at a device (``/dev/zero`` grows memory forever), a FIFO (an
open that never returns), a socket, a folder, a symlink into somewhere unexpected, or be a
100,000-character string with a NUL in it. Every such read goes through here: regular files
only, checked on the open descriptor (so a file swapped after the check is caught too), a byte
ceiling before anything is read, and one translated line for every refusal.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from composer.core.i18n import UserError, _

MAX_PATH_CHARS = 4096  # PATH_MAX on Linux; longer names are refused before the system sees them
MAX_NAME_BYTES = 255  # one path component (NAME_MAX)


class UnsafeFile(UserError):
    """The named file is not one Siaran will read (not a regular file, too large, bad name)."""


class MissingFile(UnsafeFile):
    """Nothing at that path (callers often have a better-worded message of their own)."""


def check_name(path: str | os.PathLike[str], *, what: str) -> Path:
    """The path as a Path, or UnsafeFile for a name no file system would accept."""
    text = os.fspath(path)
    if not isinstance(text, str) or not text:
        raise UnsafeFile(_("{what}: the path is empty", what=what))
    if "\x00" in text:
        raise UnsafeFile(_("{what}: the path contains a NUL character", what=what))
    if len(text) > MAX_PATH_CHARS:
        raise UnsafeFile(_("{what}: the path is too long ({length} characters)",
                           what=what, length=len(text)))
    if any(len(part.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES
           for part in Path(text).parts):
        raise UnsafeFile(_("{what}: a name in the path is too long", what=what))
    return Path(text)


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in the officer's words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a pipe")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("not a regular file")


def regular_file(path: str | os.PathLike[str], *, what: str,
                 max_bytes: int | None = None) -> Path:
    """The resolved path of a regular file no larger than ``max_bytes``; UnsafeFile otherwise.
    Symlinks are followed and the target is what gets checked (and returned)."""
    name = check_name(path, what=what)
    try:
        resolved = name.resolve(strict=True)
        info = resolved.stat()
    except FileNotFoundError:
        raise MissingFile(_("{what} not found: {path}", what=what, path=name)) from None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        raise UnsafeFile(_("{what} cannot be read: {path} ({error})", what=what, path=name,
                           error=getattr(exc, "strerror", None) or exc)) from None
    _refuse(info, resolved if resolved != name.absolute() else name, what, max_bytes)
    return resolved


def _refuse(info: os.stat_result, shown: Path, what: str, max_bytes: int | None) -> None:
    kind = _kind(info.st_mode)
    if kind is not None:
        raise UnsafeFile(_("{what} is {kind}, not a file: {path}", what=what, kind=kind,
                           path=shown))
    if max_bytes is not None and info.st_size > max_bytes:
        raise UnsafeFile(_("{what} is too large: {size} MB (at most {limit} MB)", what=what,
                           size=_mb(info.st_size), limit=_mb(max_bytes)))


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}".rstrip("0").rstrip(".")


@contextmanager
def open_regular(path: str | os.PathLike[str], *, what: str,
                 max_bytes: int | None = None) -> Iterator[BinaryIO]:
    """Open a regular file for reading. O_NONBLOCK means a FIFO swapped in after the check
    cannot hang the open; the descriptor itself is checked again before anything is read."""
    resolved = regular_file(path, what=what, max_bytes=max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(resolved, flags)
    except OSError as exc:
        raise UnsafeFile(_("{what} cannot be read: {path} ({error})", what=what, path=resolved,
                           error=exc.strerror or exc)) from None
    try:
        _refuse(os.fstat(fd), resolved, what, max_bytes)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with fh:
        yield fh


def read_bytes(path: str | os.PathLike[str], *, what: str, max_bytes: int) -> bytes:
    """The whole file, never more than ``max_bytes`` (a file growing while read is refused)."""
    with open_regular(path, what=what, max_bytes=max_bytes) as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnsafeFile(_("{what} is too large: {size} MB (at most {limit} MB)", what=what,
                           size=_mb(len(data)), limit=_mb(max_bytes)))
    return data


def read_text(path: str | os.PathLike[str], *, what: str, max_bytes: int) -> str:
    data = read_bytes(path, what=what, max_bytes=max_bytes)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnsafeFile(_("{what} is not UTF-8 text: {path}", what=what, path=path)) from None
