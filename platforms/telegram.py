"""Telegram channel through the Bot API. Facts: shared/platforms/FACTS.md §8.

Sources: https://core.telegram.org/bots/api#sendmessage (4096), #sendphoto (caption 1024,
10 MB, width + height <= 10000, ratio <= 20), #messageentity (offsets in UTF-16 code units)
"""

from composer.core.adapters import Capability as C
from composer.core.adapters import Counting, CredentialField, Platform, PlatformSpec

SPEC = PlatformSpec(
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
        CredentialField("chat_id", "Channel (@name or id)"),
        CredentialField("bot_token", "Bot token", secret=True),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.EDIT, C.VERIFY}),
    post_url_template="https://t.me/{channel}/{id}",
    unverified=("text counting unit",),
    sources=("https://core.telegram.org/bots/api",),
)

PLATFORM = Platform(SPEC)
