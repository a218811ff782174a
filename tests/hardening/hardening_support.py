"""Helpers shared by the hardening tests: running nkreader and judging what it printed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

# What no byte of an article may turn into on a terminal: C0 controls but tab and
# newline, DEL, and the C1 range (8-bit CSI, OSC, ST...).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

Nkreader = Callable[..., subprocess.CompletedProcess[str]]


def assert_no_traceback(run: subprocess.CompletedProcess[str]) -> None:
    """A command ended by itself with a one-line message, not with a Python error."""
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode in (0, 1), (run.returncode, run.stderr)


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
