"""Bluesky (AT Protocol). Facts: shared/platforms/FACTS.md §3.

Sources: https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json
(300 graphemes, 3000 bytes), lexicons/app/bsky/embed/images.json (4 images, 2,000,000 bytes),
lexicons/app/bsky/richtext/facet.json (UTF-8 byte offsets).
"""

from composer.core.adapters import Capability as C
from composer.core.adapters import Counting, CredentialField, Platform, PlatformSpec

SPEC = PlatformSpec(
    id="bluesky",
    name="Bluesky",
    text_limit=300,
    text_max_bytes=3000,
    counting=Counting.BLUESKY,
    max_images=4,
    image_formats=("image/jpeg", "image/png", "image/webp", "image/gif"),
    max_image_bytes=2_000_000,
    recommended_sizes=((1200, 675), (1080, 1080), (1080, 1350)),
    alt_text_limit=2000,  # the official app's limit; the protocol has none
    credential_kind="app_password",
    credentials=(
        CredentialField("service", "PDS URL", default="https://bsky.social"),
        CredentialField("handle", "Handle"),
        CredentialField("app_password", "App password", secret=True),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.THREADS, C.VERIFY}),
    post_url_template="https://bsky.app/profile/{handle}/post/{rkey}",
    unverified=("image_formats",),
    sources=(
        "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json",
        "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/embed/images.json",
        "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/richtext/facet.json",
    ),
)

PLATFORM = Platform(SPEC)
