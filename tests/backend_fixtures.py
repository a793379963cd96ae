"""The two back-ends for the tests: `backend` runs a test on SQLite and on PostgreSQL (a throw-away server started
once per session, tests/postgres/server.py), `pg_server`/`pg_url` give PostgreSQL alone.

Each PostgreSQL test gets a database of its own, copied from a template that `admin init` prepared once (schema,
roles, grants, trigger): a copy takes a few milliseconds. Without PostgreSQL server binaries those tests skip with
the reason; CI installs the Debian package, so there they run.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

TEMPLATE = "klaster_tmpl"
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    from tests.postgres.server import missing_reason, throwaway_server

    why = missing_reason()
    if why:
        pytest.skip(f"PostgreSQL: {why}")
    with throwaway_server() as server:
        from models.team import admin_init

        server.create_database(TEMPLATE)
        admin_init(server.url(TEMPLATE))
        with server.connect() as conn:
            conn.execute(f"ALTER DATABASE {TEMPLATE} WITH IS_TEMPLATE true")
        yield server


@pytest.fixture
def pg_url(pg_server: Any) -> Iterator[str]:
    """A new team database (schema, the three roles) for one test; the superuser's URL."""
    name = f"t{next(_numbers)}"
    with pg_server.connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE}')
    yield pg_server.url(name)

    pg_server.drop_database(name)


@dataclass
class Backend:
    """Where a test's database lives: `location` is what `--db` takes; `open()` gives a Repository on it."""

    kind: str
    location: Any
    server: Any = None

    def open(self, **kwargs: Any) -> Any:
        from models.db import open_database
        from models.repository import Repository

        repo = Repository(open_database(self.location, **kwargs))
        _OPEN.append(repo)
        return repo

    def url_for(self, user: str) -> str:
        """The same database as another role (PostgreSQL only)."""
        from models.backend import parse_url

        return self.server.url(parse_url(self.location)["dbname"], user)

    def add_user(self, name: str, role: str) -> str:
        from models.team import admin_user_add

        admin_user_add(self.location, name, role)
        return self.url_for(name)


_OPEN: list = []


def reopen(repo: Any, *, close: bool = True, **kwargs: Any) -> Any:
    """The same database opened anew, by its file or its team URL (`repo.path`, without the password: the test
    server trusts its socket); `close=False` keeps `repo` open (another connection reads what it saved). Closed
    after the test like `Backend.open`'s."""
    from models.db import open_database
    from models.repository import Repository

    if close:
        repo.db.close()
        repo.backend.close()
    again = Repository(open_database(repo.path, **kwargs))
    _OPEN.append(again)
    return again


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """The test runs twice: on a SQLite file and on a PostgreSQL database."""
    if request.param == "sqlite":
        chosen = Backend("sqlite", tmp_path / "klaster.sqlite")
    else:
        server = request.getfixturevalue("pg_server")
        chosen = Backend("postgresql", request.getfixturevalue("pg_url"), server)
    yield chosen
    while _OPEN:
        repo = _OPEN.pop()
        if not repo.db.is_closed():
            repo.db.close()
        repo.backend.close()


@pytest.fixture
def backend_repo(backend: Backend) -> Any:
    return backend.open()


Opener = Callable[..., Any]
