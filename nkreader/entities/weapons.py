"""Weapon designations (Hwasong-17, F-35A), ship names and weapon-class terms."""

from __future__ import annotations

import re

from nkreader.entities.grammar import trie_pattern
from nkreader.entities.knowledge import Knowledge, alias_key
from nkreader.entities.names import Span

SHIP = re.compile(
    r"(?<![\w-])(?:USS|ROKS|HMS|HMAS|INS)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}"
)
_IRREGULAR = {"torpedoes": "torpedo", "artillery": "artillery", "aircraft": "aircraft"}


def singular(word: str) -> str:
    """Return the singular of a weapon head noun."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class WeaponGrammar:
    """Regexes for weapon names built once from the knowledge vocabulary."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        vocab = knowledge.weapons
        self.vocab = vocab
        long_prefixes = sorted((p for p in knowledge.designations if len(p) >= 4), key=len)
        short_prefixes = sorted((p for p in knowledge.designations if len(p) < 4), key=len)
        self._prefixes = {p.casefold(): p for p in knowledge.designations}
        self.designation = re.compile(
            r"(?<![\w-])(?:(?P<long>"
            + "|".join(map(re.escape, reversed(long_prefixes)))
            + r")[- ]?|(?P<short>"
            + "|".join(map(re.escape, reversed(short_prefixes)))
            + r")-)(?P<num>\d{1,4})(?P<suffix>[A-Z]{0,3}|[a-z]{1,2})(?![\w])"
        )
        modifiers = trie_pattern(sorted(vocab.modifiers))
        heads = trie_pattern(sorted(vocab.heads))
        self.weapon_class = re.compile(
            rf"(?<![\w-])(?P<mods>{modifiers}(?:[ -]{modifiers})*)[ -](?P<head>{heads})(?![\w-])"
            rf"|(?<![\w-])(?P<bare>{trie_pattern(sorted(vocab.bare))})(?![\w-])",
            re.IGNORECASE,
        )
        self._modifier_words = sorted(vocab.modifiers, key=len, reverse=True)

    def designation_canonical(self, name: str) -> str | None:
        """Return "Hwasong-17" for "Hwasong 17", "KN-23" for "KN-23", else None."""
        match = self.designation.fullmatch(name.strip())
        return None if match is None else self._designation(match)

    def _designation(self, match: re.Match[str]) -> str:
        prefix = match.group("long") or match.group("short")
        suffix = match.group("suffix")
        if suffix in ("s", "es"):
            suffix = ""
        return f"{self._prefixes[prefix.casefold()]}-{match.group('num')}{suffix}"

    def spans(self, norm: str) -> list[Span]:
        """Return weapon spans: designations, ship names and class terms."""
        spans = [
            Span(*m.span(), "WEAPON", self._designation(m), priority=4)
            for m in self.designation.finditer(norm)
        ]
        spans.extend(Span(*m.span(), "WEAPON", m.group(), priority=4) for m in SHIP.finditer(norm))
        for match in self.weapon_class.finditer(norm):
            span = self._class_span(match)
            if span is not None:
                spans.append(span)
        return spans

    def _class_span(self, match: re.Match[str]) -> Span | None:
        phrase = " ".join(match.group().split()).lower()
        if match.group("bare") is None:
            mods = self._split_modifiers(match.group("mods").lower())
            head = match.group("head").lower()
            if mods is None or not self._valid(mods, head):
                return None
            canonical_phrase = " ".join([*mods, singular(head)])
        else:
            words = phrase.split()
            canonical_phrase = " ".join([*words[:-1], singular(words[-1])])
        known = self.knowledge.names.get(alias_key(phrase)) or self.knowledge.names.get(
            alias_key(canonical_phrase)
        )
        canonical = known.canonical if known and known.type == "WEAPON" else canonical_phrase
        return Span(*match.span(), "WEAPON", canonical, priority=2)

    def _split_modifiers(self, text: str) -> list[str] | None:
        words: list[str] = []
        rest = text
        while rest:
            for modifier in self._modifier_words:
                if rest.startswith(modifier) and (
                    len(rest) == len(modifier) or rest[len(modifier)] in " -"
                ):
                    words.append(modifier)
                    rest = rest[len(modifier) + 1 :]
                    break
            else:
                return None
        return words

    def _valid(self, mods: list[str], head: str) -> bool:
        following = [*mods[1:], head]
        for modifier, nxt in zip(mods, following, strict=True):
            allowed = self.vocab.restricted.get(modifier)
            if allowed is not None and nxt.split()[0] not in allowed:
                return False
        if head in self.vocab.generic_heads:
            return mods[-1] in self.vocab.generic_modifiers
        return True
