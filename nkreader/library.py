"""The facade the CLI and the app hold: articles on disk plus their search index."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from nkreader.catalog import Catalog, FileRecord
from nkreader.config import Settings, bundled_knowledge
from nkreader.corpus import (
    CorpusError,
    clean_line,
    derive_title,
    keep_offsets_safe,
    load_article,
    read_body,
    read_text,
    stat_corpus,
)
from nkreader.hits import HitList, date_order
from nkreader.model import (
    Article,
    Entity,
    EntityType,
    Mention,
    SearchCancelled,
    SearchHit,
    SearchResult,
    Snippet,
    Sort,
)
from nkreader.snippets import make_snippet

if TYPE_CHECKING:
    from nkreader.compare import Comparison, Document
    from nkreader.entities import Extractor
    from nkreader.index import IndexDoc, SearchIndex, TermMatcher


CATALOG_BUSY_SECONDS = 15.0


class LibraryError(Exception):
    """A problem the user can fix, reported as one line."""


@dataclass(frozen=True)
class SyncReport:
    added: int
    updated: int
    removed: int
    seconds: float
    rebuilt: bool = False
    notice: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.rebuilt)


@dataclass(frozen=True)
class ImportOutcome:
    source: Path
    status: str  # "added" | "updated" | "skipped"
    reason: str
    article_id: str | None = None


Progress = Callable[[int, int], None]
T = TypeVar("T")


def _busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def _describe(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:120]


class Library:
    """Articles from a set of corpus folders, searchable through a Whoosh index."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.RLock()
        self._index: SearchIndex | None = None
        self._catalog: Catalog | None = None
        self._records: dict[str, FileRecord] = {}
        self._date_orders: dict[Sort, list[tuple[str, float]]] = {}
        self._listed_files: dict[str, FileRecord] = {}
        self._pending_syncs = 0
        """Syncs that have started checking the files but not yet taken the lock."""
        self._pending_lock = threading.Lock()
        self._syncs_done = 0
        self._synced = False
        self._extractor: tuple[str, Extractor] | None = None
        """The extractor and the knowledge version it was built from."""
        self._damage: str | None = None
        self._unchanged_files: dict[str, FileRecord] = {}
        self.warnings: list[str] = []

    def close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.close()
            if self._catalog is not None:
                self._catalog.close()
            self._index = self._catalog = None
            self._synced = False

    def _parts(self) -> tuple[SearchIndex, Catalog]:
        if self._index is None or self._catalog is None:
            from nkreader.index import SearchIndex

            folder = self.settings.index_dir
            for corpus_dir in self.settings.corpus_dirs:
                if folder == corpus_dir or folder.is_relative_to(corpus_dir):
                    raise LibraryError(f"the index folder {folder} must not be inside a corpus")
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self._catalog = self._open_catalog(folder / "catalog.sqlite")
            except (OSError, sqlite3.Error) as error:
                raise LibraryError(f"cannot open the index in {folder}: {error}") from error
            self._index = SearchIndex(folder / "whoosh", resolve_entity=self._resolve_entity)
        return self._index, self._catalog

    def _open_catalog(self, path: Path) -> Catalog:
        """Open the catalog, starting over (and rebuilding the index) if it is damaged."""
        deadline = time.monotonic() + CATALOG_BUSY_SECONDS
        damage: sqlite3.DatabaseError
        while True:
            try:
                return Catalog(path)
            except sqlite3.OperationalError as error:
                # Another process creating it (turning on WAL needs it alone) is no damage:
                # deleting the file would pull it from under that process.
                if not _busy(error):
                    damage = error
                    break
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
            except sqlite3.DatabaseError as error:
                damage = error
                break
        path.unlink(missing_ok=True)
        self._damage = f"the index catalog could not be read ({damage}); rebuilding it"
        return Catalog(path)

    def _resolve_entity(self, name: str) -> str | None:
        found = self.extractor().canonical_for(name)
        return found[0] if found else None

    def extractor(self) -> Extractor:
        """The entity extractor for the knowledge files as they are now."""
        return self._versioned_extractor()[1]

    def _versioned_extractor(self) -> tuple[str, Extractor]:
        """The extractor and the knowledge version it read, rebuilt after the files change."""
        with self._lock:
            version = self._entity_version()
            if self._extractor is None or self._extractor[0] != version:
                from nkreader.entities import Extractor

                try:
                    self._extractor = (version, Extractor(self._user_knowledge()))
                except (OSError, ValueError) as error:
                    raise LibraryError(
                        f"cannot load {self.settings.user_knowledge}: {error}"
                    ) from error
            return self._extractor

    def _extractor_for(self, version: str) -> Extractor:
        """The extractor that files mentions under `version`: never one that read other files."""
        used, extractor = self._versioned_extractor()
        if used != version:
            raise LibraryError(
                "a knowledge file changed while indexing; run `nkreader index` again"
            )
        return extractor

    def _user_knowledge(self) -> Path | None:
        """The user's knowledge file, if they have one."""
        knowledge = self.settings.user_knowledge
        return knowledge if knowledge.exists() else None

    def _entity_version(self) -> str:
        """Changes whenever extraction would give other results, so caches stay honest."""
        from nkreader.entities import EXTRACTOR_VERSION

        digest = hashlib.sha256()
        for knowledge in (bundled_knowledge(), self.settings.user_knowledge):
            try:
                digest.update(knowledge.read_bytes())
            except OSError:
                digest.update(b"none")
        return f"{EXTRACTOR_VERSION}:{digest.hexdigest()[:16]}"

    def sync(
        self,
        *,
        rebuild: bool = False,
        apply_knowledge: bool = False,
        progress: Progress | None = None,
    ) -> SyncReport:
        """Bring the index up to date with the corpus folders.

        `apply_knowledge` re-indexes everything when the entity knowledge has changed.
        """
        started = time.perf_counter()
        # Statting 100,000 files takes most of a second: searches of the index as last built
        # go on meanwhile (see `_ensure_synced`), and a file changed after this is seen next time.
        with self._pending_lock:
            self._pending_syncs += 1
            done_before = self._syncs_done
        try:
            on_disk = stat_corpus(self.settings.corpus_dirs)
        except BaseException:
            with self._pending_lock:
                self._pending_syncs -= 1
            raise
        with self._lock:
            with self._pending_lock:
                self._pending_syncs -= 1
            if self._syncs_done != done_before:
                # Another sync finished meanwhile: never apply an older look at the files.
                on_disk = stat_corpus(self.settings.corpus_dirs)
            try:
                return self._sync_locked(started, on_disk, rebuild, apply_knowledge, progress)
            finally:
                self._syncs_done += 1

    def _sync_locked(
        self,
        started: float,
        on_disk: dict[str, os.stat_result],
        rebuild: bool,
        apply_knowledge: bool,
        progress: Progress | None,
    ) -> SyncReport:
        from nkreader.index import IndexLocked

        index, catalog = self._parts()
        damage, self._damage = self._damage, None
        try:
            try:
                report = self._sync(
                    index, catalog, on_disk, rebuild or bool(damage), apply_knowledge, progress
                )
            except (IndexLocked, OSError, sqlite3.Error, LibraryError):
                raise
            except Exception as error:  # Whoosh fails in many ways on damaged files
                index.close()
                try:
                    report = self._sync(index, catalog, on_disk, rebuild, apply_knowledge, progress)
                except (IndexLocked, OSError, sqlite3.Error, LibraryError):
                    raise
                except Exception:
                    damage = f"the index could not be read ({_describe(error)}); rebuilding it"
                    report = self._sync(index, catalog, on_disk, True, apply_knowledge, progress)
        except IndexLocked as error:
            raise LibraryError(str(error)) from error
        except (OSError, sqlite3.Error) as error:
            raise LibraryError(f"cannot update the index: {error}") from error
        if damage:
            report = replace(report, notice=damage, rebuilt=True)
        files = self._unchanged_files or catalog.files()
        self._records = {record.id: record for record in files.values()}
        if report.changed:
            self._date_orders = {}
        self._unchanged_files = {}
        self._synced = True
        return replace(report, seconds=time.perf_counter() - started)

    def _sync(
        self,
        index: SearchIndex,
        catalog: Catalog,
        on_disk: dict[str, os.stat_result],
        rebuild: bool,
        apply_knowledge: bool,
        progress: Progress | None,
    ) -> SyncReport:
        notice = index.open()
        # The files a catalog listing just read, or the catalog's: read 100,000 rows once.
        known, self._listed_files = self._listed_files or catalog.files(), {}
        created, index.created = index.created, False
        # A catalog that lists files for an index just created means the index was lost;
        # an empty catalog beside a full index means the catalog was.
        rebuilt = (
            rebuild
            or notice is not None
            or (bool(known) and created)
            or (not known and not created and index.doc_count() > 0)
        )
        empty = rebuilt or created or not known
        entity_version = self._entity_version()
        if known and catalog.meta("entity_version") != entity_version and not rebuilt:
            if apply_knowledge:
                notice = "entity knowledge changed; re-indexing every article"
                rebuilt = True
            else:
                # Re-reading a whole library can take minutes, so only `nkreader index` does it.
                notice = "entity knowledge changed; run `nkreader index` to apply it everywhere"
        if rebuilt:
            index.recreate()
            catalog.clear()
            known = {}
        changed = {
            path
            for path, stat in on_disk.items()
            if (record := known.get(path)) is None
            or record.mtime_ns != stat.st_mtime_ns
            or record.size != stat.st_size
        }
        gone = [path for path in known if path not in on_disk]
        if not changed and not gone and not rebuilt:
            self._unchanged_files = known
            return SyncReport(0, 0, 0, 0.0, notice=notice)
        ids_in_use = {
            record.id: path
            for path, record in known.items()
            if path in on_disk and path not in changed
        }
        self.warnings = []
        records: list[FileRecord] = []
        failed: list[str] = []
        renamed: list[str] = []
        pending_mentions: list[tuple[str, str, tuple[Mention, ...]]] = []

        def changed_articles() -> Iterator[Article]:
            for path in sorted(changed):
                try:
                    article = load_article(Path(path))
                except CorpusError as error:
                    self.warnings.append(f"skipped {clean_line(path)}: {clean_line(str(error))}")
                    failed.append(path)
                    continue
                owner = ids_in_use.get(article.id)
                if owner is not None and owner != path:
                    self.warnings.append(
                        f"skipped {clean_line(path)}: duplicate id {article.id!r}"
                        f" (also {clean_line(owner)})"
                    )
                    failed.append(path)
                    continue
                ids_in_use[article.id] = path
                previous = known.get(path)
                if previous is not None and previous.id != article.id:
                    renamed.append(previous.id)
                stat = on_disk[path]
                records.append(_record(path, stat, article))
                yield article

        def changed_docs() -> Generator[IndexDoc, None, None]:
            found = self._with_mentions(changed_articles(), len(changed), catalog, entity_version)
            for article, mentions, extracted in found:
                if extracted:
                    pending_mentions.append((article.content_hash, entity_version, mentions))
                    if len(pending_mentions) >= 500:
                        catalog.store_mentions(pending_mentions)
                        pending_mentions.clear()
                yield self._index_doc(article, mentions)

        total = len(changed)
        on_progress = (lambda done: progress(done, total)) if progress else None
        if rebuilt or empty:
            # Nothing to delete in an empty index, so documents stream straight to the writer.
            if changed:
                streamed = changed_docs()
                try:
                    index.write(streamed, (), fresh=True, progress=on_progress)
                finally:
                    streamed.close()  # now, not when a traceback lets go: it stops the workers
            stale_ids: list[str] = []
        else:
            docs = list(changed_docs())
            stale = [path for path in gone + failed if path in known]
            stale_ids = [known[path].id for path in stale] + renamed
            stale_ids = [article_id for article_id in stale_ids if article_id not in ids_in_use]
            if docs or stale_ids:
                index.write(docs, stale_ids, progress=on_progress)
            catalog.remove(stale)
        catalog.store_mentions(pending_mentions)
        catalog.put(records)
        if rebuilt or empty:
            catalog.set_meta("entity_version", entity_version)
        added = sum(1 for r in records if r.path not in known)
        return SyncReport(
            added=added,
            updated=len(records) - added,
            removed=len(stale_ids),
            seconds=0.0,
            rebuilt=rebuilt,
            notice=notice,
        )

    def _with_mentions(
        self, articles: Iterator[Article], count: int, catalog: Catalog, version: str
    ) -> Iterator[tuple[Article, tuple[Mention, ...], bool]]:
        """Each of `count` articles with its mentions, and whether they were just extracted.

        A change set big enough to repay starting a process is extracted in workers, so that
        extraction overlaps the index writing the caller does with the results.
        """
        from nkreader.entities import parallel

        if count >= parallel.MIN_TEXTS_FOR_POOL:
            yield from self._extracted_ahead(articles, catalog, version)
            return
        extractor: Extractor | None = None  # built on the first article not in the cache
        for article in articles:
            cached = catalog.cached_mentions(article.content_hash, version)
            if cached is not None:
                yield article, cached, False
            else:
                extractor = extractor or self._extractor_for(version)
                yield article, extractor.extract(article.body), True

    def _extracted_ahead(
        self, articles: Iterator[Article], catalog: Catalog, version: str
    ) -> Iterator[tuple[Article, tuple[Mention, ...], bool]]:
        """`_with_mentions` with bodies sent to worker processes a few chunks ahead."""
        from nkreader.entities.parallel import (
            ExtractionFailed,
            ExtractionPool,
            Pending,
            background_workers,
        )

        self._extractor_for(version)  # a broken knowledge file fails here, not in a worker
        pool = ExtractionPool(background_workers(), self._user_knowledge())
        waiting: deque[tuple[Article, tuple[Mention, ...] | Pending]] = deque()

        def settled() -> tuple[Article, tuple[Mention, ...], bool]:
            article, found = waiting.popleft()
            if isinstance(found, Pending):
                return article, found.result(), True
            return article, found, False

        try:
            with pool:
                for article in articles:
                    cached = catalog.cached_mentions(article.content_hash, version)
                    found = pool.submit(article.body) if cached is None else cached
                    waiting.append((article, found))
                    if len(waiting) >= pool.lookahead:
                        yield settled()
                while waiting:
                    yield settled()
        except ExtractionFailed as error:
            raise LibraryError(str(error)) from error

    def _mentions(self, article: Article, catalog: Catalog, version: str) -> tuple[Mention, ...]:
        cached = catalog.cached_mentions(article.content_hash, version)
        if cached is not None:
            return cached
        used, extractor = self._versioned_extractor()
        found = extractor.extract(article.body)
        catalog.store_mentions([(article.content_hash, used, found)])
        return found

    def mentions(self, article: Article) -> tuple[Mention, ...]:
        """Entity mentions in an article's body, from the cache when it is unchanged."""
        with self._lock:
            _, catalog = self._parts()
            return self._mentions(article, catalog, self._entity_version())

    def entities(self, article: Article) -> tuple[Entity, ...]:
        """An article's entities, grouped by canonical name."""
        from nkreader.entities import group

        return group(self.mentions(article))

    def cached_entities(self, article: Article) -> tuple[Entity, ...] | None:
        """The article's entities if the cache has them, None where they need extracting."""
        from nkreader.entities import group

        with self._lock:
            _, catalog = self._parts()
            found = catalog.cached_mentions(article.content_hash, self._entity_version())
        return None if found is None else group(found)

    def entity_counts(
        self, ids: Sequence[str] | None = None, entity_type: str | None = None
    ) -> list[tuple[str, EntityType, int]]:
        """(canonical, type, number of articles) over some articles or the whole library."""
        with self._lock:
            self._ensure_synced()
            _, catalog = self._parts()
            version = self._entity_version()
            records = self._records
            chosen = records.values() if ids is None else [records[i] for i in ids if i in records]
            counts: Counter[tuple[str, EntityType]] = Counter()
            for record in chosen:
                found = catalog.cached_mentions(record.hash, version) or ()
                counts.update({(m.canonical, m.type) for m in found})
        wanted = entity_type.upper() if entity_type else None
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][0].lower()))
        return [(name, kind, n) for (name, kind), n in ranked if wanted in (None, kind)]

    def _index_doc(self, article: Article, mentions: tuple[Mention, ...]) -> IndexDoc:
        from nkreader.index import IndexDoc

        return IndexDoc(
            entities=tuple(sorted({m.canonical for m in mentions})),
            entity_types=tuple(sorted({m.type for m in mentions})),
            id=article.id,
            path=str(article.path),
            hash=article.content_hash,
            title=article.title,
            body=article.body,
            outlet=article.outlet,
            published=article.published,
            tags=article.tags,
        )

    def _recovering(self, action: Callable[[SearchIndex], T]) -> T:
        """Run an index read; if it fails, reopen the index, then rebuild it, and retry.

        Reopening comes first: another process may just have committed. Opening checks the
        index and starts it over (under its lock) only if it is damaged.
        """
        from nkreader.index import IndexLocked

        index = self._ensure_synced()
        failures = 0
        while True:
            try:
                return action(index)
            except (IndexLocked, LibraryError, OSError, SearchCancelled):
                raise
            except Exception as error:  # Whoosh fails in many ways on damaged or changing files
                problem = f"the index could not be read ({_describe(error)}); rebuilding it"
                failures += 1
                if failures == 1:
                    index.close()
                elif failures == 2:
                    self._damage = problem  # still failing on a fresh reader: damaged
                else:  # a sync checking the files will rebuild it
                    raise LibraryError(problem) from error
                self._synced = False
                index = self._ensure_synced()

    def _ensure_synced(self) -> SearchIndex:
        """The index, synced first unless a sync is checking the files behind a listing.

        Meanwhile searches use the index as last built, which is what the catalog listing
        shows, rather than wait for every file to be checked.
        """
        from nkreader.index import IndexLocked

        if not self._synced and not (self._pending_syncs and self._listed_files):
            self.sync()
        index, _ = self._parts()
        try:
            notice = index.open()
        except IndexLocked as error:
            raise LibraryError(str(error)) from error
        except OSError as error:
            raise LibraryError(f"cannot open the index: {error}") from error
        if notice is not None:
            self._damage = notice  # the sync that follows rebuilds it and says so
        return index

    def search(
        self,
        query: str,
        *,
        sort: Sort = "relevance",
        limit: int | None = 20,
        snippets: bool = True,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Run a query; an empty query lists the whole library.

        Without snippets the hits are built as they are read, so that a list of every hit
        costs little more than the search. A search raises SearchCancelled soon after
        `cancelled()` turns True.
        """
        started = time.perf_counter()
        with self._lock:
            if cancelled is not None and cancelled():
                raise SearchCancelled  # a newer search came while this one waited for the lock
            if not query.strip() and sort != "relevance":
                return self._whole_library(query, sort, limit, started)
            raw = self._recovering(
                lambda index: index.search(query, sort=sort, limit=limit, cancelled=cancelled)
            )
            records = self._records
        ranked = [pair for pair in raw.ranked if pair[0] in records]
        hits: Sequence[SearchHit] = HitList(ranked, records)
        if snippets:
            hits = tuple(
                replace(hit, snippet=self._snippet(records[hit.id], raw.matcher)) for hit in hits
            )
        return SearchResult(
            query=query,
            sort=sort,
            total=raw.total,
            hits=hits,
            suggestion=raw.suggestion,
            notice=raw.notice,
            seconds=time.perf_counter() - started,
        )

    def warm_search(self) -> None:
        """Prepare the index for the first search (see SearchIndex.warm); errors wait for it."""
        with self._lock:
            try:
                self._recovering(lambda index: index.warm())
            except LibraryError:
                pass  # the search that meets it reports it

    def catalog_listing(self, sort: Sort = "newest") -> SearchResult | None:
        """The whole library as it was last indexed, read from the catalog alone.

        No file on disk is checked, so a library of 100,000 lists in a fraction of what a
        sync takes; the app shows this while `sync` looks for changes, and that sync reuses
        what was read here. None before the first index.
        """
        started = time.perf_counter()
        with self._lock:
            if not self._synced:
                _, catalog = self._parts()
                try:
                    files = catalog.files()
                except sqlite3.Error:
                    return None  # the sync that follows reports and repairs it
                if not files:
                    return None
                self._listed_files = files
                self._records = {record.id: record for record in files.values()}
                self._date_orders = {}
            return self._by_date("", sort, None, started)

    def _whole_library(
        self, query: str, sort: Sort, limit: int | None, started: float
    ) -> SearchResult:
        """Every article by date, from the catalog: no index read."""
        self._ensure_synced()
        return self._by_date(query, sort, limit, started)

    def _by_date(self, query: str, sort: Sort, limit: int | None, started: float) -> SearchResult:
        """The known records by date, sorted once until a sync changes them."""
        ranked = self._date_orders.get(sort)
        if ranked is None:
            ranked = self._date_orders[sort] = date_order(self._records.values(), sort)
        shown = ranked if limit is None else ranked[:limit]
        return SearchResult(
            query=query,
            sort=sort,
            total=len(ranked),
            hits=HitList(shown, self._records),
            seconds=time.perf_counter() - started,
        )

    def _snippet(self, record: FileRecord, matcher: TermMatcher) -> Snippet | None:
        try:
            body = _cached_body(record.path, record.mtime_ns)
        except CorpusError:
            return None
        return make_snippet(body, matcher.spans(body))

    def snippets(self, query: str, ids: Sequence[str]) -> dict[str, Snippet]:
        """Snippets for just the given hits, so a list computes them only for visible rows."""
        with self._lock:
            matcher = self._recovering(lambda index: index.matcher(query))
        found: dict[str, Snippet] = {}
        for article_id in ids:
            record = self._records.get(article_id)
            if record is not None and (snippet := self._snippet(record, matcher)) is not None:
                found[article_id] = snippet
        return found

    def highlights(self, query: str, text: str) -> tuple[tuple[int, int], ...]:
        """Spans of `text` that the query's terms match."""
        with self._lock:
            return self._recovering(lambda index: index.matcher(query)).spans(text)

    def resolve(self, ref: str) -> str:
        """The full id for an id or a unique id prefix."""
        with self._lock:
            self._ensure_synced()
            ref = ref.strip()
            if ref in self._records:
                return ref
            matches = sorted(i for i in self._records if i.startswith(ref)) if ref else []
        if not matches:
            raise LibraryError(f"no article with id {ref!r} (try `nkreader list`)")
        if len(matches) > 1:
            shown = ", ".join(matches[:5]) + (", …" if len(matches) > 5 else "")
            raise LibraryError(f"{ref!r} is ambiguous: it starts {len(matches)} ids ({shown})")
        return matches[0]

    def get(self, ref: str) -> Article:
        """The article with this id or unique id prefix."""
        article_id = self.resolve(ref)
        record = self._records[article_id]
        try:
            return load_article(Path(record.path))
        except CorpusError as error:
            raise LibraryError(f"cannot read {record.path}: {error}") from error

    def related(self, ref: str, *, limit: int = 10) -> tuple[SearchHit, ...]:
        """Articles like this one, from its key terms."""
        article_id = self.resolve(ref)
        with self._lock:
            body = self.get(article_id).body
            ranked = self._recovering(lambda index: index.related(article_id, body, limit=limit))
        return tuple(
            SearchHit(i, r.title, r.outlet, r.published, score)
            for i, score in ranked
            if (r := self._records.get(i)) is not None and i != article_id
        )

    def compare(self, left: str, right: str) -> Comparison:
        """Compare two articles, each given by id, id prefix or file path."""
        from nkreader.compare import compare

        return compare(self._document(left), self._document(right))

    def _document(self, ref: str) -> Document:
        from nkreader.compare import Document

        path = Path(ref).expanduser()
        if path.suffix.lower() in (".md", ".markdown", ".txt") and path.is_file():
            try:
                text = keep_offsets_safe(read_text(path)[0])
            except CorpusError as error:
                raise LibraryError(f"cannot compare {path}: {error}") from error
            title = derive_title(text) or path.name
            return Document(path.name, title, text, self.extractor().extract(text))
        article = self.get(ref)
        return Document.from_article(article, self.mentions(article))

    def add(self, paths: Sequence[Path]) -> list[ImportOutcome]:
        """Import files and folders into the user's articles folder."""
        from nkreader.importer import import_paths

        with self._lock:
            self._ensure_synced()
            by_hash = {record.hash: record.id for record in self._records.values()}
            outcomes = import_paths(paths, self.settings.articles_dir, by_hash, set(self._records))
            if any(outcome.status != "skipped" for outcome in outcomes):
                self.sync()
            return outcomes


def _record(path: str, stat: os.stat_result, article: Article) -> FileRecord:
    return FileRecord(
        path,
        stat.st_mtime_ns,
        stat.st_size,
        article.content_hash,
        article.id,
        article.title,
        article.outlet,
        article.published,
    )


@lru_cache(maxsize=256)
def _cached_body(path: str, mtime_ns: int) -> str:
    del mtime_ns  # part of the cache key: a changed file is read again
    return read_body(Path(path))
