"""Wrapping styled text to a width while remembering where each line came from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich._wrap import divide_line
from rich.text import Text

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


def line_of(lines: list[WrappedLine], offset: int) -> int:
    """The index of the wrapped line holding a text offset."""
    low, high = 0, len(lines) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if lines[middle].start <= offset:
            low = middle
        else:
            high = middle - 1
    return max(low, 0)
