"""The acceptance test of scheduling, against the real WordPress and the real Bluesky PDS of
tests/peers, from the command line as an officer runs it (own SIARAN_HOME, real keyring):

- a post scheduled 95 seconds ahead to both (WordPress holds it from 60 s past the hand-over):
  WordPress holds it itself (status ``future`` at
  the right date); Bluesky gets it from Siaran at its time, within 60 s, exactly once, while
  the app's scheduler (AppScheduler in its own process, ticking every 2 s) and `siaran run-due`
  (every few seconds, like the agent) run at the same time;
- a post whose time passed 30 minutes before run-due ran waits as "missed", and is not sent
  (the machine being off is simulated by moving the queued time back in the database);
- rescheduling and unscheduling change WordPress's own schedule.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import real_peers
import test_publish_real_peers as publish_e2e
from test_publish_real_peers import ROOT, Siaran, bluesky_account

from composer.core.office import ZONES

pytestmark = pytest.mark.e2e
keyring_env = publish_e2e.keyring_env  # the CLI's keyring: the same fixture as publishing's

APP_SCHEDULER = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QCoreApplication, QTimer
    from composer.core.services import Services
    from composer.gui.queue.scheduler import AppScheduler
    from composer.gui.tasks import TaskRunner

    app = QCoreApplication([])
    services = Services()
    runner = TaskRunner()
    scheduler = AppScheduler(services, runner, interval_ms=2000)
    scheduler.ran.connect(lambda sent: sent and print(json.dumps([s.as_json() for s in sent]),
                                                      flush=True))
    scheduler.start()
    QTimer.singleShot(int(float(sys.argv[1]) * 1000), app.quit)
    app.exec()
    runner.wait()
""")


@pytest.fixture(scope="module")
def wordpress() -> dict[str, str]:
    return real_peers.wordpress()


@pytest.fixture(scope="module")
def pds() -> dict[str, str]:
    return real_peers.bluesky()


def wib(moment: datetime) -> str:
    return moment.astimezone(ZONES["WIB"]).strftime("%Y-%m-%d %H:%M:%S") + " WIB"


def on_wordpress(wp: dict[str, str], marker: str) -> list[dict]:
    return httpx.get(f"{wp['WP_URL']}/wp-json/wp/v2/posts", timeout=10,
                     auth=(wp["WP_USER"], wp["WP_APP_PASSWORD"]), params={
                         "search": marker, "status": "publish,future,draft", "context": "edit"}).json()


def on_bluesky(pds_url: str, did: str, marker: str) -> list[dict]:
    records = httpx.get(f"{pds_url}/xrpc/com.atproto.repo.listRecords", timeout=10, params={
        "repo": did, "collection": "app.bsky.feed.post", "limit": 100}).json()["records"]
    return [r for r in records if marker in r["value"]["text"]]


def post_file(siaran: Siaran, tmp_path, name: str, text: str, title: str, to: str):
    path = tmp_path / f"{name}.toml"
    path.write_text(siaran("new", "--text", text, "--title", title, "--to", to).stdout)
    return path


def post_id_of(path) -> str:
    from composer.core.post import load

    return load(path).id


def test_scheduling_against_real_wordpress_and_bluesky(wordpress, pds, keyring_env, tmp_path):
    home = tmp_path / "home"
    siaran = Siaran(home, keyring_env)
    handle, did, app_password = bluesky_account(pds["BSKY_PDS_URL"])
    siaran("accounts", "add", "wordpress", "--name", "portal", "--url", wordpress["WP_URL"],
           "--user", wordpress["WP_USER"], stdin=wordpress["WP_APP_PASSWORD"] + "\n")
    siaran("accounts", "add", "bluesky", "--name", "kanwil", "--service", pds["BSKY_PDS_URL"],
           "--handle", handle, stdin=app_password + "\n")
    marker, missed_marker, moved_marker = (uuid.uuid4().hex[:10] for _ in range(3))
    wp_ids: list[int] = []
    try:
        # 1. 95 seconds ahead, to both (WordPress holds what is 60 s ahead past the hand-over margin)
        first = post_file(siaran, tmp_path, "first", f"Apel siaga bencana ({marker})",
                          f"Apel siaga {marker}", "portal,kanwil")
        at = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=95)
        siaran("schedule", str(first), "--at", wib(at))
        queue = {i["account"]: i for i in json.loads(siaran("queue", "--json").stdout)}
        assert queue["portal"]["mode"] == "native" and queue["kanwil"]["mode"] == "local"
        (held,) = on_wordpress(wordpress, marker)
        wp_ids.append(held["id"])
        assert held["status"] == "future"
        assert held["date_gmt"] == at.strftime("%Y-%m-%dT%H:%M:%S")
        assert on_bluesky(pds["BSKY_PDS_URL"], did, marker) == []

        # 2. the app's scheduler and run-due, both running when the time comes
        time.sleep(max(0.0, (at - datetime.now(UTC)).total_seconds() - 10))
        # the app's scheduler runs until 40 s past the time; run-due every 3 s until 15 s after
        # the post was seen (a second send would come within seconds of the first), at most 65 s
        app_runs = (at + timedelta(seconds=40) - datetime.now(UTC)).total_seconds()
        app = subprocess.Popen([sys.executable, "-c", APP_SCHEDULER, f"{app_runs:.0f}"],
                               env=siaran.env, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
        seen_at = None
        runs = []
        while datetime.now(UTC) < at + timedelta(seconds=65):
            runs.append(json.loads(siaran("run-due", "--json").stdout))
            if seen_at is None and on_bluesky(pds["BSKY_PDS_URL"], did, marker):
                seen_at = datetime.now(UTC)
            if seen_at is not None and datetime.now(UTC) > seen_at + timedelta(seconds=15):
                break
            time.sleep(3)
        app_out, app_err = app.communicate(timeout=120)
        assert app.returncode == 0, app_err
        assert seen_at is not None and seen_at - at <= timedelta(seconds=60), (seen_at, at)
        print(f"Bluesky had it {(seen_at - at).total_seconds():.0f} s after its time")
        assert len(on_bluesky(pds["BSKY_PDS_URL"], did, marker)) == 1  # exactly once
        by_cli = [s for run in runs for s in run if s["state"] == "published"]
        by_app = [s for line in app_out.splitlines() for s in json.loads(line)
                  if s["state"] == "published"]
        assert len(by_cli) + len(by_app) == 1, (by_cli, by_app)
        states = {i["account"]: i["state"] for i in json.loads(siaran("queue", "--json").stdout)
                  if i["post_id"] == post_id_of(first)}
        assert states == {"portal": "published", "kanwil": "published"}

        # 3. its time passed 30 minutes before run-due ran: missed, not sent
        late = post_file(siaran, tmp_path, "late", f"Rapat pagi ({missed_marker})",
                         f"Rapat {missed_marker}", "kanwil")
        siaran("schedule", str(late), "--at", wib(datetime.now(UTC) + timedelta(minutes=5)))
        db = sqlite3.connect(home / "data" / "siaran.sqlite3")
        thirty_ago = (datetime.now(UTC) - timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
        with db:
            db.execute("UPDATE schedule SET at=? WHERE post_id=?", (thirty_ago, post_id_of(late)))
        db.close()
        (missed,) = json.loads(siaran("run-due", "--json").stdout)
        assert missed["state"] == "missed"
        assert on_bluesky(pds["BSKY_PDS_URL"], did, missed_marker) == []
        queued = {i["post_id"]: i["state"] for i in json.loads(siaran("queue", "--json").stdout)}
        assert queued[post_id_of(late)] == "missed"

        # 4. rescheduling and unscheduling change WordPress's own schedule
        moved = post_file(siaran, tmp_path, "moved", f"Pelayanan KTP keliling ({moved_marker})",
                          f"KTP keliling {moved_marker}", "portal")
        day = datetime.now(UTC).replace(microsecond=0, second=0) + timedelta(days=2)
        siaran("schedule", str(moved), "--at", wib(day))
        (held,) = on_wordpress(wordpress, moved_marker)
        wp_ids.append(held["id"])
        assert held["status"] == "future" and held["date_gmt"] == day.strftime("%Y-%m-%dT%H:%M:%S")
        later = day + timedelta(days=1, hours=3)
        siaran("reschedule", post_id_of(moved), "--at", wib(later))
        (held,) = on_wordpress(wordpress, moved_marker)
        assert held["status"] == "future"
        assert held["date_gmt"] == later.strftime("%Y-%m-%dT%H:%M:%S")
        siaran("unschedule", post_id_of(moved), "--from", "portal")
        (held,) = on_wordpress(wordpress, moved_marker)
        assert held["status"] == "draft" and held["id"] == wp_ids[-1]
    finally:
        for wp_id in wp_ids:  # to the trash, as an editor would
            httpx.delete(f"{wordpress['WP_URL']}/wp-json/wp/v2/posts/{wp_id}", timeout=10,
                         auth=(wordpress["WP_USER"], wordpress["WP_APP_PASSWORD"]))
