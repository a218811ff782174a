"""The main screen: search box over the ranked list, the reading pane and the side pane."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from nkreader.library import Library
from nkreader.model import SORTS, SearchResult, Sort
from nkreader.render import one_line
from nkreader.tui import workers
from nkreader.tui.commands import bindings_for
from nkreader.tui.messages import (
    LibraryListed,
    LibrarySynced,
    SearchFinished,
    SnippetsFetched,
    SyncFailed,
    WorkFailed,
)
from nkreader.tui.query import as_you_type
from nkreader.tui.screens.reading_actions import ReadingActions
from nkreader.tui.widgets.article_info import ArticleInfo
from nkreader.tui.widgets.article_list import ArticleList
from nkreader.tui.widgets.key_hints import KeyHints
from nkreader.tui.widgets.reading_pane import ReadingPane
from nkreader.tui.widgets.related_list import RelatedList
from nkreader.tui.widgets.search_box import SearchBox
from nkreader.tui.widgets.side_pane import SidePane
from nkreader.tui.widgets.status_line import StatusLine

# A pause in typing this long starts a search: long enough to take keys that arrive together
# (a paste, a burst) as one query, short because a newer search cancels the running one
# inside the index, so searching between keystrokes costs little.
DEBOUNCE_SECONDS = 0.02
MIN_WIDTH, MIN_HEIGHT = 60, 15
NARROW_WIDTH = 110


class ReaderScreen(ReadingActions):
    """Search, list, read; every key here comes from the command registry."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings_for("reader"))
    AUTO_FOCUS = "#article-list"

    def __init__(self, library: Library, *, freeze_memory: bool = False) -> None:
        super().__init__()
        self.library = library
        self.freeze_memory = freeze_memory
        self.ready = False
        self.sort: Sort = "relevance"
        self.result: SearchResult | None = None
        self._generation = 0
        self._shown_generation = -1
        self._listed_generation = -1
        self._catalog_listed = False
        """The catalog listing arrived: the index as last built can be searched."""
        self._debounce: Timer | None = None
        self._was_narrow: bool | None = None
        self.compare_mark: tuple[str, str] | None = None
        """(id, title) of the article marked with `c`, waiting for a second one."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield SearchBox(id="search")
                yield ArticleList(id="article-list")
            yield ReadingPane(id="reading-pane")
            yield SidePane(id="side-pane")
        yield StatusLine("Indexing…", id="status")
        yield Static(
            f"The terminal is too small for nkreader.\nMake it at least {MIN_WIDTH}×{MIN_HEIGHT}.",
            id="too-small",
        )
        yield KeyHints(id="key-hints")

    @property
    def search_box(self) -> SearchBox:
        return self.query_one(SearchBox)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        self.query_one(ArticleInfo).show(None)
        self.entity_pane.show_message("No article open.")
        self.query_one("#list-pane").border_title = "Articles"
        self.query_one(SidePane).border_title = "Details"
        # Indexing imports Whoosh in a thread that competes for the GIL; let the first frame
        # reach the terminal before it starts.
        self.set_timer(0.05, self._start_sync)

    def _start_sync(self) -> None:
        workers.sync_library(self, self.library, self.freeze_memory)

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.set_class(too_small, "-too-small")
        if not too_small and self.focused is None:
            # Hiding the panes while the terminal was too small took the focus away.
            self.call_after_refresh(self.article_list.focus)
        narrow = width < NARROW_WIDTH
        if narrow != self._was_narrow:
            self.set_class(narrow, "-hide-side")
            self._was_narrow = narrow

    @property
    def settled(self) -> bool:
        """Indexing is done and the list shows the search for what is typed now."""
        return self.ready and self._debounce is None and self._shown_generation == self._generation

    @property
    def typed_query(self) -> str:
        return self.search_box.value

    @property
    def effective_sort(self) -> Sort:
        if not self.typed_query.strip() and self.sort == "relevance":
            return "newest"
        return self.sort

    def run_search(self, immediately: bool = False) -> None:
        """Search for what is typed, after a pause in typing unless asked now."""
        self._generation += 1
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        if not (self.ready or self._catalog_listed):
            self.status.show_busy("Indexing… your search runs when the index is ready")
            return
        if immediately:
            self._search_now()
        else:
            self._debounce = self.set_timer(DEBOUNCE_SECONDS, self._search_now)

    def _search_now(self) -> None:
        self._debounce = None
        query = as_you_type(self.typed_query)
        workers.search(self, self.library, self._generation, query, self.effective_sort)

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        self.run_search()

    @on(Input.Submitted, "#search")
    def _query_submitted(self, event: Input.Submitted) -> None:
        if self.check_action("apply_suggestion", ()):
            self.action_apply_suggestion()
        elif (hit := self.article_list.highlighted) is not None:
            self.open_article(hit.id)

    def on_library_listed(self, message: LibraryListed) -> None:
        """Show the library as last indexed while the sync checks it, unless the user is ahead."""
        self._catalog_listed = True
        if self.ready:
            return
        if self.typed_query.strip() or self.effective_sort != message.result.sort:
            self.run_search(immediately=True)  # typed before the listing came: search it now
            return
        self._listed_generation = self._shown_generation = self._generation
        self._show_result(replace(message.result, notice="checking the files for changes…"))

    def on_library_synced(self, message: LibrarySynced) -> None:
        self.ready = True
        if message.report.notice:
            self.notify(one_line(message.report.notice), markup=False)
        listed = self._listed_generation == self._generation
        if listed and not message.report.changed and self.result is not None:
            # Nothing changed on disk: keep the list (and the cursor) the catalog gave.
            self.result = replace(self.result, notice=message.report.notice)
            self.status.show_result(self.result)
            self.refresh_bindings()
            return
        self.run_search(immediately=True)

    def on_search_finished(self, message: SearchFinished) -> None:
        if message.generation != self._generation:
            return
        self._shown_generation = message.generation
        self._show_result(message.result)

    def _show_result(self, result: SearchResult) -> None:
        self.result = result
        suggestion = self.suggestion
        if suggestion:
            shown = one_line(suggestion)
            self.article_list.empty_message = f"No matches. Did you mean “{shown}”? (ctrl+d)"
        else:
            self.article_list.empty_message = "No matches."
        self.article_list.show_result(result, result.query)
        self.status.show_result(result, suggestion)
        self.refresh_bindings()

    def on_article_list_snippets_needed(self, message: ArticleList.SnippetsNeeded) -> None:
        workers.fetch_snippets(self, self.library, message.query, message.ids)

    def on_snippets_fetched(self, message: SnippetsFetched) -> None:
        self.article_list.add_snippets(message.query, message.snippets)

    def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        self.open_article(message.hit.id)

    def on_related_list_chosen(self, message: RelatedList.Chosen) -> None:
        self.open_article(message.article_id, query="")

    def open_article(self, article_id: str, query: str | None = None) -> None:
        """Load an article into the reading pane, highlighting the query's matches."""
        if query is None:
            query = as_you_type(self.typed_query)
        workers.load_article(self, self.library, article_id, query)

    def on_work_failed(self, message: WorkFailed) -> None:
        self.status.show_problem(f"{message.what}: {message.reason}")

    def on_sync_failed(self, message: SyncFailed) -> None:
        self._catalog_listed = False  # each search would otherwise retry the sync
        self.on_work_failed(message)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            self.status.show_problem(f"{event.worker.name} failed: {error!r}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action == "focus_search":
            return self.focused is not self.search_box
        if action == "leave_pane":
            if self.article_view.chosen is not None and self.focused is not self.search_box:
                return True
            return self.focused is not self.article_list and self.query_one("#list-pane").display
        if (applies := self.reading_check(action, parameters)) is not None:
            return applies
        if action in ("mark_for_compare", "compare_with"):
            return self._compare_target() is not None
        if action == "apply_suggestion":
            return self.suggestion is not None
        return True

    def _visible_panes(self) -> list[Widget]:
        candidates: list[Widget] = [
            self.search_box,
            self.article_list,
            self.article_view,
            self.entity_pane,
            self.query_one(RelatedList),
        ]
        return [pane for pane in candidates if pane.is_on_screen or pane.has_focus]

    def _cycle(self, step: int) -> None:
        panes = [pane for pane in self._visible_panes() if pane.focusable]
        if not panes:
            return
        focused = self.focused
        index = panes.index(focused) if focused in panes else -step
        self.set_focus(panes[(index + step) % len(panes)])

    def action_cycle_panes(self) -> None:
        self._cycle(1)

    def action_cycle_panes_back(self) -> None:
        self._cycle(-1)

    def action_focus_search(self) -> None:
        self.set_class(False, "-hide-list")
        self.set_focus(self.search_box)

    def action_leave_pane(self) -> None:
        if self.article_view.chosen is not None and self.focused is not self.search_box:
            self.choose_entity(None)
        elif self.query_one("#list-pane").display:
            self.set_focus(self.article_list)

    def action_toggle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.effective_sort) + 1) % len(SORTS)]
        self.run_search(immediately=True)

    def action_filter_entity(self) -> None:
        """Add `entity:"Name"` to the query, where the user can see and edit it, and search."""
        entity = self.entity_target
        if entity is None:
            return
        clause = entity_clause(entity.canonical)
        query = self.search_box.value
        if clause not in query:
            self.search_box.value = f"{query.rstrip()} {clause}".lstrip()
            self.search_box.cursor_position = len(self.search_box.value)
        self.set_class(False, "-hide-list")
        self.run_search(immediately=True)

    def _compare_target(self) -> tuple[str, str] | None:
        """(id, title) that `c` acts on: the open article when reading, else the list's row."""
        article = self.article_view.article
        if article is not None and self.focused is self.article_view:
            return article.id, article.title
        if (hit := self.article_list.highlighted) is not None:
            return hit.id, hit.title
        return (article.id, article.title) if article is not None else None

    def action_mark_for_compare(self) -> None:
        target = self._compare_target()
        marked, self.compare_mark = self.compare_mark, None
        if target is None:
            return
        if marked is None:
            self.compare_mark = target
            shown = one_line(target[1])
            self.notify(f"Marked “{shown}”. Press c on another article to compare.", markup=False)
        elif marked[0] == target[0]:
            self.notify("Unmarked.", markup=False)
        else:
            self.open_comparison(marked[0], target[0])

    def action_compare_with(self) -> None:
        from nkreader.tui.screens.pick_article import PickArticleScreen

        target = self._compare_target()
        if target is None:
            return

        def chosen(right_id: str | None) -> None:
            if right_id is not None:
                self.open_comparison(target[0], right_id)

        self.app.push_screen(PickArticleScreen(self.library, *target), chosen)

    def open_comparison(self, left_id: str, right_id: str) -> None:
        from nkreader.tui.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(self.library, left_id, right_id))

    @property
    def suggestion(self) -> str | None:
        """The "did you mean" query in the user's own form, when the last search found nothing."""
        result = self.result
        if result is None or result.total or not result.suggestion:
            return None
        typed = self.typed_query
        if result.suggestion.endswith("*") and not typed.endswith("*"):
            return result.suggestion[:-1]
        return result.suggestion

    def action_apply_suggestion(self) -> None:
        if (suggestion := self.suggestion) is not None:
            self.search_box.value = suggestion
            self.search_box.cursor_position = len(self.search_box.value)
            self.run_search(immediately=True)

    def action_toggle_list(self) -> None:
        hiding = not self.has_class("-hide-list")
        self.set_class(hiding, "-hide-list")
        if hiding:
            self.set_focus(self.article_view)

    def action_toggle_side(self) -> None:
        self.toggle_class("-hide-side")

    def action_show_help(self) -> None:
        from nkreader.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        self.app.action_command_palette()

    async def action_quit(self) -> None:
        await self.app.action_quit()


def entity_clause(canonical: str) -> str:
    """A query clause for articles mentioning an entity; quotes cannot be escaped, so go."""
    return 'entity:"' + one_line(canonical).replace('"', "") + '"'
