"""A third-party channel plugin, installed as a real distribution (tests/data/
siaran-plugin-example: its own pyproject.toml, an entry point in ``composer.platforms``, code
written against composer.plugin only), is found, listed, and publishes through the real CLI
and engine to the practice echo server. Its sibling written for an older plugin API is listed
with the reason and never loaded."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from composer.core import post as post_model
from platforms.practice.echo import EchoServer

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "siaran-plugin-example"


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory):
    """``pip install`` of the example into a folder of its own (no network: the build uses the
    test environment's setuptools, and the plugin has no dependencies)."""
    source = tmp_path_factory.mktemp("source") / "siaran-plugin-example"
    shutil.copytree(EXAMPLE, source)  # pip builds in the tree: keep tests/data clean
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--no-build-isolation", "--no-index", "--disable-pip-version-check",
                    "--target", str(target), str(source)], check=True, capture_output=True,
                   timeout=300)
    assert (target / "siaran_plugin_example").is_dir()
    assert list(target.glob("siaran_plugin_example-0.1.0.dist-info/entry_points.txt"))
    return target


def siaran(plugin_dir, home, *args, stdin="", lang="en"):
    env = {**os.environ, "PYTHONPATH": str(plugin_dir), "SIARAN_HOME": str(home),
           "SIARAN_LANG": lang}
    return subprocess.run([sys.executable, "-m", "composer", *args], input=stdin, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_installed_plugin_is_listed_next_to_the_built_in_channels(plugin_dir, tmp_path):
    out = siaran(plugin_dir, tmp_path, "platforms", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    listed = {p["id"]: p for p in data["platforms"]}
    assert {"example", "x", "wordpress"} <= set(listed)
    assert listed["example"]["name"] == "Example Echo"
    assert listed["example"]["can_publish"] is True
    assert listed["example"]["capabilities"] == ["delete", "publish", "verify"]
    broken = {b["name"]: b["error"] for b in data["broken"]}
    assert "example-old" not in listed and "example-old" in broken
    assert "plugin API version 1" in broken["example-old"]
    assert "needs version 2" in broken["example-old"]


def test_the_refusal_reads_in_indonesian(plugin_dir, tmp_path):
    out = siaran(plugin_dir, tmp_path, "platforms", lang="id")
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.startswith("example-old"))
    assert "versi API plugin 1" in line and "perbarui plugin" in line


def test_a_post_goes_out_through_the_plugin_to_the_echo_server(plugin_dir, tmp_path):
    with EchoServer() as server:
        added = siaran(plugin_dir, tmp_path, "accounts", "add", "example", "--name", "contoh",
                       "--url", server.url, stdin=server.token + "\n")
        assert added.returncode == 0, added.stdout + added.stderr
        post = tmp_path / "pengumuman.toml"
        post_model.save(post_model.Post(
            text="Layanan KTP keliling hadir di Kecamatan Sukamaju, Senin 08.00 WIB."), post)
        published = siaran(plugin_dir, tmp_path, "publish", str(post), "--to", "contoh")
        assert published.returncode == 0, published.stdout + published.stderr
        assert server.published_texts() == [
            "Layanan KTP keliling hadir di Kecamatan Sukamaju, Senin 08.00 WIB."]
        assert server.url in published.stdout  # the link the officer gets back
        # Publishing again sends nothing: the engine's journal, not the plugin, decides.
        again = siaran(plugin_dir, tmp_path, "publish", str(post), "--to", "contoh")
        assert again.returncode == 0, again.stdout + again.stderr
        assert len(server.published_texts()) == 1


def test_the_plugin_s_field_labels_come_in_its_own_indonesian(plugin_dir, tmp_path):
    out = siaran(plugin_dir, tmp_path, "accounts", "add", "example", "--help", lang="id")
    assert out.returncode == 0, out.stderr
    assert "Alamat server echo (Alamat yang dicetak server echo saat mulai)" in " ".join(
        out.stdout.split())
