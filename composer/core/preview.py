"""How each platform's feed draws a post, as data a plugin supplies (``Platform.preview``).

Qt-free: a plugin fills a :class:`PreviewRules`; the app's preview card (composer.gui.previews)
draws from it. Facts behind the built-in channels' values are in docs/platforms.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Palette:
    bg: str = "#FFFFFF"
    text: str = "#0F1419"
    secondary: str = "#536471"
    link: str = "#1D9BF0"
    border: str = "#E1E8ED"
    page: str = "#FFFFFF"  # around a bubble (chat apps)


@dataclass(frozen=True)
class Fold:
    """Where the feed cuts long text: after ``lines`` rendered lines or ``chars`` characters,
    whichever comes first; ``min_newlines`` > 0 clips only texts with that many line breaks."""

    label: str
    lines: int | None = None
    chars: int | None = None
    min_newlines: int = 0
    ellipsis: str = "… "  # put before the label
    own_line: bool = False  # a button under the text (Bluesky, Mastodon), not inline


@dataclass(frozen=True)
class PreviewRules:
    """How a platform's feed draws a post: data only, the app's preview card reads it. Labels
    ("See more", "Like", the time) are English; the app translates them with its own catalog,
    then with the plugin's ``translations``."""

    platform: str
    avatar: str = "circle"  # circle | rounded | ring (story ring) | none
    avatar_size: int = 40
    indent: bool = True  # the text column sits right of the avatar (X, Bluesky, Threads)
    header: str = "inline"  # inline: name @handle · time | stacked: name / @handle | page: name / time · globe
    order: tuple[str, ...] = ("text", "media", "actions")
    grid: str = "x"  # a layout the app knows (grids.LAYOUTS): x, bluesky, mastodon, facebook ...
    url: str = "typed"  # how links show: typed, x, bluesky, mastodon (the app's linkdisplay)
    mention: str = "typed"
    styled: frozenset[str] = frozenset({"url", "mention", "hashtag"})
    # Tiles cropped around the image's focal point (Mastodon honours the API's ``focus``, §6);
    # only true where the adapter sends it, else the platform centres the crop.
    focal_points: bool = False
    markup: str | None = None  # "whatsapp": *bold* _italic_ ~strike~ ```mono``` are rendered
    entities: str = "text"  # "facets": only what the Bluesky adapter turns into facets
    fold: Fold | None = None  # on a phone
    fold_desktop: Fold | None = None  # where the desktop site folds differently
    alt_badge: str | None = None  # bottom-left | bottom-right | None
    palette: Palette = field(default_factory=Palette)
    edge_to_edge: bool = False  # media ignores the card's side padding
    media_radius: int = 16
    caption_user: bool = False  # the caption starts with the username in bold (Instagram)
    show_handle: bool = True
    handle_at: bool = True  # "@handle" vs "handle"
    time: str = "1m"
    # the action bar: (icon, label) items spread over the width; ("", "") pushes the rest right
    actions: tuple[tuple[str, str], ...] = ()
    text_px: int = 15
    bubble: bool = False  # chat-app bubble (Telegram, WhatsApp)
    title: bool = False  # the post title is shown (YouTube, WordPress)
    link_card: str | None = None  # image | large | compact: the preview under a post with a link
    link_card_after: str = "media"  # the section it follows (Telegram: under the text, §8)
    media_above: bool = False  # the media spans the card above avatar and text (YouTube)
    underline_links: bool = False
    hashtag_bar: int = 0  # Mastodon: trailing hashtags move to a bar under the media, N shown


DEFAULT = PreviewRules("generic", grid="x")


def preview_rules(rules: PreviewRules | None, *, desktop: bool = False) -> PreviewRules:
    """A platform's rules (the generic card when it supplies none), folded for the desktop."""
    rules = rules or DEFAULT
    if desktop and rules.fold_desktop is not None:
        rules = replace(rules, fold=rules.fold_desktop)
    return rules


__all__ = ["DEFAULT", "Fold", "Palette", "PreviewRules", "preview_rules"]
