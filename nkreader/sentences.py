"""Sentences, words and the numbers they give, as character spans into the original text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from nkreader.model import Mention


@dataclass(frozen=True)
class Sentence:
    """One sentence (or heading, or list item) and where it sits in the text."""

    start: int
    end: int
    text: str


Word = tuple[int, int, str]

_LINE = re.compile(r"[^\n]*\n?")
_BLOCK_MARKER = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|[*+\-][ \t]+|\d{1,3}[.)][ \t]+|>[ \t]?)+")
_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]")
_RULE = re.compile(r"[ \t]*(?:[-*_][ \t]*){3,}$")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘\[]?[A-Z0-9])")
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|\w+(?:['’]\w+)*")
_LAST_TOKEN = re.compile(r"[\"'“‘(\[]*([\w.]+)\.$")

_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_BEFORE_NUMBER = _MONTHS | {"no", "nos", "vol", "art", "fig", "p", "pp"}
_NEVER_FINAL = frozenset(
    "mr mrs ms dr gen adm lt col maj capt cmdr sgt cpl sen rep gov pres prof rev hon "
    "st mt ft vs approx cf e.g i.e".split()
)
_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i but and this that these those its his her their "
    "in on at however meanwhile after before when while officials".split()
)
_TERMINAL = ".!?…:;\"'”’)"


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split Markdown or plain text into sentences; blocks, headings and bullets end one."""
    sentences: list[Sentence] = []
    for start, end in _blocks(text):
        sentences.extend(_split_block(text, start, end))
    return tuple(sentences)


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Word tokens of text[start:end] as (start, end, text), offsets into `text`."""
    stop = len(text) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, stop)]


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph-like blocks: blank lines, Markdown markers and title-like lines separate them."""
    blocks: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        line = match.group().rstrip("\n")
        if not line.strip() or _RULE.match(line):
            blocks.append((-1, -1))  # a blank line closes the open block
            continue
        marker = _BLOCK_MARKER.match(line)
        content_start = match.start() + (marker.end() if marker else 0)
        content_end = match.start() + len(line.rstrip())
        if content_start >= content_end:
            continue
        standalone = bool(_HEADING.match(line)) or _is_title_like(line)
        if marker or standalone or not blocks or blocks[-1][0] < 0:
            blocks.append((content_start, content_end))
        else:
            blocks[-1] = (blocks[-1][0], content_end)
        if standalone:
            blocks.append((-1, -1))
    return [block for block in blocks if block[0] >= 0]


def _is_title_like(line: str) -> bool:
    """A short line without final punctuation whose words are mostly capitalised."""
    stripped = line.strip()
    if not stripped or stripped[-1] in _TERMINAL or stripped[-1] == ",":
        return False
    tokens = stripped.split()
    if len(tokens) > 14:
        return False
    long_words = [t for t in tokens if len(t) > 3 and t[0].isalpha()]
    if len(long_words) < 2 or not tokens[0][0].isupper():
        return False  # a wrapped tail such as "on Monday" is no title
    capitalised = sum(1 for t in long_words if t[0].isupper())
    return capitalised / len(long_words) >= 0.6


def _split_block(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of one block, trimmed of surrounding whitespace."""
    pieces: list[Sentence] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text, cursor, match.start(), match.end()):
            continue
        _append(pieces, text, cursor, match.end())
        cursor = match.end()
    _append(pieces, text, cursor, end)
    return pieces


def _append(pieces: list[Sentence], text: str, start: int, end: int) -> None:
    """Add text[start:end] without its outer whitespace, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        pieces.append(Sentence(start, end, text[start:end]))


def _is_abbreviation(text: str, sentence_start: int, stop: int, after: int) -> bool:
    """True when the full stop at `stop` ends an abbreviation, not the sentence."""
    if text[stop] != "." or text[stop : stop + 2] == "..":
        return False
    token_match = _LAST_TOKEN.search(text, max(sentence_start, stop - 40), stop + 1)
    if token_match is None:
        return False
    token = token_match.group(1)
    key = token.lower()
    next_word = text[after:].split(None, 1)[0].strip("\"'“‘[") if text[after:].strip() else ""
    if key in _NEVER_FINAL:
        return True
    if key in _BEFORE_NUMBER and token[0].isupper():
        return next_word[:1].isdigit()
    if len(token) == 1 and token.isupper():
        return True  # an initial, as in "John F. Kennedy"
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
        return next_word.lower() not in _SENTENCE_STARTERS
    return False


NumberKind = Literal["DATE", "QUANTITY"]
NumberValue = int | float | str


@dataclass(frozen=True)
class NumberFact:
    """A quantity or date a report gives, its unit or noun, and the sentence that says it."""

    kind: NumberKind
    text: str
    value: NumberValue | None
    unit: str | None
    sentence: str
    start: int
    end: int
    sentence_index: int


_NUMBER_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[a-z]+")
_SMALL_NUMBERS = {
    word: index
    for index, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
} | {"dozen": 12}
_TENS = {
    word: 10 * (index + 2)
    for index, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "k": 1_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
}
_MONTH_NUMBERS = {
    name: index + 1
    for index, names in enumerate(
        "jan,january feb,february mar,march apr,april may jun,june jul,july aug,august "
        "sep,sept,september oct,october nov,november dec,december".split()
    )
    for name in names.split(",")
}
_UNIT_ALIASES = {
    "millimeter": "mm",
    "millimetre": "mm",
    "kilometer": "km",
    "kilometre": "km",
    "meter": "m",
    "metre": "m",
    "kilogram": "kg",
    "tonne": "ton",
    "percent": "%",
    "pct": "%",
}
# Nouns that counts in defence reporting attach to; "92 ballistic and other missiles" skips
# the adjectives to reach "missiles".
_COUNTED_NOUNS = frozenset(
    """missile launch test rocket launcher drone jet aircraft plane warplane bomber fighter
    ship vessel boat submarine warhead satellite troop soldier people person civilian
    casualty death defector official shell round artillery gun tank weapon bomb device site
    icbm slbm year day month week hour minute time percent dollar won ton mm km mile meter
    kg flight sortie unit division battalion member delegate engine""".split()
)
_PHRASE_END = re.compile(r"[.,;:!?()\[\]—–\"“”]")
_NOT_A_UNIT = frozenset({"and", "or", "of", "in", "on", "at", "to", "the", "a", "an", "than"})


def number_facts(
    text: str, mentions: Sequence[Mention], sentences: Sequence[Sentence]
) -> tuple[NumberFact, ...]:
    """DATE and QUANTITY mentions read as values with units, one fact per distinct value."""
    starts = [s.start for s in sentences]
    seen: set[tuple[str, object, str | None]] = set()
    facts: list[NumberFact] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.type == "DATE":
            kind: NumberKind = "DATE"
            value: NumberValue | None = date_value(mention.text)
            unit: str | None = "date"
        elif mention.type == "QUANTITY":
            kind, value = "QUANTITY", quantity_value(mention.text)
            unit = quantity_unit(text, mention)
        else:
            continue
        key = (kind, value if value is not None else mention.text.lower(), unit)
        if key in seen:
            continue
        seen.add(key)
        index = bisect_right(starts, mention.start) - 1
        inside = index >= 0 and mention.start < sentences[index].end
        sentence = sentences[index].text if inside else ""
        facts.append(
            NumberFact(
                kind,
                mention.text,
                value,
                unit,
                sentence,
                mention.start,
                mention.end,
                index if inside else -1,
            )
        )
    return tuple(facts)


def quantity_value(text: str) -> int | float | None:
    """The number a quantity phrase gives ("more than 270" -> 270, "$1.13bn" -> 1.13e9)."""
    value: float | None = None
    for token in _NUMBER_TOKEN.findall(text.lower()):
        if token[0].isdigit():
            if value is not None:
                break
            value = float(token.replace(",", ""))
        elif token in _SMALL_NUMBERS or token in _TENS:
            number = _SMALL_NUMBERS.get(token, _TENS.get(token, 0))
            if value is None:
                value = float(number)
            elif value % 10 == 0 and value < 100 and number < 10:
                value += number  # "twenty three"
            else:
                break
        elif token in _SCALES and value is not None:
            value *= _SCALES[token]
        elif value is not None:
            break
    if value is None:
        return None
    return int(value) if value.is_integer() else value


def quantity_unit(text: str, mention: Mention) -> str | None:
    """The unit inside a measure ("600 mm") or the noun a count refers to ("92 ... missiles")."""
    if "%" in mention.text:
        return "%"
    if "$" in mention.text:
        return "usd"
    inside = [w for w in re.findall(r"[A-Za-z]+", mention.text) if w.lower() not in _SCALES]
    inside = [w for w in inside if w.lower() not in _SMALL_NUMBERS and w.lower() not in _TENS]
    inside = [w for w in inside if w.lower() not in {"more", "than", "around", "about", "some"}]
    if inside:
        return _unit_name(inside[-1])
    following = _PHRASE_END.split(text[mention.end : mention.end + 80], maxsplit=1)[0]
    candidates = re.findall(r"[A-Za-z]+", following)[:5]
    return _counted_noun(candidates)


def _counted_noun(candidates: Sequence[str]) -> str | None:
    """The head of the first run of counted nouns, else a plain lower-case first word."""
    found: str | None = None
    for word in candidates:
        name = _unit_name(word)
        if name in _COUNTED_NOUNS:
            found = name
        elif found is not None:
            break
    if found is None and candidates and candidates[0].islower():
        if candidates[0] not in _NOT_A_UNIT:
            return _unit_name(candidates[0])
    return found


def _unit_name(word: str) -> str:
    """Singular, lower-case form of a unit or noun, with metric spellings unified."""
    lowered = word.lower()
    if lowered.endswith("ies") and len(lowered) > 4:
        lowered = lowered[:-3] + "y"
    elif lowered.endswith(("ches", "shes", "xes", "sses")):
        lowered = lowered[:-2]
    elif lowered.endswith("s") and not lowered.endswith("ss") and len(lowered) > 3:
        lowered = lowered[:-1]
    return _UNIT_ALIASES.get(lowered, lowered)


def date_value(text: str) -> str:
    """ISO-like date key: "Dec. 27, 2022" -> "2022-12-27", "Dec. 27" -> "--12-27"."""
    year = month = day = None
    for token in re.findall(r"[a-z]+|\d+", text.lower()):
        if token.isdigit():
            number = int(token)
            if len(token) == 4 and 1800 <= number <= 2100:
                year = number
            elif 1 <= number <= 31 and day is None:
                day = number
        elif token in _MONTH_NUMBERS:
            month = _MONTH_NUMBERS[token]
    if month is None:
        return str(year) if year is not None and day is None else " ".join(text.lower().split())
    prefix = f"{year:04d}" if year is not None else "-"
    return f"{prefix}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
