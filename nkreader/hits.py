"""Result lists that stay cheap at 100,000 articles: hits built on demand, dates pre-sorted."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from operator import attrgetter
from typing import overload

from nkreader.catalog import FileRecord
from nkreader.model import SearchHit, Sort

Ranked = Sequence[tuple[str, float]]


class HitList(Sequence[SearchHit]):
    """Search hits over ranked ids, each built when it is first read.

    The app lists every hit of a search; at 100,000 articles building them all up front costs
    more than the search itself, while a screen shows a dozen.
    """

    __slots__ = ("_built", "_ranked", "_records")

    def __init__(self, ranked: Ranked, records: Mapping[str, FileRecord]) -> None:
        self._ranked = ranked
        self._records = records
        self._built: dict[int, SearchHit] = {}

    def __len__(self) -> int:
        return len(self._ranked)

    @overload
    def __getitem__(self, index: int) -> SearchHit: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[SearchHit, ...]: ...

    def __getitem__(self, index: int | slice) -> SearchHit | tuple[SearchHit, ...]:
        if isinstance(index, slice):
            return tuple(self[number] for number in range(*index.indices(len(self))))
        if index < 0:
            index += len(self._ranked)
        hit = self._built.get(index)
        if hit is None:
            article_id, score = self._ranked[index]
            hit = self._built[index] = make_hit(self._records, article_id, score)
        return hit

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list, not a value

    def __repr__(self) -> str:
        return f"HitList({len(self)} hits)"


def make_hit(records: Mapping[str, FileRecord], article_id: str, score: float) -> SearchHit:
    """The hit for an id, with the title, outlet and date the catalog holds for it."""
    record = records.get(article_id)
    if record is None:  # indexed but gone from the catalog since: show the id alone
        return SearchHit(article_id, article_id, None, None, score, None)
    return SearchHit(article_id, record.title, record.outlet, record.published, score, None)


def date_order(records: Collection[FileRecord], sort: Sort) -> list[tuple[str, float]]:
    """Every article newest or oldest first, undated ones last, ties in id order."""
    dated = sorted((r for r in records if r.published is not None), key=attrgetter("id"))
    # A stable sort by date keeps ties in id order, also when reversed.
    dated.sort(key=attrgetter("published"), reverse=sort == "newest")
    undated = sorted(r.id for r in records if r.published is None)
    return [(r.id, 0.0) for r in dated] + [(article_id, 0.0) for article_id in undated]
