"""A practice Telegram Bot API with one channel, as docs/platforms.md §8 describes it.

``/bot<token>/<method>`` with parameters as JSON, URL-encoded or multipart (as the Bot API takes
them). Checks the token, the chat, HTML parse mode the strict way the docs state it (every <, >
and & outside a supported tag or entity must be escaped, tags must nest), lengths in UTF-16 code
units after entity parsing (text 1-4096, caption 0-1024), photos (10 MB, width + height ≤ 10000,
ratio ≤ 20), albums of 2-10 with ``attach://`` parts; answers ``{"ok": false, "error_code",
"description"}`` errors and 429 with ``parameters.retry_after``.

Sources: https://core.telegram.org/bots/api (sendMessage, sendPhoto, sendMediaGroup,
deleteMessage, getMe, getChat, getChatMember, Formatting options, ResponseParameters).
"""

from __future__ import annotations

import html
import io
import itertools
import json
import re
import time
from typing import Any

from platforms.practice.server import FakeServer, Request, Response, route

TOKEN = "7000000001:AAPractice-Siaran-Token-0123456789ab"
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
VIDEO_LIMIT = 50 * 1000 * 1000  # bytes a bot may upload with sendVideo
PHOTO_BYTES = 10_000_000
_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span",
         "tg-spoiler", "tg-emoji", "blockquote"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-z-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*>")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class EntityError(ValueError):
    pass


def parse_html(text: str) -> str:
    """The plain text Telegram shows for an HTML-mode message; EntityError like the Bot API's
    "can't parse entities" when the markup is not what the docs allow."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        offset = len(text[:i].encode())
        if ch == "<":
            m = _TAG.match(text, i)
            if not m:
                raise EntityError(f"Unexpected character at byte offset {offset}")
            closing, name = m.group(1) == "/", m.group(2).lower()
            if name not in _TAGS:
                raise EntityError(f'Unsupported start tag "{name}" at byte offset {offset}')
            if closing:
                if not stack or stack[-1] != name:
                    raise EntityError(f'Unmatched end tag at byte offset {offset}, expected '
                                      f'"</{stack[-1] if stack else ""}>", found "</{name}>"')
                stack.pop()
            else:
                stack.append(name)
            i = m.end()
        elif ch == "&":
            m = _ENTITY.match(text, i)
            if not m:
                raise EntityError(f"Unsupported HTML entity at byte offset {offset}")
            out.append(html.unescape(m.group(0)))
            i = m.end()
        elif ch == ">":
            raise EntityError(f'Character ">" is reserved and must be escaped at byte offset {offset}')
        else:
            out.append(ch)
            i += 1
    if stack:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class Refusal(Exception):
    def __init__(self, description: str, code: int = 400):
        super().__init__(description)
        self.description, self.code = description, code


class FakeTelegram(FakeServer):
    platform_id = "telegram"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.tokens = {TOKEN}
        self.bot: dict[str, Any] = {"id": 7000000001, "is_bot": True,
                                    "first_name": "Siaran Latihan",
                                    "username": "siaran_latihan_bot"}
        self.channel: dict[str, Any] = {"id": -1001234567890, "title": "Humas Latihan",
                                        "username": "humas_latihan", "type": "channel"}
        self.bot_can_post = True
        self.message_ids = itertools.count(101)
        self.group_ids = itertools.count(13_800_000_000_000_001)
        self.messages: dict[int, dict[str, Any]] = {}

    # -- platform-specific answers --------------------------------------------------------------

    def error_response(self, status: int, message: str) -> Response:
        return Response(status, json={"ok": False, "error_code": status, "description": message})

    def rate_limit_response(self, retry_after: float) -> Response:
        seconds = max(1, int(round(retry_after)))
        return Response(429, json={"ok": False, "error_code": 429,
                                   "description": f"Too Many Requests: retry after {seconds}",
                                   "parameters": {"retry_after": seconds}})

    def duplicate_response(self) -> Response:
        # Telegram never refuses a repeat; the nearest real refusal is a 400.
        return self.error_response(400, "Bad Request: message was refused as a repeat")

    def expired_token_response(self) -> Response:
        return self.error_response(401, "Unauthorized")

    def practice_account(self) -> tuple[dict[str, str], dict[str, str]]:
        return ({"chat_id": "@" + self.channel["username"], "api_url": self.url,
                 "web_url": self.url}, {"bot_token": TOKEN})

    # -- plumbing ---------------------------------------------------------------------------------

    def _params(self, req: Request) -> dict[str, Any]:
        if req.content_type == "application/json":
            body = req.json()
            return body if isinstance(body, dict) else {}
        params = dict(req.query)
        params.update(req.form)
        return params

    def _chat(self, chat_id: object) -> dict[str, Any]:
        names = {str(self.channel["id"])}
        if self.channel.get("username"):
            names.add("@" + self.channel["username"])
        if str(chat_id) in names:
            return self.channel
        raise Refusal("Bad Request: chat not found")

    def _message(self, **fields: Any) -> dict[str, Any]:
        message = {"message_id": next(self.message_ids), "sender_chat": dict(self.channel),
                   "chat": dict(self.channel), "date": int(time.time()), **fields}
        self.messages[message["message_id"]] = message
        return message

    def _text(self, params: dict[str, Any], field: str, limit: int, *, required: bool) -> str:
        raw = str(params.get(field) or "")
        if params.get("parse_mode") == "HTML":
            try:
                raw = parse_html(raw)
            except EntityError as exc:
                raise Refusal(f"Bad Request: can't parse entities: {exc}") from None
        elif params.get("parse_mode") not in (None, ""):
            raise Refusal("Bad Request: unsupported parse_mode")
        if required and not raw.strip():
            raise Refusal("Bad Request: message text is empty")
        if utf16(raw) > limit:
            raise Refusal("Bad Request: message is too long" if field == "text"
                          else "Bad Request: message caption is too long")
        return raw

    def _photo(self, data: bytes) -> list[dict[str, Any]]:
        from PIL import Image, UnidentifiedImageError

        if len(data) > PHOTO_BYTES:
            raise Refusal("Bad Request: file is too big")
        try:
            with Image.open(io.BytesIO(data)) as im:
                w, h = im.size
        except (UnidentifiedImageError, OSError):
            raise Refusal("Bad Request: IMAGE_PROCESS_FAILED") from None
        if w + h > 10_000 or max(w, h) / max(1, min(w, h)) > 20:
            raise Refusal("Bad Request: PHOTO_INVALID_DIMENSIONS")
        file_id = f"AgAC{next(self.message_ids)}"
        return [{"file_id": file_id, "file_unique_id": file_id[-8:], "width": w, "height": h,
                 "file_size": len(data)}]

    def _upload(self, req: Request, ref: object) -> bytes:
        """A photo given as a multipart file, directly or as attach://name."""
        if not isinstance(ref, str) or not ref:
            upload = None
        elif ref.startswith("attach://"):
            upload = req.files.get(ref[len("attach://"):])
        else:
            upload = None
            if ref in req.files:
                upload = req.files[ref]
        if upload is None:
            raise Refusal("Bad Request: wrong file identifier/HTTP URL specified")
        return upload.data

    @route("POST", r"/bot(?P<token>[^/]+)/(?P<method>\w+)")
    @route("GET", r"/bot(?P<token>[^/]+)/(?P<method>\w+)")
    def dispatch(self, req: Request) -> Response:
        if req.params["token"] not in self.tokens:
            return self.error_response(401, "Unauthorized")
        handler = getattr(self, "m_" + req.params["method"].lower(), None)
        if handler is None:
            return self.error_response(404, "Not Found")
        try:
            with self.lock:
                return Response(200, json={"ok": True, "result": handler(req, self._params(req))})
        except Refusal as exc:
            return self.error_response(exc.code, exc.description)

    # -- methods ----------------------------------------------------------------------------------

    def _may_post(self, params: dict[str, Any]) -> None:
        self._chat(params.get("chat_id"))
        if not self.bot_can_post:
            raise Refusal("Forbidden: bot is not a member of the channel chat", 403)

    def m_getme(self, req: Request, params: dict[str, Any]) -> dict[str, Any]:
        return dict(self.bot)

    def m_getchat(self, req: Request, params: dict[str, Any]) -> dict[str, Any]:
        return {**self._chat(params.get("chat_id")), "description": "Kanal latihan Siaran"}

    def m_getchatmember(self, req: Request, params: dict[str, Any]) -> dict[str, Any]:
        self._chat(params.get("chat_id"))
        if str(params.get("user_id")) != str(self.bot["id"]):
            raise Refusal("Bad Request: PARTICIPANT_ID_INVALID")
        if not self.bot_can_post:
            return {"status": "left", "user": dict(self.bot)}
        return {"status": "administrator", "user": dict(self.bot), "can_post_messages": True,
                "can_edit_messages": True, "can_delete_messages": True}

    def m_sendmessage(self, req: Request, params: dict[str, Any]) -> dict[str, Any]:
        self._may_post(params)
        text = self._text(params, "text", TEXT_LIMIT, required=True)
        return self._message(text=text)

    def m_sendphoto(self, req: Request, params: dict[str, Any]) -> dict[str, Any]:
        self._may_post(params)
        caption = self._text(params, "caption", CAPTION_LIMIT, required=False)
        photo = self._photo(self._upload(req, "photo" if "photo" in req.files else params.get("photo")))
        return self._message(photo=photo, **({"caption": caption} if caption else {}))

    def m_sendvideo(self, req: Request, params: dict[str, Any]) -> dict[str, Any]:
        """Bots upload at most 50 MB (https://core.telegram.org/bots/api#sendvideo); Telegram's
        front end refuses a bigger body with 413 before the Bot API sees it."""
        self._may_post(params)
        caption = self._text(params, "caption", CAPTION_LIMIT, required=False)
        data = self._upload(req, "video" if "video" in req.files else params.get("video"))
        if len(data) > VIDEO_LIMIT:
            raise Refusal("Request Entity Too Large", 413)
        if data[4:8] != b"ftyp":
            raise Refusal("Bad Request: wrong file type of the video")
        video = {"file_id": f"vid{len(self.messages) + 1}", "file_size": len(data),
                 "duration": int(params.get("duration") or 0),
                 "width": int(params.get("width") or 0), "height": int(params.get("height") or 0),
                 "mime_type": "video/mp4"}
        return self._message(video=video, **({"caption": caption} if caption else {}))

    def m_sendmediagroup(self, req: Request, params: dict[str, Any]) -> list[dict[str, Any]]:
        self._may_post(params)
        try:
            items = json.loads(params.get("media") or "[]") if isinstance(
                params.get("media"), str) else params.get("media") or []
        except ValueError:
            raise Refusal("Bad Request: can't parse media JSON object") from None
        if not 2 <= len(items) <= 10:
            raise Refusal("Bad Request: wrong number of media in the album: must be 2-10")
        prepared: list[tuple[list[dict[str, Any]], str]] = []
        for item in items:
            if item.get("type") != "photo":
                raise Refusal("Bad Request: unsupported media type in the album")
            caption = self._text(item, "caption", CAPTION_LIMIT, required=False)
            prepared.append((self._photo(self._upload(req, item.get("media"))), caption))
        group = str(next(self.group_ids))
        return [self._message(media_group_id=group, photo=photo,
                              **({"caption": caption} if caption else {}))
                for photo, caption in prepared]

    def m_deletemessage(self, req: Request, params: dict[str, Any]) -> bool:
        self._chat(params.get("chat_id"))
        if self.messages.pop(int(params.get("message_id") or 0), None) is None:
            raise Refusal("Bad Request: message to delete not found")
        return True

    def _editable(self, params: dict[str, Any]) -> dict[str, Any]:
        self._may_post(params)
        message = self.messages.get(int(params.get("message_id") or 0))
        if message is None:
            raise Refusal("Bad Request: message to edit not found")
        return message

    def m_editmessagetext(self, req: Request, params: dict[str, Any]) -> dict[str, Any]:
        message = self._editable(params)
        if "text" not in message:
            raise Refusal("Bad Request: there is no text in the message to edit")
        text = self._text(params, "text", TEXT_LIMIT, required=True)
        if text == message["text"]:  # Telegram refuses an edit that changes nothing
            raise Refusal("Bad Request: message is not modified: specified new message content "
                          "and reply markup are exactly the same as a current content and reply "
                          "markup of the message")
        message.update(text=text, edit_date=int(time.time()))
        return message

    def m_editmessagecaption(self, req: Request, params: dict[str, Any]) -> dict[str, Any]:
        message = self._editable(params)
        if "photo" not in message and "video" not in message:
            raise Refusal("Bad Request: there is no caption in the message to edit")
        caption = self._text(params, "caption", CAPTION_LIMIT, required=False)
        if caption == message.get("caption", ""):
            raise Refusal("Bad Request: message is not modified: specified new message content "
                          "and reply markup are exactly the same as a current content and reply "
                          "markup of the message")
        if caption:
            message["caption"] = caption
        else:
            message.pop("caption", None)
        message["edit_date"] = int(time.time())
        return message

    @route("GET", r"/(?P<channel>[A-Za-z]\w+)/(?P<id>\d+)")
    def web_page(self, req: Request) -> Response:
        """Practice mode: the t.me-style link in the history opens the practice message."""
        message = self.messages.get(int(req.params["id"]))
        if message is None or req.params["channel"] != self.channel.get("username"):
            return Response(404, body="Post not found")
        text = message.get("text") or message.get("caption") or ""
        return Response(200, body=f"<!doctype html><meta charset=utf-8><p>{html.escape(text)}",
                        headers={"Content-Type": "text/html; charset=utf-8"})

    # -- for tests --------------------------------------------------------------------------------

    def published_texts(self) -> list[str]:
        """One text per post: text messages and captions (an album's caption is on its first
        photo; photos sent before a long text carry none)."""
        with self.lock:
            return [m.get("text") or m["caption"] for m in self.messages.values()
                    if m.get("text") or m.get("caption")]
