"""The open article's entities grouped by who, what, where, when and how many."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.table import Table
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
        height: 1fr;
        min-height: 4;
        border: none;
        padding: 0 1;
        &:focus { border: none; }
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
            for kind in kinds:
                members = [(i, e) for i, e in enumerate(self.entities) if e.type == kind]
                if not members:
                    continue
                header = title if len(kinds) == 1 else f"{title} · {LABELS[kind]}s"
                yield Option(Text(header, group_style), disabled=True)
                for index, entity in members:
                    yield Option(self._prompt(entity, styles[kind], detail_style), id=str(index))

    def _prompt(self, entity: Entity, style: Style, detail: Style) -> Table:
        """Name in its type's colour beside its mention count, other aliases under it."""
        marker = "▶" if key_of(entity) == self.chosen else " "
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_column(justify="right", no_wrap=True)
        name = Text(one_line(entity.canonical), style)
        grid.add_row(marker, name, Text(str(entity.count), detail))
        aliases = [one_line(a) for a in entity.aliases if a != entity.canonical]
        if aliases:
            grid.add_row("", Text("aka " + ", ".join(aliases), detail), "")
        return grid

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.entities[int(event.option.id)]))


def ordered(entities: Sequence[Entity]) -> list[Entity]:
    """Most mentioned first within each type, then by name."""
    rank: dict[EntityType, int] = {kind: n for n, (_, kinds) in enumerate(GROUPS) for kind in kinds}
    return sorted(entities, key=lambda e: (rank[e.type], -e.count, e.canonical.lower()))
