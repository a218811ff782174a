"""Isolation for the hardening tests: every run gets its own home, corpus and index."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# What no byte of an article may turn into on a terminal: C0 controls but tab and
# newline, DEL, and the C1 range (8-bit CSI, OSC, ST...).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The only sequences the CLI itself writes, and only on a terminal.
OWN_SGR = re.compile(r"\x1b\[(?:0|1|2|1;33)m")

Nkreader = Callable[..., subprocess.CompletedProcess[str]]


def assert_no_traceback(run: subprocess.CompletedProcess[str]) -> None:
    """A command ended by itself with a one-line message, not with a Python error."""
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode in (0, 1), (run.returncode, run.stderr)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("NKREADER_HOME", str(folder))
    return folder


def run_nkreader(
    *args: str | Path, home: Path, timeout: float = 120, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m nkreader ARGS` in a child, as a user would run it."""
    env = {**os.environ, "NKREADER_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "nkreader", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        env=env,
        timeout=timeout,
        input=stdin,
    )


@pytest.fixture
def nkreader(home: Path) -> Nkreader:
    """Runs nkreader in a child process with the test's own home."""

    def run(*args: str | Path, **options: object) -> subprocess.CompletedProcess[str]:
        return run_nkreader(*args, home=home, **options)  # type: ignore[arg-type]

    return run
