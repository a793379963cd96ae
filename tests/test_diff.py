"""Comparing two versions: fields, and table rows matched by key (members by NIP), whatever their order."""

from __future__ import annotations

from decimal import Decimal

from app.cli import run
from forms.demo import make_demo
from forms.diff import ADDED, CHANGED, REMOVED, diff_documents
from forms.loader import load_form


def demo():
    return make_demo(load_form("kkk-2019"), members=55, problems=False)


def test_identical_documents_have_no_changes():
    assert diff_documents(demo(), demo()) == []


def test_added_removed_and_changed_members_and_texts():
    old = demo()
    new = old.copy()
    new.set("cluster.name", "Nowa nazwa")
    new.set("cluster.website", None)
    new.rows("members").reverse()  # order alone is no change
    enterprise = next(r for r in new.rows("members")[1:] if r.get("nip") and r.get("sales_pln"))
    enterprise.data["sales_pln"] = Decimal("1.00")
    enterprise.data["nip"] = enterprise.get("nip")[:3] + "-" + enterprise.get("nip")[3:]  # same NIP, other spelling
    removed = new.rows("members").pop(0)
    new.add_row("members", {"name": "Nowa Firma", "type": "micro", "nip": "5261040828"})
    changes = diff_documents(old, new)
    by_kind = {(c.kind, c.key, c.column) for c in changes}
    assert (CHANGED, "cluster.name", None) in by_kind
    assert (REMOVED, "cluster.website", None) in by_kind
    assert (CHANGED, "members", "sales_pln") in by_kind
    added = [c for c in changes if c.kind == ADDED and c.key == "members" and c.column is None]
    assert [c.row for c in added] == ["Nowa Firma (5261040828)"]
    gone = [c for c in changes if c.kind == REMOVED and c.key == "members" and c.column is None]
    assert len(gone) == 1 and removed.get("name") in gone[0].row
    sales = next(c for c in changes if c.column == "sales_pln")
    assert sales.new == "1,00\u00a0zł"
    # The row is still matched by its NIP although its spelling changed; the spelling itself is a change.
    assert (CHANGED, "members", "nip") in by_kind
    assert len([c for c in changes if c.key == "members"]) == 4
    assert "zmieniono: Nazwa klastra" in next(c for c in changes if c.key == "cluster.name").line()


def test_cli_diff(tmp_path):
    db = str(tmp_path / "k.sqlite")
    lines: list[str] = []
    run(["--db", db, "demo", "--clean", "--members", "55"], lines.append)
    run(["--db", db, "finalize", "1"], lines.append)
    run(["--db", db, "correct", "1"], lines.append)
    lines.clear()
    assert run(["--db", db, "diff", "1", "2"], lines.append) == 0
    assert lines == ["Brak zmian."]
