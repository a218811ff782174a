"""Any query, any text: hits or a clear message, quickly, never a traceback."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hardening_support import UNSAFE, run_nkreader
from hostile_inputs import hostile_corpus
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nkreader.cli import main
from nkreader.config import Settings
from nkreader.library import Library, LibraryError

CORE_DATA = Path(__file__).resolve().parent.parent / "data" / "core"
LIMIT = 20

SYNTAX = st.sampled_from(
    [
        '"',
        "'",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "*",
        "?",
        "~",
        "~2",
        ":",
        "^",
        "^3",
        "\\",
        "/",
        "-",
        "+",
        "AND",
        "OR",
        "NOT",
        "TO",
        "to",
        "title:",
        "body:",
        "outlet:",
        "published:",
        "published:2023-",
        "published:[2020 to]",
        "tag:",
        "entity:",
        "type:",
        "nosuchfield:",
        "id:",
        "missile",
        "Kim",
        "Jong-un",
        "hwasong*",
        "ICBM",
        "\x00",
        "\x1b[2J",
        "\u202e",
    ]
)
QUERY = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(SYNTAX, st.text(max_size=8)), max_size=16).map(" ".join),
    st.lists(SYNTAX, max_size=24).map("".join),
)
FAST = settings(
    database=None,  # no .hypothesis folder left in the work tree
    deadline=2000,
    max_examples=120,
    suppress_health_check=[HealthCheck.too_slow],
)
HUGE_QUERIES = [
    "*",
    "?",
    "title:*",
    "nosuchfield:missile",
    '"unclosed phrase',
    "((((missile",
    "missile))))",
    "[",
    "published:[2020 to",
    "missile " * 5000,
    "(" * 3000,
    "x" * 1000,
    '"' * 999,
    "a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p* q* r* s* t* u* v* w* x* y* z*",
    "entity:" + "Kim Jong Un " * 200,
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The small test corpus plus the hostile article, synced once."""
    root = tmp_path_factory.mktemp("queries")
    corpus = hostile_corpus(root)
    for file in CORE_DATA.glob("*.md"):
        shutil.copy(file, corpus / file.name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NKREADER_HOME", str(root / "home"))
        lib = Library(Settings(home=root / "home", corpus_dirs=(corpus,), index_dir=root / "index"))
        lib.sync()
        lib.search("warm up kim* entity:Kim")
        yield lib
        lib.close()


def _check_result(library: Library, query: str) -> None:
    result = library.search(query, limit=LIMIT)

    assert 0 <= len(result.hits) <= min(LIMIT, result.total)
    assert result.notice is None or ("\n" not in result.notice and result.notice)
    assert len({hit.id for hit in result.hits}) == len(result.hits)
    for hit in result.hits:
        if hit.snippet is not None:
            for start, end in hit.snippet.highlights:
                assert 0 <= start < end <= len(hit.snippet.text)


@FAST
@given(query=QUERY)
def test_library_search_answers_any_query(library: Library, query: str) -> None:
    _check_result(library, query)


@pytest.mark.parametrize("query", HUGE_QUERIES, ids=lambda q: repr(q[:24]))
def test_library_search_answers_huge_and_degenerate_queries(library: Library, query: str) -> None:
    started = time.process_time()  # CPU time: other work on a busy machine does not count
    _check_result(library, query)
    assert time.process_time() - started < 2.0


def _cli(library: Library, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    folders = library.settings
    prefix = ["--corpus", str(folders.corpus_dirs[0]), "--index", str(folders.index_dir)]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([*prefix, *args])
        except SystemExit as exit_:  # argparse's own usage errors
            code = exit_.code if isinstance(exit_.code, int) else 1
    return code, out.getvalue(), err.getvalue()


@settings(
    database=None, deadline=3000, max_examples=30, suppress_health_check=[HealthCheck.too_slow]
)
@given(query=QUERY)
@example(query="-missile")
@example(query="--json")
@example(query="")
@example(query="00A\x1b")  # once printed "Did you mean: a" and a raw escape character
def test_cli_search_answers_any_query(library: Library, query: str) -> None:
    code, out, err = _cli(library, "search", "--", query)

    assert code == 0, err
    assert out or err.strip(), "neither hits nor a message"
    for line in err.splitlines():
        assert not UNSAFE.search(line)
    assert not UNSAFE.search(out.replace("\n", "").replace("\t", ""))


ARTICLE_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "Kim Jong Un",
                    "Pyongyang",
                    "Hwasong-18",
                    "on March 3, 2024",
                    "1,000 troops",
                    "3.5 km",
                    "\n\n",
                    ". ",
                    "\x1b]52;c;eA==\x07",
                    "\u202e",
                    "\r",
                    "---\n",
                ]
            ),
            st.text(max_size=12),
        ),
        max_size=40,
    ).map("".join),
)


@settings(
    database=None,  # no .hypothesis folder left in the work tree
    deadline=2000,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(left=ARTICLE_TEXT, right=ARTICLE_TEXT)
def test_compare_answers_any_two_texts(
    library: Library, tmp_path: Path, left: str, right: str
) -> None:
    (tmp_path / "left.md").write_text(left, encoding="utf-8", errors="surrogatepass")
    (tmp_path / "right.txt").write_text(right, encoding="utf-8", errors="surrogatepass")

    try:
        comparison = library.compare(str(tmp_path / "left.md"), str(tmp_path / "right.txt"))
    except LibraryError as error:
        assert "\n" not in str(error) and str(error)
        return
    assert comparison is not None


@settings(
    database=None,  # no .hypothesis folder left in the work tree
    deadline=None,  # each example starts three commands, each opening the library afresh
    max_examples=10,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=ARTICLE_TEXT)
def test_cli_entities_and_compare_on_any_text_file(
    library: Library, tmp_path: Path, text: str
) -> None:
    source = tmp_path / "any.txt"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")

    for args in (
        ["entities", "--text-file", str(source)],
        ["entities", "--text-file", str(source), "--json"],
        ["compare", str(source), "evil-report"],
    ):
        code, out, err = _cli(library, *args)

        assert code in (0, 1), err
        assert (code == 0) or (err.startswith("nkreader: ") and err.count("\n") == 1), err
        assert not UNSAFE.search(out.replace("\n", "").replace("\t", "")), (args, out)


def test_a_very_long_word_is_answered_quickly(library: Library) -> None:
    folders = library.settings
    try:
        run = run_nkreader(
            "--corpus",
            folders.corpus_dirs[0],
            "--index",
            folders.index_dir,
            "search",
            "x" * 20_000,
            home=folders.home,
            timeout=8,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("a 20,000-character query did not finish in 8 s")
    assert run.returncode == 0
