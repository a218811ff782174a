"""Organisations named around a place or nationality, in lists and after articles.

Sentences written for these tests in the style of business and politics reports; none of
these organisations is in the curated knowledge.
"""

from __future__ import annotations

from nkreader.entities import Extractor

EXTRACTOR = Extractor()


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in EXTRACTOR.extract(text)]


def test_an_article_before_the_name_is_left_out() -> None:
    mentions = found('The Liberal Democrats said the plan "beggared belief".')

    assert ("Liberal Democrats", "ORG") in mentions
    assert ("Democrats", "NORP") not in mentions


def test_a_listed_name_around_a_place_is_split_from_the_names_before_it() -> None:
    text = "Lenders include a US development agency, the Eximbank and Credit Suisse First Boston."

    mentions = found(text)

    assert ("Credit Suisse First Boston", "ORG") in mentions
    assert ("Boston", "GPE") not in mentions


def test_a_nationality_starting_a_listed_company_name_belongs_to_it() -> None:
    text = "Analysts said oil companies like Exxon Mobil and British Petroleum would gain."

    assert ("British Petroleum", "ORG") in found(text)


def test_a_name_with_its_head_after_and_stays_whole() -> None:
    text = "Officials at the Texas Parks and Wildlife Department closed the lake."

    mentions = found(text)

    assert ("Texas Parks and Wildlife Department", "ORG") in mentions
    assert ("Texas Parks", "ORG") not in mentions


def test_a_place_with_a_possessive_owns_the_name_after_it() -> None:
    mentions = found("The deal gives Brazil's Petrobras a bigger share of the field.")

    assert ("Brazil", "GPE") in mentions
    assert all(not text.startswith("Brazil's") for text, _ in mentions)


def test_a_mixed_case_acronym_spelling_the_initials_joins_its_name() -> None:
    text = (
        "Money went into the Global Alliance for Vaccines and Immunisation (Gavi). "
        "Britain, France and Gavi drew up the plan."
    )

    mentions = [m for m in EXTRACTOR.extract(text) if m.text in ("Gavi",) or "Alliance" in m.text]

    assert {m.type for m in mentions} == {"ORG"}
    assert len({m.canonical for m in mentions}) == 1
    assert sum(m.text == "Gavi" for m in mentions) == 2


def test_a_curated_acronym_after_a_place_keeps_its_own_entity() -> None:
    mentions = EXTRACTOR.extract("SEOUL, South Korea (AP) — The launch was reported, AP said.")

    credits = [m for m in mentions if m.text == "AP"]
    assert len(credits) == 2
    assert {(m.type, m.canonical) for m in credits} == {("ORG", "Associated Press")}


def test_an_organisation_named_of_a_place_takes_the_acronym_after_it() -> None:
    text = (
        "The Security Service of Ukraine (SBU) said the shells were North Korean. "
        "The SBU did not say how many."
    )

    mentions = [(m.text, m.type, m.canonical) for m in EXTRACTOR.extract(text)]

    name = ("Security Service of Ukraine", "ORG", "Security Service of Ukraine")
    assert name in mentions
    assert mentions.count(("SBU", "ORG", "Security Service of Ukraine")) == 2


def test_an_acronym_unrelated_to_the_place_before_it_is_not_that_place() -> None:
    mentions = found("Officials in Hanoi (MPAA) spoke. The MPAA declined to comment.")

    assert ("MPAA", "GPE") not in mentions


def test_a_legal_form_belongs_to_the_company_name() -> None:
    mentions = found(
        "Imagery from Planet Labs PBC and the tanker of Golden Harbor Trading Co., a firm."
    )

    assert ("Planet Labs PBC", "ORG") in mentions
    assert ("Golden Harbor Trading Co.", "ORG") in mentions
    assert ("PBC", "ORG") not in mentions


def test_wire_service_tags_are_not_organisations() -> None:
    mentions = found("(LEAD) N. Korea fires missile, ships turned off their AIS transponders.")

    assert all(text not in ("LEAD", "AIS") for text, _ in mentions)
