"""The compare screen's summary: similarity, verdict, entity table and disagreeing numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nkreader.compare import Comparison, EntityCount, NumberPair
from nkreader.render import one_line
from nkreader.sentences import NumberFact

Span = tuple[int, int]
SENTENCE_CHARS = 72
_STATUS_LABELS = {"differ": "differ", "left_only": "left only", "right_only": "right only"}


@dataclass(frozen=True)
class RowTarget:
    """Where a summary row points in each body; None where that side lacks it."""

    left: Span | None
    right: Span | None


class CompareSummary(Vertical):
    """A headline and one list of rows; choosing a row scrolls both panes to it."""

    DEFAULT_CSS = """
    CompareSummary {
        height: auto;
        & > #compare-headline { height: 1; padding: 0 1; }
        & > OptionList { height: 1fr; border: none; padding: 0; }
    }
    """

    @dataclass
    class RowChosen(Message):
        target: RowTarget

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.targets: dict[str, RowTarget] = {}

    def compose(self) -> ComposeResult:
        yield Static(Content("Comparing…"), id="compare-headline")
        yield OptionList(id="compare-rows")

    @property
    def rows(self) -> OptionList:
        return self.query_one("#compare-rows", OptionList)

    def show(
        self,
        comparison: Comparison,
        left_mentions: Mapping[str, tuple[Span, ...]],
        right_mentions: Mapping[str, tuple[Span, ...]],
    ) -> None:
        """Fill the headline and rows; every name and sentence is plain content."""
        self.query_one("#compare-headline", Static).update(headline(comparison))
        self.targets = {}
        options: list[Option | None] = []
        disputed = [n for n in comparison.numbers if n.status != "agree"]
        options.append(_section(f"Numbers and dates that disagree ({len(disputed)})"))
        for index, pair in enumerate(disputed):
            options.append(self._row(f"number-{index}", _number_row(pair), _number_target(pair)))
        entities = comparison.entities
        groups: tuple[tuple[str, str, tuple[EntityCount, ...]], ...] = (
            ("both", "Entities in both", entities.both),
            ("left", "Entities only left", entities.left_only),
            ("right", "Entities only right", entities.right_only),
        )
        for key, title, rows in groups:
            options.append(_section(f"{title} ({len(rows)})"))
            for index, entity in enumerate(rows):
                target = RowTarget(
                    _first(left_mentions.get(entity.canonical)),
                    _first(right_mentions.get(entity.canonical)),
                )
                options.append(self._row(f"entity-{key}-{index}", _entity_row(entity), target))
        self.rows.set_options(options)

    def _row(self, option_id: str, prompt: Content, target: RowTarget) -> Option:
        self.targets[option_id] = target
        return Option(prompt, id=option_id)

    @on(OptionList.OptionSelected, "#compare-rows")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.targets.get(event.option.id or "")
        if target is not None:
            self.post_message(self.RowChosen(target))


def headline(comparison: Comparison) -> Content:
    entities = comparison.entities
    parts = [
        f"{len(comparison.aligned)} aligned",
        f"{len(comparison.left_only)} only left",
        f"{len(comparison.right_only)} only right",
        f"entities {len(entities.both)} both · {len(entities.left_only)} left"
        f" · {len(entities.right_only)} right",
    ]
    return Content.assemble(
        ("Similarity ", "bold"),
        f"{comparison.similarity:.2f}  ",
        (comparison.verdict, "bold $accent"),
        "  ·  " + " · ".join(parts),
    )


def _section(title: str) -> Option:
    return Option(Content.styled(title, "bold $text-accent"), disabled=True)


def _number_row(pair: NumberPair) -> Content:
    status = _STATUS_LABELS.get(pair.status, pair.status)
    fact = pair.left or pair.right
    sentence = fact.sentence if fact is not None else ""
    return Content.assemble(
        (f"  {status:<11}", "bold $text-warning" if pair.status == "differ" else "$text-muted"),
        f"{_fact(pair.left)} ↔ {_fact(pair.right)}  ",
        (_clip(one_line(sentence), SENTENCE_CHARS), "$text-muted"),
    )


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fact(fact: NumberFact | None) -> str:
    return one_line(fact.text) if fact else "—"


def _number_target(pair: NumberPair) -> RowTarget:
    return RowTarget(
        (pair.left.start, pair.left.end) if pair.left else None,
        (pair.right.start, pair.right.end) if pair.right else None,
    )


def _entity_row(entity: EntityCount) -> Content:
    name = _clip(one_line(entity.canonical), 32)
    return Content.assemble(
        f"  {name:<32} ",
        (f"{entity.type:<9}", "$text-muted"),
        f"left {entity.left_count:>3}  right {entity.right_count:>3}",
    )


def _first(spans: Sequence[Span] | None) -> Span | None:
    return spans[0] if spans else None
