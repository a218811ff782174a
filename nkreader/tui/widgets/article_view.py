"""The reading pane: a rendered article, wrapped to the pane, drawn line by line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from rich._wrap import divide_line
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from nkreader.model import Article
from nkreader.render import Rendered, one_line
from nkreader.tui.commands import bindings_for

MAX_MEASURE = 100
_BLOCK_PREFIX = re.compile(r"^((?:▌ )*)( *)(• |\d+\. )?")


@dataclass(frozen=True)
class WrappedLine:
    text: Text
    start: int
    end: int
    lead: int
    """Cells of prefix or indent drawn before the source characters."""


def wrap(text: Text, width: int) -> list[WrappedLine]:
    """Wrap `text` to `width`, keeping each line's character range in the source."""
    lines: list[WrappedLine] = []
    offset = 0
    for source in text.split("\n", allow_blank=True):
        plain = source.plain
        match = _BLOCK_PREFIX.match(plain)
        prefix_length = match.end() if match else 0
        quotes, spaces, marker = match.groups() if match else ("", "", None)
        indent = Text(quotes + spaces + " " * len(marker or ""))
        body = source[prefix_length:]
        room = max(width - prefix_length, 8)
        pieces = body.divide(divide_line(body.plain, room, fold=True)) if body.plain else [body]
        piece_start = offset + prefix_length
        for index, piece in enumerate(pieces):
            length = len(piece)
            shown = piece.copy()
            shown.rstrip_end(room)
            head = source[:prefix_length] if index == 0 else indent.copy()
            lines.append(WrappedLine(head + shown, piece_start, piece_start + length, len(head)))
            piece_start += length
        offset += len(source) + 1
    return lines


class ArticleView(ScrollView, can_focus=True):
    """One article with its query matches; `n`/`N` step through them."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings_for("view"))

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--title",
        "article-view--meta",
        "article-view--url",
        "article-view--match",
        "article-view--current",
        "article-view--empty",
    }

    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
        padding: 0 1;
        & > .article-view--title { text-style: bold; color: $primary; }
        & > .article-view--meta { color: $text-muted; }
        & > .article-view--url { color: $text-muted; text-style: underline; }
        & > .article-view--match { background: $warning 40%; }
        & > .article-view--current { background: $accent; color: $text; text-style: bold; }
        & > .article-view--empty { color: $text-muted; text-style: italic; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.rendered: Rendered | None = None
        self.hits: tuple[tuple[int, int], ...] = ()
        self.current_hit: int | None = None
        self._text = Text()
        self._body_start = 0
        self._lines: list[WrappedLine] = []
        self._wrapped_width = 0
        self._pending_hit: int | None = None

    def show(
        self,
        article: Article,
        rendered: Rendered,
        hits: tuple[tuple[int, int], ...] = (),
        title_hits: tuple[tuple[int, int], ...] = (),
        jump_to_first: bool = True,
    ) -> None:
        """Display an article; `hits` are text spans of `rendered.text` to step through."""
        self.article = article
        self.rendered = rendered
        header = self._header(article, title_hits)
        self._body_start = len(header)
        self._text = header + rendered.text
        match_style = self.get_component_rich_style("article-view--match", partial=True)
        self.hits = tuple((s + self._body_start, e + self._body_start) for s, e in hits)
        for start, end in self.hits:
            self._text.stylize(match_style, start, end)
        self.current_hit = None
        self._wrapped_width = 0
        self._pending_hit = 0 if (jump_to_first and self.hits) else None
        self.scroll_to(y=0, animate=False, immediate=True)
        self._rewrap()
        self._update_subtitle()

    def clear(self) -> None:
        self.article = None
        self.rendered = None
        self.hits = ()
        self.current_hit = None
        self._text = Text()
        self._lines = []
        self.virtual_size = Size(0, 0)
        self.border_subtitle = ""
        self.refresh()

    def _header(self, article: Article, title_hits: tuple[tuple[int, int], ...]) -> Text:
        title_style = self.get_component_rich_style("article-view--title", partial=True)
        meta_style = self.get_component_rich_style("article-view--meta", partial=True)
        url_style = self.get_component_rich_style("article-view--url", partial=True)
        match_style = self.get_component_rich_style("article-view--match", partial=True)
        title = Text(one_line(article.title), title_style)
        for start, end in title_hits:
            title.stylize(match_style, start, end)
        parts = [one_line(article.outlet) if article.outlet else "unknown outlet"]
        parts.append(article.published.isoformat() if article.published else "undated")
        parts.append(f"{article.word_count:,} words")
        header = Text.assemble(title, "\n", (" · ".join(parts), meta_style), "\n")
        if article.url:
            header.append(one_line(article.url), url_style)
            header.append("\n")
        header.append("\n")
        return header

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def _measure(self) -> int:
        return min(self.scrollable_content_region.width, MAX_MEASURE)

    def _rewrap(self) -> None:
        width = self._measure()
        if width <= 0 or self.article is None:
            return
        if width != self._wrapped_width:
            self._lines = wrap(self._text, width)
            self._wrapped_width = width
            self.virtual_size = Size(0, len(self._lines))
            self.refresh()
        if self._pending_hit is not None:
            index, self._pending_hit = self._pending_hit, None
            self.call_after_refresh(self.go_to_hit, index)

    def line_of(self, offset: int) -> int:
        """The wrapped line holding a text offset."""
        low, high = 0, len(self._lines) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self._lines[middle].start <= offset:
                low = middle
            else:
                high = middle - 1
        return max(low, 0)

    def go_to_hit(self, index: int) -> None:
        if not self.hits:
            return
        self.current_hit = index % len(self.hits)
        if not self._lines:
            self._pending_hit = self.current_hit
            return
        line = self.line_of(self.hits[self.current_hit][0])
        self.scroll_to(y=max(line - self.size.height // 3, 0), animate=False, immediate=True)
        self._update_subtitle()
        self.refresh()

    def next_hit(self) -> None:
        self.go_to_hit(0 if self.current_hit is None else self.current_hit + 1)

    def previous_hit(self) -> None:
        self.go_to_hit(-1 if self.current_hit is None else self.current_hit - 1)

    def _update_subtitle(self) -> None:
        if not self.hits:
            self.border_subtitle = "no matches" if self.article else ""
        elif self.current_hit is None:
            self.border_subtitle = f"{len(self.hits)} matches"
        else:
            self.border_subtitle = f"match {self.current_hit + 1} of {len(self.hits)}"

    def current_paragraph(self) -> str | None:
        """The paragraph with the current match on screen, else the first one on screen."""
        if self.rendered is None or not self._lines:
            return None
        top = int(self.scroll_y)
        bottom = top + self.size.height
        anchor: int | None = None
        if self.current_hit is not None:
            start = self.hits[self.current_hit][0]
            if top <= self.line_of(start) < bottom:
                anchor = start
        if anchor is None:
            visible = self._lines[top:bottom]
            anchor = next((ln.start for ln in visible if ln.start >= self._body_start), None)
            if anchor is None:
                anchor = self._body_start
        block = self.rendered.block_at(anchor - self._body_start)
        if block is None:
            return None
        paragraph = self.rendered.text.plain[block[0] : block[1]]
        return paragraph.strip() or None

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        index = y + int(self.scroll_y)
        if self.article is None:
            if index == 0:
                hint = Text("Open an article with enter.")
                hint.stylize(self.get_component_rich_style("article-view--empty", partial=True))
                return self._strip(hint, width)
            return Strip.blank(width, self.rich_style)
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[index]
        text = line.text
        if self.current_hit is not None:
            start, end = self.hits[self.current_hit]
            if start < line.end and end > line.start:
                text = text.copy()
                shift = line.lead
                style = self.get_component_rich_style("article-view--current", partial=True)
                low = max(start - line.start, 0) + shift
                text.stylize(style, low, min(end - line.start, line.end - line.start) + shift)
        return self._strip(text, width)

    def _strip(self, text: Text, width: int) -> Strip:
        text = text.copy()
        text.no_wrap = True
        text.truncate(width, pad=True)
        text.stylize_before(self.rich_style)
        return Strip(text.render(self.app.console), width).simplify()
