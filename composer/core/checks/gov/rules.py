"""The office's governance rule set: which gov.* rules apply, how hard, and the office's lists.

Every machine of an office must check the same way, so the rule set is one JSON file,
``<config>/governance.json``, that ``export``/``import`` copy between machines. The catalogue
below is the one place that names each rule, its default severity and the regulation behind it
(docs/governance.md lists the same).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from composer.core.adapters import Severity
from composer.core.i18n import UserError, _

log = logging.getLogger("siaran.governance")

FILE_NAME = "governance.json"
FORMAT = "siaran-governance-rules/1"

PDP = "UU 27/2022 (Pelindungan Data Pribadi) Pasal 65 ayat (2); UU 14/2008 Pasal 17 huruf h"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity  # the default; the office may change it
    citation: str  # regulation and article


RULES: dict[str, Rule] = {r.code: r for r in (
    Rule("gov.pii.nik", Severity.BLOCK, PDP + "; UU 24/2013 (Administrasi Kependudukan) Pasal 79"),
    Rule("gov.pii.kk", Severity.BLOCK, PDP + "; UU 24/2013 Pasal 79"),
    Rule("gov.pii.npwp", Severity.BLOCK, PDP + "; UU 28/2007 (KUP) Pasal 34"),
    Rule("gov.pii.phone", Severity.BLOCK, PDP),
    Rule("gov.pii.email", Severity.BLOCK, PDP),
    Rule("gov.pii.bank", Severity.BLOCK, PDP + "; UU 10/1998 (Perbankan) Pasal 40"),
    Rule("gov.mark.classified", Severity.BLOCK,
         "UU 14/2008 (Keterbukaan Informasi Publik) Pasal 17; PermenPANRB 83/2012 (menjaga "
         "rahasia negara); Peraturan ANRI 5/2021 (klasifikasi keamanan naskah dinas)"),
    Rule("gov.mark.letter_number", Severity.BLOCK,
         "UU 14/2008 Pasal 17; Peraturan ANRI 5/2021 (kode klasifikasi SR/R/T pada nomor naskah)"),
    Rule("gov.dik.term", Severity.BLOCK,
         "UU 14/2008 Pasal 17 dan Pasal 19 (Daftar Informasi yang Dikecualikan); "
         "Perki 1/2021 Pasal 41"),
    Rule("gov.finance.plan", Severity.WARN,
         "UU 14/2008 Pasal 17 huruf e (rencana awal perubahan pajak, tarif, suku bunga)"),
    Rule("gov.link.unreachable", Severity.WARN,
         "PermenPANRB 83/2012 (kredibel, profesional); SE MenPANRB 137/2018"),
    Rule("gov.link.insecure", Severity.WARN, "PermenPANRB 83/2012; Perpres 95/2018 (SPBE) "
         "Pasal 40 (keamanan SPBE)"),
    Rule("gov.link.internal", Severity.WARN, "PermenPANRB 83/2012; Perpres 95/2018 Pasal 40"),
    Rule("gov.link.not_checked", Severity.INFO, "PermenPANRB 83/2012"),
    Rule("gov.a11y.alt_filename", Severity.WARN,
         "UU 8/2016 (Penyandang Disabilitas) Pasal 24; WCAG 2.1 kriteria 1.1.1"),
    Rule("gov.a11y.alt_copy", Severity.WARN, "UU 8/2016 Pasal 24; WCAG 2.1 kriteria 1.1.1"),
    Rule("gov.a11y.captions", Severity.WARN, "UU 8/2016 Pasal 24; WCAG 2.1 kriteria 1.2.2"),
    Rule("gov.a11y.contrast", Severity.WARN, "UU 8/2016 Pasal 24; WCAG 2.1 kriteria 1.4.3"),
    Rule("gov.a11y.hashtag_case", Severity.WARN, "UU 8/2016 Pasal 24 (pembaca layar)"),
    Rule("gov.lang.spelling", Severity.INFO,
         "UU 24/2009 Pasal 33; Keputusan Kepala Badan Bahasa 0424/I/BS.00.01/2022 (EYD V)"),
    Rule("gov.lang.eyd", Severity.WARN,
         "Keputusan Kepala Badan Bahasa 0424/I/BS.00.01/2022 (EYD V)"),
    Rule("gov.lang.glossary", Severity.INFO, "UU 24/2009 Pasal 33 (glosarium kantor)"),
    Rule("gov.date.hold", Severity.BLOCK,
         "PP 26/2024 dan Keppres tentang hari berkabung nasional (bendera setengah tiang); "
         "UU 7/2017 Pasal 1 angka 36 dan Pasal 278 (masa tenang); Pergub Bali tentang Nyepi"),
    Rule("gov.date.warn", Severity.WARN, "PermenPANRB 83/2012 (responsif, representatif)"),
    Rule("gov.date.hint", Severity.INFO,
         "Keputusan Bersama Menteri tentang hari libur nasional dan cuti bersama"),
    Rule("gov.election.name", Severity.WARN,
         "SKB 2/2022 (netralitas ASN); UU 5/2014 Pasal 2 huruf f; UU 7/2017 Pasal 280 dan 283"),
)}


def citation(code: str) -> str:
    rule = RULES.get(code)
    return rule.citation if rule else ""


@dataclass
class GovRules:
    """What the office decided. Empty lists and no overrides: the defaults above apply."""

    enabled: bool = True
    severities: dict[str, str] = field(default_factory=dict)  # code -> block|warn|info|off
    phones: list[str] = field(default_factory=list)  # hotlines allowed besides the office's
    emails: list[str] = field(default_factory=list)  # addresses (or @domain) allowed
    marks: list[str] = field(default_factory=list)  # older local classification words
    dik_terms: list[str] = field(default_factory=list)  # the office's withheld information
    finance: bool = False  # the Finance 17(e) "plan" phrasing rule set
    election_names: list[str] = field(default_factory=list)  # candidates and parties
    glossary: dict[str, str] = field(default_factory=dict)  # word -> the office's form
    words: list[str] = field(default_factory=list)  # spelled right (names, local terms)
    spelling: bool = True

    def severity(self, code: str) -> Severity | None:
        """The office's severity for ``code``; None when the office turned the rule off."""
        chosen = self.severities.get(code)
        if chosen == "off":
            return None
        if chosen in {s.value for s in Severity}:
            return Severity(chosen)
        return RULES[code].severity

    def set_severity(self, code: str, value: str) -> None:
        if code not in RULES:
            raise UserError(_("Unknown rule '{code}'", code=code))
        if value not in {"block", "warn", "info", "off"}:
            raise UserError(_("Severity must be block, warn, info or off, not '{value}'",
                              value=value))
        self.severities[code] = value

    # -- the file ------------------------------------------------------------------------------

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, **asdict(self)}, ensure_ascii=False, indent=2,
                          sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> GovRules:
        """A rule set from its JSON; one translated line when it is not one."""
        try:
            data = json.loads(text)
        except ValueError:
            raise UserError(_("This is not a Siaran rule set file")) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise UserError(_("This is not a Siaran rule set file"))
        known = {f.name: f for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        rules = cls(**values)
        for name, expected in (("severities", dict), ("phones", list), ("emails", list),
                               ("marks", list), ("dik_terms", list), ("glossary", dict),
                               ("election_names", list), ("words", list)):
            if not isinstance(getattr(rules, name), expected):
                raise UserError(_("The rule set's '{field}' has the wrong type", field=name))
        for code, value in list(rules.severities.items()):
            rules.set_severity(code, value)  # refuses an unknown code or severity
        return rules

    @classmethod
    def load(cls, config_dir: Path) -> GovRules:
        path = Path(config_dir) / FILE_NAME
        try:
            return cls.from_json(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, UserError):  # a damaged file must not stop the checks: defaults
            log.warning("ignoring unreadable %s", path)
            return cls()

    def save(self, config_dir: Path) -> None:
        folder = Path(config_dir)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / FILE_NAME
        temporary = target.with_suffix(".json.tmp")
        temporary.write_text(self.to_json(), encoding="utf-8")
        os.replace(temporary, target)
