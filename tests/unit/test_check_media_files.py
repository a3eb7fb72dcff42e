"""`siaran check` looks at each media file the post names: a link is followed and said, and
anything but a regular file is one line (never "ok" for a pipe or a device)."""

import json

from PIL import Image

from composer.cli import main


def test_a_linked_image_is_followed_and_said(tmp_path, capsys):
    real = tmp_path / "asli.jpg"
    Image.new("RGB", (640, 480), (30, 90, 150)).save(real)
    (tmp_path / "tautan.jpg").symlink_to(real)
    post = tmp_path / "p.toml"
    post.write_text('text = "Apel"\nchannels = ["x"]\n[[media]]\npath = "tautan.jpg"\n'
                    'alt = "Apel pagi"\n', encoding="utf-8")
    assert main(["check", str(post), "--json"]) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert notes == [f"Image 1 (tautan.jpg) is a link to {real}"]


def test_a_device_or_a_pipe_as_image_is_one_line(tmp_path, capsys):
    import os

    pipe = tmp_path / "pipa.jpg"
    os.mkfifo(pipe)
    for path, kind in (("/dev/zero", "a device"), (str(pipe), "a pipe")):
        post = tmp_path / "p.toml"
        post.write_text(f'text = "Apel"\n[[media]]\npath = "{path}"\n', encoding="utf-8")
        assert main(["check", str(post)]) == 2
        err = capsys.readouterr().err.strip()
        assert err == f"siaran: Image 1 is {kind}, not a file: {path}"
