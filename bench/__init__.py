"""Benchmarks: `python -m bench [name ...]` prints each figure and its ratio to the raw library in the same run."""
