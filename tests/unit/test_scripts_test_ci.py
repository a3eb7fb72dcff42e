"""scripts/test under CI=true: a real peer that does not start fails the run at once, with the
end of its log, and the peers already started are stopped. Cheap: a folder of fake peers
(SIARAN_PEERS_DIR) and a run that ends before setup or pytest would begin."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def peer(folder: Path, name: str, start: str) -> None:
    (folder / name).mkdir(parents=True)
    for script, body in (("start.sh", start), ("stop.sh", f"echo stopped > {folder}/{name}.stopped")):
        path = folder / name / script
        path.write_text(f"#!/usr/bin/env bash\n{body}\n")
        path.chmod(0o755)


@pytest.fixture
def peers(tmp_path):
    folder = tmp_path / "peers"
    peer(folder, "a-fine", "echo FINE_URL=http://127.0.0.1:1")
    peer(folder, "b-broken", "echo 'installing php...'\necho 'port 8080 already in use' >&2\nexit 1")
    peer(folder, "c-never", f"touch {folder}/c-never.started")
    return folder


def run_script(peers: Path, ci: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SIARAN_NO_PEERS", "CI")}
    env.update(SIARAN_PEERS_DIR=str(peers), CI=ci)
    return subprocess.run([str(ROOT / "scripts" / "test"), "--version"], env=env, text=True,
                          capture_output=True, timeout=60)


@pytest.mark.parametrize("ci", ["true", "TRUE", "1"])
def test_under_ci_a_peer_that_does_not_start_fails_the_run_at_once(peers, ci):
    done = run_script(peers, ci)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "peer b-broken did not start, and under CI=true that fails the run" in done.stderr
    assert "port 8080 already in use" in done.stderr  # the end of its log, to act on
    assert (peers / "a-fine.stopped").exists()  # what did start is cleaned up
    assert not (peers / "c-never.started").exists()  # at once: no later peer, setup nor pytest
    assert "pytest" not in done.stdout + done.stderr
