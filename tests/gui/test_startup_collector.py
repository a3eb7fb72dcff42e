"""Start-up keeps Python's garbage collector off while the window is built, and gives it back
once the window has settled: an app left without it would grow for as long as it runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import gc, os, sys
from PySide6.QtCore import QTimer
import composer.gui.app as app

seen = []
start = app.Shell.start

def probing_start(self):
    window = start(self)
    QTimer.singleShot(200, lambda: seen.append(gc.isenabled()))
    window.settled.connect(lambda: QTimer.singleShot(0, lambda: seen.append(gc.isenabled())))
    def report():
        print("collector", seen, gc.get_freeze_count() > 0, flush=True)
        os._exit(0)
    window.settled.connect(lambda: QTimer.singleShot(50, report))
    return window

app.Shell.start = probing_start
sys.argv = ["siaran-gui"]
app.main()
"""


def test_the_collector_is_off_while_the_window_starts_and_back_once_it_settled(tmp_path):
    env = dict(os.environ, SIARAN_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen", SIARAN_LANG="id")
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("collector"))
    assert line == "collector [False, True] True", done.stderr[-2000:]
