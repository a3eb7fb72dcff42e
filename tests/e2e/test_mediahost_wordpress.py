"""The WordPress media host against the REAL WordPress of tests/peers/wordpress: the upload is
an attachment in the library with its alt text, its source_url serves the same bytes to anyone,
a wrong application password is a plain refusal. Skips, with the reason printed, when the
peer is not up."""

from __future__ import annotations

import logging

import httpx
import pytest
from PIL import Image
from real_peers import wordpress as wordpress_peer

from composer.core import adapters as A
from platforms.mediahost import public_urls

pytestmark = pytest.mark.e2e


def ctx(wp, password, checkpoint=None) -> A.PublishContext:
    checkpoint = {} if checkpoint is None else checkpoint
    return A.PublishContext(
        client=httpx.Client(timeout=30), log=logging.getLogger("e2e"),
        account={"media_host": "wordpress", "media_wp_url": wp["WP_URL"],
                 "media_wp_user": wp["WP_USER"]},
        secrets={"media_wp_app_password": password}, checkpoint=checkpoint,
        save_checkpoint=checkpoint.update)


def test_real_media_library_hosts_the_image_once(tmp_path):
    wp = wordpress_peer()
    path = tmp_path / "rapat.jpg"
    Image.effect_noise((800, 600), 40).convert("RGB").save(path, "JPEG", quality=85)
    image = A.RenderedMedia(str(path), "image/jpeg", 800, 600, alt="Rapat koordinasi")
    first = ctx(wp, wp["WP_APP_PASSWORD"])
    (url,) = public_urls(first, [image])
    assert httpx.get(url, timeout=30).content == path.read_bytes()  # anyone can fetch it
    again = ctx(wp, wp["WP_APP_PASSWORD"], first.checkpoint)
    assert public_urls(again, [image]) == [url]  # a retry does not upload it again
    attachment = first.checkpoint["media_hosted"][0]["ref"]
    with httpx.Client(timeout=30, auth=(wp["WP_USER"], wp["WP_APP_PASSWORD"])) as client:
        media = client.get(f"{wp['WP_URL']}/wp-json/wp/v2/media/{attachment}",
                           params={"context": "edit"}).json()
        assert media["alt_text"] == "Rapat koordinasi" and media["source_url"] == url
        client.delete(f"{wp['WP_URL']}/wp-json/wp/v2/media/{attachment}",
                      params={"force": "true"})


def test_a_wrong_application_password_is_a_plain_refusal(tmp_path):
    wp = wordpress_peer()
    path = tmp_path / "x.jpg"
    Image.new("RGB", (400, 400), "red").save(path, "JPEG")
    with pytest.raises(A.Rejected, match="application password"):
        public_urls(ctx(wp, "xxxx xxxx xxxx xxxx xxxx xxxx"),
                    [A.RenderedMedia(str(path), "image/jpeg", 400, 400)])
