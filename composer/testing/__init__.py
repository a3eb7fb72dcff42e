"""Test helpers that ship with Siaran, so a third party's adapter can use them too.

- ``composer.testing.contract``: the adapter contract kit (``AdapterContract``), a pytest plugin.
- ``composer.testing.keyring``: an in-memory keyring backend for tests not about the keyring.
"""
