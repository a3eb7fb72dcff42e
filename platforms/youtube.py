"""YouTube Data API v3: video only. Facts: docs/platforms.md §10.

A resumable upload: POST the metadata (?uploadType=resumable) → a session URI in ``Location``;
PUT the file in chunks (multiples of 256 KiB) streamed from disk with ``Content-Range``; each
chunk is answered 308 with ``Range`` (what the server persisted, which may be less than sent)
until the last, answered 200/201 with the video. The session URI is journalled the moment it
exists, so a dropped connection, a retry or a crash continues where the server says it is
(``PUT`` with ``Content-Range: bytes */TOTAL`` → 308 + Range) instead of sending the video again;
after a lost answer the same question tells whether the video was made (200 with the video).

Sources: https://developers.google.com/youtube/v3/docs/videos (title 100 characters,
description 5000 bytes, tags 500 characters in all, no < or >, status.publishAt with private),
https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol,
https://developers.google.com/youtube/v3/docs/errors (quotaExceeded, uploadLimitExceeded),
https://developers.google.com/youtube/v3/getting-started#quota (the daily quota resets at
midnight Pacific Time), https://developers.google.com/identity/protocols/oauth2/native-app
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.plugin import (
    AccountInfo,
    AdapterError,
    AuthExpired,
    ChooseFn,
    Counting,
    CredentialField,
    Duplicate,
    Finding,
    Fold,
    HttpErrors,
    MediaInvalid,
    OptionField,
    OutgoingPost,
    Palette,
    Platform,
    PlatformSpec,
    PreviewRules,
    PublishContext,
    PublishResult,
    RateLimited,
    Rejected,
    RenderedMedia,
    Resolved,
    Severity,
    Transient,
    Unknown,
    UserError,
    VideoRules,
    _,
    from_transport,
    one_line,
    retry_after,
)
from composer.plugin import Capability as C
from platforms.translations import TRANSLATIONS

if TYPE_CHECKING:  # typing only; httpx and the OAuth helpers load when a request is made
    import httpx

    from composer.plugin import OAuthClient

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

API_URL = "https://www.googleapis.com"
TOKEN_URL = "https://oauth2.googleapis.com/token"
AUTHORIZE_URL = "https://accounts.google.com/o/oauth2/v2/auth"
WEB_URL = "https://www.youtube.com"
# "youtube" covers upload, reading the channel and deleting a video (videos.delete needs it).
SCOPES = ("https://www.googleapis.com/auth/youtube",)
PRIVACY = ("public", "unlisted", "private")

# Video: YouTube takes nearly any container and codec (it transcodes), up to 256 GB and 12 hours;
# captions (SRT, WebVTT) through captions.insert.
# https://support.google.com/youtube/answer/71673 https://support.google.com/youtube/answer/1722171
# https://developers.google.com/youtube/v3/docs/captions/insert
VIDEO = VideoRules(
    containers=("mp4", "mov", "webm", "avi", "flv", "mpeg", "ts", "asf", "mkv"),
    video_codecs=("h264", "hevc", "vp8", "vp9", "av1", "mpeg4", "mpeg2video", "prores"),
    audio_codecs=("aac", "mp3", "opus", "vorbis", "ac3", "pcm_s16le", "flac"),
    max_bytes=256 * 1024 ** 3, max_duration=12 * 3600, hdr=True,
    captions=True, caption_formats=("srt", "vtt"),
)

SPEC = PlatformSpec(
    id="youtube",
    name="YouTube",
    text_limit=5000,  # the description, in UTF-8 bytes
    counting=Counting.BYTES,
    title_limit=100,
    description_limit_bytes=5000,
    tags_total_limit=500,
    video_only=True,
    video=VIDEO,
    credential_kind="oauth2_pkce",
    credentials=(
        CredentialField("client_id", "Client ID",
                        help="The OAuth client ID (desktop app) of the office's Google Cloud project"),
        CredentialField("refresh_token", "Refresh token", secret=True, by_sign_in=True),
        # Google's desktop clients come with a "secret" the token endpoint still asks for.
        CredentialField("client_secret", "Client secret", secret=True, required=False),
        CredentialField("access_token", "Access token", secret=True, required=False,
                        by_sign_in=True),
        CredentialField("privacy", "Privacy (public, unlisted, private)", required=False,
                        default="public"),
        CredentialField("category_id", "Category id", required=False, default="22"),
        CredentialField("api_url", "API address", required=False, default=API_URL),
        CredentialField("token_url", "Token address", required=False, default=TOKEN_URL),
        CredentialField("authorize_url", "Sign-in page", required=False, default=AUTHORIZE_URL),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.EDIT, C.SCHEDULE, C.VERIFY, C.CONNECT}),
    schedule_min_ahead=120,  # MIN_SCHEDULE_AHEAD: nearer, the video is published at once
    edit_scope=frozenset({"title", "text", "tags"}),
    post_url_template="https://www.youtube.com/watch?v={id}",
    sources=("https://developers.google.com/youtube/v3/docs/videos",
             "https://developers.google.com/youtube/v3/docs/thumbnails/set",
             "https://developers.google.com/youtube/v3/docs/captions/insert"),
    options=(OptionField("privacy", "Privacy", choices=(
        ("public", "Public"), ("unlisted", "Unlisted"), ("private", "Private")),
        help="Left empty: the account's privacy setting"),),
)

UNIT = 256 * 1024  # chunks must be multiples of this, except the last
READ_PIECE = 1024 * 1024  # what is read from disk at a time: memory stays flat for any size
MIN_SCHEDULE_AHEAD = timedelta(minutes=2)  # nearer than this: publish now
CLOCK_SKEW = 300.0  # seconds allowed between this computer's clock and Google's
THUMBNAIL_LIMIT = 2 * 1024 * 1024  # thumbnails.set takes at most 2 MB
CAPTIONS_LANGUAGE = "id"  # the offices write in Bahasa Indonesia
CAPTIONS_NAME = "Takarir"  # the track's name in the viewer's captions menu
NOT_SENT = "not sent: "  # how the journal keeps a thumbnail or captions YouTube did not take


def oauth_client(account: Mapping[str, str],
                 secrets: Mapping[str, str] | None = None) -> OAuthClient:
    from composer.plugin import OAuthClient

    secret = (secrets or {}).get("client_secret") or None
    return OAuthClient(
        authorize_url=account.get("authorize_url") or AUTHORIZE_URL,
        token_url=account.get("token_url") or TOKEN_URL, client_id=account.get("client_id", ""),
        client_secret=secret, scopes=SCOPES,
        token_auth="client_secret_post" if secret else "none",
        # A refresh token comes only with offline access, and again only with consent.
        extra={"access_type": "offline", "prompt": "consent"})


# ---------------------------------------------------------------------------------------------
# Metadata, checked before any request


def title_of(post: Resolved | OutgoingPost) -> str:
    """The post's title; without one, the text's first line (cut at a word within 100)."""
    title = " ".join((post.title or "").split())
    if not title:
        first = next((line for line in post.text.splitlines() if line.strip()), "")
        title = " ".join(first.split())
        limit = SPEC.title_limit or 100  # YouTube's spec always sets it
        if len(title) > limit:
            cut = title[: limit - 1].rsplit(" ", 1)[0]
            title = cut + "…"
    return title


def tags_length(tags: Sequence[str]) -> int:
    """YouTube's count: the tags joined by commas, a tag with spaces counted with quotes."""
    return sum(len(t) + (2 if " " in t else 0) for t in tags) + max(0, len(tags) - 1)


def findings(post: Resolved | OutgoingPost, channel: str = "youtube") -> list[Finding]:
    """YouTube's own rules for a video's metadata, as the rule book's findings (validate) and
    as the last word before any request (metadata). ``post``: anything with title, text, tags."""
    found: list[Finding] = []
    # the spec's limits, which YouTube's spec always sets
    title_limit, text_bytes = SPEC.title_limit or 100, SPEC.description_limit_bytes or 5000
    tags_limit = SPEC.tags_total_limit or 500
    title = title_of(post)
    if not title:
        found.append(Finding("title.missing", Severity.BLOCK, channel,
                             _("YouTube needs a title for the video"), {}))
    elif len(title) > title_limit:
        found.append(Finding("title.too_long", Severity.BLOCK, channel, _(
            "Title too long for {channel}: {length} of {limit} characters", channel=SPEC.name,
            length=len(title), limit=title_limit),
            {"length": len(title), "limit": title_limit}))
    for name, value, code in (("title", title, "title.invalid"),
                              ("description", post.text, "text.invalid")):
        if "<" in value or ">" in value:
            found.append(Finding(code, Severity.BLOCK, channel, _(
                "YouTube does not allow < or > in the {field}", field=_(name)), {}))
    if len(post.text.encode()) > text_bytes:
        found.append(Finding("text.too_long", Severity.BLOCK, channel, _(
            "The description is too long for YouTube: {length} of {limit} bytes",
            length=len(post.text.encode()), limit=text_bytes),
            {"length": len(post.text.encode()), "limit": text_bytes,
             "unit": "bytes"}))
    tags = [t.lstrip("#").strip() for t in post.tags if t.lstrip("#").strip()]
    if tags_length(tags) > tags_limit:
        found.append(Finding("tags.too_long", Severity.BLOCK, channel, _(
            "The tags are too long for YouTube: {length} of {limit} characters",
            length=tags_length(tags), limit=tags_limit),
            {"length": tags_length(tags), "limit": tags_limit}))
    return found


def metadata(post: OutgoingPost, account: Mapping[str, str],
             now: datetime | None = None) -> dict[str, Any]:
    refused = findings(post)
    if refused:
        raise Rejected(refused[0].message)
    title = title_of(post)
    tags = [t.lstrip("#").strip() for t in post.tags if t.lstrip("#").strip()]
    privacy = (post.options.get("privacy") or account.get("privacy") or "public").strip().lower()
    if privacy not in PRIVACY:
        raise Rejected(_("Unknown YouTube privacy '{privacy}' (public, unlisted or private)",
                         privacy=privacy))
    status: dict[str, Any] = {"privacyStatus": privacy, "selfDeclaredMadeForKids": False}
    if post.schedule_utc:
        when = datetime.fromisoformat(post.schedule_utc).astimezone(UTC)
        if when - (now or datetime.now(UTC)) >= MIN_SCHEDULE_AHEAD:
            # YouTube publishes a private video at publishAt (it must be private until then).
            status = {**status, "privacyStatus": "private",
                      "publishAt": when.strftime("%Y-%m-%dT%H:%M:%S.000Z")}
    snippet: dict[str, Any] = {"title": title, "description": post.text,
                               "categoryId": account.get("category_id") or "22"}
    if tags:
        snippet["tags"] = tags
    return {"snippet": snippet, "status": status}


def until_midnight_pacific(now: datetime | None = None) -> float:
    """The daily quota resets at midnight Pacific Time."""
    zone: tzinfo
    try:
        from zoneinfo import ZoneInfo

        zone = ZoneInfo("America/Los_Angeles")
    except Exception:  # no time-zone data (Windows without tzdata): standard time
        from datetime import timezone

        zone = timezone(timedelta(hours=-8))
    local = (now or datetime.now(UTC)).astimezone(zone)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(),
                                tzinfo=zone)
    return (midnight - local).total_seconds()


def _read(path: str, start: int, end: int) -> Iterator[bytes]:
    """Bytes [start, end) of the file, a piece at a time."""
    with open(path, "rb") as fh:
        fh.seek(start)
        left = end - start
        while left > 0:
            piece = fh.read(min(READ_PIECE, left))
            if not piece:
                raise OSError("the video file got shorter while uploading")
            left -= len(piece)
            yield piece


class YouTubeAdapter:
    chunk_size = 8 * 1024 * 1024  # a multiple of 256 KiB

    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    def validate(self, post: Resolved) -> list[Finding]:
        """The rule book asks here: a video needs a title, no < or > ... (see ``findings``)."""
        return findings(post, post.channel)

    # -- publish --------------------------------------------------------------------------------

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        if len(post.media) != 1:
            raise Rejected(_("YouTube publishes one video; this post has {count}",
                             count=len(post.media)))
        video = post.media[0]
        try:
            total = os.path.getsize(video.path)
        except OSError:
            raise Rejected(_("The video file is missing: {path}", path=video.path)) from None
        if total == 0:
            raise MediaInvalid(_("The video file is empty"))
        api = _Api(ctx)
        if ctx.checkpoint.get("video_id"):
            result = self._result(ctx, ctx.checkpoint["video_id"])
        else:
            result = self._send_video(ctx, api, post, video, total)
        return self._dress(ctx, api, video, result)

    def _send_video(self, ctx: PublishContext, api: _Api, post: OutgoingPost,
                    video: RenderedMedia, total: int) -> PublishResult:
        """The video itself, once: a new session, or the journalled one from where it is."""
        session = ctx.checkpoint.get("upload_session")
        offset = 0
        if session and ctx.checkpoint.get("upload_size") == total:
            found = self._status(api, session, total)
            if isinstance(found, PublishResult):
                return found
            if found is None:
                session = None  # expired (about a week) or unknown: start a new one
            else:
                offset = found
        else:
            session = None
        if session is None:
            body = metadata(post, ctx.account)
            response = api.call(
                "POST", api.base + "/upload/youtube/v3/videos", creates=False, params={
                    "uploadType": "resumable", "part": "snippet,status"},
                json=body, headers={"X-Upload-Content-Length": str(total),
                                    "X-Upload-Content-Type": video.mime})
            if "sent_since" not in ctx.checkpoint:  # the look-up trusts uploads from here on
                ctx.save_checkpoint({"sent_since": time.time()})
            session = response.headers.get("location")
            if not session:
                raise Transient("YouTube gave no upload address")
            ctx.save_checkpoint({"upload_session": session, "upload_size": total,
                                 "upload_offset": 0, "publish_at": body["status"].get("publishAt")})
        return self._upload(ctx, api, session, video, total, offset)

    def _upload(self, ctx: PublishContext, api: _Api, session: str, video: RenderedMedia,
                total: int, offset: int) -> PublishResult:
        chunk = max(UNIT, self.chunk_size // UNIT * UNIT)
        while True:
            ctx.check_cancelled()
            ctx.progress("upload", offset / total)
            end = min(offset + chunk, total)
            last = end == total
            response = api.call(
                "PUT", session, creates=last, ok=(308,), upload=True,
                # bound now: a fresh stream of this chunk per send
                content=functools.partial(_read, video.path, offset, end),
                headers={"Content-Length": str(end - offset), "Content-Type": video.mime,
                         "Content-Range": f"bytes {offset}-{end - 1}/{total}"})
            if response.status_code != 308:
                return self._finished(ctx, response)
            offset = _persisted(response)
            ctx.save_checkpoint({"upload_offset": offset})

    def _status(self, api: _Api, session: str, total: int) -> int | PublishResult | None:
        """Where the session is: bytes persisted (int), the finished video (PublishResult), or
        None when the session is gone."""
        response = api.call("PUT", session, creates=False, ok=(308, 404, 410), upload=True,
                            content=b"", headers={"Content-Range": f"bytes */{total}",
                                                  "Content-Length": "0"})
        if response.status_code == 308:
            return _persisted(response)
        if response.status_code in (404, 410):
            return None
        return self._finished(api.ctx, response)

    def _finished(self, ctx: PublishContext, response: httpx.Response) -> PublishResult:
        video = _json(response)
        status = video.get("status") or {}
        if status.get("uploadStatus") == "rejected":
            reason = status.get("rejectionReason") or "rejected"
            if reason == "duplicate":
                raise Duplicate(_("YouTube rejected the video as a duplicate of an earlier one"))
            raise MediaInvalid(_("YouTube rejected the video ({reason})", reason=reason))
        if status.get("uploadStatus") == "failed":
            raise MediaInvalid(_("YouTube could not process the video ({reason})",
                                 reason=status.get("failureReason") or "failed"))
        if not video.get("id"):
            raise Unknown("YouTube answered without the video's id")
        ctx.save_checkpoint({"video_id": video["id"]})
        return self._result(ctx, video["id"])

    def _result(self, ctx: PublishContext, video_id: str) -> PublishResult:
        web = (ctx.account.get("web_url") or WEB_URL).rstrip("/")
        extra = {"publish_at": ctx.checkpoint["publish_at"]} if ctx.checkpoint.get(
            "publish_at") else {}
        return PublishResult(remote_id=video_id, url=f"{web}/watch?v={video_id}", extra=extra)

    # -- the cover and the captions, once the video exists ---------------------------------------

    def _dress(self, ctx: PublishContext, api: _Api, video: RenderedMedia,
               result: PublishResult) -> PublishResult:
        """The post's cover as the video's thumbnail and its captions as a track. The video is
        already public (or scheduled), so neither may fail the post: YouTube refusing one (a
        channel not yet allowed custom thumbnails, a file it cannot read), or an outage met
        twice, is logged and named in the result. Each is settled in the journal once."""
        video_id = result.remote_id
        if video.cover and "thumbnail" not in ctx.checkpoint:
            self._settle(ctx, "thumbnail", lambda: self._thumbnail(api, video_id, video.cover))
        if video.captions and "captions" not in ctx.checkpoint:
            self._settle(ctx, "captions",
                         lambda: self._captions(ctx, api, video_id, video.captions))
        extra = dict(result.extra)
        for part in ("thumbnail", "captions"):
            said = str(ctx.checkpoint.get(part) or "")
            if said.startswith(NOT_SENT):
                extra[part + "_not_sent"] = said.removeprefix(NOT_SENT)
            elif said and part == "captions":
                extra["captions_id"] = said
        return PublishResult(remote_id=result.remote_id, url=result.url, extra=extra)

    def _settle(self, ctx: PublishContext, part: str, send: Callable[[], str]) -> None:
        """Send once; after an outage or a lost answer once more (both sends are safe to
        repeat: a thumbnail replaces itself, captions look for their track first)."""
        for _attempt in (1, 2):
            try:
                said = send()
                break
            except (Rejected, MediaInvalid) as exc:
                said = NOT_SENT + str(exc)
                break
            except AdapterError as exc:
                said = NOT_SENT + str(exc)
        if said.startswith(NOT_SENT):
            ctx.log.warning("YouTube video without its %s: %s", part, said)
        ctx.save_checkpoint({part: said})

    def _thumbnail(self, api: _Api, video_id: str, cover: str) -> str:
        """thumbnails.set: setting it again replaces it, so a retry cannot leave two."""
        try:
            data = Path(cover).read_bytes()  # a JPEG cover: a few hundred KB at most
        except OSError as exc:
            raise MediaInvalid(str(exc)) from None
        if len(data) > THUMBNAIL_LIMIT:
            raise MediaInvalid(_("The cover is larger than YouTube's 2 MB for a thumbnail"))
        mime = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
        api.call("POST", api.base + "/upload/youtube/v3/thumbnails/set", creates=False,
                 upload=True, params={"videoId": video_id, "uploadType": "media"},
                 content=data, headers={"Content-Type": mime})
        return "set"

    def _captions(self, ctx: PublishContext, api: _Api, video_id: str, path: str) -> str:
        """captions.insert (multipart: the track's snippet, then the SRT/WebVTT file). It
        would make a second track, so it is journalled before it is sent; a retry first asks
        the video's tracks (captions.list) for ours, by language and name."""
        if ctx.checkpoint.get("captions_sent"):
            listed = _json(api.call("GET", api.base + "/youtube/v3/captions", creates=False,
                                    params={"part": "snippet", "videoId": video_id}))
            for item in listed.get("items") or []:
                snippet = item.get("snippet") or {}
                if (snippet.get("language"), snippet.get("name")) == (CAPTIONS_LANGUAGE,
                                                                      CAPTIONS_NAME):
                    return str(item.get("id") or "")
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise MediaInvalid(str(exc)) from None
        boundary = "siaran-" + hashlib.sha256(data).hexdigest()[:24]
        snippet = {"snippet": {"videoId": video_id, "language": CAPTIONS_LANGUAGE,
                               "name": CAPTIONS_NAME, "isDraft": False}}
        body = (f"--{boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
                f"{json.dumps(snippet)}\r\n--{boundary}\r\n"
                "Content-Type: application/octet-stream\r\n\r\n").encode() + data + (
                    f"\r\n--{boundary}--\r\n").encode()
        ctx.save_checkpoint({"captions_sent": True})
        track = _json(api.call(
            "POST", api.base + "/upload/youtube/v3/captions", creates=True, upload=True,
            params={"part": "snippet", "uploadType": "multipart"}, content=body,
            headers={"Content-Type": f"multipart/related; boundary={boundary}"}))
        if (track.get("snippet") or {}).get("status") == "failed":
            raise MediaInvalid(_("YouTube could not read the captions ({reason})", reason=(
                track.get("snippet") or {}).get("failureReason") or "failed"))
        return str(track.get("id") or "")

    # -- after a lost answer ------------------------------------------------------------------

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        """Ask the journalled upload session: finished (the video), or not (None: publish goes
        on from where the session is). No session: no video was ever started. A video whose
        cover or captions are still to go is None too: publishing goes on with them."""
        if ctx.checkpoint.get("video_id"):
            return None if _undressed(ctx, post) else self._result(ctx, ctx.checkpoint["video_id"])
        session = ctx.checkpoint.get("upload_session")
        total = ctx.checkpoint.get("upload_size")
        if not session or not total:
            return None
        api = _Api(ctx)
        try:
            found = self._status(api, session, int(total))
        except (Duplicate, MediaInvalid):
            return None  # finished but rejected: no video is there; publishing says why
        if found is None:  # the session is gone (about a week): look among the uploads
            found = self._find_upload(ctx, api, post)
        if not isinstance(found, PublishResult) or _undressed(ctx, post):
            return None
        return found

    def _find_upload(self, ctx: PublishContext, api: _Api,
                     post: OutgoingPost) -> PublishResult | None:
        """The channel's recent uploads (its "uploads" playlist, 1 quota unit a page rather
        than search's 100), matched by title and description, published since the send."""
        since = ctx.checkpoint.get("sent_since")
        if since is None:
            return None
        channels = _json(api.call("GET", api.base + "/youtube/v3/channels", creates=False,
                                  params={"part": "contentDetails", "mine": "true"}))
        items = channels.get("items") or []
        uploads = (((items[0] if items else {}).get("contentDetails") or {})
                   .get("relatedPlaylists") or {}).get("uploads")
        if not uploads:
            return None
        page = _json(api.call("GET", api.base + "/youtube/v3/playlistItems", creates=False,
                              params={"part": "snippet", "playlistId": uploads,
                                      "maxResults": "50"}))
        wanted = metadata(post, ctx.account)["snippet"]
        for item in page.get("items") or []:
            snippet = item.get("snippet") or {}
            published = snippet.get("publishedAt") or ""
            try:
                when = datetime.fromisoformat(published.replace("Z", "+00:00")).timestamp()
            except ValueError:
                continue
            if (snippet.get("title") == wanted["title"]
                    and snippet.get("description") == wanted["description"]
                    and when >= since - CLOCK_SKEW):
                video_id = (snippet.get("resourceId") or {}).get("videoId")
                if video_id:
                    ctx.save_checkpoint({"video_id": video_id})
                    return self._result(ctx, video_id)
        return None

    # -- edit in place ------------------------------------------------------------------------------

    def update(self, ctx: PublishContext, result: PublishResult,
               post: OutgoingPost) -> PublishResult:
        """Edits the video's title, description and tags (``videos.update`` with
        ``part=snippet``: the whole snippet is sent, title and categoryId included, since
        YouTube drops what the snippet leaves out). The video itself cannot change."""
        snippet = metadata(post, ctx.account)["snippet"]
        snippet.setdefault("tags", [])  # no tags now: clear the old ones
        api = _Api(ctx)
        api.call("PUT", api.base + "/youtube/v3/videos", creates=False,
                 params={"part": "snippet"}, json={"id": result.remote_id, "snippet": snippet})
        return PublishResult(remote_id=result.remote_id, url=result.url, extra=dict(result.extra))

    # -- the rest ---------------------------------------------------------------------------------

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        api = _Api(ctx)
        api.call("DELETE", api.base + "/youtube/v3/videos", creates=False, ok=(404,),
                 params={"id": result.remote_id})

    # -- native scheduling ------------------------------------------------------------------------

    def reschedule(self, ctx: PublishContext, result: PublishResult,
                   schedule_utc: str | None) -> PublishResult:
        """Move a private video's ``publishAt``, or clear it (``schedule_utc`` None): the video
        stays private and is not published. videos.update replaces the whole status part, so
        the current one is read first and sent back with only publishAt changed."""
        api = _Api(ctx)
        found = _json(api.call("GET", api.base + "/youtube/v3/videos", creates=False,
                               params={"part": "status", "id": result.remote_id}))
        items = found.get("items") or []
        if not items:
            raise Rejected(_("The video is no longer on YouTube (deleted there)"))
        status = {k: v for k, v in (items[0].get("status") or {}).items()
                  if k in _WRITABLE_STATUS}
        if status.get("privacyStatus") != "private":  # publishAt came: YouTube made it public
            raise Rejected(_("YouTube has already published this video"))
        status["privacyStatus"] = "private"
        status.pop("publishAt", None)
        if schedule_utc is not None:
            when = datetime.fromisoformat(schedule_utc.replace("Z", "+00:00")).astimezone(UTC)
            if when - datetime.now(UTC) < MIN_SCHEDULE_AHEAD:
                raise Rejected(_("YouTube needs the new time at least 2 minutes ahead"))
            status["publishAt"] = when.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        video = _json(api.call("PUT", api.base + "/youtube/v3/videos", creates=False,
                               params={"part": "status"},
                               json={"id": result.remote_id, "status": status}))
        now = video.get("status") or {}
        if now.get("privacyStatus") != "private" or now.get("publishAt") != status.get(
                "publishAt"):
            raise Rejected(_("YouTube did not take the new time"))
        return PublishResult(remote_id=result.remote_id, url=result.url, extra={
            **dict(result.extra), "publish_at": status.get("publishAt"),
            "held_as_draft": schedule_utc is None})

    def verify(self, ctx: PublishContext) -> AccountInfo:
        api = _Api(ctx)
        body = _json(api.call("GET", api.base + "/youtube/v3/channels", creates=False,
                              params={"part": "snippet", "mine": "true"}))
        items = body.get("items") or []
        if not items:
            raise Rejected(_("This Google account has no YouTube channel"))
        snippet = items[0].get("snippet") or {}
        thumb = ((snippet.get("thumbnails") or {}).get("default") or {}).get("url")
        return AccountInfo(display_name=snippet.get("title", ""),
                           handle=snippet.get("customUrl") or items[0].get("id", ""),
                           avatar_url=thumb)

    def connect(self, account: Mapping[str, str], secrets: Mapping[str, str] | None = None, *,
                choose: ChooseFn | None = None,
                **sign_in: Any) -> tuple[dict[str, str], dict[str, str]]:
        """Google's desktop sign-in: any loopback port, PKCE; returns (settings, secrets)."""
        from composer import plugin

        tokens = plugin.sign_in(oauth_client(account, secrets), **sign_in)
        if not tokens.refresh_token:
            raise UserError(_("Google gave no refresh token; remove Siaran's access in your "
                              "Google account and sign in again"))
        return {}, tokens.secrets()

    def renew(self, ctx: PublishContext) -> float | None:
        """A new access token from the refresh token, into the keyring (``ctx.update_secrets``)."""
        before = ctx.secrets.get("access_token")
        api = _Api(ctx)  # renews by itself when the token is stale
        if api.token == before:
            api.refresh()
        expires_at = ctx.secrets.get("expires_at")
        return float(expires_at) if expires_at else None


def _undressed(ctx: PublishContext, post: OutgoingPost) -> bool:
    """The video is out but its cover or captions have not been settled yet."""
    video = post.media[0] if post.media else None
    return video is not None and ((bool(video.cover) and "thumbnail" not in ctx.checkpoint)
                                  or (bool(video.captions) and "captions" not in ctx.checkpoint))


# The status fields videos.update accepts back (the others are YouTube's to set).
_WRITABLE_STATUS = ("privacyStatus", "publishAt", "license", "embeddable",
                    "publicStatsViewable", "selfDeclaredMadeForKids", "containsSyntheticMedia")


def _persisted(response: httpx.Response) -> int:
    """The byte after what the server holds, from 308's ``Range: bytes=0-N`` (none: 0)."""
    match = re.fullmatch(r"bytes=0-(\d+)", (response.headers.get("range") or "").strip())
    return int(match.group(1)) + 1 if match else 0


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


class _Api:
    """One publish's view of Google: a current access token, renewed from the refresh token
    when stale or refused (at most once per call)."""

    def __init__(self, ctx: PublishContext):
        self.ctx = ctx
        self.base = (ctx.account.get("api_url") or API_URL).rstrip("/")
        self.token = ctx.secrets.get("access_token") or ""
        expires_at = ctx.secrets.get("expires_at")
        if not self.token or (expires_at and float(expires_at) - time.time() < 60):
            self.refresh()

    def refresh(self) -> None:
        import httpx

        from composer import plugin

        refresh_token = self.ctx.secrets.get("refresh_token") or ""
        if not refresh_token:
            raise AuthExpired(_("The YouTube sign-in expired; sign in again"))
        try:
            tokens = plugin.refresh(oauth_client(self.ctx.account, self.ctx.secrets),
                                   refresh_token, http=self.ctx.client)
        except plugin.TokenError as exc:
            if exc.status is not None and exc.status >= 500:
                raise Transient("Google could not renew the sign-in now", status=exc.status) \
                    from None
            raise AuthExpired(_("Google refused to renew the sign-in; sign in again")) from None
        except httpx.HTTPError as exc:
            raise from_transport(exc, creates=False) from None
        self.ctx.update_secrets(tokens.secrets())
        if isinstance(self.ctx.secrets, MutableMapping):
            self.ctx.secrets.update(tokens.secrets())
        self.token = tokens.access_token

    def call(self, method: str, url: str, *, creates: bool = True, ok: tuple[int, ...] = (),
             upload: bool = False,
             content: bytes | Callable[[], Iterator[bytes]] | None = None,
             headers: Mapping[str, str] | None = None, **kw: Any) -> httpx.Response:
        refreshed = False
        while True:
            sent = {"Authorization": f"Bearer {self.token}", **(headers or {})}
            body = content() if callable(content) else content  # a fresh stream per send
            try:
                response = ERRORS.send(self.ctx.client, method, url, creates=creates,
                                       headers=sent, content=body, **kw)
            except OSError as exc:  # the file, not the network
                raise MediaInvalid(str(exc)) from None
            if response.status_code == 401 and not refreshed:
                # Refused before acting: renewing the token and sending again cannot duplicate.
                refreshed = True
                self.refresh()
                continue
            break
        return ERRORS.check(response, creates=creates, media=upload, ok=ok)


def _reasons(body: dict[str, Any]) -> set[str]:
    found = body.get("error")
    error = found if isinstance(found, dict) else {}
    return {str(e.get("reason")) for e in error.get("errors") or [] if isinstance(e, dict)}



class YouTubeErrors(HttpErrors):
    """Google's error body: ``error.message`` and ``error.errors[].reason``. A spent daily quota
    waits until midnight Pacific; during an upload a 5xx means "ask where we are and go on"."""

    def body(self, response: httpx.Response) -> dict[str, Any]:
        return _json(response)

    def reason(self, response: httpx.Response, body: Any, status: int) -> str:
        error = body.get("error") if isinstance(body.get("error"), dict) else {}
        return one_line(error.get("message") or f"HTTP {status}")

    def classify(self, response: httpx.Response, body: Any, status: int, reason: str, *,
                 creates: bool, media: bool) -> AdapterError | None:
        if _reasons(body) & {"quotaExceeded", "uploadLimitExceeded", "dailyLimitExceeded"}:
            # Daily: waiting makes sense only until the quota resets; the engine turns a wait
            # this long into "resume later" with the hours it takes.
            return RateLimited(reason, retry_after=until_midnight_pacific(), status=status)
        return None

    def rate_limited(self, response: httpx.Response, body: Any, status: int) -> bool:
        return status == 429 or bool(_reasons(body) & {"rateLimitExceeded",
                                                        "userRateLimitExceeded"})

    def retry_after(self, response: httpx.Response, body: Any, reason: str) -> float | None:
        return retry_after(response.headers)

    def media_refused(self, response: httpx.Response, body: Any, status: int,
                      reason: str) -> bool:
        # A refused title, description or tags is the metadata's fault, not the video's.
        return status in (400, 413, 415) and not _reasons(body) & {
            "invalidTitle", "invalidDescription", "invalidTags"}


ERRORS = YouTubeErrors()


# How the feed draws a post: 16:9 thumbnail, avatar, title on 2 lines then "…", channel, views.
PREVIEW = PreviewRules(
    "youtube", avatar_size=36, indent=True, header="youtube", order=("title",), media_above=True,
    grid="youtube", show_handle=False, media_radius=12, title=True,
    fold=Fold("", lines=2, ellipsis="…"),
    palette=Palette(text="#0F0F0F", secondary="#606060", link="#065FD4", border="#FFFFFF"),
    time="No views · just now",
)

PLATFORM = Platform(SPEC, YouTubeAdapter, preview=PREVIEW, translations=TRANSLATIONS)
