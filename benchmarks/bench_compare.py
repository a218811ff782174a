"""Time `compare` on two ~10,000-word texts built from the research news corpus."""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
from pathlib import Path

from nkreader.compare import Document, compare
from nkreader.model import Mention

DEFAULT_DATA = Path("/work/shared/data/news/articles.jsonl")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")


def build_texts(data: Path, words: int, seed: int) -> tuple[str, str]:
    """Left: articles concatenated; right: the same paragraphs shuffled, some dropped or edited."""
    paragraphs: list[str] = []
    count = 0
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            body = json.loads(line)["body"]
            for paragraph in body.split("\n\n"):
                if paragraph.strip():
                    paragraphs.append(paragraph.strip())
                    count += len(paragraph.split())
            if count >= words:
                break
    rng = random.Random(seed)
    perturbed = [_perturb(p, rng) for p in paragraphs if rng.random() > 0.1]
    rng.shuffle(perturbed)
    return "\n\n".join(paragraphs), "\n\n".join(perturbed)


def _perturb(paragraph: str, rng: random.Random) -> str:
    """Drop or replace a few words so that not every pair is verbatim."""
    tokens = paragraph.split()
    for _ in range(len(tokens) // 15):
        index = rng.randrange(len(tokens))
        tokens[index] = rng.choice(["reportedly", "officials", "several", tokens[index]])
    return " ".join(tokens)


def number_mentions(text: str) -> tuple[Mention, ...]:
    """Stand-in QUANTITY mentions so the number table has work to do."""
    return tuple(
        Mention(m.start(), m.end(), m.group(), "QUANTITY", m.group())
        for m in _NUMBER.finditer(text)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    left_text, right_text = build_texts(args.data, args.words, args.seed)
    left = Document("left", "left", left_text, number_mentions(left_text))
    right = Document("right", "right", right_text, number_mentions(right_text))
    timings: list[float] = []
    cpu_timings: list[float] = []
    for _ in range(args.runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        result = compare(left, right)
        timings.append(time.perf_counter() - started)
        cpu_timings.append(time.process_time() - cpu_started)
    print(
        f"words {len(left_text.split())} vs {len(right_text.split())}; "
        f"aligned {len(result.aligned)}, left-only {len(result.left_only)}, "
        f"right-only {len(result.right_only)}, numbers {len(result.numbers)}; "
        f"similarity {result.similarity} ({result.verdict})"
    )
    print(
        f"compare: median {statistics.median(timings) * 1000:.0f} ms, "
        f"best {min(timings) * 1000:.0f} ms over {args.runs} runs "
        f"(CPU median {statistics.median(cpu_timings) * 1000:.0f} ms; wall time suffers "
        "when other processes share the machine)"
    )


if __name__ == "__main__":
    main()
