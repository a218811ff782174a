"""The footer: the keys that apply now, as one line of text."""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget


class KeyHints(Widget):
    """One line of key hints, redrawn (not rebuilt) whenever the screen's bindings change.

    Textual's Footer mounts a widget per key and rebuilds them all on every focus change;
    that was a third of the time between `enter` and the article on screen. Keys that do
    not apply now are dimmed, and keys hidden from the footer stay hidden.
    """

    DEFAULT_CSS = """
    KeyHints {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hints = Content()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._hints = self._describe(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            hints = self._describe(screen)
            if hints != self._hints:
                self._hints = hints
                self.refresh()

    def _describe(self, screen: Screen[object]) -> Content:
        """The shown bindings, first key of each action, in the order Textual lists them."""
        seen: set[str] = set()
        parts: list[Content] = []
        palette_key = self.app.COMMAND_PALETTE_BINDING
        active = screen.active_bindings
        for key, (_, binding, enabled, _) in active.items():
            if not binding.show or binding.action in seen or key == palette_key:
                continue
            seen.add(binding.action)
            parts.append(
                self._hint(self.app.get_key_display(binding), binding.description, enabled)
            )
        if self.app.ENABLE_COMMAND_PALETTE and palette_key in active:
            _, binding, enabled, _ = active[palette_key]
            parts.append(
                self._hint(self.app.get_key_display(binding), binding.description, enabled)
            )
        return Content(" ").join(parts)

    @staticmethod
    def _hint(key: str, description: str, enabled: bool) -> Content:
        hint = Content.assemble(
            (f" {key} ", "bold $footer-key-foreground on $footer-key-background"),
            (description, ""),
        )
        return hint.stylize("dim") if not enabled else hint

    def render(self) -> Content:
        return self._hints
