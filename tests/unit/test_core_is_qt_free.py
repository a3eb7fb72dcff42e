"""composer.core must never import Qt: the CLI and the adapters run without a display."""

import pkgutil
import subprocess
import sys

import composer.core


def test_importing_every_core_module_loads_no_qt():
    modules = [m.name for m in pkgutil.walk_packages(composer.core.__path__, "composer.core.")]
    assert len(modules) >= 5
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6'))\n"
        "print(','.join(qt))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"composer.core pulled in Qt: {out.stdout}"


def test_platform_modules_import_only_the_core_contract():
    import platforms

    code = (
        "import importlib, pkgutil, sys, platforms\n"
        "for m in pkgutil.walk_packages(platforms.__path__, 'platforms.'):\n"
        "    if '.practice' not in m.name: importlib.import_module(m.name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('composer.gui', 'PySide6')))))\n"
    )
    assert platforms
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
