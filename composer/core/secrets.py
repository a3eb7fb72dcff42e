"""Secrets in the operating system's keyring, and nowhere else.

``SecretStore`` is the only module that reads or writes secrets (tokens, passwords, app keys).
Each account is one keyring service, ``siaran:<account>``; the field name is the username.

Without a usable keyring it raises ``KeyringUnavailable`` (one translated line) and stores
nothing. There is never a plaintext fallback: keyring's fail and null backends, and every
keyrings.alt file backend (PlaintextKeyring ...), are refused, as is any backend keyring itself
ranks below "recommended" (priority < 1). Tests that are not about the keyring may hand in their
own backend (an in-memory one with priority >= 1).

A broken Secret Service can make D-Bus wait 120 s for a service that never starts; the first
use therefore asks the service a harmless question (no prompt) in a helper thread and gives up
after ``probe_timeout`` seconds. After that, calls run normally, so a desktop unlock prompt may
take as long as the officer needs.

Every secret set or read is registered with composer.core.logs.redact, so no log shows it.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable
from typing import Any

from composer.core.i18n import UserError, _
from composer.core.logs import redact

SERVICE_PREFIX = "siaran:"
PROBE_TIMEOUT = float(os.environ.get("SIARAN_KEYRING_TIMEOUT", "5"))

log = logging.getLogger(__name__)


class KeyringUnavailable(UserError):
    """No usable system keyring: nothing was stored or read."""


def service_name(account: str) -> str:
    return SERVICE_PREFIX + account


def _unavailable(reason: str) -> KeyringUnavailable:
    return KeyringUnavailable(_(
        "The system keyring cannot be used ({reason}). Siaran keeps passwords and tokens only "
        "there, so nothing was saved or read.", reason=reason))


class SecretStore:
    def __init__(self, backend: Any = None, *, probe_timeout: float | None = None):
        self._given = backend
        self._backend: Any = None
        self._probe_timeout = PROBE_TIMEOUT if probe_timeout is None else probe_timeout
        self._lock = threading.Lock()

    @property
    def backend(self) -> Any:
        """The keyring backend in use; chosen, checked and probed on first use."""
        with self._lock:
            if self._backend is None:
                import keyring  # lazily: importing keyring costs ~60 ms of start-up

                chosen = self._given if self._given is not None else keyring.get_keyring()
                usable = _usable_backend(chosen)
                _probe(usable, self._probe_timeout)
                self._backend = usable
            return self._backend

    def set(self, account: str, field: str, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("a secret is a str")
        redact(value)
        backend = self.backend
        self._call(backend.set_password, service_name(account), field, value)

    def get(self, account: str, field: str) -> str | None:
        backend = self.backend
        value: str | None = self._call(backend.get_password, service_name(account), field)
        if value:
            redact(value)
        return value

    def delete(self, account: str, field: str) -> bool:
        """Remove one secret; False when there was none."""
        from keyring.errors import PasswordDeleteError

        backend = self.backend
        try:
            self._call(backend.delete_password, service_name(account), field,
                       passthrough=(PasswordDeleteError,))
        except PasswordDeleteError:
            return False
        return True

    def delete_account(self, account: str, fields: Iterable[str]) -> None:
        """Remove all of an account's secrets (those already gone are fine)."""
        for field in fields:
            self.delete(account, field)

    @staticmethod
    def _call(fn: Callable[..., Any], *args: Any, passthrough: tuple[type[BaseException], ...] = ()) -> Any:
        try:
            return fn(*args)
        except passthrough:
            raise
        except Exception as exc:
            # The type and text of a keyring error never hold the secret (it was registered
            # for redaction before the call anyway); the officer gets one plain line.
            log.warning("keyring call failed: %s: %s", type(exc).__name__, exc)
            raise _unavailable(_reason(exc)) from None


def _reason(exc: BaseException) -> str:
    name = type(exc).__name__
    if name in ("KeyringLocked", "LockedException", "PromptDismissedException"):
        return _("the keyring is locked")
    if name in ("NoKeyringError", "SecretServiceNotAvailableException", "InitError"):
        return _("no keyring service was found")
    if isinstance(exc, TimeoutError) or "Timeout" in name or "NoReply" in str(exc):
        return _("the keyring did not answer")
    return _("the keyring refused the request")


def _usable_backend(backend: Any) -> Any:
    """The backend itself when it is a real keyring, the best real one when it is a chain,
    else KeyringUnavailable."""
    from keyring.backends import chainer

    if isinstance(backend, chainer.ChainerBackend):
        try:  # asks every backend for its priority; a vanished bus raises from in there
            candidates = list(backend.backends)  # best first
        except Exception as exc:
            log.warning("keyring backends unusable: %s: %s", type(exc).__name__, exc)
            candidates = []
        for candidate in candidates:
            if _refusal(candidate) is None:
                return candidate
        raise _unavailable(_("no keyring service was found"))
    problem = _refusal(backend)
    if problem is not None:
        raise _unavailable(problem)
    return backend


def _refusal(backend: Any) -> str | None:
    """Why this backend must not hold secrets, or None when it may."""
    from keyring.backends import fail, null

    if isinstance(backend, fail.Keyring):
        return _("no keyring service was found")
    cls = type(backend)
    if isinstance(backend, null.Keyring) or cls.__module__.startswith("keyrings.alt"):
        return _("{backend} is not a safe keyring", backend=cls.__name__)
    try:
        priority = float(backend.priority)
    except Exception:  # keyring signals "not viable here" by raising from priority
        return _("no keyring service was found")
    if priority < 1:
        return _("{backend} is not a safe keyring", backend=cls.__name__)
    return None


def _probe(backend: Any, timeout: float) -> None:
    """Ask a Secret Service something harmless, in a thread, so a hung D-Bus activation costs
    ``timeout`` seconds instead of 120. Other backends need no probe."""
    from keyring.backends import SecretService

    if not isinstance(backend, SecretService.Keyring):
        return

    def ask() -> None:
        import secretstorage

        connection = secretstorage.dbus_init()
        try:
            # Reading the collections starts the service if needed and never prompts.
            list(secretstorage.get_all_collections(connection))
        finally:
            connection.close()

    outcome: dict[str, BaseException] = {}

    def run() -> None:
        try:
            ask()
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="siaran-keyring-probe", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        log.warning("the Secret Service did not answer within %s s", timeout)
        raise _unavailable(_("the keyring did not answer within {seconds} seconds",
                             seconds=f"{timeout:g}"))
    if "error" in outcome:
        exc = outcome["error"]
        log.warning("the Secret Service is not usable: %s: %s", type(exc).__name__, exc)
        raise _unavailable(_reason(exc))
