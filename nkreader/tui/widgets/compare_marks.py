"""What the compare panes mark, where the differences are, and how the panes line up.

Plain functions over a `Comparison`; the compare screen and its panes draw what they return.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from nkreader.compare import (
    AlignedPassage,
    Comparison,
    EntityComparison,
    EntityCount,
    NumberPair,
    NumberStatus,
)
from nkreader.textdiff import ChangeOp, WordChange

Side = Literal["left", "right"]
Span = tuple[int, int]
TINTS = 4
"""Aligned pairs cycle through this many background tints, the same tint on both sides."""

_MIRRORED_OP: dict[ChangeOp, ChangeOp] = {
    "added": "dropped",
    "dropped": "added",
    "changed": "changed",
}
_MIRRORED_STATUS: dict[NumberStatus, NumberStatus] = {
    "agree": "agree",
    "differ": "differ",
    "left_only": "right_only",
    "right_only": "left_only",
}


@dataclass(frozen=True)
class Marks:
    """Body spans of one side: tinted aligned passages, unique passages, changed words."""

    tinted: tuple[tuple[int, int, int], ...]
    """(start, end, tint index) per aligned passage."""
    unique: tuple[Span, ...]
    changed: tuple[Span, ...]


@dataclass(frozen=True)
class Difference:
    """A spot where the reports differ: a body span on each side, or None for a side lacking it.

    `left_anchor`/`right_anchor` say where a side without the passage should scroll to.
    """

    kind: Literal["aligned", "left_only", "right_only"]
    left: Span | None
    right: Span | None
    left_anchor: int
    right_anchor: int


def marks_for(comparison: Comparison, side: Side) -> Marks:
    """The spans one pane draws, as body offsets of that side."""
    tinted = []
    changed: list[Span] = []
    for index, pair in enumerate(comparison.aligned):
        passage = pair.left if side == "left" else pair.right
        tinted.append((passage.start, passage.end, index % TINTS))
        if pair.kind != "entities":
            for change in pair.changes:
                span = change.left if side == "left" else change.right
                if span is not None:
                    changed.append(span)
    unique = comparison.left_only if side == "left" else comparison.right_only
    return Marks(tuple(tinted), tuple((p.start, p.end) for p in unique), tuple(changed))


def differences(comparison: Comparison) -> tuple[Difference, ...]:
    """Unique passages and aligned pairs with changes, in the left report's reading order.

    A passage only one side has is placed after the aligned pair that precedes it on its
    own side, and the other pane is sent to the end of that pair's passage.
    """
    by_left = sorted(comparison.aligned, key=lambda p: p.left.start)
    by_right = sorted(comparison.aligned, key=lambda p: p.right.start)
    left_starts = [p.left.start for p in by_left]
    right_starts = [p.right.start for p in by_right]
    found: list[tuple[tuple[int, int, int], Difference]] = []
    for pair in by_left:
        if pair.changes:
            spans = (pair.left.start, pair.left.end), (pair.right.start, pair.right.end)
            difference = Difference("aligned", *spans, pair.left.start, pair.right.start)
            found.append(((pair.left.start, 0, pair.right.start), difference))
    for passage in comparison.left_only:
        index = bisect_right(left_starts, passage.start) - 1
        right_anchor = by_left[index].right.end if index >= 0 else 0
        difference = Difference(
            "left_only", (passage.start, passage.end), None, passage.start, right_anchor
        )
        found.append(((passage.start, 0, right_anchor), difference))
    for passage in comparison.right_only:
        index = bisect_right(right_starts, passage.start) - 1
        left_anchor = by_right[index].left.end if index >= 0 else 0
        difference = Difference(
            "right_only", None, (passage.start, passage.end), left_anchor, passage.start
        )
        found.append(((left_anchor, 1, passage.start), difference))
    return tuple(difference for _, difference in sorted(found, key=lambda item: item[0]))


def in_order_anchors(comparison: Comparison) -> tuple[tuple[int, int], ...]:
    """(left start, right start) of the longest run of aligned pairs in the same order on
    both sides; moved passages are left out so that scrolling one pane never jumps the other."""
    pairs = sorted((p.left.start, p.right.start) for p in comparison.aligned)
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for index, (_, right) in enumerate(pairs):
        position = bisect_left(tails, right)
        if position == len(tails):
            tails.append(right)
            tail_index.append(index)
        else:
            tails[position] = right
            tail_index[position] = index
        parent[index] = tail_index[position - 1] if position else -1
    chain: list[tuple[int, int]] = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = parent[index]
    return tuple(reversed(chain))


def interpolate(points: Sequence[tuple[float, float]], x: float) -> float:
    """Piecewise-linear y at x through points sorted by x (clamped at the ends)."""
    if not points:
        return x
    xs = [p[0] for p in points]
    index = bisect_right(xs, x) - 1
    if index < 0:
        return points[0][1]
    if index >= len(points) - 1:
        return points[-1][1]
    (x0, y0), (x1, y1) = points[index], points[index + 1]
    if x1 <= x0:
        return y0
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0)


def mirrored(comparison: Comparison) -> Comparison:
    """The same comparison seen from the other side."""
    entities = comparison.entities
    return replace(
        comparison,
        left=comparison.right,
        right=comparison.left,
        aligned=tuple(
            sorted((_mirror_pair(p) for p in comparison.aligned), key=lambda p: p.left.start)
        ),
        left_only=comparison.right_only,
        right_only=comparison.left_only,
        entities=EntityComparison(
            both=tuple(_mirror_count(e) for e in entities.both),
            left_only=tuple(_mirror_count(e) for e in entities.right_only),
            right_only=tuple(_mirror_count(e) for e in entities.left_only),
        ),
        numbers=tuple(_mirror_number(n) for n in comparison.numbers),
    )


def _mirror_pair(pair: AlignedPassage) -> AlignedPassage:
    changes = tuple(
        WordChange(_MIRRORED_OP[c.op], c.right, c.left, c.right_text, c.left_text)
        for c in pair.changes
    )
    return replace(pair, left=pair.right, right=pair.left, changes=changes)


def _mirror_count(count: EntityCount) -> EntityCount:
    return replace(count, left_count=count.right_count, right_count=count.left_count)


def _mirror_number(pair: NumberPair) -> NumberPair:
    return NumberPair(_MIRRORED_STATUS[pair.status], pair.right, pair.left)
