"""Measure extraction speed over a JSON Lines corpus of article bodies."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from nkreader.entities import Extractor

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "articles.jsonl"


def main() -> None:
    """Run the extractor over every body and print words/s and articles/s."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="passes over the corpus")
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as lines:
        bodies = [json.loads(line)["body"] for line in lines if line.strip()]
    words = sum(len(body.split()) for body in bodies)
    started = time.perf_counter()
    extractor = Extractor()
    load_seconds = time.perf_counter() - started
    mentions = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for body in bodies:
            mentions += len(extractor.extract(body))
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    print(f"extractor load: {load_seconds * 1000:.0f} ms")
    print(
        f"{len(bodies) * args.repeat} articles, {words * args.repeat} words, "
        f"{mentions} mentions in {seconds:.2f} s"
    )
    print(
        f"{words * args.repeat / seconds:,.0f} words/s, "
        f"{len(bodies) * args.repeat / seconds:,.0f} articles/s (wall clock)"
    )
    # CPU time is the steadier figure when other processes share the machine.
    print(
        f"{words * args.repeat / cpu_seconds:,.0f} words/s, "
        f"{len(bodies) * args.repeat / cpu_seconds:,.0f} articles/s (CPU time)"
    )


if __name__ == "__main__":
    main()
