"""Table editors (model, delegate, Excel paste, widget) and the indicator bars, offscreen with pytest-qt.

`parse_clipboard_rows` is tested first without Qt. Any message box a test did not expect fails the test instead
of hanging it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QStyleOptionViewItem,
)

from forms.cells import parse_cell
from forms.fmt import NBSP
from tests.conftest import member_rows
from ui.indicator_bars import IndicatorBars
from ui.session import Session
from ui.tables import editor as editor_module
from ui.tables.editor import TableEditor
from ui.tables.model import TableModel
from ui.tables.paste import parse_clipboard_rows, split_clipboard

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")
SALES = "Przychody ze sprzedaży w roku referencyjnym (PLN)"


# parse_clipboard_rows: pure ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def members(definition):
    return definition.table("members")


def test_split_handles_crlf_quotes_and_trailing_line():
    text = 'a\t"two\nlines ""q"""\tc\r\nd\t\te\r\n'
    assert split_clipboard(text) == [["a", 'two\nlines "q"', "c"], ["d", "", "e"]]
    assert split_clipboard("") == []
    assert split_clipboard('5" rura\tx') == [['5" rura', "x"]]  # a stray quote is plain text


def test_paste_typed_rows_with_polish_numbers_dates_and_choices(definition, members):
    text = (
        "Alfa sp. z o.o.\t5261040828\t\tMałe przedsiębiorstwo\tŁÓDZKIE\t05.03.2021\t1 234\t1.234,50 zł\n"
        "Beta\t\t\tmicro\tlodzkie\t2021-03-05\t7\t1 234,50\n"
        "Gamma\t\t\tsrednie przedsiebiorstwo\t\t\t\t1\u00a0000\u00a0000,00\u00a0zł\n"
    )
    rows, problems = parse_clipboard_rows(text, members, definition)
    assert problems == []
    assert [r["type"] for r in rows] == ["small", "micro", "medium"]
    assert rows[0]["voivodeship"] == rows[1]["voivodeship"] == "10"
    assert rows[0]["joined_on"] == rows[1]["joined_on"] == dt.date(2021, 3, 5)
    assert rows[0]["employees"] == 1234
    assert rows[0]["sales_pln"] == rows[1]["sales_pln"] == Decimal("1234.50")
    assert rows[2]["sales_pln"] == Decimal("1000000.00")
    assert "voivodeship" not in rows[2]


def test_paste_broken_cells_are_reported_and_left_empty(definition, members):
    text = "A\t\t\tmicro\nB\t\t\tsmall\nC\t\t\tkosmita\t\t\t12,5\tabc\n"
    rows, problems = parse_clipboard_rows(text, members, definition)
    assert len(rows) == 3 and rows[2] == {"name": "C"}
    assert problems[0].startswith("wiersz 3, kolumna „Rodzaj podmiotu”: „kosmita” nie ma na liście")
    assert problems[1] == "wiersz 3, kolumna „Liczba pracowników”: „12,5” nie jest liczbą całkowitą"
    assert problems[2].startswith(f"wiersz 3, kolumna „{SALES}”: „abc” nie jest liczbą")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("tak", True), ("T", True), ("x", True), ("1", True), ("yes", True)]
    + [("nie", False), ("N", False), ("0", False), ("no", False), ("", None)],
)
def test_paste_bools(definition, members, text, expected):
    assert parse_cell(members.column("rd"), text, definition) is expected


def test_paste_multichoice_by_code_or_label(definition, members):
    column = members.column("mgmt_systems")
    assert parse_cell(column, "crm; ERP", definition) == ("erp", "crm")
    assert parse_cell(column, "erp, CRM – zarzadzanie relacjami z klientami", definition) == ("erp", "crm")
    with pytest.raises(ValueError, match="„XYZ” nie ma na liście"):
        parse_cell(column, "erp, XYZ", definition)


def test_paste_from_a_start_column_skips_headers_blank_rows_and_reports_extra_cells(definition, members):
    start = [c.key for c in members.columns].index("sales_pln")
    header = f"{SALES}\tPrzychody z eksportu w roku referencyjnym (PLN)\n"
    beyond = len(members.columns) - start  # tabs to the first cell beyond the last column
    text = header + "\n100\t50\ttak\tnie\n" + "1\t2" + "\t" * (beyond - 1) + "nadmiar\n"  # beyond the last column
    rows, problems = parse_clipboard_rows(text, members, definition, start)
    assert rows[0] == {"sales_pln": Decimal(100), "export_pln": Decimal(50), "rd": True, "iso": False}
    assert len(rows) == 2
    assert problems == ["pominięto komórki wykraczające poza ostatnią kolumnę tabeli (do 1 w wierszu)"]


# Qt fixtures -----------------------------------------------------------------------------------------
@pytest.fixture
def session(qtbot, repo):
    s = Session(repo, repo.create("kkk-2019"))
    yield s
    s.flush()


@pytest.fixture
def reports(monkeypatch):
    """What the editor would show in its (non-blocking) report box."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        editor_module, "show_report", lambda parent, title, text, details="": shown.append((text, details))
    )
    return shown


def make_editor(qtbot, session, table="members", filterable=False, width=1000):
    editor = TableEditor(session, session.definition.table(table), filterable=filterable)
    qtbot.addWidget(editor)
    editor.resize(width, 400)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def cell(model, row, key, role=Qt.ItemDataRole.DisplayRole):
    return model.index(row, model.column_of(key)).data(role)


def names(editor):
    col = editor.model.column_of("name")
    return [editor.proxy.index(r, col).data() for r in range(editor.proxy.rowCount())]


# Model -------------------------------------------------------------------------------------------------
def test_model_shows_values_the_polish_way(session):
    row = {"name": "Alfa", "type": "micro", "voivodeship": "10", "joined_on": dt.date(2020, 3, 5), "employees": 1234}
    row |= {"sales_pln": Decimal("1234567.89"), "rd": True, "iso": False, "mgmt_systems": ["crm", "erp"]}
    session.add_row("members", row)
    model = TableModel(session, session.definition.table("members"))
    assert cell(model, 0, "sales_pln") == f"1{NBSP}234{NBSP}567,89{NBSP}zł"
    assert cell(model, 0, "sales_pln", Qt.ItemDataRole.EditRole) == Decimal("1234567.89")
    assert cell(model, 0, "joined_on") == "05.03.2020"
    assert cell(model, 0, "employees") == f"1{NBSP}234"
    assert (cell(model, 0, "type"), cell(model, 0, "voivodeship")) == ("mikroprzedsiębiorstwo", "łódzkie")
    assert (cell(model, 0, "rd"), cell(model, 0, "iso")) == ("tak", "nie")
    assert cell(model, 0, "mgmt_systems") == "ERP, CRM"
    assert "ERP – planowanie" in cell(model, 0, "mgmt_systems", Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nazwa członka *"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "NIP"


def test_money_edit_is_parsed_stored_and_saved(session, repo):
    session.add_row("members", {"name": "Alfa", "type": "micro"})
    model = TableModel(session, session.definition.table("members"))
    assert model.setData(model.index(0, model.column_of("sales_pln")), "1 234,50")
    assert session.doc.rows("members")[0].get("sales_pln") == Decimal("1234.50")
    assert session.flush()
    assert repo.load(session.app_id).rows("members")[0].get("sales_pln") == Decimal("1234.50")


def test_invalid_money_is_refused_and_the_old_value_kept(qtbot, session):
    session.add_row("members", {"name": "Alfa", "type": "micro", "sales_pln": Decimal("10")})
    model = TableModel(session, session.definition.table("members"))
    with qtbot.waitSignal(model.editRejected) as blocker:
        assert not model.setData(model.index(0, model.column_of("sales_pln")), "12x")
    assert session.doc.rows("members")[0].get("sales_pln") == Decimal("10.00")
    assert blocker.args[0].startswith(f"Wiersz 1, kolumna „{SALES}”: „12x” nie jest liczbą")


def test_read_only_editor_refuses_edits(qtbot, session):
    session.add_row("members", {"name": "Alfa", "type": "micro"})
    editor = make_editor(qtbot, session)
    editor.set_read_only(True)
    index = editor.model.index(0, 0)
    assert not editor.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not editor.model.setData(index, "Beta")
    assert not any(b.isEnabled() for b in (editor.add_button, editor.remove_button, editor.paste_button))
    editor.set_read_only(False)
    assert editor.model.flags(index) & Qt.ItemFlag.ItemIsEditable


# Delegate ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("key", "widget", "pick", "stored"),
    [
        ("type", QComboBox, lambda e: e.setCurrentIndex(e.findData("large")), "large"),
        ("rd", QComboBox, lambda e: e.setCurrentIndex(e.findData(False)), False),
        ("mgmt_systems", QListWidget, lambda e: [e.item(i).setCheckState(Qt.CheckState.Checked) for i in (0, 2)], None),
        ("sales_pln", QLineEdit, lambda e: e.setText("1.234,50 zł"), Decimal("1234.50")),
        ("joined_on", QLineEdit, lambda e: e.setText("5.3.2021"), dt.date(2021, 3, 5)),
        ("name", QLineEdit, lambda e: e.setText("Żółw S.A."), "Żółw S.A."),
    ],
)
def test_delegate_editor_per_column_type(qtbot, session, key, widget, pick, stored):
    session.add_row("members", {"name": "Alfa", "type": "micro", "rd": True, "mgmt_systems": ["crm"]})
    editor = make_editor(qtbot, session)
    index = editor.proxy.index(0, editor.model.column_of(key))
    delegate = editor.view.itemDelegate()
    widget_ = delegate.createEditor(editor.view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(widget_, widget)
    delegate.setEditorData(widget_, index)
    pick(widget_)
    delegate.setModelData(widget_, editor.proxy, index)
    expected = ("erp", "crm", "cms") if key == "mgmt_systems" else stored
    assert session.doc.rows("members")[0].get(key) == expected
    widget_.deleteLater()


def test_delegate_longtext_uses_a_plain_text_box(qtbot, session):
    session.add_row("hr.staff", {"name": "Jan"})
    editor = make_editor(qtbot, session, "hr.staff")
    index = editor.proxy.index(0, editor.model.column_of("qualifications"))
    delegate = editor.view.itemDelegate()
    box = delegate.createEditor(editor.view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(box, QPlainTextEdit)
    box.setPlainText("MBA\nPMP")
    delegate.setModelData(box, editor.proxy, index)
    assert session.doc.rows("hr.staff")[0].get("qualifications") == "MBA\nPMP"
    box.deleteLater()


def test_typing_in_the_view_commits_on_enter_and_delete_clears(qtbot, session):
    session.add_row("members", {"name": "Alfa", "type": "micro", "employees": 5})
    editor = make_editor(qtbot, session)
    editor.focus_cell(0, "sales_pln")
    editor.view.edit(editor.view.currentIndex())
    line = editor.view.viewport().findChild(QLineEdit)
    assert line is not None
    line.setText("1 234,5")
    qtbot.keyClick(line, Qt.Key.Key_Return)  # the delegate commits through a queued call
    qtbot.waitUntil(lambda: session.doc.rows("members")[0].get("sales_pln") == Decimal("1234.50"))
    editor.focus_cell(0, "employees")
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert session.doc.rows("members")[0].get("employees") is None


# Editor buttons -----------------------------------------------------------------------------------
def test_add_remove_and_move_rows_with_the_buttons(qtbot, session, monkeypatch):
    editor = make_editor(qtbot, session, "hr.staff")
    for _ in range(3):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    rows = session.doc.rows("hr.staff")
    assert len(rows) == 3 and "Wierszy: 3" in editor.count_label.text()
    for i, name in enumerate("ABC"):
        session.set_cell("hr.staff", i, "name", name)
    editor.focus_cell(0, "name")
    assert not editor.up_button.isEnabled()
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert [r.get("name") for r in rows] == ["B", "A", "C"]
    assert editor.proxy.mapToSource(editor.view.currentIndex()).row() == 1  # the moved row stays current
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert [r.get("name") for r in rows] == ["A", "B", "C"]

    editor.focus_cell(1, "name")  # one row: no question asked (a question would fail the test)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [r.get("name") for r in rows] == ["A", "C"]

    answers = []
    monkeypatch.setattr(editor_module, "confirm", lambda *a: answers.append(a[2]) or len(answers) > 1)
    editor.view.selectAll()
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)  # answered "no"
    assert len(rows) == 2 and "(2)" in answers[0]
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)  # answered "yes"
    assert rows == [] and "Wierszy: 0" in editor.count_label.text()


def test_paste_block_from_excel(qtbot, session, reports):
    editor = make_editor(qtbot, session)
    block = (
        "Alfa sp. z o.o.\t5261040828\t\tmałe przedsiębiorstwo\tmazowieckie\t01.02.2020\t12\t1 234,50\r\n"
        '"Beta\nBis"\t\t\tMIKROPRZEDSIĘBIORSTWO\t\t\t3\tabc\r\n'
        "Gamma\t\t\tuczelnia\r\n"
    )
    QGuiApplication.clipboard().setText(block)
    qtbot.mouseClick(editor.paste_button, Qt.MouseButton.LeftButton)
    rows = session.doc.rows("members")
    assert [r.get("type") for r in rows] == ["small", "micro", "university"]
    assert rows[0].get("sales_pln") == Decimal("1234.50") and rows[0].get("voivodeship") == "14"
    assert rows[1].get("name") == "Beta Bis" and rows[1].get("sales_pln") is None  # a one-line field
    assert len(reports) == 1 and f"wiersz 2, kolumna „{SALES}”: „abc” nie jest liczbą" in reports[0][0]
    assert "Wierszy: 3" in editor.count_label.text()


def test_ctrl_v_on_the_view_pastes_at_the_current_column(qtbot, session, reports):
    session.add_row("members", {"name": "Alfa", "type": "micro"})
    editor = make_editor(qtbot, session)
    editor.focus_cell(0, "sales_pln")
    QGuiApplication.clipboard().setText("100\t40\n200\t0\n")
    qtbot.keyClick(editor.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(session.doc.rows("members")) == 3)
    assert [r.get("export_pln") for r in session.doc.rows("members")] == [None, Decimal(40), Decimal(0)]
    assert reports == []


# Sorting, filtering, focus -----------------------------------------------------------------------
@pytest.fixture
def sorted_members(qtbot, session):
    for name, sales in (("Żuraw", "100"), ("Alfa", "20"), ("Łoś", None), ("beta", "3"), ("Lis", "7")):
        row = {"name": name, "type": "micro", "voivodeship": "14"}
        if sales is not None:
            row["sales_pln"] = Decimal(sales)
        session.add_row("members", row)
    return make_editor(qtbot, session, filterable=True, width=2600)


def click_header(qtbot, editor, key):
    header = editor.view.horizontalHeader()
    x = header.sectionViewportPosition(editor.model.column_of(key)) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_sorting_by_header_clicks_and_back_to_the_natural_order(qtbot, sorted_members):
    editor = sorted_members
    editor.focus_cell(0, "name")
    assert editor.up_button.isEnabled() is False and editor.down_button.isEnabled()
    click_header(qtbot, editor, "sales_pln")
    assert names(editor) == ["beta", "Lis", "Alfa", "Żuraw", "Łoś"]  # by number, the empty one last
    assert not editor.down_button.isEnabled() and not editor.up_button.isEnabled()
    click_header(qtbot, editor, "sales_pln")
    assert names(editor) == ["Żuraw", "Alfa", "Lis", "beta", "Łoś"]
    click_header(qtbot, editor, "sales_pln")  # the third click clears the sort
    assert names(editor) == ["Żuraw", "Alfa", "Łoś", "beta", "Lis"]
    click_header(qtbot, editor, "name")
    assert names(editor) == ["Alfa", "beta", "Lis", "Łoś", "Żuraw"]  # Polish alphabetical order


def test_filter_on_all_columns_case_insensitive(qtbot, sorted_members):
    editor = sorted_members
    editor.filter_edit.setText("ALFA")
    assert names(editor) == ["Alfa"]
    assert editor.count_label.text() == "Wierszy: 5 (widocznych: 1)"
    editor.focus_cell(1, "name")  # Alfa, visible
    assert editor.filter_edit.text() == "ALFA"
    assert not editor.down_button.isEnabled()  # no reordering while filtered
    editor.filter_edit.setText("mazowieckie")  # the label of a choice, not its code
    assert len(names(editor)) == 5
    editor.filter_edit.setText("20,00")
    assert names(editor) == ["Alfa"]


def test_focus_cell_maps_through_sort_and_filter(qtbot, sorted_members):
    editor = sorted_members
    click_header(qtbot, editor, "name")
    editor.focus_cell(2, "sales_pln")  # Łoś, in the order of the form
    current = editor.view.currentIndex()
    assert current.data() == "" and editor.proxy.index(current.row(), 0).data() == "Łoś"
    assert editor.proxy.mapToSource(current).row() == 2
    assert editor.view.selectionModel().isSelected(current)
    editor.filter_edit.setText("Alfa")
    editor.focus_cell(0, "name")  # Żuraw is filtered out: the filter is cleared to show it
    assert editor.filter_edit.text() == "" and editor.view.currentIndex().data() == "Żuraw"


# Problems -----------------------------------------------------------------------------------------
def test_error_cell_is_red_with_a_tooltip_and_table_problems_show_below(qtbot, session):
    session.add_row("members", {"name": "Alfa", "type": "micro", "nip": "5261040828"})
    editor = make_editor(qtbot, session)
    model = editor.model
    index = model.index(0, model.column_of("nip"))
    background = Qt.ItemDataRole.BackgroundRole  # read through the model: see SortProxy on None and QVariant
    assert model.data(index, background) is None
    assert model.setData(index, "1234567890")
    qtbot.waitUntil(lambda: model.data(index, background) is not None)  # the debounced recheck
    colour = model.data(index, background).color()
    assert colour.red() > colour.green() and colour.red() > colour.blue()
    assert "cyfra kontrolna" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "co najmniej 51 członków" in editor.problems_label.text() and not editor.problems_label.isHidden()
    assert "cyfra kontrolna" in editor.model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)


def test_rejected_edit_is_shown_under_the_table(qtbot, session):
    session.add_row("members", {"name": "Alfa", "type": "micro"})
    editor = make_editor(qtbot, session)
    editor.model.setData(editor.model.index(0, editor.model.column_of("joined_on")), "31.02.2020")
    assert "nie jest datą" in editor.notice_label.text() and not editor.notice_label.isHidden()


# Indicator bars -----------------------------------------------------------------------------------
def test_indicator_bars_render_values_against_kkk_averages(qtbot, session):
    session.add_rows("members", member_rows(30, 21))
    session.recheck()
    bars = IndicatorBars(definition=session.definition)
    qtbot.addWidget(bars)
    bars.set_indicators(session.indicators)
    bars.resize(bars.sizeHint())
    bars.show()
    assert not bars.grab().isNull()
    assert bars.sizeHint().width() >= 300 and bars.sizeHint().height() > 200
    texts = " | ".join(label.text() for label in bars.findChildren(QLabel))
    assert "średnia KKK 34,42" in texts and "50,00" in texts  # R&D: every second enterprise
    assert "Liczba przedsiębiorstw w klastrze:" in texts and "30" in texts
    assert f"30{NBSP}000{NBSP}435,00{NBSP}zł" in texts
    assert "mikroprzedsiębiorstwo:" in texts  # counts by type with their labels

    bars.set_indicators(session.indicators, ["rd_share", "enterprises"])
    assert [iv.id for iv in bars.indicators] == ["rd_share", "enterprises"]
    assert not bars.grab().isNull()


def test_indicator_bars_follow_the_session(qtbot, session):
    bars = IndicatorBars()
    qtbot.addWidget(bars)
    bars.follow(session, ["enterprises"])
    session.add_rows("members", member_rows(3, 0))
    with qtbot.waitSignal(session.problemsChanged):
        pass
    values = [label.text() for label in bars.findChildren(QLabel)]
    assert "<b>3</b>" in values
