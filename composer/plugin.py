"""The one import surface for channel plugins (built-in ones in ``platforms/`` included).

A plugin imports from here and nothing else of Siaran's, so the core can change behind it (an
import-linter contract in pyproject.toml holds ``platforms`` to this). What is here:

- the contract (composer.core.adapters): ``API_VERSION``, the spec and its enums, the typed
  errors, the context and result types, the capability Protocols, findings for the rule book;
- the HTTP template (composer.core.http): ``HttpErrors`` and its helpers;
- rate-limit parsing (composer.core.ratelimit);
- the text helpers adapters count and build facets with (composer.core.text), and
  ``coded_problems`` for the rule book's text findings;
- ``Resolved``: what ``validate()`` receives, one channel's variant of the post;
- ``inspect`` for a media file's real format and size (composer.core.media);
- the browser sign-in helpers ``connect`` uses (composer.core.oauth);
- ``redact`` to keep a secret that ends up in a URL out of the log (composer.core.logs);
- the preview card's data (composer.core.preview): ``PreviewRules``, ``Fold``, ``Palette``;
- the translation function ``_`` and ``UserError``.

Text, media, OAuth and log helpers load on first use (PEP 562), so loading the channel list at
start-up does not pull in Pillow, authlib or the text tables.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from composer.core.adapters import *  # noqa: F403 - this module *is* the re-export
from composer.core.adapters import __all__ as _adapter_names
from composer.core.http import (
    FileBody,
    HttpErrors,
    from_status,
    from_transport,
    json_body,
    one_line,
    reached,
)
from composer.core.i18n import UserError, _
from composer.core.preview import Fold, Palette, PreviewRules
from composer.core.ratelimit import remaining, retry_after, seconds_until, telegram_retry_after

if TYPE_CHECKING:  # pragma: no cover - what the lazy names below resolve to
    from composer.core.logs import redact
    from composer.core.media import ImageInfo, MediaError, inspect
    from composer.core.oauth import (
        AccessDenied,
        LoopbackRedirect,
        OAuthClient,
        SignInCancelled,
        SignInError,
        SignInTimeout,
        TokenError,
        Tokens,
        authorize,
        pick_one,
        refresh,
        sign_in,
    )
    from composer.core.post import Resolved
    from composer.core.text import Entity, Facet, TextCount, count, detect_facets, entities
    from composer.core.text.counting import coded_problems

_LAZY = {
    "count": "composer.core.text",
    "entities": "composer.core.text",
    "detect_facets": "composer.core.text",
    "Entity": "composer.core.text",
    "Facet": "composer.core.text",
    "TextCount": "composer.core.text",
    "inspect": "composer.core.media",
    "ImageInfo": "composer.core.media",
    "MediaError": "composer.core.media",
    "AccessDenied": "composer.core.oauth",
    "LoopbackRedirect": "composer.core.oauth",
    "OAuthClient": "composer.core.oauth",
    "SignInCancelled": "composer.core.oauth",
    "SignInError": "composer.core.oauth",
    "SignInTimeout": "composer.core.oauth",
    "TokenError": "composer.core.oauth",
    "Tokens": "composer.core.oauth",
    "authorize": "composer.core.oauth",
    "pick_one": "composer.core.oauth",
    "refresh": "composer.core.oauth",
    "sign_in": "composer.core.oauth",
    "redact": "composer.core.logs",
    "Resolved": "composer.core.post",  # what validate() receives: one channel's variant
    "coded_problems": "composer.core.text.counting",
}


def __getattr__(name: str) -> Any:
    """Load a lazy helper the first time a plugin imports it."""
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'composer.plugin' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    *_adapter_names,
    "AccessDenied",
    "Entity",
    "Facet",
    "FileBody",
    "Fold",
    "HttpErrors",
    "Palette",
    "PreviewRules",
    "Resolved",
    "ImageInfo",
    "LoopbackRedirect",
    "MediaError",
    "OAuthClient",
    "SignInCancelled",
    "SignInError",
    "SignInTimeout",
    "TextCount",
    "TokenError",
    "Tokens",
    "UserError",
    "_",
    "authorize",
    "count",
    "detect_facets",
    "entities",
    "from_status",
    "from_transport",
    "inspect",
    "json_body",
    "one_line",
    "pick_one",
    "reached",
    "redact",
    "coded_problems",
    "refresh",
    "remaining",
    "retry_after",
    "seconds_until",
    "sign_in",
    "telegram_retry_after",
]
