"""A throw-away PostgreSQL server for the tests and `python -m bench team`, on a local socket.

The server binaries come from the system (the Debian package puts them in /usr/lib/postgresql/<version>/bin;
`pg_ctl` on PATH or `KLASTER_PG_CTL` also do). pytest-postgresql's executor runs `initdb` and `pg_ctl`; `initdb`
refuses to run as root, so as root every `pg_ctl` call goes through `runuser -u postgres` (a small wrapper script)
and the data folder belongs to that user. Authentication is `trust` on the socket and on 127.0.0.1: any role may
connect without a password, which lets the tests act as the coordinator, an editor and a reader in turn.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SERVICE_USER = "postgres"  # the OS user that runs the server when we are root (the Debian package creates it)


def find_pg_ctl() -> str | None:
    """The `pg_ctl` of the newest installed server, or None."""
    named = os.environ.get("KLASTER_PG_CTL")
    if named and Path(named).is_file():
        return named
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return found[-1]
    on_path = shutil.which("pg_ctl")
    if on_path and Path(on_path).resolve().with_name("initdb").exists():
        return on_path
    return None


def missing_reason() -> str | None:
    """Why no throw-away server can be started here, or None when one can."""
    pg_ctl = find_pg_ctl()
    if pg_ctl is None:
        return "no PostgreSQL server binaries (pg_ctl, initdb) found: install the postgresql package"
    try:
        import psycopg  # noqa: F401
        import pytest_postgresql  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed (requirements-dev.txt)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVICE_USER)
        except KeyError:
            return f"running as root and there is no '{SERVICE_USER}' user to run the server"
        if shutil.which("runuser") is None:
            return "running as root and there is no runuser to start the server as another user"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    socket_dir: Path
    port: int
    superuser: str = "postgres"

    def url(self, dbname: str = "postgres", user: str | None = None) -> str:
        """A `postgresql://` URL for a role on this server, through its local socket."""
        return f"postgresql://{user or self.superuser}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def connect(self, dbname: str = "postgres", user: str | None = None):
        import psycopg

        return psycopg.connect(
            host=str(self.socket_dir), port=self.port, dbname=dbname, user=user or self.superuser, autocommit=True
        )

    def create_database(self, name: str, *, owner: str | None = None) -> str:
        with self.connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"' + (f' OWNER "{owner}"' if owner else ""))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        with self.connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def throwaway_server(*, durable: bool = False) -> Iterator[Server]:
    """Start a new server in a new folder, yield it, stop it and remove the folder. `durable=False` (the tests)
    turns fsync off; the benchmark keeps PostgreSQL's defaults."""
    from pytest_postgresql.executors.proc import PostgreSQLExecutor

    why = missing_reason()
    if why:
        raise RuntimeError(why)
    pg_ctl = find_pg_ctl()
    base = Path(tempfile.mkdtemp(prefix="klaster-pg-", dir="/dev/shm" if Path("/dev/shm").is_dir() else "/tmp"))
    executable = pg_ctl
    if os.geteuid() == 0:
        entry = pwd.getpwnam(SERVICE_USER)
        os.chown(base, entry.pw_uid, entry.pw_gid)
        wrapper = base / "pg_ctl"
        wrapper.write_text(f'#!/bin/sh\ncd /\nexec runuser -u {SERVICE_USER} -- "{pg_ctl}" "$@"\n')
        wrapper.chmod(0o755)
        executable = str(wrapper)
    port = _free_port()
    options = "-c listen_addresses=127.0.0.1 -c max_connections=60"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    executor = PostgreSQLExecutor(
        executable=executable,
        host="127.0.0.1",
        port=port,
        datadir=str(base / "data"),
        unixsocketdir=str(base),
        logfile=str(base / "server.log"),
        startparams="-w",
        dbname="postgres",
        user="postgres",
        postgres_options=options,
        timeout=60,
    )
    try:
        executor.start()
    except Exception as exc:
        log = base / "server.log"
        text = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {exc}\n{text}") from exc
    try:
        yield Server(base, port)
    finally:
        with contextlib.suppress(Exception):
            executor.stop()
        subprocess.run(["rm", "-rf", str(base)], check=False)
