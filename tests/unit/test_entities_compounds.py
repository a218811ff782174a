"""Mentions that grow over the words around them: unit numbers, system names, legal forms."""

from __future__ import annotations

import pytest

from nkreader.entities import Extractor

REPORT = """Allied drills widen near the peninsula

Soldiers of the 3rd Marine Expeditionary Force landed near Pohang on Tuesday, while the
25th Infantry Division moved north and the Second Artillery Corps fired a salvo. Ships of
Carrier Strike Group 5 sailed with Task Force 70. Later, a US air force 767 landed in Osan.

Two B-1B Lancer bombers flew with F-16Cs and an AH-64D Apache, while a UH-60 Black Hawk
waited. A Patriot PAC-2 GEM battery and an SM-3 Block IIA interceptor stood by. Tank crews
drove M1A2s; sailors loaded Mk-54 torpedoes. Three destroyers and a frigate escorted them.
The B-1B returned on Wednesday. A KN-23 Monday launch was reported.
"""


@pytest.fixture(scope="module")
def found() -> dict[str, tuple[str, str]]:
    return {m.text: (m.type, m.canonical) for m in Extractor().extract(REPORT)}


@pytest.mark.parametrize(
    "text",
    [
        "3rd Marine Expeditionary Force",
        "25th Infantry Division",
        "Second Artillery Corps",
        "Carrier Strike Group 5",
        "Task Force 70",
    ],
)
def test_a_military_unit_keeps_its_number(found: dict[str, tuple[str, str]], text: str) -> None:
    assert found[text][0] == "ORG"


def test_a_lower_case_service_takes_no_number(found: dict[str, tuple[str, str]]) -> None:
    assert found["US air force"][0] == "ORG"
    assert "US air force 767" not in found


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("B-1B Lancer", "B-1B"),
        ("AH-64D Apache", "AH-64D"),
        ("UH-60 Black Hawk", "UH-60"),
        ("SM-3 Block IIA", "Standard Missile-3"),
        ("F-16Cs", "F-16C"),
        ("M1A2s", "M1A2"),
        ("Mk-54", "MK-54"),
    ],
)
def test_a_designation_takes_the_systems_name(
    found: dict[str, tuple[str, str]], text: str, canonical: str
) -> None:
    assert found[text] == ("WEAPON", canonical)


def test_a_name_before_a_designation_and_a_variant_after_make_one_weapon(
    found: dict[str, tuple[str, str]],
) -> None:
    assert found["Patriot PAC-2 GEM"] == ("WEAPON", "Patriot")


def test_the_short_designation_later_is_the_same_weapon(
    found: dict[str, tuple[str, str]],
) -> None:
    assert found["B-1B"] == found["B-1B Lancer"]


def test_days_and_months_are_not_system_names(found: dict[str, tuple[str, str]]) -> None:
    assert found["KN-23"][0] == "WEAPON"
    assert found["Monday"][0] == "DATE"


def test_bare_platforms_are_no_weapon_class(found: dict[str, tuple[str, str]]) -> None:
    assert "destroyers" not in found
    assert "frigate" not in found


def mentions(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in Extractor().extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It fired a Hwasong-19 intercontinental ballistic missile.",
            [
                ("Hwasong-19", "Hwasong-19"),
                ("intercontinental ballistic missile", "intercontinental ballistic missile"),
            ],
        ),
        (
            "Two KF-16 fighter jets scrambled.",
            [("KF-16", "KF-16"), ("fighter jets", "fighter jet")],
        ),
        (
            "The order covers 288 K239 Chunmoo multiple rocket launchers.",
            [("K239 Chunmoo", "K239"), ("multiple rocket launchers", "multiple rocket launcher")],
        ),
    ],
)
def test_a_weapon_and_the_class_term_after_it_are_two_mentions(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = [(m.text, m.canonical) for m in Extractor().extract(text) if m.type == "WEAPON"]

    assert found == expected


def test_a_bare_head_is_no_class_and_a_descriptive_word_stays_out_of_one() -> None:
    text = "B-1B bombers flew as the Malligyong-1 military reconnaissance satellite passed."

    assert [w for w, kind in mentions(text) if kind == "WEAPON"] == [
        "B-1B",
        "Malligyong-1",
        "reconnaissance satellite",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "Strategic Force of the Korean People's Army",
        "Munitions Industry Department of the WPK Central Committee",
        "Royal Bank of Scotland",
    ],
)
def test_a_body_of_a_larger_organisation_is_one_name(name: str) -> None:
    assert mentions(f"Officials of the {name} declined to comment.") == [(name, "ORG")]


def test_a_company_of_a_country_is_two_names() -> None:
    assert mentions("Phones by Samsung of South Korea sold well.") == [
        ("Samsung", "ORG"),
        ("South Korea", "GPE"),
    ]


def test_land_systems_drop_the_hyphen_before_three_digits_but_roads_do_not() -> None:
    found = mentions("M777 howitzers and K239 launchers were parked off the M25 near the A1.")

    assert [w for w, kind in found if kind == "WEAPON"] == ["M777", "K239"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "After the launch of the Hwasong-18 Kim Jong Un praised the scientists.",
            [("Hwasong-18", "WEAPON"), ("Kim Jong Un", "PERSON")],
        ),
        ('"The Hwasong-17 I saw in the parade was huge," he said.', [("Hwasong-17", "WEAPON")]),
        (
            "Russia fired an Iskander KN-23 at Kharkiv.",
            [("Russia", "GPE"), ("Iskander", "WEAPON"), ("KN-23", "WEAPON"), ("Kharkiv", "GPE")],
        ),
        (
            "The drills were announced by the Defense Department 10 days ago.",
            [("Defense Department", "ORG"), ("10 days ago", "DATE")],
        ),
        (
            "Units from the US Army 2 km from the border took part.",
            [("US Army", "ORG"), ("2 km", "QUANTITY")],
        ),
        (
            "Officials said Tuesday last week's launch had failed.",
            [("Tuesday", "DATE"), ("last week", "DATE")],
        ),
        ("Workers toil 16 hours 7 days a week.", [("16 hours", "DATE"), ("7 days", "DATE")]),
        (
            "It served for two years last September.",
            [("two years", "DATE"), ("last September", "DATE")],
        ),
    ],
)
def test_what_does_not_grow(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


def test_flu_strains_are_not_weapons() -> None:
    assert not any(kind == "WEAPON" for _, kind in mentions("Cases of H5N1 and H7N9 rose."))


def test_a_numbered_unit_and_a_numbered_event_take_their_ordinal() -> None:
    text = "Troops of the 11th Corps left before the 22nd Shangri-La Dialogue opened."

    assert mentions(text) == [("11th Corps", "ORG"), ("22nd Shangri-La Dialogue", "EVENT")]


def test_an_abbreviated_month_that_is_also_a_name_is_no_date_alone() -> None:
    found = mentions("He met Defense Minister Dong Jun. Talks on Jun. 5 went well.")

    assert ("Jun", "DATE") not in found and ("Jun.", "DATE") not in found
    assert ("Jun. 5", "DATE") in found


def test_well_known_systems_of_other_countries_are_weapons() -> None:
    found = mentions("Russia fired Kalibr and Zircon missiles; Ukraine answered with Storm Shadow.")

    assert [w for w, kind in found if kind == "WEAPON"] == ["Kalibr", "Zircon", "Storm Shadow"]


def test_an_exercise_named_with_its_year_and_round_is_an_event() -> None:
    text = "The PLA ended Strait Thunder-2025A, months after Joint Sword-2024B."

    assert ("Strait Thunder-2025A", "EVENT") in mentions(text)
    assert ("Joint Sword-2024B", "EVENT") in mentions(text)


def test_a_hyphenated_origin_ends_a_name() -> None:
    text = "The Panama-flagged Kum Hae met a tanker, and Seoul-based Asan Institute staff watched."

    assert mentions(text) == [
        ("Panama", "GPE"),
        ("Seoul", "GPE"),
        ("Asan Institute", "ORG"),
    ]


LONG = "Officials said on Monday that {} and the talks went on, as planned."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the Foreign Ministry of North Korea protested",
            [("Foreign Ministry", "ORG"), ("North Korea", "GPE")],
        ),
        (
            "the Korean Central News Agency of North Korea reported",
            [("Korean Central News Agency", "ORG"), ("North Korea", "GPE")],
        ),
        (
            "on March 22nd Shangri-La Dialogue delegates met",
            [("March 22nd", "DATE"), ("Shangri-La Dialogue", "EVENT")],
        ),
        ("the 3rd Army Day parade was held", []),
        ("traffic on the M4-5 stretch and the K2-0 score were reported", []),
        ("Lt Gen JS Dhillon praised JS Bach", [("JS Dhillon", "PERSON")]),
        (
            "the destroyer JS Maya sailed with the USS Carl Vinson.",
            [("JS Maya", "WEAPON"), ("USS Carl Vinson", "WEAPON")],
        ),
    ],
)
def test_what_the_new_rules_leave_alone(text: str, expected: list[tuple[str, str]]) -> None:
    found = mentions(LONG.format(text))

    assert found[1:] == expected  # after "Monday"
