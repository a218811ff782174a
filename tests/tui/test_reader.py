from __future__ import annotations

from collections.abc import Callable

from pilot_helpers import row_ids, search_for, settle
from textual.widgets import Input

from nkreader.tui.app import NkReaderApp
from nkreader.tui.messages import SearchFinished
from nkreader.tui.screens.help import HelpScreen
from nkreader.tui.widgets.article_list import ArticleList
from nkreader.tui.widgets.article_view import ArticleView
from nkreader.tui.widgets.related_list import RelatedList

AppFactory = Callable[[], NkReaderApp]
NEWEST_FIRST = [
    "hwasong-icbm-launch",
    "satellite-launch-failure",
    "sanctions-shipping-report",
    "drone-incursion-seoul",
    "nuclear-test-site",
    "markup-injection",
    "thaad-deployment",
]


async def test_empty_query_lists_the_library_newest_first(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        assert row_ids(screen) == NEWEST_FIRST
        assert screen.effective_sort == "newest"


async def test_typed_query_lists_hits_in_rank_order(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "missile")
        expected = app.library.search("missile*", sort="relevance", limit=None, snippets=False)
        assert row_ids(screen) == [hit.id for hit in expected.hits]
        assert set(row_ids(screen)) == {
            "hwasong-icbm-launch",
            "sanctions-shipping-report",
            "thaad-deployment",
        }
        assert screen.search_box.value == "missile"
        assert "3 hits" in str(screen.status.render())


async def test_last_word_is_a_prefix_while_typing(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "launc")
        assert set(row_ids(screen)) == {"hwasong-icbm-launch", "satellite-launch-failure"}


async def test_query_language_works(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "missile -thaad ")
        assert set(row_ids(screen)) == {"hwasong-icbm-launch", "sanctions-shipping-report"}
        screen = await search_for(pilot, '"ballistic missile"')
        assert row_ids(screen) == ["hwasong-icbm-launch"]


async def test_sort_cycles_relevance_newest_oldest(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "missile")
        assert screen.effective_sort == "relevance"
        screen.article_list.focus()
        await pilot.press("s")
        await settle(pilot)
        assert screen.effective_sort == "newest"
        assert row_ids(screen) == [
            "hwasong-icbm-launch",
            "sanctions-shipping-report",
            "thaad-deployment",
        ]
        await pilot.press("s")
        await settle(pilot)
        assert screen.effective_sort == "oldest"
        assert row_ids(screen)[0] == "thaad-deployment"
        await pilot.press("s")
        await settle(pilot)
        assert screen.effective_sort == "relevance"


async def test_stale_search_results_are_dropped(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "drones")
        shown = row_ids(screen)
        stale = app.library.search("missile", limit=None, snippets=False)
        screen.post_message(SearchFinished(0, stale))
        await pilot.pause()
        assert row_ids(screen) == shown


async def test_enter_opens_the_article_at_its_first_hit(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "missile")
        await pilot.press("escape")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("j", "k", "j", "enter")
        await settle(pilot)
        view = screen.article_view
        assert view.article is not None
        assert view.article.id == row_ids(screen)[1]
        assert isinstance(app.focused, ArticleView)
        assert view.hits and view.current_hit == 0


async def test_n_and_shift_n_move_between_hits(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "missile")
        screen.open_article("hwasong-icbm-launch")
        await settle(pilot)
        view = screen.article_view
        plain = view._text.plain
        assert len(view.hits) == 4
        assert all(plain[s:e].lower() == "missile" for s, e in view.hits)
        assert view.current_hit == 0
        await pilot.press("n")
        assert view.current_hit == 1
        await pilot.press("n", "n")
        assert view.current_hit == 3
        assert view.position_label == "match 4 of 4"
        await pilot.press("n")
        assert view.current_hit == 0
        await pilot.press("N")
        assert view.current_hit == 3
        await pilot.press("N", "N")
        assert view.current_hit == 1


async def test_keys_that_do_not_apply_are_disabled(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        for action in ("next_hit", "open_url", "copy_paragraph", "show_related"):
            assert not screen.check_action(action, ())
        await pilot.press("n", "o", "y")
        assert app.is_running


async def test_zero_hits_offer_the_suggestion_on_one_key(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "misile")
        assert screen.result is not None and screen.result.total == 0
        assert screen.suggestion == "missile"
        assert "did you mean" in str(screen.status.render())
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert screen.search_box.value == "missile"
        assert len(row_ids(screen)) == 3


async def test_markup_in_articles_renders_literally(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        row = NEWEST_FIRST.index("markup-injection")
        screen.article_list.cursor = row
        await pilot.press("enter")
        await settle(pilot)
        view = screen.article_view
        assert view.article is not None and view.article.id == "markup-injection"
        shown = view._text.plain
        assert "Odd [bold]x[/] report [link=https://evil]click[/link]" in shown
        assert "[@click=app.quit]quit[/]" in shown
        assert "[red]Fake[/] Outlet" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        lines = [view.render_line(y).text for y in range(8)]
        assert any("[bold]x[/]" in line for line in lines)
        list_lines = [screen.article_list.render_line(y).text for y in range(3 * row, 3 * row + 3)]
        assert "[bold]x[/]" in list_lines[0]
        assert "[red]Fake[/]" in list_lines[1]
        assert app.is_running


async def test_copy_paragraph_adds_a_citation(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "solid")
        screen.open_article("hwasong-icbm-launch")
        await settle(pilot)
        await pilot.press("y")
        copied = app.clipboard
        assert copied.startswith("Japan's defence ministry said")
        assert copied.endswith(
            "— North Korea fires Hwasong-18 ICBM into the East Sea, Yonhap, 2023-07-12, "
            "https://example.com/yonhap/hwasong-18"
        )


async def test_related_articles_fill_the_side_pane(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        screen.open_article("hwasong-icbm-launch")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        related = screen.query_one(RelatedList)
        ids = [related.get_option_at_index(i).id for i in range(related.option_count)]
        assert ids and "hwasong-icbm-launch" not in ids
        related.focus()
        related.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert screen.article_view.article is not None
        assert screen.article_view.article.id == ids[0]


async def test_help_lists_every_key_and_closes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_opens_an_article_by_title(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"
        await pilot.press(*"punggye")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.article_view.article is not None
        assert screen.article_view.article.id == "nuclear-test-site"


async def test_palette_runs_registry_commands(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Sort (s)")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.effective_sort == "oldest"


async def test_tab_cycles_panes_and_escape_returns_to_the_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("escape")
        assert isinstance(app.focused, ArticleList)


async def test_panes_toggle(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        side = screen.query_one("#side-pane")
        assert side.display
        await pilot.press("ctrl+b")
        assert not side.display
        await pilot.press("ctrl+l")
        assert not screen.query_one("#list-pane").display
        await pilot.press("slash")
        assert screen.query_one("#list-pane").display


async def test_usable_at_80_by_24(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search_for(pilot, "missile")
        assert not screen.has_class("-too-small")
        assert screen.article_list.region.width >= 28
        assert screen.article_list.region.height >= 9
        await pilot.press("escape", "enter")
        await settle(pilot)
        assert screen.article_view.article is not None
        assert screen.article_view.region.width >= 40


async def test_tiny_terminal_shows_a_message(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(50, 12)) as pilot:
        screen = await settle(pilot)
        assert screen.has_class("-too-small")
        assert screen.query_one("#too-small").display
        assert not screen.query_one("#panes").display
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not screen.has_class("-too-small")
        assert app.is_running


async def test_an_article_opened_while_too_small_is_complete_once_it_fits(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(50, 12)) as pilot:
        screen = await settle(pilot)
        first = row_ids(screen)[0]
        screen.open_article(first)
        await settle(pilot)
        await pilot.pause(0.4)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert screen.article_view.article is not None
        assert screen.article_view.article.id == first
        assert screen.entity_pane.entities, "the side pane followed the article"


async def test_quit(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_resize_storm_down_to_20x5_leaves_a_working_reader(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        listed = row_ids(screen)
        for width, height in [(20, 5), (200, 60), (61, 16), (20, 5), (80, 24), (33, 9)] * 3:
            await pilot.resize_terminal(width, height)
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        assert screen.has_class("-too-small")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not screen.has_class("-too-small")
        assert row_ids(screen) == listed
        await pilot.press("enter")
        await settle(pilot)
        assert screen.article_view.article is not None


async def test_quitting_while_a_search_runs_exits_cleanly(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"missile")
        await pilot.press("escape", "q")
    assert app.return_code == 0
