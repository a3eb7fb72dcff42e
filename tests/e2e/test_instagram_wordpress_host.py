"""Acceptance: Instagram with the WordPress media host, against the REAL WordPress of
tests/peers/wordpress and the practice Instagram (which fetches image_url like Meta does).

The container's image_url is the real uploaded file in the portal's media library, and
fetching it returns exactly the bytes Siaran rendered and sent. Skips, with the reason
printed, only when the WordPress peer is not up (scripts/test starts it).
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from PIL import Image
from real_peers import wordpress as wordpress_peer

from composer.core.journal import State
from composer.core.post import MediaRef, Post
from composer.core.publish import Engine, Target
from composer.core.registry import Registry
from composer.core.store import Store
from composer.testing.contract import Sleeps
from platforms import instagram
from platforms.instagram import InstagramAdapter
from platforms.practice.instagram import FakeInstagram

pytestmark = pytest.mark.e2e


def test_instagram_fetches_the_file_uploaded_to_the_real_wordpress(tmp_path, monkeypatch):
    wp = wordpress_peer()
    monkeypatch.setenv("SIARAN_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(InstagramAdapter, "poll_interval", 0.05)
    photo = tmp_path / "jembatan.png"  # a PNG 2:1: the variant must become a JPEG in shape
    Image.linear_gradient("L").resize((2400, 1200)).convert("RGB").save(photo)
    post = Post(text="Jembatan Suramadu ditutup sementara #infojatim")
    post.media.append(MediaRef(str(photo), alt="Jembatan Suramadu dilihat dari udara"))

    with FakeInstagram() as ig:
        settings, secrets = ig.practice_account()
        settings = {k: v for k, v in settings.items() if not k.startswith("media_")}
        settings.update(media_host="wordpress", media_wp_url=wp["WP_URL"],
                        media_wp_user=wp["WP_USER"])
        secrets = {"access_token": secrets["access_token"],
                   "media_wp_app_password": wp["WP_APP_PASSWORD"]}
        store = Store()
        engine = Engine(store, Registry(platforms={"instagram": instagram.PLATFORM}),
                        sleep=Sleeps())
        (outcome,) = engine.publish(post, [Target("ig", "instagram", settings, secrets,
                                                  adhoc=True)])
        entry = engine.journal.get(post.id, "ig")
        store.close()
        assert outcome.state == State.POSTED, outcome.reason
        (create,) = ig.requests_to("POST", r"/media$")
        image_url = create.form["image_url"]

    # the container's image_url is the real file in the portal's media library ...
    assert image_url.startswith(wp["WP_URL"] + "/wp-content/uploads/"), image_url
    attachment_id = entry.checkpoint["media_hosted"][0]["ref"]
    with httpx.Client(timeout=30, auth=(wp["WP_USER"], wp["WP_APP_PASSWORD"])) as client:
        media = client.get(f"{wp['WP_URL']}/wp-json/wp/v2/media/{attachment_id}",
                           params={"context": "edit"}).json()
        assert media["source_url"] == image_url
        assert media["alt_text"] == "Jembatan Suramadu dilihat dari udara"
        # ... and fetching it returns exactly the bytes Siaran rendered and sent
        rendered = Path(entry.snapshot["media"][0]["path"]).read_bytes()
        fetched = httpx.get(image_url, timeout=30)
        assert fetched.status_code == 200 and fetched.content == rendered
        kind, width, height = ig.image_info(fetched.content)
        assert kind == "JPEG" and 0.8 <= width / height <= 1.91
        client.delete(f"{wp['WP_URL']}/wp-json/wp/v2/media/{attachment_id}",
                      params={"force": "true"})
    assert ig.published_texts() == [post.text]
    assert os.environ.get("SIARAN_HOME")  # the test never touched the officer's own data
