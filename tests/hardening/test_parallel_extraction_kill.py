"""A killed `nkreader index` leaves no extraction worker behind, and no lock held."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path

from hardening_support import Nkreader, assert_no_traceback
from test_faults import MARK, end_group, group_members, start, total_hits, write_news

from nkreader.entities.parallel import MIN_TEXTS_FOR_POOL


def spawned_workers(pgid: int) -> list[int]:
    """Processes of a group started by multiprocessing's spawn, which runs `spawn_main`."""
    found = []
    for pid in group_members(pgid):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command:
            found.append(pid)
    return found


def wait_for(condition: str, check: Callable[[], object], seconds: float) -> None:
    """Poll `check()` until it is true, failing with `condition` after `seconds`."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, condition
        time.sleep(0.05)


def test_killing_index_mid_extraction_ends_its_workers_and_frees_the_lock(
    nkreader: Nkreader, home: Path, tmp_path: Path
) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    articles = write_news(corpus, MIN_TEXTS_FOR_POOL + 100)
    folders = ("--corpus", corpus, "--index", index)

    process = start(*folders, "index", home=home, piped=False)
    try:
        wait_for("no extraction worker started", lambda: spawned_workers(process.pid), 60)
        time.sleep(1.0)  # the workers are extracting and the index is being written
        assert process.poll() is None, "indexing finished before the kill; nothing was tested"
        process.send_signal(signal.SIGKILL)  # the main process only: the workers are on their own
        process.wait()
        wait_for(
            "processes of the killed nkreader are still alive",
            lambda: group_members(process.pid) == [],
            5,
        )
    finally:
        end_group(process)

    finished = nkreader(*folders, "index")
    assert_no_traceback(finished)
    assert finished.returncode == 0, finished.stderr
    hits = nkreader(*folders, "search", MARK, "--json", "--limit", "1")
    assert total_hits(hits) == len(articles)
