"""Running long work (reading a large workbook, a folder of questionnaires) off the UI thread, with a progress
dialog and a cancel button.

The work is a function `fn(progress)`; it calls `progress(done, total)` now and then, which returns False once
the user has pressed "Anuluj" (the function then raises `Cancelled`). The work never touches the database or the
session: the caller writes the result in the UI thread, in one transaction, so cancelling leaves the register as
it was. A plain Python thread does the work; a timer in the UI thread shows its progress and notices its end.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
POLL_MS = 40
SHOW_AFTER_MS = 300


class _Job:
    def __init__(self, fn: Callable[[Callable[[int, int], bool]], Any]) -> None:
        self.fn = fn
        self.cancelled = threading.Event()
        self.finished = threading.Event()
        self.done, self.total = 0, 0
        self.result: Any = None
        self.error: BaseException | None = None

    def progress(self, done: int, total: int) -> bool:
        self.done, self.total = done, total
        return not self.cancelled.is_set()

    def run(self) -> None:
        try:
            self.result = self.fn(self.progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread and raised there
            self.error = exc
        finally:
            self.finished.set()


def make_progress_dialog(parent: QWidget | None, text: str) -> QProgressDialog:
    dialog = QProgressDialog(text, "Anuluj", 0, 0, parent)
    dialog.setWindowTitle("Proszę czekać")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def run_in_background(parent: QWidget | None, text: str, fn: Callable[[Callable[[int, int], bool]], T]) -> T:
    """The result of `fn(progress)` computed in a worker thread; raises what `fn` raised (`Cancelled` when the
    user pressed "Anuluj" and the work noticed it; work that finished anyway is kept)."""
    job = _Job(fn)
    dialog = make_progress_dialog(parent, text)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)

    def poll() -> None:
        if dialog.wasCanceled():  # the button, Esc, or cancel() called by code
            job.cancelled.set()
        if job.total:
            dialog.setMaximum(job.total)
            dialog.setValue(min(job.done, job.total))
        if job.finished.is_set():
            loop.quit()

    timer.timeout.connect(poll)
    thread = threading.Thread(target=job.run, name="klaster-background", daemon=True)
    thread.start()
    timer.start()
    if not job.finished.is_set():
        loop.exec()
    timer.stop()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if job.error is not None:
        raise job.error  # Cancelled too, when the work noticed the button
    return job.result
