"""The packaged app against the source app: start-up to the window on screen, and sizes.

Both start as fresh processes in the same run, alternating, with the same empty SIARAN_HOME and
the same "shown" signal (SIARAN_EXIT_WHEN_SHOWN: the window's first Expose). Needs the frozen
folder that scripts/package builds (dist/siaran).

    SIARAN_NO_SMOKE=1 scripts/package && .venv/bin/python bench/packaged.py [--runs 9]

Last line: ``ratio=X.XX`` (packaged / source; target <= 1.5).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "siaran" / "siaran-gui"


def measure(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    elapsed = time.perf_counter() - start
    proc.wait(30)
    if line != "shown":
        raise SystemExit(f"packaged: {cmd[0]} did not show a window")
    return elapsed


def megabytes(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if not FROZEN.exists():
        raise SystemExit("packaged: build it first: SIARAN_NO_SMOKE=1 scripts/package")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as home:
        env.update(SIARAN_HOME=home, SIARAN_EXIT_WHEN_SHOWN="1")
        source_cmd = [sys.executable, "-m", "composer.gui.app"]
        frozen_cmd = [str(FROZEN)]
        measure(source_cmd, env)  # warm the page cache for both before timing
        measure(frozen_cmd, env)
        source, frozen = [], []
        for _ in range(args.runs):
            source.append(measure(source_cmd, env))
            frozen.append(measure(frozen_cmd, env))
    debs = sorted((ROOT / "dist").glob("siaran_*.deb"))
    tars = sorted((ROOT / "dist").glob("siaran-*.tar.gz"))
    s, f = statistics.median(source), statistics.median(frozen)
    print(f"platform={env['QT_QPA_PLATFORM']} runs={args.runs} load={os.getloadavg()[0]:.2f}")
    if debs:
        print(f"deb_mb={megabytes(debs[-1]):.1f} ({debs[-1].name})")
    if tars:
        print(f"tar_gz_mb={megabytes(tars[-1]):.1f}")
    print(f"installed_mb={megabytes(FROZEN.parent):.1f}")
    print(f"source_ms   median={s * 1000:.0f} min={min(source) * 1000:.0f} max={max(source) * 1000:.0f}")
    print(f"packaged_ms median={f * 1000:.0f} min={min(frozen) * 1000:.0f} max={max(frozen) * 1000:.0f}")
    print(f"ratio={f / s:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
