"""The publishing commands end to end in-process: accounts (secrets from stdin only), publish to
echo fakes and the folder channel, history, unpublish, resume."""

import io
import json

import pytest

from composer import cli
from composer.core import post as post_model
from composer.core import registry as registry_module
from composer.core.registry import Registry, discover
from composer.testing.keyring import memory_keyring
from platforms.practice import echo


class TTYless(io.StringIO):
    def isatty(self):
        return False


@pytest.fixture
def ring():
    with memory_keyring() as backend:
        yield backend


@pytest.fixture
def reg(monkeypatch):
    real = discover()
    reg = Registry(platforms={**real.platforms, "echo": echo.PLATFORM})
    monkeypatch.setattr(registry_module, "default_registry", lambda: reg)
    return reg


@pytest.fixture
def fakes():
    servers = [echo.EchoServer().start() for _ in range(2)]
    yield servers
    for s in servers:
        s.stop()


def run(capsys, monkeypatch, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", TTYless(stdin))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def db_dump(home):
    import sqlite3

    db = sqlite3.connect(home / "data" / "siaran.sqlite3")
    try:
        return "\n".join(db.iterdump())
    finally:
        db.close()


def test_accounts_add_reads_the_password_from_stdin_only(capsys, monkeypatch, ring, reg,
                                                        siaran_home):
    code, out, err = run(capsys, monkeypatch, "accounts", "add", "wordpress", "--no-verify",
                         "--name", "portal", "--url", "http://127.0.0.1:8080", "--user", "admin",
                         stdin="abcd EFGH 1234 ijkl\n")
    assert code == 0, err
    assert ring.items[("siaran:portal", "app_password")] == "abcd EFGH 1234 ijkl"
    assert "abcd EFGH" not in db_dump(siaran_home)
    code, out, err = run(capsys, monkeypatch, "accounts", "add", "bluesky", "--no-verify",
                         "--name", "kanwil", "--service", "http://127.0.0.1:2583",
                         "--handle", "alice.test",
                         stdin="app-pass-word\n")
    assert code == 0, err
    code, out, _ = run(capsys, monkeypatch, "accounts", "list", "--json")
    listed = {a["name"]: a for a in json.loads(out)}
    assert listed["kanwil"]["settings"] == {"service": "http://127.0.0.1:2583",
                                            "handle": "alice.test", "video_service": "auto"}
    assert listed["portal"]["settings"]["user"] == "admin"
    # A secret is never an option.
    code, out, err = run(capsys, monkeypatch, "accounts", "add", "wordpress", "--name", "p2",
                         "--url", "u", "--user", "a", "--app-password", "leak")
    assert code == 2
    code, out, err = run(capsys, monkeypatch, "accounts", "add", "wordpress", "--name", "p3",
                         "--url", "u", "--user", "a", stdin="")
    assert code == 2 and "required" in err
    code, out, err = run(capsys, monkeypatch, "accounts", "remove", "portal")
    assert code == 0 and ("siaran:portal", "app_password") not in ring.items


def test_publish_history_unpublish_resume(capsys, monkeypatch, ring, reg, fakes, tmp_path,
                                          siaran_home):
    for i, server in enumerate(fakes, 1):
        code, _, err = run(capsys, monkeypatch, "accounts", "add", "echo", "--name", f"e{i}",
                           "--url", server.url, stdin=server.token + "\n")
        assert code == 0, err
    post = post_model.Post(text="Rapat koordinasi hari Senin.")
    path = tmp_path / "post.toml"
    post_model.save(post, path)
    out_dir = tmp_path / "published"
    code, out, err = run(capsys, monkeypatch, "publish", str(path), "--to", "e1,e2,folder",
                         "--out", str(out_dir))
    assert code == 0, out + err
    assert out.count("✓") == 3
    assert all(sum(s.posts_by_key().values()) == 1 for s in fakes)
    assert (out_dir / post.id).is_dir()

    code, out, _ = run(capsys, monkeypatch, "history", "--json")
    rows = {r["account"]: r for r in json.loads(out)}
    assert rows["e1"]["url"].startswith(fakes[0].url) and rows["e2"]["state"] == "posted"
    code, out, _ = run(capsys, monkeypatch, "history")
    assert fakes[0].url in out

    code, out, err = run(capsys, monkeypatch, "unpublish", post.id, "--from", "e1")
    assert code == 0, err
    assert not fakes[0].posts

    code, out, _ = run(capsys, monkeypatch, "resume")
    assert code == 0 and "Nothing to resume" in out
    # Publishing the same post again sends nothing new.
    code, out, err = run(capsys, monkeypatch, "publish", str(path), "--to", "e2")
    assert code == 0 and len(fakes[1].requests_to("POST", "/posts")) == 1
    for server in fakes:
        assert server.token not in db_dump(siaran_home)


def test_accounts_add_checks_the_credentials(capsys, monkeypatch, ring, reg, fakes):
    code, out, err = run(capsys, monkeypatch, "accounts", "add", "echo", "--name", "e1",
                         "--url", fakes[0].url, stdin="wrong-token\n")
    assert code == 2 and "did not accept these credentials" in err
    assert not ring.items  # a refused account is not kept, nor its secret
    code, out, err = run(capsys, monkeypatch, "accounts", "add", "echo", "--name", "e1",
                         "--url", fakes[0].url, stdin=fakes[0].token + "\n")
    assert code == 0
    code, out, _ = run(capsys, monkeypatch, "accounts", "list", "--json")
    assert json.loads(out)[0]["display_name"] == "Echo Office"
    gone = fakes[1].url
    fakes[1].stop()  # unreachable: nothing can vouch for the token, so nothing is saved
    code, out, err = run(capsys, monkeypatch, "accounts", "add", "echo", "--name", "e2",
                         "--url", gone, stdin="t0ken\n")
    assert code == 2 and "Could not ask" in err and "nothing was saved" in err
    assert len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, monkeypatch, "accounts", "add", "echo", "--no-verify",
                         "--name", "e2", "--url", gone, stdin="t0ken\n")
    assert code == 0


def test_publish_reports_failures_and_exit_code(capsys, monkeypatch, ring, reg, fakes, tmp_path):
    run(capsys, monkeypatch, "accounts", "add", "echo", "--no-verify", "--name", "e1",
        "--url", fakes[0].url, stdin="wrong-token\n")
    path = tmp_path / "p.toml"
    post_model.save(post_model.Post(text="x"), path)
    code, out, err = run(capsys, monkeypatch, "publish", str(path), "--to", "e1")
    assert code == 1 and "Sign in again" in out
    code, out, err = run(capsys, monkeypatch, "publish", str(path), "--to", "nobody")
    assert code == 2 and "No account named 'nobody'" in err
    code, out, err = run(capsys, monkeypatch, "publish", str(path), "--to", "folder")
    assert code == 2 and "--out" in err
