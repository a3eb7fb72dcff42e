"""An example channel for Siaran: posts text (and images) to an "echo" server speaking the
protocol of Siaran's practice echo server (``POST /media``, ``POST /posts``, ``GET /posts?key=``,
``DELETE /posts/<id>``, ``GET /me``, bearer token).

Everything comes from ``composer.plugin``: the one surface Siaran promises plugins.
"""

from __future__ import annotations

from typing import Any

from composer.plugin import (
    AccountInfo,
    Capability,
    Counting,
    CredentialField,
    Duplicate,
    Fold,
    HttpErrors,
    OutgoingPost,
    Platform,
    PlatformSpec,
    PreviewRules,
    PublishContext,
    PublishResult,
    Rejected,
    one_line,
)

API_VERSION = 2  # the plugin API this module was written for

SPEC = PlatformSpec(
    id="example",
    name="Example Echo",
    text_limit=500,
    counting=Counting.GRAPHEMES,
    max_images=2,
    image_formats=("image/jpeg", "image/png"),
    alt_text_limit=300,
    credential_kind="token",
    credentials=(
        CredentialField("url", "Echo server address",
                        help="The address the echo server prints when it starts"),
        CredentialField("token", "Access token", secret=True),
    ),
    capabilities=frozenset({Capability.PUBLISH, Capability.DELETE, Capability.VERIFY}),
)


class EchoErrors(HttpErrors):
    """The echo server answers errors as ``{"error": "..."}``; 422 "duplicate" is its duplicate."""

    def reason(self, response, body, status: int) -> str:
        text = body.get("error") if isinstance(body, dict) else None
        return one_line(text or f"HTTP {status}")

    def classify(self, response, body, status, reason, *, creates, media):
        if status == 422 and reason == "duplicate":
            return Duplicate(reason, status=status)
        return None

    def media_refused(self, response, body, status, reason) -> bool:
        return status == 422 and reason.startswith("file")


ERRORS = EchoErrors()


class ExampleAdapter:
    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    def _call(self, ctx: PublishContext, method: str, path: str, *, creates: bool,
              media: bool = False, **kw: Any):
        ctx.check_cancelled()
        url = ctx.account["url"].rstrip("/") + path
        headers = {"Authorization": f"Bearer {ctx.secrets.get('token', '')}"}
        return ERRORS.request(ctx.client, method, url, creates=creates, media=media,
                              headers=headers, **kw)

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        media_ids = list(ctx.checkpoint.get("media_ids", []))
        for i, m in enumerate(post.media[len(media_ids):], start=len(media_ids)):
            with open(m.path, "rb") as fh:
                data = fh.read()
            answer = self._call(ctx, "POST", "/media", creates=False, media=True,
                                files={"file": (f"{i}.jpg", data, m.mime)}, data={"alt": m.alt})
            media_ids.append(answer.json()["id"])
            ctx.save_checkpoint({"media_ids": media_ids})
        body = {"text": post.text, "media_ids": media_ids, "key": post.idempotency_key}
        created = self._call(ctx, "POST", "/posts", creates=True, json=body).json()
        return PublishResult(created["id"], created["url"])

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        found = self._call(ctx, "GET", "/posts", creates=False,
                           params={"key": post.idempotency_key}).json()
        return PublishResult(found[0]["id"], found[0]["url"]) if found else None

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        try:
            self._call(ctx, "DELETE", f"/posts/{result.remote_id}", creates=False)
        except Rejected as exc:
            if exc.status != 404:  # already gone is what we wanted
                raise

    def verify(self, ctx: PublishContext) -> AccountInfo:
        me = self._call(ctx, "GET", "/me", creates=False).json()
        return AccountInfo(me["name"], me["handle"])


PLATFORM = Platform(
    SPEC,
    ExampleAdapter,
    # How the preview card draws a post from this channel (data only; the app draws it).
    preview=PreviewRules("example", avatar="rounded", fold=Fold("Show more", lines=4)),
    # The plugin's own strings in Indonesian: the credential labels, help and preview labels.
    translations={"id": {
        "Echo server address": "Alamat server echo",
        "The address the echo server prints when it starts":
            "Alamat yang dicetak server echo saat mulai",
        "Access token": "Token akses",
        "Show more": "Tampilkan lainnya",
    }},
)
