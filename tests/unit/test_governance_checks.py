"""The governance rules over a corpus: every true piece of personal data, classification mark,
DIK term and election name is caught at block (or warn) severity; look-alikes (budget figures,
dates, NOPs, hotlines, the office's own numbers, years) pass."""

from __future__ import annotations

import json

import pytest

from composer.core import checks
from composer.core.adapters import Severity
from composer.core.checks.gov import Context, GovRules, Office, gov_findings, scan_text
from composer.core.checks.gov.access import contrast_ratio, template_contrast
from composer.core.checks.gov.personal import PROVINCES, valid_nik
from composer.core.checks.gov.rules import RULES
from composer.core.i18n import UserError
from composer.core.post import MediaRef, Post
from composer.core.registry import default_registry

OFFICE = Office(phones=("62274868405", "622748684050"), emails=("humas@slemankab.go.id",),
                website="https://www.slemankab.go.id")


def ctx(**rules) -> Context:
    return Context(GovRules(**rules), OFFICE)


def codes(text: str, context: Context | None = None) -> list[str]:
    return [h.code for h in scan_text(text, context or ctx())]


# --- must be caught ----------------------------------------------------------------------------

TRUE_POSITIVES = [
    ("Bantuan untuk warga dengan NIK 3404071203900001 sudah cair", "gov.pii.nik"),
    ("Penerima: Siti (3404075203900002)", "gov.pii.nik"),  # a woman: day 12 + 40
    ("nik: 6501014506850003 warga Tarakan", "gov.pii.nik"),  # Kalimantan Utara 65
    ("Data 9601011208990004 Sorong", "gov.pii.nik"),  # Papua Barat Daya 96
    ("KTP 3171 0605 8801 0005 hilang", "gov.pii.nik"),
    ("Nomor KK 3404012501150003 atas nama kepala keluarga", "gov.pii.kk"),
    ("Kartu Keluarga: 3275091002200011", "gov.pii.kk"),
    ("NPWP 01.234.567.8-901.000 milik pelapor", "gov.pii.npwp"),
    ("npwp 012345678901000", "gov.pii.npwp"),
    ("NPWP baru 0012.3456.7890.1000", "gov.pii.npwp"),
    ("Hubungi Pak Budi di 0812-3456-7890", "gov.pii.phone"),
    ("WA +62 813 1122 3344 (Bu Ani)", "gov.pii.phone"),
    ("kontak 6281234567890 ya", "gov.pii.phone"),
    ("telepon rumah (021) 7654321", "gov.pii.phone"),
    ("kirim ke budi.santoso@gmail.com", "gov.pii.email"),
    ("email ani_lestari@yahoo.co.id", "gov.pii.email"),
    ("transfer ke rekening BRI 1234-01-000123-50-6 a.n. Budi", "gov.pii.bank"),
    ("No. Rek 1370012345678 Bank Mandiri", "gov.pii.bank"),
    ("SANGAT RAHASIA\nNota dinas untuk Kepala Dinas", "gov.mark.classified"),
    ("RAHASIA - jangan disebarkan", "gov.mark.classified"),
    ("Surat ini TERBATAS untuk pejabat", "gov.mark.classified"),
    ("Sifat: Rahasia", "gov.mark.classified"),
    ("Menindaklanjuti surat Nomor R-123/KOMINFO/2026", "gov.mark.letter_number"),
    ("nomor SR.05/Setda/III/2026", "gov.mark.letter_number"),
    ("surat RH-7/BKD/2026", "gov.mark.letter_number"),
    ("Nomor: R/123/KOMINFO/2026", "gov.mark.letter_number"),
    ("NIK 34.04.07.120390.0001", "gov.pii.nik"),
    ("no ktp 3404-0712-0390-0001", "gov.pii.nik"),
    ("NPWP 0123456789010000", "gov.pii.npwp"),
    ("0812.3456.7890", "gov.pii.phone"),
    ("62-812-3456-7890", "gov.pii.phone"),
    ("wa.me/6281234567890", "gov.pii.phone"),
    ("budi[at]gmail.com", "gov.pii.email"),
    ("budi (at) gmail (dot) com", "gov.pii.email"),
    ("1234567890 (BRI) a.n. Budi", "gov.pii.bank"),
    ("Sangat Rahasia", "gov.mark.classified"),
    ("NOTA DINAS TERBATAS", "gov.mark.classified"),
]


@pytest.mark.parametrize(("text", "code"), TRUE_POSITIVES)
def test_true_cases_are_caught_and_block(text, code):
    found = scan_text(text, ctx())
    assert code in [h.code for h in found], (text, found)
    assert GovRules().severity(code) == Severity.BLOCK


def test_personal_data_is_shown_masked():
    [hit] = [h for h in scan_text("NIK 3404071203900001", ctx()) if h.code == "gov.pii.nik"]
    assert "3404071203900001" not in hit.shown and hit.shown.startswith("3404")
    assert "*" in hit.shown
    [mail] = [h for h in scan_text("ke budi.santoso@gmail.com", ctx())]
    assert "budi.santoso" not in mail.shown and mail.shown.endswith("@gmail.com")


def test_office_terms_marks_and_names():
    context = ctx(dik_terms=["rencana relokasi pasar"], marks=["RHS"],
                  election_names=["Partai Maju Bersama", "Bambang Sutejo"], finance=True)
    assert "gov.dik.term" in codes("Soal Rencana Relokasi Pasar kami sampaikan", context)
    assert "gov.mark.classified" in codes("Dokumen RHS ini", context)
    assert "gov.election.name" in codes("Bersama bambang sutejo di lapangan", context)
    assert "gov.finance.plan" in codes("Rencana kenaikan tarif PBB tahun depan", context)
    assert "gov.finance.plan" not in codes("Rencana kenaikan tarif PBB tahun depan", ctx())


# --- must pass ---------------------------------------------------------------------------------

LOOK_ALIKES = [
    "Pagu anggaran Rp1.234.567.890 untuk tahun 2026",
    "Realisasi Rp 25.000.000,00 (dua puluh lima juta rupiah)",
    "APBD 2026 sebesar 2.345.678.901.234 rupiah",
    "Rapat pada 17-08-2026 dan 17/08/2026, periode 2025/2026",
    "Tahun 1998, 2024, 2026 sampai 2030",
    "NOP 33.04.010.001.002-0123.0 jatuh tempo 31 Agustus",
    "NOP 330401000100201230",
    "Layanan call center 1500200 dan darurat 112",
    "Pengaduan bebas pulsa 0800-1-500-200 dan 14045",
    "Kantor kami (0274) 868405, surel humas@slemankab.go.id",
    "Info di +62 274 868405 atau https://www.slemankab.go.id",
    "Jumlah penduduk 1.093.110 jiwa dengan luas 57.482 ha",
    "Pukul 09.00-12.00 WIB di Balai Desa",
    "Kode pos 55511, RT 01/RW 02",
    "Surat Nomor B-123/KOMINFO/2026 tentang undangan",
    "Rahasia sukses UMKM: konsisten",
    "KUOTA TERBATAS! Daftar sekarang",
    "Nomor SK 188/123/Kep.KDH/2026",
    "Koordinat -7.7156, 110.3556",
    "ISBN 978-602-1234-56-7",
    "Rp 1.234.567.890.123.456",
    "NIP 19870101 201001 1 001",
    "Sebanyak 1.250 KK menerima bantuan",
    "Kode Rekening 5.1.02.01.01.0024 belanja ATK",
    "TEMPAT TERBATAS untuk 50 peserta",
    "SK Nomor 188.45/123/Kep.KDH/A/2026",
    "UU Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi",
    "Kirim ke rekening kas daerah sebesar Rp1.234.567.890 pada 2026",
    "mulai 1 Januari 2026 s.d. 31 Desember 2026",
    "Ikuti @diskominfo@sukamaju.social dan @sukamajukab.go.id",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_pass(text):
    blocking = [h for h in scan_text(text, ctx()) if GovRules().severity(h.code) == Severity.BLOCK]
    assert not blocking, (text, blocking)


def test_the_nik_rule_knows_all_38_provinces_and_birth_dates():
    assert len(PROVINCES) == 38 and 65 in PROVINCES and {93, 94, 95, 96} <= PROVINCES
    assert valid_nik("6501014506850003")
    assert not valid_nik("9901014506850003")  # no province 99
    assert not valid_nik("3404073203900001")  # 32nd of March
    assert not valid_nik("3404071213900001")  # month 13
    assert not valid_nik("3404071203900000")  # serial 0000


# --- severities and the rule set ---------------------------------------------------------------


def test_every_rule_cites_a_regulation():
    for rule in RULES.values():
        assert any(word in rule.citation for word in ("UU", "Perpres", "Keputusan", "SKB",
                                                      "PermenPANRB")), rule


def test_the_office_changes_a_severity_and_the_rule_book_follows(tmp_path):
    post = Post(text="Hubungi 0812-3456-7890")
    spec = default_registry().get("mastodon").spec
    relaxed = GovRules()
    relaxed.set_severity("gov.pii.phone", "warn")
    found = gov_findings(post.resolve("mastodon"), "mastodon", Context(relaxed, OFFICE))
    assert [f.severity for f in found if f.code == "gov.pii.phone"] == [Severity.WARN]
    relaxed.set_severity("gov.pii.phone", "off")
    found = gov_findings(post.resolve("mastodon"), "mastodon", Context(relaxed, OFFICE))
    assert not [f for f in found if f.code == "gov.pii.phone"]
    with pytest.raises(UserError):
        relaxed.set_severity("gov.nope", "warn")
    assert spec.id == "mastodon"


def test_the_rule_book_blocks_a_post_with_a_nik_and_a_mark(siaran_home):
    post = Post(text="SANGAT RAHASIA: NIK 3404071203900001, hubungi 0812-3456-7890")
    result = checks.check(post, "mastodon", default_registry().get("mastodon").spec)
    assert not result.ok
    blocked = {f.code for f in result.blocks}
    assert {"gov.pii.nik", "gov.mark.classified", "gov.pii.phone"} <= blocked
    nik = next(f for f in result.blocks if f.code == "gov.pii.nik")
    assert "3404071203900001" not in nik.message and "UU 27/2022" in nik.params["rule"]


def test_rule_set_export_import_round_trip(tmp_path):
    rules = GovRules(dik_terms=["relokasi"], phones=["0274-555000"], finance=True)
    rules.set_severity("gov.lang.spelling", "off")
    copied = GovRules.from_json(rules.to_json())
    assert copied == rules
    with pytest.raises(UserError):
        GovRules.from_json(json.dumps({"format": "something else"}))
    with pytest.raises(UserError):
        GovRules.from_json("not json")
    rules.save(tmp_path)
    assert GovRules.load(tmp_path) == rules


def test_an_allow_listed_hotline_passes():
    assert "gov.pii.phone" in codes("Hubungi 0274-555000")
    assert "gov.pii.phone" not in codes("Hubungi 0274-555000", ctx(phones=["0274 555000"]))


# --- links, accessibility, language ------------------------------------------------------------


def test_links_are_never_a_pass_unchecked():
    found = codes("Info: http://staging.slemankab.go.id/a dan http://example.org/x "
                  "dan https://example.org/y")
    assert "gov.link.internal" in found and "gov.link.insecure" in found
    assert found.count("gov.link.not_checked") == 2


def test_accessibility():
    media = [MediaRef("/x/IMG_2041.jpg", alt="IMG_2041.jpg"),
             MediaRef("/x/a.jpg", alt="Bupati menyerahkan bantuan kepada warga desa"),
             MediaRef("/nowhere/talk.mp4", kind="video")]
    post = Post(text="Bupati menyerahkan bantuan kepada warga desa. #hariibusedunia",
                media=media)
    found = [f.code for f in gov_findings(post.resolve("x"), "x", ctx())]
    assert {"gov.a11y.alt_filename", "gov.a11y.alt_copy", "gov.a11y.captions",
            "gov.a11y.hashtag_case"} <= set(found)
    assert "gov.a11y.hashtag_case" not in codes("#HariIbuSedunia")


def test_a_video_with_its_own_captions_file_has_captions(tmp_path):
    """The captions attached to the video (wherever the file lies) answer the check, not only
    a file named after the video beside it."""
    takarir = tmp_path / "takarir-rapat.srt"
    takarir.write_text("1\n00:00:00,000 --> 00:00:01,000\nSelamat pagi\n\n", encoding="utf-8")
    post = Post(text="Rapat", media=[MediaRef("/nowhere/talk.mp4", kind="video",
                                              captions=str(takarir))])
    assert "gov.a11y.captions" not in [f.code for f in gov_findings(post.resolve("x"), "x", ctx())]


def test_contrast():
    from composer.core.templates import from_dict

    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    grey = from_dict({"name": "t", "background": "#ffffff", "layers": [
        {"id": "title", "type": "text", "text": "Judul", "color": "#aaaaaa", "size": 0.03,
         "left": 0.1, "top": 0.1, "width": 0.5, "height": 0.1}]})
    assert [h.code for h in template_contrast(grey)] == ["gov.a11y.contrast"]
    grey.layers[0].color = "#333333"
    assert template_contrast(grey) == []


def test_indonesian_spelling_and_eyd():
    found = scan_text("Acara pukul 9:00 di tulis dirumah, biaya Rp. 5.000,- resiko aktifitas",
                      ctx())
    fixes = {h.shown: h.fix for h in found}
    assert fixes["pukul 9:00"] in ("pukul 09.00", "pukul 9:00 WIB")
    assert fixes["dirumah"] == "di rumah" and fixes["di tulis"] == "ditulis"
    assert fixes["Rp. 5.000,-"] == "Rp5.000"
    assert fixes["aktifitas"] == "aktivitas"
    assert not [h for h in scan_text("The meeting starts at nine in the city hall", ctx())
                if h.code == "gov.lang.spelling"]
    glossary = ctx(glossary={"diskominfo": "Diskominfo"})
    assert [h.fix for h in scan_text("kata diskominfo hari ini", glossary)
            if h.code == "gov.lang.glossary"] == ["Diskominfo"]


def test_fixes_mask_the_number_remove_the_mark_and_correct_the_link():
    from composer.core.checks.gov import apply_fix

    context = ctx()
    text = "RAHASIA  NIK 3404071203900001, info http://example.org/a"
    hits = {h.code: h for h in scan_text(text, context)}
    masked = apply_fix(text, "gov.pii.nik", hits["gov.pii.nik"].start, context)
    assert masked is not None and "3404071203900001" not in masked and "3404" in masked
    unmarked = apply_fix(text, "gov.mark.classified", hits["gov.mark.classified"].start, context)
    assert unmarked is not None and "RAHASIA" not in unmarked
    secure = apply_fix(text, "gov.link.insecure", -1, context)
    assert secure is not None and "https://example.org/a" in secure
    assert apply_fix(text, "gov.pii.nik", 999, context) is None  # stale: nothing changes


def test_links_are_asked_and_a_dead_one_is_said(monkeypatch):
    """Against a real HTTP server on loopback (the rule itself never asks a local address, so
    the test lets it for this one server)."""
    import http.server
    import threading

    from composer.core.checks.gov import links

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self):
            self.send_response(200 if self.path == "/ok" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        monkeypatch.setattr(links, "_internal", lambda host: False)
        links.forget()
        answers = links.resolve([base + "/ok", base + "/gone", "http://127.0.0.1:9/none"],
                                timeout=2)
        assert answers == {base + "/ok": True, base + "/gone": False,
                           "http://127.0.0.1:9/none": None}
        found = [h.code for h in links.scan(f"{base}/gone {base}/ok http://127.0.0.1:9/none",
                                            (), ctx())]
        assert found.count("gov.link.unreachable") == 1
        assert found.count("gov.link.not_checked") == 1  # no answer is never a pass
    finally:
        server.shutdown()
        server.server_close()
        links.forget()


def test_the_cli_check_suggests_spellings_and_cites_rules(siaran_home, tmp_path, capsys):
    from composer import cli

    path = tmp_path / "post.toml"
    path.write_text('siaran = 1\ntext = "Pelayanan aktifitas warga dibuka Senin. NIK '
                    '3404071203900001"\nchannels = ["mastodon"]\n', encoding="utf-8")
    assert cli.main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "perhaps 'aktivitas'" in out and "gov.pii.nik" in out and "UU 27/2022" in out
    assert "3404071203900001" not in out
