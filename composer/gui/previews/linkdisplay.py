"""How each platform shows a URL or a mention in its feed (docs/previews.md §1, §6, §7). Pure, no Qt."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def as_typed(url: str) -> str:
    return url


def _strip_scheme_www(url: str) -> str:
    rest = _SCHEME.sub("", url)
    return rest[4:] if rest.lower().startswith("www.") else rest


def mastodon_url(url: str) -> str:
    """Mastodon's server markup hides the scheme and a leading ``www.`` and shows the first 30
    characters; the web UI adds "…" when cut (app/lib/text_formatter.rb)."""
    rest = _strip_scheme_www(url)
    return rest if len(rest) <= 30 else rest[:30] + "…"


def x_url(url: str) -> str:
    """X's display_url: scheme and ``www.`` dropped, long URLs cut with one "…" (the cut is made
    server-side; ~30 characters is the observed rule of thumb, UNVERIFIED)."""
    return mastodon_url(url)


def bluesky_url(url: str) -> str:
    """social-app toShortUrl (src/lib/strings/url-helpers.ts): host with ``www.`` kept, then the
    path+query+fragment (a lone "/" dropped); a tail over 15 characters keeps 13 plus "..."."""
    if not _SCHEME.match(url):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return url
    tail = parts.path + (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else "")
    if tail == "/":
        tail = ""
    if len(tail) > 15:
        tail = tail[:13] + "..."
    return parts.netloc + tail


def mastodon_mention(mention: str) -> str:
    """Mastodon shows ``@user`` for ``@user@domain`` (text_formatter.rb drops the domain)."""
    head, _, _domain = mention[1:].partition("@")
    return "@" + head


URL_DISPLAY = {"x": x_url, "mastodon": mastodon_url, "bluesky": bluesky_url, "typed": as_typed}
MENTION_DISPLAY = {"mastodon": mastodon_mention, "typed": as_typed}
