"""The adapter contract: what a channel declares (PlatformSpec) and what it implements.

Plugins (the built-in ones in ``platforms/`` too) never import this module directly: they import
``composer.plugin``, which re-exports it with the few helpers an adapter may use (an
import-linter contract in pyproject.toml enforces that). The engine, not the adapter, decides
what to do after an error, so adapters raise the few typed errors below and never retry on
their own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:  # pragma: no cover - typing only; keeps httpx out of start-up
    import httpx

    from composer.core.post import Resolved

# The plugin API this core speaks. A plugin declares the version it was written for
# (``API_VERSION`` on its module or its Platform); the registry lists a plugin written for
# another version with the reason instead of loading it.
API_VERSION = 2


class Counting(StrEnum):
    """How a channel measures text (see composer.core.text)."""

    TWITTER = "twitter-weighted"  # twitter-text v3 weights, URLs 23, NFC first
    BLUESKY = "bluesky"  # graphemes and UTF-8 bytes, URLs at full length
    MASTODON = "mastodon"  # graphemes, http(s) URLs 23, @user@domain counts as @user
    GRAPHEMES = "graphemes"
    CODEPOINTS = "codepoints"
    UTF16 = "utf16"  # Telegram, Facebook, Instagram, LinkedIn count UTF-16 code units
    THREADS = "threads"  # characters, but emoji count as their UTF-8 bytes
    BYTES = "utf8-bytes"
    NONE = "none"  # no limit (WordPress)


class Capability(StrEnum):
    PUBLISH = "publish"
    DELETE = "delete"
    EDIT = "edit"
    SCHEDULE = "schedule"  # native scheduling on the platform
    THREADS = "threads"  # a long text becomes a chain of replies
    VERIFY = "verify"  # can tell whose account a credential belongs to
    CONNECT = "connect"  # has an interactive sign-in flow
    RENEW = "renew"  # can renew its own sign-in before it lapses
    MANUAL = "manual"  # the officer posts by hand; Siaran prepares and records it

    @property
    def label(self) -> str:
        """What the capability is called in the current language (the value stays the key)."""
        from composer.core.i18n import _

        labels = {"publish": _("publish"), "delete": _("delete"), "edit": _("edit"),
                  "schedule": _("schedule"), "threads": _("threads"), "verify": _("verify"),
                  "connect": _("sign-in"), "renew": _("renews its sign-in"), "manual": _("by hand")}
        return labels[self.value]


@dataclass(frozen=True)
class CredentialField:
    """One thing an account needs. Secret fields go to the keyring, the rest to the database."""

    name: str
    label: str  # English; translated through the plugin's ``translations`` (see Platform)
    secret: bool = False
    required: bool = True
    default: str | None = None
    help: str = ""  # one sentence under the field (where to find the value); translated too
    # Filled by the browser sign-in (``connect``): never typed, so the form does not ask for it.
    by_sign_in: bool = False


@dataclass(frozen=True)
class OptionField:
    """A per-post choice a channel offers (YouTube privacy, WordPress status, Telegram silent).

    The window draws it from this declaration alone (never per platform); the officer's value
    reaches the adapter in ``OutgoingPost.options[name]`` as a string ("" or absent: the
    adapter's own default, usually the account's setting). Additive to API version 2."""

    name: str
    label: str  # English; translated through the plugin's ``translations`` (see Platform)
    kind: str = "choice"  # "choice" (one of ``choices``), "flag" ("true"/"false") or "text"
    choices: tuple[tuple[str, str], ...] = ()  # (value, English label) for a choice
    help: str = ""  # one sentence under the field; translated too


@dataclass(frozen=True)
class VideoRules:
    """What a channel takes as a video (its published limits; docs/video.md has the sources).
    A file inside every rule goes out untouched; one outside a rule that an encode can fix
    (container, codec, size, shape, frame rate, bytes) is shaped once; one outside a rule no
    encode fixes (too long, too short) is a ``block`` finding."""

    containers: tuple[str, ...] = ("mp4",)  # composer.core.video names: mp4, mov, webm ...
    video_codecs: tuple[str, ...] = ("h264",)  # FFmpeg names: h264, hevc, vp9, av1
    audio_codecs: tuple[str, ...] = ("aac",)
    max_bytes: int | None = None
    max_duration: float | None = None  # seconds
    min_duration: float | None = None
    max_long_side: int | None = None  # pixels, whichever way the video is turned
    max_short_side: int | None = None
    min_short_side: int | None = None
    aspect_min: float | None = None  # width / height as shown
    aspect_max: float | None = None
    # How a video outside the aspect range is brought inside: "pad" keeps the whole picture
    # (bars), "crop" fills the frame (Reels: 9:16 full screen).
    fit: str = "pad"
    max_fps: float | None = None
    min_fps: float | None = None
    max_bitrate: int | None = None  # bits per second, the whole file
    hdr: bool = False  # takes 10-bit / HDR as it is (else it is made 8-bit SDR)
    variable_fps: bool = True  # takes variable frame rate as it is
    captions: bool = False  # takes a captions file (SRT/WebVTT) beside the video
    caption_formats: tuple[str, ...] = ()  # "vtt", "srt"


@dataclass(frozen=True)
class PlatformSpec:
    """Everything the composer needs to know about a channel without talking to it."""

    id: str
    name: str
    text_limit: int | None
    counting: Counting
    url_length: int | None = None
    caption_limit: int | None = None  # text limit when media is attached (Telegram, WhatsApp)
    text_max_bytes: int | None = None  # a second, byte limit (Bluesky 3000)
    title_limit: int | None = None
    description_limit_bytes: int | None = None
    tags_total_limit: int | None = None
    hashtag_limit: int | None = None
    mention_limit: int | None = None
    max_links: int | None = None
    max_images: int = 0
    min_images: int = 0  # a channel that needs at least one image (Instagram)
    image_formats: tuple[str, ...] = ()
    max_image_bytes: int | None = None
    max_image_pixels: int | None = None
    max_image_dimensions: tuple[int, int] | None = None
    max_width_plus_height: int | None = None
    aspect_ratio_min: float | None = None  # width / height
    aspect_ratio_max: float | None = None
    # (width, height) pairs the platform recommends; the first is the default crop.
    recommended_sizes: tuple[tuple[int, int], ...] = ()
    # How the feed shows several images: one entry per post size the feed lays out in fixed
    # cells, each the cells' shapes (width / height) in image order, e.g. ((1.0, 1.0),) for two
    # squares side by side. The feed crops every image to its cell; a post size not listed shows
    # each image whole (or in a shape that follows the images).
    grid_cells: tuple[tuple[float, ...], ...] = ()
    alt_text_limit: int | None = None
    video_only: bool = False
    video: VideoRules | None = None  # None: the channel takes no video here
    credential_kind: str = "none"
    credentials: tuple[CredentialField, ...] = ()
    capabilities: frozenset[Capability] = frozenset()
    # With EDIT: the parts of a published post the platform lets you change in place (names
    # from composer.core.corrections.PARTS: text, title, tags, link, media, alt, schedule);
    # empty means all of them.
    edit_scope: frozenset[str] = frozenset()
    # Parts of an OutgoingPost this channel never sends (e.g. title, tags on a microblog), so a
    # change to them is no change here.
    unsent_parts: frozenset[str] = frozenset()
    post_url_template: str | None = None
    # With SCHEDULE: how far ahead the platform holds a post (seconds). Nearer or further,
    # Siaran keeps the post in its own queue and sends it itself at its time.
    schedule_min_ahead: int = 0
    schedule_max_ahead: int | None = None
    # Facts not confirmed by a primary source; the settings may override these (see overrides()).
    unverified: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    # Per-post options the officer may set for this channel (see OptionField)
    options: tuple[OptionField, ...] = ()

    def __hash__(self) -> int:
        """The fields' hash, worked out once: the text engine's caches are keyed by the spec
        and asked for every channel on every keystroke (a spec holds dozens of fields)."""
        try:
            return self.__dict__["_hash"]  # type: ignore[no-any-return]
        except KeyError:
            value = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", value)  # frozen: the field values never change
            return value

    @property
    def supports_threads(self) -> bool:
        return Capability.THREADS in self.capabilities

    def can(self, capability: Capability) -> bool:
        return capability in self.capabilities

    def grid_cell(self, count: int, index: int) -> float | None:
        """The shape of the feed cell image ``index`` (0-based) of ``count`` is cropped to, or
        None when the feed shows it whole."""
        cells = next((c for c in self.grid_cells if len(c) == count), None)
        return cells[index] if cells is not None and 0 <= index < count else None

    def limit_for(self, *, with_media: bool) -> int | None:
        if with_media and self.caption_limit is not None:
            return self.caption_limit
        return self.text_limit


# ---------------------------------------------------------------------------------------------
# Findings: what the rule book (composer.core.checks) says about one channel's variant.


class Severity(StrEnum):
    BLOCK = "block"  # the engine refuses this channel before any request
    WARN = "warn"  # it goes out; the officer should look
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One thing the rule book found. ``code`` is stable (``text.too_long``, ``media.too_many``
    ...), ``message`` is translated for the officer, ``params`` are the numbers behind it."""

    code: str
    severity: Severity
    channel: str  # the channel id or account name the post names
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def blocks(self) -> bool:
        return self.severity == Severity.BLOCK


# ---------------------------------------------------------------------------------------------
# Errors: few and typed, so the engine can decide what comes next.


class AdapterError(Exception):
    """Base of everything an adapter may raise. ``reason`` is plain words for the officer."""

    retryable = False

    def __init__(self, reason: str = "", *, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status


class AuthExpired(AdapterError):
    """The credential no longer works; the officer has to sign in again."""


class RateLimited(AdapterError):
    retryable = True

    def __init__(self, reason: str = "", *, retry_after: float | None = None,
                 status: int | None = 429):
        super().__init__(reason, status=status)
        self.retry_after = retry_after


class Transient(AdapterError):
    """Provably did not reach the platform (or the platform said: try again)."""

    retryable = True


class Unknown(AdapterError):
    """Sent, but no answer: the post may exist. The engine looks before it retries."""


class Rejected(AdapterError):
    """The platform said no; retrying is pointless."""


class Duplicate(AdapterError):
    """The platform refused the post as a duplicate of an existing one."""


class MediaInvalid(AdapterError):
    """An image or video was refused (format, size, shape)."""


class Cancelled(AdapterError):
    """The officer cancelled."""


# ---------------------------------------------------------------------------------------------
# What flows between the engine and an adapter.


@dataclass(frozen=True)
class RenderedMedia:
    """One file ready to upload: already cropped, branded, encoded and stripped of metadata."""

    path: str
    mime: str
    width: int
    height: int
    alt: str = ""
    sha256: str = ""
    # A video (mime video/*): its length, its cover image (JPEG) and captions file, when any.
    duration: float = 0.0
    cover: str = ""
    captions: str = ""
    # When the cover is a frame of this very file: its moment in seconds (a channel that
    # names a frame instead of taking an image, Instagram's thumb_offset, uses it). None when
    # the cover is the officer's own image or a frame outside the part of the video sent.
    cover_at: float | None = None

    @property
    def is_video(self) -> bool:
        return self.mime.startswith("video/")


@dataclass(frozen=True)
class OutgoingPost:
    """A channel's variant, final: the adapter sends exactly this."""

    post_id: str
    text: str
    parts: tuple[str, ...] = ()  # thread parts when the channel splits; else empty
    media: tuple[RenderedMedia, ...] = ()
    title: str = ""
    link: str | None = None
    tags: tuple[str, ...] = ()
    schedule_utc: str | None = None  # ISO 8601; None publishes now
    # A stable key for this (post, account); adapters use it for idempotency where possible.
    idempotency_key: str = ""
    # The officer's per-post options for this channel, by OptionField name (only those set)
    options: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PublishResult:
    remote_id: str
    url: str | None = None
    # Everything needed later to delete or check the post (thread ids, media ids ...).
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Choice:
    """One of the things a sign-in may lead to (a Facebook Page, an Instagram account, a
    LinkedIn organisation): ``id`` is what the adapter keeps, ``label`` what the officer reads."""

    id: str
    label: str
    detail: str = ""


# What ``connect`` calls when the officer must pick one of several: returns the chosen one, or
# raises (composer.core.oauth.SignInCancelled) when the officer picks none.
ChooseFn = Callable[[list[Choice]], Choice]


@dataclass(frozen=True)
class AccountInfo:
    display_name: str
    handle: str = ""
    avatar_url: str | None = None


class Progress(Protocol):
    def __call__(self, step: str, fraction: float | None = None, **data: Any) -> None: ...


@dataclass
class PublishContext:
    """What an adapter receives: its HTTP client, its account's settings and secrets, and hooks."""

    client: httpx.Client
    account: Mapping[str, str]  # non-secret fields (url, handle, service ...)
    secrets: Mapping[str, str]
    log: logging.Logger
    progress: Callable[..., None] = lambda step, fraction=None, **data: None
    cancel_event: threading.Event = field(default_factory=threading.Event)
    # Steps already done in an earlier attempt (from the journal): media ids, container ids ...
    checkpoint: dict[str, Any] = field(default_factory=dict)
    # Adapters call this to journal a step before moving on, so a crash can resume from it.
    save_checkpoint: Callable[[dict[str, Any]], None] = lambda data: None
    # Adapters that refresh or rotate tokens hand the new secrets here; they go to the keyring.
    update_secrets: Callable[[Mapping[str, str]], None] = lambda secrets: None

    def check_cancelled(self) -> None:
        if self.cancel_event.is_set():
            raise Cancelled("cancelled")


@runtime_checkable
class Adapter(Protocol):
    spec: PlatformSpec

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        """Publish and return the remote id and public URL; raise an AdapterError otherwise."""

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        """After an Unknown outcome: return the post if the platform has it, else None."""

    def delete(self, ctx: PublishContext, result: PublishResult) -> None: ...

    def verify(self, ctx: PublishContext) -> AccountInfo: ...


# Optional capabilities: an adapter has one when it implements the method; the registry
# recognises them with isinstance (never hasattr) and checks them against the spec.


@runtime_checkable
class Connectable(Protocol):
    """A browser sign-in. Returns (settings, secrets) for the new account; ``sign_in`` goes to
    composer.core.oauth.authorize (open_browser, show_url, timeout, cancel ...). Where the sign-in
    leads to several pages or organisations, ``choose`` (when given) picks one from the list;
    without it the account's own setting decides, or the only one there is."""

    def connect(self, account: Mapping[str, str], secrets: Mapping[str, str] | None = None, *,
                choose: ChooseFn | None = None,
                **sign_in: Any) -> tuple[dict[str, str], dict[str, str]]: ...


@runtime_checkable
class Renewable(Protocol):
    """A sign-in that can be renewed before it lapses (an OAuth refresh token, Meta's long-lived
    token exchanged again). Returns the new secrets (``expires_at`` among them, epoch seconds);
    raises AuthExpired when the platform will not renew it (the officer signs in again)."""

    def renew(self, ctx: PublishContext) -> dict[str, str]: ...


@runtime_checkable
class Shareable(Protocol):
    """Sent by hand (WhatsApp): Siaran prepares what the officer sends and records it."""

    def share(self, post: OutgoingPost) -> Any: ...


@runtime_checkable
class Editable(Protocol):
    """Changes a published post in place; returns the (possibly new) result to journal."""

    def update(self, ctx: PublishContext, result: PublishResult,
               post: OutgoingPost) -> PublishResult: ...


@runtime_checkable
class Schedulable(Protocol):
    """The platform holds a post until its time. ``reschedule`` moves a held post to another
    time (ISO 8601 UTC), or takes it off the platform's schedule when ``schedule_utc`` is None."""

    def reschedule(self, ctx: PublishContext, result: PublishResult,
                   schedule_utc: str | None) -> PublishResult: ...


@runtime_checkable
class Validating(Protocol):
    """Platform rules the spec cannot express; they feed the rule book (composer.core.checks)."""

    def validate(self, post: Resolved) -> list[Finding]: ...


# The capabilities an adapter has by implementing a Protocol. The spec's own claim to these is
# not trusted: the Platform derives them from the code (see Platform.__post_init__), so a spec
# that says EDIT without an ``update()`` cannot make the engine call a method that is not there,
# and an adapter that gains ``update()`` is editable without a second edit to its spec. We chose
# deriving over refusing such a plugin because refusing would hide a channel that publishes fine
# over a capability it merely over- or under-claims.
IMPLEMENTED_CAPABILITIES: Mapping[Capability, type] = {
    Capability.CONNECT: Connectable,
    Capability.MANUAL: Shareable,
    Capability.EDIT: Editable,
    Capability.SCHEDULE: Schedulable,
    Capability.RENEW: Renewable,
}


@dataclass(frozen=True)
class Platform:
    """What a plugin's entry point yields: the spec, and the adapter class when it can publish.

    ``api_version``: the plugin API it was written for (else its module's ``API_VERSION``).
    ``preview``: how the platform's feed draws a post (composer.core.preview.PreviewRules);
    None draws a generic card. ``translations``: ``{language: {English: translation}}`` for the
    plugin's own strings (credential labels and help, preview labels, its messages); the
    registry merges them into the core's catalog, so ``_()`` finds them."""

    spec: PlatformSpec
    adapter: type | None = None
    api_version: int | None = None
    preview: Any = None  # PreviewRules; Any keeps this module free of the preview types
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        derived = {cap for cap, proto in IMPLEMENTED_CAPABILITIES.items() if self._has(proto)}
        capabilities = (self.spec.capabilities - IMPLEMENTED_CAPABILITIES.keys()) | derived
        if capabilities != self.spec.capabilities:
            object.__setattr__(self, "spec", replace(self.spec, capabilities=frozenset(capabilities)))

    def _has(self, protocol: type) -> bool:
        return self.adapter is not None and issubclass(self.adapter, protocol)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def connectable(self) -> bool:
        """Has a browser sign-in (``connect``)."""
        return self._has(Connectable)

    @property
    def shareable(self) -> bool:
        """Sent by hand: Siaran prepares it (``share``) and records the officer's confirmation."""
        return self._has(Shareable)

    @property
    def editable(self) -> bool:
        return self._has(Editable)

    @property
    def schedulable(self) -> bool:
        return self._has(Schedulable)

    @property
    def renewable(self) -> bool:
        """Renews its own sign-in (``renew``) before it lapses."""
        return self._has(Renewable)

    @property
    def validating(self) -> bool:
        """Adds platform rules to the rule book (``validate``)."""
        return self._has(Validating)

    def make_adapter(self) -> Adapter | None:
        return self.adapter(self.spec) if self.adapter is not None else None


__all__ = [
    "API_VERSION",
    "AccountInfo",
    "Adapter",
    "AdapterError",
    "AuthExpired",
    "Cancelled",
    "Capability",
    "Choice",
    "ChooseFn",
    "Connectable",
    "CredentialField",
    "Counting",
    "Duplicate",
    "Editable",
    "Finding",
    "IMPLEMENTED_CAPABILITIES",
    "MediaInvalid",
    "OptionField",
    "OutgoingPost",
    "Platform",
    "PlatformSpec",
    "PublishContext",
    "PublishResult",
    "RateLimited",
    "Rejected",
    "Renewable",
    "RenderedMedia",
    "Schedulable",
    "Severity",
    "Shareable",
    "Transient",
    "Unknown",
    "Validating",
    "VideoRules",
]
