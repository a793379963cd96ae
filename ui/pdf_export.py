"""Building a PDF off the UI thread: a progress dialog with "Anuluj", the window stays live, the result (or the
error) comes back to the UI thread through queued signals.

The job works on a copy of the document taken in the UI thread, so edits made meanwhile cannot disturb it, and it
never touches the database. Cancelling stops reportlab at its next progress report; a file being written is
written atomically, so a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from export.pdf import Cancelled

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 400  # a quick export never flashes a dialog
STEPS = 1000

Build = Callable[[Callable[[float], None]], Any]  # build(progress) -> result; progress(0.0-1.0) may raise Cancelled


class PdfJob(QObject):
    progressed = Signal(int)  # 0..STEPS
    succeeded = Signal(object)  # what `build` returned
    failed = Signal(str)  # a Polish message
    cancelled = Signal()

    def __init__(self, build: Build, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.done = threading.Event()
        self.outcome = ""  # "succeeded", "failed" or "cancelled" once done

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="klaster-pdf", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self.done.wait(timeout)

    def _report(self, fraction: float) -> None:
        if self._stop.is_set():
            raise Cancelled()
        self.progressed.emit(int(fraction * STEPS))

    def _run(self) -> None:
        try:
            result = self._build(self._report)
        except Cancelled:
            self._finish("cancelled")
            self.cancelled.emit()
            return
        except OSError as exc:
            self._finish("failed")
            self.failed.emit(f"Nie można zapisać pliku: {exc.strerror or exc}.")
            return
        except Exception as exc:  # noqa: BLE001 - reported to the user, details in the log
            log.exception("PDF export failed")
            self._finish("failed")
            self.failed.emit(f"Nie udało się utworzyć pliku PDF ({exc.__class__.__name__}: {exc}).")
            return
        self._finish("succeeded")
        self.succeeded.emit(result)

    def _finish(self, outcome: str) -> None:
        self.outcome = outcome
        self.done.set()


def make_progress_dialog(parent: QWidget | None, text: str, title: str = "Tworzenie PDF") -> QProgressDialog:
    dialog = QProgressDialog(text, "Anuluj", 0, STEPS, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    return dialog


_running: set[PdfJob] = set()  # jobs alive until they report back (nothing else holds them)


def run_job(
    parent: QWidget | None,
    text: str,
    build: Build,
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
    title: str = "Tworzenie PDF",
) -> PdfJob:
    """Start `build` in a worker thread with a progress dialog; `on_success`/`on_failure` run in the UI thread."""
    job = PdfJob(build)
    dialog = make_progress_dialog(parent, text, title)
    dialog.canceled.connect(job.cancel)
    job.progressed.connect(dialog.setValue)

    def finish() -> None:
        _running.discard(job)
        dialog.close()
        dialog.deleteLater()

    job.succeeded.connect(lambda result: (finish(), on_success(result)))
    job.failed.connect(lambda message: (finish(), on_failure(message)))
    job.cancelled.connect(finish)
    _running.add(job)
    job.start()
    return job
