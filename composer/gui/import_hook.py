"""Takes back PySide6's import hook, which the app does not use.

Importing PySide6 replaces ``builtins.__import__`` with its own, so that a module may write
``from __feature__ import snake_case, true_property``. As a side effect every import statement
run after that (hundreds at start-up, and every function-level import later) goes through
Python code of PySide's that asks whether the importing module selected a feature, and every
new module's source is read to see whether it names PySide6. Siaran selects no feature, so the
app puts Python's own import back once PySide6 is loaded: the window shows ~30 ms sooner.

The original is kept by ``composer.gui`` (its ``__init__``), which runs before anything imports
PySide6 when the app starts. Where PySide6 was imported earlier (pytest-qt loads it first) there
is nothing to take back and nothing changes.

Source of the hook's behaviour: PySide6's shibokensupport/feature.py (``feature_import``,
``feature_imported``, ``_mod_uses_pyside``), https://code.qt.io/cgit/pyside/pyside-setup.git/tree/sources/shiboken6/shibokenmodule/files.dir/shibokensupport/feature.py
"""

from __future__ import annotations

import builtins
import sys
from collections.abc import Callable
from typing import Any

_python_import: Callable[..., Any] | None = None


def remember_python_import() -> None:
    """Called by ``composer.gui`` before PySide6 can be imported."""
    global _python_import
    if _python_import is None and "PySide6" not in sys.modules:
        _python_import = builtins.__import__


def restore_python_import() -> bool:
    """Put Python's import back if PySide6's feature hook replaced it; True when it did."""
    current = builtins.__import__
    if _python_import is None or current is _python_import:
        return False
    if getattr(current, "__name__", "") != "__feature_import__":  # someone else's: leave it
        return False
    builtins.__import__ = _python_import
    return True
