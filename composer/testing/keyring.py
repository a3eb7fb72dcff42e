"""An in-memory keyring backend for tests that are not about the keyring itself (the real OS
keyring is tested by the credential tests under scripts/test)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            if self.items.pop((service, username), None) is None:
                raise PasswordDeleteError(username)


@contextlib.contextmanager
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Use a fresh in-memory keyring for the duration of the block."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


class KeyringSecrets:
    """SecretStore's API straight over ``keyring``: used by the kit only while
    composer.core.secrets is not importable."""

    def _service(self, account: str) -> str:
        return f"siaran:{account}"

    def set(self, account: str, field: str, value: str) -> None:
        keyring.set_password(self._service(account), field, value)

    def get(self, account: str, field: str) -> str | None:
        return keyring.get_password(self._service(account), field)

    def delete_account(self, account: str, fields) -> None:
        for name in fields:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(self._service(account), name)


def secret_store():
    """The real SecretStore when it is there, else the keyring shim above."""
    try:
        from composer.core.secrets import SecretStore
    except ImportError:
        return KeyringSecrets()
    return SecretStore()
