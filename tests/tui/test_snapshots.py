"""What only the screen can show; baselines are in __snapshots__ (--snapshot-update)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from pilot_helpers import reader, search_for, settle
from textual.pilot import Pilot

from nkreader.config import Settings
from nkreader.tui.app import build_app

SIZE = (120, 40)
Before = Callable[[Pilot[None]], Awaitable[None]]


def _steady(pilot: Pilot[None]) -> None:
    """Hide what changes between runs: timings and the blinking cursor."""
    screen = reader(pilot)
    screen.search_box.cursor_blink = False
    if screen.result is not None:
        screen.status.show_result(replace(screen.result, seconds=0.0), screen.suggestion)


def _after_search(query: str, *keys: str) -> Before:
    async def run_before(pilot: Pilot[None]) -> None:
        await search_for(pilot, query)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)
        _steady(pilot)
        await pilot.pause()

    return run_before


def test_library_at_start(snap_compare: Any, tui_settings: Settings) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        _steady(pilot)

    app = build_app(tui_settings)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_article_open_at_first_hit(snap_compare: Any, tui_settings: Settings) -> None:
    app = build_app(tui_settings)
    before = _after_search("missile", "escape", "j", "enter")
    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_zero_hits_with_suggestion(snap_compare: Any, tui_settings: Settings) -> None:
    app = build_app(tui_settings)
    assert snap_compare(app, terminal_size=SIZE, run_before=_after_search("misile"))


def test_help_screen(snap_compare: Any, tui_settings: Settings) -> None:
    app = build_app(tui_settings)
    before = _after_search("", "question_mark")
    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_narrow_terminal(snap_compare: Any, tui_settings: Settings) -> None:
    app = build_app(tui_settings)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_after_search("drones"))


def test_reader_with_entity_pane(snap_compare: Any, tui_settings: Settings) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        screen = await search_for(pilot, "missile")
        screen.open_article("hwasong-icbm-launch")
        await settle(pilot)
        pane = screen.entity_pane
        pane.focus()
        pane.highlighted = next(
            i
            for i in range(pane.option_count)
            if (option_id := pane.get_option_at_index(i).id) is not None
            and pane.entities[int(option_id)].canonical == "74 minutes"
        )
        await pilot.press("enter", "5")
        await settle(pilot)
        _steady(pilot)
        await pilot.pause()

    app = build_app(tui_settings)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
