"""One line (two when narrow) naming each entity type in its colour, with its key and state."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from nkreader.model import ENTITY_TYPES, EntityType
from nkreader.tui.entity_kinds import ENTITY_CLASSES, LABELS, entity_styles, toggle_key

GAP = "  "


class EntityLegend(Widget):
    """The entity colours and which types are switched off; digits toggle them."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"entity-legend--off", *ENTITY_CLASSES.values()}

    DEFAULT_CSS = """
    EntityLegend {
        height: auto;
        padding: 0 1;
        color: $text-muted;
        & > .entity-legend--off { color: $text-disabled; text-style: strike; }
    }
    """

    hidden_types: reactive[frozenset[EntityType]] = reactive(frozenset())

    def items(self) -> list[Text]:
        styles = entity_styles(self)
        off = self.get_component_rich_style("entity-legend--off", partial=True)
        items = []
        for kind in ENTITY_TYPES:
            label = Text(LABELS[kind], off if kind in self.hidden_types else styles[kind])
            items.append(Text.assemble((toggle_key(kind), "bold"), " ", label))
        return items

    def lines(self, width: int) -> list[Text]:
        """The items packed greedily into lines of `width` cells, never split inside one."""
        lines: list[Text] = [Text()]
        for item in self.items():
            current = lines[-1]
            if current and current.cell_len + len(GAP) + item.cell_len > width:
                lines.append(Text())
                current = lines[-1]
            if current:
                current.append(GAP)
            current.append_text(item)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        return Text("\n").join(self.lines(self.size.width))
