"""Entity extraction in worker processes, so a big job can use more than one core."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from nkreader.model import Mention

if TYPE_CHECKING:
    from nkreader.entities.extractor import Extractor

# Starting a worker (a fresh interpreter that builds its own extractor) costs about half a
# second, which extraction in a second process wins back only over a few hundred articles.
MIN_TEXTS_FOR_POOL = 200
# Texts sent to a worker in one message: one pickle and one round trip per ~20 ms of work.
DEFAULT_CHUNKSIZE = 8
# Chunks submitted per worker before the caller waits for the oldest result, so that a
# worker always has the next chunk at hand while the caller is busy with earlier results.
CHUNKS_AHEAD_PER_WORKER = 3

# Each worker process builds one extractor in its initializer and uses it for every chunk.
_worker_extractor: Extractor | None = None


class ExtractionFailed(RuntimeError):
    """A worker process ended before handing back its results."""


def usable_cpus() -> int:
    """The CPUs this process may run on, at least one."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def background_workers() -> int:
    """Workers beside a main process that is itself busy: the cores it leaves, one or two."""
    return max(1, min(2, usable_cpus() - 1))


@dataclass(eq=False)
class _Chunk:
    """Texts that travel to a worker together, and the future of their mentions."""

    texts: list[str] = field(default_factory=list)
    future: Future[list[tuple[Mention, ...]]] | None = None


@dataclass(frozen=True, eq=False)
class Pending:
    """One submitted text, whose mentions a worker may still be extracting."""

    pool: ExtractionPool
    chunk: _Chunk
    position: int

    def result(self) -> tuple[Mention, ...]:
        """The text's mentions, waiting for its worker if need be."""
        return self.pool.results(self.chunk)[self.position]


class ExtractionPool:
    """Extractors in spawned worker processes, working ahead of the caller.

    Workers are spawned, not forked: a forked child would inherit every open file of the
    parent, such as the search index's write lock, and keep it after the parent is killed.
    The pool starts on the first submitted text, so a job that needs none costs nothing.
    Leaving the `with` block normally waits for the workers; leaving it by an exception
    drops the chunks no worker has taken yet.
    """

    def __init__(
        self,
        workers: int,
        user_knowledge: Path | None = None,
        chunksize: int = DEFAULT_CHUNKSIZE,
    ) -> None:
        self.workers = max(1, workers)
        self.chunksize = max(1, chunksize)
        self._user_knowledge = user_knowledge
        self._executor: ProcessPoolExecutor | None = None
        self._filling = _Chunk()

    @property
    def lookahead(self) -> int:
        """How many texts a caller should submit before it waits for the oldest result."""
        return self.chunksize * self.workers * CHUNKS_AHEAD_PER_WORKER

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=kind is None, cancel_futures=kind is not None)

    def submit(self, text: str) -> Pending:
        """Queue a text for extraction; its chunk goes to a worker once it is full."""
        chunk = self._filling
        chunk.texts.append(text)
        if len(chunk.texts) >= self.chunksize:
            self._send(chunk)
        return Pending(self, chunk, len(chunk.texts) - 1)

    def results(self, chunk: _Chunk) -> list[tuple[Mention, ...]]:
        """A chunk's mentions, one tuple per text; a partly filled chunk is sent first."""
        if chunk.future is None:
            self._send(chunk)
        assert chunk.future is not None
        try:
            return chunk.future.result()
        except BrokenProcessPool as error:
            raise ExtractionFailed("an entity extraction process ended unexpectedly") from error

    def _send(self, chunk: _Chunk) -> None:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self._user_knowledge,),
            )
        chunk.future = self._executor.submit(_extract_chunk, chunk.texts)
        if chunk is self._filling:
            self._filling = _Chunk()


def extract_many(
    texts: Iterable[str],
    jobs: int,
    user_knowledge: Path | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
) -> Iterator[tuple[Mention, ...]]:
    """Each text's mentions, in input order, from `jobs` worker processes.

    Texts are read lazily, on the caller's thread, at most a few chunks ahead of the
    results handed back. With `jobs` of one or less no process is started.
    """
    if jobs <= 1:
        from nkreader.entities.extractor import Extractor

        extractor = Extractor(user_knowledge)
        for text in texts:
            yield extractor.extract(text)
        return
    with ExtractionPool(jobs, user_knowledge, chunksize) as pool:
        pending: deque[Pending] = deque()
        for text in texts:
            pending.append(pool.submit(text))
            if len(pending) >= pool.lookahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _start_worker(user_knowledge: Path | None) -> None:
    """Prepare a worker: tied to its parent's life, deaf to Ctrl-C, with its own extractor."""
    global _worker_extractor
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()
    # Ctrl-C reaches the whole process group; the parent alone decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from nkreader.entities.extractor import Extractor

    _worker_extractor = Extractor(user_knowledge)


def _exit_with_parent(sentinel: int) -> None:
    """End this worker when its parent ends: a killed parent never tells it to stop."""
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _extract_chunk(texts: list[str]) -> list[tuple[Mention, ...]]:
    assert _worker_extractor is not None, "the pool's initializer builds the extractor"
    return [_worker_extractor.extract(text) for text in texts]
