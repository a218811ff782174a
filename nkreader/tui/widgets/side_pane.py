"""The side pane: a container that other panels (metadata, entities, related) are added to."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from nkreader.tui.widgets.article_info import ArticleInfo
from nkreader.tui.widgets.entity_pane import EntityPane
from nkreader.tui.widgets.related_list import RelatedList


class SidePane(Vertical):
    """Panels about the open article, stacked; extend by composing or mounting more."""

    def compose(self) -> ComposeResult:
        yield Static("Article", classes="panel-title")
        yield ArticleInfo(id="article-info")
        yield Static("Entities (enter, f)", classes="panel-title")
        yield EntityPane(id="entity-pane")
        yield Static("Related (r)", classes="panel-title")
        yield RelatedList(id="related-list")
