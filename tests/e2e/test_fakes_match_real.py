"""The practice fakes answer like the real servers: the same raw request goes to the fake and to
the real server of tests/peers, and both must give the same status and error code. This keeps
platforms/practice/{wordpress,bluesky}.py honest (faults injected there are only as useful as
the fake is faithful).

Skips, with the reason printed, only when a real server is not up (scripts/test starts them).
"""

from __future__ import annotations

import io
import os
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import httpx
import pytest
from PIL import Image
from real_peers import peer_env, up_or_skip

from platforms.bluesky import make_tid
from platforms.practice.bluesky import BlueskyFake, cid_for
from platforms.practice.wordpress import WordPressFake

pytestmark = pytest.mark.e2e



def jpeg(size=(64, 48)) -> bytes:
    out = io.BytesIO()
    Image.linear_gradient("L").resize(size).convert("RGB").save(out, "JPEG", quality=80)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# WordPress


@dataclass
class WP:
    url: str
    auth: tuple[str, str]
    client: httpx.Client

    def call(self, method: str, path: str, *, auth=True, **kw) -> httpx.Response:
        return self.client.request(method, f"{self.url}/wp-json/wp/v2{path}",
                                   auth=self.auth if auth else None, **kw)


def wp_code(response: httpx.Response) -> tuple[int, str]:
    body = response.json() if response.headers.get("content-type", "").startswith("application/json") else {}
    return response.status_code, body.get("code", "") if isinstance(body, dict) else ""


def _new_post(wp: WP, **fields) -> dict:
    return wp.call("POST", "/posts", json={"title": "banding", "status": "draft", **fields}).json()


WP_CASES: dict[str, Callable[[WP], tuple]] = {
    "create without auth": lambda wp: wp_code(wp.call("POST", "/posts", auth=False, json={"title": "x"})),
    "create with a wrong password": lambda wp: wp_code(wp.client.post(
        f"{wp.url}/wp-json/wp/v2/posts", auth=(wp.auth[0], "xxxx xxxx xxxx"), json={"title": "x"})),
    "me without auth": lambda wp: wp_code(wp.call("GET", "/users/me", auth=False)),
    "upload without auth": lambda wp: wp_code(wp.call("POST", "/media", auth=False, content=jpeg(), headers={
        "Content-Type": "image/jpeg", "Content-Disposition": 'attachment; filename="a.jpg"'})),
    "upload without disposition": lambda wp: wp_code(wp.call(
        "POST", "/media", content=jpeg(), headers={"Content-Type": "image/jpeg"})),
    "upload with a bad disposition": lambda wp: wp_code(wp.call("POST", "/media", content=jpeg(), headers={
        "Content-Type": "image/jpeg", "Content-Disposition": "attachment"})),
    "upload of nothing": lambda wp: wp_code(wp.call("POST", "/media", content=b"", headers={
        "Content-Type": "image/jpeg", "Content-Disposition": 'attachment; filename="a.jpg"'})),
    "upload of a non-image": lambda wp: wp_code(wp.call("POST", "/media", content=b"MZ\x90\x00 exe", headers={
        "Content-Type": "image/jpeg", "Content-Disposition": 'attachment; filename="a.jpg"'})),
    "multipart without a file": lambda wp: wp_code(wp.call("POST", "/media", data={"alt_text": "x"},
                                                           files={"other": ("x.txt", b"x")})),
    "upload with alt in the query": lambda wp: (
        lambda r: (r.status_code, r.json()["alt_text"], r.json()["media_details"]["width"]))(
        wp.call("POST", "/media", params={"alt_text": "alt kueri"}, content=jpeg(), headers={
            "Content-Type": "image/jpeg", "Content-Disposition": 'attachment; filename="a.jpg"'})),
    "multipart upload with alt": lambda wp: (lambda r: (r.status_code, r.json()["alt_text"]))(
        wp.call("POST", "/media", files={"file": ("b.jpg", jpeg(), "image/jpeg")},
                data={"alt_text": "alt multipart"})),
    "bogus status": lambda wp: wp_code(wp.call("POST", "/posts", json={"title": "x", "status": "bogus"})),
    "bad date": lambda wp: wp_code(wp.call("POST", "/posts", json={"title": "x", "date_gmt": "nonsense"})),
    "broken JSON": lambda wp: wp_code(wp.call("POST", "/posts", content=b"{bad",
                                              headers={"Content-Type": "application/json"})),
    "unknown featured image and tag are ignored": lambda wp: (
        lambda p: (p["featured_media"], p["tags"], p["status"]))(
        _new_post(wp, featured_media=99999, tags=[99999])),
    "update of a missing post": lambda wp: wp_code(wp.call("POST", "/posts/999999", json={"status": "publish"})),
    "drafts list without auth": lambda wp: wp_code(wp.call("GET", "/posts", auth=False,
                                                            params={"status": "draft"})),
    "unknown route": lambda wp: wp_code(wp.call("GET", "/nonexistent")),
    "second draft with a taken slug gets -2": lambda wp: (
        lambda slug: (_new_post(wp, slug=slug)["slug"] == slug,
                      _new_post(wp, slug=slug)["slug"] == slug + "-2"))(f"kembar-{uuid.uuid4().hex[:6]}"),
    "publishing a draft gives it its permalink": lambda wp: (
        lambda p: (lambda q: (q["status"], q["link"].endswith(f"/{p['slug']}/")))(
            wp.call("POST", f"/posts/{p['id']}", json={"status": "publish"}).json()))(
        _new_post(wp, slug=f"terbit-{uuid.uuid4().hex[:6]}")),
    "future date schedules": lambda wp: (lambda p: (p["status"], p["date_gmt"]))(
        _new_post(wp, status="publish", date_gmt="2031-01-02T03:04:05")),
    "trash, then trash again, then force": lambda wp: (lambda p: (
        wp_code(wp.call("DELETE", f"/posts/{p['id']}"))[0],
        wp.call("GET", f"/posts/{p['id']}", params={"context": "edit"}).json()["status"],
        wp_code(wp.call("DELETE", f"/posts/{p['id']}")),
        wp.call("DELETE", f"/posts/{p['id']}", params={"force": "true"}).json()["deleted"]))(
        _new_post(wp)),
    "delete without auth": lambda wp: wp_code(wp.call("DELETE", f"/posts/{_new_post(wp)['id']}", auth=False)),
    "tag twice": lambda wp: (lambda name: (
        wp_code(wp.call("POST", "/tags", json={"name": name}))[0],
        wp_code(wp.call("POST", "/tags", json={"name": name}))))(f"tag-{uuid.uuid4().hex[:6]}"),
    "tag without a name": lambda wp: wp_code(wp.call("POST", "/tags", json={})),
}


@pytest.fixture(scope="module")
def wp_pair():
    env = peer_env("wordpress")
    url = up_or_skip(env.get("WP_URL"), "/wp-json/", "WordPress")
    with WordPressFake() as fake, httpx.Client(timeout=30) as client:
        settings, secret = fake.practice_account()
        yield (WP(url, (env["WP_USER"], env["WP_APP_PASSWORD"]), client),
               WP(fake.url, (settings["user"], secret["app_password"]), client))
        assert not fake.errors, fake.errors


@pytest.mark.parametrize("case", list(WP_CASES))
def test_wordpress_fake_answers_like_the_real_site(wp_pair, case):
    real, fake = wp_pair
    assert WP_CASES[case](fake) == WP_CASES[case](real)


# ---------------------------------------------------------------------------------------------
# Bluesky


@dataclass
class PDS:
    url: str
    did: str
    handle: str
    app_password: str
    access: str
    refresh: str
    client: httpx.Client

    def call(self, method: str, nsid: str, *, token: str | None = "access", **kw) -> httpx.Response:
        headers = dict(kw.pop("headers", {}) or {})
        if token:
            headers["Authorization"] = "Bearer " + {"access": self.access, "refresh": self.refresh}.get(token, token)
        return self.client.request(method, f"{self.url}/xrpc/{nsid}", headers=headers, **kw)

    def create(self, record: dict, **extra) -> httpx.Response:
        return self.call("POST", "com.atproto.repo.createRecord", json={
            "repo": self.did, "collection": "app.bsky.feed.post", **extra,
            "record": {"$type": "app.bsky.feed.post", "createdAt": "2026-11-28T06:00:00.000Z", **record}})

    def blob(self, data: bytes) -> dict:
        return self.call("POST", "com.atproto.repo.uploadBlob", content=data,
                         headers={"Content-Type": "image/jpeg"}).json()["blob"]


def xrpc(response: httpx.Response) -> tuple[int, str]:
    try:
        body = response.json()
    except ValueError:
        body = {}
    return response.status_code, body.get("error", "") if isinstance(body, dict) else ""


def lexicon(response: httpx.Response) -> tuple[int, str, str]:
    """Status, error, and the lexicon path the message names (wording may differ)."""
    status, error = xrpc(response)
    message = response.json().get("message", "")
    return status, error, message.rsplit(" at ", 1)[-1] if " at $" in message else message[:40]


def images(pds: PDS, count: int, data: bytes | None = None) -> dict:
    blob = pds.blob(data or jpeg())
    return {"$type": "app.bsky.embed.images",
            "images": [{"alt": f"gambar {i}", "image": blob} for i in range(count)]}


BSKY_CASES: dict[str, Callable[[PDS], tuple]] = {
    "session with a wrong password": lambda p: xrpc(p.call(
        "POST", "com.atproto.server.createSession", token=None,
        json={"identifier": p.handle, "password": "salah-salah"})),
    "session with the app password": lambda p: (lambda r: (r.status_code, sorted(
        k for k in r.json() if k in ("accessJwt", "refreshJwt", "did", "handle", "active"))))(
        p.call("POST", "com.atproto.server.createSession", token=None,
               json={"identifier": p.handle, "password": p.app_password})),
    "refresh with the refresh token": lambda p: (lambda r: (r.status_code, "accessJwt" in r.json()))(
        p.call("POST", "com.atproto.server.refreshSession", token="refresh")),
    "refresh with the access token": lambda p: xrpc(p.call("POST", "com.atproto.server.refreshSession")),
    "garbage token": lambda p: xrpc(p.call(
        "POST", "com.atproto.repo.createRecord", token="garbage", json={})),
    "no token": lambda p: xrpc(p.call("POST", "com.atproto.repo.createRecord", token=None, json={})),
    "getSession": lambda p: (lambda r: (r.status_code, r.json()["handle"] == p.handle))(
        p.call("GET", "com.atproto.server.getSession")),
    "a plain post": lambda p: (lambda r: (r.status_code, r.json()["validationStatus"]))(
        p.create({"text": "halo"})),
    "301 graphemes": lambda p: lexicon(p.create({"text": "é" * 301})),
    "over 3000 bytes in few graphemes": lambda p: lexicon(p.create({"text": "👨‍👩‍👧‍👦" * 121})),
    "five images": lambda p: lexicon(p.create({"text": "x", "embed": images(p, 5)})),
    "four images with aspect ratios and facets": lambda p: (lambda r: (r.status_code, r.json().get("validationStatus")))(
        p.create({"text": "#tag https://example.com", "langs": ["id", "en"],
                  "facets": [{"index": {"byteStart": 0, "byteEnd": 4},
                              "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "tag"}]},
                             {"index": {"byteStart": 5, "byteEnd": 24},
                              "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com"}]}],
                  "embed": {**images(p, 4), "images": [
                      {**i, "aspectRatio": {"width": 4, "height": 3}} for i in images(p, 4)["images"]]}})),
    "a blob over 2,000,000 bytes in a post": lambda p: (lambda r: (r.status_code, r.json()["error"], "blob too big" in r.json()["message"]))(
        p.create({"text": "x", "embed": images(p, 1, b"\xff\xd8\xff\xe0" + os.urandom(2_000_100))})),
    "an upload over 5 MiB": lambda p: xrpc(p.call(
        "POST", "com.atproto.repo.uploadBlob", content=b"\xff\xd8\xff\xe0" + os.urandom(5 * 1024 * 1024 + 10),
        headers={"Content-Type": "image/jpeg"})),
    "a record key that is not a TID": lambda p: xrpc(p.create({"text": "x"}, rkey="bukan-tid")),
    "a taken record key": lambda p: (lambda k: (xrpc(p.create({"text": "a"}, rkey=k)),
                                                xrpc(p.create({"text": "b"}, rkey=k))))(make_tid()),
    "a missing record": lambda p: xrpc(p.call("GET", "com.atproto.repo.getRecord", token=None, params={
        "repo": p.did, "collection": "app.bsky.feed.post", "rkey": make_tid()})),
    "a reply without its parent": lambda p: lexicon(p.create({"text": "x", "reply": {
        "root": {"uri": f"at://{p.did}/app.bsky.feed.post/{make_tid()}", "cid": cid_for(b"x", 0x71)}}})),
    "four languages": lambda p: lexicon(p.create({"text": "x", "langs": ["id", "en", "ms", "jv"]})),
    "a facet without its end": lambda p: lexicon(p.create({"text": "x", "facets": [
        {"index": {"byteStart": 0}, "features": []}]})),
    "a link facet without its uri": lambda p: lexicon(p.create({"text": "x", "facets": [
        {"index": {"byteStart": 0, "byteEnd": 1}, "features": [{"$type": "app.bsky.richtext.facet#link"}]}]})),
    # detectFacets of @atproto/api 0.21 takes tags of up to 64 graphemes, however many bytes;
    # the lexicon also caps a tag at 640 bytes (facet.json), so the adapter must drop such facets.
    "a cashtag facet": lambda p: (lambda r: (r.status_code, r.json().get("validationStatus")))(
        p.create({"text": "$BBCA", "facets": [{"index": {"byteStart": 0, "byteEnd": 5}, "features": [
            {"$type": "app.bsky.richtext.facet#tag", "tag": "$BBCA"}]}]})),
    "a tag facet of 30 graphemes over 640 bytes": lambda p: lexicon(p.create({
        "text": "#" + "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f" * 30,
        "facets": [{"index": {"byteStart": 0, "byteEnd": 841}, "features": [
            {"$type": "app.bsky.richtext.facet#tag",
             "tag": "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f" * 30}]}]})),
    "a tag facet of 65 graphemes": lambda p: lexicon(p.create({"text": "#" + "a" * 65, "facets": [
        {"index": {"byteStart": 0, "byteEnd": 66}, "features": [
            {"$type": "app.bsky.richtext.facet#tag", "tag": "a" * 65}]}]})),
    "an image without alt": lambda p: lexicon(p.create({"text": "x", "embed": {
        "$type": "app.bsky.embed.images", "images": [{"image": p.blob(jpeg())}]}})),
    "an image whose blob was never uploaded": lambda p: xrpc(p.create({"text": "x", "embed": {
        "$type": "app.bsky.embed.images", "images": [{"alt": "a", "image": {
            "$type": "blob", "ref": {"$link": cid_for(b"never")}, "mimeType": "image/jpeg", "size": 5}}]}})),
    "a bad createdAt": lambda p: lexicon(p.create({"text": "x", "createdAt": "kemarin"})),
    "no text": lambda p: lexicon(p.call("POST", "com.atproto.repo.createRecord", json={
        "repo": p.did, "collection": "app.bsky.feed.post",
        "record": {"$type": "app.bsky.feed.post", "createdAt": "2026-11-28T06:00:00.000Z"}})),
    "delete a record that is not there": lambda p: xrpc(p.call(
        "POST", "com.atproto.repo.deleteRecord",
        json={"repo": p.did, "collection": "app.bsky.feed.post", "rkey": make_tid()})),
    "resolve an unknown handle": lambda p: xrpc(p.call(
        "GET", "com.atproto.identity.resolveHandle", token=None, params={"handle": "tidak-ada.test"})),
    "resolve our handle": lambda p: (lambda r: (r.status_code, r.json()["did"] == p.did))(p.call(
        "GET", "com.atproto.identity.resolveHandle", token=None, params={"handle": p.handle})),
}


def _real_pds(url: str, client: httpx.Client) -> PDS:
    handle = f"b{uuid.uuid4().hex[:10]}.test"
    made = client.post(f"{url}/xrpc/com.atproto.server.createAccount", json={
        "handle": handle, "email": f"{handle}@example.invalid", "password": secrets.token_hex(12)}).json()
    app = client.post(f"{url}/xrpc/com.atproto.server.createAppPassword", json={"name": "siaran"},
                      headers={"Authorization": f"Bearer {made['accessJwt']}"}).json()["password"]
    return _signed_in(url, handle, app, client)


def _signed_in(url: str, handle: str, app_password: str, client: httpx.Client) -> PDS:
    s = client.post(f"{url}/xrpc/com.atproto.server.createSession",
                    json={"identifier": handle, "password": app_password}).json()
    return PDS(url, s["did"], handle, app_password, s["accessJwt"], s["refreshJwt"], client)


@pytest.fixture(scope="module")
def pds_pair():
    url = up_or_skip(os.environ.get("BSKY_PDS_URL") or peer_env("bluesky").get("BSKY_PDS_URL"),
                     "/xrpc/_health", "Bluesky PDS")
    with BlueskyFake() as fake, httpx.Client(timeout=60) as client:
        settings, secret = fake.practice_account()
        yield (_real_pds(url, client),
               _signed_in(fake.url, settings["handle"], secret["app_password"], client))
        assert not fake.errors, fake.errors


@pytest.mark.parametrize("case", list(BSKY_CASES))
def test_bluesky_fake_answers_like_the_real_pds(pds_pair, case):
    real, fake = pds_pair
    if case == "refresh with the refresh token":  # refresh tokens rotate: use fresh sessions
        real = _signed_in(real.url, real.handle, real.app_password, real.client)
        fake = _signed_in(fake.url, fake.handle, fake.app_password, fake.client)
    assert BSKY_CASES[case](fake) == BSKY_CASES[case](real)
