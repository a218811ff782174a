"""Entity extraction: span rules, aliases, dates, quantities, user knowledge, unseen reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkreader.entities import EXTRACTOR_VERSION, Extractor, group
from nkreader.model import Mention

REPORTS = Path(__file__).resolve().parent.parent / "data" / "entities"


# Built once: hypothesis tests cannot take function-scoped fixtures.
SHARED = Extractor()


@pytest.fixture
def extractor() -> Extractor:
    return SHARED


def spans(extractor: Extractor, text: str) -> dict[str, tuple[str, str]]:
    """Map each mention's text to its (type, canonical); later duplicates overwrite."""
    return {m.text: (m.type, m.canonical) for m in extractor.extract(text)}


def texts(extractor: Extractor, text: str) -> list[str]:
    return [m.text for m in extractor.extract(text)]


def test_version_is_a_non_empty_string() -> None:
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def test_determiners_titles_and_possessives_are_outside_spans(extractor: Extractor) -> None:
    found = spans(
        extractor,
        "North Korea's leader Kim Jong Un warned the United States, "
        "South Korean President Lee Jae-myung said.",
    )
    assert found["North Korea"] == ("GPE", "North Korea")
    assert found["Kim Jong Un"] == ("PERSON", "Kim Jong Un")
    assert found["United States"] == ("GPE", "United States")
    assert found["South Korean"] == ("NORP", "South Korean")
    assert found["Lee Jae-myung"][0] == "PERSON"
    assert "leader" not in " ".join(found) and "President" not in " ".join(found)


def test_titles_before_unknown_names_are_stripped(extractor: Extractor) -> None:
    found = spans(extractor, "Vice Foreign Minister Pak Myong Ho met Gen. Jonathan Harwick.")
    assert found["Pak Myong Ho"][0] == "PERSON"
    assert found["Jonathan Harwick"][0] == "PERSON"


def test_a_title_right_before_a_head_belongs_to_the_organisation(extractor: Extractor) -> None:
    text = "Kim inspected the Missile General Bureau, which Gen. Jang Chang Ha leads."
    found = {(m.text, m.type) for m in extractor.extract(text)}
    assert ("Missile General Bureau", "ORG") in found
    assert ("Jang Chang Ha", "PERSON") in found
    assert ("Bureau", "PERSON") not in found


def test_designation_spellings_and_munition_classes(extractor: Extractor) -> None:
    text = (
        "Yonhap called it the Hwaseong-19; KCNA said Hwasong-19. Marines answered with 80 "
        "artillery rounds. The missile may carry MIRVs, multiple independently targetable "
        "reentry vehicles. It was the final round of talks."
    )
    found = {m.text: (m.type, m.canonical) for m in extractor.extract(text)}
    assert found["Hwaseong-19"] == found["Hwasong-19"] == ("WEAPON", "Hwasong-19")
    assert found["artillery rounds"][0] == "WEAPON"
    assert found["MIRVs"] == found["multiple independently targetable reentry vehicles"]
    assert "round" not in found and "final round" not in found


def test_parenthesised_acronym_of_an_unknown_organisation_shares_its_canonical(
    extractor: Extractor,
) -> None:
    text = "The Institute for Far Eastern Studies (IFES) said on Friday that IFES expects more."
    mentions = [m for m in extractor.extract(text) if m.type == "ORG"]
    assert [m.text for m in mentions] == [
        "Institute for Far Eastern Studies",
        "IFES",
        "IFES",
    ]
    assert {m.canonical for m in mentions} == {"Institute for Far Eastern Studies"}


@pytest.mark.parametrize(
    "text",
    [
        "Ship-to-ship (STS) transfers rose, and STS transfers went on at night.",
        "Tankers idled in the exclusive economic zone (EEZ); the EEZ is patrolled.",
        "The initial public offering (IPO) opens Monday, and the IPO is full.",
    ],
)
def test_an_acronym_of_common_words_is_no_organisation(extractor: Extractor, text: str) -> None:
    assert [m.text for m in extractor.extract(text) if m.type == "ORG"] == []


def test_an_organisation_word_inside_a_title_is_no_organisation(extractor: Extractor) -> None:
    text = "Chief Cabinet Secretary Yoshimasa Hayashi spoke after the Cabinet met."

    assert [(m.text, m.type) for m in extractor.extract(text)] == [
        ("Yoshimasa Hayashi", "PERSON"),
        ("Cabinet", "ORG"),
    ]


def test_weapon_and_acronym_pair_are_two_mentions(extractor: Extractor) -> None:
    found = extractor.extract("a new intercontinental ballistic missile (ICBM) was shown")
    assert [(m.text, m.type) for m in found] == [
        ("intercontinental ballistic missile", "WEAPON"),
        ("ICBM", "WEAPON"),
    ]
    assert found[0].canonical == found[1].canonical


def test_hyphen_joined_names_are_split(extractor: Extractor) -> None:
    found = extractor.extract("joint US-South Korea drills and pro-Pyongyang groups")
    assert [(m.text, m.canonical) for m in found] == [
        ("US", "United States"),
        ("South Korea", "South Korea"),
        ("Pyongyang", "Pyongyang"),
    ]


def test_partial_names_resolve_to_the_full_name_but_other_kims_stay_apart(
    extractor: Extractor,
) -> None:
    text = (
        "Kim Jong-un met his sister Kim Yo Jong. Later, Kim said the talks failed. "
        "Analyst Duyeon Park of the Ohio Policy Group said Park had doubts."
    )
    found = extractor.extract(text)
    people = {(m.text, m.canonical) for m in found if m.type == "PERSON"}
    assert ("Kim Jong-un", "Kim Jong Un") in people
    assert ("Kim Yo Jong", "Kim Yo Jong") in people
    assert ("Kim", "Kim Jong Un") in people
    assert ("Park", "Duyeon Park") in people
    assert spans(extractor, text)["Ohio Policy Group"] == ("ORG", "Ohio Policy Group")


def test_spelling_variants_share_a_canonical(extractor: Extractor) -> None:
    assert extractor.canonical_for("Kim Jong-un") == ("Kim Jong Un", "PERSON")
    assert extractor.canonical_for("KIM JONG UN") == ("Kim Jong Un", "PERSON")
    assert extractor.canonical_for("KCNA") == ("Korean Central News Agency", "ORG")
    assert extractor.canonical_for("U.S.") == ("United States", "GPE")
    assert extractor.canonical_for("Hwasong 17") == ("Hwasong-17", "WEAPON")
    assert extractor.canonical_for("Blorfington Zent") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The meeting on Dec. 27 ended.", ["Dec. 27"]),
        ("Shelling began at 6 a.m. Tuesday.", ["6 a.m. Tuesday"]),
        (
            "Exports in January–August and in April this year rose.",
            ["January–August", "April this year"],
        ),
        (
            "Later Thursday it said the test came three days earlier.",
            ["Later Thursday", "three days earlier"],
        ),
        (
            "The burn lasted 105 seconds, or two minutes 5 seconds.",
            ["105 seconds", "two minutes 5 seconds"],
        ),
        (
            "Tests rose in recent months and will in the coming weeks.",
            ["recent months", "coming weeks"],
        ),
        ("He served for two years last September.", ["two years", "last September"]),
        ("It was released on Nov. 19, 2022, by KCNA.", ["Nov. 19, 2022"]),
        (
            "He visited last month and again earlier this month.",
            ["last month", "earlier this month"],
        ),
        ("A plan presented in early 2021 for five years", ["early 2021", "five years"]),
        ("It launched 23 missiles in one day", ["one day"]),
        ("Since 1984, tests rose", ["1984"]),
        ("at 10:30 a.m. local time on Monday morning", ["10:30 a.m. local time", "Monday morning"]),
        ("yesterday, Tuesday, officials said", ["yesterday", "Tuesday"]),
        ("Over the last 30 years it grew", ["last 30 years"]),
        ("a five-year plan", ["five-year"]),
    ],
)
def test_dates(extractor: Extractor, text: str, expected: list[str]) -> None:
    assert [m.text for m in extractor.extract(text) if m.type == "DATE"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a caliber of 600 mm", ["600 mm"]),
        ("less than 50 kilometers from the line", ["50 kilometers"]),
        ("it flew 1,000 km and carried 3.5 tonnes", ["1,000 km", "3.5 tonnes"]),
        ("around 92 ballistic and other missiles, more than 270 launches", ["92", "270"]),
        ("the first time, the ninth congress, the 8th Central Committee", []),
        ("tension between the two Koreas and the two countries", []),
        ("on Nov. 19, 2022, over the last 30 years", []),
        ("UN Security Council Resolution 2397 and $1.5 billion", []),
        ("seven drones crossed", ["seven"]),
    ],
)
def test_quantities(extractor: Extractor, text: str, expected: list[str]) -> None:
    assert [m.text for m in extractor.extract(text) if m.type == "QUANTITY"] == expected


def test_weapon_classes_drop_evaluative_modifiers_and_bare_heads(extractor: Extractor) -> None:
    found = spans(
        extractor,
        "high-precision ballistic missiles, strategic weapons, some missiles, "
        "the Hwasong-17 and F-35A stealth fighters near the aircraft carrier",
    )
    assert found["ballistic missiles"] == ("WEAPON", "ballistic missile")
    assert found["Hwasong-17"] == ("WEAPON", "Hwasong-17")
    assert found["F-35A"] == ("WEAPON", "F-35A")
    assert found["stealth fighters"] == ("WEAPON", "stealth fighter")
    assert found["aircraft carrier"][0] == "WEAPON"
    assert "strategic weapons" not in found and "missiles" not in found


def test_markdown_and_curly_quotes_do_not_break_spans(extractor: Extractor) -> None:
    text = "# Pyongyang\n\n> **Kim Jong Un** told the ruling Workers’ Party’s *Rodong Sinmun*."
    found = extractor.extract(text)
    assert [(m.text, m.type) for m in found] == [
        ("Pyongyang", "GPE"),
        ("Kim Jong Un", "PERSON"),
        ("Workers’ Party", "ORG"),
        ("Rodong Sinmun", "ORG"),
    ]
    assert found[2].canonical == "Workers' Party of Korea"


def test_plenary_meetings_share_one_canonical(extractor: Extractor) -> None:
    text = (
        "the sixth expanded plenary meeting of the Eighth Central Committee of the ruling "
        "Workers' Party opened. The Sixth Enlarged Plenary Meeting of the party’s 8th Central "
        "Committee closed."
    )
    events = [m for m in extractor.extract(text) if m.type == "EVENT"]
    assert len(events) == 2
    assert events[0].canonical == events[1].canonical


def test_lower_case_common_nouns_and_headline_words_are_not_names(extractor: Extractor) -> None:
    text = "# Missile Tests Soar Amid Tension\n\nThe southern neighbor and state media said so."
    assert extractor.extract(text) == ()


def test_user_knowledge_adds_and_overrides(tmp_path: Path) -> None:
    user_file = tmp_path / "knowledge.yaml"
    user_file.write_text(
        "entities:\n"
        "  ORG:\n"
        "    - Open Source Enterprise | OSE\n"
        "  WEAPON:\n"
        "    - canonical: Hwasal-2 cruise missile\n"
        "      aliases: [Hwasal-2]\n"
        "  PERSON:\n"
        "    - Kim Jong Un the Marshal | Kim Jong Un\n",
        encoding="utf-8",
    )
    custom = Extractor(user_knowledge=user_file)
    found = spans(custom, "OSE said Kim Jong Un watched a Hwasal-2 launch.")
    assert found["OSE"] == ("ORG", "Open Source Enterprise")
    assert found["Kim Jong Un"] == ("PERSON", "Kim Jong Un the Marshal")
    assert found["Hwasal-2"] == ("WEAPON", "Hwasal-2 cruise missile")
    assert Extractor().canonical_for("OSE") is None


def test_missing_user_file_is_ignored(tmp_path: Path) -> None:
    assert Extractor(user_knowledge=tmp_path / "absent.yaml").canonical_for("KCNA") is not None


def test_broken_user_file_names_the_problem(tmp_path: Path) -> None:
    user_file = tmp_path / "knowledge.yaml"
    user_file.write_text("entities:\n  PLANET:\n    - Mars\n", encoding="utf-8")
    with pytest.raises(ValueError, match="PLANET"):
        Extractor(user_knowledge=user_file)


def test_group_merges_aliases_and_orders_by_type_then_count() -> None:
    mentions = [
        Mention(0, 4, "KCNA", "ORG", "Korean Central News Agency"),
        Mention(10, 21, "Kim Jong Un", "PERSON", "Kim Jong Un"),
        Mention(30, 33, "Kim", "PERSON", "Kim Jong Un"),
        Mention(40, 43, "Kim", "PERSON", "Kim Jong Un"),
        Mention(50, 55, "Biden", "PERSON", "Joe Biden"),
        Mention(60, 86, "Korean Central News Agency", "ORG", "Korean Central News Agency"),
    ]
    entities = group(mentions)
    assert [(e.canonical, e.count) for e in entities] == [
        ("Kim Jong Un", 3),
        ("Joe Biden", 1),
        ("Korean Central News Agency", 2),
    ]
    assert entities[0].aliases == ("Kim", "Kim Jong Un")


def _by_text(mentions: tuple[Mention, ...]) -> dict[str, list[Mention]]:
    found: dict[str, list[Mention]] = {}
    for mention in mentions:
        found.setdefault(mention.text, []).append(mention)
    return found


def test_unseen_yonhap_report(extractor: Extractor) -> None:
    text = (REPORTS / "yonhap_icbm_2023.md").read_text(encoding="utf-8")
    found = _by_text(extractor.extract(text))
    assert found["Hwasong-18"][0].type == "WEAPON"
    assert found["JCS"][0].canonical == "Joint Chiefs of Staff"
    assert found["Joint Chiefs of Staff"][0].type == "ORG"
    assert found["July 12"][0].type == "DATE"
    assert found["Wednesday morning"][0].type == "DATE"
    assert found["10 a.m."][0].type == "DATE"
    assert found["1,000 kilometers"][0].type == "QUANTITY"
    assert found["Kim Jong-un"][0].canonical == "Kim Jong Un"
    assert found["Kim"][0].canonical == "Kim Jong Un"
    assert found["Kim Yo-jong"][0].canonical == "Kim Yo Jong"
    assert found["Ankit Panda"][0].type == "PERSON"
    assert found["Carnegie Endowment for International Peace"][0].type == "ORG"
    assert found["intercontinental ballistic missile"][0].type == "WEAPON"
    assert found["74 minutes"][0].type == "DATE"


def test_unseen_nk_news_report(extractor: Extractor) -> None:
    text = (REPORTS / "nknews_satellite_2024.md").read_text(encoding="utf-8")
    found = _by_text(extractor.extract(text))
    assert found["Malligyong-1"][0].type == "WEAPON"
    assert found["reconnaissance satellite"][0].type == "WEAPON"  # not "military …"
    assert found["Sohae Satellite Launching Station"][0].type == "LOC"
    assert found["NATA"][0].canonical == "National Aerospace Technology Administration"
    assert found["Choe Son Hui"][0].type == "PERSON"
    assert found["Sergei Lavrov"][0].type == "PERSON"
    assert found["38 North"][0].type == "ORG"
    assert found["USFK"][0].canonical == found["U.S. Forces Korea"][0].canonical
    assert found["THAAD"][0].type == "WEAPON"
    assert found["300 km"][0].type == "QUANTITY"
    assert found["DMZ"][0].type == "LOC"
    assert found["aircraft carrier"][0].type == "WEAPON"
    assert found["F-35C"][0].type == "WEAPON"
    assert "destroyers" not in found  # a bare platform, like "missiles", names no class
    assert found["three"][0].type == "QUANTITY"
    assert "North Korea’s" not in found


def test_unseen_reuters_report(extractor: Extractor) -> None:
    text = (REPORTS / "reuters_russia_2024.md").read_text(encoding="utf-8")
    found = _by_text(extractor.extract(text))
    assert found["Kursk"][0].type == "GPE"
    assert found["Rustem Umerov"][0].type == "PERSON"
    assert found["NIS"][0].canonical == "National Intelligence Service"
    assert found["11,000"][0].type == "QUANTITY"
    assert found["8 million"][0].type == "QUANTITY"
    assert found["KN-23"][0].type == "WEAPON"
    assert found["short-range ballistic missiles"][0].type == "WEAPON"
    assert found["war in Ukraine"][0].type == "EVENT"
    assert found["Blinken"][0].canonical == "Antony Blinken"
    assert found["Hyonhee Shin"][0].type == "PERSON"
    assert "Defence Minister" not in " ".join(found)


def test_unseen_kcna_report(extractor: Extractor) -> None:
    text = (REPORTS / "kcna_parade_2025.md").read_text(encoding="utf-8")
    found = _by_text(extractor.extract(text))
    assert "Respected Comrade" not in found
    assert found["Pak Jong Chon"][0].type == "PERSON"
    assert found["West Sea of Korea"][0].type == "LOC"
    assert found["12 km"][0].type == "QUANTITY"
    assert found["Republic of Korea"][0].canonical == "South Korea"
    assert found["tactical nuclear attack submarine"][0].type == "WEAPON"
    assert found["Korean People's Army Navy"][0].type == "ORG"
    assert found["Choe Hyon"][0].type == "WEAPON"
    assert found["next two years"][0].type == "DATE"


def _check_invariants(text: str, mentions: tuple[Mention, ...]) -> None:
    previous_end = 0
    for mention in mentions:
        assert mention.start >= previous_end
        assert mention.start < mention.end
        assert text[mention.start : mention.end] == mention.text
        previous_end = mention.end


@pytest.mark.parametrize("name", sorted(p.name for p in REPORTS.glob("*.md")))
def test_reports_give_sorted_non_overlapping_exact_spans(extractor: Extractor, name: str) -> None:
    text = (REPORTS / name).read_text(encoding="utf-8")
    _check_invariants(text, extractor.extract(text))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Kim",
                "Jong-un",
                "North",
                "Korea’s",
                "US-South",
                "Korea",
                "(ICBM)",
                "Dec.",
                "27,",
                "2022",
                "the",
                "600",
                "mm",
                "**",
                "#",
                ">",
                "“quoted”",
                "fired",
                "ballistic",
                "missiles",
                "\n",
                "Seoul",
                "Station",
                "Ministry",
                "of",
                "KN-23",
                "one",
                "day",
                "’s",
                "-",
                ".",
                "Ri",
                "B-52H",
                "early",
                "a.m.",
                "5",
            ]
        ),
        max_size=40,
    ).map(" ".join)
)
def test_any_text_gives_sorted_non_overlapping_exact_spans(text: str) -> None:
    _check_invariants(text, SHARED.extract(text))


def test_names_ending_in_a_head_reach_back_over_common_words_and_an_inner_and(
    extractor: Extractor,
) -> None:
    text = (
        "A study by the Maritime and Coastal Board was shared with the Global Water Authority "
        "and the Council of Welsh Farmers, while the King's Own Yorkshire Rifles paraded."
    )
    found = spans(extractor, text)
    assert found["Maritime and Coastal Board"][0] == "ORG"
    assert found["Global Water Authority"][0] == "ORG"
    assert found["Council of Welsh Farmers"][0] == "ORG"
    assert found["King's Own Yorkshire Rifles"][0] == "ORG"


def test_two_names_joined_by_and_stay_apart(extractor: Extractor) -> None:
    text = "Delegates of the Nordic Group and Baltic Trade Forum met in a small hall on the coast."
    found = texts(extractor, text)
    assert "Nordic Group" in found and "Baltic Trade Forum" in found


def test_unknown_capitalised_pairs_need_evidence_to_be_people(extractor: Extractor) -> None:
    text = (
        "Shares in Velmora Textiles rose as Hendrik Vossberg, the firm's chief executive, "
        "spoke. Mr Talbridge said Orin Talbridge had left."
    )
    found = spans(extractor, text)
    assert "Velmora Textiles" not in found
    assert found["Hendrik Vossberg"][0] == "PERSON"
    assert found["Orin Talbridge"][0] == "PERSON"


def test_role_acronyms_middle_initials_and_particles_in_person_names(
    extractor: Extractor,
) -> None:
    text = (
        "Green MEP Harriet Dunmore praised George W Bush, and Khalid bin Rashid replied. "
        "Lt Col Dana Whitcombe agreed."
    )
    found = spans(extractor, text)
    assert found["Harriet Dunmore"][0] == "PERSON"
    assert found["George W Bush"] == ("PERSON", "George W. Bush")
    assert found["Khalid bin Rashid"][0] == "PERSON"
    assert found["Dana Whitcombe"][0] == "PERSON"
    assert "Green" not in found or found["Green"][0] == "ORG"


def test_credit_lines_name_people(extractor: Extractor) -> None:
    text = (
        "Troops moved.\n\nReporting by Marta Quillon in Seoul and Bo Sunderby; Editing by Ilse Marr"
    )
    found = spans(extractor, text)
    for name in ("Marta Quillon", "Bo Sunderby", "Ilse Marr"):
        assert found[name][0] == "PERSON"


def test_weapon_designations_with_several_numbers_and_no_bare_heads(extractor: Extractor) -> None:
    text = (
        "It fired a Hwasal-2-17 and a Chollima-1 rocket, while Seoul showed the Hyunmoo-4 "
        "beside a liquid-fuel intercontinental ballistic missile and eight transporter erector "
        "launchers, and spoke of nuclear arms."
    )
    found = spans(extractor, text)
    assert found["Hwasal-2-17"] == ("WEAPON", "Hwasal-2-17")
    assert found["Chollima-1"][0] == "WEAPON"
    assert found["Hyunmoo-4"] == ("WEAPON", "Hyunmoo-4")
    assert found["intercontinental ballistic missile"][0] == "WEAPON"
    assert found["transporter erector launchers"] == ("WEAPON", "transporter erector launcher")
    assert found["nuclear arms"] == ("WEAPON", "nuclear weapon")


def test_wars_on_countries_nationality_adjectives_and_pronoun_one(extractor: Extractor) -> None:
    text = (
        "Critics of the war on Iraq met Welsh and Sikh groups; nor can one say the count fell "
        "from eight to four and then rose.\n\n(MORE)"
    )
    found = spans(extractor, text)
    assert found["war on Iraq"] == ("EVENT", "Iraq War")
    assert found["Welsh"][0] == "NORP" and found["Sikh"][0] == "NORP"
    assert "one" not in found and "MORE" not in found
    assert found["four"][0] == "QUANTITY"


def test_no_quantity_right_after_a_unit_name(extractor: Extractor) -> None:
    assert "7" not in texts(extractor, "Soldiers of Brigade 7 and the 12 tanks moved.")


def test_lone_unknown_words_are_typed_from_their_context(extractor: Extractor) -> None:
    text = (
        "Veldrake Holdings, of Marlowe, Virginia, won a deal. Later Veldrake said the Navy "
        "would pay. Tredwell MP Anna Corby spoke for Tredwell, and workers at Osmund airfield "
        "cheered. Strom was quiet."
    )
    found = spans(extractor, text)
    assert found["Veldrake Holdings"][0] == "ORG"
    assert found["Veldrake"] == ("ORG", "Veldrake Holdings")
    assert found["Marlowe"][0] == "GPE"
    assert found["Navy"][0] == "ORG"
    assert found["Tredwell"][0] == "ORG"
    assert found["Anna Corby"][0] == "PERSON"
    assert found["Osmund"][0] == "LOC"
    assert "Strom" not in found


def test_possessive_never_sits_inside_a_curated_name(extractor: Extractor) -> None:
    found = spans(extractor, "A report by Japan's Defense Ministry came out late on Friday.")
    assert found["Japan"] == ("GPE", "Japan")
    assert found["Defense Ministry"][0] == "ORG"
    assert "Japan's Defense Ministry" not in found


def test_place_word_inside_a_longer_name_is_not_cut_out(extractor: Extractor) -> None:
    text = "He worked for Credit Suisse First Boston and later for British Petroleum in the city."
    found = spans(extractor, text)
    assert found["Credit Suisse First Boston"][0] == "ORG"
    assert found["British Petroleum"][0] == "ORG"
    assert "Boston" not in found and "British" not in found
    people = spans(extractor, "He said Russian Sergei Lavrov met the envoy in the city.")
    assert people["Russian"][0] == "NORP"


def test_curated_geography_and_exercises(extractor: Extractor) -> None:
    text = (
        "Tankers left the Black Sea for the Strait of Hormuz while Eswatini and the Home Office"
        " watched the Foal Eagle drills near the Caucasus."
    )
    found = spans(extractor, text)
    assert found["Black Sea"][0] == "LOC"
    assert found["Strait of Hormuz"][0] == "LOC"
    assert found["Caucasus"][0] == "LOC"
    assert found["Eswatini"][0] == "GPE"
    assert found["Home Office"][0] == "ORG"
    assert found["Foal Eagle"][0] == "EVENT"


def test_bare_plural_weapon_heads_are_not_weapons(extractor: Extractor) -> None:
    found = spans(extractor, "Troops moved howitzers and tanks, then self-propelled howitzers.")
    assert "howitzers" not in found
    assert "tanks" not in found
    assert found["self-propelled howitzers"][0] == "WEAPON"


@pytest.mark.parametrize("name", ["Oh Jin-ho", "Min-ji Seo", "Daniel Oh", "Ahn Gyu-baek"])
def test_korean_names_whose_surname_is_also_a_word(extractor: Extractor, name: str) -> None:
    text = f"The meeting was chaired by {name}, who spoke for an hour."

    assert [(m.text, m.type) for m in extractor.extract(text)] == [(name, "PERSON")]


def test_the_interjection_oh_is_no_name(extractor: Extractor) -> None:
    assert extractor.extract("Oh, the launch failed again, officials said.") == ()
