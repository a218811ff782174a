"""Articles related to the open one; choosing one opens it."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from nkreader.model import SearchHit
from nkreader.render import one_line


class RelatedList(OptionList):
    """A short list of related hits, titles shown as plain content."""

    DEFAULT_CSS = """
    RelatedList {
        height: auto;
        max-height: 8;
        border: none;
        padding: 0 1;
        &:focus { border: none; }
    }
    """

    @dataclass
    class Chosen(Message):
        article_id: str

    def show_placeholder(self) -> None:
        self.clear_options()
        self.add_option(Option(Content("Press r to list related articles."), disabled=True))

    def show(self, hits: tuple[SearchHit, ...]) -> None:
        self.clear_options()
        if not hits:
            self.add_option(Option(Content("No related articles."), disabled=True))
            return
        self.add_options(Option(Content(one_line(hit.title)), id=hit.id) for hit in hits)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(event.option.id))
