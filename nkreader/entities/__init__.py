"""Entity mentions as character spans into article bodies, with alias resolution."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Bump whenever extract() output can change: the search index caches mentions by it.
EXTRACTOR_VERSION = "18"

if TYPE_CHECKING:
    from nkreader.entities.extractor import Extractor
    from nkreader.entities.grouping import group
    from nkreader.entities.parallel import extract_many

__all__ = ["EXTRACTOR_VERSION", "Extractor", "extract_many", "group"]


def __getattr__(name: str) -> Any:
    # Compiling the extractor's grammars takes a few hundred ms; only pay for it when used.
    if name == "Extractor":
        from nkreader.entities.extractor import Extractor

        return Extractor
    if name == "group":
        from nkreader.entities.grouping import group

        return group
    if name == "extract_many":
        from nkreader.entities.parallel import extract_many

        return extract_many
    raise AttributeError(name)
