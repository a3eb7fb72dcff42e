"""Personal data in a post: NIK, KK, NPWP, phone numbers, e-mail addresses, bank accounts.

A NIK is 16 digits: province (2), regency/city (2), district (2), birth date DDMMYY (a woman's
day plus 40) and a serial (4); see Permendagri 72/2019 (Kependudukan) and the province codes of
Kepmendagri 100.1.1-6117/2022 (38 provinces, Kalimantan Utara 65, the four new Papua provinces
93-96). A Kartu Keluarga number has the same form, so it is told apart by the words around it.
Look-alikes must pass: rupiah figures (Rp1.234.567.890), dates, years, NOP (PBB object numbers,
18 digits) and hotlines.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from composer.core.checks.gov.scan import Context, Hit, mask_digits, mask_email

PROVINCES = frozenset({
    11, 12, 13, 14, 15, 16, 17, 18, 19,  # Sumatra: Aceh ... Kepulauan Bangka Belitung
    21,  # Kepulauan Riau
    31, 32, 33, 34, 35, 36,  # DKI Jakarta, Jawa Barat, Jawa Tengah, DIY, Jawa Timur, Banten
    51, 52, 53,  # Bali, NTB, NTT
    61, 62, 63, 64, 65,  # Kalimantan Barat, Tengah, Selatan, Timur, Utara
    71, 72, 73, 74, 75, 76,  # Sulawesi Utara ... Sulawesi Barat (75 Gorontalo)
    81, 82,  # Maluku, Maluku Utara
    91, 92, 93, 94, 95, 96,  # Papua, Papua Barat, Selatan, Tengah, Pegunungan, Barat Daya
})
assert len(PROVINCES) == 38

_SEP = r"[ .\-]?"
# 16 digits together, or written in groups of four (3404 0712 0390 0001)
_SIXTEEN = re.compile(r"(?<![\d.,])(\d{16}|\d{4}(?:[ .\-]\d{4}){3}|\d{6}[ .\-]\d{6}[ .\-]\d{4}"
                      r"|\d{2}([ .\-])\d{2}\2\d{2}\2\d{6}\2\d{4})(?![\d]|[.,]\d)")
_KK_WORDS = re.compile(r"\b(KK|K\.K\.|kartu\s+keluarga|no\.?\s*kk|nomor\s+kk)\b", re.I)
_NIK_WORDS = re.compile(r"\b(NIK|KTP|e-?KTP|nomor\s+induk\s+kependudukan)\b", re.I)
_NPWP_WORDS = re.compile(r"\bNPWP\b|nomor\s+pokok\s+wajib\s+pajak", re.I)
# 99.999.999.9-999.999 (15 digits) and 0999.9999.9999.9999 style 16-digit NPWP
_NPWP_FORMATTED = re.compile(
    r"(?<![\d.])(\d{2}[.\s]?\d{3}[.\s]?\d{3}[.\s]?\d[.\-\s]?\d{3}[.\s]?\d{3}"
    r"|\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}\.?\d?)(?![\d])")
_DIGITS15 = re.compile(r"(?<![\d.,])(\d{15}|\d{16})(?![\d]|[.,]\d)")
# (not a fediverse handle: @humas@mastodon.social starts with '@')
_EMAIL = re.compile(r"(?<![\w.+@/-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# written to fool harvesters: budi[at]gmail.com, budi (at) gmail (dot) com
_EMAIL_HIDDEN = re.compile(r"(?<![\w.+-])([\w.+-]+)\s*[\[(]\s*at\s*[\])]\s*([\w-]+)"
                           r"((?:\s*(?:[\[(]\s*dot\s*[\])]|\.)\s*[A-Za-z]{2,})+)", re.I)
# budget account codes (kode rekening belanja 5.1.02.01.01.0024) are not bank accounts
_BUDGET_CODE = re.compile(r"^\d(?:\.\d{1,2}){3,}")
_BANK_WORDS = re.compile(
    r"\b(rekening|rek\.?|no\.?\s*rek|norek|account|a/n|a\.n\.|atas\s+nama|virtual\s+account|"
    r"BRI|BNI|BCA|BSI|BTN|Mandiri|CIMB|Danamon|Permata|Bank\s+\w+)\b", re.I)
_ACCOUNT = re.compile(r"(?<![\w.,])(\d(?:[ \-.]?\d){7,17})(?![\w]|[.,]\d)")
_MOBILE = re.compile(r"(?<![\w+])((?:\+?62|0)[\s\-.]?8\d(?:[\s\-.]?\d){7,11})(?!\d)")
_RUPIAH_BEFORE = re.compile(r"(Rp\.?|IDR|USD|\$)\s*$", re.I)
_UNIT_AFTER = re.compile(r"^\s*(rupiah|juta|miliar|triliun|m2|m²|km|ha|jiwa|orang|unit)\b",
                         re.I)

# Numbers the public may call, never personal: emergency numbers, institutional call centres
# (1500xxx, 1400xxx, 14xxx) and toll-free 0800/0804 (national form, without the leading 0).
_HOTLINE = re.compile(r"1[12]\d|14\d{3}|1[45]00\d{2,4}|80[04]\d{5,8}")
BUILT_IN_HOTLINES = frozenset({"112", "110", "113", "115", "118", "119", "129", "1500200",
                               "1500117", "1500567", "1500800"})


def valid_nik(digits: str) -> bool:
    """Province among the 38, regency and district not 00, a real birth date (women +40),
    serial not 0000."""
    if len(digits) != 16 or not digits.isdigit():
        return False
    if int(digits[:2]) not in PROVINCES or digits[2:4] == "00" or digits[4:6] == "00":
        return False
    day, month, year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if day > 40:
        day -= 40
    if digits[12:] == "0000":
        return False
    for century in (2000, 1900):
        try:
            date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def _around(text: str, start: int, end: int, width: int = 40) -> str:
    return text[max(0, start - width):start] + " " + text[end:end + 12]


def _is_amount(text: str, start: int, end: int) -> bool:
    return bool(_RUPIAH_BEFORE.search(text[max(0, start - 6):start])
                or _UNIT_AFTER.match(text[end:end + 12]))


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def scan(text: str, ctx: Context) -> list[Hit]:
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []

    def add(hit: Hit) -> None:
        hits.append(hit)
        taken.append((hit.start, hit.end))

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    # NPWP first: its formatted form would otherwise look like other numbers
    for m in _NPWP_FORMATTED.finditer(text):
        raw = m.group(1)
        d = _digits(raw)
        formatted = bool(re.search(r"[.\-]", raw))
        if len(d) in (15, 16) and (formatted or _NPWP_WORDS.search(_around(text, *m.span(1)))):
            if len(d) == 16 and not formatted:
                continue  # plain 16 digits: the NIK/KK rule below decides
            add(Hit("gov.pii.npwp", mask_digits(raw), *m.span(1), fix=mask_digits(raw)))
    for m in _SIXTEEN.finditer(text):
        if not free(*m.span(1)):
            continue
        raw = m.group(1)
        label = _label(text, m.start(1))
        code = {"npwp": "gov.pii.npwp", "kk": "gov.pii.kk", "nik": "gov.pii.nik"}.get(label, "")
        if not code and valid_nik(_digits(raw)):
            code = "gov.pii.nik"
        if code:
            add(Hit(code, mask_digits(raw), *m.span(1), fix=mask_digits(raw)))
    for m in _DIGITS15.finditer(text):
        if free(*m.span(1)) and _NPWP_WORDS.search(_around(text, *m.span(1))):
            add(Hit("gov.pii.npwp", mask_digits(m.group(1)), *m.span(1),
                    fix=mask_digits(m.group(1))))
    for m in _EMAIL.finditer(text):
        address = m.group(0).rstrip(".").lower()
        if not _office_email(address, ctx):
            add(Hit("gov.pii.email", mask_email(address), m.start(), m.start() + len(address),
                    fix=mask_email(address)))
    for m in _EMAIL_HIDDEN.finditer(text):
        if free(*m.span(0)):
            add(Hit("gov.pii.email", mask_email(m.group(1) + "@" + m.group(2)), *m.span(0)))
    for start, end, raw, digits in _phones(text):
        if free(start, end) and not _allowed_phone(digits, ctx):
            add(Hit("gov.pii.phone", mask_digits(raw, 4, 3), start, end,
                    fix=mask_digits(raw, 4, 3)))
    for m in _ACCOUNT.finditer(text):
        start, end = m.span(1)
        if not free(start, end) or _is_amount(text, start, end):
            continue
        before = text[max(0, start - 48):start]
        after = text[end:end + 24]
        d = _digits(m.group(1))
        if re.search(r"kode\s+rekening\s*:?\s*$", before, re.I) or _BUDGET_CODE.match(m.group(1)):
            continue
        if 8 <= len(d) <= 18 and (_BANK_WORDS.search(before) or _BANK_WORDS.search(after)) \
                and not _looks_like_date(m.group(1)):
            add(Hit("gov.pii.bank", mask_digits(m.group(1), 2, 3), start, end,
                    fix=mask_digits(m.group(1), 2, 3)))
    return hits


def _label(text: str, start: int, width: int = 32) -> str:
    """The nearest of NIK / KK / NPWP written just before a number ('' none): 'No. KK 3404...'
    is a family card even when 'NIK' stood earlier in the sentence."""
    before = text[max(0, start - width):start]
    best, where = "", -1
    for name, pattern in (("nik", _NIK_WORDS), ("kk", _KK_WORDS), ("npwp", _NPWP_WORDS)):
        for m in pattern.finditer(before):
            if m.start() > where:
                best, where = name, m.start()
    return best


def _looks_like_date(raw: str) -> bool:
    return bool(re.fullmatch(r"\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}", raw.strip()))


def _phones(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, as written, E.164 digits) for each phone number: libphonenumber's matcher
    for Indonesia, and mobile numbers it might leave (62812... without '+')."""
    found: dict[tuple[int, int], tuple[int, int, str, str]] = {}
    for match in _matches(text):
        found[(match[0], match[1])] = match
    for m in _MOBILE.finditer(text):
        start, end = m.span(1)
        if any(not (end <= a or start >= b) for a, b in found):
            continue
        digits = _digits(m.group(1))
        e164 = "62" + digits[1:] if digits.startswith("0") else digits
        found[(start, end)] = (start, end, m.group(1), e164)
    return sorted(found.values())


@lru_cache(maxsize=256)
def _matches(text: str) -> tuple[tuple[int, int, str, str], ...]:
    import phonenumbers
    from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

    result = []
    for m in PhoneNumberMatcher(text, "ID", leniency=Leniency.VALID):
        e164 = phonenumbers.format_number(m.number, PhoneNumberFormat.E164).lstrip("+")
        result.append((m.start, m.end, m.raw_string, e164))
    return tuple(result)


def normalise_phone(value: str) -> str:
    """'(0274) 868405', '+62 274 868405', '0274868405' -> '62274868405'; short codes kept."""
    digits = _digits(value)
    if digits.startswith("0"):
        return "62" + digits[1:]
    return digits


def _allowed_phone(e164: str, ctx: Context) -> bool:
    national = e164[2:] if e164.startswith("62") else e164
    allowed = set(ctx.office.phones) | {normalise_phone(p) for p in ctx.rules.phones}
    if e164 in allowed or national in BUILT_IN_HOTLINES or national in {
            _digits(p) for p in ctx.rules.phones}:
        return True
    return bool(_HOTLINE.fullmatch(national))


def _office_email(address: str, ctx: Context) -> bool:
    domain = address.partition("@")[2]
    allowed = {e.lower() for e in (*ctx.office.emails, *ctx.rules.emails)}
    if address in allowed or "@" + domain in allowed:
        return True
    site = ctx.office.website.lower()
    site = re.sub(r"^https?://", "", site).split("/")[0].removeprefix("www.")
    return bool(site) and (domain == site or domain.endswith("." + site))
