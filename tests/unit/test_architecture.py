"""The architecture, enforced: the import-linter contracts in pyproject.toml (the core is
Qt-free, channel plugins reach Siaran only through composer.plugin, the window never imports a
channel) must hold, or CI fails with lint-imports' own report of the offending import."""

import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import composer.core

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path, *, pythonpath: list[Path]) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in pythonpath)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_import_contracts_hold():
    result = lint_imports(ROOT, pythonpath=[ROOT])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_a_core_import_hidden_inside_a_function_breaks_the_build(tmp_path):
    """The contract reads imports inside functions too: a plugin that reaches into the core
    from a function body (where a plain grep for top-level imports would miss it) fails."""
    shutil.copytree(ROOT / "platforms", tmp_path / "platforms",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    sneaky = tmp_path / "platforms" / "whatsapp.py"
    sneaky.write_text(sneaky.read_text(encoding="utf-8")
                      + "\n\ndef _sneaky():\n    from composer.core import store\n    return store\n",
                      encoding="utf-8")
    result = lint_imports(tmp_path, pythonpath=[tmp_path, ROOT])
    assert result.returncode != 0
    assert "platforms.whatsapp -> composer.core.store" in result.stdout


def test_importing_every_core_module_loads_no_qt():
    """The static contract's runtime twin: nothing in the core pulls Qt in dynamically."""
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


def test_loading_every_channel_loads_no_gui():
    code = (
        "import importlib, pkgutil, sys, platforms\n"
        "for m in pkgutil.walk_packages(platforms.__path__, 'platforms.'):\n"
        "    if '.practice' not in m.name: importlib.import_module(m.name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('composer.gui', 'PySide6')))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    assert out.stdout.strip() == ""
