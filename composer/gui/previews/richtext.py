"""Post text → the HTML a preview label shows: entities styled and shown the platform's way,
folded where the platform folds, the part beyond the limit marked.

Text is first cut into pieces (plain runs and entities, each knowing its raw-text range and the
text the platform displays), so link shortening, folding and overflow marking all agree.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import cast

from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout

from composer.gui.previews.linkdisplay import MENTION_DISPLAY, URL_DISPLAY
from composer.gui.previews.rules import CardRules
from composer.gui.previews.textbridge import Entity

OVERFLOW_STYLE = "background-color:#FFD7D5;color:#B3261E;"


@dataclass(frozen=True)
class Piece:
    text: str  # as displayed
    kind: str | None  # None (plain) or the entity kind when the platform styles it
    start: int  # raw-text range this piece came from
    end: int


# WhatsApp renders its formatting markers instead of showing them (docs/previews.md §9; WhatsApp Help
# "How to format your messages"): *bold*, _italic_, ~strikethrough~, ```monospace```.
_WHATSAPP = re.compile(
    r"```(?P<code>[^`\n]+?)```"
    r"|(?<![\w*])\*(?P<b>\S(?:[^*\n]*?\S)?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<i>\S(?:[^_\n]*?\S)?)_(?![\w_])"
    r"|(?<![\w~])~(?P<s>\S(?:[^~\n]*?\S)?)~(?![\w~])"
)
FORMAT_TAGS = {"b": ("<b>", "</b>"), "i": ("<i>", "</i>"), "s": ("<s>", "</s>"),
               "code": ('<span style="font-family:monospace;">', "</span>")}


def _plain(text: str, start: int, end: int, rules: CardRules) -> list[Piece]:
    """A run without entities; formatting markers become formatted pieces where they render."""
    run = text[start:end]
    if rules.markup != "whatsapp" or not any(c in run for c in "*_~`"):
        return [Piece(run, None, start, end)]
    out, pos = [], 0
    for m in _WHATSAPP.finditer(run):
        if m.start() > pos:
            out.append(Piece(run[pos:m.start()], None, start + pos, start + m.start()))
        kind = cast(str, m.lastgroup)  # never None: every alternative of _WHATSAPP is a named group
        out.append(Piece(m.group(kind), kind, start + m.start(), start + m.end()))
        pos = m.end()
    if pos < len(run):
        out.append(Piece(run[pos:], None, start + pos, end))
    return out


def pieces(text: str, ents: tuple[Entity, ...], rules: CardRules) -> list[Piece]:
    url_display = URL_DISPLAY.get(rules.url, URL_DISPLAY["typed"])
    mention_display = MENTION_DISPLAY.get(rules.mention, MENTION_DISPLAY["typed"])
    out: list[Piece] = []
    pos = 0
    for e in ents:
        if e.start < pos:  # overlapping entities: keep the first
            continue
        if e.start > pos:
            out += _plain(text, pos, e.start, rules)
        raw = text[e.start:e.end]
        if e.kind not in rules.styled:
            out.append(Piece(raw, None, e.start, e.end))
        elif e.kind == "url":
            out.append(Piece(url_display(raw), "url", e.start, e.end))
        elif e.kind == "mention":
            out.append(Piece(mention_display(raw), "mention", e.start, e.end))
        else:
            out.append(Piece(raw, e.kind, e.start, e.end))
        pos = e.end
    if pos < len(text):
        out += _plain(text, pos, len(text), rules)
    return out


def plain(ps: list[Piece]) -> str:
    return "".join(p.text for p in ps)


def _esc(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def to_html(ps: list[Piece], rules: CardRules, *, cut: int | None = None, more: str = "",
            overflow_at: int | None = None, prefix: str = "") -> str:
    """``cut``: display index where the fold starts (then ``more`` is appended); ``overflow_at``:
    raw index of the first character beyond the limit (marked red to the end)."""
    link = rules.palette.link + (";text-decoration:underline" if rules.underline_links else "")
    parts = [prefix]
    shown = 0
    for p in ps:
        text = p.text
        entity = p.kind is not None and p.kind not in FORMAT_TAGS
        if cut is not None and shown + len(text) > cut:
            text = "" if entity else text[:max(0, cut - shown)]  # links are never cut in half
        shown += len(p.text)
        if overflow_at is not None and p.end > overflow_at:
            if p.kind is None and p.start < overflow_at:
                head = overflow_at - p.start
                parts.append(_esc(text[:head]))
                parts.append(f'<span style="{OVERFLOW_STYLE}">{_esc(text[head:])}</span>')
            else:
                parts.append(f'<span style="{OVERFLOW_STYLE}">{_esc(text)}</span>')
        elif entity and text:
            parts.append(f'<span style="color:{link};">{_esc(text)}</span>')
        elif p.kind in FORMAT_TAGS and text:
            opening, closing = FORMAT_TAGS[p.kind]
            parts.append(f"{opening}{_esc(text)}{closing}")
        else:
            parts.append(_esc(text))
        if cut is not None and shown >= cut:
            break
    if cut is not None:
        fold = rules.fold
        if fold is not None and fold.own_line:
            parts.append(f'<br><span style="color:{rules.palette.link};">{_esc(more)}</span>')
        else:
            # glued together (no-break space, word joiner) so the label never wraps on its own
            glue = (fold.ellipsis if fold else "…").replace(" ", "\u00a0") + "\u2060"
            parts.append(f'<span style="color:{rules.palette.secondary};">{_esc(glue)}{_esc(more)}</span>')
    return "".join(parts)


def fold_point(text: str, rules: CardRules, font: QFont, width: float, more: str,
               offset: int = 0) -> int | None:
    """Display index where the platform folds ``text`` (None: shown whole). ``offset`` skips a
    prefix that is part of ``text`` for layout (the Instagram username)."""
    fold = rules.fold
    if fold is None:
        return None
    if fold.min_newlines and text.count("\n") < fold.min_newlines:
        return None
    cut = None
    if fold.chars and len(text) - offset > fold.chars:
        cut = offset + fold.chars
    if fold.lines:
        end = _end_of_line(text, font, width, fold.lines)
        if end is not None and fold.own_line:
            return max(0, end - offset)
        if end is not None and (cut is None or end < cut):
            # the "… more" label shares the last line: make room for it
            cut = max(offset, end - len(fold.ellipsis + more) - 1)
    if cut is None:
        return None
    space = text.rfind(" ", offset, cut + 1)
    if space > offset + (cut - offset) * 0.6:  # end on a word when that costs little
        cut = space
    return max(0, cut - offset)


def _end_of_line(text: str, font: QFont, width: float, lines: int) -> int | None:
    """Index just after rendered line ``lines`` of ``text`` wrapped at ``width``; None if the
    text takes no more than that many lines."""
    # Cheap exit: few line breaks and too short to wrap that often.
    breaks = text.count("\n")
    if breaks < lines and len(text) * QFontMetricsF(font).averageCharWidth() < width * 0.6 * (lines - breaks):
        return None
    count, offset = 0, 0
    for para in text.split("\n"):
        layout = QTextLayout(para, font)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            count += 1
            if count == lines:
                end = offset + line.textStart() + line.textLength()
                layout.endLayout()
                return end if end < len(text.rstrip()) else None
        layout.endLayout()
        offset += len(para) + 1
    return None


_TAG = re.compile(r"#\w+")


def hashtag_bar(text: str, has_media: bool) -> tuple[str, list[str]]:
    """Mastodon's hashtag bar (hashtag_bar.tsx, docs/previews.md §6): a last paragraph made only of
    hashtags leaves the text and is shown as a row under the media; when that paragraph is the
    whole post it moves only if the post has media. Tags differing in case collapse."""
    body, sep, last = text.rstrip().rpartition("\n\n")
    if not sep:
        body, last = "", text.strip()
        if not has_media:
            return text, []
    words = last.split()
    if not words or not all(_TAG.fullmatch(w) for w in words):
        return text, []
    tags: dict[str, str] = {}
    for word in words:
        tags.setdefault(word.lower(), word)
    return body, list(tags.values())
