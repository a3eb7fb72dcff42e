"""Facebook Page (Graph API). Facts: shared/platforms/FACTS.md §5.

Sources: https://developers.facebook.com/docs/graph-api/reference/page/photos,
https://developers.facebook.com/docs/graph-api/reference/page/feed
"""

from composer.core.adapters import Capability as C
from composer.core.adapters import Counting, CredentialField, Platform, PlatformSpec

SPEC = PlatformSpec(
    id="facebook",
    name="Facebook Page",
    text_limit=63_206,  # UNVERIFIED official figure
    counting=Counting.UTF16,  # unit undocumented; UTF-16 is the strictest reading
    max_images=10,
    image_formats=("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff"),
    max_image_bytes=4_000_000,
    recommended_sizes=((1200, 630), (1080, 1080), (1080, 1350)),
    credential_kind="page_token",
    credentials=(
        CredentialField("page_id", "Page ID"),
        CredentialField("page_token", "Page access token", secret=True),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.SCHEDULE, C.VERIFY, C.CONNECT}),
    unverified=("text_limit", "max_images", "max_image_bytes", "alt text"),
    sources=(
        "https://developers.facebook.com/docs/graph-api/reference/page/photos",
        "https://developers.facebook.com/docs/graph-api/reference/page/feed",
    ),
)

PLATFORM = Platform(SPEC)
