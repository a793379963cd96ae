"""The English user interface: the wizard on a demo application speaks English (its chrome from
resources/translations/klaster_en.qm, the definition's texts from their `en` variants), and every message of
klaster_en.ts has a finished translation that keeps the placeholders of its source."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QLocale, Qt  # noqa: E402
from PySide6.QtWidgets import QLabel, QMenu, QPushButton  # noqa: E402

from forms.cells import parse_cell  # noqa: E402
from forms.fmt import errors_text, missing_text, number_input, warnings_text  # noqa: E402
from forms.loader import load_form  # noqa: E402
from forms.progress import STATUS_LABELS  # noqa: E402
from models.repository import Repository  # noqa: E402
from tests.conftest import store  # noqa: E402
from ui.i18n import current_language  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "translations" / "klaster_en.ts"
QM_FILE = ROOT / "resources" / "translations" / "klaster_en.qm"
POLISH_LETTERS = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@pytest.fixture
def english(qapp):
    """The English translators installed as ui/app.py installs them; the previous state restored afterwards."""
    from ui.i18n import install_translators

    before = list(getattr(qapp, "_klaster_translators", []))
    language = getattr(qapp, "_klaster_language", "pl")
    old_locale = QLocale()
    installed = install_translators(qapp, "en")
    try:
        yield installed
    finally:
        for t in getattr(qapp, "_klaster_translators", []):
            qapp.removeTranslator(t)
        for t in before:
            qapp.installTranslator(t)
        qapp._klaster_translators = before
        qapp._klaster_language = language
        QLocale.setDefault(old_locale)


pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def demo_id(repo: Repository) -> int:
    from forms.demo import make_demo

    doc = make_demo(load_form("kkk-2019"))
    return store(repo, doc, doc.get("cluster.name", ""), doc.get("meta.application_type"))


def menu_texts(menu: QMenu) -> list[str]:
    texts = []
    for action in menu.actions():
        if action.menu() is not None:
            texts.extend(menu_texts(action.menu()))
        elif not action.isSeparator():
            texts.append(action.text())
    return texts


# The wizard in English ------------------------------------------------------------------------------
@pytest.mark.skipif(not QM_FILE.exists(), reason="klaster_en.qm not compiled")
def test_wizard_on_a_demo_speaks_english(qtbot, repo, english):
    from ui.session import Session
    from ui.wizard.window import REVIEW, WizardWindow

    assert english and current_language() == "en"
    definition = load_form("kkk-2019")
    w = WizardWindow(Session(repo, demo_id(repo)))
    qtbot.addWidget(w)
    w.show()

    # The chrome: menus, navigation, status bar.
    bar = [a.text() for a in w.menuBar().actions()]
    assert bar == ["&File", "Appli&cation", "&Edit", "&Go", "&Help"]
    assert w.back_button.text() == "« &Back" and w.next_button.text() == "&Next »"
    assert w.progress.format() == "Complete: %p%"
    problems = w.session.problems
    totals = f"{missing_text(problems.missing, 'en')}, {errors_text(problems.errors, 'en')}, "
    assert w.problem_label.text() == totals + warnings_text(problems.warnings, "en")
    assert re.fullmatch(r"\d+ missing items?, \d+ errors?, \d+ warnings?", w.problem_label.text())
    assert re.search(r"(Saved at|Last saved:) ", w.save_label.text())
    assert w.windowTitle().endswith(" — version 1, draft — Klaster")

    # The definition's texts in English: section titles, status texts, page title, field labels, table headers.
    general = definition.sections[0]
    first = w.sidebar.item(0).text()
    assert first.startswith(general.title.en + "\n") and general.title.pl not in first
    statuses = set(STATUS_LABELS["en"].values())
    assert any(line.strip().split(":")[0] in statuses for line in first.splitlines()[1:])
    assert w.sidebar.item(w.sidebar.count() - 1).text().startswith("Check the application\n")
    page = w.pages[general.id]
    assert page.findChild(QLabel, "pageTitle").text() == general.display_title("en")
    name_label = definition.field("cluster.name").label
    assert page.labels["cluster.name"].text() == name_label.en + " *"
    assert page.editors["meta.application_type"].combo.itemText(0) == "— choose —"
    members = w.pages["members"].tables["members"]
    first_column = definition.table("members").columns[0]
    assert members.model.headerData(0, Qt.Orientation.Horizontal) == first_column.label.en + " *"
    assert members.add_button.text() == "Add row" and members.count_label.text().startswith("Rows: ")

    # The review page: headers, summary, problem places and messages from the checks in English.
    w.show_page(REVIEW)
    review = w.review
    assert [review.tree.headerItem().text(i) for i in range(3)] == ["Where", "Kind", "Description"]
    assert review.summary.text().startswith(("To correct before finalising: ", "Nothing is missing"))
    for item in review.problem_items():
        problem = item.data(0, Qt.ItemDataRole.UserRole)
        assert item.text(1) in ("to be filled in", "error", "warning")
        assert item.text(2) == problem.message.get("en")
        assert "wiersz" not in item.text(0)

    # Nothing Polish is left in the chrome (the application's own data may well be Polish).
    chrome = [a.text() for a in w.menuBar().actions()]
    for action in w.menuBar().actions():
        chrome.extend(menu_texts(action.menu()))
    chrome.extend(b.text() for b in w.findChildren(QPushButton))
    chrome.extend([w.save_label.text(), w.problem_label.text(), w.progress.format(), w.review.summary.text()])
    chrome.extend(w.sidebar.item(i).text() for i in range(w.sidebar.count()))
    assert len(chrome) > 40
    polish = [text for text in chrome if POLISH_LETTERS.search(text)]
    assert polish == []


def test_current_language_is_polish_without_translators(qapp):
    assert current_language() == "pl"


# The translation file ----------------------------------------------------------------------------
def ts_messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS_FILE).getroot()
    return [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_message_has_a_finished_translation():
    messages = ts_messages()
    assert len(messages) > 150
    unfinished = [
        (context, source)
        for context, source, translation in messages
        if translation is None or translation.get("type") is not None or not (translation.text or "").strip()
    ]
    assert unfinished == []


def test_translations_keep_placeholders_and_mnemonics():
    for context, source, translation in ts_messages():
        text = translation.text or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (context, source)
        assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), (context, source)


@pytest.mark.skipif(not QM_FILE.exists(), reason="klaster_en.qm not compiled")
def test_compiled_file_matches_the_sources(english):
    for context, source, translation in ts_messages():
        assert QCoreApplication.translate(context, source) == translation.text, (context, source)


# Helpers for English -------------------------------------------------------------------------------
def test_english_plurals():
    assert errors_text(1, "en") == "1 error" and errors_text(0, "en") == "0 errors"
    assert errors_text(22, "en") == "22 errors"
    assert warnings_text(1, "en") == "1 warning" and warnings_text(3, "en") == "3 warnings"
    assert errors_text(22) == "22 błędy" and warnings_text(5) == "5 uwag"  # Polish stays the default


def test_english_numbers_are_read_with_comma_grouping(definition):
    assert number_input("12,345", "en") == "12345"
    assert number_input("1,234,567.89", "en") == "1234567.89"
    assert number_input("1,5", "en") == "1,5"  # not grouping: left to the Polish decimal comma
    assert number_input("12,345", "pl") == "12,345"
    employees = definition.table("members").column("employees")
    sales = definition.table("members").column("sales_pln")
    assert parse_cell(employees, "12,345", definition, "en") == 12345
    assert parse_cell(sales, "1,234.50", definition, "en") == Decimal("1234.50")
    with pytest.raises(ValueError, match="nie jest liczbą całkowitą"):
        parse_cell(employees, "12,345", definition, "pl")


@pytest.mark.skipif(not QM_FILE.exists(), reason="klaster_en.qm not compiled")
def test_cell_messages_in_english(definition, english):
    employees = definition.table("members").column("employees")
    with pytest.raises(ValueError, match=r"^'abc' is not a number \(e\.g\. 1,234,567\.89\)$"):
        parse_cell(employees, "abc", definition, current_language())  # as the table editors pass it
    kind = definition.table("members").column("type")
    with pytest.raises(ValueError, match=r"^'kosmita' is not on the list \(e\.g\. "):
        parse_cell(kind, "kosmita", definition, current_language())


@pytest.mark.skipif(not QM_FILE.exists(), reason="klaster_en.qm not compiled")
def test_numbers_and_dates_written_and_read_back_in_english(qtbot, definition, english):
    import datetime as dt

    from ui.editors import create_editor
    from ui.tables.model import display_text, edit_text

    money = definition.table("infra.finance").column("revenue_pln")
    employees = definition.table("members").column("employees")
    editor = create_editor(money, definition)
    qtbot.addWidget(editor)
    editor.set_value(Decimal("1234567.5"))
    assert editor.edit.text() == "1,234,567.50" and editor.value() == Decimal("1234567.50")
    assert editor.edit.placeholderText() == "0.00"
    count = create_editor(employees, definition)
    qtbot.addWidget(count)
    count.set_value(12345)
    assert count.edit.text() == "12,345" and count.value() == 12345
    date = create_editor(definition.field("signatory.date"), definition)
    qtbot.addWidget(date)
    date.set_value(dt.date(2025, 3, 5))
    assert date.edit.text() == "2025-03-05" and date.value() == dt.date(2025, 3, 5)

    assert display_text(money, Decimal("1234.5"), definition) == "PLN 1,234.50"
    for column, value in ((money, Decimal("1234567.50")), (employees, 12345)):
        assert parse_cell(column, edit_text(column, value), definition, current_language()) == value
