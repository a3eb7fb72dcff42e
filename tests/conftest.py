"""Shared test set-up: Qt offscreen, and for every test its own empty SIARAN_HOME with English
messages. The fixtures themselves come from Siaran's pytest plugin (composer/testing/plugin.py,
loaded through its pytest11 entry point), the same ones a third party's adapter tests get."""

import os
from pathlib import Path

# before any Qt import: offscreen, on the screen of an office laptop (1366x768), so a dialog too
# big for it shows in the tests (tests/gui/test_dialogs_fit.py)
LAPTOP_SCREEN = Path(__file__).parent / "data" / "screens" / "laptop-1366x768.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _every_test_has_its_own_home(siaran_home):
    """Nothing leaks between tests or to ~/: the plugin's siaran_home, made automatic here."""
    return siaran_home
