"""Compare two reports of one event: aligned passages, unique passages, entities, numbers."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from nkreader.model import Article, EntityType, Mention
from nkreader.sentences import NumberFact, Sentence, number_facts, split_sentences
from nkreader.textdiff import Match, MatchKind, Profile, WordChange, align, profile, word_diff

Verdict = Literal["same event", "related", "unrelated"]
NumberStatus = Literal["agree", "differ", "left_only", "right_only"]

_NUMERIC_TYPES = frozenset({"DATE", "QUANTITY"})
_SAME_EVENT = 0.4
_RELATED = 0.15


@dataclass(frozen=True)
class Document:
    """One side of a comparison: an article body and the entity mentions found in it."""

    id: str
    title: str
    body: str
    mentions: tuple[Mention, ...] = ()

    @classmethod
    def from_article(cls, article: Article, mentions: Sequence[Mention] = ()) -> Document:
        """A side built from a loaded article and its extracted mentions."""
        return cls(article.id, article.title, article.body, tuple(mentions))


@dataclass(frozen=True)
class Passage:
    """A span of one body and its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class AlignedPassage:
    """Two passages that report the same thing, with the words that differ."""

    left: Passage
    right: Passage
    kind: MatchKind
    score: float
    changes: tuple[WordChange, ...]


@dataclass(frozen=True)
class EntityCount:
    """How often each side mentions one canonical entity."""

    canonical: str
    type: EntityType
    left_count: int
    right_count: int


@dataclass(frozen=True)
class EntityComparison:
    """Canonical entities both reports name, and those only one names."""

    both: tuple[EntityCount, ...]
    left_only: tuple[EntityCount, ...]
    right_only: tuple[EntityCount, ...]


@dataclass(frozen=True)
class NumberPair:
    """A quantity or date one or both reports give, and whether they agree."""

    status: NumberStatus
    left: NumberFact | None
    right: NumberFact | None


@dataclass(frozen=True)
class DocumentRef:
    """Which article a side of the comparison is."""

    id: str
    title: str


@dataclass(frozen=True)
class Comparison:
    """Everything the CLI and the app show about two reports side by side."""

    left: DocumentRef
    right: DocumentRef
    similarity: float
    verdict: Verdict
    aligned: tuple[AlignedPassage, ...]
    left_only: tuple[Passage, ...]
    right_only: tuple[Passage, ...]
    entities: EntityComparison
    numbers: tuple[NumberPair, ...]


@dataclass(frozen=True)
class _Side:
    """A document prepared for alignment."""

    document: Document
    sentences: tuple[Sentence, ...]
    profiles: tuple[Profile, ...]
    facts: tuple[NumberFact, ...]

    @classmethod
    def build(cls, document: Document) -> _Side:
        sentences = split_sentences(document.body)
        facts = number_facts(document.body, document.mentions, sentences)
        keys = _sentence_keys(document.mentions, facts, sentences)
        # Names are left to the entity keys; lower-case class terms ("ballistic missile")
        # stay in the wording, where they carry a paraphrase.
        masked = sorted((m.start, m.end) for m in document.mentions if _is_name(m.text))
        profiles = tuple(
            profile(document.body, s.start, s.end, masked, keys[index])
            for index, s in enumerate(sentences)
        )
        return cls(document, sentences, profiles, facts)

    def passage(self, index: int) -> Passage:
        sentence = self.sentences[index]
        return Passage(sentence.start, sentence.end, sentence.text)


def _is_name(text: str) -> bool:
    """Whether a mention reads as a proper name, designation or figure."""
    return any(c.isupper() or c.isdigit() for c in text)


def compare(left: Document, right: Document) -> Comparison:
    """Align two reports and collect what they share, what each alone says, and conflicts."""
    left_side, right_side = _Side.build(left), _Side.build(right)
    matches = align(left_side.profiles, right_side.profiles)
    aligned = tuple(_aligned_passage(left_side, right_side, m) for m in matches)
    matched_left = {m.left for m in matches}
    matched_right = {m.right for m in matches}
    numbers = _compare_numbers(left_side.facts, right_side.facts, matches, left_side, right_side)
    entities = compare_entities(left.mentions, right.mentions)
    similarity = _similarity(left_side, right_side, matches, entities)
    return Comparison(
        left=DocumentRef(left.id, left.title),
        right=DocumentRef(right.id, right.title),
        similarity=similarity,
        verdict=verdict_for(similarity),
        aligned=aligned,
        left_only=_unmatched(left_side, matched_left),
        right_only=_unmatched(right_side, matched_right),
        entities=entities,
        numbers=numbers,
    )


def verdict_for(similarity: float) -> Verdict:
    """The verdict an overall similarity earns."""
    if similarity >= _SAME_EVENT:
        return "same event"
    if similarity >= _RELATED:
        return "related"
    return "unrelated"


def _sentence_keys(
    mentions: Sequence[Mention], facts: Sequence[NumberFact], sentences: Sequence[Sentence]
) -> list[set[str]]:
    """Per sentence, the canonical entities and normalised quantities it names."""
    starts = [s.start for s in sentences]
    keys: list[set[str]] = [set() for _ in sentences]
    for mention in mentions:
        if mention.type not in _NUMERIC_TYPES:
            index = bisect_right(starts, mention.start) - 1
            if index >= 0:
                keys[index].add(f"entity:{mention.canonical.lower()}")
    for fact in facts:
        if fact.value is not None and fact.sentence_index >= 0:
            keys[fact.sentence_index].add(f"number:{fact.unit}:{fact.value}")
    return keys


def _aligned_passage(left: _Side, right: _Side, match: Match) -> AlignedPassage:
    """An aligned pair with its word-level diff."""
    changes = word_diff(
        left.document.body,
        left.profiles[match.left],
        right.document.body,
        right.profiles[match.right],
    )
    return AlignedPassage(
        left.passage(match.left),
        right.passage(match.right),
        match.kind,
        round(match.score, 3),
        changes,
    )


def _unmatched(side: _Side, matched: set[int]) -> tuple[Passage, ...]:
    """Sentences of one side that nothing on the other side matches."""
    return tuple(side.passage(i) for i in range(len(side.sentences)) if i not in matched)


def compare_entities(left: Sequence[Mention], right: Sequence[Mention]) -> EntityComparison:
    """Canonical entities (dates and quantities aside) in both, only left and only right."""
    left_counts = _entity_counts(left)
    right_counts = _entity_counts(right)
    rows = [
        EntityCount(
            canonical, kind, left_counts[(canonical, kind)], right_counts[(canonical, kind)]
        )
        for canonical, kind in left_counts.keys() | right_counts.keys()
    ]
    rows.sort(key=lambda r: (-(r.left_count + r.right_count), r.canonical.lower(), r.type))
    return EntityComparison(
        both=tuple(r for r in rows if r.left_count and r.right_count),
        left_only=tuple(r for r in rows if not r.right_count),
        right_only=tuple(r for r in rows if not r.left_count),
    )


def _entity_counts(mentions: Sequence[Mention]) -> Counter[tuple[str, EntityType]]:
    """Mention counts per (canonical, type), leaving numbers to the number table."""
    return Counter((m.canonical, m.type) for m in mentions if m.type not in _NUMERIC_TYPES)


def _compare_numbers(
    left: Sequence[NumberFact],
    right: Sequence[NumberFact],
    matches: Sequence[Match],
    left_side: _Side,
    right_side: _Side,
) -> tuple[NumberPair, ...]:
    """Pair facts that describe the same thing, best evidence first, and mark agreement."""
    aligned = {(m.left, m.right) for m in matches}
    by_unit: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for j, b in enumerate(right):
        by_unit[(b.kind, b.unit)].append(j)
    candidates: list[tuple[float, int, int]] = []
    for i, a in enumerate(left):
        for j in by_unit.get((a.kind, a.unit), ()):
            evidence = _pair_evidence(a, right[j], aligned, left_side, right_side)
            if evidence > 0:
                candidates.append((evidence, i, j))
    pairs: list[NumberPair] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        status: NumberStatus = "agree" if _same_value(left[i], right[j]) else "differ"
        pairs.append(NumberPair(status, left[i], right[j]))
    pairs.extend(NumberPair("left_only", f, None) for i, f in enumerate(left) if i not in used_left)
    pairs.extend(
        NumberPair("right_only", None, f) for j, f in enumerate(right) if j not in used_right
    )
    order = {"differ": 0, "agree": 1, "left_only": 2, "right_only": 3}
    pairs.sort(key=lambda p: (order[p.status], _position(p)))
    return tuple(pairs)


def _position(pair: NumberPair) -> int:
    """Where a pair first appears, to keep the table in reading order."""
    fact = pair.left or pair.right
    return fact.start if fact else 0


def _pair_evidence(
    a: NumberFact, b: NumberFact, aligned: set[tuple[int, int]], left: _Side, right: _Side
) -> float:
    """How strongly two facts describe the same thing; zero when they cannot be paired."""
    if a.kind != b.kind or a.unit != b.unit:
        return 0.0
    in_aligned = (a.sentence_index, b.sentence_index) in aligned
    context = 1.0 if in_aligned else _context_overlap(a, b, left, right)
    if _same_value(a, b):
        return 2.0 + context
    if a.kind == "DATE" and not (_is_calendar_date(a) and _is_calendar_date(b)):
        return 0.0  # "today" and "Dec. 27" may well be the same day
    if a.kind == "DATE" or a.value is None or b.value is None:
        return 1.0 + context if in_aligned else 0.0
    return 1.0 + context if context >= 0.25 else 0.0


def _is_calendar_date(fact: NumberFact) -> bool:
    """Whether a date names a year, month or day rather than a relative time."""
    return isinstance(fact.value, str) and fact.value[:1] in "-0123456789"


def _same_value(a: NumberFact, b: NumberFact) -> bool:
    """Whether two facts give the same value (or, unparsed, the same words)."""
    if a.value is None or b.value is None:
        return a.text.lower() == b.text.lower()
    return a.value == b.value


def _context_overlap(a: NumberFact, b: NumberFact, left: _Side, right: _Side) -> float:
    """Jaccard overlap of the content words of the two facts' sentences."""
    if a.sentence_index < 0 or b.sentence_index < 0:
        return 0.0
    stems_a = left.profiles[a.sentence_index].stems
    stems_b = right.profiles[b.sentence_index].stems
    union = stems_a | stems_b
    return len(stems_a & stems_b) / len(union) if union else 0.0


def _similarity(
    left: _Side, right: _Side, matches: Sequence[Match], entities: EntityComparison
) -> float:
    """Overall similarity in 0..1 from aligned coverage, shared entities and shared words."""
    if not left.sentences or not right.sentences:
        return 0.0  # an empty report describes no event, not even the other's
    cover_left = _coverage(left, [(m.left, m.score) for m in matches])
    cover_right = _coverage(right, [(m.right, m.score) for m in matches])
    coverage = 0.7 * max(cover_left, cover_right) + 0.3 * min(cover_left, cover_right)
    lexical = _document_cosine(left.profiles, right.profiles)
    shared = _entity_overlap(entities)
    if shared is None:
        score = 0.7 * coverage + 0.3 * lexical
    else:
        score = 0.6 * coverage + 0.2 * lexical + 0.2 * shared
    return round(min(1.0, max(0.0, score)), 3)


def _coverage(side: _Side, matched: Sequence[tuple[int, float]]) -> float:
    """Share of a side's text covered by aligned sentences, weighted by match score."""
    total = sum(s.end - s.start for s in side.sentences)
    covered = 0.0
    for index, score in matched:
        sentence = side.sentences[index]
        covered += (sentence.end - sentence.start) * min(1.0, score / 0.6)
    return covered / total if total else 0.0


def _document_cosine(left: Sequence[Profile], right: Sequence[Profile]) -> float:
    """Cosine of whole-text stem counts."""
    a: Counter[str] = Counter(t for p in left for t in p.stems)
    b: Counter[str] = Counter(t for p in right for t in p.stems)
    dot = sum(count * b[t] for t, count in a.items() if t in b)
    norm = math.sqrt(sum(c * c for c in a.values())) * math.sqrt(sum(c * c for c in b.values()))
    return dot / norm if norm else 0.0


def _entity_overlap(entities: EntityComparison) -> float | None:
    """Share of the smaller side's entities that the other side names too; None if no entities."""
    left = len(entities.both) + len(entities.left_only)
    right = len(entities.both) + len(entities.right_only)
    if not left or not right:
        return None
    return len(entities.both) / min(left, right)
