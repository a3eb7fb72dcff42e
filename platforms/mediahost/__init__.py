"""Public image addresses for channels that fetch images themselves (Instagram, Threads).

Meta downloads every image from a public ``image_url`` (docs/platforms.md §4, §6: no auth, no redirects),
so a desktop app must first put the rendered file somewhere public. The officer chooses a host
per account (``media_host`` setting):

- ``wordpress``: the office's own WordPress media library, through the portal account's
  application password (REST ``POST /wp/v2/media``; the answer's ``source_url``).
  :func:`from_portal` copies the portal account's address, user and password into these fields.
- ``s3``: an S3-compatible bucket (endpoint, bucket, region, access key id in the settings; the
  secret key in the keyring): a public-read object, or a presigned GET address.

Files are never held whole in memory (a Reel may be a gigabyte): the fingerprint is hashed
in 1 MiB pieces and each host streams the upload from disk (``composer.plugin.FileBody``).

Each image is uploaded once per publish: what was hosted is journalled (checkpoint
``media_hosted``), so a retry or a resume reuses it; an S3 presigned address close to expiry is
signed again without uploading again.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from composer.plugin import CredentialField, PublishContext, Rejected, RenderedMedia, _

CHUNK = 1 << 20  # bytes hashed at a time

# Settings and secrets an account that uses a media host may have (added to the specs of the
# channels that need one, so the account form shows them).
FIELDS = (
    CredentialField("media_host", "Image host (wordpress or s3)", required=False,
                    default="wordpress"),
    CredentialField("media_wp_url", "Image host: WordPress site URL", required=False),
    CredentialField("media_wp_user", "Image host: WordPress user name", required=False),
    CredentialField("media_wp_app_password", "Image host: WordPress application password",
                    secret=True, required=False),
    CredentialField("media_s3_endpoint", "Image host: S3 endpoint URL", required=False),
    CredentialField("media_s3_bucket", "Image host: S3 bucket", required=False),
    CredentialField("media_s3_region", "Image host: S3 region", required=False,
                    default="us-east-1"),
    CredentialField("media_s3_access_key_id", "Image host: S3 access key ID", required=False),
    CredentialField("media_s3_secret_key", "Image host: S3 secret key", secret=True,
                    required=False),
    CredentialField("media_s3_public", "Image host: public-read objects (yes/no)",
                    required=False, default="no"),
)

# A hosted address must stay valid at least this long when a container is made from it (Meta
# fetches it then; a resume hours later signs a fresh one).
MIN_VALID = 15 * 60
CHECKPOINT_KEY = "media_hosted"


@dataclass(frozen=True)
class Hosted:
    fingerprint: str  # which rendered file this is (sha256 of its bytes)
    url: str
    ref: str = ""  # the host's own id: the WordPress attachment id or the S3 key
    expires_at: float | None = None  # presigned addresses expire


class MediaHost(Protocol):
    def ready(self, ctx: PublishContext) -> None:
        """Raise Rejected, without a request, when the host's settings are incomplete."""

    def put(self, ctx: PublishContext, media: RenderedMedia, fingerprint: str) -> Hosted:
        """Upload ``media.path`` (streamed from disk; ``fingerprint`` is its SHA-256)."""

    def renew(self, ctx: PublishContext, hosted: Hosted) -> Hosted: ...


def host_for(ctx: PublishContext) -> MediaHost:
    kind = (ctx.account.get("media_host") or "wordpress").strip().lower()
    if kind == "wordpress":
        from platforms.mediahost.wordpress import WordPressHost

        return WordPressHost()
    if kind == "s3":
        from platforms.mediahost.s3 import S3Host

        return S3Host()
    raise Rejected(_("Unknown image host '{host}'; choose wordpress or s3", host=kind))


def check_ready(ctx: PublishContext) -> None:
    """Refuse, before any request, an account whose image host is not set up."""
    host_for(ctx).ready(ctx)


def public_urls(ctx: PublishContext, media: Sequence[RenderedMedia]) -> list[str]:
    """A public address for each image, uploading only what no earlier attempt hosted."""
    hosted = [Hosted(**h) for h in ctx.checkpoint.get(CHECKPOINT_KEY, [])]
    host: MediaHost | None = None
    urls: list[str] = []
    for i, m in enumerate(media):
        ctx.check_cancelled()
        fingerprint = file_sha256(m.path)
        known = hosted[i] if i < len(hosted) and hosted[i].fingerprint == fingerprint else None
        host = host or host_for(ctx)
        if known is None:
            ctx.progress("upload", i / max(1, len(media)))
            known = host.put(ctx, m, fingerprint)
        elif known.expires_at is not None and known.expires_at - time.time() < MIN_VALID:
            known = host.renew(ctx, known)
        else:
            urls.append(known.url)
            continue
        if i < len(hosted):
            hosted[i] = known  # a different image at this place, or a renewed address
        else:
            hosted.append(known)
        ctx.save_checkpoint({CHECKPOINT_KEY: [asdict(h) for h in hosted]})
        urls.append(known.url)
    return urls


def file_sha256(path: str) -> str:
    """The file's SHA-256, read a piece at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while piece := fh.read(CHUNK):
            digest.update(piece)
    return digest.hexdigest()


def from_portal(accounts: Any, portal: str) -> tuple[dict[str, str], dict[str, str]]:
    """(settings, secrets) that host images in the WordPress portal account ``portal``'s media
    library: add them to an Instagram or Threads account (``Accounts.add`` or the form)."""
    account = accounts.get(portal)
    if account.platform != "wordpress":
        raise Rejected(_("'{name}' is not a WordPress account", name=portal))
    password = accounts.secrets_of(portal).get("app_password") or ""
    settings = {"media_host": "wordpress", "media_wp_url": account.settings.get("url", ""),
                "media_wp_user": account.settings.get("user", ""),
                "media_host_account": portal}
    return settings, {"media_wp_app_password": password}


def setting(account: Mapping[str, str], name: str, what: str) -> str:
    value = (account.get(name) or "").strip()
    if not value:
        raise Rejected(_("The image host is not set up: {what} is missing", what=what))
    return value
