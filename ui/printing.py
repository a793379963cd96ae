"""Printing from the app: print preview, print and "Eksport PDF" of the application and of the summary.

What is printed is the very PDF the export writes (one layout, one place to fix it). PySide6-Essentials has no
QtPdf, so the PDF's pages are rasterised with pdfium (the `pypdfium2` wheel bundles it as a plain shared library,
collected by PyInstaller's contrib hook) at the printer's resolution, capped at 300 dpi, and drawn page by page on
the `QPrinter`, landscape pages (the member register) on landscape paper. QtPdf is used instead where it is
installed. The PDF itself is built off the UI thread (`ui.background`), on a copy of the document taken in the UI
thread, so edits made meanwhile cannot disturb it; cancelling stops reportlab at its next progress report, and a file
is written atomically, so a cancelled or failed export leaves nothing behind.

Every dialog goes through a small module-level function so that tests can replace it.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from export.atomic import with_extension
from export.pdf import Cancelled, application_pdf_bytes, build_application_pdf, build_summary_pdf, summary_pdf_bytes
from ui.background import Job, Progress, snapshot, start_in_background

log = logging.getLogger(__name__)

MAX_DPI = 300
STEPS = 1000  # of the progress bar
PREVIEW_DPI = 96.0
PREVIEW_BUDGET = 256 * 1024 * 1024
TITLES = {False: "Wniosek", True: "Podsumowanie wniosku"}


# Dialogs (replaced in tests) ------------------------------------------------------------------------------------
def choose_pdf_path(parent: QWidget | None, title: str, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "Dokument PDF (*.pdf)")
    return path


def ask_open(parent: QWidget | None, path: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        "Eksport PDF",
        f"Zapisano plik {path}.\n\nOtworzyć go teraz?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def exec_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


# Names ----------------------------------------------------------------------------------------------------------
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_file_name(text: str, limit: int = 80) -> str:
    """A file name safe on Windows too: no reserved characters or names, no trailing dots or spaces; Polish
    letters kept (NFC), white space as `_`."""
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE.sub("_", text)
    text = re.sub(r"\s+", "_", text.strip())
    text = re.sub(r"_+", "_", text)[:limit].strip("._ ")
    if not text or text.upper().split(".")[0] in _RESERVED:
        text = f"wniosek_{text}" if text else "wniosek"
    return text


def suggested_name(session: Any, summary: bool) -> str:
    name = session.doc.get("cluster.name") or session.info.name or "wniosek"
    kind = "podsumowanie" if summary else "wniosek"
    return f"{safe_file_name(name)}_{kind}_v{session.info.version_no}.pdf"


# Building off the UI thread -------------------------------------------------------------------------------------
Build = Callable[[Callable[[float], None]], Any]  # build(progress) -> result; progress(0.0-1.0) may raise Cancelled


def failure_message(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return f"Nie można zapisać pliku: {exc.strerror or exc}."
    log.error("PDF export failed", exc_info=exc)
    return f"Nie udało się utworzyć pliku PDF ({exc.__class__.__name__}: {exc})."


def run_pdf_job(
    parent: QWidget | None,
    text: str,
    build: Build,
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
    title: str = "Tworzenie PDF",
) -> Job:
    """Start `build` in a worker thread with a progress dialog; `on_success(result)` or `on_failure(a Polish
    message)` run in the UI thread (neither when the user cancelled)."""

    def work(progress: Progress) -> Any:
        def report(fraction: float) -> None:
            if not progress(int(fraction * STEPS), STEPS):
                raise Cancelled()

        return build(report)

    def done(job: Job) -> None:
        if job.outcome == "succeeded":
            on_success(job.result)
        elif job.outcome == "failed":
            on_failure(failure_message(job.error))

    return start_in_background(parent, text, work, done, title=title)


# Export ---------------------------------------------------------------------------------------------------------
def export_pdf(parent: QWidget | None, session: Any, summary: bool = False) -> Job | None:
    """Ask for a file name, build the PDF off the UI thread, then offer to open it. Returns the running job."""
    title = f"Eksport PDF – {TITLES[summary].lower()}"
    chosen = choose_pdf_path(parent, title, suggested_name(session, summary))
    if not chosen:
        return None
    path = with_extension(chosen, ".pdf")
    doc, info = snapshot(session)
    build = build_summary_pdf if summary else build_application_pdf

    def done(_: Any) -> None:
        if ask_open(parent, path):
            open_file(path)

    return run_pdf_job(
        parent,
        f"Tworzenie pliku {path.name}…",
        lambda progress: build(doc, info, path, progress=progress),
        done,
        lambda message: show_error(parent, title, message),
    )


# Preview and print ----------------------------------------------------------------------------------------------
def _pdf_job(parent: QWidget | None, session: Any, summary: bool, then: Callable[[bytes], None]) -> Job:
    doc, info = snapshot(session)
    make = summary_pdf_bytes if summary else application_pdf_bytes
    return run_pdf_job(
        parent,
        "Przygotowanie wydruku…",
        lambda progress: make(doc, info, progress=progress),
        then,
        lambda message: show_error(parent, "Drukowanie", message),
    )


def new_printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the PDF has its own margins
    return printer


def preview_dpi(pages: int) -> float:
    """Preview pages are kept as images: 96 dpi, less for long documents (about 256 MB at most)."""
    per_dpi2 = 8.27 * 11.69 * 3  # bytes of an RGB A4 page at 1 dpi
    return max(48.0, min(PREVIEW_DPI, (PREVIEW_BUDGET / (max(pages, 1) * per_dpi2)) ** 0.5))


def print_preview(parent: QWidget | None, session: Any, summary: bool = False) -> Job | None:
    """Build the PDF off the UI thread, then show it in Qt's print preview (which can print it too)."""
    if not can_rasterise():
        show_error(parent, "Podgląd wydruku", UNAVAILABLE)
        return None

    def show(data: bytes) -> None:
        printer = new_printer(TITLES[summary])
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle(f"Podgląd wydruku – {TITLES[summary].lower()}")
        dialog.paintRequested.connect(lambda p: _paint_request(p, data))
        exec_dialog(dialog)
        dialog.deleteLater()

    return _pdf_job(parent, session, summary, show)


def _paint_request(printer: QPrinter, data: bytes) -> None:
    preview = printer.paintEngine() is not None and printer.paintEngine().type() == QPaintEngine.Type.Picture
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        paint_pdf(printer, data, preview_dpi if preview else None)
    finally:
        QApplication.restoreOverrideCursor()


def choose_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Drukuj")
    return exec_dialog(dialog)


def print_document(parent: QWidget | None, session: Any, summary: bool = False) -> Job | None:
    """Build the PDF, ask for a printer, and print it; building and printing run off the UI thread (QPainter
    may paint on a QPrinter from any thread)."""
    if not can_rasterise():
        show_error(parent, "Drukowanie", UNAVAILABLE)
        return None

    def send(data: bytes) -> None:
        printer = new_printer(TITLES[summary])
        if not choose_printer(parent, printer):
            return
        run_pdf_job(
            parent,
            "Drukowanie…",
            lambda progress: paint_pdf(printer, data, progress=progress),
            lambda _: None,
            lambda message: show_error(parent, "Drukowanie", message),
            title="Drukowanie",
        )

    return _pdf_job(parent, session, summary, send)


# Rasterising PDF pages ------------------------------------------------------------------------------------------
UNAVAILABLE = "Ta instalacja nie zawiera modułu do wyświetlania plików PDF (pypdfium2); użyj eksportu PDF."


class PreviewUnavailable(RuntimeError):
    pass


def can_rasterise() -> bool:
    import importlib.util

    return any(importlib.util.find_spec(name) is not None for name in ("pypdfium2", "PySide6.QtPdf"))


def pdf_pages(data: bytes, dpi: Callable[[int], float]) -> Iterator[tuple[QImage, bool, int]]:
    """Each page of a PDF as an image at `dpi(page count)`, whether it is landscape, and the page count."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        yield from _qtpdf_pages(data, dpi)
        return
    pdf = pdfium.PdfDocument(data)
    try:
        count = len(pdf)
        scale = dpi(count) / 72
        for i in range(count):
            page = pdf[i]
            width, height = page.get_size()
            bitmap = page.render(scale=scale, rev_byteorder=True, fill_color=(255, 255, 255, 255))
            fmt = QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
            bitmap.close()
            page.close()
            yield image, width > height, count
    finally:
        pdf.close()


def _qtpdf_pages(data: bytes, dpi: Callable[[int], float]) -> Iterator[tuple[QImage, bool, int]]:
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QSize
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        raise PreviewUnavailable(UNAVAILABLE) from None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    pdf = QPdfDocument()
    pdf.load(buffer)
    count = pdf.pageCount()
    scale = dpi(count) / 72
    for i in range(count):
        size = pdf.pagePointSize(i)
        image = pdf.render(i, QSize(round(size.width() * scale), round(size.height() * scale)))
        yield image, size.width() > size.height(), count


def paint_pdf(
    printer: QPrinter,
    data: bytes,
    dpi: Callable[[int], float] | None = None,
    progress: Callable[[float], None] | None = None,
) -> int:
    """Draw every page of the PDF on the printer, one sheet each in its own orientation; returns the page count.

    `progress(fraction)` is called after each page; raising from it (Cancelled) aborts the print job."""
    dpi = dpi or (lambda _: min(printer.resolution(), MAX_DPI))
    painter: QPainter | None = None
    done = 0
    try:
        for image, landscape, count in pdf_pages(data, dpi):
            orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
            printer.setPageOrientation(orientation)
            printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
            if painter is None:
                painter = QPainter()
                if not painter.begin(printer):
                    raise OSError("nie można rozpocząć drukowania na wybranej drukarce")
            elif not printer.newPage():
                raise OSError("drukarka przerwała wydruk")
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)
            painter.drawImage(target, image)
            done += 1
            if progress is not None:
                progress(done / count)
    except BaseException:
        if painter is not None:
            printer.abort()
        raise
    finally:
        if painter is not None and painter.isActive():
            painter.end()
    return done
