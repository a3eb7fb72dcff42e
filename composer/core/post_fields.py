"""The parts of a post around its text, as the officer types them: tags, links, and each
channel's declared options (PlatformSpec.options). One place reads them, so the window, the
post files and the engine agree on what "#banjir, sleman" or a privacy choice means."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from composer.core.adapters import OptionField, PlatformSpec
from composer.core.i18n import UserError, _

_TAG_SPLIT = re.compile(r"[,\s]+")


def parse_tags(text: str) -> list[str]:
    """'#banjir, Sleman banjir' -> ['banjir', 'Sleman']: commas or spaces between tags, the '#'
    optional, each tag once (whatever its case, the first spelling kept)."""
    seen: set[str] = set()
    tags: list[str] = []
    for raw in _TAG_SPLIT.split(text):
        tag = raw.strip().lstrip("#").strip()
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


def tags_text(tags: list[str]) -> str:
    return ", ".join(tags)


def parse_links(text: str) -> list[str]:
    """Web addresses separated by spaces or new lines, each once; anything else is one line
    saying which is not an address."""
    links: list[str] = []
    for raw in text.split():
        parts = urlsplit(raw)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UserError(_("'{value}' is not a web address (https://...)", value=raw))
        if raw not in links:
            links.append(raw)
    return links


def links_text(links: list[str]) -> str:
    return "\n".join(links)


def option(spec: PlatformSpec, name: str) -> OptionField | None:
    return next((o for o in spec.options if o.name == name), None)


def option_values(spec: PlatformSpec, values: Mapping[str, str]) -> dict[str, str]:
    """The options this channel declares, as the adapter receives them: unknown names and empty
    values dropped (the adapter's default applies), a choice outside the list refused."""
    out: dict[str, str] = {}
    for name, value in values.items():
        field = option(spec, name)
        if field is None or value == "":
            continue
        if field.kind == "choice" and value not in {v for v, _label in field.choices}:
            raise UserError(_("'{value}' is not a choice for {option} on {channel}",
                              value=value, option=_(field.label), channel=spec.name))
        if field.kind == "flag" and value not in ("true", "false"):
            raise UserError(_("'{value}' is not true or false for {option} on {channel}",
                              value=value, option=_(field.label), channel=spec.name))
        out[name] = value
    return out
