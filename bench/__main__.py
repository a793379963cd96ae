"""`python -m bench [core ...]`: run the benchmarks and print one line per figure.

`python -m bench` runs the default suites (SUITES). `python -m bench frozen` builds the frozen program and a bare
frozen Qt program with PyInstaller (about two minutes) and compares their folder size and start; it is opt-in so
the default run never builds anything.
"""

from __future__ import annotations

import importlib
import sys

SUITES = ["core", "storage", "gui", "xlsx", "pdf", "package"]
OPT_IN = ["frozen", "team"]  # run only when named: frozen builds with PyInstaller twice; team starts PostgreSQL


def main(argv: list[str]) -> int:
    names = argv or SUITES
    for name in names:
        if name not in SUITES + OPT_IN:
            print(f"unknown benchmark '{name}' (known: {', '.join(SUITES + OPT_IN)})", file=sys.stderr)
            return 2
    print(f"{'benchmark':<44} {'time':>12}   {'baseline (same run)':<34} {'time':>12}   ratio")
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        for result in module.run():
            print(result.line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
