"""Practice servers: loopback fakes of each platform, for tests and the app's practice mode.

Each fake lives in its own module here (``platforms/practice/<platform>.py``) as a subclass of
:class:`~platforms.practice.server.FakeServer` with ``platform_id`` set and a
``practice_account()`` that returns the (settings, secrets) of an account talking to it. That is
the whole registration: :func:`fakes` finds every such class, so adding a platform's fake never
means editing this file. A module that fails to import is reported by :func:`fakes`, never fatal.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from platforms.practice.server import (
    FAULT_KINDS,
    BadRequest,
    FakeServer,
    FaultInjector,
    Request,
    Response,
    UploadedFile,
    route,
)

# Modules here that are not platform fakes.
_NOT_FAKES = {"server", "echo"}


@cache
def _scan() -> tuple[dict[str, type[FakeServer]], dict[str, str]]:
    found: dict[str, type[FakeServer]] = {}
    broken: dict[str, str] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name in _NOT_FAKES or info.name.startswith("_"):
            continue
        try:
            module = importlib.import_module(f"{__name__}.{info.name}")
        except Exception as exc:  # one broken fake must not stop practice mode
            broken[info.name] = f"{type(exc).__name__}: {exc}"
            continue
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, FakeServer)
                    and value.platform_id and value.__module__ == module.__name__):
                found.setdefault(value.platform_id, value)
    return found, broken


def fakes() -> dict[str, type[FakeServer]]:
    """platform id -> fake server class, for every fake module that imports."""
    return dict(_scan()[0])


def __getattr__(name: str) -> dict[str, type[FakeServer]]:
    if name == "FAKES":  # platform id -> fake class, found on first use
        return fakes()
    raise AttributeError(name)


def broken_fakes() -> dict[str, str]:
    """module name -> one-line error, for fake modules that failed to import."""
    return dict(_scan()[1])


__all__ = [
    "FAULT_KINDS",
    "BadRequest",
    "FakeServer",
    "FaultInjector",
    "Request",
    "Response",
    "UploadedFile",
    "broken_fakes",
    "fakes",
    "route",
]
