"""How the app names, groups and colours entity types; the colours live in nkreader.tcss."""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget

from nkreader.model import ENTITY_TYPES, EntityType

ENTITY_CLASSES: dict[EntityType, str] = {kind: f"entity--{kind.lower()}" for kind in ENTITY_TYPES}

LABELS: dict[EntityType, str] = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "location",
    "NORP": "group",
    "WEAPON": "weapon",
    "EVENT": "event",
    "DATE": "date",
    "QUANTITY": "quantity",
}

GROUPS: tuple[tuple[str, tuple[EntityType, ...]], ...] = (
    ("Who", ("PERSON",)),
    ("What", ("ORG", "NORP", "WEAPON", "EVENT")),
    ("Where", ("GPE", "LOC")),
    ("When", ("DATE",)),
    ("How many", ("QUANTITY",)),
)


def toggle_key(kind: EntityType) -> str:
    """The digit that switches a type's highlighting on and off."""
    return str(ENTITY_TYPES.index(kind) + 1)


def entity_styles(widget: Widget) -> dict[EntityType, Style]:
    """Each type's style, resolved from the stylesheet for a widget listing ENTITY_CLASSES."""
    return {
        kind: widget.get_component_rich_style(name, partial=True)
        for kind, name in ENTITY_CLASSES.items()
    }
