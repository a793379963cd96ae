"""The questionnaires dialog sends a round (workbooks, .eml drafts, CSV, recorded), shows the campaign and writes
reminders, offscreen with pytest-qt; every message box is replaced."""

from __future__ import annotations

import email
import email.policy

import pytest
from PySide6.QtCore import QDate

from tests.conftest import refusing_dialogs, store
from tests.test_xlsx_questionnaires import EMPLOYEES, fill
from tests.test_xlsx_questionnaires_campaign import everything, round_doc
from ui.session import Session
from ui.xlsx import prompts, questionnaires_dialog

no_unexpected_dialogs = refusing_dialogs(
    prompts, ("choose_open_file", "choose_save_file", "choose_folder", "show_error", "show_info", "exec_dialog")
)


@pytest.fixture
def session(qtbot, repo, definition):
    s = Session(repo, store(repo, round_doc(definition), "Klaster"))
    yield s
    s.flush()


def test_dialog_sends_tracks_and_reminds(qtbot, monkeypatch, tmp_path, session, definition):
    folder = tmp_path / "runda"
    folder.mkdir()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(prompts, "show_info", lambda parent, title, text, details="": shown.append(("info", text)))
    monkeypatch.setattr(prompts, "show_error", lambda parent, title, text, details="": shown.append(("error", text)))
    monkeypatch.setattr(prompts, "choose_folder", lambda parent, title, start="": str(folder))
    seen = {}

    def drive(dialog) -> bool:
        qtbot.addWidget(dialog)
        dialog.deadline.setDate(QDate(2025, 3, 31))
        dialog.emails.setChecked(True)
        dialog.generate_button.click()
        files = {m.member_name: folder / m.file_name for m in session.repo.questionnaire_messages(session.app_id)}
        fill(files["Alfa sp. z o.o."], everything(definition))
        fill(files["Beta S.A. 😀"], {EMPLOYEES: 300})
        dialog.scan_button.click()
        seen["summary"] = dialog.campaign_summary.text()
        seen["rows"] = [
            [dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
            for r in range(dialog.table.rowCount())
        ]
        assert dialog.reminders_button.isEnabled()
        dialog.reminders_button.click()
        return False

    monkeypatch.setattr(prompts, "exec_dialog", drive)
    questionnaires_dialog(None, session)
    assert shown[0][0] == "info" and shown[0][1].startswith(f"Utworzono ankiet: 5 w folderze {folder}. Wiadomości: 5")
    assert "Bez adresu e-mail (2): Delta, Epsilon." in shown[0][1]
    assert seen["summary"] == (
        "Członków: 5 · wysłano: 5 · zwrócono: 2 · kompletne: 1 · niekompletne: 1 · z problemami: 0 · "
        "bez odpowiedzi: 3 · bez adresu e-mail: 2"
    )
    alfa, beta = seen["rows"][0], seen["rows"][1]
    assert alfa[2] == "zwrócona" and alfa[5] == "a@alfa.pl" and alfa[8] == "kompletna" and alfa[6]
    assert beta[8] == "niekompletna" and "brak odpowiedzi" in beta[4]
    assert seen["rows"][3][5].startswith("brak (adres e-mail „zły adres”")
    assert shown[1] == (
        "info",
        f"Zapisano przypomnień: 4 w folderze {folder / 'przypomnienia'}; członkowie z kompletną ankietą nie dostają "
        "przypomnienia.",
    )
    emls = sorted((folder / "przypomnienia").iterdir())
    assert len(emls) == 4
    first = email.message_from_bytes(emls[0].read_bytes(), policy=email.policy.default)
    assert first["X-Unsent"] == "1"
    kinds = [m.kind for m in session.repo.questionnaire_messages(session.app_id)]
    assert kinds.count("questionnaire") == 5 and kinds.count("reminder") == 4
