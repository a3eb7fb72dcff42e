"""Telegram channel through the Bot API. Facts: docs/platforms.md §8.

Sources: https://core.telegram.org/bots/api#sendmessage (4096), #sendphoto (caption 1024,
10 MB, width + height <= 10000, ratio <= 20), #messageentity (offsets in UTF-16 code units),
#formatting-options (HTML: escape <, > and &), #sendmediagroup (2-10, caption on the first item),
#responseparameters (retry_after), #deletemessage

How a post goes out (one or two steps, each journalled the moment Telegram answers):
- text only: sendMessage (HTML parse mode, the text escaped);
- one image: sendPhoto with the text as caption; 2-10 images: sendMediaGroup, caption on the
  first item; a video: sendVideo (#sendvideo: a bot uploads at most 50 MB, which the rule book
  checks before anything is sent), with its length and shape;
- text longer than a caption (1024 UTF-16 units) with images: the images first without a caption,
  then the whole text as a message right after, so the text is never cut mid-sentence and reads
  as the post under its pictures. (The engine currently refuses such posts before sending, by
  SPEC.caption_limit; the adapter handles them anyway.)

Telegram has no idempotency and a bot cannot read a channel's messages, so after a lost answer
nothing can be looked up. The adapter marks each step "sending" in the checkpoint before the
request; ``find_existing`` then answers None (safe to send) when nothing was in flight, the
result when every step is known, and otherwise refuses to guess (NotImplementedError): the engine
marks the post "unknown" for the officer to check on the channel, never a blind second copy.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.plugin import (
    AccountInfo,
    AdapterError,
    AuthExpired,
    Counting,
    CredentialField,
    HttpErrors,
    OptionField,
    OutgoingPost,
    Palette,
    Platform,
    PlatformSpec,
    PreviewRules,
    PublishContext,
    PublishResult,
    Rejected,
    Transient,
    Unknown,
    VideoRules,
    _,
    json_body,
    one_line,
    telegram_retry_after,
)
from composer.plugin import Capability as C
from platforms.translations import TRANSLATIONS

if TYPE_CHECKING:  # typing only; httpx loads when a request is made
    import httpx

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

API_URL = "https://api.telegram.org"
WEB_URL = "https://t.me"

# Video (sendVideo): MP4 (H.264 + AAC plays in every client); a bot uploads at most 50 MB,
# so a bigger file is fitted under it, or refused when it cannot be at a watchable quality.
# https://core.telegram.org/bots/api#sendvideo
VIDEO = VideoRules(
    containers=("mp4",), video_codecs=("h264",), audio_codecs=("aac",),
    max_bytes=50 * 1000 * 1000,
)

SPEC = PlatformSpec(
    video=VIDEO,
    id="telegram",
    name="Telegram",
    text_limit=4096,
    caption_limit=1024,
    counting=Counting.UTF16,
    max_images=10,
    image_formats=("image/jpeg", "image/png", "image/webp"),
    max_image_bytes=10_000_000,
    max_width_plus_height=10_000,
    aspect_ratio_min=0.05,
    aspect_ratio_max=20.0,
    recommended_sizes=((1280, 720), (1080, 1080), (1080, 1350)),
    credential_kind="bot_token",
    credentials=(
        CredentialField("chat_id", "Channel (@name or id)",
                        help="The channel's public @name; the bot must be one of its administrators"),
        CredentialField("bot_token", "Bot token", secret=True,
                        help="Given by @BotFather in Telegram when the bot was made"),
        CredentialField("api_url", "Bot API address", required=False, default=API_URL),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.EDIT, C.VERIFY}),
    edit_scope=frozenset({"text", "link"}),
    unsent_parts=frozenset({"title", "tags", "alt"}),
    post_url_template="https://t.me/{channel}/{id}",
    unverified=("text counting unit",),
    sources=("https://core.telegram.org/bots/api",),
    options=(OptionField("silent", "Send silently (no notification sound)", kind="flag"),),
)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def escape(text: str) -> str:
    """For parse_mode HTML: only &, < and > need escaping (Bot API "HTML style")."""
    return html.escape(text, quote=False)


class TelegramAdapter:
    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    def steps(self, post: OutgoingPost) -> list[dict[str, Any]]:
        """What this post becomes on Telegram, in order (see the module docstring)."""
        text = post.text
        caption_fits = utf16_length(text) <= (self.spec.caption_limit or 1024)
        if not post.media:
            return [{"kind": "message", "text": text}]
        if len(post.media) > 10:
            raise Rejected(_("Telegram takes at most 10 images in one post"))
        kind = "photo" if len(post.media) == 1 else "album"
        if post.media[0].is_video:
            kind = "video"  # a post carries one video (the rule book sees to it)
        if caption_fits:
            return [{"kind": kind, "caption": text}]
        return [{"kind": kind, "caption": ""}, {"kind": "message", "text": text}]

    # -- publish --------------------------------------------------------------------------------

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        steps = self.steps(post)
        if any(s["kind"] == "message" and utf16_length(s["text"]) > (self.spec.text_limit or 4096)
               for s in steps):
            raise Rejected(_("The text is longer than Telegram's 4096 characters"))
        done: list[list[int]] = [list(ids) for ids in ctx.checkpoint.get("tg_steps", [])]
        for i in range(len(done), len(steps)):
            ctx.check_cancelled()
            ctx.progress("post", i / len(steps))
            ctx.save_checkpoint({"tg_sending": i})  # from here on the step may land
            try:
                messages = self._send(ctx, steps[i], post)
            except Unknown:
                raise  # stays marked as sending: only the officer can tell
            except Exception:
                ctx.save_checkpoint({"tg_sending": None})  # provably not sent
                raise
            done.append([m["message_id"] for m in messages])
            chat = messages[0].get("chat") or {}
            ctx.save_checkpoint({"tg_steps": done, "tg_sending": None,
                                 "tg_chat": {"id": chat.get("id"), "username": chat.get("username")}})
        return self._result(ctx, done)

    def _send(self, ctx: PublishContext, step: Mapping[str, Any],
              post: OutgoingPost) -> list[dict[str, Any]]:
        chat_id = _chat_id(ctx)
        # disable_notification: subscribers get the message without a sound
        quiet = {"disable_notification": True} if post.options.get("silent") == "true" else {}
        if step["kind"] == "message":
            return [_call(ctx, "sendMessage", json={
                "chat_id": chat_id, "text": escape(step["text"]), "parse_mode": "HTML", **quiet})]
        caption = {"caption": escape(step["caption"]), "parse_mode": "HTML"} if step["caption"] else {}
        handles = [open(m.path, "rb") for m in post.media]  # noqa: SIM115 - closed below
        try:
            if step["kind"] == "video":
                m = post.media[0]
                meta = {"duration": str(round(m.duration)), "width": str(m.width),
                        "height": str(m.height), "supports_streaming": "true"}
                return [_call(ctx, "sendVideo", media=True,
                              data={"chat_id": chat_id, **caption, **meta},
                              files={"video": (Path(m.path).name, handles[0], m.mime)})]
            if step["kind"] == "photo":
                m = post.media[0]
                return [_call(ctx, "sendPhoto", media=True, data={"chat_id": chat_id, **caption,
                                                                  **_form(quiet)},
                              files={"photo": (Path(m.path).name, handles[0], m.mime)})]
            items = [{"type": "photo", "media": f"attach://photo{i}"} for i in range(len(post.media))]
            items[0].update(caption)
            files = {f"photo{i}": (Path(m.path).name, fh, m.mime)
                     for i, (m, fh) in enumerate(zip(post.media, handles, strict=True))}
            sent: list[dict[str, Any]] = _call(ctx, "sendMediaGroup", media=True, files=files,
                                               data={"chat_id": chat_id,
                                                     "media": json.dumps(items),
                                                     **_form(quiet)})
            return sent
        finally:
            for fh in handles:
                fh.close()

    def _result(self, ctx: PublishContext, done: list[list[int]]) -> PublishResult:
        ids = [i for step in done for i in step]
        chat = ctx.checkpoint.get("tg_chat") or {}
        web = (ctx.account.get("web_url") or WEB_URL).rstrip("/")
        if chat.get("username"):
            url = f"{web}/{chat['username']}/{ids[0]}"
        elif str(chat.get("id", "")).startswith("-100"):
            url = f"{web}/c/{str(chat['id'])[4:]}/{ids[0]}"  # private channel link
        else:
            url = None
        return PublishResult(remote_id=str(ids[0]), url=url,
                             extra={"message_ids": ids, "chat_id": chat.get("id")})

    # -- after a lost answer ------------------------------------------------------------------

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        if ctx.checkpoint.get("tg_sending") is not None:
            raise NotImplementedError("a Telegram bot cannot look up what it sent")
        done = ctx.checkpoint.get("tg_steps", [])
        if done and len(done) == len(self.steps(post)):
            return self._result(ctx, done)
        return None  # nothing was in flight: sending the rest cannot duplicate

    # -- edit in place ------------------------------------------------------------------------------

    def update(self, ctx: PublishContext, result: PublishResult,
               post: OutgoingPost) -> PublishResult:
        """Edits the text of what was sent: editMessageText for a text message,
        editMessageCaption for a photo's or an album's caption (on its first photo). The
        post must keep its shape (the same messages); Telegram answers "message is not
        modified" to a repeated edit, which is what a resumed update wants."""
        done: list[list[int]] = [list(ids) for ids in ctx.checkpoint.get("tg_steps", [])]
        if not done:
            done = [[int(i)] for i in result.extra.get("message_ids") or [result.remote_id]]
        steps = self.steps(post)
        shape_ok = len(steps) == len(done) and all(
            len(ids) == (len(post.media) if step["kind"] == "album" else 1)
            for step, ids in zip(steps, done, strict=True))
        if not shape_ok:
            raise Rejected(_("The new post needs other Telegram messages than the ones sent; "
                             "replace it instead"))
        chat_id = result.extra.get("chat_id") or _chat_id(ctx)
        for step, ids in zip(steps, done, strict=True):
            ctx.check_cancelled()
            if step["kind"] == "message":
                method = "editMessageText"
                body = {"text": escape(step["text"]), "parse_mode": "HTML"}
            else:
                method = "editMessageCaption"
                body = {"caption": escape(step["caption"]), "parse_mode": "HTML"}
            try:
                _call(ctx, method, json={"chat_id": chat_id, "message_id": ids[0], **body})
            except Rejected as exc:
                if "not modified" not in exc.reason:  # already says this: the edit landed
                    raise
        if "tg_chat" not in ctx.checkpoint:
            ctx.checkpoint["tg_chat"] = {"id": chat_id}
        return self._result(ctx, done)

    # -- the rest ---------------------------------------------------------------------------------

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        chat_id = result.extra.get("chat_id") or _chat_id(ctx)
        for message_id in result.extra.get("message_ids") or [int(result.remote_id)]:
            try:
                _call(ctx, "deleteMessage", creates=False,
                      json={"chat_id": chat_id, "message_id": message_id})
            except Rejected as exc:
                if "not found" not in exc.reason:  # already gone is what the officer wants
                    raise

    def verify(self, ctx: PublishContext) -> AccountInfo:
        bot = _call(ctx, "getMe", creates=False)
        chat = _call(ctx, "getChat", creates=False, json={"chat_id": _chat_id(ctx)})
        member = _call(ctx, "getChatMember", creates=False,
                       json={"chat_id": _chat_id(ctx), "user_id": bot["id"]})
        if member.get("status") != "creator" and not member.get("can_post_messages"):
            raise Rejected(_("The bot @{bot} may not post in this channel: make it an "
                             "administrator with permission to post messages",
                             bot=bot.get("username")))
        handle = "@" + chat["username"] if chat.get("username") else str(chat.get("id"))
        return AccountInfo(display_name=chat.get("title") or handle, handle=handle)


# ---------------------------------------------------------------------------------------------
# HTTP and error mapping (docs/platforms.md §8 "Rate limits", "Errors").


def _chat_id(ctx: PublishContext) -> str:
    chat = (ctx.account.get("chat_id") or "").strip()
    if not chat:
        raise Rejected(_("The account has no Telegram channel"))
    return chat


def _call(ctx: PublishContext, method: str, *, creates: bool = True, media: bool = False,
          **kw: Any) -> Any:
    token = ctx.secrets.get("bot_token")
    if not token:
        raise AuthExpired(_("No bot token; add the token from @BotFather"))
    base = (ctx.account.get("api_url") or API_URL).rstrip("/")
    # The token is part of the URL, which httpx logs: keep it out of every log record (the
    # engine registers it too; verify() from the accounts screen may run without the engine),
    # and never put the URL or httpx's message in an error.
    from composer.plugin import redact  # the logging module loads with the first request

    redact(token)
    response = ERRORS.send(ctx.client, "POST", f"{base}/bot{token}/{method}", creates=creates,
                           **kw)
    ERRORS.check(response, creates=creates, media=media)
    return ERRORS.body(response).get("result")


class TelegramErrors(HttpErrors):
    """The Bot API answers ``{"ok": false, "error_code", "description", "parameters"}``; the
    code in the body is the one that counts, and a flood wait is ``parameters.retry_after``."""

    def body(self, response: httpx.Response) -> dict[str, Any]:
        body = json_body(response)
        return body if isinstance(body, dict) else {}

    def status(self, response: httpx.Response, body: Any) -> int:
        if response.status_code == 200 and body.get("ok"):
            return 200
        code = int(body.get("error_code") or response.status_code)
        return code if code >= 400 else 400  # "ok": false without a code is still a refusal

    def reason(self, response: httpx.Response, body: Any, status: int) -> str:
        return one_line(body.get("description") or f"HTTP {status}")

    def classify(self, response: httpx.Response, body: Any, status: int, reason: str, *,
                 creates: bool, media: bool) -> AdapterError | None:
        if status == 403:
            return Rejected(_("The bot may not post in this channel ({reason})", reason=reason),
                            status=status)
        if (body.get("parameters") or {}).get("migrate_to_chat_id"):
            return Rejected(_("The group became a supergroup with id {id}; update the channel "
                              "setting", id=body["parameters"]["migrate_to_chat_id"]))
        if status == 503:
            return Transient(reason, status=status)  # the Bot API did not take the request
        return None

    def retry_after(self, response: httpx.Response, body: Any, reason: str) -> float | None:
        return telegram_retry_after(body)

    def auth_expired(self, response: httpx.Response, body: Any, status: int) -> bool:
        return status in (401, 404)

    def auth_error(self, reason: str, status: int) -> AdapterError:
        return AuthExpired(_("Telegram refused the bot token"), status=status)

    def media_refused(self, response: httpx.Response, body: Any, status: int,
                      reason: str) -> bool:
        return any(w in reason.upper() for w in ("PHOTO", "IMAGE", "FILE", "MEDIA"))


ERRORS = TelegramErrors()


# How the feed draws a post: a bubble, no per-message avatar, media on top and the caption under it, album layouter.
PREVIEW = PreviewRules(
    "telegram", avatar="none", indent=False, header="bubble", order=("media", "text", "actions"),
    grid="telegram", show_handle=False, bubble=True, media_radius=10, link_card="compact",
    link_card_after="text",
    palette=Palette(text="#000000", secondary="#8E9BA5", link="#168ACD", border="#FFFFFF",
                    page="#9BBBD9"),
    time="", actions=(("", ""), ("👁", "1   10:00")),
)

PLATFORM = Platform(SPEC, TelegramAdapter, preview=PREVIEW, translations=TRANSLATIONS)


def _form(values: Mapping[str, Any]) -> dict[str, str]:
    """Multipart form fields are text: True is sent as "true"."""
    return {k: "true" if v is True else str(v) for k, v in values.items()}
