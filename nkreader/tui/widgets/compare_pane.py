"""One side of the compare screen: an article with its aligned, unique and changed text marked."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from nkreader.model import Article, Mention
from nkreader.render import Rendered, one_line, render_markdown
from nkreader.tui.commands import bindings_for
from nkreader.tui.widgets.compare_marks import TINTS, Marks
from nkreader.tui.wrapping import WrappedLine, wrap

GUTTER = 2
Span = tuple[int, int]


@dataclass(frozen=True)
class MarkStyles:
    """The pane's theme styles, resolved on the main thread for the worker."""

    tints: tuple[Style, ...]
    changed: Style
    unique: Style
    title: Style
    meta: Style


@dataclass(frozen=True)
class PaneContent:
    """An article rendered with its marks and a header, ready to show in a pane."""

    article: Article
    rendered: Rendered
    text: Text
    """The header followed by the rendered body."""
    body_start: int
    unique: tuple[Span, ...]
    """Text spans of the passages only this side has, for the gutter."""
    mentions: Mapping[str, tuple[Span, ...]]
    """Body spans of each canonical entity's mentions."""
    layouts: dict[int, list[WrappedLine]] = field(default_factory=dict, compare=False)
    """Wrapped lines by text width, filled by the worker for the widths the panes have."""

    def lines(self, width: int) -> list[WrappedLine]:
        """The text wrapped to `width`, computed once per width."""
        lines = self.layouts.get(width)
        if lines is None:
            lines = self.layouts[width] = wrap(self.text, width)
        return lines


def prepare_pane(
    article: Article,
    mentions: Sequence[Mention],
    marks: Marks,
    styles: MarkStyles,
    widths: Iterable[int] = (),
) -> PaneContent:
    """Render and wrap one side with its marks; pure and slow enough to belong in a worker."""
    rendered = render_markdown(article.body)
    spans = [(s, e, styles.tints[tint % len(styles.tints)]) for s, e, tint in marks.tinted]
    spans += [(s, e, styles.unique) for s, e in marks.unique]
    spans += [(s, e, styles.changed) for s, e in marks.changed]
    for start, end, style in spans:
        # The covering span, so the space a line break became is tinted with its words.
        if (shown := rendered.map_span(start, end)) is not None:
            rendered.text.stylize(style, *shown)
    header = _header(article, styles)
    body_start = len(header)
    unique = tuple(
        (span[0] + body_start, span[1] + body_start)
        for s, e in marks.unique
        if (span := rendered.map_span(s, e))
    )
    found: dict[str, list[Span]] = {}
    for mention in mentions:
        found.setdefault(mention.canonical, []).append((mention.start, mention.end))
    content = PaneContent(
        article,
        rendered,
        header + rendered.text,
        body_start,
        unique,
        {name: tuple(spans) for name, spans in found.items()},
    )
    for width in widths:
        content.lines(width - GUTTER)
    return content


def _header(article: Article, styles: MarkStyles) -> Text:
    parts = [one_line(article.outlet) if article.outlet else "unknown outlet"]
    parts.append(article.published.isoformat() if article.published else "undated")
    parts.append(f"{article.word_count:,} words")
    return Text.assemble(
        (one_line(article.title), styles.title), "\n", (" · ".join(parts), styles.meta), "\n\n"
    )


class ComparePane(ScrollView, can_focus=True):
    """An article drawn line by line with a gutter for unique and current passages."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings_for("view"))

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "compare-pane--title",
        "compare-pane--meta",
        "compare-pane--empty",
        "compare-pane--changed",
        "compare-pane--unique",
        "compare-pane--gutter-unique",
        "compare-pane--gutter-current",
        *(f"compare-pane--tint-{index}" for index in range(TINTS)),
    }

    DEFAULT_CSS = """
    ComparePane {
        overflow-x: hidden;
        scrollbar-gutter: stable;
        padding: 0 1 0 0;
        & > .compare-pane--title { text-style: bold; color: $primary; }
        & > .compare-pane--meta { color: $text-muted; }
        & > .compare-pane--empty { color: $text-muted; text-style: italic; }
        & > .compare-pane--tint-0 { background: $primary 22%; }
        & > .compare-pane--tint-1 { background: $success 18%; }
        & > .compare-pane--tint-2 { background: $foreground 12%; }
        & > .compare-pane--tint-3 { background: $secondary 30%; }
        & > .compare-pane--changed { background: $warning 45%; text-style: bold; }
        & > .compare-pane--unique { text-style: italic; }
        & > .compare-pane--gutter-unique { color: $warning; }
        & > .compare-pane--gutter-current { color: $accent; text-style: bold; }
    }
    """

    @dataclass
    class Scrolled(Message):
        """The user scrolled this pane (not a scroll the screen made it follow)."""

        pane: ComparePane

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ComparePane.Scrolled) and message.pane is self.pane

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.content: PaneContent | None = None
        self.placeholder = "Comparing…"
        self._body_start = 0
        self._lines: list[WrappedLine] = []
        self._line_starts: list[int] = []
        self._wrapped_width = 0
        self._gutter: list[str] = []
        self._current: Span | None = None
        self._following = False

    def mark_styles(self) -> MarkStyles:
        def style(name: str) -> Style:
            return self.get_component_rich_style(f"compare-pane--{name}", partial=True)

        tints = tuple(style(f"tint-{index}") for index in range(TINTS))
        return MarkStyles(tints, style("changed"), style("unique"), style("title"), style("meta"))

    @property
    def text_width(self) -> int:
        """Cells a line of text may take, gutter and scrollbar aside."""
        return self.scrollable_content_region.width

    def show(self, content: PaneContent) -> None:
        """Display one side; scroll position is kept for the screen to set."""
        self.content = content
        self._body_start = content.body_start
        self._current = None
        self._wrapped_width = 0
        self._rewrap()

    def show_placeholder(self, message: str) -> None:
        self.content = None
        self.placeholder = message
        self._lines = []
        self.virtual_size = Size(0, 0)
        self.refresh()

    @property
    def wrapped(self) -> bool:
        return bool(self._lines)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    @property
    def max_scroll(self) -> int:
        return max(len(self._lines) - self.scrollable_content_region.height, 0)

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def _rewrap(self) -> None:
        width = self.text_width - GUTTER
        if width <= 0 or self.content is None or width == self._wrapped_width:
            return
        self._lines = self.content.lines(width)
        self._line_starts = [line.start for line in self._lines]
        self._wrapped_width = width
        self._gutter = self._gutter_marks()
        self.virtual_size = Size(0, len(self._lines))
        self.refresh()

    def _gutter_marks(self) -> list[str]:
        marks = [""] * len(self._lines)
        if self.content is None:
            return marks
        for start, end in self.content.unique:
            first = self.line_of_text(start)
            last = self.line_of_text(max(end - 1, start))
            for index in range(first, last + 1):
                marks[index] = "unique"
        return marks

    def line_of_text(self, offset: int) -> int:
        """The wrapped line holding an offset of the shown text."""
        return max(bisect_right(self._line_starts, offset) - 1, 0)

    def text_span(self, body_span: Span) -> Span | None:
        """Where a span of the article body is shown, as offsets of the pane's text."""
        if self.content is None:
            return None
        mapped = self.content.rendered.map_span(*body_span)
        if mapped is None:
            offset = self.content.rendered.text_offset(body_span[0])
            mapped = (offset, offset + 1) if offset is not None else None
        if mapped is None:
            return None
        return mapped[0] + self._body_start, mapped[1] + self._body_start

    def line_of_body(self, offset: int) -> int:
        """The wrapped line showing a body offset, or the nearest shown one before it."""
        if self.content is None:
            return 0
        rendered = self.content.rendered
        text_offset = rendered.text_offset(offset)
        if text_offset is None:
            span = rendered.map_span(offset, offset + 200)
            text_offset = span[0] if span else len(rendered.text)
        return self.line_of_text(text_offset + self._body_start)

    @property
    def reading_row(self) -> int:
        """Rows from the top of the pane where a jump puts its target."""
        return self.scrollable_content_region.height // 3

    def set_current(self, body_span: Span | None, anchor: int | None = None) -> None:
        """Mark a passage as current and scroll it (or, lacking it, `anchor`) into view."""
        self._current = self.text_span(body_span) if body_span else None
        if self._current is not None:
            line = self.line_of_text(self._current[0])
        elif anchor is not None:
            line = self.line_of_body(anchor)
        else:
            self.refresh()
            return
        self.follow(line - self.reading_row)
        self.refresh()

    def follow(self, y: float) -> None:
        """Scroll without telling the screen, for moves the screen itself asked for."""
        self._following = True
        try:
            self.scroll_to(y=max(0, min(round(y), self.max_scroll)), animate=False, immediate=True)
        finally:
            self._following = False

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._following and old_value != new_value:
            self.post_message(self.Scrolled(self))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        index = y + int(self.scroll_y)
        if self.content is None:
            if index == 0:
                hint = Text(" " * GUTTER + self.placeholder)
                hint.stylize(self.get_component_rich_style("compare-pane--empty", partial=True))
                return self._strip(hint, width)
            return Strip.blank(width, self.rich_style)
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[index]
        return self._strip(self._gutter_text(index, line) + line.text, width)

    def _gutter_text(self, index: int, line: WrappedLine) -> Text:
        current = self._current
        if (
            current is not None
            and current[0] < max(line.end, line.start + 1)
            and current[1] > line.start
        ):
            first = self.line_of_text(current[0]) == index
            style = self.get_component_rich_style("compare-pane--gutter-current", partial=True)
            return Text("▶ " if first else "▍ ", style)
        if self._gutter[index] == "unique":
            style = self.get_component_rich_style("compare-pane--gutter-unique", partial=True)
            return Text("┃ ", style)
        return Text(" " * GUTTER)

    def _strip(self, text: Text, width: int) -> Strip:
        text.no_wrap = True
        text.truncate(width, pad=True)
        text.stylize_before(self.rich_style)
        return Strip(text.render(self.app.console), width).simplify()
