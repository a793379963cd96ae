"""Timing helpers shared by the benchmarks: best-of-N wall time, peak memory, and a uniform result line."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass
class Result:
    name: str
    seconds: float
    baseline_name: str
    baseline_seconds: float
    target: str
    extra: str = ""

    @property
    def ratio(self) -> float:
        return self.seconds / self.baseline_seconds if self.baseline_seconds else float("inf")

    def line(self) -> str:
        return (
            f"{self.name:<44} {self.seconds * 1000:9.1f} ms   {self.baseline_name:<34} "
            f"{self.baseline_seconds * 1000:9.1f} ms   x{self.ratio:5.2f}   target {self.target}"
            + (f"   {self.extra}" if self.extra else "")
        )


def best_of(fn: Callable[[], Any], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def peak_memory_mb(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()
