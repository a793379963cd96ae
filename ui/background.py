"""Running long work (reading a large workbook, a folder of questionnaires, building or printing a PDF, a package)
off the UI thread, with a progress dialog and a cancel button: the one mechanism the UI uses for it.

The work is a function `fn(progress)`; it calls `progress(done, total)` now and then, which returns False once the
user has pressed "Anuluj" (the function then raises `export.Cancelled`). The work never touches the database or the
session: the caller writes the result in the UI thread, in one transaction, so cancelling leaves the register as it
was. A plain Python thread does the work; a timer in the UI thread shows its progress and notices its end.

- `run_in_background(parent, text, fn)` waits (the window stays live) and returns what `fn` returned, or raises
  what it raised.
- `start_in_background(parent, text, fn, on_done)` returns at once with the running `Job`; `on_done(job)` runs in
  the UI thread when the work has ended (`job.outcome`: "succeeded", "failed" or "cancelled").
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from export import Cancelled

T = TypeVar("T")
Progress = Callable[[int, int], bool]  # progress(done, total) -> False once the user cancelled
POLL_MS = 40
SHOW_AFTER_MS = 300  # a quick job never flashes a dialog


class Job:
    """One piece of work in a worker thread: its progress, and in the end its result or its error."""

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        self.fn = fn
        self.cancelled = threading.Event()
        self.done = threading.Event()  # set once `fn` has returned or raised
        self.position, self.total = 0, 0
        self.result: Any = None
        self.error: BaseException | None = None
        self.thread: threading.Thread | None = None
        self.timer: QTimer | None = None  # the UI thread's poll, kept alive with the job

    @property
    def outcome(self) -> str:
        """How the work ended: "succeeded", "failed" or "cancelled" (an empty string while it runs)."""
        if not self.done.is_set():
            return ""
        if self.error is None:
            return "succeeded"
        return "cancelled" if isinstance(self.error, Cancelled) else "failed"

    def progress(self, done: int, total: int) -> bool:
        self.position, self.total = done, total
        return not self.cancelled.is_set()

    def cancel(self) -> None:
        self.cancelled.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self.done.wait(timeout)

    def run(self) -> None:
        try:
            self.result = self.fn(self.progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread and raised or reported there
            self.error = exc
        finally:
            self.done.set()


def snapshot(session: Any) -> tuple[Any, Any]:
    """What work off the UI thread reads: the session's pending edits saved, then a copy of its document (edits
    made meanwhile cannot disturb the work) and its `ApplicationInfo`."""
    session.flush()
    return session.doc.copy(), session.info


def make_progress_dialog(parent: QWidget | None, text: str, title: str | None = None) -> QProgressDialog:
    cancel = QCoreApplication.translate("Background", "Anuluj")
    dialog = QProgressDialog(text, cancel, 0, 0, parent)
    dialog.setWindowTitle(title or QCoreApplication.translate("Background", "Proszę czekać"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


_running: set[Job] = set()  # jobs whose end the UI has not handled yet (nothing else holds them)


def _hold_gc() -> None:
    """Garbage is collected on the UI thread only while work runs in a worker: Python's cycle collector runs in
    whichever thread happens to allocate, and collecting a cycle that holds a Qt object (a closed window, its
    dialogs) from the worker deletes that object off the UI thread, which crashes Qt. Plain reference counting
    still frees everything else meanwhile."""
    if not _running:
        gc.collect()
        gc.disable()


def _release_gc() -> None:
    if not _running and not gc.isenabled():
        gc.enable()
        gc.collect()


def start_in_background(
    parent: QWidget | None,
    text: str,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Job], None],
    *,
    title: str | None = None,
) -> Job:
    """Start `fn(progress)` in a worker thread with a progress dialog; `on_done(job)` runs in the UI thread once it
    has ended, after the dialog has closed."""
    job = Job(fn)
    dialog = make_progress_dialog(parent, text, title)
    timer = job.timer = QTimer()
    timer.setInterval(POLL_MS)

    def poll() -> None:
        if dialog.wasCanceled():  # the button, Esc, or cancel() called by code
            job.cancel()
        if job.total:
            dialog.setMaximum(job.total)
            dialog.setValue(min(job.position, job.total))
        if not job.done.is_set():
            return
        timer.stop()
        if job.thread is not None:
            job.thread.join()
        dialog.close()
        dialog.deleteLater()
        _running.discard(job)
        _release_gc()
        on_done(job)

    timer.timeout.connect(poll)
    job.thread = threading.Thread(target=job.run, name="klaster-background", daemon=True)
    _hold_gc()
    _running.add(job)
    job.thread.start()
    timer.start()
    return job


def run_in_background(parent: QWidget | None, text: str, fn: Callable[[Progress], T], *, title: str | None = None) -> T:
    """The result of `fn(progress)` computed in a worker thread; raises what `fn` raised (`Cancelled` when the
    user pressed "Anuluj" and the work noticed it; work that finished anyway is kept)."""
    loop = QEventLoop()
    ended: list[Job] = []

    def done(job: Job) -> None:
        ended.append(job)
        loop.quit()

    start_in_background(parent, text, fn, done, title=title)
    if not ended:
        loop.exec()
    job = ended[0]
    if job.error is not None:
        raise job.error  # Cancelled too, when the work noticed the button
    return job.result
