"""Rules for capitalised name sequences that the curated knowledge does not cover."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nkreader.entities import lexicon
from nkreader.model import EntityType

TOKEN = r"(?:[A-Z]\.){2,}|[A-Z][\w]*(?:['-][a-z0-9][\w]*)*'?|\d{1,3}(?:st|nd|rd|th)(?![\w])"
CONNECTORS = frozenset({"of", "for", "and", "on", "de", "the", "da", "von", "van", "bin", "al"})
_CONNECT = r"(?: +(?:of the|for the|on the|of|for|and|on|de|the|da|von|van|bin|al) +)"
RUN = re.compile(rf"(?<![\w'])(?:{TOKEN})(?:(?: +|-|{_CONNECT})(?:{TOKEN}))*")
RUN_TOKEN = re.compile(rf"{TOKEN}|[a-z]+")
# Possessives that belong to names ("Korean People's Army", "Workers' Party").
NAME_POSSESSIVES = frozenset({"people's", "workers'", "women's", "children's", "veterans'"})
_HEADS: dict[str, EntityType] = {
    **{w: "EVENT" for w in lexicon.EVENT_HEADS},
    **{w: "GPE" for w in lexicon.GPE_HEADS},
    **{w: "LOC" for w in lexicon.LOC_HEADS},
    **{w: "ORG" for w in lexicon.ORG_HEADS},
}
ABSORBABLE: frozenset[str] = frozenset({"GPE", "LOC", "PERSON", "ORG"})


@dataclass(slots=True)
class Span:
    """A candidate mention while the extractor is still deciding."""

    start: int
    end: int
    type: EntityType
    canonical: str
    priority: int = 0
    partial: bool = False
    after_title: bool = False


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    fixed: Span | None = None
    possessive: bool = False
    lower: str = ""

    def __post_init__(self) -> None:
        self.lower = self.text.casefold()


def run_tokens(norm: str, start: int, end: int, fixed: list[Span]) -> list[Token]:
    """Return the tokens of a run, merging those covered by one fixed span into one token."""
    tokens: list[Token] = []
    spans = iter(fixed)
    current = next(spans, None)
    for match in RUN_TOKEN.finditer(norm, start, end):
        t_start, t_end = match.span()
        while current is not None and current.end <= t_start:
            current = next(spans, None)
        if current is not None and current.start < t_end:
            if tokens and tokens[-1].fixed is current:
                continue
            tokens.append(Token(current.start, current.end, norm[current.start : current.end]))
            tokens[-1].fixed = current
            continue
        text = match.group()
        token = Token(t_start, t_end, text)
        lowered = text.casefold()
        if lowered.endswith("'s") and lowered not in NAME_POSSESSIVES:
            token.end -= 2
            token.text = text[:-2]
            token.lower = lowered[:-2]
            token.possessive = True
        elif text.endswith("'") and lowered not in NAME_POSSESSIVES:
            token.end -= 1
            token.text = text[:-1]
            token.lower = lowered[:-1]
            token.possessive = True
        tokens.append(token)
    return tokens


def split_at_breaks(tokens: list[Token]) -> list[list[Token]]:
    """Split a run into stretches of free tokens; fixed spans and possessives end a stretch."""
    stretches: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        if token.fixed is not None:
            if current:
                stretches.append(current)
            stretches.append([token])
            current = []
            continue
        current.append(token)
        if token.possessive:
            stretches.append(current)
            current = []
    if current:
        stretches.append(current)
    return stretches


def is_title(token: Token) -> bool:
    """Return True for a word that makes a title or role."""
    return token.lower in lexicon.TITLES or token.lower.rstrip(".") in lexicon.TITLES


def head_type(tokens: list[Token]) -> tuple[EntityType, int] | None:
    """Return the type of a name ending in, or led by, a head noun and where that name starts.

    "Ministry of Unification" is led by its head; "Ohio Policy Group" ends in it, and a name
    ending in a head does not reach back over "of" ("Duyeon Park of the Ohio Policy Group").
    """
    for index, token in enumerate(tokens[:-2]):
        if token.lower in _HEADS and tokens[index + 1].lower in ("of", "for", "on"):
            return _HEADS[token.lower], 0
    last = tokens[-1].lower
    if last in _HEADS and tokens[-1].text[0].isupper():
        start = 0
        for index, token in enumerate(tokens):
            if token.lower in CONNECTORS:
                start = index + 1
        if len(tokens) - start >= 2:
            if last == "congress" and tokens[-2].lower == "party":
                return "EVENT", start
            return _HEADS[last], start
    if tokens[0].lower in lexicon.LOC_PREFIX_WORDS and len(tokens) >= 2:
        return "LOC", 0
    return None


def is_acronym_token(text: str) -> bool:
    """Return True for an unknown all-capital token such as "KIDA" or "CVID"."""
    letters = sum(c.isalpha() for c in text)
    return (
        2 <= letters <= 6
        and text.isupper()
        and text not in lexicon.ACRONYM_STOP
        and "'" not in text
    )


def person_like(chunk: list[Token], doc_lower_words: set[str], headline: bool = False) -> bool:
    """Return True when a capitalised sequence reads like a personal name."""
    first = chunk[0].text
    if len(chunk) > 4 or any(t.text.isupper() and len(t.text) > 1 for t in chunk):
        return False
    if first in lexicon.EAST_ASIAN_SURNAMES and len(chunk) <= 3:
        return all(t.lower not in lexicon.STOP for t in chunk[1:])
    if first in lexicon.GIVEN_NAMES:
        return all(t.lower not in lexicon.STOP for t in chunk[1:])
    return not headline and all(
        t.lower not in doc_lower_words and t.lower not in lexicon.STOP and t.lower not in _HEADS
        for t in chunk
    )


def single_word_span(norm: str, start: int, end: int, doc_lower_words: set[str]) -> Span | None:
    """Classify a run of one free word: an acronym, or a possible partial personal name."""
    word = norm[start:end]
    if word.endswith("'s"):
        word, end = word[:-2], end - 2
    elif word.endswith("'"):
        word, end = word[:-1], end - 1
    if len(word) < 2 or not word[0].isupper() or word.casefold() in lexicon.STOP:
        return None
    if is_acronym_token(word):
        return Span(start, end, "ORG", word)
    if word.casefold() in doc_lower_words:
        return None
    return Span(start, end, "PERSON", word, partial=True)


def name_spans(
    norm: str,
    run_start: int,
    run_end: int,
    fixed: list[Span],
    doc_lower_words: set[str],
    headline: bool = False,
) -> tuple[list[Span], list[Span]]:
    """Return (new spans, fixed spans absorbed into longer names) for one capitalised run."""
    found: list[Span] = []
    absorbed: list[Span] = []
    tokens = run_tokens(norm, run_start, run_end, fixed)
    previous_fixed: Token | None = None
    for stretch in split_at_breaks(tokens):
        if stretch[0].fixed is not None:
            previous_fixed = stretch[0]
            continue
        before = previous_fixed
        previous_fixed = None
        while stretch and (stretch[0].lower in lexicon.STOP or stretch[0].lower in CONNECTORS):
            stretch = stretch[1:]
            before = None
        while stretch and stretch[-1].lower in CONNECTORS:
            stretch = stretch[:-1]
        if not stretch:
            continue
        found.extend(_classify_stretch(norm, stretch, before, doc_lower_words, absorbed, headline))
    return found, absorbed


def _classify_stretch(
    norm: str,
    stretch: list[Token],
    before: Token | None,
    doc_lower_words: set[str],
    absorbed: list[Span],
    headline: bool,
) -> list[Span]:
    pieces: list[tuple[list[Token], bool]] = []
    current: list[Token] = []
    after_title = title_before(norm, stretch[0].start)
    index = 0
    while index < len(stretch):
        token = stretch[index]
        if is_title(token):
            while current and current[-1].lower in lexicon.TITLE_MODIFIERS:
                current.pop()
            if current:
                pieces.append((current, after_title))
            current = []
            index += 1
            while (
                index + 1 < len(stretch)
                and stretch[index].lower in ("of", "for")
                and stretch[index + 1].lower in lexicon.TITLE_COMPLEMENTS
            ):
                index += 2
                while index < len(stretch) and stretch[index].lower in lexicon.TITLE_COMPLEMENTS:
                    index += 1
            after_title = True
            before = None
            continue
        current.append(token)
        index += 1
    if current:
        pieces.append((current, after_title))
    spans: list[Span] = []
    for piece, titled in pieces:
        spans.extend(
            _classify_piece(norm, piece, titled, before, doc_lower_words, absorbed, headline)
        )
        before = None
    return spans


def _classify_piece(
    norm: str,
    piece: list[Token],
    titled: bool,
    before: Token | None,
    doc_lower_words: set[str],
    absorbed: list[Span],
    headline: bool,
) -> list[Span]:
    while piece and (piece[0].lower in lexicon.STOP or piece[0].lower in CONNECTORS):
        piece = piece[1:]
        before = None
    if not piece:
        return []
    headed = None if headline and before is None else head_type(piece)
    if headed is None and before is not None and len(piece) == 1:
        headed = head_type([before, *piece])
    if headed is not None:
        entity_type, first = headed
        spans: list[Span] = []
        if first > 0:
            spans = _classify_chunks(norm, piece[:first], titled, doc_lower_words, headline)
            piece, before = piece[first:], None
        start = piece[0].start
        if (
            before is not None
            and before.fixed is not None
            and before.fixed.type in ABSORBABLE
            and norm[before.end : start] in (" ", "-")
        ):
            absorbed.append(before.fixed)
            start = before.start
        text = norm[start : piece[-1].end]
        return [*spans, Span(start, piece[-1].end, entity_type, _clean(text), priority=1)]
    return _classify_chunks(norm, piece, titled, doc_lower_words, headline)


def _classify_chunks(
    norm: str, piece: list[Token], titled: bool, doc_lower_words: set[str], headline: bool
) -> list[Span]:
    spans: list[Span] = []
    chunk: list[Token] = []
    for token in [*piece, None]:
        if token is not None and token.lower not in lexicon.STOP and token.lower not in CONNECTORS:
            chunk.append(token)
            continue
        if chunk:
            spans.extend(_classify_chunk(norm, chunk, titled, doc_lower_words, headline))
        chunk = []
    return spans


def _classify_chunk(
    norm: str, chunk: list[Token], titled: bool, doc_lower_words: set[str], headline: bool
) -> list[Span]:
    start, end = chunk[0].start, chunk[-1].end
    text = _clean(norm[start:end])
    if len(chunk) == 1:
        token = chunk[0].text
        if is_acronym_token(token):
            return [Span(start, end, "ORG", token, priority=0)]
        if token[0].isupper() and token.lower() not in doc_lower_words and len(token) > 1:
            return [Span(start, end, "PERSON", text, partial=True, after_title=titled)]
        return []
    if titled or person_like(chunk, doc_lower_words, headline):
        return [Span(start, end, "PERSON", text, priority=0)]
    return []


def title_before(norm: str, start: int) -> bool:
    """Return True when a title word ("leader", "Gen.") stands right before the offset."""
    if start < 2 or norm[start - 1] != " ":
        return False
    words = norm[max(0, start - 30) : start].split()
    return bool(words) and words[-1].casefold() in lexicon.TITLES


def _clean(text: str) -> str:
    return " ".join(text.replace("’", "'").split())
