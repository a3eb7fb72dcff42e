"""WhatsApp, the assisted channel: the share links carry the text exactly, the variant keeps
WhatsApp's limits and one image, the officer's confirmation is journalled once as a manual
publish by that person, and `siaran publish --to whatsapp` prints, asks and records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image

from composer.commands import manual_share
from composer.core import manual
from composer.core.i18n import UserError
from composer.core.journal import State
from composer.core.outcome import Target
from composer.core.outgoing import NotPublishable
from composer.core.post import MediaRef, Post
from composer.core.post import save as save_post
from composer.core.publish import Engine
from composer.core.registry import Registry
from composer.core.store import Store
from platforms import whatsapp

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Info layanan & jadwal:\nSenin–Jumat 08.00 WIB 🕗 #PelayananPublik?\nhttps://kominfo.go.id/a?b=1&c=2"


@pytest.fixture
def engine(tmp_path, monkeypatch):
    monkeypatch.setenv("SIARAN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SIARAN_LANG", "en")
    from composer.core import i18n

    i18n.set_language(None)
    store = Store()
    yield Engine(store, Registry(platforms={"whatsapp": whatsapp.PLATFORM}))
    store.close()


def photos(tmp_path, n):
    paths = []
    for i in range(n):
        path = tmp_path / f"foto{i}.jpg"
        Image.new("RGB", (800, 600), (30 * i, 90, 160)).save(path, quality=85)
        paths.append(MediaRef(str(path), alt=f"foto {i}"))
    return paths


TARGET = Target("whatsapp", "whatsapp", adhoc=True)


def test_share_links_carry_the_text_exactly():
    links = whatsapp.share_links(TEXT)
    web, app = urlsplit(links.web), urlsplit(links.app)
    assert (web.scheme, web.netloc, web.path) == ("https", "wa.me", "/")
    assert (app.scheme, app.netloc) == ("whatsapp", "send")
    assert parse_qs(web.query)["text"] == [TEXT] and parse_qs(app.query)["text"] == [TEXT]
    assert "&c=2" not in links.web and "\n" not in links.web  # nothing breaks the link


def test_prepare_keeps_one_image_and_the_limits(engine, tmp_path):
    post = Post(text=TEXT, media=photos(tmp_path, 3))
    share = manual.prepare(engine, post, TARGET)
    assert share.text == TEXT and share.links.web.startswith("https://wa.me/?text=")
    assert share.image and Path(share.image).is_file() and len(share.outgoing.media) == 1
    assert share.notes == ("Only the first image goes to WhatsApp",)
    assert share.outgoing.media[0].alt == "foto 0"
    with pytest.raises(NotPublishable, match="too long"):  # 4096 for a message
        manual.prepare(engine, Post(text="kata " * 900, media=photos(tmp_path, 1)), TARGET)


def test_confirmation_is_journalled_once_as_manual_by_that_person(engine, tmp_path):
    post = Post(text=TEXT, media=photos(tmp_path, 1))
    share = manual.prepare(engine, post, TARGET)
    outcome = manual.confirm(engine, share, by="  Budi   Santoso ")
    assert outcome.ok and outcome.state == State.MANUAL
    entry = engine.journal.get(post.id, "whatsapp")
    assert entry.state == State.MANUAL and entry.checkpoint["manual_by"] == "Budi Santoso"
    assert entry.snapshot["text"] == TEXT
    assert any("Budi Santoso" in e.detail for e in engine.journal.events(entry.id))
    again = manual.confirm(engine, share, by="Siti")
    assert again.state == State.ALREADY and len(engine.journal.events(entry.id)) == 2
    assert engine.journal.get(post.id, "whatsapp").checkpoint["manual_by"] == "Budi Santoso"
    assert engine.resume(post.id) == []  # nothing left to do
    # Publishing the same post everywhere again never turns it into a failure.
    (republished,) = engine.publish(post, [TARGET])
    assert republished.ok and republished.state == State.ALREADY, republished.reason
    with pytest.raises(UserError, match="who sent it"):
        manual.confirm(engine, share, by=" ")


def test_publishing_it_through_the_engine_says_it_is_sent_by_hand(engine):
    (outcome,) = engine.publish(Post(text="tanpa konfirmasi"), [TARGET])
    assert not outcome.ok and "sent by hand" in outcome.reason


def test_terminal_asks_yes_and_a_name(engine, tmp_path, monkeypatch, capsys):
    answers = iter(["y", "Dewi"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    post = Post(text=TEXT)
    (outcome,) = manual_share.run(engine, post, [TARGET], confirm_by=None, interactive=True)
    assert outcome.state == State.MANUAL
    assert engine.journal.get(post.id, "whatsapp").checkpoint["manual_by"] == "Dewi"
    err = capsys.readouterr().err
    assert TEXT in err and "https://wa.me/?text=" in err and "whatsapp://send?text=" in err
    monkeypatch.setattr("builtins.input", lambda prompt="": "")
    other = Post(text="yang lain")
    (declined,) = manual_share.run(engine, other, [TARGET], confirm_by=None, interactive=True)
    assert not declined.ok and "Not recorded" in declined.reason
    assert engine.journal.get(other.id, "whatsapp") is None  # nothing written without a yes


def siaran(*args, home):
    env = dict(os.environ, SIARAN_LANG="en", PYTHONPATH=str(ROOT), SIARAN_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "composer", *args], capture_output=True,
                          env=env, timeout=60, cwd=ROOT, stdin=subprocess.DEVNULL)


def test_cli_publish_to_whatsapp(tmp_path):
    home = tmp_path / "home"
    post = Post(text=TEXT, media=photos(tmp_path, 1))
    path = tmp_path / "post.toml"
    save_post(post, path)
    asked = siaran("publish", str(path), "--to", "whatsapp", home=home)
    assert asked.returncode == 1 and b"Not recorded" in asked.stdout
    assert b"https://wa.me/?text=" in asked.stderr and b"Traceback" not in asked.stderr
    done = siaran("publish", str(path), "--to", "whatsapp", "--confirm-manual", "Budi", home=home)
    assert done.returncode == 0, done.stderr
    assert "✓ whatsapp" in done.stdout.decode()
    os.environ["SIARAN_HOME"] = str(home)
    try:
        store = Store()
        from composer.core.journal import Journal

        entry = Journal(store).get(post.id, "whatsapp")
        assert entry.state == State.MANUAL and entry.checkpoint["manual_by"] == "Budi"
        store.close()
    finally:
        del os.environ["SIARAN_HOME"]
    history = siaran("history", home=home)
    assert "sent by hand by Budi" in history.stdout.decode()
    listed = json.loads(siaran("history", "--json", home=home).stdout)
    assert [(r["account"], r["state"], r["sent_by"]) for r in listed] == [("whatsapp", "manual", "Budi")]
