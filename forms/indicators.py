"""Indicators computed from the member register (and other tables) exactly as the definition declares them.

Percentages are 0-100 `Decimal`s rounded half up to two places; the denominator of a share is its population
(for the KKK indicators: the enterprises of the cluster, never all members).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from forms.document import Document, Row
from forms.schema import IndicatorDef

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class IndicatorValue:
    definition: IndicatorDef
    value: Any  # Decimal (share, ratio, sum), int (count), dict[str, int] (count_by), None (no data)
    numerator: Any = None
    denominator: Any = None

    @property
    def id(self) -> str:
        return self.definition.id

    @property
    def is_percent(self) -> bool:
        return self.definition.kind in ("share", "ratio")

    @property
    def kkk_average(self) -> Decimal | None:
        return self.definition.kkk_average

    @property
    def difference(self) -> Decimal | None:
        """Percentage points above (positive) or below the KKK average."""
        if self.kkk_average is None or self.value is None:
            return None
        return (self.value - self.kkk_average).quantize(CENT)

    def to_json(self) -> dict[str, Any]:
        def conv(v: Any) -> Any:
            return str(v) if isinstance(v, Decimal) else v

        out = {
            "id": self.id,
            "kind": self.definition.kind,
            "label": self.definition.label.pl,
            "value": conv(self.value),
        }
        if self.kkk_average is not None:
            out["kkk_average"] = str(self.kkk_average)
            out["difference"] = conv(self.difference)
        if self.numerator is not None:
            out["numerator"] = conv(self.numerator)
            out["denominator"] = conv(self.denominator)
        return out


def _matches(row: Row, where: dict[str, Any] | None) -> bool:
    if not where:
        return True
    value = row.get(where["column"])
    if "gt" in where:
        return value is not None and Decimal(value) > Decimal(str(where["gt"]))
    if "is" in where:
        return value is where["is"]
    if "min_count" in where:
        return value is not None and len(value) >= int(where["min_count"])
    if "in" in where:
        return value is not None and str(value) in {str(v) for v in where["in"]}
    raise ValueError(f"unknown predicate {where}")


def _percent(num: Decimal, den: Decimal) -> Decimal | None:
    if den == 0:
        return None
    return (Decimal(num) * HUNDRED / Decimal(den)).quantize(CENT, rounding=ROUND_HALF_UP)


def _population(doc: Document, ind: IndicatorDef) -> list[Row]:
    rows = doc.tables.get(ind.params.get("table", "members"), [])
    if ind.params.get("population") == "enterprises":
        types = set(doc.definition.enterprise_types)
        return [r for r in rows if r.get("type") in types]
    return list(rows)


def _sum(rows: list[Row], column: str) -> Decimal:
    return sum((Decimal(r.get(column)) for r in rows if r.get(column) is not None), Decimal(0))


def compute_one(doc: Document, ind: IndicatorDef) -> IndicatorValue:
    rows = _population(doc, ind)
    p = ind.params
    if ind.kind == "count":
        return IndicatorValue(ind, sum(1 for r in rows if _matches(r, p.get("where"))))
    if ind.kind == "count_by":
        counts: dict[str, int] = {}
        for r in rows:
            key = r.get(p["column"])
            if key is not None:
                counts[key] = counts.get(key, 0) + 1
        return IndicatorValue(ind, counts)
    if ind.kind == "share":
        hits = sum(1 for r in rows if _matches(r, p.get("where")))
        return IndicatorValue(ind, _percent(Decimal(hits), Decimal(len(rows))), hits, len(rows))
    if ind.kind == "sum":
        return IndicatorValue(ind, _sum(rows, p["column"]))
    if ind.kind == "ratio":
        num, den = _sum(rows, p["numerator"]), _sum(rows, p["denominator"])
        return IndicatorValue(ind, _percent(num, den), num, den)
    raise ValueError(f"unknown indicator kind {ind.kind}")


def compute_indicators(doc: Document) -> list[IndicatorValue]:
    return [compute_one(doc, ind) for ind in doc.definition.indicators]
