"""Rules for capitalised name sequences that the curated knowledge does not cover."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nkreader.entities import lexicon
from nkreader.model import EntityType

TOKEN = r"(?:[A-Z]\.){2,}|[A-Z][\w]*(?:['-][a-z0-9][\w]*)*'?|\d{1,3}(?:st|nd|rd|th)(?![\w])"
CONNECTORS = frozenset({"of", "for", "and", "on", "de", "the", "da", "von", "van", "bin", "al"})
_CONNECT = r"(?: +(?:of the|for the|on the|of|for|and|on|de|the|da|von|van|bin|al) +)"
# TOKEN with its first character taken out in front, so that the regex engine scans for that
# character at C speed; the lookbehinds then check what came before it and which it was.
_FIRST_TOKEN = (
    r"[A-Z\d](?<![\w'].)(?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[A-Z])[\w]*(?:['-][a-z0-9][\w]*)*'?"
    r"|(?<=\d)\d{0,2}(?:st|nd|rd|th)(?![\w]))"
)
RUN = re.compile(rf"{_FIRST_TOKEN}(?:(?: +|-|{_CONNECT})(?:{TOKEN}))*")
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
# Prefixes joined by a hyphen that are not part of the name after them ("Ex-Labour").
# A romanised Korean given name: two syllables joined by a hyphen ("Jin-ho", "Min-ji").
KOREAN_GIVEN_NAME = re.compile(r"[A-Z][a-z]{0,4}-[a-z]{1,5}")
HYPHEN_PREFIXES = frozenset({"ex", "pro", "anti", "non", "neo", "post", "pre"})
# Particles that stand inside personal names ("Osama bin Laden", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset(
    {"bin", "al", "ibn", "abu", "van", "von", "de", "da", "del", "della", "der", "den", "du", "le"}
)
ARTICLES = frozenset({"the", "a", "an"})
# Organisations named by one capitalised common noun where its lower-case form is absent.
SINGLE_ORG_WORDS = frozenset({"army", "navy", "parliament", "senate", "congress", "cabinet"})
# Words that qualify a place without making a new name of it ("Central Asia").
PLACE_QUALIFIERS = frozenset(
    "north south east west northern southern eastern western central northeast northwest"
    " southeast southwest northeastern northwestern southeastern southwestern greater upper"
    " lower inner outer mainland metropolitan new old occupied far near middle coastal"
    " rural urban".split()
)
# Roles whose holder belongs to the party named before them ("Labour MP").
PARTY_TITLES = frozenset({"mp", "mps", "mep", "meps", "msp", "msps", "mla", "councillor"})
# Titles that make an office name of the organisation before them ("Trade Secretary").
OFFICE_TITLES = frozenset(
    {"secretary", "minister", "spokesman", "spokeswoman", "spokesperson", "chief", "head"}
)
# Honorifics and titles grouped by first letter, each followed by a check that a non-word
# character stands before it: the regex engine then scans for the first letters at C speed.
_SURNAME_AFTER = re.compile(
    r"(?:M(?<=[^\w].)(?:r|rs|s|iss|inister)|D(?<=[^\w].)(?:r|ame)"
    r"|P(?<=[^\w].)(?:rof|rofessor|resident|remier)|S(?<=[^\w].)(?:ir|gt|en|enator|ecretary)"
    r"|L(?<=[^\w].)(?:ord|ady|t)|G(?<=[^\w].)(?:en|overnor)|C(?<=[^\w].)(?:ol|apt|hancellor)"
    r"|R(?<=[^\w].)ep|J(?<=[^\w].)udge)\.? +([A-Z][a-z][\w'-]*)"
)


@cache
def role_after() -> re.Pattern[str]:
    """Return the pattern of a role or an age after a name ("Hannes Wittig, telecoms analyst")."""
    roles = "|".join(sorted(lexicon.ROLE_WORDS, key=len, reverse=True))
    return re.compile(
        r",\s+(?:\d{1,3}[,.]|(?:a\s+|an\s+|the\s+)?(?:[\w'&.-]+\s+){0,4}?(?:"
        + roles
        + r")(?![\w-]))"
    )


class LowerWords(dict[str, bool]):
    """Whether a word stands alone in lower case in a text; look words up with [].

    A word counts when it is all ASCII lower-case letters, with a character before it that
    is not a word character, apostrophe or hyphen, and none of the first two after it. Each
    answer is worked out on first use: a text is asked about a few dozen of its words.
    """

    def __init__(self, norm: str) -> None:
        super().__init__()
        self.norm = norm
        self._spaced: set[str] | None = None

    def __missing__(self, word: str) -> bool:
        if self._spaced is None:
            self._spaced = _spaced_words(self.norm)
        found = (
            word.isascii()
            and word.isalpha()
            and word.islower()
            and (word in self._spaced or _stands_lower(self.norm, word))
        )
        self[word] = found
        return found


def _spaced_words(norm: str) -> set[str]:
    """Return the words with white space (or the text's end) on both sides.

    A lower-case word among these stands alone without a search. The text's first word counts
    only after white space.
    """
    words = norm.split()
    if words and not norm[0].isspace():
        return set(words[1:])
    return set(words)


def _stands_lower(norm: str, word: str) -> bool:
    size = len(word)
    start = norm.find(word, 1)
    while start >= 0:
        before = norm[start - 1]
        end = start + size
        if not (before.isalnum() or before in "_'-") and (
            end == len(norm) or not (norm[end].isalnum() or norm[end] in "_'")
        ):
            return True
        start = norm.find(word, start + 1)
    return False


class DocInfo:
    """What the name rules learn from the whole document."""

    def __init__(self, norm: str, lower_words: LowerWords) -> None:
        self.norm = norm
        self.lower_words = lower_words
        self._surnames: set[str] | None = None

    def stands_alone(self, first: str, last: str) -> bool:
        """Return True when a name's last word also appears without its first word."""
        return self.norm.count(last) > self.norm.count(f"{first} ") + self.norm.count(f"{first}-")

    @property
    def surnames(self) -> set[str]:
        """Return the words that follow an honorific or title somewhere in the text."""
        if self._surnames is None:
            surnames: set[str] = set()
            # The character before a title may not be the last one of the previous match.
            match = _SURNAME_AFTER.search(self.norm)
            while match is not None:
                surnames.add(match.group(1))
                match = _SURNAME_AFTER.search(self.norm, match.end() + 1)
            self._surnames = surnames
        return self._surnames


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
    by_context: bool = False


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    fixed: Span | None = None
    possessive: bool = False


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
            text = norm[current.start : current.end]
            tokens.append(Token(current.start, current.end, text, text.casefold(), current))
            continue
        text = match.group()
        lowered = text.casefold()
        if norm[t_end : t_end + 1] == "-" and lowered in HYPHEN_PREFIXES:
            continue
        token = Token(t_start, t_end, text, lowered)
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
        if token.fixed is not None and token.fixed.type != "NORP":
            if current:
                stretches.append(current)
            stretches.append([token])
            current = []
            continue
        current.append(token)
        if token.possessive and token.lower not in lexicon.NAME_POSSESSORS:
            stretches.append(current)
            current = []
    if current:
        stretches.append(current)
    return stretches


def is_title(token: Token) -> bool:
    """Return True for a word that makes a title or role."""
    return token.lower in lexicon.TITLES or token.lower.rstrip(".") in lexicon.TITLES


def head_type(tokens: list[Token], after_name: bool = False) -> tuple[EntityType, int] | None:
    """Return the type of a name ending in, or led by, a head noun and where that name starts.

    "Ministry of Unification" is led by its head; "Ohio Policy Group" ends in it. A name ending
    in a head reaches back over capitalised words and an inner "and" ("Project and Contract
    Office") but not over "of" ("Duyeon Park of the Ohio Policy Group").
    """
    for index, token in enumerate(tokens[:-2]):
        if (
            token.lower in _HEADS
            and tokens[index + 1].lower in ("of", "for", "on")
            and all(_name_word(t) for t in tokens[: index + 1])
        ):
            return _HEADS[token.lower], 0
    last = tokens[-1]
    if last.lower in _HEADS and last.text[0].isupper():
        start = len(tokens) - 1
        index = start - 1
        while index >= 0:
            token = tokens[index]
            if token.lower == "and" and _and_joins(tokens, index, after_name):
                start = index - 1
                break
            # A title right before the head belongs to the name ("Missile General Bureau").
            right_before_head = index == len(tokens) - 2 and is_title(token)
            if not _name_word(token) and not (right_before_head and token.text[0].isupper()):
                break
            start = index
            index -= 1
        if len(tokens) - start >= 2:
            if last.lower == "congress" and tokens[-2].lower == "party":
                return "EVENT", start
            return _HEADS[last.lower], start
    if len(tokens) >= 2 and all(_name_word(t) for t in tokens):
        if tokens[0].lower in lexicon.LOC_PREFIX_WORDS:
            return "LOC", 0
        if tokens[0].lower in lexicon.ORG_PREFIX_WORDS:
            return "ORG", 0
    return None


def _name_word(token: Token) -> bool:
    """Return True for a capitalised word that may stand inside an organisation's name."""
    if token.fixed is not None:
        return True
    if not token.text[:1].isupper() or token.lower in lexicon.FUNCTION_STOP:
        return False
    if token.possessive:
        return token.lower in lexicon.NAME_POSSESSORS
    return not is_title(token)


def _and_joins(tokens: list[Token], index: int, after_name: bool) -> bool:
    """Return True when the one word before an inner "and" starts a joint name.

    "Argyll and Sutherland Highlanders" is one name; "G7 Group and World Economic Forum" and
    "AZ Fly and AZ Services" are two, because a longer name or a head stands before "and".
    """
    if index < 1:
        return False
    left = tokens[index - 1]
    if not _name_word(left) or left.fixed is not None:
        return False
    if left.lower in _HEADS and (index >= 2 or after_name):
        return False
    if left.text in lexicon.GIVEN_NAMES:
        return False
    return index < 2 or not _name_word(tokens[index - 2])


def is_acronym_token(text: str) -> bool:
    """Return True for an unknown all-capital token such as "KIDA" or "CVID"."""
    if not text.isupper() or len(text) > 12 or text in lexicon.ACRONYM_STOP or "'" in text:
        return False
    return 2 <= sum(c.isalpha() for c in text) <= 6


def _korean_name(chunk: list[Token]) -> bool:
    """A surname and a hyphenated given name, either way round: "Oh Jin-ho", "Min-ji Seo"."""
    if len(chunk) != 2:
        return False
    first, second = chunk[0].text, chunk[1].text
    if first in lexicon.EAST_ASIAN_SURNAMES:
        return KOREAN_GIVEN_NAME.fullmatch(second) is not None
    return second in lexicon.EAST_ASIAN_SURNAMES and KOREAN_GIVEN_NAME.fullmatch(first) is not None


def _surname_that_is_a_word(piece: list[Token]) -> bool:
    """A two-word name whose surname is also a word: "Oh Jin-ho", "Daniel Oh"."""
    if len(piece) != 2 or any(t.fixed is not None for t in piece):
        return False
    first, last = piece
    if first.lower in lexicon.STOP:
        return _korean_name(piece)
    return (
        last.lower in lexicon.STOP
        and last.text in lexicon.EAST_ASIAN_SURNAMES
        and first.text in lexicon.GIVEN_NAMES
    )


def person_like(chunk: list[Token], doc: DocInfo, headline: bool = False) -> bool:
    """Return True when a capitalised sequence has the evidence of a personal name.

    Evidence is a known given name first, an East Asian surname first, or a last word that
    the document uses after an honorific ("Mr Etzioni"); other sequences are not people.
    """
    first = chunk[0].text
    if len(chunk) > 4 or any(t.text.isupper() and len(t.text) > 1 for t in chunk):
        return False
    if _korean_name(chunk):
        return True
    if any(t.lower in lexicon.STOP or t.lower in _HEADS for t in chunk[1:]):
        return False
    if first in lexicon.EAST_ASIAN_SURNAMES and len(chunk) <= 3:
        return True
    if first in lexicon.GIVEN_NAMES:
        return True
    if headline or chunk[0].lower in lexicon.STOP or chunk[0].lower in _HEADS:
        return False
    if first in lexicon.LISTED_GIVEN_NAMES and not doc.lower_words[chunk[0].lower]:
        return True
    if any(doc.lower_words[t.lower] for t in chunk):
        return False
    last = chunk[-1].text
    if last in lexicon.COMMON_SURNAMES or last in doc.surnames:
        return True
    if role_after().match(doc.norm, chunk[-1].end) is not None:
        return True
    return len(chunk) == 2 and doc.stands_alone(chunk[0].text, last)


def single_word_span(norm: str, start: int, end: int, doc_lower_words: LowerWords) -> Span | None:
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
    if doc_lower_words[word.casefold()]:
        return None
    return Span(start, end, "PERSON", word, partial=True)


@dataclass(slots=True)
class _Piece:
    tokens: list[Token]
    titled: bool
    next_title: str = ""


def name_spans(
    run_start: int,
    run_end: int,
    fixed: list[Span],
    doc: DocInfo,
    headline: bool = False,
    byline: bool = False,
) -> tuple[list[Span], list[Span]]:
    """Return (new spans, fixed spans absorbed into longer names) for one capitalised run."""
    tokens = run_tokens(doc.norm, run_start, run_end, fixed)
    if not headline and not byline:
        whole = _name_around_place(doc, tokens)
        if whole is not None:
            span, place = whole
            return [span], [place]
        listed = _listed_names_around_places(doc, tokens)
        if listed is not None:
            return listed
    return _stretch_spans(doc, tokens, headline, byline)


def _listed_names_around_places(
    doc: DocInfo, tokens: list[Token]
) -> tuple[list[Span], list[Span]] | None:
    """Split "Eximbank and Credit Suisse First Boston" at "and" when a part is a name of its own.

    Only when some part is an organisation named around a place; otherwise the run stays
    whole, as "Argyll and Sutherland Highlanders" must.
    """
    if head_type(tokens) is not None:
        return None  # one name ending in its head ("Texas Parks and Wildlife Department")
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if token.lower == "and" and token.fixed is None:
            parts.append([])
        else:
            parts[-1].append(token)
    if len(parts) < 2 or not all(parts):
        return None
    found: list[Span] = []
    absorbed: list[Span] = []
    split = False
    for part in parts:
        around = _name_around_place(doc, part)
        if around is not None:
            split = True
            found.append(around[0])
            absorbed.append(around[1])
            continue
        new, taken = _stretch_spans(doc, part, False, False)
        found.extend(new)
        absorbed.extend(taken)
    return (found, absorbed) if split else None


def _stretch_spans(
    doc: DocInfo, tokens: list[Token], headline: bool, byline: bool
) -> tuple[list[Span], list[Span]]:
    """Spans for the tokens of a run, stretch by stretch between fixed spans and possessives."""
    norm = doc.norm
    found: list[Span] = []
    absorbed: list[Span] = []
    stretches = split_at_breaks(tokens)
    previous_fixed: Token | None = None
    for number, stretch in enumerate(stretches):
        if stretch[0].fixed is not None and stretch[0].fixed.type != "NORP":
            previous_fixed = stretch[0]
            continue
        before = previous_fixed
        previous_fixed = None
        # In a title-case headline every word is capitalised, so only real names count.
        stop = lexicon.STOP if headline else lexicon.FUNCTION_STOP
        while (
            stretch
            and (stretch[0].lower in stop or stretch[0].lower in CONNECTORS)
            and not _korean_name(stretch)  # "Oh Jin-ho": a surname that is also a word
        ):
            stretch = stretch[1:]
            before = None
        while stretch and stretch[-1].lower in CONNECTORS:
            stretch = stretch[:-1]
        if not stretch:
            continue
        following = stretches[number + 1][0] if number + 1 < len(stretches) else None
        joined = _given_names_before(norm, stretch, following)
        if joined is not None and following is not None and following.fixed is not None:
            found.append(joined)
            absorbed.append(following.fixed)
            continue
        found.extend(_classify_stretch(doc, stretch, before, absorbed, headline, byline))
    return found, absorbed


def _name_around_place(doc: DocInfo, tokens: list[Token]) -> tuple[Span, Span] | None:
    """Return an organisation's name that merely contains a place or nationality word.

    "Credit Suisse First Boston", "British Petroleum" and "Liberal Democrats" are names of
    their own: the capitalised words before or after the curated place word continue it.
    Titles, heads, connectors, other known names and personal names leave the run alone, and
    so does a geographic qualifier before the place ("Central Asia") or a sentence opener.
    """
    # A sentence-initial article is not part of the name ("The Liberal Democrats said").
    while tokens and tokens[0].lower in ARTICLES and tokens[0].fixed is None:
        tokens = tokens[1:]
    places = [t for t in tokens if t.fixed is not None]
    if len(tokens) < 2 or len(places) != 1:
        return None
    place = places[0]
    assert place.fixed is not None
    if place.fixed.type not in ("GPE", "NORP") or place.fixed.priority < 5:
        return None
    if place.text.isupper() or any(t.possessive for t in tokens):
        return None
    if doc.norm[place.end : place.end + 1] in ("'", "’"):
        return None  # a possessive place ("Russia's Mikoyan-Gurevich") owns, not names
    index = tokens.index(place)
    others = tokens[:index] + tokens[index + 1 :]
    for token in others:
        if (
            not token.text[:1].isupper()
            or token.text.isupper()
            or (token is tokens[0] and token.lower in lexicon.TITLE_MODIFIERS)
            or (token is tokens[0] and token.lower in lexicon.STOP and doc.lower_words[token.lower])
            or token.lower in CONNECTORS
            or token.lower in _HEADS
            or token.lower in PLACE_QUALIFIERS
            or is_title(token)
            or "-" in token.text
            or "." in token.text
            or token.text in lexicon.GIVEN_NAMES
        ):
            return None
    norm = doc.norm
    if index > 0:
        opener = norm[: tokens[0].start].rstrip(" \t\"'(")
        if not opener or opener[-1] in ".!?:;-\n":
            return None  # a sentence opener before the place ("Nuclear-armed North Korea")
    if index + 1 < len(tokens) and person_like(tokens[index + 1 :], doc):
        return None  # a person after a nationality ("Russian Sergei Shoigu")
    if person_like(tokens, doc):
        return None
    start, end = tokens[0].start, tokens[-1].end
    span = Span(start, end, "ORG", _clean(norm[start:end]), priority=1)
    return span, place.fixed


def _given_names_before(norm: str, stretch: list[Token], following: Token | None) -> Span | None:
    """Join a given name and initials to a known person after them ("George W" + "Bush")."""
    if (
        following is None
        or following.fixed is None
        or following.fixed.type != "PERSON"
        or norm[stretch[-1].end : following.start] != " "
        or stretch[0].text not in lexicon.GIVEN_NAMES
        or stretch[-1].possessive
    ):
        return None
    if not all(len(t.text.rstrip(".")) == 1 or t.text in lexicon.GIVEN_NAMES for t in stretch):
        return None
    fixed = following.fixed
    return Span(stretch[0].start, fixed.end, "PERSON", fixed.canonical, priority=fixed.priority)


def _classify_stretch(
    doc: DocInfo,
    stretch: list[Token],
    before: Token | None,
    absorbed: list[Span],
    headline: bool,
    byline: bool,
) -> list[Span]:
    pieces: list[_Piece] = []
    current: list[Token] = []
    after_title = title_before(doc.norm, stretch[0].start)
    index = 0
    while index < len(stretch):
        token = stretch[index]
        if is_title(token) and not token.possessive and not _title_in_name(stretch, index):
            while current and current[-1].lower in lexicon.TITLE_MODIFIERS:
                current.pop()
            if current:
                pieces.append(_Piece(current, after_title, token.lower.rstrip(".")))
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
        pieces.append(_Piece(current, after_title))
    spans: list[Span] = []
    for piece in pieces:
        spans.extend(_classify_piece(doc, piece, before, absorbed, headline, byline))
        before = None
    return spans


def _title_in_name(stretch: list[Token], index: int) -> bool:
    """A capitalised title right before a head noun is part of a name ("General Bureau")."""
    following = stretch[index + 1] if index + 1 < len(stretch) else None
    return (
        following is not None
        and following.fixed is None
        and following.lower in _HEADS
        and following.text[0].isupper()
        and stretch[index].text[0].isupper()
    )


def _classify_piece(
    doc: DocInfo,
    piece_info: _Piece,
    before: Token | None,
    absorbed: list[Span],
    headline: bool,
    byline: bool,
) -> list[Span]:
    norm = doc.norm
    piece, titled = piece_info.tokens, piece_info.titled
    stop = lexicon.STOP if headline else lexicon.FUNCTION_STOP
    while (
        piece
        and (piece[0].lower in stop or piece[0].lower in CONNECTORS)
        and not _korean_name(piece)
    ):
        piece = piece[1:]
        before = None
    if _surname_that_is_a_word(piece):
        start, end = piece[0].start, piece[-1].end
        return [Span(start, end, "PERSON", _clean(norm[start:end]), priority=1)]
    if (
        len(piece) == 1
        and piece[0].lower in SINGLE_ORG_WORDS
        and not doc.lower_words[piece[0].lower]
        and not headline
        and (before is None or norm[before.end : piece[0].start] not in (" ", "-"))
    ):
        if piece_info.next_title:
            return []  # part of a title: "Chief Cabinet Secretary", "Army Chief"
        return [Span(piece[0].start, piece[0].end, "ORG", piece[0].text, priority=1)]
    headed = None
    if piece and not (headline and before is None):
        adjacent = before is not None and norm[before.end : piece[0].start] in (" ", "-")
        headed = head_type(piece, adjacent)
    if headed is None:
        while piece and (piece[0].lower in lexicon.STOP or piece[0].lower in CONNECTORS):
            piece = piece[1:]
            before = None
    if not piece:
        return []
    if headed is None and before is not None and len(piece) == 1:
        headed = head_type([before, *piece])
    if headed is not None:
        if piece_info.next_title in OFFICE_TITLES:
            return []  # an office name ("Trade and Industry Secretary") is a title, not an ORG
        entity_type, first = headed
        spans: list[Span] = []
        if first > 0:
            rest = piece[:first]
            while rest and rest[-1].lower in CONNECTORS:
                rest = rest[:-1]
            if rest:
                earlier = _Piece(rest, titled)
                spans = _classify_piece(doc, earlier, before, absorbed, headline, byline)
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
        # Nationality words inside the name ("Council of Scottish Colonels") belong to it.
        absorbed.extend(t.fixed for t in piece if t.fixed is not None)
        text = norm[start : piece[-1].end]
        return [*spans, Span(start, piece[-1].end, entity_type, _clean(text), priority=1)]
    if piece_info.next_title in PARTY_TITLES and not person_like(piece, doc, headline):
        party = [t for t in piece if t.lower not in lexicon.STOP]
        if (
            party
            and len(party) <= 3
            and all(t.text[0].isupper() and t.fixed is None for t in party)
        ):
            start, end = party[0].start, party[-1].end
            text = _clean(norm[start:end])
            return [Span(start, end, "ORG", text, priority=1, by_context=len(party) == 1)]
    return _classify_chunks(doc, piece, titled, headline, byline)


def _classify_chunks(
    doc: DocInfo, piece: list[Token], titled: bool, headline: bool, byline: bool
) -> list[Span]:
    spans: list[Span] = []
    chunk: list[Token] = []
    for index, token in enumerate([*piece, None]):
        if token is not None and token.fixed is None and token.lower not in lexicon.STOP:
            if token.lower not in CONNECTORS:
                chunk.append(token)
                continue
            if (
                token.lower in NAME_PARTICLES
                and chunk
                and index + 1 < len(piece)
                and piece[index + 1].lower not in CONNECTORS
            ):
                chunk.append(token)
                continue
        if chunk:
            spans.extend(_classify_chunk(doc, chunk, titled, headline, byline))
        chunk = []
    return spans


def _classify_chunk(
    doc: DocInfo, chunk: list[Token], titled: bool, headline: bool, byline: bool
) -> list[Span]:
    norm = doc.norm
    start, end = chunk[0].start, chunk[-1].end
    text = _clean(norm[start:end])
    if len(chunk) == 1:
        token = chunk[0].text
        if is_acronym_token(token):
            return [Span(start, end, "ORG", token, priority=0)]
        if token[0].isupper() and not doc.lower_words[token.lower()] and len(token) > 1:
            return [Span(start, end, "PERSON", text, partial=True, after_title=titled)]
        return []
    if titled or (byline and len(chunk) <= 3) or person_like(chunk, doc, headline):
        return [Span(start, end, "PERSON", text, priority=0)]
    return []


_TITLE_REACH = max(30, 2 + max(len(word) for word in lexicon.TITLES | lexicon.ROLE_WORDS))


def title_before(norm: str, start: int) -> bool:
    """Return True when a title word ("leader", "Gen.") stands right before the offset."""
    if start < 2 or norm[start - 1] != " ":
        return False
    # A newline further back than a title's length cannot end a title word.
    line_from = max(0, start - _TITLE_REACH)
    space = max(
        norm.rfind(" ", max(0, start - 30), start - 1), norm.rfind("\n", line_from, start - 1)
    )
    word = norm[space + 1 : start - 1]
    return word.casefold() in lexicon.TITLES or word in lexicon.ROLE_WORDS


def _clean(text: str) -> str:
    return " ".join(text.replace("’", "'").split())
