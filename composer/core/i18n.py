"""Translatable messages for the Qt-free core.

The GUI translates its own strings with Qt's ``tr()``; messages that start in the core (errors,
check findings, CLI output) go through :func:`_` so the officer reads them in Bahasa Indonesia
or English. Catalogs are JSON files ``resources/translations/<area>.<lang>.json`` (one per area
of the core, so areas never edit the same file) mapping the English message (with
``{placeholders}``) to its translation.
"""

from __future__ import annotations

import json
import locale
import os
from collections.abc import Mapping
from functools import cache
from importlib import resources

SUPPORTED = ("en", "id")
_language: str | None = None


def system_language() -> str:
    for var in ("SIARAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            code = value.split(":")[0].split(".")[0].split("_")[0].lower()
            if code in SUPPORTED:
                return code
            if var == "SIARAN_LANG":
                break
    code = (locale.getlocale()[0] or "en").split("_")[0].lower()
    return code if code in SUPPORTED else "en"


def set_language(code: str | None) -> None:
    """Choose the language for core messages; ``None`` follows the system."""
    global _language
    _language = code if code in SUPPORTED else None


def current_language() -> str:
    return _language or system_language()


@cache
def _catalog(code: str) -> dict[str, str]:
    if code == "en":
        return {}
    catalog: dict[str, str] = {}
    folder = resources.files("composer") / "resources" / "translations"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(f".{code}.json"):
            catalog.update(json.loads(entry.read_text(encoding="utf-8")))
    return catalog


# Plugins' own strings ({language: {English: translation}}), merged in by the registry as each
# plugin loads; the core's catalogs win where both translate the same message.
_plugin_catalogs: dict[str, dict[str, str]] = {}


def add_translations(translations: Mapping[str, Mapping[str, str]]) -> None:
    """Merge a plugin's ``{language: {English: translation}}`` into what :func:`_` finds."""
    for code, entries in translations.items():
        _plugin_catalogs.setdefault(code, {}).update(entries)


def _(message: str, /, **values: object) -> str:
    """Translate ``message`` into the current language and fill its ``{placeholders}``."""
    return translate_to(current_language(), message, **values)


def translate_to(code: str, message: str, /, **values: object) -> str:
    """``message`` in a given language, whatever the window's: the words on an image follow the
    office profile's language (its entry lives in the catalogues like any other)."""
    translated = _catalog(code).get(message) or _plugin_catalogs.get(code, {}).get(message, message)
    return translated.format(**values) if values else translated


class UserError(Exception):
    """A problem the user can act on; ``str()`` is already translated and one line long."""

    exit_code = 2
