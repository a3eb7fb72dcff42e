"""Echo: a minimal made-up platform, fake server and adapter, for the engine's own tests, the
soak test and the benchmark. It is not a channel the officer sees (no entry point).

Contract: bearer token auth; ``POST /media`` (multipart ``file`` + ``alt``) -> ``{"id"}``;
``POST /posts`` JSON ``{"text", "media_ids", "reply_to", "key"}`` -> ``{"id", "url"}``;
``GET /posts?key=K`` -> ``[{"id", "url"}]`` (the look-up after "sent, no answer");
``DELETE /posts/<id>``; ``GET /me``. The server does NOT deduplicate by key, so a blind retry
shows up as a duplicate in ``posts_by_key()``: exactly what the soak test counts.
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import TYPE_CHECKING, Any

from composer.plugin import (
    AccountInfo,
    Capability,
    Counting,
    CredentialField,
    Duplicate,
    MediaInvalid,
    OutgoingPost,
    Platform,
    PlatformSpec,
    PublishContext,
    PublishResult,
    Rejected,
    from_status,
    from_transport,
)
from platforms.practice.server import FakeServer, Request, Response, route

if TYPE_CHECKING:  # typing only; httpx loads when a request is made
    import httpx

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

SPEC = PlatformSpec(
    id="echo",
    name="Echo",
    text_limit=None,
    counting=Counting.NONE,
    max_images=4,
    image_formats=("image/jpeg", "image/png"),
    credential_kind="token",
    credentials=(CredentialField("url", "Server URL"), CredentialField("token", "Token", secret=True)),
    capabilities=frozenset({Capability.PUBLISH, Capability.DELETE, Capability.THREADS,
                            Capability.VERIFY}),
)


class EchoServer(FakeServer):
    platform_id = ""  # never offered in practice mode; tests pick it explicitly
    token = "echo-token"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.posts: dict[str, dict[str, Any]] = {}
        self.media: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(1)

    def practice_account(self) -> tuple[dict[str, str], dict[str, str]]:
        return {"url": self.url}, {"token": self.token}

    def _auth(self, req: Request) -> Response | None:
        if req.bearer() != self.token:
            return self.error_response(401, "bad token")
        return None

    @route("POST", r"/media")
    def upload(self, req: Request) -> Response:
        if denied := self._auth(req):
            return denied
        f = req.files.get("file")
        if f is None or not f.content_type.startswith("image/"):
            return self.error_response(422, "file must be an image")
        with self.lock:
            mid = f"m{next(self._ids)}"
            self.media[mid] = {"size": len(f.data), "alt": req.form.get("alt", "")}
        return Response(200, json={"id": mid})

    @route("POST", r"/posts")
    def create(self, req: Request) -> Response:
        if denied := self._auth(req):
            return denied
        data = req.json()
        if not isinstance(data.get("text"), str) or not data["text"].strip():
            return self.error_response(422, "text is required")
        with self.lock:
            unknown = [m for m in data.get("media_ids", []) if m not in self.media]
            if unknown:
                return self.error_response(422, f"unknown media {unknown[0]}")
            pid = f"p{next(self._ids)}"
            post = {"id": pid, "url": f"{self.url}/@echo/{pid}", **data}
            self.posts[pid] = post
        return Response(200, json={"id": pid, "url": post["url"]})

    @route("GET", r"/posts")
    def find(self, req: Request) -> Response:
        if denied := self._auth(req):
            return denied
        key = req.query.get("key")
        with self.lock:
            found = [p for p in self.posts.values() if p.get("key") == key and not p.get("reply_to")]
        return Response(200, json=[{"id": p["id"], "url": p["url"]} for p in found])

    @route("DELETE", r"/posts/(?P<id>p\d+)")
    def delete(self, req: Request) -> Response:
        if denied := self._auth(req):
            return denied
        with self.lock:
            if self.posts.pop(req.params["id"], None) is None:
                return self.error_response(404, "no such post")
        return Response(204)

    @route("GET", r"/me")
    def me(self, req: Request) -> Response:
        return self._auth(req) or Response(200, json={"name": "Echo Office", "handle": "echo"})

    def duplicate_response(self) -> Response:
        return self.error_response(422, "duplicate")

    # -- for tests ----------------------------------------------------------------------------

    def published_texts(self) -> list[str]:
        with self.lock:
            return [p["text"] for p in self.posts.values() if not p.get("reply_to")]

    def posts_by_key(self) -> Counter[str | None]:
        """Top-level posts per idempotency key: anything above 1 is a duplicate."""
        with self.lock:
            return Counter(p.get("key") for p in self.posts.values() if not p.get("reply_to"))


class EchoAdapter:
    def __init__(self, spec: PlatformSpec = SPEC) -> None:
        self.spec = spec

    def _call(self, ctx: PublishContext, method: str, path: str, *, creates: bool,
              **kw: Any) -> httpx.Response:
        ctx.check_cancelled()
        import httpx

        headers = {"Authorization": f"Bearer {ctx.secrets.get('token', '')}"}
        try:
            response = ctx.client.request(method, ctx.account["url"].rstrip("/") + path,
                                          headers=headers, **kw)
        except httpx.HTTPError as exc:
            ctx.log.info("%s %s: %s", method, path, type(exc).__name__)
            raise from_transport(exc, creates=creates) from None
        ctx.log.info("%s %s: %s", method, path, response.status_code)
        if response.status_code == 422:
            message = (response.json() or {}).get("error", "")
            if message == "duplicate":
                raise Duplicate(message, status=422)
            if message.startswith("file"):
                raise MediaInvalid(message, status=422)
            raise Rejected(message, status=422)
        error = from_status(response, creates=creates)
        if error is not None:
            raise error
        return response

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        media_ids = list(ctx.checkpoint.get("media_ids", []))
        for i, m in enumerate(post.media[len(media_ids):], start=len(media_ids)):
            with open(m.path, "rb") as fh:
                data = fh.read()
            r = self._call(ctx, "POST", "/media", creates=False,
                           files={"file": (f"{i}.jpg", data, m.mime)}, data={"alt": m.alt})
            media_ids.append(r.json()["id"])
            ctx.save_checkpoint({"media_ids": media_ids})
            ctx.progress("media", (i + 1) / (len(post.media) + 1))
        parts = post.parts or (post.text,)
        done = list(ctx.checkpoint.get("part_ids", []))
        first = ctx.checkpoint.get("first")
        for i, text in enumerate(parts[len(done):], start=len(done)):
            body = {"text": text, "media_ids": media_ids if i == 0 else [],
                    "reply_to": done[-1] if done else None, "key": post.idempotency_key}
            r = self._call(ctx, "POST", "/posts", creates=True, json=body).json()
            done.append(r["id"])
            first = first or r
            ctx.save_checkpoint({"part_ids": done, "first": first})
        assert first is not None  # parts is never empty: the checkpoint or the loop set it
        return PublishResult(first["id"], first["url"], {"part_ids": done})

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        found = self._call(ctx, "GET", "/posts", creates=False,
                           params={"key": post.idempotency_key}).json()
        return PublishResult(found[0]["id"], found[0]["url"]) if found else None

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        for pid in reversed(result.extra.get("part_ids") or [result.remote_id]):
            try:
                self._call(ctx, "DELETE", f"/posts/{pid}", creates=False)
            except Rejected as exc:
                if exc.status != 404:  # already gone is what we wanted
                    raise

    def verify(self, ctx: PublishContext) -> AccountInfo:
        me = self._call(ctx, "GET", "/me", creates=False).json()
        return AccountInfo(me["name"], me["handle"])


PLATFORM = Platform(SPEC, EchoAdapter)
