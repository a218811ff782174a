"""Background work for the reader screen: each calls the library and posts what it found."""

from __future__ import annotations

import webbrowser
from collections.abc import Sequence

from textual import work
from textual.dom import DOMNode
from textual.worker import get_current_worker

from nkreader.library import Library, LibraryError
from nkreader.model import Article, SearchCancelled, Sort
from nkreader.render import Rendered, one_line, render_markdown
from nkreader.tui import memory
from nkreader.tui.highlighting import mention_spans
from nkreader.tui.messages import (
    ArticleLoaded,
    EntitiesFound,
    LibraryListed,
    LibrarySynced,
    RelatedFound,
    SearchFinished,
    SnippetsFetched,
    SyncFailed,
    WorkFailed,
)


@work(thread=True, exclusive=True, group="sync", exit_on_error=False)
def sync_library(node: DOMNode, library: Library, freeze: bool) -> None:
    """List what the catalog knows at once, then check every file and index the changes.

    With `freeze`, what this builds is frozen for the app's life (see `memory`).
    """
    try:
        listing = (
            memory.build_kept(library.catalog_listing) if freeze else library.catalog_listing()
        )
        if listing is not None:
            node.post_message(LibraryListed(listing))
        report = library.sync()
    except LibraryError as error:
        node.post_message(SyncFailed("Indexing failed", str(error)))
        return
    node.post_message(LibrarySynced(report))
    library.warm_search()
    render_markdown("*warm-up*")  # imports markdown-it here rather than on the first open
    if freeze:
        memory.keep()


@work(thread=True, exclusive=True, group="search", exit_on_error=False)
def search(node: DOMNode, library: Library, generation: int, query: str, sort: Sort) -> None:
    """Every hit, no snippets: the list asks for snippets of the rows it shows.

    A newer search cancels this worker, and the search itself then stops early.
    """
    worker = get_current_worker()

    def cancelled() -> bool:
        return worker.is_cancelled

    try:
        result = library.search(query, sort=sort, limit=None, snippets=False, cancelled=cancelled)
    except SearchCancelled:
        return
    except LibraryError as error:
        node.post_message(WorkFailed("Search failed", str(error)))
        return
    if not worker.is_cancelled:
        node.post_message(SearchFinished(generation, result))


@work(thread=True, group="snippets", exit_on_error=False)
def fetch_snippets(node: DOMNode, library: Library, query: str, ids: Sequence[str]) -> None:
    try:
        snippets = library.snippets(query, ids)
    except LibraryError:
        return
    node.post_message(SnippetsFetched(query, snippets))


@work(thread=True, exclusive=True, group="article", exit_on_error=False)
def load_article(node: DOMNode, library: Library, article_id: str, query: str) -> None:
    """Read, render and find the query's matches off the event loop."""
    try:
        article = library.get(article_id)
        body_hits = library.highlights(query, article.body) if query.strip() else ()
        title_hits = library.highlights(query, one_line(article.title)) if query.strip() else ()
    except LibraryError as error:
        node.post_message(WorkFailed("Cannot open the article", str(error)))
        return
    rendered = render_markdown(article.body)
    spans = sorted({span for s, e in body_hits if (span := rendered.map_span(s, e))})
    try:
        entities = library.cached_entities(article)
    except LibraryError:
        entities = None  # find_entities will meet it again and say so
    mentions = mention_spans(rendered, entities) if entities is not None else ()
    if not get_current_worker().is_cancelled:
        loaded = ArticleLoaded(article, rendered, tuple(spans), title_hits, entities, mentions)
        node.post_message(loaded)


@work(thread=True, exclusive=True, group="entities", exit_on_error=False)
def find_entities(node: DOMNode, library: Library, article: Article, rendered: Rendered) -> None:
    """Extraction builds its model on first use (about half a second), so never on the loop."""
    try:
        entities = library.entities(article)
    except LibraryError as error:
        node.post_message(WorkFailed("Entities", str(error)))
        return
    if not get_current_worker().is_cancelled:
        node.post_message(EntitiesFound(article.id, entities, mention_spans(rendered, entities)))


@work(thread=True, exclusive=True, group="related", exit_on_error=False)
def find_related(node: DOMNode, library: Library, article_id: str) -> None:
    try:
        hits = library.related(article_id, limit=10)
    except LibraryError as error:
        node.post_message(WorkFailed("Related articles", str(error)))
        return
    node.post_message(RelatedFound(article_id, hits))


@work(thread=True, group="browser", exit_on_error=False)
def open_url(node: DOMNode, url: str) -> None:
    if not webbrowser.open(url):
        node.post_message(WorkFailed("No web browser", url))


def citation(article: Article, paragraph: str) -> str:
    """A paragraph followed by a line saying where it came from."""
    parts = [one_line(article.title), one_line(article.outlet or "unknown outlet")]
    parts.append(article.published.isoformat() if article.published else "undated")
    if article.url:
        parts.append(one_line(article.url))
    return f"{paragraph}\n\n— {', '.join(parts)}"
