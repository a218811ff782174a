from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from nkreader.config import Settings
from nkreader.tui.app import NkReaderApp, build_app

TUI_CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


@pytest.fixture
def tui_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The seven-article test corpus with a fresh index, and a home no test shares."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("NKREADER_HOME", str(home))
    corpus = tmp_path / "corpus"
    shutil.copytree(TUI_CORPUS, corpus)
    return Settings.build(corpus=[corpus], index=tmp_path / "index")


@pytest.fixture
def make_app(tui_settings: Settings) -> Callable[[], NkReaderApp]:
    return lambda: build_app(tui_settings)
