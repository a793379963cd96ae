"""A demo application: a fictional but realistic Polish cluster, generated from a form definition.

`make_demo(definition)` fills every field and every table of the definition: the well-known keys of the KKK
catalogue get content written for them (Polish prose, realistic names, valid NIP/REGON/KRS), anything else falls
back to a plausible value of its type, so a new round's file needs no change here. Deterministic: the same
arguments give the same document (`random.Random(seed)`, the date only through `today`).

With `problems=True` the application carries exactly three errors a user finds with the check and fixes easily:
a member's NIP with a wrong check digit, a member whose export exceeds its sales, and an empty required text
(`policy.kis_justification`). With `problems=False` the check finds no errors.

Pure Python: no Qt, no database. The cluster, its members and people are invented; any likeness is accidental.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from stdnum.pl import regon as std_regon

from forms.document import Document
from forms.fmt import format_date, format_decimal
from forms.schema import FieldDef, FormDefinition, Rule, TableDef

__all__ = ["make_demo", "seeded_nip", "DEMO_PROBLEM_FIELD"]

CLUSTER = "Klaster Innowacyjnej Obróbki Metali «Dolina Stali»"
SHORT = "Dolina Stali"
DOMAIN = "dolinastali-klaster.pl"
DEMO_PROBLEM_FIELD = "policy.kis_justification"  # the required text left empty when problems=True
NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
CENT = Decimal("0.01")

# Member types: share of the register, employees range; KKK-like rates for enterprises.
TYPE_SHARES = {
    "micro": 0.22,
    "small": 0.25,
    "medium": 0.17,
    "large": 0.08,
    "research": 0.04,
    "university": 0.05,
    "ibe": 0.07,
    "public": 0.04,
    "ngo": 0.05,
    "other": 0.03,
}
EMPLOYEES = {
    "micro": (1, 9),
    "small": (10, 49),
    "medium": (50, 249),
    "large": (250, 2400),
    "research": (40, 400),
    "university": (600, 4000),
    "ibe": (5, 60),
    "public": (20, 300),
    "ngo": (1, 15),
    "other": (2, 40),
}
SIZE_WEIGHT = {"micro": 0.5, "small": 1.0, "medium": 2.0, "large": 4.0}
RATES = {"export": 0.40, "mgmt": 0.29, "i40": 0.27, "iso": 0.32, "rd": 0.35, "startup": 0.07}

HOME = "26"


def nip_check_digit(body: str) -> int:
    """The check digit of the first nine digits of a NIP; 10 means no valid NIP starts so."""
    return sum(w * int(c) for w, c in zip(NIP_WEIGHTS, body, strict=True)) % 11


def seeded_nip(seed: int) -> str:
    """A valid NIP, a different one for every seed (tests and benchmarks number their members with it)."""
    base = 100_000_000 + seed * 7
    while (check := nip_check_digit(f"{base:09d}")) == 10:
        base += 1
    return f"{base:09d}{check}"


def _date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _money(rng: random.Random, low: float, high: float) -> Decimal:
    return Decimal(rng.randint(int(low * 100), int(high * 100))) * CENT


def _fit(sentences: list[str], limit: int | None, sep: str = " ") -> str:
    """Join whole sentences while they fit the limit (at least a cut first sentence)."""
    out = ""
    for s in sentences:
        candidate = f"{out}{sep}{s}" if out else s
        if limit is not None and len(candidate) > limit:
            break
        out = candidate
    if not out and sentences:
        out = sentences[0][: limit - 1].rsplit(" ", 1)[0] + "…" if limit else sentences[0]
    return out


def _slug(text: str) -> str:
    table = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
    text = text.translate(table).lower()
    return "".join(c if c.isalnum() else "-" for c in text).strip("-").replace("--", "-")


def _feminine(surname: str) -> str:
    for end in ("ski", "cki", "dzki"):
        if surname.endswith(end):
            return surname[:-1] + "a"
    return surname


class _Demo:
    def __init__(self, d: FormDefinition, rng: random.Random, today: dt.date, members: int, rows: int | None):
        self.d, self.rng, self.today, self.n_members, self.n_rows = d, rng, today, members, rows
        self.ref = today.year - 1
        self.window = (dt.date(self.ref - 3, 1, 1), dt.date(self.ref, 12, 31))
        self.established = dt.date(today.year - rng.randint(8, 11), rng.randint(1, 12), rng.randint(1, 28))
        self.home = HOME if HOME in self._codes("voivodeship") else (self._codes("voivodeship") or [HOME])[0]
        self.used_ids: set[str] = set()
        self.used_names: set[str] = set()
        self.members: list[dict[str, Any]] = []
        self.people_used: set[str] = set()
        self.doc = Document(d)
        self.coordinator = f"Stowarzyszenie {CLUSTER}"
        self.coord_city = CITIES[HOME][0] if self.home == HOME else self.city(self.home)
        self.coord_ids = (self.nip(), self.regon(), self.krs())
        self.strategy_period = f"{self.ref - 1}–{self.ref + 2}"
        self.label_date = _date_between(rng, dt.date(self.ref - 2, 1, 1), dt.date(self.ref, 11, 30))
        self.director, self.contact = self.person(), self.person()
        self.ctx: dict[str, Any] = {}
        self._combos: dict[str, list[str]] = {}
        self.used_brands: set[str] = set()

    # Helpers -------------------------------------------------------------------------------------------------
    def _codes(self, list_id: str | None) -> list[str]:
        return [c.code for c in self.d.lists.get(list_id or "", ())]

    def _member_list(self, column: str) -> str | None:
        return self.d.table("members").column(column).list if self.d.table("members").has_column(column) else None

    def nip(self) -> str:
        while True:
            body = f"{self.rng.randint(1, 9)}{self.rng.randint(0, 99_999_999):08d}"
            check = nip_check_digit(body)
            if check != 10 and body + str(check) not in self.used_ids:
                self.used_ids.add(body + str(check))
                return body + str(check)

    def regon(self) -> str:
        while True:
            body = f"{self.rng.randrange(1, 99, 2):02d}{self.rng.randint(0, 999_999):06d}"
            number = body + std_regon.calc_check_digit(body)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def krs(self) -> str:
        return f"0000{self.rng.randint(100_000, 999_999):06d}"

    def city(self, voiv: str) -> tuple[str, str, str, str]:
        return self.rng.choice(CITIES.get(voiv, CITIES[HOME]))

    def postcode(self, prefix: str | None = None) -> str:
        return f"{prefix or self.rng.randint(10, 99)}-{self.rng.randint(0, 999):03d}"

    def phone(self, area: str = "41") -> str:
        r = self.rng
        return f"+48 {area} {r.randint(200, 899)} {r.randint(10, 99)} {r.randint(10, 99)}"

    def person(self) -> tuple[str, str, str]:
        """(full name, first name, surname), each person once."""
        while True:
            female = self.rng.random() < 0.5
            first = self.rng.choice(FEMALE if female else MALE)
            surname = self.rng.choice(SURNAMES)
            surname = _feminine(surname) if female else surname
            full = f"{first} {surname}"
            if full not in self.people_used or len(self.people_used) > 1500:
                self.people_used.add(full)
                return full, first, surname

    def prose(self, key: str, limit: int | None, label: str = "", k: tuple[int, int] = (4, 6)) -> str:
        pool = PROSE.get(key) or PROSE["*"]
        rest = pool[1:]
        picked = [pool[0]] + self.rng.sample(rest, min(len(rest), self.rng.randint(*k)))
        ctx = dict(self.ctx, label=label)
        sentences = [s.format(**ctx) for s in picked]
        if len(sentences) > 3 and (limit is None or limit >= 1500):
            text = " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:])
            if limit is None or len(text) <= limit:
                return text
        return _fit(sentences, limit)

    def some_members(self, low: int, high: int, types: tuple[str, ...] | None = None) -> list[str]:
        pool = [m["name"] for m in self.members if types is None or m.get("type") in types] or [CLUSTER]
        return self.rng.sample(pool, min(len(pool), self.rng.randint(low, high)))

    def cut(self, text: str, fdef: FieldDef) -> str:
        if fdef.max_length is not None and len(text) > fdef.max_length:
            return text[: fdef.max_length - 1].rstrip() + "…"
        return text

    def nth(self, pool: list[Any], i: int, suffix: str = " ({})") -> tuple[Any, str]:
        """The i-th item of a pool, cycling; the suffix tells repeated cycles apart ("", " (2)", ...)."""
        return pool[i % len(pool)], ("" if i < len(pool) else suffix.format(i // len(pool) + 1))

    def brand(self) -> str:
        """An invented company brand, each used once while the combinations last."""
        for _ in range(40):
            b = self.rng.choice(BRAND_HEADS) + self.rng.choice(BRAND_TAILS)
            if b not in self.used_brands:
                break
        self.used_brands.add(b)
        return b

    # Members -------------------------------------------------------------------------------------------------
    def member_name(self, mtype: str, city: str, city_loc: str) -> tuple[str, str]:
        r = self.rng
        for attempt in range(30):
            s = r.choice(SURNAMES)
            brand = self.brand()
            if mtype == "micro":
                first = r.choice(MALE + FEMALE)
                sur = _feminine(s) if first in FEMALE else s
                name, dom = r.choice(
                    [
                        (f"PPHU {brand} {first} {sur}", brand),
                        (f"{r.choice(TRADES)} {first} {sur}", f"{first}-{sur}"),
                        (f"{brand} s.c. {s}, {r.choice(SURNAMES)}", brand),
                    ]
                )
            elif mtype == "small":
                trade = r.choice(TRADES)
                name, dom = r.choice(
                    [
                        (f"{trade} {s} sp. z o.o.", "".join(w[0] for w in trade.split()) + "-" + s),
                        (f"{brand} sp. z o.o.", brand),
                        (f"{brand} {s} i Wspólnicy sp.j.", f"{brand}-{s}"),
                    ]
                )
            elif mtype == "medium":
                name, dom = r.choice(
                    [
                        (f"{brand} sp. z o.o.", brand),
                        (f"{r.choice(TRADES)} {brand} sp. z o.o. sp.k.", brand),
                        (f"{brand} Polska sp. z o.o.", f"{brand}-polska"),
                    ]
                )
            elif mtype == "large":
                trade_l = r.choice(LARGE_TRADES)
                name, dom = r.choice(
                    [
                        (f"{trade_l} {brand} S.A.", brand),
                        (f"{brand} Group S.A.", f"{brand}-group"),
                        (f"{trade_l} «{city}» S.A.", f"{trade_l}-{city}"),
                    ]
                )
            elif mtype == "university":
                base = r.choice(UNIS)
                name, dom = f"{base} w {city_loc}", "".join(w[0] for w in base.split()) + "-" + city + ".edu"
            elif mtype == "research":
                base = r.choice(INSTITUTES)
                name = base if attempt == 0 else f"{base} – Oddział w {city_loc}"
                dom = "".join(w[0] for w in base.split())
            elif mtype == "ibe":
                base = r.choice(IBES)
                name, dom = (base if attempt == 0 else f"{base} – {city}"), "".join(w[0] for w in base.split()) + city
            elif mtype == "public":
                base = r.choice(PUBLICS)
                name, dom = f"{base} w {city_loc}", "".join(w[0] for w in base.split()) + "-" + city
            elif mtype == "ngo":
                base = r.choice(NGOS)
                name, dom = (
                    (base if attempt == 0 else f"{base} – Oddział {city}"),
                    "".join(w[0] for w in base.split() if w[0].isalpha()),
                )
            else:
                tmpl = r.choice(OTHERS)
                name = tmpl.format(s=s) if "{s}" in tmpl else f"{tmpl} w {city_loc}"
                dom = _slug(name.split(" w ")[0])[:24]
            if name not in self.used_names:
                break
        else:
            name, dom = f"{name} – {city} {len(self.used_names) + 1}", dom
        self.used_names.add(name)
        return name, _slug(dom)[:40] + ".pl"

    def type_counts(self, n: int) -> list[str]:
        codes = [c for c in self._codes(self._member_list("type")) if c in TYPE_SHARES] or ["small"]
        shares = {c: TYPE_SHARES[c] for c in codes}
        total = sum(shares.values())
        exact = {c: n * s / total for c, s in shares.items()}
        counts = {c: int(v) for c, v in exact.items()}
        for c in sorted(codes, key=lambda c: exact[c] - counts[c], reverse=True)[: n - sum(counts.values())]:
            counts[c] += 1
        return [c for c in codes for _ in range(counts[c])]

    def pick_weighted(self, candidates: list[dict[str, Any]], rate: float, weight) -> set[int]:
        """Exactly about `rate` of the candidates (with a small seeded jitter), favouring heavier ones."""
        k = round(len(candidates) * max(0.0, rate + self.rng.uniform(-0.03, 0.03)))
        keyed = sorted(candidates, key=lambda m: self.rng.random() ** (1 / weight(m)), reverse=True)
        return {id(m) for m in keyed[:k]}

    def make_members(self) -> list[dict[str, Any]]:
        r = self.rng
        d = self.d
        ent_types = set(d.enterprise_types)
        types = self.type_counts(self.n_members)
        r.shuffle(types)
        if "large" in types:  # the anchor company opens the register
            types.insert(0, types.pop(types.index("large")))
        elif any(t in ent_types for t in types):
            types.insert(0, types.pop(next(i for i, t in enumerate(types) if t in ent_types)))
        voivs = self._codes(self._member_list("voivodeship")) or [self.home]
        founders = max(1, round(len(types) * 0.25))
        end_join = min(self.today, self.window[1])
        members = []
        for i, mtype in enumerate(types):
            voiv = (
                self.home if (r.random() < 0.55 or self.home not in voivs) and self.home in voivs else r.choice(voivs)
            )
            city, city_loc, _, _ = self.city(voiv)
            name, domain = self.member_name(mtype, city, city_loc)
            low, high = EMPLOYEES.get(mtype, (5, 50))
            employees = int(round(low * (high / low) ** r.random()))
            m: dict[str, Any] = {
                "name": name,
                "type": mtype,
                "voivodeship": voiv,
                "employees": employees,
                "joined_on": self.established if i < founders else _date_between(r, self.established, end_join),
                "regon": self.regon(),
                "contact_email": f"{r.choice(['biuro', 'kontakt', 'sekretariat'])}@{domain}",
            }
            enterprise = mtype in ent_types
            if enterprise or r.random() < 0.8:
                m["nip"] = self.nip()
            if enterprise:
                m["sales_pln"] = _money(r, employees * 180_000, employees * 520_000)
                m["export_pln"] = Decimal("0.00")
            m["rd"] = mtype in ("research", "university") or (mtype == "ibe" and r.random() < 0.3)
            m["iso"] = mtype in ("research", "university") and r.random() < 0.5
            m["startup"] = False
            m["mgmt_systems"] = []
            m["industry40"] = []
            members.append(m)
        ents = [m for m in members if m["type"] in ent_types]
        weight = lambda m: SIZE_WEIGHT.get(m["type"], 1.0)  # noqa: E731
        exporters = self.pick_weighted(ents, RATES["export"], weight)
        mgmt2 = self.pick_weighted(ents, RATES["mgmt"], weight)
        i40 = self.pick_weighted(ents, RATES["i40"], weight)
        iso = self.pick_weighted(ents, RATES["iso"], weight)
        rd = self.pick_weighted(ents, RATES["rd"], weight)
        young = [m for m in ents if m["type"] in ("micro", "small")]
        startups = self.pick_weighted(young, RATES["startup"] * len(ents) / max(1, len(young)), lambda m: 1.0)
        mgmt_codes = self._codes(self._member_list("mgmt_systems"))
        i40_codes = self._codes(self._member_list("industry40"))
        for m in ents:
            mid = id(m)
            if mid in exporters:
                share = r.uniform(0.05, 0.75 if m["type"] in ("medium", "large") else 0.5)
                m["export_pln"] = (m["sales_pln"] * Decimal(str(round(share, 4)))).quantize(CENT)
            if mgmt_codes:
                if mid in mgmt2:
                    m["mgmt_systems"] = r.sample(mgmt_codes, min(len(mgmt_codes), r.randint(2, 4)))
                elif r.random() < 0.5:
                    m["mgmt_systems"] = [r.choice(mgmt_codes[:3] if len(mgmt_codes) >= 3 else mgmt_codes)]
            if i40_codes and mid in i40:
                m["industry40"] = r.sample(i40_codes, min(len(i40_codes), r.randint(1, 3)))
            m["iso"], m["rd"] = mid in iso, mid in rd
            if mid in startups:
                m["startup"] = True
                m["name"], domain = self._startup_name(m["name"])
                m["contact_email"] = f"hello@{domain}"
                m["joined_on"] = _date_between(r, max(self.established, dt.date(self.ref - 1, 1, 1)), end_join)
                m["rd"] = True
        for m in members:
            if m["type"] not in ent_types and mgmt_codes and r.random() < 0.6:
                m["mgmt_systems"] = r.sample(mgmt_codes, r.randint(1, 2))
            if m["iso"]:
                norms = ["ISO 9001:2015"] + r.sample(NORMS[1:], r.randint(0, 2))
                m["iso_norms"] = ", ".join(norms)
        first = members[:1]
        rest = sorted(members[1:], key=lambda m: (m["joined_on"], m["name"]))
        self.members = first + rest
        return self.members

    def _startup_name(self, old: str) -> tuple[str, str]:
        self.used_names.discard(old)
        for _ in range(50):
            brand = self.rng.choice(STARTUP_BRANDS)
            name = f"{brand} {self.rng.choice(['sp. z o.o.', 'P.S.A.', 'Technologies sp. z o.o.'])}"
            if name not in self.used_names:
                break
        else:
            name = f"{name} {len(self.used_names)}"
        self.used_names.add(name)
        return name, _slug(brand) + ".pl"

    # Context for the prose -----------------------------------------------------------------------------------
    def context(self, counts: dict[str, int]) -> dict[str, Any]:
        ents = [m for m in self.members if m["type"] in self.d.enterprise_types]
        sales = sum((m.get("sales_pln", Decimal(0)) for m in ents), Decimal(0))
        export = sum((m.get("export_pln", Decimal(0)) for m in ents), Decimal(0))

        def pct(n: int | Decimal, den: int | Decimal) -> str:
            return format_decimal(Decimal(n) * 100 / Decimal(den), 1) if den else "0"

        kis = self.kis_codes()
        region = self.d.choice_label("voivodeship", self.home) if "voivodeship" in self.d.lists else "świętokrzyskie"
        return {
            "cluster": CLUSTER,
            "short": SHORT,
            "coord": self.coordinator,
            "city_loc": self.coord_city[1],
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
            "kis_labels": "; ".join(f"KIS {c} „{self.d.choice_label('kis', c)}”" for c in kis),
            "strategy_period": self.strategy_period,
            "staff_n": counts.get("hr.staff", 0),
            "staff_fte": "",
            "label_name": "Bronze Label",
            "label_year": self.label_date.year,
            "satisfaction": self.rng.randint(84, 96),
            "finance_years": f"{self.ref - 2}–{self.ref}",
            "non_public_share": "",
        }

    def kis_codes(self) -> list[str]:
        codes = self._codes("kis")
        chosen = [c for c in ("8", "11", "7") if c in codes]
        return chosen or codes[:2]

    # Tables --------------------------------------------------------------------------------------------------
    def rule(self, kind: str, table: str) -> Rule | None:
        return next((r for r in self.d.rules if r.kind == kind and r.params.get("table") == table), None)

    def row_count(self, table: TableDef) -> int:
        if table.key == "members":
            return self.n_members
        years = self.rule("consecutive_years", table.key)
        if years is not None:
            return int(years.params.get("count", 3))
        if self.n_rows is not None:
            n = self.n_rows
        else:
            n = 4 if self.rule("attachment_kinds", table.key) else self.rng.randint(2, 6)
        kinds = self.rule("attachment_kinds", table.key)
        if kinds is not None:
            n = max(n, len(kinds.params.get("required", ())))
        if n or table.required:
            n = max(n, table.min_rows)
        return min(n, table.max_rows) if table.max_rows is not None else n

    def dates(self, years: tuple[int, int] = (1, 3)) -> tuple[dt.date, dt.date]:
        start = _date_between(self.rng, self.window[0], self.window[1])
        months = self.rng.randint(12 * years[0], 12 * years[1])
        end = start + dt.timedelta(days=int(months * 30.4))
        return start, end

    def combos(self, key: str, a: list[str], b: list[str]) -> list[str]:
        if key not in self._combos:
            pairs = [f"{x} – {y}" for x in a for y in b]
            self.rng.shuffle(pairs)
            self._combos[key] = pairs
        return self._combos[key]

    def row_hr_staff(self, i: int) -> dict[str, Any]:
        role, fte = self.nth(STAFF_ROLES, i)[0]
        name = self.director[0] if i == 0 else self.contact[0] if i == 1 else self.person()[0]
        return {
            "name": name,
            "role": role,
            "fte": Decimal(fte),
            "years_experience": self.rng.randint(8, 14) if i == 0 else self.rng.randint(2, 10),
            "qualifications": " ".join(self.rng.sample(QUALIFICATIONS, 2)),
        }

    def row_hr_bodies(self, i: int) -> dict[str, Any]:
        chair = self.director[0] if i == 1 else self.person()[0]
        if i >= len(BODIES):
            topic, suffix = self.nth(GROUP_TOPICS, i - len(BODIES))
            return {
                "name": f"Grupa robocza ds. {topic}{suffix}",
                "composition": f"Przedstawiciele zainteresowanych członków; lider: {chair}.",
                "competences": f"Wymiana doświadczeń, wspólne projekty i rekomendacje dla Rady Klastra ({topic}).",
            }
        (name, composition, competences), suffix = self.nth(BODIES, i)
        return {
            "name": name + suffix,
            "composition": composition.format(chair=chair, members=len(self.members)),
            "competences": competences,
        }

    def row_infra_coordinator_assets(self, i: int) -> dict[str, Any]:
        (name, kind, description, low, high), suffix = self.nth(ASSETS, i, " – egzemplarz {}")
        return {
            "name": name + suffix,
            "kind": kind,
            "description": description,
            "value_pln": _money(self.rng, low, high),
        }

    def row_infra_shared_assets(self, i: int) -> dict[str, Any]:
        (name, terms), suffix = self.nth(SHARED, i, " – zestaw {}")
        provider = self.some_members(1, 1, ("medium", "large", "university", "research"))[0]
        return {"provider": provider, "name": name + suffix, "access_terms": terms}

    def row_infra_finance(self, i: int) -> dict[str, Any]:
        r = self.rng
        year = self.ref - 2 + i
        budget = _money(r, 900_000, 1_600_000) * (1 + Decimal(i) / 10)
        revenue = (budget * Decimal(str(round(r.uniform(1.15, 1.45), 3)))).quantize(CENT)
        non_public = (budget * Decimal(str(round(r.uniform(0.38, 0.55), 3)))).quantize(CENT)
        return {
            "year": year,
            "revenue_pln": revenue,
            "net_result_pln": _money(r, -15_000, 60_000),
            "own_funds_pln": _money(r, 350_000, 420_000) + 60_000 * i,
            "cluster_budget_pln": budget.quantize(CENT),
            "non_public_pln": non_public,
        }

    def row_econ_intl_projects(self, i: int) -> dict[str, Any]:
        title = self.nth(self.combos("intl", INTL_ACRONYMS, INTL_TOPICS), i)[0]
        start, end = self.dates((1, 3))
        return {
            "title": title,
            "programme": self.rng.choice(PROGRAMMES),
            "countries": ", ".join(self.rng.sample(COUNTRIES, self.rng.randint(2, 4))),
            "members": "; ".join(self.some_members(2, 5)),
            "start": start,
            "end": end,
            "budget_pln": _money(self.rng, 400_000, 6_000_000),
            "results": " ".join(self.rng.sample(INTL_RESULTS, 2)),
        }

    def row_knowledge_rd_projects(self, i: int) -> dict[str, Any]:
        title = self.nth(self.combos("rd", RD_SUBJECTS, RD_APPLICATIONS), i)[0]
        start, end = self.dates((1, 3))
        science = self.some_members(1, 1, ("university", "research"))[0]
        return {
            "title": title,
            "partners": "; ".join(self.some_members(2, 4, tuple(self.d.enterprise_types))),
            "science_partner": science,
            "funding": self.rng.choice(RD_FUNDING),
            "start": start,
            "end": end,
            "budget_pln": _money(self.rng, 800_000, 12_000_000),
            "results": " ".join(self.rng.sample(RD_RESULTS, 2)),
        }

    def row_knowledge_ip(self, i: int) -> dict[str, Any]:
        kinds = self._codes(self.d.table("knowledge.ip").column("kind").list) or ["patent"]
        kind = kinds[i % len(kinds)]
        title = self.nth(IP_TITLES.get(kind, IP_TITLES["patent"]), i // len(kinds))[0]
        prefix, office = IP_NUMBERS.get(kind, ("P.", "Urząd Patentowy RP"))
        eu = kind == "trademark" and self.rng.random() < 0.3
        return {
            "kind": kind,
            "title": title,
            "number": f"{self.rng.randint(18_000_000, 19_999_999)}"
            if eu
            else f"{prefix}{self.rng.randint(10_000, 449_999)}",
            "office": "Urząd Unii Europejskiej ds. Własności Intelektualnej (EUIPO)" if eu else office,
            "owner": self.some_members(1, 1, ("micro", "small", "medium", "large", "university", "research"))[0],
            "granted_on": _date_between(self.rng, dt.date(self.ref - 7, 1, 1), min(self.today, self.window[1])),
        }

    def row_customer_events(self, i: int) -> dict[str, Any]:
        (name, kind, country), _ = self.nth(EVENTS, i)
        date = _date_between(self.rng, self.window[0], min(self.window[1], self.today))
        role = (
            "organiser" if kind == "cluster" and country == "Polska" else self.rng.choice(["exhibitor", "participant"])
        )
        return {
            "name": f"{name} {date.year}",
            "kind": kind,
            "country": country,
            "date": date,
            "role": role,
            "members_count": self.rng.randint(2, 15),
        }

    def row_customer_services(self, i: int) -> dict[str, Any]:
        (name, category, paid, description), suffix = self.nth(SERVICES, i, " – edycja {}")
        return {
            "name": name + suffix,
            "category": category,
            "paid": paid,
            "description": description,
            "members_served": self.rng.randint(max(1, len(self.members) // 10), max(2, len(self.members))),
        }

    def row_customer_joint_products(self, i: int) -> dict[str, Any]:
        (name, description), suffix = self.nth(PRODUCTS, i, " – wariant {}")
        return {
            "name": name.format(short=SHORT) + suffix,
            "members": "; ".join(self.some_members(2, 4)),
            "launched_on": _date_between(self.rng, self.window[0], min(self.window[1], self.today)),
            "description": description,
        }

    def row_customer_missions(self, i: int) -> dict[str, Any]:
        (name, country), _ = self.nth(MISSIONS, i)
        date = _date_between(self.rng, self.window[0], min(self.window[1], self.today))
        return {
            "name": f"{name} ({date.year})",
            "country": country,
            "date": date,
            "members_count": self.rng.randint(3, 12),
            "outcome": " ".join(self.rng.sample(MISSION_OUTCOMES, 2)),
        }

    def row_customer_certifications(self, i: int) -> dict[str, Any]:
        holders = [m for m in self.members if m.get("iso_norms")] or self.members or [{"name": CLUSTER}]
        holder = holders[i % len(holders)]
        norms = (holder.get("iso_norms") or "ISO 9001:2015").split(", ")
        standard = norms[(i // len(holders)) % len(norms)]
        code = _slug(standard.split(":")[0]).upper().replace("-", "")
        return {
            "standard": standard,
            "holder": holder["name"],
            "number": f"PL-{code}-{self.rng.randint(1000, 99_999)}",
            "valid_until": self.today + dt.timedelta(days=self.rng.randint(120, 1000)),
        }

    def row_policy_dual_education(self, i: int) -> dict[str, Any]:
        (school, level, description), suffix = self.nth(SCHOOLS, i, " – klasa patronacka {}")
        city, city_loc, _, _ = self.city(self.home)
        return {
            "school": school.format(city_loc=city_loc) + suffix,
            "level": level,
            "members": "; ".join(self.some_members(1, 4, tuple(self.d.enterprise_types))),
            "students": self.rng.randint(8, 60),
            "description": description,
        }

    def row_policy_startup_cooperation(self, i: int) -> dict[str, Any]:
        startups = [m["name"] for m in self.members if m.get("startup")] or STARTUP_BRANDS
        large = [m["name"] for m in self.members if m["type"] == "large"] or ["Zakłady Metalowe Dolmet S.A."]
        (subject, evidence), _ = self.nth(STARTUP_COOP, i)
        date = _date_between(self.rng, self.window[0], min(self.window[1], self.today))
        return {
            "startup": startups[i % len(startups)],
            "large_enterprise": self.rng.choice(large),
            "subject": subject,
            "date": date,
            "evidence": evidence.format(date=format_date(date)),
        }

    def row_attachments(self, i: int) -> dict[str, Any]:
        rule = self.rule("attachment_kinds", "attachments")
        required = list(rule.params.get("required", ())) if rule else ["agreement", "strategy", "financials"]
        codes = self._codes(self.d.table("attachments").column("kind").list) or ["other"]
        other = "other" if "other" in codes else codes[-1]
        if i < len(required):
            kind = required[i]
            title, file_name = ATTACHMENTS.get(kind, (f"Dokument: {kind}", f"{kind}.pdf"))
        elif i == len(required):
            kind, (title, file_name) = other, ATTACHMENTS["other"]
        else:
            kind = other
            member = self.members[(i - len(required) - 1) % len(self.members)]["name"] if self.members else CLUSTER
            title, file_name = f"Deklaracja przystąpienia do klastra – {member}", f"deklaracja_{i:03d}.pdf"
        ctx = dict(self.ctx, ref_2=self.ref - 2, ref=self.ref)
        title, file_name = title.format(**ctx), file_name.format(**ctx)
        content = (
            "%PDF-1.4\n%âãÏÓ\n"
            f"% {title}\n% {CLUSTER}\n% {self.coordinator}, {self.coord_city[0]}\n"
            "% Dokument przykładowy wygenerowany do demonstracji aplikacji Klaster.\n"
            "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            "trailer << /Root 1 0 R >>\n%%EOF\n"
        ).encode()
        return {"title": title, "kind": kind, "file_name": file_name, "sha256": self.doc.attach(content)}

    def generic_cell(self, col: FieldDef, i: int, label: str) -> Any:
        """A plausible value for a column (or field) nothing above knows about: by its type and limits."""
        r, t = self.rng, col.type
        if t == "text":
            return self.cut(f"{col.label.pl} – {SHORT} {i + 1}", col)
        if t == "longtext":
            return self.prose("", col.max_length, label or col.label.pl, (1, 2))
        if t in ("int", "money", "decimal"):
            low = float(col.min) if col.min is not None else (1 if t == "int" else 10_000)
            high = float(col.max) if col.max is not None else max(low, 50 if t == "int" else 500_000)
            if t == "int":
                return r.randint(int(low), int(high))
            return _money(r, low, high) if t == "money" else Decimal(str(round(r.uniform(low, high), 2)))
        if t == "year":
            return self.ref
        if t == "date":
            return _date_between(r, self.window[0], min(self.window[1], self.today))
        if t == "bool":
            return True if col.must_be_true else r.random() < 0.7
        codes = self._codes(col.list)
        if t == "choice":
            good = [c for c in codes if c not in ("none", "other")] or codes
            return r.choice(good) if good else None
        if t == "multichoice":
            return r.sample(codes, min(len(codes), max(col.min_selected or 1, r.randint(1, 3)))) if codes else None
        return {
            "email": f"biuro@{DOMAIN}",
            "phone": self.phone(self.coord_city[3]),
            "url": f"https://www.{DOMAIN}",
            "nip": self.nip(),
            "regon": self.regon(),
            "krs": self.krs(),
            "postcode": self.postcode(self.coord_city[2]),
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
        data: dict[str, Any] = dict.fromkeys(MEMBER_KEYS)  # None: deliberately empty (e.g. no NIP, no ISO norms)
        data.update(self.members[i])
        # Most members sit near the coordinator and few are linked to another member (both asked by real forms).
        data.setdefault("within_50km", self.rng.random() < 0.8)
        data.setdefault("linked", self.rng.random() < 0.05)
        return data

    # Fields --------------------------------------------------------------------------------------------------
    def known_values(self) -> dict[str, Any]:
        city, _, post, area = self.coord_city
        nip, regon, krs = self.coord_ids
        first, surname = self.contact[1], self.contact[2]
        staff = self.doc.rows("hr.staff") if self.d.has_table("hr.staff") else []
        contact_role = staff[1].get("role") if len(staff) > 1 else "Menedżer klastra"
        return {
            "meta.application_type": "nadanie",
            "meta.round": f"konkurs {self.d.round_year}",
            "meta.reference_year": self.ref,
            "cluster.name": CLUSTER,
            "cluster.website": f"https://www.{DOMAIN}",
            "cluster.established_on": self.established,
            "cluster.agreement_ref": f"Umowa o utworzeniu klastra z dnia {format_date(self.established)} r. "
            "wraz z aneksami nr 1–3",
            "cluster.agreement_term": "indefinite",
            "cluster.kis": self.kis_codes(),
            "cluster.operating_model": "kooperacja",
            "cluster.voivodeship": self.home,
            "coordinator.name": self.coordinator,
            "coordinator.legal_form": "association",
            "coordinator.nip": nip,
            "coordinator.regon": regon,
            "coordinator.krs": krs,
            "coordinator.street": f"{self.rng.choice(STREETS)} {self.rng.randint(2, 48)}",
            "coordinator.postcode": self.postcode(post),
            "coordinator.city": city,
            "coordinator.email": f"biuro@{DOMAIN}",
            "coordinator.phone": self.phone(area),
            "coordinator.website": f"https://www.{DOMAIN}",
            "contact.name": self.contact[0],
            "contact.position": contact_role,
            "contact.email": f"{_slug(first)}.{_slug(surname)}@{DOMAIN}",
            "contact.phone": f"+48 {self.rng.choice([501, 602, 694, 723, 881])} {self.rng.randint(100, 999)} "
            f"{self.rng.randint(100, 999)}",
            "hr.strategy_period": self.strategy_period,
            "hr.cluster_label": "bronze",
            "hr.cluster_label_date": self.label_date,
            "hr.satisfaction_survey": True,
            "signatory.name": self.director[0],
            "signatory.position": "Prezes Zarządu",
            "signatory.place": city,
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
        self.make_members()
        counts = {t.key: self.row_count(t) for t in self.d.tables.values()}
        self.ctx = self.context(counts)
        for table in self.d.tables.values():
            self.fill_table(table, counts[table.key])
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
    (clamped to the table's `min_rows`/`max_rows`; by default 2-6, attachments 4, finance the years its rule asks);
    with `problems` exactly three errors to find and fix. Deterministic for the same arguments."""
    today = today or dt.date.today()
    return _Demo(definition, random.Random(seed), today, members, rows).build(problems)


# Content ---------------------------------------------------------------------------------------------------------
MEMBER_KEYS = (
    "name",
    "nip",
    "regon",
    "type",
    "voivodeship",
    "joined_on",
    "employees",
    "sales_pln",
    "export_pln",
    "rd",
    "iso",
    "iso_norms",
    "mgmt_systems",
    "industry40",
    "startup",
    "contact_email",
)
IP_NUMBERS = {
    "patent": ("Pat.", "Urząd Patentowy RP"),
    "utility_model": ("Ru.", "Urząd Patentowy RP"),
    "industrial_design": ("Rp.", "Urząd Patentowy RP"),
    "trademark": ("R.", "Urząd Patentowy RP"),
}
ATTACHMENTS = {
    "agreement": ("Umowa klastra wraz z aneksami", "umowa_klastra.pdf"),
    "strategy": ("Strategia rozwoju klastra na lata {strategy_period} z planem działań", "strategia_klastra.pdf"),
    "financials": ("Sprawozdania finansowe koordynatora za lata {ref_2}–{ref}", "sprawozdania_finansowe.pdf"),
    "other": ("Certyfikat ESCA – oznaczenie jakości zarządzania klastrem", "certyfikat_esca.pdf"),
}


def _words(text: str) -> list[str]:
    return text.split()


def _lines(text: str) -> list[str]:
    """One item a line; an indented line continues the item above."""
    items: list[str] = []
    for line in text.strip("\n").splitlines():
        if line[:1].isspace() and items:
            items[-1] += " " + line.strip()
        elif line.strip():
            items.append(line.strip())
    return items


def _records(text: str) -> list[tuple[str, ...]]:
    return [tuple(part.strip() for part in line.split("|")) for line in _lines(text)]


def _grouped(rows: list[tuple[str, ...]]) -> dict[str, list[Any]]:
    """Records grouped by their first column; the rest of a record (one column: the value itself)."""
    out: dict[str, list[Any]] = {}
    for key, *rest in rows:
        out.setdefault(key, []).append(rest[0] if len(rest) == 1 else tuple(rest))
    return out


def _sections(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    key = ""
    for item in _lines(text):
        if item.startswith("[") and item.endswith("]"):
            key = item[1:-1]
            out[key] = []
        else:
            out[key].append(item)
    return out


# Content: Polish texts and names, one item a line (an indented line continues the one above; `|` separates
# the columns of a record). Invented names; any likeness to real firms or people is accidental.

MALE = _words(
    """
Jan Piotr Tomasz Marcin Krzysztof Paweł Michał Andrzej Grzegorz Łukasz Wojciech Rafał Adam Jacek Dariusz Sebastian
"""
)

FEMALE = _words(
    """
Anna Katarzyna Magdalena Agnieszka Joanna Monika Ewa Aleksandra Małgorzata Beata Justyna Dorota Karolina Marta Iwona
Natalia
"""
)

SURNAMES = _words(
    """
Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski
Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Pawłowski Michalski Król Wieczorek Jabłoński Nowakowski Majewski
Olszewski Stępień Jaworski Malinowski Adamczyk Dudek Nowicki Pawlak Górski Witkowski Walczak Sikora Baran Rutkowski
Michalak Szewczyk Ostrowski Tomaszewski Pietrzak Zalewski Wróblewski Jasiński Marciniak Sadowski Bąk Zawadzki
Jakubowski Wilk Chmielewski Włodarczyk Borkowski Sokołowski Szczepański Sawicki Lis Kucharski Kalinowski Wysocki
Mazurek Kubiak Maciejewski Czarnecki Kołodziej Urbański Kaczmarczyk Cieślak
"""
)

BRAND_HEADS = _words(
    """
Stal Metal Frez Tok Spaw Kuź Odlew Szlif Inox Alu Termo Hydro Techno Preci Ferro Chrom Cynk Kowal Weld Mecha Kiel
Dol Nord Wiert Tytan Grat Blach Laser Robo Form
"""
)

BRAND_TAILS = _words(
    """
met pol ex tech mix form trans profil kraft tool max serwis prod art bud
"""
)

STARTUP_BRANDS = _words(
    """
CutSense WeldAI NanoCoat PrintMetal TwinForge Vibrolytics OptiChip SmartJig ScanQ RoboDeburr Thermovision Alloyfy
"""
)

STREETS = _lines(
    """
ul. Hutnicza
ul. Przemysłowa
ul. Kuźnicza
ul. Metalowców
ul. Fabryczna
ul. Spawaczy
al. Tysiąclecia
ul. Odlewników
ul. Warsztatowa
ul. Techniczna
ul. Szlifierska
ul. Kolejowa
"""
)

TRADES = _lines(
    """
Zakład Mechaniki Precyzyjnej
Odlewnia Żeliwa
Kuźnia Matrycowa
Zakład Obróbki Skrawaniem
Narzędziownia
Zakład Spawalniczy
Konstrukcje Stalowe
Zakład Obróbki Cieplnej
Galwanizernia
Fabryka Sprężyn
Zakład Produkcji Form
Biuro Konstrukcyjne
Zakład Cięcia Laserowego
Wytwórnia Armatury
Automatyka Przemysłowa
Zakład Lakierniczy
Tłocznia Blach
Serwis Obrabiarek
Zakład Szlifowania
Wytwórnia Części Maszyn
"""
)

LARGE_TRADES = _lines(
    """
Huta Stali Jakościowych
Fabryka Maszyn Górniczych
Zakłady Metalowe
Walcownia Blach
Fabryka Łożysk Tocznych
Fabryka Osprzętu Kolejowego
Zakłady Kuźnicze
Fabryka Obrabiarek
"""
)

UNIS = _lines(
    """
Politechnika Metalurgiczno-Mechaniczna
Akademia Inżynierii Materiałowej
Wyższa Szkoła Techniki i Produkcji
Akademia Nauk Stosowanych Przemysłu Metalowego
Uniwersytet Technologiczny Ziemi Świętokrzyskiej
"""
)

INSTITUTES = _lines(
    """
Instytut Technologii Stopów Lekkich
Instytut Inżynierii Powierzchni i Powłok
Instytut Obróbki Ubytkowej
Centrum Badawcze Technologii Spawalniczych
Instytut Metrologii Przemysłowej
Instytut Mechaniki Precyzyjnej i Mikroobróbki
"""
)

IBES = _lines(
    """
Park Naukowo-Technologiczny «Kuźnia Innowacji»
Agencja Rozwoju Przemysłu Metalowego sp. z o.o.
Centrum Transferu Technologii Metalowych
Izba Gospodarcza Przemysłu Metalowego
Inkubator Technologiczny «Iskra»
Fundusz Pożyczkowy Przemysłu Regionalnego sp. z o.o.
Centrum Obsługi Inwestora i Eksportera
"""
)

PUBLICS = _lines(
    """
Zespół Szkół Mechanicznych nr 2
Centrum Kształcenia Zawodowego
Powiatowy Urząd Pracy
Branżowa Szkoła I Stopnia nr 3 im. Hutników
Regionalny Ośrodek Doskonalenia Nauczycieli
"""
)

NGOS = _lines(
    """
Fundacja Rozwoju Kompetencji Technicznych
Stowarzyszenie Inżynierów Spawalników
Fundacja «Młodzi w Przemyśle»
Stowarzyszenie Przyjaciół Szkół Zawodowych
Fundacja Kobiety w Inżynierii
Stowarzyszenie Technologów Obróbki Metali
"""
)

OTHERS = _lines(
    """
Kancelaria Patentowa {s} i Partnerzy
Rzemieślnicza Spółdzielnia Metalowców
Cech Rzemiosł Różnych
Kancelaria Doradztwa Podatkowego {s}
Spółdzielnia Pracy «Metalowiec»
"""
)

NORMS = _lines(
    """
ISO 9001:2015
ISO 14001:2015
IATF 16949:2016
ISO 3834-2:2021
EN 1090-2 (ZKP)
ISO 45001:2018
AS9100D
ISO 50001:2018
ISO/IEC 27001:2022
"""
)

COUNTRIES = _lines(
    """
Niemcy
Czechy
Słowacja
Austria
Szwecja
Francja
Włochy
Hiszpania
Finlandia
Dania
Norwegia
Litwa
Węgry
Holandia
Belgia
"""
)

QUALIFICATIONS = _lines(
    """
Wykształcenie wyższe techniczne (inżynieria materiałowa), studia podyplomowe z zarządzania projektami.
Certyfikat PRINCE2 Practitioner oraz szkolenie z zarządzania klastrem według standardu ESCA.
Doświadczenie w przygotowaniu i rozliczaniu projektów Horyzont Europa i FENG.
Biegła znajomość języka angielskiego i niemieckiego (poziom C1).
Wcześniej kierownik działu technologii w przedsiębiorstwie metalowym.
Ukończony program Cluster Excellence Management Training.
Certyfikowany audytor wewnętrzny systemu zarządzania jakością ISO 9001.
Doświadczenie w organizacji misji gospodarczych i wspólnych stoisk targowych.
Studia MBA z zarządzania innowacjami, mentor w programach akceleracyjnych dla start-upów.
"""
)

GROUP_TOPICS = _lines(
    """
odlewnictwa
obróbki plastycznej
obróbki skrawaniem
spawalnictwa
inżynierii powierzchni
druku 3D z metali
energii i klimatu
BHP
zamówień publicznych
rynku niemieckiego
rynków skandynawskich
jakości i certyfikacji
młodych kadr
start-upów
logistyki
gospodarki o obiegu zamkniętym
metrologii
automatyzacji
cyberbezpieczeństwa
finansowania
"""
)

INTL_ACRONYMS = _lines(
    """
MetalDigit
GreenForge
CluStEx
SmartWeld
EuroMachining
CircularMetals
AddiMet
SkillsForge
LightAlloys
Twin4SME
ExportBridge
RoboCell
"""
)

INTL_TOPICS = _lines(
    """
cyfrowe bliźniaki w obróbce skrawaniem
niskoemisyjne kucie matrycowe
wspólna ekspansja klastrów metalowych na rynki Azji
robotyzacja spawania w MŚP
kompetencje przyszłości w przemyśle metalowym
gospodarka o obiegu zamkniętym w obróbce metali
druk 3D części zamiennych
łańcuchy dostaw dla energetyki wiatrowej
efektywność energetyczna obróbki cieplnej
partnerstwo klastrów Europy Środkowej
"""
)

PROGRAMMES = _lines(
    """
Interreg Europa Środkowa
Horyzont Europa
Program Jednolitego Rynku (Euroclusters)
Erasmus+
Interreg Polska–Saksonia
Interreg Region Morza Bałtyckiego
"""
)

INTL_RESULTS = _lines(
    """
Opracowano wspólną ofertę eksportową i pozyskano pierwszych klientów zagranicznych.
Przeszkolono kadrę inżynierską firm członkowskich w nowych technologiach.
Przeprowadzono pilotażowe wdrożenia w przedsiębiorstwach klastra.
Nawiązano stałą współpracę z klastrami partnerskimi z kilku krajów.
Przygotowano raport z rekomendacjami dla polityki regionalnej.
Uruchomiono platformę kojarzenia partnerów z bazą kompetencji firm.
"""
)

RD_SUBJECTS = _lines(
    """
Powłoki ochronne PVD dla narzędzi skrawających
Stopy aluminium o podwyższonej wytrzymałości
Zrobotyzowane spawanie cienkościennych konstrukcji
Monitorowanie zużycia narzędzi z użyciem AI
Hybrydowe wytwarzanie przyrostowo-ubytkowe
Obróbka cieplna w atmosferze wodorowej
Recykling wiórów tytanowych
Tłoczenie na gorąco blach wysokowytrzymałych
Kontrola jakości spoin systemem wizyjnym
Lekkie konstrukcje ramowe dla pojazdów szynowych
"""
)

RD_APPLICATIONS = _lines(
    """
przemysł maszynowy
motoryzacja
energetyka
kolejnictwo
lotnictwo
sprzęt rolniczy
górnictwo
budownictwo
"""
)

RD_FUNDING = _lines(
    """
FENG – Ścieżka SMART
NCBR – Szybka Ścieżka
Fundusze Europejskie dla Świętokrzyskiego 2021–2027
Horyzont Europa
Środki własne członków
NCBR – program LIDER
"""
)

RD_RESULTS = _lines(
    """
Zbudowano demonstrator technologii i przeprowadzono testy u odbiorcy końcowego.
Zgłoszono wynalazek do ochrony patentowej w Urzędzie Patentowym RP.
Nowa technologia została wdrożona w dwóch przedsiębiorstwach klastra.
Skrócono czas cyklu produkcyjnego o kilkanaście procent.
Opublikowano wyniki w czasopiśmie naukowym i zaprezentowano je na konferencji branżowej.
Obniżono zużycie energii i materiału w procesie produkcyjnym.
"""
)

MISSION_OUTCOMES = _lines(
    """
Odbyto kilkadziesiąt spotkań B2B; trzy firmy złożyły oferty.
Podpisano dwie umowy o współpracy.
Nawiązano kontakt z klastrem partnerskim i zaplanowano wspólny projekt.
Pozyskano zapytania ofertowe od odbiorców z branży maszynowej.
Uczestnicy poznali lokalne wymagania certyfikacyjne i kanały dystrybucji.
"""
)

CITIES = _grouped(
    _records(
        """
02 | Wrocław | Wrocławiu | 50 | 71
02 | Wałbrzych | Wałbrzychu | 58 | 74
02 | Legnica | Legnicy | 59 | 76
04 | Bydgoszcz | Bydgoszczy | 85 | 52
04 | Toruń | Toruniu | 87 | 56
04 | Grudziądz | Grudziądzu | 86 | 56
06 | Lublin | Lublinie | 20 | 81
06 | Puławy | Puławach | 24 | 81
06 | Świdnik | Świdniku | 21 | 81
08 | Zielona Góra | Zielonej Górze | 65 | 68
08 | Gorzów Wielkopolski | Gorzowie Wielkopolskim | 66 | 95
10 | Łódź | Łodzi | 90 | 42
10 | Piotrków Trybunalski | Piotrkowie Trybunalskim | 97 | 44
10 | Radomsko | Radomsku | 97 | 44
12 | Kraków | Krakowie | 30 | 12
12 | Tarnów | Tarnowie | 33 | 14
12 | Nowy Sącz | Nowym Sączu | 33 | 18
14 | Warszawa | Warszawie | 02 | 22
14 | Radom | Radomiu | 26 | 48
14 | Płock | Płocku | 09 | 24
16 | Opole | Opolu | 45 | 77
16 | Kędzierzyn-Koźle | Kędzierzynie-Koźlu | 47 | 77
18 | Rzeszów | Rzeszowie | 35 | 17
18 | Stalowa Wola | Stalowej Woli | 37 | 15
18 | Mielec | Mielcu | 39 | 17
20 | Białystok | Białymstoku | 15 | 85
20 | Łomża | Łomży | 18 | 86
22 | Gdańsk | Gdańsku | 80 | 58
22 | Gdynia | Gdyni | 81 | 58
22 | Słupsk | Słupsku | 76 | 59
24 | Katowice | Katowicach | 40 | 32
24 | Gliwice | Gliwicach | 44 | 32
24 | Bielsko-Biała | Bielsku-Białej | 43 | 33
24 | Częstochowa | Częstochowie | 42 | 34
26 | Kielce | Kielcach | 25 | 41
26 | Ostrowiec Świętokrzyski | Ostrowcu Świętokrzyskim | 27 | 41
26 | Starachowice | Starachowicach | 27 | 41
26 | Skarżysko-Kamienna | Skarżysku-Kamiennej | 26 | 41
26 | Końskie | Końskich | 26 | 41
28 | Olsztyn | Olsztynie | 10 | 89
28 | Elbląg | Elblągu | 82 | 55
30 | Poznań | Poznaniu | 61 | 61
30 | Kalisz | Kaliszu | 62 | 62
30 | Leszno | Lesznie | 64 | 65
32 | Szczecin | Szczecinie | 70 | 91
32 | Koszalin | Koszalinie | 75 | 94
"""
    )
)

STAFF_ROLES = _records(
    """
Dyrektor klastra, prezes zarządu koordynatora | 1
Menedżer ds. projektów badawczo-rozwojowych | 1
Specjalista ds. internacjonalizacji i eksportu | 1
Menedżer ds. komunikacji i marketingu | 0.75
Specjalista ds. finansów i rozliczania projektów | 1
Koordynator ds. kształcenia dualnego | 0.5
Analityk ds. transformacji cyfrowej | 0.75
Broker technologii | 0.5
Asystent biura klastra | 1
"""
)

BODIES = _records(
    """
Zgromadzenie Członków | Przedstawiciele wszystkich członków klastra ({members} podmiotów), po jednym z każdego. |
    Zatwierdza strategię i plan działań, budżet i sprawozdania, przyjmuje i wyklucza członków, wybiera Radę Klastra.
Zarząd koordynatora | Trzy osoby; prezes zarządu: {chair}. | Kieruje bieżącą działalnością klastra, reprezentuje go
    na zewnątrz, zawiera umowy i odpowiada za finanse.
Rada Klastra | Siedem osób: przedstawiciele przedsiębiorstw, uczelni i IOB; przewodniczący: {chair}. | Opiniuje
    projekty i nowe usługi, monitoruje wskaźniki strategii, rekomenduje priorytety działań.
Komisja Rewizyjna | Trzy osoby wybrane przez Zgromadzenie Członków; przewodniczący: {chair}. | Kontroluje gospodarkę
    finansową koordynatora i przedstawia coroczne sprawozdanie z kontroli.
Rada Naukowo-Technologiczna | Pięciu ekspertów z uczelni i instytutów badawczych; przewodniczący: {chair}. | Ocenia
    pomysły projektów B+R, wskazuje partnerów naukowych i trendy technologiczne.
Grupa robocza ds. eksportu | Przedstawiciele kilkunastu eksporterów; lider: {chair}. | Planuje misje i targi,
    wymienia informacje o rynkach i przygotowuje wspólne oferty.
Grupa robocza ds. transformacji cyfrowej | Specjaliści IT i technolodzy firm członkowskich; lider: {chair}. |
    Przygotowuje audyty cyfrowe, testuje rozwiązania Przemysłu 4.0, organizuje warsztaty.
Grupa robocza ds. kadr i kształcenia dualnego | Kadrowcy firm i dyrektorzy szkół; lider: {chair}. | Współpracuje ze
    szkołami przy programach nauczania, organizuje praktyki i staże.
"""
)

ASSETS = [
    (n, k, d, int(lo), int(hi))
    for n, k, d, lo, hi in _records(
        """
Laboratorium metrologii współrzędnościowej | lab | Maszyna pomiarowa CMM i skaner 3D; pomiary i raporty dla członków
    po preferencyjnych stawkach. | 350000 | 900000
Stanowisko badań wytrzymałościowych | equipment | Maszyna wytrzymałościowa 250 kN; badania statyczne próbek i
    elementów gotowych. | 180000 | 420000
Drukarka 3D do metali (SLM) | equipment | Druk prototypów i krótkich serii z proszków stali nierdzewnej i tytanu. |
    600000 | 1400000
Sala szkoleniowo-konferencyjna na 60 osób | rooms | Sala z wyposażeniem multimedialnym do szkoleń, spotkań grup
    roboczych i giełd kooperacyjnych. | 120000 | 260000
Licencje oprogramowania CAD/CAM i symulacji procesów | software | Dziesięć stanowisk udostępnianych członkom na
    szkolenia i projekty pilotażowe. | 90000 | 240000
Znak towarowy «Dolina Stali» | ip | Wspólny znak jakości wyrobów członków, używany na zasadach regulaminu znaku. |
    15000 | 40000
Platforma e-learningowa klastra | software | Kursy z programowania CNC, spawalnictwa i BHP dla pracowników firm
    członkowskich. | 60000 | 150000
Mobilne stoisko targowe klastra | other | Stoisko modułowe na 6-10 wystawców, wykorzystywane na targach krajowych i
    zagranicznych. | 80000 | 160000
"""
    )
]

SHARED = _records(
    """
Hala prototypowa z suwnicą 10 t | Udostępniana członkom na podstawie umowy, według cennika klastrowego.
Tomograf komputerowy do badań nieniszczących | Badania na zlecenie członków z 20-procentowym rabatem.
Komora klimatyczna | Rezerwacja przez biuro koordynatora; pierwszeństwo dla projektów wspólnych.
Laboratorium spawalnicze z robotem | Szkolenia i próby technologiczne w uzgodnionych terminach.
Centrum obróbcze 5-osiowe | Wykonanie prototypów i partii próbnych na zasadach kooperacji.
Mikroskop skaningowy SEM | Analizy materiałowe dla członków według wspólnego regulaminu.
Piec próżniowy do obróbki cieplnej | Usługi obróbki cieplnej dla członków po kosztach własnych.
"""
)

EVENTS = _records(
    """
Targi Obrabiarek, Narzędzi i Technologii Obróbki | fair | Polska
Hannover Messe | fair | Niemcy
EMO Hannover | fair | Niemcy
Międzynarodowe Targi Strojírenský veletrh | fair | Czechy
Forum Klastrów Metalowych «Dolina Stali» | cluster | Polska
European Cluster Conference | cluster | Belgia
Kongres Przemysłu 4.0 | industry | Polska
Konferencja Spawalnicza | industry | Polska
Elmia Subcontractor | fair | Szwecja
Midest | fair | Francja
Dzień Otwarty Klastra dla Inwestorów | cluster | Polska
Forum Gospodarcze Polska–Niemcy | industry | Niemcy
"""
)

SERVICES = [
    (n, c, paid == "płatna", d)
    for n, c, paid, d in _records(
        """
Doradztwo w pozyskiwaniu funduszy UE | advisory | bezpłatna | Analiza pomysłu, dobór programu, pomoc w przygotowaniu
    wniosku i budżetu projektu.
Szkolenia z programowania robotów spawalniczych | training | płatna | Kursy praktyczne w laboratorium partnera;
    grupy do ośmiu osób, certyfikat ukończenia.
Wspólne stoisko klastra na targach | promotion | płatna | Organizacja stoiska, materiały promocyjne i umawianie
    spotkań z klientami.
Program akceleracji eksportu | internationalisation | płatna | Badanie rynku, dobór dystrybutorów, misje i
    przygotowanie oferty w języku obcym.
Udostępnianie laboratorium metrologicznego | infrastructure | płatna | Pomiary współrzędnościowe i skanowanie 3D z
    raportem pomiarowym.
Giełda kooperacyjna członków | networking | bezpłatna | Kwartalne spotkania, na których firmy prezentują
    zapotrzebowanie i wolne moce produkcyjne.
Brokering technologii i kojarzenie z nauką | rd_brokerage | bezpłatna | Wyszukiwanie partnerów naukowych,
    organizacja warsztatów i wstępnych konsultacji technologicznych.
Newsletter przetargowy | other | bezpłatna | Cotygodniowy przegląd przetargów i zapytań ofertowych z branży.
Audyt dojrzałości cyfrowej | advisory | bezpłatna | Ocena procesów i systemów IT przedsiębiorstwa z planem wdrożeń
    rozwiązań Przemysłu 4.0.
"""
    )
]

PRODUCTS = _records(
    """
Pakiet «{short} Precision» – kompleksowa obróbka części maszyn | Jedno zamówienie obejmuje odlew lub odkuwkę,
    obróbkę skrawaniem, obróbkę cieplną i pomiary.
Zrobotyzowane gniazdo spawalnicze pod klucz | Projekt, wykonanie, programowanie i serwis gniazda spawalniczego dla
    MŚP.
Usługa szybkiego prototypowania z metalu | Prototyp w druku 3D z metalu i obróbka wykańczająca w ciągu dziesięciu
    dni roboczych.
Regeneracja narzędzi i form wtryskowych | Napawanie laserowe, obróbka i pokrycia ochronne przywracające narzędziom
    pełną trwałość.
Konstrukcje stalowe dla energetyki odnawialnej | Wspólna oferta firm klastra na elementy konstrukcji farm wiatrowych
    i fotowoltaicznych.
"""
)

MISSIONS = _records(
    """
Misja gospodarcza do Badenii-Wirtembergii | Niemcy
Misja do klastra maszynowego w Brnie | Czechy
Spotkania B2B w Göteborgu | Szwecja
Misja przemysłowa do Lyonu | Francja
Wizyta studyjna w Tampere | Finlandia
Misja do Mediolanu i Brescii | Włochy
Spotkania kooperacyjne w Wilnie | Litwa
"""
)

SCHOOLS = _records(
    """
Zespół Szkół Mechanicznych w {city_loc} | technical | Klasy patronackie o profilu technik mechanik; praktyki w
    firmach klastra i wspólny program nauczania.
Branżowa Szkoła I Stopnia nr 3 w {city_loc} | vocational | Kształcenie operatorów obrabiarek skrawających i spawaczy
    z nauką zawodu u pracodawców.
Akademia Inżynierii Materiałowej w {city_loc} | higher | Studia dualne na kierunku mechanika i budowa maszyn;
    projekty dyplomowe realizowane w przedsiębiorstwach.
Centrum Kształcenia Zawodowego w {city_loc} | vocational | Kursy kwalifikacyjne dla dorosłych z programowania maszyn
    CNC.
"""
)

STARTUP_COOP = _records(
    """
Pilotaż systemu wizyjnej kontroli spoin na linii produkcyjnej. | Umowa o pilotaż z dnia {date} r.
Wdrożenie algorytmu predykcji zużycia narzędzi. | Protokół odbioru wdrożenia z dnia {date} r.
Wspólny projekt demonstratora powłok ochronnych. | List intencyjny z dnia {date} r.
Testy czujników drgań na obrabiarkach. | Umowa o współpracy z dnia {date} r.
"""
)

IP_TITLES = _grouped(
    _records(
        """
patent | Sposób hartowania indukcyjnego wałów korbowych
patent | Głowica frezarska z chłodzeniem wewnętrznym
patent | Sposób wytwarzania proszków stopowych do druku 3D
patent | Uchwyt obróbkowy samocentrujący
patent | Sposób napawania laserowego krawędzi tnących
utility_model | Przyrząd spawalniczy do ram stalowych
utility_model | Osłona wrzeciona obrabiarki
utility_model | Stół obrotowy do pozycjonowania detali
utility_model | Zacisk szybkomocujący do form
industrial_design | Obudowa sterownika obrabiarki
industrial_design | Klamka przemysłowa ze stali nierdzewnej
industrial_design | Kratka wentylacyjna z blachy perforowanej
industrial_design | Korpus zaworu kulowego
trademark | DOLINA STALI (znak słowno-graficzny)
trademark | PRECIMAX
trademark | STALPROFIL
trademark | KUŹNIA INNOWACJI
trademark | SMARTJIG
"""
    )
)

# Long texts by field key: the first sentence always opens the text, the others follow in a seeded order;
# `[*]` is for long texts this module does not know.

PROSE = _sections(
    """
[cluster.specialisation]
{cluster} specjalizuje się w zaawansowanej obróbce metali: obróbce skrawaniem na maszynach CNC, obróbce plastycznej
    (kuciu i tłoczeniu), spawalnictwie zrobotyzowanym oraz inżynierii powierzchni.
Członkowie klastra tworzą pełny łańcuch wartości – od projektowania i symulacji procesów, przez odlewnictwo i kucie,
    po obróbkę wykańczającą, kontrolę jakości i montaż podzespołów.
Głównymi odbiorcami wyrobów są przemysł maszynowy, motoryzacyjny, kolejowy, lotniczy i energetyczny w Polsce, w
    Niemczech, w Czechach i w krajach skandynawskich.
Wyróżnikiem klastra jest łączenie tradycji przemysłowej regionu z automatyzacją, robotyzacją i cyfrowym nadzorem nad
    procesami produkcyjnymi.
Wspólne prace rozwojowe dotyczą stopów lekkich, stali narzędziowych i wysokowytrzymałych, obróbki cieplno-chemicznej
    oraz druku 3D z proszków metali.
Specjalizacja wynika z ponad stuletniej tradycji hutniczej i kuźniczej regionu {region_gen} oraz z obecności uczelni
    technicznych kształcących kadry dla przemysłu metalowego.
Klaster koncentruje się na wyrobach o wysokiej wartości dodanej: precyzyjnych częściach maszyn, narzędziach
    specjalnych i kompletnych podzespołach, a nie na prostych usługach podwykonawczych.
[cluster.description]
{cluster} powstał w {est_year} r. z inicjatywy przedsiębiorstw, uczelni i instytucji otoczenia biznesu z regionu
    {region_gen}.
Liczba członków klastra wynosi obecnie {members}, w tym {enterprises} przedsiębiorstw; udział mikro, małych i
    średnich firm to {sme_share} %.
Koordynatorem jest {coord} z siedzibą w {city_loc}, odpowiedzialne za realizację strategii, obsługę członków i
    reprezentowanie klastra na zewnątrz.
Łączne przychody ze sprzedaży przedsiębiorstw klastra w {ref} r. wyniosły ok. {sales_mln} mln zł, a eksport stanowił
    {export_intensity} % tej kwoty.
Misją klastra jest wzmacnianie konkurencyjności firm metalowych poprzez wspólne projekty badawczo-rozwojowe, dostęp
    do specjalistycznej infrastruktury i wspólne wyjście na rynki zagraniczne.
Prace merytoryczne prowadzą grupy robocze ds. technologii, kadr, eksportu i transformacji cyfrowej, które spotykają
    się co najmniej raz na kwartał.
Klaster współpracuje z samorządem województwa przy aktualizacji regionalnych inteligentnych specjalizacji i przy
    programowaniu funduszy europejskich.
W latach {window} członkowie realizowali wspólnie projekty międzynarodowe (łącznie {n_intl}) oraz projekty
    badawczo-rozwojowe (łącznie {n_rd}).
Członkowie klastra działają w {n_voivodeships} województwach, ale trzon klastra stanowią firmy z regionu
    {region_gen}.
[hr.staff_description]
Klastrem zarządza zespół biura koordynatora (liczba osób: {staff_n}), którym kieruje dyrektor klastra z wieloletnim
    doświadczeniem w zarządzaniu projektami przemysłowymi.
Łączny wymiar zatrudnienia zespołu wynosi {staff_fte} EPC, a wszyscy pracownicy są zatrudnieni na podstawie umów o
    pracę.
Członkowie zespołu ukończyli szkolenia European Cluster Excellence Initiative oraz studia podyplomowe z zarządzania
    innowacjami.
Podział zadań w zespole odpowiada obszarom strategii: projekty B+R, internacjonalizacja, kompetencje kadr,
    komunikacja oraz finanse i administracja.
Zespół posługuje się biegle językiem angielskim i niemieckim, co ułatwia obsługę projektów międzynarodowych i misji
    gospodarczych.
Kadra koordynatora regularnie podnosi kwalifikacje, uczestnicząc w programach wymiany menedżerów klastrów i w
    wizytach studyjnych w klastrach zagranicznych.
Każdy członek zespołu opiekuje się wyznaczoną grupą firm i jest dla nich pierwszym punktem kontaktu.
[hr.structure_description]
Najwyższym organem klastra jest Zgromadzenie Członków, które zatwierdza strategię, plan działań i budżet oraz
    przyjmuje nowych członków.
Bieżącą działalnością kieruje Zarząd koordynatora, wspierany przez Radę Klastra złożoną z przedstawicieli
    przedsiębiorstw, uczelni i instytucji otoczenia biznesu.
Rada Klastra spotyka się co kwartał, opiniuje projekty wspólnych przedsięwzięć i monitoruje realizację wskaźników
    strategii na lata {strategy_period}.
Prace merytoryczne prowadzą grupy robocze: technologiczna, eksportowa, kadrowa i cyfrowa, z liderami wybieranymi
    spośród członków na dwuletnie kadencje.
Decyzje zapadają zwykłą większością głosów, a każdy członek ma jeden głos niezależnie od swojej wielkości.
Zasady działania, prawa i obowiązki członków określają umowa klastra oraz regulamin, dostępne dla członków w
    intranecie klastra.
Nad prawidłowością gospodarowania środkami czuwa Komisja Rewizyjna, która co roku przedstawia sprawozdanie
    Zgromadzeniu Członków.
[hr.quality_description]
Koordynator zarządza klastrem według procedur opisanych w księdze jakości, zgodnych z wymaganiami European Cluster
    Excellence Initiative.
Jakość zarządzania potwierdza oznaczenie ESCA ({label_name}) przyznana klastrowi w {label_year} r.
Co roku prowadzimy anonimowe badanie satysfakcji członków; w ostatniej edycji {satisfaction} % respondentów oceniło
    usługi koordynatora dobrze lub bardzo dobrze.
Realizacja strategii jest monitorowana za pomocą kilkunastu wskaźników, a raport z ich wykonania trafia co roku do
    Zgromadzenia Członków.
Koordynator prowadzi system CRM, w którym rejestruje kontakty z członkami, świadczone usługi i ich efekty.
Wnioski z ocen i audytów są przekładane na roczny plan doskonalenia, obejmujący m.in. nowe usługi i zmiany w
    komunikacji z członkami.
Przejrzystość zapewniają publikowane sprawozdania roczne oraz otwarte i jasne zasady przystępowania do klastra.
[infra.non_public_sources]
Środki niepubliczne w budżecie klastra pochodzą przede wszystkim ze składek członkowskich, zróżnicowanych według
    wielkości podmiotu.
Istotnym źródłem są odpłatne usługi koordynatora: szkolenia, doradztwo, udostępnianie laboratorium i organizacja
    wspólnych stoisk targowych.
Przedsiębiorstwa wnoszą także wkład własny do wspólnych projektów oraz opłaty za udział w misjach gospodarczych.
W latach {finance_years} środki niepubliczne stanowiły łącznie {non_public_share} % budżetu klastra.
Dodatkowe przychody zapewniają sponsoring wydarzeń branżowych oraz opłaty partnerskie za udział w programie
    akceleracji eksportu.
Koordynator utrzymuje rezerwę finansową pozwalającą prowadzić podstawową działalność przez co najmniej sześć
    miesięcy bez dotacji.
[econ.description]
Przedsiębiorstwa klastra osiągnęły w {ref} r. łączne przychody ze sprzedaży w wysokości ok. {sales_mln} mln zł.
Działalność eksportową prowadzi {export_share} % przedsiębiorstw, a eksport odpowiada za {export_intensity} % ich
    łącznej sprzedaży.
Najważniejszymi rynkami eksportowymi są Niemcy, Czechy, Szwecja, Francja i Włochy; część firm dostarcza komponenty
    do globalnych łańcuchów dostaw.
Liczba dużych przedsiębiorstw w klastrze wynosi {large}; pełnią one rolę integratorów i odbiorców dla mniejszych
    podwykonawców.
Wspólne projekty międzynarodowe umożliwiły członkom wejście na nowe rynki i nawiązanie współpracy z klastrami
    partnerskimi w Europie.
Koordynator prowadzi bazę kompetencji produkcyjnych członków, dzięki czemu klaster może przyjmować kompleksowe
    zamówienia realizowane przez kilka firm.
Dynamika sprzedaży przedsiębiorstw klastra w ostatnich trzech latach przewyższała średnią dla branży metalowej w
    Polsce.
[policy.kis_justification]
Specjalizacja klastra wpisuje się w Krajowe Inteligentne Specjalizacje: {kis_labels}.
Prace nad nowymi stopami, powłokami ochronnymi i technologiami przyrostowymi odpowiadają obszarowi zaawansowanych
    materiałów, a robotyzacja spawania i obróbki – obszarowi automatyzacji i robotyki.
Odzysk wiórów i odpadów metalowych, regeneracja narzędzi i ograniczanie zużycia energii w obróbce cieplnej realizują
    założenia gospodarki o obiegu zamkniętym.
Wspólne projekty badawczo-rozwojowe członków są planowane tak, aby ich rezultaty można było wdrożyć w
    przedsiębiorstwach klastra w ciągu dwóch–trzech lat.
Zgodność z KIS potwierdza także udział uczelni i instytutów badawczych w realizacji projektów oraz w radzie naukowej
    klastra.
Specjalizacja klastra jest spójna z regionalną inteligentną specjalizacją województwa {region_gen} w obszarze
    przemysłu metalowego i odlewniczego.
[policy.digital_description]
Transformacja cyfrowa jest jednym z czterech celów strategicznych klastra.
Co najmniej dwa systemy zarządzania (np. ERP, CRM, MRP, WMS) stosuje {mgmt_share} % przedsiębiorstw, a rozwiązania
    Przemysłu 4.0 wdrożyło {i40_share} % przedsiębiorstw.
Koordynator prowadzi bezpłatne audyty dojrzałości cyfrowej i pomaga członkom przygotować plany wdrożeń.
Grupa robocza ds. cyfryzacji testuje czujniki IoT do monitorowania pracy obrabiarek oraz systemy predykcyjnego
    utrzymania ruchu.
Wspólnie z uczelniami uruchomiliśmy demonstrator linii produkcyjnej z cyfrowym bliźniakiem, dostępny dla wszystkich
    członków.
Członkowie korzystają ze wspólnej platformy wymiany dokumentacji technicznej w chmurze, co skraca przygotowanie
    ofert kooperacyjnych.
Szkolenia z cyberbezpieczeństwa systemów przemysłowych przeszło w ostatnich dwóch latach ponad stu pracowników firm
    klastra.
[*]
{label}: informacje przygotował koordynator klastra {cluster} na podstawie danych członków za {ref} r.
Dane zostały zweryfikowane przez Radę Klastra i są zgodne z dokumentacją przechowywaną w biurze koordynatora.
Działania w tym obszarze są prowadzone zgodnie ze strategią klastra na lata {strategy_period}.
Postęp jest omawiany na posiedzeniach grup roboczych i raportowany Zgromadzeniu Członków.
Członkowie klastra biorą aktywny udział w planowaniu i ocenie tych działań.
"""
)
