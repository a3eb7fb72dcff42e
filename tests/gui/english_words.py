"""Telling an English string in the Indonesian UI: common English words of a user interface, and
the names that stay as they are in Indonesian (brands, networks, formats, keys on the keyboard).
Words Indonesian shares with English (data, media, status, video, portal, format ...) are not in
ENGLISH."""

from __future__ import annotations

import re

ENGLISH = set("""
a about above access account accounts add added after all already also an and another any app
application apply are as ask at automatic back be been before below both but by can cancel cannot
card change channel channels characters check choose chosen click close code command computer copy
corner could count counter crop cut date default delete describe desktop detail details did do done
down drafts draft drag each earlier edit editor empty enter error every failed file files find first
focal follow following follows for forward found from go graphemes has have help here hidden hide
history how if image images in into is it its keep key keyboard keys kind language large
larger last later layer layers less limit link list load loading look master may modified
more move must name new next no none not nothing now of off on one only open optional or order other
our out over page part parts password paste phone photo photos please point port post posted posts
practice preview previews previous publish published publishing quit quote ready redo refresh
remove rendering required reset resize resume retry save saved saving search select selected send
sent set settings shape shapes shortcut shortcuts show shown sign site size small smaller some still
strip system take template templates text than that the their then there these this thread threads
tick time title to token too type undo unsaved up url use used user view waiting was weighted what
when where which will window with without working write yes yet you your
""".split())

# Names that stay as they are (case matters: "Threads" the network, "threads" the English word)
PROPER = set("""
Siaran X Bluesky Mastodon Instagram Facebook Page YouTube WhatsApp Telegram Threads LinkedIn
WordPress Qt OK URL API ID UTF JSON TOML PNG JPEG JPG WebP HEIC GIF WIB WITA WIT Ctrl Shift Alt Del
Tab Enter Esc Backspace Return Space Home End PgUp PgDown Left Right Up Down F1 Noto Emoji Debian
PySide Python Linux Windows Google Meta OAuth HTTP HTTPS SQLite Babel Pillow AT
""".split())

HIDDEN = re.compile(r"https?://\S+|`[^`]*`|\{\w+\}|--[\w-]+|\S+\.(?:jpg|png|toml|json|txt)\b|<[^>]+>"
                    r"|\b(?:Ctrl|Shift|Alt|Meta)\+[\w+←→↑↓]+|\((?:Delete|Del)\)|\b\w+_\w+\b")


def english_words(text: str) -> list[str]:
    """The English words of ``text`` that are not proper names (links, commands in backticks,
    {placeholders}, --options, file names and markup are skipped)."""
    text = HIDDEN.sub(" ", text)
    found = []
    for word in re.findall(r"[A-Za-z]+(?:'[a-z]+)?", text):
        if word in PROPER:
            continue
        if word.lower().split("'")[0] in ENGLISH:
            found.append(word)
    return found
