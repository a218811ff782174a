"""`nkreader add`: copy outside files into the library as Markdown with front matter."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from nkreader.corpus import (
    ID_PATTERN,
    CorpusError,
    Metadata,
    clean_text,
    content_hash,
    derive_title,
    iter_article_files,
    read_text,
    slugify,
    split_front_matter,
    validate_metadata,
)
from nkreader.library import ImportOutcome

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DATE_PATTERNS = [
    re.compile(r"(?i)\b" + _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b"),
    re.compile(r"(?i)\b" + _WEEKDAY + r"(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
]
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40},\s+"
    + r"(?P<month>(?i:"
    + _MONTH_NAMES
    + r"))\.?"
    + r"\s+(?P<day>\d{1,2})\s+\((?P<outlet>[A-Z][\w .&-]{1,40})\)\s*(?:--|—|–|-)",
    re.MULTILINE,
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_HEAD_CHARS = 600


@dataclass(frozen=True)
class DerivedDate:
    published: date
    outlet: str | None
    how: str


def derive_published(body: str, fallback_year: int) -> DerivedDate | None:
    """A publication date from a date line or dateline near the top of the text."""
    head = body[:_HEAD_CHARS]
    for pattern in _DATE_PATTERNS:
        match = pattern.search(head)
        if match and (found := _to_date(match, int(match.group("year")))):
            return DerivedDate(found, None, "date line")
    match = _DATELINE.search(head)
    if match:
        years = [int(y) for y in _YEAR.findall(body) if int(y) <= date.today().year]
        year = max(years) if years else fallback_year
        found = _to_date(match, year)
        if found:
            how = "dateline" if years else "dateline, year from the file's date"
            return DerivedDate(found, match.group("outlet").strip(), how)
    return None


def _to_date(match: re.Match[str], year: int) -> date | None:
    month_text = match.group("month").lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
    try:
        return date(year, month or 0, int(match.group("day")))
    except ValueError:
        return None


def _append_to(found: list[tuple[Path, str]]) -> Callable[[Path, str], None]:
    return lambda path, reason: found.append((path, reason))


def _sources(paths: Sequence[Path]) -> Iterator[tuple[Path, str | None]]:
    """Each file to import, or a path with the reason it cannot be."""
    for path in paths:
        if path.is_dir():
            found = False
            refused: list[tuple[Path, str]] = []
            note = _append_to(refused)
            for file in iter_article_files(path, note):
                found = True
                yield file, None
            yield from refused
            if not found and not refused:
                yield path, "no .md or .txt files in this folder"
        elif not path.exists():
            yield path, "no such file"
        elif path.suffix.lower() not in (".md", ".markdown", ".txt"):
            yield path, "not a .md or .txt file"
        else:
            yield path, None


def _imported_origins(articles_dir: Path) -> dict[str, tuple[str, Path]]:
    """Origin path -> (id, file) for articles imported earlier."""
    origins: dict[str, tuple[str, Path]] = {}
    if not articles_dir.is_dir():
        return origins
    for file in articles_dir.glob("*.md"):
        try:
            meta, _ = split_front_matter(read_text(file)[0])
        except CorpusError:
            continue
        article_id = meta.get("id") if meta else None
        if meta and isinstance(meta.get("origin"), str) and isinstance(article_id, str):
            if ID_PATTERN.match(article_id):
                origins[meta["origin"]] = (article_id, file)
    return origins


def _ids_on_disk(articles_dir: Path) -> set[str]:
    """Ids taken by files in the articles folder, indexed or not."""
    if not articles_dir.is_dir():
        return set()
    return {file.stem for file in articles_dir.glob("*.md")}


def import_paths(
    paths: Sequence[Path], articles_dir: Path, by_hash: dict[str, str], ids: set[str]
) -> list[ImportOutcome]:
    """Import files and folders; never touches the sources, one outcome per file."""
    origins = _imported_origins(articles_dir)
    by_hash = dict(by_hash)
    ids = set(ids) | _ids_on_disk(articles_dir)
    outcomes = []
    for source, problem in _sources(paths):
        if problem:
            outcomes.append(ImportOutcome(source, "skipped", problem))
            continue
        try:
            outcome = _import_one(source, articles_dir, by_hash, ids, origins)
        except CorpusError as error:
            outcome = ImportOutcome(source, "skipped", str(error))
        except OSError as error:
            outcome = ImportOutcome(source, "skipped", f"cannot write: {error.strerror or error}")
        outcomes.append(outcome)
    return outcomes


def _import_one(
    source: Path,
    articles_dir: Path,
    by_hash: dict[str, str],
    ids: set[str],
    origins: dict[str, tuple[str, Path]],
) -> ImportOutcome:
    text, warning = read_text(source)
    meta_raw: dict[str, Any] | None = None
    body = text
    if source.suffix.lower() != ".txt":
        meta_raw, body = split_front_matter(text)
    meta = validate_metadata(meta_raw or {})
    body = clean_text(body).strip("\n")
    if not body.strip():
        raise CorpusError("no article text")
    origin = str(source.resolve())
    notes = [warning] if warning else []
    notes += list(meta.warnings)
    title, body, title_derived = _title(meta, body)
    published, outlet, published_derived = meta.published, meta.outlet, meta.published_derived
    if published is None:
        derived = derive_published(body, date.fromtimestamp(source.stat().st_mtime).year)
        if derived:
            published, published_derived = derived.published, True
            outlet = outlet or derived.outlet
            notes.append(f"date {published.isoformat()} from the {derived.how}")
    digest = content_hash(body)
    previous = origins.get(origin)
    if digest in by_hash and (previous is None or previous[0] != by_hash[digest]):
        return ImportOutcome(source, "skipped", f"already in library as {by_hash[digest]}")
    if previous is not None and by_hash.get(digest) == previous[0]:
        return ImportOutcome(
            source, "skipped", f"unchanged (library id {previous[0]})", previous[0]
        )
    front = {
        "id": previous[0] if previous else None,
        "title": title,
        "title_derived": title_derived,
        "outlet": outlet,
        "published": published,
        "published_derived": published_derived,
        "url": meta.url,
        "language": meta.language,
        "origin": origin,
        "tags": list(meta.tags),
    }
    if previous:
        article_id = previous[0]
        _write_atomic(previous[1], _render(front, body))
    else:
        article_id = _write_new(
            articles_dir, front, body, ids, lambda: _new_id(meta, title, digest, ids)
        )
    ids.add(article_id)
    by_hash[digest] = article_id
    origins[origin] = (article_id, articles_dir / f"{article_id}.md")
    status = "updated" if previous else "added"
    reason = "; ".join(notes) if notes else ("new text" if previous else "new article")
    return ImportOutcome(source, status, reason, article_id)


def _title(meta: Metadata, body: str) -> tuple[str, str, bool]:
    """The title, the body without a headline line, and whether the title was derived."""
    if meta.title:
        return meta.title, body, meta.title_derived
    headline = derive_title(body)
    if headline:
        rest = body.lstrip().split("\n", 1)
        remaining = rest[1].lstrip("\n") if len(rest) > 1 else ""
        if remaining.strip():
            return headline, remaining, True
    first_sentence = re.split(r"(?<=[.!?])\s", " ".join(body.split()), maxsplit=1)[0]
    if len(first_sentence) > 90:
        first_sentence = first_sentence[:90].rsplit(" ", 1)[0] + "…"
    return first_sentence, body, True


def _new_id(meta: Metadata, title: str, digest: str, ids: set[str]) -> str:
    if meta.id and ID_PATTERN.match(meta.id) and meta.id not in ids:
        return meta.id
    base = slugify(title, max_words=5, max_length=36)
    for length in range(4, len(digest)):
        candidate = f"{base}-{digest[:length]}"
        if candidate not in ids:
            return candidate
    raise CorpusError("could not make a unique id")


def _render(front: dict[str, Any], body: str) -> str:
    header = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n\n{body.rstrip()}\n"


def _write_new(
    articles_dir: Path,
    front: dict[str, Any],
    body: str,
    ids: set[str],
    next_id: Callable[[], str],
) -> str:
    """Write a new article under a free id, never over a file another import just wrote."""
    while True:
        article_id = front["id"] = next_id()
        if _write_atomic(articles_dir / f"{article_id}.md", _render(front, body), replace=False):
            return article_id
        ids.add(article_id)


def _write_atomic(target: Path, text: str, *, replace: bool = True) -> bool:
    """Write through a temporary file and rename, so a crash never leaves half a file.

    With `replace=False` an existing target is left alone and False returned, so two
    imports running at once never overwrite each other's new article.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".import-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if replace:
            os.replace(temporary, target)
        else:
            try:
                os.link(temporary, target)
            except FileExistsError:
                return False
            except OSError:
                # No hard links on this file system: a check and a rename is the best left.
                if target.exists():
                    return False
                os.replace(temporary, target)
        return True
    finally:
        Path(temporary).unlink(missing_ok=True)
