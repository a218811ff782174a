"""The open article's entities grouped by who, what, where, when and how many."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from nkreader.model import Entity, EntityType
from nkreader.render import one_line
from nkreader.tui.entity_kinds import ENTITY_CLASSES, GROUPS, LABELS, entity_styles
from nkreader.tui.highlighting import EntityKey, key_of


class EntityPane(OptionList):
    """Entities with mention counts and aliases; enter chooses one, enter again lets it go."""

    COMPONENT_CLASSES: ClassVar[set[str]] = OptionList.COMPONENT_CLASSES | {
        "entity-pane--group",
        "entity-pane--detail",
        *ENTITY_CLASSES.values(),
    }

    DEFAULT_CSS = """
    EntityPane {
        height: auto;
        max-height: 24;
        border: none;
        padding: 0;
        & > .entity-pane--group { text-style: bold; color: $text; }
        & > .entity-pane--detail { color: $text-muted; }
    }
    """

    @dataclass
    class Chosen(Message):
        """Enter was pressed on an entity (choosing it again means letting it go)."""

        entity: Entity

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.entities: tuple[Entity, ...] = ()
        self.chosen: EntityKey | None = None

    def show_message(self, message: str) -> None:
        """A single unselectable line, e.g. while entities are being found."""
        self.entities = ()
        self.chosen = None
        self.set_options([Option(Content(message), disabled=True)])

    def show_entities(self, entities: Sequence[Entity]) -> None:
        self.entities = tuple(ordered(entities))
        self.chosen = None
        if not self.entities:
            self.show_message("No entities found.")
            return
        self._fill()
        self.highlighted = self._first_entity_index()

    def mark_chosen(self, chosen: EntityKey | None) -> None:
        self.chosen = chosen
        highlighted = self.highlighted
        self._fill()
        self.highlighted = highlighted

    @property
    def highlighted_entity(self) -> Entity | None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return self.entities[int(option.id)]

    def _fill(self) -> None:
        self.set_options(self._build_options())

    def _first_entity_index(self) -> int | None:
        for index in range(self.option_count):
            if self.get_option_at_index(index).id is not None:
                return index
        return None

    def _build_options(self) -> Iterable[Option]:
        styles = entity_styles(self)
        group_style = self.get_component_rich_style("entity-pane--group", partial=True)
        detail_style = self.get_component_rich_style("entity-pane--detail", partial=True)
        for title, kinds in GROUPS:
            members = [(i, e) for i, e in enumerate(self.entities) if e.type in kinds]
            if not members:
                continue
            yield Option(Text(title, group_style), disabled=True)
            for index, entity in members:
                prompt = self._prompt(entity, styles[entity.type], detail_style, len(kinds) > 1)
                yield Option(prompt, id=str(index))

    def _prompt(self, entity: Entity, style: Style, detail: Style, show_type: bool) -> Text:
        """Name in its type's colour, count, type where the group mixes types, other aliases."""
        marker = "▶ " if key_of(entity) == self.chosen else "  "
        prompt = Text.assemble(marker, (one_line(entity.canonical), style))
        prompt.append(f" ×{entity.count}", detail)
        if show_type:
            prompt.append(f" {LABELS[entity.type]}", detail)
        aliases = [one_line(a) for a in entity.aliases if a != entity.canonical]
        if aliases:
            prompt.append("\n    aka " + ", ".join(aliases), detail)
        return prompt

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.entities[int(event.option.id)]))


def ordered(entities: Sequence[Entity]) -> list[Entity]:
    """Most mentioned first within each type, then by name."""
    rank: dict[EntityType, int] = {kind: n for n, (_, kinds) in enumerate(GROUPS) for kind in kinds}
    return sorted(entities, key=lambda e: (rank[e.type], -e.count, e.canonical.lower()))
