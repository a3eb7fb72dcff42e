"""Withheld information: classification marks, classified letter numbers, the office's DIK
terms, the Finance 17(e) "plan" phrasing, and candidate or party names in election periods.

Classification follows the security levels of official letters (Peraturan ANRI 5/2021):
SANGAT RAHASIA (SR), RAHASIA (R), TERBATAS (T), BIASA (B). A mark is written in capitals on a
letter, so capitals are matched anywhere, and any case after "klasifikasi"/"sifat"; the
everyday word "rahasia" in a sentence ("rahasia sukses") is not a mark.
"""

from __future__ import annotations

import re
from functools import lru_cache

from composer.core.checks.gov.scan import Context, Hit

_MARKS = re.compile(r"(?<![\w-])(SANGAT\s+RAHASIA|Sangat\s+Rahasia|RAHASIA|TERBATAS|"
                    r"CONFIDENTIAL|SECRET|TOP\s+SECRET)(?![\w-])")
_MARKS_AFTER_LABEL = re.compile(r"\b(?:klasifikasi|sifat|bersifat)\s*:?\s*(sangat\s+rahasia|"
                                r"rahasia|terbatas)\b", re.I)
# "KUOTA TERBATAS" on a poster is not a mark: TERBATAS right after a word that says what is
# limited (seats, stock, time)
_SHOUTED = re.compile(r"\b(KUOTA|TEMPAT|STOK|STOCK|JUMLAH|KURSI|WAKTU|SLOT|PESERTA|PERSEDIAAN|"
                      r"KAPASITAS|SANGAT|SERBA|EDISI|DISKON|PROMO)[ \t]+$")
# R-12/KOMINFO/2026, SR.03/Setda/2026, RH-7/... (B-, biasa, is public)
_LETTER = re.compile(r"(?<![\w/.-])((?:SR|RH|R|T)\s?[-./]\s?\d{1,6}(?:[/.][\w.\-]+)*/[\w.\-]+)")
_FINANCE = re.compile(
    r"\b(?:rencana|usulan|wacana|draf|rancangan|akan)\s+(?:\w+\s+){0,2}?"
    r"(?:kenaikan|penurunan|perubahan|penyesuaian|menaikkan|menurunkan|mengubah|menyesuaikan)"
    r"\s+(?:\w+\s+){0,2}?(?:tarif|pajak|cukai|bea|retribusi|suku\s+bunga|harga|iuran|PPN|PBB)",
    re.I)


@lru_cache(maxsize=64)
def _words(terms: tuple[str, ...], case: bool = False) -> re.Pattern[str] | None:
    cleaned = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    body = "|".join(r"\s+".join(map(re.escape, t.split())) for t in cleaned)
    return re.compile(rf"(?<![\w-])({body})(?![\w-])", 0 if case else re.I)


def scan(text: str, ctx: Context) -> list[Hit]:
    hits: list[Hit] = []
    spans: list[tuple[int, int]] = []
    local = _words(tuple(ctx.rules.marks), True)
    for pattern in (_MARKS, _MARKS_AFTER_LABEL, local):
        for m in pattern.finditer(text) if pattern else ():
            span = m.span(1)
            if any(not (span[1] <= a or span[0] >= b) for a, b in spans):
                continue
            if m.group(1) == "TERBATAS" and pattern is _MARKS and \
                    _SHOUTED.search(text[max(0, span[0] - 30):span[0]]):
                continue
            spans.append(span)
            hits.append(Hit("gov.mark.classified", m.group(1), *span, fix=""))
    for m in _LETTER.finditer(text):
        hits.append(Hit("gov.mark.letter_number", m.group(1), *m.span(1)))
    dik = _words(tuple(ctx.rules.dik_terms))
    for m in dik.finditer(text) if dik else ():
        hits.append(Hit("gov.dik.term", m.group(1), *m.span(1)))
    if ctx.rules.finance:
        for m in _FINANCE.finditer(text):
            hits.append(Hit("gov.finance.plan", m.group(0), *m.span(0)))
    names = _words(tuple(ctx.rules.election_names))
    for m in names.finditer(text) if names else ():
        hits.append(Hit("gov.election.name", m.group(1), *m.span(1)))
    return hits
