"""A video post reaches the real Bluesky PDS (a record with app.bsky.embed.video: a video/mp4
blob, aspectRatio, alt) and the real WordPress (the video in the media library and in the post),
exactly once, also when the connection is cut in the middle of the upload or the answer to it
is lost. The cut is real: a TCP relay on 127.0.0.1 between the adapter and the server closes
the connection part-way.

The file goes the whole way: probed, shaped for the channel (composer.core.video), then sent by
the adapter as the engine would, retrying with the journal's checkpoint after the cut.
Skips, with the reason printed, only when a server is not up (scripts/test starts them).
"""

from __future__ import annotations

import json
import logging
import secrets
import socket
import threading
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import real_peers

import platforms.bluesky as bluesky
from composer.core.adapters import AdapterError, OutgoingPost, PublishContext
from composer.core.post import MediaRef
from composer.core.registry import default_registry
from composer.core.video import probe
from composer.core.video.outgoing import shape_video
from composer.testing.video_corpus import make_video
from platforms.wordpress import WordPressAdapter

pytestmark = pytest.mark.e2e


class Journal:
    """The engine's memory between attempts (the last checkpoint, as JSON)."""

    def __init__(self, client, settings, secrets_):
        self.client, self.settings, self.secrets, self.data = client, settings, secrets_, {}

    def ctx(self) -> PublishContext:
        return PublishContext(client=self.client, account=self.settings, secrets=self.secrets,
                              log=logging.getLogger("e2e"),
                              checkpoint=json.loads(json.dumps(self.data)),
                              save_checkpoint=lambda d: setattr(self, "data", json.loads(json.dumps(d))))


class Relay:
    """127.0.0.1:PORT -> the server. ``cut(marker, after)``: the next request whose head holds
    ``marker`` is cut after ``after`` bytes of it went through ("mid-upload"), or, with
    ``after=None``, once the whole request went through and before any answer ("answer
    lost")."""

    def __init__(self, target: str):
        split = urlsplit(target)
        self.host, self.port = split.hostname, split.port or 80
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.plan: tuple[bytes, int | None] | None = None
        self.cuts = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def cut(self, marker: bytes, after: int | None) -> None:
        self.plan = (marker, after)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection((self.host, self.port))
        done = threading.Event()

        def back() -> None:
            try:
                while chunk := upstream.recv(65536):
                    if done.is_set():
                        return
                    client.sendall(chunk)
            except OSError:
                pass
            finally:
                _hang_up(client)

        threading.Thread(target=back, daemon=True).start()
        sent, armed = 0, None
        try:
            while chunk := client.recv(65536):
                with self.lock:
                    if armed is None and self.plan and self.plan[0] in chunk[:4096]:
                        armed, self.plan = self.plan, None
                if armed is not None:
                    limit = armed[1]
                    if limit is not None and sent + len(chunk) >= limit:
                        upstream.sendall(chunk[: max(0, limit - sent)])
                        self.cuts += 1
                        break  # the upload stops part-way
                    upstream.sendall(chunk)
                    sent += len(chunk)
                    if limit is None and _request_complete(chunk, sent, armed):
                        done.set()  # the server has it all; its answer never arrives
                        self.cuts += 1
                        threading.Event().wait(2.0)  # let the server finish its work
                        break
                else:
                    upstream.sendall(chunk)
        except OSError:
            pass
        finally:
            _hang_up(client)
            _hang_up(upstream)

    def close(self) -> None:
        self.server.close()


def _hang_up(sock: socket.socket) -> None:
    """shutdown, not only close: it sends the FIN at once and wakes the other thread's recv."""
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


def _request_complete(chunk: bytes, sent: int, armed) -> bool:
    """Crude, for one upload at a time: the body length from the head seen first."""
    head = armed_head.get(id(armed))
    if head is None:
        text = chunk.split(b"\r\n\r\n", 1)[0].decode("latin-1").lower()
        length = next((int(line.split(":", 1)[1]) for line in text.split("\r\n")
                       if line.startswith("content-length:")), 0)
        armed_head[id(armed)] = (len(chunk.split(b"\r\n\r\n", 1)[0]) + 4, length)
        head = armed_head[id(armed)]
    return sent >= head[0] + head[1]


armed_head: dict[int, tuple[int, int]] = {}


def shaped_for(channel: str, tmp_path: Path, alt: str) -> tuple:
    """A phone clip (turned, with its location), shaped for ``channel`` as the engine does."""
    clip = make_video(tmp_path / "hp.mp4", width=640, height=360, rotate=90, location=True,
                      seconds=2, noise=True, bitrate=2_000_000)
    spec = default_registry().get(channel).spec
    ref = MediaRef(str(clip), alt=alt, kind="video", cover_at=1.0)
    media = shape_video(ref, alt, [spec], tmp_path / "out")[channel]
    return clip, media


def publish_through_cut(adapter, journal: Journal, post: OutgoingPost):
    """What the engine does: an attempt, and after a cut connection another one with the
    journalled checkpoint (after looking whether the first got through)."""
    try:
        return adapter.publish(journal.ctx(), post)
    except AdapterError:
        found = adapter.find_existing(journal.ctx(), post)
        return found or adapter.publish(journal.ctx(), post)


# ---------------------------------------------------------------------------------------------
# Bluesky


@pytest.fixture
def bsky(tmp_path):
    env = real_peers.bluesky()
    pds = env["BSKY_PDS_URL"]
    with httpx.Client(timeout=30) as client:
        handle = f"v{uuid.uuid4().hex[:10]}.test"
        made = client.post(f"{pds}/xrpc/com.atproto.server.createAccount", json={
            "handle": handle, "email": f"{handle}@example.invalid",
            "password": secrets.token_hex(12)})
        made.raise_for_status()
        app = client.post(f"{pds}/xrpc/com.atproto.server.createAppPassword",
                          headers={"Authorization": f"Bearer {made.json()['accessJwt']}"},
                          json={"name": "siaran"}).json()["password"]
        relay = Relay(pds)
        try:
            yield Journal(client, {"service": relay.url, "handle": handle},
                          {"app_password": app}), relay, pds
        finally:
            relay.close()


@pytest.mark.parametrize("cut_after", [200_000, None], ids=["mid-upload", "answer-lost"])
def test_a_video_reaches_the_real_pds_once(bsky, tmp_path, cut_after):
    journal, relay, pds = bsky
    clip, media = shaped_for("bluesky", tmp_path, "Kepala BPBD membuka rapat")
    post = OutgoingPost("v1", "Rapat siaga banjir", media=(media,),
                        idempotency_key=uuid.uuid4().hex)
    relay.cut(b"uploadBlob", cut_after)
    result = publish_through_cut(bluesky.BlueskyAdapter(), journal, post)
    assert relay.cuts == 1
    did = result.extra["did"]
    listed = journal.client.get(f"{pds}/xrpc/com.atproto.repo.listRecords", params={
        "repo": did, "collection": bluesky.POST}).json()["records"]
    assert len(listed) == 1
    embed = listed[0]["value"]["embed"]
    assert embed["$type"] == "app.bsky.embed.video"
    assert embed["video"]["mimeType"] == "video/mp4"
    assert embed["aspectRatio"] == {"width": 360, "height": 640}
    assert embed["alt"] == "Kepala BPBD membuka rapat"
    blob = journal.client.get(f"{pds}/xrpc/com.atproto.sync.getBlob", params={
        "did": did, "cid": embed["video"]["ref"]["$link"]})
    assert blob.status_code == 200 and blob.content == Path(media.path).read_bytes()
    assert b"+106.8456" not in blob.content


# ---------------------------------------------------------------------------------------------
# WordPress


@pytest.fixture
def wp():
    env = real_peers.wordpress()
    with httpx.Client(timeout=60) as client:
        relay = Relay(env["WP_URL"])
        try:
            yield Journal(client, {"url": relay.url, "user": env["WP_USER"]},
                          {"app_password": env["WP_APP_PASSWORD"]}), relay, env
        finally:
            relay.close()


def wp_get(env, client, path: str, **params):
    return client.get(f"{env['WP_URL']}/wp-json/wp/v2{path}", params=params,
                      auth=(env["WP_USER"], env["WP_APP_PASSWORD"])).json()


@pytest.mark.parametrize("cut_after", [200_000, None], ids=["mid-upload", "answer-lost"])
def test_a_video_reaches_the_real_wordpress_once(wp, tmp_path, cut_after):
    journal, relay, env = wp
    marker = uuid.uuid4().hex[:8]
    clip, media = shaped_for("wordpress", tmp_path, f"Rapat {marker}")
    post = OutgoingPost("v1", f"Video rapat {marker}", title=f"Rapat {marker}", media=(media,),
                        idempotency_key=marker)
    relay.cut(b"-video.mp4", cut_after)  # the video's own upload, named after the post
    adapter = WordPressAdapter()
    result = publish_through_cut(adapter, journal, post)
    assert relay.cuts == 1
    stored = wp_get(env, journal.client, f"/posts/{result.remote_id}", context="edit")
    videos = [m for m in wp_get(env, journal.client, "/media", search=marker, per_page=50,
                                context="edit") if m["mime_type"] == "video/mp4"]
    try:
        assert len(videos) == 1, [v["slug"] for v in videos]
        assert videos[0]["media_details"]["filesize"] == probe(media.path).bytes
        assert "<!-- wp:video" in stored["content"]["raw"]
        assert videos[0]["source_url"] in stored["content"]["raw"]
        assert stored["featured_media"] and stored["status"] == "publish"
    finally:
        adapter.delete(journal.ctx(), result)
        for item in wp_get(env, journal.client, "/media", search=marker, per_page=50):
            journal.client.delete(f"{env['WP_URL']}/wp-json/wp/v2/media/{item['id']}",
                                  params={"force": "true"},
                                  auth=(env["WP_USER"], env["WP_APP_PASSWORD"]))
