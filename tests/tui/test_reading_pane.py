from __future__ import annotations

from collections.abc import Callable

from pilot_helpers import settle
from rich.console import Console

from nkreader.tui.app import NkReaderApp
from nkreader.tui.widgets.article_info import details_table
from nkreader.tui.widgets.reading_pane import ReadingPane

AppFactory = Callable[[], NkReaderApp]


async def test_lines_fit_beside_the_scrollbar_and_rewrap_on_resize(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        screen.open_article("hwasong-icbm-launch")
        await settle(pilot)
        view = screen.article_view
        room = view.scrollable_content_region.width
        assert view._wrapped_width == room
        assert all(line.text.cell_len <= room for line in view._lines)
        await pilot.resize_terminal(150, 40)
        await settle(pilot)
        wider = view.scrollable_content_region.width
        assert wider > room
        assert view._wrapped_width == wider
        assert all(line.text.cell_len <= wider for line in view._lines)


async def test_title_outlet_date_and_url_head_the_article(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        screen.open_article("hwasong-icbm-launch")
        await settle(pilot)
        await pilot.press("g")
        top = [screen.article_view.render_line(y).text.rstrip() for y in range(5)]
        assert top[0].startswith("North Korea fires Hwasong-18 ICBM")
        assert "Yonhap · 2023-07-12" in "".join(top)
        assert "https://example.com/yonhap/hwasong-18" in "".join(top)
        assert str(screen.query_one(ReadingPane).border_title) == "Reading"


def test_details_wrap_values_under_themselves() -> None:
    console = Console(width=28, record=True)
    rows = [("id", "rocket-launcher-600mm"), ("tags", "north-korea, rocket-launchers, military")]
    console.print(details_table(rows))
    lines = console.export_text().splitlines()
    assert lines[0].rstrip() == "  id rocket-launcher-600mm"
    assert lines[1].startswith("tags north-korea,")
    assert all(line.startswith("     ") for line in lines[2:])


async def test_a_notice_leaves_the_reading_panes_bottom_border_visible(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await settle(pilot)
        screen.open_article("hwasong-icbm-launch")
        await settle(pilot)
        screen.notify("entity knowledge changed; run `nkreader index` to apply it everywhere")
        for _ in range(3):
            await pilot.pause()
        pane = screen.query_one(ReadingPane).region
        # The bottom border's right end is where "match 1 of 4" stands.
        covering, _ = screen.get_widget_at(pane.right - 4, pane.bottom - 1)
        assert screen.query("Toast")
        assert covering is screen.query_one(ReadingPane)
