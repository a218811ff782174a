"""Waiting for the reader screen in Pilot tests."""

from __future__ import annotations

from textual.pilot import Pilot

from nkreader.tui.screens.reader import ReaderScreen


def reader(pilot: Pilot[None]) -> ReaderScreen:
    screen = pilot.app.screen_stack[0]
    assert isinstance(screen, ReaderScreen)
    return screen


async def settle(pilot: Pilot[None], timeout: float = 10.0) -> ReaderScreen:
    """Wait until indexing, the latest search and any article load have finished."""
    screen = reader(pilot)
    waited = 0.0
    while waited < timeout:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if screen.settled and not any(w.is_running for w in pilot.app.workers):
            return screen
        await pilot.pause(0.05)
        waited += 0.05
    raise AssertionError("the reader screen did not settle")


async def search_for(pilot: Pilot[None], query: str) -> ReaderScreen:
    await settle(pilot)
    await pilot.press("slash")
    screen = reader(pilot)
    if screen.search_box.value:
        screen.search_box.value = ""
    if query:
        await pilot.press(*query)
    return await settle(pilot)


def row_ids(screen: ReaderScreen) -> list[str]:
    return [hit.id for hit in screen.article_list.hits]
