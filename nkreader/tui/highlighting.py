"""Layering entity colours, query matches and a chosen entity onto an article's text."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from nkreader.model import Entity, EntityType
from nkreader.render import Rendered


@dataclass(frozen=True)
class MentionSpan:
    """Where one entity mention is shown, as a span of the rendered text."""

    start: int
    end: int
    type: EntityType
    canonical: str

    def shifted(self, offset: int) -> MentionSpan:
        return MentionSpan(self.start + offset, self.end + offset, self.type, self.canonical)


EntityKey = tuple[EntityType, str]


def key_of(entity: Entity) -> EntityKey:
    return entity.type, entity.canonical


def mention_spans(rendered: Rendered, entities: Sequence[Entity]) -> tuple[MentionSpan, ...]:
    """The shown spans of every mention, in reading order; hidden Markdown syntax is skipped."""
    spans: list[MentionSpan] = []
    for entity in entities:
        for mention in entity.mentions:
            span = rendered.map_span(mention.start, mention.end)
            if span is not None:
                spans.append(MentionSpan(span[0], span[1], entity.type, entity.canonical))
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))


def layered(
    base: Text,
    mentions: Sequence[MentionSpan],
    hidden: Collection[EntityType],
    type_styles: Mapping[EntityType, Style],
    hits: Sequence[tuple[int, int]],
    hit_style: Style,
    chosen: EntityKey | None = None,
    chosen_style: Style | None = None,
) -> Text:
    """A copy of `base` with entity colours under query matches under the chosen entity."""
    text = base.copy()
    for span in mentions:
        if span.type not in hidden:
            text.stylize(type_styles[span.type], span.start, span.end)
    for start, end in hits:
        text.stylize(hit_style, start, end)
    if chosen is not None and chosen_style is not None:
        for span in mentions:
            if (span.type, span.canonical) == chosen:
                text.stylize(chosen_style, span.start, span.end)
    return text
