"""Fault soak for LinkedIn: many publishes through the real engine against the practice
LinkedIn, each request to it meeting random faults (429 without Retry-After, 500/502/503, hangs,
resets mid-upload, 500 after the post was made, duplicate refusals, expired tokens).

Invariants: never two copies of a post; every outcome is posted or failed with a reason; a
"failed" never hides a post that is there; a resume with the faults gone completes only what is
missing. SIARAN_SOAK_RUNS sets the runs (default 40).
"""

from __future__ import annotations

import os
import random

from PIL import Image

from composer.core.journal import State
from composer.core.post import MediaRef, Post
from composer.core.publish import Engine, Policy, Target
from composer.core.registry import Registry
from composer.core.store import Store
from composer.testing.contract import Sleeps
from platforms import linkedin
from platforms.practice.linkedin import FakeLinkedIn

RUNS = int(os.environ.get("SIARAN_SOAK_RUNS", "40"))
FAULTS = [("status", {"code": 500}), ("status", {"code": 502}), ("status", {"code": 503}),
          "rate_limit", ("timeout", {"seconds": 1.0}),
          ("timeout", {"seconds": 1.0, "after_work": True}), "reset", "success_then_500",
          "duplicate", "expired_token"]


def test_random_faults_never_duplicate(tmp_path):
    images = []
    for i in range(3):
        path = tmp_path / f"img{i}.jpg"
        Image.new("RGB", (320, 240), (40 * i, 100, 180)).save(path, quality=80)
        images.append(path)
    rng = random.Random(7)
    tally = {State.POSTED: 0, State.FAILED: 0, State.UNKNOWN: 0}
    with FakeLinkedIn() as fake:
        fake.hang_seconds = 1.0
        store = Store()
        platform = linkedin.PLATFORM
        engine = Engine(store, Registry(platforms={platform.id: platform}), sleep=Sleeps(),
                        policy=Policy(read_timeout=0.5, connect_timeout=2.0, max_attempts=4))
        settings, secrets = fake.practice_account()
        target = Target("soak", platform.id, settings, secrets, adhoc=True)
        for run in range(RUNS):
            marker = f"soak{run:05d}"
            post = Post(text=f"Pengumuman {marker} (jadwal) #Rapat_{run} {rng.random():.6f}")
            for path in images[: rng.randrange(4)]:
                post.media.append(MediaRef(str(path), alt=f"foto {marker}"))
            fake.faults.random(0.35, seed=run, kinds=FAULTS, route=r"/(rest|dms-uploads)/")
            (outcome,) = engine.publish(post, [target])
            fake.faults.clear()

            copies = sum(marker in t for t in fake.published_texts())
            assert outcome.state in tally, (run, outcome)
            assert copies <= 1, (run, outcome, fake.faults.fired[-5:])
            if outcome.state == State.POSTED:
                assert copies == 1, (run, outcome)
            else:
                assert outcome.reason, (run, outcome)
            if outcome.state == State.FAILED:
                assert copies == 0, (run, outcome, fake.faults.fired[-5:])

            (again,) = engine.resume(post.id, targets={"soak": target}) or (outcome,)
            copies = sum(marker in t for t in fake.published_texts())
            assert copies <= 1, (run, again)
            if again.state == State.POSTED:
                assert copies == 1, (run, again)
            tally[again.state] += 1
        store.close()
    assert not fake.errors, fake.errors[0]
    assert tally[State.POSTED] >= RUNS // 2, tally
    print(f"linkedin: {RUNS} runs, {len(fake.faults.fired)} faults -> {tally}")
