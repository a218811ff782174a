"""The app freezes what it keeps for life; the collector must stay on for everything else."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import gc
from nkreader.tui import memory

before = gc.get_freeze_count()
kept = memory.build_kept(lambda: [[n] for n in range(1000)])
assert gc.isenabled() and gc.get_freeze_count() == before, "froze outside the app"

memory.freeze_for_life()
kept = memory.build_kept(lambda: [[n] for n in range(1000)])
assert gc.isenabled()
assert gc.get_freeze_count() >= before + 1000, "the kept lists were not frozen"

def fails():
    raise ValueError("bad catalog")

try:
    memory.build_kept(fails)
except ValueError:
    pass
assert gc.isenabled(), "a failed build left the collector off"
cycle = []
cycle.append(cycle)
del cycle
assert gc.collect() >= 1, "garbage made after freezing is not collected"
print("ok")
"""


def test_only_the_app_freezes_and_the_collector_stays_on() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
