"""Instagram (Graph API, professional accounts). Facts: shared/platforms/FACTS.md §6.

Sources: https://developers.facebook.com/docs/instagram-platform/content-publishing/,
https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
"""

from composer.core.adapters import Capability as C
from composer.core.adapters import Counting, CredentialField, Platform, PlatformSpec

SPEC = PlatformSpec(
    id="instagram",
    name="Instagram",
    text_limit=2200,
    counting=Counting.UTF16,  # unit undocumented; UTF-16 is the strictest reading
    hashtag_limit=5,  # the product cap since December 2025 (the API reference still says 30)
    mention_limit=20,
    max_images=10,
    min_images=1,
    image_formats=("image/jpeg",),
    max_image_bytes=8_000_000,
    aspect_ratio_min=0.8,
    aspect_ratio_max=1.91,
    recommended_sizes=((1080, 1350), (1080, 1080), (1080, 566)),
    credential_kind="oauth2_meta",
    credentials=(
        CredentialField("ig_user_id", "Instagram user ID"),
        CredentialField("access_token", "Access token", secret=True),
    ),
    capabilities=frozenset({C.PUBLISH, C.VERIFY, C.CONNECT}),
    unverified=("text counting unit", "hashtag enforcement by the API", "alt_text_limit"),
    sources=(
        "https://developers.facebook.com/docs/instagram-platform/content-publishing/",
        "https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media",
    ),
)

PLATFORM = Platform(SPEC)
