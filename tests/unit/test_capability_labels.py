"""Every capability has a name a person reads (`siaran platforms`), in both languages."""

from composer.core import i18n
from composer.core.adapters import Capability


def test_every_capability_is_named_in_english_and_indonesian():
    try:
        for language in ("en", "id"):
            i18n.set_language(language)
            names = {c: c.label for c in Capability}
            assert all(names.values())
        assert Capability.PUBLISH.label == "terbitkan" and Capability.CONNECT.label != "connect"
    finally:
        i18n.set_language("en")
