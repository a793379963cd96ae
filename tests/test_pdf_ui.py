"""Printing from the app: "Eksport PDF" off the UI thread with a cancel button, print preview and print, each
dialog replaced by the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from export.pdf import read_checksum
from forms.demo import make_demo
from tests.conftest import refusing_dialogs, store
from ui import background, printing
from ui.session import Session

no_unexpected_dialogs = refusing_dialogs(
    printing, ("choose_pdf_path", "ask_open", "open_file", "show_error", "exec_dialog", "choose_printer")
)


@pytest.fixture
def session(repo, definition, qtbot):
    doc = make_demo(definition, members=55, rows=1)
    s = Session(repo, store(repo, doc, doc.get("cluster.name")))
    yield s
    background._running and qtbot.waitUntil(lambda: not background._running, timeout=20000)


@pytest.fixture
def window(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


def test_export_runs_off_the_ui_thread_then_offers_to_open_the_file(monkeypatch, qtbot, session, window, tmp_path):
    asked, opened = [], []
    monkeypatch.setattr(
        printing,
        "choose_pdf_path",
        lambda parent, title, suggested: asked.append(suggested) or str(tmp_path / "eksport"),
    )
    monkeypatch.setattr(printing, "ask_open", lambda parent, path: True)
    monkeypatch.setattr(printing, "open_file", lambda path: opened.append(path) or True)
    session.set_value("cluster.name", "Klaster: «Próba» / Łódź")  # an unsaved edit is flushed and printed
    job = printing.export_pdf(window, session, summary=False)
    assert isinstance(job, background.Job)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    path = tmp_path / "eksport.pdf"
    assert opened == [path]
    assert asked == ["Klaster_«Próba»_Łódź_wniosek_v1.pdf"]
    assert read_checksum(path) == session.doc.checksum()
    assert "Klaster: «Próba» / Łódź" in PdfReader(str(path)).pages[0].extract_text()


def test_cancelling_an_export_writes_nothing(monkeypatch, qtbot, session, window, tmp_path):
    dialogs = []
    real = background.make_progress_dialog

    def capture(*args):
        dialog = real(*args)
        dialogs.append(dialog)
        return dialog

    real_progress = background.Job.progress

    def progress_once_cancelled(job, done, total):
        # the work looks for a cancel only after the button's has reached it: on a loaded machine the whole export
        # can otherwise end before the UI thread's first poll sees the button
        job.cancelled.wait(10)
        return real_progress(job, done, total)

    monkeypatch.setattr(background, "make_progress_dialog", capture)
    monkeypatch.setattr(background.Job, "progress", progress_once_cancelled)
    monkeypatch.setattr(printing, "choose_pdf_path", lambda *_: str(tmp_path / "anulowany.pdf"))
    job = printing.export_pdf(window, session, summary=False)
    dialogs[0].canceled.emit()  # what the "Anuluj" button sends
    qtbot.waitUntil(lambda: job.done.is_set() and not background._running, timeout=20000)
    assert job.outcome == "cancelled"
    assert not (tmp_path / "anulowany.pdf").exists()
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_failed_export_is_reported_in_polish(monkeypatch, qtbot, session, window, tmp_path):
    errors = []
    monkeypatch.setattr(printing, "choose_pdf_path", lambda *_: str(tmp_path / "brak" / "w.pdf"))
    monkeypatch.setattr(printing, "show_error", lambda parent, title, text: errors.append(text))
    job = printing.export_pdf(window, session, summary=True)
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert job.outcome == "failed"
    assert errors[0].startswith("Nie można zapisać pliku")


def _pdf_printer(path: Path, printer: QPrinter | None = None) -> QPrinter:
    printer = printer or QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(60)  # fast: the test checks pages and orientation, not sharpness
    return printer


def test_print_preview_paints_every_page_in_its_orientation(monkeypatch, qtbot, session, window, tmp_path):
    out = tmp_path / "podglad.pdf"
    shown = []

    def fake_exec(dialog):
        shown.append(dialog.windowTitle())
        dialog.paintRequested.emit(_pdf_printer(out))
        return True

    monkeypatch.setattr(printing, "exec_dialog", fake_exec)
    printing.print_preview(window, session, summary=False)
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0, timeout=30000)
    assert shown == ["Podgląd wydruku – wniosek"]
    original = PdfReader(printing_source(session))
    printed = PdfReader(str(out))
    assert len(printed.pages) == len(original.pages)
    for a, b in zip(original.pages, printed.pages, strict=True):
        assert (a.mediabox.width > a.mediabox.height) == (b.mediabox.width > b.mediabox.height)


def printing_source(session) -> str:
    import io

    from export.pdf import application_pdf_bytes

    return io.BytesIO(application_pdf_bytes(session.doc, session.info))


def test_print_asks_for_a_printer_and_prints_off_the_ui_thread(monkeypatch, qtbot, session, window, tmp_path):
    out = tmp_path / "wydruk.pdf"
    monkeypatch.setattr(printing, "choose_printer", lambda parent, printer: bool(_pdf_printer(out, printer)))
    printing.print_document(window, session, summary=True)
    qtbot.waitUntil(lambda: out.exists() and not background._running, timeout=30000)
    assert 1 <= len(PdfReader(str(out)).pages) <= 2
