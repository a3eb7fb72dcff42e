"""Fan-out: one post (text + one image) to ten practice channels of nine platforms (X, Bluesky,
Mastodon, Threads, Facebook, Instagram, LinkedIn, Telegram, WordPress and an echo server), whose
every answer takes 200 ms, against each channel published alone, measured in the same run.

Each channel costs its platform's own requests (upload, container, status, post ...), so alone
they take from ~0.4 s to a few seconds (Instagram and Threads wait for their media containers);
the ten run concurrently, so the fan-out should take hardly longer than the slowest of them.
The baseline is that slowest channel's MEDIAN time over the rounds (not the slowest of all the
noisy single runs, which would flatter the ratio). Everything is real: HTTP on 127.0.0.1, the
SQLite journal, the images rendered by composer.core.media for each platform's shape.

    .venv/bin/python bench/publish.py [--latency 0.2] [--rounds 3]

Last line: ``ratio=<fan-out median / slowest channel's median alone>`` (target <= 1.3).
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

PLATFORMS = ["x", "bluesky", "mastodon", "threads", "facebook", "instagram", "linkedin", "telegram",
             "wordpress"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per answer")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="siaran-bench-")
    os.environ["SIARAN_HOME"] = home
    from PIL import Image

    from composer.core.journal import State
    from composer.core.post import MediaRef, Post
    from composer.core.publish import Engine, Target
    from composer.core.registry import default_registry
    from composer.core.store import Store
    from platforms.practice import echo, fakes

    photo = Path(home) / "photo.jpg"
    Image.linear_gradient("L").resize((2000, 1500)).convert("RGB").save(photo, quality=90)
    registry = default_registry()
    registry.platforms["echo"] = echo.PLATFORM
    engine = Engine(Store(), registry)
    servers, targets = [], []
    for platform in PLATFORMS:
        server = fakes()[platform](latency=args.latency).start()
        settings, secrets = server.practice_account()
        servers.append(server)
        targets.append(Target(f"ch-{platform}", platform, settings, secrets, adhoc=True))
    server = echo.EchoServer(latency=args.latency).start()
    servers.append(server)
    targets.append(Target("ch-echo", "echo", {"url": server.url}, {"token": server.token}, adhoc=True))

    sent = [0]

    def publish(to: list[Target]) -> float:
        sent[0] += 1  # a new text each time: X refuses a duplicate of an earlier post
        post = Post(text=f"Siaran bench {sent[0]}: pelayanan kantor buka pukul 08.00 WIB #layanan")
        post.media.append(MediaRef(str(photo), alt="Halaman kantor"))
        t0 = time.perf_counter()
        outcomes = engine.publish(post, to)
        elapsed = time.perf_counter() - t0
        assert all(o.state == State.POSTED for o in outcomes), outcomes
        return elapsed

    try:
        publish(targets)  # warm-up: imports, first renders
        alone: dict[str, list[float]] = {t.platform: [] for t in targets}
        fanouts = []
        for _ in range(args.rounds):
            for target in targets:
                alone[target.platform].append(publish([target]))
            fanouts.append(publish(targets))
    finally:
        for s in servers:
            s.stop()
    medians = {platform: statistics.median(times) for platform, times in alone.items()}
    slowest = max(medians, key=lambda k: medians[k])
    single, fanout = medians[slowest], statistics.median(fanouts)
    print(f"channels={len(targets)} platforms={len(set(medians))} latency_ms={args.latency * 1000:.0f} "
          f"rounds={args.rounds} loadavg={os.getloadavg()[0]:.2f}")
    print("alone_median_s " + " ".join(f"{k}={v:.2f}" for k, v in sorted(medians.items(), key=lambda kv: kv[1])))
    print(f"slowest_alone={slowest} median_s={single:.3f} fanout_median_s={fanout:.3f} "
          f"(fan-out runs {min(fanouts):.3f}..{max(fanouts):.3f})")
    print(f"ratio={fanout / single:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
