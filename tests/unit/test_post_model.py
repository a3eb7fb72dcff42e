import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from composer.core import post as pm

WIB = timezone(timedelta(hours=7))


def test_variant_follows_master_until_overridden_and_back_after_reset():
    post = pm.Post(text="Pengumuman libur", tags=["pemkab"])
    assert post.resolve("x").text == "Pengumuman libur"
    post.variant("x").override("text", "Libur! #pemkab")
    post.text = "Pengumuman libur nasional"
    assert post.resolve("x").text == "Libur! #pemkab"
    assert post.resolve("bluesky").text == "Pengumuman libur nasional"
    post.variant("x").reset("text")
    assert post.resolve("x").text == "Pengumuman libur nasional"


def test_alt_and_crop_per_channel():
    img = pm.MediaRef(path="/tmp/a.jpg", alt="Bupati meresmikan jembatan")
    post = pm.Post(text="t", media=[img])
    v = post.variant("instagram")
    v.crops[img.id] = pm.Crop(0.1, 0, 0.8, 1)
    v.alt[img.id] = "Jembatan baru"
    ig, x = post.resolve("instagram"), post.resolve("x")
    assert ig.media[0].alt == "Jembatan baru" and ig.media[0].crop == pm.Crop(0.1, 0, 0.8, 1)
    assert x.media[0].alt == "Bupati meresmikan jembatan" and x.media[0].crop is None


def test_toml_round_trip_keeps_everything():
    img = pm.MediaRef(path="/srv/foto.jpg", alt="Foto: upacara", focal=(0.4, 0.3))
    post = pm.Post(text="Selamat pagi 🇮🇩\n\"kutipan\"", title="Upacara", media=[img],
                   tags=["hut"], links=["https://example.go.id"], channels=["x", "portal"],
                   schedule=datetime(2026, 12, 1, 9, 0, tzinfo=WIB), template="news-card",
                   fields={"office": "Pemkab Contoh"})
    post.variant("x").override("text", "Pendek")
    post.variant("x").crops[img.id] = pm.Crop(0, 0.1, 1, 0.5)
    again = pm.loads(pm.dumps(post))
    assert pm.to_dict(again) == pm.to_dict(post)


@pytest.mark.parametrize("text, message", [
    ("text = ", "not valid TOML"),
    ("text = 3", "'text' has the wrong type"),
    ("text = 'a'\nbogus = 1", "Unknown field 'bogus'"),
    ("text = 'a'\nschedule = 2026-12-01T09:00:00", "needs a time zone"),
    ("text = 'a'\n[[media]]\nalt = 'x'", "needs a path"),
    ("text = 'a'\n[variants.x]\ncrops = { nope = [0, 0, 1, 1] }", "unknown image"),
])
def test_malformed_post_files_give_one_clear_line(text, message):
    with pytest.raises(pm.PostFileError) as err:
        pm.loads(text)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_relative_media_paths_are_relative_to_the_post_file(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "post.toml").write_text("text = 'a'\n[[media]]\npath = 'img/f.jpg'\n")
    post = pm.load(tmp_path / "sub" / "post.toml")
    assert post.media[0].path == str(tmp_path / "sub" / "img" / "f.jpg")


def test_cli_new_writes_a_post_file(tmp_path):
    img = tmp_path / "foto.jpg"
    img.write_bytes(b"x")
    out = subprocess.run(
        [sys.executable, "-m", "composer", "new", "--text", "Halo 👋", "--image",
         f"{img}:Foto: kantor bupati", "--to", "x,bluesky"],
        capture_output=True, text=True, check=True)
    post = pm.loads(out.stdout)
    assert post.text == "Halo 👋" and post.channels == ["x", "bluesky"]
    assert post.media[0].path == str(img) and post.media[0].alt == "Foto: kantor bupati"
