"""Measure extraction speed over a JSON Lines corpus of article bodies."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import nkreader.entities

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "articles.jsonl"


def main() -> None:
    """Run the extractor over every body, in this process then in workers; print words/s."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="passes over the corpus")
    parser.add_argument(
        "--jobs", type=int, default=2, help="worker processes for the parallel run (<2: none)"
    )
    parser.add_argument("--chunksize", type=int, help="texts per message to a worker")
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as lines:
        bodies = [json.loads(line)["body"] for line in lines if line.strip()]
    words = sum(len(body.split()) for body in bodies)
    started, cpu_started = time.perf_counter(), time.process_time()
    extractor_class = nkreader.entities.Extractor  # imports the extractor's modules
    import_seconds = time.perf_counter() - started
    import_cpu_seconds = time.process_time() - cpu_started
    started, cpu_started = time.perf_counter(), time.process_time()
    extractor = extractor_class()
    load_seconds = time.perf_counter() - started
    load_cpu_seconds = time.process_time() - cpu_started
    mentions = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for body in bodies:
            mentions += len(extractor.extract(body))
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    print(
        f"extractor import: {import_seconds * 1000:.0f} ms ({import_cpu_seconds * 1000:.0f} ms CPU)"
    )
    print(f"extractor load: {load_seconds * 1000:.0f} ms ({load_cpu_seconds * 1000:.0f} ms CPU)")
    print(
        f"{len(bodies) * args.repeat} articles, {words * args.repeat} words, "
        f"{mentions} mentions in {seconds:.2f} s"
    )
    print(
        f"{words * args.repeat / seconds:,.0f} words/s, "
        f"{len(bodies) * args.repeat / seconds:,.0f} articles/s (wall clock, 1 process)"
    )
    # CPU time is the steadier figure when other processes share the machine.
    print(
        f"{words * args.repeat / cpu_seconds:,.0f} words/s, "
        f"{len(bodies) * args.repeat / cpu_seconds:,.0f} articles/s (CPU time, 1 process)"
    )
    if args.jobs >= 2:
        run_in_workers(bodies * args.repeat, words * args.repeat, args.jobs, args.chunksize)


def run_in_workers(bodies: list[str], words: int, jobs: int, chunksize: int | None) -> None:
    """Extract through `extract_many` and print its wall-clock rate, pool start-up included."""
    from nkreader.entities.parallel import DEFAULT_CHUNKSIZE

    chunksize = chunksize or DEFAULT_CHUNKSIZE
    started = time.perf_counter()
    results = nkreader.entities.extract_many(bodies, jobs, chunksize=chunksize)
    first = next(results, ())
    first_seconds = time.perf_counter() - started
    mentions = len(first) + sum(len(found) for found in results)
    seconds = time.perf_counter() - started
    print(
        f"{jobs} worker processes (spawned, chunks of {chunksize}): {len(bodies)} articles, "
        f"{words} words, {mentions} mentions in {seconds:.2f} s, first result after "
        f"{first_seconds * 1000:.0f} ms (start-up)"
    )
    print(
        f"{words / seconds:,.0f} words/s, {len(bodies) / seconds:,.0f} articles/s "
        f"(wall clock, {jobs} worker processes, start-up included)"
    )


if __name__ == "__main__":
    main()
