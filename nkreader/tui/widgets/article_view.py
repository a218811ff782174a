"""The reading pane: a rendered article, wrapped to the pane, drawn line by line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from nkreader.model import Article, EntityType
from nkreader.render import Rendered, one_line
from nkreader.tui.commands import bindings_for
from nkreader.tui.entity_kinds import ENTITY_CLASSES, entity_styles
from nkreader.tui.highlighting import EntityKey, MentionSpan, layered
from nkreader.tui.wrapping import WrappedLine, line_of, wrap

MAX_MEASURE = 100

Span = tuple[int, int]


class ArticleView(ScrollView, can_focus=True):
    """One article with its query matches and entity mentions; `n`/`N` step through stops."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings_for("view"))

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--title",
        "article-view--meta",
        "article-view--url",
        "article-view--match",
        "article-view--chosen",
        "article-view--current",
        "article-view--empty",
        *ENTITY_CLASSES.values(),
    }

    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
        scrollbar-gutter: stable;
        padding: 0 1;
        & > .article-view--title { text-style: bold; color: $primary; }
        & > .article-view--meta { color: $text-muted; }
        & > .article-view--url { color: $text-muted; text-style: underline; }
        & > .article-view--match { background: $warning 40%; }
        & > .article-view--chosen { background: $secondary; text-style: bold underline; }
        & > .article-view--current { background: $accent; color: $text; text-style: bold; }
        & > .article-view--empty { color: $text-muted; text-style: italic; }
    }
    """

    @dataclass
    class Painted(Message):
        """The article shown last has reached the screen."""

        article: Article

    position_label: reactive[str] = reactive("", init=False)
    """Where `n`/`N` are: "match 2 of 4", or the chosen entity's mention count."""
    hidden_types: reactive[frozenset[EntityType]] = reactive(frozenset(), init=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.rendered: Rendered | None = None
        self.hits: tuple[Span, ...] = ()
        self.mentions: tuple[MentionSpan, ...] = ()
        self.chosen: EntityKey | None = None
        self.chosen_spans: tuple[Span, ...] = ()
        self.current_hit: int | None = None
        """Index into `stops` of the stop last jumped to."""
        self._base = Text()
        self._text = Text()
        self._body_start = 0
        self._lines: list[WrappedLine] = []
        self._wrapped_width = 0
        self._pending_hit: int | None = None
        self._unpainted: Article | None = None

    @property
    def stops(self) -> tuple[Span, ...]:
        """What `n`/`N` step through: the chosen entity's mentions, else the query's matches."""
        return self.chosen_spans if self.chosen is not None else self.hits

    def show(
        self,
        article: Article,
        rendered: Rendered,
        hits: tuple[Span, ...] = (),
        title_hits: tuple[Span, ...] = (),
        mentions: tuple[MentionSpan, ...] = (),
    ) -> None:
        """Display an article at its first hit; spans are offsets into `rendered.text`."""
        self.article = article
        self._unpainted = article
        self.rendered = rendered
        header = self._header(article, title_hits)
        self._body_start = len(header)
        self._base = header + rendered.text
        self.hits = tuple((s + self._body_start, e + self._body_start) for s, e in hits)
        self.mentions = tuple(span.shifted(self._body_start) for span in mentions)
        self.chosen = None
        self.chosen_spans = ()
        self.current_hit = None
        self._pending_hit = 0 if self.hits else None
        self.scroll_to(y=0, animate=False, immediate=True)
        self._restyle()

    def show_mentions(self, mentions: tuple[MentionSpan, ...]) -> None:
        """Colour entity mentions, given as spans of `rendered.text`."""
        self.mentions = tuple(span.shifted(self._body_start) for span in mentions)
        self._restyle()

    def choose_entity(self, chosen: EntityKey | None) -> None:
        """Mark one entity's mentions and make them the stops, or go back to query matches."""
        self.chosen = chosen
        self.chosen_spans = tuple(
            (s.start, s.end) for s in self.mentions if (s.type, s.canonical) == chosen
        )
        self.current_hit = None
        self._restyle()
        if chosen is not None and self.chosen_spans:
            self.go_to_hit(0)

    def toggle_type(self, kind: EntityType) -> None:
        self.hidden_types = self.hidden_types ^ {kind}
        self._restyle()

    def clear(self) -> None:
        self.article = None
        self.rendered = None
        self.hits = ()
        self.mentions = ()
        self.chosen = None
        self.chosen_spans = ()
        self.current_hit = None
        self._text = Text()
        self._lines = []
        self.virtual_size = Size(0, 0)
        self._update_position()
        self.refresh()

    def _header(self, article: Article, title_hits: tuple[Span, ...]) -> Text:
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

    def _restyle(self) -> None:
        """Rebuild the styled text from the current layers and wrap it again."""
        self._text = layered(
            self._base,
            self.mentions,
            self.hidden_types,
            entity_styles(self),
            self.hits,
            self.get_component_rich_style("article-view--match", partial=True),
            self.chosen,
            self.get_component_rich_style("article-view--chosen", partial=True),
        )
        self._wrapped_width = 0
        self._rewrap()
        self._update_position()

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def _measure(self) -> int:
        """The width text may use: the content region less padding and the scrollbar gutter."""
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
            self.go_to_hit(index)

    def line_of(self, offset: int) -> int:
        """The wrapped line holding a text offset."""
        return line_of(self._lines, offset)

    def go_to_hit(self, index: int) -> None:
        stops = self.stops
        if not stops:
            return
        self.current_hit = index % len(stops)
        if not self._lines:
            self._pending_hit = self.current_hit
            return
        line = self.line_of(stops[self.current_hit][0])
        self.scroll_to(y=max(line - self.size.height // 3, 0), animate=False, immediate=True)
        self._update_position()
        self.refresh()

    def next_hit(self) -> None:
        self.go_to_hit(0 if self.current_hit is None else self.current_hit + 1)

    def previous_hit(self) -> None:
        self.go_to_hit(-1 if self.current_hit is None else self.current_hit - 1)

    def _update_position(self) -> None:
        stops = self.stops
        singular, plural = ("mention", "mentions") if self.chosen else ("match", "matches")
        if self.article is None:
            label = ""
        elif not stops:
            label = f"no {plural}"
        elif self.current_hit is None:
            label = f"{len(stops)} {plural}"
        else:
            label = f"{singular} {self.current_hit + 1} of {len(stops)}"
        if self.chosen is not None and label:
            label = f"{one_line(self.chosen[1])}: {label}"
        self.position_label = label

    def current_paragraph(self) -> str | None:
        """The paragraph with the current stop on screen, else the first one on screen."""
        if self.rendered is None or not self._lines:
            return None
        top = int(self.scroll_y)
        bottom = top + self.size.height
        anchor: int | None = None
        if self.current_hit is not None:
            start = self.stops[self.current_hit][0]
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
        if self._unpainted is not None:
            self.post_message(self.Painted(self._unpainted))
            self._unpainted = None
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
            start, end = self.stops[self.current_hit]
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
