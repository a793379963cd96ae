"""What differs between the two back-ends the same models and Repository run on: SQLite (one file, one writer,
the default) and PostgreSQL (a team's server).

`--db` takes a path or a `postgresql://user@host:port/dbname?sslmode=require` URL (`is_url`, `ServerLocation`).
A `Backend` answers the few questions whose SQL is not the same on both: who is writing (`author`), whether another
connection changed the data (`data_version`: SQLite's `PRAGMA data_version`, PostgreSQL's LISTEN/NOTIFY), and how
a write transaction that must exclude other writers starts (`exclusive`, `lock_application`).
"""

from __future__ import annotations

import getpass
import logging
import re
import uuid
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

log = logging.getLogger(__name__)

URL_RE = re.compile(r"^postgres(?:ql)?://", re.IGNORECASE)
NOTIFY_CHANNEL = "klaster_changes"
KEYRING_SERVICE = "Klaster"


def is_url(location: Any) -> bool:
    """Whether `--db` names a team database (a `postgresql://` URL) rather than a SQLite file."""
    return isinstance(location, str) and bool(URL_RE.match(location.strip()))


class ServerLocation(str):
    """A team database's address where the program expects a database path: the URL without its password.

    It answers the few path questions the windows and messages ask (`name`, `resolve`, `exists`), so a team
    database can be shown and remembered like a file."""

    @property
    def name(self) -> str:
        return parse_url(self)["dbname"] or "postgres"

    @property
    def parent(self) -> ServerLocation:
        return self

    def resolve(self) -> ServerLocation:
        return self

    def absolute(self) -> ServerLocation:
        return self

    def exists(self) -> bool:
        return True

    def is_dir(self) -> bool:
        return False


def parse_url(url: str) -> dict[str, Any]:
    """The connection parameters of a `postgresql://` URL: user, password, host, port, dbname and the query's
    libpq options (sslmode, sslrootcert, host= for a socket folder ...)."""
    parts = urlsplit(url.strip())
    params: dict[str, Any] = {
        "user": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
        "host": parts.hostname,
        "port": parts.port,
        "dbname": unquote(parts.path.lstrip("/")) or None,
    }
    for key, value in parse_qsl(parts.query):
        params[key] = int(value) if key == "port" and value.isdigit() else value
    return params


def display_url(url: str) -> ServerLocation:
    """The URL as it may be shown, logged and saved: never with a password."""
    p = parse_url(url)
    netloc = quote(p["user"] or "", safe="") + "@" if p["user"] else ""
    host = p["host"] if p["host"] and not str(p["host"]).startswith("/") else ""
    netloc += host or ""
    query_port = "port" in urlsplit(url.strip()).query
    if p["port"] and not query_port:
        netloc += f":{p['port']}"
    query = [(k, v) for k, v in parse_qsl(urlsplit(url.strip()).query) if k not in ("password",)]
    text = f"postgresql://{netloc}/{quote(p['dbname'] or '', safe='')}"
    if query:
        text += "?" + "&".join(f"{k}={v}" for k, v in query)
    return ServerLocation(text)


def keyring_key(url: str) -> str:
    """The name a team database's password is kept under in the system keyring: user@host:port/dbname."""
    p = parse_url(url)
    return f"{p['user'] or getpass.getuser()}@{p['host'] or 'localhost'}:{p['port'] or 5432}/{p['dbname'] or ''}"


def stored_password(url: str) -> str | None:
    """The password kept in the system keyring for this database, or None (no keyring, or none kept)."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, keyring_key(url))
    except Exception:  # noqa: BLE001 - no usable keyring backend: connect without a password (trust, .pgpass)
        log.info("no keyring available for %s", display_url(url))
        return None


def store_password(url: str, password: str) -> None:
    """Keep a team database's password in the system keyring (never in a settings file or a log)."""
    import keyring

    keyring.set_password(KEYRING_SERVICE, keyring_key(url), password)


def forget_password(url: str) -> None:
    import contextlib

    import keyring

    with contextlib.suppress(Exception):
        keyring.delete_password(KEYRING_SERVICE, keyring_key(url))


class Backend:
    """The embedded SQLite file: one writer (the lock file), the system user as author."""

    kind = "sqlite"
    server = False
    exclusive: tuple[str, ...] = ("IMMEDIATE",)  # BEGIN IMMEDIATE: the write lock at once
    watch_ms = 2000  # how often an open window asks whether the data changed elsewhere
    role = "coordinator"  # the one user of a file may do everything

    def __init__(self, db: Any) -> None:
        self.db = db
        self.session = uuid.uuid4().hex[:16]  # tells this connection's own changes from others'

    @property
    def author(self) -> str:
        try:
            return getpass.getuser()
        except Exception:  # noqa: BLE001 - no user name in the environment
            return "?"

    def data_version(self) -> int:
        """Changes when another connection (another process, a restore) commits."""
        return self.db.execute_sql("PRAGMA data_version").fetchone()[0]

    def lock_application(self, app_id: int) -> None:
        """Inside a write transaction: keep other writers of this application out until it ends (SQLite's
        BEGIN IMMEDIATE already holds the whole file)."""

    def close(self) -> None:
        pass


class PostgresBackend(Backend):
    """A team's PostgreSQL database: the database role as author, LISTEN/NOTIFY for changes made elsewhere,
    advisory locks for finalisation."""

    kind = "postgresql"
    server = True
    exclusive = ()
    watch_ms = 400

    def __init__(self, db: Any, url: str, role: str, connect: dict[str, Any]) -> None:
        super().__init__(db)
        self.url = url
        self.role = role
        self._connect = connect
        self._author: str | None = None
        self._listener: Any = None
        self._version = 0

    @property
    def author(self) -> str:
        if self._author is None:
            self._author = self.db.execute_sql("SELECT current_user").fetchone()[0]
        return self._author

    def _listen(self) -> Any:
        if self._listener is None or self._listener.closed:
            import psycopg

            self._listener = psycopg.connect(**self._connect, autocommit=True)
            self._listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
        return self._listener

    def data_version(self) -> int:
        """A counter of the changes other sessions committed (NOTIFY from the history table's trigger)."""
        try:
            conn = self._listen()
            for note in conn.notifies(timeout=0):
                if note.payload.split(":", 1)[-1] != self.session:
                    self._version += 1
        except Exception:  # noqa: BLE001 - a dropped listening connection: listen again next time
            log.warning("listening for changes on %s failed", display_url(self.url), exc_info=True)
            self._drop_listener()
            raise
        return self._version

    def lock_application(self, app_id: int) -> None:
        """A transaction-scoped advisory lock on the application (finalisation, conflicting saves): released by
        COMMIT or ROLLBACK, also when the client dies."""
        self.db.execute_sql("SELECT pg_advisory_xact_lock(%s, %s)", (0x4B4B, app_id))

    def _drop_listener(self) -> None:
        if self._listener is not None:
            try:
                self._listener.close()
            except Exception:  # noqa: BLE001
                pass
            self._listener = None

    def close(self) -> None:
        self._drop_listener()


def backend_of(db: Any) -> Backend:
    """The back-end object of an open peewee database (made for a SQLite database opened elsewhere)."""
    backend = getattr(db, "backend", None)
    if backend is None:
        backend = Backend(db)
        try:
            db.backend = backend
        except AttributeError:
            pass
    return backend


def db_location(text: str) -> Any:
    """`--db`'s type: a `postgresql://` URL stays text (a Path would fold its `//`), anything else is a Path."""
    from pathlib import Path

    return text.strip() if is_url(text) else Path(text)
