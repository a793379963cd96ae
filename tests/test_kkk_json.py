"""The .kkk.json format: lossless round trip, every problem reported with its path, nothing changed on rejection."""

from __future__ import annotations

import json

import pytest

from export import kkk_json
from export.kkk_json import KkkFileError
from forms.demo import make_demo
from forms.loader import load_form


@pytest.fixture(scope="module")
def demo():
    return make_demo(load_form("kkk-2019"), members=60)


def test_round_trip_is_lossless(demo, tmp_path):
    path = tmp_path / "a.kkk.json"
    kkk_json.write(demo, path)
    back = kkk_json.read(path)
    assert back.canonical_json() == demo.canonical_json()
    assert back.files == demo.files
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "kkk-application" and data["format_version"] == 1 and data["form"] == "kkk-2019"
    assert data["checksum"] == demo.checksum()
    member = data["tables"]["members"][0]
    assert isinstance(member["sales_pln"], str) and "." in member["sales_pln"]
    assert all("content_base64" in row for row in data["tables"]["attachments"])
    # Writing the read file again gives the same bytes.
    path2 = tmp_path / "b.kkk.json"
    kkk_json.write(back, path2)
    assert path2.read_bytes() == path.read_bytes()


def test_kkk_2021_round_trip(tmp_path):
    doc = make_demo(load_form("kkk-2021"), members=55)
    path = tmp_path / "c.kkk.json"
    kkk_json.write(doc, path)
    assert kkk_json.read(path).canonical_json() == doc.canonical_json()


def _broken(demo, mutate):
    data = kkk_json.to_dict(demo)
    data.pop("checksum")
    mutate(data)
    with pytest.raises(KkkFileError) as info:
        kkk_json.from_dict(data, "x.kkk.json")
    return info.value.problems


def test_every_problem_is_reported_with_its_path(demo):
    def mutate(d):
        d["extra"] = 1
        d["values"]["cluster.colour"] = "red"
        d["values"]["meta.reference_year"] = "2024"
        d["values"]["cluster.established_on"] = "04.05.2015"
        d["tables"]["members"][2]["sales_pln"] = 12.5
        d["tables"]["members"][3]["type"] = "giant"
        d["tables"]["members"][4]["shoe_size"] = 42
        d["tables"]["hr.robots"] = []

    problems = _broken(demo, mutate)
    joined = "\n".join(problems)
    for expected in (
        "extra: nieznany klucz",
        "values.cluster.colour: nieznane pole",
        "values.meta.reference_year: oczekiwano liczby całkowitej",
        "values.cluster.established_on: „04.05.2015” nie jest datą",
        "tables.members[2].sales_pln",
        "tables.members[3].type: „giant” nie jest kodem z listy",
        "tables.members[4].shoe_size: nieznana kolumna",
        "tables.hr.robots: nieznana tabela",
    ):
        assert expected in joined
    assert len(problems) == 8


def test_unknown_round_and_format(demo):
    problems = _broken(demo, lambda d: d.update(form="kkk-1999"))
    assert "nieznana runda konkursu „kkk-1999”" in problems[-1]
    problems = _broken(demo, lambda d: d.update(format="other", format_version=7))
    assert any(p.startswith("format:") for p in problems)
    assert any(p.startswith("format_version:") for p in problems)


def test_changed_data_with_stale_checksum_is_refused(demo):
    data = kkk_json.to_dict(demo)
    data["values"]["cluster.name"] = "Podmieniona nazwa"
    with pytest.raises(KkkFileError, match="suma kontrolna"):
        kkk_json.from_dict(data)


def test_attachment_rows_must_carry_their_files(demo):
    data = kkk_json.to_dict(demo)
    data.pop("checksum")
    data["tables"]["attachments"][0]["content_base64"] = "aGVsbG8="  # "hello", not the file hashed
    with pytest.raises(KkkFileError, match=r"tables.attachments\[0\].content_base64: treść pliku nie zgadza się"):
        kkk_json.from_dict(data)
    data = kkk_json.to_dict(demo)
    data.pop("checksum")
    del data["tables"]["attachments"][2]["content_base64"]
    with pytest.raises(KkkFileError, match=r"tables.attachments\[2\].sha256: brak pliku załącznika"):
        kkk_json.from_dict(data)
    data["tables"]["attachments"][1]["content_base64"] = "!!not base64!!"
    with pytest.raises(KkkFileError, match=r"tables.attachments\[1\].content_base64"):
        kkk_json.from_dict(data)


def test_unreadable_files(tmp_path):
    bad = tmp_path / "bad.kkk.json"
    bad.write_text('{"format": "kkk-application",', encoding="utf-8")
    with pytest.raises(KkkFileError, match="bad.kkk.json: niepoprawny JSON w wierszu 1"):
        kkk_json.read(bad)
    binary = tmp_path / "bin.kkk.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(KkkFileError, match="UTF-8"):
        kkk_json.read(binary)
    with pytest.raises(KkkFileError, match="nie można odczytać"):
        kkk_json.read(tmp_path / "missing.kkk.json")
