"""Grouping of mentions into entities by canonical name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from nkreader.model import ENTITY_TYPES, Entity, Mention

_TYPE_ORDER = {entity_type: index for index, entity_type in enumerate(ENTITY_TYPES)}


def group(mentions: Iterable[Mention]) -> tuple[Entity, ...]:
    """Group mentions by (canonical, type), ordered by type then mention count, most first."""
    buckets: dict[tuple[str, str], list[Mention]] = {}
    for mention in mentions:
        buckets.setdefault((mention.canonical, mention.type), []).append(mention)
    entities = []
    for (canonical, _), members in buckets.items():
        members.sort(key=lambda m: m.start)
        counts = Counter(m.text for m in members)
        aliases = tuple(sorted(counts, key=lambda a: (-counts[a], members_first(members, a))))
        entities.append(Entity(canonical, members[0].type, aliases, tuple(members)))
    entities.sort(key=lambda e: (_TYPE_ORDER[e.type], -e.count, e.canonical.casefold()))
    return tuple(entities)


def members_first(members: list[Mention], alias: str) -> int:
    """Return the offset where an alias first occurs among the mentions."""
    return next(m.start for m in members if m.text == alias)
