"""X (Twitter), API v2. Facts: shared/platforms/FACTS.md §1.

Sources: https://github.com/twitter/twitter-text/blob/master/config/v3.json (counting),
https://docs.x.com/fundamentals/counting-characters, https://docs.x.com/x-api/media/quickstart/best-practices
"""

from composer.core.adapters import Capability as C
from composer.core.adapters import Counting, CredentialField, Platform, PlatformSpec

SPEC = PlatformSpec(
    id="x",
    name="X",
    text_limit=280,
    counting=Counting.TWITTER,
    url_length=23,
    max_images=4,
    image_formats=("image/jpeg", "image/png", "image/gif", "image/webp"),
    max_image_bytes=5_000_000,  # "5 MB"; decimal reading is the conservative one
    # X documents no aspect limits; 16:9 is what the feed shows uncropped for one image.
    recommended_sizes=((1200, 675), (1080, 1080), (1080, 1350)),
    alt_text_limit=1000,
    credential_kind="oauth2_pkce",
    credentials=(
        CredentialField("client_id", "Client ID"),
        CredentialField("access_token", "Access token", secret=True),
        CredentialField("refresh_token", "Refresh token", secret=True, required=False),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.THREADS, C.VERIFY, C.CONNECT}),
    post_url_template="https://x.com/i/web/status/{id}",
    unverified=("max_image_bytes", "recommended_sizes"),
    sources=(
        "https://github.com/twitter/twitter-text/blob/master/config/v3.json",
        "https://docs.x.com/fundamentals/counting-characters",
    ),
)

PLATFORM = Platform(SPEC)
