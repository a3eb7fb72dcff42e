"""Indonesian spelling and a few EYD V rules, with suggestions.

Spelling uses ``spylls`` (Hunspell in pure Python) with the Indonesian Hunspell dictionary:
Debian's ``hunspell-id`` (/usr/share/hunspell/id_ID.*, LGPL-3.0, from the LibreOffice
dictionaries) or the one named by ``SIARAN_HUNSPELL_ID`` (a path without the .dic/.aff suffix).
Without a dictionary the spelling rule is silent (the EYD rules still run). Words starting with a
capital (names, places), acronyms, hashtags, mentions, links and the office's own words are not
checked. Lookups and suggestions are remembered per word: the rule book runs on every keystroke.
"""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from composer.core.checks.gov.scan import Context, Hit

DICTIONARY_PLACES = (Path("/usr/share/hunspell/id_ID"), Path("/usr/share/myspell/id_ID"))
MAX_SUGGESTED = 3  # suggestions cost ~0.2 s each: only the first few unknown words get them

_WORD = re.compile(r"(?<![\w#@/.\-])([a-z][a-z\-]*[a-z]|[a-z])(?![\w@]|\.\w)")
_URLISH = re.compile(r"\S+://\S+|\S+@\S+|www\.\S+")
# di as a preposition stands apart before a place or a time; as a prefix it joins the verb
_PLACES = frozenset("""sini sana situ mana atas bawah dalam luar depan belakang samping antara
tengah sekitar kantor rumah sekolah kota desa kelurahan kecamatan kabupaten provinsi jalan pasar
masjid gereja pura balai gedung lapangan lokasi tempat wilayah daerah pusat lantai ruang aula
pagi siang sore malam""".split())
_TIME_COLON = re.compile(r"\b(pukul|jam)\s+(\d{1,2}):(\d{2})\b", re.I)
_TIME_NO_ZONE = re.compile(r"\bpukul\s+\d{1,2}[.:]\d{2}(?!\s*(?:[-–]\s*\d{1,2}[.:]\d{2}\s*)?"
                           r"(?:WIB|WITA|WIT|selesai|s\.d\.|s/d|sampai))", re.I)
_RUPIAH = re.compile(r"\bRp(\.?\s+|\.)?(\d[\d.]*(?:,\d{1,2})?)(,-)?")
_DI_SPACE = re.compile(r"\b([Dd]i)\s+([a-z]{3,})\b")
_DI_JOINED = re.compile(r"\b([Dd]i)(" + "|".join(sorted(_PLACES, key=len, reverse=True))
                        + r")\b")

# Common non-standard forms and the standard (baku) word in KBBI: said first, whatever the
# dictionary suggests (Hunspell offers 'resik' before 'risiko')
BAKU = {
    "resiko": "risiko", "aktifitas": "aktivitas", "nasehat": "nasihat", "praktek": "praktik",
    "ijin": "izin", "jadual": "jadwal", "analisa": "analisis", "apotik": "apotek",
    "merubah": "mengubah", "antri": "antre", "sekedar": "sekadar", "silahkan": "silakan",
    "himbauan": "imbauan", "himbau": "imbau", "karir": "karier", "tehnik": "teknik",
    "obyek": "objek", "sistim": "sistem", "kwalitas": "kualitas", "propinsi": "provinsi",
    "trampil": "terampil", "efektifitas": "efektivitas", "produktifitas": "produktivitas",
    "kreatifitas": "kreativitas", "do'a": "doa", "ramadhan": "Ramadan", "nopember": "November",
    "pebruari": "Februari", "jum'at": "Jumat", "kwitansi": "kuitansi", "ambulan": "ambulans",
    "standart": "standar", "hakekat": "hakikat", "kadaluarsa": "kedaluwarsa",
    "kadaluwarsa": "kedaluwarsa", "fikir": "pikir",
    "kemana": "ke mana", "kedepan": "ke depan", "kesana": "ke sana", "kesini": "ke sini",
}
_lock = threading.Lock()


@lru_cache(maxsize=1)
def dictionary() -> Any | None:
    """The Indonesian Hunspell dictionary, loaded once (0.5 s); None when there is none."""
    named = os.environ.get("SIARAN_HUNSPELL_ID")
    places = [Path(named)] if named else list(DICTIONARY_PLACES)
    for base in places:
        if base.with_suffix(".dic").is_file() and base.with_suffix(".aff").is_file():
            return _load(str(base))
    return None


class _ClosingReader:
    """spylls' FileReader leaves its files open (a ResourceWarning later); this one closes
    every file it opened, including the one reopened when the .aff names its encoding."""

    def __init__(self, path: str, encoding: str = "Windows-1252"):
        from spylls.hunspell.readers.file_reader import FileReader

        class Reader(FileReader):  # type: ignore[misc]
            opened: list[Any] = []

            def _open(self, path: str, encoding: str) -> Any:
                handle = open(path, encoding=encoding, errors="surrogateescape")  # noqa: SIM115
                Reader.opened.append(handle)
                return handle

        self.reader = Reader(path, encoding)
        self.opened = Reader.opened

    def close(self) -> None:
        for handle in self.opened:
            handle.close()


def _load(base: str) -> Any:
    from spylls.hunspell import Dictionary, readers

    aff_file = _ClosingReader(base + ".aff")
    try:
        aff, context = readers.read_aff(aff_file.reader)
    finally:
        aff_file.close()
    dic_file = _ClosingReader(base + ".dic", context.encoding)
    try:
        dic = readers.read_dic(dic_file.reader, aff=aff, context=context)
    finally:
        dic_file.close()
    return Dictionary(aff, dic)


@lru_cache(maxsize=20000)
def known(word: str) -> bool:
    found = dictionary()
    if found is None:
        return True
    with _lock:
        return bool(found.lookup(word)) or (
            "-" in word and all(found.lookup(part) for part in word.split("-") if part))


_SUFFIXES = ("nyalah", "kanlah", "nya", "lah", "kah", "pun", "kan", "an", "i")
_PREFIXES = ("memper", "diper", "menge", "meng", "meny", "mem", "men", "me", "ber", "ter", "di",
             "ke", "se", "pe", "per", "pem", "pen", "peng", "peny")


@lru_cache(maxsize=20000)
def known_form(word: str) -> bool:
    """Known, or a known base with the usual affixes (the dictionary lacks some derived forms,
    'hubungi'); a word this accepts is not reported."""
    if known(word):
        return True
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[:-len(suffix)]
            if known(stem):
                return True
            if any(stem.startswith(p) and known(stem[len(p):]) for p in _PREFIXES
                   if len(stem) - len(p) >= 3):
                return True
    return False


@lru_cache(maxsize=2000)
def suggestions(word: str) -> tuple[str, ...]:
    found = dictionary()
    if found is None:
        return ()
    with _lock:
        return tuple(s for s in list(found.suggest(word))[:3])


def scan(text: str, ctx: Context, *, suggest: bool = True) -> list[Hit]:
    """``suggest``: look for suggestions for unknown words (a fraction of a second each: the
    rule book, asked per keystroke, only looks words up)."""
    hits: list[Hit] = []
    rules = ctx.rules
    if rules.spelling and dictionary() is not None:
        hits += _spelling(text, ctx, suggest)
    for m in re.finditer(r"(?<![\w'])([A-Za-z][a-z']+)(?![\w'])", text) if rules.spelling else ():
        standard = BAKU.get(m.group(1).lower())
        if standard and standard != m.group(1).lower() and m.group(1).lower() not in {
                w.lower() for w in rules.words}:
            fix = standard if m.group(1)[0].islower() or standard[0].isupper() \
                else standard[0].upper() + standard[1:]
            hits.append(Hit("gov.lang.spelling", m.group(1), *m.span(1), fix=fix,
                            params={"suggestions": [fix]}))
    for m in _TIME_COLON.finditer(text):
        fixed = f"{m.group(1)} {int(m.group(2)):02d}.{m.group(3)}"
        hits.append(Hit("gov.lang.eyd", m.group(0), *m.span(0), fix=fixed,
                        params={"eyd": "time"}))
    for m in _TIME_NO_ZONE.finditer(text):
        hits.append(Hit("gov.lang.eyd", m.group(0), *m.span(0), fix=m.group(0) + " WIB",
                        params={"eyd": "zone"}))
    for m in _RUPIAH.finditer(text):
        if not (m.group(1) or m.group(3)):
            continue  # Rp5.000: as EYD writes it
        raw = m.group(0)
        fixed = "Rp" + m.group(2)
        hits.append(Hit("gov.lang.eyd", raw, *m.span(0), fix=fixed, params={"eyd": "rupiah"}))
    for m in _DI_JOINED.finditer(text):
        hits.append(Hit("gov.lang.eyd", m.group(0), *m.span(0),
                        fix=f"{m.group(1)} {m.group(2)}", params={"eyd": "di"}))
    for m in _DI_SPACE.finditer(text):
        word = m.group(2)
        joined = "di" + word
        if word not in _PLACES and dictionary() is not None and known(joined) \
                and _is_verb_base(word):
            hits.append(Hit("gov.lang.eyd", m.group(0), *m.span(0),
                            fix=m.group(1) + word, params={"eyd": "di"}))
    lowered = {k.lower(): v for k, v in rules.glossary.items()}
    if lowered:
        pattern = re.compile(r"(?<![\w#@])(" + "|".join(
            re.escape(k) for k in sorted(lowered, key=len, reverse=True)) + r")(?!\w)", re.I)
        for m in pattern.finditer(text):
            wanted = lowered[m.group(1).lower()]
            if m.group(1) != wanted:
                hits.append(Hit("gov.lang.glossary", m.group(1), *m.span(1), fix=wanted))
    return hits


def _is_verb_base(word: str) -> bool:
    """'tulis' in 'di tulis' is a verb to join ('ditulis'); 'rumah' in 'di rumah' a place. A
    word that also takes the meN- prefix ('menulis', 'mengumumkan') is taken as a verb."""
    for prefix in ("me", "mem", "men", "meng", "meny", "menge"):
        if known(prefix + word):
            return True
    if word[0] in "ptks":
        nasal = {"p": "mem", "t": "men", "k": "meng", "s": "meny"}[word[0]]
        return known(nasal + word[1:])
    return False


# Longer than any Indonesian word (KBBI's longest run to about 30 letters): a run of letters this
# long is not a word to spell-check, and the dictionary's lookup of a megabyte "word" never ends.
LONGEST_WORD = 40
_LONG_RUN = re.compile(r"\S{500,}")


def _spelling(text: str, ctx: Context, suggest: bool) -> list[Hit]:
    own = {w.lower() for w in ctx.rules.words} | {k.lower() for k in ctx.rules.glossary}
    # runs of non-space longer than any word or address are blanked first: _URLISH's \S+ would
    # otherwise try every start of a megabyte run (quadratic), as a hostile title can be
    clean = _LONG_RUN.sub(lambda m: " " * len(m.group(0)), text)
    clean = _URLISH.sub(lambda m: " " * len(m.group(0)), clean)
    hits: list[Hit] = []
    suggested = 0
    seen: set[str] = set()
    words = [m.group(1) for m in _WORD.finditer(clean) if 3 <= len(m.group(1)) <= LONGEST_WORD]
    if not words or sum(map(known_form, words)) < 0.5 * len(words):
        return []  # not (mostly) Indonesian: an English post is not misspelt Indonesian
    for m in _WORD.finditer(clean):
        word = m.group(1)
        if not 3 <= len(word) <= LONGEST_WORD or word in own or word in seen or known_form(word):
            continue
        if word.startswith("di") and word[2:] in _PLACES:
            continue  # the EYD rule on "di" says it, with the fix
        seen.add(word)
        if word in BAKU:
            continue  # the standard-form rule says it, with the fix
        options: tuple[str, ...] = ()
        if suggest and suggested < MAX_SUGGESTED:
            options = suggestions(word)
            suggested += 1
        hits.append(Hit("gov.lang.spelling", word, *m.span(1),
                        fix=options[0] if options else None, params={"suggestions": list(options)}))
    return hits
