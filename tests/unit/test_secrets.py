"""SecretStore against the REAL Secret Service (gnome-keyring on a private D-Bus, as
scripts/test and CI run it), and its refusals when there is no safe keyring.

Outside scripts/test (plain pytest, no session bus) the real-keyring tests skip, saying why
(under CI they fail): the ``real_keyring`` fixture of Siaran's pytest plugin decides.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import signal
import subprocess
import textwrap
import time

import pytest

from composer.core import logs
from composer.core.i18n import set_language
from composer.core.secrets import KeyringUnavailable, SecretStore

ACCOUNT = f"test-{os.getpid()}"


@pytest.fixture
def store(real_keyring):
    s = SecretStore()  # the default choice, as the app makes it
    yield s
    s.delete_account(ACCOUNT, ["token", "password", "app_secret"])
    s.delete_account(ACCOUNT + "-b", ["token"])


def test_the_default_choice_is_the_real_secret_service(store, real_keyring):
    from keyring.backends import SecretService

    assert isinstance(store.backend, SecretService.Keyring)


def test_secrets_round_trip_through_the_real_keyring(store, real_keyring):
    token = "tok-🇮🇩-Ünïcode-" + "x" * 200
    store.set(ACCOUNT, "token", token)
    store.set(ACCOUNT + "-b", "token", "another-token")
    assert store.get(ACCOUNT, "token") == token
    assert store.get(ACCOUNT + "-b", "token") == "another-token"
    # It is really in the Secret Service, under the service name for the account.
    assert real_keyring.get_password(f"siaran:{ACCOUNT}", "token") == token
    # A second, fresh SecretStore (a restarted app) finds it too.
    assert SecretStore().get(ACCOUNT, "token") == token


def test_unknown_secrets_are_none_and_deleting_is_idempotent(store):
    assert store.get(ACCOUNT, "password") is None
    store.set(ACCOUNT, "password", "rahasia-123")
    store.set(ACCOUNT, "app_secret", "s3cr3t-app")
    assert store.delete(ACCOUNT, "password") is True
    assert store.delete(ACCOUNT, "password") is False
    store.delete_account(ACCOUNT, ["password", "app_secret", "never-set"])
    assert store.get(ACCOUNT, "app_secret") is None


def test_a_secret_read_from_the_keyring_never_reaches_a_log(store, real_keyring, caplog):
    real_keyring.set_password(f"siaran:{ACCOUNT}", "token", "set-outside-siaran-42")
    value = store.get(ACCOUNT, "token")
    with caplog.at_level(logging.INFO):
        logging.getLogger("siaran.test").info("Authorization: Bearer %s", value)
    assert "set-outside-siaran-42" not in caplog.text
    assert "Bearer ***" in caplog.text


@pytest.fixture
def locked_collection(real_keyring):
    """A real, locked collection in the same gnome-keyring (made and unlocked with gnome-keyring's
    own master-password calls, as no one is there to answer an unlock prompt)."""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        pytest.skip("an unlock prompt would open on this screen; runs headless (CI)")
    import secretstorage
    from secretstorage.defines import SS_PATH
    from secretstorage.util import DBusAddressWrapper, format_secret, open_session

    connection = secretstorage.dbus_init()
    internal = DBusAddressWrapper(
        SS_PATH, "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface", connection)
    master = format_secret(open_session(connection), b"locked-test-master", "text/plain")
    try:
        path, = internal.call("CreateWithMasterPassword", "a{sv}(oayays)",
                              {"org.freedesktop.Secret.Collection.Label":
                               ("s", f"siaran-locked-{os.getpid()}")}, master)
    except Exception as exc:  # not gnome-keyring: another Secret Service
        connection.close()
        pytest.skip(f"cannot make a locked collection on this Secret Service: {exc}")
    collection = secretstorage.Collection(connection, path)
    collection.lock()
    yield path
    internal.call("UnlockWithMasterPassword", "o(oayays)", path, master)
    collection.delete()
    connection.close()


# keyring 25.7's SecretService backend opens a D-Bus connection in get_preferred_collection and
# raises KeyringLocked before its `closing(...)`, so a locked collection leaks that connection.
# Not ours to fix: collected in this test (gc below), the only place the warning is allowed.
@pytest.mark.filterwarnings("ignore:unclosed <socket.socket:ResourceWarning")
def test_a_locked_keyring_is_one_plain_line_and_nothing_is_stored(locked_collection):
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    backend.preferred_collection = locked_collection
    with pytest.raises(KeyringUnavailable) as err:
        SecretStore(backend).set(ACCOUNT, "token", "never-stored-while-locked")
    assert "the keyring is locked" in str(err.value) and "\n" not in str(err.value)
    assert "never-stored-while-locked" not in str(err.value)
    assert SecretStore().get(ACCOUNT, "token") is None  # nor anywhere else
    del err
    gc.collect()


# -- no safe keyring ---------------------------------------------------------------------------


def test_the_fail_backend_is_refused_in_indonesian():
    from keyring.backends import fail

    set_language("id")
    try:
        with pytest.raises(KeyringUnavailable) as err:
            SecretStore(fail.Keyring()).set("kantor", "token", "tidak-boleh-tersimpan")
    finally:
        set_language(None)
    message = str(err.value)
    assert message.startswith("Gantungan kunci sistem tidak dapat dipakai")
    assert "tidak ditemukan layanan gantungan kunci" in message
    assert "\n" not in message and "tidak-boleh-tersimpan" not in message


def test_the_null_backend_is_refused_not_silently_dropping_secrets():
    from keyring.backends import null

    with pytest.raises(KeyringUnavailable, match="not a safe keyring"):
        SecretStore(null.Keyring()).set("kantor", "token", "would-vanish")
    with pytest.raises(KeyringUnavailable):
        SecretStore(null.Keyring()).get("kantor", "token")


def test_the_plaintext_keyring_is_refused_and_writes_nothing(tmp_path, monkeypatch):
    """keyrings.alt's PlaintextKeyring would keep the token base64-encoded in a file: never."""
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    plaintext = PlaintextKeyring()
    with pytest.raises(KeyringUnavailable, match="PlaintextKeyring is not a safe keyring"):
        SecretStore(plaintext).set("kantor", "token", "must-not-touch-disk")
    assert not os.path.exists(plaintext.file_path)
    assert not (tmp_path / "data").exists()


def test_a_chain_of_only_unsafe_backends_is_refused(monkeypatch, tmp_path):
    """With keyrings.alt installed and no Secret Service, keyring's own choice is a chain
    holding only the plaintext file keyring (and the fail backend)."""
    import keyring
    from keyring.backends import chainer, fail
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(keyring.backend, "get_all_keyring",
                        lambda: [PlaintextKeyring(), fail.Keyring()])
    chain = chainer.ChainerBackend()
    assert [type(b).__name__ for b in chain.backends] == ["PlaintextKeyring"]
    with pytest.raises(KeyringUnavailable, match="no keyring service was found"):
        SecretStore(chain).set("kantor", "token", "must-not-touch-disk")
    assert not (tmp_path / "data").exists()


def test_a_chain_uses_its_best_safe_backend_only(monkeypatch, tmp_path):
    import keyring
    from keyring.backends import chainer
    from keyrings.alt.file import PlaintextKeyring

    from composer.testing.keyring import MemoryKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    safe = MemoryKeyring()
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [PlaintextKeyring(), safe])
    store = SecretStore(chainer.ChainerBackend())
    store.set("kantor", "token", "only-in-memory")
    assert store.backend is safe
    assert not (tmp_path / "data").exists()  # never a copy in the plaintext file


def test_an_unreachable_bus_fails_fast(monkeypatch, tmp_path):
    from keyring.backends import SecretService

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + str(tmp_path / "gone"))
    started = time.monotonic()
    with pytest.raises(KeyringUnavailable, match="no keyring service was found"):
        SecretStore(SecretService.Keyring()).get("kantor", "token")
    assert time.monotonic() - started < 2


HANGING_SERVICE = """\
[D-BUS Service]
Name=org.freedesktop.secrets
Exec={script}
"""

BUS_CONFIG = """\
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture
def hanging_secret_service(tmp_path, monkeypatch):
    """A real private D-Bus whose Secret Service is activatable but never starts: the case
    where D-Bus itself waits 120 s (a missing XDG dir makes gnome-keyring do exactly this)."""
    if not shutil.which("dbus-daemon"):
        pytest.skip("dbus-daemon is not installed (apt package dbus-daemon)")
    services = tmp_path / "services"
    services.mkdir()
    pidfile = tmp_path / "service.pid"
    script = tmp_path / "never-starts.sh"
    script.write_text(f"#!/bin/sh\necho $$ > {pidfile}\nexec sleep 300\n")
    script.chmod(0o755)
    (services / "org.freedesktop.secrets.service").write_text(
        HANGING_SERVICE.format(script=script))
    config = tmp_path / "bus.conf"
    socket = tmp_path / "bus.socket"
    config.write_text(textwrap.dedent(BUS_CONFIG.format(socket=socket, services=services)))
    bus = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork",
                            "--print-address=1"], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True)
    address = bus.stdout.readline().strip()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    yield
    if pidfile.exists():
        try:
            os.kill(int(pidfile.read_text()), signal.SIGTERM)
        except (ProcessLookupError, ValueError):
            pass
    bus.terminate()
    bus.wait(10)
    bus.stdout.close()


def test_a_hanging_secret_service_gives_up_in_seconds_not_minutes(hanging_secret_service):
    from keyring.backends import SecretService

    started = time.monotonic()
    with pytest.raises(KeyringUnavailable, match="did not answer within 1 seconds"):
        SecretStore(SecretService.Keyring(), probe_timeout=1).set("kantor", "token", "x" * 10)
    assert time.monotonic() - started < 5


def test_secrets_are_redacted_in_logs_as_soon_as_they_are_set(caplog):
    from keyring.backends import fail

    with pytest.raises(KeyringUnavailable) as err:
        SecretStore(fail.Keyring()).set("kantor", "token", "a-fresh-token-9876")
    with caplog.at_level(logging.INFO):
        logging.getLogger("siaran.test").warning("sending token=a-fresh-token-9876")
    assert "a-fresh-token-9876" not in caplog.text
    assert "a-fresh-token-9876" not in str(err.value)
    assert logs.scrub("x a-fresh-token-9876 y") == "x *** y"
