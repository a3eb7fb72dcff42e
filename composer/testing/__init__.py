"""Test helpers that ship with Siaran, so a third party's adapter can use them too.

- ``composer.testing.plugin``: the pytest plugin (loaded by itself through the ``pytest11``
  entry point): practice servers, the engine wired to one, keyrings, an isolated SIARAN_HOME.
- ``composer.testing.contract``: the adapter contract kit (``AdapterContract``).
- ``composer.testing.context``: ``practice_context``, for calling an adapter directly.
- ``composer.testing.engine``: ``practice_engine`` and ``Sleeps`` (waits recorded, not slept).
- ``composer.testing.keyring``: an in-memory keyring backend for tests not about the keyring.
- ``composer.testing.unavailable``: skip locally, fail under CI, when a needed peer is missing.
"""
