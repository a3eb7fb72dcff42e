"""A damaged database is moved aside, and the officer is told where it went: on the command line
and in the app (tests/gui/test_shell_store_notice.py)."""

import subprocess
import sys
from pathlib import Path

from composer.core.paths import app_paths


def _damage_database():
    paths = app_paths().ensure()
    paths.database.write_bytes(b"this is not a database, just bytes " * 200)
    return paths


def test_cli_says_where_the_damaged_database_went():
    paths = _damage_database()
    out = subprocess.run([sys.executable, "-m", "composer", "history"], capture_output=True,
                         text=True)
    assert out.returncode == 0
    line = out.stderr.strip()
    assert "damaged" in line and "moved to" in line and "\n" not in line
    aside = line.split("moved to ")[1].split(" and a new")[0]
    assert aside.startswith(str(paths.data)) and Path(aside).read_bytes()[:4] == b"this"
