"""Article text reaches the terminal as text: no escape sequence or control byte gets out."""

from __future__ import annotations

import contextlib
import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hardening_support import UNSAFE
from hostile_inputs import ATTACK, MARKUP_ATTACK, hostile_corpus

from nkreader.cli import main

ANY_SGR = re.compile(r"\x1b\[[0-9;]*m")

COMMANDS = [
    ["search", "missile"],
    ["search", "missile", "--json"],
    ["search", "kim", "--facet", "PERSON"],
    ["search", "missile", "--sort", "newest", "--json", "--facet", "WEAPON"],
    ["show", "evil-report"],
    ["show", "evil-report", "--json"],
    ["list"],
    ["list", "--json"],
    ["related", "evil-report"],
    ["related", "evil-report", "--json"],
    ["entities", "evil-report"],
    ["entities", "evil-report", "--json"],
    ["entities", "--library"],
    ["entities", "--library", "--json"],
    ["entities", "--text-file", "{attack_txt}"],
    ["entities", "--text-file", "{attack_txt}", "--json"],
    ["compare", "evil-report", "plain-report"],
    ["compare", "evil-report", "plain-report", "--json"],
    ["compare", "{attack_txt}", "{attack_md}"],
    ["index"],
    ["index", "--rebuild"],
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("untrusted")
    corpus = hostile_corpus(root)
    files = root / "files"
    files.mkdir()
    attack = f"Kim Jong Un {ATTACK} fired a Hwasong-18 from Pyongyang. {MARKUP_ATTACK}\n"
    (files / "attack.txt").write_text(attack, encoding="utf-8")
    (files / "attack.md").write_text("Attack file\n\n" + attack, encoding="utf-8")
    (root / "home").mkdir()
    return {"corpus": corpus, "index": root / "index", "home": root / "home", "files": files}


def _args(hostile: dict[str, Path], command: list[str]) -> list[str]:
    names = {
        "attack_txt": str(hostile["files"] / "attack.txt"),
        "attack_md": str(hostile["files"] / "attack.md"),
    }
    filled = [part.format(**names) for part in command]
    return ["--corpus", str(hostile["corpus"]), "--index", str(hostile["index"]), *filled]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in _strings(key) + _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_piped_output_carries_no_control_characters(
    hostile: dict[str, Path], command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NKREADER_HOME", str(hostile["home"]))
    out, err = io.StringIO(), io.StringIO()

    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(_args(hostile, command))

    assert code == 0, err.getvalue()
    printed = out.getvalue() + err.getvalue()
    assert not UNSAFE.search(printed.replace("\n", "").replace("\t", "")), printed
    if "--json" in command and command[0] != "entities":
        decoded = _strings(json.loads(out.getvalue()))
        assert not [s for s in decoded if UNSAFE.search(s.replace("\n", ""))]
    if command[0] == "show" and "--json" not in command:
        assert MARKUP_ATTACK in out.getvalue()


def _run_on_pty(args: list[str], home: Path) -> tuple[int, str, str]:
    """Runs nkreader with its stdout on a real pseudo-terminal; returns what reached it."""
    main_fd, child_fd = pty.openpty()
    env = {**os.environ, "NKREADER_HOME": str(home), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "nkreader", *args],
        stdin=subprocess.DEVNULL,
        stdout=child_fd,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(child_fd)
    chunks = []
    while True:
        try:
            data = os.read(main_fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(main_fd)
    assert process.stderr is not None
    errors = process.stderr.read().decode("utf-8", "replace")
    code = process.wait(timeout=60)
    return code, b"".join(chunks).decode("utf-8", "replace"), errors


@pytest.mark.parametrize(
    "command",
    [
        ["search", "missile"],
        ["show", "evil-report"],
        ["list"],
        ["entities", "evil-report"],
        ["compare", "evil-report", "plain-report"],
    ],
    ids=" ".join,
)
def test_on_a_terminal_only_the_clis_own_colours_get_out(
    hostile: dict[str, Path], command: list[str]
) -> None:
    code, screen, errors = _run_on_pty(_args(hostile, command), hostile["home"])

    assert code == 0 and "Traceback" not in errors, errors
    assert ANY_SGR.search(screen), "on a terminal the CLI should colour its output"
    plain = ANY_SGR.sub("", screen).replace("\r\n", "\n")
    assert not UNSAFE.search(plain.replace("\n", "").replace("\t", "")), repr(plain[:2000])
    assert "\x1b]" not in screen and "\x07" not in screen and "\x9b" not in screen
