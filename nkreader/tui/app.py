"""The nkreader Textual app, built by one factory for the CLI and the tests."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.screen import Screen

from nkreader.config import Settings
from nkreader.library import Library
from nkreader.tui import memory
from nkreader.tui.commands import Scope, palette_commands
from nkreader.tui.screens.reader import ReaderScreen

if TYPE_CHECKING:
    from textual.command import Provider

SWITCH_INTERVAL_SECONDS = 0.001


def article_titles() -> type[Provider]:
    """The palette's "open article by title" provider, imported when the palette opens.

    Textual's command module costs tens of milliseconds to import: not before the first paint.
    """
    from nkreader.tui.providers import ArticleTitleProvider

    return ArticleTitleProvider


class NkReaderApp(App[None]):
    """Search, read and cite news reports from the terminal."""

    CSS_PATH = "nkreader.tcss"
    TITLE = "nkreader"
    COMMANDS: ClassVar = App.COMMANDS | {article_titles}

    def __init__(self, library: Library, *, freeze_memory: bool = False) -> None:
        super().__init__()
        self.library = library
        self.freeze_memory = freeze_memory
        """Freeze long-lived objects for the collector; only in the app's own process."""

    def get_default_screen(self) -> Screen[None]:
        return ReaderScreen(self.library, freeze_memory=self.freeze_memory)

    @property
    def reader(self) -> ReaderScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    def open_article(self, article_id: str) -> None:
        self.reader.open_article(article_id)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from nkreader.tui.screens.compare import CompareScreen

        yield from super().get_system_commands(screen)
        if isinstance(screen, ReaderScreen):
            scope: Scope = "reader"
        elif isinstance(screen, CompareScreen):
            scope = "compare"
        else:
            return
        for command in palette_commands(scope):
            if screen.check_action(command.action, ()):
                yield SystemCommand(
                    f"{command.label} ({command.keys_shown})",
                    command.help,
                    lambda action=command.action: screen.run_action(action),
                )

    def on_unmount(self) -> None:
        self.library.close()


def build_app(settings: Settings, *, freeze_memory: bool = False) -> NkReaderApp:
    """The app over a library built from `settings`."""
    return NkReaderApp(Library(settings), freeze_memory=freeze_memory)


def run_app(settings: Settings) -> int:
    app = build_app(settings, freeze_memory=True)
    memory.keep()  # the imported modules live as long as the app
    # A search thread holds the GIL for up to the switch interval at a time: at Python's 5 ms
    # a typed character waited up to 60 ms to echo behind a search of 100,000 articles.
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    app.run()
    return app.return_code or 0
