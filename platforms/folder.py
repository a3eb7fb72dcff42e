"""The embedded default channel: "publishing" writes each variant into a folder.

A new officer can go through the whole flow (compose, check, render, publish, history) with no
account at all. The adapter itself lives with the publishing engine; this is its spec.
"""

from composer.core.adapters import Capability as C
from composer.core.adapters import Counting, CredentialField, Platform, PlatformSpec

SPEC = PlatformSpec(
    id="folder",
    name="Folder",
    text_limit=None,
    counting=Counting.NONE,
    max_images=50,
    image_formats=("image/jpeg", "image/png", "image/gif", "image/webp"),
    recommended_sizes=((1200, 675), (1080, 1080), (1080, 1350)),
    credential_kind="none",
    credentials=(CredentialField("path", "Folder", required=False),),
    capabilities=frozenset({C.PUBLISH, C.DELETE}),
)

PLATFORM = Platform(SPEC)
