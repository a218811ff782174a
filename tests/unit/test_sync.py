from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nkreader.config import Settings
from nkreader.library import Library, LibraryError

OpenLibrary = Callable[[], Library]
CORE_DATA = Path(__file__).resolve().parent.parent / "data" / "core"
ARTICLES = ("cyber-crypto-theft", "drone-incursion-seoul", "nuclear-test-site")


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """Three reports: syncing is what these tests exercise, so they keep it small."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ARTICLES:
        shutil.copy(CORE_DATA / f"{name}.md", folder / f"{name}.md")
    return folder


def found(library: Library, query: str) -> list[str]:
    return [hit.id for hit in library.search(query).hits]


def counts(library: Library, **sync: Any) -> tuple[int, int, int]:
    report = library.sync(**sync)
    return report.added, report.updated, report.removed


def test_first_sync_indexes_every_article(library: Library, corpus_dir: Path) -> None:
    assert counts(library) == (len(list(corpus_dir.glob("*.md"))), 0, 0)


def test_a_second_sync_with_no_changes_does_nothing(
    library: Library, open_library: OpenLibrary
) -> None:
    library.sync()

    report = open_library().sync()

    assert (report.added, report.updated, report.removed, report.changed) == (0, 0, 0, False)


def test_a_new_file_is_added_and_searchable(
    library: Library, open_library: OpenLibrary, corpus_dir: Path, article_text: Callable[..., str]
) -> None:
    library.sync()
    (corpus_dir / "new.md").write_text(article_text("new-report", "Zeppelin", "A zeppelin flew."))

    assert counts(library) == (1, 0, 0)
    assert found(library, "zeppelin") == ["new-report"]
    assert found(open_library(), "zeppelin") == ["new-report"]


def test_a_changed_file_is_reindexed(
    library: Library, open_library: OpenLibrary, corpus_dir: Path, article_text: Callable[..., str]
) -> None:
    library.sync()
    (corpus_dir / "drone-incursion-seoul.md").write_text(
        article_text(
            "drone-incursion-seoul", "Balloons", "Balloons carrying leaflets drifted south."
        )
    )

    assert counts(library) == (0, 1, 0)
    fresh = open_library()
    assert found(fresh, "leaflets") == ["drone-incursion-seoul"]
    assert found(fresh, "helicopters") == []


def test_a_removed_file_leaves_the_index(
    library: Library, open_library: OpenLibrary, corpus_dir: Path
) -> None:
    library.sync()
    (corpus_dir / "cyber-crypto-theft.md").unlink()

    assert counts(library) == (0, 0, 1)
    fresh = open_library()
    assert fresh.search("cryptocurrency").total == 0
    assert fresh.search("cryptocur*").total == 0
    with pytest.raises(LibraryError):
        fresh.resolve("cyber")


def test_a_renamed_file_is_found_once(library: Library, corpus_dir: Path) -> None:
    library.sync()
    (corpus_dir / "cyber-crypto-theft.md").rename(corpus_dir / "renamed.md")

    library.sync()
    result = library.search("cryptocurrency")

    assert [hit.id for hit in result.hits] == ["cyber-crypto-theft"]
    assert result.total == 1


def test_a_changed_id_replaces_the_old_one(
    library: Library, open_library: OpenLibrary, corpus_dir: Path
) -> None:
    library.sync()
    path = corpus_dir / "cyber-crypto-theft.md"
    path.write_text(path.read_text().replace("id: cyber-crypto-theft", "id: lazarus-heist"))

    library.sync()
    result = open_library().search("cryptocurrency")

    assert [hit.id for hit in result.hits] == ["lazarus-heist"]
    assert result.total == 1


def test_rebuild_starts_over(library: Library, corpus_dir: Path) -> None:
    library.sync()

    report = library.sync(rebuild=True)

    assert report.rebuilt
    assert report.added == len(list(corpus_dir.glob("*.md")))
    assert found(library, "cryptocurrency") == ["cyber-crypto-theft"]


def test_a_broken_file_is_skipped_with_a_warning_and_the_rest_indexed(
    library: Library, corpus_dir: Path
) -> None:
    broken = corpus_dir / "broken.md"
    broken.write_text("---\ntitle: [never closed\n---\n\nText.\n")

    report = library.sync()

    assert report.added == len(list(corpus_dir.glob("*.md"))) - 1
    assert len(library.warnings) == 1
    assert str(broken) in library.warnings[0]


def test_a_fixed_file_is_picked_up_on_the_next_sync(
    library: Library, corpus_dir: Path, article_text: Callable[..., str]
) -> None:
    broken = corpus_dir / "broken.md"
    broken.write_text("---\ntitle: [never closed\n---\n\nText.\n")
    library.sync()

    broken.write_text(article_text("fixed-report", "Fixed", "Now a zeppelin, and longer."))

    assert counts(library) == (1, 0, 0)
    assert found(library, "zeppelin") == ["fixed-report"]


def test_a_duplicate_id_is_indexed_once_with_a_warning(
    library: Library, corpus_dir: Path, article_text: Callable[..., str]
) -> None:
    (corpus_dir / "copy.md").write_text(article_text("nuclear-test-site", "Copy", "Zeppelin."))

    library.sync()

    assert library.search("published:2022-06-07 OR zeppelin").total == 1
    assert any("duplicate id" in warning for warning in library.warnings)


def _garbage_folder(whoosh: Path) -> None:
    for child in whoosh.iterdir():
        child.unlink()
    (whoosh / "junk.bin").write_bytes(b"\x00garbage")


def _garbage_toc(whoosh: Path) -> None:
    for toc in whoosh.glob("*.toc"):
        toc.write_bytes(b"not a table of contents" * 10)


def _garbage_segments(whoosh: Path) -> None:
    for segment in whoosh.glob("MAIN_*.*"):
        if segment.name != "MAIN_WRITELOCK":
            segment.write_bytes(b"\x00" * 64)


def _old_schema(whoosh: Path) -> None:
    (whoosh / "SCHEMA_VERSION").write_text("0")


def _deleted(whoosh: Path) -> None:
    for child in whoosh.iterdir():
        child.unlink()
    whoosh.rmdir()


@pytest.mark.parametrize(
    ("damage", "notice"),
    [
        (_garbage_folder, "no readable index"),
        (_garbage_toc, "could not be read"),
        (_garbage_segments, "could not be read"),
        (_old_schema, "another nkreader version"),
        (_deleted, None),
    ],
    ids=["garbage-folder", "garbage-toc", "garbage-segments", "old-schema", "deleted"],
)
def test_a_damaged_index_is_rebuilt_with_a_one_line_notice(
    library: Library,
    open_library: OpenLibrary,
    index_dir: Path,
    damage: Callable[[Path], None],
    notice: str | None,
) -> None:
    library.sync()
    library.close()
    damage(index_dir / "whoosh")
    fresh = open_library()

    report = fresh.sync()

    assert report.rebuilt
    if notice is None:
        assert report.notice is None
    else:
        assert report.notice is not None and notice in report.notice
        assert "\n" not in report.notice
    assert found(fresh, "cryptocurrency") == ["cyber-crypto-theft"]
    assert fresh.search("").total == len(ARTICLES)


def test_a_garbage_catalog_is_rebuilt(
    library: Library, open_library: OpenLibrary, index_dir: Path
) -> None:
    library.sync()
    library.close()
    (index_dir / "catalog.sqlite").write_bytes(b"this is not a database" * 100)

    assert found(open_library(), "cryptocurrency") == ["cyber-crypto-theft"]


def test_cli_index_reports_counts_and_time(cli: Callable[..., Any]) -> None:
    run = cli("index")

    assert run.code == 0
    assert re.fullmatch(
        r"index updated: 3 added, 0 updated, 0 removed in \d+\.\d\d s\n", run.out
    ), run.out


def test_cli_index_says_up_to_date_when_nothing_changed(cli: Callable[..., Any]) -> None:
    cli("index")

    assert cli("index").out.startswith("index up to date: 0 added, 0 updated, 0 removed")


def test_cli_index_rebuild(cli: Callable[..., Any]) -> None:
    cli("index")

    assert cli("index", "--rebuild").out.startswith("index rebuilt: 3 added")


def test_cli_index_on_a_garbage_index_prints_one_notice(
    cli: Callable[..., Any], index_dir: Path
) -> None:
    cli("index")
    _garbage_toc(index_dir / "whoosh")

    run = cli("index")

    assert run.code == 0
    assert "Traceback" not in run.err
    assert len(run.err.splitlines()) == 1
    assert "rebuilding" in run.err
    assert run.out.startswith("index rebuilt: 3 added")


def test_cli_index_names_a_skipped_file_on_stderr(
    cli: Callable[..., Any], corpus_dir: Path
) -> None:
    (corpus_dir / "broken.md").write_bytes(b"Text\x00with NUL")

    run = cli("index")

    assert run.code == 0
    assert "broken.md" in run.err and "binary" in run.err
    assert "3 added" in run.out  # the good ones


def test_cli_search_syncs_first(
    cli: Callable[..., Any], corpus_dir: Path, article_text: Callable[..., str]
) -> None:
    cli("index")
    (corpus_dir / "new.md").write_text(article_text("new-report", "Zeppelin", "A zeppelin."))

    run = cli("search", "zeppelin")

    assert run.code == 0
    assert "new-report" in run.out


def test_an_empty_library_lists_and_searches_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    library = Library(Settings.build(corpus=[empty], index=tmp_path / "index"))

    assert library.search("").total == 0
    assert library.search("missile").hits == ()


def test_a_bad_file_does_not_hide_the_good_ones_on_the_next_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text("---\nid: good\ntitle: Good\n---\n\nA missile test.\n")
    (corpus / "empty.md").write_text("")
    settings = Settings.build(corpus=[corpus], index=tmp_path / "index")
    Library(settings).sync()

    again = Library(settings)

    assert [hit.id for hit in again.search("").hits] == ["good"]
    assert [hit.id for hit in again.search("missile").hits] == ["good"]


def test_a_knowledge_file_edited_while_the_library_is_open_applies_to_the_next_extraction(
    library: Library, settings: Settings
) -> None:
    library.sync()
    article = library.get("drone-incursion-seoul")
    assert "Capital Sky Watch" not in {e.canonical for e in library.entities(article)}

    settings.user_knowledge.write_text(
        "entities:\n  ORG:\n    - Capital Sky Watch | northern Seoul\n", encoding="utf-8"
    )

    found = {(e.canonical, e.type) for e in library.entities(article)}
    assert ("Capital Sky Watch", "ORG") in found
    reopened = Library(settings)
    try:
        assert ("Capital Sky Watch", "ORG") in {
            (e.canonical, e.type) for e in reopened.entities(article)
        }
    finally:
        reopened.close()
