"""The media host: S3 against moto's real S3 server on 127.0.0.1 (public-read objects, presigned
addresses, private objects refused to strangers), WordPress against the practice portal (the
real one: tests/e2e/test_mediahost_wordpress.py), once-per-image uploads across retries, and
the portal account lending its media library to an Instagram account."""

from __future__ import annotations

import logging
import time
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PIL import Image

from composer.core import adapters as A
from platforms import mediahost
from platforms.mediahost import public_urls
from platforms.practice.wordpress import WordPressFake


@pytest.fixture(scope="module")
def moto_s3():
    """moto's S3 server in this process, on 127.0.0.1 and a free port."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(moto_s3):
    """A fresh bucket (made with boto3, the S3 client moto is checked against)."""
    import boto3

    name = f"siaran-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=moto_s3, region_name="us-east-1",
                 aws_access_key_id="test", aws_secret_access_key="test").create_bucket(Bucket=name)
    return name


class Counting(httpx.Client):
    def __init__(self):
        super().__init__(timeout=10)
        self.sent: list[httpx.Request] = []
        self.event_hooks = {"request": [self.sent.append]}


_clients: list[httpx.Client] = []  # every context's client, closed after its test


@pytest.fixture(autouse=True)
def _close_clients():
    yield
    while _clients:
        _clients.pop().close()


def context(settings, secrets, checkpoint=None) -> A.PublishContext:
    checkpoint = {} if checkpoint is None else checkpoint
    _clients.append(Counting())
    return A.PublishContext(client=_clients[-1], account=settings, secrets=secrets,
                            log=logging.getLogger("test"), checkpoint=checkpoint,
                            save_checkpoint=checkpoint.update)


def jpeg(tmp_path, name="foto.jpg", size=(1080, 1350)) -> A.RenderedMedia:
    path = tmp_path / name
    Image.linear_gradient("L").resize(size).convert("RGB").save(path, "JPEG", quality=80)
    return A.RenderedMedia(str(path), "image/jpeg", *size, alt="Kepala dinas meresmikan jembatan")


def s3_settings(endpoint, bucket, public="no", **over):
    return ({"media_host": "s3", "media_s3_endpoint": endpoint, "media_s3_bucket": bucket,
             "media_s3_region": "us-east-1", "media_s3_access_key_id": "AKIATEST",
             "media_s3_public": public, **over}, {"media_s3_secret_key": "s3-secret"})


def test_s3_public_read_object_is_fetched_anonymously(moto_s3, bucket, tmp_path):
    image = jpeg(tmp_path)
    ctx = context(*s3_settings(moto_s3, bucket, public="yes"))
    (url,) = public_urls(ctx, [image])
    assert url.startswith(f"{moto_s3}/{bucket}/siaran/") and url.endswith(".jpg")
    put = ctx.client.sent[0]
    assert put.method == "PUT" and put.headers["x-amz-acl"] == "public-read"
    assert put.headers["authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKIATEST/")
    anonymous = httpx.get(url)
    assert anonymous.status_code == 200 and anonymous.content == Path(image.path).read_bytes()
    assert anonymous.headers["content-type"] == "image/jpeg"


def test_s3_private_object_needs_the_presigned_address(moto_s3, bucket, tmp_path):
    image = jpeg(tmp_path)
    ctx = context(*s3_settings(moto_s3, bucket, media_s3_url_expiry="7200"))
    (url,) = public_urls(ctx, [image])
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["7200"] and query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert httpx.get(url).content == Path(image.path).read_bytes()
    plain = url.split("?")[0]
    assert httpx.get(plain).status_code == 403  # a stranger without the signature: refused
    hosted = ctx.checkpoint["media_hosted"][0]
    assert 7000 < hosted["expires_at"] - time.time() <= 7200


def test_each_image_is_uploaded_once_across_retries(moto_s3, bucket, tmp_path):
    images = [jpeg(tmp_path, f"f{i}.jpg", (1080, 1080 + i)) for i in range(3)]
    checkpoint: dict = {}
    first = context(*s3_settings(moto_s3, bucket), checkpoint)
    urls = public_urls(first, images)
    assert len([r for r in first.client.sent if r.method == "PUT"]) == 3
    again = context(*s3_settings(moto_s3, bucket), checkpoint)
    assert public_urls(again, images) == urls and again.client.sent == []
    # a resume hours later: the presigned address is signed again, nothing is uploaded again
    checkpoint["media_hosted"][1]["expires_at"] = time.time() + 60
    later = context(*s3_settings(moto_s3, bucket), checkpoint)
    renewed = public_urls(later, images)
    assert later.client.sent == [] and renewed[0] == urls[0]
    assert checkpoint["media_hosted"][1]["expires_at"] > time.time() + 80_000  # signed anew
    assert httpx.get(renewed[1]).status_code == 200


def test_s3_refusals_are_plain(moto_s3, tmp_path):
    ctx = context(*s3_settings(moto_s3, "no-such-bucket-here"))
    with pytest.raises(A.Rejected, match="no such bucket"):
        public_urls(ctx, [jpeg(tmp_path)])
    settings, _ = s3_settings(moto_s3, "b")
    ctx = context(settings, {})
    with pytest.raises(A.Rejected, match="S3 secret key is missing"):
        public_urls(ctx, [jpeg(tmp_path)])
    assert ctx.client.sent == []  # refused before any request


def test_aws_endpoints_use_virtual_hosted_addresses():
    from platforms.mediahost.s3 import _Bucket

    settings, secrets = s3_settings("https://s3.ap-southeast-3.amazonaws.com", "humas-media",
                                    media_s3_region="ap-southeast-3")
    b = _Bucket(context(settings, secrets))
    assert b.object_url("siaran/a b.jpg") == \
        "https://humas-media.s3.ap-southeast-3.amazonaws.com/siaran/a%20b.jpg"
    settings["media_s3_public_url"] = "https://cdn.jatimprov.go.id"
    assert _Bucket(context(settings, secrets)).public_url("siaran/x.jpg") == \
        "https://cdn.jatimprov.go.id/siaran/x.jpg"


@pytest.fixture
def wordpress():
    with WordPressFake() as wp:
        yield wp


def wp_settings(wp):
    settings, secrets = wp.practice_account()
    return ({"media_host": "wordpress", "media_wp_url": settings["url"],
             "media_wp_user": settings["user"]},
            {"media_wp_app_password": secrets["app_password"]})


def test_wordpress_library_hosts_the_image(wordpress, tmp_path):
    image = jpeg(tmp_path)
    ctx = context(*wp_settings(wordpress))
    (url,) = public_urls(ctx, [image])
    assert url.startswith(wordpress.url + "/wp-content/uploads/")
    assert httpx.get(url).content == Path(image.path).read_bytes()
    media = wordpress.media[int(ctx.checkpoint["media_hosted"][0]["ref"])]
    assert media["alt_text"] == image.alt
    assert public_urls(context(*wp_settings(wordpress), ctx.checkpoint), [image]) == [url]
    assert len(wordpress.media) == 1


def test_wordpress_with_plain_permalinks_and_a_wrong_password(wordpress, tmp_path):
    wordpress.pretty_permalinks = False
    (url,) = public_urls(context(*wp_settings(wordpress)), [jpeg(tmp_path)])
    assert httpx.get(url).status_code == 200
    settings, _ = wp_settings(wordpress)
    with pytest.raises(A.Rejected, match="application password"):
        public_urls(context(settings, {"media_wp_app_password": "wrong"}), [jpeg(tmp_path)])


def test_portal_account_lends_its_media_library(tmp_path, monkeypatch, wordpress):
    from composer.core.accounts import Accounts
    from composer.core.store import Store

    class MemorySecrets(dict):  # not a keyring test: the keyring has its own
        def set(self, account, field, value):
            self[(account, field)] = value

        def get(self, account, field):
            return super().get((account, field))

        def delete_account(self, account, fields):
            for f in fields:
                self.pop((account, f), None)

    monkeypatch.setenv("SIARAN_HOME", str(tmp_path / "home"))
    store = Store()
    accounts = Accounts(store, MemorySecrets())
    settings, secrets = wordpress.practice_account()
    accounts.add("portal", "wordpress", settings, secrets)
    host_settings, host_secrets = mediahost.from_portal(accounts, "portal")
    assert host_settings["media_wp_url"] == wordpress.url
    assert host_secrets == {"media_wp_app_password": secrets["app_password"]}
    (url,) = public_urls(context(host_settings, host_secrets), [jpeg(tmp_path)])
    assert url.startswith(wordpress.url)
    store.close()


def test_instagram_fetches_a_private_object_through_its_presigned_address(moto_s3, bucket,
                                                                          tmp_path):
    """End to end with the S3 host: the practice Instagram downloads the presigned address
    from moto, as Meta would from the bucket, and never needs the object to be public."""
    from platforms.instagram import InstagramAdapter
    from platforms.practice.instagram import FakeInstagram

    image = jpeg(tmp_path)
    with FakeInstagram() as ig:
        settings, secrets = ig.practice_account()
        host_settings, host_secrets = s3_settings(moto_s3, bucket)
        settings = {**{k: v for k, v in settings.items() if not k.startswith("media_")},
                    **host_settings}
        ctx = context(settings, {**secrets, **host_secrets})
        adapter = InstagramAdapter()
        adapter.poll_interval = 0.01
        result = adapter.publish(ctx, A.OutgoingPost("p", "Foto dari bucket", media=(image,)))
        (fetched,) = ig.fetched
        assert fetched.startswith(f"{moto_s3}/{bucket}/") and "X-Amz-Signature=" in fetched
        assert httpx.get(fetched.split("?")[0]).status_code == 403  # private to strangers
        assert ig.media[result.remote_id]["caption"] == "Foto dari bucket"


def test_a_large_video_is_hashed_and_sent_in_pieces_never_whole(tmp_path):
    """A 48 MB Reel goes to the host streamed from disk: the process never holds it whole (a
    loopback portal that counts the bytes and throws them away)."""
    import json
    import threading
    import tracemalloc
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    big = tmp_path / "reel.mp4"
    with open(big, "wb") as fh:
        fh.truncate(48 * 1024 * 1024)
    seen = []

    class Portal(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            left = int(self.headers["Content-Length"])
            received = 0
            while left:
                piece = self.rfile.read(min(left, 1 << 16))
                received, left = received + len(piece), left - len(piece)
            seen.append((self.command, received))
            body = json.dumps({"id": 7, "source_url": "https://portal.example/reel.mp4"}).encode()
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Portal)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        ctx = context({"media_host": "wordpress",
                       "media_wp_url": f"http://127.0.0.1:{server.server_address[1]}",
                       "media_wp_user": "humas"}, {"media_wp_app_password": "abcd efgh"})
        video = A.RenderedMedia(str(big), "video/mp4", 1080, 1920)
        tracemalloc.start()
        try:
            urls = public_urls(ctx, [video])
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    finally:
        server.shutdown()
        server.server_close()
    assert urls == ["https://portal.example/reel.mp4"]
    assert seen == [("POST", big.stat().st_size)]
    assert peak < 8 * 1024 * 1024  # a few pieces in flight, never the 48 MB file


def test_s3_signs_the_streamed_file_by_its_digest(moto_s3, bucket, tmp_path):
    import hashlib

    image = jpeg(tmp_path)
    ctx = context(*s3_settings(moto_s3, bucket, public="yes"))
    (url,) = public_urls(ctx, [image])
    put = ctx.client.sent[0]
    digest = hashlib.sha256(Path(image.path).read_bytes()).hexdigest()
    assert put.headers["x-amz-content-sha256"] == digest
    assert put.headers["content-length"] == str(Path(image.path).stat().st_size)
    assert httpx.get(url).content == Path(image.path).read_bytes()
