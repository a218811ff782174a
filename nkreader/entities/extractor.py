"""The Extractor: curated names, grammars and name rules combined into mention spans."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from pathlib import Path

from nkreader.entities import compounds, grammar, lexicon
from nkreader.entities.knowledge import Knowledge, KnownName, alias_key, load_knowledge
from nkreader.entities.names import (
    NAME_POSSESSIVES,
    RUN,
    SINGLE_ORG_WORDS,
    DocInfo,
    LowerWords,
    Span,
    name_spans,
    single_word_span,
    title_before,
)
from nkreader.entities.weapons import WeaponGrammar
from nkreader.entities.wordstarts import WordStarts, fold
from nkreader.model import EntityType, Mention

COMPASS = frozenset({"north", "south"})
IDENTIFIER_WORDS = frozenset(
    "resolution unit article no. no number route room gate flight platform chapter section"
    " block phase level type group camp brigade division regiment battalion corps fleet"
    " squadron wing district zone area line site pad".split()
)
# Words around "one" that make it a pronoun ("nor can one rely", "one must").
PRONOUN_ONE_BEFORE = frozenset("can could would should may might must will shall nor if".split())
PRONOUN_ONE_AFTER = re.compile(
    r"\s+(?:can|could|would|should|may|might|must|will|shall|cannot|and)\b"
)
# Words after a lone unknown name that say it is a party, a facility or a place.
PARTY_AFTER = re.compile(
    r" (?:MPs?|MEPs?|MSPs?|backbench(?:ers?)?|activists|voters|supporters|councillors?|peers?"
    r"|candidates?|members|leader)\b"
)
PARTY_WORD_AFTER = re.compile(r" party\b")
PLACE_AFTER = re.compile(
    r" (?:(?P<loc>airfield|airport|air base|airbase|shipyard|naval base|harbou?r)"
    r"|city|town|village|county|district|province|region)\b"
)
PLACE_BEFORE = frozenset({"in", "near", "outside"})
# "shares in Fiat": after these words "in" names a company, not a place.
HOLDING_WORDS = frozenset(
    "share shares stake stakes interest interests investment investments investor investors"
    " shareholder shareholders shareholding holding holdings job jobs role roles member members"
    " staff executive executives unit units division subsidiary confidence trading deal".split()
)
# A capitalised word, hyphen or apostrophe right after a word that continues a longer name.
NAME_GOES_ON = re.compile(r"(?: [A-Z]|-\w)")
# "the war on Iraq": a war named by the country it is waged on or in.
WAR_BEFORE = re.compile(r"(?<![\w-])[Ww]ar\s+(?:on|against|in)\s+(?:the\s+)?$")
# Exercises named with their year and round: "Strait Thunder-2025A", "Joint Sword-2024B".
# Found from the rare code back to the name: scanning for the name first is slower.
EXERCISE_CODE = re.compile(r"-20\d\d[A-Z](?![\w-])")
EXERCISE_NAME = re.compile(r"(?<![\w-])(?!(?:The|A|An|In|On|At) )(?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+$")
ORIGIN_SUFFIX = re.compile(r"-(flagged|registered|based|owned|led|backed|made|built) +")
SHIP_ORIGINS = frozenset({"flagged", "registered"})
PARENTHESISED_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
ACRONYM_DEFINITION = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&.-]{1,9}?)s?\s*\)")
# Starting with a character class (not a lookbehind) keeps the scan at C speed.
SINGLE_WORD = re.compile(r"[A-Z][\w]*(?:'[a-z]*)?")
LONG_WORDS = re.compile(r"[A-Za-z](?<![\w'].)[\w'-]{3,}")
# Credit lines ("Reporting by Josh Smith; Editing by Ed Davies") name people, not headlines.
BYLINE_LINE = re.compile(r"[ \t>*_-]*By\s+[A-Z]")
CREDIT = re.compile(r"[RrEeWwCcPpGg][a-z]+ by [A-Z]")
BY_CAPITAL = re.compile(r" by [A-Z]")
CREDIT_WORDS = frozenset(
    "reporting editing writing research compiled written reported edited produced photo photos"
    " graphics".split()
)
DOC_ONE_WORD = re.compile(r"\b(?:[Tt]he|[Nn]o|[Aa]ny|[Ee]very|[Ee]ach|[Ss]ome|[Tt]his|[Tt]hat)\s+$")
# A possessive inside a curated name: the word before it and the spaces after it.
INNER_POSSESSIVE = re.compile(r"([\w.]+)('s|') +")
KOREAS_AFTER = re.compile(r"\s+(?:Koreas|countries)\b")
PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})
# Capitalised words and "of" right before a place: "Defence Intelligence of " Ukraine.
NAME_OF_BEFORE = re.compile(r"(?<![\w'-])((?:[A-Z][\w'-]* ){1,4})of (?:the )?$")


class Extractor:
    """Finds entity mentions in a text using curated knowledge plus general rules."""

    def __init__(self, user_knowledge: Path | None = None) -> None:
        self.knowledge: Knowledge = load_knowledge(user_knowledge)
        upper, lower = _split_forms(_alias_forms(self.knowledge))
        # The engine scans for the first characters of these at C speed; the lookbehind
        # after the first character keeps the match at the start of a word.
        self._known_upper = re.compile(
            "(?:"
            + grammar.trie_pattern(upper, cased_first=True, after_first=r"(?<![\w].)")
            + r")(?![\w]|-\d)"
        )
        # Names led by a lower-case word are tried only where WordStarts finds that word,
        # one character back, in the text with a newline in front.
        self._known_lower = re.compile(
            r"[^\w](" + grammar.trie_pattern(lower, cased_first=True) + r")(?![\w]|-\d)"
        )
        self._weapons = WeaponGrammar(self.knowledge)
        self._starts = WordStarts(
            {"known": lower, **self._weapons.lead_words(), **grammar.LEAD_WORDS}
        )

    def canonical_for(self, name: str) -> tuple[str, EntityType] | None:
        """Return the canonical name and type a name or alias maps to, or None if unknown."""
        known = self.knowledge.lookup(name)
        if known is not None:
            return known.canonical, known.type
        designation = self._weapons.designation_canonical(name)
        if designation is not None:
            return designation, "WEAPON"
        return None

    def extract(self, text: str) -> tuple[Mention, ...]:
        """Return the sorted, non-overlapping entity mentions in a text."""
        norm = grammar_normalise(text)
        spans = _resolve(self._grammar_spans(norm))
        starts = [s.start for s in spans]
        ends = [s.end for s in spans]
        doc_lower_words = LowerWords(norm)
        doc = DocInfo(norm, doc_lower_words)
        added: list[Span] = []
        absorbed_ids: set[int] = set()
        headlines: dict[int, bool] = {}
        bylines: dict[int, bool] = {}
        has_credit = _has_credit(norm)
        for run in _runs(norm):
            word = run.group()
            lowered = word.casefold()
            if lowered in lexicon.STOP or doc_lower_words[lowered]:
                # A lone capitalised common word (a sentence opener) cannot be a name.
                if lowered in SINGLE_ORG_WORDS and not doc_lower_words[lowered]:
                    added.append(Span(*run.span(), "ORG", word, priority=1))
                continue
            run_start, run_end = run.span()
            inside = spans[
                bisect.bisect_right(ends, run_start) : bisect.bisect_left(starts, run_end)
            ]
            if not inside and SINGLE_WORD.fullmatch(word):
                single = single_word_span(norm, run_start, run_end, doc_lower_words)
                if single is not None:
                    added.append(single)
                continue
            if len(inside) == 1 and inside[0].start <= run_start and _covers(inside[0], run):
                continue
            line_start = norm.rfind("\n", 0, run_start) + 1
            if line_start not in headlines:
                bylines[line_start] = BYLINE_LINE.match(norm, line_start) is not None
                headlines[line_start] = not bylines[line_start] and _is_headline(norm, line_start)
            byline = bylines[line_start] or (
                has_credit and _after_credit(norm, line_start, run_start)
            )
            new, absorbed = name_spans(
                run_start, run_end, inside, doc, headlines[line_start] and not byline, byline
            )
            added.extend(new)
            for span in absorbed:
                absorbed_ids.add(id(span))
        merged = sorted(
            [s for s in spans if id(s) not in absorbed_ids] + added, key=lambda s: s.start
        )
        merged = _resolve_people(merged, norm)
        merged = compounds.grow(merged, norm, self._weapons, doc_lower_words)
        merged = _apply_acronyms(merged, norm, self.knowledge)
        return tuple(
            Mention(s.start, s.end, text[s.start : s.end], s.type, s.canonical) for s in merged
        )

    def _grammar_spans(self, norm: str) -> list[Span]:
        padded = "\n" + norm
        starts = self._starts.find("\n" + fold(norm))
        spans: list[Span] = []
        for start, end in self._known_matches(norm, padded, starts["known"]):
            surface = norm[start:end]
            known = self.knowledge.names.get(surface.casefold().replace("-", " "))
            if known is not None and _case_fits(known, surface, end, norm):
                if known.type == "GPE":
                    war = WAR_BEFORE.search(norm, max(0, start - 20), start)
                    if war is not None:
                        spans.append(self._war_span(war.start(), end, known))
                        continue
                split = self._possessive_split(norm, start, end, known)
                if split:
                    spans.extend(split)
                    continue
                spans.append(Span(start, end, known.type, known.canonical, priority=5))
        spans.extend(self._weapons.spans(norm, padded, starts))
        events = grammar.scan(grammar.EVENT_TRIGGER, grammar.EVENT, norm, starts["EVENT"])
        for match in events:
            spans.append(Span(*match.span(), "EVENT", grammar.event_canonical(match), priority=4))
        for match in grammar.scan(grammar.DATE_TRIGGER, grammar.DATE, norm, starts["DATE"]):
            spans.append(Span(*match.span(), "DATE", match.group(), priority=2))
        quantities = grammar.scan(
            grammar.QUANTITY_TRIGGER, grammar.QUANTITY, norm, starts["QUANTITY"]
        )
        for match in quantities:
            if _is_quantity(match, norm):
                spans.append(Span(*match.span(), "QUANTITY", match.group(), priority=1))
        self._digit_spans(norm, spans)
        for start, end in compounds.numbered_units(norm):
            spans.append(Span(start, end, "ORG", norm[start:end], priority=3))
        for code in EXERCISE_CODE.finditer(norm):
            name = EXERCISE_NAME.search(norm, max(0, code.start() - 40), code.start())
            if name is not None:
                text = norm[name.start() : code.end()]
                spans.append(Span(name.start(), code.end(), "EVENT", text, priority=4))
        return spans

    def _known_matches(
        self, norm: str, padded: str, lower_starts: list[int]
    ) -> list[tuple[int, int]]:
        """Return the (start, end) of curated names, leftmost first, none overlapping.

        A name must start after the end of the one before it plus a non-word character.
        """
        found: list[tuple[int, int]] = []
        allowed = 0
        upper = self._known_upper.search(norm)
        for candidate in [*lower_starts, len(padded)]:
            while upper is not None and upper.start() < candidate:
                found.append(upper.span())
                allowed = upper.end() + 1
                upper = self._known_upper.search(norm, allowed)
            if candidate < allowed or candidate == len(padded):
                continue
            lower = self._known_lower.match(padded, candidate)
            if lower is not None:
                found.append((candidate, lower.end() - 1))
                allowed = lower.end()
                if upper is not None and upper.start() < allowed:
                    upper = self._known_upper.search(norm, allowed)
        return found

    def _possessive_split(self, norm: str, start: int, end: int, known: KnownName) -> list[Span]:
        """Split a curated name at an inner possessive ("Japan's Defense Ministry").

        A possessive never stands inside a name span: the possessor is a name of its own and
        the rest keeps the curated canonical of the whole ("Japanese Defense Ministry").
        """
        match = INNER_POSSESSIVE.search(norm, start, end)
        if match is None or (match.group(1) + match.group(2)).casefold() in NAME_POSSESSIVES:
            return []
        owner = self.knowledge.lookup(norm[start : match.start(1) + len(match.group(1))])
        spans: list[Span] = []
        owner_end = match.start(1) + len(match.group(1))
        if owner is not None:
            spans.append(Span(start, owner_end, owner.type, owner.canonical, priority=5))
        rest = match.end()
        if rest < end:
            spans.append(Span(rest, end, known.type, known.canonical, priority=5))
        return spans

    def _war_span(self, start: int, end: int, country: KnownName) -> Span:
        """Return the EVENT span of "war on Iraq", named like the curated war if there is one."""
        war = self.knowledge.lookup(f"{country.canonical} War")
        if war is not None and war.type == "EVENT":
            return Span(start, end, "EVENT", war.canonical, priority=5)
        return Span(start, end, "EVENT", f"{country.canonical} war", priority=5)

    def _digit_spans(self, norm: str, spans: list[Span]) -> None:
        """Try the date, quantity and event grammars once at each number that starts a word."""
        for hit in grammar.DIGIT_TRIGGER.finditer(norm):
            start = hit.start()
            if not grammar.starts_word(norm, start):
                continue
            date = grammar.DATE.match(norm, start)
            if date is not None:
                spans.append(Span(start, date.end(), "DATE", date.group(), priority=2))
            quantity = grammar.QUANTITY.match(norm, start)
            if quantity is not None and _is_quantity(quantity, norm):
                spans.append(Span(start, quantity.end(), "QUANTITY", quantity.group(), priority=1))
            if norm[hit.end() : hit.end() + 2] not in ("st", "nd", "rd", "th"):
                continue
            event = grammar.EVENT.match(norm, start)
            if event is not None:
                canonical = grammar.event_canonical(event)
                spans.append(Span(start, event.end(), "EVENT", canonical, priority=4))


def grammar_normalise(text: str) -> str:
    """Return the same-length text the grammars run on."""
    from nkreader.entities.knowledge import normalise_text

    return normalise_text(text)


def _covers(span: Span, run: re.Match[str]) -> bool:
    """Return True when a span covers a run up to a possessive ending."""
    return span.end >= run.end() or run.group()[span.end - run.start() :] in ("'s", "'")


def _split_forms(forms: set[str]) -> tuple[set[str], set[str]]:
    """Split alias forms into the rest and the ASCII ones led by a lower-case ASCII letter."""
    # All forms with one first letter go to the same side: the trie picks among them.
    lower = {f for f in forms if "a" <= f[0] <= "z"}
    mixed = {f[0] for f in lower if not f.isascii()}
    lower = {f for f in lower if f[0] not in mixed}
    return forms - lower, lower


def _alias_forms(knowledge: Knowledge) -> set[str]:
    """Return the alias keys with the first letter cased as it may appear in text."""
    forms: set[str] = set()
    for key, known in knowledge.names.items():
        first = known.alias[:1]
        forms.add(first + key[1:])
        if first.islower():
            forms.add(first.upper() + key[1:])
    return forms


def _is_headline(norm: str, line_start: int) -> bool:
    """Return True for a title-case line, where capitals say nothing about names."""
    line_end = norm.find("\n", line_start)
    if line_end - line_start > 250:
        return False  # a paragraph, not a headline
    words = LONG_WORDS.findall(norm, line_start, line_end if line_end >= 0 else len(norm))
    lower = sum(word[0].islower() for word in words)
    return len(words) >= 3 and lower <= max(1, len(words) // 6)


def _has_credit(norm: str) -> bool:
    """Return True when CREDIT matches somewhere, looking only around each " by "."""
    for hit in BY_CAPITAL.finditer(norm):
        start = hit.start()
        while start > 0 and "a" <= norm[start - 1] <= "z":
            start -= 1
        # A credit word is its first letter and the lower-case letters before " by".
        if CREDIT.search(norm, max(0, start - 1), hit.end()) is not None:
            return True
    return False


def _after_credit(norm: str, line_start: int, start: int) -> bool:
    """Return True inside a credit such as "(Reporting by A in Seoul and B in Kyiv"."""
    by = norm.rfind(" by ", line_start, start)
    if by < 0 or any(c in ".;)" for c in norm[by:start]):
        return False
    before = norm[max(line_start, by - 12) : by].split()
    return bool(before) and before[-1].strip("(").casefold() in CREDIT_WORDS


def _case_fits(known: KnownName, surface: str, end: int, norm: str) -> bool:
    if known.acronym:
        return surface == known.alias or surface.replace("-", " ") == known.alias.replace("-", " ")
    if not known.alias[0].isupper():
        return True
    if not surface[0].isupper():
        return False
    if surface.casefold() in COMPASS:
        # "North"/"South" alone stand for the Koreas, not when they start a longer name.
        following = norm[end : end + 2]
        return not (len(following) == 2 and following[0] == " " and following[1].isupper())
    return True


def _is_quantity(match: re.Match[str], norm: str) -> bool:
    if match.start() > 0 and norm[match.start() - 1] in grammar.QUANTITY_BAD_BEFORE:
        return False
    if match.group("measure"):
        return True
    value = match.group("count")
    before = norm[max(0, match.start() - 14) : match.start()].split()
    if before and before[-1].casefold() in IDENTIFIER_WORDS:
        return False
    after = norm[match.end() : match.end() + 12]
    if not value[0].isdigit():
        if grammar.QUANTITY_SKIP_AFTER.match(after):
            return False
        if value.casefold() == "one" and (
            DOC_ONE_WORD.search(norm[max(0, match.start() - 8) : match.start()])
            or PRONOUN_ONE_AFTER.match(after)
            or (before and before[-1].casefold() in PRONOUN_ONE_BEFORE)
        ):
            return False
    elif KOREAS_AFTER.match(after):
        return False
    return True


def _resolve(spans: list[Span]) -> list[Span]:
    """Keep the longest spans, then the higher priority, dropping those that overlap."""
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), -s.priority, s.start))
    taken: list[Span] = []
    starts: list[int] = []
    for span in ordered:
        index = bisect.bisect_left(starts, span.start)
        if index > 0 and taken[index - 1].end > span.start:
            continue
        if index < len(taken) and taken[index].start < span.end:
            continue
        starts.insert(index, span.start)
        taken.insert(index, span)
    return taken


def _resolve_people(spans: list[Span], norm: str) -> list[Span]:
    """Give partial names the canonical of a full name in the text, and drop unknown ones."""
    partial_names: dict[str, str] = {}
    surface_canonical: dict[str, str] = {}
    for span in spans:
        if span.type != "PERSON" or span.partial:
            continue
        key = alias_key(span.canonical)
        span.canonical = surface_canonical.setdefault(key, span.canonical)
        words = norm[span.start : span.end].replace("-", " ").split()
        if len(words) < 2:
            continue
        if words[0] in lexicon.EAST_ASIAN_SURNAMES:
            partial_names.setdefault(words[0], span.canonical)
            partial_names.setdefault(" ".join(words[1:]), span.canonical)
        else:
            partial_names.setdefault(words[-1], span.canonical)
    kept: list[Span] = []
    unresolved: list[int] = []
    for span in spans:
        if span.partial:
            name = norm[span.start : span.end]
            if name in partial_names:
                span.canonical = partial_names[name]
            elif not (span.after_title or title_before(norm, span.start)):
                unresolved.append(len(kept))
        kept.append(span)
    if unresolved:
        _type_single_words(kept, unresolved, norm)
        dropped = {i for i in unresolved if kept[i].partial and kept[i].type == "PERSON"}
        kept = [span for index, span in enumerate(kept) if index not in dropped]
    return kept


def _type_single_words(spans: list[Span], unresolved: list[int], norm: str) -> None:
    """Type lone unknown capitalised words from their context, once per document.

    "Labour MP", "the Labour party", "in Fallujah", "Arlington, Virginia" and "Mirim airfield"
    say what the word is; the word then has that type wherever else it stands alone, and so
    does the first word of a longer name in the text ("Contrack" after "Contrack International").
    """
    found: dict[str, tuple[EntityType, str]] = {}
    for span in spans:
        if span.by_context:
            found.setdefault(span.canonical, ("ORG", span.canonical))
    local: dict[int, tuple[EntityType, str]] = {}
    for index in unresolved:
        span = spans[index]
        word = norm[span.start : span.end]
        typed = _single_word_context(spans, index, norm)
        if typed is not None:
            found.setdefault(word, typed)
        elif _in_place(spans[index], norm):
            # "in X" is weaker evidence: films, languages and firms follow "in" too.
            local[index] = ("GPE", word)
    for span in spans:
        if span.type in ("ORG", "LOC", "GPE") and not span.partial and span.priority < 5:
            first, _, rest = norm[span.start : span.end].partition(" ")
            if rest and first[:1].isupper() and first.casefold() not in lexicon.STOP:
                found.setdefault(first, (span.type, span.canonical))
    for index in unresolved:
        span = spans[index]
        word = norm[span.start : span.end]
        typed = found.get(word) or local.get(index)
        if typed is None or "-" in word or word.isupper() or NAME_GOES_ON.match(norm, span.end):
            continue
        span.type, span.canonical = typed
        span.partial = False
        if typed[0] == "ORG" and PARTY_WORD_AFTER.match(norm, span.end):
            span.end += len(" party")


def _in_place(span: Span, norm: str) -> bool:
    """Return True for "in X" where X is not a firm's possessive or a holding ("shares in")."""
    before = norm[max(0, span.start - 30) : span.start].split()
    return (
        len(before) >= 2
        and before[-1] in PLACE_BEFORE
        and before[-2].casefold() not in HOLDING_WORDS
        and norm[span.start - 1] == " "
        and norm[span.end : span.end + 1] != "'"
        and not NAME_GOES_ON.match(norm, span.end)
    )


def _single_word_context(spans: list[Span], index: int, norm: str) -> tuple[EntityType, str] | None:
    span = spans[index]
    word = norm[span.start : span.end]
    if word.isupper() or NAME_GOES_ON.match(norm, span.end):
        return None
    before = norm[max(0, span.start - 30) : span.start].split()
    if before and before[-1][:1].isupper():
        return None  # the tail of a longer name ("Miami Beach")
    after = norm[span.end : span.end + 24]
    if PARTY_AFTER.match(after) or PARTY_WORD_AFTER.match(after):
        return "ORG", word
    place = PLACE_AFTER.match(after)
    if place is not None:
        return ("LOC" if place.group("loc") else "GPE"), word
    if word.casefold() in SINGLE_ORG_WORDS:
        return "ORG", word
    following = spans[index + 1] if index + 1 < len(spans) else None
    if (
        following is not None
        and following.type == "GPE"
        and norm[span.end : following.start] == ", "
        and norm[following.end : following.end + 1] in (",", ".", ";", "")
    ):
        return "GPE", word  # "Arlington, Virginia,"
    return None


def _runs(norm: str) -> Iterator[re.Match[str]]:
    """Capitalised runs, cut at a hyphenated origin: "Panama-flagged Kum Hae" is Panama and
    a merchant ship, which no type names; after "Seoul-based" a new name starts."""
    for run in RUN.finditer(norm):
        cut = ORIGIN_SUFFIX.search(run.group())
        if cut is None:
            yield run
            continue
        before = RUN.match(norm, run.start(), run.start() + cut.start())
        if before is not None:
            yield before
        if cut.group(1) not in SHIP_ORIGINS:
            yield from RUN.finditer(norm, run.start() + cut.end(), run.end())


def _common_acronyms(norm: str, knowledge: Knowledge) -> set[str]:
    """Acronyms the text defines by lower-case words, so not names: "ship-to-ship (STS)"."""
    found: set[str] = set()
    for match in PARENTHESISED_ACRONYM.finditer(norm):
        acronym = match.group(1)
        before = norm[max(0, match.start() - 80) : match.start()]
        words = re.split(r"[ -]", before.rstrip())[-len(acronym) :]
        if "".join(word[:1] for word in words).casefold() != acronym.casefold():
            continue
        opener = before[: before.rstrip().rfind(words[0])].rstrip()
        sentence_start = not opener or opener[-1] in ".!?:\n"
        lower = all(word.islower() for word in words[1:]) and (words[0].islower() or sentence_start)
        if lower and knowledge.lookup(acronym) is None:
            found.add(acronym)
    return found


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split() if word[:1].isupper())


def _initials_match(acronym: str, name: str) -> bool:
    """Return True for a mixed-case acronym spelling the name's capitalised initials.

    "Global Alliance for Vaccines and Immunisation (Gavi)": G, A, V, I.
    """
    return len(acronym) >= 3 and _initials(name).casefold() == acronym.casefold()


def _named_of_place(place: Span, norm: str) -> Span | None:
    """The organisation "Security Service of Ukraine" around a place ending it, if any."""
    match = NAME_OF_BEFORE.search(norm, max(0, place.start - 80), place.start)
    if match is None:
        return None
    start = match.start()
    if norm.startswith(("The ", "the "), start):
        start += 4  # "The Security Service of Ukraine"
    if (
        start >= match.end(1)
        or norm[start : match.end(1)].split()[0].casefold() in lexicon.FUNCTION_STOP
    ):
        return None
    name = norm[start : place.end]
    return Span(start, place.end, "ORG", " ".join(name.split()), priority=1)


def _apply_acronyms(spans: list[Span], norm: str, knowledge: Knowledge) -> list[Span]:
    """Give "Long Name (ACR)" acronyms the long name's type and canonical, everywhere.

    A curated acronym keeps its own entity ("Seoul, South Korea (AP)" is a dateline credit),
    a place takes an acronym only if the acronym starts with one of its initials, and a place
    ending "Name of Place (ACR)" makes the whole an organisation ("Security Service of
    Ukraine (SBU)").
    """
    common = _common_acronyms(norm, knowledge)
    if common:
        spans = [s for s in spans if s.type != "ORG" or norm[s.start : s.end] not in common]
    defined: dict[str, tuple[EntityType, str]] = {}
    by_start = {s.start: s for s in spans}
    for span in list(spans):
        if span.type in ("DATE", "QUANTITY") or span.end - span.start <= 2:
            continue
        match = ACRONYM_DEFINITION.match(norm, span.end)
        if match is None:
            continue
        acronym = match.group(1)
        known = knowledge.lookup(acronym)
        if known is not None and known.canonical != span.canonical:
            continue
        if span.type in PLACE_TYPES:
            named = _named_of_place(span, norm)
            if named is not None:
                by_start.pop(span.start, None)
                by_start.pop(named.start, None)
                span = by_start[named.start] = named
            elif acronym[0] not in _initials(norm[span.start : span.end]):
                continue
        if span.end - span.start <= 6:
            continue
        if sum(c.isupper() for c in acronym) < 2 and not _initials_match(
            acronym, norm[span.start : span.end]
        ):
            continue
        defined.setdefault(acronym, (span.type, span.canonical))
        if match.start(1) not in by_start:
            new = Span(match.start(1), match.end(1), span.type, span.canonical)
            by_start[new.start] = new
    if not defined:
        return spans
    for acronym, (entity_type, canonical) in defined.items():
        if not acronym.isupper():
            # A capitalised word is not a mention by itself; once defined, each use is.
            for use in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", norm):
                if use.start() not in by_start:
                    by_start[use.start()] = Span(*use.span(), entity_type, canonical)
    result = sorted(by_start.values(), key=lambda s: s.start)
    for span in result:
        surface = norm[span.start : span.end]
        if surface in defined:
            span.type, span.canonical = defined[surface]
    return _resolve(result)
