"""The app in a real terminal (tmux via tui-drive): hostile article text stays text."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hardening_support import UNSAFE
from hostile_inputs import hostile_corpus

REPO = Path(__file__).resolve().parents[2]
TUI_DRIVE = next(
    (
        tool
        for tool in (
            REPO.parent / "shared" / "tools" / "tui-drive",
            Path("/work/shared/tools/tui-drive"),
        )
        if tool.is_file()
    ),
    None,
)
SGR = re.compile(r"\x1b\[[0-9;]*m")
OSC = re.compile(r"\x1b\](\d*)[;\x07]")
# Textual sets the mouse pointer shape (OSC 22) itself; no other OSC may reach the terminal.
APP_OWN_OSC = {"22"}
APP_OSC_STRING = re.compile(r"\x1b\]22;[^\x07\x1b]*(?:\x07|\x1b\\)")

pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(TUI_DRIVE is None, reason="shared/tools/tui-drive is not beside the repo"),
]


@pytest.fixture(scope="module")
def screen(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str | None]:
    """(the pane with its colours, every byte the app wrote) after opening the hostile article."""
    root = tmp_path_factory.mktemp("tui-hostile")
    corpus = hostile_corpus(root)
    (root / "home").mkdir()
    app = shlex.join(
        [sys.executable, "-m", "nkreader", "--corpus", str(corpus), "--index", str(root / "idx")]
    )
    raw_log = root / "raw.log"
    script = shutil.which("script")
    command = f"script -qfc {shlex.quote(app)} {shlex.quote(str(raw_log))}" if script else app
    snapshot = root / "screen.txt"
    assert TUI_DRIVE is not None
    run = subprocess.run(
        [
            str(TUI_DRIVE),
            "--size",
            "160x45",
            "--timeout",
            "30",
            "--env",
            f"NKREADER_HOME={root / 'home'}",
            "--cmd",
            command,
            "--expect",
            "Missiles over",
            "--keys",
            "/",
            "--sleep",
            "0.2",
            "--type",
            "inspected",
            "--sleep",
            "0.5",
            "--keys",
            "Enter",
            "--sleep",
            "0.3",
            "--keys",
            "Enter",
            "--expect",
            "Sohae",
            "--stable",
            "300",
            "-e",
            "--snapshot",
            str(snapshot),
            "--keys",
            "q",
            "--expect-exit",
            "0",
        ],
        capture_output=True,
        text=True,
        timeout=90,
        env={k: v for k, v in os.environ.items() if k != "NO_COLOR"},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    raw = raw_log.read_bytes().decode("utf-8", "replace") if script else None
    return snapshot.read_text(encoding="utf-8"), raw


def test_markup_in_the_article_shows_as_literal_text(screen: tuple[str, str | None]) -> None:
    pane = SGR.sub("", screen[0])

    assert "[b]bold[/b]" in pane
    assert "[@click=app.quit]quit[/]" in pane
    assert "inspected the Hwasong-18" in pane


def test_the_pane_holds_only_colour_sequences(screen: tuple[str, str | None]) -> None:
    pane = screen[0]

    leftover = SGR.sub("", pane)
    assert "\x1b" not in leftover
    assert not UNSAFE.search(leftover.replace("\n", "").replace("\t", ""))
    assert "pwned" not in pane


def test_no_escape_sequence_from_the_article_reaches_the_terminal(
    screen: tuple[str, str | None],
) -> None:
    raw = screen[1]
    if raw is None:
        pytest.skip("`script` is not installed, so the raw terminal stream cannot be recorded")

    assert "\x1b]52" not in raw, "OSC 52 clipboard write"
    assert "\x1b]0;" not in raw and "\x1b]2;" not in raw, "window title change"
    assert "\x1b]8;" not in raw, "OSC 8 hyperlink"
    assert set(OSC.findall(raw)) <= APP_OWN_OSC
    assert "pwned" not in raw
    assert not re.search("[\x80-\x9f]", raw), "8-bit C1 control"
    assert "\x1bP" not in raw, "DCS string"
    assert "\x07" not in APP_OSC_STRING.sub("", raw), "a bell from the article"
