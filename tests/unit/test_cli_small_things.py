"""`siaran new` refuses a missing image at once; `siaran publish` to channels without an account
names every one of them and the command that fits each (a browser sign-in or the account form)."""

from __future__ import annotations

from composer import cli
from composer.core import post as post_model


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_refuses_a_missing_image_with_exit_2_and_one_line(capsys, tmp_path):
    code, out, err = run(capsys, "new", "--text", "Halo", "--image", str(tmp_path / "missing.jpg"))
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "missing.jpg" in err and "Traceback" not in err


def test_new_with_an_image_that_exists_still_works(capsys, tmp_path):
    from PIL import Image

    Image.new("RGB", (10, 10)).save(tmp_path / "ada.jpg")
    code, out, _ = run(capsys, "new", "--text", "Halo", "--image", f"{tmp_path / 'ada.jpg'}:Foto")
    assert code == 0 and "ada.jpg" in out


def test_the_no_account_hint_names_every_channel_and_its_command(capsys, tmp_path):
    path = tmp_path / "p.toml"
    post_model.save(post_model.Post(text="Halo"), path)
    code, _out, err = run(capsys, "publish", str(path), "--to", "x,bluesky,mastodon")
    assert code == 2 and err.strip().count("\n") == 0
    for name in ("X", "Bluesky", "Mastodon"):
        assert name in err
    assert "siaran sign-in x" in err and "siaran sign-in mastodon" in err
    assert "siaran accounts add bluesky" in err and "accounts add x" not in err


def test_the_hint_in_indonesian(capsys, tmp_path):
    path = tmp_path / "p.toml"
    post_model.save(post_model.Post(text="Halo"), path)
    code, _out, err = run(capsys, "--lang", "id", "publish", str(path), "--to", "x,bluesky")
    assert code == 2 and "Belum ada akun di X, Bluesky" in err
