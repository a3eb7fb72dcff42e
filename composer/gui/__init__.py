"""The PySide6 desktop app. ``composer.gui.app`` composes it; each feature has its own folder.

The GUI only shows and asks: every decision comes from a ``composer.core`` service, and every
blocking call runs through ``composer.gui.tasks``.
"""

from composer.gui.import_hook import remember_python_import

remember_python_import()
