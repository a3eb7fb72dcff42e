"""`siaran office` shows and changes the same office profile as the window's dialog."""

from composer.cli import main
from composer.core.office import OfficeProfile
from composer.core.paths import app_paths


def test_office_command_sets_and_shows_the_profile(siaran_home, capsys):
    assert main(["office", "--name", "Diskominfo Kabupaten Sleman", "--handle", "@kominfosleman",
                 "--zone", "WITA", "--language", "id"]) == 0
    saved = OfficeProfile.load(app_paths().config)
    assert (saved.name, saved.handle, saved.zone, saved.language) == (
        "Diskominfo Kabupaten Sleman", "@kominfosleman", "WITA", "id")
    capsys.readouterr()
    assert main(["--lang", "id", "office"]) == 0
    out = capsys.readouterr().out
    assert "Zona waktu" in out and "WITA" in out and "@kominfosleman" in out


def test_a_bad_value_is_one_line_and_nothing_is_saved(siaran_home, capsys, tmp_path):
    assert main(["office", "--logo", str(tmp_path / "tidak-ada.png")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "tidak-ada.png" in err
    assert not (app_paths().config / "office.json").exists()
