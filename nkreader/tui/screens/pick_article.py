"""Pick the article to compare with: articles like the first one on top, then a search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from nkreader.library import Library, LibraryError
from nkreader.model import SearchHit, Sort
from nkreader.render import one_line
from nkreader.tui.query import as_you_type
from nkreader.tui.widgets.article_list import meta_line

DEBOUNCE_SECONDS = 0.12
LIMIT = 200


@dataclass
class CandidatesFound(Message):
    generation: int
    related: tuple[SearchHit, ...]
    hits: tuple[SearchHit, ...]


@work(thread=True, exclusive=True, group="pick", exit_on_error=False)
def find_candidates(
    node: DOMNode, library: Library, generation: int, article_id: str, query: str
) -> None:
    """Related articles (fetched once, on the first call) and the hits for the query."""
    try:
        related = library.related(article_id, limit=10) if generation == 0 else ()
        sort: Sort = "relevance" if query.strip() else "newest"
        hits = tuple(library.search(query, sort=sort, limit=LIMIT, snippets=False).hits)
    except LibraryError:
        related, hits = (), ()
    if not get_current_worker().is_cancelled:
        node.post_message(CandidatesFound(generation, related, hits))


def candidate_order(
    article_id: str, related: tuple[SearchHit, ...], hits: tuple[SearchHit, ...], query: str
) -> list[tuple[SearchHit, bool]]:
    """(hit, is related) in the order shown: related first (those matching a typed query)."""
    matching = {hit.id for hit in hits}
    shown = [hit for hit in related if not query.strip() or hit.id in matching]
    seen = {hit.id for hit in shown} | {article_id}
    ordered = [(hit, True) for hit in shown]
    ordered += [(hit, False) for hit in hits if hit.id not in seen]
    return ordered


class PickArticleScreen(ModalScreen[str | None]):
    """A search box over a list; enter picks, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_picker", "Cancel"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]

    def __init__(self, library: Library, article_id: str, title: str) -> None:
        super().__init__()
        self.library = library
        self.article_id = article_id
        self.title_shown = one_line(title)
        self.related: tuple[SearchHit, ...] = ()
        self._generation = 0
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-body") as body:
            body.border_title = Content("Compare with…")
            body.border_subtitle = Content("enter to compare · esc to cancel")
            yield Static(Content(f"Left: {self.title_shown}"), id="pick-left")
            yield Input(placeholder="Search articles", id="pick-query")
            yield OptionList(Option(Content("Loading…"), disabled=True), id="pick-list")

    @property
    def options(self) -> OptionList:
        return self.query_one("#pick-list", OptionList)

    def on_mount(self) -> None:
        self.query_one("#pick-query", Input).focus()
        find_candidates(self, self.library, 0, self.article_id, "")

    @on(Input.Changed, "#pick-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._generation += 1
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, self._search_now)

    def _search_now(self) -> None:
        self._debounce = None
        query = as_you_type(self.query_one("#pick-query", Input).value)
        find_candidates(self, self.library, self._generation, self.article_id, query)

    def on_candidates_found(self, message: CandidatesFound) -> None:
        if message.generation == 0:
            self.related = message.related
        if message.generation != self._generation:
            return
        query = self.query_one("#pick-query", Input).value
        ordered = candidate_order(self.article_id, self.related, message.hits, query)
        options = self.options
        options.clear_options()
        if not ordered:
            options.add_option(Option(Content("No matching articles."), disabled=True))
            return
        options.add_options(
            Option(_prompt(hit, is_related), id=hit.id) for hit, is_related in ordered
        )
        options.highlighted = 0

    def action_move(self, step: int) -> None:
        options = self.options
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -step
            options.highlighted = max(0, min(current + step, options.option_count - 1))

    @on(Input.Submitted, "#pick-query")
    def _submitted(self, event: Input.Submitted) -> None:
        options = self.options
        if options.highlighted is not None:
            self._pick(options.get_option_at_index(options.highlighted))

    @on(OptionList.OptionSelected, "#pick-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option)

    def _pick(self, option: Option) -> None:
        if option.id is not None and not option.disabled:
            self.dismiss(option.id)

    def action_dismiss_picker(self) -> None:
        self.dismiss(None)


def _prompt(hit: SearchHit, is_related: bool) -> Content:
    """Title and where it is from, plain content; related ones are tagged."""
    tag = Content.styled("like this  ", "bold $accent") if is_related else Content("")
    meta = Content.styled(f"  {meta_line(hit)}", "$text-muted")
    return Content.assemble(tag, one_line(hit.title), meta)
