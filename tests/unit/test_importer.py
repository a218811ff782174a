from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from nkreader.config import Settings
from nkreader.library import ImportOutcome, Library

CORE_DATA = Path(__file__).resolve().parent.parent / "data" / "core"
HWASONG = "hwasong-icbm-launch"


@pytest.fixture
def lib(tmp_path: Path, shared_extractor: None) -> Iterator[Library]:
    """A library of two reports plus the home's articles folder that `add` writes to."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in (f"{HWASONG}.md", "drone-incursion-seoul.md"):
        shutil.copy(CORE_DATA / name, corpus / name)
    home = tmp_path / "home"
    library = Library(
        Settings(home=home, corpus_dirs=(corpus, home / "articles"), index_dir=tmp_path / "index")
    )
    yield library
    library.close()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def put(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def add_one(library: Library, path: Path) -> ImportOutcome:
    outcomes = library.add([path])
    assert len(outcomes) == 1
    return outcomes[0]


def imported_files(library: Library) -> list[Path]:
    return sorted(library.settings.articles_dir.glob("*.md"))


FRONT_MATTER_MD = """---
id: border-tourism
title: Pyongyang reopens the border to tourists
outlet: NK News
published: 2024-02-09
tags: [tourism, border]
---

The first tour group from Russia crossed into North Korea on Friday, a zeppelin of good will.
"""
PLAIN_MD = "# North Korea tests strategic cruise missiles\n\nThe missiles flew over a zeppelin.\n"
PLAIN_TXT = "Kaesong factory park stays closed\n\nThe industrial zeppelin park remains shut.\n"


def test_markdown_with_front_matter_keeps_its_metadata(lib: Library, inbox: Path) -> None:
    outcome = add_one(lib, put(inbox / "tourism.md", FRONT_MATTER_MD))

    assert (outcome.status, outcome.article_id) == ("added", "border-tourism")
    article = lib.get("border-tourism")
    assert article.title == "Pyongyang reopens the border to tourists"
    assert (article.outlet, article.published) == ("NK News", date(2024, 2, 9))
    assert article.tags == ("tourism", "border")
    assert not article.title_derived and not article.published_derived


@pytest.mark.parametrize(
    ("name", "text"),
    [("tourism.md", FRONT_MATTER_MD), ("cruise.md", PLAIN_MD), ("kaesong.txt", PLAIN_TXT)],
    ids=["md-front-matter", "md-plain", "txt"],
)
def test_an_imported_article_is_searchable_at_once(
    lib: Library, inbox: Path, name: str, text: str
) -> None:
    outcome = add_one(lib, put(inbox / name, text))

    assert outcome.status == "added"
    assert [hit.id for hit in lib.search("zeppelin").hits] == [outcome.article_id]
    assert len(imported_files(lib)) == 1


def test_markdown_without_front_matter_takes_its_title_from_the_headline(
    lib: Library, inbox: Path
) -> None:
    outcome = add_one(lib, put(inbox / "cruise.md", PLAIN_MD))

    article = lib.get(str(outcome.article_id))
    assert article.title == "North Korea tests strategic cruise missiles"
    assert article.title_derived


def test_a_text_file_takes_its_title_from_a_headline_line(lib: Library, inbox: Path) -> None:
    outcome = add_one(lib, put(inbox / "kaesong.txt", PLAIN_TXT))

    article = lib.get(str(outcome.article_id))
    assert article.title == "Kaesong factory park stays closed"
    assert article.title_derived
    assert article.body.startswith("The industrial zeppelin park")


def test_a_text_file_without_a_headline_is_titled_by_its_first_sentence(
    lib: Library, inbox: Path
) -> None:
    text = "Officials in Seoul said the talks would resume next week. They gave no reason.\n"
    outcome = add_one(lib, put(inbox / "talks.txt", text))

    article = lib.get(str(outcome.article_id))
    assert article.title == "Officials in Seoul said the talks would resume next week."
    assert article.title_derived


def test_a_folder_imports_its_markdown_and_text_files(lib: Library, inbox: Path) -> None:
    put(inbox / "tourism.md", FRONT_MATTER_MD)
    put(inbox / "deeper" / "kaesong.txt", PLAIN_TXT)
    put(inbox / "scan.pdf", b"%PDF-1.4")
    put(inbox / ".draft.md", PLAIN_MD)

    outcomes = lib.add([inbox])

    assert sorted(o.source.name for o in outcomes) == ["kaesong.txt", "tourism.md"]
    assert {o.status for o in outcomes} == {"added"}
    assert len(imported_files(lib)) == 2


@pytest.mark.parametrize(
    ("name", "reason"),
    [("missing.md", "no such file"), ("scan.pdf", "not a .md or .txt"), ("empty", "no .md")],
)
def test_paths_that_hold_no_article_are_skipped(
    lib: Library, inbox: Path, name: str, reason: str
) -> None:
    if name == "scan.pdf":
        put(inbox / name, b"%PDF-1.4")
    elif name == "empty":
        (inbox / name).mkdir()

    outcome = add_one(lib, inbox / name)

    assert outcome.status == "skipped"
    assert reason in outcome.reason


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda text: text, id="copy"),
        pytest.param(
            lambda text: text.replace("\n", "\r\n"),
            id="crlf",
        ),
        pytest.param(lambda text: text.replace("\n", "   \n") + "\n\n", id="trailing-space"),
    ],
)
def test_a_copy_of_a_library_article_is_a_duplicate(
    lib: Library, inbox: Path, transform: Callable[[str], str]
) -> None:
    original = (CORE_DATA / f"{HWASONG}.md").read_text()

    outcome = add_one(lib, put(inbox / "copy.md", transform(original).encode()))

    assert outcome.status == "skipped"
    assert outcome.reason == f"already in library as {HWASONG}"
    assert imported_files(lib) == []


def test_the_same_text_as_a_txt_file_is_a_duplicate(lib: Library, inbox: Path) -> None:
    body = (CORE_DATA / f"{HWASONG}.md").read_text().split("---\n", 2)[2].strip()

    outcome = add_one(lib, put(inbox / "copy.txt", body))

    assert outcome.reason == f"already in library as {HWASONG}"


def test_two_identical_files_in_one_add_import_once(lib: Library, inbox: Path) -> None:
    first = put(inbox / "a.txt", PLAIN_TXT)
    second = put(inbox / "b.txt", PLAIN_TXT)

    outcomes = lib.add([first, second])

    assert [o.status for o in outcomes] == ["added", "skipped"]
    assert outcomes[1].reason == f"already in library as {outcomes[0].article_id}"


def test_adding_the_same_file_again_changes_nothing(lib: Library, inbox: Path) -> None:
    source = put(inbox / "kaesong.txt", PLAIN_TXT)
    first = add_one(lib, source)
    written = imported_files(lib)[0].read_bytes()

    again = add_one(lib, source)

    assert again.status == "skipped"
    assert "unchanged" in again.reason and str(first.article_id) in again.reason
    assert imported_files(lib)[0].read_bytes() == written


def test_an_edited_source_updates_the_same_article(lib: Library, inbox: Path) -> None:
    source = put(inbox / "kaesong.txt", PLAIN_TXT)
    first = add_one(lib, source)
    put(source, PLAIN_TXT.replace("zeppelin", "balloon"))

    again = add_one(lib, source)

    assert (again.status, again.article_id) == ("updated", first.article_id)
    assert [hit.id for hit in lib.search("balloon").hits] == [first.article_id]
    assert lib.search("zeppelin").total == 0
    assert len(imported_files(lib)) == 1


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("tourism.md", FRONT_MATTER_MD.encode()),
        ("cruise.md", PLAIN_MD.encode()),
        ("kaesong.txt", PLAIN_TXT.encode()),
        ("latin.txt", "Caf\xe9 society in Pyongyang\n\nText.\n".encode("latin-1")),
        ("dated.txt", b"SEOUL, Jan. 9 (Yonhap) -- North Korea fired shells in 2024.\n"),
    ],
)
def test_the_source_file_is_never_modified(
    lib: Library, inbox: Path, name: str, data: bytes
) -> None:
    source = put(inbox / name, data)
    os.utime(source, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = source.stat()

    assert add_one(lib, source).status == "added"

    assert source.read_bytes() == data
    assert source.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(p.name for p in inbox.iterdir()) == [name]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"---\ntitle: never closed\n\nBody text.\n", "not closed"),
        (b"---\ntitle: [unbalanced\n---\n\nBody text.\n", "not valid YAML"),
        (b'---\na: &a ["x","x"]\nb: [*a,*a,*a]\n---\n\nBody.\n', "alias"),
        (b"---\nx: !!python/object/apply:os.getcwd []\n---\n\nBody.\n", "YAML"),
        (b"---\ntitle: nothing below\n---\n", "no article text"),
    ],
    ids=["empty", "binary", "unclosed", "invalid-yaml", "alias", "python-object", "no-body"],
)
def test_a_bad_file_is_skipped_with_its_reason(
    lib: Library, inbox: Path, data: bytes, reason: str
) -> None:
    outcome = add_one(lib, put(inbox / "bad.md", data))

    assert outcome.status == "skipped"
    assert reason in outcome.reason
    assert imported_files(lib) == []


def test_python_tags_in_front_matter_never_run(lib: Library, inbox: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"---\nx: !!python/object/apply:pathlib.Path.touch [{str(marker)!r}]\n---\n\nBody.\n"

    add_one(lib, put(inbox / "evil.md", text))

    assert not marker.exists()


def test_invalid_utf8_is_imported_with_a_warning(lib: Library, inbox: Path) -> None:
    data = "Caf\xe9 society in Pyongyang\n\nA caf\xe9 opened.\n".encode("latin-1")

    outcome = add_one(lib, put(inbox / "latin.txt", data))

    assert outcome.status == "added"
    assert "UTF-8" in outcome.reason
    assert lib.get(str(outcome.article_id)).body == "A café opened."


@pytest.mark.parametrize(
    "line",
    ["Monday, March 3, 2025", "March 3, 2025", "3 March 2025", "2025-03-03", "Mon, Mar. 3, 2025"],
)
def test_a_date_line_near_the_top_gives_the_date(lib: Library, inbox: Path, line: str) -> None:
    text = f"Border guards on alert\n\n{line}\n\nGuards were put on alert overnight.\n"

    outcome = add_one(lib, put(inbox / "guards.txt", text))

    article = lib.get(str(outcome.article_id))
    assert article.published == date(2025, 3, 3)
    assert article.published_derived
    assert "2025-03-03" in outcome.reason


def test_a_dateline_gives_the_date_and_outlet(lib: Library, inbox: Path) -> None:
    text = (
        "Shells fired near the border\n\n"
        "SEOUL, Jan. 9 (Yonhap) -- North Korea fired artillery shells on Tuesday, "
        "the second drill of 2024.\n"
    )

    outcome = add_one(lib, put(inbox / "shells.txt", text))

    article = lib.get(str(outcome.article_id))
    assert (article.published, article.outlet) == (date(2024, 1, 9), "Yonhap")
    assert article.published_derived


def test_a_dateline_without_a_year_takes_the_files_year(lib: Library, inbox: Path) -> None:
    source = put(inbox / "shells.txt", "SEOUL, Jan. 9 (Yonhap) -- Shells were fired again.\n")
    stamp = datetime(2021, 6, 1, 12).timestamp()
    os.utime(source, (stamp, stamp))

    outcome = add_one(lib, source)

    assert lib.get(str(outcome.article_id)).published == date(2021, 1, 9)


def test_a_date_far_below_the_top_is_not_taken(lib: Library, inbox: Path) -> None:
    filler = "The delegation discussed trade and fishing rights at length. " * 15
    text = f"Talks drag on in Panmunjom\n\n{filler}\n\nMarch 3, 2025\n"

    outcome = add_one(lib, put(inbox / "talks.txt", text))

    assert lib.get(str(outcome.article_id)).published is None


def test_a_front_matter_date_beats_a_date_line(lib: Library, inbox: Path) -> None:
    text = "---\ntitle: Dated twice\npublished: 2020-05-05\n---\n\nMarch 3, 2025\n\nText.\n"

    outcome = add_one(lib, put(inbox / "dated.md", text))

    article = lib.get(str(outcome.article_id))
    assert article.published == date(2020, 5, 5)
    assert not article.published_derived


def test_a_new_id_is_short_and_typeable(lib: Library, inbox: Path) -> None:
    title = "Kim Jong Un’s “unprecedented” visit: what Pyongyang & Moscow agreed on, at length"

    outcome = add_one(lib, put(inbox / "visit.txt", f"{title}\n\nThey met for hours.\n"))

    assert outcome.article_id is not None
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", outcome.article_id)
    assert len(outcome.article_id) <= 45


def test_a_front_matter_id_already_taken_gets_a_new_one(lib: Library, inbox: Path) -> None:
    text = f"---\nid: {HWASONG}\ntitle: Another launch\n---\n\nA different zeppelin launch.\n"

    outcome = add_one(lib, put(inbox / "clash.md", text))

    assert outcome.status == "added"
    assert outcome.article_id not in (None, HWASONG)
    assert "zeppelin" not in lib.get(HWASONG).body


def test_escape_sequences_in_a_source_are_not_imported(lib: Library, inbox: Path) -> None:
    text = "Red \x1b[31malert\x1b[0m issued\n\nScreen \x1b[2Jcleared \x1b]0;owned\x07here.\n"

    outcome = add_one(lib, put(inbox / "evil.txt", text))

    article = lib.get(str(outcome.article_id))
    assert article.title == "Red alert issued"
    assert article.body == "Screen cleared here."
