"""Telling a failed write truly: a full disk is named as such, with the folder and what is free,
so the officer knows what to do (make room) instead of reading "cannot read the file"."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from composer.core.i18n import UserError, _


class DiskFull(UserError):
    """No room left where Siaran writes."""


class WriteFailed(UserError):
    """A write failed for another reason (permissions, a vanished folder, an I/O error)."""


def free_mb(folder: Path) -> str:
    try:
        return f"{shutil.disk_usage(folder).free / 1_000_000:.1f}"
    except OSError:
        return "?"


def nearly_full(folder: Path, below: int = 1_000_000) -> bool:
    """Too little room for SQLite to work in (it says only "disk I/O error" when it cannot
    create its write-ahead files)."""
    try:
        return shutil.disk_usage(folder).free < below
    except OSError:
        return False


def full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


def disk_full(folder: Path) -> DiskFull:
    return DiskFull(_("There is no free space left in {folder} ({free} MB free); make room "
                      "and try again", folder=folder, free=free_mb(folder)))


def write_failure(exc: OSError, folder: Path) -> UserError:
    if full(exc):
        return disk_full(folder)
    return WriteFailed(_("Cannot write to {folder}: {error}", folder=folder,
                         error=exc.strerror or exc))
