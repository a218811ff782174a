"""The compare screen: opening it, sync scrolling, differences, swap, export, layout."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import settle
from textual.pilot import Pilot
from textual.widgets import OptionList

from nkreader.compare import Comparison, compare
from nkreader.config import Settings
from nkreader.tui.app import NkReaderApp, build_app
from nkreader.tui.screens.compare import CompareScreen
from nkreader.tui.screens.pick_article import PickArticleScreen, candidate_order
from nkreader.tui.screens.reader import ReaderScreen
from nkreader.tui.widgets.compare_marks import (
    differences,
    in_order_anchors,
    interpolate,
    mirrored,
)
from nkreader.tui.widgets.compare_pane import ComparePane

COMPARE_DATA = Path(__file__).resolve().parent.parent / "data" / "compare"
LEFT, RIGHT = "yonhap-missile-salvo", "reuters-missile-salvo"
LEFT_TITLE = "N. Korea fires 8 short-range ballistic missiles toward East Sea"
RIGHT_TITLE = "North Korea launches barrage of ballistic missiles, Seoul says"
SIZE = (120, 40)


@pytest.fixture
def compare_settings(tui_settings: Settings) -> Settings:
    """The TUI test corpus plus two outlets' reports of one missile launch."""
    for path in COMPARE_DATA.glob("*.md"):
        shutil.copy(path, tui_settings.corpus_dirs[0])
    return tui_settings


@pytest.fixture
def app(compare_settings: Settings) -> NkReaderApp:
    return build_app(compare_settings)


async def compared(pilot: Pilot[None], timeout: float = 10.0) -> CompareScreen:
    """Wait until the compare screen shows a finished comparison."""
    waited = 0.0
    while waited < timeout:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        if isinstance(screen, CompareScreen) and screen.view is not None:
            if screen.left.wrapped and screen.right.wrapped:
                return screen
        await pilot.pause(0.05)
        waited += 0.05
    raise AssertionError("the comparison did not finish")


async def mark_pair(pilot: Pilot[None], left: str = LEFT, right: str = RIGHT) -> CompareScreen:
    """Open the compare screen the way a user does: c on one row, c on another."""
    reader = await settle(pilot)
    for article_id in (left, right):
        ids = [hit.id for hit in reader.article_list.hits]
        steps = ids.index(article_id) - reader.article_list.cursor
        await pilot.press(*(["j"] * steps if steps > 0 else ["k"] * -steps))
        await pilot.press("c")
    return await compared(pilot)


def header_line(pane: ComparePane) -> str:
    return "".join(segment.text for segment in pane.render_line(0))


async def test_c_on_two_rows_opens_both_articles_side_by_side(app: NkReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark_pair(pilot)
        assert screen.left.content is not None and screen.right.content is not None
        assert screen.left.content.article.id == LEFT
        assert screen.right.content.article.id == RIGHT
        assert LEFT_TITLE[:40] in header_line(screen.left)
        assert RIGHT_TITLE[:40] in header_line(screen.right)
        assert screen.left.region.y == screen.right.region.y
        assert screen.left.region.x < screen.right.region.x
        assert screen.differences and screen.timings is not None


async def test_c_twice_on_one_row_unmarks_it(app: NkReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        reader = await settle(pilot)
        await pilot.press("c")
        assert reader.compare_mark is not None
        await pilot.press("c")
        assert reader.compare_mark is None
        assert app.screen is reader


async def test_scrolling_one_pane_scrolls_the_other_until_sync_is_off(app: NkReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark_pair(pilot)
        assert screen.focused is screen.left
        await pilot.press("j", "j", "j", "j")
        await pilot.wait_for_scheduled_animations()
        assert screen.left.scroll_y == 4
        assert screen.right.scroll_y > 0
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()
        assert screen.right.scroll_y == screen.right.max_scroll
        await pilot.press("home")
        await pilot.wait_for_scheduled_animations()
        await pilot.press("S")
        assert not screen.sync
        assert screen.right.scroll_y == 0
        await pilot.press("j", "j", "j")
        await pilot.wait_for_scheduled_animations()
        assert screen.left.scroll_y == 3
        assert screen.right.scroll_y == 0


async def test_brackets_move_both_panes_to_each_difference(app: NkReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark_pair(pilot)
        seen_scrolled = False
        for index, difference in enumerate(screen.differences[:5]):
            await pilot.press("right_square_bracket")
            assert screen.current == index
            for pane, span, anchor in (
                (screen.left, difference.left, difference.left_anchor),
                (screen.right, difference.right, difference.right_anchor),
            ):
                line = pane.line_of_body(span[0] if span else anchor)
                expected = max(0, min(line - pane.reading_row, pane.max_scroll))
                assert pane.scroll_y == expected
                seen_scrolled = seen_scrolled or pane.scroll_y > 0
        assert seen_scrolled
        await pilot.press("left_square_bracket")
        assert screen.current == 3
        assert "4 of" in str(screen.query_one("#compare-status").render())


async def test_x_swaps_sides_and_mirrors_the_comparison(app: NkReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark_pair(pilot)
        assert screen.view is not None
        before = screen.view.comparison
        await pilot.press("x")
        assert screen.view.comparison.left.id == RIGHT
        assert screen.left.content is not None and screen.left.content.article.id == RIGHT
        assert RIGHT_TITLE[:40] in header_line(screen.left)
        assert screen.view.comparison.left_only == before.right_only
        after = screen.view.comparison.entities
        assert [e.canonical for e in after.left_only] == [
            e.canonical for e in before.entities.right_only
        ]
        assert len(screen.differences) == len(differences(before))


async def test_e_exports_the_markdown_report(app: NkReaderApp, compare_settings: Settings) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await mark_pair(pilot)
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        exports = list((compare_settings.home / "exports").iterdir())
        assert [path.name for path in exports] == [f"compare-{LEFT}-{RIGHT}.md"]
        report = exports[0].read_text(encoding="utf-8")
        for section in (
            f"# Comparison: {LEFT_TITLE}",
            "## Aligned passages",
            "## Only in left",
            "## Only in right",
            "## Entities",
            "## Numbers and dates",
        ):
            assert section in report
        assert "| differ | eight (missile) | 10 (missile) |" in report
        assert any(str(exports[0]) in n.message for n in app._notifications)


async def test_escape_returns_to_the_reader(app: NkReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await mark_pair(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_panes_stack_below_100_columns(app: NkReaderApp) -> None:
    async with app.run_test(size=(90, 40)) as pilot:
        screen = await mark_pair(pilot)
        assert screen.has_class("-stacked")
        assert screen.left.region.x == screen.right.region.x
        assert screen.right.region.y >= screen.left.region.bottom


async def test_choosing_a_disagreeing_number_scrolls_both_panes_to_it(app: NkReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark_pair(pilot)
        rows = screen.query_one("#compare-rows", OptionList)
        rows.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert rows.highlighted == 1
        assert screen.view is not None
        body = screen.view.left.article.body
        target = screen.summary.targets["number-0"]
        assert target.left is not None and body[slice(*target.left)] == "eight"
        assert screen.left._current == screen.left.text_span(target.left)
        assert screen.right._current is not None


async def test_compare_with_picks_from_related_articles_first(app: NkReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        reader = await settle(pilot)
        reader.article_list.cursor = [hit.id for hit in reader.article_list.hits].index(LEFT)
        await pilot.press("C")
        await app.workers.wait_for_complete()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickArticleScreen)
        first = picker.options.get_option_at_index(0)
        assert first.id == RIGHT and "like this" in str(first.prompt)
        await pilot.press(*"barrage")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        screen = await compared(pilot)
        assert screen.left_id == LEFT and screen.right_id == RIGHT


async def test_titles_with_markup_stay_text(app: NkReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        reader = await settle(pilot)
        reader.open_comparison("markup-injection", LEFT)
        screen = await compared(pilot)
        assert "Odd [bold]x[/] report" in header_line(screen.left)
        assert isinstance(app.screen, CompareScreen)


async def test_difference_keys_are_hidden_until_the_comparison_is_ready(
    app: NkReaderApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        reader = await settle(pilot)
        reader.open_comparison(LEFT, RIGHT)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        if screen.view is None:
            assert not screen.check_action("next_difference", ())
            assert not screen.check_action("export_report", ())
        await compared(pilot)
        assert screen.check_action("next_difference", ())


def _comparison() -> Comparison:
    from nkreader.compare import Document

    bodies = [
        (COMPARE_DATA / f"{name}.md").read_text().split("---", 2)[2] for name in (LEFT, RIGHT)
    ]
    return compare(Document(LEFT, "l", bodies[0]), Document(RIGHT, "r", bodies[1]))


def test_mirroring_twice_gives_the_comparison_back() -> None:
    comparison = _comparison()
    assert mirrored(mirrored(comparison)) == comparison


def test_differences_follow_the_left_reading_order() -> None:
    found = differences(_comparison())
    assert {d.kind for d in found} == {"aligned", "left_only", "right_only"}
    anchors = [d.left_anchor for d in found]
    assert anchors == sorted(anchors)


def test_moved_passages_are_not_scroll_anchors() -> None:
    comparison = _comparison()
    anchors = in_order_anchors(comparison)
    assert [a[1] for a in anchors] == sorted(a[1] for a in anchors)
    assert len(anchors) == len(comparison.aligned) - 1


def test_interpolate_between_and_beyond_points() -> None:
    points = [(0.0, 0.0), (10.0, 20.0), (20.0, 25.0)]
    assert interpolate(points, 5) == 10
    assert interpolate(points, 15) == 22.5
    assert interpolate(points, 30) == 25
    assert interpolate(points, -1) == 0


def test_related_candidates_come_first_and_skip_the_left_article() -> None:
    from nkreader.model import SearchHit

    hits = tuple(SearchHit(i, i, None, None, 1.0) for i in ("a", "b", "c", "left"))
    related = (SearchHit("c", "c", None, None, 1.0),)
    assert [(h.id, r) for h, r in candidate_order("left", related, hits, "")] == [
        ("c", True),
        ("a", False),
        ("b", False),
    ]


def test_compare_screen_snapshot(snap_compare: Any, compare_settings: Settings) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await mark_pair(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        pilot.app.clear_notifications()
        await pilot.pause()

    app = build_app(compare_settings)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
