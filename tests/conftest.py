"""Test-wide environment: settings that would change every snapshot are removed first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# NO_COLOR is read per App and TEXTUAL_THEME when textual is imported; both recolour the SVGs.
for _name in ("NO_COLOR", "TEXTUAL_THEME"):
    os.environ.pop(_name, None)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty NKREADER_HOME, so no test reads or writes the user's library."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("NKREADER_HOME", str(folder))
    return folder
