"""The preview card's rules come from each channel's plugin (``Platform.preview``, a Qt-free
composer.core.preview.PreviewRules); this module only looks them up in the registry and keeps
the feed vocabulary the built-in channels use visible to Qt's translation tools.

A label on a card ("See more", "Like", the time) is translated with the app's catalog first,
then with the plugin's own ``translations`` (see card.py), so a third-party plugin can ship
its labels in Indonesian too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _qt_translate_noop

from composer.core.preview import DEFAULT, Fold, Palette, PreviewRules, preview_rules

if TYPE_CHECKING:
    from composer.core.registry import Registry


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker, under the name lupdate looks for: it returns ``text`` untranslated (the card
    translates at paint time); PySide6's stub types that result as object."""
    return cast(str, _qt_translate_noop(context, text))

CardRules = PreviewRules  # the name the card widgets use

# The labels built-in channels put on their cards, marked so pyside6-lupdate keeps them in the
# "PlatformCard" context of the .ts files (the values live in platforms/*.py).
FEED_LABELS = (
    QT_TRANSLATE_NOOP("PlatformCard", "See more"),
    QT_TRANSLATE_NOOP("PlatformCard", "more"),
    QT_TRANSLATE_NOOP("PlatformCard", "Read more"),
    QT_TRANSLATE_NOOP("PlatformCard", "Show More"),
    QT_TRANSLATE_NOOP("PlatformCard", "Like"),
    QT_TRANSLATE_NOOP("PlatformCard", "Comment"),
    QT_TRANSLATE_NOOP("PlatformCard", "Share"),
    QT_TRANSLATE_NOOP("PlatformCard", "Repost"),
    QT_TRANSLATE_NOOP("PlatformCard", "Send"),
    QT_TRANSLATE_NOOP("PlatformCard", "1m"),
    QT_TRANSLATE_NOOP("PlatformCard", "Just now · 🌐"),
    QT_TRANSLATE_NOOP("PlatformCard", "Now • 🌐"),
    QT_TRANSLATE_NOOP("PlatformCard", "No views · just now"),
    QT_TRANSLATE_NOOP("PlatformCard", "Today"),
)


def rules_for(platform_id: str, registry: Registry, *, desktop: bool = False) -> PreviewRules:
    """The card rules the channel's plugin supplies (a generic card when it has none); the
    registry is the window's (composer.core.services), never one built here."""
    platform = registry.platforms.get(platform_id)
    return preview_rules(platform.preview if platform is not None else None, desktop=desktop)


__all__ = ["DEFAULT", "FEED_LABELS", "CardRules", "Fold", "Palette", "rules_for"]
