"""What the index holds, file by file, plus cached entity mentions, in one SQLite file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import NamedTuple

from nkreader.model import Mention

_SCHEMA = """
create table if not exists files (
    path text primary key,
    mtime_ns integer not null,
    size integer not null,
    hash text not null,
    id text not null,
    title text not null,
    outlet text,
    published text
);
create index if not exists files_id on files(id);
create table if not exists meta (
    key text primary key,
    value text not null
);
create table if not exists mentions (
    hash text not null,
    version text not null,
    data text not null,
    primary key (hash, version)
);
"""


class FileRecord(NamedTuple):
    """One indexed corpus file and the metadata a result list shows.

    A named tuple rather than a dataclass: a library of 100,000 builds one per file on
    every start, and tuples build several times faster.
    """

    path: str
    mtime_ns: int
    size: int
    hash: str
    id: str
    title: str
    outlet: str | None
    published: date | None


class Catalog:
    """SQLite beside the Whoosh index; safe to open from several processes."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path), timeout=15.0, check_same_thread=False)
        # WAL lets searches read while another process writes, and one fsync per
        # checkpoint instead of per article keeps a first index of many files quick;
        # the catalog is rebuilt from the corpus, so losing its last commit is harmless.
        self._db.execute("pragma journal_mode=wal")
        self._db.execute("pragma synchronous=normal")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._db:
            yield self._db

    def files(self) -> dict[str, FileRecord]:
        rows = self._db.execute(
            "select path, mtime_ns, size, hash, id, title, outlet, published from files"
        )
        return {
            path: FileRecord(
                path,
                mtime_ns,
                size,
                content_hash,
                article_id,
                title,
                outlet,
                date.fromisoformat(published) if published else None,
            )
            for path, mtime_ns, size, content_hash, article_id, title, outlet, published in rows
        }

    def put(self, records: Iterable[FileRecord]) -> None:
        with self._db:
            self._db.executemany(
                "insert or replace into files values (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        r.path,
                        r.mtime_ns,
                        r.size,
                        r.hash,
                        r.id,
                        r.title,
                        r.outlet,
                        r.published.isoformat() if r.published else None,
                    )
                    for r in records
                ),
            )

    def remove(self, paths: Iterable[str]) -> None:
        with self._db:
            self._db.executemany("delete from files where path = ?", ((p,) for p in paths))

    def clear(self) -> None:
        with self._db:
            self._db.execute("delete from files")

    def meta(self, key: str) -> str | None:
        row = self._db.execute("select value from meta where key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._db:
            self._db.execute("insert or replace into meta values (?, ?)", (key, value))

    def cached_mentions(self, content_hash: str, version: str) -> tuple[Mention, ...] | None:
        row = self._db.execute(
            "select data from mentions where hash = ? and version = ?", (content_hash, version)
        ).fetchone()
        if row is None:
            return None
        return tuple(Mention(*item) for item in json.loads(row[0]))

    def store_mentions(self, items: Iterable[tuple[str, str, tuple[Mention, ...]]]) -> None:
        with self._db:
            self._db.executemany(
                "insert or replace into mentions values (?, ?, ?)",
                (
                    (
                        content_hash,
                        version,
                        json.dumps([[m.start, m.end, m.text, m.type, m.canonical] for m in found]),
                    )
                    for content_hash, version, found in items
                ),
            )
