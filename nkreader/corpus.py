"""Reading articles from disk: decoding, front matter, validation and cleaning."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from nkreader.model import Article

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")

# C0/C1 controls (minus tab and newline), DEL, and bidi overrides that could disguise text.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
_ANSI_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[@-Z\\-_])"
)


class CorpusError(Exception):
    """A file that cannot be read as an article, with a one-line reason."""


def clean_text(text: str) -> str:
    """Normalise line endings and drop escape sequences and control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI_SEQUENCE.sub("", text)
    return _UNSAFE_CHARS.sub("", text)


def keep_offsets_safe(text: str) -> str:
    """Replace control characters one for one, so offsets into the original text hold."""
    return _UNSAFE_CHARS.sub("\ufffd", text.replace("\x1b", "\ufffd")).replace("\r", " ")


def clean_line(text: str) -> str:
    """`clean_text` for one-line fields: also folds newlines and runs of spaces."""
    return " ".join(clean_text(text).split())


def content_hash(body: str) -> str:
    """Stable hash of an article body, used for change and duplicate detection."""
    normalised = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode file bytes to text, returning a warning when a fallback encoding was used."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "decoded as UTF-16"
        except UnicodeDecodeError as error:
            raise CorpusError("invalid UTF-16 text") from error
    if b"\x00" in data:
        raise CorpusError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if _looks_binary(text):
        raise CorpusError("binary file (not text in any known encoding)")
    return text, "not valid UTF-8; decoded as Windows-1252"


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    return controls > max(8, len(sample) // 20)


def read_text(path: Path) -> tuple[str, str | None]:
    """Read and decode a text file, refusing huge, binary and empty ones."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            limit = MAX_ARTICLE_BYTES // (1024 * 1024)
            raise CorpusError(f"too large ({size / 1024 / 1024:.0f} MB; the limit is {limit} MB)")
        data = path.read_bytes()
    except OSError as error:
        raise CorpusError(error.strerror or str(error)) from error
    text, warning = decode(data)
    if not text.strip():
        raise CorpusError("empty file")
    return text, warning


_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_MAY_ALIAS = re.compile(r"[&*]")


@cache
def _yaml_loaders() -> tuple[Any, Any]:
    """(the safe loader that refuses aliases, the fastest safe loader), imported on first use.

    PyYAML is imported here, not at the top, so that the app paints before it loads.
    """
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        """Safe YAML that also refuses anchors and aliases (no 'billion laughs')."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise CorpusError("front matter uses YAML aliases, which are not allowed")
            node = super().compose_node(parent, index)
            if node is not None and getattr(node, "anchor", None):
                raise CorpusError("front matter uses YAML anchors, which are not allowed")
            return node

    return NoAliasLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """Split `---` YAML front matter from the body; no front matter gives None."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not re.match(r"---[ \t]*\n", text):
        return None, text
    first_newline = text.index("\n") + 1
    end = _FRONT_MATTER_END.search(text, first_newline)
    if end is None:
        raise CorpusError("front matter is not closed (no line with ---)")
    raw = text[first_newline : end.start()]
    body = text[end.end() :].lstrip("\n")
    import yaml

    no_alias_loader, fast_loader = _yaml_loaders()
    try:
        # libyaml is much faster; the pure-Python loader is only needed to refuse aliases.
        loader = no_alias_loader if _MAY_ALIAS.search(raw) else fast_loader
        meta = yaml.load(raw, Loader=loader)  # noqa: S506 - both loaders are safe
    except CorpusError:
        raise
    except yaml.reader.ReaderError as error:
        code = error.character if isinstance(error.character, int) else ord(error.character)
        raise CorpusError(
            f"front matter holds a control character (U+{code:04X}), which YAML does not allow"
        ) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise CorpusError(f"front matter is not valid YAML{where}: {problem}") from error
    if meta is None:
        return {}, body
    if not isinstance(meta, dict):
        raise CorpusError("front matter must be a mapping of field: value")
    return meta, body


@dataclass(frozen=True)
class Metadata:
    """Validated front matter fields; problems become warnings, not failures."""

    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None
    origin: str | None = None
    tags: tuple[str, ...] = ()
    title_derived: bool = False
    published_derived: bool = False
    warnings: tuple[str, ...] = ()


_ISO_DATE = re.compile(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:[T ][\d:.+Z-]*)?\s*")


def parse_date(value: object) -> date | None:
    """An ISO date (YYYY-MM-DD, also YYYY-MM or YYYY) from YAML or text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and 1000 <= value <= 9999:
        return date(value, 1, 1)
    if isinstance(value, str):
        match = _ISO_DATE.fullmatch(value)
        if match:
            year, month, day = match.groups()
            try:
                return date(int(year), int(month or 1), int(day or 1))
            except ValueError:
                return None
    return None


def validate_metadata(meta: dict[str, Any]) -> Metadata:
    """Check each front matter field's type, dropping bad values with a warning."""
    warnings: list[str] = []

    def text_field(name: str) -> str | None:
        value = meta.get(name)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            warnings.append(f"ignored front matter field {name!r}: expected text")
            return None
        cleaned = clean_line(value)
        return cleaned or None

    article_id = text_field("id")
    if article_id is not None and not ID_PATTERN.match(article_id):
        warnings.append(f"ignored invalid id {article_id[:40]!r}: use a-z, 0-9 and -")
        article_id = None
    published = None
    if meta.get("published") is not None:
        published = parse_date(meta["published"])
        if published is None:
            warnings.append("ignored front matter field 'published': expected YYYY-MM-DD")
    raw_tags = meta.get("tags")
    tags: tuple[str, ...] = ()
    if isinstance(raw_tags, str):
        tags = tuple(t for t in (clean_line(t) for t in raw_tags.split(",")) if t)
    elif isinstance(raw_tags, list) and all(isinstance(t, (str, int)) for t in raw_tags):
        tags = tuple(t for t in (clean_line(str(t)) for t in raw_tags) if t)
    elif raw_tags is not None:
        warnings.append("ignored front matter field 'tags': expected a list of words")
    return Metadata(
        id=article_id,
        title=text_field("title"),
        outlet=text_field("outlet"),
        published=published,
        url=text_field("url"),
        language=text_field("language"),
        origin=text_field("origin"),
        tags=tags,
        title_derived=meta.get("title_derived") is True,
        published_derived=meta.get("published_derived") is True,
        warnings=tuple(warnings),
    )


def slugify(text: str, max_words: int = 6, max_length: int = 40) -> str:
    """A short, typeable id fragment from a title or file name."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words[:max_words]:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or "article"


def iter_article_files(
    folder: Path, refused: Callable[[Path, str], None] | None = None
) -> Iterator[Path]:
    """Article files under a folder, skipping hidden names and symlinks that leave it.

    `refused` hears about each symlink skipped, with the reason, so a caller can say why.
    """
    root = folder.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            path = Path(dirpath) / name
            if path.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except OSError:
                    if refused is not None:
                        refused(path, "a broken symlink")
                    continue
                if not target.is_relative_to(root):
                    if refused is not None:
                        refused(path, "a symlink to a file outside the folder")
                    continue
            yield path


def load_article(path: Path) -> Article:
    """Read one corpus file into an Article; files without an id get one from their name."""
    text, warning = read_text(path)
    meta_raw, body = split_front_matter(text)
    meta = validate_metadata(meta_raw or {})
    body = clean_text(body).strip("\n")
    if not body.strip():
        raise CorpusError("the article has no text after its front matter")
    warnings = ([warning] if warning else []) + list(meta.warnings)
    title = meta.title or derive_title(body) or path.stem
    return Article(
        id=meta.id or slugify(path.stem, max_words=10, max_length=64),
        title=title,
        body=body,
        path=path,
        content_hash=content_hash(body),
        outlet=meta.outlet,
        published=meta.published,
        url=meta.url,
        language=meta.language,
        origin=meta.origin,
        tags=meta.tags,
        title_derived=meta.title_derived or meta.title is None,
        published_derived=meta.published_derived,
        warnings=tuple(warnings),
    )


def derive_title(body: str) -> str | None:
    """The first line when it reads like a headline: short, no closing full stop."""
    first = body.lstrip().split("\n", 1)[0].strip().lstrip("#").strip()
    words = first.split()
    if not 2 <= len(words) <= 20 or len(first) > 160:
        return None
    if first.endswith((".", ",", ";", ":", "?\u201d", '."', ".\u201d")):
        return None
    return first


def stat_corpus(folders: Sequence[Path]) -> dict[str, os.stat_result]:
    """Every Markdown article file in the corpus folders with its stat, in one fast walk.

    Read with `os.scandir`, so a library of 100,000 files costs one system call per file;
    hidden names are skipped, and symlinks only count when they stay inside the folder.
    """
    found: dict[str, os.stat_result] = {}
    for folder in folders:
        if folder.is_dir():
            root = folder.resolve()
            _scan(str(root), root, found)
    return found


def _scan(directory: str, root: Path, found: dict[str, os.stat_result]) -> None:
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                _scan(entry.path, root, found)
                continue
            if not entry.name.lower().endswith((".md", ".markdown")):
                continue
            if entry.is_symlink():
                target = Path(entry.path).resolve(strict=True)
                if not target.is_relative_to(root) or not target.is_file():
                    continue
            found[entry.path] = entry.stat()
        except OSError:
            continue


def read_body(path: Path) -> str:
    """An article's cleaned body without parsing its front matter (for snippets)."""
    text = read_text(path)[0].replace("\r\n", "\n").replace("\r", "\n")
    if re.match(r"---[ \t]*\n", text):
        end = _FRONT_MATTER_END.search(text, text.index("\n") + 1)
        if end is not None:
            text = text[end.end() :].lstrip("\n")
    return clean_text(text).strip("\n")
