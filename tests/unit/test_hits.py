"""Result lists at scale: hits built on demand, the whole library by date, cancelled searches."""

from __future__ import annotations

import datetime
import itertools
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

import nkreader.index
import nkreader.library
from nkreader.catalog import FileRecord
from nkreader.config import Settings
from nkreader.corpus import stat_corpus
from nkreader.hits import HitList, date_order
from nkreader.library import Library, LibraryError, SyncReport
from nkreader.model import SearchCancelled


def record(article_id: str, published: datetime.date | None) -> FileRecord:
    return FileRecord(
        f"/c/{article_id}.md", 0, 0, "h", article_id, f"T {article_id}", "O", published
    )


def test_whole_library_lists_newest_first_with_undated_last(shared_library: Library) -> None:
    result = shared_library.search("", sort="newest", limit=None, snippets=False)

    dates = [hit.published for hit in result.hits]
    dated = [d for d in dates if d is not None]
    assert result.total == len(result.hits) == 8
    assert dated == sorted(dated, reverse=True)
    assert dates[-1] is None  # the one undated report


def test_whole_library_oldest_first_is_the_dated_order_reversed(shared_library: Library) -> None:
    newest = shared_library.search("", sort="newest", limit=None, snippets=False).hits
    oldest = shared_library.search("", sort="oldest", limit=None, snippets=False).hits

    assert [h.id for h in oldest[:-1]] == [h.id for h in reversed(newest[:-1])]
    assert oldest[-1].published is None


def test_whole_library_respects_the_limit(shared_library: Library) -> None:
    result = shared_library.search("", sort="newest", limit=3)

    assert len(result.hits) == 3
    assert result.total == 8


def test_whole_library_sees_an_article_added_since(library: Library, corpus_dir: Path) -> None:
    library.search("", sort="newest", limit=None)
    text = (corpus_dir / "nuclear-test-site.md").read_text()
    newer = text.replace("id: nuclear-test-site", "id: from-the-future")
    newer = newer.replace("published: 2022-06-07", "published: 2099-01-01")
    (corpus_dir / "future.md").write_text(newer + "\nA later paragraph.\n")

    library.sync()
    first = library.search("", sort="newest", limit=None).hits[0]

    assert (first.id, first.published) == ("from-the-future", datetime.date(2099, 1, 1))


def test_date_order_keeps_ties_in_id_order_both_ways() -> None:
    day = datetime.date(2024, 5, 1)
    records = [record("b", day), record("a", day), record("c", None), record("z", None)]
    records.append(record("m", datetime.date(2025, 1, 1)))

    assert [i for i, _ in date_order(records, "newest")] == ["m", "a", "b", "c", "z"]
    assert [i for i, _ in date_order(records, "oldest")] == ["a", "b", "m", "c", "z"]


def test_hit_list_builds_hits_from_the_catalog_and_acts_as_a_sequence() -> None:
    records = {r.id: r for r in (record("a", None), record("b", datetime.date(2024, 1, 2)))}
    hits = HitList([("b", 2.0), ("a", 1.0), ("gone", 0.5)], records)

    assert len(hits) == 3
    assert (hits[0].title, hits[0].score, hits[0].published) == ("T b", 2.0, records["b"].published)
    assert hits[-1].id == hits[-1].title == "gone"  # indexed but no longer in the catalog
    assert [h.id for h in hits[1:]] == ["a", "gone"]
    assert hits == tuple(hits) and hits != ()
    assert hits[0] is hits[0]  # built once
    with pytest.raises(IndexError):
        hits[3]


def test_a_cancelled_search_stops_and_leaves_the_index_usable(shared_library: Library) -> None:
    with pytest.raises(SearchCancelled):
        shared_library.search("missile OR launch", limit=None, cancelled=lambda: True)

    result = shared_library.search("missile OR launch", limit=None, cancelled=lambda: False)

    assert result.total > 0
    assert shared_library.search("missile OR launch", limit=None).total == result.total


def test_a_search_cancelled_midway_raises(
    shared_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nkreader.index, "_CANCEL_CHECK_EVERY", 1)
    calls = itertools.count()

    assert shared_library.search("korea", limit=None).total >= 2
    with pytest.raises(SearchCancelled):
        # Still wanted at the first matching document, replaced by the second.
        shared_library.search("korea", limit=None, cancelled=lambda: next(calls) >= 1)


def test_catalog_listing_is_none_before_the_first_index(library: Library) -> None:
    assert library.catalog_listing() is None


def indexed_then_added(settings: Settings, corpus_dir: Path) -> None:
    """Index the corpus, then add an article `added-since` the index does not know."""
    first = Library(settings)
    first.sync()
    first.close()
    text = (corpus_dir / "nuclear-test-site.md").read_text()
    (corpus_dir / "added.md").write_text(text.replace("id: nuclear-test-site", "id: added-since"))


def test_catalog_listing_shows_the_library_as_last_indexed_without_reading_the_disk(
    settings: Settings, corpus_dir: Path
) -> None:
    indexed_then_added(settings, corpus_dir)

    later = Library(settings)
    listing = later.catalog_listing()
    assert listing is not None
    listed = [hit.id for hit in listing.hits]
    synced = [hit.id for hit in later.search("", sort="newest", limit=None).hits]
    later.close()

    assert len(listed) == listing.total == 8 and "added-since" not in listed
    assert listed == [i for i in synced if i != "added-since"]
    assert "added-since" in synced


def test_a_search_during_a_sync_answers_from_the_index_as_last_built(
    settings: Settings, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    indexed_then_added(settings, corpus_dir)
    checking, go_on = threading.Event(), threading.Event()

    def slow_stat(folders: Sequence[Path]) -> dict[str, os.stat_result]:
        checking.set()
        go_on.wait(10)  # a library big enough that checking its files takes a while
        return stat_corpus(folders)

    monkeypatch.setattr(nkreader.library, "stat_corpus", slow_stat)
    later = Library(settings)
    assert later.catalog_listing() is not None
    syncing = threading.Thread(target=later.sync)
    syncing.start()
    checking.wait(10)
    during = [hit.id for hit in later.search("nuclear", limit=None).hits]
    go_on.set()
    syncing.join(10)
    after = [hit.id for hit in later.search("nuclear", limit=None).hits]
    later.close()

    assert "nuclear-test-site" in during and "added-since" not in during
    assert "added-since" in after


def test_a_sync_waiting_for_the_lock_after_checking_the_files_is_not_done_twice(
    settings: Settings, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    indexed_then_added(settings, corpus_dir)
    checked = threading.Event()

    def stat_then_tell(folders: Sequence[Path]) -> dict[str, os.stat_result]:
        found = stat_corpus(folders)
        checked.set()
        return found

    monkeypatch.setattr(nkreader.library, "stat_corpus", stat_then_tell)
    later = Library(settings)
    assert later.catalog_listing() is not None
    reports: list[SyncReport] = []
    with later._lock:  # another worker (snippets, an article) holds the library
        syncing = threading.Thread(target=lambda: reports.append(later.sync()))
        syncing.start()
        checked.wait(10)
        time.sleep(0.05)  # the sync now waits for the lock
        during = [hit.id for hit in later.search("nuclear", limit=None).hits]
    syncing.join(10)
    after = [hit.id for hit in later.search("nuclear", limit=None).hits]
    later.close()

    assert "added-since" not in during
    assert reports[0].added == 1  # the sync that checked the files is the one that adds it
    assert "added-since" in after


def test_warm_search_indexes_if_needed_and_leaves_searches_alike(library: Library) -> None:
    library.warm_search()  # the first call on a new library syncs it

    assert library.search("korea", limit=None).total >= 2


def test_warm_search_keeps_a_library_error_for_the_search_to_report(
    home: Path, corpus_dir: Path
) -> None:
    inside = Library(Settings(home=home, corpus_dirs=(corpus_dir,), index_dir=corpus_dir / "ix"))

    inside.warm_search()  # no exception: the index may not live inside a corpus

    with pytest.raises(LibraryError, match="must not be inside a corpus"):
        inside.search("korea")
