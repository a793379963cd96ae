"""One truth for problems and progress (issue 12): the side list, the review page, the status bar, the start window,
the command line (`check`, `check --json`, `list`) and the PDF list show the same numbers, on the demo, on an empty
application and on a complete one; a new application opens calm; a wrong NIP is one error everywhere at once;
F8 / Shift+F8 visit every problem of the demo exactly once, in order."""

from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from forms.demo import make_demo  # noqa: E402
from forms.document import Document  # noqa: E402
from forms.loader import load_form  # noqa: E402
from forms.messages import count, totals_text  # noqa: E402
from forms.progress import HAS_ERRORS, assess, status_text  # noqa: E402
from tests.conftest import store  # noqa: E402
from ui.session import Session  # noqa: E402
from ui.wizard import window as window_module  # noqa: E402
from ui.wizard.window import REVIEW, WizardWindow  # noqa: E402

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")
KINDS = ("demo", "empty", "complete")


def make(kind: str) -> Document:
    definition = load_form("kkk-2019")
    if kind == "empty":
        return Document(definition)
    return make_demo(definition, members=60, problems=kind == "demo")


def open_wizard(qtbot, repo, app_id) -> WizardWindow:
    w = WizardWindow(Session(repo, app_id))
    qtbot.addWidget(w)
    w.show()
    return w


def cli(*args: str) -> tuple[int, list[str], str]:
    import contextlib
    import io

    from app.cli import run

    lines: list[str] = []
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = run(list(args), lines.append)
    return code, lines, err.getvalue()


def sidebar_text(w: WizardWindow, section_id: str) -> str:
    return w.sidebar.item(w.page_ids().index(section_id)).text().split("\n", 1)[1].strip()


@pytest.mark.parametrize("kind", KINDS)
def test_every_face_shows_the_same_numbers(qtbot, repo, db_path, kind):
    doc = make(kind)
    app_id = store(repo, doc, doc.get("cluster.name", ""))
    truth = assess(repo.load(app_id))
    w = open_wizard(qtbot, repo, app_id)
    session = w.session
    assert session.assessment.counts() == truth.counts()
    totals = totals_text(truth.missing, truth.errors, truth.warnings)

    # The status bar, the review's entry in the side list and the progress bar.
    assert w.problem_label.text() == totals
    assert w.sidebar.item(len(w.page_ids()) - 1).text().endswith(totals)
    assert w.progress.value() == truth.completeness
    # Each section in the side list and in the review page's section heads.
    w.show_page(REVIEW)
    heads = {
        w.review.tree.topLevelItem(i).text(0): w.review.tree.topLevelItem(i)
        for i in range(w.review.tree.topLevelItemCount())
    }
    for part in truth.sections:
        assert sidebar_text(w, part.section.id) == status_text(part)
        head = heads.get(part.section.display_title())
        mine = [p for p in truth.problems if p.section == part.section.id]
        if mine:
            assert head is not None and head.text(2) == status_text(part) and head.childCount() == len(mine)
        else:
            assert head is None
    assert len(w.review.problem_items()) == len(truth.problems)
    assert totals in w.review.summary.text() or not truth.blocking

    # The command line: check (lines, the summary on stderr, --json) and list.
    code, lines, err = cli("--db", str(db_path), "check", str(app_id))
    assert code == (1 if truth.problems else 0) and len(lines) == len(truth.problems)
    assert sum(line.startswith("BRAK: ") for line in lines) == truth.missing
    assert sum(line.startswith("BŁĄD: ") for line in lines) == truth.errors
    assert err == ""  # stdout carries the problems, one a line; nothing else
    code, lines, _ = cli("--db", str(db_path), "check", str(app_id), "--json")
    data = json.loads("\n".join(lines))
    assert data["counts"] == truth.counts() and len(data["problems"]) == len(truth.problems)
    assert [s["missing"] for s in data["sections"]] == [p.missing for p in truth.sections]
    code, lines, _ = cli("--db", str(db_path), "list")
    assert lines[1].split()[-2:] == [str(truth.completeness), "%"]


def test_required_minus_filled_is_the_missing_count():
    """Every missing item is one required item not filled: the two counts can never contradict each other."""
    from forms.progress import _required_items

    for kind in KINDS:
        doc = make(kind)
        for part in assess(doc).sections:
            counted, _touched = _required_items(doc, part.section)
            assert counted == part.required and part.required - part.filled == part.missing, (kind, part.section.id)


def test_start_window_completeness_is_the_windows(qtbot, repo, tmp_path, monkeypatch):
    from ui import start_window as sw
    from ui.settings import Settings
    from ui.start import dialogs as start_dialogs

    monkeypatch.setattr(start_dialogs, "show_error", lambda *a, **k: None)
    ids = [store(repo, make(kind), kind) for kind in KINDS]
    start = sw.StartWindow(repo, Settings(tmp_path / "settings"), lang="pl")
    qtbot.addWidget(start)
    start.show()
    qtbot.waitUntil(lambda: not start._pending and not start._pending_scheduled, timeout=5000)
    for app_id in ids:
        expected = Session(repo, app_id).completeness
        assert start.table.item(start.row_of(app_id), sw.COL_COMPLETE).text() == f"{expected}\u00a0%"


def test_a_new_application_opens_calm(qtbot, repo):
    app_id = repo.create("kkk-2019", "", "nadanie")
    w = open_wizard(qtbot, repo, app_id)
    assessment = w.session.assessment
    assert assessment.errors == 0 and assessment.missing > 0
    assert all(part.status != HAS_ERRORS for part in assessment.sections)
    assert "0 błędów" in w.problem_label.text() and "color" not in w.problem_label.styleSheet()
    # No field shows a message on the first page, nor after moving on from it untouched.
    page = w.pages["general"]
    assert not any(e.has_visible_problem() for e in page.editors.values())
    w.next()
    assert not any(e.has_visible_problem() for e in page.editors.values())
    # Asking for the check marks what is missing, in the neutral style (not the red of a wrong value).
    w.show_page(REVIEW)
    name = page.editors["cluster.name"]
    assert name.has_visible_problem() and "do uzupełnienia" in name.message_text
    assert "#c62828" not in name._message.styleSheet()


def test_a_wrong_nip_is_one_error_everywhere_at_once(qtbot, repo):
    app_id = store(repo, make("complete"))
    w = open_wizard(qtbot, repo, app_id)
    assert w.session.assessment.blocking == 0
    editor = w.pages["general"].editors["coordinator.nip"]
    editor.edit.selectAll()
    qtbot.keyClicks(editor.edit, "5261040829")
    qtbot.waitUntil(lambda: w.session.assessment.errors == 1, timeout=3000)
    one = count(1, "błąd")
    assert w.problem_label.text() == totals_text(0, 1, 0)
    assert sidebar_text(w, "general") == one
    assert w.sidebar.item(len(w.page_ids()) - 1).text().endswith(totals_text(0, 1, 0))
    assert editor.has_visible_problem() and "błędna cyfra kontrolna" in editor.message_text
    assert "#c62828" in editor._message.styleSheet()
    [item] = w.review.problem_items()
    assert item.text(0) == "Dane koordynatora › NIP" and item.text(1) == "błąd"


def test_f8_visits_every_problem_of_the_demo_once(qtbot, repo):
    doc = make("demo")
    doc.set("contact.phone", None)  # a second problem on a page, and one before the others
    doc.set_cell("members", 4, "nip", "123")
    app_id = store(repo, doc)
    w = open_wizard(qtbot, repo, app_id)
    problems = list(w.session.problems.all)
    assert len(problems) >= 5
    key = window_module.problem_order(w.session.definition)
    seen = []
    for _ in problems:
        w.next_problem()
        seen.append(w.current_problem)
    assert [key(p) for p in seen] == [key(p) for p in problems]  # each once, in the order of the form
    w.next_problem()
    assert key(w.current_problem) == key(problems[0])  # round again
    w.previous_problem()
    assert key(w.current_problem) == key(problems[-1])
    # Each visit shows its place: a member's cell is the current cell of the register, scrolled into view.
    member = next(p for p in problems if p.table == "members" and p.row is not None)
    for _ in problems:
        w.next_problem()
        if key(w.current_problem) == key(member):
            break
    table = w.pages["members"].tables["members"]
    current = table.proxy.mapToSource(table.view.currentIndex())
    assert (current.row(), table.model.column_def(current.column()).key) == (member.row, member.column)
    rect = table.view.visualRect(table.view.currentIndex())
    assert table.view.viewport().rect().intersects(rect)


def test_places_name_the_group_and_the_member(qtbot, repo):
    doc = make("complete")
    doc.set("coordinator.email", None)
    doc.set("contact.phone", "12")
    i = next(i for i, r in enumerate(doc.rows("members")) if i >= 7 and r.get("sales_pln") is not None)
    name = doc.rows("members")[i].get("name")
    doc.set_cell("members", i, "export_pln", doc.rows("members")[i].get("sales_pln") + 1)
    app_id = store(repo, doc)
    w = open_wizard(qtbot, repo, app_id)
    w.show_page(REVIEW)
    places = [i.text(0) for i in w.review.problem_items()]
    assert "Dane koordynatora › Adres e-mail" in places
    assert "Osoba do kontaktu › Telefon" in places
    assert any(re.fullmatch(rf"{re.escape(name)} \(wiersz {i + 1}\) › .*eksport.*", p, re.IGNORECASE) for p in places)


def test_finalising_refused_lists_what_blocks_it_and_opens_the_review(qtbot, repo, monkeypatch):
    app_id = store(repo, make("demo"))
    w = open_wizard(qtbot, repo, app_id)
    shown = []

    def fake(parent, text, lines):
        shown.append((text, lines))
        box = window_module.refused_box(parent, text, lines)
        assert box.defaultButton() is box.open_review
        return True  # the user clicks "Otwórz sprawdzenie"

    monkeypatch.setattr(window_module, "show_refused", fake)
    w.show_page("general")
    w.finalize()
    [(text, lines)] = shown
    assert text == "Wniosku nie można jeszcze sfinalizować: 1 brak i 2 błędy do poprawienia."
    assert len(lines) == 3 and all(line.startswith("• ") for line in lines)
    assert w.current_page_id() == REVIEW and not w.session.read_only
    _ = Qt
