"""The office's WordPress portal (REST API, application passwords). Facts: FACTS.md §11.

Sources: https://developer.wordpress.org/rest-api/reference/posts/,
https://developer.wordpress.org/rest-api/reference/media/,
https://make.wordpress.org/core/2020/11/05/application-passwords-integration-guide/
"""

from composer.core.adapters import Capability as C
from composer.core.adapters import Counting, CredentialField, Platform, PlatformSpec

SPEC = PlatformSpec(
    id="wordpress",
    name="WordPress",
    text_limit=None,
    counting=Counting.NONE,
    max_images=50,
    image_formats=("image/jpeg", "image/png", "image/gif", "image/webp"),
    recommended_sizes=((1200, 675), (1200, 630), (1080, 1080)),
    credential_kind="application_password",
    credentials=(
        CredentialField("url", "Site URL"),
        CredentialField("user", "User name"),
        CredentialField("app_password", "Application password", secret=True),
    ),
    capabilities=frozenset({C.PUBLISH, C.DELETE, C.EDIT, C.SCHEDULE, C.VERIFY}),
    sources=(
        "https://developer.wordpress.org/rest-api/reference/posts/",
        "https://developer.wordpress.org/rest-api/reference/media/",
    ),
)

PLATFORM = Platform(SPEC)
