"""The embedded default channel: "publishing" writes each variant into a folder.

A new officer can go through the whole flow (compose, check, render, publish, history) with no
account at all. Each published variant becomes ``<root>/<post id>/<name>/`` holding
``text.txt``, ``part-1.txt`` ... (thread parts, when the channel splits), the rendered images
and a ``manifest.json`` (text, parts, media with alt text, mime, size, sha256, title, schedule,
published_at).

``<root>`` is the account's ``path`` setting (default ``~/Siaran``); ``<name>`` is the
``channel`` or ``account`` setting the engine passes, else "folder". The variant is written into
a hidden temporary folder and renamed into place, so a crash never leaves half a post under the
real name; leftovers of an interrupted write are removed on the next attempt.
"""

from __future__ import annotations

import datetime as _dt
import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from composer.plugin import (
    AccountInfo,
    Counting,
    CredentialField,
    Duplicate,
    Finding,
    MediaInvalid,
    OutgoingPost,
    Platform,
    PlatformSpec,
    PublishContext,
    PublishResult,
    Rejected,
    Resolved,
    Severity,
    Transient,
    VideoRules,
    _,
)
from composer.plugin import Capability as C
from platforms.translations import TRANSLATIONS

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

# Video: the folder keeps whatever it is given (no platform on the other end), with its
# captions beside it.
VIDEO = VideoRules(
    containers=("mp4", "mov", "webm", "avi", "flv", "mpeg", "ts", "asf", "mkv"),
    video_codecs=("h264", "hevc", "vp8", "vp9", "av1", "mpeg4", "mpeg2video", "prores"),
    audio_codecs=("aac", "mp3", "opus", "vorbis", "ac3", "pcm_s16le", "flac"),
    hdr=True, captions=True, caption_formats=("srt", "vtt"),
)

SPEC = PlatformSpec(
    video=VIDEO,
    id="folder",
    name="Folder",
    text_limit=None,
    counting=Counting.NONE,
    max_images=50,
    image_formats=("image/jpeg", "image/png", "image/gif", "image/webp"),
    recommended_sizes=((1200, 675), (1080, 1080), (1080, 1350)),
    credential_kind="none",
    credentials=(CredentialField("path", "Folder", required=False),),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.VERIFY}),
)

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
DEFAULT_ROOT = "~/Siaran"
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif",
               "image/webp": ".webp", "image/heic": ".heic", "image/avif": ".avif",
               "video/mp4": ".mp4", "video/quicktime": ".mov"}
_UNSAFE = re.compile(r"[^\w.@+-]+")
# Retrying will not help with these (the officer must act); anything else may be passing.
_REFUSED = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.ENOTDIR, errno.EISDIR,
            errno.EEXIST, errno.ENAMETOOLONG, getattr(errno, "EDQUOT", -1)}


class FolderAdapter:
    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    def validate(self, post: Resolved) -> list[Finding]:
        """For the rule book: the folder holds nothing back, but it records the time in the
        manifest for whoever takes the files, so a future schedule does not block here."""
        if post.schedule is None or post.schedule <= _dt.datetime.now(_dt.UTC):
            return []
        return [Finding("schedule.unsupported", Severity.INFO, post.channel, _(
            "The files are written now; the manifest records the time {time}",
            time=post.schedule.isoformat(timespec="minutes")), {"time": post.schedule.isoformat()})]

    # -- the contract -------------------------------------------------------------------------

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        final = self._variant_dir(ctx, post)
        existing = self._match(final, post)
        if existing is not None:  # this very post is already there: exactly once
            return existing
        if final.exists():
            raise Duplicate(f"{final} already holds a different post; delete it first")
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            _remove_leftovers(final)
            tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.partial-", dir=final.parent))
        except OSError as exc:
            raise _os_error(exc, final.parent) from None
        try:
            self._write(ctx, post, tmp)
            ctx.check_cancelled()
            os.rename(tmp, final)  # atomic; refuses if the folder appeared meanwhile
            _fsync_dir(final.parent)
        except BaseException as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            if isinstance(exc, OSError):
                if final.exists():
                    raise Duplicate(f"{final} was written by someone else meanwhile") from None
                raise _os_error(exc, final.parent) from None
            raise
        return _result(final, post)

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        return self._match(self._variant_dir(ctx, post), post)

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        target = Path(result.extra.get("path") or _root(ctx) / result.remote_id)
        if not target.exists():
            return  # already gone: deleting is idempotent
        if not (target / MANIFEST).is_file():  # never remove a folder Siaran did not write
            raise Rejected(f"{target} is not a folder Siaran published; left untouched")
        try:
            doomed = Path(tempfile.mkdtemp(prefix=f".{target.name}.deleting-", dir=target.parent))
            os.rename(target, doomed / target.name)  # gone from its place in one step
            shutil.rmtree(doomed)
        except OSError as exc:
            raise _os_error(exc, target) from None
        try:
            target.parent.rmdir()  # the post's folder, once its last variant is gone
        except OSError:
            pass

    def verify(self, ctx: PublishContext) -> AccountInfo:
        root = _root(ctx)
        try:
            root.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=root):
                pass
        except OSError as exc:
            raise _os_error(exc, root) from None
        return AccountInfo(display_name=str(root), handle=root.name)

    # -- the parts ------------------------------------------------------------------------------

    def _variant_dir(self, ctx: PublishContext, post: OutgoingPost) -> Path:
        name = ctx.account.get("channel") or ctx.account.get("account") or "folder"
        base = _root(ctx) / _safe(post.post_id) / _safe(name)
        return _version_dir(base, post)

    def _write(self, ctx: PublishContext, post: OutgoingPost, folder: Path) -> None:
        _write_text(folder / "text.txt", post.text)
        for i, part in enumerate(post.parts, 1):
            _write_text(folder / f"part-{i}.txt", part)
        media = []
        for i, item in enumerate(post.media, 1):
            ctx.check_cancelled()
            ctx.progress("copy", i / (len(post.media) + 1))
            kind = "video" if item.mime.startswith("video/") else "image"
            ext = _EXTENSIONS.get(item.mime) or Path(item.path).suffix.lower()
            name = f"{kind}-{i}{ext}"
            try:
                size, sha = _copy(Path(item.path), folder / name)
            except FileNotFoundError:
                raise MediaInvalid(f"image {i} is missing: {item.path}") from None
            media.append({"file": name, "alt": item.alt, "mime": item.mime, "size": size,
                          "sha256": sha, "width": item.width, "height": item.height})
        manifest = {"siaran": MANIFEST_VERSION} | _fingerprint(post) | {
            "media": media,
            "link": post.link,
            "tags": list(post.tags),
            "published_at": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        }
        _write_text(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        _fsync_dir(folder)

    def _match(self, final: Path, post: OutgoingPost) -> PublishResult | None:
        """The published variant in ``final`` when its manifest says it is this post."""
        try:
            manifest = json.loads((final / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(manifest, dict):
            return None
        mine = _fingerprint(post)
        if any(manifest.get(key) != value for key, value in mine.items()):
            return None
        media = manifest.get("media") or []
        if [m.get("alt") for m in media] != [m.alt for m in post.media]:
            return None
        if any(m.sha256 and m.sha256 != got.get("sha256") for m, got in zip(post.media, media,
                                                                              strict=True)):
            return None
        return _result(final, post)


PLATFORM = Platform(SPEC, FolderAdapter, translations=TRANSLATIONS)


# ---------------------------------------------------------------------------------------------


def _root(ctx: PublishContext) -> Path:
    return Path(ctx.account.get("path") or DEFAULT_ROOT).expanduser()


def _safe(name: str) -> str:
    """One path component, whatever the id or account name holds."""
    cleaned = _UNSAFE.sub("_", str(name)).strip("._") or "_"
    return cleaned[:100]


def _version_dir(base: Path, post: OutgoingPost) -> Path:
    """Where this version of the post goes: ``base``, unless it holds another version of the
    same post (another idempotency key: a correction posted as new), then a folder of its own
    beside it (``folder-3f9a1c2e``), so both stay, as on a platform."""
    try:
        manifest = json.loads((base / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return base
    other = (isinstance(manifest, dict) and manifest.get("post_id") == post.post_id
             and manifest.get("idempotency_key") not in (None, post.idempotency_key))
    return base.with_name(f"{base.name}-{post.idempotency_key[:8]}") if other else base


def _fingerprint(post: OutgoingPost) -> dict[str, Any]:
    return {"post_id": post.post_id, "idempotency_key": post.idempotency_key,
            "text": post.text, "parts": list(post.parts), "title": post.title,
            "schedule": post.schedule_utc}


def _result(final: Path, post: OutgoingPost) -> PublishResult:
    return PublishResult(remote_id=f"{final.parent.name}/{final.name}", url=final.as_uri(),
                         extra={"path": str(final)})


def _write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())


def _copy(src: Path, dst: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while chunk := fin.read(1 << 20):
            digest.update(chunk)
            fout.write(chunk)
            size += len(chunk)
        fout.flush()
        os.fsync(fout.fileno())
    return size, digest.hexdigest()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # not possible on every system (Windows); the rename is what matters
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_leftovers(final: Path) -> None:
    """Half-written copies of this variant from an interrupted attempt."""
    for stale in final.parent.glob(f".{final.name}.partial-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _os_error(exc: OSError, where: Path) -> Exception:
    reason = f"cannot write to {where}: {exc.strerror or exc}"
    return Rejected(reason) if exc.errno in _REFUSED else Transient(reason)
