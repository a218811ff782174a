"""The open article's entities grouped by who, what, where, when and how many."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style as RichStyle
from textual import on
from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
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
        group_style = self._component_style("entity-pane--group")
        detail_style = self._component_style("entity-pane--detail")
        for title, kinds in GROUPS:
            for kind in kinds:
                members = [(i, e) for i, e in enumerate(self.entities) if e.type == kind]
                if not members:
                    continue
                header = title if len(kinds) == 1 else f"{title} · {LABELS[kind]}s"
                yield Option(Content.styled(header, group_style), disabled=True)
                name_style = Style.from_rich_style(styles[kind])
                for index, entity in members:
                    chosen = key_of(entity) == self.chosen
                    row = EntityRow.of(entity, chosen, name_style, detail_style)
                    yield Option(row, id=str(index))

    def _component_style(self, component: str) -> Style:
        rich_style: RichStyle = self.get_component_rich_style(component, partial=True)
        return Style.from_rich_style(rich_style)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.entities[int(event.option.id)]))


class EntityRow(Visual):
    """An entity's name beside its mention count, its other aliases under it, at any width."""

    # Drawn as Textual content, not a Rich table: the pane is refilled on every article
    # opened, and tables made that refill cost tens of milliseconds.

    def __init__(self, marker: str, name: Content, count: Content, aliases: Content) -> None:
        self.marker = marker
        self.name = name
        self.count = count
        self.aliases = aliases
        self._laid_out: tuple[int, Content] = (-1, Content())

    @classmethod
    def of(cls, entity: Entity, chosen: bool, name_style: Style, detail_style: Style) -> EntityRow:
        aliases = [one_line(a) for a in entity.aliases if a != entity.canonical]
        return cls(
            "▶" if chosen else " ",
            Content.styled(one_line(entity.canonical), name_style),
            Content.styled(str(entity.count), detail_style),
            Content.styled("aka " + ", ".join(aliases), detail_style) if aliases else Content(),
        )

    def lines(self, width: int) -> Content:
        """The row at `width` cells, one line of Content per screen line."""
        if self._laid_out[0] == width:
            return self._laid_out[1]
        count = self.count.cell_length
        names = self.name.wrap(max(width - count - 3, 1))
        first = Content(f"{self.marker} ") + names[0]
        lines = [first.pad_right(max(width - first.cell_length - count, 1)) + self.count]
        lines.extend(Content("  ") + part for part in names[1:])
        if self.aliases:
            lines.extend(Content("  ") + part for part in self.aliases.wrap(max(width - 2, 1)))
        laid_out = Content("\n").join(lines)
        self._laid_out = (width, laid_out)
        return laid_out

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.lines(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.lines(width).get_height(rules, width)


def ordered(entities: Sequence[Entity]) -> list[Entity]:
    """Most mentioned first within each type, then by name."""
    rank: dict[EntityType, int] = {kind: n for n, (_, kinds) in enumerate(GROUPS) for kind in kinds}
    return sorted(entities, key=lambda e: (rank[e.type], -e.count, e.canonical.lower()))
