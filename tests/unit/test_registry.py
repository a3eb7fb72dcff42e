import json
import subprocess
import sys
from importlib.metadata import EntryPoint

from composer.core.registry import discover

CHANNELS = {"x", "mastodon", "bluesky", "threads", "facebook", "instagram", "linkedin",
            "telegram", "whatsapp", "youtube", "wordpress", "folder"}


def test_every_channel_is_found_through_entry_points():
    reg = discover()
    assert CHANNELS <= set(reg.ids())
    assert not [b for b in reg.broken if b.name in CHANNELS]


def test_a_broken_plugin_is_listed_with_its_error_and_the_rest_still_load():
    eps = [
        EntryPoint("x", "platforms.x:PLATFORM", "composer.platforms"),
        EntryPoint("ghost", "no_such_module_anywhere:PLATFORM", "composer.platforms"),
        EntryPoint("wrong", "platforms.x:SPEC", "composer.platforms"),
    ]
    reg = discover(eps)
    assert reg.ids() == ["x"]
    errors = {b.name: b.error for b in reg.broken}
    assert "ModuleNotFoundError" in errors["ghost"]
    assert "not a Platform" in errors["wrong"]


def test_specs_match_the_shared_facts():
    reg = discover()
    x, bsky, tg, ig = (reg.get(i).spec for i in ("x", "bluesky", "telegram", "instagram"))
    assert (x.text_limit, x.url_length, x.max_images, x.alt_text_limit) == (280, 23, 4, 1000)
    assert (bsky.text_limit, bsky.text_max_bytes, bsky.max_image_bytes) == (300, 3000, 2_000_000)
    assert (tg.text_limit, tg.caption_limit) == (4096, 1024)
    assert (ig.image_formats, ig.aspect_ratio_min, ig.aspect_ratio_max, ig.hashtag_limit) == (
        ("image/jpeg",), 0.8, 1.91, 5)
    assert bsky.supports_threads and x.supports_threads and not ig.supports_threads


def test_cli_platforms_json_lists_channels():
    out = subprocess.run([sys.executable, "-m", "composer", "platforms", "--json"],
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert CHANNELS <= {p["id"] for p in data["platforms"]}
    assert data["broken"] == []
