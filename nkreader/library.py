"""The facade the CLI and the app hold: articles on disk plus their search index."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from nkreader.config import Settings
from nkreader.model import Article, SearchHit, SearchResult, Snippet, Sort


class LibraryError(Exception):
    """A problem the user can fix, reported as one line."""


@dataclass(frozen=True)
class SyncReport:
    added: int
    updated: int
    removed: int
    seconds: float
    rebuilt: bool = False
    notice: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.rebuilt)


@dataclass(frozen=True)
class ImportOutcome:
    source: Path
    status: str  # "added" | "updated" | "skipped"
    reason: str
    article_id: str | None = None


Progress = Callable[[int, int], None]


class Library:
    """Articles from a set of corpus folders, searchable through a Whoosh index."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def sync(self, *, rebuild: bool = False, progress: Progress | None = None) -> SyncReport:
        """Bring the index up to date with the corpus folders."""
        raise NotImplementedError

    def search(
        self,
        query: str,
        *,
        sort: Sort = "relevance",
        limit: int | None = 20,
        snippets: bool = True,
    ) -> SearchResult:
        """Run a query; an empty query lists the whole library."""
        raise NotImplementedError

    def snippets(self, query: str, ids: Sequence[str]) -> dict[str, Snippet]:
        """Snippets for just the given hits, so a list computes them only for visible rows."""
        raise NotImplementedError

    def highlights(self, query: str, text: str) -> tuple[tuple[int, int], ...]:
        """Spans of `text` that the query's terms match."""
        raise NotImplementedError

    def get(self, ref: str) -> Article:
        """The article with this id or unique id prefix."""
        raise NotImplementedError

    def related(self, ref: str, *, limit: int = 10) -> tuple[SearchHit, ...]:
        """Articles like this one, from its key terms."""
        raise NotImplementedError

    def add(self, paths: Sequence[Path]) -> list[ImportOutcome]:
        """Import files and folders into the user's articles folder."""
        raise NotImplementedError
