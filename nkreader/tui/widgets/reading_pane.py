"""The bordered reading column: the article above its entity legend."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from nkreader.model import EntityType
from nkreader.tui.widgets.article_view import ArticleView
from nkreader.tui.widgets.entity_legend import EntityLegend


class ReadingPane(Vertical):
    """Shows the article view's position in its border and its hidden types in the legend."""

    def compose(self) -> ComposeResult:
        yield ArticleView(id="article-view")
        yield EntityLegend(id="entity-legend")

    def on_mount(self) -> None:
        self.border_title = "Reading"
        view = self.query_one(ArticleView)
        self.watch(view, "position_label", self._show_position)
        self.watch(view, "hidden_types", self._show_hidden)

    def _show_position(self, label: str) -> None:
        self.border_subtitle = Content(label)

    def _show_hidden(self, hidden: frozenset[EntityType]) -> None:
        self.query_one(EntityLegend).hidden_types = hidden
