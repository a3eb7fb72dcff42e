"""Per-post channel options the adapters declare (PlatformSpec.options) reach the platform
through the real engine and the practice servers: WordPress "pending review" and a category,
Telegram "send silently", YouTube's privacy; an option the channel does not declare is dropped;
a choice outside the list is one translated line and nothing is sent; options survive the post
file and the journal."""

from __future__ import annotations

import json

import pytest

from composer.core import post as post_model
from composer.core.i18n import UserError
from composer.core.journal import State, outgoing_from_snapshot, snapshot_of
from composer.core.outgoing import build
from composer.core.post import Post
from composer.core.post_fields import option_values, parse_links, parse_tags
from platforms import telegram, wordpress, youtube
from platforms.practice.telegram import FakeTelegram
from platforms.practice.wordpress import WordPressFake


def test_every_declared_option_is_complete():
    from composer.core.registry import default_registry

    declared = {pid: p.spec.options for pid, p in default_registry().platforms.items()
                if p.spec.options}
    assert set(declared) >= {"youtube", "wordpress", "telegram", "linkedin"}
    for options in declared.values():
        for o in options:
            assert o.kind in ("choice", "flag", "text") and o.label
            assert (o.kind == "choice") == bool(o.choices)


def test_wordpress_pending_and_category(practice_server, practice_engine, tmp_path):
    server = practice_server(WordPressFake)
    practice = practice_engine(wordpress.PLATFORM, server)
    post = Post(title="Rapat koordinasi", text="Rapat koordinasi penanganan banjir")
    post.variant("practice").options.update({"status": "pending", "category": "1",
                                             "unknown": "x"})
    outcome = practice.publish(post)
    assert outcome.state == State.POSTED
    (stored,) = server.posts.values()
    assert stored["status"] == "pending"
    sent = [json.loads(r.body) for r in server.requests_to("POST", r"/posts$")]
    assert sent[0]["categories"] == [1] and "unknown" not in sent[0]
    entry = practice.engine.journal.get(post.id, "practice")
    assert entry.outgoing().options == {"status": "pending", "category": "1"}


def test_a_bad_choice_sends_nothing(practice_server, practice_engine):
    server = practice_server(WordPressFake)
    practice = practice_engine(wordpress.PLATFORM, server)
    post = Post(title="Rapat", text="Rapat koordinasi")
    post.variant("practice").options["status"] = "trash"
    outcome = practice.publish(post)
    assert outcome.state == State.FAILED and "'trash' is not a choice" in outcome.reason
    assert not server.posts


def test_telegram_silent(practice_server, practice_engine):
    server = practice_server(FakeTelegram)
    practice = practice_engine(telegram.PLATFORM, server)
    loud, quiet = Post(text="Info cuaca pagi"), Post(text="Info cuaca malam")
    quiet.variant("practice").options["silent"] = "true"
    assert practice.publish(loud).state == practice.publish(quiet).state == State.POSTED
    bodies = [json.loads(r.body) for r in server.requests_to("POST", "sendMessage")]
    assert [b.get("disable_notification") for b in bodies] == [None, True]


def test_youtube_privacy_from_the_post_before_the_account():
    from composer.core.adapters import OutgoingPost

    post = OutgoingPost("p", "Deskripsi", title="Judul", options={"privacy": "unlisted"})
    assert youtube.metadata(post, {"privacy": "private"})["status"]["privacyStatus"] == "unlisted"
    plain = OutgoingPost("p", "Deskripsi", title="Judul")
    assert youtube.metadata(plain, {"privacy": "private"})["status"]["privacyStatus"] == "private"


def test_options_survive_the_post_file_and_the_journal(tmp_path):
    post = Post(text="Halo", channels=["portal"])
    post.variant("portal").options["status"] = "pending"
    path = tmp_path / "p.toml"
    post_model.save(post, path)
    again = post_model.load(path)
    assert again.variant("portal").options == {"status": "pending"}
    outgoing = build(again, "portal", wordpress.SPEC, out_dir=tmp_path)
    assert outgoing_from_snapshot(json.loads(json.dumps(snapshot_of(outgoing)))) == outgoing
    with pytest.raises(UserError):
        option_values(youtube.SPEC, {"privacy": "secret"})


def test_tags_and_links_as_typed():
    assert parse_tags("#banjir, Sleman  BANJIR,#") == ["banjir", "Sleman"]
    assert parse_links("https://a.test/x\n https://a.test/x http://b.test") == [
        "https://a.test/x", "http://b.test"]
    with pytest.raises(UserError, match="not a web address"):
        parse_links("https://a.test www.b.test")


def test_publish_again_after_unpublish_is_a_new_version(practice_server, practice_engine):
    """History's "Publish again" of a deleted post: the engine sends it as a new version (own
    idempotency key), the deleted one stays in the versions; without the choice nothing is
    sent again."""
    server = practice_server(WordPressFake)
    practice = practice_engine(wordpress.PLATFORM, server)
    engine, journal = practice.engine, practice.engine.journal
    post = Post(title="Rapat", text="Rapat koordinasi")
    assert practice.publish(post).state == State.POSTED
    engine.unpublish(post.id, "practice")
    assert journal.get(post.id, "practice").state == State.DELETED
    (again,) = engine.publish(post, ["practice"])
    assert again.state == State.DELETED and len(server.requests_to("POST", r"/posts$")) == 1
    (again,) = engine.publish(post, ["practice"], correction={"practice": "as_new"})
    assert again.state == State.POSTED and again.url
    entry = journal.get(post.id, "practice")
    assert [v.action for v in journal.versions(entry.id)] == ["published", "deleted", "as_new"]
    live = [p for p in server.posts.values() if p["status"] == "publish"]
    assert len(live) == 1 and live[0]["link"] == again.url
