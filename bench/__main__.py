"""`python -m bench [core ...]`: run the benchmarks and print one line per figure."""

from __future__ import annotations

import importlib
import sys

SUITES = ["core", "gui"]


def main(argv: list[str]) -> int:
    names = argv or SUITES
    for name in names:
        if name not in SUITES:
            print(f"unknown benchmark '{name}' (known: {', '.join(SUITES)})", file=sys.stderr)
            return 2
    print(f"{'benchmark':<44} {'time':>12}   {'baseline (same run)':<34} {'time':>12}   ratio")
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        for result in module.run():
            print(result.line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
