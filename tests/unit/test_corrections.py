"""The one place that decides about corrections (composer.core.corrections) and how the journal
keeps them: what counts as a change on a channel, which choices each built-in channel offers,
and rows published before fingerprints existed."""

from __future__ import annotations

import json

import pytest

from composer.core import corrections as C
from composer.core.adapters import Capability, Editable, OutgoingPost, RenderedMedia
from composer.core.journal import State, snapshot_of
from composer.core.post import Post
from composer.core.publish import Engine, Target
from composer.core.registry import Registry, discover
from composer.core.store import Store


def outgoing(**kw) -> OutgoingPost:
    fields = dict(post_id="p1", text="Pelayanan KTP buka 07.00 WIB", idempotency_key="k1",
                  media=(RenderedMedia("/x/a.jpg", "image/jpeg", 10, 10, alt="Loket",
                                       sha256="aa"),))
    fields.update(kw)
    return OutgoingPost(**fields)


def test_the_fingerprint_is_what_goes_out_not_the_key():
    base = outgoing()
    assert C.fingerprint(base) == C.fingerprint(outgoing(idempotency_key="another"))
    media = (RenderedMedia("/elsewhere/a.jpg", "image/jpeg", 10, 10, alt="Loket", sha256="aa"),)
    assert C.fingerprint(base) == C.fingerprint(outgoing(media=media))  # same bytes, other path
    for change in (dict(text="RALAT: 06.30"), dict(parts=("a", "b")), dict(title="Judul"),
                   dict(tags=("KTP",)), dict(link="https://example.go.id"),
                   dict(schedule_utc="2030-01-01T00:00:00+00:00"),
                   dict(media=(RenderedMedia("/x/a.jpg", "image/jpeg", 10, 10, alt="Loket baru",
                                             sha256="aa"),)),
                   dict(media=(RenderedMedia("/x/a.jpg", "image/jpeg", 10, 10, alt="Loket",
                                             sha256="bb"),))):
        assert C.fingerprint(outgoing(**change)) != C.fingerprint(base), change


def test_a_part_a_channel_never_sends_is_no_change_there():
    reg = discover()
    old, new = snapshot_of(outgoing()), snapshot_of(outgoing(title="Judul baru", tags=("KTP",)))
    assert C.changed_parts(old, new, reg.get("x").spec) == []
    assert C.changed_parts(old, new, reg.get("wordpress").spec) == ["title", "tags"]


@pytest.mark.parametrize("channel,changed,expected", [
    ("wordpress", ["text", "media"], ("update", "replace", "as_new")),
    ("mastodon", ["text", "alt"], ("update", "replace", "as_new")),
    ("facebook", ["text"], ("update", "replace", "as_new")),
    ("facebook", ["media"], ("replace", "as_new")),
    ("linkedin", ["text"], ("update", "replace", "as_new")),
    ("telegram", ["text"], ("update", "replace", "as_new")),
    ("youtube", ["title", "text", "tags"], ("update", "replace", "as_new")),
    ("youtube", ["media"], ("replace", "as_new")),
    ("x", ["text"], ("replace", "as_new")),
    ("bluesky", ["text"], ("replace", "as_new")),
    ("instagram", ["text"], ("as_new",)),
    ("threads", ["text"], ("as_new",)),
])
def test_each_channel_offers_what_its_platform_allows(channel, changed, expected):
    assert C.choices(discover().get(channel), changed) == expected


def test_cannot_edit_is_said_plainly():
    reg = discover()
    assert C.cannot_update(reg.get("bluesky")) == "Bluesky cannot edit a published post"
    assert "cannot change the images or video" in C.cannot_update(reg.get("youtube"), ["media"])
    assert C.cannot_update(reg.get("wordpress"), ["text"]) == ""


def test_edit_capability_and_editable_adapters_agree():
    for platform in discover().platforms.values():
        editable = platform.adapter is not None and issubclass(platform.adapter, Editable)
        assert platform.spec.can(Capability.EDIT) == editable, platform.id


def test_new_versions_get_new_keys_and_version_one_keeps_the_old():
    from composer.core.outgoing import idempotency_key

    assert C.version_key("p", "a", 1) == idempotency_key("p", "a")
    assert len({C.version_key("p", "a", n) for n in (1, 2, 3)}) == 3


def test_a_row_published_before_fingerprints_is_judged_by_its_snapshot(tmp_path):
    from platforms import folder

    store = Store()
    engine = Engine(store, Registry(platforms={"folder": folder.PLATFORM}),
                    sleep=lambda s, c: None)
    target = Target("folder", "folder", {"path": str(tmp_path / "out")}, adhoc=True)
    post = Post(text="Rapat koordinasi Senin 09.00")
    (first,) = engine.publish(post, [target])
    assert first.state == State.POSTED
    entry = engine.journal.get(post.id, "folder")
    # As an older Siaran left it: no fingerprint, no versions.
    store.execute("UPDATE journal SET fingerprint='' WHERE id=?", (entry.id,))
    store.execute("DELETE FROM journal_versions WHERE journal_id=?", (entry.id,))
    assert [v.action for v in engine.journal.versions(entry.id)] == ["published"]
    (again,) = engine.publish(post, [target])
    assert again.state == State.ALREADY

    post.text = "RALAT: Rapat koordinasi Selasa 09.00"
    (waiting,) = engine.publish(post, [target])
    assert waiting.state == State.CHANGED and waiting.choices == ("replace", "as_new")
    (refused,) = engine.publish(post, [target], correction={"folder": "update"})
    assert refused.state == State.CHANGED and "Folder cannot edit" in refused.reason
    (done,) = engine.publish(post, [target], correction={"folder": "replace"})
    assert done.state == State.POSTED and done.action == "replace"
    versions = engine.journal.versions(entry.id)
    assert [(v.version, v.action) for v in versions] == [(1, "published"), (1, "deleted"),
                                                          (2, "replaced")]
    row = engine.journal.get(post.id, "folder")
    assert row.fingerprint == C.fingerprint(row.outgoing()) and not row.correction
    assert json.loads(store.query("SELECT correction FROM journal WHERE id=?",
                                  (entry.id,))[0][0] or "{}") == {}
    store.close()
