"""Acceptance: after a full session (accounts added, publishes, failures, unpublish, logs), no
secret is anywhere on disk: not in the database (and its WAL), settings, logs, rendered files or
temporary files. The test scans every file for every secret it used, also base64- and
URL-encoded.

It uses the real system keyring when one works (scripts/test runs a gnome-keyring), otherwise an
in-memory keyring backend (the keyring itself is STORE's credential test)."""

import base64
import io
import logging
import tempfile
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

from composer import cli
from composer.core import post as post_model
from composer.core import registry as registry_module
from composer.core.registry import Registry, discover
from composer.testing.keyring import memory_keyring
from platforms.practice import echo


class Stdin(io.StringIO):
    def isatty(self):
        return False


def real_keyring_works() -> bool:
    try:
        from composer.core.secrets import SecretStore

        store = SecretStore(probe_timeout=3)
        store.set("siaran-test-probe", "x", "probe-value")
        ok = store.get("siaran-test-probe", "x") == "probe-value"
        store.delete("siaran-test-probe", "x")
        return ok
    except Exception:
        return False


@pytest.fixture
def keyring_for_session():
    if real_keyring_works():
        yield "system"
    else:
        with memory_keyring():
            yield "memory"


def forms(secret: str) -> set[bytes]:
    raw = secret.encode()
    return {raw, base64.b64encode(raw), quote(secret, safe="").encode(),
            base64.b64encode(b"admin:" + raw)}  # HTTP Basic (WordPress application passwords)


def test_no_secret_on_disk_after_a_full_session(siaran_home, tmp_path, monkeypatch, capsys,
                                                keyring_for_session):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    real = discover()
    reg = Registry(platforms={**real.platforms, "echo": echo.PLATFORM})
    monkeypatch.setattr(registry_module, "default_registry", lambda: reg)

    def siaran(*argv, stdin=""):
        monkeypatch.setattr("sys.stdin", Stdin(stdin))
        code = cli.main(list(argv))
        capsys.readouterr()
        return code

    secrets = {name: f"{name}-{uuid.uuid4().hex}" for name in ("good", "bad", "wp", "bsky")}
    good = echo.EchoServer().start()
    good.token = secrets["good"]
    try:
        assert siaran("accounts", "add", "echo", "--name", "kantor", "--url", good.url,
                      stdin=secrets["good"] + "\n") == 0
        # A wrong token is refused when added, then added anyway unchecked (it expired later).
        assert siaran("accounts", "add", "echo", "--name", "lama", "--url", good.url,
                      stdin=secrets["bad"] + "\n") == 2
        assert siaran("accounts", "add", "echo", "--no-verify", "--name", "lama", "--url",
                      good.url, stdin=secrets["bad"] + "\n") == 0
        # Unreachable platforms cannot vouch for a password: refused, unless saved unchecked.
        assert siaran("accounts", "add", "wordpress", "--name", "portal", "--url",
                      "http://127.0.0.1:9", "--user", "admin", stdin=secrets["wp"] + "\n") == 2
        assert siaran("accounts", "add", "wordpress", "--no-verify", "--name", "portal", "--url",
                      "http://127.0.0.1:9", "--user", "admin", stdin=secrets["wp"] + "\n") == 0
        assert siaran("accounts", "add", "bluesky", "--no-verify", "--name", "kanwil",
                      "--service", "http://127.0.0.1:9", "--handle", "a.test",
                      stdin=secrets["bsky"] + "\n") == 0

        photo = tmp_path / "photo.jpg"
        from PIL import Image

        Image.new("RGB", (800, 600), (200, 40, 40)).save(photo, "JPEG")
        post = post_model.Post(text="Sosialisasi layanan publik")
        post.media.append(post_model.MediaRef(str(photo), alt="Petugas melayani warga"))
        path = tmp_path / "post.toml"
        post_model.save(post, path)

        # An adapter that carelessly logs its token still never leaks it.
        logging.getLogger("siaran.adapter.echo").warning("token is %s", secrets["good"])
        good.faults.add("status", route="POST /posts", code=503)  # a retry on the way
        # kantor succeeds after a retry; lama fails (wrong token: "sign in again").
        assert siaran("publish", str(path), "--to", "kantor,lama") == 1
        logging.getLogger("siaran.adapter.echo").error("again: %s", secrets["good"])
        assert siaran("history") == 0
        assert siaran("history", "--json") == 0
        assert siaran("unpublish", post.id, "--from", "kantor") == 0
        assert siaran("resume") in (0, 1)
        assert siaran("accounts", "remove", "kanwil") == 0
    finally:
        good.stop()

    scanned = [p for root in (siaran_home, temp) for p in Path(root).rglob("*") if p.is_file()]
    assert any(p.name.startswith("siaran.sqlite3") for p in scanned)
    logs = b"".join(p.read_bytes() for p in scanned if ".log" in p.name)
    assert b"again: ***" in logs and b"POST /posts: 503" in logs  # the log was written
    assert any(p.suffix in (".jpg", ".jpeg", ".png", ".webp") for p in scanned)
    leaks = []
    for p in scanned:
        data = p.read_bytes()
        for name, secret in secrets.items():
            if any(f in data for f in forms(secret)):
                leaks.append(f"{name} in {p.relative_to(tmp_path)}")
    assert not leaks
    print(f"scanned {len(scanned)} files with the {keyring_for_session} keyring: no secret")
