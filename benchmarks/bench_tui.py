"""TUI benchmark: first paint, keypress to updated list, article open, memory.

Real-terminal figures come from tui-drive (tmux, 120x40); in-app figures and RSS from a
headless run of the same app. `--big N` adds a library of N articles written under /tmp from
the research data (never copied into the repository).

    python benchmarks/bench_tui.py --runs 5
    python benchmarks/bench_tui.py --runs 3 --big 100000 --keep /tmp/nk-bench-100k
    python benchmarks/bench_tui.py --runs 3 --big-corpus /tmp/big/corpus --big-index /tmp/big/index

`--big-corpus`/`--big-index` reuse a library indexed beforehand (`nkreader --corpus C --index I
index`), which at 100,000 articles takes over half an hour to build.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TUI_DRIVE = Path(os.environ.get("NKREADER_TUI_DRIVE", "/work/shared/tools/tui-drive"))
DATA = Path("/work/shared/data/news/articles.jsonl")


def nkreader_command(*args: str) -> str:
    script = Path(sys.executable).parent / "nkreader"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "nkreader"]
    return shlex.join([*base, *args])


def drive(command: str, home: Path, steps: Sequence[str]) -> dict[str, object]:
    """Run tui-drive and return its JSON report."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [str(TUI_DRIVE), "-q", "--report", report.name, "--cmd", command]
            + ["--env", f"NKREADER_HOME={home}", "--env", "TEXTUAL_ANIMATIONS=none"]
            + ["--env", "PYTHONDONTWRITEBYTECODE="]
            + ["--timeout", "120", *steps],
            check=False,
            capture_output=True,
        )
        result: dict[str, object] = json.loads(Path(report.name).read_text())
    return result


def waits(report: dict[str, object]) -> list[dict[str, float]]:
    steps = report.get("steps", [])
    assert isinstance(steps, list)
    return [step for step in steps if "ms_since_start" in step]


def median(values: Sequence[float]) -> str:
    if not values:
        return "n/a"
    spread = f" (min {min(values):.0f}, max {max(values):.0f}, n={len(values)})"
    return f"{statistics.median(values):.0f} ms" + spread


def bench_terminal(label: str, args: Sequence[str], home: Path, title: str, runs: int) -> None:
    """First paint, list ready, keypress to list, article open, in a real terminal."""
    command = nkreader_command(*args)
    cold = drive(command, home, ["--expect", "Articles", "--expect", title, "--keys", "C-q"])
    cold_waits = waits(cold)
    print(
        f"[{label}] cold start (index built): first paint {cold_waits[0]['ms_since_start']:.0f} ms,"
    )
    print(f"[{label}]   list shown {cold_waits[-1]['ms_since_start']:.0f} ms")
    paint, ready, first_key, word, typing, opened = [], [], [], [], [], []
    for _ in range(runs):
        report = drive(
            command,
            home,
            [
                "--expect", "Articles", "--expect", title,
                "--keys", "/", "--sleep", "0.3",
                "--type", "l", "--expect", "“l” ·",
                "--sleep", "0.3", "--type", "aunch", "--expect", "“launch*” ·",
                "--keys", "BSpace", "--expect", "“launc*” ·",
                "--keys", "Escape", "--sleep", "0.3",
                "--keys", "Enter", "--expect-re", r"match 1 of \d+",
                "--keys", "q", "--expect-exit", "0",
            ],
        )  # fmt: skip
        found = waits(report)
        if not report.get("ok"):
            print(f"[{label}] run failed: {report.get('error')}")
            continue
        paint.append(found[0]["ms_since_start"])
        ready.append(found[1]["ms_since_start"])
        first_key.append(found[2]["ms_since_input"])
        word.append(found[3]["ms_since_input"])
        typing.append(found[4]["ms_since_input"])
        opened.append(found[5]["ms_since_input"])
    print(f"[{label}] warm first paint        {median(paint)}")
    print(f"[{label}] warm list shown         {median(ready)}")
    print(f"[{label}] key 'l' to list         {median(first_key)}")
    print(f"[{label}] burst 'aunch' to list   {median(word)}")
    print(f"[{label}] backspace to list       {median(typing)}")
    print(f"[{label}] enter to article shown  {median(opened)}")


# Typed into the search box one after another; each is timed from its last keypress to the
# status line naming it (the list is drawn in the same refresh).
QUERIES = (
    "missile", "election", "oil", "chelsea", "blair", "economy", "film", "mobile", "iraq",
    "interest", "broadband", "champion", "tax", "music", "court", "profits", "labour",
    "security", "games", "minister",
)  # fmt: skip


def bench_queries(label: str, args: Sequence[str], home: Path, title: str, delay_ms: int) -> None:
    """Keypress-to-list latency over QUERIES, typed at `delay_ms` between characters."""
    steps = ["--expect", "Articles", "--expect", title, "--type-delay", str(delay_ms)]
    for query in QUERIES:
        steps += ["--keys", "/", "--sleep", "0.2", "--keys", "C-u", "--sleep", "0.4"]
        steps += ["--type", query, "--expect", f"“{query}*” ·"]
    steps += ["--keys", "C-q"]
    report = drive(nkreader_command(*args), home, steps)
    if not report.get("ok"):
        print(f"[{label}] query run failed: {report.get('error')}")
    found = [step["ms_since_input"] for step in waits(report)[2:]]
    if found:
        ordered = sorted(found)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(
            f"[{label}] last key to list, typed {delay_ms} ms apart: median "
            f"{statistics.median(found):.0f} ms, p95 {p95:.0f} ms, max {max(found):.0f} ms "
            f"(n={len(found)})"
        )


def bench_echo(label: str, args: Sequence[str], home: Path, title: str) -> None:
    """Keypress-to-echo latency of a second letter typed while the first letter's search runs."""
    steps = ["--expect", "Articles", "--expect", title]
    for query in QUERIES:
        first, second = query[0], query[1]
        steps += ["--keys", "/", "--sleep", "0.2", "--keys", "C-u", "--sleep", "0.4"]
        steps += ["--type", first, "--sleep", "0.035", "--type", second]
        steps += ["--expect-re", rf"^│ {first}{second} "]
    steps += ["--keys", "C-q"]
    report = drive(nkreader_command(*args), home, steps)
    if not report.get("ok"):
        print(f"[{label}] echo run failed: {report.get('error')}")
    found = sorted(step["ms_since_input"] for step in waits(report)[2:])
    if found:
        p95 = found[min(len(found) - 1, round(0.95 * (len(found) - 1)))]
        print(
            f"[{label}] key echoed while a search runs: median {statistics.median(found):.0f} ms,"
            f" p95 {p95:.0f} ms, max {max(found):.0f} ms (n={len(found)})"
        )


CONTROL_APP = (
    "from textual.app import App; from textual.widgets import Static; "
    "App.compose = lambda self: iter([Static('hello control')]); App().run()"
)


def bench_control(home: Path, runs: int) -> None:
    """A two-line Textual app: the floor this machine sets for any first paint right now."""
    command = shlex.join([sys.executable, "-c", CONTROL_APP])
    paints = []
    for _ in range(runs):
        report = drive(command, home, ["--expect", "hello control", "--keys", "C-q"])
        paints.extend(step["ms_since_start"] for step in waits(report)[:1])
    print(f"[control] bare Textual app first paint {median(paints)}")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def bench_in_app(
    label: str, corpus: Path | None, home: Path, index: Path | None = None
) -> None:
    """In-process timings (perf_counter around the app's own work) and RSS."""
    sys.path.insert(0, str(REPO / "tests" / "tui"))
    from pilot_helpers import search_for, settle

    from nkreader.config import Settings
    from nkreader.tui.app import build_app

    os.environ["NKREADER_HOME"] = str(home)
    settings = Settings.build(corpus=[corpus] if corpus else (), index=index)
    app = build_app(settings)
    before = rss_mb()
    async with app.run_test(size=(120, 40)) as pilot:
        started = time.perf_counter()
        screen = await settle(pilot, timeout=3600)
        listed = time.perf_counter() - started
        rows = len(screen.article_list.hits)
        idle = rss_mb()
        started = time.perf_counter()
        screen = await search_for(pilot, "missile")
        searched = time.perf_counter() - started
        hits = len(screen.article_list.hits)
        started = time.perf_counter()
        screen.article_list.focus()
        await pilot.press("enter")
        await settle(pilot)
        opened = time.perf_counter() - started
        started = time.perf_counter()
        screen.search_box.value = ""
        await settle(pilot)
        refilled = time.perf_counter() - started
        after = rss_mb()
    print(f"[{label}] in app: sync + first list of {rows:,} rows {listed * 1000:.0f} ms")
    print(f"[{label}] in app: typed 'missile' to {hits:,} hits {searched * 1000:.0f} ms (Pilot)")
    print(f"[{label}] in app: open article {opened * 1000:.0f} ms")
    print(f"[{label}] in app: clear query, list of {rows:,} again {refilled * 1000:.0f} ms")
    print(f"[{label}] RSS: before {before:.0f} MB, with list {idle:.0f} MB, end {after:.0f} MB")


def build_big(count: int, folder: Path) -> None:
    """Write `count` Markdown articles cycling through the research data, dates spread out."""
    if folder.is_dir() and len(list(folder.glob("*.md"))) >= count:
        return
    folder.mkdir(parents=True, exist_ok=True)
    records = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
    for number in range(count):
        record = records[number % len(records)]
        year = 2000 + number % 24
        month, day = 1 + number % 12, 1 + number % 28
        title = str(record["title"]).replace("'", "''")
        text = (
            f"---\nid: a{number:06d}\ntitle: '{title} ({number})'\noutlet: Bench\n"
            f"published: {year}-{month:02d}-{day:02d}\nurl: null\ntags: []\n---\n\n"
            f"{record['body']}\n"
        )
        (folder / f"a{number:06d}.md").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big", type=int, default=0, help="also a library of N articles")
    parser.add_argument("--keep", type=Path, help="keep the big corpus and its index here")
    parser.add_argument("--big-corpus", type=Path, help="a big corpus indexed beforehand")
    parser.add_argument("--big-index", type=Path, help="the index of --big-corpus")
    parser.add_argument("--skip-terminal", action="store_true")
    options = parser.parse_args()
    terminal = not options.skip_terminal and bool(shutil.which("tmux")) and TUI_DRIVE.exists()
    print(f"python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="nk-bench-") as scratch:
        home = Path(scratch) / "home"
        if options.big_corpus:
            bench_big(options.big_corpus, options.big_index, Path(scratch), terminal, options.runs)
            return
        if terminal:
            bench_control(home, options.runs)
            bench_terminal("bundled", [], home, "Kim Jong Un", options.runs)
            bench_echo("bundled", [], home, "Kim Jong Un")
        asyncio.run(bench_in_app("bundled", None, Path(scratch) / "home-app"))
        if options.big:
            base = options.keep or Path(scratch)
            corpus, big_home = base / f"corpus-{options.big}", base / f"home-{options.big}"
            started = time.perf_counter()
            build_big(options.big, corpus)
            print(f"[big] wrote {options.big:,} articles in {time.perf_counter() - started:.0f} s")
            asyncio.run(bench_in_app(f"{options.big:,}", corpus, big_home))
            if terminal:
                args = ["--corpus", str(corpus)]
                bench_terminal(f"{options.big:,}", args, big_home, "(0)", options.runs)


def bench_big(corpus: Path, index: Path | None, scratch: Path, terminal: bool, runs: int) -> None:
    """The app over a library indexed beforehand: in a real terminal first, then in process."""
    home = scratch / "home-big"
    label = f"{sum(1 for _ in corpus.glob('*.md')):,}"
    args = ["--corpus", str(corpus), *(["--index", str(index)] if index else [])]
    if terminal:
        bench_control(home, runs)
        bench_terminal(label, args, home, "all articles ·", runs)
        for delay in (0, 150):
            bench_queries(label, args, home, "all articles ·", delay)
        bench_echo(label, args, home, "all articles ·")
    asyncio.run(bench_in_app(label, corpus, home, index))


if __name__ == "__main__":
    main()
