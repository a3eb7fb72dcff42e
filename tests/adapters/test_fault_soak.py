"""Fault soak over every built-in adapter: many publishes through the real engine against each
platform's practice server, its requests meeting random faults in the platform's own format
(throttling, 500/502/503, hangs before and after the work, resets mid-upload, 500 after the
work, duplicate refusals, expired tokens), each run followed by a resume on a calm network.

What holds on every platform, every run:
- never two copies of a post;
- every outcome is posted, or failed / unknown with a reason; "posted" only when it is there;
- a "failed" never hides a post that is there, except where the platform's look-up itself met a
  fault (Meta): then the row stays resumable, and the resume finds it;
- only a platform that cannot look a post up (Telegram) may leave it "unknown";
- the resume completes only what is missing: after it, "posted" exactly when the post is there.

Also here: the engine-level soak (1,000 publishes over three echo accounts, every fault kind;
the resume repeats no idempotency key), every platform at once, and concurrent publishes.
Fast by design: fakes in-process on 127.0.0.1, short client timeouts, and the engine's sleep
recorded instead of slept. SIARAN_SOAK_RUNS sets the runs per platform (default 40).
"""

from __future__ import annotations

import hashlib
import os
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from composer.core.journal import RETRYABLE_ERRORS, State
from composer.core.outcome import Policy
from composer.core.post import MediaRef, Post
from composer.core.publish import Engine, Target
from composer.core.registry import Registry, default_registry
from composer.core.store import Store
from composer.testing.video_corpus import sized_clip
from platforms.practice import echo

RUNS = int(os.environ.get("SIARAN_SOAK_RUNS", "40"))


def faults(hang: float, rate_limit: dict) -> list:
    """Every fault kind; a hang lasts ``hang`` seconds (longer than the engine's read timeout)."""
    return [("status", {"code": 500}), ("status", {"code": 502}), ("status", {"code": 503}),
            ("rate_limit", rate_limit), ("timeout", {"seconds": hang}),
            ("timeout", {"seconds": hang, "after_work": True}), "reset", "success_then_500",
            "duplicate", "expired_token"]


# -- what each run posts ----------------------------------------------------------------------

def photos(folder: Path, size: tuple[int, int], lowest: int, highest: int):
    """Between ``lowest`` and ``highest`` photos per run, so resets also hit uploads mid-body."""
    paths = []
    for i in range(highest):
        path = folder / f"img{i}.jpg"
        Image.new("RGB", size, (40 * i, 100, 180)).save(path, quality=80)
        paths.append(path)

    def media(rng: random.Random, marker: str) -> list[MediaRef]:
        return [MediaRef(str(p), alt=f"foto {marker}") for p in paths[:rng.randint(lowest, highest)]]
    return media


def video(folder: Path, unit: int):
    """A fresh clip of 1-4 upload chunks per run (checked by hash afterwards)."""
    def media(rng: random.Random, marker: str) -> list[MediaRef]:
        path = sized_clip(folder / f"{marker}.mp4",
                          rng.randrange(1, 4) * unit + rng.randrange(8000, unit))
        return [MediaRef(str(path), kind="video")]
    return media


@dataclass(frozen=True)
class Soak:
    """How one platform is soaked (the values each per-platform soak had before they merged)."""

    route: str  # the requests that meet faults
    rate: float  # the chance a request meets one
    hang: float  # how long a "timeout" fault hangs; longer than read_timeout
    read_timeout: float
    rate_limit: dict = field(default_factory=lambda: {"retry_after": 2})  # {}: no Retry-After
    text: str = "Pengumuman {marker} & jadwal <rapat> {noise}"
    seed: int = 5
    max_attempts: int = 4
    decides_at_once: bool = False  # look-ups meet no faults: a lost answer is settled at once
    may_stay_unknown: bool = False  # the platform cannot look a post up (Telegram)
    look_up_may_fail: bool = False  # a failed row may hide a post, but stays resumable (Meta)


META = dict(route=r"^/v", rate=0.3, hang=0.6, read_timeout=0.3, rate_limit={"retry_after": 60},
            text="Pengumuman {marker}: pelayanan buka {noise}", seed=7, look_up_may_fail=True)
SOAKS = {
    "mastodon": Soak(route=r"POST /", rate=0.35, hang=1.0, read_timeout=0.5,
                     decides_at_once=True),
    "x": Soak(route=r"POST /", rate=0.35, hang=1.0, read_timeout=0.5, decides_at_once=True),
    "telegram": Soak(route=r"POST /", rate=0.35, hang=1.0, read_timeout=0.5,
                     may_stay_unknown=True),
    "bluesky": Soak(route=r"POST /xrpc/", rate=0.35, hang=1.0, read_timeout=0.5,
                    decides_at_once=True),
    # Every REST call, its look-ups too: a look-up that meets a fault leaves the post "unknown"
    # until the resume's calm look-up decides it.
    "wordpress": Soak(route=r"/wp-json/", rate=0.3, hang=1.0, read_timeout=0.5),
    "facebook": Soak(**META),
    "instagram": Soak(**META),
    "threads": Soak(**META),
    # LinkedIn sends no Retry-After: the engine's own back-off waits.
    "linkedin": Soak(route=r"/(rest|dms-uploads)/", rate=0.35, hang=1.0, read_timeout=0.5,
                     rate_limit={}, text="Pengumuman {marker} (jadwal) #Rapat_{run} {noise}",
                     seed=7),
    # Every upload request: the session start and each 256 KiB chunk.
    "youtube": Soak(route=r"/upload/", rate=0.3, hang=1.0, read_timeout=0.5,
                    text="Rekaman {marker}", seed=11, max_attempts=5),
}


def test_every_adapter_with_a_practice_server_is_soaked():
    from platforms.practice import fakes

    registry = default_registry()
    publishing = {pid for pid in fakes() if pid in registry and registry.get(pid).adapter}
    assert publishing == set(SOAKS), "add the new platform to SOAKS"


@pytest.fixture
def quick(monkeypatch):
    """Polls for processing media and containers do not wait: time is not what is tested."""
    from platforms.instagram import InstagramAdapter
    from platforms.mastodon import MastodonAdapter
    from platforms.practice.youtube import UNIT
    from platforms.threads import ThreadsAdapter
    from platforms.youtube import YouTubeAdapter

    for adapter in (MastodonAdapter, InstagramAdapter, ThreadsAdapter):
        monkeypatch.setattr(adapter, "poll_interval", 0.0)
    monkeypatch.setattr(YouTubeAdapter, "chunk_size", UNIT)  # several chunks per video


def media_for(pid: str, folder: Path) -> Callable[[random.Random, str], list[MediaRef]]:
    from platforms.practice.youtube import UNIT

    if pid == "youtube":
        return video(folder, UNIT)
    if pid in ("facebook", "instagram", "threads"):
        return photos(folder, (640, 480), 1 if pid == "instagram" else 0, 2)
    if pid == "linkedin":
        return photos(folder, (320, 240), 0, 3)
    return photos(folder, (320, 240), 0, 2)


def made_by(pid: str, fake, marker: str) -> list[str]:
    """What the fake holds of this run's post: its texts, or for YouTube its videos' hashes."""
    if pid == "youtube":
        return [v["sha256"] for v in fake.videos.values()
                if marker in v["snippet"]["description"]]
    return [t for t in fake.published_texts() if marker in t]


@pytest.mark.parametrize("pid", sorted(SOAKS))
def test_random_faults_never_duplicate(pid, practice_server, practice_engine, quick, tmp_path):
    soak = SOAKS[pid]
    platform = default_registry().get(pid)
    fake = practice_server(pid)
    fake.hang_seconds = soak.hang
    fake.quota = 10**6  # Instagram's 50 posts a day would end the soak at run 50
    practice = practice_engine(platform, fake, policy=Policy(
        read_timeout=soak.read_timeout, connect_timeout=2.0, max_attempts=soak.max_attempts))
    media = media_for(pid, tmp_path)
    kinds = faults(soak.hang, soak.rate_limit)
    rng = random.Random(soak.seed)
    tally = {State.POSTED: 0, State.FAILED: 0, State.UNKNOWN: 0}
    for run in range(RUNS):
        marker = f"soak{run:05d}"
        text = soak.text.format(marker=marker, run=run, noise=f"{rng.random():.6f}")
        post = Post(text=text, title=text if pid == "youtube" else "",
                    media=media(rng, marker))
        expected = [hashlib.sha256(Path(m.path).read_bytes()).hexdigest()
                    for m in post.media if m.kind == "video"]
        fake.faults.random(soak.rate, seed=run, kinds=kinds, route=soak.route)
        outcome = practice.publish(post)
        fake.faults.clear()

        there = made_by(pid, fake, marker)
        assert len(there) <= 1, (run, outcome, fake.faults.fired[-6:])
        assert outcome.state in tally, (run, outcome)
        if outcome.state == State.POSTED:
            assert len(there) == 1, (run, outcome)
        else:
            assert outcome.reason, (run, outcome)
            if there:  # posted, but the answer was lost: the row must stay resumable
                assert outcome.error in RETRYABLE_ERRORS, (run, outcome)
        if outcome.state == State.FAILED and not soak.look_up_may_fail:
            assert not there, (run, outcome, fake.faults.fired[-6:])
        if soak.decides_at_once:
            assert outcome.state != State.UNKNOWN, (run, outcome)
        if expected and there:
            assert there == expected, run  # exactly the file's bytes, whatever the faults did

        # Resume with the faults gone: only what is missing is done.
        again = practice.resume(post) or outcome
        there = made_by(pid, fake, marker)
        assert len(there) <= 1, (run, again)
        if again.state == State.UNKNOWN:
            assert soak.may_stay_unknown, (run, again)  # a calm look-up always decides
        else:
            assert (again.state == State.POSTED) == (len(there) == 1), (run, again)
        if expected and there:
            assert there == expected, run
        tally[again.state] += 1
    assert tally[State.POSTED] >= RUNS // 2, tally  # faults are survived, not just reported
    print(f"{pid}: {RUNS} runs, {len(fake.faults.fired)} faults -> {tally}")


# -- the engine itself, over echo accounts ---------------------------------------------------

ECHO_RUNS = 1000
ACCOUNTS = 3
SEED = 20261128
QUICK_FAULTS = [
    ("status", {"code": 500}), ("status", {"code": 502}), ("status", {"code": 503}),
    ("rate_limit", {"retry_after": 2}), ("reset", {}), ("success_then_500", {}),
    ("duplicate", {}), ("expired_token", {}),
]
# A timeout costs a real READ_TIMEOUT of waiting, so it is drawn less often than the others.
ECHO_FAULTS = QUICK_FAULTS * 4 + [("timeout", {"seconds": 0.6}),
                                  ("timeout", {"seconds": 0.6, "after_work": True})]
# Long enough that only injected faults time out, even on a loaded 2-core machine: a request
# the server is still working on when the client gives up is a race no look-up can win
# without a server-side idempotency key.
READ_TIMEOUT = 0.4


@pytest.fixture
def servers(practice_server):
    return [practice_server(echo.EchoServer) for _ in range(ACCOUNTS)]


def test_fault_soak_over_many_accounts(servers, tmp_path):
    """1,000 randomized publishes to 1-3 echo accounts each, every fault kind, then a resume.
    0 duplicates; every (post, account) ends posted or failed with a reason; the resume
    completes exactly what is missing and sends no idempotency key that was already done."""
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (640, 480), (20, 90, 160)).save(photo, "JPEG")
    for i, server in enumerate(servers):
        server.faults.random(0.25, seed=SEED + i, kinds=ECHO_FAULTS)
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
    for n in range(ECHO_RUNS):
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
    assert fired > ECHO_RUNS / 2  # the soak really was faulty
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
    print(f"soak: {ECHO_RUNS} runs, {len(entries)} (post, account), {fired} faults, "
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
def test_every_platform_at_once(practice_server, quick):
    """The soak, shorter, through every adapter in one engine at the same time (each answering
    faults in its platform's format): still 0 duplicates, every (post, account) posted or failed
    with a reason, and a resume that repeats nothing. Channels that need an image or a video are
    left out (the posts here are text only)."""
    registry = default_registry()
    chosen = [pid for pid in sorted(SOAKS) if not registry.get(pid).spec.min_images
              and not registry.get(pid).spec.video_only]
    servers = {pid: practice_server(pid) for pid in chosen}
    for i, server in enumerate(servers.values()):
        server.faults.random(0.25, seed=SEED + i, kinds=ECHO_FAULTS)

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
        return {(pid, marker): sum(marker in t for t in server.published_texts())
                for pid, server in servers.items() for _, marker in markers}

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
    store.close()
