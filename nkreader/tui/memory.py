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

_freezing = False


def freeze_for_life() -> None:
    """Freeze what exists now, and again at each `keep` from here on; once per process."""
    global _freezing
    _freezing = True
    gc.freeze()


def keep() -> None:
    """What exists now lives as long as the app: stop rescanning it."""
    if _freezing:
        gc.freeze()


def build_kept(build: Callable[[], T]) -> T:
    """Call `build`, whose result lives as long as the app, without collecting meanwhile.

    Every object it allocates would otherwise be scanned again and again while it is built.
    """
    if not _freezing:
        return build()
    gc.disable()
    try:
        return build()
    finally:
        gc.freeze()
        gc.enable()
