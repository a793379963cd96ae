"""A questionnaire round from sending to a complete register: .eml drafts per member (parsed back with the standard
library's default policy), the mail-merge CSV, the round recorded in the database, the campaign view with some
members complete, some partial, some with problems and some silent, and reminders that say exactly what is missing."""

from __future__ import annotations

import csv
import datetime as dt
import email
import email.policy
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import run
from export.xlsx.questionnaires_mail import CSV_NAME, csv_cell
from forms.document import Document
from tests.conftest import make_nip, store
from tests.test_xlsx_questionnaires import EMPLOYEES, EXPORT, SALES, fill

DEADLINE = "31.03.2025"
FIGURES = {EMPLOYEES: 12, SALES: "1 000 000", EXPORT: 0, "Prowadzi działalność B+R": "nie", "Wdrożone normy ISO": "N"}


def everything(definition) -> dict[str, object]:
    """Answers to every question an enterprise must answer (multi-choices all "nie")."""
    from export.xlsx.headers import written_columns

    answers = dict(FIGURES)
    answers["Start-up technologiczny"] = 0
    for target, _header, col in written_columns(definition.table("members"), definition):
        if target.choice is not None and col.key in ("mgmt_systems", "industry40"):
            answers[target.spec] = "nie"
    return answers


def round_doc(definition) -> Document:
    doc = Document(definition)
    doc.set("cluster.name", "Klaster „Dolina” 🚀")
    doc.set("meta.reference_year", 2024)
    doc.set("contact.name", "Anna Kowalska")
    doc.set("contact.email", "anna@klaster.pl")
    members = (
        {
            "name": "Alfa sp. z o.o.",
            "nip": make_nip(1),
            "type": "small",
            "voivodeship": "12",
            "contact_email": "a@alfa.pl",
        },
        {
            "name": "Beta\u0007 S.A. 😀",
            "nip": make_nip(2),
            "type": "large",
            "voivodeship": "14",
            "contact_email": "b@beta.pl",
        },
        {"name": "=Gamma+1", "nip": make_nip(3), "type": "micro", "voivodeship": "02", "contact_email": "c@gamma.pl"},
        {"name": "Delta", "nip": make_nip(4), "type": "medium", "voivodeship": "06", "contact_email": "zły adres"},
        {"name": "Epsilon", "nip": make_nip(5), "type": "micro", "voivodeship": "08"},
    )
    for data in members:
        doc.add_row("members", data)
    return doc


@pytest.fixture
def sent(tmp_path, repo, definition, db_path):
    app = store(repo, round_doc(definition), "Klaster")
    out = tmp_path / "runda"
    lines: list[str] = []
    code = run(
        ["--db", str(db_path), "questionnaires", str(app), str(out), "--emails", "--deadline", DEADLINE], lines.append
    )
    assert code == 0, lines
    return app, out, lines


def parse(path: Path):
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def test_sending_writes_a_draft_per_member_a_csv_and_records_the_round(sent, repo, definition):
    app, out, lines = sent
    assert lines[0] == f"Zapisano ankiet: 5 w folderze {out}"
    assert lines[1] == f"Wiadomości: 5 w folderze {out / 'wiadomosci'}; korespondencja seryjna: {out / CSV_NAME}"
    assert lines[2] == (
        f"BEZ E-MAILA: Delta NIP {make_nip(4)}: adres e-mail „zły adres” jest niepoprawny (wiadomość bez adresata: "
        f"ankieta_delta_{make_nip(4)}.eml)"
    )
    assert lines[3].startswith(f"BEZ E-MAILA: Epsilon NIP {make_nip(5)}: brak adresu e-mail w rejestrze członków")
    assert lines[4] == "Runda nr 1 zapisana w bazie; termin odesłania 31.03.2025."
    emls = sorted((out / "wiadomosci").iterdir())
    assert len(emls) == 5
    beta = parse(next(p for p in emls if make_nip(2) in p.name))
    assert beta["To"] == "b@beta.pl" and beta["X-Unsent"] == "1" and beta["From"] == "anna@klaster.pl"
    assert beta["Subject"] == "Ankieta członka klastra Klaster „Dolina” 🚀 – Beta S.A. 😀 – termin 31.03.2025"
    body = beta.get_body(("plain",)).get_content()
    assert "Termin odesłania: 31.03.2025." in body and "Anna Kowalska" in body and "\x07" not in body
    (attachment,) = list(beta.iter_attachments())
    assert attachment.get_filename() == f"ankieta_beta_s_a_{make_nip(2)}.xlsx"
    assert attachment.get_content() == (out / attachment.get_filename()).read_bytes()
    for path in emls:  # every header is one line and parses back
        msg = parse(path)
        assert "\n" not in msg["Subject"] and msg["X-Unsent"] == "1"
    delta = parse(next(p for p in emls if make_nip(4) in p.name))
    assert delta["To"] is None
    with open(out / CSV_NAME, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == ["nazwa", "nip", "email", "temat", "termin", "plik", "wiadomosc", "uwagi"]
    gamma = next(r for r in rows if r[1] == make_nip(3))
    assert gamma[0] == "'=Gamma+1" and gamma[2] == "c@gamma.pl" and gamma[4] == DEADLINE
    assert all(not cell.startswith(("=", "+", "-", "@", "\t")) for row in rows for cell in row)
    assert [csv_cell(v) for v in ("+48", "-1", "@x", "\t=1", "ok")] == ["'+48", "'-1", "'@x", "'=1", "ok"]
    messages = repo.questionnaire_messages(app)
    assert [(m.member_name, m.kind, m.email) for m in messages] == [
        ("Alfa sp. z o.o.", "questionnaire", "a@alfa.pl"),
        ("Beta S.A. 😀", "questionnaire", "b@beta.pl"),
        ("=Gamma+1", "questionnaire", "c@gamma.pl"),
        ("Delta", "questionnaire", ""),
        ("Epsilon", "questionnaire", ""),
    ]
    (rnd,) = repo.questionnaire_rounds(app)
    assert rnd.deadline == dt.date(2025, 3, 31) and rnd.folder == str(out.absolute())
    import hashlib

    assert messages[0].file_sha256 == hashlib.sha256((out / messages[0].file_name).read_bytes()).hexdigest()


def test_campaign_and_reminders_say_exactly_what_is_missing(sent, repo, definition, db_path, tmp_path):
    app, out, _lines = sent
    files = {m.member_name: out / m.file_name for m in repo.questionnaire_messages(app)}
    fill(files["Alfa sp. z o.o."], everything(definition))  # complete
    fill(files["Beta S.A. 😀"], {EMPLOYEES: 300})  # partial: figures missing
    fill(files["=Gamma+1"], {**everything(definition), EMPLOYEES: "dużo"})  # a wrong answer
    # Delta and Epsilon: silent (their files lie untouched in the folder)
    lines: list[str] = []
    assert run(["--db", str(db_path), "campaign", str(app)], lines.append) == 1
    assert lines[1] == (
        "Członków: 5 · wysłano: 5 · zwrócono: 3 · kompletne: 1 · niekompletne: 1 · z problemami: 1 · "
        "bez odpowiedzi: 2 · bez adresu e-mail: 2"
    )
    text = "\n".join(lines)
    assert f"KOMPLETNA: Alfa sp. z o.o. NIP {make_nip(1)} · a@alfa.pl · wysłano" in text
    assert "NIEKOMPLETNA: Beta S.A. 😀" in text and f"    brak odpowiedzi: „{SALES}”" in text
    assert "Z PROBLEMAMI: =Gamma+1" in text and "„dużo” nie jest liczbą" in text
    assert "BRAK ODPOWIEDZI: Delta" in text and "BEZ E-MAILA (adres e-mail „zły adres” jest niepoprawny)" in text

    lines.clear()
    remind = tmp_path / "przyp"
    assert (
        run(["--db", str(db_path), "reminders", str(app), str(remind), "--deadline", "07.04.2025"], lines.append) == 0
    )
    assert lines[0] == f"Przypomnienia: 4 w folderze {remind / 'przypomnienia'}; kompletne (bez przypomnienia): 1."
    emls = {parse(p)["To"] or p.name: parse(p) for p in (remind / "przypomnienia").iterdir()}
    assert "a@alfa.pl" not in emls  # complete: nothing
    beta = emls["b@beta.pl"]
    assert beta["Subject"].startswith("Przypomnienie: ankieta członka klastra")
    body = beta.get_body(("plain",)).get_content()
    assert f"- brak odpowiedzi: „{SALES}”" in body and "Termin odesłania: 07.04.2025." in body
    assert "brak odpowiedzi „tak” albo „nie” w pytaniu „Stosowane systemy zarządzania” przy: ERP" in body
    (att,) = list(beta.iter_attachments())
    annotated = load_workbook(remind / "do_poprawy" / att.get_filename())["Ankieta"]
    assert annotated["A6"].value.startswith("Do poprawy: brakujące odpowiedzi:")
    gamma = emls["c@gamma.pl"].get_body(("plain",)).get_content()
    assert "„dużo” nie jest liczbą" in gamma
    silent = next(m for k, m in emls.items() if make_nip(5) in k)
    assert "nie otrzymaliśmy jeszcze ankiety firmy Epsilon" in silent.get_body(("plain",)).get_content()
    (fresh,) = list(silent.iter_attachments())
    assert (remind / "ankiety" / fresh.get_filename()).exists()
    kinds = [(m.member_name, m.kind) for m in repo.questionnaire_messages(app) if m.kind == "reminder"]
    assert [k for k, _ in kinds] == ["Beta S.A. 😀", "=Gamma+1", "Delta", "Epsilon"]


def test_renewal_questionnaire_shows_the_earlier_applications_figures(repo, definition, tmp_path, db_path):
    earlier = round_doc(definition)
    earlier.rows("members")[0].data.update({"employees": 8, "sales_pln": Decimal("900000")})
    first = store(repo, earlier, "Klaster")
    renewal = repo.renew(first, {"members", "cluster", "meta", "contact"})
    lines: list[str] = []
    assert run(["--db", str(db_path), "questionnaires", str(renewal), str(tmp_path / "r")], lines.append) == 0
    wb = load_workbook(sorted((tmp_path / "r").iterdir())[0])
    ws = wb["Ankieta"]
    rows = {str(c.value).rstrip(" *"): c.row for c in ws["A"] if c.value}
    assert ws.cell(rows[SALES], 3).value == Decimal("900000") and ws.cell(rows[SALES], 2).value is None
    assert ws["C7"].value == "Poprzedni wniosek (2024)"
