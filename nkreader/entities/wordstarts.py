"""One regex pass that finds where any of several word-led patterns may start."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from nkreader.entities.grammar import trie_pattern


def fold(text: str) -> str:
    """Return text lower-cased with the same length, so offsets carry over.

    Every character that a case-insensitive regex matches to an ASCII letter lower-cases to
    that letter, except these three, which are mapped by hand.
    """
    low = text.lower()
    if low.isascii():
        return low
    if len(low) != len(text):
        low = text.replace("İ", "i").lower()
    if "ı" in low or "ſ" in low:
        low = low.replace("ı", "i").replace("ſ", "s")
    return low


class WordStarts:
    """Offsets of non-word characters that stand before a lead word of some pattern.

    Each pattern names the lower-case words one of its matches must start with (a space
    standing for a space or a hyphen); the offsets are a superset of where it can match,
    found for all patterns in one scan of the lower-cased text instead of one scan each.
    """

    def __init__(self, lead_words: Mapping[str, Iterable[str]]) -> None:
        self.keys = tuple(lead_words)
        owners: dict[str, set[str]] = {}
        for key, words in lead_words.items():
            for word in words:
                owners.setdefault(_lead_key(word), set()).add(key)
        # The trie captures the longest lead word, so a hit belongs to every pattern with a
        # lead word that is a prefix of it.
        self._dispatch: dict[str, tuple[str, ...]] = {}
        for word in owners:
            keys: set[str] = set()
            for end in range(len(word) + 1):
                keys.update(owners.get(word[:end], ()))
            self._dispatch[word] = tuple(k for k in self.keys if k in keys)
        firsts = {word[:1] for word in owners}
        if " " in firsts:
            firsts.add("-")
        # The character class in front rejects most positions before the trie is tried; an
        # empty lead word, which stands anywhere, rules it out.
        first_class = (
            "" if "" in firsts else "(?=[" + "".join(map(re.escape, sorted(firsts))) + "])"
        )
        self._pattern = re.compile(r"[^\w]" + first_class + "(?=(" + trie_pattern(owners) + "))")

    def find(self, padded_low: str) -> dict[str, list[int]]:
        """Map each pattern to the offsets in a folded text with one character before it."""
        starts: dict[str, list[int]] = {key: [] for key in self.keys}
        dispatch = self._dispatch
        for hit in self._pattern.finditer(padded_low):
            offset = hit.start()
            for key in dispatch[hit.group(1).replace("-", " ")]:
                starts[key].append(offset)
        return starts


def _lead_key(word: str) -> str:
    return word.lower().replace("-", " ")
