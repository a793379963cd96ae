"""Identifiers of the demo that fit the entity they belong to: a NIP from its seat's tax office, a REGON from its
voivodeship, KRS and industrial-property numbers that fit their dates, e-mail domains that are valid host names.

The check digits come from python-stdnum; the rules of thumb (which prefix, which number in which year) come from
data/places.toml and data/identifiers.toml.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from stdnum.pl import nip as std_nip
from stdnum.pl import regon as std_regon

from forms.search import fold

_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by single hyphens: "Ostrowiec Świętokrzyski" -> "ostrowiec-swietokrzyski"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def initials(text: str) -> str:
    """The first letters of a name's words: "Zakład Mechaniki Precyzyjnej" -> "zmp"."""
    return "".join(w[0] for w in slug(text).split("-") if w)


def is_host_name(domain: str) -> bool:
    """A domain every mail program accepts: at least two labels of letters, digits and inner hyphens, no '--'."""
    labels = domain.split(".")
    return (
        len(labels) >= 2
        and len(domain) <= 253
        and all(_LABEL.fullmatch(label) and "--" not in label for label in labels)
        and labels[-1].isalpha()
    )


def domain(pattern: str, **parts: str) -> str:
    """An e-mail domain from a pattern of data/members.toml, every part written as a host-name label."""
    host = pattern.format(**{key: slug(value) for key, value in parts.items()})
    host = ".".join(label[:63].strip("-") for label in host.split("."))
    if not is_host_name(host):
        raise ValueError(f"not a host name: {host!r} (from {pattern!r})")
    return host


def nip(rng: random.Random, offices: list[str], used: set[str]) -> str:
    """A valid NIP issued by one of the tax offices (their three-digit prefixes), not in `used`."""
    while True:
        body = f"{rng.choice(offices)}{rng.randint(0, 999_999):06d}"
        check = std_nip.checksum(body + "0")
        if check != 10 and body + str(check) not in used:
            used.add(body + str(check))
            return body + str(check)


def seeded_nip(seed: int) -> str:
    """A valid NIP, a different one for every seed (tests and benchmarks number their members with it)."""
    base = 100_000_000 + seed * 7
    while std_nip.checksum(f"{base:09d}0") == 10:
        base += 1
    return f"{base:09d}{std_nip.checksum(f'{base:09d}0')}"


def regon(rng: random.Random, voivodeship: str, used: set[str]) -> str:
    """A valid nine-digit REGON entered in the voivodeship (its two-digit code leads the number), not in `used`."""
    while True:
        body = f"{voivodeship}{rng.randint(0, 999_999):06d}"
        number = body + std_regon.calc_check_digit(body)
        if number not in used:
            used.add(number)
            return number


def on_the_line(points: list[list[int]], when: dt.date) -> float:
    """The number reached at `when` on a line through (year, number) points, extended past both ends."""
    t = when.year + (when.timetuple().tm_yday - 1) / 366
    (y0, n0), (y1, n1) = points[0], points[1]
    for (ya, na), (yb, nb) in zip(points, points[1:], strict=False):
        (y0, n0), (y1, n1) = (ya, na), (yb, nb)
        if t < yb:
            break
    return n0 + (n1 - n0) * (t - y0) / (y1 - y0)


def krs(rng: random.Random, points: list[list[int]], entered: dt.date) -> str:
    """A KRS number of an entry made about `entered` (ten digits, zeros in front)."""
    number = max(1, round(on_the_line(points, entered) + rng.uniform(-1500, 1500)))
    return f"{number:010d}"


def ip_number(spec: dict, granted: dt.date, rng: random.Random) -> str:
    """The number of an industrial-property right granted on `granted`: where the line is that day, plus at most
    a week's numbers, so that of two rights granted a week apart or more the later has the higher number."""
    here = on_the_line(spec["points"], granted)
    value = round(here + rng.uniform(0, on_the_line(spec["points"], granted + dt.timedelta(days=7)) - here))
    digits = spec.get("digits")
    return f"{spec.get('prefix', '')}{value:0{digits}d}" if digits else f"{spec.get('prefix', '')}{value}"
