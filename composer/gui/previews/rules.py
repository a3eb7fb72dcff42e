"""One row per platform: how its feed draws a post. The card widget reads only this table.

Facts and their sources are in docs/previews.md (section numbers below); values the
fact sheet marks UNVERIFIED are sensible defaults, kept here so they are easy to change. Labels
such as "See more" are what the platform itself shows, translated like the rest of the UI.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _qt_translate_noop


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker, under the name lupdate looks for: it returns ``text`` untranslated (the card
    translates at paint time); PySide6's stub types that result as object."""
    return cast(str, _qt_translate_noop(context, text))


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
class CardRules:
    platform: str
    avatar: str = "circle"  # circle | rounded | ring (story ring) | none
    avatar_size: int = 40
    indent: bool = True  # the text column sits right of the avatar (X, Bluesky, Threads)
    header: str = "inline"  # inline: name @handle · time | stacked: name / @handle | page: name / time · globe
    order: tuple[str, ...] = ("text", "media", "actions")
    grid: str = "x"  # composer.gui.previews.grids.LAYOUTS key
    url: str = "typed"  # composer.gui.previews.linkdisplay key
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
    time: str = QT_TRANSLATE_NOOP("PlatformCard", "1m")
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


SEE_MORE = QT_TRANSLATE_NOOP("PlatformCard", "See more")
MORE = QT_TRANSLATE_NOOP("PlatformCard", "more")
READ_MORE = QT_TRANSLATE_NOOP("PlatformCard", "Read more")
SHOW_MORE = QT_TRANSLATE_NOOP("PlatformCard", "Show More")
LIKE = QT_TRANSLATE_NOOP("PlatformCard", "Like")
COMMENT = QT_TRANSLATE_NOOP("PlatformCard", "Comment")
SHARE = QT_TRANSLATE_NOOP("PlatformCard", "Share")
REPOST = QT_TRANSLATE_NOOP("PlatformCard", "Repost")
SEND = QT_TRANSLATE_NOOP("PlatformCard", "Send")

RULES: dict[str, CardRules] = {
    # §1: avatar circle ~40, text above media, no fold up to 280, display_url, ALT bottom-left.
    "x": CardRules("x", url="x", alt_badge="bottom-left", link_card="image", actions=(("↩", "4"), ("⟲", "12"), ("♡", "48"), ("ılı", "1,2K"), ("⤴", ""))),
    # §7: 42 px circle, clip only posts with >= 25 line breaks at 25 lines, "Show More",
    # toShortUrl, ALT bottom-right, primary_500 #006AFF, contrast_medium #405168.
    "bluesky": CardRules(
        "bluesky", avatar_size=42, grid="bluesky", url="bluesky", alt_badge="bottom-right", entities="facets",
        fold=Fold(SHOW_MORE, lines=25, min_newlines=25, ellipsis="", own_line=True), media_radius=12,
        palette=Palette(text="#000000", secondary="#405168", link="#006AFF", border="#DCE2EA"),
        actions=(("↩", "4"), ("⟲", "12"), ("♡", "48"), ("⋯", "")),
    ),
    # §6: 46 px rounded square (radius 8), name over @acct, collapse above 706 px (~32 lines of
    # 22 px) with "Read more", URLs 30 chars + "…", mentions without the domain, 3:2 gallery.
    "mastodon": CardRules(
        "mastodon", avatar="rounded", avatar_size=46, indent=False, header="stacked",
        order=("text", "media", "tags", "actions"),
        grid="mastodon", url="mastodon", mention="mastodon", alt_badge="bottom-left", hashtag_bar=3,
        link_card="compact",  # focal_points stays off: Siaran's Mastodon adapter sends no focus yet
        fold=Fold(READ_MORE, lines=32, ellipsis="", own_line=True), media_radius=8,
        palette=Palette(text="#181820", secondary="#535374", link="#47309C", border="#D7D6E1"),
        time=QT_TRANSLATE_NOOP("PlatformCard", "1m"), actions=(("↩", "4"), ("⟲", "12"), ("☆", "48"), ("⚐", ""), ("⋯", "")),
    ),
    # §5 (mostly UNVERIFIED): circle, username bold + time, media strip that scrolls sideways.
    "threads": CardRules(
        "threads", avatar_size=36, grid="threads", handle_at=False, show_handle=False,
        palette=Palette(text="#000000", secondary="#999999", link="#0095F6", border="#E5E5E5"),
        actions=(("♡", "48"), ("↩", "4"), ("⟲", "12"), ("➤", "")), media_radius=8,
    ),
    # §3: Page avatar, name / "time · globe", "See more" at ~477 chars or 5 lines on desktop and
    # ~125 chars or 3 lines on phones (secondary sources, UNVERIFIED), media
    # edge to edge, mixpost's 1/2/3-4/5+ collage with "+N".
    "facebook": CardRules(
        "facebook", indent=False, header="page", grid="facebook", show_handle=False, link_card="large",
        fold=Fold(SEE_MORE, lines=3, chars=125), fold_desktop=Fold(SEE_MORE, lines=5, chars=477),
        edge_to_edge=True, media_radius=0,
        palette=Palette(text="#050505", secondary="#65676B", link="#385898", border="#CED0D4"),
        time=QT_TRANSLATE_NOOP("PlatformCard", "Just now · 🌐"),
        actions=(("👍", LIKE), ("🗨", COMMENT), ("⤴", SHARE)),
    ),
    # §2: header, media, actions, then "username caption"; 3 lines / 125 chars then "… more";
    # URLs are plain text in captions; carousel with dots.
    "instagram": CardRules(
        "instagram", avatar="ring", avatar_size=32, indent=False, header="page",
        order=("media", "actions", "text"), grid="instagram", styled=frozenset({"mention", "hashtag"}),
        fold=Fold(MORE, lines=3, chars=125), edge_to_edge=True, media_radius=0, caption_user=True,
        show_handle=False, handle_at=False, time="", text_px=14,
        palette=Palette(text="#000000", secondary="#737373", link="#00376B", border="#DBDBDB"),
        actions=(("♡", ""), ("🗨", ""), ("➤", ""), ("", ""), ("⚐", "")),
    ),
    # §4: 48 px circle, name / followers / "time · globe", 3 lines then "…more", collage with "+N".
    "linkedin": CardRules(
        "linkedin", avatar_size=48, indent=False, header="page", grid="facebook", show_handle=False,
        link_card="large",
        fold=Fold(MORE, lines=3, ellipsis="…"), edge_to_edge=True, media_radius=0, text_px=14,
        palette=Palette(text="#191919", secondary="#666666", link="#0A66C2", border="#E0DFDC"),
        time=QT_TRANSLATE_NOOP("PlatformCard", "Now • 🌐"),
        actions=(("👍", LIKE), ("🗨", COMMENT), ("⟲", REPOST), ("➤", SEND)),
    ),
    # §8: a bubble, no per-message avatar, media on top and the caption under it, album layouter.
    "telegram": CardRules(
        "telegram", avatar="none", indent=False, header="bubble", order=("media", "text", "actions"),
        grid="telegram", show_handle=False, bubble=True, media_radius=10, link_card="compact",
        link_card_after="text",
        palette=Palette(text="#000000", secondary="#8E9BA5", link="#168ACD", border="#FFFFFF",
                        page="#9BBBD9"),
        time="", actions=(("", ""), ("👁", "1   10:00")),
    ),
    # §9: a bubble, image on top, caption under it, "Read more" after ~5 lines (UNVERIFIED).
    "whatsapp": CardRules(
        "whatsapp", avatar="none", indent=False, header="bubble", order=("media", "text", "actions"),
        markup="whatsapp",
        grid="whatsapp", show_handle=False, bubble=True, media_radius=8,
        fold=Fold(READ_MORE, lines=5, ellipsis="… "),
        palette=Palette(text="#111B21", secondary="#667781", link="#027EB5", border="#FFFFFF",
                        page="#EFEAE2"),
        time="", actions=(("", ""), ("", "10:00")),
    ),
    # §10: 16:9 thumbnail, avatar, title on 2 lines then "…", channel, views.
    "youtube": CardRules(
        "youtube", avatar_size=36, indent=True, header="youtube", order=("title",), media_above=True,
        grid="youtube", show_handle=False, media_radius=12, title=True,
        fold=Fold("", lines=2, ellipsis="…"),
        palette=Palette(text="#0F0F0F", secondary="#606060", link="#065FD4", border="#FFFFFF"),
        time=QT_TRANSLATE_NOOP("PlatformCard", "No views · just now"),
    ),
    # §11: Twenty Twenty-Five query loop: featured image 3:2, title, full content, date.
    "wordpress": CardRules(
        "wordpress", avatar="none", indent=False, header="none", order=("media", "title", "text", "actions"),
        grid="featured", show_handle=False, media_radius=0, title=True, text_px=15, underline_links=True,
        styled=frozenset({"url"}),  # a WordPress post links URLs; @names and #tags stay text
        palette=Palette(text="#111111", secondary="#666666", link="#111111", border="#E6E6E6"),
        time="", actions=(("", QT_TRANSLATE_NOOP("PlatformCard", "Today")),),
    ),
}

DEFAULT = CardRules("generic", grid="x")


def rules_for(platform_id: str, *, desktop: bool = False) -> CardRules:
    rules = RULES.get(platform_id, DEFAULT)
    if desktop and rules.fold_desktop is not None:
        rules = replace(rules, fold=rules.fold_desktop)
    return rules
