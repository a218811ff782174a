"""The full-text index: the only module that touches Whoosh."""

from __future__ import annotations

import bisect
import heapq
import re
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from whoosh import analysis, collectors, fields, formats, matching, qparser, query
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.filestore import FileStorage
from whoosh.lang.porter import stem as porter_stem

from nkreader.model import SearchCancelled, Sort

SCHEMA_VERSION = 6
PREFIX_EXPANSION_LIMIT = 24
SHORT_PREFIX_EXPANSION_LIMIT = 8
LOCK_TIMEOUT_SECONDS = 15.0
_NO_DATE_NEWEST = 0
_NO_DATE_OLDEST = 10**7

_LONGEST_SUGGESTED_WORD = 30
_LOCK_NAME = "MAIN_WRITELOCK"  # the lock Whoosh's writer takes for the index named MAIN
_MISSING = "missing"
_TOKENIZER = r"\w+(?:\.?\w+)*"


class IndexLocked(Exception):
    """Another process holds the index's writer lock."""


# How many matching documents a cancellable search scores between looks at its flag.
_CANCEL_CHECK_EVERY = 256


class _Cancellable(collectors.WrappingCollector):  # type: ignore[misc]
    """Collects like its child but stops as soon as `cancelled()` says the search is stale.

    Typing a word runs a search per pause; a broad prefix can take a second at 100,000
    articles, and the search for the next keystroke should not wait behind it.
    """

    def __init__(self, child: Any, cancelled: Callable[[], bool]) -> None:
        super().__init__(child)
        self.cancelled = cancelled

    def collect_matches(self) -> None:
        child = self.child
        cancelled = self.cancelled
        for count, sub_docnum in enumerate(child.matches()):
            if count % _CANCEL_CHECK_EVERY == 0 and cancelled():
                raise SearchCancelled
            child.collect(sub_docnum)


@dataclass(frozen=True)
class IndexDoc:
    """What the index needs to know about one article."""

    id: str
    path: str
    hash: str
    title: str
    body: str
    outlet: str | None
    published: date | None
    tags: tuple[str, ...]
    entities: tuple[str, ...] = ()
    entity_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class RawHits:
    """Ids and scores of a search, before the library attaches titles and snippets."""

    total: int
    ranked: tuple[tuple[str, float], ...]
    matcher: TermMatcher
    suggestion: str | None = None
    notice: str | None = None


class _PlainWords(fields.TEXT):  # type: ignore[misc]
    """Unstemmed words for prefix, fuzzy and spelling lookups: presence only, never scored."""

    def __init__(self, analyzer: Any) -> None:
        super().__init__(analyzer=analyzer, phrase=False)
        self.format = formats.Existence()
        self.scorable = False


# Entity names can hold commas ("1,000 km"), so they are joined with a character they cannot.
_ENTITY_SEPARATOR = "\x1f"


def _entity_analyzer() -> Any:
    return (
        analysis.RegexTokenizer(r"[^\x1f]+") | analysis.StripFilter() | analysis.LowercaseFilter()
    )


def _schema() -> fields.Schema:
    stemmed = analysis.StemmingAnalyzer(expression=_TOKENIZER, stoplist=None)
    plain = analysis.SimpleAnalyzer(expression=_TOKENIZER)
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        path=fields.ID(),
        hash=fields.ID(),
        title=fields.TEXT(analyzer=stemmed, field_boost=2.0),
        body=fields.TEXT(analyzer=stemmed),
        title_plain=_PlainWords(plain),
        body_plain=_PlainWords(plain),
        outlet=fields.TEXT(analyzer=plain),
        published=fields.DATETIME(),
        newest=fields.NUMERIC(sortable=True),
        oldest=fields.NUMERIC(sortable=True),
        tags=fields.KEYWORD(commas=True, lowercase=True),
        entity=fields.KEYWORD(analyzer=_entity_analyzer()),
        type=fields.KEYWORD(commas=True, lowercase=True),
    )


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return str(porter_stem(word))


_WORD = re.compile(_TOKENIZER)


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Lower-cased words of `text` with their character offsets, as the index sees them."""
    for match in _WORD.finditer(text):
        yield match.group().lower(), match.start(), match.end()


@dataclass(frozen=True)
class TermMatcher:
    """The positive terms of a query, able to find their spans in any text.

    Prefix, wildcard and fuzzy terms arrive as the words they expanded to in the index,
    so only words the search really matched are highlighted.
    """

    stems: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    _seen: dict[str, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __bool__(self) -> bool:
        return bool(self.stems or self.words or self.phrases)

    def _matches(self, word: str) -> bool:
        # A body repeats its words, and one matcher serves every snippet of a result list.
        known = self._seen.get(word)
        if known is None:
            known = word in self.words or _stem(word) in self.stems
            self._seen[word] = known
        return known

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Character spans of `text` that the query matches, in order."""
        if not self:
            return ()
        words = list(tokens(text))
        matches = self._matches
        found = [(start, end) for word, start, end in words if matches(word)]
        if self.phrases:
            stems = [_stem(word) for word, _, _ in words]
            for phrase in self.phrases:
                n = len(phrase)
                for i in range(len(stems) - n + 1):
                    if tuple(stems[i : i + n]) == phrase:
                        found.append((words[i][1], words[i + n - 1][2]))
        return _merge(found)


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


class _BoundedPrefix(query.Prefix):  # type: ignore[misc]
    """A prefix query that expands only to the most frequent matching terms."""

    def _btexts(self, ixreader: Any) -> Iterable[bytes]:
        # Each keystroke re-runs the same prefixes against the same kept-open reader.
        cache: dict[tuple[str, str], list[bytes]] = ixreader.__dict__.setdefault(
            "_nkreader_prefixes", {}
        )
        key = (self.fieldname, self.text)
        if key not in cache:
            cache[key] = self._expand(ixreader)
        return cache[key]

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if self.fieldname not in _PRESENCE_FIELDS:
            return super().matcher(searcher, context)
        return _presence_matcher(searcher.reader(), [self])

    def _expand(self, ixreader: Any) -> list[bytes]:
        limit = SHORT_PREFIX_EXPANSION_LIMIT if len(self.text) <= 3 else PREFIX_EXPANSION_LIMIT
        candidates = list(ixreader.expand_prefix(self.fieldname, self.text))
        if len(candidates) <= limit:
            return candidates
        frequency = ixreader.doc_frequency
        return heapq.nlargest(limit, candidates, key=lambda t: frequency(self.fieldname, t))


class _PrefixOr(query.Or):  # type: ignore[misc]
    """Prefixes joined by OR (one typed prefix over several fields), matched in one pass."""

    def _matcher(self, subs: list[Any], searcher: Any, context: Any) -> Any:
        found = _presence_matcher(searcher.reader(), subs)
        return matching.WrappingMatcher(found, self.boost) if self.boost != 1.0 else found


def _presence_matcher(reader: Any, prefixes: Iterable[_BoundedPrefix]) -> Any:
    """Documents holding any expansion of prefixes on presence-only fields, in one pass.

    Each term's postings are read whole, where Whoosh would march a tree of union matchers,
    several Python calls per posting per level: three to five times slower for a common
    prefix at 100,000 articles. The scores are Whoosh's: each prefix's boost for each of
    its terms present.
    """
    counts: Counter[int] = Counter()
    for prefix in prefixes:
        found: Counter[int] = Counter()
        btexts = [btext for btext in prefix._btexts(reader) if btext]
        for btext in btexts:
            if (prefix.fieldname, btext) in reader:
                for block in _docnum_blocks(reader.postings(prefix.fieldname, btext)):
                    found.update(block)
        # Whoosh boosts a prefix that expands to several words, not one that expands to one.
        if prefix.boost != 1.0 and len(btexts) > 1:
            found = Counter({docnum: n * prefix.boost for docnum, n in found.items()})
        counts.update(found)
    if not counts:
        return matching.NullMatcher()
    ids = sorted(counts)
    return _SortedIds(ids, weights=[float(counts[docnum]) for docnum in ids])


def _docnum_blocks(postings: Any) -> Iterator[Iterable[int]]:
    """A term's document numbers, a block at a time where the codec allows.

    Counting block by block, not in one C call over every block, lets the app's thread echo
    a keypress in between.
    """
    if type(postings) is not W3LeafMatcher:  # e.g. filtered for deleted documents
        yield postings.all_ids()
        return
    while postings.is_active():
        if postings._ids is None:
            postings._read_ids()
        yield postings._ids
        postings._next_block()


class _SortedIds(matching.ListMatcher):  # type: ignore[misc]
    """A list of document numbers that skips ahead by bisection, not one step at a time."""

    _i: int
    _ids: list[int]

    def skip_to(self, docnum: int) -> None:
        if not self.is_active():
            raise matching.ReadTooFar
        self._i = bisect.bisect_left(self._ids, docnum, self._i)


_PLAIN_FIELDS = {"title": "title_plain", "body": "body_plain"}
_PRESENCE_FIELDS = frozenset(_PLAIN_FIELDS.values())


class _Parser(qparser.QueryParser):  # type: ignore[misc]
    """Sends prefix, wildcard and fuzzy terms to the unstemmed fields."""

    def term_query(
        self,
        fieldname: str,
        text: str,
        termclass: Any,
        boost: float = 1.0,
        tokenize: bool = True,
        removestops: bool = True,
    ) -> Any:
        if termclass in (query.Prefix, query.Wildcard, query.FuzzyTerm):
            fieldname = _PLAIN_FIELDS.get(fieldname, fieldname)
            if termclass is query.Prefix:
                termclass = _BoundedPrefix
        return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)


_QUERY_FIELD = re.compile(r"\b\w+:")
_DATE_TERM = re.compile(r"\bpublished:(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=$|[\s)])")


_LEADING_MINUS = re.compile(r"(?:^|(?<=[\s(]))-(?=[\w\"(])")
_LEADING_PLUS = re.compile(r"(?:^|(?<=[\s(]))\+(?=[\w\"(])")
_DANGLING_OPERATOR = re.compile(r"^(?:\s*\b(?:AND|OR)\b)+|(?:\b(?:AND|OR|NOT)\b\s*)+$")


def normalise_query(text: str) -> str:
    """Rewrite `-word` as `NOT word`, drop `+` and operators with nothing to join."""
    text = _expand_date_terms(text)
    text = _LEADING_MINUS.sub("NOT ", text)
    text = _LEADING_PLUS.sub("", text)
    return _DANGLING_OPERATOR.sub("", text.strip()).strip()


def _expand_date_terms(text: str) -> str:
    """Rewrite `published:2022-12` as a range; the parser would read `-12` as NOT."""

    def replace(match: re.Match[str]) -> str:
        year, month, day = match.group(1), match.group(2).zfill(2), match.group(3)
        if day:
            stamp = f"{year}-{month}-{day.zfill(2)}"
            return f"published:[{stamp} to {stamp}]"
        return f"published:[{year}-{month} to {year}-{month}]"

    return _DATE_TERM.sub(replace, text)


def _distinct_words(text: str) -> str:
    """Each word once: the unstemmed fields only record presence, so repeats are wasted work."""
    return " ".join(set(_WORD.findall(text.lower())))


def _doc_fields(doc: IndexDoc) -> dict[str, Any]:
    ordinal = doc.published.toordinal() if doc.published else None
    values: dict[str, Any] = {
        "id": doc.id,
        "path": doc.path,
        "hash": doc.hash,
        "title": doc.title,
        "body": doc.body,
        "title_plain": _distinct_words(doc.title),
        "body_plain": _distinct_words(doc.body),
        "newest": ordinal if ordinal is not None else _NO_DATE_NEWEST,
        "oldest": ordinal if ordinal is not None else _NO_DATE_OLDEST,
        "tags": ",".join(doc.tags),
        "entity": _ENTITY_SEPARATOR.join(doc.entities),
        "type": ",".join(doc.entity_types),
    }
    if doc.outlet:
        values["outlet"] = doc.outlet
    if doc.published:
        values["published"] = datetime(doc.published.year, doc.published.month, doc.published.day)
    return values


EntityResolver = Callable[[str], str | None]


@dataclass
class _Reader:
    """A kept-open searcher with the docnum-to-id table for its generation."""

    searcher: Any
    _ids: list[str] | None = None

    @property
    def ids(self) -> list[str]:
        # Built on the first search: `nkreader index` never needs it.
        if self._ids is None:
            reader = self.searcher.reader()
            # An index with no documents has no columns at all.
            has_docs = reader.doc_count_all() > 0
            self._ids = list(reader.column_reader("id")) if has_docs else []
        return self._ids


def _open_reader(ix: Any) -> _Reader:
    return _Reader(ix.searcher())


class SearchIndex:
    """A Whoosh index in one folder, opened lazily and kept open for fast queries."""

    def __init__(self, folder: Path, resolve_entity: EntityResolver | None = None) -> None:
        self.folder = folder
        self.resolve_entity = resolve_entity
        self._ix: Any = None
        self._reader: _Reader | None = None
        self._lock = threading.RLock()
        self._parser: Any = None
        self.created = False
        """Whether `open` had to create the index (it was missing or unreadable)."""

    def open(self) -> str | None:
        """Open or create the index; returns a notice when it had to be recreated."""
        with self._lock:
            if self._ix is not None:
                return None
            problem = self._try_open()
            if problem is None:
                return None
            # Several processes may open at once, and one may be mid-commit: only the one
            # holding the write lock may start over, after looking again.
            with self._exclusive():
                problem = self._try_open()
                if problem is None:
                    return None
                self._create()
            return None if problem == _MISSING else problem

    def _try_open(self) -> str | None:
        """Open the index; None on success, else why it cannot be used."""
        try:
            if not whoosh_index.exists_in(str(self.folder)):
                if self.folder.exists() and any(
                    p.name != _LOCK_NAME for p in self.folder.iterdir()
                ):
                    return "the index folder held no readable index; rebuilding it"
                return _MISSING
            ix = whoosh_index.open_dir(str(self.folder))
            if ix.schema.names() != _schema().names() or self._stored_version() != str(
                SCHEMA_VERSION
            ):
                ix.close()
                return "the index was made by another nkreader version; rebuilding it"
            # Opening the searcher reads every segment, so damage shows here; the searcher
            # is then kept for the first query.
            self._reader = _open_reader(ix)
            self._ix = ix
            return None
        except Exception as error:  # Whoosh raises many kinds on damaged files
            return f"the index could not be read ({_describe(error)}); rebuilding it"

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        """Hold the index's write lock, waiting a bounded time for another process."""
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = FileStorage(str(self.folder)).lock(_LOCK_NAME)
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while not lock.acquire(blocking=False):
            if time.monotonic() > deadline:
                raise IndexLocked(
                    "the index is locked by another nkreader process; try again shortly"
                )
            time.sleep(0.2)
        try:
            yield
        finally:
            lock.release()

    def _stored_version(self) -> str | None:
        try:
            return (self.folder / "SCHEMA_VERSION").read_text().strip()
        except OSError:
            return None

    def _create(self) -> None:
        """Start an empty index; the caller holds the write lock, so its file stays."""
        self.created = True
        self._reader = None
        for entry in self.folder.iterdir():
            if entry.name == _LOCK_NAME:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
        self._ix = whoosh_index.create_in(str(self.folder), _schema())
        (self.folder / "SCHEMA_VERSION").write_text(str(SCHEMA_VERSION))

    def recreate(self) -> None:
        """Start from an empty index."""
        with self._lock:
            self.close()
            with self._exclusive():
                self._create()

    def close(self) -> None:
        with self._lock:
            if self._reader is not None:
                self._reader.searcher.close()
                self._reader = None
            if self._ix is not None:
                self._ix.close()
                self._ix = None

    def doc_count(self) -> int:
        self.open()
        return int(self._ix.doc_count())

    def write(
        self,
        docs: Iterable[IndexDoc],
        remove: Iterable[str] = (),
        *,
        fresh: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Add or replace documents and delete ids in one commit; returns docs written."""
        self.open()
        writer = self._writer()
        # Only the lock holder knows the index is still empty: another process may have
        # filled it since this one looked, and then adding without replacing would duplicate.
        fresh = fresh and writer.reader().doc_count_all() == 0
        written = 0
        try:
            for article_id in remove:
                writer.delete_by_term("id", article_id)
            add = writer.add_document if fresh else writer.update_document
            for doc in docs:
                add(**_doc_fields(doc))
                written += 1
                if progress is not None:
                    progress(written)
            writer.commit(merge=not fresh)
        except BaseException:
            # Cancelling releases the write lock, which a long-running app would otherwise keep.
            try:
                writer.cancel()
            except Exception:  # the writer may already be half torn down by the failure
                lock = getattr(writer, "writelock", None)
                if lock is not None:
                    lock.release()
            raise
        with self._lock:
            self._reader = None
        return written

    def _writer(self) -> Any:
        # One process on purpose: Whoosh's multi-process writer (procs=2) leaves its forked
        # workers alive, holding the write lock forever, when the parent is SIGKILLed.
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while True:
            try:
                # Separate segment files, not one compound file: Whoosh copies each part of a
                # compound segment into memory on open (hundreds of MB at 100,000 articles).
                return self._ix.writer(limitmb=256, compound=False)
            except whoosh_index.LockError as error:
                if time.monotonic() > deadline:
                    raise IndexLocked(
                        "the index is locked by another nkreader process; try again shortly"
                    ) from error
                time.sleep(0.2)

    def _current(self) -> _Reader:
        with self._lock:
            self.open()
            if self._reader is None:
                self._reader = _open_reader(self._ix)
            elif not self._reader.searcher.up_to_date():
                self._reader.searcher.close()
                self._reader = None
                return self._current()
            return self._reader

    def _query_parser(self) -> Any:
        if self._parser is None:
            parser = _Parser(None, self._ix.schema)
            parser.add_plugin(qparser.MultifieldPlugin(["title", "body"]))
            parser.add_plugin(qparser.FuzzyTermPlugin())
            parser.add_plugin(qparser.FieldAliasPlugin({"tags": ["tag"], "entity": ["entities"]}))
            self._parser = parser
        return self._parser

    def parse(self, text: str) -> tuple[Any, str | None]:
        """Parse a query string; malformed input falls back to its plain words."""
        self.open()
        parser = self._query_parser()
        notice = None
        try:
            parsed = parser.parse(normalise_query(text))
        except Exception as error:  # the parser raises assorted errors on odd input
            parsed = None
            notice = f"could not read the query ({_describe(error)}); searched its words instead"
        if parsed is None or _has_error(parsed):
            if notice is None and any(tokens(text)):
                notice = "the query syntax looked unbalanced; searched its words instead"
            parsed = self._words_query(text)
        return self._resolve_entities(_join_prefixes(parsed)), notice

    def _words_query(self, text: str) -> Any:
        """The fallback for a query that cannot be run as written: its plain words."""
        words = " ".join(w for w, _, _ in tokens(text))
        return self._query_parser().parse(words) if words else query.NullQuery

    def _resolve_entities(self, parsed: Any) -> Any:
        if self.resolve_entity is None:
            return parsed
        resolve = self.resolve_entity

        def visit(node: Any) -> Any:
            if isinstance(node, query.Term) and node.fieldname == "entity":
                canonical = resolve(node.text)
                if canonical:
                    return query.Term("entity", canonical.lower(), boost=node.boost)
            return node

        return parsed.accept(visit)

    def search(
        self,
        text: str,
        *,
        sort: Sort = "relevance",
        limit: int | None = 20,
        cancelled: Callable[[], bool] | None = None,
    ) -> RawHits:
        """Ids and scores for a query; an empty query matches every article.

        With `cancelled`, the search raises SearchCancelled soon after it returns True.
        """
        parsed, notice = self.parse(text) if text.strip() else (query.Every(), None)
        reader = self._current()
        with self._lock:
            searcher = reader.searcher
            # optimize=False scores every match in one pass (see `_run`); with block skipping
            # on, the total count would run the whole query a second time.
            options: dict[str, Any] = {
                "limit": limit,
                "sortedby": sort if sort in ("newest", "oldest") else None,
                "reverse": sort == "newest",
                "terms": False,
                "optimize": False,
            }
            try:
                results = _run(searcher, parsed, options, cancelled)
            except query.QueryError as error:
                notice = f"could not run the query ({_describe(error)}); searched its words instead"
                parsed = self._words_query(text)
                results = _run(searcher, parsed, options, cancelled)
            ranked = tuple(
                (reader.ids[docnum], float(score or 0.0)) for score, docnum in results.top_n
            )
            total = len(results)
            matcher = self._matcher(parsed, searcher)
            suggestion = self._suggest(text, searcher) if total == 0 and text.strip() else None
        return RawHits(total, ranked, matcher, suggestion, notice)

    def warm(self) -> None:
        """Open the searcher, its docnum-to-id table and the query parser ahead of a search.

        At 100,000 articles these cost a few hundred milliseconds that the first search
        typed would otherwise wait for.
        """
        reader = self._current()
        with self._lock:
            reader.ids  # noqa: B018 - built on first read
            self._query_parser()

    def matcher(self, text: str) -> TermMatcher:
        """A matcher for the terms of a query string."""
        if not text.strip():
            return TermMatcher()
        parsed, _ = self.parse(text)
        reader = self._current()
        with self._lock:
            return self._matcher(parsed, reader.searcher)

    def _matcher(self, parsed: Any, searcher: Any) -> TermMatcher:
        stems: set[str] = set()
        words: set[str] = set()
        phrases: list[tuple[str, ...]] = []
        ixreader = searcher.reader()
        for node in _positive_leaves(parsed):
            name = getattr(node, "fieldname", None)
            if isinstance(node, query.Phrase) and name in ("title", "body"):
                phrases.append(tuple(node.words))
            elif isinstance(node, (_BoundedPrefix, query.FuzzyTerm, query.Wildcard)):
                for btext in node._btexts(ixreader):
                    words.add(btext.decode("utf-8") if isinstance(btext, bytes) else btext)
            elif isinstance(node, query.Term) and name in ("title", "body"):
                stems.add(node.text)
        return TermMatcher(frozenset(stems), frozenset(words), tuple(phrases))

    def _suggest(self, text: str, searcher: Any) -> str | None:
        """A corrected query string when a word of the query is unknown."""
        corrected = text
        changed = False
        searched_words = _QUERY_FIELD.sub(" ", text)
        for word in sorted({w for w, _, _ in tokens(searched_words)}, key=len, reverse=True):
            # Edit-distance suggestions cost grows with the word: nobody misspells 40 letters.
            if not 3 <= len(word) <= _LONGEST_SUGGESTED_WORD or word.isdigit():
                continue
            if word in ("and", "or", "not", "to"):
                continue
            ixreader = searcher.reader()
            if ixreader.doc_frequency("body_plain", word) or ixreader.doc_frequency(
                "title_plain", word
            ):
                continue
            options = searcher.suggest("body_plain", word, limit=1, maxdist=2)
            if options and options[0] != word:
                corrected = re.sub(rf"(?i)\b{re.escape(word)}\b", options[0], corrected, count=1)
                changed = True
        if not changed:
            return None
        parsed, _ = self.parse(corrected)
        if len(searcher.search(parsed, limit=1)) == 0:
            return None
        return corrected

    def related(
        self, article_id: str, body: str, *, limit: int = 10
    ) -> tuple[tuple[str, float], ...]:
        """Articles sharing this one's key terms."""
        reader = self._current()
        with self._lock:
            searcher = reader.searcher
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                return ()
            results = searcher.more_like(docnum, "body", text=body, top=limit, numterms=12)
            return tuple((reader.ids[hit.docnum], float(hit.score or 0.0)) for hit in results)


def _run(
    searcher: Any, parsed: Any, options: dict[str, Any], cancelled: Callable[[], bool] | None
) -> Any:
    """Whoosh's `searcher.search` in one full pass, optionally cancellable."""
    collector = searcher.collector(**options)
    if hasattr(collector, "replace"):
        # Every few hits Whoosh swaps in matchers pruned by the lowest score kept, even with
        # optimize off; under a boost that drops documents from a limited list and its total.
        collector.replace = 0
    if cancelled is not None:
        collector = _Cancellable(collector, cancelled)
    searcher.search_with_collector(parsed, collector)
    return collector.results()


def _join_prefixes(parsed: Any) -> Any:
    """Match a prefix typed over several fields in one pass (see `_PrefixOr`)."""

    def visit(node: Any) -> Any:
        children = node.subqueries if type(node) is query.Or else ()
        if len(children) > 1 and all(
            type(child) is _BoundedPrefix and child.fieldname in _PRESENCE_FIELDS
            for child in children
        ):
            return _PrefixOr(children, boost=node.boost)
        return node

    return parsed.accept(visit)


def _positive_leaves(node: Any) -> Iterator[Any]:
    """Leaf queries that must or may match (not under NOT)."""
    if isinstance(node, query.Not):
        return
    if isinstance(node, query.AndNot):
        yield from _positive_leaves(node.a)
        return
    if isinstance(node, query.Phrase) or not node.is_leaf():
        if isinstance(node, query.Phrase):
            yield node
            return
        for child in node.children():
            yield from _positive_leaves(child)
        return
    yield node


def _has_error(node: Any) -> bool:
    if getattr(node, "error", None) or isinstance(node, type(query.NullQuery)):
        return True
    if node.is_leaf():
        return False
    return any(_has_error(child) for child in node.children())


def _describe(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:120]
