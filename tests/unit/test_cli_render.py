"""`siaran render POST --out DIR`: files per channel, a reason per refused image (exit 1), a
plain line for unusable input (exit 2), never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PIL import Image

from composer.cli import main
from composer.core import post as post_model
from composer.core.post import MediaRef, Post

sys.path.insert(0, str(Path(__file__).parent))
import media_corpus  # noqa: E402


def write_post(folder: Path, image: Path, channels, **kw) -> Path:
    post = Post(text="Halo warga", title="Jadwal vaksinasi", channels=list(channels),
                media=[MediaRef(str(image), alt="Petugas di puskesmas")], **kw)
    path = folder / "post.toml"
    post_model.save(post, path)
    return path


def test_renders_each_channels_images(tmp_path, capsys):
    image = media_corpus.photo(tmp_path / "foto.jpg", (1800, 1200))
    post = write_post(tmp_path, image, ["x", "instagram", "whatsapp"])
    assert main(["render", str(post), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    for channel in ("x", "instagram", "whatsapp"):
        files = list((tmp_path / "out" / channel).glob("*.jpg"))
        assert len(files) == 1 and f"{channel}: " in out
    with Image.open(next((tmp_path / "out" / "x").glob("*.jpg"))) as im:
        assert im.size == (1200, 675)


def test_an_image_a_channel_cannot_take_is_one_line_and_exit_1(tmp_path, capsys):
    image = media_corpus.photo(tmp_path / "foto.jpg", (900, 600))
    post = write_post(tmp_path, image, ["youtube", "x", "kantor-humas"])
    assert main(["render", str(post), "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert "youtube: image 1 not sent: YouTube publishes only video" in captured.err
    assert "kantor-humas: not a channel id" in captured.err  # an account name: skipped, said so
    assert list((tmp_path / "out" / "x").glob("*.jpg"))


def test_unusable_image_exits_2_with_one_line(tmp_path, capsys):
    broken = tmp_path / "rusak.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    post = write_post(tmp_path, broken, ["x"])
    assert main(["render", str(post), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "rusak.jpg" in err and "Traceback" not in err


def test_template_option_brands_the_output(tmp_path):
    image = media_corpus.photo(tmp_path / "foto.jpg", (1800, 1200))
    post = write_post(tmp_path, image, ["instagram"], fields={"office": "Diskominfo"})
    assert main(["render", str(post), "--out", str(tmp_path / "plain")]) == 0
    assert main(["render", str(post), "--out", str(tmp_path / "brand"), "--template", "announcement"]) == 0
    with Image.open(next((tmp_path / "brand" / "instagram").glob("*.jpg"))) as im:
        r, g, b = im.getpixel((im.width // 2, 3))
    assert r > 150 and g < 80  # the red header band


def test_bad_post_file_and_unknown_channel_option_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("this is = = not toml", encoding="utf-8")
    assert main(["render", str(bad), "--out", str(tmp_path / "o")]) == 2
    image = media_corpus.photo(tmp_path / "foto.jpg", (300, 200))
    post = write_post(tmp_path, image, ["x"])
    assert main(["render", str(post), "--out", str(tmp_path / "o"), "--channel", "myspace"]) == 2
    assert "Unknown channel 'myspace'" in capsys.readouterr().err


def test_real_process_in_indonesian_never_shows_a_traceback(tmp_path):
    empty = tmp_path / "kosong.jpg"
    empty.write_bytes(b"")
    post = write_post(tmp_path, empty, ["x"])
    done = subprocess.run([sys.executable, "-m", "composer", "--lang", "id", "render", str(post),
                           "--out", str(tmp_path / "o")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip() == "siaran: kosong.jpg kosong (0 bita)"


def test_unknown_template_and_unwritable_folder_are_one_line_exit_2(tmp_path, capsys):
    image = media_corpus.photo(tmp_path / "foto.jpg", (300, 200))
    post = write_post(tmp_path, image, ["x"])
    assert main(["render", str(post), "--out", str(tmp_path / "o"), "--template", "tidak-ada"]) == 2
    assert "No template called 'tidak-ada'" in capsys.readouterr().err
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["render", str(post), "--out", str(blocker)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("siaran: Cannot write") and "\n" not in err
