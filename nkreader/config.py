"""Settings: where the library's articles and index live, built once and passed down."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "nkreader"


def bundled_corpus() -> Path:
    """The corpus shipped with nkreader, in a source checkout or an installed wheel."""
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "corpus"
    if installed.is_dir():
        return installed
    return package_dir.parent / "corpus"


def bundled_knowledge() -> Path:
    """The entity knowledge file shipped with nkreader."""
    return Path(__file__).resolve().parent / "data" / "knowledge.yaml"


def default_home(environ: Mapping[str, str]) -> Path:
    """`$NKREADER_HOME`, else the platform's user data directory."""
    if environ.get("NKREADER_HOME"):
        return Path(environ["NKREADER_HOME"]).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


@dataclass(frozen=True)
class Settings:
    home: Path
    corpus_dirs: tuple[Path, ...]
    index_dir: Path

    @property
    def articles_dir(self) -> Path:
        """Where `nkreader add` writes imported articles."""
        return self.home / "articles"

    @property
    def user_knowledge(self) -> Path:
        """The user's own entity knowledge file, applied on top of the bundled one."""
        return self.home / "knowledge.yaml"

    @classmethod
    def build(
        cls,
        corpus: Sequence[Path] = (),
        index: Path | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        """Settings from command-line flags and the environment."""
        env = os.environ if environ is None else environ
        home = default_home(env)
        if corpus:
            corpus_dirs = tuple(Path(c).expanduser().resolve() for c in corpus)
        else:
            corpus_dirs = (bundled_corpus(), home / "articles")
        index_dir = Path(index).expanduser() if index else home / "index"
        return cls(home=home, corpus_dirs=corpus_dirs, index_dir=index_dir.resolve())
