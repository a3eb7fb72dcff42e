"""WhatsApp groups and channels: no public posting API exists, so this channel is assisted.
Siaran prepares the variant (text within the limits, one image) and the ways to open it in
WhatsApp: a share link (https://wa.me/?text=..., the browser or the phone picks the chat or
channel) and WhatsApp Desktop (whatsapp://send?text=...). The officer sends it by hand and
confirms; the journal records a manual publish by that person (composer/core/manual.py).
Facts: docs/platforms.md §9.

Sources: https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/image-messages/
(caption 1024, 5 MB JPEG/PNG), https://faq.whatsapp.com/5913398998672934 (wa.me links: text is
URL-encoded in ?text=)
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from composer.plugin import (
    AccountInfo,
    Counting,
    Fold,
    OutgoingPost,
    Palette,
    Platform,
    PlatformSpec,
    PreviewRules,
    PublishContext,
    PublishResult,
    Rejected,
    _,
)
from composer.plugin import Capability as C
from platforms.translations import TRANSLATIONS

# The plugin API this module was written for (the registry refuses another version).
API_VERSION = 2

SPEC = PlatformSpec(
    id="whatsapp",
    name="WhatsApp",
    text_limit=4096,
    caption_limit=1024,
    counting=Counting.UTF16,
    max_images=1,
    image_formats=("image/jpeg", "image/png"),
    max_image_bytes=5_000_000,
    recommended_sizes=((1080, 1080), (1080, 1350), (1280, 720)),
    credential_kind="none",
    capabilities=frozenset({C.MANUAL}),
    unverified=("text_limit",),
    sources=(
        "https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/image-messages/",
    ),
)

SHARE_URL = "https://wa.me/?text="
APP_URL = "whatsapp://send?text="


@dataclass(frozen=True)
class ShareLinks:
    web: str  # opens WhatsApp (app or web) with the text, asking for the chat
    app: str  # WhatsApp Desktop, where it is installed


def share_links(text: str) -> ShareLinks:
    encoded = quote(text, safe="")  # every reserved character, newlines and emoji included
    return ShareLinks(SHARE_URL + encoded, APP_URL + encoded)


class WhatsAppAdapter:
    """Prepares the share; it never sends anything itself (there is nothing to send to)."""

    def __init__(self, spec: PlatformSpec = SPEC):
        self.spec = spec

    def share(self, post: OutgoingPost) -> ShareLinks:
        return share_links(post.text)

    def publish(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult:
        by = ctx.checkpoint.get("manual_by")
        if by:  # already sent by hand and confirmed: publishing again must not undo that
            return PublishResult(remote_id=f"manual:{by}", extra={"manual_by": by})
        raise Rejected(_("WhatsApp is sent by hand: open it from Siaran, send it, then confirm"))

    def find_existing(self, ctx: PublishContext, post: OutgoingPost) -> PublishResult | None:
        return None  # Siaran cannot see WhatsApp; the officer's confirmation is the record

    def delete(self, ctx: PublishContext, result: PublishResult) -> None:
        raise Rejected(_("Delete the message in WhatsApp itself"))

    def verify(self, ctx: PublishContext) -> AccountInfo:
        return AccountInfo(display_name=ctx.account.get("account") or "WhatsApp")


# How the feed draws a post: a bubble, image on top, caption under it, "Read more" after ~5 lines (UNVERIFIED).
PREVIEW = PreviewRules(
    "whatsapp", avatar="none", indent=False, header="bubble", order=("media", "text", "actions"),
    markup="whatsapp",
    grid="whatsapp", show_handle=False, bubble=True, media_radius=8,
    fold=Fold("Read more", lines=5, ellipsis="… "),
    palette=Palette(text="#111B21", secondary="#667781", link="#027EB5", border="#FFFFFF",
                    page="#EFEAE2"),
    time="", actions=(("", ""), ("", "10:00")),
)

PLATFORM = Platform(SPEC, WhatsAppAdapter, preview=PREVIEW, translations=TRANSLATIONS)
