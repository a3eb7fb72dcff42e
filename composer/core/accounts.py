"""The officer's accounts: non-secret settings in the database, secrets only in the keyring.

An account is a name the officer chose ("portal", "kanwil"), a platform, its settings (service
URL, handle ...) and its secrets (passwords, tokens) behind ``SecretStore``. Which fields are
secret comes from the platform spec (``CredentialField.secret``); the names (never the values)
of the secret fields an account holds are kept with its settings, so tokens added later by a
sign-in or a refresh can be found and removed too. Two more things the platform told us are kept
with the settings, being no secret: the profile picture's address and when the sign-in ends
(``expires_at``; the token itself stays in the keyring).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from composer.core.adapters import Platform, PlatformSpec
from composer.core.i18n import UserError, _
from composer.core.registry import Registry
from composer.core.store import Store, utcnow

# Kept with the settings: the names of the secret fields this account has in the keyring.
_SECRET_NAMES = "_secret_fields"
_AVATAR = "_avatar_url"
_EXPIRES = "_expires_at"  # epoch seconds the sign-in ends; mirrored from the keyring's expires_at
_PRIVATE = (_SECRET_NAMES, _AVATAR, _EXPIRES)
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class Secrets(Protocol):
    """composer.core.secrets.SecretStore, as far as accounts need it."""

    def set(self, account: str, field: str, value: str) -> None: ...
    def get(self, account: str, field: str) -> str | None: ...
    def delete_account(self, account: str, fields: Iterable[str]) -> None: ...


class AccountError(UserError):
    pass


@dataclass(frozen=True)
class Account:
    name: str
    platform: str
    settings: dict[str, str] = field(default_factory=dict)
    display_name: str = ""
    handle: str = ""
    practice: bool = False
    created_at: str = ""
    secret_fields: tuple[str, ...] = ()
    avatar_url: str = ""
    expires_at: float | None = None  # when the sign-in ends, if the platform said so


def _account(row: sqlite3.Row) -> Account:
    settings = json.loads(row["settings"] or "{}")
    names = tuple(settings.pop(_SECRET_NAMES, ()))
    avatar = str(settings.pop(_AVATAR, "") or "")
    expires = settings.pop(_EXPIRES, None)
    return Account(row["name"], row["platform"], settings, row["display_name"], row["handle"],
                   bool(row["practice"]), row["created_at"], names, avatar,
                   float(expires) if expires not in (None, "") else None)


def _expiry(secrets: Mapping[str, str]) -> float | None:
    try:
        return float(secrets["expires_at"]) if secrets.get("expires_at") else None
    except ValueError:
        return None


def _stored(account: Account, **changes: Any) -> str:
    """The settings column of ``account`` with ``changes`` (names, avatar, expiry) applied."""
    data: dict[str, Any] = dict(account.settings)
    data[_SECRET_NAMES] = sorted(changes.get("names", account.secret_fields))
    avatar = changes.get("avatar", account.avatar_url)
    if avatar:
        data[_AVATAR] = avatar
    expires = changes.get("expires", account.expires_at)
    if expires is not None:
        data[_EXPIRES] = expires
    return json.dumps(data)


def split_fields(spec: PlatformSpec, values: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(settings, secrets) of ``values`` by the spec's CredentialField.secret flags."""
    secret = {f.name for f in spec.credentials if f.secret}
    settings = {k: v for k, v in values.items() if k not in secret}
    secrets = {k: v for k, v in values.items() if k in secret}
    return settings, secrets


def missing_fields(spec: PlatformSpec, values: Mapping[str, str]) -> list[str]:
    return [f.name for f in spec.credentials
            if f.required and f.default is None and not values.get(f.name)]


class Accounts:
    def __init__(self, store: Store, secrets: Secrets, *, registry: Registry | None = None):
        self.store = store
        self.secrets = secrets
        self.registry = registry  # optional: lets add() check secret fields stay out of settings

    def add(self, name: str, platform: str, settings: Mapping[str, str],
            secrets: Mapping[str, str], *, practice: bool = False, display_name: str = "",
            handle: str = "", avatar_url: str = "") -> Account:
        if not NAME_PATTERN.match(name or ""):
            raise AccountError(_("The account name '{name}' may use only letters, digits, '.', '_' "
                                 "and '-'", name=name))
        if self.store.query("SELECT 1 FROM accounts WHERE name=?", (name,)):
            raise AccountError(_("There is already an account named '{name}'", name=name))
        if self.registry is not None and platform in self.registry:
            spec = self.registry.get(platform).spec
            leaked = sorted(set(settings) & {f.name for f in spec.credentials if f.secret})
            leaked += sorted(set(settings) & set(_PRIVATE))
            if leaked:  # a programming error upstream; never write a secret to the database
                raise AccountError(_("'{field}' is secret and cannot be kept in the settings",
                                     field=leaked[0]))
        # Keyring first: if it is unavailable nothing is stored at all (KeyringUnavailable).
        written: list[str] = []
        try:
            for key, value in secrets.items():
                self.secrets.set(name, key, value)
                written.append(key)
            data: dict[str, Any] = dict(settings)
            data[_SECRET_NAMES] = sorted(secrets)
            if avatar_url:
                data[_AVATAR] = avatar_url
            if _expiry(secrets) is not None:
                data[_EXPIRES] = _expiry(secrets)
            self.store.execute(
                "INSERT INTO accounts (name, platform, settings, display_name, handle, practice,"
                " created_at) VALUES (?,?,?,?,?,?,?)",
                (name, platform, json.dumps(data), display_name, handle, int(practice), utcnow()))
        except BaseException:
            if written:
                self.secrets.delete_account(name, written)
            raise
        return self.get(name)

    def get(self, name: str) -> Account:
        rows = self.store.query("SELECT * FROM accounts WHERE name=?", (name,))
        if not rows:
            known = ", ".join(a.name for a in self.list()) or "-"
            raise AccountError(_("No account named '{name}' (accounts: {known})",
                                 name=name, known=known))
        return _account(rows[0])

    def find(self, name: str) -> Account | None:
        rows = self.store.query("SELECT * FROM accounts WHERE name=?", (name,))
        return _account(rows[0]) if rows else None

    def list(self) -> list[Account]:
        return [_account(r) for r in self.store.query("SELECT * FROM accounts ORDER BY name")]

    def remove(self, name: str) -> None:
        account = self.get(name)
        self.secrets.delete_account(name, list(account.secret_fields))
        self.store.execute("DELETE FROM accounts WHERE name=?", (name,))

    def secrets_of(self, name: str) -> dict[str, str]:
        account = self.get(name)
        out = {}
        for key in account.secret_fields:
            value = self.secrets.get(name, key)
            if value is not None:
                out[key] = value
        return out

    def update_secrets(self, name: str, values: Mapping[str, str]) -> None:
        """New tokens from a refresh or a sign-in: into the keyring, their names remembered."""
        account = self.get(name)
        for key, value in values.items():
            self.secrets.set(name, key, value)
        names = sorted(set(account.secret_fields) | set(values))
        expires = _expiry(values)
        if names != sorted(account.secret_fields) or (
                expires is not None and expires != account.expires_at):
            self.store.execute("UPDATE accounts SET settings=? WHERE name=?",
                               (_stored(account, names=names, expires=expires), name))

    def update_profile(self, name: str, *, display_name: str = "", handle: str = "",
                       avatar_url: str | None = None) -> None:
        self.store.execute("UPDATE accounts SET display_name=?, handle=? WHERE name=?",
                           (display_name, handle, name))
        if avatar_url is not None:
            account = self.get(name)
            data = json.loads(_stored(account))
            data.pop(_AVATAR, None)
            if avatar_url:
                data[_AVATAR] = avatar_url
            self.store.execute("UPDATE accounts SET settings=? WHERE name=?",
                               (json.dumps(data), name))


def add_account_command(platform: Platform) -> str:
    """The command that gives ``platform`` (a registry Platform) an account: a browser sign-in
    where it has one (X, Mastodon, Meta ...), else the account form's fields (app passwords)."""
    if platform.connectable:
        return f"siaran sign-in {platform.id} --name NAME"
    return f"siaran accounts add {platform.id} --name NAME ..."
