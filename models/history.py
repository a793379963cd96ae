"""Who changed what: the `history` table, written by the Repository in the same transaction as each change.

One row per change: the application (id and uuid: the history outlives a deleted application), the author (the
database role on PostgreSQL, the system user on SQLite), the time, the program, the session (which connection),
what changed (a field's key, a table's row uid and column), the old and the new value as JSON, and the kind:
`value`, `cell`, `row-added`, `row-removed`, `row-moved`, `import`, `created`, `finalised`, `deleted`, `copied`.

`install(Repository)` wraps the Repository's writing methods: each reads what is stored before, lets the method
write, reads what is stored after and records the difference, inside one transaction (a nested one is a savepoint),
so a change and its record commit or vanish together. The history id is also the value's revision: a save whose
field or cell another session changed after this session read it is a `ValueConflict` (team mode).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

from peewee import BigAutoField, CharField, DateTimeField, IntegerField, Model, TextField
from peewee import DatabaseError as PeeweeDatabaseError

from models.backend import backend_of

PROGRAM = "Klaster"

KIND_TEXT = {
    "value": "pole",
    "cell": "komórka",
    "row-added": "dodany wiersz",
    "row-removed": "usunięty wiersz",
    "row-moved": "przeniesiony wiersz",
    "import": "import",
    "created": "utworzenie",
    "finalised": "finalizacja",
    "deleted": "usunięcie",
    "copied": "skopiowanie",
}


class Change(Model):
    id = BigAutoField()
    application_id = IntegerField(index=True)
    application_uuid = CharField(default="")
    author = TextField()
    at = DateTimeField()
    program = TextField(default=PROGRAM)
    session = CharField(default="")
    kind = CharField()
    key = TextField(default="")  # a field's key, a table's key
    uid = TextField(default="")  # a row's uid
    column = TextField(default="")  # a cell's column
    old = TextField(null=True)  # JSON
    new = TextField(null=True)  # JSON

    class Meta:
        table_name = "history"
        database = None
        indexes = ((("application_id", "key", "uid"), False),)


SQLITE_DDL = """
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL,
    application_uuid TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL,
    at TEXT NOT NULL,
    program TEXT NOT NULL DEFAULT 'Klaster',
    session TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    uid TEXT NOT NULL DEFAULT '',
    "column" TEXT NOT NULL DEFAULT '',
    old TEXT,
    new TEXT
);
CREATE INDEX IF NOT EXISTS history_application_id ON history(application_id);
CREATE INDEX IF NOT EXISTS history_application_id_key_uid ON history(application_id, key, uid);
"""


def ensure_sqlite(conn: Any) -> None:
    """Create the history table in a SQLite file that has none (idempotent; `conn` is a sqlite3 connection)."""
    conn.executescript(SQLITE_DDL)


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    application_id: int
    author: str
    at: dt.datetime
    program: str
    kind: str
    key: str
    uid: str
    column: str
    old: Any
    new: Any

    @property
    def kind_text(self) -> str:
        return KIND_TEXT.get(self.kind, self.kind)

    @property
    def where(self) -> str:
        """The place, as the command line and the window show it: key, key[row uid].column."""
        place = self.key
        if self.uid:
            place += f"[{self.uid}]"
        if self.column:
            place += f".{self.column}"
        return place


class ValueConflict(Exception):
    """Another session saved the same field or cell after this session read it (team mode).

    `entry` is the other person's change (author, time, their value); the caller chooses: keep theirs (take the
    stored application again) or keep its own (`Repository.accept_conflict` and save again)."""

    def __init__(self, app_id: int, entry: HistoryEntry, mine: Any) -> None:
        self.app_id = app_id
        self.entry = entry
        self.mine = mine
        when = entry.at.strftime("%d.%m.%Y %H:%M:%S")
        super().__init__(
            f"{entry.where}: tę wartość zmienił(a) w międzyczasie {entry.author} ({when}); "
            f"zapisana wartość: {_short(entry.new)}, Twoja: {_short(mine)}"
        )


def _short(value: Any) -> str:
    text = "—" if value is None else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _entry(c: Change) -> HistoryEntry:
    return HistoryEntry(
        c.id, c.application_id, c.author, c.at, c.program, c.kind, c.key, c.uid, c.column, _loads(c.old), _loads(c.new)
    )


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


# Recording ---------------------------------------------------------------------------------------------------
class _State(threading.local):
    depth = 0  # inside a recorded method: inner ones (save_row -> save_rows, _copy -> create) record nothing more


_STATE = _State()


def _bind(repo: Any) -> None:
    if Change._meta.database is not repo.db:
        Change.bind(repo.db)


def has_history(repo: Any) -> bool:
    """Whether the database has a history table (an old read-only SQLite file may have none)."""
    cached = getattr(repo.db, "_klaster_history", None)
    if cached is None:
        cached = "history" in repo.db.get_tables()
        try:
            repo.db._klaster_history = cached
        except AttributeError:
            pass
    return cached


def _record(repo: Any, app_id: int, kind: str, **fields: Any) -> None:
    _bind(repo)
    backend = backend_of(repo.db)
    Change.insert(
        application_id=app_id,
        application_uuid=fields.pop("app_uuid", "") or _uuid(app_id),
        author=backend.author,
        at=_now(),
        program=PROGRAM,
        session=backend.session,
        kind=kind,
        key=fields.pop("key", ""),
        uid=fields.pop("uid", ""),
        column=fields.pop("column", ""),
        old=_dumps(fields.pop("old", None)),
        new=_dumps(fields.pop("new", None)),
    ).execute()


def _uuid(app_id: int) -> str:
    from models.tables import Application

    app = Application.select(Application.uuid).where(Application.id == app_id).first()
    return app.uuid if app is not None else ""


def _stored_values(app_id: int, keys: list[str] | None = None) -> dict[str, Any]:
    from models.tables import Value

    query = Value.select(Value.key, Value.data).where(Value.application == app_id)
    if keys is not None:
        query = query.where(Value.key.in_(keys))
    return {k: json.loads(d) for k, d in query.tuples()}


def _stored_rows(app_id: int, table_key: str | None = None, uids: list[str] | None = None) -> dict[str, tuple]:
    """uid -> (table, position, data) of stored rows."""
    from models.tables import TableRow

    query = TableRow.select(TableRow.uid, TableRow.table_key, TableRow.position, TableRow.data).where(
        TableRow.application == app_id
    )
    if table_key is not None:
        query = query.where(TableRow.table_key == table_key)
    if uids is not None:
        query = query.where(TableRow.uid.in_(uids))
    return {uid: (t, p, json.loads(d)) for uid, t, p, d in query.tuples()}


def _row_changes(repo: Any, app_id: int, before: dict[str, tuple], after: dict[str, tuple], moves: bool) -> None:
    for uid, (table, position, data) in after.items():
        if uid not in before:
            _record(repo, app_id, "row-added", key=table, uid=uid, new=data)
            continue
        _t, old_position, old_data = before[uid]
        for column in sorted(set(data) | set(old_data)):
            if data.get(column) != old_data.get(column):
                _record(repo, app_id, "cell", key=table, uid=uid, column=column, old=old_data.get(column),
                        new=data.get(column))  # fmt: skip
        if moves and position != old_position:
            _record(repo, app_id, "row-moved", key=table, uid=uid, old=old_position, new=position)
    for uid, (table, _position, data) in before.items():
        if uid not in after:
            _record(repo, app_id, "row-removed", key=table, uid=uid, old=data)


def _summary(app_id: int) -> dict[str, int]:
    from models.tables import TableRow, Value

    return {
        "values": Value.select().where(Value.application == app_id).count(),
        "rows": TableRow.select().where(TableRow.application == app_id).count(),
    }


# Conflicts (team mode) -----------------------------------------------------------------------------------------
def _seen(repo: Any) -> dict[int, int]:
    if not hasattr(repo, "_history_seen"):
        repo._history_seen = {}
        repo._history_accepted = {}
    return repo._history_seen


def _latest_id(app_id: int) -> int:
    from peewee import fn

    return Change.select(fn.MAX(Change.id)).where(Change.application_id == app_id).scalar() or 0


def _foreign_change(repo: Any, app_id: int, key: str, uid: str = "", column: str = "") -> HistoryEntry | None:
    """The newest change of this place by another session since this session read the application."""
    seen = _seen(repo).get(app_id)
    if seen is None:
        return None
    floor = max(seen, repo._history_accepted.get((app_id, key, uid, column), 0))
    query = Change.select().where(
        (Change.application_id == app_id)
        & (Change.id > floor)
        & (Change.session != backend_of(repo.db).session)
        & (Change.key == key)
        & (Change.uid == uid)
    )
    if column:
        query = query.where((Change.column == column) | (Change.kind.in_(("row-removed", "import"))))
    else:
        query = query.where(Change.kind.in_(("value", "import")))
    found = query.order_by(Change.id.desc()).first()
    return _entry(found) if found is not None else None


def accept_conflict(repo: Any, conflict: ValueConflict) -> None:
    """The user keeps their own value: the other session's change is seen, the next save overwrites it."""
    e = conflict.entry
    _seen(repo)
    repo._history_accepted[(conflict.app_id, e.key, e.uid, e.column)] = e.id


# Installing into the Repository -------------------------------------------------------------------------------
def _recorded(fn: Any, record: Any) -> Any:
    @functools.wraps(fn)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        if _STATE.depth or not has_history(self) or self.read_only:
            return fn(self, *args, **kwargs)
        backend = backend_of(self.db)
        _STATE.depth += 1
        try:
            with self.db.atomic(*backend.exclusive):  # BEGIN IMMEDIATE on SQLite; nested: a savepoint
                _bind(self)
                return record(self, backend, fn, *args, **kwargs)
        except (sqlite3.Error, PeeweeDatabaseError, OSError) as exc:  # the commit itself failed: named
            from models.repository import _named

            raise _named(exc, self.path) from None
        finally:
            _STATE.depth -= 1

    return wrapper


def _rec_set_value(repo: Any, backend: Any, fn: Any, app_id: int, key: str, value: Any) -> Any:
    from forms.values import to_json

    if backend.server:
        backend.lock_application(app_id)
    before = _stored_values(app_id, [key]).get(key)
    if backend.server:
        app = repo._get(app_id)
        from forms.loader import load_form

        mine = to_json(load_form(app.form_id).field(key), value)
        other = _foreign_change(repo, app_id, key)
        if other is not None and before != mine:
            raise ValueConflict(app_id, other, mine)
    result = fn(repo, app_id, key, value)
    after = _stored_values(app_id, [key]).get(key)
    if after != before:
        _record(repo, app_id, "value", key=key, old=before, new=after)
    return result


def _rec_save_rows(repo: Any, backend: Any, fn: Any, app_id: int, table_key: str, rows: list) -> Any:
    uids = [row.uid for row, _position in rows]
    if backend.server:
        backend.lock_application(app_id)
    before = _stored_rows(app_id, table_key, uids)
    if backend.server and before:
        app = repo._get(app_id)
        from forms.loader import load_form

        definition = load_form(app.form_id)
        for row, _position in rows:
            stored = before.get(row.uid)
            if stored is None:
                continue
            mine = json.loads(repo._row_json(definition, table_key, row))
            for column in sorted(set(mine) | set(stored[2])):
                if mine.get(column) == stored[2].get(column):
                    continue
                other = _foreign_change(repo, app_id, table_key, row.uid, column)
                if other is None:
                    continue
                if other.old == mine.get(column):  # this session did not touch the cell: the other value stays
                    row.data[column] = _from_stored(definition, table_key, column, stored[2].get(column))
                    continue
                raise ValueConflict(app_id, other, mine.get(column))
    result = fn(repo, app_id, table_key, rows)
    _row_changes(repo, app_id, before, _stored_rows(app_id, table_key, uids), moves=False)
    return result


def _from_stored(definition: Any, table_key: str, column: str, raw: Any) -> Any:
    from forms.values import from_json

    col = next(c for c in definition.table(table_key).columns if c.key == column)
    return None if raw is None else from_json(col, raw, definition)


def _rec_delete_row(repo: Any, backend: Any, fn: Any, app_id: int, uid: str) -> Any:
    if backend.server:
        backend.lock_application(app_id)
    before = _stored_rows(app_id, None, [uid])
    result = fn(repo, app_id, uid)
    _row_changes(repo, app_id, before, _stored_rows(app_id, None, [uid]), moves=False)
    return result


def _rec_save_order(repo: Any, backend: Any, fn: Any, app_id: int, table_key: str, uids: list[str]) -> Any:
    if backend.server:
        backend.lock_application(app_id)
        stored = _stored_rows(app_id, table_key)
        mine = set(uids)
        extra = [uid for uid, (_t, position, _d) in sorted(stored.items(), key=lambda i: i[1][1]) if uid not in mine]
        uids = list(uids) + extra  # rows another session added meanwhile stay, after this session's rows
    before = _stored_rows(app_id, table_key)
    result = fn(repo, app_id, table_key, uids)
    _row_changes(repo, app_id, before, _stored_rows(app_id, table_key), moves=True)
    return result


def _rec_save_table(repo: Any, backend: Any, fn: Any, app_id: int, doc: Any, table_key: str) -> Any:
    before = _stored_rows(app_id, table_key)
    result = fn(repo, app_id, doc, table_key)
    _row_changes(repo, app_id, before, _stored_rows(app_id, table_key), moves=True)
    return result


def _rec_save_document(repo: Any, backend: Any, fn: Any, app_id: int, doc: Any, *args: Any, **kwargs: Any) -> Any:
    before = _summary(app_id)
    result = fn(repo, app_id, doc, *args, **kwargs)
    _record(repo, app_id, "import", old=before, new=_summary(app_id))
    return result


def _rec_create(repo: Any, backend: Any, fn: Any, form_id: str, *args: Any, **kwargs: Any) -> Any:
    new_id = fn(repo, form_id, *args, **kwargs)
    _record(repo, new_id, "created", new={"form": form_id})
    return new_id


def _rec_finalize(repo: Any, backend: Any, fn: Any, app_id: int) -> Any:
    if backend.server:
        if backend.role not in ("coordinator", "owner"):
            from models.repository import RepositoryError

            raise RepositoryError(f"finalizuje koordynator; rola „{backend.role}” może tylko edytować wersje robocze")
        backend.lock_application(app_id)
        from models.tables import Application

        Application.select().where(Application.id == app_id).for_update().first()  # the row, held till commit
        _refuse_unsaved(repo, backend, app_id)
    errors, checksum = fn(repo, app_id)
    if not errors:
        _record(repo, app_id, "finalised", new=checksum)
    return errors, checksum


def _rec_delete(repo: Any, backend: Any, fn: Any, app_id: int) -> Any:
    if backend.server and backend.role not in ("coordinator", "owner"):
        from models.repository import RepositoryError

        raise RepositoryError(f"wniosek usuwa koordynator; rola „{backend.role}” nie może usuwać wniosków")
    app_uuid = _uuid(app_id)
    result = fn(repo, app_id)
    _record(repo, app_id, "deleted", app_uuid=app_uuid)
    return result


def _refuse_unsaved(repo: Any, backend: Any, app_id: int) -> None:
    """Finalising is refused while another window has unsaved edits of this application (team mode): open windows
    announce them in `editing` (see `mark_editing`)."""
    from models.repository import RepositoryError

    if "editing" not in repo.db.get_tables():
        return
    rows = repo.db.execute_sql(
        "SELECT author FROM editing WHERE application_id = %s AND session <> %s AND since > now() - interval '1 hour'",
        (app_id, backend.session),
    ).fetchall()
    if rows:
        who = ", ".join(sorted({r[0] for r in rows}))
        raise RepositoryError(f"nie można teraz sfinalizować wniosku {app_id}: {who} ma niezapisane zmiany")


def mark_editing(repo: Any, app_id: int, dirty: bool) -> None:
    """Team mode: tell the others whether this window holds unsaved edits of an application."""
    backend = backend_of(repo.db)
    if not backend.server:
        return
    if dirty:
        repo.db.execute_sql(
            "INSERT INTO editing (application_id, session, author, since) VALUES (%s, %s, current_user, now()) "
            "ON CONFLICT (application_id, session) DO UPDATE SET since = now()",
            (app_id, backend.session),
        )
    else:
        repo.db.execute_sql("DELETE FROM editing WHERE application_id = %s AND session = %s", (app_id, backend.session))


def _loaded(fn: Any) -> Any:
    @functools.wraps(fn)
    def wrapper(self: Any, app_id: int, *args: Any, **kwargs: Any) -> Any:
        if backend_of(self.db).server and has_history(self):
            _bind(self)
            with self.db.atomic():
                seen = _latest_id(app_id)
                doc = fn(self, app_id, *args, **kwargs)
            _seen(self)[app_id] = seen
            return doc
        return fn(self, app_id, *args, **kwargs)

    return wrapper


RECORDERS = {
    "set_value": _rec_set_value,
    "save_rows": _rec_save_rows,
    "delete_row": _rec_delete_row,
    "save_order": _rec_save_order,
    "save_table": _rec_save_table,
    "save_document": _rec_save_document,
    "create": _rec_create,
    "finalize": _rec_finalize,
    "delete": _rec_delete,
}


def install(repository_class: type) -> None:
    """Wrap the Repository's writing methods so that each records its changes (see the module's docstring)."""
    if getattr(repository_class, "_history_installed", False):
        return
    for name, record in RECORDERS.items():
        setattr(repository_class, name, _recorded(getattr(repository_class, name), record))
    repository_class.load = _loaded(repository_class.load)
    repository_class._history_installed = True


# Reading -----------------------------------------------------------------------------------------------------
def history(
    repo: Any,
    app_id: int,
    *,
    key: str | None = None,
    uid: str | None = None,
    author: str | None = None,
    section: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> list[HistoryEntry]:
    """The recorded changes of an application, oldest first, filtered by place (a field's or table's key, a row),
    person, section (the key's first part) and time."""
    if not has_history(repo):
        return []
    _bind(repo)
    query = Change.select().where(Change.application_id == app_id)
    if key is not None:
        query = query.where(Change.key == key)
    if uid is not None:
        query = query.where(Change.uid == uid)
    if author:
        query = query.where(Change.author == author)
    if section:
        query = query.where((Change.key == section) | Change.key.startswith(section + "."))
    if since is not None:
        query = query.where(Change.at >= since)
    if until is not None:
        query = query.where(Change.at <= until)
    return [_entry(c) for c in query.order_by(Change.id)]


def authors(repo: Any, app_id: int) -> list[str]:
    if not has_history(repo):
        return []
    _bind(repo)
    query = Change.select(Change.author).where(Change.application_id == app_id).distinct()
    return sorted(a for (a,) in query.tuples())


def copy_history(source: Any, target: Any, source_id: int, target_id: int, target_uuid: str) -> int:
    """Copy an application's history into another database (`copy ID --to DB`); returns how many entries."""
    entries = history(source, source_id)
    if not entries or not has_history(target):
        return 0
    _bind(target)
    rows = [
        {
            "application_id": target_id,
            "application_uuid": target_uuid,
            "author": e.author,
            "at": e.at,
            "program": e.program,
            "session": "copy",
            "kind": e.kind,
            "key": e.key,
            "uid": e.uid,
            "column": e.column,
            "old": _dumps(e.old),
            "new": _dumps(e.new),
        }
        for e in entries
    ]
    for start in range(0, len(rows), 500):
        Change.insert_many(rows[start : start + 500]).execute()
    return len(rows)
