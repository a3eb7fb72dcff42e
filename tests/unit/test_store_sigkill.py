"""Acceptance: SIGKILL a process that is autosaving a draft, at random moments, many times.

Every reopen must find an intact database (PRAGMA integrity_check) and a whole draft that is
exactly the last save the child reported as committed, or the one it announced and was writing
when killed: autosave commits before it returns, so a kill may lose at most the save in flight
(far less than the allowed last second).
"""

from __future__ import annotations

import importlib.util
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from composer.core.store import MAX_VERSIONS, THIN_EVERY, Store, encode_post

CHILD = Path(__file__).with_name("autosave_child.py")
_spec = importlib.util.spec_from_file_location("autosave_child", CHILD)
child = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(child)

TRIALS = 60
DRAFT_ID = "kill-test"


def run_and_kill(env: dict, rng: random.Random, *,
                 during_start: bool) -> tuple[list, int | None, float]:
    """Start the child, SIGKILL it at a random moment; returns its reported (seq, time) lines,
    the save it had announced but not reported (in flight when killed, or None), and the moment
    of the kill."""
    proc = subprocess.Popen([sys.executable, str(CHILD), DRAFT_ID], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    try:
        if during_start:  # somewhere in start-up: imports, opening, recovery, migration
            time.sleep(rng.uniform(0.0, 0.15))
        else:
            assert proc.stdout.readline() == "ready\n", proc.stderr.read()
            time.sleep(rng.uniform(0.0, 0.1))
        killed_at = time.time()
        os.kill(proc.pid, signal.SIGKILL)
        # Read through proc.stdout itself, never communicate(): readline() above may already
        # hold many report lines in its buffer, and communicate() reads the pipe underneath it,
        # so under load those reports were lost and the database looked "ahead" of them.
        out = proc.stdout.read()
        err = proc.stderr.read()
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, err
    reported, announced = [], None
    for line in out.splitlines():
        if line.startswith("saving "):
            announced = int(line.removeprefix("saving "))
        elif line != "ready":
            seq, at = line.split()
            reported.append((int(seq), float(at)))
    in_flight = announced if announced and (not reported or announced > reported[-1][0]) else None
    return reported, in_flight, killed_at


@pytest.mark.slow
def test_sigkill_while_autosaving_never_corrupts_nor_loses_more_than_a_second(siaran_home):
    env = dict(os.environ, SIARAN_HOME=str(siaran_home), PYTHONUNBUFFERED="1")
    seed = int(os.environ.get("SIARAN_KILL_SEED", time.time_ns()))  # set it to replay a run
    rng = random.Random(seed)
    database = None
    last_committed = 0  # the highest sequence number any child reported as saved
    saves_killed_mid_loop = 0
    started = time.monotonic()
    for trial in range(TRIALS):
        # Every 6th kill (the first one too: creating the schema) lands during start-up.
        reported, in_flight, killed_at = run_and_kill(env, rng, during_start=trial % 6 == 0)
        if reported:
            saves_killed_mid_loop += 1
            # What the issue demands: nothing reported more than ~1 s before the kill is lost.
            older = [seq for seq, at in reported if at <= killed_at - 1.0]
            required = max(older, default=0)
            last_committed = max(last_committed, reported[-1][0])
        else:
            required = 0

        database = database or Store().path
        raw = sqlite3.connect(database)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"trial {trial}, seed {seed}"
        finally:
            raw.close()

        with Store() as store:
            assert store.notice is None  # never judged damaged, never moved aside
            draft = store.latest_draft()
            if draft is None:
                assert last_committed == 0, f"trial {trial}, seed {seed}: the draft vanished"
                continue
            seq = child.seq_of(draft)
            assert seq >= required, f"trial {trial}, seed {seed}: lost more than the last second"
            # Stronger, because autosave commits before it returns: the database holds the last
            # save the child reported, or the one it had announced and was writing when killed
            # (committed, not yet reported). Older is a lost save; anything else is garbage.
            allowed = {last_committed} | ({in_flight} if in_flight is not None else set())
            assert seq in allowed, f"trial {trial}, seed {seed}: {seq} not in {sorted(allowed)}"
            last_committed = seq
            # Whole, never garbled: the reopened post is exactly what the child built for seq.
            assert encode_post(draft) == encode_post(child.make_post(seq, DRAFT_ID))
            versions = store.draft_versions(DRAFT_ID)
            assert len(versions) <= MAX_VERSIONS + THIN_EVERY
            assert store.load_version(versions[0].id).text == draft.text
    elapsed = time.monotonic() - started
    print(f"{TRIALS} kills, {saves_killed_mid_loop} mid-loop, last seq {last_committed}, "
          f"{elapsed:.1f} s")
    assert saves_killed_mid_loop >= TRIALS // 2  # the kills really hit the save loop
    assert last_committed > TRIALS  # and the loop really saved, many times
