"""Shared test set-up: Qt offscreen, a temporary SIARAN_HOME for every test, English messages."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def siaran_home(tmp_path, monkeypatch):
    """Every test gets its own empty Siaran home, so nothing leaks between tests or to ~/."""
    home = tmp_path / "siaran-home"
    home.mkdir()
    monkeypatch.setenv("SIARAN_HOME", str(home))
    monkeypatch.setenv("SIARAN_LANG", "en")
    from composer.core import i18n

    i18n.set_language(None)
    return home
