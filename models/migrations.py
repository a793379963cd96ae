"""The schema as an ordered ladder of migrations, versioned in `PRAGMA user_version`.

Never edit a step once released: add the next one. Each step runs in one transaction after a backup.
"""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x4B4B4B31  # "KKK1": marks a Klaster database among SQLite files

V1 = """
CREATE TABLE application (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'nadanie',
    state TEXT NOT NULL DEFAULT 'draft',
    parent_id INTEGER REFERENCES application(id) ON DELETE SET NULL,
    version_no INTEGER NOT NULL DEFAULT 1,
    checksum TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finalized_at TEXT
);
CREATE TABLE value (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE UNIQUE INDEX value_application_id_key ON value(application_id, key);
CREATE TABLE row (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
    table_key TEXT NOT NULL,
    uid TEXT NOT NULL,
    position INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE UNIQUE INDEX row_application_id_uid ON row(application_id, uid);
CREATE INDEX row_application_id_table_key_position ON row(application_id, table_key, position);
"""

# v2: provenance of imported rows, and attached files kept inside the database.
V2 = """
CREATE TABLE import_source (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    sheet TEXT,
    imported_at TEXT NOT NULL
);
ALTER TABLE row ADD COLUMN source_id INTEGER REFERENCES import_source(id) ON DELETE SET NULL;
ALTER TABLE row ADD COLUMN source_row INTEGER;
CREATE TABLE blob (
    sha256 TEXT PRIMARY KEY,
    data BLOB NOT NULL
);
"""

# v3: signed applications brought back (PAdES PDF, XAdES file): one row per signature found in a file, the file
# itself (and a detached XAdES's PDF) kept in `blob` by its SHA-256.
V3 = """
CREATE TABLE signature (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
    file_sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    signer TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    signing_time TEXT,
    time_source TEXT NOT NULL DEFAULT '',
    validity TEXT NOT NULL,
    valid_at_signing INTEGER NOT NULL DEFAULT 0,
    qualified INTEGER NOT NULL DEFAULT 0,
    qc TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    pdf_sha256 TEXT NOT NULL,
    pdf_name TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE UNIQUE INDEX signature_application_id_file_sha256_position ON signature(application_id, file_sha256, position);
"""

# v4: questionnaire rounds (issue 17): one row per round sent (deadline, folder), one row per message written in it
# (the questionnaire or a reminder: to whom, which workbook with its SHA-256, which .eml, when).
V4 = """
CREATE TABLE questionnaire_round (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    deadline TEXT,
    folder TEXT NOT NULL DEFAULT ''
);
CREATE INDEX questionnaire_round_application_id ON questionnaire_round(application_id);
CREATE TABLE questionnaire_message (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES questionnaire_round(id) ON DELETE CASCADE,
    member_uid TEXT NOT NULL,
    member_name TEXT NOT NULL DEFAULT '',
    nip TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    eml_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX questionnaire_message_round_id_member_uid ON questionnaire_message(round_id, member_uid);
"""

STEPS: list[str] = [V1, V2, V3, V4]
SCHEMA_VERSION = len(STEPS)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def migrate(conn: sqlite3.Connection, current: int) -> None:
    """Apply every step after `current`, each in its own transaction, then stamp the version."""
    for number in range(current, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(STEPS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise sqlite3.IntegrityError(f"foreign_key_check after migration: {problems[:5]}")
