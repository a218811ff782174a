"""Markdown article bodies as Rich `Text` with styled spans, highlights given as body offsets.

Shared by the reading pane and `nkreader show`; it imports Rich and markdown-it, never Textual.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.style import Style, StyleType
from rich.text import Text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ALIGN_WINDOW = 12
_CHUNK = re.compile(r"\w+|\s+|[^\w\s]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\N{SYMBOL FOR DELETE}" if code == 0x7F else "\N{REPLACEMENT CHARACTER}"


def clean(text: str) -> str:
    """Control characters made visible one-for-one, so offsets into `text` stay valid."""
    return _CONTROL.sub(_visible, text)


def one_line(text: str) -> str:
    """Untrusted text for a single row: controls visible, line breaks and runs of space folded."""
    return clean(" ".join(text.split()))


@dataclass(frozen=True)
class RenderStyles:
    heading1: StyleType = "bold underline"
    heading: StyleType = "bold"
    strong: StyleType = "bold"
    emphasis: StyleType = "italic"
    strike: StyleType = "strike"
    code: StyleType = "bold cyan"
    code_block: StyleType = "cyan"
    link: StyleType = "underline blue"
    quote: StyleType = "italic"
    quote_mark: StyleType = "dim"
    marker: StyleType = "bold"
    rule: StyleType = "dim"
    image: StyleType = "dim italic"
    hit: StyleType = "black on yellow"


DEFAULT_STYLES = RenderStyles()

_INLINE_STYLES = {
    "strong_open": "strong",
    "em_open": "emphasis",
    "s_open": "strike",
    "link_open": "link",
}


@dataclass(frozen=True)
class Rendered:
    """Styled text plus the map from body offsets to text offsets."""

    text: Text
    blocks: tuple[tuple[int, int], ...]
    segments: tuple[tuple[int, int, int], ...] = field(repr=False)

    def text_offset(self, body_offset: int) -> int | None:
        """Where a body offset landed in the text, or None if that character is not shown."""
        index = bisect.bisect_right(self._body_starts, body_offset) - 1
        if index < 0:
            return None
        text_start, body_start, length = self.segments[index]
        if body_offset < body_start + length:
            return text_start + body_offset - body_start
        return None

    def map_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The smallest text span covering the shown characters of body span [start, end)."""
        pieces = list(self._pieces(start, end))
        if not pieces:
            return None
        return pieces[0][0], pieces[-1][1]

    def block_at(self, text_offset: int) -> tuple[int, int] | None:
        """The block (paragraph, heading, item) holding a text offset."""
        index = bisect.bisect_right([b[0] for b in self.blocks], text_offset) - 1
        if index >= 0 and text_offset <= self.blocks[index][1]:
            return self.blocks[index]
        return None

    @property
    def _body_starts(self) -> list[int]:
        cached: list[int] | None = self.__dict__.get("_starts")
        if cached is None:
            cached = [segment[1] for segment in self.segments]
            object.__setattr__(self, "_starts", cached)
        return cached

    def _pieces(self, start: int, end: int) -> Iterable[tuple[int, int]]:
        index = max(bisect.bisect_right(self._body_starts, start) - 1, 0)
        for text_start, body_start, length in self.segments[index:]:
            if body_start >= end:
                break
            low, high = max(start, body_start), min(end, body_start + length)
            if low < high:
                yield text_start + low - body_start, text_start + high - body_start


class _Builder:
    """Accumulates text, spans and the offset map while walking markdown-it tokens."""

    def __init__(self, body: str, styles: RenderStyles) -> None:
        self.body = body
        self.styles = styles
        self.text = Text()
        self.segments: list[tuple[int, int, int]] = []
        self.blocks: list[tuple[int, int]] = []
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", body)]

    def line_offset(self, line: int) -> int:
        return self.line_starts[line] if line < len(self.line_starts) else len(self.body)

    def plain(self, content: str, style: StyleType = "") -> None:
        self.text.append(content, style)

    def mapped(self, content: str, cursor: int, style: StyleType = "", limit: int = -1) -> int:
        """Append body-sourced text, record where its characters came from, return new cursor.

        `limit` bounds the search to the source of the current block.
        """
        start = len(self.text)
        self.text.append(content, style)
        if not content:
            return cursor
        limit = len(self.body) if limit < 0 else limit
        reach = limit if len(content) >= 4 else min(limit, cursor + len(content) + _ALIGN_WINDOW)
        found = self.body.find(content, cursor, reach)
        if found >= 0:
            self._segment(start, found, len(content))
            return found + len(content)
        return self._align(content, start, cursor, limit)

    def _align(self, content: str, text_start: int, cursor: int, limit: int) -> int:
        """Chunk-wise alignment for text markdown-it changed (`\\*`, `&amp;`, after a link)."""
        for chunk in _CHUNK.finditer(content):
            piece = chunk.group()
            reach = limit if piece[0].isalnum() else min(limit, cursor + _ALIGN_WINDOW)
            found = self.body.find(piece, cursor, reach)
            if found >= 0:
                self._segment(text_start + chunk.start(), found, len(piece))
                cursor = found + len(piece)
        return cursor

    def _segment(self, text_start: int, body_start: int, length: int) -> None:
        if self.segments:
            last_text, last_body, last_length = self.segments[-1]
            if last_text + last_length == text_start and last_body + last_length == body_start:
                self.segments[-1] = (last_text, last_body, last_length + length)
                return
        self.segments.append((text_start, body_start, length))

    def start_block(self, prefix: str, prefix_style: StyleType, tight: bool = False) -> int:
        if len(self.text):
            self.plain("\n" if tight else "\n\n")
        self.plain(prefix, prefix_style)
        return len(self.text)

    def end_block(self, start: int, style: StyleType = "") -> None:
        if style:
            self.text.stylize(style, start, len(self.text))
        self.blocks.append((start, len(self.text)))


def _inline(builder: _Builder, token: Token, continuation: str) -> None:
    cursor = builder.line_offset(token.map[0]) if token.map else 0
    limit = builder.line_offset(token.map[1]) if token.map else -1
    open_spans: list[tuple[int, StyleType]] = []
    styles = builder.styles
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "html_inline"):
            cursor = builder.mapped(child.content, cursor, limit=limit)
        elif kind == "code_inline":
            cursor = builder.mapped(child.content, cursor, styles.code, limit)
        elif kind == "softbreak":
            builder.plain(" ")
        elif kind == "hardbreak":
            builder.plain("\n" + continuation)
        elif kind in _INLINE_STYLES:
            open_spans.append((len(builder.text), getattr(styles, _INLINE_STYLES[kind])))
        elif kind.endswith("_close") and open_spans:
            if kind == "link_close" and builder.body.startswith("](", cursor):
                cursor = max(builder.body.find(")", cursor, limit) + 1, cursor)
            start, style = open_spans.pop()
            builder.text.stylize(style, start, len(builder.text))
        elif kind == "image":
            start = len(builder.text)
            builder.plain("[image: ")
            for grandchild in child.children or []:
                cursor = builder.mapped(grandchild.content, cursor, limit=limit)
            builder.plain("]")
            builder.text.stylize(styles.image, start, len(builder.text))


@dataclass
class _Context:
    quote_depth: int = 0
    list_stack: list[int | None] = field(default_factory=list)
    item_prefix: str | None = None
    heading_level: int = 0
    cell_count: int = 0
    fresh: bool = True


def _prefix(context: _Context) -> tuple[str, str]:
    """The marker for a new block and the indent for its continuation lines."""
    quote = "▌ " * context.quote_depth
    indent = "  " * max(len(context.list_stack) - 1, 0)
    if context.item_prefix is not None:
        marker, context.item_prefix = context.item_prefix, None
        return quote + indent + marker, quote + indent + " " * len(marker)
    pad = quote + indent + ("  " if context.list_stack else "")
    return pad, pad


def _walk(builder: _Builder, tokens: Sequence[Token]) -> None:
    context = _Context()
    styles = builder.styles
    block_start = 0
    block_style: StyleType = ""
    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            context.quote_depth += 1
        elif kind == "blockquote_close":
            context.quote_depth -= 1
        elif kind in ("bullet_list_open", "table_open"):
            context.fresh = context.fresh or not context.list_stack
            if kind == "bullet_list_open":
                context.list_stack.append(None)
        elif kind == "ordered_list_open":
            context.fresh = context.fresh or not context.list_stack
            context.list_stack.append(int(token.attrs.get("start", 1) or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            context.list_stack.pop()
        elif kind == "list_item_open" and context.list_stack:
            number = context.list_stack[-1]
            if number is None:
                context.item_prefix = "• "
            else:
                context.item_prefix = f"{number}. "
                context.list_stack[-1] = number + 1
        elif kind in ("paragraph_open", "heading_open", "tr_open"):
            marker, _ = _prefix(context)
            quote_style = styles.quote_mark if context.quote_depth else styles.marker
            tight = (token.hidden or kind == "tr_open") and not context.fresh
            block_start = builder.start_block(marker, quote_style, tight=tight)
            context.fresh = False
            block_style = styles.quote if context.quote_depth else ""
            context.cell_count = 0
            if kind == "heading_open":
                block_style = styles.heading1 if token.tag == "h1" else styles.heading
        elif kind in ("th_open", "td_open"):
            if context.cell_count:
                builder.plain(" │ ", styles.rule)
            context.cell_count += 1
        elif kind == "inline":
            _inline(builder, token, _prefix(context)[1] if context.list_stack else "")
        elif kind in ("paragraph_close", "heading_close", "tr_close"):
            builder.end_block(block_start, block_style)
        elif kind in ("fence", "code_block"):
            start = builder.start_block(_prefix(context)[0], styles.marker)
            cursor = builder.line_offset((token.map or [0])[0])
            builder.mapped(token.content.rstrip("\n"), cursor, styles.code_block)
            builder.end_block(start)
        elif kind == "hr":
            start = builder.start_block("", "")
            builder.plain("─" * 40, styles.rule)
            builder.end_block(start)
        elif kind == "html_block":
            start = builder.start_block(_prefix(context)[0], "")
            builder.mapped(token.content.rstrip("\n"), builder.line_offset((token.map or [0])[0]))
            builder.end_block(start)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """Imported on first use: markdown-it is only needed once an article is opened."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def render_markdown(
    body: str,
    highlights: Sequence[tuple[int, int, StyleType]] = (),
    styles: RenderStyles = DEFAULT_STYLES,
) -> Rendered:
    """Render a Markdown body; `highlights` are (start, end, style) spans of body offsets."""
    body = clean(body)
    builder = _Builder(body, styles)
    _walk(builder, _parser().parse(body))
    rendered = Rendered(builder.text, tuple(builder.blocks), tuple(builder.segments))
    for start, end, style in highlights:
        for low, high in rendered._pieces(start, end):
            rendered.text.stylize(style, low, high)
    return rendered


def hit_style(styles: RenderStyles = DEFAULT_STYLES) -> Style:
    """The query-hit style as a `Style`, for widgets that layer a current-hit style on top."""
    return Style.parse(styles.hit) if isinstance(styles.hit, str) else styles.hit
