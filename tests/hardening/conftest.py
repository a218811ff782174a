"""Isolation for the hardening tests: every run gets its own home, corpus and index."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hardening_support import Nkreader, run_nkreader


@pytest.fixture
def nkreader(home: Path) -> Nkreader:
    """Runs nkreader in a child process with the test's own home."""

    def run(*args: str | Path, **options: object) -> subprocess.CompletedProcess[str]:
        return run_nkreader(*args, home=home, **options)  # type: ignore[arg-type]

    return run
