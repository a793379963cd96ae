"""The demo's content, read once from the TOML files in data/: one concern a file (the cluster, its members, places,
people, what it has done, identifiers that grow with time, long texts). Realism fixes are edits there.

`content()` checks what the generator relies on (every city named exists, every pattern uses known parts, every
table record has its columns) and refuses a file that breaks it with the file and the key.
"""

from __future__ import annotations

import math
import string
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"
FILES = ("cluster", "members", "places", "people", "activities", "identifiers", "prose")
NAME_PARTS = frozenset(
    "brand trade large_trade initials first surname first2 surname2 surname_m city city_loc startup".split()
)
RECORD_KEYS = {  # table -> the keys each of its records needs
    "bodies": {"name", "composition", "competences"},
    "assets": {"name", "kind", "description", "value_min", "value_max"},
    "shared_assets": {"name", "access_terms"},
    "events": {"name", "kind", "country", "month"},
    "services": {"name", "category", "paid", "description"},
    "joint_products": {"name", "description"},
    "missions": {"name", "country"},
    "dual_education": {"school", "level", "description"},
    "startup_cooperation": {"subject", "evidence"},
    "activity_evidence": {"kind", "description", "reference"},
    "partner_clusters": {"subject"},
}


class ContentError(ValueError):
    """A data file of the demo is not what the generator needs."""


@dataclass(frozen=True)
class City:
    voivodeship: str
    name: str
    locative: str
    postcode: str
    phone: str
    tax_offices: tuple[str, ...]
    lat: float
    lon: float

    def km_to(self, other: City) -> float:
        """The great-circle distance in kilometres."""
        p1, p2 = math.radians(self.lat), math.radians(other.lat)
        dp, dl = p2 - p1, math.radians(other.lon - self.lon)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 6371 * 2 * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class Content:
    cluster: dict[str, Any]
    members: dict[str, Any]
    places: dict[str, Any]
    people: dict[str, Any]
    activities: dict[str, Any]
    identifiers: dict[str, Any]
    prose: dict[str, list[str]]
    cities: tuple[City, ...]

    def city(self, name: str) -> City:
        return next(c for c in self.cities if c.name == name)

    def cities_in(self, voivodeship: str) -> list[City]:
        return [c for c in self.cities if c.voivodeship == voivodeship]


@cache
def content() -> Content:
    raw = {}
    for name in FILES:
        path = DATA_DIR / f"{name}.toml"
        try:
            raw[name] = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ContentError(f"{path.name}: {exc}") from exc
    cities = tuple(City(**{**c, "tax_offices": tuple(c["tax_offices"])}) for c in raw["places"].get("cities", ()))
    prose = {key: section["sentences"] for key, section in raw["prose"].get("prose", {}).items()}
    result = Content(**{k: v for k, v in raw.items() if k != "prose"}, prose=prose, cities=cities)
    _check(result)
    return result


def _check(c: Content) -> None:
    names = {city.name for city in c.cities}

    def need(ok: bool, where: str, what: str) -> None:
        if not ok:
            raise ContentError(f"{where}: {what}")

    need(bool(c.cities), "places.toml", "no cities")
    need(c.cluster.get("home_city") in names, "cluster.toml home_city", "not a city of places.toml")
    need("*" in c.prose, "prose.toml", 'no [prose."*"] for long texts it does not know')
    for key, sentences in c.prose.items():
        need(bool(sentences), f'prose.toml [prose."{key}"]', "no sentences")
    for kind, patterns in c.members["names"].items():
        for p in patterns:
            _check_pattern(p, f"members.toml names.{kind}", need)
    for kind, group in c.members["institutions"].items():
        for p in group.get("unique", ()):
            need(p.get("city") in names, f"members.toml institutions.{kind} {p.get('name')!r}", "city not in places")
            _check_pattern(p, f"members.toml institutions.{kind}", need)
        for p in group.get("templates", ()):
            _check_pattern(p, f"members.toml institutions.{kind}", need)
    for table, keys in RECORD_KEYS.items():
        for i, record in enumerate(c.activities[table]["records"]):
            missing = keys - set(record)
            need(not missing, f"activities.toml [{table}] record {i + 1}", f"missing {', '.join(sorted(missing))}")


def _check_pattern(p: dict[str, Any], where: str, need) -> None:
    need({"name", "domain", "register"} <= set(p), where, f"{p!r} needs name, domain and register")
    need(p["register"] in ("krs", "ceidg", "none"), where, f"register {p['register']!r}: krs, ceidg or none")
    for text in (p["name"], p["domain"]):
        used = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        need(used <= NAME_PARTS, where, f"{text!r} uses {', '.join(sorted(used - NAME_PARTS))}")
