"""Short passages around query matches, with the match spans re-based onto the passage."""

from __future__ import annotations

import re

from nkreader.model import Snippet

_MARKDOWN_LINE_START = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|[*+-][ \t]+|>[ \t]?|\d+[.)][ \t]+)")


def make_snippet(body: str, spans: tuple[tuple[int, int], ...], width: int = 220) -> Snippet:
    """The densest window of about `width` characters, flattened to one line."""
    if not body:
        return Snippet("")
    start = _best_window_start(spans, width)
    start = _word_start(body, max(0, start - width // 4) if spans else 0)
    end = min(len(body), start + width)
    while end < len(body) and not body[end].isspace() and end - start < width + 30:
        end += 1
    return _flatten(body, start, end, spans)


def _best_window_start(spans: tuple[tuple[int, int], ...], width: int) -> int:
    """Start of the span that opens the window holding the most matches."""
    best_start, best_count = 0, 0
    right = 0
    for left, (start, _) in enumerate(spans):
        while right < len(spans) and spans[right][1] <= start + width:
            right += 1
        if right - left > best_count:
            best_start, best_count = start, right - left
    return best_start


def _word_start(body: str, position: int) -> int:
    if position <= 0:
        return 0
    while position < len(body) and not body[position - 1].isspace():
        position += 1
    return position


def _flatten(body: str, start: int, end: int, spans: tuple[tuple[int, int], ...]) -> Snippet:
    """Collapse whitespace and Markdown line markers, keeping the spans aligned."""
    window = _MARKDOWN_LINE_START.sub(lambda m: " " * len(m.group()), body[start:end])
    out: list[str] = []
    position_map: list[int] = []
    for offset, char in enumerate(window):
        if char.isspace():
            if not out or out[-1] == " ":
                continue
            char = " "
        out.append(char)
        position_map.append(start + offset)
    while out and out[-1] == " ":
        out.pop()
        position_map.pop()
    text = "".join(out)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(body) else ""
    shift = len(prefix)
    highlights: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        inside = [i for i, p in enumerate(position_map) if span_start <= p < span_end]
        if inside:
            highlights.append((inside[0] + shift, inside[-1] + 1 + shift))
    return Snippet(prefix + text + suffix, tuple(highlights))
