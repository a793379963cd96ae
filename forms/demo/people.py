"""People of the demo: a first name and a surname in the same gender, each person once."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    first: str
    surname: str
    female: bool

    @property
    def full(self) -> str:
        return f"{self.first} {self.surname}"


class People:
    def __init__(self, rng: random.Random, data: dict):
        self.rng, self.data = rng, data
        self.used: set[str] = set()

    def feminine(self, surname: str) -> str:
        """Kowalski -> Kowalska; surnames without a gendered ending stay as they are (Nowak)."""
        for end in self.data["feminine_endings"]:
            if surname.endswith(end):
                return surname[:-1] + "a"
        return surname

    def surname(self) -> str:
        """A surname in its masculine form, as firms are named ("Kowalski i Wspólnicy")."""
        return self.rng.choice(self.data["surnames"])

    def person(self) -> Person:
        """Someone not drawn before (while the combinations last)."""
        while True:
            female = self.rng.random() < 0.5
            first = self.rng.choice(self.data["female" if female else "male"])
            surname = self.surname()
            person = Person(first, self.feminine(surname) if female else surname, female)
            if person.full not in self.used or len(self.used) > 1500:
                self.used.add(person.full)
                return person
