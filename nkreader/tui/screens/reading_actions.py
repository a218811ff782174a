"""The reader screen's commands about the open article: matches, entities, copy, related."""

from __future__ import annotations

from textual.screen import Screen

from nkreader.library import Library
from nkreader.model import ENTITY_TYPES, Entity
from nkreader.render import one_line
from nkreader.tui import workers
from nkreader.tui.highlighting import key_of
from nkreader.tui.messages import ArticleLoaded, EntitiesFound, RelatedFound
from nkreader.tui.widgets.article_info import ArticleInfo
from nkreader.tui.widgets.article_view import ArticleView
from nkreader.tui.widgets.entity_pane import EntityPane
from nkreader.tui.widgets.related_list import RelatedList


class ReadingActions(Screen[None]):
    """Base of the reader screen: what happens to and in the reading and side panes."""

    library: Library
    _arriving: ArticleLoaded | None = None
    """The article painting now, whose side pane and focus follow once it is on screen."""

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def entity_pane(self) -> EntityPane:
        return self.query_one(EntityPane)

    @property
    def entity_target(self) -> Entity | None:
        """What `f` filters by: the highlighted row while the entity pane has focus, else the
        chosen entity."""
        pane = self.entity_pane
        if pane.has_focus and (entity := pane.highlighted_entity) is not None:
            return entity
        chosen = self.article_view.chosen
        return next((e for e in pane.entities if key_of(e) == chosen), None)

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        """Paint the article first; the side pane and the focus follow once it is on screen."""
        # Refilling the side pane and moving the focus lay out the whole screen, which would
        # hold the article back by a frame or more.
        self._arriving = message
        self.article_view.show(
            message.article, message.rendered, message.hits, message.title_hits, message.mentions
        )

    def on_article_view_painted(self, painted: ArticleView.Painted) -> None:
        message = self._arriving
        if message is None or message.article is not painted.article:
            return  # done already, or another article came in the meantime
        self._arriving = None
        article = message.article
        self.query_one(ArticleInfo).show(article)
        self.query_one(RelatedList).show_placeholder()
        if message.entities is not None:
            self.entity_pane.show_entities(message.entities)
        else:
            self.entity_pane.show_message("finding entities…")
            workers.find_entities(self, self.library, article, message.rendered)
        if self.query_one("#list-pane").display and self.article_view.display:
            self.set_focus(self.article_view)
        self.refresh_bindings()

    def on_entities_found(self, message: EntitiesFound) -> None:
        article = self.article_view.article
        if article is None or article.id != message.article_id:
            return
        self.article_view.show_mentions(message.spans)
        self.entity_pane.show_entities(message.entities)
        self.refresh_bindings()

    def on_entity_pane_chosen(self, message: EntityPane.Chosen) -> None:
        key = key_of(message.entity)
        self.choose_entity(None if key == self.article_view.chosen else message.entity)

    def choose_entity(self, entity: Entity | None) -> None:
        """Mark an entity's mentions and step through them with n/N; None goes back to hits."""
        key = key_of(entity) if entity is not None else None
        self.article_view.choose_entity(key)
        self.entity_pane.mark_chosen(key)
        self.refresh_bindings()

    def on_related_found(self, message: RelatedFound) -> None:
        article = self.article_view.article
        if article is not None and article.id == message.article_id:
            self.query_one(RelatedList).show(message.hits)

    def reading_check(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether a reading command applies now; None for commands this class does not own."""
        article = self.article_view.article
        action = action.partition("(")[0]  # the palette passes actions with their arguments
        if action in ("next_hit", "previous_hit"):
            return bool(article and self.article_view.stops)
        if action == "open_url":
            return bool(article and article.url)
        if action in ("copy_paragraph", "show_related", "toggle_entity_type"):
            return article is not None
        if action == "filter_entity":
            return self.entity_target is not None
        return None

    def action_next_hit(self) -> None:
        self.article_view.next_hit()

    def action_previous_hit(self) -> None:
        self.article_view.previous_hit()

    def action_toggle_entity_type(self, kind: str) -> None:
        for entity_type in ENTITY_TYPES:
            if entity_type == kind:
                self.article_view.toggle_type(entity_type)

    def action_open_url(self) -> None:
        article = self.article_view.article
        if article is not None and article.url:
            workers.open_url(self, article.url)
            self.notify(f"Opening {one_line(article.url)}", markup=False)

    def action_copy_paragraph(self) -> None:
        article = self.article_view.article
        paragraph = self.article_view.current_paragraph()
        if article is None or paragraph is None:
            return
        self.app.copy_to_clipboard(workers.citation(article, paragraph))
        self.notify("Copied the paragraph with its citation.", markup=False)

    def action_show_related(self) -> None:
        article = self.article_view.article
        if article is not None:
            self.set_class(False, "-hide-side")
            workers.find_related(self, self.library, article.id)
