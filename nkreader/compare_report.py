"""A comparison as a sectioned terminal report, a Markdown export and JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from io import StringIO
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from nkreader.compare import (
    AlignedPassage,
    Comparison,
    EntityCount,
    NumberPair,
    Passage,
)
from nkreader.sentences import NumberFact

_DROPPED_STYLE = "bold red"
_ADDED_STYLE = "bold green"


def report_renderables(comparison: Comparison) -> list[RenderableType]:
    """The report's sections as Rich renderables, article text kept as plain text spans."""
    left, right = comparison.left, comparison.right
    header = Text()
    header.append("Left:  ", style="bold").append(f"{left.title} ({left.id})\n")
    header.append("Right: ", style="bold").append(f"{right.title} ({right.id})\n")
    header.append("Similarity ", style="bold").append(f"{comparison.similarity:.2f}  ")
    header.append("Verdict ", style="bold").append(comparison.verdict)
    return [
        header,
        _heading(f"Aligned passages ({len(comparison.aligned)})"),
        *(_aligned_text(pair) for pair in comparison.aligned),
        _heading(f"Only in left ({len(comparison.left_only)})"),
        *_passage_list(comparison.left_only),
        _heading(f"Only in right ({len(comparison.right_only)})"),
        *_passage_list(comparison.right_only),
        _heading("Entities"),
        _entity_table(comparison),
        _heading("Numbers and dates"),
        _number_table(comparison.numbers),
    ]


def report_text(comparison: Comparison, width: int = 100, color: bool = False) -> str:
    """The report rendered to a string, for the CLI or a pipe."""
    buffer = StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=color, no_color=not color, highlight=False
    )
    console.print(Group(*report_renderables(comparison)))
    return buffer.getvalue()


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def _aligned_text(pair: AlignedPassage) -> Text:
    """One aligned pair: its kind and score, then both sides with differing words marked."""
    text = Text()
    text.append(f"[{pair.kind} {pair.score:.2f}]\n", style="dim")
    text.append("  L: ").append_text(_marked(pair.left, pair, left_side=True)).append("\n")
    text.append("  R: ").append_text(_marked(pair.right, pair, left_side=False))
    if pair.kind != "entities" and pair.changes:
        # Colour is lost in a pipe, so near-identical pairs also spell out what changed.
        text.append("\n  Δ: ", style="dim").append("; ".join(_change_labels(pair)))
    return text


def _change_labels(pair: AlignedPassage, limit: int = 8) -> list[str]:
    """Short labels for a pair's word changes, e.g. "12 → 15"."""
    labels = []
    for change in pair.changes[:limit]:
        if change.op == "changed":
            labels.append(f"{_inline(change.left_text)} → {_inline(change.right_text)}")
        elif change.op == "dropped":
            labels.append(f"−{_inline(change.left_text)}")
        else:
            labels.append(f"+{_inline(change.right_text)}")
    if len(pair.changes) > limit:
        labels.append(f"… {len(pair.changes) - limit} more")
    return labels


def _marked(passage: Passage, pair: AlignedPassage, *, left_side: bool) -> Text:
    """A passage with the words the other side lacks or changes styled."""
    text = Text(passage.text)
    style = _DROPPED_STYLE if left_side else _ADDED_STYLE
    for change in pair.changes:
        span = change.left if left_side else change.right
        if span is not None:
            text.stylize(style, span[0] - passage.start, span[1] - passage.start)
    return text


def _passage_list(passages: Sequence[Passage]) -> list[Text]:
    if not passages:
        return [Text("  (none)", style="dim")]
    return [Text("  • ").append(passage.text) for passage in passages]


def _entity_table(comparison: Comparison) -> Table:
    table = Table("Entity", "Type", "Left", "Right", "In", box=None, pad_edge=False)
    entities = comparison.entities
    for where, rows in (
        ("both", entities.both),
        ("left", entities.left_only),
        ("right", entities.right_only),
    ):
        for row in rows:
            table.add_row(
                Text(row.canonical), row.type, str(row.left_count), str(row.right_count), where
            )
    return table


def _number_table(numbers: Sequence[NumberPair]) -> Table:
    table = Table("Status", "Left", "Right", "Left sentence", "Right sentence", box=None)
    for pair in numbers:
        status_style = "bold red" if pair.status == "differ" else None
        table.add_row(
            Text(pair.status, style=status_style or ""),
            Text(_fact_label(pair.left)),
            Text(_fact_label(pair.right)),
            Text(pair.left.sentence if pair.left else ""),
            Text(pair.right.sentence if pair.right else ""),
        )
    return table


def _fact_label(fact: NumberFact | None) -> str:
    """What a fact says, e.g. "92 (missile)"."""
    if fact is None:
        return "—"
    unit = f" ({fact.unit})" if fact.unit and fact.unit != "date" else ""
    return f"{fact.text}{unit}"


def comparison_markdown(comparison: Comparison) -> str:
    """The comparison as a Markdown document, for the app's export key."""
    left, right = comparison.left, comparison.right
    lines = [
        f"# Comparison: {_inline(left.title)} / {_inline(right.title)}",
        "",
        f"- Left: {_inline(left.title)} (`{left.id}`)",
        f"- Right: {_inline(right.title)} (`{right.id}`)",
        f"- Similarity: {comparison.similarity:.2f}",
        f"- Verdict: {comparison.verdict}",
        "",
        f"## Aligned passages ({len(comparison.aligned)})",
        "",
    ]
    for pair in comparison.aligned:
        lines += [
            f"**{pair.kind}** ({pair.score:.2f})",
            "",
            f"> L: {_inline(pair.left.text)}",
            ">",
            f"> R: {_inline(pair.right.text)}",
            "",
        ]
        lines += _change_lines(pair)
    for title, passages in (("left", comparison.left_only), ("right", comparison.right_only)):
        lines += [f"## Only in {title} ({len(passages)})", ""]
        lines += [f"- {_inline(p.text)}" for p in passages] or ["(none)"]
        lines.append("")
    lines += [
        "## Entities",
        "",
        "| Entity | Type | Left | Right | In |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += _entity_rows(comparison)
    lines += [
        "",
        "## Numbers and dates",
        "",
        "| Status | Left | Right | Left sentence | Right sentence |",
        "| --- | --- | --- | --- | --- |",
    ]
    for number in comparison.numbers:
        cells = (
            number.status,
            _fact_label(number.left),
            _fact_label(number.right),
            number.left.sentence if number.left else "",
            number.right.sentence if number.right else "",
        )
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _change_lines(pair: AlignedPassage) -> list[str]:
    """Word-level changes of a pair as a short list."""
    lines = []
    for change in pair.changes:
        if change.op == "changed":
            lines.append(f"- changed: {_code(change.left_text)} → {_code(change.right_text)}")
        elif change.op == "dropped":
            lines.append(f"- dropped: {_code(change.left_text)}")
        else:
            lines.append(f"- added: {_code(change.right_text)}")
    return [*lines, ""] if lines else []


def _entity_rows(comparison: Comparison) -> list[str]:
    entities = comparison.entities
    rows: list[tuple[str, EntityCount]] = [
        *(("both", e) for e in entities.both),
        *(("left", e) for e in entities.left_only),
        *(("right", e) for e in entities.right_only),
    ]
    return [
        f"| {_cell(e.canonical)} | {e.type} | {e.left_count} | {e.right_count} | {where} |"
        for where, e in rows
    ]


def _inline(text: str) -> str:
    """Article text on one Markdown line."""
    return " ".join(text.split())


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return _inline(text).replace("|", "\\|")


def _code(text: str) -> str:
    """Text as inline code, fenced by more backticks than any run inside it."""
    inline = _inline(text)
    runs = re.findall(r"`+", inline)
    fence = "`" * (max((len(run) for run in runs), default=0) + 1)
    pad = " " if runs else ""
    return f"{fence}{pad}{inline}{pad}{fence}"


def as_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON-ready data, offsets into each body."""
    entities = comparison.entities
    return {
        "left": {"id": comparison.left.id, "title": comparison.left.title},
        "right": {"id": comparison.right.id, "title": comparison.right.title},
        "similarity": comparison.similarity,
        "verdict": comparison.verdict,
        "aligned": [_aligned_dict(pair) for pair in comparison.aligned],
        "left_only": [[p.start, p.end] for p in comparison.left_only],
        "right_only": [[p.start, p.end] for p in comparison.right_only],
        "entities": {
            "both": [_entity_dict(e) for e in entities.both],
            "left_only": [_entity_dict(e) for e in entities.left_only],
            "right_only": [_entity_dict(e) for e in entities.right_only],
        },
        "numbers": [
            {"status": p.status, "left": _fact_dict(p.left), "right": _fact_dict(p.right)}
            for p in comparison.numbers
        ],
    }


def to_json(comparison: Comparison, indent: int | None = 2) -> str:
    """The comparison as a JSON document."""
    return json.dumps(as_dict(comparison), indent=indent, ensure_ascii=False)


def _aligned_dict(pair: AlignedPassage) -> dict[str, Any]:
    return {
        "left": [pair.left.start, pair.left.end],
        "right": [pair.right.start, pair.right.end],
        "kind": pair.kind,
        "score": pair.score,
        "changes": [
            {
                "op": c.op,
                "left": list(c.left) if c.left else None,
                "right": list(c.right) if c.right else None,
                "left_text": c.left_text,
                "right_text": c.right_text,
            }
            for c in pair.changes
        ],
    }


def _entity_dict(entity: EntityCount) -> dict[str, Any]:
    return {
        "canonical": entity.canonical,
        "type": entity.type,
        "left_count": entity.left_count,
        "right_count": entity.right_count,
    }


def _fact_dict(fact: NumberFact | None) -> dict[str, Any] | None:
    if fact is None:
        return None
    return {
        "text": fact.text,
        "value": fact.value,
        "unit": fact.unit,
        "sentence": fact.sentence,
        "span": [fact.start, fact.end],
    }
