"""Mentions that grow over the words around them, once every other span is decided.

- A company takes its legal form: "Planet Labs PBC", "Golden Harbor Trading Co.".
- A military unit takes its number: "2nd Infantry Division", "Carrier Air Wing 2".
- A weapon designation takes the system's name around it: "B-52H Stratofortress",
  "AH-64E Apache", "Patriot PAC-3 MSE".
- Dates side by side are one: "6 a.m. Tuesday", "April this year", "January–August".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nkreader.entities import grammar, lexicon
from nkreader.entities.knowledge import Knowledge, alias_key
from nkreader.entities.names import LowerWords, Span

# Legal forms that end a company's name ("Planet Labs PBC", "Golden Harbor Trading Co.").
CORPORATE_SUFFIX = re.compile(
    r",? (?:Inc|Ltd|Co|Corp|Plc|PLC|plc|LLC|LLP|PBC|AG|SA|S\.A|NV|BV|GmbH|Pte|Pty|KK)\b\.?"
    r"(?![\w-])"
)
ABBREVIATED_FORM = re.compile(r" (?:Inc|Ltd|Co|Corp)$")

# Units whose names carry a number: "7th Fleet", "Second Army", "Task Force 70".
UNIT_HEADS = frozenset(
    """army corps division brigade regiment battalion company squadron wing group fleet force
    command flotilla battery committee bureau department""".split()
)
ORDINAL_BEFORE = re.compile(
    r"(?<![\w.,-])(?:\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|"
    r"Eighth|Ninth|Tenth|Eleventh|Twelfth) $"
)
NUMBER_AFTER = re.compile(r" \d{1,3}(?!\w|[.,:/]\d|-| ?%)")

# Up to two capitalised words after a designation ("Super Hornet", "Block IIA").
_WORD = r"([A-Z][a-z]+|(?:I{1,3}|IV|VI{0,3})[A-C]?)"
SYSTEM_NAME_AFTER = re.compile(rf" {_WORD}(?: {_WORD})?(?![\w'’-])")
ROMAN = re.compile(r"(?:I{1,3}|IV|VI{0,3})[A-C]?")
# A short unknown acronym after a designation: the variant ("PAC-3 MSE").
VARIANT_AFTER = re.compile(r" ([A-Z]{2,4})(?![\w'’-])")
DURATION = re.compile(rf"(?i:{grammar.NUMBER}|several|a\s+few)[- ]{grammar.UNIT_TIME}")
MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)


def grow(
    spans: list[Span],
    norm: str,
    knowledge: Knowledge,
    lower_words: LowerWords,
    is_designation: Callable[[str], bool],
) -> list[Span]:
    """Return the spans with companies, units and weapons grown; spans they cover go."""
    grown: list[Span] = []
    reach = -1
    for span in spans:
        if span.start < reach:
            continue  # inside the span before, which grew over it
        if span.type == "DATE" and grown and _joins_date(grown[-1], span, norm):
            grown[-1].end = reach = span.end  # "6 a.m. Tuesday", "April this year"
            grown[-1].canonical = norm[grown[-1].start : span.end]
            continue
        if span.type == "ORG":
            _grow_company(span, norm)
            _grow_unit(span, norm, grown)
        elif span.type == "WEAPON" and is_designation(norm[span.start : span.end]):
            _grow_weapon(span, norm, knowledge, lower_words, grown)
        reach = max(reach, span.end)
        grown.append(span)
    return grown


def _joins_date(before: Span, span: Span, norm: str) -> bool:
    """Two dates side by side are one: a time and its day, a month and its year, a range,
    the parts of a duration ("2 hours 23 minutes"); a duration and a date stay two ("for two
    years last September")."""
    if before.type != "DATE":
        return False
    first, second = norm[before.start : before.end], norm[span.start : span.end]
    if bool(DURATION.match(first)) != bool(DURATION.match(second)):
        return False
    between = norm[before.end : span.start]
    return between == " " or (between in ("-", "–") and not second[0].isdigit())


def _grow_company(span: Span, norm: str) -> None:
    end = span.end
    if norm[end : end + 1] == "." and ABBREVIATED_FORM.search(norm, span.start, end):
        end += 1  # "Golden Harbor Trading Co."
    while suffix := CORPORATE_SUFFIX.match(norm, end):
        end = suffix.end()
    span.end = end


def _grow_unit(span: Span, norm: str, before: list[Span]) -> None:
    head = norm[span.start : span.end].rsplit(" ", 1)[-1]
    if head.casefold() not in UNIT_HEADS or not head[0].isupper():
        return  # "the US air force 767" is a plane, not a unit
    ordinal = ORDINAL_BEFORE.search(norm, max(0, span.start - 12), span.start)
    if ordinal is not None:
        _take_back(span, ordinal.start(), before)
        span.canonical = f"{norm[ordinal.start() : ordinal.end() - 1]} {span.canonical}"
    elif number := NUMBER_AFTER.match(norm, span.end):
        span.canonical = f"{span.canonical}{number.group()}"
        span.end = number.end()


def _grow_weapon(
    span: Span, norm: str, knowledge: Knowledge, lower_words: LowerWords, before: list[Span]
) -> None:
    if before and before[-1].type == "WEAPON" and before[-1].end == span.start - 1:
        # A system named before its designation ("Patriot PAC-3"): one mention, its name.
        system = norm[before[-1].start : before[-1].end]
        if norm[span.start - 1] == " " and system.isalpha() and system.istitle():
            named = before.pop()
            span.start, span.canonical = named.start, named.canonical
    if name := SYSTEM_NAME_AFTER.match(norm, span.end):
        words = [word for word in name.groups() if word]
        taken = 0
        for word in words:
            if not _system_name_word(word, knowledge, lower_words):
                break
            taken += 1
        if taken:
            span.end = name.end(taken)
            return
    if variant := VARIANT_AFTER.match(norm, span.end):
        acronym = variant.group(1)
        if alias_key(acronym) not in knowledge.names and acronym.casefold() not in lexicon.STOP:
            span.end = variant.end()


def _system_name_word(word: str, knowledge: Knowledge, lower_words: LowerWords) -> bool:
    """Whether a capitalised word after a designation can be part of the system's name."""
    folded = word.casefold()
    if ROMAN.fullmatch(word):
        return True
    if folded in lexicon.STOP or folded in MONTHS_AND_DAYS or lower_words[folded]:
        return False
    known = knowledge.names.get(alias_key(word))
    return known is None or known.type == "WEAPON"


def _take_back(span: Span, start: int, before: list[Span]) -> None:
    """Start the span earlier, dropping the spans already kept that the new start covers."""
    while before and before[-1].end > start:
        before.pop()
    span.start = start
