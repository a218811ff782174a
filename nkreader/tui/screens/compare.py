"""Two reports side by side: aligned passages tinted alike, differences a key apart."""

from __future__ import annotations

import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import get_current_worker

from nkreader.compare import Comparison
from nkreader.compare_report import comparison_markdown
from nkreader.library import Library, LibraryError
from nkreader.render import one_line
from nkreader.tui.commands import bindings_for
from nkreader.tui.messages import WorkFailed
from nkreader.tui.widgets.compare_marks import (
    Difference,
    differences,
    in_order_anchors,
    interpolate,
    marks_for,
    mirrored,
)
from nkreader.tui.widgets.compare_pane import ComparePane, MarkStyles, PaneContent, prepare_pane
from nkreader.tui.widgets.compare_summary import CompareSummary
from nkreader.tui.widgets.key_hints import KeyHints

STACK_BELOW = 100
"""Narrower than this many columns, the panes stack instead of sitting side by side."""
LOADING_AFTER = 0.2


@dataclass(frozen=True)
class CompareView:
    """A comparison with both sides rendered, left and right as shown."""

    comparison: Comparison
    left: PaneContent
    right: PaneContent

    def swapped(self) -> CompareView:
        return CompareView(mirrored(self.comparison), self.right, self.left)


@dataclass
class ComparisonReady(Message):
    view: CompareView
    compute_seconds: float
    render_seconds: float


@dataclass
class ReportExported(Message):
    path: Path


@work(thread=True, exclusive=True, group="compare", exit_on_error=False)
def build_comparison(
    node: DOMNode,
    library: Library,
    left_id: str,
    right_id: str,
    styles: MarkStyles,
    widths: tuple[int, ...],
) -> None:
    """Compare (entity extraction included) and render both sides off the event loop."""
    started = time.perf_counter()
    try:
        comparison = library.compare(left_id, right_id)
        left, right = library.get(left_id), library.get(right_id)
        left_mentions, right_mentions = library.mentions(left), library.mentions(right)
    except LibraryError as error:
        node.post_message(WorkFailed("Cannot compare", str(error)))
        return
    computed = time.perf_counter()
    if get_current_worker().is_cancelled:
        return
    view = CompareView(
        comparison,
        prepare_pane(left, left_mentions, marks_for(comparison, "left"), styles, widths),
        prepare_pane(right, right_mentions, marks_for(comparison, "right"), styles, widths),
    )
    if not get_current_worker().is_cancelled:
        node.post_message(ComparisonReady(view, computed - started, time.perf_counter() - computed))


@work(thread=True, group="export", exit_on_error=False)
def export_report(node: DOMNode, folder: Path, comparison: Comparison) -> None:
    try:
        path = write_report(folder, comparison)
    except OSError as error:
        node.post_message(WorkFailed("Export failed", str(error)))
        return
    node.post_message(ReportExported(path))


def write_report(folder: Path, comparison: Comparison) -> Path:
    """Write the Markdown report atomically: a temporary file renamed over the target."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"compare-{_slug(comparison.left.id)}-{_slug(comparison.right.id)}.md"
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=folder, prefix=".compare-", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(comparison_markdown(comparison))
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return path


def _slug(article_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", article_id)[:48].strip("-") or "article"


class CompareScreen(Screen[None]):
    """Left and right panes, a summary below, every key from the command registry."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings_for("compare"))
    AUTO_FOCUS = "#compare-left"

    def __init__(self, library: Library, left_id: str, right_id: str) -> None:
        super().__init__()
        self.library = library
        self.left_id, self.right_id = left_id, right_id
        self.view: CompareView | None = None
        self.differences: tuple[Difference, ...] = ()
        self.current: int | None = None
        self.sync = True
        self.timings: tuple[float, float, float] | None = None
        """Seconds spent comparing, rendering in the worker, and showing on the event loop."""
        self._started = 0.0
        self._loading: Timer | None = None
        self._points: tuple[object, list[tuple[float, float]]] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="compare-panes"):
            yield ComparePane(id="compare-left")
            yield ComparePane(id="compare-right")
        yield CompareSummary(id="compare-summary")
        yield Static(Content("Comparing…"), id="compare-status")
        yield KeyHints(id="key-hints")

    @property
    def left(self) -> ComparePane:
        return self.query_one("#compare-left", ComparePane)

    @property
    def right(self) -> ComparePane:
        return self.query_one("#compare-right", ComparePane)

    @property
    def summary(self) -> CompareSummary:
        return self.query_one(CompareSummary)

    def on_mount(self) -> None:
        self.left.border_title = "Left"
        self.right.border_title = "Right"
        self.summary.border_title = "Summary"
        self._started = time.perf_counter()
        self._loading = self.set_timer(LOADING_AFTER, self._show_loading)
        self.call_after_refresh(self._start_comparison)

    def _start_comparison(self) -> None:
        """Started once the panes have a size, so the worker can wrap to their widths too."""
        widths = tuple({self.left.text_width, self.right.text_width})
        styles = self.left.mark_styles()
        build_comparison(self, self.library, self.left_id, self.right_id, styles, widths)

    def _show_loading(self) -> None:
        self._loading = None
        if self.view is None:
            self.query_one("#compare-panes").loading = True

    def _stop_loading(self) -> None:
        if self._loading is not None:
            self._loading.stop()
            self._loading = None
        self.query_one("#compare-panes").loading = False

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < STACK_BELOW, "-stacked")

    def on_comparison_ready(self, message: ComparisonReady) -> None:
        self._stop_loading()
        shown = time.perf_counter()
        self._show(message.view)
        self.timings = (
            message.compute_seconds,
            message.render_seconds,
            time.perf_counter() - shown,
        )

    def on_work_failed(self, message: WorkFailed) -> None:
        self._stop_loading()
        text = f"{message.what}: {one_line(message.reason)}"
        if self.view is None:
            self.left.show_placeholder(text)
            self.right.show_placeholder("")
        self.notify(text, severity="error", markup=False)

    def on_report_exported(self, message: ReportExported) -> None:
        self.notify(f"Exported the comparison to {message.path}", markup=False, timeout=8)

    def _show(self, view: CompareView) -> None:
        self.view = view
        self.left.show(view.left)
        self.right.show(view.right)
        self.differences = differences(view.comparison)
        self.current = None
        self._points = None
        for pane, side, content in (
            (self.left, "Left", view.left),
            (self.right, "Right", view.right),
        ):
            outlet = content.article.outlet
            pane.border_title = Content(f"{side} · {one_line(outlet)}" if outlet else side)
        self.summary.show(view.comparison, view.left.mentions, view.right.mentions)
        self._update_status()
        self.refresh_bindings()

    def _update_status(self) -> None:
        count = len(self.differences)
        parts = [f"{count} difference" + ("" if count == 1 else "s")]
        if self.current is not None:
            difference = self.differences[self.current]
            where = {"aligned": "changed wording", "left_only": "only left"}
            parts.append(
                f"{self.current + 1} of {count}: {where.get(difference.kind, 'only right')}"
            )
        parts.append("sync on" if self.sync else "sync off")
        self.query_one("#compare-status", Static).update(Content(" · ".join(parts)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_difference", "previous_difference"):
            return bool(self.differences)
        if action in ("swap_sides", "export_report", "toggle_sync"):
            return self.view is not None
        return True

    def _other(self, pane: ComparePane) -> ComparePane:
        return self.right if pane is self.left else self.left

    def _line_points(self, from_left: bool) -> list[tuple[float, float]]:
        """Matching (source line, target line) pairs through the in-order aligned passages."""
        assert self.view is not None
        key = (id(self.view), self.left.line_count, self.right.line_count)
        if self._points is None or self._points[0] != key:
            left, right = self.left, self.right
            points: list[tuple[float, float]] = [(0.0, 0.0)]
            for left_start, right_start in in_order_anchors(self.view.comparison):
                points.append((left.line_of_body(left_start), right.line_of_body(right_start)))
            points.append((left.line_count, right.line_count))
            self._points = (key, points)
        points = self._points[1]
        return points if from_left else [(b, a) for a, b in points]

    def _mapped_y(self, source: ComparePane, target: ComparePane) -> float:
        """Where `target` should scroll so that it shows what `source` shows."""
        if source.scroll_y <= 0:
            return 0.0
        if source.scroll_y >= source.max_scroll:
            return float(target.max_scroll)
        points = self._line_points(from_left=source is self.left)
        row = interpolate(points, source.scroll_y + source.reading_row)
        return row - target.reading_row

    def on_compare_pane_scrolled(self, message: ComparePane.Scrolled) -> None:
        if self.sync and self.view is not None and message.pane.wrapped:
            target = self._other(message.pane)
            if target.wrapped:
                target.follow(self._mapped_y(message.pane, target))

    def on_compare_summary_row_chosen(self, message: CompareSummary.RowChosen) -> None:
        target = message.target
        for pane, span in ((self.left, target.left), (self.right, target.right)):
            pane.set_current(span)
        if (target.left is None) != (target.right is None):
            source = self.left if target.left is not None else self.right
            lacking = self._other(source)
            lacking.follow(self._mapped_y(source, lacking))

    def _go_to_difference(self, index: int) -> None:
        self.current = index % len(self.differences)
        difference = self.differences[self.current]
        self.left.set_current(difference.left, difference.left_anchor)
        self.right.set_current(difference.right, difference.right_anchor)
        self._update_status()

    def action_next_difference(self) -> None:
        if self.differences:
            self._go_to_difference(0 if self.current is None else self.current + 1)

    def action_previous_difference(self) -> None:
        if self.differences:
            self._go_to_difference(-1 if self.current is None else self.current - 1)

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync
        self._update_status()
        self.notify("Synchronised scrolling " + ("on" if self.sync else "off"), markup=False)

    def action_swap_sides(self) -> None:
        if self.view is None:
            return
        left_y, right_y = self.left.scroll_y, self.right.scroll_y
        self._show(self.view.swapped())
        self.left.follow(right_y)
        self.right.follow(left_y)

    def action_export_report(self) -> None:
        if self.view is not None:
            folder = self.library.settings.home / "exports"
            export_report(self, folder, self.view.comparison)

    def action_show_help(self) -> None:
        from nkreader.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_close_comparison(self) -> None:
        self.dismiss()
