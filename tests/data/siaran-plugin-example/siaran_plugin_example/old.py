"""The example channel as it was written for Siaran's first plugin API. Siaran lists it with
the reason instead of loading it."""

from __future__ import annotations

from composer.plugin import Counting, Platform, PlatformSpec

API_VERSION = 1

PLATFORM = Platform(PlatformSpec(id="example-old", name="Example (old)", text_limit=500,
                                 counting=Counting.GRAPHEMES))
