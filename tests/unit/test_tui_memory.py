"""The app freezes what it keeps for life; garbage and the collector's switch are left alone."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import gc
from nkreader.tui import memory

before = gc.get_freeze_count()
kept = memory.build_kept(lambda: [[n] for n in range(1000)])
assert gc.isenabled(), "the collector was left off"
assert gc.get_freeze_count() >= before + 1000, "what was built was not frozen"

cycle = []
cycle.append(cycle)
del cycle
memory.keep()
gc.unfreeze()
assert gc.collect() == 0, "garbage from before keep() was frozen instead of freed"

def fails():
    raise ValueError("bad catalog")

gc.disable()
try:
    memory.build_kept(fails)
except ValueError:
    pass
assert not gc.isenabled(), "a collector the caller had switched off was switched on"
gc.enable()
print("ok")
"""


def test_keeping_frees_garbage_first_and_restores_the_collector() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
