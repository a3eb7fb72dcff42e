"""Approvers' Ed25519 keys. The private key lives only in the approver's keyring
(composer.core.secrets); the public key ("ed25519:<base64>") goes on the office's approver list.
"""

from __future__ import annotations

import base64
import binascii

from composer.core.i18n import UserError, _

PREFIX = "ed25519:"
FIELD = "ed25519-private"


def keyring_account(name: str) -> str:
    return "approver:" + name.strip()


def create(name: str, secrets: object) -> str:
    """A new key pair for ``name``: the private half into the keyring, the public returned."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    if not name.strip():
        raise UserError(_("Give the approver's name"))
    if secrets.get(keyring_account(name), FIELD):  # type: ignore[attr-defined]
        # a second key would silently orphan the one on the office's approver list
        raise UserError(_("This keyring already holds a signing key for {name}", name=name))
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    secrets.set(keyring_account(name), FIELD, base64.b64encode(raw).decode())  # type: ignore[attr-defined]
    return public_of(key)


def public_of(key: object) -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    assert isinstance(key, Ed25519PrivateKey)
    raw = key.public_key().public_bytes(serialization.Encoding.Raw,
                                        serialization.PublicFormat.Raw)
    return PREFIX + base64.b64encode(raw).decode()


def sign(name: str, secrets: object, message: bytes) -> tuple[bytes, str]:
    """(signature, public key) with ``name``'s private key from this machine's keyring."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    stored = secrets.get(keyring_account(name), FIELD)  # type: ignore[attr-defined]
    if not stored:
        raise UserError(_("No signing key for '{name}' in this computer's keyring; create one "
                          "with: siaran keys create --name \"{name}\"", name=name))
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored))
    return key.sign(message), public_of(key)


def check_public(value: str) -> str:
    """The public key as given, checked; one translated line when it is not one."""
    if not value.startswith(PREFIX):
        raise UserError(_("'{key}' is not a Siaran public key (ed25519:...)", key=value[:20]))
    try:
        raw = base64.b64decode(value[len(PREFIX):], validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise UserError(_("'{key}' is not a Siaran public key (ed25519:...)", key=value[:20]))
    return value


def verify(public: str, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(check_public(public)[len(PREFIX):]))
        key.verify(signature, message)
    except (InvalidSignature, UserError, ValueError):
        return False
    return True
