"""The application PDF benchmark: the PDF of the large application (300 members, 200 rows per table).

Baseline in the same run: reportlab alone building a document of the same pages, tables and text. The story our
builder makes is taken apart into its strings first (outside the timing); the baseline then builds it with stock
reportlab only: the same paragraphs (same markup and styles), every data table as plain `Table`s of the same cell
strings and column widths in chunks of 60 rows with `repeatRows=1` (the known-good way for long tables), the same
drawings, portrait and landscape page templates with the same margins, the same number of contents pages (blank),
the same fonts, `invariant=1`. It has no header, footer, page numbers, watermark, bookmarks or contents text: those
and everything else (formatting values from the document, indicators, layout decisions) are our overhead.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path
from types import SimpleNamespace

from reportlab.graphics.shapes import Drawing
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from bench.common import Result, best_of, peak_memory_mb
from export.pdf import build_application_pdf
from export.pdf.application import application_story
from export.pdf.fonts import COND, COND_BOLD, SANS
from export.pdf.styles import CELL_LEADING, CELL_SIZE, LANDSCAPE, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PORTRAIT
from export.pdf.tables import DetailLines, PagedTable
from export.pdf.toc import _Reserved
from forms.demo import make_demo
from forms.loader import load_form

TODAY = dt.date(2025, 6, 30)
CHUNK = 60


def large_document():
    return make_demo(load_form("kkk-2019"), members=300, rows=200, today=TODAY)


def info_of(doc) -> SimpleNamespace:
    return SimpleNamespace(
        id=1,
        uuid="00000000-0000-0000-0000-000000000001",
        name=doc.get("cluster.name", ""),
        form_id=doc.definition.id,
        kind="nadanie",
        state="draft",
        version_no=1,
        checksum=None,
        finalized_at=None,
    )


# The baseline's input: the story reduced to strings (and drawings) ----------------------------------------------
def _cell(value):
    if isinstance(value, Paragraph):
        return ("p", value.text, value.style)
    if isinstance(value, DetailLines):  # our own flowable: the baseline prints the same text as a plain string
        return ("d", " · ".join(f"{label}: {text}" for label, text in value.items))
    return ("s", value)


def plan_of(story) -> list[tuple]:
    plan: list[tuple] = []
    for f in story:
        if isinstance(f, _Reserved):
            plan.append(("break",))  # a contents page: blank in the baseline
        elif isinstance(f, PagedTable):
            rows = []
            for recs in f.cells:
                rows.extend([[_cell(c) for c in r] for r in recs])
            plan.append(("data", f.header, rows, f.widths, [len(r) for r in f.cells]))
        elif isinstance(f, Table):
            rows = [[_cell(c) if not isinstance(c, list) else ("s", "") for c in r] for r in f._cellvalues]
            plan.append(("table", rows, f._colWidths))
        elif isinstance(f, Paragraph):
            plan.append(("para", f.text, f.style))
        elif isinstance(f, NextPageTemplate):
            plan.append(("template", f.action[1]))
        elif isinstance(f, PageBreak):
            plan.append(("break",))
        elif isinstance(f, Spacer):
            plan.append(("space", f.height))
        elif isinstance(f, Drawing):
            plan.append(("drawing", f))
    return plan


def _value(cell, width: float = 0.0):
    if cell[0] == "p":
        return Paragraph(cell[1], cell[2])
    if cell[0] == "d":  # wrapped by reportlab's own simpleSplit
        return "\n".join(simpleSplit(cell[1], COND, CELL_SIZE, width))
    return cell[1]


def baseline(plan: list[tuple]) -> bytes:
    """reportlab alone: the same paragraphs, tables (60-row chunks, repeatRows=1), drawings and page templates."""
    story = []
    for item in plan:
        kind = item[0]
        if kind == "para":
            story.append(Paragraph(item[1], item[2]))
        elif kind == "space":
            story.append(Spacer(1, item[1]))
        elif kind == "break":
            story.append(PageBreak())
        elif kind == "template":
            story.append(NextPageTemplate(item[1]))
        elif kind == "drawing":
            story.append(item[1])
        elif kind == "table":
            story.append(
                Table(
                    [[_value(c) for c in r] for r in item[1]],
                    colWidths=item[2],
                    style=[("FONT", (0, 0), (-1, -1), SANS, 9), ("VALIGN", (0, 0), (-1, -1), "TOP")],
                )
            )
        elif kind == "data":
            header, rows, widths, sizes = item[1], item[2], item[3], item[4]
            spans, r = [], 0
            for n in sizes:
                if n > 1:
                    spans.append(r + n - 1)
                r += n
            for start in range(0, len(rows), CHUNK):
                chunk = rows[start : start + CHUNK]
                style = [
                    ("FONT", (0, 0), (-1, -1), COND, CELL_SIZE, CELL_LEADING),
                    ("FONT", (0, 0), (-1, 0), COND_BOLD, CELL_SIZE, CELL_LEADING),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
                style += [
                    ("SPAN", (1, s - start + 1), (-1, s - start + 1)) for s in spans if start <= s < start + CHUNK
                ]
                detail_width = sum(widths[1:]) - 6
                data = [header] + [[_value(c, detail_width) for c in row] for row in chunk]
                story.append(Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style)))
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PORTRAIT,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        invariant=1,
        initialFontName=SANS,
    )
    templates = []
    for name, size in (("portrait", PORTRAIT), ("landscape", LANDSCAPE)):
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, size[0] - 2 * MARGIN_X, size[1] - MARGIN_TOP - MARGIN_BOTTOM, 0, 0, 0, 0)
        templates.append(PageTemplate(id=name, frames=[frame], pagesize=size))
    doc.addPageTemplates(templates)
    doc.build(story)
    return buffer.getvalue()


def _pages(data: bytes) -> int:
    return data.count(b"/Type /Page\n") or data.count(b"/Type /Page ")


def run() -> list[Result]:
    doc = large_document()
    info = info_of(doc)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "wniosek.pdf"

        def ours() -> None:
            build_application_pdf(doc, info, path, today=TODAY)

        ours()  # warm up: fonts registered, caches filled (the baseline gets the same)
        story, _, _ = application_story(doc, info, today=TODAY)
        plan = plan_of(story)
        base_bytes = baseline(plan)
        seconds = best_of(ours, 3)
        base_seconds = best_of(lambda: baseline(plan), 3)
        size_kb = path.stat().st_size / 1024
        ours_pages = _pages(path.read_bytes())
        peak = peak_memory_mb(ours)
    return [
        Result(
            "application PDF, 300 members, 200 rows/table",
            seconds,
            "reportlab alone, same story",
            base_seconds,
            "<= x1.5",
            f"{ours_pages} pages ({_pages(base_bytes)} baseline), {size_kb:.0f} KB, peak {peak:.0f} MB",
        )
    ]
