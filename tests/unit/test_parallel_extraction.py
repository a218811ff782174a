"""Extraction in worker processes gives exactly what one in-process extractor gives."""

from __future__ import annotations

import multiprocessing
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from nkreader.config import Settings, bundled_corpus
from nkreader.corpus import load_article
from nkreader.entities import Extractor, extract_many, parallel
from nkreader.library import Library
from nkreader.model import Mention

CORE_DATA = Path(__file__).resolve().parent.parent / "data" / "core"
HAND_WRITTEN = (
    "",
    "No names here at all, only lower-case words.",
    "Kim Jong Un watched a Hwasong-17 launch from Pyongyang, KCNA said.",
    "South Korea's Joint Chiefs of Staff said Seoul and Washington would respond.",
    "# OSE Briefing\n\nThe Open Source Enterprise (OSE) met Choe Son Hui in Moscow.",
)
USER_KNOWLEDGE = (
    "entities:\n"
    "  ORG:\n"
    "    - Open Source Enterprise | OSE\n"
    "  PERSON:\n"
    "    - Kim Jong Un the Marshal | Kim Jong Un\n"
)


def bodies() -> list[str]:
    """The bundled and test corpus bodies, then the hand-written texts."""
    paths = sorted(bundled_corpus().glob("*.md")) + sorted(CORE_DATA.glob("*.md"))
    return [load_article(path).body for path in paths] + list(HAND_WRITTEN)


def in_process(texts: list[str], user_knowledge: Path | None = None) -> list[tuple[Mention, ...]]:
    extractor = Extractor(user_knowledge)
    return [extractor.extract(text) for text in texts]


def test_two_workers_give_the_same_mentions_in_input_order() -> None:
    texts = bodies()
    # Small chunks put many chunks in flight, more than the lookahead keeps at once.
    chunksize = 2
    assert len(texts) > chunksize * 2 * parallel.CHUNKS_AHEAD_PER_WORKER

    found = list(extract_many(texts, jobs=2, chunksize=chunksize))

    assert found == in_process(texts)
    assert found[::-1] == list(extract_many(texts[::-1], jobs=2, chunksize=chunksize))
    assert any(found), "the texts should hold some mentions"


def test_a_single_job_extracts_in_process() -> None:
    texts = bodies()[:4]

    assert list(extract_many(texts, jobs=1)) == in_process(texts)


def test_no_texts_give_no_results() -> None:
    assert list(extract_many([], jobs=2)) == []
    assert list(extract_many(iter(()), jobs=1)) == []


def test_workers_use_the_user_knowledge_file(tmp_path: Path) -> None:
    user_file = tmp_path / "knowledge.yaml"
    user_file.write_text(USER_KNOWLEDGE, encoding="utf-8")
    texts = list(HAND_WRITTEN)

    found = list(extract_many(texts, jobs=2, user_knowledge=user_file, chunksize=1))

    assert found == in_process(texts, user_file)
    canonicals = {mention.canonical for mentions in found for mention in mentions}
    assert {"Open Source Enterprise", "Kim Jong Un the Marshal"} <= canonicals


def test_stopping_early_ends_the_workers() -> None:
    texts = bodies()
    results = extract_many(texts, jobs=2, chunksize=1)

    assert next(results) == in_process(texts[:1])[0]
    assert len(multiprocessing.active_children()) == 2
    results.close()

    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


def copy_corpus(folder: Path) -> Path:
    """Eleven articles: the bundled corpus and the test corpus side by side."""
    folder.mkdir()
    for path in [*bundled_corpus().glob("*.md"), *CORE_DATA.glob("*.md")]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def submitted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts the library hands to extraction workers, recorded on the way through."""
    texts: list[str] = []
    real_submit = parallel.ExtractionPool.submit

    def submit(pool: parallel.ExtractionPool, text: str) -> parallel.Pending:
        texts.append(text)
        return real_submit(pool, text)

    monkeypatch.setattr(parallel.ExtractionPool, "submit", submit)
    return texts


@pytest.fixture
def open_library(tmp_path: Path, home: Path) -> Iterator[Callable[[str], Library]]:
    """Libraries over one corpus, each with its own index folder."""
    corpus = copy_corpus(tmp_path / "corpus")
    opened: list[Library] = []

    def make(index_name: str) -> Library:
        settings = Settings(home=home, corpus_dirs=(corpus,), index_dir=tmp_path / index_name)
        opened.append(Library(settings))
        return opened[-1]

    yield make
    for library in opened:
        library.close()


ENTITY_QUERIES = (
    'entity:"Kim Jong Un the Marshal"',
    'entity:"Open Source Enterprise"',
    "entity:KCNA",
    "entity:Pyongyang",
    "entity:Seoul",
)


def test_a_big_sync_extracts_in_workers_what_a_small_one_extracts_in_process(
    open_library: Callable[[str], Library],
    home: Path,
    submitted: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (home / "knowledge.yaml").write_text(USER_KNOWLEDGE, encoding="utf-8")
    serial = open_library("serial-index")
    serial.sync()
    assert submitted == []
    monkeypatch.setattr(parallel, "MIN_TEXTS_FOR_POOL", 2)

    pooled = open_library("pooled-index")
    report = pooled.sync()

    articles = [pooled.get(hit.id) for hit in pooled.search("", limit=None).hits]
    assert report.added == len(articles) == 11
    assert sorted(submitted) == sorted(article.body for article in articles)
    for article in articles:
        assert pooled.mentions(article) == serial.mentions(article), article.id
    for query in ENTITY_QUERIES:
        expected = [hit.id for hit in serial.search(query, limit=None).hits]
        assert [hit.id for hit in pooled.search(query, limit=None).hits] == expected, query
    assert pooled.search('entity:"Kim Jong Un the Marshal"').total > 0


def test_a_big_sync_of_cached_articles_starts_no_workers(
    open_library: Callable[[str], Library],
    submitted: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "MIN_TEXTS_FOR_POOL", 2)
    library = open_library("index")
    library.sync()
    assert len(submitted) == 11

    report = library.sync(rebuild=True)

    assert report.rebuilt and report.added == 11
    assert len(submitted) == 11, "every article's mentions were in the catalog"
