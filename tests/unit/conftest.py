from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from nkreader.cli import main
from nkreader.config import Settings
from nkreader.library import Library

CORE_DATA = Path(__file__).resolve().parent.parent / "data" / "core"


_EXTRACTORS: dict[str, Any] = {}


@pytest.fixture
def shared_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds the default entity extractor once per run: building it costs more than a test."""
    import nkreader.entities

    real = nkreader.entities.Extractor

    def extractor(user_knowledge: Path | None = None) -> Any:
        if user_knowledge is not None:
            return real(user_knowledge)
        if "default" not in _EXTRACTORS:
            _EXTRACTORS["default"] = real(None)
        return _EXTRACTORS["default"]

    monkeypatch.setattr(nkreader.entities, "Extractor", extractor)


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A writable copy of the test corpus: 8 short reports, 2021-2024, one undated."""
    folder = tmp_path / "corpus"
    shutil.copytree(CORE_DATA, folder)
    return folder


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def settings(home: Path, corpus_dir: Path, index_dir: Path, shared_extractor: None) -> Settings:
    """The test corpus plus the home's articles folder, so imports become searchable."""
    return Settings(
        home=home,
        corpus_dirs=(corpus_dir, home / "articles"),
        index_dir=index_dir,
    )


@pytest.fixture
def library(settings: Settings) -> Iterator[Library]:
    lib = Library(settings)
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def shared_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """One library over the test corpus for tests that only read it."""
    root = tmp_path_factory.mktemp("shared")
    shutil.copytree(CORE_DATA, root / "corpus")
    lib = Library(
        Settings(home=root / "home", corpus_dirs=(root / "corpus",), index_dir=root / "index")
    )
    yield lib
    lib.close()


@pytest.fixture
def open_library(settings: Settings) -> Iterator[Callable[[], Library]]:
    """Opens a fresh Library on the same folders, as each CLI run does."""
    opened: list[Library] = []

    def make() -> Library:
        lib = Library(settings)
        opened.append(lib)
        return lib

    yield make
    for lib in opened:
        lib.close()


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def _runner(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path, index_dir: Path
) -> Callable[..., Run]:
    def run(*args: str, corpus: bool = True) -> Run:
        capsys.readouterr()
        prefix = ["--corpus", str(corpus_dir), "--index", str(index_dir)] if corpus else []
        try:
            code = main([*prefix, *args])
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def cli(
    corpus_dir: Path,
    index_dir: Path,
    home: Path,
    shared_extractor: None,
    capsys: pytest.CaptureFixture[str],
) -> Callable[..., Run]:
    """Runs `nkreader --corpus <test corpus> --index <tmp> ARGS` in-process."""
    return _runner(capsys, corpus_dir, index_dir)


@pytest.fixture(scope="module")
def shared_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A test corpus and its built index, for CLI tests that only read them."""
    root = tmp_path_factory.mktemp("shared-cli")
    corpus, index = root / "corpus", root / "index"
    shutil.copytree(CORE_DATA, corpus)
    lib = Library(Settings(home=root / "home", corpus_dirs=(corpus,), index_dir=index))
    lib.sync()
    lib.close()
    return corpus, index


@pytest.fixture
def make_cli(
    home: Path, shared_extractor: None, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Callable[..., Run]]:
    """A `cli` over any corpus and index folders."""
    return lambda corpus, index: _runner(capsys, corpus, index)


@pytest.fixture
def shared_cli(
    shared_dirs: tuple[Path, Path], home: Path, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Run]:
    """`cli` over a shared, already indexed corpus that no test may change."""
    return _runner(capsys, *shared_dirs)


def _article_text(
    article_id: str, title: str, body: str, *, published: str | None = None, **extra: str
) -> str:
    lines = ["---", f"id: {article_id}", f"title: {title}"]
    if published:
        lines.append(f"published: {published}")
    lines += [f"{key}: {value}" for key, value in extra.items()]
    lines += ["---", "", body, ""]
    return "\n".join(lines)


@pytest.fixture
def article_text() -> Callable[..., str]:
    """Builds Markdown with front matter, as a corpus file holds it."""
    return _article_text
