"""The demo builder: the register, every table and every field of a form definition, filled from the content in
data/ (see forms/demo/__init__.py for what the demo promises)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from forms.demo import identifiers as ids
from forms.demo.content import content
from forms.demo.people import People
from forms.demo.register import Register, date_between, money
from forms.demo.tables import TableRows
from forms.document import Document
from forms.fmt import format_date, format_decimal
from forms.schema import FieldDef, FormDefinition, Rule, TableDef

DEMO_PROBLEM_FIELD = "policy.kis_justification"  # the required text left empty when problems=True


class _Demo(TableRows):
    def __init__(self, d: FormDefinition, rng: random.Random, today: dt.date, members: int, rows: int | None):
        self.d, self.rng, self.today, self.n_members, self.n_rows = d, rng, today, members, rows
        self.c = c = content()
        k = c.cluster
        self.ref = today.year - 1
        self.window = (dt.date(self.ref - 3, 1, 1), dt.date(self.ref, 12, 31))
        self.established = dt.date(
            today.year - rng.randint(*k["founded_years_ago"]), rng.randint(1, 12), rng.randint(1, 28)
        )
        self.cluster = k["name"]
        self.coordinator = k["coordinator"]["name"].format(cluster=self.cluster)
        home = k["home_voivodeship"] if k["home_voivodeship"] in self._codes("voivodeship") else None
        self.coord_city = c.city(k["home_city"]) if home or not self._codes("voivodeship") else c.cities[0]
        self.used_ids: set[str] = set()
        self.coord_ids = (
            ids.nip(rng, list(self.coord_city.tax_offices), self.used_ids),
            ids.regon(rng, self.coord_city.voivodeship, self.used_ids),
            ids.krs(rng, c.identifiers["krs"]["points"], self.established),
        )
        self.strategy_period = f"{self.ref - 1}–{self.ref + 2}"
        self.label_date = date_between(rng, dt.date(self.ref - 2, 1, 1), dt.date(self.ref, 11, 30))
        self.people = People(rng, c.people)
        self.director, self.contact = self.people.person(), self.people.person()
        self.doc = Document(d)
        self.members: list[dict[str, Any]] = []
        self.ctx: dict[str, Any] = {}
        self._pairs: dict[str, list[Any]] = {}

    # Helpers -------------------------------------------------------------------------------------------------
    def _codes(self, list_id: str | None) -> list[str]:
        return [c.code for c in self.d.lists.get(list_id or "", ())]

    def rule(self, kind: str, table: str) -> Rule | None:
        return next((r for r in self.d.rules if r.kind == kind and r.params.get("table") == table), None)

    def phone(self) -> str:
        r = self.rng
        return f"+48 {self.coord_city.phone} {r.randint(200, 899)} {r.randint(10, 99)} {r.randint(10, 99)}"

    def postcode(self) -> str:
        return f"{self.coord_city.postcode}-{self.rng.randint(0, 999):03d}"

    def cut(self, text: str, fdef: FieldDef) -> str:
        if fdef.max_length is not None and len(text) > fdef.max_length:
            return text[: fdef.max_length - 1].rstrip() + "…"
        return text

    def prose(self, key: str, limit: int | None, label: str = "", k: tuple[int, int] = (4, 6)) -> str:
        """Whole sentences of the field's text in data/prose.toml (the first always), in paragraphs when long."""
        pool = self.c.prose.get(key) or self.c.prose["*"]
        rest = pool[1:]
        picked = [pool[0]] + self.rng.sample(rest, min(len(rest), self.rng.randint(*k)))
        sentences = [s.format(**dict(self.ctx, label=label)) for s in picked]
        if len(sentences) > 3 and (limit is None or limit >= 1500):
            text = " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:])
            if limit is None or len(text) <= limit:
                return text
        out = ""
        for s in sentences:
            if limit is not None and len(f"{out} {s}".strip()) > limit:
                break
            out = f"{out} {s}".strip()
        return out or (sentences[0][: limit - 1].rsplit(" ", 1)[0] + "…" if limit else sentences[0])

    def kis_codes(self) -> list[str]:
        """The KIS of the round's list whose names hold the words of the data, in their order."""
        choices = self.d.lists.get("kis", ())
        chosen = [c.code for word in self.c.cluster["kis_words"] for c in choices if word.lower() in c.label.pl.lower()]
        return list(dict.fromkeys(chosen)) or [c.code for c in choices][:2]

    # The prose's figures -------------------------------------------------------------------------------------
    def context(self, counts: dict[str, int]) -> dict[str, Any]:
        ents = [m for m in self.members if m["type"] in self.d.enterprise_types]
        sales = sum((m.get("sales_pln", Decimal(0)) for m in ents), Decimal(0))
        export = sum((m.get("export_pln", Decimal(0)) for m in ents), Decimal(0))

        def pct(n: int | Decimal, den: int | Decimal) -> str:
            return format_decimal(Decimal(n) * 100 / Decimal(den), 1) if den else "0"

        region = (
            self.d.choice_label("voivodeship", self.coord_city.voivodeship) if "voivodeship" in self.d.lists else ""
        )
        return {
            "cluster": self.cluster,
            "short": self.c.cluster["short"],
            "coord": self.coordinator,
            "city_loc": self.coord_city.locative,
            "region_gen": region[:-2] + "iego" if region.endswith("ie") else region,
            "members": len(self.members),
            "enterprises": len(ents),
            "sme_share": pct(sum(1 for m in ents if m["type"] in self.d.sme_types), len(ents)),
            "ref": self.ref,
            "est_year": self.established.year,
            "window": f"{self.ref - 3}–{self.ref}",
            "n_intl": counts.get("econ.intl_projects", 0),
            "n_rd": counts.get("knowledge.rd_projects", 0),
            "n_voivodeships": len({m["voivodeship"] for m in self.members}),
            "sales_mln": format_decimal(sales / 1_000_000, 1),
            "export_intensity": pct(export, sales),
            "export_share": pct(sum(1 for m in ents if m["export_pln"] > 0), len(ents)),
            "mgmt_share": pct(sum(1 for m in ents if len(m["mgmt_systems"]) >= 2), len(ents)),
            "i40_share": pct(sum(1 for m in ents if m["industry40"]), len(ents)),
            "large": sum(1 for m in ents if m["type"] == "large"),
            "kis_labels": "; ".join(f"KIS {c} „{self.d.choice_label('kis', c)}”" for c in self.kis_codes()),
            "strategy_period": self.strategy_period,
            "staff_n": counts.get("hr.staff", 0),
            "staff_fte": "",
            "label_name": self.c.cluster["label"]["name"],
            "label_year": self.label_date.year,
            "satisfaction": self.rng.randint(*self.c.cluster["satisfaction"]),
            "finance_years": f"{self.ref - 2}–{self.ref}",
            "non_public_share": "",
        }

    # Tables --------------------------------------------------------------------------------------------------
    def row_count(self, table: TableDef) -> int:
        if table.key == "members":
            return self.n_members
        years = self.rule("consecutive_years", table.key)
        if years is not None:
            return int(years.params.get("count", 3))
        kinds = self.rule("attachment_kinds", table.key)
        size = self.c.activities["sizes"].get(table.key, [2, 6])
        if self.n_rows is not None:
            n = self.n_rows
        elif kinds is not None:
            n = len(kinds.params.get("required", ())) + 1
        elif size == "certificates":
            n = len(self.certificates())
        else:
            n = self.rng.randint(*size)
        if n or table.required:
            n = max(n, table.min_rows)
        return min(n, table.max_rows) if table.max_rows is not None else n

    def generic_cell(self, col: FieldDef, i: int, label: str) -> Any:
        """A plausible value for a column (or field) nothing above knows about: by its type and limits."""
        r, t, domain = self.rng, col.type, self.c.cluster["domain"]
        if t == "text":
            return self.cut(f"{col.label.pl} – {self.c.cluster['short']} {i + 1}", col)
        if t == "longtext":
            return self.prose("", col.max_length, label or col.label.pl, (1, 2))
        if t in ("int", "money", "decimal"):
            low = float(col.min) if col.min is not None else (1 if t == "int" else 10_000)
            high = float(col.max) if col.max is not None else max(low, 50 if t == "int" else 500_000)
            if t == "int":
                return r.randint(int(low), int(high))
            return money(r, low, high) if t == "money" else Decimal(str(round(r.uniform(low, high), 2)))
        if t == "year":
            return self.ref
        if t == "date":
            return self.past_date()
        if t == "bool":
            return True if col.must_be_true else r.random() < 0.7
        codes = self._codes(col.list)
        if t == "choice":
            good = [c for c in codes if c not in ("none", "other")] or codes
            return r.choice(good) if good else None
        if t == "multichoice":
            return r.sample(codes, min(len(codes), max(col.min_selected or 1, r.randint(1, 3)))) if codes else None
        return {
            "email": f"biuro@{domain}",
            "phone": self.phone(),
            "url": f"https://www.{domain}",
            "nip": ids.nip(r, list(self.coord_city.tax_offices), self.used_ids),
            "regon": ids.regon(r, self.coord_city.voivodeship, self.used_ids),
            "krs": ids.krs(r, self.c.identifiers["krs"]["points"], self.past_date()),
            "postcode": self.postcode(),
        }.get(t, f"{col.label.pl} {i + 1}")

    def fill_table(self, table: TableDef, n: int) -> None:
        maker = getattr(self, "row_" + table.key.replace(".", "_"), None)
        for i in range(n):
            data = maker(i) if maker is not None else {}
            for col in table.columns:
                if col.key not in data:
                    data[col.key] = self.generic_cell(col, i, f"{table.label.pl}: {col.label.pl}")
                elif isinstance(data[col.key], str):
                    data[col.key] = self.cut(data[col.key], col)
            self.doc.add_row(table.key, data)

    def row_members(self, i: int) -> dict[str, Any]:
        # every column of the register is set, None where a member has nothing (no NIP, no ISO norms, no KRS)
        data: dict[str, Any] = dict.fromkeys(c.key for c in self.d.table("members").columns)
        data.update({k: v for k, v in self.members[i].items() if not k.startswith("_")})
        return data

    # Fields --------------------------------------------------------------------------------------------------
    def known_values(self) -> dict[str, Any]:
        k, city = self.c.cluster, self.coord_city
        nip, regon, krs = self.coord_ids
        staff = self.doc.rows("hr.staff") if self.d.has_table("hr.staff") else []
        domain = k["domain"]
        return {
            "meta.application_type": k["application_type"],
            "meta.round": f"konkurs {self.d.round_year}",
            "meta.reference_year": self.ref,
            "cluster.name": self.cluster,
            "cluster.website": f"https://www.{domain}",
            "cluster.established_on": self.established,
            "cluster.agreement_ref": k["agreement"]["reference"].format(established=format_date(self.established)),
            "cluster.agreement_term": k["agreement"]["term"],
            "cluster.kis": self.kis_codes(),
            "cluster.operating_model": k["operating_model"],
            "cluster.voivodeship": city.voivodeship,
            "coordinator.name": self.coordinator,
            "coordinator.legal_form": k["coordinator"]["legal_form"],
            "coordinator.nip": nip,
            "coordinator.regon": regon,
            "coordinator.krs": krs,
            "coordinator.street": f"{self.rng.choice(self.c.places['streets'])} {self.rng.randint(2, 48)}",
            "coordinator.postcode": self.postcode(),
            "coordinator.city": city.name,
            "coordinator.email": f"biuro@{domain}",
            "coordinator.phone": self.phone(),
            "coordinator.website": f"https://www.{domain}",
            "contact.name": self.contact.full,
            "contact.position": staff[1].get("role") if len(staff) > 1 else k["coordinator"]["contact_position"],
            "contact.email": f"{ids.slug(self.contact.first)}.{ids.slug(self.contact.surname)}@{domain}",
            "contact.phone": f"+48 {self.rng.choice(k['mobile_prefixes'])} {self.rng.randint(100, 999)} "
            f"{self.rng.randint(100, 999)}",
            "hr.strategy_period": self.strategy_period,
            "hr.cluster_label": k["label"]["code"],
            "hr.cluster_label_date": self.label_date,
            "hr.satisfaction_survey": True,
            "signatory.name": self.director.full,
            "signatory.position": k["coordinator"]["signatory_position"],
            "signatory.place": city.name,
            "signatory.date": self.today,
        }

    def fill_fields(self) -> None:
        known = self.known_values()
        values: dict[str, Any] = {}
        for key, f in self.d.fields.items():
            if key in known and self._fits(f, known[key]):
                values[key] = known[key]
            elif f.type == "longtext":
                values[key] = self.prose(key, f.max_length, f.label.pl)
            else:
                values[key] = self.generic_cell(f, 0, f.label.pl)
            if isinstance(values[key], str):
                values[key] = self.cut(values[key], f)
        for key, f in self.d.fields.items():
            if f.applies_if is not None and not f.applies_if.holds(values.get(f.applies_if.key)):
                continue  # not asked in this application
            self.doc.set(key, values[key])

    def _fits(self, f: FieldDef, value: Any) -> bool:
        """A catalogue value fits the field of this definition (its code is in the list)."""
        codes = self._codes(f.list) if f.list else None
        if codes is None:
            return True
        values = value if isinstance(value, (list, tuple)) else [value]
        return bool(values) and all(v in codes for v in values)

    # The three deliberate problems ---------------------------------------------------------------------------
    def add_problems(self) -> None:
        rows = self.doc.rows("members")
        ents = [i for i, row in enumerate(rows) if row.get("type") in self.d.enterprise_types and row.get("nip")]
        rule = next((r for r in self.d.rules if r.kind == "column_le" and r.params.get("table") == "members"), None)
        col, other = (rule.params["column"], rule.params["other"]) if rule else ("export_pln", "sales_pln")
        exporters = [i for i in ents[1:] if (rows[i].get(col) or 0) > 0]
        chosen = self.rng.choice(exporters) if exporters else None
        if chosen is not None:  # (2) a typing slip: one zero too many in the export figure
            wrong = rows[chosen].get(col) * 10
            rows[chosen].data[col] = wrong if wrong > rows[chosen].get(other) else rows[chosen].get(other) * 2
        candidates = [i for i in ents[1:] if i != chosen]
        if candidates:  # (1) a NIP with a wrong check digit
            i = self.rng.choice(candidates)
            nip = rows[i].get("nip")
            rows[i].data["nip"] = nip[:-1] + str((int(nip[-1]) + 1) % 10)
        key = (
            DEMO_PROBLEM_FIELD
            if self.d.has_field(DEMO_PROBLEM_FIELD)
            else next((k for k, f in reversed(self.d.fields.items()) if f.required and f.type == "longtext"), None)
        )
        if key is not None:  # (3) a required text not written yet
            self.doc.set(key, None)

    def build(self, problems: bool) -> Document:
        register = Register(
            self.d,
            self.rng,
            self.c,
            self.people,
            self.coord_city,
            self.established,
            min(self.today, self.window[1]),
            self.used_ids,
        )
        self.members = register.build(self.n_members, recent=dt.date(self.ref - 1, 1, 1))
        counts = {t.key: self.row_count(t) for t in self.d.tables.values()}
        self.ctx = self.context(counts)
        for table in self.d.tables.values():
            self.fill_table(table, counts[table.key])
        for key, column in self.c.activities["order"].items():
            if self.d.has_table(key) and self.d.table(key).has_column(column):
                self.doc.rows(key).sort(key=lambda row, col=column: row.get(col) or dt.date.min)
        staff = self.doc.rows("hr.staff") if self.d.has_table("hr.staff") else []
        fte = sum((row.get("fte") or Decimal(0) for row in staff), Decimal(0))
        self.ctx["staff_fte"] = format_decimal(fte.normalize()) if staff else "1"
        finance = self.doc.rows("infra.finance") if self.d.has_table("infra.finance") else []
        budget = sum((row.get("cluster_budget_pln") or 0 for row in finance), Decimal(0))
        non_public = sum((row.get("non_public_pln") or 0 for row in finance), Decimal(0))
        self.ctx["non_public_share"] = format_decimal(non_public * 100 / budget, 1) if budget else "40"
        self.fill_fields()
        if problems:
            self.add_problems()
        return self.doc


def make_demo(
    definition: FormDefinition,
    members: int = 80,
    rows: int | None = None,
    seed: int = 2025,
    today: dt.date | None = None,
    problems: bool = True,
) -> Document:
    """A demo application for `definition`: `members` register rows; every other table gets `rows` rows
    (clamped to the table's `min_rows`/`max_rows`; by default the sizes of data/activities.toml, attachments the
    required ones and one more, finance the years its rule asks); with `problems` exactly three errors to find and
    fix. Deterministic for the same arguments."""
    today = today or dt.date.today()
    return _Demo(definition, random.Random(seed), today, members, rows).build(problems)
