"""Fan-out: one post (text + one image) to 10 practice channels whose every answer takes
200 ms, against the slowest of those channels published alone, measured in the same run.

A channel costs two requests (image upload, then the post), so alone it takes ~0.4 s; the ten
channels run concurrently, so the fan-out should take hardly longer. Everything is real: HTTP on
127.0.0.1, the SQLite journal, the image rendered by composer.core.media.

    .venv/bin/python bench/publish.py [--channels 10] [--latency 0.2] [--rounds 3]

Last line: ``ratio=<fan-out time / slowest single channel time>`` (target <= 1.3).
"""

from __future__ import annotations

import os
import sys

# Run as a script, bench/ is first on sys.path, and bench/typing.py (the typing-latency
# benchmark) would shadow the standard library's typing module: put the repository there instead.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]
sys.path.insert(0, os.path.dirname(_HERE))

import argparse  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per answer")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="siaran-bench-")
    os.environ["SIARAN_HOME"] = home
    from PIL import Image

    from composer.core.journal import State
    from composer.core.post import MediaRef, Post
    from composer.core.publish import Engine, Target
    from composer.core.registry import Registry
    from composer.core.store import Store
    from platforms.practice import echo

    photo = Path(home) / "photo.jpg"
    Image.linear_gradient("L").resize((2000, 1500)).convert("RGB").save(photo, quality=90)
    servers = [echo.EchoServer(latency=args.latency).start() for _ in range(args.channels)]
    engine = Engine(Store(), Registry(platforms={"echo": echo.PLATFORM}))
    targets = [Target(f"ch{i}", "echo", {"url": s.url}, {"token": s.token}, adhoc=True)
               for i, s in enumerate(servers)]

    def publish(to: list[Target]) -> float:
        post = Post(text="Siaran bench: pelayanan kantor buka pukul 08.00 WIB #layanan")
        post.media.append(MediaRef(str(photo), alt="Halaman kantor"))
        t0 = time.perf_counter()
        outcomes = engine.publish(post, to)
        elapsed = time.perf_counter() - t0
        assert all(o.state == State.POSTED for o in outcomes), outcomes
        return elapsed

    try:
        publish(targets[:1])  # warm-up: imports, TLS context, first render
        singles, fanouts = [], []
        for _ in range(args.rounds):
            # Baseline: each channel alone; the slowest of them is what one click would cost
            # if publishing everywhere were free.
            singles.append(max(publish([t]) for t in targets))
            fanouts.append(publish(targets))
    finally:
        for s in servers:
            s.stop()
    single, fanout = statistics.median(singles), statistics.median(fanouts)
    print(f"channels={args.channels} latency_ms={args.latency * 1000:.0f} rounds={args.rounds}")
    print(f"slowest_single_s={single:.3f} fanout_s={fanout:.3f}")
    print(f"ratio={fanout / single:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
