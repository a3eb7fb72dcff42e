"""A full disk is told as such (the folder and what is free), leaves no partial files, and loses
nothing: a draft whose image could not be copied is not reported as saved. Runs on a real tiny
tmpfs (root can mount one; elsewhere the test skips, and fails under CI)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from composer.core import post as pm
from composer.core.disk import DiskFull
from composer.core.paths import Paths
from composer.core.store import Store
from composer.testing.unavailable import unavailable


def _photo(path: Path, size=(1600, 1200)) -> Path:
    from PIL import Image

    noise = Image.effect_noise(size, 90).convert("RGB")  # noise: no compression saves room
    noise.save(path, quality=95)
    return path


@pytest.fixture
def tiny(tmp_path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        unavailable(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave: int) -> None:
    """Fill the disk holding ``folder`` until only ``leave`` bytes are free."""
    import shutil

    free = shutil.disk_usage(folder).free
    with open(folder / "filler", "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


def _home(root: Path) -> Paths:
    return Paths(root / "data", root / "config", root / "cache", root / "logs").ensure()


def test_a_full_media_store_is_told_and_the_draft_is_not_saved(tiny, tmp_path):
    store = Store(_home(tiny))
    post = pm.Post(text="Posko banjir buka 24 jam")
    store.save_draft(post)
    photo = _photo(tmp_path / "posko.jpg")
    _fill(tiny, leave=100_000)  # room for the database, not for the photo
    post.media.append(pm.MediaRef(str(photo), alt="Posko"))
    with pytest.raises(DiskFull) as caught:
        store.save_draft(post)
    assert "no free space" in str(caught.value) and str(tiny / "data") in str(caught.value)
    assert not [p for p in (tiny / "data").rglob(".incoming-*")]  # nothing half-copied
    assert store.load_draft(post.id).media == []  # the saved draft is the last good one
    with pytest.raises(DiskFull):
        store.add_media(photo)  # not "cannot read the file": the photo is fine


def _siaran(args, home: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SIARAN_HOME": str(home), "SIARAN_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "composer", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_render_onto_a_full_disk_leaves_no_partial_file(tiny, tmp_path):
    photo = _photo(tmp_path / "apel.jpg")
    post_file = tmp_path / "apel.toml"
    pm.save(pm.Post(text="Apel pagi", media=[pm.MediaRef(str(photo), alt="Apel")],
                    channels=["x", "instagram"]), post_file)
    out = tiny / "renders"
    _fill(tiny, leave=20_000)
    done = _siaran(["render", str(post_file), "--out", str(out)], tmp_path / "home", tmp_path)
    assert done.returncode == 2, done
    assert "no free space" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert not list(tiny.rglob("*.part"))


def test_publish_with_a_full_data_disk_is_one_line_and_sends_nothing(tiny, tmp_path):
    photo = _photo(tmp_path / "rapat.jpg", size=(400, 300))
    post_file = tmp_path / "rapat.toml"
    pm.save(pm.Post(text="Rapat koordinasi", media=[pm.MediaRef(str(photo), alt="Rapat")]),
            post_file)
    home = tiny / "home"
    assert _siaran(["history"], home, tmp_path).returncode == 0  # the database exists
    _fill(tiny, leave=0)
    out = tmp_path / "terbit"
    done = _siaran(["publish", str(post_file), "--to", "folder", "--out", str(out)], home,
                   tmp_path)
    assert done.returncode in (1, 2), done
    assert "no free space" in done.stderr + done.stdout, done
    assert "Traceback" not in done.stderr and "Unexpected error" not in done.stderr + done.stdout
    assert not (out.exists() and any(out.rglob("*.jpg")))  # nothing published unjournalled
