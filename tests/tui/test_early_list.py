"""A library indexed before lists at once from its catalog, then follows what the sync finds."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from pilot_helpers import reader, row_ids, settle
from textual.pilot import Pilot

import nkreader.library
from nkreader.config import Settings
from nkreader.corpus import stat_corpus
from nkreader.library import Library, LibraryError, SyncReport
from nkreader.model import SearchResult, Sort
from nkreader.tui.app import NkReaderApp
from nkreader.tui.messages import LibraryListed

AppFactory = Callable[[], NkReaderApp]


def index_once(settings: Settings) -> None:
    library = Library(settings)
    library.sync()
    library.close()


async def test_an_indexed_library_is_listed_before_the_sync_and_kept_when_unchanged(
    make_app: AppFactory, tui_settings: Settings
) -> None:
    index_once(tui_settings)
    app = make_app()
    listed: list[LibraryListed] = []
    async with app.run_test(size=(120, 40), message_hook=_keep(listed)) as pilot:
        screen = await settle(pilot)
        await pilot.pause()

        assert listed and listed[0].result.total == 7  # the hook sees it as it bubbles, too
        assert row_ids(screen)[0] == "hwasong-icbm-launch"
        assert "checking" not in str(screen.status.render())


async def test_files_changed_since_the_last_index_reach_the_list_after_the_sync(
    make_app: AppFactory, tui_settings: Settings
) -> None:
    index_once(tui_settings)
    corpus = tui_settings.corpus_dirs[0]
    text = (corpus / "hwasong-icbm-launch.md").read_text()
    newer = text.replace("id: hwasong-icbm-launch", "id: written-since")
    (corpus / "written-since.md").write_text(
        newer.replace("published: ", "published: 2099-01-01\n#", 1)
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)

        assert row_ids(screen)[0] == "written-since"
        assert len(row_ids(screen)) == 8


async def test_a_query_typed_while_the_files_are_checked_is_answered_at_once(
    make_app: AppFactory, tui_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_once(tui_settings)
    corpus = tui_settings.corpus_dirs[0]
    text = (corpus / "hwasong-icbm-launch.md").read_text()
    (corpus / "written-since.md").write_text(
        text.replace("id: hwasong-icbm-launch", "id: written-since")
    )
    go_on = threading.Event()

    def slow_stat(folders: Sequence[Path]) -> dict[str, os.stat_result]:
        go_on.wait(10)  # a library big enough that checking its files takes a while
        return stat_corpus(folders)

    monkeypatch.setattr(nkreader.library, "stat_corpus", slow_stat)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(pilot)
        await until(pilot, lambda: bool(row_ids(screen)))
        await pilot.press("slash", *"hwasong")
        await until(pilot, lambda: len(row_ids(screen)) == 1)
        during, checking = row_ids(screen), not screen.ready
        go_on.set()
        await settle(pilot)

        assert checking and during == ["hwasong-icbm-launch"]
        assert sorted(row_ids(screen)) == ["hwasong-icbm-launch", "written-since"]


async def test_a_query_typed_before_the_listing_is_searched_when_it_comes(
    make_app: AppFactory, tui_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_once(tui_settings)
    listing_may_come, go_on = threading.Event(), threading.Event()
    real_listing = Library.catalog_listing

    def slow_listing(self: Library, sort: Sort = "newest") -> SearchResult | None:
        listing_may_come.wait(10)
        return real_listing(self, sort)

    def slow_stat(folders: Sequence[Path]) -> dict[str, os.stat_result]:
        go_on.wait(10)
        return stat_corpus(folders)

    monkeypatch.setattr(Library, "catalog_listing", slow_listing)
    monkeypatch.setattr(nkreader.library, "stat_corpus", slow_stat)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(pilot)
        await pilot.press("slash", *"hwasong")
        await pilot.pause(0.1)
        listing_may_come.set()
        await until(pilot, lambda: row_ids(screen) == ["hwasong-icbm-launch"])
        checking = not screen.ready
        go_on.set()
        await settle(pilot)

        assert checking
        assert row_ids(screen) == ["hwasong-icbm-launch"]


async def test_a_failed_sync_is_said_once_and_typing_does_not_retry_it(
    make_app: AppFactory, tui_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_once(tui_settings)
    attempts: list[int] = []

    def locked(self: Library, *args: object) -> SyncReport:
        attempts.append(1)
        raise LibraryError("the index is locked by another nkreader process; try again shortly")

    monkeypatch.setattr(Library, "_sync_locked", locked)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(pilot)
        await until(pilot, lambda: "Indexing failed" in str(screen.status.render()))
        await pilot.press("slash", *"hwasong")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()

        assert attempts == [1]
        assert "Indexing" in str(screen.status.render())


async def until(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 5.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the screen never showed it")


def _keep(listed: list[LibraryListed]) -> Callable[[object], None]:
    def hook(message: object) -> None:
        if isinstance(message, LibraryListed):
            listed.append(message)

    return hook
