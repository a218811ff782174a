"""Curated names, aliases and weapon vocabulary, loaded from YAML files."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, cast

from nkreader.model import ENTITY_TYPES, EntityType

# One-to-one replacements keep offsets valid while letting the regexes see plain ASCII quotes,
# hyphens and spaces; underscores become spaces so Markdown emphasis does not glue words.
_NORMALISE = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "‐": "-",
        "‑": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "_": " ",
    }
)
_SEPARATORS = re.compile(r"[\s-]+")


_REPLACEMENTS = tuple((chr(code), str(value)) for code, value in _NORMALISE.items())
_SPECIAL = re.compile("[" + "".join(re.escape(old) for old, _ in _REPLACEMENTS) + "]")


def normalise_text(text: str) -> str:
    """Return text with quotes, hyphens and spaces made ASCII, same length as the input."""
    if _SPECIAL.search(text) is None:
        return text
    # A few str.replace scans run at C speed; str.translate looks up every character.
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text


def alias_key(name: str) -> str:
    """Return the lookup key of a name: case-folded, spaces and hyphens unified."""
    return _SEPARATORS.sub(" ", normalise_text(name).casefold()).strip()


def is_acronym(alias: str) -> bool:
    """Return True for aliases written in capitals (KCNA, U.S., KN-23) that match as written."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 1 and all(c.isupper() for c in letters) and len(alias) <= 8


@dataclass(frozen=True)
class KnownName:
    """A curated name: the canonical it maps to, its type and the alias as written."""

    canonical: str
    type: EntityType
    alias: str
    acronym: bool


@dataclass
class WeaponVocabulary:
    """Words that build weapon-class terms such as "intercontinental ballistic missile"."""

    modifiers: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    bare: set[str] = field(default_factory=set)
    restricted: dict[str, set[str]] = field(default_factory=dict)
    generic_modifiers: set[str] = field(default_factory=set)
    generic_heads: set[str] = field(default_factory=set)


@dataclass
class Knowledge:
    """All curated knowledge merged from the bundled file and an optional user file."""

    names: dict[str, KnownName] = field(default_factory=dict)
    designations: set[str] = field(default_factory=set)
    designation_spellings: dict[str, str] = field(default_factory=dict)
    """Other spellings of a designation stem and the stem they stand for (Hwaseong: Hwasong)."""
    weapons: WeaponVocabulary = field(default_factory=WeaponVocabulary)

    def merge(self, data: Mapping[str, Any], source: str) -> None:
        """Add the entries of one parsed knowledge file; later files win on conflicts."""
        entities = data.get("entities") or {}
        if not isinstance(entities, Mapping):
            raise ValueError(f"{source}: 'entities' must be a mapping of type to names")
        for type_name, entries in entities.items():
            entity_type = _entity_type(str(type_name), source)
            for entry in entries or ():
                self._add_entry(entry, entity_type, source)
        for entry in data.get("weapon_designations") or ():
            stem, *spellings = (part.strip() for part in str(entry).split("|"))
            self.designations.update([stem, *spellings])
            self.designation_spellings.update(dict.fromkeys(spellings, stem))
        classes = data.get("weapon_classes") or {}
        vocab = self.weapons
        vocab.modifiers.update(_lower_all(classes.get("modifiers")))
        vocab.heads.update(_lower_all(classes.get("heads")))
        vocab.bare.update(_lower_all(classes.get("bare")))
        vocab.generic_modifiers.update(_lower_all(classes.get("generic_modifiers")))
        vocab.generic_heads.update(_lower_all(classes.get("generic_heads")))
        for modifier, heads in (classes.get("restricted") or {}).items():
            vocab.restricted.setdefault(str(modifier).lower(), set()).update(_lower_all(heads))

    def _add_entry(self, entry: object, entity_type: EntityType, source: str) -> None:
        if isinstance(entry, str):
            parts = [p.strip() for p in entry.split("|") if p.strip()]
        elif isinstance(entry, Mapping):
            aliases = entry.get("aliases") or []
            parts = [str(entry.get("canonical", "")).strip(), *map(str, aliases)]
            if entry.get("type"):
                entity_type = _entity_type(str(entry["type"]), source)
        else:
            raise ValueError(f"{source}: cannot read entity entry {entry!r}")
        if not parts or not parts[0]:
            raise ValueError(f"{source}: entity entry without a name: {entry!r}")
        canonical = parts[0]
        for alias in dict.fromkeys(parts):
            acronym = is_acronym(alias)
            self.names[alias_key(alias)] = KnownName(canonical, entity_type, alias, acronym)
            if entity_type == "WEAPON" and not alias.endswith("s") and (acronym or alias.islower()):
                # Acronyms and class terms are pluralised in running text ("ICBMs", "launchers").
                plural = alias + "s"
                if alias_key(plural) not in self.names:
                    self.names[alias_key(plural)] = KnownName(
                        canonical, entity_type, plural, acronym
                    )

    def lookup(self, name: str) -> KnownName | None:
        """Return the curated entry for a name or alias, if any."""
        return self.names.get(alias_key(name))


def _entity_type(name: str, source: str) -> EntityType:
    upper = name.upper()
    for entity_type in ENTITY_TYPES:
        if entity_type == upper:
            return entity_type
    raise ValueError(f"{source}: unknown entity type {name!r}")


def _lower_all(values: Iterable[object] | None) -> set[str]:
    return {str(v).lower() for v in values or ()}


def _read_yaml(text: str, source: str) -> Mapping[str, Any]:
    import yaml  # deferred: only building an Extractor reads knowledge files

    # The C loader, when PyYAML was built with libyaml, reads the bundled file ~10x faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(text, Loader=loader) or {}
    if not isinstance(data, Mapping):
        raise ValueError(f"{source}: a knowledge file must be a YAML mapping")
    return cast(Mapping[str, Any], data)


def load_knowledge(user_file: Path | None = None) -> Knowledge:
    """Load the bundled knowledge, then the user's file on top of it when it exists."""
    knowledge = Knowledge()
    bundled = resources.files("nkreader").joinpath("data/knowledge.yaml")
    knowledge.merge(_read_yaml(bundled.read_text(encoding="utf-8"), "knowledge.yaml"), "bundled")
    if user_file is not None and user_file.is_file():
        source = str(user_file)
        knowledge.merge(_read_yaml(user_file.read_text(encoding="utf-8"), source), source)
    return knowledge
