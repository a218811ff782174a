"""Every key, read from the command registry."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from nkreader.tui.commands import SCOPE_TITLES, commands_for


def keys_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("keys", style="bold", no_wrap=True, min_width=14)
    table.add_column("what")
    for scope, title in SCOPE_TITLES.items():
        table.add_row(Text(title, style="bold underline"), "")
        for command in commands_for(scope):
            table.add_row(command.keys_shown, Text(command.help))
        table.add_row("", "")
    table.add_row("ctrl+q", "Quit from anywhere")
    return table


class HelpScreen(ModalScreen[None]):
    """A modal list of keys; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", show=True),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "nkreader keys"
            body.border_subtitle = "esc to close"
            yield Static(keys_table(), id="help-keys")
