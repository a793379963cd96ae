"""Team mode: the same peewee models on a PostgreSQL database (an existing server, never a home-made sync).

The schema is made from the models (`models.tables.MODELS` and the history), so a table or column another issue
adds to the models appears on PostgreSQL without a ladder of its own: opening an older schema, its owner creates
the missing tables and columns (never dropping anything) and stamps `klaster_schema` with the SQLite ladder's
version. The three roles of a team database (`admin init`) are group roles named after it:
`<db>_coordinator` (everything), `<db>_editor` (edits drafts: no finalisation, no deletion) and `<db>_reader`
(reads, prints, exports); the server's own grants enforce them. Changes are announced with NOTIFY by a trigger on
the history table (live refresh, `models.backend.PostgresBackend.data_version`).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import PostgresqlDatabase

from models.backend import NOTIFY_CHANNEL, PostgresBackend, display_url, parse_url, stored_password
from models.faults import ReadOnlyDatabase, StorageError

log = logging.getLogger(__name__)

ROLES = ("coordinator", "editor", "reader")
ROLE_TEXT = {"coordinator": "koordynator", "editor": "redaktor", "reader": "czytelnik", "owner": "administrator"}
APPLICATION_NAME = "Klaster"
CONNECT_TIMEOUT = 10

SCHEMA_TABLE = """
CREATE TABLE IF NOT EXISTS klaster_schema (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    role_prefix TEXT,
    updated_at TIMESTAMP NOT NULL DEFAULT now()
)
"""
EDITING_TABLE = """
CREATE TABLE IF NOT EXISTS editing (
    application_id INTEGER NOT NULL,
    session TEXT NOT NULL,
    author TEXT NOT NULL,
    since TIMESTAMP NOT NULL DEFAULT now(),
    PRIMARY KEY (application_id, session)
)
"""
NOTIFY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION klaster_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('{NOTIFY_CHANNEL}', NEW.application_id::text || ':' || NEW.session);
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""
NOTIFY_TRIGGER = """
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'history_notify') THEN
        CREATE TRIGGER history_notify AFTER INSERT ON history FOR EACH ROW EXECUTE FUNCTION klaster_notify();
    END IF;
END $$
"""


class TeamError(StorageError):
    """The team database refused or could not be reached; the message is Polish."""


def role_name(prefix: str, role: str) -> str:
    """The group role of a Klaster role: `<prefix>_editor`, the prefix being the database's name when `admin init`
    ran (kept in klaster_schema, so a copy of the database made with CREATE DATABASE … TEMPLATE shares them)."""
    safe = re.sub(r"[^a-z0-9_]", "_", prefix.lower())[:40]
    return f"{safe}_{role}"


def role_prefix(db: PostgresqlDatabase) -> str:
    if "klaster_schema" in db.get_tables():
        row = db.execute_sql("SELECT role_prefix FROM klaster_schema WHERE id = 1").fetchone()
        if row and row[0]:
            return row[0]
    return db.database


def all_models() -> list:
    from models.history import Change
    from models.tables import MODELS

    return list(MODELS) + [Change]


def connect_params(url: str) -> dict[str, Any]:
    """psycopg's connection parameters for a URL; the password from the URL or else the system keyring."""
    params = parse_url(url)
    out: dict[str, Any] = {k: v for k, v in params.items() if v is not None and k != "password"}
    password = params.get("password") or stored_password(url)
    if password:
        out["password"] = password
    out.setdefault("connect_timeout", CONNECT_TIMEOUT)
    out.setdefault("application_name", APPLICATION_NAME)
    return out


def team_error(exc: BaseException, where: str) -> StorageError:
    """A Polish message for what the server or psycopg said."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    low = text.lower()
    if "permission denied" in low or "brak uprawnień" in low or "odmowa dostępu" in low:
        return ReadOnlyDatabase(
            f"Baza zespołu {where}: serwer odmówił zmiany, na którą Twoja rola nie pozwala ({text})."
        )
    if "password authentication failed" in low or "no password supplied" in low:
        return TeamError(
            f"Baza zespołu {where}: serwer nie przyjął hasła (zapisz hasło w „Połącz z bazą zespołu…” albo "
            f"w pliku .pgpass). ({text})"
        )
    if "does not exist" in low and "database" in low:
        return TeamError(f"Baza zespołu {where} nie istnieje na serwerze; administrator tworzy ją (admin init).")
    if "connection" in low or "could not" in low or "timeout" in low:
        return TeamError(f"Nie można połączyć się z bazą zespołu {where} ({text}).")
    return TeamError(f"Błąd bazy zespołu {where} ({text}).")


def _database(url: str) -> tuple[PostgresqlDatabase, dict[str, Any]]:
    params = connect_params(url)
    dbname = params.pop("dbname", None) or "postgres"
    db = PostgresqlDatabase(dbname, **params)
    return db, dict(params, dbname=dbname)


def _stored_version(db: PostgresqlDatabase) -> int | None:
    if "klaster_schema" not in db.get_tables():
        return None
    row = db.execute_sql("SELECT version FROM klaster_schema WHERE id = 1").fetchone()
    return row[0] if row else None


def _is_owner(db: PostgresqlDatabase) -> bool:
    row = db.execute_sql(
        "SELECT rolsuper OR pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = "
        "current_database()), 'MEMBER') FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    return bool(row and row[0])


def detect_role(db: PostgresqlDatabase) -> str:
    """The Klaster role of the connected database role: owner, coordinator, editor or reader."""
    if _is_owner(db):
        return "owner"
    prefix = role_prefix(db)
    for role in ROLES:
        row = db.execute_sql(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s) AND pg_has_role(current_user, %s, 'MEMBER')",
            (role_name(prefix, role), role_name(prefix, role)),
        ).fetchone()
        if row and row[0]:
            return role
    row = db.execute_sql("SELECT has_table_privilege('value', 'INSERT')").fetchone()
    return "editor" if row and row[0] else "reader"


def sync_schema(db: PostgresqlDatabase) -> None:
    """Create what the models have and the database lacks: tables, columns, indexes, the history trigger; stamp
    the version. Never drops or changes what is there. Run by the database's owner."""
    from playhouse.migrate import PostgresqlMigrator, migrate

    from models.migrations import SCHEMA_VERSION

    models = all_models()
    db.bind(models)
    with db.atomic():
        db.execute_sql("SELECT pg_advisory_xact_lock(19283, 1)")  # two first openings at once: one creates
        db.execute_sql(SCHEMA_TABLE)
        db.create_tables(models, safe=True)
        migrator = PostgresqlMigrator(db)
        operations = []
        for model in models:
            have = {c.name for c in db.get_columns(model._meta.table_name)}
            for field in model._meta.sorted_fields:
                if field.column_name not in have:
                    if not field.null and field.default is None:
                        field = field.clone()  # a new NOT NULL column without a default: added as nullable
                        field.null = True
                    operations.append(migrator.add_column(model._meta.table_name, field.column_name, field))
        if operations:
            migrate(*operations)
        db.execute_sql(EDITING_TABLE)
        db.execute_sql(NOTIFY_FUNCTION)
        db.execute_sql(NOTIFY_TRIGGER)
        db.execute_sql(
            "INSERT INTO klaster_schema (id, version, role_prefix) VALUES (1, %s, %s) "
            "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, updated_at = now()",
            (SCHEMA_VERSION, db.database),
        )
        _grant(db)


def _grant(db: PostgresqlDatabase) -> None:
    """The grants of the three roles (when they exist: `admin init` creates them)."""
    dbname = db.database
    existing = {r for (r,) in db.execute_sql("SELECT rolname FROM pg_roles").fetchall()}
    names = {role: role_name(role_prefix(db), role) for role in ROLES}
    if not set(names.values()) <= existing:
        return
    tables = sorted(db.get_tables())
    coordinator, editor = names["coordinator"], names["editor"]
    quoted = ", ".join(f'"{t}"' for t in tables)
    for role in names.values():
        db.execute_sql(f'GRANT CONNECT ON DATABASE "{dbname}" TO "{role}"')
        db.execute_sql(f'GRANT USAGE ON SCHEMA public TO "{role}"')
        db.execute_sql(f'GRANT SELECT ON {quoted} TO "{role}"')
    db.execute_sql(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{coordinator}", "{editor}"')
    data = [t for t in tables if t not in ("history", "klaster_schema", "editing", "application")]
    data_q = ", ".join(f'"{t}"' for t in data)
    db.execute_sql(f'GRANT INSERT, UPDATE, DELETE ON {data_q} TO "{coordinator}", "{editor}"')
    db.execute_sql(f'GRANT INSERT, UPDATE, DELETE ON "application" TO "{coordinator}"')
    # an editor starts drafts and edits them, but neither finalises (state, checksum) nor deletes an application
    db.execute_sql(f'GRANT INSERT ON "application" TO "{editor}"')
    db.execute_sql(f'GRANT UPDATE (name, kind, updated_at, version_no) ON "application" TO "{editor}"')
    db.execute_sql(f'GRANT INSERT ON "history" TO "{coordinator}", "{editor}"')  # the record is append-only
    db.execute_sql(f'GRANT INSERT, UPDATE, DELETE ON "editing" TO "{coordinator}", "{editor}"')


def open_team_database(url: str, *, read_only: bool = False) -> PostgresqlDatabase:
    """Connect to a team database, check (or, as its owner, bring up to date) its schema and bind the models.

    The returned database carries `backend` (a `PostgresBackend`), `read_only` (a reader, or asked for),
    `warnings`, `path` (the URL without its password) and `role`."""
    from models.migrations import SCHEMA_VERSION

    where = display_url(url)
    db, params = _database(url)
    try:
        db.connect()
        version = _stored_version(db)
        role = detect_role(db)
        if version is None or version < SCHEMA_VERSION:
            if role != "owner":
                if version is None:
                    raise TeamError(
                        f"Baza zespołu {where} nie ma jeszcze schematu programu Klaster; administrator tworzy go "
                        "poleceniem admin init."
                    )
                raise TeamError(
                    f"Baza zespołu {where} ma starszy schemat ({version}, ten program zna {SCHEMA_VERSION}); "
                    "administrator aktualizuje go, otwierając ją tym programem (albo admin init)."
                )
            sync_schema(db)
        elif version > SCHEMA_VERSION:
            raise TeamError(
                f"Baza zespołu {where} pochodzi z nowszej wersji programu Klaster (schemat {version}, ten program zna "
                f"{SCHEMA_VERSION}). Zaktualizuj program."
            )
    except StorageError:
        db.close()
        raise
    except (PeeweeDatabaseError, OSError) as exc:
        db.close()
        raise team_error(exc, where) from None
    except Exception as exc:  # psycopg's own errors before peewee wraps them (a refused connection ...)
        db.close()
        if exc.__class__.__module__.startswith("psycopg"):
            raise team_error(exc, where) from None
        raise
    db.bind(all_models())
    backend = PostgresBackend(db, url, "coordinator" if role == "owner" else role, params)
    db.backend = backend
    db.role = role
    db.read_only = read_only or role == "reader"
    db.damaged = False
    db.warnings = []
    if role == "reader" and not read_only:
        db.warnings.append(
            f"Baza zespołu {where}: Twoja rola to czytelnik; możesz czytać, drukować i eksportować, ale nie zmieniać."
        )
    db.path = where
    db.read_only_reason = (
        f"Twoja rola w bazie zespołu to {ROLE_TEXT['reader']}: wnioski można czytać, drukować i eksportować, "
        "nie zmieniać (zmiany wprowadza redaktor albo koordynator)."
        if role == "reader"
        else None
    )
    return db


# Administration -------------------------------------------------------------------------------------------------
def admin_init(url: str) -> list[str]:
    """Create the schema and the three roles of a team database (run by its owner or a superuser); returns what
    was done, for people."""
    where = display_url(url)
    db, _params = _database(url)
    done = []
    try:
        db.connect()
        if not _is_owner(db):
            raise TeamError(f"admin init: rola połączenia nie jest właścicielem bazy {where}.")
        existing = {r for (r,) in db.execute_sql("SELECT rolname FROM pg_roles").fetchall()}
        for role in ROLES:
            name = role_name(role_prefix(db), role)
            if name not in existing:
                db.execute_sql(f'CREATE ROLE "{name}" NOLOGIN')
                done.append(f"rola {name} ({ROLE_TEXT[role]})")
        sync_schema(db)
        done.append(f"schemat {_stored_version(db)}")
    except (PeeweeDatabaseError, OSError) as exc:
        raise team_error(exc, where) from None
    finally:
        db.close()
    return done


def admin_user_add(url: str, name: str, role: str, password: str | None = None) -> None:
    """A login role for a person, member of one of the three roles (run by a role that may create roles)."""
    if role not in ROLES:
        raise TeamError(f"rola „{role}”: dozwolone {', '.join(ROLES)}")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.\-]{0,62}", name):
        raise TeamError(f"nazwa użytkownika „{name}”: litery, cyfry, _ . - (do 63 znaków)")
    where = display_url(url)
    db, _params = _database(url)
    try:
        db.connect()
        prefix = role_prefix(db)
        group = role_name(prefix, role)
        exists = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        if not exists:
            db.execute_sql(f'CREATE ROLE "{name}" LOGIN')
        if password:
            db.execute_sql(f'ALTER ROLE "{name}" PASSWORD %s', (password,))
        for other in ROLES:
            if other != role:
                db.execute_sql(f'REVOKE "{role_name(prefix, other)}" FROM "{name}"')
        db.execute_sql(f'GRANT "{group}" TO "{name}"')
    except (PeeweeDatabaseError, OSError) as exc:
        raise team_error(exc, where) from None
    finally:
        db.close()


def admin_users(url: str) -> list[tuple[str, str]]:
    """(login, Klaster role) of every member of the three roles."""
    db, _params = _database(url)
    try:
        db.connect()
        out = []
        prefix = role_prefix(db)
        for role in ROLES:
            rows = db.execute_sql(
                "SELECT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = %s ORDER BY m.rolname",
                (role_name(prefix, role),),
            ).fetchall()
            out.extend((r[0], role) for r in rows)
        return out
    except (PeeweeDatabaseError, OSError) as exc:
        raise team_error(exc, display_url(url)) from None
    finally:
        db.close()
