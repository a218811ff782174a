"""Metadata of the open article, for the side pane."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from nkreader.model import Article
from nkreader.render import one_line


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
        text = Text(one_line(article.title) + "\n", style="bold")
        for label, value in rows:
            text.append(f"{label:>7} ", style="dim")
            text.append(value + "\n")
        text.rstrip()
        self.update(text)
