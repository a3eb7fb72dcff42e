"""Threads (Meta Threads API). Facts: shared/platforms/FACTS.md §4.

Sources: https://developers.facebook.com/documentation/threads/posts,
https://developers.facebook.com/documentation/threads/overview (500 characters, emoji as UTF-8
bytes, 5 links), https://developers.facebook.com/documentation/threads/reference/publishing
"""

from composer.core.adapters import Capability as C
from composer.core.adapters import Counting, CredentialField, Platform, PlatformSpec

SPEC = PlatformSpec(
    id="threads",
    name="Threads",
    text_limit=500,
    counting=Counting.THREADS,
    max_links=5,
    hashtag_limit=1,  # one topic tag per post
    max_images=20,
    image_formats=("image/jpeg", "image/png"),
    max_image_bytes=8_000_000,
    aspect_ratio_min=0.1,
    aspect_ratio_max=10.0,
    recommended_sizes=((1080, 1350), (1080, 1080), (1200, 675)),
    credential_kind="oauth2_meta",
    credentials=(
        CredentialField("user_id", "Threads user ID"),
        CredentialField("access_token", "Access token", secret=True),
    ),
    capabilities=frozenset({C.PUBLISH, C.THREADS, C.VERIFY, C.CONNECT}),
    unverified=("counting of non-emoji text", "alt_text_limit", "hashtag rules"),
    sources=(
        "https://developers.facebook.com/documentation/threads/posts",
        "https://developers.facebook.com/documentation/threads/overview",
    ),
)

PLATFORM = Platform(SPEC)
