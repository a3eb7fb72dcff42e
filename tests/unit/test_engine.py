"""The publish engine over real HTTP (echo fakes on 127.0.0.1), a real SQLite journal and an
in-memory keyring. Time is injected: waits are recorded, not slept."""

import sqlite3
import threading
import time

import pytest

from composer.core.accounts import Accounts
from composer.core.i18n import UserError
from composer.core.journal import State
from composer.core.post import Post
from composer.core.publish import Engine, Policy, Target
from composer.core.registry import Registry
from composer.core.store import Store
from composer.testing.keyring import memory_keyring, secret_store
from platforms.practice import Response, echo, route


class Sleeps(list):
    def __call__(self, seconds, cancel):
        self.append(seconds)


@pytest.fixture
def store():
    s = Store()
    yield s
    s.close()


@pytest.fixture
def keyring_backend():
    with memory_keyring() as backend:
        yield backend


@pytest.fixture
def servers():
    started = [echo.EchoServer().start() for _ in range(2)]
    yield started
    for s in started:
        s.stop()


@pytest.fixture
def registry():
    return Registry(platforms={"echo": echo.PLATFORM})


@pytest.fixture
def accounts(store, registry, keyring_backend, servers):
    acc = Accounts(store, secret_store(), registry=registry)
    for i, server in enumerate(servers, start=1):
        settings, secrets = server.practice_account()
        acc.add(f"e{i}", "echo", settings, secrets, practice=True)
    return acc


@pytest.fixture
def sleeps():
    return Sleeps()


@pytest.fixture
def engine(store, registry, accounts, sleeps):
    return Engine(store, registry, accounts=accounts, sleep=sleeps,
                  policy=Policy(read_timeout=0.5, max_attempts=4))


def post(text="Pengumuman: kantor tutup Senin."):
    return Post(text=text)


def test_publishes_to_every_account_and_journals_urls(engine, servers):
    p = post()
    outcomes = engine.publish(p, ["e1", "e2"])
    assert [o.state for o in outcomes] == [State.POSTED, State.POSTED]
    for o, server in zip(outcomes, servers, strict=True):
        assert o.url.startswith(server.url) and list(server.posts_by_key().values()) == [1]
    entry = engine.journal.get(p.id, "e1")
    assert [e.state for e in engine.journal.events(entry.id)] == ["pending", "pending", "posted"]
    assert {e.account for e in engine.journal.history()} == {"e1", "e2"}


def test_the_journal_row_exists_before_the_request(store, registry, accounts, sleeps, servers):
    seen = []

    class Watching(echo.EchoServer):
        @route("POST", r"/posts")
        def create(self, req):
            db = sqlite3.connect(store.path)
            seen.append(db.execute("SELECT state, attempts FROM journal").fetchall())
            db.close()
            return super().create(req)

    with Watching() as w:
        target = Target("w", "echo", {"url": w.url}, {"token": w.token})
        out = Engine(store, registry, accounts=accounts, sleep=sleeps).publish(post(), [target])
    assert out[0].state == State.POSTED
    assert seen == [[("pending", 1)]]


def test_rate_limit_waits_what_the_platform_asked_then_posts_once(engine, servers, sleeps):
    servers[0].faults.add("rate_limit", route="POST /posts", retry_after=7)
    p = post()
    (o,) = engine.publish(p, ["e1"])
    assert o.state == State.POSTED and sleeps == [7.0]
    assert list(servers[0].posts_by_key().values()) == [1]


def test_server_errors_are_retried_with_growing_backoff(engine, servers, sleeps):
    servers[0].faults.add("status", route="POST /posts", times=1, code=502)
    servers[0].faults.add("status", route="POST /posts", times=1, code=503)
    (o,) = engine.publish(post(), ["e1"])
    assert o.state == State.POSTED and o.attempts == 3
    assert len(sleeps) == 2 and 0.5 <= sleeps[0] <= 1.0 and 1.0 <= sleeps[1] <= 2.0
    assert sum(servers[0].posts_by_key().values()) == 1


@pytest.mark.parametrize("kind,options", [("success_then_500", {}),
                                          ("timeout", {"after_work": True, "seconds": 3}),
                                          ("timeout", {"seconds": 3})])
def test_no_answer_means_look_before_retrying(engine, servers, kind, options):
    servers[0].faults.add(kind, route="POST /posts", **options)
    p = post()
    (o,) = engine.publish(p, ["e1"])
    assert o.state == State.POSTED
    assert list(servers[0].posts_by_key().values()) == [1]
    assert servers[0].requests_to("GET", "/posts")  # it looked
    states = [e.state for e in engine.journal.events(engine.journal.get(p.id, "e1").id)]
    assert "unknown" in states


def test_expired_token_fails_at_once_with_sign_in_again(engine, servers):
    servers[0].faults.add("expired_token", route="POST /posts")
    (o,) = engine.publish(post(), ["e1"])
    assert o.state == State.FAILED and "Sign in again" in o.reason
    assert len(servers[0].requests_to("POST", "/posts")) == 1 and not servers[0].posts


def test_duplicate_fails_with_a_reason(engine, servers):
    servers[0].faults.add("duplicate", route="POST /posts")
    (o,) = engine.publish(post(), ["e1"])
    assert o.state == State.FAILED and "duplicate" in o.reason
    assert not servers[0].posts


def test_one_account_failing_does_not_stop_the_other(engine, servers):
    servers[0].faults.add("expired_token", route="POST /posts")
    o1, o2 = engine.publish(post(), ["e1", "e2"])
    assert o1.state == State.FAILED and o2.state == State.POSTED


def test_transient_exhaustion_fails_then_resume_finishes_only_that(engine, servers):
    servers[0].faults.add("status", route="POST /posts", times=4, code=503)
    p = post()
    o1, o2 = engine.publish(p, ["e1", "e2"])
    assert o1.state == State.FAILED and "resume" in o1.reason and o2.state == State.POSTED
    assert [e.account for e in engine.journal.unfinished()] == ["e1"]
    (again,) = engine.resume()
    assert again.account == "e1" and again.state == State.POSTED
    assert sum(servers[0].posts_by_key().values()) == 1
    assert sum(servers[1].posts_by_key().values()) == 1
    assert engine.resume() == []


def test_rate_limit_beyond_the_cap_fails_now(engine, servers, sleeps):
    servers[0].faults.add("rate_limit", route="POST /posts", retry_after=3600)
    (o,) = engine.publish(post(), ["e1"])
    assert o.state == State.FAILED and "60 minutes" in o.reason and sleeps == []
    assert engine.journal.unfinished()[0].account == "e1"


def test_cancel_during_a_wait_then_resume_posts_once(store, registry, accounts, servers):
    cancel = threading.Event()

    def sleep(seconds, event):
        cancel.set()  # the officer presses Cancel while the engine waits

    eng = Engine(store, registry, accounts=accounts, sleep=sleep)
    servers[0].faults.add("rate_limit", route="POST /posts", retry_after=5)
    p = post()
    (o,) = eng.publish(p, ["e1"], cancel=cancel)
    assert o.state == State.CANCELLED and not servers[0].posts
    (o,) = eng.resume(p.id)
    assert o.state == State.POSTED and sum(servers[0].posts_by_key().values()) == 1


def test_a_crash_after_sending_is_resolved_by_a_look_up(engine, servers):
    """A row left 'pending, 1 attempt' by a killed process, whose post did land."""
    p = post()
    servers[0].faults.add("timeout", route="POST /posts", after_work=True, seconds=3)
    cancel = threading.Event()
    # Simulate the crash: publish, but make the engine give up after the first attempt.
    eng = Engine(engine.store, engine.registry, accounts=engine.accounts, sleep=lambda s, c: None,
                 policy=Policy(read_timeout=0.3, max_attempts=1))
    eng._look = lambda *a: (False, None)  # the look-up "crashes" too
    (o,) = eng.publish(p, ["e1"], cancel=cancel)
    assert o.state == State.UNKNOWN and "look" in o.reason
    (o,) = engine.resume(p.id)
    assert o.state == State.POSTED
    assert sum(servers[0].posts_by_key().values()) == 1


def test_publishing_again_repeats_nothing(engine, servers):
    p = post()
    engine.publish(p, ["e1", "e2"])
    again = engine.publish(p, ["e1", "e2"])
    assert all(o.state == State.POSTED for o in again)
    assert sum(servers[0].posts_by_key().values()) == 1
    assert len(servers[0].requests_to("POST", "/posts")) == 1


def test_unpublish(engine, servers):
    p = post()
    engine.publish(p, ["e1"])
    assert engine.unpublish(p.id, "e1").state == State.DELETED
    assert not servers[0].posts
    with pytest.raises(UserError):
        engine.unpublish(p.id, "e1")


def test_untyped_adapter_error_is_treated_as_no_answer(engine, servers, monkeypatch):
    calls = []
    original = echo.EchoAdapter.publish

    def flaky(self, ctx, out):
        calls.append(1)
        if len(calls) == 1:
            original(self, ctx, out)
            raise KeyError("bug after sending")
        return original(self, ctx, out)

    monkeypatch.setattr(echo.EchoAdapter, "publish", flaky)
    (o,) = engine.publish(post(), ["e1"])
    assert o.state == State.POSTED and len(calls) == 1  # found by the look-up, not resent
    assert sum(servers[0].posts_by_key().values()) == 1


def test_progress_reports_account_step_fraction(engine):
    seen = []
    engine.publish(post(), ["e1"], progress=lambda a, s, f: seen.append((a, s, f)))
    assert seen[0] == ("e1", "posting", 0.0) and seen[-1] == ("e1", "posted", 1.0)


def test_accounts_run_concurrently(store, registry, keyring_backend, monkeypatch):
    # Each adapter waits at a barrier that opens only when all four are inside publish() at once:
    # sequential publishing would break the barrier. No wall-clock threshold, so load can't flake it.
    servers = [echo.EchoServer().start() for _ in range(4)]
    barrier = threading.Barrier(len(servers), timeout=20)
    original = echo.EchoAdapter.publish

    def meet_then_publish(self, ctx, out):
        barrier.wait()
        return original(self, ctx, out)

    monkeypatch.setattr(echo.EchoAdapter, "publish", meet_then_publish)
    try:
        targets = [Target(f"s{i}", "echo", {"url": s.url}, {"token": s.token}, adhoc=True)
                   for i, s in enumerate(servers)]
        outs = Engine(store, registry, secrets=secret_store()).publish(post(), targets)
    finally:
        for s in servers:
            s.stop()
    assert not barrier.broken
    assert [o.state for o in outs] == [State.POSTED] * 4


def test_unknown_account_is_a_clear_error(engine):
    with pytest.raises(UserError, match="No account named 'nope'"):
        engine.publish(post(), ["nope"])


def test_a_channel_without_adapter_fails_with_a_reason(store, accounts, sleeps):
    from composer.core.adapters import Platform

    reg = Registry(platforms={"echo": Platform(echo.SPEC)})
    eng = Engine(store, reg, accounts=accounts, sleep=sleeps)
    (o,) = eng.publish(post(), ["e1"])
    assert o.state == State.FAILED and "cannot publish to Echo" in o.reason


def test_fake_never_crashed(servers):
    assert all(not s.errors for s in servers)
    assert Response  # re-exported for fakes


def test_cancel_while_a_request_is_in_flight_records_its_outcome(store, registry, accounts):
    """Cancel never leaves a post 'published but unrecorded': the request in flight finishes
    and is journalled; nothing after it is sent."""
    cancel = threading.Event()

    class CancelsMidway(echo.EchoServer):
        @route("POST", r"/posts")
        def create(self, req):
            cancel.set()  # the officer presses Cancel while the platform works on the post
            return super().create(req)

    with CancelsMidway() as server:
        target = Target("mid", "echo", {"url": server.url}, {"token": server.token}, adhoc=True)
        eng = Engine(store, registry, accounts=accounts, sleep=lambda s, c: None)
        (o,) = eng.publish(post(), [target], cancel=cancel)
        assert o.state == State.POSTED and sum(server.posts_by_key().values()) == 1


def test_duplicate_after_a_lagging_look_up_is_resolved_by_looking_again(store, registry,
                                                                       accounts, sleeps):
    """X-like: the look-up missed the post (a lagging index), the retry is refused as a
    duplicate, so the engine looks again instead of failing or posting twice."""

    class Lagging(echo.EchoServer):
        lag = 1

        @route("GET", r"/posts")
        def find(self, req):
            if self.lag:
                self.lag -= 1
                return Response(200, json=[])
            return super().find(req)

    with Lagging() as server:
        server.faults.add("timeout", route="POST /posts", after_work=True, seconds=3)
        server.faults.add("duplicate", route="POST /posts")
        target = Target("lag", "echo", {"url": server.url}, {"token": server.token}, adhoc=True)
        eng = Engine(store, registry, accounts=accounts, sleep=sleeps,
                     policy=Policy(read_timeout=0.3))
        (o,) = eng.publish(post(), [target])
    assert o.state == State.POSTED and sum(server.posts_by_key().values()) == 1


def test_images_are_uploaded_once_and_journalled_as_a_step(engine, servers, tmp_path):
    from PIL import Image

    from composer.core.post import MediaRef

    photo = tmp_path / "p.jpg"
    Image.new("RGB", (900, 600), (10, 120, 60)).save(photo)
    p = post()
    p.media.append(MediaRef(str(photo), alt="Gedung kantor"))
    servers[0].faults.add("status", route="POST /posts", code=503)  # retry after the upload
    (o,) = engine.publish(p, ["e1"])
    assert o.state == State.POSTED
    assert len(servers[0].requests_to("POST", "/media")) == 1  # the checkpoint saved a re-upload
    assert list(servers[0].media.values())[0]["alt"] == "Gedung kantor"
    states = [e.state for e in engine.journal.events(engine.journal.get(p.id, "e1").id)]
    assert "media_uploaded" in states


def test_practice_mode_starts_fakes_and_cleans_up(store, keyring_backend):
    import argparse

    import httpx

    from composer.commands import practice

    stop = threading.Event()
    done = threading.Event()
    args = argparse.Namespace(latency=0.0, only="")
    thread = threading.Thread(target=lambda: (practice.run(args, stop=stop), done.set()))
    thread.start()
    try:
        acc = Accounts(store, secret_store())
        deadline = time.monotonic() + 20
        while not acc.list() and time.monotonic() < deadline:
            time.sleep(0.05)
        found = acc.list()
        assert found and all(a.practice and a.name.startswith("practice-") for a in found)
        for a in found:
            url = next(v for v in a.settings.values() if v.startswith("http://127.0.0.1:"))
            assert httpx.get(url + "/nothing-here", timeout=5).status_code < 500
            assert acc.secrets_of(a.name)  # the fake's credentials are in the keyring
    finally:
        stop.set()
        thread.join(20)
    assert done.is_set() and Accounts(store, secret_store()).list() == []


def test_a_refused_post_fixed_by_the_officer_goes_out_and_adhoc_targets_resume(
        store, registry, accounts, tmp_path):
    from platforms import folder

    reg = Registry(platforms={"echo": echo.PLATFORM, "folder": folder.PLATFORM})
    eng = Engine(store, reg, accounts=accounts, sleep=lambda s, c: None)
    out = tmp_path / "out"
    target = Target("folder", "folder", {"path": str(out)}, adhoc=True)
    p = post()
    p.variant("folder").enabled = False
    (o,) = eng.publish(p, [target])
    assert o.state == State.FAILED and "switched off" in o.reason
    p.variant("folder").enabled = True
    p.text = "Teks yang sudah diperbaiki"
    cancel = threading.Event()
    cancel.set()  # cancelled at once: left for a resume, which must find the folder again
    (o,) = eng.publish(p, [target], cancel=cancel)
    assert o.state == State.CANCELLED
    (o,) = eng.resume(p.id)
    assert o.state == State.POSTED
    assert (out / p.id / "folder" / "text.txt").read_text("utf-8") == "Teks yang sudah diperbaiki"


def test_the_same_account_twice_or_two_clicks_publish_once(store, registry, accounts):
    started, release = threading.Event(), threading.Event()

    class Slow(echo.EchoServer):
        @route("POST", r"/posts")
        def create(self, req):
            started.set()
            release.wait(5)
            return super().create(req)

    with Slow() as server:
        target = Target("s", "echo", {"url": server.url}, {"token": server.token}, adhoc=True)
        eng = Engine(store, registry, accounts=accounts, sleep=lambda s, c: None)
        p = post()
        first: list = []
        clicked = threading.Thread(target=lambda: first.extend(eng.publish(p, [target, target])))
        clicked.start()
        assert started.wait(5)
        (second,) = eng.publish(p, [target])  # the officer clicks again meanwhile
        release.set()
        clicked.join(5)
    assert second.state == State.PENDING and "Already" in second.reason
    assert len(first) == 1 and first[0].state == State.POSTED
    assert sum(server.posts_by_key().values()) == 1


def test_the_officer_settles_what_cannot_be_looked_up(store, registry, accounts, servers,
                                                      monkeypatch, capsys):
    """Telegram-like: no look-up possible, so the post stays 'unknown' until the officer looks."""
    from composer import cli
    from composer.core import registry as registry_module

    monkeypatch.setattr(echo.EchoAdapter, "find_existing",
                        lambda self, ctx, out: (_ for _ in ()).throw(NotImplementedError))
    servers[0].faults.add("timeout", route="POST /posts", seconds=3)  # lost: never posted
    servers[1].faults.add("timeout", route="POST /posts", seconds=3, after_work=True)
    eng = Engine(store, registry, accounts=accounts, sleep=lambda s, c: None,
                 policy=Policy(read_timeout=0.3))
    p = post()
    o1, o2 = eng.publish(p, ["e1", "e2"])
    assert o1.state == o2.state == State.UNKNOWN and "look on Echo" in o1.reason
    assert [o.state for o in eng.resume(p.id)] == [State.UNKNOWN, State.UNKNOWN]  # no guessing

    monkeypatch.setattr(registry_module, "default_registry", lambda: registry)
    assert cli.main(["resume", p.id, "--missing", "e1"]) == 0
    assert cli.main(["resume", p.id, "--posted", "e2", "--url", "https://echo/p/1"]) == 0
    capsys.readouterr()
    (o,) = Engine(store, registry, accounts=accounts, sleep=lambda s, c: None).resume(p.id)
    assert o.account == "e1" and o.state == State.POSTED
    assert engine_urls(store, p.id) == {"e1": o.url, "e2": "https://echo/p/1"}
    assert sum(servers[0].posts_by_key().values()) == 1
    assert sum(servers[1].posts_by_key().values()) == 1


def engine_urls(store, post_id):
    from composer.core.journal import Journal

    return {e.account: e.url for e in Journal(store).entries(post_id)}


def test_another_process_publishing_the_same_post_and_account_blocks_a_second_send(
        store, registry, accounts, servers):
    """The app and a `siaran resume` at once: the second one stays off until the first dies."""
    import hashlib
    import subprocess
    import sys

    p = post()
    name = hashlib.sha256(f"{p.id}/e1".encode()).hexdigest()[:24]
    lock = store.paths.data / "locks" / f"{name}.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time, filelock\n"
         "l = filelock.FileLock(sys.argv[1]); l.acquire(); print('held', flush=True)\n"
         "time.sleep(60)", str(lock)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        eng = Engine(store, registry, accounts=accounts, sleep=lambda s, c: None)
        o1, o2 = eng.publish(p, ["e1", "e2"])
        assert o1.state == State.PENDING and "Already" in o1.reason and o2.state == State.POSTED
        assert not servers[0].posts
    finally:
        holder.kill()  # like SIGKILL: the OS lets go of its lock
        holder.wait(10)
        holder.stdout.close()
    (o1, o2) = eng.publish(p, ["e1", "e2"])
    assert o1.state == State.POSTED and sum(servers[0].posts_by_key().values()) == 1
