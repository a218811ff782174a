from __future__ import annotations

import threading
from collections.abc import Callable

from pilot_helpers import row_ids, search_for, settle
from rich.style import Style
from textual.pilot import Pilot

from nkreader.model import Entity, Mention
from nkreader.tui.app import NkReaderApp
from nkreader.tui.entity_kinds import entity_styles
from nkreader.tui.highlighting import MentionSpan
from nkreader.tui.screens.reader import ReaderScreen
from nkreader.tui.widgets.article_view import ArticleView
from nkreader.tui.widgets.entity_legend import EntityLegend

AppFactory = Callable[[], NkReaderApp]
HWASONG = "hwasong-icbm-launch"


async def open_with_entities(pilot: Pilot[None], article_id: str = HWASONG) -> ReaderScreen:
    screen = await settle(pilot)
    screen.open_article(article_id)
    await settle(pilot)
    return screen


def styled_spans(view: ArticleView, style: Style) -> set[tuple[int, int]]:
    return {(span.start, span.end) for span in view._text.spans if span.style == style}


def choose(screen: ReaderScreen, canonical: str) -> None:
    """Focus the entity pane with the cursor on an entity's row."""
    pane = screen.entity_pane
    pane.focus()
    for index in range(pane.option_count):
        option_id = pane.get_option_at_index(index).id
        if option_id is not None and pane.entities[int(option_id)].canonical == canonical:
            pane.highlighted = index
            return
    raise AssertionError(f"{canonical} is not listed")


async def test_mentions_are_coloured_by_type_under_query_matches(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "missile")
        screen.open_article(HWASONG)
        await settle(pilot)
        view = screen.article_view
        styles = entity_styles(view)
        plain = view._text.plain
        assert view.mentions
        for span in view.mentions:
            assert (span.start, span.end) in styled_spans(view, styles[span.type])
        shown = {(plain[s.start : s.end], s.type) for s in view.mentions}
        assert {("Japan", "GPE"), ("Hwasong-18", "WEAPON"), ("74 minutes", "DATE")} <= shown
        match = view.get_component_rich_style("article-view--match", partial=True)
        assert set(view.hits) <= styled_spans(view, match)
        weapon = next(s for s in view.mentions if plain[s.start : s.end].endswith("missile"))
        hit_start = next(s for s, _ in view.hits if weapon.start <= s < weapon.end)
        both = view._text.get_style_at_offset(app.console, hit_start)
        assert both.color == styles["WEAPON"].color
        assert both.bgcolor == match.bgcolor


async def test_a_digit_switches_a_type_off_and_on(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_with_entities(pilot)
        view = screen.article_view
        places = {(s.start, s.end) for s in view.mentions if s.type == "GPE"}
        gpe_style = entity_styles(view)["GPE"]
        assert places and places <= styled_spans(view, gpe_style)
        await pilot.press("3")
        assert view.hidden_types == {"GPE"}
        assert not places & styled_spans(view, gpe_style)
        weapons = {(s.start, s.end) for s in view.mentions if s.type == "WEAPON"}
        assert weapons <= styled_spans(view, entity_styles(view)["WEAPON"])
        legend = screen.query_one(EntityLegend)
        assert legend.hidden_types == {"GPE"}
        await pilot.press("3")
        assert not view.hidden_types
        assert places <= styled_spans(view, gpe_style)


async def test_the_legend_names_each_type_with_its_key_colour_and_state(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_with_entities(pilot)
        legend = screen.query_one(EntityLegend)
        shown = " ".join(line.plain for line in legend.lines(200))
        assert shown == (
            "1 person  2 org  3 place  4 location  5 group  6 weapon  7 event  8 date  9 quantity"
        )
        assert all(line.cell_len <= legend.size.width for line in legend.lines(legend.size.width))
        person = legend.items()[0]
        assert (
            Style.combine(s.style for s in person.spans if s.start >= 2)
            == (entity_styles(legend)["PERSON"])
        )
        await pilot.press("1")
        off = legend.get_component_rich_style("entity-legend--off", partial=True)
        assert any(span.style == off for span in legend.items()[0].spans)


async def test_entity_pane_lists_canonicals_with_counts(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_with_entities(pilot)
        listed = {(e.type, e.canonical): e.count for e in screen.entity_pane.entities}
        assert listed[("DATE", "74 minutes")] == 2
        assert listed[("GPE", "Japan")] == 1
        assert listed[("WEAPON", "Hwasong-18")] == 1
        article = app.library.get(HWASONG)
        assert listed == {(e.type, e.canonical): e.count for e in app.library.entities(article)}
        pane = screen.entity_pane
        headers = [
            str(pane.get_option_at_index(i).prompt).strip()
            for i in range(pane.option_count)
            if pane.get_option_at_index(i).disabled
        ]
        assert {"What · weapons", "Where · places", "When"} <= set(headers)
        assert headers.index("What · weapons") < headers.index("Where · places")
        assert headers.index("Where · places") < headers.index("When")


async def test_pane_says_finding_entities_while_the_worker_runs(make_app: AppFactory) -> None:
    app = make_app()
    release = threading.Event()
    entities = app.library.entities

    def slow_entities(article: object) -> tuple[Entity, ...]:
        release.wait(5)
        return entities(article)  # type: ignore[arg-type]

    app.library.entities = slow_entities  # type: ignore[method-assign]
    app.library.cached_entities = lambda article: None  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        screen.open_article(HWASONG)
        pane = screen.entity_pane
        for _ in range(100):
            await pilot.pause(0.02)
            if str(pane.get_option_at_index(0).prompt) == "finding entities…":
                break
        assert str(pane.get_option_at_index(0).prompt) == "finding entities…"
        assert screen.article_view.article is not None
        assert app.is_running and screen.article_view.rendered is not None
        release.set()
        await settle(pilot)
        assert pane.entities


async def test_choosing_an_entity_makes_n_step_through_its_mentions(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "missile")
        screen.open_article(HWASONG)
        await settle(pilot)
        view = screen.article_view
        query_hits = view.hits
        choose(screen, "74 minutes")
        await pilot.press("enter")
        assert view.chosen == ("DATE", "74 minutes")
        assert len(view.stops) == 2
        assert all(view._text.plain[s:e] == "74 minutes" for s, e in view.stops)
        chosen_style = view.get_component_rich_style("article-view--chosen", partial=True)
        assert set(view.stops) <= styled_spans(view, chosen_style)
        assert view.current_hit == 0
        assert view.position_label == "74 minutes: mention 1 of 2"
        await pilot.press("n")
        assert view.current_hit == 1
        await pilot.press("n")
        assert view.current_hit == 0
        await pilot.press("N")
        assert view.current_hit == 1
        await pilot.press("escape")
        assert view.chosen is None and view.stops == query_hits
        choose(screen, "Japan")
        await pilot.press("enter")
        assert view.chosen == ("GPE", "Japan")
        await pilot.press("enter")
        assert view.chosen is None


async def test_f_filters_the_list_by_the_entity_in_the_search_box(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_with_entities(pilot)
        assert not screen.check_action("filter_entity", ())
        choose(screen, "Japan")
        await pilot.press("f")
        screen = await settle(pilot)
        assert screen.search_box.value == 'entity:"Japan"'
        assert set(row_ids(screen)) == {HWASONG, "satellite-launch-failure"}
        screen.search_box.value = "missile"
        await settle(pilot)
        choose(screen, "Seoul")
        await pilot.press("enter")
        screen.article_view.focus()
        await pilot.press("f")
        await settle(pilot)
        assert screen.search_box.value == 'missile entity:"Seoul"'
        assert row_ids(screen) == [HWASONG]


async def test_entity_names_are_shown_as_text_not_markup(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        mention = Mention(0, 5, "[b]x", "PERSON", "[red]Evil[/] [@click=app.quit]q[/]")
        entity = Entity(mention.canonical, "PERSON", ("[/]",), (mention,))
        screen.entity_pane.show_entities([entity])
        await pilot.pause()
        pane = screen.entity_pane
        drawn = " ".join(pane.render_line(y).text.strip() for y in range(pane.size.height))
        assert "[red]Evil[/]" in drawn and "[@click=app.quit]q[/]" in drawn  # wrapped at the space
        assert "aka [/]" in drawn
        assert app.is_running


def test_mention_span_shifts() -> None:
    assert MentionSpan(1, 3, "GPE", "Seoul").shifted(10) == MentionSpan(11, 13, "GPE", "Seoul")


async def test_entity_commands_hide_until_an_article_is_open(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        for action in ("toggle_entity_type('GPE')", "toggle_entity_type", "filter_entity"):
            assert not screen.check_action(action, ())
        await pilot.press("3", "f")
        assert not screen.article_view.hidden_types
        await open_with_entities(pilot)
        assert screen.check_action("toggle_entity_type('GPE')", ())


async def test_entities_found_at_indexing_are_shown_without_extracting_again(
    make_app: AppFactory,
) -> None:
    app = make_app()

    def no_extraction(article: object) -> tuple[Entity, ...]:
        raise AssertionError("extracted again")

    app.library.entities = no_extraction  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        screen.open_article(HWASONG)
        screen = await settle(pilot)
        await pilot.pause(0.1)
        assert screen.article_view.mentions
        listed = {(e.type, e.canonical) for e in screen.entity_pane.entities}
        assert ("WEAPON", "Hwasong-18") in listed
        assert app.is_running
