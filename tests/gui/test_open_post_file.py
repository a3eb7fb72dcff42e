"""A post file (as ``siaran new`` writes it) opens as the current draft: from the command line
(``siaran-gui FILE``) and from File > Open post file; its images are copied into the store as
attaching them would; a file that cannot be used says why in one line and changes nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from shell_kit import make_image, running_shell, stop_shell, tick, wait_idle

from composer.gui.app import post_file_argument


def write_post_file(tmp_path, *images: str) -> str:
    """The post file the CLI writes (``siaran new``), as a colleague or a script would."""
    args = [sys.executable, "-m", "composer", "new", "--text", "Vaksinasi gratis di Puskesmas Sukamaju, "
            "Sabtu 08.00 WIB.", "--to", "x,bluesky", "--tag", "Sehat"]
    for image in images:
        args += ["--image", image]
    out = subprocess.run(args, capture_output=True, text=True, check=True, timeout=60)
    path = tmp_path / "vaksinasi.toml"
    path.write_text(out.stdout, encoding="utf-8")
    return str(path)


def check_opened(shell, path_of_image: str) -> None:
    w = shell.window
    post = w.model.post
    assert w.editor.text_edit.toPlainText() == "Vaksinasi gratis di Puskesmas Sukamaju, Sabtu 08.00 WIB."
    assert post.tags == ["Sehat"] and post.channels == ["x", "bluesky"]
    (ref,) = post.media
    assert ref.alt == "Warga antre vaksin"
    stored = shell.services.store.paths.media_file(ref.sha256)
    assert stored.is_file() and stored.read_bytes() == Path(path_of_image).read_bytes()
    assert ref.focal is not None  # estimated once, as on attaching
    assert w.media.list.count() == 1 and ref.id in w.media.proxies
    assert {c.key for c in w.channels.chosen()} == {"x", "bluesky"}


def test_siaran_gui_file_opens_the_post_as_the_draft(qtbot, siaran_home, tmp_path):
    from composer.gui.app import Shell, make_application

    image = make_image(tmp_path / "antre.jpg")
    path = write_post_file(tmp_path, f"{image}:Warga antre vaksin")
    shell = Shell(make_application([]))
    shell.open_file = path  # what main() takes from `siaran-gui FILE`
    w = shell.start()
    qtbot.waitExposed(w)
    try:
        qtbot.waitUntil(lambda: len(w.model.post.media) == 1 and bool(w.channels.catalog), timeout=20_000)
        wait_idle(qtbot, shell, timeout=30_000)
        qtbot.waitUntil(lambda: {c.key for c in w.channels.chosen()} == {"x", "bluesky"}, timeout=10_000)
        check_opened(shell, image)
        # kept as a draft in the store, like any other
        w.autosaver.flush()
        assert shell.services.store.load_draft(w.model.post.id).text == w.model.post.text
    finally:
        stop_shell(qtbot, shell)


def test_the_post_file_is_the_first_plain_argument():
    class App:
        def __init__(self, args):
            self.args = args

        def arguments(self):
            return self.args

    assert post_file_argument(App(["siaran-gui", "--verbose", "pos.toml"])) == "pos.toml"
    assert post_file_argument(App(["siaran-gui"])) is None


@pytest.fixture
def shell(qtbot, siaran_home):
    yield from running_shell(qtbot)


def test_file_open_post_file_replaces_the_draft(qtbot, shell, tmp_path):
    w = shell.window
    image = make_image(tmp_path / "antre.jpg", colour=(20, 120, 60))
    path = write_post_file(tmp_path, f"{image}:Warga antre vaksin")
    tick(w.picker, "mastodon")
    w.editor.text_edit.setPlainText("Draf sebelumnya")
    previous = w.model.post.id
    assert w.actions_by_name["open_file"].shortcut().toString() == "Ctrl+Alt+O"
    w.post_file.open_path(path)
    qtbot.waitUntil(lambda: len(w.model.post.media) == 1, timeout=20_000)
    wait_idle(qtbot, shell, timeout=30_000)
    qtbot.waitUntil(lambda: {c.key for c in w.channels.chosen()} == {"x", "bluesky"}, timeout=10_000)
    check_opened(shell, image)
    assert shell.services.store.load_draft(previous).text == "Draf sebelumnya"  # saved first


def test_a_post_file_that_cannot_be_used_says_why_and_changes_nothing(qtbot, shell, tmp_path):
    w = shell.window
    w.editor.text_edit.setPlainText("Tetap di sini")
    bad = tmp_path / "rusak.toml"
    bad.write_text("text = 'tanpa penutup\n", encoding="utf-8")
    w.post_file.open_path(str(bad))
    qtbot.waitUntil(lambda: "not valid TOML" in w.statusBar().currentMessage(), timeout=10_000)
    gone = make_image(tmp_path / "terhapus.jpg")
    missing = write_post_file(tmp_path, gone)
    Path(gone).unlink()  # moved away after the file was written
    w.post_file.open_path(missing)
    qtbot.waitUntil(lambda: "Medium 1" in w.statusBar().currentMessage(), timeout=10_000)
    wait_idle(qtbot, shell)
    assert w.model.post.text == "Tetap di sini" and not w.model.post.media
