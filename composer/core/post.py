"""The post model: one master post and a variant per channel.

A variant follows the master field by field until the officer overrides a field; resetting the
field makes it follow again. ``Post.resolve(channel)`` gives the fields a channel will actually
use. Posts travel as TOML files (``siaran new`` writes them, ``siaran check`` reads them); the
format is documented in README.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from composer.core.i18n import UserError, _

FORMAT_VERSION = 1

# Ids name folders and files (rendered images go to cache/outgoing/<post id>/), so a post file
# may not choose "../../x" or "/": letters, digits, '_' and '-' only, starting with one of the
# first two.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
# Channel ids and account names (accounts.NAME_PATTERN allows the same, plus '.').
CHANNEL_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
SHA256_PATTERN = re.compile(r"[0-9a-f]{64}")
MAX_POST_FILE_BYTES = 32_000_000  # far above any real post; a 10 MB text still loads
# Schedules must survive time-zone arithmetic (year 9999 at -23:59 overflows).
SCHEDULE_YEARS = (2000, 2999)

# The fields a variant may override. Everything else (media files, schedule) is the master's.
OVERRIDABLE = ("text", "title", "tags", "links", "template")


def new_id() -> str:
    """12 random hex digits (48 bits from the OS's random source, as uuid4's first twelve)."""
    return os.urandom(6).hex()


class PostFileError(UserError):
    """A post file that cannot be used; the message is one translated line."""


@dataclass(frozen=True)
class Crop:
    """A crop as fractions of the (EXIF-oriented) original, so it survives re-renders."""

    x: float
    y: float
    w: float
    h: float

    def __post_init__(self) -> None:
        values = (self.x, self.y, self.w, self.h)
        if not all(0.0 <= v <= 1.0 for v in values) or self.w <= 0 or self.h <= 0:
            raise ValueError(f"crop out of range: {values}")
        if self.x + self.w > 1.000001 or self.y + self.h > 1.000001:
            raise ValueError(f"crop leaves the image: {values}")

    def as_list(self) -> list[float]:
        return [self.x, self.y, self.w, self.h]


@dataclass
class MediaRef:
    path: str  # as given: absolute, or relative to the post file
    alt: str = ""
    id: str = field(default_factory=new_id)
    sha256: str | None = None  # set once copied into the content-addressed media store
    focal: tuple[float, float] | None = None  # (x, y) fractions; None: estimate from the image
    kind: str = "image"  # "image" or "video"
    # A video's cover: an image file, else the frame at ``cover_at`` seconds (default: the
    # first). Its captions: an SRT or WebVTT file. ``alt`` is the video's description.
    cover: str | None = None
    cover_at: float | None = None
    captions: str | None = None
    # Draw the captions into the picture for the channels that take no captions file (those
    # that take one still get the clean video and the file).
    burn_captions: bool = False
    # The part of the video that goes out, seconds on its own clock (None: from the start / to
    # the end); composer.core.video.trim cuts it, the rule book checks the part kept.
    trim_start: float | None = None
    trim_end: float | None = None
    # How the picture meets a channel's shape: "" crops it; "pad" or "blur" keep it whole on a
    # plain or blurred background (a poster whose every line matters).
    fit: str = ""


CAPTION_SUFFIXES = (".srt", ".vtt")


@dataclass
class Variant:
    """One channel's departures from the master."""

    channel: str
    overrides: dict[str, Any] = field(default_factory=dict)
    crops: dict[str, Crop] = field(default_factory=dict)  # media id -> manual crop
    alt: dict[str, str] = field(default_factory=dict)  # media id -> alt text for this channel
    enabled: bool = True
    # the channel's declared per-post options (PlatformSpec.options): name -> value
    options: dict[str, str] = field(default_factory=dict)

    def follows(self, name: str) -> bool:
        return name not in self.overrides

    def override(self, name: str, value: Any) -> None:
        if name not in OVERRIDABLE:
            raise KeyError(name)
        self.overrides[name] = value

    def reset(self, name: str) -> None:
        self.overrides.pop(name, None)

    def is_empty(self) -> bool:
        return not (self.overrides or self.crops or self.alt or self.options) and self.enabled


@dataclass(frozen=True)
class ResolvedMedia:
    ref: MediaRef
    alt: str
    crop: Crop | None


@dataclass(frozen=True)
class Resolved:
    """What one channel will use: the master's fields with the variant's overrides applied."""

    channel: str
    text: str
    title: str
    tags: tuple[str, ...]
    links: tuple[str, ...]
    template: str | None
    media: tuple[ResolvedMedia, ...]
    schedule: datetime | None
    options: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Post:
    text: str = ""
    title: str = ""
    media: list[MediaRef] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)  # channel ids or account names
    schedule: datetime | None = None
    template: str | None = None
    fields: dict[str, str] = field(default_factory=dict)  # template placeholders: office, date ...
    variants: dict[str, Variant] = field(default_factory=dict)
    id: str = field(default_factory=new_id)

    def variant(self, channel: str) -> Variant:
        """The channel's variant, created on first use."""
        if channel not in self.variants:
            self.variants[channel] = Variant(channel)
        return self.variants[channel]

    def resolve(self, channel: str) -> Resolved:
        v = self.variants.get(channel) or Variant(channel)
        # Any: the fields differ in type, and an override holds whatever the officer set
        master: dict[str, Any] = {
            "text": self.text,
            "title": self.title,
            "tags": self.tags,
            "links": self.links,
            "template": self.template,
        }
        value = {name: v.overrides.get(name, master[name]) for name in OVERRIDABLE}
        media = tuple(
            ResolvedMedia(ref, v.alt.get(ref.id, ref.alt), v.crops.get(ref.id)) for ref in self.media
        )
        return Resolved(
            channel=channel,
            text=value["text"],
            title=value["title"],
            tags=tuple(value["tags"]),
            links=tuple(value["links"]),
            template=value["template"],
            media=media,
            schedule=self.schedule,
            options=dict(v.options),
        )

    def media_by_id(self, media_id: str) -> MediaRef:
        for ref in self.media:
            if ref.id == media_id:
                return ref
        raise KeyError(media_id)

    def copy(self) -> Post:
        return from_dict(to_dict(self))


# ---------------------------------------------------------------------------------------------
# Plain-data form (TOML files, the draft store) and its validation.


def to_dict(post: Post) -> dict[str, Any]:
    data: dict[str, Any] = {"siaran": FORMAT_VERSION, "id": post.id}
    if post.title:
        data["title"] = post.title
    data["text"] = post.text
    for name in ("tags", "links", "channels"):
        if getattr(post, name):
            data[name] = list(getattr(post, name))
    if post.schedule is not None:
        data["schedule"] = post.schedule
    if post.template:
        data["template"] = post.template
    if post.fields:
        data["fields"] = dict(post.fields)
    if post.media:
        data["media"] = [_media_to_dict(m) for m in post.media]
    variants = {ch: _variant_to_dict(v) for ch, v in post.variants.items() if not v.is_empty()}
    if variants:
        data["variants"] = variants
    return data


FITS = ("", "pad", "blur")


def _fit(value: Any, where: str) -> str:
    if value not in FITS:
        raise PostFileError(_("'{field}' must be \"pad\", \"blur\" or empty", field=where))
    return str(value)


def _media_to_dict(m: MediaRef) -> dict[str, Any]:
    out: dict[str, Any] = {"id": m.id, "path": m.path, "alt": m.alt}
    if m.sha256:
        out["sha256"] = m.sha256
    if m.focal is not None:
        out["focal"] = list(m.focal)
    if m.kind != "image":
        out["kind"] = m.kind
    if m.cover:
        out["cover"] = m.cover
    if m.cover_at is not None:
        out["cover_at"] = m.cover_at
    if m.captions:
        out["captions"] = m.captions
    if m.burn_captions:
        out["burn_captions"] = True
    if m.trim_start is not None:
        out["trim_start"] = m.trim_start
    if m.trim_end is not None:
        out["trim_end"] = m.trim_end
    if m.fit:
        out["fit"] = m.fit
    return out


def _variant_to_dict(v: Variant) -> dict[str, Any]:
    out: dict[str, Any] = dict(v.overrides)
    if not v.enabled:
        out["enabled"] = False
    if v.crops:
        out["crops"] = {mid: c.as_list() for mid, c in v.crops.items()}
    if v.alt:
        out["alt"] = dict(v.alt)
    if v.options:
        out["options"] = dict(v.options)
    return out


def _expect(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(value, kind):
        raise PostFileError(_("'{field}' has the wrong type", field=where))
    return value


def _str_list(value: Any, where: str) -> list[str]:
    _expect(value, list, where)
    for item in value:
        _expect(item, str, where)
    return list(value)


def _safe_id(value: Any, where: str, pattern: re.Pattern[str] = ID_PATTERN) -> str:
    _expect(value, str, where)
    if not pattern.fullmatch(value):
        raise PostFileError(_("'{field}' may use only letters, digits, '_' and '-' (at most 64)",
                              field=where))
    return str(value)


def _path(value: Any, where: str) -> str:
    from composer.core.safe_files import UnsafeFile, check_name

    if not isinstance(value, str) or not value:
        raise PostFileError(_("'{field}' needs a path", field=where))
    try:
        check_name(value, what=where)
    except UnsafeFile as exc:
        raise PostFileError(str(exc)) from None
    return value


def _schedule(raw: Any) -> datetime:
    if isinstance(raw, str):
        try:
            raw = datetime.fromisoformat(raw)
        except ValueError:
            raise PostFileError(_("'{field}' is not a date and time", field="schedule")) from None
    value: datetime = _expect(raw, datetime, "schedule")
    if value.tzinfo is None:
        raise PostFileError(_("'schedule' needs a time zone, for example +07:00 (WIB)"))
    try:
        utc_year = value.astimezone(UTC).year
    except (OverflowError, ValueError):
        utc_year = 0
    low, high = SCHEDULE_YEARS
    if not (low <= value.year <= high and low <= utc_year <= high):
        raise PostFileError(_("'schedule' must be a date between the years {low} and {high}",
                              low=low, high=high))
    return value


def _video_fields(raw: dict[str, Any], kind: str,
                  where: str) -> tuple[str | None, float | None, str | None]:
    """A video's cover (an image, or a moment in seconds) and captions file."""
    if kind != "video":
        for name in ("cover", "cover_at", "captions", "burn_captions", "trim_start",
                     "trim_end"):
            if name in raw:
                raise PostFileError(_("'{field}' belongs to a video only", field=f"{where}.{name}"))
        return None, None, None
    cover = _path(raw["cover"], where + ".cover") if "cover" in raw else None
    cover_at = raw.get("cover_at")
    if cover_at is not None:
        if isinstance(cover_at, bool) or not isinstance(cover_at, int | float) or cover_at < 0:
            raise PostFileError(_("'{field}' must be a number of seconds from the start",
                                  field=where + ".cover_at"))
        cover_at = float(cover_at)
    captions = _path(raw["captions"], where + ".captions") if "captions" in raw else None
    if captions is not None and not captions.lower().endswith(CAPTION_SUFFIXES):
        raise PostFileError(_("'{field}' must be an SRT or WebVTT file (.srt, .vtt)",
                              field=where + ".captions"))
    return cover, cover_at, captions


def _seconds(raw: dict[str, Any], name: str, where: str) -> float | None:
    value = raw.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise PostFileError(_("'{field}' must be a number of seconds from the start",
                              field=f"{where}.{name}"))
    return float(value)


def from_dict(data: dict[str, Any]) -> Post:
    version = data.get("siaran", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise PostFileError(_("Unsupported post file version {version}", version=version))
    known = {"siaran", "id", "title", "text", "tags", "links", "channels", "schedule", "template",
             "fields", "media", "variants"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise PostFileError(_("Unknown field '{field}' in the post file", field=unknown[0]))
    post = Post(
        text=_expect(data.get("text", ""), str, "text"),
        title=_expect(data.get("title", ""), str, "title"),
        tags=_str_list(data.get("tags", []), "tags"),
        links=_str_list(data.get("links", []), "links"),
        channels=_str_list(data.get("channels", []), "channels"),
        template=_expect(data.get("template"), (str, type(None)), "template"),
        fields={k: str(_expect(v, (str, int, float), f"fields.{k}"))
                for k, v in _expect(data.get("fields", {}), dict, "fields").items()},
        id=_safe_id(data.get("id") or new_id(), "id"),
    )
    for channel in post.channels:
        _safe_id(channel, "channels", CHANNEL_PATTERN)
    if data.get("schedule") is not None:
        post.schedule = _schedule(data["schedule"])
    for i, raw in enumerate(_expect(data.get("media", []), list, "media")):
        where = f"media[{i}]"
        _expect(raw, dict, where)
        _path(raw.get("path"), where)
        sha256 = raw.get("sha256")
        if sha256 is not None and not (isinstance(sha256, str) and SHA256_PATTERN.fullmatch(sha256)):
            raise PostFileError(_("'{field}' is not a SHA-256 digest", field=where + ".sha256"))
        kind = _expect(raw.get("kind", "image"), str, where + ".kind")
        if kind not in ("image", "video"):
            raise PostFileError(_("'{field}' must be image or video", field=where + ".kind"))
        focal = raw.get("focal")
        if focal is not None:
            if not (isinstance(focal, list) and len(focal) == 2
                    and all(isinstance(v, int | float) and 0 <= v <= 1 for v in focal)):
                raise PostFileError(_("'{field}' must be two numbers between 0 and 1",
                                      field=where + ".focal"))
            focal = (float(focal[0]), float(focal[1]))
        cover, cover_at, captions = _video_fields(raw, kind, where)
        trim_start, trim_end = (_seconds(raw, name, where) for name in ("trim_start", "trim_end"))
        if trim_start is not None and trim_end is not None and trim_end <= trim_start:
            raise PostFileError(_("'{field}' must come after the start of the trim",
                                  field=where + ".trim_end"))
        post.media.append(MediaRef(
            path=raw["path"],
            alt=_expect(raw.get("alt", ""), str, where + ".alt"),
            id=_safe_id(raw.get("id") or new_id(), where + ".id"),
            sha256=sha256,
            focal=focal,
            kind=kind,
            cover=cover,
            cover_at=cover_at,
            captions=captions,
            burn_captions=_expect(raw.get("burn_captions", False), bool,
                                  where + ".burn_captions"),
            trim_start=trim_start,
            trim_end=trim_end,
            fit=_fit(raw.get("fit", ""), where + ".fit"),
        ))
    media_ids = {m.id for m in post.media}
    for channel, raw in _expect(data.get("variants", {}), dict, "variants").items():
        where = f"variants.{channel}"
        _safe_id(channel, "variants", CHANNEL_PATTERN)
        _expect(raw, dict, where)
        variant = post.variant(channel)
        for name, value in raw.items():
            if name == "enabled":
                variant.enabled = bool(value)
            elif name == "crops":
                for mid, box in _expect(value, dict, where + ".crops").items():
                    if mid not in media_ids:
                        raise PostFileError(_("'{field}' names an unknown image", field=f"{where}.crops.{mid}"))
                    try:
                        variant.crops[mid] = Crop(*box)
                    except (TypeError, ValueError):
                        raise PostFileError(_("'{field}' is not a valid crop", field=f"{where}.crops.{mid}")) from None
            elif name == "options":
                variant.options = {str(k): _expect(v, str, f"{where}.options.{k}")
                                   for k, v in _expect(value, dict, where + ".options").items()}
            elif name == "alt":
                variant.alt = {k: _expect(v, str, f"{where}.alt.{k}")
                               for k, v in _expect(value, dict, where + ".alt").items()}
            elif name in ("tags", "links"):
                variant.override(name, _str_list(value, f"{where}.{name}"))
            elif name in OVERRIDABLE:
                variant.override(name, _expect(value, str, f"{where}.{name}"))
            else:
                raise PostFileError(_("Unknown field '{field}' in the post file", field=f"{where}.{name}"))
    return post


# ---------------------------------------------------------------------------------------------
# TOML files


def dumps(post: Post) -> str:
    import tomli_w

    return tomli_w.dumps(to_dict(post), multiline_strings=True)


def loads(text: str) -> Post:
    import tomllib  # with the first post file, not at start-up

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PostFileError(_("The post file is not valid TOML: {error}", error=exc)) from None
    except RecursionError:  # tomllib recurses per nesting level: thousands of [[[ ...
        raise PostFileError(_("The post file is nested too deeply")) from None
    return from_dict(data)


def load(path: str | Path) -> Post:
    """Read a post file; relative media paths become absolute (relative to the file)."""
    from composer.core.safe_files import MissingFile, UnsafeFile, read_text

    try:
        text = read_text(path, what=_("The post file"), max_bytes=MAX_POST_FILE_BYTES)
    except MissingFile:
        raise PostFileError(_("No such post file: {path}", path=path)) from None
    except UnsafeFile as exc:
        raise PostFileError(str(exc)) from None
    path = Path(path)
    post = loads(text)
    base = path.resolve().parent
    post.media = [replace(m, path=_absolute(base, m.path), cover=_absolute(base, m.cover),
                          captions=_absolute(base, m.captions)) for m in post.media]
    return post


def _absolute(base: Path, path: str | None) -> Any:
    if path is None or Path(path).is_absolute():
        return path
    return str(base / path)


def save(post: Post, path: str | Path) -> None:
    Path(path).write_text(dumps(post), encoding="utf-8")
