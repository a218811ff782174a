from __future__ import annotations

import time
from datetime import date

from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult

from nkreader.model import SearchHit, SearchResult, Snippet
from nkreader.tui.widgets.article_list import ArticleList, snippet_text
from nkreader.tui.wrapping import wrap


def test_wrap_keeps_source_ranges() -> None:
    source = Text("• " + "word " * 30 + "end\n\nshort")
    lines = wrap(source, 30)
    plain = source.plain
    assert all(len(line.text.plain) <= 30 for line in lines)
    assert lines[0].text.plain.startswith("• word")
    assert lines[1].text.plain.startswith("  word")
    for line in lines:
        shown = line.text.plain[line.lead :]
        assert plain[line.start : line.end].rstrip() == shown.rstrip()


def test_snippet_highlights_survive_cleaning() -> None:
    snippet = Snippet("a\x1b missile\nlaunch", ((3, 10),))
    text = snippet_text(snippet, Style(bold=True))
    assert "\x1b" not in text.plain and "\n" not in text.plain
    assert text.plain[3:10] == "missile"


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleList()


async def test_a_hundred_thousand_rows_fill_in_constant_time() -> None:
    hits = tuple(
        SearchHit(f"a{n}", f"Title {n}", "Outlet", date(2024, 1, 1), 1.0) for n in range(100_000)
    )
    result = SearchResult("", "newest", len(hits), hits)
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        article_list = app.query_one(ArticleList)
        started = time.perf_counter()
        article_list.show_result(result, "")
        elapsed = time.perf_counter() - started
        await pilot.pause()
        assert elapsed < 0.05
        assert article_list.virtual_size.height == 300_000
        article_list.focus()
        await pilot.press("end")
        assert article_list.cursor == 99_999
        row = article_list.render_line(article_list.size.height - 3).text
        assert "Title 99999" in row
