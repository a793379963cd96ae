"""A fuzzer over `.kkk.json` (issue 10): a valid exported application, mutated (keys deleted, values replaced by
hostile ones, deep nesting, huge numbers, control characters, duplicate keys, truncated text) and imported through
the real command line. Either it is imported, or it is refused with exit 2, one line on stderr and the database
unchanged; never the catch-all. A fixed budget of examples, derandomised: the same examples on every run."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import run
from export import kkk_json
from forms.demo import make_demo
from forms.loader import load_form

HOSTILE: list[Any] = [
    None,
    True,
    0,
    -1,
    10**12,
    -(10**15),
    "1E+400",
    "-1e-400",
    "NaN",
    "Infinity",
    "",
    " ",
    "x" * 3000,
    "ą" * 25_000,
    "Klaster\x00\x1b[31m\r\nBcc: a@b.pl",
    "\ud800\udfff\ufffe",
    '=HYPERLINK("http://x")',
    "<b>&amp;</b>",
    "2024-02-30",
    "99999-01-01",
    "14\n",
    [],
    ["1", "1", "999"],
    [[[]]],
    {},
    {"a": {"b": {"c": 1}}},
    "0" * 64,
    "ZZZ=",
]
# Tokens spliced into the JSON text as they are (what `json.dumps` cannot write).
RAW_TOKENS = ["9" * 5000, "9" * 4000, "1e400", "-0.0", "1." + "5" * 4500, "NaN", "-Infinity", "[" * 3000 + "]" * 3000]


def db_dump(path: Path) -> list:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [(t, conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()) for t in tables]
    finally:
        conn.close()


def _paths(obj: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix] if prefix else []
    if isinstance(obj, dict):
        for key, value in obj.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(obj, list):
        for i, value in enumerate(obj[:3]):  # the first rows are enough; tables repeat their shape
            out += _paths(value, (*prefix, i))
    return out


@pytest.fixture(scope="module")
def base() -> dict:
    data = kkk_json.to_dict(make_demo(load_form("kkk-2019"), members=51, rows=1, problems=False))
    for table in data["tables"].values():  # keep the file small: a few rows of each table
        del table[4:]
    return data


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "k.sqlite"
    assert run(["--db", str(path), "demo", "--members", "51", "--rows", "1"], lambda _: None) == 0
    return path


def _resolve(data: Any, path: tuple) -> tuple[Any, Any] | None:
    """(parent, key) of `path` in `data`, or None when an earlier mutation removed it."""
    node = data
    for key in path[:-1]:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return None
    if isinstance(node, dict) and path[-1] in node:
        return node, path[-1]
    if isinstance(node, list) and isinstance(path[-1], int) and path[-1] < len(node):
        return node, path[-1]
    return None


@st.composite
def mutated_files(draw, base: dict) -> str:
    data = copy.deepcopy(base)
    if draw(st.integers(0, 4)) > 0:  # mostly without the checksum, or nearly every change is refused by it
        data.pop("checksum", None)
    paths = _paths(base)
    raw: list[tuple[str, str]] = []  # (placeholder, token) spliced into the text
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(paths))
        place = _resolve(data, path)
        if place is None:
            continue
        parent, key = place
        action = draw(st.sampled_from(("delete", "hostile", "raw", "nest", "duplicate", "unknown")))
        if action == "delete":
            del parent[key]
        elif action == "hostile":
            parent[key] = copy.deepcopy(draw(st.sampled_from(HOSTILE)))
        elif action == "raw":
            marker = f"@@RAW{len(raw)}@@"
            raw.append((json.dumps(marker), draw(st.sampled_from(RAW_TOKENS))))
            parent[key] = marker
        elif action == "nest":
            value: Any = parent[key]
            for _ in range(draw(st.integers(2, 40))):
                value = [value]
            parent[key] = value
        elif action == "duplicate" and isinstance(parent, dict):
            marker = f"@@DUP{len(raw)}@@"
            raw.append((json.dumps(marker) + ": 0", f"{json.dumps(key)}: {json.dumps(parent[key])}"))
            parent[marker] = 0
        elif action == "unknown" and isinstance(parent, dict):
            parent[draw(st.sampled_from(("x", "\x1b[2J\n", "values", "ą" * 200)))] = 1
    text = json.dumps(data, ensure_ascii=False)
    for placeholder, token in raw:
        text = text.replace(placeholder, token, 1)
    if draw(st.integers(0, 9)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text


@pytest.fixture(scope="module")
def state(database: Path) -> dict:
    return {"dump": db_dump(database), "imported": 0, "refused": 0}


def test_fuzzed_files_are_imported_or_refused_in_one_line(base, database, state, tmp_path_factory):
    folder = tmp_path_factory.mktemp("files")

    @settings(
        max_examples=150,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )
    @given(text=mutated_files(base))
    def check(text: str) -> None:
        import contextlib
        import io

        path = folder / "fuzz.kkk.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        err = io.StringIO()
        out: list[str] = []
        with contextlib.redirect_stderr(err):
            code = run(["--db", str(database), "import", str(path)], out.append)
        message = err.getvalue()
        assert "Nieoczekiwany" not in message and "Traceback" not in message, message
        if code == 0:
            assert len(out) == 1 and out[0].isdigit() and message == ""
            state["dump"] = db_dump(database)
            state["imported"] += 1
        else:
            assert code == 2, message
            assert out == []
            assert message.startswith("Błąd: ") and message.count("\n") == 1 and message.endswith("\n"), message
            assert db_dump(database) == state["dump"]
            state["refused"] += 1

    check()
    assert state["refused"] > 50 and state["imported"] > 5  # the budget reached both sides of the door
