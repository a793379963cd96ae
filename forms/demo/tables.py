"""Rows of the demo's tables, one method a table (`row_<table key with _ for .>`), made of the records in
data/activities.toml; a table of a round without a method here gets plausible values by column type."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from forms.demo import identifiers as ids
from forms.demo.register import CENT, date_between, money
from forms.fmt import format_date


class TableRows:
    """Mixed into the demo builder, which holds rng, d, c (content), members, doc, ctx, people and the dates."""

    def act(self, table: str) -> dict[str, Any]:
        return self.c.activities[table]

    def nth(self, pool: list[Any], i: int, suffix: str = " ({})") -> tuple[Any, str]:
        """The i-th item of a pool, cycling; the suffix tells repeated cycles apart ("", " (2)", ...)."""
        return pool[i % len(pool)], ("" if i < len(pool) else suffix.format(i // len(pool) + 1))

    def pairs(self, key: str, a: list[str], b: list[str]) -> list[str]:
        """Every "a – b" title once, in a seeded order."""
        if key not in self._pairs:
            self._pairs[key] = [f"{x} – {y}" for x in a for y in b]
            self.rng.shuffle(self._pairs[key])
        return self._pairs[key]

    def some_members(self, low: int, high: int, types: tuple[str, ...] | None = None) -> list[str]:
        pool = [m["name"] for m in self.members if types is None or m["type"] in types] or [self.cluster]
        return self.rng.sample(pool, min(len(pool), self.rng.randint(low, high)))

    def past_date(self) -> dt.date:
        return date_between(self.rng, self.window[0], min(self.window[1], self.today))

    def project_dates(self) -> tuple[dt.date, dt.date]:
        start = date_between(self.rng, self.window[0], self.window[1])
        return start, start + dt.timedelta(days=int(self.rng.randint(12, 36) * 30.4))

    def open_in(self, schemes: list[dict[str, Any]], year: int) -> dict[str, Any]:
        """A programme or scheme whose calls funded projects starting in `year`."""
        return self.rng.choice([s for s in schemes if s["from"] <= year <= s["until"]] or schemes[-1:])

    # Area 1: people and structure -------------------------------------------------------------------------------
    def row_hr_staff(self, i: int) -> dict[str, Any]:
        staff = self.act("staff")
        role = self.nth(staff["roles"], i)[0]
        name = self.director.full if i == 0 else self.contact.full if i == 1 else self.people.person().full
        return {
            "name": name,
            "role": role["role"],
            "fte": Decimal(str(role["fte"])),
            "years_experience": self.rng.randint(8, 14) if i == 0 else self.rng.randint(2, 10),
            "qualifications": " ".join(self.rng.sample(staff["qualifications"], 2)),
        }

    def row_hr_bodies(self, i: int) -> dict[str, Any]:
        bodies = self.act("bodies")
        chair = self.director.full if i == 1 else self.people.person().full
        if i < len(bodies["records"]):
            body, topic, suffix = bodies["records"][i], "", ""
        else:
            body = bodies["group"]
            topic, suffix = self.nth(bodies["group_topics"], i - len(bodies["records"]))
        return {
            "name": body["name"].format(topic=topic) + suffix,
            "composition": body["composition"].format(chair=chair, members=len(self.members)),
            "competences": body["competences"].format(topic=topic),
        }

    # Area 2: infrastructure and finance -------------------------------------------------------------------------
    def row_infra_coordinator_assets(self, i: int) -> dict[str, Any]:
        asset, suffix = self.nth(self.act("assets")["records"], i, " – egzemplarz {}")
        return {
            "name": asset["name"] + suffix,
            "kind": asset["kind"],
            "description": asset["description"],
            "value_pln": money(self.rng, asset["value_min"], asset["value_max"]),
        }

    def row_infra_shared_assets(self, i: int) -> dict[str, Any]:
        asset, suffix = self.nth(self.act("shared_assets")["records"], i, " – zestaw {}")
        provider = self.some_members(1, 1, ("medium", "large", "university", "research"))[0]
        return {"provider": provider, "name": asset["name"] + suffix, "access_terms": asset["access_terms"]}

    def row_infra_finance(self, i: int) -> dict[str, Any]:
        r, f = self.rng, self.c.cluster["finance"]
        budget = money(r, *f["cluster_budget"]) * (1 + Decimal(i) / 10)
        return {
            "year": self.ref - 2 + i,
            "revenue_pln": (budget * Decimal(str(round(r.uniform(*f["revenue_to_budget"]), 3)))).quantize(CENT),
            "net_result_pln": money(r, *f["net_result"]),
            "own_funds_pln": money(r, *f["own_funds"]) + f["own_funds_growth"] * i,
            "cluster_budget_pln": budget.quantize(CENT),
            "non_public_pln": (budget * Decimal(str(round(r.uniform(*f["non_public_to_budget"]), 3)))).quantize(CENT),
        }

    # Area 3: economic potential and internationalisation --------------------------------------------------------
    def row_econ_intl_projects(self, i: int) -> dict[str, Any]:
        p = self.act("intl_projects")
        start, end = self.project_dates()
        programme = self.open_in(p["programmes"], start.year)
        countries = programme.get("countries") or p["countries"]
        return {
            "title": self.nth(self.pairs("intl", p["acronyms"], p["topics"]), i)[0],
            "programme": programme["name"],
            "countries": ", ".join(self.rng.sample(countries, min(len(countries), self.rng.randint(2, 4)))),
            "members": "; ".join(self.some_members(2, 5)),
            "start": start,
            "end": end,
            "budget_pln": money(self.rng, 400_000, 6_000_000),
            "results": " ".join(self.rng.sample(p["results"], 2)),
        }

    # Area 4: knowledge and innovation -----------------------------------------------------------------------------
    def row_knowledge_rd_projects(self, i: int) -> dict[str, Any]:
        p = self.act("rd_projects")
        start, end = self.project_dates()
        return {
            "title": self.nth(self.pairs("rd", p["subjects"], p["applications"]), i)[0],
            "partners": "; ".join(self.some_members(2, 4, tuple(self.d.enterprise_types))),
            "science_partner": self.some_members(1, 1, ("university", "research"))[0],
            "funding": self.open_in(p["funding"], start.year)["name"],
            "start": start,
            "end": end,
            "budget_pln": money(self.rng, 800_000, 12_000_000),
            "results": " ".join(self.rng.sample(p["results"], 2)),
        }

    def row_knowledge_ip(self, i: int) -> dict[str, Any]:
        titles, numbering = self.act("ip"), self.c.identifiers["ip"]
        kinds = [k for k in self._codes(self.d.table("knowledge.ip").column("kind").list) if k in numbering]
        kind = (kinds or ["patent"])[i % max(1, len(kinds))]
        granted = date_between(self.rng, dt.date(self.ref - 7, 1, 1), min(self.today, self.window[1]))
        spec = numbering[kind]
        if kind == "trademark" and self.rng.random() < numbering["eu_trademark"]["share"]:
            spec = numbering["eu_trademark"]
        return {
            "kind": kind,
            "title": self.nth(titles.get(kind, titles["patent"]), i // max(1, len(kinds)))[0],
            "number": ids.ip_number(spec, granted, self.rng),
            "office": spec["office"],
            "owner": self.some_members(1, 1, ("micro", "small", "medium", "large", "university", "research"))[0],
            "granted_on": granted,
        }

    # Area 5: the customer -----------------------------------------------------------------------------------------
    def event_dates(self) -> list[tuple[dict[str, Any], dt.date]]:
        """Every (event, date) the window holds: each event in each year it takes place, up to today."""
        out = []
        for year in range(self.window[0].year, self.window[1].year + 1):
            for e in self.act("events")["records"]:
                if e.get("years") == ("odd" if year % 2 == 0 else "even"):
                    continue
                day = dt.date(year, e["month"], self.rng.randint(1, 28))
                if day <= min(self.window[1], self.today):
                    out.append((e, day))
        self.rng.shuffle(out)
        return out

    def row_customer_events(self, i: int) -> dict[str, Any]:
        if "events" not in self._pairs:
            self._pairs["events"] = self.event_dates()
        (event, date), _ = self.nth(self._pairs["events"], i)
        own = event["kind"] == "cluster" and event["country"] == "Polska"
        return {
            "name": f"{event['name']} {date.year}",
            "kind": event["kind"],
            "country": event["country"],
            "date": date,
            "role": "organiser" if own else self.rng.choice(["exhibitor", "participant"]),
            "members_count": self.rng.randint(2, 15),
        }

    def row_customer_services(self, i: int) -> dict[str, Any]:
        service, suffix = self.nth(self.act("services")["records"], i, " – edycja {}")
        return {
            "name": service["name"] + suffix,
            "category": service["category"],
            "paid": service["paid"],
            "description": service["description"],
            "members_served": self.rng.randint(max(1, len(self.members) // 10), max(2, len(self.members))),
        }

    def row_customer_joint_products(self, i: int) -> dict[str, Any]:
        product, suffix = self.nth(self.act("joint_products")["records"], i, " – wariant {}")
        return {
            "name": product["name"].format(short=self.c.cluster["short"]) + suffix,
            "members": "; ".join(self.some_members(2, 4)),
            "launched_on": self.past_date(),
            "description": product["description"],
        }

    def row_customer_missions(self, i: int) -> dict[str, Any]:
        m = self.act("missions")
        mission, _ = self.nth(m["records"], i)
        date = self.past_date()
        return {
            "name": f"{mission['name']} ({date.year})",
            "country": mission["country"],
            "date": date,
            "members_count": self.rng.randint(3, 12),
            "outcome": " ".join(self.rng.sample(m["outcomes"], 2)),
        }

    def certificates(self) -> list[tuple[str, str]]:
        """(holder, standard) for every certificate the register's members hold."""
        return [(m["name"], norm) for m in self.members for norm in (m.get("iso_norms") or "").split(", ") if norm]

    def row_customer_certifications(self, i: int) -> dict[str, Any]:
        held = self.certificates() or [(self.cluster, self.c.members["words"]["norms"][0])]
        (holder, standard), _ = self.nth(held, i)
        code = ids.slug(standard.split(":")[0]).upper().replace("-", "")
        return {
            "standard": standard,
            "holder": holder,
            "number": f"PL-{code}-{self.rng.randint(1000, 99_999)}",
            "valid_until": self.today + dt.timedelta(days=self.rng.randint(120, 1000)),
        }

    # Area 6: public policies ---------------------------------------------------------------------------------------
    def row_policy_dual_education(self, i: int) -> dict[str, Any]:
        school, suffix = self.nth(self.act("dual_education")["records"], i, " – klasa patronacka {}")
        return {
            "school": school["school"].format(city_loc=self.coord_city.locative) + suffix,
            "level": school["level"],
            "members": "; ".join(self.some_members(1, 4, tuple(self.d.enterprise_types))),
            "students": self.rng.randint(8, 60),
            "description": school["description"],
        }

    def row_policy_startup_cooperation(self, i: int) -> dict[str, Any]:
        startups = [m["name"] for m in self.members if m.get("startup")] or self.c.members["words"]["startup_brands"]
        large = [m["name"] for m in self.members if m["type"] == "large"] or [self.cluster]
        coop, _ = self.nth(self.act("startup_cooperation")["records"], i)
        date = self.past_date()
        return {
            "startup": startups[i % len(startups)],
            "large_enterprise": self.rng.choice(large),
            "subject": coop["subject"],
            "date": date,
            "evidence": coop["evidence"].format(date=format_date(date)),
        }

    # The cluster's activity and partners (newer forms) -------------------------------------------------------------
    def row_cluster_activity_evidence(self, i: int) -> dict[str, Any]:
        evidence, suffix = self.nth(self.act("activity_evidence")["records"], i)
        date = self.label_date if evidence.get("year") == "label" else self.past_date()
        year = evidence["year"] if isinstance(evidence.get("year"), int) else date.year
        ctx = {
            "label_name": self.ctx["label_name"],
            "label_date": format_date(self.label_date),
            "date": format_date(date),
        }
        return {
            "kind": evidence["kind"],
            "year": year,
            "description": evidence["description"].format(year=year, **ctx) + suffix,
            "reference": evidence["reference"].format(year=year, **ctx),
        }

    def row_cluster_partner_clusters(self, i: int) -> dict[str, Any]:
        partner, suffix = self.nth(self.act("partner_clusters")["records"], i)
        kkk_codes = self._codes(self.d.table("cluster.partner_clusters").column("kkk_cluster").list)
        listed = partner.get("kkk") in kkk_codes
        return {
            "kkk_cluster": partner["kkk"] if listed else None,
            "name": None if listed else (partner.get("name") or partner.get("kkk", "")) + suffix,
            "is_kkk": listed,
            "subject": partner["subject"],
            "year": self.past_date().year,
        }

    def row_attachments(self, i: int) -> dict[str, Any]:
        files = self.act("attachments")
        rule = self.rule("attachment_kinds", "attachments")
        required = list(rule.params.get("required", ())) if rule else ["agreement", "strategy", "financials"]
        kinds_list = self.d.table("attachments").column("kind").list
        codes = self._codes(kinds_list) or ["other"]
        other = "other" if "other" in codes else codes[-1]
        if i < len(required):
            kind = required[i]
            spec = files.get(kind, {"title": self.d.choice_label(kinds_list, kind), "file": f"{kind}.pdf"})
        elif i == len(required):
            kind, spec = other, files["other"]
        else:
            kind, spec = other, files["declaration"]
        member = self.members[(i - len(required) - 1) % len(self.members)]["name"] if self.members else self.cluster
        ctx = dict(self.ctx, ref_2=self.ref - 2, ref=self.ref, member=member, n=i)
        title, file_name = spec["title"].format(**ctx), spec["file"].format(**ctx)
        content = (
            "%PDF-1.4\n%âãÏÓ\n"
            f"% {title}\n% {self.cluster}\n% {self.coordinator}, {self.coord_city.name}\n"
            f"% {files['note']}\n"
            "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            "trailer << /Root 1 0 R >>\n%%EOF\n"
        ).encode()
        return {"title": title, "kind": kind, "file_name": file_name, "sha256": self.doc.attach(content)}
