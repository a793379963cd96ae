"""A demo application: a fictional but realistic Polish cluster, generated from a form definition.

`make_demo(definition)` fills every field and every table of the definition: the well-known keys of the KKK
catalogue get content written for them (Polish prose, realistic names, NIP/REGON/KRS that fit the seat and the
date), anything else falls back to a plausible value of its type, so a new round's file needs no change here.
Deterministic: the same arguments give the same document (`random.Random(seed)`, the date only through `today`).

With `problems=True` the application carries exactly three errors a user finds with the check and fixes easily:
a member's NIP with a wrong check digit, a member whose export exceeds its sales, and an empty required text
(`policy.kis_justification`). With `problems=False` the check finds no errors.

Pure Python: no Qt, no database. The content (names, places, prose, figures) lives in data/*.toml, read by
content.py; register.py makes the members, tables.py the rows of the other tables, generator.py puts them together.
The cluster, its members and people are invented; any likeness is accidental.
"""

from forms.demo.generator import DEMO_PROBLEM_FIELD, make_demo
from forms.demo.identifiers import seeded_nip

__all__ = ["make_demo", "seeded_nip", "DEMO_PROBLEM_FIELD"]
