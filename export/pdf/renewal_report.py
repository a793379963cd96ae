"""The renewal report as a PDF: what a renewal into a later round carried, mapped, dropped (with the old content)
and what the new form newly requires (`forms.renewal.RenewalReport`)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from export.pdf.fonts import register_fonts
from export.pdf.styles import style


def renewal_report_pdf_bytes(report, name: str = "") -> bytes:
    register_fonts()
    buf = BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        invariant=1,
        title=f"Raport odnowienia {report.source_form} -> {report.target_form}",
        initialFontName=style("text").fontName,
    )

    def p(text: str, kind: str = "text") -> Paragraph:
        return Paragraph(escape(text), style(kind))

    story = [p("Raport odnowienia w nowej rundzie", "h1")]
    if name:
        story.append(p(name, "h2"))
    story.append(p(f"Wniosek z rundy {report.source_form} przeniesiony na formularz rundy {report.target_form}."))
    story += [Spacer(1, 6), p(f"Przeniesione bez zmian ({len(report.carried)})", "h2")]
    story.append(p(", ".join(report.carried) or "brak"))
    story.append(p(f"Przeniesione pod inny klucz lub uzupełnione ({len(report.mapped)})", "h2"))
    story += [p(f"{m.key} ← {m.old_key}: {m.why}") for m in report.mapped] or [p("brak")]
    story.append(p(f"Nieprzeniesione – z dotychczasową treścią ({len(report.dropped)})", "h2"))
    story += [p(f"{d.key} ({d.place}): {d.why}. Było: {d.old}") for d in report.dropped] or [p("brak")]
    story.append(p(f"Nowe wymagane pozycje do uzupełnienia ({len(report.newly_required)})", "h2"))
    story += [p(f"{key} ({place})") for key, place in report.newly_required] or [p("brak")]
    doc.build(story)
    return buf.getvalue()


def write_renewal_report_pdf(report, path: Path | str, name: str = "") -> None:
    data = renewal_report_pdf_bytes(report, name)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
