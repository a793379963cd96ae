"""`copy ID --to DB`: an application, with its history and its files, from one database into another (a local
SQLite file into a team's PostgreSQL database and back), so a coordinator can start alone and invite colleagues
later. The copy keeps the state (a finalised application stays final with its checksum), the version number and
the provenance of imported rows; it gets the uuid of the original unless the target already holds that uuid."""

from __future__ import annotations

from typing import Any

from models.repository import FINAL, Repository, RepositoryError


def copy_application(source: Repository, app_id: int, target: Repository) -> int:
    from models import history as _history
    from models.tables import MODELS, Application, ImportSource, SignatureRow, TableRow

    info = source.info(app_id)
    doc = source.load(app_id)
    links = source.source_links(app_id)
    with source.db.bind_ctx(MODELS):
        import_sources = {
            s.id: (s.file_name, s.sha256, s.sheet, s.imported_at)
            for s in ImportSource.select().where(
                ImportSource.id.in_(
                    TableRow.select(TableRow.source).where(
                        (TableRow.application == app_id) & TableRow.source.is_null(False)
                    )
                )
            )
        }
        skip = ("id", "application")
        signatures = [
            {f.name: getattr(s, f.name) for f in SignatureRow._meta.sorted_fields if f.name not in skip}
            for s in SignatureRow.select().where(SignatureRow.application == app_id)
        ]
    signed_files = {d: source.file_content(d) for s in signatures for d in (s["file_sha256"], s["pdf_sha256"])}
    if target.read_only:
        raise RepositoryError(f"baza {target.path} jest otwarta tylko do odczytu; nie można do niej kopiować")
    with target.db.atomic():
        new_id = target.create(info.form_id, info.name, info.kind)
        with target.db.bind_ctx(MODELS + [_history.Change]):
            new_sources = {}
            for old_id, (file_name, sha256, sheet, imported_at) in import_sources.items():
                new_sources[old_id] = ImportSource.create(
                    file_name=file_name, sha256=sha256, sheet=sheet, imported_at=imported_at
                ).id
        mapped = {
            table: {uid: (new_sources.get(src), row) for uid, (src, row) in rows.items()}
            for table, rows in links.items()
        }
        target.save_document(new_id, doc, mapped)
        with target.db.bind_ctx(MODELS + [_history.Change]):
            uuid_taken = Application.select().where(Application.uuid == info.uuid).exists()
            changes: dict[Any, Any] = {
                Application.version_no: info.version_no,
                Application.created_at: info.created_at,
                Application.updated_at: info.updated_at,
            }
            if not uuid_taken:
                changes[Application.uuid] = info.uuid
            if info.state == FINAL:
                changes.update(
                    {
                        Application.state: FINAL,
                        Application.checksum: info.checksum,
                        Application.finalized_at: info.finalized_at,
                    }
                )
            Application.update(changes).where(Application.id == new_id).execute()
            for digest, content in signed_files.items():
                if content is not None:
                    target.add_file(content, digest)
            for sig in signatures:
                SignatureRow.create(application=new_id, **sig)
            new_uuid = Application.get_by_id(new_id).uuid
        if _history.has_history(target):
            with target.db.bind_ctx([_history.Change]):
                _history.Change.delete().where(_history.Change.application_id == new_id).execute()
            _history.copy_history(source, target, app_id, new_id, new_uuid)
            with target.db.bind_ctx(MODELS + [_history.Change]):
                _history._record(target, new_id, "copied", app_uuid=new_uuid,
                                 new={"from": str(source.path), "id": app_id})  # fmt: skip
    return new_id
