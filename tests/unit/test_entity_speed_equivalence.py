"""The extractor's fast paths find what the plain regex scans they replace would find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nkreader.entities import Extractor, grammar
from nkreader.entities.extractor import _alias_forms, grammar_normalise
from nkreader.entities.names import LowerWords
from nkreader.entities.wordstarts import fold

REPORTS = Path(__file__).resolve().parent.parent / "data" / "entities"
LOWER_WORDS = re.compile(r"[^\w'-]([a-z]+)(?![\w'])")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def texts() -> list[str]:
    bodies = [grammar_normalise(p.read_text(encoding="utf-8")) for p in sorted(REPORTS.iterdir())]
    odd = "Mr Smith-Mr Jones met Ballistic missiles; NUCLEAR WEAPONS. first plenary meeting"
    return [*bodies, *(b.upper() for b in bodies), *(b.lower() for b in bodies), odd]


def test_fold_keeps_offsets_and_maps_what_case_blind_regexes_match() -> None:
    assert fold("İstanbul ıd ſhip KEY") == "istanbul id ship key"
    assert len(fold("Straße İ")) == len("Straße İ")


@pytest.mark.parametrize("name", ["EVENT", "DATE", "QUANTITY"])
def test_word_starts_hold_every_trigger_hit(extractor: Extractor, name: str) -> None:
    trigger = getattr(grammar, f"{name}_TRIGGER")
    for text in texts():
        starts = set(extractor._starts.find("\n" + fold(text))[name])
        assert {hit.end() for hit in trigger.finditer(text)} <= starts


def test_word_starts_hold_every_weapon_class_start(extractor: Extractor) -> None:
    weapons = extractor._weapons
    for text in texts():
        starts = extractor._starts.find("\n" + fold(text))
        assert {
            m.end()
            for m in re.finditer(r"[^\w]", text)
            if weapons.weapon_class.match(text, m.start())
        } <= set(starts["class"])
        assert {
            m.end()
            for m in re.finditer(r"[^\w]", text)
            if weapons.bare_class.match(text, m.start())
        } <= set(starts["bare"])


def test_known_names_match_one_scan_of_all_aliases(extractor: Extractor) -> None:
    forms = _alias_forms(extractor.knowledge)
    known = re.compile(r"[^\w](" + grammar.trie_pattern(forms, cased_first=True) + r")(?![\w]|-\d)")
    for text in texts():
        expected = [(m.start(1) - 1, m.end(1) - 1) for m in known.finditer("\n" + text)]
        starts = extractor._starts.find("\n" + fold(text))["known"]
        assert extractor._known_matches(text, "\n" + text, starts) == expected


def test_lower_words_answer_as_the_set_of_lower_case_words() -> None:
    for text in texts():
        words = set(LOWER_WORDS.findall(text))
        lower_words = LowerWords(text)
        candidates = {w.casefold() for w in re.findall(r"[\w'-]+", text)} | {"", "a-b", "Kim"}
        assert {w for w in candidates if lower_words[w]} == words & candidates
