import subprocess
import sys

from composer.core import post as pm
from composer.core.i18n import set_language


def test_core_messages_come_in_indonesian(monkeypatch):
    set_language("id")
    try:
        pm.loads("text = 3")
    except pm.PostFileError as exc:
        assert str(exc) == "Jenis isian 'text' salah"
    else:
        raise AssertionError("expected a PostFileError")
    finally:
        set_language(None)


def test_system_language_picks_indonesian(monkeypatch):
    monkeypatch.delenv("SIARAN_LANG")
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    out = subprocess.run([sys.executable, "-m", "composer", "platforms"], capture_output=True,
                         text=True, check=True)
    assert "batas" in out.stdout
