"""The contract kit on the embedded folder channel (no HTTP: the fault tests skip)."""

import pytest

from composer.testing.contract import AdapterContract
from platforms import folder


class TestFolderContract(AdapterContract):
    @pytest.fixture
    def platform(self):
        return folder.PLATFORM

    @pytest.fixture
    def fake_server(self):
        return None

    @pytest.fixture
    def out_dir(self, tmp_path):
        return tmp_path / "published"

    @pytest.fixture
    def account_settings(self, out_dir):
        return {"path": str(out_dir)}

    @pytest.fixture
    def account_secrets(self):
        return {}

    @pytest.fixture
    def published(self, out_dir):
        return lambda: [p.read_text("utf-8") for p in out_dir.rglob("text.txt")]
