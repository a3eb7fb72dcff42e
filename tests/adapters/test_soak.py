"""Fault soak (issue acceptance): 1,000 randomized publish runs against practice servers that
fail at random (every fault kind), then a resume. 0 duplicates; every (post, account) ends
posted or failed with a reason; the resume completes only what is missing.

Fast by design: fakes in-process on 127.0.0.1, short client timeouts, and the engine's sleep
injected (waits are recorded, not slept)."""

import random
import threading
import time

import pytest

from composer.core.journal import State
from composer.core.post import MediaRef, Post
from composer.core.publish import Engine, Policy, Target
from composer.core.registry import Registry
from composer.core.store import Store
from platforms.practice import echo

RUNS = 1000
ACCOUNTS = 3
SEED = 20261128
QUICK_FAULTS = [
    ("status", {"code": 500}), ("status", {"code": 502}), ("status", {"code": 503}),
    ("rate_limit", {"retry_after": 2}), ("reset", {}), ("success_then_500", {}),
    ("duplicate", {}), ("expired_token", {}),
]
# A timeout costs a real READ_TIMEOUT of waiting, so it is drawn less often than the others.
FAULTS = QUICK_FAULTS * 4 + [("timeout", {"seconds": 0.6}),
                             ("timeout", {"seconds": 0.6, "after_work": True})]
# Long enough that only injected faults time out, even on a loaded 2-core machine: a request
# the server is still working on when the client gives up is a race no look-up can win
# without a server-side idempotency key.
READ_TIMEOUT = 0.4


@pytest.fixture
def servers():
    started = [echo.EchoServer().start() for _ in range(ACCOUNTS)]
    yield started
    for s in started:
        s.stop()


def test_fault_soak(servers, tmp_path):
    from PIL import Image

    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (640, 480), (20, 90, 160)).save(photo, "JPEG")
    for i, server in enumerate(servers):
        server.faults.random(0.25, seed=SEED + i, kinds=FAULTS)
    waits: list[float] = []

    def sleep(seconds, cancel):
        """Time passes instantly, but what the servers were doing meanwhile gets done."""
        waits.append(seconds)
        for s in servers:
            s.wait_idle()

    store = Store()
    engine = Engine(store, Registry(platforms={"echo": echo.PLATFORM}), sleep=sleep,
                    rng=random.Random(SEED),
                    policy=Policy(read_timeout=READ_TIMEOUT, connect_timeout=2.0, max_attempts=4))
    targets = {f"e{i}": Target(f"e{i}", "echo", {"url": s.url}, {"token": s.token})
               for i, s in enumerate(servers)}
    rng = random.Random(SEED)
    posts = []
    t0 = time.perf_counter()
    for n in range(RUNS):
        post = Post(text=f"Siaran soak {n}: layanan kantor buka pukul {rng.randint(7, 9)}.")
        if n % 25 == 0:  # some runs upload an image, so resets hit uploads mid-body
            post.media.append(MediaRef(str(photo), alt=f"foto {n}"))
        chosen = rng.sample(sorted(targets), rng.randint(1, ACCOUNTS))
        engine.publish(post, [targets[a] for a in chosen])
        posts.append((post, chosen))
    elapsed = time.perf_counter() - t0

    entries = [e for post, _ in posts for e in engine.journal.entries(post.id)]
    assert len(entries) == sum(len(chosen) for _, chosen in posts)
    fired = sum(len(s.faults.fired) for s in servers)
    assert fired > RUNS / 2  # the soak really was faulty
    for e in entries:
        assert e.state == State.POSTED or e.reason, e  # done, or failed with a reason
    assert_no_duplicates(servers)
    posted_before = {(e.post_id, e.account) for e in entries if e.state == State.POSTED}
    missing = [e for e in entries if e.state != State.POSTED and e.retryable]

    # Resume on a calm network: finishes exactly what is missing, repeats nothing.
    for s in servers:
        s.faults.clear()
    marks = [len(s.requests) for s in servers]
    outcomes = engine.resume(targets=targets)
    assert sorted((o.account, o.state) for o in outcomes) == sorted(
        (e.account, State.POSTED) for e in missing)
    resent = [r for s, mark in zip(servers, marks, strict=True) for r in s.requests[mark:]
              if r.method == "POST" and r.path == "/posts"]
    keys_resent = {r.json()["key"] for r in resent}
    keys_done_before = {e.idempotency_key for e in entries if (e.post_id, e.account) in posted_before}
    assert not keys_resent & keys_done_before
    assert_no_duplicates(servers)
    final = [e for post, _ in posts for e in engine.journal.entries(post.id)]
    for e in final:
        assert e.state == State.POSTED or (e.state == State.FAILED and not e.retryable and e.reason)
    assert all(not s.errors for s in servers)
    print(f"soak: {RUNS} runs, {len(entries)} (post, account), {fired} faults, "
          f"{len(missing)} resumed, {elapsed:.1f}s")
    store.close()


def assert_no_duplicates(servers):
    for s in servers:
        counts = s.posts_by_key()
        assert max(counts.values(), default=1) == 1, [k for k, c in counts.items() if c > 1]


def test_parallel_publishes_of_different_posts_share_the_journal(servers):
    """Two publishes at once (the GUI may start a second one) never mix up rows."""
    store = Store()
    engine = Engine(store, Registry(platforms={"echo": echo.PLATFORM}),
                    sleep=lambda s, c: None)
    targets = [Target(f"e{i}", "echo", {"url": s.url}, {"token": s.token})
               for i, s in enumerate(servers)]
    posts = [Post(text=f"paralel {i}") for i in range(6)]
    threads = [threading.Thread(target=engine.publish, args=(p, targets)) for p in posts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for p in posts:
        assert [e.state for e in engine.journal.entries(p.id)] == [State.POSTED] * len(servers)
    assert_no_duplicates(servers)
    store.close()


@pytest.mark.slow
def test_fault_soak_across_every_platform_fake():
    """The same soak, shorter, through every built-in adapter and its own practice server
    (each answering faults in its platform's format): still 0 duplicates, every (post, account)
    posted or failed with a reason, and a resume that repeats nothing. Channels that need an
    image or a video are left out (the posts here are text only)."""
    from composer.core.registry import default_registry
    from platforms.practice import fakes

    registry = default_registry()
    chosen = {pid: cls for pid, cls in sorted(fakes().items())
              if pid in registry and registry.get(pid).adapter is not None
              and not registry.get(pid).spec.min_images and not registry.get(pid).spec.video_only}
    if not chosen:
        pytest.skip("no platform has both an adapter and a practice server")
    servers = {pid: cls().start() for pid, cls in chosen.items()}
    try:
        for i, server in enumerate(servers.values()):
            server.faults.random(0.25, seed=SEED + i, kinds=FAULTS)

        def sleep(seconds, cancel):
            for s in servers.values():
                s.wait_idle()

        store = Store()
        engine = Engine(store, registry, sleep=sleep, rng=random.Random(SEED),
                        policy=Policy(read_timeout=READ_TIMEOUT, max_attempts=4))
        targets = {}
        for pid, server in servers.items():
            settings, secrets = server.practice_account()
            targets[f"soak-{pid}"] = Target(f"soak-{pid}", pid, settings, secrets)
        markers = []
        for n in range(12):
            marker = f"soak{n:03d}q"
            post = Post(text=f"Uji {marker}: pelayanan kantor buka pukul 08.00 WIB.")
            for o in engine.publish(post, list(targets.values())):
                assert o.state == State.POSTED or o.reason, o
            markers.append((post.id, marker))

        def copies():
            found = {}
            for pid, server in servers.items():
                texts = server.published_texts()
                for _, marker in markers:
                    found[(pid, marker)] = sum(marker in t for t in texts)
            return found

        before = copies()
        assert max(before.values()) == 1, [k for k, c in before.items() if c > 1]
        for server in servers.values():
            server.faults.clear()
        engine.resume(targets=targets)
        after = copies()
        assert max(after.values()) == 1, [k for k, c in after.items() if c > 1]
        for post_id, _ in markers:
            for e in engine.journal.entries(post_id):
                assert e.state == State.POSTED or e.reason, e
        assert all(not s.errors for s in servers.values())
        store.close()
    finally:
        for server in servers.values():
            server.stop()
