"""Keeping the garbage collector off what the app holds for its whole life.

A full collection rescans every container object in the process. At 100,000 articles that
is the catalog, the searcher and the screen, and it paused the screen for 40-100 ms at random
moments, such as opening an article. Objects frozen with `gc.freeze` are never scanned again.

Only the real app's process freezes: tests run many apps in one process, and a frozen object
is never collected, so every finished app would stay in memory.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def keep() -> None:
    """What exists now lives as long as the app: stop rescanning it."""
    gc.collect(1)  # young garbage first, or it would be frozen too and never freed
    gc.freeze()


def build_kept(build: Callable[[], T]) -> T:
    """Call `build`, whose result lives as long as the app, with the collector paused."""
    # Otherwise each of the objects it allocates is scanned again and again while it builds.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return build()
    finally:
        keep()
        if was_enabled:
            gc.enable()
