"""What the adapter tests share: ``http``, the client a test calls an adapter with directly.

Each module keeps only what is its platform's own: ``fake`` (its practice server, started by the
plugin's ``practice_server``, which also fails the test if the fake crashed) and ``context``
(built with ``composer.testing.context.practice_context``). A module whose practice server is
slow to answer overrides ``practice_read_timeout``.
"""

import pytest


@pytest.fixture
def http(practice_client):
    """httpx client with short timeouts (the plugin's ``practice_client``)."""
    return practice_client
