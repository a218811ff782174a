from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Cli = Callable[..., Any]
CORE_DATA = Path(__file__).resolve().parent.parent / "data" / "core"

HWASONG = "hwasong-icbm-launch"
SATELLITE = "satellite-launch-failure"
SANCTIONS = "sanctions-shipping-report"
UNDATED = "party-plenary-analysis"

_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def on_terminal(monkeypatch: pytest.MonkeyPatch, run: Callable[[], Any]) -> str:
    """Runs a command with stdout on a (pretend) terminal and returns what it printed."""
    screen = Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    assert run().code == 0
    return screen.getvalue()


def listed_ids(out: str) -> list[str]:
    return [line.split()[0] for line in out.splitlines() if line and not line.startswith(" ")]


def test_search_prints_each_hit_with_its_snippet(shared_cli: Cli) -> None:
    run = shared_cli("search", '"east sea"')

    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0].split("  ")[:2] == [
        HWASONG,
        "North Korea fires Hwasong-18 solid-fuel ICBM into the East Sea",
    ]
    assert lines[0].endswith("Yonhap · 2023-07-12")
    assert "East Sea" in lines[1]
    assert run.err.startswith("1 match")


def test_piped_search_output_has_no_escape_codes(shared_cli: Cli) -> None:
    assert "\x1b" not in shared_cli("search", "missile").out


def test_search_on_a_terminal_emphasises_only_the_matched_words(
    shared_cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    piped = shared_cli("search", "crypto*").out

    shown = on_terminal(monkeypatch, lambda: shared_cli("search", "crypto*"))

    assert re.findall(r"\x1b\[1;33m(.*?)\x1b\[0m", shown) == ["cryptocurrency"]
    assert _ESCAPE.sub("", shown) == piped


def test_search_json_has_the_documented_shape(shared_cli: Cli) -> None:
    run = shared_cli("search", "missile", "--json")

    data = json.loads(run.out)
    assert {"query", "total", "hits", "suggestion"} <= set(data)
    assert (data["query"], data["total"], data["suggestion"]) == ("missile", 2, None)
    hit = data["hits"][0]
    assert set(hit) == {"id", "title", "outlet", "published", "score", "snippet", "highlights"}
    assert hit["id"] == HWASONG and hit["published"] == "2023-07-12"
    assert isinstance(hit["score"], float) and hit["score"] > 0


@pytest.mark.parametrize(
    ("query", "word"),
    [("missile", "missile"), ('"east sea"', "east sea"), ("chollma~", "chollima")],
)
def test_json_highlights_slice_the_snippet_to_the_matched_words(
    shared_cli: Cli, query: str, word: str
) -> None:
    hits = json.loads(shared_cli("search", query, "--json").out)["hits"]

    for hit in hits:
        words = {hit["snippet"][start:end].lower() for start, end in hit["highlights"]}
        assert words == {word}


def test_zero_hits_is_success_with_a_suggestion_on_stderr(shared_cli: Cli) -> None:
    run = shared_cli("search", "satelite")

    assert run.code == 0
    assert run.out == ""
    assert "No articles match 'satelite'" in run.err
    assert "Did you mean: satellite" in run.err


def test_zero_hits_json_carries_the_suggestion(shared_cli: Cli) -> None:
    data = json.loads(shared_cli("search", "satelite", "--json").out)

    assert (data["total"], data["hits"], data["suggestion"]) == (0, [], "satellite")


def test_limit_caps_the_printed_hits(shared_cli: Cli) -> None:
    data = json.loads(shared_cli("search", "missile", "--limit", "1", "--json").out)

    assert (len(data["hits"]), data["total"]) == (1, 2)


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sort_orders_hits_by_date_with_undated_last(shared_cli: Cli, sort: str) -> None:
    hits = json.loads(shared_cli("search", "north", "--sort", sort, "--json").out)["hits"]
    dates = [hit["published"] for hit in hits[:-1]]

    assert dates == sorted(dates, reverse=sort == "newest")
    assert hits[-1]["id"] == UNDATED and hits[-1]["published"] is None


@pytest.mark.parametrize(
    "args",
    [
        ["search", "x", "--limit", "0"],
        ["search", "x", "--limit", "many"],
        ["search", "x", "--sort", "random"],
        ["search"],
        ["show"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(shared_cli: Cli, args: list[str]) -> None:
    run = shared_cli(*args)

    assert run.code == 2
    assert run.out == ""
    assert "usage:" in run.err


@pytest.mark.parametrize("query", ['"east sea', "NOT", "published:2022-13", "(((", "title:", "~"])
def test_odd_queries_never_print_a_traceback(shared_cli: Cli, query: str) -> None:
    run = shared_cli("search", query)

    assert run.code == 0
    assert "Traceback" not in run.err + run.out
    assert run.err.strip()


def test_show_prints_title_metadata_and_body(
    shared_cli: Cli, shared_dirs: tuple[Path, Path]
) -> None:
    run = shared_cli("show", SATELLITE)

    lines = run.out.splitlines()
    assert run.code == 0
    assert lines[0] == "Chollima-1 rocket carrying a spy satellite crashes after launch"
    assert "outlet: KCNA Watch" in lines[1] and "published: 2023-05-31" in lines[1]
    body = (shared_dirs[0] / f"{SATELLITE}.md").read_text().split("---\n", 2)[2].strip()
    assert run.out.rstrip("\n").endswith(body)


def test_show_json_gives_the_whole_article(shared_cli: Cli) -> None:
    data = json.loads(shared_cli("show", SATELLITE, "--json").out)

    assert data["id"] == SATELLITE
    assert (data["outlet"], data["published"], data["tags"]) == (
        "KCNA Watch",
        "2023-05-31",
        ["satellite", "space"],
    )
    assert data["body"].startswith("North Korea's attempt")
    assert data["title_derived"] is False


@pytest.mark.parametrize("command", ["show", "related"])
def test_id_commands_accept_a_unique_prefix(shared_cli: Cli, command: str) -> None:
    full, short = shared_cli(command, SATELLITE), shared_cli(command, "sat")

    assert short.code == 0
    assert short.out == full.out


@pytest.mark.parametrize("command", [["show"], ["show", "--json"], ["related"]])
def test_an_ambiguous_prefix_is_one_line_naming_the_candidates(
    shared_cli: Cli, command: list[str]
) -> None:
    run = shared_cli(command[0], "sa", *command[1:])

    assert run.code == 1
    assert run.out == ""
    assert len(run.err.splitlines()) == 1
    assert "ambiguous" in run.err and SATELLITE in run.err and SANCTIONS in run.err


@pytest.mark.parametrize("command", [["show"], ["show", "--json"], ["related"]])
def test_an_unknown_id_is_one_line_and_exit_1(shared_cli: Cli, command: list[str]) -> None:
    run = shared_cli(command[0], "zzz", *command[1:])

    assert run.code == 1
    assert run.out == ""
    assert len(run.err.splitlines()) == 1
    assert "zzz" in run.err


def test_related_lists_other_articles(shared_cli: Cli) -> None:
    run = shared_cli("related", HWASONG)

    ids = listed_ids(run.out)
    assert run.code == 0
    assert ids and HWASONG not in ids
    assert ids[0] == SATELLITE


def test_related_json_is_a_list_of_hits(shared_cli: Cli) -> None:
    hits = json.loads(shared_cli("related", HWASONG, "--json").out)

    assert hits[0]["id"] == SATELLITE
    assert {"id", "title", "outlet", "published", "score"} <= set(hits[0])


def test_list_shows_every_article_newest_first(shared_cli: Cli) -> None:
    run = shared_cli("list")

    ids = listed_ids(run.out)
    assert len(ids) == 8
    assert ids[0] == "artillery-drill-yeonpyeong"  # 2024, the newest
    assert ids[-1] == UNDATED
    assert run.err.strip() == "8 articles"


def test_list_json_gives_ids_and_dates(shared_cli: Cli) -> None:
    hits = json.loads(shared_cli("list", "--json").out)

    dates = [hit["published"] for hit in hits if hit["published"]]
    assert len(hits) == 8
    assert dates == sorted(dates, reverse=True)


_HOSTILE = (
    "---\n"
    'title: "Red \\e[31malert\\e[0m \\e]0;owned\\a title"\n'
    'outlet: "Evil \\e[2J Outlet"\n'
    "published: 2023-01-01\n"
    "---\n\n"
    "Zeppelin \x1b[2J spotted \x1b]0;pwned\x07 over \x9b31m the \u202e border \x07 today.\n"
)


@pytest.fixture(scope="module")
def hostile_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The test corpus plus one article full of escape and control characters."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(CORE_DATA, root / "corpus")
    (root / "corpus" / "hostile.md").write_text(_HOSTILE)
    return root / "corpus", root / "index"


@pytest.mark.parametrize(
    "args",
    [
        ["search", "zeppelin"],
        ["search", "zeppelin", "--json"],
        ["show", "hostile"],
        ["show", "hostile", "--json"],
        ["list"],
        ["related", "hwasong"],
    ],
)
def test_control_characters_in_an_article_never_reach_the_output(
    make_cli: Callable[..., Cli],
    hostile_dirs: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
) -> None:
    cli = make_cli(*hostile_dirs)

    piped = cli(*args)
    shown = on_terminal(monkeypatch, lambda: cli(*args))

    assert piped.code == 0
    for output in (piped.out + piped.err, _ESCAPE.sub("", shown)):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", output), output


def test_add_prints_one_line_per_file(cli: Cli, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Kaesong factory park stays closed\n\nThe park is shut.\n")
    (inbox / "b.md").write_text("# Border tourism resumes\n\nTours restart.\n")
    (inbox / "c.md").write_text("")

    run = cli("add", str(inbox), corpus=False)

    lines = run.out.splitlines()
    assert run.code == 0
    assert len(lines) == 3
    assert re.fullmatch(rf"added: {re.escape(str(inbox / 'a.txt'))} as [a-z0-9-]+ \(.+\)", lines[0])
    assert lines[1].startswith(f"added: {inbox / 'b.md'} as ")
    assert lines[2] == f"skipped: {inbox / 'c.md'} (empty file)"


def test_an_added_article_is_found_by_the_next_search(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "zeppelin.txt"
    source.write_text("Zeppelin sighted over Kaesong\n\nA zeppelin was seen.\n")
    cli("add", str(source), corpus=False)

    run = cli("search", "zeppelin", "--json", corpus=False)

    assert json.loads(run.out)["total"] == 1


def test_adding_a_duplicate_says_where_it_is(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "zeppelin.txt"
    source.write_text("Zeppelin sighted over Kaesong\n\nA zeppelin was seen.\n")
    first = cli("add", str(source), corpus=False).out
    article_id = re.search(r" as (\S+) ", first)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(source.read_bytes())

    run = cli("add", str(copy), corpus=False)

    assert article_id is not None
    assert run.code == 0
    assert run.out == f"skipped: {copy} (already in library as {article_id.group(1)})\n"


def test_adding_an_edited_source_prints_updated_with_the_same_id(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "zeppelin.txt"
    source.write_text("Zeppelin sighted over Kaesong\n\nA zeppelin was seen.\n")
    first = re.search(r" as (\S+) ", cli("add", str(source), corpus=False).out)
    source.write_text("Zeppelin sighted over Kaesong\n\nA zeppelin was seen twice.\n")

    run = cli("add", str(source), corpus=False)

    assert first is not None
    assert run.code == 0
    assert run.out.startswith(f"updated: {source} as {first.group(1)} (")


def test_add_exits_1_when_no_file_could_be_imported(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("")

    run = cli("add", str(empty), str(tmp_path / "missing.txt"), corpus=False)

    assert run.code == 1
    assert run.out.splitlines() == [
        f"skipped: {empty} (empty file)",
        f"skipped: {tmp_path / 'missing.txt'} (no such file)",
    ]


def test_add_never_echoes_control_characters_from_a_file_name(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "evil\x1b[2J\x07.txt"
    source.write_text("Zeppelin sighted over Kaesong\n\nA zeppelin was seen.\n")

    run = cli("add", str(source), corpus=False)

    assert run.code == 0
    assert "\x1b" not in run.out + run.err and "\x07" not in run.out + run.err


def _nkreader(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NKREADER_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "nkreader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_process_search_writes_results_to_stdout_and_counts_to_stderr(
    shared_dirs: tuple[Path, Path], home: Path
) -> None:
    corpus, index = shared_dirs

    done = _nkreader("--corpus", str(corpus), "--index", str(index), "search", "missile", home=home)

    assert done.returncode == 0
    assert listed_ids(done.stdout) == [HWASONG, SATELLITE]
    assert "\x1b" not in done.stdout
    assert done.stderr.startswith("2 matches")


def test_process_unknown_id_exits_1_with_one_line_and_no_traceback(
    shared_dirs: tuple[Path, Path], home: Path
) -> None:
    corpus, index = shared_dirs

    done = _nkreader("--corpus", str(corpus), "--index", str(index), "show", "zzz", home=home)

    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("nkreader: ")


def test_process_usage_error_exits_2(home: Path) -> None:
    done = _nkreader("search", "x", "--sort", "random", home=home)

    assert done.returncode == 2
    assert done.stdout == ""
