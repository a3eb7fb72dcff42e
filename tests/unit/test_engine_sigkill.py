"""Acceptance: SIGKILL the publishing process after k of N channels succeeded; a restarted
process resumes and publishes the rest exactly once.

The practice servers run in this (test) process and outlive the killed publisher, like real
platforms do: requests already sent are still carried out after the kill, so the resume has to
look them up instead of sending them again."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from platforms.practice import echo

ROOT = Path(__file__).resolve().parents[2]
N, K = 5, 2

PUBLISHER = textwrap.dedent("""
    import json, sys
    from composer.core.post import Post
    from composer.core.publish import Engine, Target
    from composer.core.registry import Registry
    from composer.core.store import Store
    from platforms.practice import echo

    cfg = json.loads(sys.argv[2])
    targets = {a["name"]: Target(a["name"], "echo", {"url": a["url"]}, {"token": a["token"]})
               for a in cfg["accounts"]}
    engine = Engine(Store(), Registry(platforms={"echo": echo.PLATFORM}))
    if sys.argv[1] == "publish":
        engine.publish(Post(text="Pengumuman penting", id=cfg["post"]), list(targets.values()))
    else:
        for o in engine.resume(cfg["post"], targets=targets):
            print(o.account, o.state)
""")


def journal_states(home: Path) -> dict[str, str]:
    db = home / "data" / "siaran.sqlite3"
    if not db.exists():
        return {}
    con = sqlite3.connect(db, timeout=5)
    try:
        return dict(con.execute("SELECT account, state FROM journal").fetchall())
    except sqlite3.OperationalError:  # the schema is not there yet
        return {}
    finally:
        con.close()


@pytest.mark.slow
def test_sigkill_after_k_of_n_then_resume_publishes_the_rest_once(siaran_home):
    # Two quick channels succeed; the slow ones are still waiting for their answer at the kill.
    servers = [echo.EchoServer(latency=0.02 if i < K else 0.6 + 0.1 * i).start() for i in range(N)]
    # One slow channel never got its request carried out: the connection died with the process.
    servers[-1].faults.add("timeout", route="POST /posts", seconds=10)
    cfg = json.dumps({"post": "sigkill-post", "accounts": [
        {"name": f"ch{i}", "url": s.url, "token": s.token} for i, s in enumerate(servers)]})
    env = {**os.environ, "SIARAN_HOME": str(siaran_home), "PYTHONPATH": str(ROOT)}
    try:
        child = subprocess.Popen([sys.executable, "-c", PUBLISHER, "publish", cfg], cwd=ROOT,
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            states = journal_states(siaran_home)
            if sum(s == "posted" for s in states.values()) >= K:
                break
            assert child.poll() is None, child.communicate()
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stdout.close()
        child.stderr.close()
        states = journal_states(siaran_home)
        assert sum(s == "posted" for s in states.values()) == K, states
        assert len(states) == N  # every row was written before any request

        for s in servers[K:]:  # let the platforms finish what they were sent
            s.wait_idle(10)
        restarted = subprocess.run([sys.executable, "-c", PUBLISHER, "resume", cfg], cwd=ROOT,
                                   env=env, capture_output=True, text=True, timeout=60)
        assert restarted.returncode == 0, restarted.stderr
        assert restarted.stdout.count("posted") == N - K, restarted.stdout

        assert set(journal_states(siaran_home).values()) == {"posted"}
        for i, s in enumerate(servers):
            assert sum(s.posts_by_key().values()) == 1, f"ch{i}: {s.posts_by_key()}"
        for s in servers[:K]:  # what had succeeded was not touched again
            assert len(s.requests) == 1
    finally:
        for s in servers:
            s.stop()
