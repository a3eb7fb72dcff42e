"""Accessibility: alt text that describes (not a file name, not the post's text again), captions
on videos, CamelCase in multi-word hashtags for screen readers, and template text contrast
(WCAG 2.1 1.4.3: 4.5:1, 3:1 for large text)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from composer.core.checks.gov.scan import Context, Hit
from composer.core.post import ResolvedMedia

# photo.jpg, IMG_2041, DSC01234, PXL_20260101_0930, WA0012, "Screenshot 2026-01-02"
_FILE_NAME = re.compile(r"^(?:[\w\-]+\.(?:jpe?g|png|gif|webp|heic|tiff?|bmp|mp4|mov)|"
                        r"(?:IMG|DSC|DSCN|PXL|VID|WA|Screenshot)[_\- ]?[\d][\w\-]*)$", re.I)
_HASHTAG = re.compile(r"(?<![\w#])#([a-z][a-z0-9]{11,})\b")
_CAPTION_SUFFIXES = (".srt", ".vtt")


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def scan(text: str, media: Sequence[ResolvedMedia], ctx: Context) -> list[Hit]:
    hits = media_hits(text, media, ctx)
    for m in _HASHTAG.finditer(text):
        hits.append(Hit("gov.a11y.hashtag_case", "#" + m.group(1), *m.span(0)))
    return hits


def media_hits(text: str, media: Sequence[ResolvedMedia], ctx: Context) -> list[Hit]:
    """Alt texts and captions: what the media say, apart from the text's own hits."""
    hits: list[Hit] = []
    body = _norm(text)
    for n, item in enumerate(media, 1):
        alt = item.alt.strip()
        if item.ref.kind == "video":
            # the video's own captions file (the post file, `siaran new --captions`, the
            # window's "Captions…"), else one beside the video
            if not item.ref.captions and not _has_captions(item.ref.path):
                hits.append(Hit("gov.a11y.captions", Path(item.ref.path).name, params={"n": n}))
            continue
        if not alt:
            continue  # media.alt_missing says so already
        if _FILE_NAME.match(alt) or alt == Path(item.ref.path).name:
            hits.append(Hit("gov.a11y.alt_filename", alt, params={"n": n}))
        elif len(_norm(alt)) >= 12 and (_norm(alt) == body or _norm(alt) in body):
            hits.append(Hit("gov.a11y.alt_copy", alt[:40], params={"n": n}))
    return hits


def _has_captions(path: str) -> bool:
    """A caption file next to the video (same name, .srt or .vtt; or name.id.srt)."""
    video = Path(path)
    folder = video.parent
    if not folder.is_dir():
        return False
    return any(p.suffix.lower() in _CAPTION_SUFFIXES and p.name.startswith(video.stem)
               for p in folder.iterdir())


# -- contrast ---------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")[:6]
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two '#rrggbb' colours (1 to 21)."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


LARGE_TEXT = 0.06  # a text layer at least this size (short-edge units) counts as large


def template_contrast(template: object) -> list[Hit]:
    """Each text layer against what lies under it: the topmost rect containing its box, else
    the template's background. A photo underneath cannot be judged here and is skipped."""
    from composer.core.templates import Template

    assert isinstance(template, Template)
    hits: list[Hit] = []
    width = height = 1080
    layers = [layer for layer in template.layers if layer.visible]
    for i, layer in enumerate(layers):
        if layer.type != "text" or not layer.text.strip():
            continue
        box = template.layer_rect(layer, width, height)
        below = template.background
        for under in reversed(layers[:i]):
            rect = template.layer_rect(under, width, height)
            if rect.contains(box, slack=2):
                if under.type == "rect":
                    below = under.color
                    break
                if under.type == "photo":
                    below = ""
                    break
        if not below:
            continue
        ratio = contrast_ratio(layer.color, below)
        needed = 3.0 if (layer.size >= LARGE_TEXT or (layer.bold and layer.size >= 0.045)) else 4.5
        if ratio < needed:
            hits.append(Hit("gov.a11y.contrast", layer.id, params={
                "layer": layer.id, "ratio": round(ratio, 2), "needed": needed}))
    return hits
