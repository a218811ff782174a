"""Turning what is typed into the query that runs."""

from __future__ import annotations

import re

_PLAIN_WORD = re.compile(r"(?:^|[\s:(])([A-Za-z]{3,})$")
_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})


def as_you_type(query: str) -> str:
    """The query with its last word as a prefix, unless the user has finished that word."""
    if not query or query[-1] in " \"'":
        return query
    match = _PLAIN_WORD.search(query)
    if match is None or match.group(1) in _OPERATORS:
        return query
    if query.count('"') % 2:
        return query
    return query + "*"
