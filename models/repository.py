"""Storing and loading applications: the only module that knows how a `Document` maps onto the tables.

Every write is one short transaction: saving a field writes one `value` row, saving a table cell one `row` row.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from forms.document import Document, Row
from forms.loader import load_form
from forms.revisions import as_of, notice, upgrade
from forms.schema import Text
from forms.values import ValueTypeError, clean_text, from_json, to_json
from models import history as _history
from models.backend import ServerLocation, backend_of
from models.backups import damage_text
from models.db import backup
from models.faults import DatabaseDamaged, ReadOnlyDatabase, StorageError, classify
from models.history import Change
from models.tables import MODELS, Application, Blob, ImportSource, SignatureRow, TableRow, Value

TEAM_MODELS = [Change]
DRAFT = "draft"
FINAL = "final"
KINDS = ("nadanie", "odnowienie")


class RepositoryError(Exception):
    """A request the stored data does not allow; the message is Polish."""


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class ApplicationInfo:
    id: int
    uuid: str
    name: str
    form_id: str
    form_version: int
    kind: str
    state: str
    parent_id: int | None
    version_no: int
    checksum: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    finalized_at: dt.datetime | None

    @property
    def is_final(self) -> bool:
        return self.state == FINAL

    @classmethod
    def of(cls, app: Application) -> ApplicationInfo:
        return cls(
            app.id,
            app.uuid,
            app.name,
            app.form_id,
            app.form_version,
            app.kind,
            app.state,
            app.parent_id,
            app.version_no,
            app.checksum,
            app.created_at,
            app.updated_at,
            app.finalized_at,
        )


@dataclass(frozen=True)
class RowSource:
    file_name: str
    sha256: str
    sheet: str | None
    row: int | None
    imported_at: dt.datetime


@dataclass(frozen=True)
class SignatureRecord:
    """One signature recorded for a signed file of an application (see `Repository.add_signed_file`)."""

    application_id: int
    file_sha256: str
    file_name: str
    kind: str
    position: int
    signer: str
    organisation: str
    signing_time: dt.datetime | None  # UTC
    time_source: str
    validity: str
    valid_at_signing: bool
    qualified: bool
    qc: str
    issuer: str
    pdf_sha256: str
    pdf_name: str
    recorded_at: dt.datetime


SIGNATURE_FIELDS = ("signer", "organisation", "signing_time", "time_source", "validity", "valid_at_signing")
SIGNATURE_FIELDS += ("qualified", "qc", "issuer")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Repository:
    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db
        self.backend = backend_of(db)  # what differs between SQLite and PostgreSQL (models.backend)

    @property
    def path(self) -> Path:
        if self.backend.server:
            return self.db.path  # a team database: its URL without the password (models.backend.ServerLocation)
        return Path(getattr(self.db, "path", None) or self.db.database)

    @property
    def read_only(self) -> bool:
        """The database was opened read-only (its file or folder cannot be written, or it is damaged)."""
        return bool(getattr(self.db, "read_only", False))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; any storage fault inside (or in its rollback) leaves as a named `StorageError`."""
        try:
            with self.db.atomic():
                yield
        except (sqlite3.Error, PeeweeDatabaseError, OSError) as exc:
            raise _named(exc, self.path) from None

    def backup(self, reason: str) -> Path | None:
        """A verified copy of this database before a change that cannot be undone (an import ...)."""
        if self.read_only or self.backend.server:  # a team database is backed up on its server (pg_dump)
            return None
        return backup(self.path, reason)

    def data_version(self) -> int:
        """Changes when another connection (another process, a restore, a colleague) commits: SQLite's `PRAGMA
        data_version`, PostgreSQL's notifications (models.backend)."""
        return self.backend.data_version()

    # Applications -----------------------------------------------------------------------------
    def _get(self, app_id: int) -> Application:
        app = Application.get_or_none(Application.id == app_id)
        if app is None:
            raise RepositoryError(f"nie ma wniosku o numerze {app_id}")
        return app

    def info(self, app_id: int) -> ApplicationInfo:
        return ApplicationInfo.of(self._get(app_id))

    def list_applications(self) -> list[ApplicationInfo]:
        return [ApplicationInfo.of(a) for a in Application.select().order_by(Application.id)]

    def create(self, form_id: str, name: str = "", kind: str = "nadanie", parent_id: int | None = None) -> int:
        if kind not in KINDS:
            raise RepositoryError(f"rodzaj wniosku '{kind}': dozwolone {', '.join(KINDS)}")
        self._check_writable_db()
        definition = load_form(form_id)
        stamp = now()
        with self.db.atomic():
            app = Application.create(
                uuid=str(uuid.uuid4()),
                name=clean_text(name or "", multiline=False),
                form_id=definition.id,
                form_version=definition.version,
                kind=kind,
                parent=parent_id,
                created_at=stamp,
                updated_at=stamp,
            )
            if definition.has_field("meta.application_type"):
                Value.create(application=app, key="meta.application_type", data=_dumps(kind))
        return app.id

    def _touch(self, app: Application | int) -> None:
        app_id = app if isinstance(app, int) else app.id
        Application.update(updated_at=now()).where(Application.id == app_id).execute()

    def _check_writable_db(self) -> None:
        if self.read_only:
            raise ReadOnlyDatabase(f"Baza {self.path} jest otwarta tylko do odczytu; zmian nie można zapisać.")

    def _writable(self, app_id: int) -> Application:
        self._check_writable_db()
        app = self._get(app_id)
        if app.state == FINAL:
            raise RepositoryError(f"wniosek {app_id} jest sfinalizowany i nie można go zmieniać; utwórz korektę")
        return app

    def rename(self, app_id: int, name: str) -> None:
        with self.db.atomic():
            self._writable(app_id)
            name = clean_text(name or "", multiline=False)  # as a field's text: no control characters (NUL)
            Application.update(name=name, updated_at=now()).where(Application.id == app_id).execute()

    def delete(self, app_id: int) -> None:
        """Delete an application; a backup copy taken just before keeps it recoverable."""
        self._get(app_id)
        self._check_writable_db()
        self.backup("delete")
        with self.db.atomic():
            self._get(app_id).delete_instance()
            self._collect_blobs()

    # Loading ------------------------------------------------------------------------------------
    def _stored_values(self, app_id: int, definition: Any) -> dict[str, Any]:
        """The fields stored for an application, typed by `definition` (keys it does not know are left out)."""
        values = {}
        for v in Value.select().where(Value.application == app_id):
            if definition.has_field(v.key):
                value = safe_from_json(definition.field(v.key), json.loads(v.data), definition)
                if value is not None:
                    values[v.key] = value
        return values

    def load(self, app_id: int) -> Document:
        app = self._get(app_id)
        definition = load_form(app.form_id)
        if app.state != "draft":  # sealed under an older version: read with the lists it was sealed with
            definition = as_of(definition, app.form_version)
        doc = Document(definition, self._stored_values(app_id, definition))
        query = (
            TableRow.select()
            .where(TableRow.application == app_id)
            .order_by(TableRow.table_key, TableRow.position, TableRow.id)
        )
        for r in query:
            if not definition.has_table(r.table_key):
                continue
            table = definition.table(r.table_key)
            raw = json.loads(r.data)
            data = {}
            for col in table.columns:
                value = safe_from_json(col, raw.get(col.key), definition)
                if value is not None:
                    data[col.key] = value
            doc.tables.setdefault(r.table_key, []).append(Row(data, r.uid))
        wanted = [r.get("sha256") for rows in doc.tables.values() for r in rows if r.get("sha256")]
        if wanted:
            for blob in Blob.select().where(Blob.sha256.in_(wanted)):
                doc.files[blob.sha256] = bytes(blob.data)
        if app.state == "draft" and app.form_version < definition.version:
            upgrade(doc, app.form_version)  # what the codes mean now, even where the file cannot be written
        return doc

    def upgrade_drafts(self) -> list[Text]:
        """Bring every draft stored under an older version of its form up to date (forms/revisions.py): after a
        backup, each in one transaction, every changed value through `set_value` (so its history records it).
        Finalised applications stay as sealed. Returns what the coordinator is told (also in `db.warnings`)."""
        outdated = [
            a
            for a in Application.select().where(Application.state == "draft")
            if a.form_version < load_form(a.form_id).version
        ]
        if not outdated or self.read_only:
            return []
        told: list[Text] = []
        try:
            self.backup("migrate")
            for app in outdated:
                told += self._upgrade_draft(app)
        except StorageError as exc:  # nothing lost: `load` still shows the codes as they mean now
            told.append(
                Text(
                    f"Nie zaktualizowano wniosków do nowej wersji formularza: {exc}",
                    f"Applications not brought up to the new version of the form: {exc}",
                )
            )
        return self._tell(told)

    def _tell(self, told: list[Text]) -> list[Text]:
        """What an upgrade did, also where the window and the command line show the database's warnings."""
        warnings = getattr(self.db, "warnings", None)
        if isinstance(warnings, list):
            warnings.extend(text.pl for text in told)
        return told

    def import_document(self, doc: Document, name: str = "") -> tuple[int, list[Text]]:
        """A new draft holding `doc` (a read `.kkk.json`), in one transaction; a document written for an older
        version of its form is stored as such and brought up to date like any draft. Returns the id and what the
        coordinator is told about the upgrade."""
        kind = doc.get("meta.application_type", "nadanie")
        with self.transaction():
            app_id = self.create(doc.definition.id, doc.get("cluster.name", "") or name, kind)
            self.save_document(app_id, doc)
            if doc.form_version is not None:
                Application.update(form_version=doc.form_version).where(Application.id == app_id).execute()
        if doc.form_version is None:
            return app_id, []
        return app_id, self._upgrade_draft(self._get(app_id))

    def _upgrade_draft(self, app: Application) -> list[Text]:
        definition = load_form(app.form_id)
        with self.transaction():
            # Claimed first: of two programs upgrading the same draft of a team database at once, the second waits
            # on this row and then finds it done, so no code is recoded twice.
            claimed = (
                Application.update(form_version=definition.version)
                .where((Application.id == app.id) & (Application.form_version == app.form_version))
                .execute()
            )
            if not claimed:
                return []
            doc = Document(definition, self._stored_values(app.id, definition))  # as stored: not recoded yet
            changes = upgrade(doc, app.form_version)
            for change in changes:
                self.set_value(app.id, change.key, doc.values[change.key])
        return [notice(doc, app.id, app.name, change) for change in changes]

    def row_sources(self, app_id: int, table_key: str) -> dict[str, RowSource]:
        """Where imported rows came from, by row uid."""
        query = (
            TableRow.select(TableRow.uid, TableRow.source_row, ImportSource)
            .join(ImportSource)
            .where((TableRow.application == app_id) & (TableRow.table_key == table_key))
        )
        return {
            r.uid: RowSource(r.source.file_name, r.source.sha256, r.source.sheet, r.source_row, r.source.imported_at)
            for r in query
        }

    # Saving single edits (autosave) -----------------------------------------------------------
    def set_value(self, app_id: int, key: str, value: Any) -> None:
        """Store one field (typed value; None deletes it). One short transaction."""
        with self.db.atomic():
            app = self._writable(app_id)
            definition = load_form(app.form_id)
            raw = to_json(definition.field(key), value)
            if raw is None:
                Value.delete().where((Value.application == app_id) & (Value.key == key)).execute()
            else:
                Value.insert(application=app_id, key=key, data=_dumps(raw)).on_conflict(
                    conflict_target=[Value.application, Value.key], update={Value.data: _dumps(raw)}
                ).execute()
            changes: dict[Any, Any] = {Application.updated_at: now()}
            if key == "cluster.name":  # the name as stored (cleaned: PostgreSQL's text refuses a NUL character)
                changes[Application.name] = raw or ""
            if key == "meta.application_type" and value in KINDS:
                changes[Application.kind] = value
            Application.update(changes).where(Application.id == app_id).execute()

    def _row_json(self, definition: Any, table_key: str, row: Row) -> str:
        table = definition.table(table_key)
        out = {}
        for col in table.columns:
            raw = to_json(col, row.data.get(col.key))
            if raw is not None:
                out[col.key] = raw
        return _dumps(out)

    def save_row(self, app_id: int, table_key: str, row: Row, position: int) -> None:
        """Insert or update one row (by uid) at a position."""
        self.save_rows(app_id, table_key, [(row, position)])

    def save_rows(self, app_id: int, table_key: str, rows: list[tuple[Row, int]]) -> None:
        """Insert or update rows (by uid) at their positions, in one transaction and one statement per 500 rows."""
        if not rows:
            return
        with self.db.atomic():
            app = self._writable(app_id)
            definition = load_form(app.form_id)
            data = [
                {
                    "application": app_id,
                    "table_key": table_key,
                    "uid": row.uid,
                    "position": position,
                    "data": self._row_json(definition, table_key, row),
                }
                for row, position in rows
            ]
            for start in range(0, len(data), 500):
                TableRow.insert_many(data[start : start + 500]).on_conflict(
                    conflict_target=[TableRow.application, TableRow.uid],
                    preserve=[TableRow.data, TableRow.position],
                ).execute()
            self._touch(app_id)

    def delete_row(self, app_id: int, uid: str) -> None:
        with self.db.atomic():
            self._writable(app_id)
            TableRow.delete().where((TableRow.application == app_id) & (TableRow.uid == uid)).execute()
            self._touch(app_id)

    def save_order(self, app_id: int, table_key: str, uids: list[str]) -> None:
        with self.db.atomic():
            self._writable(app_id)
            p = self.db.param  # ? on SQLite, %s on PostgreSQL
            self.db.cursor().executemany(
                f'UPDATE "row" SET position = {p} WHERE application_id = {p} AND table_key = {p} AND uid = {p}',
                [(position, app_id, table_key, uid) for position, uid in enumerate(uids)],
            )
            self._touch(app_id)

    def save_table(self, app_id: int, doc: Document, table_key: str) -> None:
        """Replace one whole table (paste, import) in one transaction."""
        with self.db.atomic():
            self._writable(app_id)
            self._write_table(app_id, doc, table_key)
            self._touch(app_id)

    def source_links(self, app_id: int) -> dict[str, dict[str, tuple[int, int | None]]]:
        """Provenance links as stored: table -> row uid -> (import source id, row in the source file)."""
        out: dict[str, dict[str, tuple[int, int | None]]] = {}
        query = TableRow.select(TableRow.table_key, TableRow.uid, TableRow.source, TableRow.source_row).where(
            (TableRow.application == app_id) & TableRow.source.is_null(False)
        )
        for table_key, uid, source, source_row in query.tuples():
            out.setdefault(table_key, {})[uid] = (source, source_row)
        return out

    def _write_table(
        self, app_id: int, doc: Document, table_key: str, sources: dict[str, tuple[int, int | None]] | None = None
    ) -> None:
        """Replace one table's rows; rows that stay (same uid) keep their provenance unless `sources` says more."""
        links = self.source_links(app_id).get(table_key, {})
        links.update(sources or {})
        TableRow.delete().where((TableRow.application == app_id) & (TableRow.table_key == table_key)).execute()
        rows = []
        for position, row in enumerate(doc.tables.get(table_key, [])):
            src = links.get(row.uid)
            rows.append(
                (
                    app_id,
                    table_key,
                    row.uid,
                    position,
                    self._row_json(doc.definition, table_key, row),
                    src[0] if src else None,
                    src[1] if src else None,
                )
            )
        if rows:
            marks = ", ".join([self.db.param] * 7)
            self.db.cursor().executemany(
                'INSERT INTO "row" (application_id, table_key, uid, position, data, source_id, source_row)'
                f" VALUES ({marks})",
                rows,
            )

    def add_file(self, content: bytes, digest: str) -> None:
        self._check_writable_db()
        Blob.insert(sha256=digest, data=content).on_conflict_ignore().execute()

    def _collect_blobs(self) -> None:
        """Drop files no attachment row names any more."""
        used = set()
        for r in TableRow.select(TableRow.data).where(TableRow.data.contains('"sha256"')):
            digest = json.loads(r.data).get("sha256")
            if digest:
                used.add(digest)
        for r in SignatureRow.select(SignatureRow.file_sha256, SignatureRow.pdf_sha256, SignatureRow.pdf_name):
            used.update([r.file_sha256] + ([r.pdf_sha256] if r.pdf_name else []))  # signed files stay
        query = Blob.delete()
        if used:
            query = query.where(Blob.sha256.not_in(list(used)))
        query.execute()

    def save_document(
        self, app_id: int, doc: Document, sources: dict[str, dict[str, tuple[int, int | None]]] | None = None
    ) -> None:
        """Replace everything stored for an application by `doc`, in one transaction (import, demo, copy)."""
        with self.db.atomic():
            app = self._writable(app_id)
            if app.form_id != doc.definition.id:
                raise RepositoryError(f"wniosek {app_id} jest z rundy {app.form_id}, dane z {doc.definition.id}")
            Value.delete().where(Value.application == app_id).execute()
            body = doc.to_json()
            Value.insert_many(
                [{"application": app_id, "key": k, "data": _dumps(v)} for k, v in body["values"].items()]
            ).execute() if body["values"] else None
            for key in doc.definition.tables:
                self._write_table(app_id, doc, key, (sources or {}).get(key))
            for digest, content in doc.files.items():
                self.add_file(content, digest)
            changes: dict[Any, Any] = {
                Application.updated_at: now(),
                Application.name: doc.get("cluster.name", app.name),
            }
            kind = doc.get("meta.application_type")
            if kind in KINDS:
                changes[Application.kind] = kind
            Application.update(changes).where(Application.id == app_id).execute()

    def add_import_source(self, file_name: str, sha256: str, sheet: str | None) -> int:
        return ImportSource.create(file_name=file_name, sha256=sha256, sheet=sheet, imported_at=now()).id

    # States and versions ----------------------------------------------------------------------
    def finalize(self, app_id: int) -> tuple[list[Any], str | None]:
        """Finalise from the stored data, never from a copy in memory: in one write transaction the application is
        loaded, checked and, without errors, marked final with the checksum of what is stored.
        Returns (errors, None) when errors prevent it, ([], checksum) when done."""
        from forms.checks import check_document

        with self.db.atomic("IMMEDIATE"):
            app = self._writable(app_id)
            if app.form_version < load_form(app.form_id).version:  # seal what is stored, in this version's terms
                self._tell(self._upgrade_draft(app))
            doc = self.load(app_id)
            errors = [p for p in check_document(doc) if p.is_error]
            if errors:
                return errors, None
            checksum = doc.checksum()
            stamp = now()
            Application.update(state=FINAL, checksum=checksum, finalized_at=stamp, updated_at=stamp).where(
                Application.id == app_id
            ).execute()
        return [], checksum

    def _copy(self, app_id: int, *, kind: str | None, as_correction: bool, keep: set[str] | None = None) -> int:
        source = self._get(app_id)
        doc = self.load(app_id)
        new_doc = doc.copy()
        if keep is not None:
            new_doc.values = {k: v for k, v in new_doc.values.items() if k.split(".")[0] in keep or k in keep}
            new_doc.tables = {k: v for k, v in new_doc.tables.items() if k in keep or k.split(".")[0] in keep}
        if kind is not None and new_doc.definition.has_field("meta.application_type"):
            new_doc.set("meta.application_type", kind)
        with self.db.atomic():
            new_id = self.create(source.form_id, source.name, kind or source.kind, parent_id=app_id)
            Application.update(version_no=source.version_no + 1 if as_correction else 1).where(
                Application.id == new_id
            ).execute()
            self.save_document(new_id, new_doc, self.source_links(app_id))
            older = new_doc.definition.version < load_form(source.form_id).version  # copied from a sealed older one
            if older:
                Application.update(form_version=new_doc.definition.version).where(Application.id == new_id).execute()
        if older:  # stored under its version, then brought up to date like any draft
            self._tell(self._upgrade_draft(self._get(new_id)))
        return new_id

    def correct(self, app_id: int) -> int:
        """A correction (korekta): a new draft version copied from a finalised application."""
        if self._get(app_id).state != FINAL:
            raise RepositoryError(f"korektę tworzy się ze sfinalizowanego wniosku; wniosek {app_id} jest roboczy")
        return self._copy(app_id, kind=None, as_correction=True)

    def duplicate(self, app_id: int) -> int:
        return self._copy(app_id, kind=None, as_correction=False)

    def renew(self, app_id: int, carried: set[str]) -> int:
        """A renewal (odnowienie) started from an earlier application, carrying over the named parts."""
        return self._copy(app_id, kind="odnowienie", as_correction=False, keep=carried)

    def renew_into(self, app_id: int, form_id: str) -> tuple[int, Any]:
        """A renewal (odnowienie) on the form of a later round (`forms.renewal`): what maps by key carries over,
        the rest is reported. Returns the new id and the `RenewalReport`."""
        from forms.renewal import renew_document

        source = self._get(app_id)
        target = load_form(form_id)
        old = self.load(app_id)
        if old.definition.id == target.id and old.definition.version < target.version:  # same round, older form:
            old = Document(target, dict(old.values), old.tables, old.files)  # its codes in this version's terms
            upgrade(old, source.form_version)
        new_doc, report = renew_document(old, target)
        with self.db.atomic():
            new_id = self.create(target.id, source.name, "odnowienie", parent_id=app_id)
            self.save_document(new_id, new_doc)
        return new_id, report

    def versions(self, app_id: int) -> list[ApplicationInfo]:
        """The chain of corrections this application belongs to, oldest first."""
        app = self._get(app_id)
        while app.parent_id is not None and app.version_no > 1:
            app = self._get(app.parent_id)
        chain = [ApplicationInfo.of(app)]
        while True:
            child = (
                Application.select()
                .where((Application.parent == chain[-1].id) & (Application.version_no == chain[-1].version_no + 1))
                .order_by(Application.id)
                .first()
            )
            if child is None:
                return chain
            chain.append(ApplicationInfo.of(child))

    # Signed files ---------------------------------------------------------------------------------------------
    def add_signed_file(
        self,
        app_id: int,
        *,
        file_name: str,
        content: bytes,
        sha256: str,
        kind: str,
        pdf_sha256: str,
        signatures: list[dict[str, Any]],
        pdf_name: str = "",
        pdf_content: bytes | None = None,
    ) -> None:
        """Record a signed file checked for a finalised application: the file (and a detached XAdES's PDF) in
        `blob`, one `signature` row per signature (keys of `SIGNATURE_FIELDS`). The same file again replaces its
        rows. Recording a signature does not change the application, which stays final and sealed."""
        self._check_writable_db()
        with self.db.atomic():
            app = self._get(app_id)
            if app.state != FINAL:
                raise RepositoryError(f"wniosek {app_id} nie jest sfinalizowany; podpisuje się wniosek sfinalizowany")
            Blob.insert(sha256=sha256, data=content).on_conflict_ignore().execute()
            if pdf_content is not None:
                Blob.insert(sha256=pdf_sha256, data=pdf_content).on_conflict_ignore().execute()
            SignatureRow.delete().where(
                (SignatureRow.application == app_id) & (SignatureRow.file_sha256 == sha256)
            ).execute()
            stamp = now()
            for position, sig in enumerate(signatures):
                row = {key: sig.get(key) for key in SIGNATURE_FIELDS}
                when = row["signing_time"]
                if isinstance(when, dt.datetime) and when.tzinfo is not None:
                    row["signing_time"] = when.astimezone(dt.UTC).replace(tzinfo=None)
                SignatureRow.create(
                    application=app_id,
                    file_sha256=sha256,
                    file_name=file_name,
                    kind=kind,
                    position=position,
                    pdf_sha256=pdf_sha256,
                    pdf_name=pdf_name,
                    recorded_at=stamp,
                    **{k: v if v is not None or k == "signing_time" else "" for k, v in row.items()},
                )

    def signed_files(self, app_id: int) -> list[SignatureRecord]:
        """Every recorded signature of the application, the newest file first, its signatures in order."""
        self._get(app_id)
        query = (
            SignatureRow.select()
            .where(SignatureRow.application == app_id)
            .order_by(SignatureRow.recorded_at.desc(), SignatureRow.id.desc())
        )
        rows = sorted(query, key=lambda r: (-_order(r.recorded_at), r.file_sha256, r.position))
        return [
            SignatureRecord(
                app_id,
                r.file_sha256,
                r.file_name,
                r.kind,
                r.position,
                r.signer,
                r.organisation,
                r.signing_time.replace(tzinfo=dt.UTC) if isinstance(r.signing_time, dt.datetime) else None,
                r.time_source,
                r.validity,
                bool(r.valid_at_signing),
                bool(r.qualified),
                r.qc,
                r.issuer,
                r.pdf_sha256,
                r.pdf_name,
                r.recorded_at,
            )
            for r in rows
        ]

    def file_content(self, digest: str) -> bytes | None:
        """A file kept in the database by its SHA-256 (an attachment, a signed file), or None."""
        blob = Blob.get_or_none(Blob.sha256 == digest)
        return bytes(blob.data) if blob is not None else None

    # Questionnaire rounds (issue 17) --------------------------------------------------------------------------
    def renewed_from(self, app_id: int) -> int | None:
        """The earlier application a renewal (odnowienie) was started from, for any version of it; else None."""
        first = self.versions(app_id)[0]
        if first.kind != "odnowienie" or first.parent_id is None:
            return None
        return first.parent_id if Application.get_or_none(Application.id == first.parent_id) else None

    def add_questionnaire_round(
        self, app_id: int, deadline: dt.date | None, folder: str, messages: list[dict[str, Any]]
    ) -> int:
        """Record a round sent (its deadline and folder) with its messages; returns the round's id. Recording does
        not change the application (a finalised one may still collect its members' data for the next round)."""
        from models.tables import QuestionnaireRound

        self._check_writable_db()
        with self.db.atomic():
            self._get(app_id)
            round_id = QuestionnaireRound.create(
                application=app_id, created_at=now(), deadline=deadline, folder=folder
            ).id
            self.add_questionnaire_messages(round_id, messages)
        return round_id

    def add_questionnaire_messages(self, round_id: int, messages: list[dict[str, Any]]) -> None:
        """Record messages of a round (keys: member_uid, member_name, nip, email, kind, file_name, file_sha256,
        eml_name)."""
        from models.tables import QuestionnaireMessage

        self._check_writable_db()
        stamp = now()
        keys = ("member_uid", "member_name", "nip", "email", "kind", "file_name", "file_sha256", "eml_name")
        rows = [{"round": round_id, "created_at": stamp, **{k: str(m.get(k) or "") for k in keys}} for m in messages]
        with self.db.atomic():
            for start in range(0, len(rows), 200):
                QuestionnaireMessage.insert_many(rows[start : start + 200]).execute()

    def questionnaire_rounds(self, app_id: int) -> list[QuestionnaireRoundInfo]:
        """The rounds of every version of an application, oldest first."""
        from models.tables import QuestionnaireRound

        ids = [v.id for v in self.versions(app_id)]
        query = QuestionnaireRound.select().where(QuestionnaireRound.application.in_(ids))
        return [
            QuestionnaireRoundInfo(r.id, r.application_id, r.created_at, r.deadline, r.folder)
            for r in query.order_by(QuestionnaireRound.id)
        ]

    def questionnaire_messages(self, app_id: int) -> list[QuestionnaireMessageRecord]:
        """Every message recorded for the rounds of an application, oldest first."""
        from models.tables import QuestionnaireMessage, QuestionnaireRound

        ids = [v.id for v in self.versions(app_id)]
        query = (
            QuestionnaireMessage.select(QuestionnaireMessage, QuestionnaireRound)
            .join(QuestionnaireRound)
            .where(QuestionnaireRound.application.in_(ids))
            .order_by(QuestionnaireMessage.id)
        )
        return [
            QuestionnaireMessageRecord(
                m.round_id,
                m.member_uid,
                m.member_name,
                m.nip,
                m.email,
                m.kind,
                m.file_name,
                m.file_sha256,
                m.eml_name,
                m.created_at,
            )
            for m in query
        ]


@dataclass(frozen=True)
class QuestionnaireRoundInfo:
    id: int
    application_id: int
    created_at: dt.datetime
    deadline: dt.date | None
    folder: str


@dataclass(frozen=True)
class QuestionnaireMessageRecord:
    round_id: int
    member_uid: str
    member_name: str
    nip: str
    email: str
    kind: str  # questionnaire | reminder
    file_name: str
    file_sha256: str
    eml_name: str
    created_at: dt.datetime


def _order(when: Any) -> float:
    return when.timestamp() if isinstance(when, dt.datetime) else 0.0


def _named(exc: BaseException, path: Path) -> StorageError:
    """The storage fault, named; a damaged file's message also names the newest healthy backup."""
    if isinstance(path, ServerLocation):  # a team database: what the server said, in Polish
        from models.team import team_error

        return exc if isinstance(exc, StorageError) else team_error(exc, path)
    error = classify(exc, path)
    if isinstance(error, DatabaseDamaged) and "kopi" not in str(error):
        from models.backups import damaged_error

        return damaged_error(path, damage_text(str(exc)))
    return error


def _bound(fn: Any) -> Any:
    """Make the peewee models talk to this repository's database: peewee binds models globally, and a process
    may hold two databases (the command line in a test, a database switch in the GUI)."""

    @functools.wraps(fn)
    def wrapper(self: Repository, *args: Any, **kwargs: Any) -> Any:
        if Application._meta.database is not self.db:
            self.db.bind(MODELS + TEAM_MODELS)
        try:
            return fn(self, *args, **kwargs)
        except StorageError:
            raise
        except (sqlite3.Error, PeeweeDatabaseError, OSError) as exc:  # a full disk, a damaged page ...: named
            raise _named(exc, self.path) from None

    return wrapper


for _name, _member in list(vars(Repository).items()):
    if callable(_member) and not _name.startswith("__"):
        setattr(Repository, _name, _bound(_member))
_history.install(Repository)  # every change recorded with its author, in the same transaction (models.history)


def safe_from_json(*args: Any) -> Any:
    """`from_json` for stored data: a value that no longer fits is dropped rather than breaking the load."""
    try:
        return from_json(*args)
    except ValueTypeError:
        return None
