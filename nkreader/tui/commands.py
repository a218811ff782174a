"""Every user command declared once; bindings, footer, help and palette are read from here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding

from nkreader.model import ENTITY_TYPES

Scope = Literal["reader", "list", "view", "compare"]

SCOPE_TITLES: dict[Scope, str] = {
    "reader": "Anywhere",
    "list": "Article list",
    "view": "Reading pane",
    "compare": "Compare screen",
}


@dataclass(frozen=True)
class Command:
    """One user command: the keys that run it and the words that describe it."""

    action: str
    keys: str
    label: str
    help: str
    scope: Scope = "reader"
    footer: bool = True
    palette: bool = True
    priority: bool = False
    """Checked before the focused widget sees the key, so keys typed in a burst after a
    focus change reach the new widget; `check_action` lets the key through where it is text."""
    key_display: str | None = None

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.footer,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.help,
        )

    @property
    def keys_shown(self) -> str:
        """Keys as the help screen prints them."""
        if self.key_display:
            return self.key_display
        names = {"slash": "/", "question_mark": "?", "escape": "esc", "enter": "enter"}
        return " ".join(names.get(key, key) for key in self.keys.split(","))


COMMANDS: tuple[Command, ...] = (
    Command("focus_search", "slash", "Search", "Type a query in the search box", priority=True),
    Command(
        "leave_pane",
        "escape",
        "Back",
        "Let go of the chosen entity, else leave the search box or reading pane for the list",
        footer=False,
        palette=False,
        priority=True,
    ),
    Command("cycle_panes", "tab", "Next pane", "Move focus to the next visible pane", footer=False),
    Command(
        "cycle_panes_back",
        "shift+tab",
        "Previous pane",
        "Move focus to the previous visible pane",
        footer=False,
    ),
    Command("toggle_sort", "s", "Sort", "Cycle the sort order: relevance, newest, oldest"),
    Command("next_hit", "n", "Next hit", "Jump to the next query match in the article"),
    Command("previous_hit", "N", "Prev hit", "Jump to the previous query match", footer=False),
    Command("open_url", "o", "Open URL", "Open the article's address in a web browser"),
    Command(
        "copy_paragraph",
        "y",
        "Copy",
        "Copy the current paragraph with a citation line (title, outlet, date, address)",
    ),
    Command("show_related", "r", "Related", "List articles related to the open one"),
    Command(
        "filter_entity",
        "f",
        "Filter",
        'List articles mentioning the chosen (or highlighted) entity: adds entity:"…" to the query',
    ),
    *(
        Command(
            f"toggle_entity_type('{kind}')",
            str(number),
            f"Toggle {kind}",
            f"Show or hide {kind} highlights in the reading pane",
            footer=False,
        )
        for number, kind in enumerate(ENTITY_TYPES, start=1)
    ),
    Command(
        "mark_for_compare",
        "c",
        "Compare",
        "Mark an article to compare; press c on a second one to compare the two",
        footer=False,
    ),
    Command(
        "compare_with",
        "C",
        "Compare with…",
        "Pick an article to compare with this one, related articles first",
        footer=False,
    ),
    Command(
        "apply_suggestion",
        "ctrl+d",
        "Did you mean",
        "Search for the suggested spelling when a query found nothing",
        priority=True,
    ),
    Command(
        "toggle_list", "ctrl+l", "List pane", "Show or hide the search and list pane", footer=False
    ),
    Command("toggle_side", "ctrl+b", "Side pane", "Show or hide the side pane", footer=False),
    Command("show_help", "question_mark", "Help", "Show every key", key_display="?"),
    Command(
        "command_palette",
        "ctrl+p",
        "Palette",
        "Search commands and open articles by title",
        palette=False,
        footer=False,
        priority=True,
    ),
    Command("quit", "q", "Quit", "Quit nkreader", palette=False),
    Command("cursor_down", "j,down", "Down", "Move to the next article", "list", False, False),
    Command("cursor_up", "k,up", "Up", "Move to the previous article", "list", False, False),
    Command("page_down", "pagedown", "Page down", "Move a page down", "list", False, False),
    Command("page_up", "pageup", "Page up", "Move a page up", "list", False, False),
    Command("first", "home,g", "First", "Move to the first article", "list", False, False),
    Command("last", "end,G", "Last", "Move to the last article", "list", False, False),
    Command("select", "enter", "Open", "Open the highlighted article", "list", True, False),
    Command("scroll_down", "j,down", "Down", "Scroll down a line", "view", False, False),
    Command("scroll_up", "k,up", "Up", "Scroll up a line", "view", False, False),
    Command("page_down", "pagedown,space", "Page down", "Scroll a page down", "view", False, False),
    Command("page_up", "pageup,b", "Page up", "Scroll a page up", "view", False, False),
    Command("scroll_home", "home,g", "Top", "Scroll to the top", "view", False, False),
    Command("scroll_end", "end,G", "Bottom", "Scroll to the bottom", "view", False, False),
    Command("close_comparison", "escape", "Back", "Return to the reader", "compare"),
    Command(
        "next_difference",
        "right_square_bracket",
        "Next diff",
        "Jump both panes to the next difference",
        "compare",
        key_display="]",
    ),
    Command(
        "previous_difference",
        "left_square_bracket",
        "Prev diff",
        "Jump both panes to the previous difference",
        "compare",
        key_display="[",
    ),
    Command("toggle_sync", "S", "Sync", "Turn synchronised scrolling on or off", "compare"),
    Command("swap_sides", "x", "Swap", "Swap the left and right articles", "compare"),
    Command("export_report", "e", "Export", "Save the comparison as a Markdown report", "compare"),
    Command("show_help", "question_mark", "Help", "Show every key", "compare", key_display="?"),
)


def commands_for(scope: Scope) -> tuple[Command, ...]:
    return tuple(command for command in COMMANDS if command.scope == scope)


def bindings_for(scope: Scope) -> list[Binding]:
    return [command.binding() for command in commands_for(scope)]


def palette_commands(scope: Scope = "reader") -> tuple[Command, ...]:
    return tuple(command for command in COMMANDS if command.palette and command.scope == scope)
