from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import whoosh.query

import nkreader.index
from nkreader.index import IndexDoc, SearchIndex
from nkreader.library import Library, LibraryError
from nkreader.model import SearchResult

HWASONG = "hwasong-icbm-launch"
SATELLITE = "satellite-launch-failure"
DRONES = "drone-incursion-seoul"
SANCTIONS = "sanctions-shipping-report"
NUCLEAR = "nuclear-test-site"
CYBER = "cyber-crypto-theft"
ARTILLERY = "artillery-drill-yeonpyeong"
UNDATED = "party-plenary-analysis"


def ids(result: SearchResult) -> set[str]:
    return {hit.id for hit in result.hits}


def highlighted(result: SearchResult, article_id: str) -> list[str]:
    """The words a hit's snippet highlights, read back through the spans."""
    hit = next(hit for hit in result.hits if hit.id == article_id)
    assert hit.snippet is not None
    return [hit.snippet.text[start:end] for start, end in hit.snippet.highlights]


def test_words_must_all_match(shared_library: Library) -> None:
    assert ids(shared_library.search("satellite debris")) == {SATELLITE}


def test_a_plural_finds_the_singular(shared_library: Library) -> None:
    assert ids(shared_library.search("missiles")) == {HWASONG, SATELLITE}


def test_or_matches_either_word(shared_library: Library) -> None:
    assert ids(shared_library.search("drones OR cryptocurrency")) == {DRONES, CYBER}


@pytest.mark.parametrize("query", ["missile NOT satellite", "missile -satellite"])
def test_not_and_minus_exclude_a_word(shared_library: Library, query: str) -> None:
    assert SATELLITE in ids(shared_library.search("missile"))

    assert ids(shared_library.search(query)) == {HWASONG}


def test_a_query_of_only_an_excluded_word_lists_the_rest(shared_library: Library) -> None:
    result = shared_library.search("-satellite")

    assert ids(result) == ids(shared_library.search("NOT satellite"))
    assert not ids(result) & {SATELLITE, NUCLEAR}


def test_a_hyphen_inside_a_name_is_not_a_not(shared_library: Library) -> None:
    assert ids(shared_library.search("Punggye-ri")) == {NUCLEAR}


def test_a_quoted_phrase_needs_the_words_side_by_side(shared_library: Library) -> None:
    assert ARTILLERY in ids(shared_library.search("east sea"))

    assert ids(shared_library.search('"east sea"')) == {HWASONG}


def test_a_prefix_matches_longer_words(shared_library: Library) -> None:
    assert ids(shared_library.search("crypto*")) == {CYBER}


@pytest.mark.parametrize(
    "query", ["mis*", "launch*", "missile laun*", "korea* -satell*", "title:sat* OR dron*", "s*"]
)
def test_prefixes_rank_as_whooshs_union_of_their_words(
    shared_library: Library, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document scores one for each word of a prefix it holds, in any library size.

    (Whoosh itself gives a small library constant scores and a large one these.)
    """
    fast = shared_library.search(query, limit=None, snippets=False)
    monkeypatch.setattr(nkreader.index, "_join_prefixes", lambda parsed: parsed)
    monkeypatch.setattr(nkreader.index._BoundedPrefix, "matcher", whoosh.query.Prefix.matcher)
    monkeypatch.setattr(whoosh.query.Or, "matcher_type", whoosh.query.Or.DEFAULT_MATCHER)
    whooshs = shared_library.search(query, limit=None, snippets=False)

    assert fast.total == whooshs.total > 0
    assert [(h.id, round(h.score, 9)) for h in fast.hits] == [
        (h.id, round(h.score, 9)) for h in whooshs.hits
    ]


@pytest.mark.parametrize("query", ["mis*^2", "(mis* report)^2", "title:mis*^3 OR mis*"])
def test_a_limited_list_is_the_top_of_the_whole_one(tmp_path: Path, query: str) -> None:
    # Enough matches that Whoosh would prune its matchers by the scores kept so far.
    bodies = ["missile"] * 3 + ["missile mission misty"] * 3 + ["missile"] * 14
    bodies.append("missile mission misty mist")
    index = SearchIndex(tmp_path / "index")
    index.write(
        IndexDoc(f"d{i:02}", f"/d{i}", str(i), "report", body, None, None, ())
        for i, body in enumerate(bodies)
    )

    whole, top = index.search(query, limit=None), index.search(query, limit=3)

    assert top.total == whole.total == len(bodies)
    assert top.ranked == whole.ranked[:3]
    assert top.ranked[0][0] == "d20"


def test_fuzzy_matches_a_misspelling(shared_library: Library) -> None:
    assert ids(shared_library.search("chollma~")) == {SATELLITE}


def test_title_field_ignores_the_body(shared_library: Library) -> None:
    assert HWASONG in ids(shared_library.search("launch"))

    assert ids(shared_library.search("title:launch")) == {SATELLITE}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("outlet:reuters", {SANCTIONS}),
        ('outlet:"korea herald"', {DRONES}),
        ("tag:cyber", {CYBER}),
        ("tag:air-defence", {DRONES}),
    ],
)
def test_outlet_and_tag_fields(shared_library: Library, query: str, expected: set[str]) -> None:
    assert ids(shared_library.search(query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("published:2022", {DRONES, NUCLEAR, CYBER}),
        ("published:2022-12", {DRONES}),
        ("published:2022-06-07", {NUCLEAR}),
        ("published:[2022-01-01 to 2023-06-30]", {CYBER, NUCLEAR, DRONES, SATELLITE}),
        ("published:2022 drones", {DRONES}),
    ],
)
def test_published_dates_years_months_and_ranges(
    shared_library: Library, query: str, expected: set[str]
) -> None:
    assert ids(shared_library.search(query)) == expected


@pytest.mark.parametrize(
    ("query", "article_id", "word"),
    [
        ("missile", HWASONG, "missile"),
        ("missiles", SATELLITE, "missile"),
        ('"east sea"', HWASONG, "east sea"),
        ("crypto*", CYBER, "cryptocurrency"),
        ("chollma~", SATELLITE, "chollima"),
        ("title:chollma~", SATELLITE, "chollima"),
        ("title:rocket", SATELLITE, "rocket"),
        ("published:2022 drones", DRONES, "drones"),
    ],
    ids=["word", "stemmed", "phrase", "prefix", "fuzzy", "fielded-fuzzy", "fielded", "dated"],
)
def test_highlights_point_at_the_matched_words(
    shared_library: Library, query: str, article_id: str, word: str
) -> None:
    words = highlighted(shared_library.search(query), article_id)

    assert words
    assert {w.lower() for w in words} == {word}


def test_highlights_leave_excluded_words_alone(shared_library: Library) -> None:
    words = highlighted(shared_library.search("sea -satellite"), HWASONG)

    assert {w.lower() for w in words} == {"sea"}


def test_snippet_shows_the_passage_around_a_late_match(
    library: Library, corpus_dir: Path, article_text: Callable[..., str]
) -> None:
    filler = " ".join(["The delegation discussed trade and fishing rights."] * 40)
    (corpus_dir / "long.md").write_text(
        article_text("long-report", "Long report", f"{filler} A zeppelin appeared. {filler}")
    )

    hit = library.search("zeppelin").hits[0]

    assert hit.snippet is not None
    assert "zeppelin" in hit.snippet.text
    assert len(hit.snippet.text) < 300


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sorting_by_date_puts_undated_articles_last(shared_library: Library, sort: str) -> None:
    hits = shared_library.search("north", sort=sort).hits  # every test article says "North"
    dates = [hit.published for hit in hits if hit.published is not None]

    assert len(hits) == 8
    assert dates == sorted(dates, reverse=sort == "newest")
    assert hits[-1].id == UNDATED


def test_sorting_by_date_keeps_the_query(shared_library: Library) -> None:
    assert [hit.id for hit in shared_library.search("missile", sort="oldest").hits] == [
        SATELLITE,
        HWASONG,
    ]


def test_an_empty_query_lists_the_whole_library(shared_library: Library) -> None:
    assert shared_library.search("").total == 8


def test_limit_caps_the_hits_but_not_the_total(shared_library: Library) -> None:
    result = shared_library.search("north", limit=3)

    assert len(result.hits) == 3
    assert result.total == 8


def test_a_misspelt_query_suggests_a_correction_that_finds_hits(shared_library: Library) -> None:
    result = shared_library.search("sattelite lanch")

    assert result.total == 0
    assert result.suggestion == "satellite launch"
    assert shared_library.search(result.suggestion).total > 0


def test_a_query_with_hits_suggests_nothing(shared_library: Library) -> None:
    assert shared_library.search("satellite").suggestion is None


def test_a_suggestion_keeps_the_field_name(shared_library: Library) -> None:
    assert shared_library.search("title:satelite").suggestion == "title:satellite"


@pytest.mark.parametrize(
    "query",
    ['"east sea', 'east sea"', "east (sea", "east sea)", "[east sea", "east sea]"],
)
def test_unbalanced_quotes_and_brackets_fall_back_to_the_words(
    shared_library: Library, query: str
) -> None:
    assert ids(shared_library.search(query)) == {HWASONG, ARTILLERY}


def test_an_unclosed_date_range_is_explained(shared_library: Library) -> None:
    assert shared_library.search("published:[2022 to").notice is not None


@pytest.mark.parametrize(
    "query",
    ["sanctions OR", "OR sanctions", "sanctions AND", "sanctions NOT"],
)
def test_a_dangling_operator_is_ignored_or_explained(shared_library: Library, query: str) -> None:
    result = shared_library.search(query)

    assert ids(result) == {SANCTIONS} or result.notice is not None


@pytest.mark.parametrize("query", ["NOT", "OR", "AND", "-", "*", "~", "title:", '"', ":", "^2"])
def test_bare_operators_never_raise(shared_library: Library, query: str) -> None:
    result = shared_library.search(query)

    assert result.total >= 0


def test_an_impossible_date_is_explained(shared_library: Library) -> None:
    result = shared_library.search("published:2022-13")

    assert result.notice is not None
    assert "month" in result.notice


def test_related_articles_share_key_terms_and_exclude_the_article(
    shared_library: Library,
) -> None:
    related = [hit.id for hit in shared_library.related(HWASONG)]

    assert HWASONG not in related
    assert related[0] == SATELLITE  # the only other missile launch


@pytest.mark.parametrize(
    ("ref", "expected"),
    [("sat", SATELLITE), ("nuclear-test-site", NUCLEAR), ("  cyb ", CYBER)],
)
def test_a_unique_id_prefix_resolves(shared_library: Library, ref: str, expected: str) -> None:
    assert shared_library.resolve(ref) == expected


def test_an_ambiguous_prefix_names_the_candidates(shared_library: Library) -> None:
    with pytest.raises(LibraryError, match="ambiguous") as raised:
        shared_library.resolve("sa")

    assert SATELLITE in str(raised.value) and SANCTIONS in str(raised.value)


@pytest.mark.parametrize("ref", ["zzz", "", "satellite-launch-failure-2"])
def test_an_unknown_id_is_refused(shared_library: Library, ref: str) -> None:
    with pytest.raises(LibraryError, match="no article"):
        shared_library.resolve(ref)
