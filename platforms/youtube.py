"""YouTube Data API v3: video only. Facts: shared/platforms/FACTS.md §10.

Sources: https://developers.google.com/youtube/v3/docs/videos (title 100 characters,
description 5000 bytes, tags 500 characters in all), https://developers.google.com/youtube/data/reference/rest/v3/videos/insert
"""

from composer.core.adapters import Capability as C
from composer.core.adapters import Counting, CredentialField, Platform, PlatformSpec

SPEC = PlatformSpec(
    id="youtube",
    name="YouTube",
    text_limit=5000,  # the description, in UTF-8 bytes
    counting=Counting.BYTES,
    title_limit=100,
    description_limit_bytes=5000,
    tags_total_limit=500,
    video_only=True,
    credential_kind="oauth2_pkce",
    credentials=(
        CredentialField("client_id", "Client ID"),
        CredentialField("refresh_token", "Refresh token", secret=True),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.SCHEDULE, C.VERIFY, C.CONNECT}),
    post_url_template="https://www.youtube.com/watch?v={id}",
    sources=("https://developers.google.com/youtube/v3/docs/videos",),
)

PLATFORM = Platform(SPEC)
