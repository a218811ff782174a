"""Plain, frozen data that the core hands to the CLI and the app."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal, NamedTuple

Sort = Literal["relevance", "newest", "oldest"]
SORTS: tuple[Sort, ...] = ("relevance", "newest", "oldest")

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "WEAPON", "EVENT", "DATE", "QUANTITY"]
ENTITY_TYPES: tuple[EntityType, ...] = (
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "WEAPON",
    "EVENT",
    "DATE",
    "QUANTITY",
)


@dataclass(frozen=True)
class Article:
    """One report: its metadata and its Markdown body (front matter removed)."""

    id: str
    title: str
    body: str
    path: Path
    content_hash: str
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None
    origin: str | None = None
    tags: tuple[str, ...] = ()
    title_derived: bool = False
    published_derived: bool = False
    warnings: tuple[str, ...] = ()

    @property
    def word_count(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True)
class Snippet:
    """A fragment of text with the character spans that matched the query."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str
    outlet: str | None
    published: date | None
    score: float
    snippet: Snippet | None = None


@dataclass(frozen=True)
class SearchResult:
    query: str
    sort: Sort
    total: int
    hits: Sequence[SearchHit]
    suggestion: str | None = None
    notice: str | None = None
    seconds: float = 0.0


class SearchCancelled(Exception):
    """A search given up because a newer one replaced it (the user typed on)."""


class Mention(NamedTuple):
    """An entity mention as a character span into an article body.

    A named tuple: an article holds hundreds and the index builds them by the million.
    """

    start: int
    end: int
    text: str
    type: EntityType
    canonical: str


@dataclass(frozen=True)
class Entity:
    """All mentions of one canonical entity in one text."""

    canonical: str
    type: EntityType
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...] = field(repr=False)

    @property
    def count(self) -> int:
        return len(self.mentions)
