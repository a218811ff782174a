"""Broken and hostile files: imported with a warning or refused in one line, never a crash."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hardening_support import UNSAFE, Nkreader, assert_no_traceback, run_nkreader
from hostile_inputs import NASTY, Nasty, write_all

from nkreader.config import Settings
from nkreader.corpus import ID_PATTERN, load_article
from nkreader.library import ImportOutcome, Library

SYMLINKS = {"outside-link.md", "broken-link.md"}
BIDI = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")


@dataclass(frozen=True)
class Imported:
    root: Path
    articles: Path
    outcomes: dict[str, ImportOutcome]
    library: Library


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Imported]:
    """Every nasty file imported in one `add` of their folder."""
    root = tmp_path_factory.mktemp("hostile-import")
    write_all(root / "inbox")
    home = root / "home"
    library = Library(
        Settings(home=home, corpus_dirs=(home / "articles",), index_dir=root / "index")
    )
    outcomes = library.add([root / "inbox"])
    yield Imported(root, home / "articles", {o.source.name: o for o in outcomes}, library)
    library.close()


@pytest.mark.parametrize("nasty", NASTY, ids=lambda n: repr(n.name))
def test_each_hostile_file_is_imported_or_refused_as_expected(
    imported: Imported, nasty: Nasty
) -> None:
    outcome = imported.outcomes[nasty.name]

    assert outcome.status == ("skipped" if nasty.outcome == "refused" else "added")
    assert nasty.reason in outcome.reason
    assert "\n" not in outcome.reason and not UNSAFE.search(outcome.reason)
    assert len(outcome.reason) < 240


def test_every_file_gets_exactly_one_outcome(imported: Imported) -> None:
    assert sorted(imported.outcomes) == sorted(n.name for n in NASTY)


def test_imported_articles_are_whole_clean_files_named_by_their_id(imported: Imported) -> None:
    files = sorted(imported.articles.iterdir())

    added = [o for o in imported.outcomes.values() if o.status == "added"]
    assert [f.name for f in files] == sorted(f"{o.article_id}.md" for o in added)
    for file in files:
        article = load_article(file)
        assert ID_PATTERN.match(article.id) and file.stem == article.id
        assert article.warnings == ()
        for text in (article.title, article.body, article.outlet or "", article.url or ""):
            assert not UNSAFE.search(text.replace("\n", ""))
            assert not any(mark in text for mark in BIDI)


def test_duplicate_ids_both_survive_under_different_ids(imported: Imported) -> None:
    first = imported.outcomes["duplicate-a.md"].article_id
    second = imported.outcomes["duplicate-b.md"].article_id

    assert first == "same-id" and second not in (None, "same-id")
    assert "zeppelins" in load_article(imported.articles / "same-id.md").body
    assert "balloons" in load_article(imported.articles / f"{second}.md").body


def test_nothing_is_written_outside_the_library(imported: Imported) -> None:
    written = {
        path.relative_to(imported.root).parts[0]
        for path in imported.root.rglob("*")
        if not path.is_dir()
    }

    assert written <= {"inbox", "home", "index", "outside-secret.md"}
    assert sorted(p.name for p in (imported.root / "home").iterdir()) == ["articles"]
    assert not list(imported.root.rglob("PWNED")) and not Path("PWNED").exists()


def test_every_imported_article_is_searchable(imported: Imported) -> None:
    listed = {hit.id for hit in imported.library.search("", limit=None).hits}

    added = {o.article_id for o in imported.outcomes.values() if o.status == "added"}
    assert listed == added


def test_importing_the_same_folder_again_adds_nothing(imported: Imported) -> None:
    before = sorted(imported.articles.iterdir())

    again = imported.library.add([imported.root / "inbox"])

    assert [o for o in again if o.status != "skipped"] == []
    assert sorted(imported.articles.iterdir()) == before


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The nasty files used as a corpus folder, not imported: (corpus, index, home)."""
    root = tmp_path_factory.mktemp("hostile-corpus")
    write_all(root / "corpus")
    (root / "home").mkdir()
    return root / "corpus", root / "index", root / "home"


def test_indexing_a_hostile_corpus_warns_once_per_bad_file(
    indexed: tuple[Path, Path, Path],
) -> None:
    corpus, index, home = indexed

    run = run_nkreader("--corpus", corpus, "--index", index, "index", home=home)

    assert_no_traceback(run)
    assert run.returncode == 0 and run.stdout.startswith("index updated: ")
    refused = [n for n in NASTY if n.outcome == "refused" and n.name not in SYMLINKS]
    for nasty in refused:
        lines = [line for line in run.stderr.splitlines() if f"/{nasty.name}: " in line]
        assert len(lines) == 1 and nasty.reason in lines[0], (nasty.name, run.stderr)
    duplicate = [line for line in run.stderr.splitlines() if "duplicate id 'same-id'" in line]
    assert len(duplicate) == 1 and "duplicate-b.md" in duplicate[0]
    assert not UNSAFE.search(run.stderr.replace("\n", ""))


def test_a_hostile_corpus_lists_every_good_file_and_no_link_out(
    indexed: tuple[Path, Path, Path],
) -> None:
    corpus, index, home = indexed

    run = run_nkreader("--corpus", corpus, "--index", index, "list", "--json", home=home)

    assert_no_traceback(run)
    paths = {Path(hit["id"]) for hit in json.loads(run.stdout)}
    good = [n for n in NASTY if n.outcome != "refused" and n.name != "duplicate-b.md"]
    assert len(paths) == len(good)
    titles = run_nkreader("--corpus", corpus, "--index", index, "list", home=home).stdout
    assert "Secret outside" not in titles and "secret" not in titles.lower()


def test_add_prints_one_status_line_per_hostile_file(nkreader: Nkreader, tmp_path: Path) -> None:
    write_all(tmp_path / "inbox")

    run = nkreader(
        "--corpus", tmp_path / "none", "--index", tmp_path / "index", "add", tmp_path / "inbox"
    )

    assert_no_traceback(run)
    assert run.returncode == 0
    statuses = [line for line in run.stdout.splitlines() if line.startswith(("added", "skipped"))]
    assert len(statuses) == len(NASTY)


def test_add_keeps_one_line_per_file_for_a_newline_in_its_name(
    nkreader: Nkreader, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "two\nlines \x1b[2J.md").write_text("A report with an odd name\n\nMissile body.\n")

    run = nkreader("--corpus", tmp_path / "none", "--index", tmp_path / "index", "add", inbox)

    assert run.returncode == 0
    assert len(run.stdout.splitlines()) == 1 and "\x1b" not in run.stdout


def test_index_warnings_stay_one_line_for_odd_file_names(
    nkreader: Nkreader, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty\nname \x1b]0;pwned\x07.md").write_bytes(b"")

    run = nkreader("--corpus", corpus, "--index", tmp_path / "index", "index")

    assert_no_traceback(run)
    warnings = run.stderr.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("nkreader: skipped ")
    assert not UNSAFE.search(run.stderr.replace("\n", ""))
