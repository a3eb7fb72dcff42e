"""The contract kit run on the echo fake: proves the kit itself (each adapter runs it too)."""

import pytest

from composer.testing.contract import AdapterContract
from platforms.practice import echo


class TestEchoContract(AdapterContract):
    create_route = "POST /posts"
    upload_route = "POST /media"

    @pytest.fixture
    def platform(self):
        return echo.PLATFORM

    @pytest.fixture
    def fake_server(self):
        with echo.EchoServer() as server:
            yield server

    @pytest.fixture
    def account_settings(self, fake_server):
        return fake_server.practice_account()[0]

    @pytest.fixture
    def account_secrets(self, fake_server):
        return fake_server.practice_account()[1]
