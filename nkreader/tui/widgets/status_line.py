"""One line under the search box: query, hit count, sort, time taken and notices."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from nkreader.model import SearchResult
from nkreader.render import one_line


class StatusLine(Static):
    """Says what the list shows, or what the app is doing."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        color: $text-muted;
        padding: 0 1;
        &.-notice { color: $warning; }
    }
    """

    def show_busy(self, message: str) -> None:
        self.set_class(False, "-notice")
        self.update(Content(message))

    def show_problem(self, message: str) -> None:
        self.set_class(True, "-notice")
        self.update(Content(one_line(message)))

    def show_result(self, result: SearchResult, suggestion: str | None = None) -> None:
        """Describe a finished search; the query is user text, so it stays plain."""
        count = f"{result.total:,} hit" + ("" if result.total == 1 else "s")
        milliseconds = f"{result.seconds * 1000:.0f} ms"
        query = f"“{one_line(result.query)}”" if result.query.strip() else "all articles"
        parts = [query, count, result.sort, milliseconds]
        status = Content(" · ".join(parts))
        notice = result.notice
        if suggestion:
            notice = f"did you mean “{one_line(suggestion)}”? ctrl+d or enter to search it"
        if notice:
            status = status + Content(" · ") + Content.styled(one_line(notice), "$warning")
        self.set_class(False, "-notice")
        self.update(status)
