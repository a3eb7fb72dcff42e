"""Mastodon. Facts: shared/platforms/FACTS.md §2. Limits are per instance
(/api/v2/instance configuration); these are the defaults of a stock server.

Sources: https://docs.joinmastodon.org/methods/statuses/, https://docs.joinmastodon.org/entities/Instance/
"""

from composer.core.adapters import Capability as C
from composer.core.adapters import Counting, CredentialField, Platform, PlatformSpec

SPEC = PlatformSpec(
    id="mastodon",
    name="Mastodon",
    text_limit=500,
    counting=Counting.MASTODON,
    url_length=23,  # characters_reserved_per_url
    max_images=4,
    image_formats=(
        "image/jpeg", "image/png", "image/gif", "image/heic", "image/heif", "image/webp", "image/avif",
    ),
    max_image_bytes=16 * 1024 * 1024,
    max_image_pixels=33_177_600,  # 7680 x 4320
    recommended_sizes=((1200, 675), (1080, 1080), (1080, 1350)),
    alt_text_limit=1500,
    credential_kind="oauth2_pkce",
    credentials=(
        CredentialField("instance", "Instance URL"),
        CredentialField("client_id", "Client ID", required=False),
        CredentialField("access_token", "Access token", secret=True),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.EDIT, C.SCHEDULE, C.THREADS, C.VERIFY, C.CONNECT}),
    post_url_template="https://{instance}/@{username}/{id}",
    sources=(
        "https://docs.joinmastodon.org/methods/statuses/",
        "https://docs.joinmastodon.org/methods/media/",
        "https://docs.joinmastodon.org/entities/Instance/",
    ),
)

PLATFORM = Platform(SPEC)
