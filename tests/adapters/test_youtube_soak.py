"""Fault soak for YouTube: many video uploads through the real engine against the practice
YouTube, each upload request (the session start and every chunk, 256 KiB here) meeting random
faults: 429 with Retry-After, 500/502/503, hangs before and after the work, resets mid-chunk,
500 after the chunk was kept, duplicate rejections, expired access tokens.

Invariants: never two videos of a post; every outcome is posted or failed with a reason; a
"failed" never hides a video that is there; every posted video has exactly the file's bytes;
a resume with the faults gone completes only what is missing. SIARAN_SOAK_RUNS sets the runs
(default 40).
"""

from __future__ import annotations

import hashlib
import os
import random

from composer.core.journal import State
from composer.core.post import MediaRef, Post
from composer.core.publish import Engine, Policy, Target
from composer.core.registry import Registry
from composer.core.store import Store
from composer.testing.contract import Sleeps
from platforms import youtube
from platforms.practice.youtube import UNIT, FakeYouTube
from platforms.youtube import YouTubeAdapter

RUNS = int(os.environ.get("SIARAN_SOAK_RUNS", "40"))
FAULTS = [("status", {"code": 500}), ("status", {"code": 502}), ("status", {"code": 503}),
          ("rate_limit", {"retry_after": 2}), ("timeout", {"seconds": 1.0}),
          ("timeout", {"seconds": 1.0, "after_work": True}), "reset", "success_then_500",
          "duplicate", "expired_token"]


def test_random_faults_never_duplicate(tmp_path, monkeypatch):
    monkeypatch.setattr(YouTubeAdapter, "chunk_size", UNIT)
    rng = random.Random(11)
    tally = {State.POSTED: 0, State.FAILED: 0, State.UNKNOWN: 0}
    with FakeYouTube() as fake:
        fake.hang_seconds = 1.0
        store = Store()
        engine = Engine(store, Registry(platforms={"youtube": youtube.PLATFORM}), sleep=Sleeps(),
                        policy=Policy(read_timeout=0.5, connect_timeout=2.0, max_attempts=5))
        settings, secrets = fake.practice_account()
        target = Target("soak", "youtube", settings, secrets, adhoc=True)
        for run in range(RUNS):
            marker = f"soak{run:05d}"
            path = tmp_path / f"{marker}.mp4"
            data = rng.randbytes(rng.randrange(1, 4) * UNIT + rng.randrange(UNIT))
            path.write_bytes(data)
            post = Post(text=f"Rekaman {marker}", title=f"Rekaman {marker}",
                        media=[MediaRef(str(path), kind="video")])
            fake.faults.random(0.3, seed=run, kinds=FAULTS, route=r"/upload/")
            (outcome,) = engine.publish(post, [target])
            fake.faults.clear()

            mine = [v for v in fake.videos.values() if marker in v["snippet"]["description"]]
            assert outcome.state in tally, (run, outcome)
            assert len(mine) <= 1, (run, outcome, fake.faults.fired[-5:])
            if outcome.state == State.POSTED:
                assert len(mine) == 1, (run, outcome)
                assert mine[0]["sha256"] == hashlib.sha256(data).hexdigest(), run
            else:
                assert outcome.reason, (run, outcome)
            if outcome.state == State.FAILED:
                assert not mine, (run, outcome, fake.faults.fired[-5:])

            (again,) = engine.resume(post.id, targets={"soak": target}) or (outcome,)
            mine = [v for v in fake.videos.values() if marker in v["snippet"]["description"]]
            assert len(mine) <= 1, (run, again)
            # The session always says whether the video was made: nothing stays unknown.
            assert again.state in (State.POSTED, State.FAILED), (run, again)
            if again.state == State.POSTED:
                assert len(mine) == 1 and mine[0]["sha256"] == hashlib.sha256(data).hexdigest()
            tally[again.state] += 1
        store.close()
    assert not fake.errors, fake.errors[0]
    assert tally[State.POSTED] >= RUNS // 2, tally
    print(f"youtube: {RUNS} runs, {len(fake.faults.fired)} faults -> {tally}")
