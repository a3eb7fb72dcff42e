"""WhatsApp groups and channels: no public posting API exists, so this channel is assisted.
Siaran prepares the variant and the officer sends it by hand. Facts: shared/platforms/FACTS.md §9.

Sources: https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/image-messages/
(caption 1024, 5 MB JPEG/PNG)
"""

from composer.core.adapters import Capability as C
from composer.core.adapters import Counting, Platform, PlatformSpec

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

PLATFORM = Platform(SPEC)
