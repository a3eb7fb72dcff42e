"""Two run-dues at the same moment, in two processes (the app's scheduler and the agent's
`siaran run-due`), over one queue: every due post goes out exactly once.

The echo practice server does not deduplicate, so a second send would show as a second post with
the same idempotency key. Each process is held at a start line and released together; the
server answers slowly so their sends overlap."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from composer.core.accounts import Accounts
from composer.core.post import Post
from composer.core.publish import Engine
from composer.core.queue import Queue
from composer.core.registry import Registry
from composer.core.store import Store
from platforms.practice import echo

ROOT = Path(__file__).resolve().parents[2]
POSTS, ACCOUNTS = 6, 3

RUN_DUE = textwrap.dedent("""
    import json, sys, time
    from datetime import datetime
    from composer.core.accounts import Accounts
    from composer.core.publish import Engine
    from composer.core.queue import Queue
    from composer.core.registry import Registry
    from composer.core.store import Store
    from platforms.practice import echo

    import faulthandler
    faulthandler.dump_traceback_later(50, exit=True)  # a hang shows where
    cfg = json.loads(sys.argv[1])

    class Token:
        def get(self, account, field):
            return cfg["token"]

    store = Store()
    registry = Registry(platforms={"echo": echo.PLATFORM})
    engine = Engine(store, registry, accounts=Accounts(store, Token(), registry=registry))
    queue = Queue(engine, clock=lambda: datetime.fromisoformat(cfg["now"]))
    while time.time() < cfg["start"]:
        time.sleep(0.005)
    print(json.dumps([s.as_json() for s in queue.run_due()]))
""")


class Token:
    def __init__(self, token: str) -> None:
        self.token = token

    def get(self, account: str, field: str) -> str:
        return self.token

    def set(self, account: str, field: str, value: str) -> None:
        assert value == self.token

    def delete_account(self, account: str, fields: object) -> None:
        raise AssertionError("not in this test")


def test_two_run_dues_at_once_send_each_post_exactly_once(siaran_home):
    with echo.EchoServer(latency=0.05) as server:
        store = Store()
        registry = Registry(platforms={"echo": echo.PLATFORM})
        accounts = Accounts(store, Token(server.token), registry=registry)
        names = [f"kanal{i}" for i in range(ACCOUNTS)]
        for name in names:
            accounts.add(name, "echo", {"url": server.url}, {"token": server.token})
        now = datetime(2026, 12, 24, 2, 0, tzinfo=UTC)
        queue = Queue(Engine(store, registry, accounts=accounts), clock=lambda: now)
        posts = [Post(text=f"Pengumuman nomor {i}") for i in range(POSTS)]
        for post in posts:
            queue.schedule(post, names, now + timedelta(minutes=5))
        store.close()

        cfg = {"token": server.token, "now": (now + timedelta(minutes=6)).isoformat(),
               "start": time.time() + 3.0}
        children = [subprocess.Popen([sys.executable, "-c", RUN_DUE, json.dumps(cfg)], cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                    for _ in range(2)]
        results = [child.communicate(timeout=60) for child in children]
        for child, (_out, err) in zip(children, results, strict=True):
            assert child.returncode == 0, err

        sent = [s for out, _err in results for s in json.loads(out)]
        published = [(s["post_id"], s["account"]) for s in sent if s["state"] == "published"]
        assert sorted(published) == sorted((p.id, n) for p in posts for n in names)
        assert all(s["state"] in ("published", "scheduled") for s in sent)  # none failed
        by_key = server.posts_by_key()
        assert len(by_key) == POSTS * ACCOUNTS and set(by_key.values()) == {1}

        store = Store()
        states = {r[0] for r in store.query("SELECT state FROM schedule")}
        store.close()
        assert states == {"published"}
