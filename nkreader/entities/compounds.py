"""Mentions that grow over the words around them, once every other span is decided.

- A company takes its legal form: "Planet Labs PBC", "Golden Harbor Trading Co.".
- A military unit takes its number: "2nd Infantry Division", "Carrier Air Wing 2".
- A body of a larger organisation is one name with it: "East Sea Fleet of the KPA Navy".
- A weapon designation takes the system's name around it: "B-52H Stratofortress",
  "AH-64E Apache", "Patriot PAC-3 MSE".
- An event or a unit takes the ordinal before it: "22nd Shangri-La Dialogue", "11th Corps".
- Dates side by side are one: "6 a.m. Tuesday", "April this year", "January–August".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nkreader.entities import grammar, lexicon
from nkreader.entities.knowledge import Knowledge, alias_key
from nkreader.entities.names import LowerWords, Span
from nkreader.entities.weapons import WeaponGrammar

# Legal forms that end a company's name ("Planet Labs PBC", "Golden Harbor Trading Co.").
CORPORATE_SUFFIX = re.compile(
    r",? (?:Inc|Ltd|Co|Corp|Plc|PLC|plc|LLC|LLP|PBC|AG|SA|S\.A|NV|BV|GmbH|Pte|Pty|KK)\b\.?"
    r"(?![\w-])"
)
ABBREVIATED_FORM = re.compile(r" (?:Inc|Ltd|Co|Corp)$")

# Military units whose names carry a number: "7th Fleet", "Second Army", "Task Force 70".
UNIT_HEADS = frozenset(
    """army corps division brigade regiment battalion company squadron wing group fleet force
    command flotilla battery committee""".split()
)
# An ordinal that starts a name: "25th", "Second".
ORDINAL = (
    r"(?<![\w.,-])(?:\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|"
    r"Eighth|Ninth|Tenth|Eleventh|Twelfth)"
)
ORDINAL_BEFORE = re.compile(rf"{ORDINAL} $")
# A numbered unit that no other rule names: "11th Corps", "Second Fleet".
# Found from the rare head word back to the ordinal: scanning for ordinals is slower.
UNIT_HEAD = re.compile(
    r" (?:Corps|Division|Brigade|Regiment|Battalion|Fleet|Army|Squadron|Wing|Command)"
    r"(?![\w'’-]| [A-Z])"  # not "3rd Army Day", "5th Avenue Command Center"
)
UNIT_ORDINAL = re.compile(rf"{ORDINAL}(?: [A-Z][a-z]+){{0,2}}$")


def numbered_units(norm: str) -> Iterator[tuple[int, int]]:
    """Spans of numbered units that no other rule names: "11th Corps", "Second Fleet"."""
    for head in UNIT_HEAD.finditer(norm):
        ordinal = UNIT_ORDINAL.search(norm, max(0, head.start() - 40), head.start())
        if ordinal is not None:
            yield ordinal.start(), head.end()


NUMBER_AFTER = re.compile(r" \d{1,3}(?!\w|[.,:/]\d|-| ?%)")

# A system's name after its designation: a capitalised word, then maybe a second word, a
# block number or a Roman numeral ("Super Hornet", "Lightning II", "Block IIA", "Block 70").
SYSTEM_NAME_AFTER = re.compile(
    r" ([A-Z][a-z]+)(?: ([A-Z][a-z]+|(?:I{1,3}|IV|VI{0,3})[A-C]?|\d{1,3}[A-Z]?))?(?![\w'’-])"
)
STEM = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)?")
# A short unknown acronym after a designation: the variant ("PAC-3 MSE").
VARIANT_AFTER = re.compile(r" ([A-Z]{2,4})(?![\w'’-])")

# Dates that make one when side by side: a time and its day, a month and its year.
_TIME = re.compile(rf"{grammar.TIME}$")
_DAY = re.compile(rf"(?:{grammar.WEEKDAYS})(?:\s+{grammar.DAY_PART})?$")
_MONTH = re.compile(
    rf"(?:(?i:early|mid|late)[- ])?(?:{grammar.MONTH_OR_MAY}(?:\s+{grammar.DAY_NUM})?"
    rf"|{grammar.DAY_NUM}\s+{grammar.MONTH_OR_MAY})$"
)
_YEAR = re.compile(rf"(?:(?i:this|last|next)\s+year|{grammar.YEAR})$")
_DURATIONS = re.compile(rf"(?:{grammar.DURATION}\s*)+$")
_DURATION = re.compile(grammar.DURATION)
_UNIT_ORDER = ("centur", "decade", "year", "month", "week", "day", "hour", "minute", "second")


def grow(
    spans: list[Span], norm: str, weapons: WeaponGrammar, lower_words: LowerWords
) -> list[Span]:
    """Return the spans with companies, units, weapons and dates grown; spans they cover go."""
    grown: list[Span] = []
    reach = -1
    for index, span in enumerate(spans):
        if span.start < reach:
            continue  # inside the span before, which grew over it
        following = spans[index + 1] if index + 1 < len(spans) else None
        if span.type == "DATE" and grown and _joins_date(grown[-1], span, norm):
            grown[-1].end = reach = span.end
            grown[-1].canonical = norm[grown[-1].start : span.end]
            continue
        if span.type in ("ORG", "GPE") and grown and _part_of(grown[-1], span, norm):
            # "the Strategic Force of the Korean People's Army" is one organisation
            owner = grown[-1]
            curated = owner.canonical != norm[owner.start : owner.end]
            owner.end = reach = span.end
            known = weapons.knowledge.lookup(norm[owner.start : owner.end])
            if known is not None and known.type == "ORG":
                owner.canonical = known.canonical
            elif not curated:
                owner.canonical = norm[owner.start : owner.end]
            continue
        if span.type == "EVENT":
            # "the 22nd Shangri-La Dialogue", "the 32nd ASEAN Regional Forum"
            ordinal = ORDINAL_BEFORE.search(norm, max(0, span.start - 12), span.start)
            in_date = bool(grown) and grown[-1].type == "DATE" and grown[-1].end > span.start - 3
            if ordinal is not None and not in_date:  # not "on March 22nd Shangri-La …"
                _take_back(span, ordinal.start(), grown)
        if span.type == "ORG":
            _grow_company(span, norm)
            _grow_unit(span, norm, grown, following)
        elif span.type == "WEAPON" and weapons.designation_canonical(norm[span.start : span.end]):
            _grow_weapon(span, norm, weapons.knowledge, lower_words, grown, following)
        reach = max(reach, span.end)
        grown.append(span)
    return grown


def _joins_date(before: Span, span: Span, norm: str) -> bool:
    """Whether two dates side by side are one date ("6 a.m. Tuesday", "April this year")."""
    # Only these shapes: "said Tuesday last week's launch" or "16 hours 7 days" are two.
    if before.type != "DATE" or norm.startswith(("'s", "’s"), span.end):
        return False
    first, second = norm[before.start : before.end], norm[span.start : span.end]
    between = norm[before.end : span.start]
    if between in ("-", "–"):
        return bool(_MONTH.match(first) and _MONTH.match(second))
    if between != " ":
        return False
    if _TIME.match(first):
        return bool(_DAY.match(second))
    if _MONTH.match(first):
        return bool(_YEAR.match(second))
    if _DURATIONS.match(first) and _DURATIONS.match(second):
        # "2 hours 23 minutes", not "16 hours 7 days"
        last = [m.group("unit") for m in _DURATION.finditer(first)][-1]
        following = _DURATION.match(second)
        return following is not None and _unit_rank(last) < _unit_rank(following.group("unit"))
    return False


def _part_of(owner: Span, span: Span, norm: str) -> bool:
    """Whether `span` completes the body named before it: "Munitions Industry Department of
    the WPK Central Committee", "Royal Bank of Scotland"; not "Samsung of Korea", and not a
    known body's country ("the Foreign Ministry of North Korea" names the country too)."""
    if owner.type != "ORG" or norm[owner.end : span.start] not in (" of the ", " of "):
        return False
    name = norm[owner.start : owner.end]
    head = name.rsplit(" ", 1)[-1]
    if not head[:1].isupper() or head.casefold() not in lexicon.ORG_HEADS:
        return False
    return span.type == "ORG" or (" " in name and owner.priority < 5)


def _unit_rank(unit: str) -> int:
    folded = unit.casefold()
    return next(rank for rank, stem in enumerate(_UNIT_ORDER) if folded.startswith(stem))


def _grow_company(span: Span, norm: str) -> None:
    end = span.end
    if norm[end : end + 1] == "." and ABBREVIATED_FORM.search(norm, span.start, end):
        end += 1  # "Golden Harbor Trading Co."
    while suffix := CORPORATE_SUFFIX.match(norm, end):
        end = suffix.end()
    span.end = end


def _grow_unit(span: Span, norm: str, before: list[Span], following: Span | None) -> None:
    name = norm[span.start : span.end]
    head = name.rsplit(" ", 1)[-1]
    if head.casefold() not in UNIT_HEADS or not head[0].isupper():
        return  # "the US air force 767" is a plane, not a unit
    if span.canonical != name:
        return  # a curated name ("Defense Department" for the Pentagon) keeps its own
    ordinal = ORDINAL_BEFORE.search(norm, max(0, span.start - 12), span.start)
    if ordinal is not None:
        _take_back(span, ordinal.start(), before)
    elif number := NUMBER_AFTER.match(norm, span.end):
        if following is not None and following.start < number.end() < following.end:
            return  # the number starts a longer mention: "Army 2 km", "Committee 3 weeks later"
        span.end = number.end()
    span.canonical = norm[span.start : span.end]


def _grow_weapon(
    span: Span,
    norm: str,
    knowledge: Knowledge,
    lower_words: LowerWords,
    before: list[Span],
    following: Span | None,
) -> None:
    named = before[-1] if before else None
    if (
        named is not None
        and named.type == "WEAPON"
        and named.end == span.start - 1
        and norm[span.start - 1] == " "
        # "Patriot PAC-2" is one weapon; "Iskander KN-23" is two.
        and _uses_stem(knowledge, named.canonical, norm[span.start : span.end])
    ):
        before.pop()
        span.start, span.canonical = named.start, named.canonical
    # Stop before a mention that follows, unless it is part of the weapon.
    limit = following.start if following is not None and following.type != "WEAPON" else None
    if name := SYSTEM_NAME_AFTER.match(norm, span.end):
        taken = 0
        for group, word in enumerate(name.groups(), start=1):
            if word is None or (limit is not None and name.start(group) >= limit):
                break
            if group == 1 and not _system_name_word(word, knowledge, lower_words):
                break
            taken = group
        if taken:
            span.end = name.end(taken)
            return
    if variant := VARIANT_AFTER.match(norm, span.end):
        acronym = variant.group(1)
        if alias_key(acronym) in knowledge.names or acronym.casefold() in lexicon.STOP:
            return
        # An unknown acronym was at best guessed to be an organisation: it is the variant.
        guessed = following is not None and (following.start, following.end) == variant.span(1)
        if limit is None or variant.start(1) < limit or guessed:
            span.end = variant.end()


def _uses_stem(knowledge: Knowledge, system: str, designation: str) -> bool:
    """Whether the curated system's names use the designation's stem (Patriot: "PAC-3")."""
    match = STEM.match(designation)
    stem = alias_key(match.group() if match else designation)
    return any(
        known.canonical == system and key.startswith(stem) for key, known in knowledge.names.items()
    )


def _system_name_word(word: str, knowledge: Knowledge, lower_words: LowerWords) -> bool:
    """Whether a capitalised word after a designation can start the system's name."""
    folded = word.casefold()
    if folded in lexicon.STOP or lower_words[folded] or _MONTH.match(word) or _DAY.match(word):
        return False
    known = knowledge.names.get(alias_key(word))
    return known is None or known.type == "WEAPON"


def _take_back(span: Span, start: int, before: list[Span]) -> None:
    """Start the span earlier, dropping the spans already kept that the new start covers."""
    while before and before[-1].end > start:
        before.pop()
    span.start = start
