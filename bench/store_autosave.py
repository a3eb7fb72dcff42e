"""How much an autosave costs, against the cheapest possible durable write in the same run.

Baseline: one INSERT of the same JSON body in its own transaction on a bare WAL database with
the same pragmas. Measured: Store.autosave of a realistic post (text ~1 kB, 3 images, two
variants) after each simulated keystroke, including the JSON encoding, the unchanged check,
the version row and the thinning. Also: an unchanged autosave (the GUI's idle timer).

Run: .venv/bin/python bench/store_autosave.py
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # not bench/: bench/typing.py shadows typing

N = 2000


def make_post():
    from composer.core.post import MediaRef, Post

    post = Post(text="Pemerintah Kabupaten mengundang warga 🇮🇩 ke rapat koordinasi. " * 16,
                title="Rapat koordinasi", tags=["pemda", "rapat"],
                media=[MediaRef(path=f"/foto/{i}.jpg", alt=f"Foto {i} rapat", sha256="ab" * 32)
                       for i in range(3)])
    post.variant("x").override("text", "Rapat koordinasi hari ini pukul 09.00 WIB #pemda")
    post.variant("instagram").alt["m1"] = "Peserta rapat"
    return post


def per_call(fn, n=N) -> float:
    samples = []
    for i in range(n):
        t = time.perf_counter()
        fn(i)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples) * 1e6


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="siaran-bench-"))
    os.environ["SIARAN_HOME"] = str(home)
    from composer.core.store import Store, encode_post

    post = make_post()
    body = encode_post(post)

    raw = sqlite3.connect(home / "baseline.sqlite3", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")

    def baseline(i):
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO t (body) VALUES (?)", (body + str(i),))
        raw.execute("COMMIT")

    store = Store()

    def autosave(i):
        post.text = post.text[:-8] + f"{i:08d}"  # one keystroke's worth of change
        store.autosave(post)

    def unchanged(i):
        store.autosave(post)

    base_us = per_call(baseline)
    save_us = per_call(autosave)
    idle_us = per_call(unchanged)
    versions = len(store.draft_versions(post.id))
    print(f"baseline (bare INSERT transaction): {base_us:8.1f} us")
    print(f"autosave (changed post):            {save_us:8.1f} us  ratio {save_us / base_us:.2f}")
    print(f"autosave (unchanged post):          {idle_us:8.1f} us  ratio {idle_us / base_us:.2f}")
    print(f"versions kept after {N} saves: {versions}; body {len(body)} bytes")
    print(f"autosave_vs_bare_insert={save_us / base_us:.2f}")


if __name__ == "__main__":
    main()
