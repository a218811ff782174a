"""Regular grammars for dates, quantities, events and weapon names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

# Pattern sources are built at import (cheap string work) and compiled on first use, so that
# importing the package does not pay for compiling them.
_SOURCES: dict[str, str] = {}
# A character trie: each key a character, or "" where a word ends.
_Trie = dict[str, "_Trie"]

DATE: re.Pattern[str]
QUANTITY: re.Pattern[str]
QUANTITY_SKIP_AFTER: re.Pattern[str]
EVENT: re.Pattern[str]
DIGIT_TRIGGER: re.Pattern[str]
DATE_TRIGGER: re.Pattern[str]
QUANTITY_TRIGGER: re.Pattern[str]
EVENT_TRIGGER: re.Pattern[str]


def __getattr__(name: str) -> re.Pattern[str]:
    if name not in _SOURCES:
        raise AttributeError(name)
    pattern = re.compile(_SOURCES[name])
    globals()[name] = pattern
    return pattern


_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip

_UNITS_WORDS = "|".join(sorted((w for w in _WORD_NUMBERS if w != "hundred"), key=len)[::-1])
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM_WORD = rf"(?i:(?:{_TENS})-(?:{_UNITS_WORDS})|{_UNITS_WORDS}|a\s+hundred)"
NUM_DIGIT = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
SCALE = r"(?:\s+(?:million|billion|trillion|thousand|hundred))?"
NUMBER = rf"(?:{NUM_DIGIT}|{NUM_WORD}){SCALE}"
ORDINAL = r"(?:" + "|".join(ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))"

MONTHS = (
    r"(?:January|February|March|April|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
    r"|Jan|Feb|Aug|Sept|Oct|Nov|Dec)"
)
MONTH_OR_MAY = rf"(?:{MONTHS}|May)"
# A month on its own, without the abbreviations that are also given names ("Dong Jun.").
MONTH_ALONE = (
    r"(?:January|February|March|April|June|July|August|September|October|November|December"
    r"|Feb\.|Mar\.|Apr\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Feb|Aug|Sept|Oct|Nov|Dec)"
)
WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY_PART = r"(?:morning|afternoon|evening|night|midnight|noon)"
YEAR = r"(?:1[89]\d{2}|20\d{2})"
ZONE = (
    r"(?:\s+(?:local\s+time|KST|GMT|UTC|EST|EDT|ET|PT|JST|Korea\s+time|Seoul\s+time"
    r"|Pyongyang\s+time|Korean\s+time|Japan\s+time|Washington\s+time))?"
)
TIME = (
    rf"(?:\d{{1,2}}(?::\d{{2}})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b){ZONE}"
    rf"|\d{{1,2}}:\d{{2}}{ZONE}|\d{{4}}\s+(?:KST|GMT|UTC)|(?:noon|midnight){ZONE})"
)
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
MONTH_DATE = (
    rf"(?:{MONTH_OR_MAY}\s+{DAY_NUM}(?:\s*[-–]\s*{DAY_NUM})?(?:,?\s+{YEAR})?(?![\d,]\d)"
    rf"|{DAY_NUM}\s+{MONTH_OR_MAY}(?:,?\s+{YEAR})?"
    rf"|{MONTH_OR_MAY}(?:\s+of)?,?\s+{YEAR}"
    rf"|(?:(?:early|mid|late)[- ])?{MONTH_ALONE})"
)
UNIT_TIME = r"(?:years?|months?|weeks?|days?|decades?|hours?|minutes?|seconds?|centur(?:y|ies))"
DURATION = rf"(?:{NUMBER}|(?i:several|a\s+few))[- ](?P<unit>{UNIT_TIME})"
RELATIVE_HEAD = (
    rf"(?:year|month|week|weekend|day|decade|century|spring|summer|fall|autumn|winter|"
    rf"{DAY_PART}|{MONTH_OR_MAY}|{WEEKDAYS})"
)
_SOURCES["DATE"] = (
    r"(?:"
    rf"(?:(?i:early|earlier|late|later)\s+)?{WEEKDAYS}(?:,?\s+{MONTH_DATE})?(?:\s+{DAY_PART})?"
    rf"(?:\s+{TIME})?"
    rf"|{MONTH_DATE}"
    rf"|(?i:(?:(?:early|earlier|late|later|mid)\s+)?"
    rf"(?:this|last|next|past|coming|current|previous|following)\s+){RELATIVE_HEAD}"
    rf"|(?i:(?:last|past|next|previous|coming|first)\s+)(?:{NUMBER}|few|several)\s+{UNIT_TIME}"
    rf"|(?i:(?:recent|coming|past|following)\s+)(?:days|weeks|months|years|decades)"
    rf"|{DURATION}(?!-old)(?:\s+(?:ago|earlier|later))?"
    rf"|(?:(?i:early|mid|late)[- ])?{YEAR}(?:s|\s*[-–]\s*(?:{YEAR}|\d{{2}}))?"
    rf"|(?i:year)\s+{YEAR}"
    rf"|(?i:today|yesterday|tomorrow|tonight)|{TIME}"
    r")(?![\w])"
)

MEASURE_UNITS = (
    r"(?:km/h|kph|mph|kilometers?|kilometres?|km|nautical\s+miles?|miles?|meters?|metres?|m"
    r"|millimeters?|millimetres?|mm|centimeters?|centimetres?|cm|kilograms?|kg|grams?|g"
    r"|tons?|tonnes?|t|pounds?|lbs?|feet|foot|ft|inches|inch|in\.|knots?|kilotons?|kt"
    r"|megatons?|Mt|degrees?|percent|per\s+cent|%|kilowatts?|kW|megawatts?|MW|MWe"
    r"|hectares?|square\s+(?:kilometers?|kilometres?|miles?|meters?|metres?)|liters?|litres?"
    r"|barrels?|caliber|calibre)"
)
_SOURCES["QUANTITY"] = (
    r"(?:"
    rf"(?P<measure>{NUMBER}(?:\s?-\s?|\s?){MEASURE_UNITS}(?![\w])|Mach\s+\d+(?:\.\d+)?)"
    rf"|(?P<count>{NUMBER})(?![\w%]|\.\d|,\d|-(?!\w)|\s*(?:won|dollars|yuan|yen|euros|rubles)\b)"
    r")"
)
# Counts that the guidelines leave out: fixed pairs and pronoun-like "one".
_SOURCES["QUANTITY_SKIP_AFTER"] = "(?i)" + (
    r"\s+(?:Koreas|countries)\b|\s+(?:of|another|or|another|side|hand|such|which|that"
    r"|who|thing|point|time|way|day)\b|[-]|\s*[.,;:!?)\"]|\s*$"
)

_EVENT_BODY = (
    r"(?:(?:the\s+)?(?:party's\s+|ruling\s+party's\s+|WPK\s+)?(?:" + ORDINAL + r"\s+)?"
    r"(?:Central\s+Committee|Supreme\s+People's\s+Assembly|Central\s+Military\s+Commission"
    r"|Politburo|Political\s+Bureau)"
    r"(?:\s+of\s+the\s+(?:ruling\s+)?(?:Workers'\s+Party(?:\s+of\s+Korea)?|WPK|party))?"
    r"|the\s+(?:ruling\s+)?(?:Workers'\s+Party(?:\s+of\s+Korea)?|WPK|party))"
)
_SOURCES["EVENT"] = "(?i)" + (
    r"(?P<ord>" + ORDINAL + r")\s+"
    r"(?:(?P<kind_a>(?:(?:enlarged|expanded|extended)\s+)?(?:plenary\s+(?:meeting|session)"
    r"|plenum)|(?:party\s+)?congress|party\s+conference)(?:\s+of\s+" + _EVENT_BODY + r")?"
    r"|(?P<kind_b>conference|session|meeting)\s+of\s+" + _EVENT_BODY + r")(?![\w])"
)


def ordinal_number(word: str) -> int | None:
    """Return the number of an ordinal written as a word or with a suffix."""
    lowered = word.lower()
    if lowered in ORDINALS:
        return ORDINALS[lowered]
    digits = re.match(r"\d+", lowered)
    return int(digits.group()) if digits else None


def ordinal_text(number: int) -> str:
    """Return "8th" for 8, "21st" for 21."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def event_canonical(match: re.Match[str]) -> str:
    """Return one canonical for the differently worded party meetings and congresses."""
    number = ordinal_number(match.group("ord")) or 0
    phrase = re.sub(r"\s+", " ", match.group(0).replace("’", "'"))
    body_ordinal = re.search(rf"of\s+(?:the\s+)?(?:party's\s+|WPK\s+)?({ORDINAL})\s", phrase, re.I)
    body = ""
    if body_ordinal:
        body_number = ordinal_number(body_ordinal.group(1)) or 0
        body = f" of the {ordinal_text(body_number)} WPK Central Committee"
    lowered = phrase.lower()
    if "plenary" in lowered or "plenum" in lowered:
        enlarged = "Enlarged " if re.search(r"enlarged|expanded|extended", lowered) else ""
        return f"{ordinal_text(number)} {enlarged}Plenary Meeting{body}"
    if body and "committee" not in lowered:
        return phrase
    if body:
        return f"{ordinal_text(number)} Meeting{body}"
    return f"{ordinal_text(number)} Congress of the Workers' Party of Korea"


def trie_pattern(words: Iterable[str], cased_first: bool = False, after_first: str = "") -> str:
    """Return a regex alternation of the words as a character trie; a space matches a hyphen.

    With cased_first the first character matches as written, followed by after_first, and
    the rest in any case, which keeps the pattern's first-character set for the regex
    engine's fast scan.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not cased_first:
        return _trie_node(trie)
    branches = []
    for char in sorted(trie):
        if char:
            rest = _trie_node(trie[char])
            branches.append(re.escape(char) + after_first + (f"(?i:{rest})" if rest else ""))
    return "(?:" + "|".join(branches) + ")"


def both_cases(words: Iterable[str]) -> set[str]:
    """Return the words plus their variants with a capitalised first letter."""
    return {v for w in words for v in (w, w[:1].upper() + w[1:])}


def starts_word(text: str, start: int) -> bool:
    """Return True when no letter, digit or underscore precedes the offset."""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")


def word_trigger(pattern: str) -> str:
    """Return a trigger that matches a non-word character followed by the pattern.

    Starting with a character class lets the regex engine skip ahead at C speed, where a
    leading lookbehind would make it try the whole alternation at every position.
    """
    return rf"[^\w](?={pattern})"


def scan(
    trigger: re.Pattern[str], body: re.Pattern[str], text: str, starts: Iterable[int]
) -> list[re.Match[str]]:
    """Return body matches anchored where trigger hits end, left to right.

    starts holds the offsets (ascending) of every word the trigger may stand before, as found
    by WordStarts; the trigger is only tried there.
    """
    found: list[re.Match[str]] = []
    end = 0
    # Prefixing a newline lets the trigger, which needs a character before a word, see the
    # first word.
    first = body.match(text, 0) if trigger.match("\n" + text[:40]) else None
    if first is not None:
        found.append(first)
        end = first.end()
    for start in starts:
        if start < end or start == 0 or trigger.match(text, start - 1) is None:
            continue
        match = body.match(text, start)
        if match is not None:
            found.append(match)
            end = match.end()
    return found


def _trie_node(node: _Trie) -> str:
    # A chain of single characters, no word ending inside it, reads off without branching.
    chain = ""
    while len(node) == 1:
        char = next(iter(node))
        if not char:
            return chain
        chain += _trie_head(char)
        node = node[char]
    chars = sorted(node)
    # The empty key, marking the end of a word, sorts first.
    ends_word = bool(chars) and chars[0] == ""
    if ends_word:
        del chars[0]
    if not chars:
        return chain
    branches = [_trie_head(char) + _trie_node(node[char]) for char in chars]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return chain + (f"(?:{body})?" if ends_word else body)


@cache
def _trie_head(char: str) -> str:
    return r"[ \-]" if char == " " else re.escape(char)


_NUMBER_TRIGGERS = [*_WORD_NUMBERS, "a hundred", "a few", "several"]
_CALENDAR = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
    "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
]  # fmt: skip
_RELATIVE = [
    "this", "last", "next", "past", "coming", "current", "previous", "following", "first", "recent",
    "early", "earlier", "late", "later", "mid",
]  # fmt: skip
_DAY_WORDS = ["today", "yesterday", "tomorrow", "tonight", "noon"]
_UNIT_AHEAD = r"(?:-\w+)?[- ](?:year|month|week|day|decade|hour|minute|second|centur)"
# Triggers are literal alternations so the regex engine scans for them at C speed; the
# lookaheads keep common words ("this", "one") from triggering a full date match.
_SOURCES["DIGIT_TRIGGER"] = r"[0-9]+"
_SOURCES["DATE_TRIGGER"] = word_trigger(
    rf"{trie_pattern(_CALENDAR)}"
    rf"|{trie_pattern(both_cases(_RELATIVE))}(?=[ -](?:[a-z]+ )?(?:year|month|week|day|decade"
    r"|century|spring|summer|fall|autumn|winter|morning|afternoon|evening|night|[A-Z0-9]"
    r"|few|several|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty))"
    rf"|{trie_pattern(both_cases(_NUMBER_TRIGGERS))}(?={_UNIT_AHEAD})"
    rf"|{trie_pattern(both_cases(_DAY_WORDS))}"
    r"|(?:year|Year) (?=[12]\d{3})"
)
_SOURCES["QUANTITY_TRIGGER"] = word_trigger(trie_pattern(both_cases([*_NUMBER_TRIGGERS, "Mach"])))
_SOURCES["EVENT_TRIGGER"] = word_trigger(trie_pattern(both_cases(ORDINALS)) + r" ")
# The words each trigger's lookahead starts with, for WordStarts.
LEAD_WORDS = {
    "EVENT": [*ORDINALS],
    "DATE": [*_CALENDAR, *_RELATIVE, *_NUMBER_TRIGGERS, *_DAY_WORDS, "year"],
    "QUANTITY": [*_NUMBER_TRIGGERS, "Mach"],
}
# A non-word character before the start, beyond what starts_word checks.
QUANTITY_BAD_BEFORE = frozenset("$£€¥₩#./:-")
