"""Command palette provider: open an article by its title."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from functools import partial

from textual.command import Hit, Hits, Provider
from textual.content import Content

from nkreader.library import LibraryError
from nkreader.model import SearchHit
from nkreader.render import one_line
from nkreader.tui.query import as_you_type


def _title_content(title: str, offsets: Sequence[int]) -> Content:
    """The title as plain content with matched characters bold; never parsed as markup."""
    content = Content(title)
    for offset in offsets:
        content = content.stylize("bold underline", offset, offset + 1)
    return content


class ArticleTitleProvider(Provider):
    """Searches the library and offers matching article titles."""

    async def search(self, query: str) -> Hits:
        from nkreader.tui.app import NkReaderApp

        app = self.app
        if not isinstance(app, NkReaderApp) or not query.strip():
            return
        try:
            result = await asyncio.to_thread(
                app.library.search, as_you_type(query), limit=30, snippets=False
            )
        except LibraryError:
            return
        matcher = self.matcher(query)
        for rank, hit in enumerate(result.hits):
            title = one_line(hit.title)
            score = max(matcher.match(title), 0.5 / (rank + 1))
            _, offsets = matcher.fuzzy_search.match(query, title)
            yield Hit(
                score,
                _title_content(title, offsets),
                partial(app.open_article, hit.id),
                text=title,
                help=f"Open article · {_describe(hit)}",
            )


def _describe(hit: SearchHit) -> str:
    outlet = one_line(hit.outlet) if hit.outlet else "unknown outlet"
    return f"{outlet}, {hit.published.isoformat() if hit.published else 'undated'}"
