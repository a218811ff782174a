"""Weapon designations (Hwasong-17, F-35A), ship names and weapon-class terms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from nkreader.entities.grammar import both_cases, starts_word, trie_pattern
from nkreader.entities.knowledge import Knowledge, alias_key
from nkreader.entities.names import Span

# A ship's name: capitalised words, an initial among them ("USS John F. Kennedy").
SHIP = re.compile(
    r"(?:USS|ROKS|HMS|HMAS|HMCS|HMNZS|INS|JS|TCG)\s+[A-Z][\w'-]*"
    r"(?:\s+(?:[A-Z]\.|[A-Z][\w'-]*)){0,3}"
)
SHIP_WORDS = frozenset(
    "the destroyer destroyers ship ships vessel vessels carrier escort frigate warship"
    " warships submarine cruiser helicopter-carrier and".split()
)
# Stems written without a hyphen: tanks, guns and launchers ("M1A2", "K1A1", "M777", "K239").
COMPACT_STEMS = frozenset({"M", "K"})
_IRREGULAR = {"torpedoes": "torpedo", "artillery": "artillery", "aircraft": "aircraft"}


def _starts_name(text: str, start: int) -> bool:
    return starts_word(text, start) and (start == 0 or text[start - 1] != "-")


def _ship_prefix_fits(norm: str, start: int, name: str) -> bool:
    """ "JS" is a ship only after "the" or a ship word ("the JS Maya"): alone it is initials
    ("Lt Gen JS Dhillon", "JS Bach")."""
    if not name.startswith("JS "):
        return True
    before = norm[max(0, start - 20) : start].split()
    return bool(before) and before[-1].casefold() in SHIP_WORDS


def norm_text(match: re.Match[str], start: int) -> str:
    """Return the matched text from start on."""
    return match.string[start : match.end()]


def _matches_at(
    pattern: re.Pattern[str], padded: str, starts: Iterable[int]
) -> list[re.Match[str]]:
    """Return the match at the text's start, then what finditer would find in the text.

    The pattern begins with the non-word character before a word; it is tried only at the
    offsets in starts, which must hold every place it can match.
    """
    first = pattern.match(padded)
    matches = [first] if first is not None else []
    end = 1
    for start in starts:
        if start >= end:
            match = pattern.match(padded, start)
            if match is not None:
                matches.append(match)
                end = match.end()
    return matches


def _hyphen_fits(match: re.Match[str]) -> bool:
    """Long stems may drop the hyphen ("Hwasong 17"); so may land systems with a numbered
    variant or a three-digit number ("M1A2", "K239"), not flu (H5N1) or roads (M25)."""
    sep = match.group("sep")
    stem_length = match.start("sep") - match.start()
    if sep == "-" or stem_length >= 4:
        return True
    compact = match.group()[:stem_length] in COMPACT_STEMS
    three_digits = re.fullmatch(r"\d{3,4}", match.group("num")) is not None  # not "M4-5"
    numbered = any(ch.isdigit() for ch in match.group("suffix")) or three_digits
    return sep == "" and compact and numbered


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
        self._prefixes: dict[str, str] = {}
        for prefix in sorted(knowledge.designations, key=lambda p: (p != p.upper(), p)):
            stem = knowledge.designation_spellings.get(prefix, prefix)
            self._prefixes.setdefault(prefix.casefold(), stem)  # "MK-54" for "Mk-54" too
        # The suffix is a variant, maybe numbered ("F-35A", "M1A2"), or a plural ("F-35As").
        self.designation = re.compile(
            trie_pattern(knowledge.designations)
            + r"(?P<sep>[- ]?)(?P<num>\d{1,4}(?:-\d{1,4})*)"
            # Korean variant letters too: "Hwasong-11Ga", "Hwasong-11Na".
            + r"(?P<suffix>[A-Z]{1,3}\d{0,2}s?|[a-z]{1,2}|Ga|Na|Da|Ra|)(?![\w])"
        )
        first = trie_pattern(both_cases(vocab.modifiers), cased_first=True)
        modifiers = trie_pattern(sorted(vocab.modifiers))
        heads = trie_pattern(sorted(vocab.heads))
        # The first word is matched case-sensitively so the engine can scan for it quickly.
        term = rf"(?P<mods>{first}(?i:(?:[ -]{modifiers})*))[ -](?P<head>(?i:{heads}))(?![\w-])"
        # A leading non-word character lets the engine skip ahead at C speed; a newline put in
        # front of the text stands before a term at its start.
        self.weapon_class = re.compile(rf"[^\w]{term}")
        bare = rf"(?P<bare>{trie_pattern(both_cases(vocab.bare), cased_first=True)})(?![\w-])"
        self.bare_class = re.compile(rf"[^\w]{bare}")
        self._modifier_words = sorted(vocab.modifiers, key=len, reverse=True)

    def designation_canonical(self, name: str) -> str | None:
        """Return "Hwasong-17" for "Hwasong 17", "KN-23" for "KN-23", else None."""
        match = self.designation.fullmatch(name.strip())
        return None if match is None or not _hyphen_fits(match) else self._designation(match)

    def _designation(self, match: re.Match[str]) -> str:
        prefix = match.group()[: match.start("sep") - match.start()]
        suffix = match.group("suffix")
        if suffix in ("s", "es"):
            suffix = ""
        elif len(suffix) > 1 and suffix.endswith("s"):
            suffix = suffix[:-1]  # "F-35As"
        hyphen = "" if match.group("sep") == "" and len(prefix) < 4 else "-"  # "M1A2"
        return f"{self._prefixes[prefix.casefold()]}{hyphen}{match.group('num')}{suffix}"

    def lead_words(self) -> dict[str, set[str]]:
        """Return the words class terms and bare classes start with, for WordStarts."""
        return {"class": self.vocab.modifiers, "bare": self.vocab.bare}

    def spans(self, norm: str, padded: str, starts: Mapping[str, Iterable[int]]) -> list[Span]:
        """Return weapon spans: designations, ship names and class terms.

        padded is the text with a newline in front; starts maps "class" and "bare" to the
        offsets, in padded, of the non-word characters before words that may start terms.
        """
        spans = [
            Span(*m.span(), "WEAPON", self._designation(m), priority=4)
            for m in self.designation.finditer(norm)
            if _starts_name(norm, m.start()) and _hyphen_fits(m)
        ]
        for ship in SHIP.finditer(norm):
            name = ship.group()
            if _starts_name(norm, ship.start()) and _ship_prefix_fits(norm, ship.start(), name):
                spans.append(Span(*ship.span(), "WEAPON", name, priority=4))
        for match in _matches_at(self.weapon_class, padded, starts["class"]):
            # A term after a hyphen is part of a longer word; at the start, the term's own
            # first character is what counts.
            if padded[match.start() or match.start("mods")] == "-":
                continue
            span = self._class_span(match)
            if span is not None:
                spans.append(span)
        for match in _matches_at(self.bare_class, padded, starts["bare"]):
            if not starts_word(padded, match.start("bare")):
                continue
            span = self._class_span(match)
            if span is not None:
                spans.append(span)
        return spans

    def _class_span(self, match: re.Match[str]) -> Span | None:
        is_bare = "bare" in match.re.groupindex
        start = match.start("bare") if is_bare else match.start("mods")
        phrase = " ".join(norm_text(match, start).split()).lower()
        if not is_bare:
            mods = self._split_modifiers(match.group("mods").lower())
            head = match.group("head").lower()
            if mods is None or not self._valid(mods, head):
                return None
            canonical_phrase = " ".join([*mods, singular(head)])
        else:
            words = phrase.split()
            canonical_phrase = " ".join([*words[:-1], singular(words[-1])])
        canonical = canonical_phrase
        words = phrase.split()
        canonical_words = canonical_phrase.split()
        # Extra leading modifiers ("solid-fuel") still name the curated class behind them.
        for index in range(len(words)):
            known = self.knowledge.names.get(alias_key(" ".join(words[index:])))
            known = known or self.knowledge.names.get(alias_key(" ".join(canonical_words[index:])))
            if known is not None and known.type == "WEAPON":
                canonical = known.canonical
                break
        return Span(start - 1, match.end() - 1, "WEAPON", canonical, priority=2)

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
