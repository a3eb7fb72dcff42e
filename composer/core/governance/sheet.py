"""The sign-off sheet: a PDF in the style of a *nota dinas* for *paraf berjenjang*.

The office's header, the request (to, from, subject, date), every channel's variant as it will
go out (its text and its rendered images), the fingerprint as text and as a QR code, and a
column of initials and dates per approval level. Written with fpdf2 and DejaVu Sans (the
Latin font scripts/setup installs), the QR code with segno.
"""

from __future__ import annotations

import base64
import io
from datetime import datetime
from pathlib import Path
from typing import Any

from composer.core.i18n import UserError, _

FONT_PLACES = (Path("/usr/share/fonts/truetype/dejavu"),)


def _font(name: str) -> Path:
    for folder in FONT_PLACES:
        if (folder / name).is_file():
            return folder / name
    raise UserError(_("The font {name} is missing (scripts/setup installs fonts-dejavu-core)",
                      name=name))


def _printable(text: str) -> str:
    """DejaVu Sans has no colour emoji: keep what it can draw, a placeholder for the rest."""
    return "".join(ch if ord(ch) < 0x1F000 else "\u25a1" for ch in text)


def write_sheet(package: dict[str, Any], path: Path, approvers: list[Any], *,
                office: str = "", zone: str | None = None, lang: str | None = None) -> None:
    """Write the sheet for a review package (see Approvals.request) to ``path``."""
    import segno
    from fpdf import FPDF

    from composer.core.office import format_datetime

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("DejaVu", "", str(_font("DejaVuSans.ttf")))
    pdf.add_font("DejaVu", "B", str(_font("DejaVuSans-Bold.ttf")))
    pdf.add_font("DejaVuMono", "", str(_font("DejaVuSansMono.ttf")))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    # the office's header (kop) and the title
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(width, 7, (office or package.get("office") or "").upper() or "-", align="C")
    pdf.set_line_width(0.8)
    pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.w - pdf.r_margin, pdf.get_y() + 1)
    pdf.ln(5)
    pdf.set_font("DejaVu", "B", 13)
    pdf.cell(width, 8, _("NOTA DINAS"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    requested = datetime.fromisoformat(package["requested_at"])
    post = package["post"]
    rows = [
        (_("To"), ", ".join(a.name for a in approvers) or "-"),
        (_("From"), package["drafter"]),
        (_("Date"), format_datetime(requested, lang, zone)),
        (_("Subject"), _("Approval to publish post {post}", post=post["id"])),
        (_("Channels"), ", ".join(package["manifest"]["targets"])),
    ]
    if package["manifest"].get("schedule"):
        when = datetime.fromisoformat(package["manifest"]["schedule"])
        rows.append((_("Scheduled"), format_datetime(when, lang, zone)))
    pdf.set_font("DejaVu", "", 10)
    for label, value in rows:
        pdf.cell(28, 6, label)
        pdf.cell(4, 6, ":")
        pdf.multi_cell(width - 32, 6, _printable(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    # every channel as it will go out
    for channel, entry in package["manifest"]["channels"].items():
        pdf.set_font("DejaVu", "B", 11)
        state = "" if entry.get("enabled", True) else " — " + _("switched off")
        pdf.cell(width, 7, f"{channel} ({entry['platform']}){state}", new_x="LMARGIN",
                 new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        if entry.get("title"):
            pdf.multi_cell(width, 5, _printable(_("Title: {title}", title=entry["title"])),
                           new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(width, 5, _printable(entry.get("text") or "-"), new_x="LMARGIN",
                       new_y="NEXT")
        for n, alt in enumerate(entry.get("alt", []), 1):
            if alt:
                pdf.set_font("DejaVu", "", 8)
                pdf.multi_cell(width, 4, _printable(_("Image {n} alt text: {alt}", n=n, alt=alt)),
                               new_x="LMARGIN", new_y="NEXT")
        images = package.get("images", {}).get(channel, [])
        if images:
            x = pdf.l_margin
            top = pdf.get_y() + 2
            if top + 45 > pdf.h - 18:
                pdf.add_page()
                top = pdf.get_y()
            for raw in images[:4]:
                shown = pdf.image(io.BytesIO(base64.b64decode(raw)), x=x, y=top, h=40)
                x += float(shown.rendered_width) + 3
            pdf.set_y(top + 42)
        pdf.ln(3)

    # the fingerprint, as text and as a QR code
    if pdf.get_y() + 45 > pdf.h - 18:
        pdf.add_page()
    top = pdf.get_y()
    qr = io.BytesIO()
    segno.make(f"siaran:{post['id']}:{package['fingerprint']}", error="m").save(
        qr, kind="png", scale=4, border=1)
    qr.seek(0)
    pdf.image(qr, x=pdf.w - pdf.r_margin - 32, y=top, w=32)
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(width - 36, 6, _("Fingerprint (SHA-256) of everything that goes out"),
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVuMono", "", 9)
    fingerprint = package["fingerprint"]
    pdf.multi_cell(width - 36, 5, fingerprint[:32] + "\n" + fingerprint[32:], new_x="LMARGIN",
                   new_y="NEXT")
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(width - 36, 4, _("Any change after approval (text, image, alt text, "
                                    "channels or time) voids the approval."),
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(pdf.get_y(), top + 34) + 4)

    # initials per approval level (paraf berjenjang)
    if pdf.get_y() + 10 + 9 * (len(approvers) + 1) > pdf.h - 18:
        pdf.add_page()
    pdf.set_font("DejaVu", "B", 10)
    columns = [(_("Level"), 18), (_("Name / position"), width - 18 - 35 - 40), (_("Initials"), 35),
               (_("Date"), 40)]
    for title, w in columns:
        pdf.cell(w, 7, title, border=1, align="C")
    pdf.ln()
    pdf.set_font("DejaVu", "", 9)
    levels = [(_("Drafter"), package["drafter"])] + [
        (str(n), f"{a.name}" + (f" — {a.position}" if a.position else "")
         + (f" (NIP {a.nip})" if a.nip else "")) for n, a in enumerate(approvers, 1)]
    for level, who in levels:
        pdf.cell(18, 9, level, border=1, align="C")
        name_width = width - 18 - 35 - 40
        label = _printable(who)
        while label and pdf.get_string_width(label) > name_width - 3:
            label = label[:-2] + "…"
        pdf.cell(name_width, 9, label, border=1)
        pdf.cell(35, 9, "", border=1)
        pdf.cell(40, 9, "", border=1)
        pdf.ln()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
