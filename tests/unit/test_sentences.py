from __future__ import annotations

import pytest

from nkreader.model import Mention
from nkreader.sentences import (
    date_value,
    number_facts,
    quantity_unit,
    quantity_value,
    split_sentences,
    words,
)


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


def test_offsets_point_back_into_the_text() -> None:
    body = "# Launch\n\nNorth Korea fired a missile.  It fell into the sea.\n"
    for sentence in split_sentences(body):
        assert body[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    "abbreviation",
    ["on Dec. 27 the", "by U.S. forces", "Adm. John Aquilino", "Gen. Paul LaCamera", "No. 3 unit"],
)
def test_abbreviations_do_not_end_a_sentence(abbreviation: str) -> None:
    body = f"The meeting was held {abbreviation} said. Officials left."
    assert len(split_sentences(body)) == 2


def test_initials_and_decimals_stay_inside_a_sentence() -> None:
    body = "Analyst John F. Kennedy Jr. said the rocket flew 3.5 km. It then fell."
    assert texts(body) == [
        "Analyst John F. Kennedy Jr. said the rocket flew 3.5 km.",
        "It then fell.",
    ]


def test_month_before_a_word_ends_the_sentence_only_before_a_capital() -> None:
    assert len(split_sentences("It happened on Dec. 27, 2022. Then it rained.")) == 2


def test_us_at_the_end_of_a_sentence_splits_before_a_sentence_starter() -> None:
    assert texts("Talks moved to the U.S. The envoy agreed.") == [
        "Talks moved to the U.S.",
        "The envoy agreed.",
    ]


def test_ellipsis_inside_a_quote_does_not_split() -> None:
    body = 'He set out "the direction of the struggle against the enemy... to defend sovereignty".'
    assert len(split_sentences(body)) == 1


def test_closing_quote_belongs_to_the_sentence_it_ends() -> None:
    body = '"We will respond," he said. "The enemy will pay." Officials agreed.'
    assert texts(body) == [
        '"We will respond," he said.',
        '"The enemy will pay."',
        "Officials agreed.",
    ]


def test_markdown_headings_bullets_and_blank_lines_are_boundaries() -> None:
    body = (
        "## Missile Tests Soar\n\nPyongyang fired two missiles\non Monday\n\n"
        "* first item without a stop\n- second item\n\nA final line"
    )
    assert texts(body) == [
        "Missile Tests Soar",
        "Pyongyang fired two missiles\non Monday",
        "first item without a stop",
        "second item",
        "A final line",
    ]


def test_title_like_line_without_blank_line_stands_alone() -> None:
    body = "Missile Tests Soar in 2022\nNorth Korea has performed a record number of tests."
    assert texts(body) == [
        "Missile Tests Soar in 2022",
        "North Korea has performed a record number of tests.",
    ]


def test_empty_and_whitespace_text_have_no_sentences() -> None:
    assert split_sentences("") == ()
    assert split_sentences(" \n\n  \n") == ()


def test_words_keep_numbers_and_acronyms_whole() -> None:
    body = "The U.S. said 1,200 troops and 3.5 km; Kim’s plan."
    assert [w[2] for w in words(body)] == [
        "The",
        "U.S.",
        "said",
        "1,200",
        "troops",
        "and",
        "3.5",
        "km",
        "Kim’s",
        "plan",
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [("92", 92), ("more than 270", 270), ("1,200", 1200), ("3.5", 3.5), ("twenty-three", 23)],
)
def test_quantity_value(text: str, value: float) -> None:
    assert quantity_value(text) == value


def test_quantity_value_of_words_without_a_number_is_none() -> None:
    assert quantity_value("a quarter") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dec. 27, 2022", "2022-12-27"),
        ("Dec. 27", "--12-27"),
        ("2023", "2023"),
        ("Monday", "monday"),
    ],
)
def test_date_value(text: str, value: str) -> None:
    assert date_value(text) == value


@pytest.mark.parametrize(
    ("body", "span", "unit"),
    [
        ("a caliber of 600 mm, he said", "600 mm", "mm"),
        ("around 92 ballistic and other missiles—at one point", "92", "missile"),
        ("more than 270 missile launches and nuclear tests", "270", "launch"),
        ("less than 50 kilometers from the line", "50 kilometers", "km"),
        ("it grew 8% in a year", "8%", "%"),
    ],
)
def test_quantity_unit_from_span_or_following_noun(body: str, span: str, unit: str) -> None:
    start = body.index(span)
    mention = Mention(start, start + len(span), span, "QUANTITY", span)
    assert quantity_unit(body, mention) == unit


def test_number_facts_quote_their_sentence_and_drop_repeats() -> None:
    body = "Goals for 2023 were set. The plan for 2023 is secret. It fired 3 missiles."
    mentions = [
        Mention(body.index("2023"), body.index("2023") + 4, "2023", "DATE", "2023"),
        Mention(body.rindex("2023"), body.rindex("2023") + 4, "2023", "DATE", "2023"),
        Mention(body.index("3 m"), body.index("3 m") + 1, "3", "QUANTITY", "3"),
    ]
    facts = number_facts(body, mentions, split_sentences(body))
    assert [(f.value, f.unit, f.sentence) for f in facts] == [
        ("2023", "date", "Goals for 2023 were set."),
        (3, "missile", "It fired 3 missiles."),
    ]
