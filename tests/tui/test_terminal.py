"""The installed app in a real terminal (tmux), driven by tui-drive."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TUI_DRIVE = Path(os.environ.get("NKREADER_TUI_DRIVE", "/work/shared/tools/tui-drive"))
CORPUS = REPO / "tests" / "data" / "corpus"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def nkreader_command() -> list[str]:
    script = Path(sys.executable).parent / "nkreader"
    return [str(script)] if script.exists() else [sys.executable, "-m", "nkreader"]


def drive(tmp_path: Path, *steps: str) -> subprocess.CompletedProcess[str]:
    if not TUI_DRIVE.exists():
        pytest.skip(f"tui-drive not found at {TUI_DRIVE}")
    command = shlex.join([*nkreader_command(), "--corpus", str(CORPUS)])
    return subprocess.run(
        [str(TUI_DRIVE), "--cmd", command, "--cwd", str(tmp_path)]
        + ["--env", f"NKREADER_HOME={tmp_path / 'home'}", "--env", "TEXTUAL_ANIMATIONS=none"]
        + ["--timeout", "30", *steps],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_search_open_and_quit_in_a_real_terminal(tmp_path: Path) -> None:
    run = drive(
        tmp_path,
        "--expect", "THAAD missile defence",
        "--keys", "/",
        "--sleep", "0.1",
        "--type", "punggye",
        "--expect", "1 hit ·",
        "--keys", "Enter",
        "--expect", "Tunnel 3 appears ready",
        "--keys", "q",
        "--expect-exit", "0",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr


def test_markup_titles_show_literally_in_a_real_terminal(tmp_path: Path) -> None:
    run = drive(
        tmp_path,
        "--expect", "Odd [bold]x[/] report",
        "--expect", "[red]Fake[/] Outlet",
        "--keys", "q",
        "--expect-exit", "0",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
