"""One open application: the document in memory, the user's edits, autosave to SQLite and live checks.

Every edit changes the in-memory `Document` at once and is written to SQLite by autosave: an idle timer restarted
on each edit (300 ms) and a maximum-delay timer started on the first unsaved edit and never restarted (1 s), so
continuous typing still reaches the disk within a second. Checks run on a short debounce after edits.
Widgets never talk to the repository directly; they call the methods here.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from forms.checks import Problem
from forms.document import Document, Row
from forms.indicators import IndicatorValue, compute_indicators
from forms.progress import Assessment, SectionProgress, assess
from models.faults import DiskFull, ReadOnlyDatabase, StorageError
from models.history import ValueConflict
from models.repository import ApplicationInfo, Repository, RepositoryError
from ui import team

log = logging.getLogger(__name__)

IDLE_MS = 300
MAX_MS = 1000
CHECK_MS = 150
WATCH_MS = 2000  # how often the stored data is asked whether another program changed it
RETRY_MS = (1000, 2000, 5000, 10000, 30000)  # a failing save is retried ever more slowly, never in a tight loop


class ProblemIndex:
    """Problems looked up by where they are: a field, a table cell, a table as a whole."""

    def __init__(self, problems: list[Problem]) -> None:
        self.all = problems
        self.by_field: dict[str, list[Problem]] = {}
        self.by_cell: dict[tuple[str, int, str], list[Problem]] = {}
        self.by_row: dict[tuple[str, int], list[Problem]] = {}
        self.by_table: dict[str, list[Problem]] = {}
        for p in problems:
            if p.field is not None:
                self.by_field.setdefault(p.field, []).append(p)
            elif p.table is not None:
                if p.row is not None and p.column is not None:
                    self.by_cell.setdefault((p.table, p.row, p.column), []).append(p)
                if p.row is not None:
                    self.by_row.setdefault((p.table, p.row), []).append(p)
                else:
                    self.by_table.setdefault(p.table, []).append(p)

    @property
    def missing(self) -> int:
        """Required items not filled in (brak)."""
        return sum(p.is_missing for p in self.all)

    @property
    def errors(self) -> int:
        """Wrong values and broken rules (błąd); missing items are counted apart."""
        return sum(p.is_mistake for p in self.all)

    @property
    def warnings(self) -> int:
        return len(self.all) - self.missing - self.errors

    @property
    def blocking(self) -> int:
        """What keeps the application from being finalised: missing items and errors."""
        return self.missing + self.errors


class Session(QObject):
    valueChanged = Signal(str)  # a field's value changed (key)
    tableChanged = Signal(str)  # rows of a table added, removed, moved or replaced (key)
    cellChanged = Signal(str, int, str)  # one cell (table, row index, column)
    problemsChanged = Signal()
    saved = Signal(object)  # datetime of the last write
    saveFailed = Signal(str)  # Polish message
    stateChanged = Signal()  # finalised, renamed ...
    changedElsewhere = Signal(str)  # the stored application was changed by another program; Polish message

    def __init__(self, repo: Repository, app_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.app_id = app_id
        self.doc: Document = repo.load(app_id)
        self.info: ApplicationInfo = repo.info(app_id)
        self._values: set[str] = set()
        self._rows: dict[str, set[str]] = {}  # table -> uids to write
        self._orders: set[str] = set()  # tables whose order (or deletions) must be written
        self._deleted: list[str] = []
        self.last_saved: dt.datetime | None = None
        self._sources: dict[str, dict[str, str]] | None = None
        self._idle = self._timer(IDLE_MS, self.flush)
        self._max = self._timer(MAX_MS, self.flush)
        self._check = self._timer(CHECK_MS, self.recheck)
        self._retry = self._timer(RETRY_MS[0], self.flush)
        self._failures = 0
        self.storage_problem: str | None = None  # why the database cannot take edits now (read-only ...)
        self._seen_version = self._data_version()
        self._watch = QTimer(self)
        self._watch.setInterval(getattr(repo, "backend", None) and repo.backend.watch_ms or WATCH_MS)
        self._watch.timeout.connect(self.check_elsewhere)
        self._watch.start()
        from ui.undo import UndoHistory

        self.history = UndoHistory(self)  # undo/redo of every edit below, replayed through these same methods
        self.problems = ProblemIndex([])
        self.indicators: list[IndicatorValue] = []
        self.sections: list[SectionProgress] = []
        self.assessment = Assessment((), ())  # the one computation every face of the window reads
        self.recheck()

    def _timer(self, ms: int, slot: Any) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # State ---------------------------------------------------------------------------------------
    @property
    def definition(self):
        return self.doc.definition

    @property
    def read_only(self) -> bool:
        return self.info.is_final or self.repo.read_only

    @property
    def dirty(self) -> bool:
        return bool(self._values or self._rows or self._orders or self._deleted)

    @property
    def completeness(self) -> int:
        return self.assessment.completeness

    # Edits ---------------------------------------------------------------------------------------
    def _guard(self) -> bool:
        if self.read_only:
            log.warning("edit ignored: application %s is final", self.app_id)
            return False
        return True

    def _schedule(self) -> None:
        if self._retry.isActive():  # a save is failing: the retry timer writes, not every pause in typing
            self._check.start()
            return
        self._idle.start()
        if not self._max.isActive():
            self._max.start()
            team.editing(self, True)  # team mode: the others know this window has unsaved edits
        self._check.start()

    def set_value(self, key: str, value: Any) -> Any:
        if not self._guard():
            return self.doc.get(key)
        old = self.doc.values.get(key)
        new = self.doc.set(key, value)
        if new != old:
            self._values.add(key)
            self._schedule()
            self.history.value_changed(key, old, new)
            self.valueChanged.emit(key)
        return new

    def _mark_row(self, table: str, row: Row) -> None:
        self._rows.setdefault(table, set()).add(row.uid)

    def set_cell(self, table: str, index: int, column: str, value: Any) -> Any:
        if not self._guard():
            return self.doc.rows(table)[index].get(column)
        row = self.doc.rows(table)[index]
        old = row.get(column)
        new = self.doc.set_cell(table, index, column, value)
        if new != old:
            self._mark_row(table, row)
            self._schedule()
            self.history.cell_changed(table, index, column, old, new)
            self.cellChanged.emit(table, index, column)
        return new

    def add_row(self, table: str, data: dict[str, Any] | None = None, index: int | None = None) -> Row | None:
        if not self._guard():
            return None
        row = self.doc.add_row(table, data, index)
        self._mark_row(table, row)
        self._orders.add(table)
        self._schedule()
        self.history.rows_added(table, self.doc.rows(table).index(row), [row.data])
        self.tableChanged.emit(table)
        return row

    def add_rows(self, table: str, rows: list[dict[str, Any]]) -> int:
        """Append several rows at once (paste from Excel)."""
        if not self._guard():
            return 0
        first = len(self.doc.rows(table))
        for data in rows:
            self._mark_row(table, self.doc.add_row(table, data))
        self._orders.add(table)
        self._schedule()
        self.history.rows_added(table, first, [r.data for r in self.doc.rows(table)[first:]])
        self.tableChanged.emit(table)
        return len(rows)

    def remove_rows(self, table: str, indexes: list[int]) -> None:
        if not self._guard():
            return
        removed = []
        for index in sorted(set(indexes), reverse=True):
            row = self.doc.remove_row(table, index)
            removed.append((index, row.data))
            self._deleted.append(row.uid)
            self._rows.get(table, set()).discard(row.uid)
        self.history.rows_removed(table, removed)
        self._orders.add(table)
        self._schedule()
        self.tableChanged.emit(table)

    def move_row(self, table: str, index: int, new_index: int) -> None:
        if not self._guard():
            return
        rows = self.doc.rows(table)
        if not (0 <= index < len(rows) and 0 <= new_index < len(rows)) or index == new_index:
            return
        self.doc.move_row(table, index, new_index)
        self._orders.add(table)
        self._schedule()
        self.history.row_moved(table, index, new_index)
        self.tableChanged.emit(table)

    def attach_file(self, content: bytes) -> str:
        """Keep a file inside the database at once (files are written immediately, not debounced)."""
        digest = self.doc.attach(content)
        self.repo.add_file(content, digest)
        return digest

    # Saving --------------------------------------------------------------------------------------
    def flush(self) -> bool:
        """Write every pending edit now, in one transaction. Returns False (and reports) on failure.

        A change another program made to the stored application is noticed first (`check_elsewhere`). A fault that
        may pass (a full disk, a database busy for a moment) keeps the edits in memory and retries ever more slowly;
        one that will not pass (the application was finalised or deleted elsewhere, the database is read-only)
        stops retrying, takes the stored application again and says which edits could not be saved."""
        self._idle.stop()
        self._max.stop()
        self._retry.stop()
        if not self.dirty:
            return True
        if self.check_elsewhere():  # taken again; what this window had pending was written by it (or refused)
            return not self.dirty
        values, rows, orders, deleted = self._values, self._rows, self._orders, self._deleted
        try:
            with self.repo.transaction():
                for key in sorted(values):
                    self.repo.set_value(self.app_id, key, self.doc.values.get(key))
                for uid in deleted:
                    self.repo.delete_row(self.app_id, uid)
                for table, uids in rows.items():
                    changed = [(row, i) for i, row in enumerate(self.doc.rows(table)) if row.uid in uids]
                    self.repo.save_rows(self.app_id, table, changed)
                for table in orders:
                    self.repo.save_order(self.app_id, table, [r.uid for r in self.doc.rows(table)])
        except ValueConflict as exc:  # team mode: a colleague saved the same field or cell first; the user chooses
            return team.resolve(self, exc)
        except (RepositoryError, ReadOnlyDatabase) as exc:  # will not pass by waiting
            log.warning("autosave refused: %s", exc)
            lost = len(values) + sum(len(u) for u in rows.values()) + len(deleted) + len(orders)
            self._drop_pending()
            self.storage_problem = str(exc)
            self.history.clear()
            try:
                self.reload()
            except (RepositoryError, StorageError):  # deleted elsewhere, or the database is gone
                log.exception("reloading after a refused save")
            self.saveFailed.emit(
                self.tr("Nie zapisano zmian ({count}): {error}. Pokazuję wniosek taki, jaki jest zapisany.").format(
                    count=lost, error=exc
                )
            )
            return False
        except Exception as exc:  # noqa: BLE001 - a storage fault (or a bug): keep the edits and tell the user
            log.exception("autosave failed")
            delay = RETRY_MS[min(self._failures, len(RETRY_MS) - 1)]
            self._failures += 1
            self._retry.start(delay)
            if isinstance(exc, DiskFull):
                text = self.tr(
                    "Brak miejsca na dysku: zmiany są w pamięci, ponowię zapis za {seconds} s. Zwolnij miejsce na "
                    "dysku albo zapisz wniosek na innym dysku (Plik → Eksport)."
                )
            elif isinstance(exc, StorageError):
                text = self.tr(
                    "Nie udało się zapisać zmian: {error} Zmiany są w pamięci; ponowię zapis za {seconds} s."
                )
            else:
                text = self.tr(
                    "Nie udało się zapisać zmian: {error}. Zmiany są w pamięci; ponowię zapis za {seconds} s."
                )
            self.saveFailed.emit(text.format(error=exc, seconds=delay // 1000))
            return False
        self._drop_pending()
        team.editing(self, False)
        self._failures = 0
        self.last_saved = dt.datetime.now()
        self.info = self.repo.info(self.app_id)
        self._seen_version = self._data_version()
        self.saved.emit(self.last_saved)
        return True

    def _drop_pending(self) -> None:
        self._values, self._rows, self._orders, self._deleted = set(), {}, set(), []

    def _data_version(self) -> int | None:
        try:
            return self.repo.data_version()
        except Exception:  # noqa: BLE001 - a closed or failing database: nothing to compare
            return None

    def check_elsewhere(self) -> bool:
        """Whether another program (or a restored backup) changed the stored data since this session last read or
        wrote it (SQLite's data_version); if so the stored application is taken again. Pending edits of this window
        are written first, field by field and row by row, so only what the user changed here overrides what is
        stored; when the application was finalised elsewhere they cannot be saved, and the user is told so."""
        version = self._data_version()
        if version is None or self._seen_version is None or version == self._seen_version:
            return False
        self._seen_version = version
        log.info("the database changed elsewhere; application %s is taken again", self.app_id)
        try:
            stored = self.repo.info(self.app_id)
        except (RepositoryError, StorageError) as exc:
            self._watch.stop()
            self.storage_problem = str(exc)
            self.changedElsewhere.emit(str(exc))
            return True
        lost = 0
        if stored.is_final and self.dirty:
            lost = len(self._values) + sum(len(u) for u in self._rows.values()) + len(self._deleted)
            self._drop_pending()
        self.reload()
        self.history.clear()  # the edits it holds were made on an application that is no longer what is stored
        text = self.tr(
            "Wniosek zmieniono poza tym oknem (inny program albo przywrócona kopia); pokazuję zapisaną wersję."
        )
        if lost:
            text += " " + self.tr(
                "Wniosek sfinalizowano gdzie indziej: zmian z tego okna ({count}) nie zapisano."
            ).format(count=lost)
        self.changedElsewhere.emit(text)
        return True

    def row_source_text(self, table: str, uid: str) -> str:
        """Where a row imported from a file came from, for people; "" for rows typed in. Cached until reload."""
        if self._sources is None:
            from ui.xlsx.provenance import source_text

            self._sources = {
                key: {row_uid: source_text(src) for row_uid, src in self.repo.row_sources(self.app_id, key).items()}
                for key in self.definition.tables
            }
        return self._sources.get(table, {}).get(uid, "")

    def reload(self, flush_first: bool = True) -> None:
        """Take the stored application again (after an import wrote to the database behind the session)."""
        if flush_first and self.dirty:
            self.flush()
        self.doc = self.repo.load(self.app_id)
        self.info = self.repo.info(self.app_id)
        self._sources = None
        for key in self.definition.fields:
            self.valueChanged.emit(key)
        for key in self.definition.tables:
            self.tableChanged.emit(key)
        self._seen_version = self._data_version()
        self.stateChanged.emit()
        self.recheck()

    # Checks --------------------------------------------------------------------------------------
    def recheck(self) -> None:
        self._check.stop()
        self.assessment = assess(self.doc)
        self.problems = ProblemIndex(list(self.assessment.problems))
        self.indicators = compute_indicators(self.doc)
        self.sections = list(self.assessment.sections)
        self.problemsChanged.emit()

    # States --------------------------------------------------------------------------------------
    def finalize(self) -> list[Problem]:
        """Finalise when there are no errors; returns the errors that prevent it (empty list on success).

        What is finalised is what is stored, checked again inside one write transaction (`Repository.finalize`);
        edits still in memory are written first, and a failed write stops the finalisation."""
        if self.read_only or not self.flush():
            return [p for p in self.problems.all if p.is_error]
        self.check_elsewhere()
        errors, _checksum = self.repo.finalize(self.app_id)
        if errors:
            self.reload(flush_first=False)
            return errors
        self.info = self.repo.info(self.app_id)
        self._seen_version = self._data_version()
        self.stateChanged.emit()
        return []

    def make_correction(self) -> int:
        self.flush()
        return self.repo.correct(self.app_id)
