"""The publish journal over the real SQLite store, and accounts keeping secrets out of it."""

import json

import pytest

from composer.core.accounts import AccountError, Accounts, split_fields
from composer.core.adapters import OutgoingPost, PublishResult, RenderedMedia
from composer.core.journal import Journal, State, outgoing_from_snapshot, snapshot_of
from composer.core.registry import Registry
from composer.core.store import Store
from composer.testing.keyring import memory_keyring, secret_store
from platforms.practice import echo


@pytest.fixture
def store():
    s = Store()
    yield s
    s.close()


def out(post_id="p1", text="Halo"):
    return OutgoingPost(post_id, text, parts=("a", "b"), tags=("x",), idempotency_key="k-1",
                        media=(RenderedMedia("/tmp/a.jpg", "image/jpeg", 10, 20, "alt"),))


def test_snapshot_round_trips():
    assert outgoing_from_snapshot(json.loads(json.dumps(snapshot_of(out())))) == out()


def test_begin_is_once_per_post_and_account(store):
    j = Journal(store)
    a = j.begin(out(), "portal", "wordpress")
    b = j.begin(out(text="changed"), "portal", "wordpress")
    assert a.id == b.id and b.state == State.PENDING and b.outgoing().text == "Halo"
    assert j.begin(out(), "kanwil", "bluesky").id != a.id


def test_steps_checkpoints_and_events(store):
    j = Journal(store)
    e = j.begin(out(), "portal", "wordpress")
    j.save_checkpoint(e.id, {"media_ids": [7]})
    j.record(e.id, State.MEDIA_UPLOADED, attempt=True)
    j.record(e.id, State.UNKNOWN, error="Unknown", detail="no answer")
    done = j.posted(e.id, PublishResult("42", "https://portal/42", {"part_ids": ["42"]}))
    assert done.done and done.remote_id == "42" and done.url == "https://portal/42"
    assert done.checkpoint["media_ids"] == [7] and done.error == "" and done.attempts == 1
    assert done.result.extra == {"part_ids": ["42"]}
    assert [ev.state for ev in j.events(e.id)] == ["pending", "media_uploaded", "unknown", "posted"]
    assert j.unfinished() == []


def test_unfinished_skips_posted_and_final_refusals(store):
    j = Journal(store)
    ok = j.begin(out("a"), "x", "echo")
    j.posted(ok.id, PublishResult("1"))
    refused = j.begin(out("b"), "x", "echo")
    j.record(refused.id, State.FAILED, reason="no", error="Rejected")
    flaky = j.begin(out("c"), "x", "echo")
    j.record(flaky.id, State.FAILED, reason="later", error="Transient")
    pending = j.begin(out("d"), "x", "echo")
    assert [e.post_id for e in j.unfinished()] == ["c", "d"]
    assert [e.post_id for e in j.unfinished("d")] == [pending.post_id]
    assert [e.post_id for e in j.history(limit=2)] == ["d", "c"]


def test_the_engine_key_never_reaches_the_adapter_checkpoint(store):
    j = Journal(store)
    e = j.begin(out(), "x", "echo")
    j.record(e.id, State.FAILED, error="Transient")
    j.save_checkpoint(e.id, {"_engine": "overwrite?", "ok": 1})
    again = j.by_id(e.id)
    assert again.checkpoint == {"ok": 1} and again.error == "Transient"


def test_accounts_keep_secrets_in_the_keyring_only(store):
    registry = Registry(platforms={"echo": echo.PLATFORM})
    with memory_keyring() as ring:
        accounts = Accounts(store, secret_store(), registry=registry)
        settings, secrets = split_fields(echo.SPEC, {"url": "http://127.0.0.1:1", "token": "s3cr3t-T"})
        assert settings == {"url": "http://127.0.0.1:1"} and secrets == {"token": "s3cr3t-T"}
        accounts.add("kanwil", "echo", settings, secrets, practice=True)
        acc = accounts.get("kanwil")
        assert acc.practice and acc.settings == settings and acc.secret_fields == ("token",)
        assert accounts.secrets_of("kanwil") == {"token": "s3cr3t-T"}
        accounts.update_secrets("kanwil", {"refresh_token": "r3fr3sh"})
        assert accounts.secrets_of("kanwil") == {"token": "s3cr3t-T", "refresh_token": "r3fr3sh"}
        dump = "\n".join(store._conn.iterdump())
        assert "s3cr3t-T" not in dump and "r3fr3sh" not in dump
        with pytest.raises(AccountError, match="already"):
            accounts.add("kanwil", "echo", settings, secrets)
        with pytest.raises(AccountError, match="secret"):
            accounts.add("leaky", "echo", {"token": "x"}, {})
        with pytest.raises(AccountError):
            accounts.add("bad name!", "echo", {}, {})
        accounts.remove("kanwil")
        assert accounts.list() == [] and not ring.items


def test_failed_secret_write_stores_nothing(store):
    class Broken:
        def set(self, *a):
            raise RuntimeError("keyring locked")

        def delete_account(self, *a):
            pass

    with pytest.raises(RuntimeError):
        Accounts(store, Broken()).add("x", "echo", {"url": "u"}, {"token": "t"})
    assert Accounts(store, Broken()).list() == []
