"""Work in a worker thread: garbage is collected on the UI thread only while it runs (collecting a cycle that holds a
Qt object from the worker would delete it off the UI thread), and collection resumes when the work has ended."""

from __future__ import annotations

import gc

import pytest

pytest.importorskip("pytestqt")

from ui.background import run_in_background  # noqa: E402


def test_no_cycle_collection_in_the_worker_and_it_resumes_after(qtbot):
    assert gc.isenabled()
    seen = []

    def work(progress):
        seen.append(gc.isenabled())
        return 42

    assert run_in_background(None, "Praca…", work) == 42
    assert seen == [False], "the collector is held while the worker runs"
    assert gc.isenabled(), "and resumes once the UI thread has the result"


def test_a_failing_job_resumes_collection_too(qtbot):
    def work(progress):
        raise ValueError("zła praca")

    with pytest.raises(ValueError, match="zła praca"):
        run_in_background(None, "Praca…", work)
    assert gc.isenabled()
