"""Laying a story out into PDF bytes: page templates (portrait and landscape A4), bookmarks and contents entries
from headings, progress reports and cancellation, reproducible output (`invariant=1`) and the atomic write."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate
from reportlab.platypus.doctemplate import FrameBreak

from export.atomic import write_bytes_atomic
from export.pdf.canvas import Decor, NumberedCanvas
from export.pdf.fonts import SANS, register_fonts
from export.pdf.styles import LANDSCAPE, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PORTRAIT

Progress = Callable[[float], None]  # called with 0.0-1.0; raising (e.g. `Cancelled`) stops the build


@dataclass(frozen=True)
class Meta:
    title: str
    author: str
    subject: str
    keywords: str


def frame_height(pagesize: tuple[float, float]) -> float:
    return pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM


def to_portrait() -> list[Flowable]:
    return [NextPageTemplate("portrait"), PageBreak()]


def to_landscape() -> list[Flowable]:
    return [NextPageTemplate("landscape"), PageBreak()]


class _KeepWithNext(KeepTogether):
    """Headings kept with what follows them. reportlab moves the whole group to the next page whenever it does not
    fit, which for a long table means always; here a table only needs its header and first row on the same page
    (`keep_height`), and then splits as usual."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        last = self._content[-1]
        keep = getattr(last, "keep_height", None)
        if keep is None:
            return super().split(aW, aH)
        need = keep()
        for f in self._content[:-1]:
            need += f.wrapOn(self.canv, aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        frame = getattr(self, "_frame", None)
        at_top = frame is not None and getattr(frame, "_atTop", False)
        if need <= aH or at_top:
            return list(self._content)
        return [FrameBreak()] + list(self._content)


class _DocTemplate(BaseDocTemplate):
    def __init__(self, target, decor: Decor, meta: Meta) -> None:
        super().__init__(
            target,
            pagesize=PORTRAIT,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            keywords=meta.keywords,
            creator="Klaster",
            producer="Klaster (reportlab)",
            lang="pl-PL",
            invariant=1,
            initialFontName=SANS,
            keepTogetherClass=_KeepWithNext,
        )
        self.decor = decor
        templates = []
        for name, size in (("portrait", PORTRAIT), ("landscape", LANDSCAPE)):
            frame = Frame(MARGIN_X, MARGIN_BOTTOM, size[0] - 2 * MARGIN_X, frame_height(size), 0, 0, 0, 0, id=name)
            templates.append(PageTemplate(id=name, frames=[frame], pagesize=size))
        self.addPageTemplates(templates)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        level, text, key = outline
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        if self.decor.toc is not None:
            self.decor.toc.page_of[key] = self.canv.getPageNumber()


def render(story: list[Flowable], decor: Decor, meta: Meta, progress: Progress | None = None) -> bytes:
    """The PDF of `story` as bytes (the same input always gives the same bytes)."""
    register_fonts()
    buffer = io.BytesIO()
    doc = _DocTemplate(buffer, decor, meta)
    if progress is not None:
        total = [max(len(story), 1)]

        def report(kind: str, value: int) -> None:
            if kind == "SIZE_EST":
                total[0] = max(value, 1)
            elif kind == "PROGRESS":
                progress(min(value / total[0], 1.0))

        doc.setProgressCallBack(report)
    doc.build(story, canvasmaker=functools.partial(NumberedCanvas, decor=decor))
    return buffer.getvalue()


def write_pdf(data: bytes, path: Path | str) -> None:
    write_bytes_atomic(Path(path), data)
