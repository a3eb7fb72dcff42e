"""Shared test set-up: Qt offscreen, and for every test its own empty SIARAN_HOME with English
messages. The fixtures themselves come from Siaran's pytest plugin (composer/testing/plugin.py,
loaded through its pytest11 entry point), the same ones a third party's adapter tests get."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _every_test_has_its_own_home(siaran_home):
    """Nothing leaks between tests or to ~/: the plugin's siaran_home, made automatic here."""
    return siaran_home
