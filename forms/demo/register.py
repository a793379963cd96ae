"""The demo's member register: member types in their shares, each member named, seated and numbered as an entity
of its kind would be, and enterprise figures near the KKK averages (data/members.toml says how)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from forms.demo import identifiers as ids
from forms.demo.content import City, Content
from forms.demo.people import People
from forms.schema import FormDefinition

CENT = Decimal("0.01")


def money(rng: random.Random, low: float, high: float) -> Decimal:
    return Decimal(rng.randint(int(low * 100), int(high * 100))) * CENT


def date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start if end <= start else start + dt.timedelta(days=rng.randint(0, (end - start).days))


class Register:
    def __init__(
        self,
        d: FormDefinition,
        rng: random.Random,
        c: Content,
        people: People,
        home: City,
        established: dt.date,
        joined_by: dt.date,
        used_ids: set[str],
    ):
        self.d, self.rng, self.c, self.people, self.home = d, rng, c, people, home
        self.spec = c.members
        self.established, self.joined_by, self.used_ids = established, joined_by, used_ids
        self.used_names: set[str] = set()
        self.used_domains: set[str] = set()
        self.used_brands: set[str] = set()
        self.used_startups: set[str] = set()  # a start-up's brand names one firm
        self.taken: set[tuple[str, str]] = set()  # (institution or template, city) already in the register

    def codes(self, column: str) -> list[str]:
        table = self.d.table("members")
        list_id = table.column(column).list if table.has_column(column) else None
        return [c.code for c in self.d.lists.get(list_id or "", ())]

    # Composition ---------------------------------------------------------------------------------------------
    def type_counts(self, n: int) -> list[str]:
        """n member types in the shares of the data; a type made only of listed institutions takes no more members
        than are listed, the rest become small firms."""
        types = self.spec["types"]
        codes = [c for c in self.codes("type") if c in types] or ["small"]
        total = sum(types[c]["share"] for c in codes)
        exact = {c: n * types[c]["share"] / total for c in codes}
        counts = {c: int(v) for c, v in exact.items()}
        for c in sorted(codes, key=lambda c: exact[c] - counts[c], reverse=True)[: n - sum(counts.values())]:
            counts[c] += 1
        spare = next((c for c in ("small", *self.d.enterprise_types) if c in counts), codes[0])
        for c in codes:
            group = self.spec["institutions"].get(c)
            if group and not group.get("templates") and counts[c] > len(group.get("unique", ())):
                counts[spare] += counts[c] - len(group["unique"])
                counts[c] = len(group["unique"])
        return [c for c in codes for _ in range(counts[c])]

    def seat(self, home_share: float) -> City:
        """A city: in the coordinator's voivodeship with `home_share`, else in any of the form's voivodeships."""
        voivs = [v for v in self.codes("voivodeship") if self.c.cities_in(v)] or [self.home.voivodeship]
        home = self.home.voivodeship in voivs and self.rng.random() < home_share
        return self.rng.choice(self.c.cities_in(self.home.voivodeship if home else self.rng.choice(voivs)))

    # Names -----------------------------------------------------------------------------------------------------
    def brand(self) -> str:
        words = self.spec["words"]
        for _ in range(40):
            b = self.rng.choice(words["brand_heads"]) + self.rng.choice(words["brand_tails"])
            if b not in self.used_brands:
                break
        self.used_brands.add(b)
        return b

    def parts(self, city: City) -> dict[str, str]:
        words, one, two = self.spec["words"], self.people.person(), self.people.person()
        return {
            "brand": self.brand(),
            "trade": self.rng.choice(words["trades"]),
            "large_trade": self.rng.choice(words["large_trades"]),
            "first": one.first,
            "surname": one.surname,
            "first2": two.first,
            "surname2": two.surname,
            "surname_m": self.people.surname(),
            "startup": self.rng.choice(words["startup_brands"]),
            "city": city.name,
            "city_loc": city.locative,
        }

    def from_pattern(self, pattern: dict[str, str], city: City) -> tuple[str, str]:
        parts = self.parts(city)
        parts["initials"] = ids.initials(parts["trade"] if "{trade}" in pattern["name"] else parts["large_trade"])
        return pattern["name"].format(**parts), ids.domain(pattern["domain"], **parts)

    def unused(self, name: str, host: str, city: City) -> tuple[str, str]:
        """The name and domain, told apart from an earlier member's when they clash."""
        if name in self.used_names or host in self.used_domains:
            n = len(self.used_names) + 1
            name, host = f"{name} – {city.name} {n}", f"{host.split('.', 1)[0]}{n}.{host.split('.', 1)[1]}"
        self.used_names.add(name)
        self.used_domains.add(host)
        return name, host

    def named(self, mtype: str) -> tuple[str, str, str, City]:
        """(name, e-mail domain, register, seat) of a new member of the type."""
        patterns = self.spec["names"].get(mtype)
        if patterns:
            city = self.seat(self.spec["home_share"])
            for _ in range(30):
                pattern = self.rng.choice(patterns)
                name, host = self.from_pattern(pattern, city)
                if name not in self.used_names and host not in self.used_domains:
                    break
            return (*self.unused(name, host, city), pattern["register"], city)
        group = self.spec["institutions"].get(mtype) or self.spec["institutions"]["other"]
        free = [u for u in group.get("unique", ()) if (u["name"], u["city"]) not in self.taken]
        if free:
            u = self.rng.choice(free)
            self.taken.add((u["name"], u["city"]))
            city = self.c.city(u["city"])
            return (*self.unused(u["name"], u["domain"], city), u["register"], city)
        for _ in range(60):
            template, city = self.rng.choice(group["templates"]), self.seat(0.8)
            if (template["name"], city.name) not in self.taken:
                break
        self.taken.add((template["name"], city.name))
        return (*self.unused(*self.from_pattern(template, city), city), template["register"], city)

    # Members ---------------------------------------------------------------------------------------------------
    def member(self, mtype: str, founder: bool) -> dict[str, Any]:
        r, spec = self.rng, self.spec["types"].get(mtype, {"employees": [5, 50], "value_chain": ["other"]})
        name, host, register, city = self.named(mtype)
        low, high = spec["employees"]
        chain = spec["value_chain"]
        joined = self.established if founder else date_between(r, self.established, self.joined_by)
        m: dict[str, Any] = {
            "name": name,
            "type": mtype,
            "voivodeship": city.voivodeship,
            "employees": int(round(low * (high / low) ** r.random())),
            "joined_on": joined,
            "regon": ids.regon(r, city.voivodeship, self.used_ids),
            "contact_email": f"{r.choice(self.spec['email_locals'])}@{host}",
            "rd": mtype in ("research", "university") or (mtype == "ibe" and r.random() < 0.3),
            "iso": mtype in ("research", "university") and r.random() < 0.5,
            "startup": False,
            "mgmt_systems": [],
            "industry40": [],
            "value_chain": [chain[0], *r.sample(chain[1:], r.randint(0, min(2, len(chain) - 1)))],
            "within_50km": city.km_to(self.home) <= self.spec["within_km"],
            "linked": False,
            "ceidg": register == "ceidg",
            "krs": self.krs(joined) if register == "krs" else None,
            "_seat": city,
        }
        enterprise = mtype in self.d.enterprise_types
        if enterprise or r.random() < 0.95:
            m["nip"] = ids.nip(r, list(city.tax_offices), self.used_ids)
        if enterprise:
            per_employee = self.spec["sales_per_employee"]
            m["sales_pln"] = money(r, m["employees"] * per_employee[0], m["employees"] * per_employee[1])
            m["export_pln"] = Decimal("0.00")
            m["linked"] = r.random() < self.spec["linked_share"]
        return m

    def krs(self, by: dt.date) -> str:
        entered = date_between(self.rng, dt.date(2001, 6, 1), by)
        return ids.krs(self.rng, self.c.identifiers["krs"]["points"], entered)

    def pick_weighted(self, candidates: list[dict[str, Any]], rate: float, weight) -> set[int]:
        """About `rate` of the candidates (with a small seeded jitter), favouring heavier ones."""
        k = round(len(candidates) * max(0.0, rate + self.rng.uniform(-0.03, 0.03)))
        keyed = sorted(candidates, key=lambda m: self.rng.random() ** (1 / weight(m)), reverse=True)
        return {id(m) for m in keyed[:k]}

    def build(self, n: int, recent: dt.date) -> list[dict[str, Any]]:
        """n members, the anchor enterprise first, the rest in the order they joined; `recent`: the earliest a
        start-up joins."""
        r, ent_types = self.rng, set(self.d.enterprise_types)
        types = self.type_counts(n)
        r.shuffle(types)
        anchor = next((i for i, t in enumerate(types) if t == "large"), None)
        anchor = anchor if anchor is not None else next((i for i, t in enumerate(types) if t in ent_types), None)
        if anchor is not None:
            types.insert(0, types.pop(anchor))
        founders = max(1, round(len(types) * self.spec["founders_share"]))
        members = [self.member(t, i < founders) for i, t in enumerate(types)]
        self.enterprise_figures([m for m in members if m["type"] in ent_types], recent)
        norms = self.spec["words"]["norms"]
        mgmt_codes = self.codes("mgmt_systems")
        for m in members:
            if m["type"] not in ent_types and mgmt_codes and r.random() < 0.6:
                m["mgmt_systems"] = r.sample(mgmt_codes, r.randint(1, 2))
            if m["iso"]:
                m["iso_norms"] = ", ".join([norms[0]] + r.sample(norms[1:], r.randint(0, 2)))
        return members[:1] + sorted(members[1:], key=lambda m: (m["joined_on"], m["name"]))

    def enterprise_figures(self, ents: list[dict[str, Any]], recent: dt.date) -> None:
        r, rates, types = self.rng, self.spec["rates"], self.spec["types"]
        weight = lambda m: types[m["type"]].get("weight", 1.0)  # noqa: E731
        exporters, mgmt2, i40, iso, rd = (
            self.pick_weighted(ents, rates[k], weight) for k in ("export", "mgmt", "i40", "iso", "rd")
        )
        young = [m for m in ents if m["type"] in ("micro", "small")]
        startups = self.pick_weighted(young, rates["startup"] * len(ents) / max(1, len(young)), lambda m: 1.0)
        mgmt_codes, i40_codes = self.codes("mgmt_systems"), self.codes("industry40")
        for m in ents:
            mid = id(m)
            if mid in exporters:
                share = r.uniform(0.05, types[m["type"]].get("max_export", 0.5))
                m["export_pln"] = (m["sales_pln"] * Decimal(str(round(share, 4)))).quantize(CENT)
            if mgmt_codes:
                if mid in mgmt2:
                    m["mgmt_systems"] = r.sample(mgmt_codes, min(len(mgmt_codes), r.randint(2, 4)))
                elif r.random() < 0.5:
                    m["mgmt_systems"] = [r.choice(mgmt_codes[:3])]
            if i40_codes and mid in i40:
                m["industry40"] = r.sample(i40_codes, min(len(i40_codes), r.randint(1, 3)))
            m["iso"], m["rd"] = mid in iso, mid in rd
            if mid in startups:
                self.make_startup(m, recent)

    def make_startup(self, m: dict[str, Any], recent: dt.date) -> None:
        """A young technology firm: its own kind of name, registered and joined in the last two years."""
        self.used_names.discard(m["name"])
        self.used_domains.discard(m["contact_email"].split("@", 1)[1])
        name, host, register, city = "", "", "krs", m["_seat"]
        for _ in range(50):
            pattern = self.rng.choice(self.spec["names"]["startup"])
            name, host = self.from_pattern(pattern, city)
            register = pattern["register"]
            if name.split(" ", 1)[0] not in self.used_startups and host not in self.used_domains:
                break
        self.used_startups.add(name.split(" ", 1)[0])
        m["name"], host = self.unused(name, host, city)
        m["contact_email"] = f"{self.spec['startup_email_local']}@{host}"
        m["joined_on"] = date_between(self.rng, max(self.established, recent), self.joined_by)
        m["krs"] = ids.krs(
            self.rng, self.c.identifiers["krs"]["points"], date_between(self.rng, recent, m["joined_on"])
        )
        m["ceidg"] = register == "ceidg"
        m["startup"] = m["rd"] = True
