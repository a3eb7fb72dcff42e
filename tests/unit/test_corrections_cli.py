"""Honest corrections from the command line, against the practice server of every network: a
post corrected after it was published is never reported as published without a request; the
officer chooses --update, --replace or --as-new per channel, and the history shows each version.
"""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from composer import cli
from composer.core import corrections
from composer.core import post as post_model
from composer.core.adapters import Capability
from composer.core.registry import discover
from composer.testing.keyring import memory_keyring
from composer.testing.video_corpus import make_video
from platforms.practice import fakes

NETWORKS = sorted(fakes())


class TTYless(io.StringIO):
    def isatty(self):
        return False


@pytest.fixture
def ring():
    with memory_keyring() as backend:
        yield backend


@pytest.fixture
def quick_polls(monkeypatch):
    from platforms.instagram import InstagramAdapter
    from platforms.threads import ThreadsAdapter

    monkeypatch.setattr(InstagramAdapter, "poll_interval", 0.01)
    monkeypatch.setattr(ThreadsAdapter, "poll_interval", 0.01)


def run(capsys, monkeypatch, *argv):
    monkeypatch.setattr("sys.stdin", TTYless(""))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def practice(ring, quick_polls):
    from composer.commands import services

    running = services().practice()  # the practice servers and accounts `siaran practice` makes
    running.start()
    yield running
    running.stop()


def a_post(network: str, tmp_path, marker: str) -> post_model.Post:
    post = post_model.Post(text=f"Pelayanan KTP {marker} buka pukul 07.00 WIB.",
                           channels=[f"practice-{network}"])
    if network == "instagram":  # no text-only posts there
        path = tmp_path / "foto.jpg"
        Image.linear_gradient("L").resize((1080, 1080)).convert("RGB").save(path, quality=85)
        post.media.append(post_model.MediaRef(str(path), alt="Loket pelayanan KTP"))
    if network == "youtube":  # a video, and its title
        path = tmp_path / "klip.mp4"
        make_video(path, width=320, height=240, seconds=1)
        post.media.append(post_model.MediaRef(str(path), kind="video"))
        post.title = f"Pelayanan KTP {marker}"
    return post


def texts(server) -> list[str]:
    return list(server.published_texts())


@pytest.mark.parametrize("network", NETWORKS)
def test_correction_flow_on_every_network(network, practice, capsys, monkeypatch, tmp_path):
    platform = discover().get(network)
    server = practice.servers[network]
    account = f"practice-{network}"
    marker = f"m{abs(hash(network)) % 10_000:04d}"
    post = a_post(network, tmp_path, marker)
    path = tmp_path / "post.toml"
    post_model.save(post, path)

    code, out, err = run(capsys, monkeypatch, "publish", str(path))
    assert code == 0, out + err
    assert sum(marker in t for t in texts(server)) == 1

    # Published again unchanged: nothing sent, and it says so (not "published").
    before = len(server.requests)
    code, out, err = run(capsys, monkeypatch, "publish", str(path))
    assert code == 0, out + err
    assert "already published" in out and len(server.requests) == before

    # Corrected: nothing goes out until the officer chooses; exit 1, one line naming the choices.
    post.text = f"RALAT: Pelayanan KTP {marker} buka pukul 06.30 WIB."
    post_model.save(post, path)
    code, out, err = run(capsys, monkeypatch, "publish", str(path))
    assert code == 1, out + err
    line = next(ln for ln in out.splitlines() if account in ln)
    assert "changed since published" in line and "--as-new" in line
    allowed = corrections.choices(platform, ["text"])
    assert ("--update" in line) == (corrections.Choice.UPDATE in allowed)
    assert ("--replace" in line) == platform.spec.can(Capability.DELETE)
    assert len(server.requests) == before
    assert not any("RALAT" in t for t in texts(server))
    (row,) = json.loads(run(capsys, monkeypatch, "history", "--json")[1])
    first_id = row["remote_id"]

    # --update: in place where the platform edits; said plainly where it cannot.
    code, out, err = run(capsys, monkeypatch, "publish", str(path), "--update")
    if corrections.Choice.UPDATE in allowed:
        assert code == 0, out + err
        assert "updated" in out
        assert [t for t in texts(server) if marker in t] == [t for t in texts(server)
                                                             if "RALAT" in t]
        assert sum(marker in t for t in texts(server)) == 1
        (row,) = json.loads(run(capsys, monkeypatch, "history", "--json")[1])
        assert row["remote_id"] == first_id
        assert [v["action"] for v in row["versions"]] == ["published", "updated"]
        post.text = f"RALAT 2: Pelayanan KTP {marker} buka pukul 06.00 WIB."
        post_model.save(post, path)
    else:
        assert code == 1 and "cannot edit" in out, out + err
        assert len(server.requests) == before

    # --replace: the old one deleted, the new one published, exactly one post left.
    words = post.text.split(":")[0]
    if platform.spec.can(Capability.DELETE):
        code, out, err = run(capsys, monkeypatch, "publish", str(path), "--replace")
        assert code == 0, out + err
        ours = [t for t in texts(server) if marker in t]
        assert len(ours) == 1 and words in ours[0], ours
        (row,) = json.loads(run(capsys, monkeypatch, "history", "--json")[1])
        assert row["remote_id"] != first_id and row["versions"][-1]["action"] == "replaced"
        post.text = f"RALAT 3: Pelayanan KTP {marker} buka pukul 05.30 WIB."
        post_model.save(post, path)

    # --as-new: a second post; the one before stays.
    before_new = sum(marker in t for t in texts(server))
    code, out, err = run(capsys, monkeypatch, "publish", str(path), "--as-new")
    assert code == 0, out + err
    assert sum(marker in t for t in texts(server)) == before_new + 1
    code, out, err = run(capsys, monkeypatch, "history", "--post", post.id)
    assert "posted as new v" in out and "published v1" in out

    # Unpublish deletes the current version where the platform allows.
    if platform.spec.can(Capability.DELETE):
        code, out, err = run(capsys, monkeypatch, "unpublish", post.id, "--from", account)
        assert code == 0, out + err
        assert sum("RALAT 3" in t for t in texts(server)) == 0
