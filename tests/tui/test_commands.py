from __future__ import annotations

from collections import Counter

from nkreader.tui.commands import COMMANDS, SCOPE_TITLES, commands_for
from nkreader.tui.screens.compare import CompareScreen
from nkreader.tui.screens.help import keys_table
from nkreader.tui.screens.reader import ReaderScreen
from nkreader.tui.widgets.article_list import ArticleList
from nkreader.tui.widgets.article_view import ArticleView

TARGETS = {
    "reader": ReaderScreen,
    "list": ArticleList,
    "view": ArticleView,
    "compare": CompareScreen,
}


def test_no_key_is_bound_twice_in_one_scope() -> None:
    for scope in SCOPE_TITLES:
        keys = Counter(key for c in commands_for(scope) for key in c.keys.split(","))
        assert [key for key, count in keys.items() if count > 1] == []


def test_every_command_has_an_action_method() -> None:
    for command in COMMANDS:
        target = TARGETS[command.scope]
        name = command.action.split("(")[0]
        assert hasattr(target, f"action_{name}"), command


def test_widget_bindings_come_from_the_registry() -> None:
    screen_keys = {binding.key for binding in ReaderScreen.BINDINGS if hasattr(binding, "key")}
    assert {"slash", "s", "n", "N", "o", "y", "r", "question_mark", "q"} <= screen_keys
    list_actions = {getattr(b, "action", None) for b in ArticleList.BINDINGS}
    assert {c.action for c in commands_for("list")} == list_actions


def test_help_lists_every_command() -> None:
    from rich.console import Console

    console = Console(width=120, record=True)
    console.print(keys_table())
    shown = console.export_text()
    for command in COMMANDS:
        assert command.help in shown
