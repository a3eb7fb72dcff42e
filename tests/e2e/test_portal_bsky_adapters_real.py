"""The WordPress and Bluesky adapters against the real servers of tests/peers: the behaviours the
practice fakes imitate (threads, token renewal, a taken record key, lexicon and upload refusals,
scheduling, tags, trash, look-ups by slug) checked where they come from.

Skips, with the reason printed, only when a server is not up (scripts/test starts them).
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import uuid
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from PIL import Image
from real_peers import peer_env, up_or_skip

import platforms.bluesky as bluesky
from composer.core.adapters import (
    AuthExpired,
    MediaInvalid,
    OutgoingPost,
    PublishContext,
    Rejected,
    RenderedMedia,
)
from platforms.wordpress import WordPressAdapter, post_slug

pytestmark = pytest.mark.e2e



class Journal:
    """The engine's memory between attempts (the last checkpoint, as JSON)."""

    def __init__(self, client, settings, secrets_):
        self.client, self.settings, self.secrets, self.data = client, settings, secrets_, {}

    def ctx(self) -> PublishContext:
        return PublishContext(client=self.client, account=self.settings, secrets=self.secrets,
                              log=logging.getLogger("e2e"), checkpoint=json.loads(json.dumps(self.data)),
                              save_checkpoint=lambda d: setattr(self, "data", json.loads(json.dumps(d))))


@pytest.fixture
def client():
    with httpx.Client(timeout=30) as c:
        yield c


def jpeg(path: Path, size=(900, 600)) -> RenderedMedia:
    Image.linear_gradient("L").resize(size).convert("RGB").save(path, "JPEG", quality=85)
    return RenderedMedia(str(path), "image/jpeg", size[0], size[1], alt=f"alt {path.stem}")


# ---------------------------------------------------------------------------------------------
# Bluesky


@pytest.fixture(scope="module")
def pds_url() -> str:
    url = os.environ.get("BSKY_PDS_URL") or peer_env("bluesky").get("BSKY_PDS_URL")
    up_or_skip(url, "/xrpc/_health", "Bluesky PDS")
    return url


@pytest.fixture
def bsky(pds_url, client):
    handle = f"t{uuid.uuid4().hex[:10]}.test"
    made = client.post(f"{pds_url}/xrpc/com.atproto.server.createAccount", json={
        "handle": handle, "email": f"{handle}@example.invalid", "password": secrets.token_hex(12)})
    made.raise_for_status()
    app = client.post(f"{pds_url}/xrpc/com.atproto.server.createAppPassword",
                      headers={"Authorization": f"Bearer {made.json()['accessJwt']}"},
                      json={"name": "siaran"}).json()["password"]
    return Journal(client, {"service": pds_url, "handle": handle}, {"app_password": app})


def get_record(journal: Journal, did: str, rkey: str) -> httpx.Response:
    return journal.client.get(f"{journal.settings['service']}/xrpc/com.atproto.repo.getRecord",
                              params={"repo": did, "collection": bluesky.POST, "rkey": rkey})


def test_bluesky_thread_is_accepted_by_the_real_pds_and_deleted_whole(bsky, tmp_path):
    parts = ("Utas 1/3: jalan ditutup", "Utas 2/3: gunakan jalur alternatif", "Utas 3/3: #info")
    adapter = bluesky.BlueskyAdapter()
    result = adapter.publish(bsky.ctx(), OutgoingPost("p", " ".join(parts), parts=parts,
                                                      media=(jpeg(tmp_path / "a.jpg"),)))
    did, rkeys = result.extra["did"], result.extra["rkeys"]
    last = get_record(bsky, did, rkeys[2]).json()["value"]
    assert last["reply"]["root"]["uri"] == result.remote_id
    assert last["reply"]["parent"]["uri"].endswith(rkeys[1])
    adapter.delete(bsky.ctx(), result)
    assert all(get_record(bsky, did, k).json().get("error") == "RecordNotFound" for k in rkeys)


def test_bluesky_refused_tokens_are_renewed_on_the_real_pds(bsky):
    calls: list[str] = []
    bsky.client.event_hooks["request"].append(lambda r: calls.append(r.url.path.rsplit(".", 1)[-1]))
    adapter = bluesky.BlueskyAdapter()
    adapter.verify(bsky.ctx())
    key = bluesky._session_key(bsky.ctx())
    bluesky._SESSIONS[key].access = "garbage"  # the PDS answers 400 InvalidToken: refresh
    adapter.publish(bsky.ctx(), OutgoingPost("p", "satu", idempotency_key="a"))
    assert calls == ["createSession", "getSession", "getRecord", "createRecord", "refreshSession",
                     "createRecord"]
    calls.clear()
    bluesky._SESSIONS[key].access = bluesky._SESSIONS[key].refresh = "garbage"  # sign in again
    adapter.publish(Journal(bsky.client, bsky.settings, bsky.secrets).ctx(),
                    OutgoingPost("p2", "dua", idempotency_key="b"))
    assert calls == ["createRecord", "refreshSession", "createSession", "createRecord"]


def test_bluesky_taken_record_key_resolves_to_our_record(bsky):
    adapter, post = bluesky.BlueskyAdapter(), OutgoingPost("p", "sekali saja", idempotency_key="a")
    first = adapter.publish(bsky.ctx(), post)
    ctx = bsky.ctx()
    # The real PDS answers a taken key with a bare 500; the adapter reads the key back.
    assert adapter._create(ctx, first.extra["did"], first.extra["rkeys"][0],
                           {"$type": bluesky.POST, "text": "x", "createdAt": bluesky._now_iso()}
                           )["uri"] == first.remote_id
    bsky.data["done"] = {}  # as if the answer to createRecord had been lost
    again = adapter.publish(bsky.ctx(), post)
    assert again.remote_id == first.remote_id
    assert adapter.find_existing(bsky.ctx(), post).remote_id == first.remote_id
    listed = bsky.client.get(f"{bsky.settings['service']}/xrpc/com.atproto.repo.listRecords",
                             params={"repo": first.extra["did"], "collection": bluesky.POST}).json()
    assert len(listed["records"]) == 1


def test_bluesky_cashtags_and_long_tags_as_atproto_api_0_21_reach_the_real_pds(bsky):
    # What @atproto/api 0.21 facets: "$bbca" as the tag "$BBCA", 33 emoji (66 UTF-16 units, 33
    # graphemes) as a tag. A tag of 30 flags is 840 bytes, over the lexicon's 640: the real PDS
    # would refuse the whole post, so it goes out as plain text.
    flag = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    text = "Saham $bbca naik, US$5 bukan. #" + "😀" * 33 + " #" + flag * 30 + " #SiagaBanjir"
    result = bluesky.BlueskyAdapter().publish(bsky.ctx(), OutgoingPost("p", text, idempotency_key="k"))
    record = get_record(bsky, result.extra["did"], result.extra["rkeys"][0]).json()["value"]
    raw = record["text"].encode()
    assert [(raw[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode(), f["features"][0]["tag"])
            for f in record["facets"]] == [
        ("$bbca", "$BBCA"), ("#" + "😀" * 33, "😀" * 33), ("#SiagaBanjir", "SiagaBanjir")]


def test_bluesky_refusals_of_the_real_pds_are_typed(bsky, tmp_path):
    adapter = bluesky.BlueskyAdapter()
    with pytest.raises(Rejected, match="grapheme too big"):
        adapter.publish(bsky.ctx(), OutgoingPost("p", "é" * 301))
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(2_100_000))
    unchecked = bluesky.BlueskyAdapter(replace(bluesky.SPEC, max_image_bytes=None))
    with pytest.raises(MediaInvalid, match="blob too big"):  # the lexicon's 2,000,000 bytes
        unchecked.publish(bsky.ctx(), OutgoingPost(
            "p", "x", media=(RenderedMedia(str(big), "image/jpeg", 10, 10),)))
    huge = tmp_path / "huge.jpg"
    huge.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(6_000_000))
    with pytest.raises(MediaInvalid):  # the PDS's 5 MiB upload limit: 413
        unchecked.publish(bsky.ctx(), OutgoingPost(
            "p", "x", media=(RenderedMedia(str(huge), "image/jpeg", 10, 10),)))
    wrong = Journal(bsky.client, bsky.settings, {"app_password": "aaaa-bbbb-cccc-dddd"})
    with pytest.raises(AuthExpired):
        adapter.verify(wrong.ctx())


# ---------------------------------------------------------------------------------------------
# WordPress


@pytest.fixture(scope="module")
def wp_env() -> dict[str, str]:
    env = peer_env("wordpress")
    up_or_skip(env.get("WP_URL"), "/wp-json/", "WordPress")
    return env


@pytest.fixture
def wp(wp_env, client):
    return Journal(client, {"url": wp_env["WP_URL"], "user": wp_env["WP_USER"]},
                   {"app_password": wp_env["WP_APP_PASSWORD"]})


def wp_get(journal: Journal, path: str, **params):
    return journal.client.get(f"{journal.settings['url']}/wp-json/wp/v2{path}", params=params,
                              auth=(journal.settings["user"], journal.secrets["app_password"])).json()


def test_wordpress_scheduled_post_with_tags_then_trash(wp, tmp_path):
    marker = uuid.uuid4().hex[:8]
    post = OutgoingPost("p", f"Rapat koordinasi {marker}", title=f"Rapat {marker}",
                        tags=("Banjir", f"rapat-{marker}"), media=(jpeg(tmp_path / "r.jpg"),),
                        schedule_utc="2031-05-04T02:00:00Z", idempotency_key=marker)
    adapter = WordPressAdapter()
    result = adapter.publish(wp.ctx(), post)
    stored = wp_get(wp, f"/posts/{result.remote_id}", context="edit")
    assert stored["status"] == "future" and stored["date_gmt"] == "2031-05-04T02:00:00"
    assert stored["slug"] == post_slug(post)
    names = {wp_get(wp, f"/tags/{t}")["name"] for t in stored["tags"]}
    assert names == {"Banjir", f"rapat-{marker}"}
    assert adapter.find_existing(wp.ctx(), post).remote_id == result.remote_id
    adapter.delete(wp.ctx(), result)
    assert wp_get(wp, f"/posts/{result.remote_id}", context="edit")["status"] == "trash"
    assert adapter.find_existing(wp.ctx(), post) is None
    adapter.delete(wp.ctx(), result)  # already trashed: the real 410 is fine


def test_wordpress_retry_after_a_lost_answer_finds_the_post(wp, tmp_path):
    marker = uuid.uuid4().hex[:8]
    post = OutgoingPost("p", f"Sekali saja {marker}", media=(jpeg(tmp_path / "s.jpg"),),
                        idempotency_key=marker)
    adapter = WordPressAdapter()
    first = adapter.publish(wp.ctx(), post)
    again = adapter.publish(wp.ctx(), post)  # the journal says "sent": it looks first
    assert again.remote_id == first.remote_id
    assert len(wp_get(wp, "/posts", search=marker)) == 1
    assert len(wp_get(wp, "/media", search="s")) >= 1


def test_wordpress_refusals_of_the_real_site_are_typed(wp, tmp_path):
    bogus = tmp_path / "x.jpg"
    bogus.write_bytes(b"MZ\x90\x00 not an image at all")
    with pytest.raises(MediaInvalid, match="not allowed to upload this file type"):
        WordPressAdapter().publish(wp.ctx(), OutgoingPost(
            "p", "x", media=(RenderedMedia(str(bogus), "image/jpeg", 1, 1),)))
    wrong = Journal(wp.client, wp.settings, {"app_password": "abcd efgh ijkl mnop qrst uvwx"})
    with pytest.raises(AuthExpired):
        WordPressAdapter().verify(wrong.ctx())
    assert WordPressAdapter().verify(wp.ctx()).handle == wp.settings["user"]


def test_wordpress_rest_route_form_works_on_the_real_site(wp, tmp_path):
    """Sites with plain permalinks answer only at /?rest_route=; the adapter's fallback form
    must do everything the /wp-json form does."""
    import platforms.wordpress as module

    site = wp.settings["url"]
    module._PLAIN_PERMALINKS.add(site)
    try:
        marker = uuid.uuid4().hex[:8]
        post = OutgoingPost("p", f"Lewat rest_route {marker}", tags=(f"rr-{marker}",),
                            media=(jpeg(tmp_path / "rr.jpg"),), idempotency_key=marker)
        result = WordPressAdapter().publish(wp.ctx(), post)
        assert WordPressAdapter().find_existing(wp.ctx(), post).remote_id == result.remote_id
    finally:
        module._PLAIN_PERMALINKS.discard(site)
    stored = wp_get(wp, f"/posts/{result.remote_id}", context="edit")
    assert stored["featured_media"] and stored["slug"] == post_slug(post)
    assert wp_get(wp, f"/media/{stored['featured_media']}")["alt_text"] == "alt rr"


def test_wordpress_twin_draft_is_removed_before_anything_is_public(wp):
    """The real WordPress gives a second post with a taken slug "-2", drafts included: the
    adapter reads that as "an earlier attempt landed", deletes its twin and publishes the
    original draft."""
    marker = uuid.uuid4().hex[:8]
    post = OutgoingPost("p", f"Kembar {marker}", title=f"Kembar {marker}", idempotency_key=marker)
    late = wp.client.post(f"{wp.settings['url']}/wp-json/wp/v2/posts", json={
        "title": post.title, "content": post.text, "status": "draft", "slug": post_slug(post)},
        auth=(wp.settings["user"], wp.secrets["app_password"])).json()  # the lost attempt
    result = WordPressAdapter().publish(wp.ctx(), post)
    assert result.remote_id == str(late["id"])
    posts = wp_get(wp, "/posts", search=marker, status="publish,future,draft,pending,private")
    assert [(p["id"], p["status"], p["slug"]) for p in posts] == [
        (late["id"], "publish", post_slug(post))]


def test_wordpress_contributor_is_refused_at_verify(wp):
    """A Contributor may write drafts but not publish or upload: the real WordPress says so in
    the user's capabilities, and verify turns that into one plain sentence."""
    api, admin = f"{wp.settings['url']}/wp-json/wp/v2", (wp.settings["user"], wp.secrets["app_password"])
    name = f"kontributor{uuid.uuid4().hex[:6]}"
    user = wp.client.post(f"{api}/users", auth=admin, json={
        "username": name, "email": f"{name}@example.invalid", "password": secrets.token_hex(12),
        "roles": ["contributor"]}).json()
    password = wp.client.post(f"{api}/users/{user['id']}/application-passwords", auth=admin,
                              json={"name": "siaran"}).json()["password"]
    journal = Journal(wp.client, {"url": wp.settings["url"], "user": name}, {"app_password": password})
    with pytest.raises(Rejected, match=rf"{name} \(contributor\) may not publish"):
        WordPressAdapter().verify(journal.ctx())


def test_bluesky_verify_reads_the_profile_record_on_the_pds(bsky, tmp_path):
    adapter = bluesky.BlueskyAdapter()
    assert adapter.verify(bsky.ctx()).display_name == bsky.settings["handle"]  # no profile yet
    session = bluesky._SESSIONS[bluesky._session_key(bsky.ctx())]
    headers = {"Authorization": f"Bearer {session.access}"}
    xrpc = f"{bsky.settings['service']}/xrpc"
    photo = jpeg(tmp_path / "avatar.jpg", (200, 200))
    blob = bsky.client.post(f"{xrpc}/com.atproto.repo.uploadBlob", content=Path(photo.path).read_bytes(),
                            headers={**headers, "Content-Type": "image/jpeg"}).json()["blob"]
    bsky.client.post(f"{xrpc}/com.atproto.repo.putRecord", headers=headers, json={
        "repo": session.did, "collection": "app.bsky.actor.profile", "rkey": "self",
        "record": {"$type": "app.bsky.actor.profile", "displayName": "Kanwil Jabar", "avatar": blob}
    }).raise_for_status()
    info = adapter.verify(bsky.ctx())
    assert info.display_name == "Kanwil Jabar"
    assert bsky.client.get(info.avatar_url).content == Path(photo.path).read_bytes()
