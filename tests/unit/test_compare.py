from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from nkreader.compare import Comparison, Document, compare
from nkreader.compare_report import as_dict, comparison_markdown, report_text, to_json
from nkreader.corpus import load_article
from nkreader.model import EntityType, Mention

ROOT = Path(__file__).resolve().parents[2]

Spec = tuple[str, EntityType, str]


def mentions(body: str, specs: Sequence[Spec]) -> tuple[Mention, ...]:
    """Every occurrence of each surface form as a mention; longer forms claim text first."""
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for surface, kind, canonical in sorted(specs, key=lambda s: -len(s[0])):
        start = body.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                found.append(Mention(start, end, surface, kind, canonical))
            start = body.find(surface, end)
    return tuple(sorted(found, key=lambda m: m.start))


def doc(doc_id: str, body: str, specs: Sequence[Spec] = ()) -> Document:
    return Document(doc_id, doc_id.title(), body, mentions(body, specs))


def pair_with(result: Comparison, left_phrase: str, right_phrase: str) -> bool:
    return any(left_phrase in p.left.text and right_phrase in p.right.text for p in result.aligned)


WIRE = (
    "North Korea fired 12 ballistic missiles into the sea east of the peninsula on Sunday, "
    "South Korea's military said.\n\n"
    "The launches came days after the United States and South Korea ended joint drills.\n\n"
    "Japan's defence ministry said one missile flew over its territory.\n\n"
    "Analysts said Pyongyang was testing new solid-fuel engines."
)
REUSED = (
    "North Korea fired 15 ballistic missiles into the sea east of the peninsula on Sunday, "
    "South Korea's military said on Monday.\n\n"
    "The launches came days after the United States and South Korea ended joint drills.\n\n"
    "Tokyo summoned the North's envoy in Beijing."
)
BUSINESS = (
    "Quarterly profits at the media giant jumped 76% to $1.13bn for the three months to "
    "December. The firm benefited from sales of high-speed internet connections and higher "
    "advert sales. Its film division saw profits slump after box-office flops."
)


def test_verbatim_reuse_marks_the_changed_number() -> None:
    result = compare(doc("wire", WIRE), doc("reused", REUSED))
    first = next(p for p in result.aligned if "fired" in p.left.text)
    assert first.kind == "verbatim"
    changed = [(c.left_text, c.right_text) for c in first.changes if c.op == "changed"]
    added = [c.right_text for c in first.changes if c.op == "added"]
    assert changed == [("12", "15")]
    assert added == ["on Monday"]


def test_word_change_offsets_point_into_each_body() -> None:
    result = compare(doc("wire", WIRE), doc("reused", REUSED))
    for pair in result.aligned:
        for change in pair.changes:
            if change.left:
                assert WIRE[change.left[0] : change.left[1]] == change.left_text
            if change.right:
                assert REUSED[change.right[0] : change.right[1]] == change.right_text


def test_unmatched_sentences_are_unique_to_their_side() -> None:
    result = compare(doc("wire", WIRE), doc("reused", REUSED))
    assert [p.text for p in result.right_only] == ["Tokyo summoned the North's envoy in Beijing."]
    assert {p.text for p in result.left_only} == {
        "Japan's defence ministry said one missile flew over its territory.",
        "Analysts said Pyongyang was testing new solid-fuel engines.",
    }


def test_paraphrase_is_aligned_as_paraphrase() -> None:
    left = doc(
        "a",
        "The regime launched a new cruise missile from its western coast on Tuesday. "
        "Officials in Seoul condemned the provocation.",
    )
    right = doc(
        "b",
        "Seoul officials condemned what they called a provocation. "
        "A new cruise missile was launched on Tuesday from the western coast of the regime.",
    )
    result = compare(left, right)
    kinds = {p.left.text[:12]: p.kind for p in result.aligned}
    assert kinds == {"The regime l": "paraphrase", "Officials in": "paraphrase"}


def test_moved_paragraph_is_still_found() -> None:
    paragraphs = [
        "Kim Jong Un inspected a munitions factory producing artillery shells.",
        "The factory has doubled its output since spring, state media claimed.",
        "Russia is believed to have received millions of shells from the North.",
        "Ukraine says the shells have a high failure rate on the battlefield.",
    ]
    left = doc("a", "\n\n".join(paragraphs))
    right = doc("b", "\n\n".join([paragraphs[3], *paragraphs[:3]]))
    result = compare(left, right)
    assert len(result.aligned) == 4
    moved = next(p for p in result.aligned if "Ukraine" in p.left.text)
    assert moved.right.start == 0
    assert not result.left_only and not result.right_only


def test_summaries_sharing_only_entities_align_as_entities() -> None:
    specs: list[Spec] = [
        ("Kim Jong Un", "PERSON", "Kim Jong Un"),
        ("Hwasong-18", "WEAPON", "Hwasong-18"),
        ("KCNA", "ORG", "Korean Central News Agency"),
        ("Korean Central News Agency", "ORG", "Korean Central News Agency"),
        ("Pyongyang", "GPE", "Pyongyang"),
        ("Sea of Japan", "LOC", "East Sea"),
        ("East Sea", "LOC", "East Sea"),
    ]
    left = doc(
        "western",
        "KCNA reported that Kim Jong Un watched a Hwasong-18 lift off near Pyongyang "
        "before it splashed down in the Sea of Japan.",
        specs,
    )
    right = doc(
        "state",
        "The respected Comrade Kim Jong Un guided the test-fire of the Hwasong-18 at the "
        "outskirts of Pyongyang; the weapon hit the target in the East Sea, "
        "the Korean Central News Agency said.",
        specs,
    )
    result = compare(left, right)
    assert [p.kind for p in result.aligned] == ["entities"]
    both = {(e.canonical, e.left_count, e.right_count) for e in result.entities.both}
    assert ("Hwasong-18", 1, 1) in both
    assert ("East Sea", 1, 1) in both


def test_entity_table_splits_both_and_one_sided() -> None:
    specs: list[Spec] = [
        ("Kim Jong Un", "PERSON", "Kim Jong Un"),
        ("Kim", "PERSON", "Kim Jong Un"),
        ("Seoul", "GPE", "Seoul"),
        ("Tokyo", "GPE", "Tokyo"),
    ]
    left = doc("a", "Kim Jong Un spoke. Kim warned Seoul.", specs)
    right = doc("b", "Kim Jong Un spoke in Tokyo.", specs)
    entities = compare(left, right).entities
    assert [(e.canonical, e.left_count, e.right_count) for e in entities.both] == [
        ("Kim Jong Un", 2, 1)
    ]
    assert [e.canonical for e in entities.left_only] == ["Seoul"]
    assert [e.canonical for e in entities.right_only] == ["Tokyo"]


NUMBER_SPECS: list[Spec] = [
    ("12", "QUANTITY", "12"),
    ("15", "QUANTITY", "15"),
    ("600 mm", "QUANTITY", "600 mm"),
    ("92", "QUANTITY", "92"),
    ("270", "QUANTITY", "270"),
    ("Sunday", "DATE", "Sunday"),
]


def statuses(result: Comparison) -> set[tuple[str, str | None, str | None]]:
    return {
        (p.status, p.left.text if p.left else None, p.right.text if p.right else None)
        for p in result.numbers
    }


def test_conflicting_counts_differ_and_equal_measures_agree() -> None:
    left = doc(
        "a",
        "The army fired 12 ballistic missiles on Sunday. The launchers have a 600 mm caliber.",
        NUMBER_SPECS,
    )
    right = doc(
        "b",
        "The army fired 15 ballistic missiles on Sunday. Its launchers use a 600 mm caliber.",
        NUMBER_SPECS,
    )
    assert statuses(compare(left, right)) == {
        ("differ", "12", "15"),
        ("agree", "600 mm", "600 mm"),
        ("agree", "Sunday", "Sunday"),
    }


def test_counts_of_different_things_are_not_paired() -> None:
    left = doc(
        "a", "North Korea fired around 92 ballistic and other missiles this year.", NUMBER_SPECS
    )
    right = doc("b", "North Korea has made more than 270 launches since 1984.", NUMBER_SPECS)
    assert statuses(compare(left, right)) == {
        ("left_only", "92", None),
        ("right_only", None, "270"),
    }


def test_number_rows_quote_their_sentence() -> None:
    left = doc("a", "It rained. The army fired 12 ballistic missiles.", NUMBER_SPECS)
    fact = compare(left, doc("b", "Nothing else.")).numbers[0].left
    assert fact is not None
    assert (fact.value, fact.unit, fact.sentence) == (
        12,
        "missile",
        "The army fired 12 ballistic missiles.",
    )


def test_identical_articles_are_the_same_event_with_nothing_unique() -> None:
    result = compare(doc("a", WIRE), doc("b", WIRE))
    assert result.similarity >= 0.99
    assert result.verdict == "same event"
    assert not result.left_only and not result.right_only
    assert all(p.kind == "verbatim" and not p.changes for p in result.aligned)
    assert len(result.aligned) == 4


def test_unrelated_articles() -> None:
    result = compare(doc("a", WIRE), doc("b", BUSINESS))
    assert result.verdict == "unrelated"
    assert result.aligned == ()


def test_empty_article_shares_nothing() -> None:
    result = compare(doc("a", ""), doc("b", WIRE))
    assert result.verdict == "unrelated"
    assert result.similarity == 0.0
    assert result.aligned == () and result.left_only == ()
    assert len(result.right_only) == 4


def test_one_sentence_article_matching_a_longer_report() -> None:
    short = doc(
        "short",
        "North Korea fired 12 ballistic missiles into the sea east of the peninsula on Sunday.",
    )
    result = compare(short, doc("wire", WIRE))
    assert [p.kind for p in result.aligned] == ["verbatim"]
    assert result.left_only == ()
    assert result.verdict == "same event"


def test_json_offsets_slice_each_body() -> None:
    result = compare(doc("wire", WIRE), doc("reused", REUSED, NUMBER_SPECS))
    data = json.loads(to_json(result))
    assert set(data) == {
        "left",
        "right",
        "similarity",
        "verdict",
        "aligned",
        "left_only",
        "right_only",
        "entities",
        "numbers",
    }
    assert data["left"] == {"id": "wire", "title": "Wire"}
    for item in data["aligned"]:
        start, end = item["right"]
        assert REUSED[start:end] in {p.right.text for p in result.aligned}
        assert item["kind"] in {"verbatim", "paraphrase", "entities"}
    start, end = data["right_only"][0]
    assert REUSED[start:end] == "Tokyo summoned the North's envoy in Beijing."
    assert data["numbers"][0]["right"]["text"] == "15"
    assert as_dict(result)["numbers"] == data["numbers"]


def test_markdown_export_has_every_section_and_the_changed_number() -> None:
    markdown = comparison_markdown(compare(doc("wire", WIRE), doc("reused", REUSED)))
    for heading in (
        "## Aligned passages (2)",
        "## Only in left (2)",
        "## Only in right (1)",
        "## Entities",
        "## Numbers and dates",
    ):
        assert heading in markdown
    assert "- changed: `12` → `15`" in markdown
    assert "- Tokyo summoned the North's envoy in Beijing." in markdown


def test_markdown_export_escapes_table_cells() -> None:
    specs: list[Spec] = [("A|B Corp", "ORG", "A|B Corp")]
    markdown = comparison_markdown(compare(doc("x", "A|B Corp fired.", specs), doc("y", "")))
    assert "| A\\|B Corp | ORG | 1 | 0 | left |" in markdown


def test_terminal_report_lists_sections_and_passages() -> None:
    text = report_text(compare(doc("wire", WIRE), doc("reused", REUSED)), width=200)
    assert "Aligned passages (2)" in text
    assert "Only in right (1)" in text
    assert "Tokyo summoned the North's envoy in Beijing." in text
    assert "12 → 15; +on Monday" in text


def seed_body(corpus_name: str) -> str:
    """A seed report, as the bundled corpus holds it."""
    return load_article(ROOT / "corpus" / f"{corpus_name}.md").body


SEED_SPECS: list[Spec] = [
    ("Kim Jong Un", "PERSON", "Kim Jong Un"),
    ("Kim Jong-un", "PERSON", "Kim Jong Un"),
    ("Jong Un", "PERSON", "Kim Jong Un"),
    ("Workers' Party", "ORG", "Workers' Party of Korea"),
    ("Workers’ Party", "ORG", "Workers' Party of Korea"),
    ("KCNA", "ORG", "Korean Central News Agency"),
    ("North Korea", "GPE", "North Korea"),
    ("South Korea", "GPE", "South Korea"),
    ("2023", "DATE", "2023"),
    ("Wednesday", "DATE", "Wednesday"),
    ("Monday", "DATE", "Monday"),
    ("92", "QUANTITY", "92"),
    ("23", "QUANTITY", "23"),
    ("270", "QUANTITY", "270"),
]


@pytest.fixture(scope="module")
def seed_bodies() -> dict[str, str]:
    return {
        "000": seed_body("plenary-2023-army-goals"),
        "001": seed_body("plenary-drones-missile-record"),
        "003": seed_body("rocket-launcher-600mm"),
    }


def test_seeds_000_and_001_are_the_same_event(seed_bodies: dict[str, str]) -> None:
    result = compare(
        doc("000", seed_bodies["000"], SEED_SPECS), doc("001", seed_bodies["001"], SEED_SPECS)
    )
    assert result.verdict == "same event"
    assert pair_with(result, "direction of the struggle against the enemy", "direction of the")
    assert pair_with(result, "new basic goals", "New core goals")
    assert pair_with(result, "2023", "2023")
    only_right = " ".join(p.text for p in result.right_only)
    assert "drones" in only_right
    assert "around 92 ballistic" in only_right
    right_facts = {
        (p.right.value, p.right.unit)
        for p in result.numbers
        if p.status == "right_only" and p.right
    }
    assert (92, "missile") in right_facts
    assert ("agree", "2023", "2023") in statuses(result)


@pytest.mark.parametrize("seed", ["000", "001"])
def test_seed_003_is_at_most_related(seed_bodies: dict[str, str], seed: str) -> None:
    result = compare(
        doc(seed, seed_bodies[seed], SEED_SPECS), doc("003", seed_bodies["003"], SEED_SPECS)
    )
    assert result.verdict in {"related", "unrelated"}


def test_seeds_with_the_real_extractor(seed_bodies: dict[str, str]) -> None:
    from nkreader.entities import Extractor

    extractor = Extractor()
    left = Document("000", "000", seed_bodies["000"], extractor.extract(seed_bodies["000"]))
    right = Document("001", "001", seed_bodies["001"], extractor.extract(seed_bodies["001"]))
    result = compare(left, right)
    assert result.verdict == "same event"
    assert pair_with(result, "direction of the struggle", "direction of the struggle")
    assert any(p.right and p.right.value == 92 for p in result.numbers if p.status == "right_only")
    assert "Kim Jong Un" in {e.canonical for e in result.entities.both}


def test_relative_and_calendar_dates_are_not_flagged_as_differing() -> None:
    specs: list[Spec] = [
        ("today", "DATE", "today"),
        ("Dec. 27", "DATE", "Dec. 27"),
        ("Dec. 26", "DATE", "Dec. 26"),
    ]
    left = doc("a", "The plenary meeting opened today in Pyongyang, state media said.", specs)
    right = doc("b", "The plenary meeting opened on Dec. 27 in Pyongyang, state media said.", specs)
    other = doc("c", "The plenary meeting opened on Dec. 26 in Pyongyang, state media said.", specs)
    assert statuses(compare(left, right)) == {
        ("left_only", "today", None),
        ("right_only", None, "Dec. 27"),
    }
    assert statuses(compare(other, right)) == {("differ", "Dec. 26", "Dec. 27")}
