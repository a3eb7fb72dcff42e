"""Honest corrections against the real peers (WordPress from Debian, the Bluesky PDS): a post
corrected after it was published ("RALAT ...") is never reported as published without a
request; --update edits WordPress in place (same post id, new text, one post); Bluesky says it
cannot edit; --replace leaves exactly one Bluesky post, with the new text.

The CLI runs in a subprocess with its own home, as in test_publish_real_peers.py (whose peer
and keyring fixtures this reuses, so a peer that is not up skips locally and fails under CI).
"""

from __future__ import annotations

import json
import uuid

import httpx
import pytest
from test_publish_real_peers import (  # noqa: F401 - fixtures
    Siaran,
    bluesky_account,
    keyring_env,
    pds,
    wordpress,
)

pytestmark = pytest.mark.e2e


def wp_posts(wp: dict[str, str], marker: str) -> list[dict]:
    """The portal's posts carrying ``marker`` that a reader can see (drafts and trash aside)."""
    auth = (wp["WP_USER"], wp["WP_APP_PASSWORD"])
    return httpx.get(f"{wp['WP_URL']}/wp-json/wp/v2/posts", auth=auth, timeout=10, params={
        "search": marker, "status": "publish,future,private", "context": "edit"}).json()


def bsky_posts(pds_url: str, did: str, marker: str) -> list[dict]:
    listed = httpx.get(f"{pds_url}/xrpc/com.atproto.repo.listRecords", timeout=10, params={
        "repo": did, "collection": "app.bsky.feed.post", "limit": 100}).json()["records"]
    return [r for r in listed if marker in r["value"]["text"]]


def line_of(out: str, account: str) -> str:
    return next((ln for ln in out.splitlines() if f" {account} " in ln), "")


def test_a_corrected_post_on_real_wordpress_and_bluesky(wordpress, pds, keyring_env,  # noqa: F811
                                                        tmp_path):
    siaran = Siaran(tmp_path / "home", keyring_env)
    handle, did, app_password = bluesky_account(pds["BSKY_PDS_URL"])
    marker = uuid.uuid4().hex[:10]
    text = f"Layanan SIM keliling {marker} buka pukul 07.00 WIB di Alun-alun."
    post_file = tmp_path / "post.toml"
    post_file.write_text(siaran("new", "--text", text, "--title", f"SIM keliling {marker}",
                                "--to", "portal,kanwil").stdout)
    siaran("accounts", "add", "wordpress", "--name", "portal", "--url", wordpress["WP_URL"],
           "--user", wordpress["WP_USER"], stdin=wordpress["WP_APP_PASSWORD"] + "\n")
    siaran("accounts", "add", "bluesky", "--name", "kanwil", "--service", pds["BSKY_PDS_URL"],
           "--handle", handle, stdin=app_password + "\n")

    siaran("publish", str(post_file))
    (wp_first,) = wp_posts(wordpress, marker)
    (bsky_first,) = bsky_posts(pds["BSKY_PDS_URL"], did, marker)

    # Unchanged: nothing sent, and never called "published" again.
    again = siaran("publish", str(post_file))
    assert "already published" in line_of(again.stdout, "portal")
    assert "already published" in line_of(again.stdout, "kanwil")
    assert "✓" not in again.stdout

    # The correction. Without a choice nothing goes out, and the exit code says so.
    corrected = post_file.read_text().replace("pukul 07.00 WIB", "pukul 06.30 WIB (RALAT)")
    assert corrected != post_file.read_text()
    post_file.write_text(corrected)
    waiting = siaran("publish", str(post_file), check=False)
    assert waiting.returncode == 1, waiting.stdout + waiting.stderr
    portal_line, kanwil_line = line_of(waiting.stdout, "portal"), line_of(waiting.stdout, "kanwil")
    assert "changed since published" in portal_line and "--update" in portal_line
    assert "changed since published" in kanwil_line and "--update" not in kanwil_line
    assert "Bluesky cannot edit a published post" in kanwil_line
    assert "--replace" in kanwil_line and "--as-new" in kanwil_line
    assert "RALAT" not in wp_posts(wordpress, marker)[0]["content"]["raw"]
    assert ["RALAT" in r["value"]["text"] for r in bsky_posts(pds["BSKY_PDS_URL"], did,
                                                               marker)] == [False]

    # --update on WordPress: the same post, edited in place, still one.
    updated = siaran("publish", str(post_file), "--update", "--to", "portal")
    assert "updated" in line_of(updated.stdout, "portal"), updated.stdout
    (wp_now,) = wp_posts(wordpress, marker)
    assert wp_now["id"] == wp_first["id"] and wp_now["link"] == wp_first["link"]
    assert "06.30 WIB (RALAT)" in wp_now["content"]["raw"]
    assert "07.00" not in wp_now["content"]["raw"]

    # --update on Bluesky: it cannot edit, says so, sends nothing.
    refused = siaran("publish", str(post_file), "--update", "--to", "kanwil", check=False)
    assert refused.returncode == 1
    assert "Bluesky cannot edit a published post" in line_of(refused.stdout, "kanwil")
    assert [r["uri"] for r in bsky_posts(pds["BSKY_PDS_URL"], did, marker)] == [bsky_first["uri"]]

    # --replace on Bluesky: the old record deleted, the new one published: exactly one, new text.
    replaced = siaran("publish", str(post_file), "--replace", "--to", "kanwil")
    assert "replaced" in line_of(replaced.stdout, "kanwil"), replaced.stdout
    (bsky_now,) = bsky_posts(pds["BSKY_PDS_URL"], did, marker)
    assert "06.30 WIB (RALAT)" in bsky_now["value"]["text"]
    assert bsky_now["uri"] != bsky_first["uri"]

    # Both are current now: publishing again sends nothing.
    settled = siaran("publish", str(post_file))
    assert settled.stdout.count("already published") == 2, settled.stdout

    # The history tells the whole story, version by version.
    rows = {r["account"]: r for r in json.loads(siaran("history", "--json").stdout)}
    assert [v["action"] for v in rows["portal"]["versions"]] == ["published", "updated"]
    assert [v["action"] for v in rows["kanwil"]["versions"]] == ["published", "deleted",
                                                                  "replaced"]
    assert rows["kanwil"]["url"].endswith(bsky_now["uri"].rsplit("/", 1)[1])
    plain = siaran("history").stdout
    assert "updated v2 at" in plain and "replaced by v2 at" in plain

    # Unpublish takes down the current version of each.
    siaran("unpublish", str(post_file), "--from", "portal")
    siaran("unpublish", str(post_file), "--from", "kanwil")
    assert wp_posts(wordpress, marker) == []
    assert bsky_posts(pds["BSKY_PDS_URL"], did, marker) == []
