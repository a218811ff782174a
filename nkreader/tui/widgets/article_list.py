"""The ranked article list: a virtualised view that draws only the rows on screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from nkreader.model import SearchHit, SearchResult, Snippet
from nkreader.render import clean, one_line
from nkreader.tui.commands import bindings_for

ROW_HEIGHT = 3


def snippet_text(snippet: Snippet, style: Style) -> Text:
    """A snippet on one line with its matches styled; offsets survive the cleaning."""
    text = Text(clean(snippet.text).replace("\n", " ").replace("\t", " "), no_wrap=True)
    for start, end in snippet.highlights:
        text.stylize(style, start, end)
    return text


def meta_line(hit: SearchHit) -> str:
    outlet = one_line(hit.outlet) if hit.outlet else "unknown outlet"
    published = hit.published.isoformat() if hit.published else "undated"
    return f"{outlet} · {published}"


class ArticleList(ScrollView, can_focus=True):
    """Search hits, three lines each: title, outlet and date, snippet."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings_for("list"))

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--title",
        "article-list--meta",
        "article-list--snippet",
        "article-list--match",
        "article-list--cursor",
        "article-list--empty",
    }

    DEFAULT_CSS = """
    ArticleList {
        overflow-x: hidden;
        & > .article-list--title { text-style: bold; }
        & > .article-list--meta { color: $text-muted; }
        & > .article-list--snippet { color: $text; }
        & > .article-list--match { background: $warning 40%; text-style: bold; }
        & > .article-list--cursor { background: $surface-lighten-2; }
        &:focus > .article-list--cursor { background: $block-cursor-background 50%; }
        & > .article-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    @dataclass
    class Highlighted(Message):
        hit: SearchHit

    @dataclass
    class Selected(Message):
        hit: SearchHit

    @dataclass
    class SnippetsNeeded(Message):
        query: str
        ids: tuple[str, ...]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.hits: Sequence[SearchHit] = ()
        self.snippet_query = ""
        self.empty_message = "Loading…"
        self._snippets: dict[str, Snippet] = {}
        self._requested: set[str] = set()
        self._strips: LRUCache[tuple[int, int, int, bool], Strip] = LRUCache(1024)

    @property
    def highlighted(self) -> SearchHit | None:
        return self.hits[self.cursor] if 0 <= self.cursor < len(self.hits) else None

    def show_result(self, result: SearchResult, snippet_query: str) -> None:
        """Replace the rows; O(1), rows are drawn as they scroll into view."""
        self.hits = result.hits
        if snippet_query != self.snippet_query:
            self._snippets.clear()
            self._requested.clear()
        self.snippet_query = snippet_query
        self._strips.clear()
        self.virtual_size = Size(0, len(self.hits) * ROW_HEIGHT)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = 0
        self.refresh()
        self.call_after_refresh(self._request_snippets)

    def add_snippets(self, query: str, snippets: dict[str, Snippet]) -> None:
        if query != self.snippet_query:
            return
        self._snippets.update(snippets)
        self._strips.clear()
        self.refresh()

    def watch_cursor(self, cursor: int) -> None:
        if not self.hits:
            return
        clamped = max(0, min(cursor, len(self.hits) - 1))
        if clamped != cursor:
            self.cursor = clamped
            return
        self._strips.clear()
        self.refresh()
        self.scroll_to_region(
            Region(0, cursor * ROW_HEIGHT, max(self.size.width, 1), ROW_HEIGHT),
            animate=False,
            force=True,
            immediate=True,
        )
        self.post_message(self.Highlighted(self.hits[cursor]))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._request_snippets()

    def on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        self._request_snippets()

    def _on_focus(self, event: events.Focus) -> None:
        self._strips.clear()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._strips.clear()
        self.refresh()

    def _request_snippets(self) -> None:
        first = int(self.scroll_y) // ROW_HEIGHT
        last = first + self.size.height // ROW_HEIGHT + 1
        wanted = tuple(hit.id for hit in self.hits[first : last + 1] if self._lacks_snippet(hit))
        if wanted and self.snippet_query:
            self._requested.update(wanted)
            self.post_message(self.SnippetsNeeded(self.snippet_query, wanted))

    def _lacks_snippet(self, hit: SearchHit) -> bool:
        return (
            hit.snippet is None and hit.id not in self._snippets and hit.id not in self._requested
        )

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor = max(self.cursor - 1, 0)

    def action_page_down(self) -> None:
        self.cursor += max(self.size.height // ROW_HEIGHT, 1)

    def action_page_up(self) -> None:
        self.cursor = max(self.cursor - max(self.size.height // ROW_HEIGHT, 1), 0)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(len(self.hits) - 1, 0)

    def action_select(self) -> None:
        if (hit := self.highlighted) is not None:
            self.post_message(self.Selected(hit))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = (offset.y + int(self.scroll_y)) // ROW_HEIGHT
        if row >= len(self.hits):
            return
        if row == self.cursor:
            self.action_select()
        else:
            self.cursor = row

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        line_number = y + int(self.scroll_y)
        row, part = divmod(line_number, ROW_HEIGHT)
        if not self.hits:
            if line_number == 0:
                return self._strip(Text(self.empty_message), width, "article-list--empty")
            return Strip.blank(width, self.rich_style)
        if row >= len(self.hits):
            return Strip.blank(width, self.rich_style)
        is_cursor = row == self.cursor
        key = (row, part, width, is_cursor)
        cached = self._strips.get(key)
        if cached is None:
            cached = self._render_row_line(self.hits[row], part, width, is_cursor)
            self._strips[key] = cached
        return cached

    def _render_row_line(self, hit: SearchHit, part: int, width: int, is_cursor: bool) -> Strip:
        cursor_class = "article-list--cursor" if is_cursor else None
        if part == 0:
            title = Text(" " + one_line(hit.title))
            return self._strip(title, width, "article-list--title", cursor_class)
        if part == 1:
            meta = Text(" " + meta_line(hit))
            return self._strip(meta, width, "article-list--meta", cursor_class)
        snippet = hit.snippet or self._snippets.get(hit.id)
        if snippet is None:
            return self._strip(Text(""), width, "article-list--snippet", cursor_class)
        match = self.get_component_rich_style("article-list--match", partial=True)
        text = Text(" ") + snippet_text(snippet, match)
        return self._strip(text, width, "article-list--snippet", cursor_class)

    def _strip(self, text: Text, width: int, *classes: str | None) -> Strip:
        style = self.rich_style
        for name in classes:
            if name:
                style += self.get_component_rich_style(name, partial=True)
        text.no_wrap = True
        text.truncate(width, overflow="ellipsis", pad=True)
        text.stylize_before(style)
        return Strip(text.render(self.app.console), width).simplify()
