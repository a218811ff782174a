"""Facts the background workers report to the reader screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from nkreader.library import SyncReport
from nkreader.model import Article, Entity, SearchHit, SearchResult, Snippet
from nkreader.render import Rendered
from nkreader.tui.highlighting import MentionSpan


@dataclass
class LibrarySynced(Message):
    report: SyncReport


@dataclass
class LibraryListed(Message):
    """The whole library as last indexed, shown while the sync checks the files."""

    result: SearchResult


@dataclass
class SearchFinished(Message):
    generation: int
    result: SearchResult


@dataclass
class SnippetsFetched(Message):
    query: str
    snippets: dict[str, Snippet]


@dataclass
class ArticleLoaded(Message):
    article: Article
    rendered: Rendered
    hits: tuple[tuple[int, int], ...]
    """Text spans of the query's matches in the body, in reading order."""
    title_hits: tuple[tuple[int, int], ...]
    entities: tuple[Entity, ...] | None = None
    """The entities when the cache had them; None sends for them."""
    mentions: tuple[MentionSpan, ...] = ()
    """Their mentions as spans of the rendered text."""


@dataclass
class EntitiesFound(Message):
    article_id: str
    entities: tuple[Entity, ...]
    spans: tuple[MentionSpan, ...]
    """Every mention as a span of the rendered text, in reading order."""


@dataclass
class RelatedFound(Message):
    article_id: str
    hits: tuple[SearchHit, ...]


@dataclass
class WorkFailed(Message):
    """A worker hit a problem the user should see, already phrased as one line."""

    what: str
    reason: str


class SyncFailed(WorkFailed):
    """Indexing failed: searches wait for the next sync rather than each retry it."""
