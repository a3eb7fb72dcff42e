"""LinkedIn organization page (Posts API + Images API). Facts: shared/platforms/FACTS.md §7.

Sources: https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api,
https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api
"""

from composer.core.adapters import Capability as C
from composer.core.adapters import Counting, CredentialField, Platform, PlatformSpec

SPEC = PlatformSpec(
    id="linkedin",
    name="LinkedIn",
    text_limit=3000,
    counting=Counting.UTF16,  # unit undocumented; UTF-16 is the strictest reading
    max_images=20,
    image_formats=("image/jpeg", "image/png", "image/gif"),
    max_image_pixels=36_152_320,
    recommended_sizes=((1200, 627), (1080, 1080), (1080, 1350)),
    credential_kind="oauth2",
    credentials=(
        CredentialField("organization", "Organization URN"),
        CredentialField("linkedin_version", "LinkedIn-Version header", default="202511"),
        CredentialField("access_token", "Access token", secret=True),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.VERIFY, C.CONNECT}),
    post_url_template="https://www.linkedin.com/feed/update/{urn}",
    unverified=("text unit", "max_image_bytes", "alt_text_limit"),
    sources=(
        "https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api",
        "https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/multiimage-post-api",
    ),
)

PLATFORM = Platform(SPEC)
