"""Metadata of the open article, for the side pane."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from nkreader.model import Article
from nkreader.render import one_line


def details_table(rows: list[tuple[str, str]]) -> Table:
    """Labels in a narrow right-aligned column; values wrap under themselves."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(justify="right", style="dim", no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for label, value in rows:
        table.add_row(Text(label), Text(value, overflow="fold"))
    return table


class ArticleInfo(Static):
    """Title, outlet, date, address, tags and word count of one article."""

    DEFAULT_CSS = """
    ArticleInfo {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, article: Article | None) -> None:
        if article is None:
            self.update(Text("No article open.", style="italic"))
            return
        rows: list[tuple[str, str]] = [
            ("id", article.id),
            ("outlet", one_line(article.outlet) if article.outlet else "unknown"),
            ("date", article.published.isoformat() if article.published else "undated"),
            ("words", f"{article.word_count:,}"),
        ]
        if article.url:
            rows.append(("url", one_line(article.url)))
        if article.tags:
            rows.append(("tags", ", ".join(one_line(tag) for tag in article.tags)))
        title = Text(one_line(article.title), style="bold")
        self.update(Group(title, details_table(rows)))
