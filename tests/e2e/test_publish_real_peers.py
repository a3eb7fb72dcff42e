"""The acceptance test of publishing: one post, published from the command line, lands on a real
WordPress (post, featured image, alt text) and a real Bluesky PDS (record with images, alt,
aspectRatio and facets that resolve), exactly once, and `siaran history` shows both URLs.

The servers are the real ones of tests/peers (WordPress from Debian + MariaDB; @atproto/pds);
scripts/test starts them. The CLI runs in a subprocess with its own SIARAN_HOME and a real
Secret Service keyring (scripts/test's, or a private gnome-keyring started here).
Skips, with the reason printed, only when a server is not up.
"""

from __future__ import annotations

import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import httpx
import pytest
import real_peers
from PIL import Image

from composer.testing.unavailable import unavailable

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
PEERS = ROOT / "tests" / "peers"


@pytest.fixture(scope="module")
def wordpress() -> dict[str, str]:
    return real_peers.wordpress()


@pytest.fixture(scope="module")
def pds() -> dict[str, str]:
    return real_peers.bluesky()


@pytest.fixture(scope="module")
def keyring_env():
    """Environment for the CLI's keyring: the session's Secret Service when there is one
    (scripts/test), else a private D-Bus with an unlocked gnome-keyring, ours alone."""
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        yield {}
        return
    if not (shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon")):
        unavailable("no Secret Service: dbus-daemon and gnome-keyring are missing (scripts/setup)")
    tmp = Path(tempfile.mkdtemp(prefix="siaran-kr-"))
    env = {}
    for var, sub in (("XDG_RUNTIME_DIR", "run"), ("XDG_DATA_HOME", "data"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "config")):
        (tmp / sub).mkdir(mode=0o700)
        env[var] = str(tmp / sub)
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                           env={**os.environ, **env})
    try:
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"],
                       input=b"siaran-e2e", check=True, timeout=20, stdout=subprocess.DEVNULL,
                       env={**os.environ, **env})
        yield env
    finally:
        bus.terminate()  # gnome-keyring-daemon leaves with its bus
        bus.wait(10)
        bus.stdout.close()
        shutil.rmtree(tmp, ignore_errors=True)


class Siaran:
    """`python -m composer ...` in a subprocess with its own home, as an officer would run it."""

    def __init__(self, home: Path, env: dict[str, str]):
        self.env = {**os.environ, **env, "SIARAN_HOME": str(home), "SIARAN_LANG": "en",
                    "PYTHONPATH": str(ROOT)}

    def __call__(self, *args: str, stdin: str = "", check: bool = True):
        done = subprocess.run([sys.executable, "-m", "composer", *args], input=stdin, text=True,
                              capture_output=True, env=self.env, cwd=ROOT, timeout=180)
        if check and done.returncode != 0:
            pytest.fail(f"siaran {' '.join(args)} -> {done.returncode}\n{done.stdout}\n{done.stderr}")
        return done


def bluesky_account(pds_url: str) -> tuple[str, str, str]:
    """A fresh account on the PDS (its state is wiped on every start) and an app password."""
    xrpc = pds_url + "/xrpc"
    handle = f"kanwil{uuid.uuid4().hex[:8]}.test"
    made = httpx.post(f"{xrpc}/com.atproto.server.createAccount", timeout=30, json={
        "handle": handle, "email": f"{handle}@example.invalid", "password": secrets.token_hex(16)})
    made.raise_for_status()
    session = made.json()
    app = httpx.post(f"{xrpc}/com.atproto.server.createAppPassword", timeout=30,
                     headers={"Authorization": f"Bearer {session['accessJwt']}"},
                     json={"name": "siaran"})
    app.raise_for_status()
    return handle, session["did"], app.json()["password"]


def write_image(path: Path, size: tuple[int, int], colour: tuple[int, int, int]) -> Path:
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste(colour, (size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2))
    image.save(path, "JPEG", quality=88)
    return path


def test_one_post_from_the_cli_lands_once_on_real_wordpress_and_bluesky(
        wordpress, pds, keyring_env, tmp_path):
    siaran = Siaran(tmp_path / "home", keyring_env)
    handle, did, app_password = bluesky_account(pds["BSKY_PDS_URL"])
    marker = uuid.uuid4().hex[:10]
    photo = write_image(tmp_path / "banjir.jpg", (1600, 1200), (20, 90, 200))
    chart = write_image(tmp_path / "peta.jpg", (1200, 1500), (200, 60, 30))
    alts = [f"Air setinggi lutut di Jalan Merdeka {marker}", "Peta genangan Kota Bandung"]
    text = (f"Siaga banjir 🌧️ di Bandung hari ini. #SiagaBanjir Info: https://bpbd.example.go.id/peta "
            f"— kabari @{handle} ({marker})")

    post_file = tmp_path / "post.toml"
    post_file.write_text(siaran("new", "--text", text, "--title", f"Siaga banjir {marker}",
                                "--image", f"{photo}:{alts[0]}", "--image", f"{chart}:{alts[1]}",
                                "--to", "portal,kanwil").stdout)
    siaran("accounts", "add", "wordpress", "--name", "portal", "--url", wordpress["WP_URL"],
           "--user", wordpress["WP_USER"], stdin=wordpress["WP_APP_PASSWORD"] + "\n")
    siaran("accounts", "add", "bluesky", "--name", "kanwil", "--service", pds["BSKY_PDS_URL"],
           "--handle", handle, stdin=app_password + "\n")

    published = siaran("publish", str(post_file), "--to", "portal,kanwil")
    again = siaran("publish", str(post_file), "--to", "portal,kanwil")  # nothing new may appear

    history = json.loads(siaran("history", "--json").stdout)
    urls = {row["account"]: row["url"] for row in history if row["state"] == "posted"}
    assert set(urls) == {"portal", "kanwil"}, (history, published.stdout, published.stderr)
    plain = siaran("history").stdout
    assert urls["portal"] in plain and urls["kanwil"] in plain
    assert again.returncode == 0, again.stderr

    check_wordpress(wordpress, marker, alts, urls["portal"])
    check_bluesky(pds["BSKY_PDS_URL"], handle, did, marker, alts, urls["kanwil"])

    # No secret of this session reached the database, the settings or the logs.
    for path in (tmp_path / "home").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in (wordpress["WP_APP_PASSWORD"], app_password):
                assert secret.encode() not in data, path


def check_wordpress(wp: dict[str, str], marker: str, alts: list[str], url: str) -> None:
    auth = (wp["WP_USER"], wp["WP_APP_PASSWORD"])
    api = wp["WP_URL"] + "/wp-json/wp/v2"
    posts = httpx.get(f"{api}/posts", auth=auth, timeout=10, params={
        "search": marker, "status": "publish,future,draft,pending,private", "context": "edit"}).json()
    assert len(posts) == 1, [p["link"] for p in posts]  # exactly once
    post = posts[0]
    assert post["status"] == "publish" and post["link"] == url
    assert post["title"]["raw"] == f"Siaga banjir {marker}"
    assert httpx.get(url, timeout=10).status_code == 200  # the permalink is live

    featured = httpx.get(f"{api}/media/{post['featured_media']}", timeout=10).json()
    assert featured["alt_text"] == alts[0]
    image = httpx.get(featured["source_url"], timeout=10)
    assert image.status_code == 200 and image.content[:3] == b"\xff\xd8\xff"
    content = post["content"]["raw"]
    assert content.count("<!-- wp:image") == 2 and f'alt="{alts[1]}"' in content
    assert featured["source_url"] in content


def check_bluesky(pds_url: str, handle: str, did: str, marker: str, alts: list[str],
                  url: str) -> None:
    xrpc = pds_url + "/xrpc"
    listed = httpx.get(f"{xrpc}/com.atproto.repo.listRecords", timeout=10, params={
        "repo": did, "collection": "app.bsky.feed.post", "limit": 100}).json()["records"]
    mine = [r for r in listed if marker in r["value"]["text"]]
    assert len(mine) == 1, [r["uri"] for r in listed]  # exactly once
    record, rkey = mine[0]["value"], mine[0]["uri"].rsplit("/", 1)[1]
    assert url == f"https://bsky.app/profile/{handle}/post/{rkey}"

    images = record["embed"]["images"]
    assert [i["alt"] for i in images] == alts
    for item in images:  # aspectRatio is the uploaded image's own shape
        blob = httpx.get(f"{xrpc}/com.atproto.sync.getBlob", timeout=10, params={
            "did": did, "cid": item["image"]["ref"]["$link"]})
        width, height = Image.open(io.BytesIO(blob.content)).size
        assert item["aspectRatio"] == {"width": width, "height": height}
        assert item["image"]["mimeType"] == "image/jpeg" and len(blob.content) <= 2_000_000

    encoded = record["text"].encode()
    facets = {f["features"][0]["$type"].split("#")[1]: (
        encoded[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode(), f["features"][0])
        for f in record["facets"]}
    assert facets["tag"][0] == "#SiagaBanjir" and facets["tag"][1]["tag"] == "SiagaBanjir"
    assert facets["link"][0] == "https://bpbd.example.go.id/peta"
    assert facets["link"][1]["uri"] == "https://bpbd.example.go.id/peta"
    assert facets["mention"][0] == f"@{handle}" and facets["mention"][1]["did"] == did
