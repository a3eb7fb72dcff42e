"""Fault soak for the X, Mastodon and Telegram adapters: many publishes through the real engine
against their practice servers, each POST meeting random faults (429 in the platform's format,
500/502/503, hangs, resets mid-upload, 500 after the work, duplicate refusals, expired tokens).

Invariants: never two copies of a post; every outcome is posted, failed with a reason, or (only
on Telegram, which cannot look a message up) unknown with a reason; a post counts as posted
only when it is there; a resume with the faults gone completes only what is missing.

SIARAN_SOAK_RUNS sets the runs per platform (default 40; the acceptance run used 400).
"""

from __future__ import annotations

import os
import random

import pytest
from PIL import Image

from composer.core.journal import State
from composer.core.post import MediaRef, Post
from composer.core.publish import Engine, Policy, Target
from composer.core.registry import Registry
from composer.core.store import Store
from composer.testing.contract import Sleeps
from platforms import mastodon, telegram, x
from platforms.practice.mastodon import FakeMastodon
from platforms.practice.telegram import FakeTelegram
from platforms.practice.x import FakeX

RUNS = int(os.environ.get("SIARAN_SOAK_RUNS", "40"))
FAULTS = [("status", {"code": 500}), ("status", {"code": 502}), ("status", {"code": 503}),
          ("rate_limit", {"retry_after": 2}), ("timeout", {"seconds": 1.0}),
          ("timeout", {"seconds": 1.0, "after_work": True}), "reset", "success_then_500",
          "duplicate", "expired_token"]
FINAL = {State.POSTED, State.FAILED, State.UNKNOWN}


@pytest.mark.parametrize("platform, fake_class", [
    (mastodon.PLATFORM, FakeMastodon), (x.PLATFORM, FakeX), (telegram.PLATFORM, FakeTelegram),
], ids=["mastodon", "x", "telegram"])
def test_random_faults_never_duplicate(platform, fake_class, tmp_path, monkeypatch):
    monkeypatch.setattr(mastodon.MastodonAdapter, "poll_interval", 0.0)
    images = []
    for i in range(2):
        path = tmp_path / f"img{i}.jpg"
        Image.new("RGB", (320, 240), (40 * i, 100, 180)).save(path, quality=80)
        images.append(path)
    rng = random.Random(5)
    tally = {state: 0 for state in FINAL}
    with fake_class() as fake:
        fake.hang_seconds = 1.0
        store = Store()
        engine = Engine(store, Registry(platforms={platform.id: platform}), sleep=Sleeps(),
                        policy=Policy(read_timeout=0.5, connect_timeout=2.0, max_attempts=4))
        settings, secrets = fake.practice_account()
        target = Target("soak", platform.id, settings, secrets, adhoc=True)
        for run in range(RUNS):
            marker = f"soak{run:05d}"
            post = Post(text=f"Pengumuman {marker} & jadwal <rapat> {rng.random():.6f}")
            for path in images[: rng.randrange(3)]:
                post.media.append(MediaRef(str(path), alt=f"foto {marker}"))
            fake.faults.random(0.35, seed=run, kinds=FAULTS, route=r"POST /")
            (outcome,) = engine.publish(post, [target])
            fake.faults.clear()

            copies = sum(marker in t for t in fake.published_texts())
            assert outcome.state in FINAL, (run, outcome)
            assert copies <= 1, (run, outcome, fake.faults.fired[-5:])
            if outcome.state == State.POSTED:
                assert copies == 1, (run, outcome)
            else:
                assert outcome.reason, (run, outcome)
            if outcome.state == State.FAILED:  # "failed" must never hide a post that is there
                assert copies == 0, (run, outcome, fake.faults.fired[-5:])
            if outcome.state == State.UNKNOWN:
                assert platform.id == "telegram", (run, outcome)

            # Resume with the faults gone: only what is missing is done.
            (again,) = engine.resume(post.id, targets={"soak": target}) or (outcome,)
            copies = sum(marker in t for t in fake.published_texts())
            assert copies <= 1, (run, again)
            if again.state == State.POSTED:
                assert copies == 1, (run, again)
            tally[again.state] += 1
        store.close()
    assert not fake.errors, fake.errors[0]
    assert tally[State.POSTED] >= RUNS // 2, tally  # faults are survived, not just reported
    print(f"{platform.id}: {RUNS} runs, {len(fake.faults.fired)} faults -> {tally}")
