"""Lexical comparison of sentences: stems, sentence alignment and word-level diffs."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from nkreader.sentences import Word, words

MatchKind = Literal["verbatim", "paraphrase", "entities"]
ChangeOp = Literal["added", "dropped", "changed"]
Span = tuple[int, int]

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while who
    whom why will with would you your yet said says say told according""".split()
)
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("izations", "ize"),
    ("ization", "ize"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("nesses", ""),
    ("ness", ""),
    ("ments", ""),
    ("ment", ""),
    ("ingly", ""),
    ("ives", ""),
    ("ive", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)
# A few verbs that wire services and translated state media use interchangeably.
_SYNONYMS = {
    "unveil": "reveal",
    "disclos": "reveal",
    "enlarg": "expand",
    "bolster": "strengthen",
    "boost": "strengthen",
    "enhanc": "strengthen",
    "fir": "launch",
    "fire": "launch",
    "vow": "pledge",
    "pledg": "pledge",
}
_MIN_LEXICAL = 0.32
_MIN_ENTITY = 0.45
_MIN_WEAK = 0.15
_CANDIDATES_PER_SENTENCE = 8
_ORDER_BONUS = 0.08


@dataclass(frozen=True)
class Profile:
    """What alignment needs to know about one sentence."""

    start: int
    end: int
    words: tuple[Word, ...]
    stems: frozenset[str]
    grams: frozenset[tuple[str, str, str]]
    keys: frozenset[str]


@dataclass(frozen=True)
class Match:
    """Sentence `left` of one text matched to sentence `right` of the other."""

    left: int
    right: int
    kind: MatchKind
    score: float


@dataclass(frozen=True)
class WordChange:
    """One word-level difference inside an aligned pair, offsets into each body."""

    op: ChangeOp
    left: Span | None
    right: Span | None
    left_text: str
    right_text: str


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A small suffix-stripping stemmer, enough to match inflections across reports."""
    lowered = word.lower().replace("’", "'")
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    lowered = lowered.replace("'", "")
    if len(lowered) <= 3 or not lowered.isalpha():
        return _SYNONYMS.get(lowered, lowered)
    for suffix, replacement in _SUFFIXES:
        if lowered.endswith(suffix) and len(lowered) - len(suffix) >= 3:
            if suffix == "s" and lowered[-2] in "siu":
                break  # "press", "focus", "analysis" are not plurals
            lowered = lowered[: -len(suffix)] + replacement
            break
    if len(lowered) > 4 and lowered[-1] == lowered[-2] and lowered[-1] not in "lsz":
        lowered = lowered[:-1]
    if len(lowered) > 4 and lowered.endswith("e"):
        lowered = lowered[:-1]
    return _SYNONYMS.get(lowered, lowered)


def normalize(word: str) -> str:
    """Lower-case a token and unify typographic apostrophes, for exact comparison."""
    lowered = word.lower()
    return lowered.replace("’", "'") if "’" in lowered else lowered


def profile(
    text: str, start: int, end: int, masked: Sequence[Span] = (), keys: Iterable[str] = ()
) -> Profile:
    """Profile text[start:end]; words inside `masked` spans (names) are left out of the stems."""
    tokens = tuple(words(text, start, end))
    lowered = [normalize(token[2]) for token in tokens]
    stems = frozenset(
        stem(low)
        for token, low in zip(tokens, lowered, strict=True)
        if low not in STOPWORDS and not (masked and _inside(token[0], masked))
    )
    grams = frozenset(zip(lowered, lowered[1:], lowered[2:], strict=False))
    return Profile(start, end, tokens, stems, grams, frozenset(keys))


def _inside(offset: int, spans: Sequence[Span]) -> bool:
    """Whether offset falls in one of the sorted, disjoint spans."""
    index = bisect_left(spans, (offset + 1, -1)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def idf_weights(profiles: Iterable[Profile]) -> dict[str, float]:
    """Inverse document frequency of every stem and key, sentences as documents."""
    counts: Counter[str] = Counter()
    total = 0
    for item in profiles:
        total += 1
        counts.update(item.stems)
        counts.update(item.keys)
    return {term: math.log(1.0 + total / df) for term, df in counts.items()}


class PairScorer:
    """Scores sentence pairs with IDF weights, each sentence's norm computed once."""

    def __init__(self, profiles: Iterable[Profile]) -> None:
        self.idf = idf_weights(profiles)
        self._squared = {term: value * value for term, value in self.idf.items()}
        self._norms: dict[frozenset[str], float] = {}

    def cosine(self, a: frozenset[str], b: frozenset[str]) -> float:
        """IDF-weighted cosine of two term sets."""
        shared = a & b
        if not shared:
            return 0.0
        squared = self._squared
        return sum(squared[t] for t in shared) / (self._norm(a) * self._norm(b))

    def _norm(self, terms: frozenset[str]) -> float:
        norm = self._norms.get(terms)
        if norm is None:
            norm = math.sqrt(sum(self._squared[t] for t in terms))
            self._norms[terms] = norm
        return norm

    def score(self, a: Profile, b: Profile) -> tuple[MatchKind, float, bool]:
        """Kind and score of the best reading of a pair, and whether it is strong on its own."""
        lexical = self.cosine(a.stems, b.stems)
        shared_grams = len(a.grams & b.grams)
        containment = shared_grams / max(1, min(len(a.grams), len(b.grams)))
        if (shared_grams >= 4 and containment >= 0.25) or (
            shared_grams >= 2 and containment >= 0.6
        ):
            return "verbatim", max(lexical, 0.5 + 0.5 * containment), True
        entity = self.cosine(a.keys, b.keys) if len(a.keys & b.keys) >= 2 else 0.0
        if lexical >= _MIN_LEXICAL and lexical >= entity * 0.8:
            return "paraphrase", max(lexical, (lexical + entity) / 2), True
        if entity >= _MIN_ENTITY:
            return "entities", 0.6 * entity + 0.4 * lexical, True
        if lexical >= entity:
            return "paraphrase", lexical, False
        return "entities", 0.6 * entity + 0.4 * lexical, False


def align(left: Sequence[Profile], right: Sequence[Profile]) -> list[Match]:
    """One-to-one sentence matches: best first, in-order ones favoured, gaps filled."""
    scorer = PairScorer([*left, *right])
    strong: list[Match] = []
    weak: dict[tuple[int, int], Match] = {}
    for i, j in _candidate_pairs(left, right, scorer.idf):
        kind, score, is_strong = scorer.score(left[i], right[j])
        if is_strong:
            strong.append(Match(i, j, kind, score))
        elif score >= _MIN_WEAK:
            weak[(i, j)] = Match(i, j, kind, score)
    anchors = _greedy(strong, lambda m: m.score)
    in_order = _monotone_checker(anchors)
    chosen = _greedy(strong, lambda m: m.score + (_ORDER_BONUS if in_order(m) else 0.0))
    _fill_gaps(chosen, weak)
    return sorted(chosen, key=lambda m: m.left)


def _candidate_pairs(
    left: Sequence[Profile], right: Sequence[Profile], idf: Mapping[str, float]
) -> Iterable[tuple[int, int]]:
    """Pairs that share enough informative terms to be worth scoring (inverted index)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for j, item in enumerate(right):
        for term in item.stems | item.keys:
            postings[term].append(j)
    common = max(8, len(right) // 5)
    for i, item in enumerate(left):
        overlap: defaultdict[int, float] = defaultdict(float)
        for term in item.stems | item.keys:
            hits = postings.get(term)
            if hits and len(hits) <= common:
                weight = idf[term]
                for j in hits:
                    overlap[j] += weight
        best = sorted(overlap, key=lambda j: -overlap[j])[:_CANDIDATES_PER_SENTENCE]
        for j in best:
            yield i, j


def _greedy(matches: Sequence[Match], rank: Callable[[Match], float]) -> list[Match]:
    """Take matches best first, each sentence at most once."""
    used_left: set[int] = set()
    used_right: set[int] = set()
    chosen: list[Match] = []
    for match in sorted(matches, key=lambda m: (-rank(m), m.left, m.right)):
        if match.left in used_left or match.right in used_right:
            continue
        used_left.add(match.left)
        used_right.add(match.right)
        chosen.append(match)
    return chosen


def _monotone_checker(anchors: Sequence[Match]) -> Callable[[Match], bool]:
    """A test for whether a match sits between its neighbouring anchors on both sides."""
    ordered = sorted((m.left, m.right) for m in anchors)
    lefts = [pair[0] for pair in ordered]

    def in_order(match: Match) -> bool:
        index = bisect_left(lefts, match.left)
        before = ordered[index - 1][1] if index > 0 else -1
        after_index = index + 1 if index < len(lefts) and lefts[index] == match.left else index
        after = ordered[after_index][1] if after_index < len(ordered) else math.inf
        return before < match.right < after

    return in_order


def _fill_gaps(chosen: list[Match], weak: Mapping[tuple[int, int], Match]) -> None:
    """Accept weaker pairs that continue a run of aligned neighbours on both sides."""
    changed = True
    while changed:
        changed = False
        pairs = {(m.left, m.right) for m in chosen}
        used_left = {m.left for m in chosen}
        used_right = {m.right for m in chosen}
        for (i, j), match in sorted(weak.items(), key=lambda item: -item[1].score):
            if i in used_left or j in used_right:
                continue
            if (i - 1, j - 1) in pairs or (i + 1, j + 1) in pairs:
                chosen.append(match)
                pairs.add((i, j))
                used_left.add(i)
                used_right.add(j)
                changed = True


def word_diff(
    left_text: str, left: Profile, right_text: str, right: Profile
) -> tuple[WordChange, ...]:
    """Word-level differences between two aligned sentences."""
    a = [normalize(w[2]) for w in left.words]
    b = [normalize(w[2]) for w in right.words]
    changes: list[WordChange] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        left_span = (left.words[a0][0], left.words[a1 - 1][1]) if a1 > a0 else None
        right_span = (right.words[b0][0], right.words[b1 - 1][1]) if b1 > b0 else None
        op: ChangeOp = "changed" if tag == "replace" else "dropped" if tag == "delete" else "added"
        changes.append(
            WordChange(
                op,
                left_span,
                right_span,
                left_text[left_span[0] : left_span[1]] if left_span else "",
                right_text[right_span[0] : right_span[1]] if right_span else "",
            )
        )
    return tuple(changes)
