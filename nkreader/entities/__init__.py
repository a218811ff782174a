"""Entity mentions as character spans into article bodies, with alias resolution."""

from __future__ import annotations

from nkreader.entities.extractor import Extractor
from nkreader.entities.grouping import group

# Bump whenever extract() output can change: the search index caches mentions by it.
EXTRACTOR_VERSION = "2"

__all__ = ["EXTRACTOR_VERSION", "Extractor", "group"]
