"""The one import surface for channel plugins (built-in ones in ``platforms/`` included).

A plugin imports from here and nothing else of Siaran's, so the core can change behind it:
the spec, the typed errors, the context, the optional capabilities, findings for the rule book,
and the translation function. ``API_VERSION`` is the version a plugin declares it was written for.
"""

from __future__ import annotations

from composer.core.adapters import *  # noqa: F403 - this module *is* the re-export
from composer.core.adapters import __all__ as _adapter_names
from composer.core.i18n import UserError, _
from composer.core.post import Resolved  # what validate() receives: one channel's variant
from composer.core.text.counting import coded_problems

__all__ = [*_adapter_names, "Resolved", "UserError", "_", "coded_problems"]
