"""Search benchmark: nkreader's Library (Whoosh + snippets) against tantivy, at several sizes.

Builds a corpus of Markdown files from the BBC research articles (never copied into the
repository; everything is written under /tmp or --keep), indexes it the way `nkreader index`
does, and prints build speed, index size, no-change sync time, cold start and p50/p95 latency
of a fixed query mix returning the top 20 with snippets. tantivy-py (`pip install tantivy`, a
benchmark-only dependency) runs the same mix in the same process as a reference.

    python benchmarks/bench_search.py --sizes 2000,20000 --queries 100
    python benchmarks/bench_search.py --sizes 100000 --keep /tmp/bench_search_keep
    python benchmarks/bench_search.py --sizes 20000 --keep DIR --profile prefix3
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from nkreader import index as nk_index
from nkreader.config import Settings
from nkreader.index import SearchIndex, tokens
from nkreader.library import Library

DATA = Path("/work/shared/data/news/articles.jsonl")
KINDS = ("term", "and2", "phrase", "prefix3", "prefix5", "title", "date")
LIMIT = 20
WARMUP = 10
DATE_START = date(2003, 1, 1)
DATE_DAYS = 3 * 365 + 1
TARGET_P95_MS = 30.0
TARGET_NOCHANGE_S = 0.3
TARGET_BUILD_DOCS_S = 800.0


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    body: str


@dataclass(frozen=True)
class Doc:
    id: str
    title: str
    body: str
    published: date


@dataclass
class Build:
    """Figures of one size's build, saved beside it so --keep can reuse them."""

    n: int
    generate_s: float = 0.0
    sync_s: float = 0.0
    write_s: float = 0.0
    engine_s: float = 0.0
    whoosh_mb: float = 0.0
    catalog_mb: float = 0.0
    corpus_mb: float = 0.0
    tantivy_s: float = 0.0
    tantivy_mb: float = 0.0
    reused: bool = False


@dataclass
class KindTimes:
    library_ms: list[float] = field(default_factory=list)
    engine_ms: list[float] = field(default_factory=list)
    tantivy_ms: list[float] = field(default_factory=list)
    whoosh_totals: list[int] = field(default_factory=list)
    tantivy_totals: list[int] = field(default_factory=list)


def load_sources(path: Path) -> list[Source]:
    with path.open(encoding="utf-8") as lines:
        return [Source(r["id"], r["title"], r["body"]) for r in map(json.loads, lines)]


def variant_body(body: str, copy: int) -> str:
    """Copy 0 is the article; later copies rotate its paragraphs, then drop one sentence."""
    if copy == 0:
        return body
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    n = len(paragraphs)
    shift = copy % n
    paragraphs = paragraphs[shift:] + paragraphs[:shift]
    if copy >= n:
        sentences = paragraphs[0].split(". ")
        if len(sentences) > 1:
            del sentences[(copy // n - 1) % len(sentences)]
            paragraphs[0] = ". ".join(sentences)
        else:
            paragraphs.append(f"[copy {copy}]")
    return "\n\n".join(paragraphs)


def docs(sources: Sequence[Source], n: int) -> Iterator[Doc]:
    """N documents cycling the sources; each copy has its own id and a synthetic date."""
    for j in range(n):
        source, copy = sources[j % len(sources)], j // len(sources)
        day = (j * 7919 + 104729 * copy) % DATE_DAYS
        yield Doc(
            id=f"{source.id}-c{copy}",
            title=source.title,
            body=variant_body(source.body, copy),
            published=DATE_START + timedelta(days=day),
        )


def write_corpus(folder: Path, sources: Sequence[Source], n: int) -> None:
    for j, doc in enumerate(docs(sources, n)):
        sub = folder / f"{j // 1000:03d}"
        if j % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        text = (
            f"---\nid: {doc.id}\ntitle: {json.dumps(doc.title)}\noutlet: BBC News\n"
            f"published: {doc.published.isoformat()}\n---\n\n{doc.body}\n"
        )
        (sub / f"{doc.id}.md").write_text(text, encoding="utf-8")


def folder_mb(folder: Path) -> float:
    if not folder.exists():
        return 0.0
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def settings(root: Path) -> Settings:
    return Settings.build(
        corpus=[root / "corpus"],
        index=root / "index",
        environ={"NKREADER_HOME": str(root / "home")},
    )


def timed_sync(root: Path) -> tuple[Any, float, float]:
    """A Library.sync() with the seconds spent in SearchIndex.write and, of those, the
    seconds the Library took to produce the documents it streamed (read, parse, entities)."""
    write_seconds: list[float] = []
    produce_seconds: list[float] = []
    original_write = nk_index.SearchIndex.write

    def produced(documents: Iterable[Any]) -> Iterator[Any]:
        iterator = iter(documents)
        while True:
            t0 = time.perf_counter()
            try:
                doc = next(iterator)
            except StopIteration:
                produce_seconds.append(time.perf_counter() - t0)
                return
            produce_seconds.append(time.perf_counter() - t0)
            yield doc

    def timed_write(self: SearchIndex, documents: Iterable[Any], *args: Any, **kw: Any) -> int:
        t0 = time.perf_counter()
        try:
            return original_write(self, produced(documents), *args, **kw)
        finally:
            write_seconds.append(time.perf_counter() - t0)

    nk_index.SearchIndex.write = timed_write  # type: ignore[method-assign]
    try:
        library = Library(settings(root))
        report = library.sync()
        library.close()
    finally:
        nk_index.SearchIndex.write = original_write  # type: ignore[method-assign]
    write_s = sum(write_seconds)
    return report, write_s, write_s - sum(produce_seconds)


def build_size(root: Path, sources: Sequence[Source], n: int, with_tantivy: bool) -> Build:
    saved = root / "build.json"
    build = Build(n)
    if saved.exists():
        kept = Build(**json.loads(saved.read_text()))
        if kept.n == n and (kept.tantivy_s or not with_tantivy):
            report, write_s, engine_s = timed_sync(root)
            if not report.changed:
                kept.reused = True
                return kept
            # The core changed since the kept build (schema, entities): that sync rebuilt it.
            build = replace(kept, sync_s=report.seconds, write_s=write_s, engine_s=engine_s)
            log(f"  n={n:,}: the kept index was out of date; the current core rebuilt it")
    if not build.sync_s:
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        started = time.perf_counter()
        write_corpus(root / "corpus", sources, n)
        build.generate_s = time.perf_counter() - started
        build.corpus_mb = folder_mb(root / "corpus")
        log(f"  n={n:,}: wrote {n:,} .md files in {build.generate_s:.1f} s; indexing ...")
        report, build.write_s, build.engine_s = timed_sync(root)
        build.sync_s = report.seconds
    build.whoosh_mb = folder_mb(root / "index" / "whoosh")
    build.catalog_mb = (root / "index" / "catalog.sqlite").stat().st_size / 1e6
    log(
        f"  n={n:,}: Library.sync {build.sync_s:.1f} s (in SearchIndex.write {build.write_s:.1f} s,"
        f" of which Whoosh {build.engine_s:.1f} s)"
    )
    if with_tantivy and not build.tantivy_s:
        started = time.perf_counter()
        TantivyIndex.build(root / "tantivy", docs(sources, n))
        build.tantivy_s = time.perf_counter() - started
        build.tantivy_mb = folder_mb(root / "tantivy")
        log(f"  n={n:,}: tantivy build {build.tantivy_s:.1f} s")
    saved.write_text(json.dumps(asdict(build)))
    return build


class TantivyIndex:
    """The reference engine: same fields, stemmed and plain, snippets from stored bodies."""

    def __init__(self, folder: Path) -> None:
        import tantivy

        self.t = tantivy
        self.schema = self.make_schema()
        self.index = tantivy.Index(self.schema, path=str(folder))
        self.index.reload()
        self.searcher = self.index.searcher()

    @staticmethod
    def make_schema() -> Any:
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
        builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
        builder.add_text_field("title_plain", tokenizer_name="default")
        builder.add_text_field("body_plain", tokenizer_name="default")
        builder.add_date_field("published", indexed=True, fast=True)
        return builder.build()

    @classmethod
    def build(cls, folder: Path, documents: Iterator[Doc]) -> None:
        import tantivy

        folder.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(cls.make_schema(), path=str(folder))
        writer = index.writer(heap_size=256_000_000, num_threads=2)
        for doc in documents:
            day = doc.published
            writer.add_document(
                tantivy.Document(
                    id=doc.id,
                    title=doc.title,
                    body=doc.body,
                    title_plain=doc.title,
                    body_plain=doc.body,
                    published=datetime(day.year, day.month, day.day),
                )
            )
        writer.commit()
        writer.wait_merging_threads()

    def query(self, text: str) -> tuple[Any, str]:
        """The tantivy query for one of the mix's strings, and the field to snippet."""
        t = self.t
        if text.endswith("*"):
            pattern = re.escape(text[:-1]) + ".*"
            should = t.Occur.Should
            return t.Query.boolean_query(
                [
                    (should, t.Query.regex_query(self.schema, "title_plain", pattern)),
                    (should, t.Query.regex_query(self.schema, "body_plain", pattern)),
                ]
            ), "body"
        if text.startswith("published:["):
            low, high = re.findall(r"\d{4}-\d{2}-\d{2}", text)
            start = datetime.fromisoformat(low)
            end = datetime.fromisoformat(high) + timedelta(days=1) - timedelta(seconds=1)
            return t.Query.range_query(
                self.schema, "published", t.FieldType.Date, start, end
            ), "body"
        parsed = self.index.parse_query(
            text, ["title", "body"], field_boosts={"title": 2.0}, conjunction_by_default=True
        )
        return parsed, "body"

    def search(self, text: str) -> int:
        """Top 20 with titles and a body snippet each; returns the total count."""
        parsed, snippet_field = self.query(text)
        result = self.searcher.search(parsed, LIMIT)
        generator = self.t.SnippetGenerator.create(
            self.searcher, parsed, self.schema, snippet_field
        )
        generator.set_max_num_chars(220)
        for _, address in result.hits:
            doc = self.searcher.doc(address)
            snippet = generator.snippet_from_doc(doc)
            shown = (doc["title"][0], snippet.fragment() or doc["body"][0][:220])
            del shown, snippet
        return int(result.count)


def make_queries(sources: Sequence[Source], per_kind: int, seed: int) -> dict[str, list[str]]:
    """WARMUP + per_kind query strings per kind, drawn from the real articles."""
    rng = random.Random(seed)
    real = sources[:2000]
    words_of = [[w for w, _, _ in tokens(s.body)] for s in real]
    df = Counter(w for words in words_of for w in set(words))
    ceiling = 0.3 * len(real)

    def usable(word: str, min_len: int = 4) -> bool:
        return word.isalpha() and len(word) >= min_len and 3 <= df[word] <= ceiling

    pairs: Counter[tuple[str, str]] = Counter()
    for words in words_of:
        pairs.update({(a, b) for a, b in zip(words, words[1:], strict=False)})
    phrases = sorted(p for p, c in pairs.items() if c >= 3 and usable(p[0], 3) and usable(p[1], 3))
    total = WARMUP + per_kind
    out: dict[str, list[str]] = {kind: [] for kind in KINDS}
    out["prefix3"].append("mis*")
    out["prefix5"].append("inter*")
    out["date"].append("published:[2004-01-01 to 2004-06-30]")
    out["phrase"].append('"prime minister"')
    while any(len(v) < total for v in out.values()):
        words = [w for w in rng.choice(words_of) if usable(w)]
        if len(words) < 2:
            continue
        first, second = rng.sample(words, 2)
        long5 = [w for w in words if len(w) >= 6]
        title_words = [w for w, _, _ in tokens(rng.choice(real).title) if usable(w)]
        month = rng.randrange(30)
        start = date(2003 + month // 12, month % 12 + 1, 1)
        end_month = month + 6
        end = date(2003 + end_month // 12, end_month % 12 + 1, 1) - timedelta(days=1)
        candidates = {
            "term": first,
            "and2": f"{first} {second}" if first != second else None,
            "phrase": '"{} {}"'.format(*rng.choice(phrases)),
            "prefix3": first[:3] + "*",
            "prefix5": long5[0][:5] + "*" if long5 else None,
            "title": f"title:{title_words[0]}" if title_words else None,
            "date": f"published:[{start.isoformat()} to {end.isoformat()}]",
        }
        for kind, text in candidates.items():
            if text and len(out[kind]) < total:
                out[kind].append(text)
    return out


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def run_mix(
    library: Library,
    engine: SearchIndex,
    reference: TantivyIndex | None,
    queries: dict[str, list[str]],
) -> dict[str, KindTimes]:
    """Each query on the Library, the bare index and tantivy, back to back, rotating order."""
    results: dict[str, KindTimes] = {}
    engines = ["library", "engine"] + ["tantivy"] * (reference is not None)
    turn = 0
    for kind in KINDS:
        times = KindTimes()
        for text in queries[kind][:WARMUP]:
            library.search(text, limit=LIMIT)
            engine.search(text, limit=LIMIT)
            if reference is not None:
                reference.search(text)
        for text in queries[kind][WARMUP:]:
            turn += 1
            for i in range(len(engines)):
                which = engines[(i + turn) % len(engines)]
                started = time.perf_counter()
                if which == "library":
                    times.whoosh_totals.append(library.search(text, limit=LIMIT).total)
                elif which == "engine":
                    engine.search(text, limit=LIMIT)
                elif reference is not None:
                    times.tantivy_totals.append(reference.search(text))
                ms = (time.perf_counter() - started) * 1000
                getattr(times, f"{which}_ms").append(ms)
        results[kind] = times
    return results


_COLD_LIBRARY = """
import json, sys, time
t0 = time.perf_counter()
from nkreader.config import Settings
from nkreader.library import Library
t1 = time.perf_counter()
corpus, index, home, first, second = sys.argv[1:6]
library = Library(Settings.build(corpus=[corpus], index=index, environ={"NKREADER_HOME": home}))
report = library.sync()
t2 = time.perf_counter()
result = library.search(first, limit=20)
t3 = time.perf_counter()
library.search(second, limit=20)
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "sync": t2 - t1, "first": t3 - t2, "second": t4 - t3,
                  "changed": report.changed, "hits": len(result.hits)}))
"""

_COLD_ENGINE = """
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from nkreader.index import SearchIndex
t1 = time.perf_counter()
index = SearchIndex(Path(sys.argv[1]))
index.open()
t2 = time.perf_counter()
raw = index.search(sys.argv[2], limit=20)
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "open": t2 - t1, "first": t3 - t2, "hits": len(raw.ranked)}))
"""

_COLD_TANTIVY = """
import json, sys, time
t0 = time.perf_counter()
import tantivy
t1 = time.perf_counter()
index = tantivy.Index.open(sys.argv[1])
searcher = index.searcher()
t2 = time.perf_counter()
query = index.parse_query(sys.argv[2], ["title", "body"], conjunction_by_default=True)
result = searcher.search(query, 20)
generator = tantivy.SnippetGenerator.create(searcher, query, index.schema, "body")
for _, address in result.hits:
    doc = searcher.doc(address)
    generator.snippet_from_doc(doc).fragment()
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "open": t2 - t1, "first": t3 - t2, "hits": result.count}))
"""


def run_child(script: str, args: Sequence[str], env: dict[str, str]) -> dict[str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=False
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"child failed: {done.stderr.strip()[-800:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["wall"] = wall
    return figures


def median_of(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(float(run[key]) for run in runs) for key in runs[0]}


def cold_start(root: Path, repeats: int, with_tantivy: bool) -> dict[str, dict[str, float]]:
    env = dict(os.environ, NKREADER_HOME=str(root / "home"))
    corpus, index, home = str(root / "corpus"), str(root / "index"), str(root / "home")
    library = [
        run_child(_COLD_LIBRARY, [corpus, index, home, "minister", "mis*"], env)
        for _ in range(repeats)
    ]
    engine = [
        run_child(_COLD_ENGINE, [str(root / "index" / "whoosh"), "minister"], env)
        for _ in range(repeats)
    ]
    cli = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "nkreader", "--corpus", corpus, "--index", index, "index"],
            capture_output=True,
            env=env,
            check=True,
        )
        cli.append({"wall": time.perf_counter() - started})
    out = {"library": median_of(library), "engine": median_of(engine), "cli": median_of(cli)}
    if out["library"]["changed"]:
        log("  warning: the cold-start sync changed the index; its figures include that work")
    if with_tantivy:
        tantivy_runs = [
            run_child(_COLD_TANTIVY, [str(root / "tantivy"), "minister"], env)
            for _ in range(repeats)
        ]
        out["tantivy"] = median_of(tantivy_runs)
    return out


def nochange_sync(root: Path) -> tuple[float, float]:
    """Seconds of the first sync of a fresh Library (nothing changed) and of a second one."""
    library = Library(settings(root))
    first = library.sync()
    second = library.sync()
    library.close()
    if first.changed or second.changed:
        log(f"  warning: a no-change sync reported changes: {first} {second}")
    return first.seconds, second.seconds


def profile_kind(library: Library, queries: list[str], kind: str) -> None:
    profiler = cProfile.Profile()
    for text in queries[:WARMUP]:
        library.search(text, limit=LIMIT)
    profiler.enable()
    for text in queries[WARMUP:]:
        library.search(text, limit=LIMIT)
    profiler.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("cumulative").print_stats(35)
    stats.sort_stats("tottime").print_stats(20)
    print(f"\ncProfile of Library.search over {len(queries) - WARMUP} `{kind}` queries:")
    print(buffer.getvalue())


def log(message: str) -> None:
    print(message, flush=True)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(c) for c in headers]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for number, row in enumerate(cells):
        padded = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("| " + " | ".join(padded) + " |")
        if number == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        if value != value:
            return "-"
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def report_size(
    n: int,
    build: Build,
    times: dict[str, KindTimes],
    nochange: tuple[float, float],
    cold: dict[str, dict[str, float]],
) -> dict[str, float]:
    print(f"\n=== {n:,} documents ===")
    reused = " (reused from --keep; build figures from the run that built it)" * build.reused
    print(f"Build{reused}:")
    produce_s = build.sync_s - build.engine_s
    rows: list[list[object]] = [
        [
            "nkreader Library.sync (Whoosh)",
            build.sync_s,
            n / build.sync_s,
            produce_s,
            build.engine_s,
            n / build.engine_s if build.engine_s else float("nan"),
            build.whoosh_mb,
            f"+ catalog {build.catalog_mb:.1f} MB",
        ]
    ]
    if build.tantivy_s:
        rows.append(
            [
                "tantivy (2 threads)",
                build.tantivy_s,
                n / build.tantivy_s,
                "",
                build.tantivy_s,
                n / build.tantivy_s,
                build.tantivy_mb,
                "",
            ]
        )
    headers = [
        "engine",
        "build s",
        "docs/s",
        "read+parse+entities s",
        "index writer s",
        "writer docs/s",
        "index MB",
        "note",
    ]
    print(table(headers, rows))
    print(
        f"(corpus of {n:,} .md files: {build.corpus_mb:.1f} MB,"
        f" written in {build.generate_s:.1f} s. `build s` is the first `Library.sync()`: walk,"
        " read + parse every file, extract entities, write index and catalog; `index writer s`"
        " is the time inside SearchIndex.write minus the time spent producing the streamed"
        " documents, i.e. Whoosh's share)"
    )

    print("\nQuery mix, top 20 with snippets (ms; Library = user path with snippets,")
    print("index = SearchIndex.search alone: parse + search + total count + matcher, no snippets)")
    rows = []
    pooled: dict[str, list[float]] = {"library": [], "engine": [], "tantivy": []}
    for kind in KINDS:
        t = times[kind]
        pooled["library"] += t.library_ms
        pooled["engine"] += t.engine_ms
        pooled["tantivy"] += t.tantivy_ms
        rows.append(_latency_row(kind, t.library_ms, t.engine_ms, t.tantivy_ms, t))
    rows.append(
        _latency_row("ALL (pooled)", pooled["library"], pooled["engine"], pooled["tantivy"], None)
    )
    headers = [
        "kind",
        "Library p50",
        "Library p95",
        "max",
        "index p50",
        "index p95",
        "tantivy p50",
        "tantivy p95",
        "L/T p50",
        "L/T p95",
        "hits W / T (median)",
    ]
    print(table(headers, rows))

    library, engine = cold["library"], cold["engine"]
    print("\nCold start in a fresh process (median, ms):")
    rows = [
        [
            "Library: import / sync (nothing changed) / first search / 2nd search `mis*`",
            f"{library['import'] * 1000:.0f} / {library['sync'] * 1000:.0f} / "
            f"{library['first'] * 1000:.0f} / {library['second'] * 1000:.0f}",
            library["wall"] * 1000,
        ],
        [
            "SearchIndex: import / open / first search",
            f"{engine['import'] * 1000:.0f} / {engine['open'] * 1000:.0f} / "
            f"{engine['first'] * 1000:.0f}",
            engine["wall"] * 1000,
        ],
        ["`nkreader index` (nothing changed)", "", cold["cli"]["wall"] * 1000],
    ]
    if "tantivy" in cold:
        ref = cold["tantivy"]
        rows.append(
            [
                "tantivy: import / open / first search + snippets",
                f"{ref['import'] * 1000:.0f} / {ref['open'] * 1000:.0f} / "
                f"{ref['first'] * 1000:.0f}",
                ref["wall"] * 1000,
            ]
        )
    print(table(["what", "parts", "process wall"], rows))
    print(
        f"\nNo-change sync in-process: fresh Library.sync() {nochange[0] * 1000:.0f} ms,"
        f" second sync() on the same Library {nochange[1] * 1000:.0f} ms"
    )
    return {
        "p95_all": percentile(pooled["library"], 95),
        "p95_prefix3": percentile(times["prefix3"].library_ms, 95),
        "nochange_cli": cold["cli"]["wall"],
        "nochange_sync": nochange[0],
        "build_docs_s": n / build.sync_s,
    }


def _latency_row(
    kind: str,
    library: list[float],
    engine: list[float],
    reference: list[float],
    t: KindTimes | None,
) -> list[object]:
    lp50, lp95 = percentile(library, 50), percentile(library, 95)
    tp50, tp95 = percentile(reference, 50), percentile(reference, 95)
    hits = "-"
    if t is not None:
        hits = f"{statistics.median(t.whoosh_totals):,.0f} / " + (
            f"{statistics.median(t.tantivy_totals):,.0f}" if t.tantivy_totals else "-"
        )
    return [
        kind,
        lp50,
        lp95,
        max(library),
        percentile(engine, 50),
        percentile(engine, 95),
        tp50,
        tp95,
        f"{lp50 / tp50:.0f}x" if reference else "-",
        f"{lp95 / tp95:.0f}x" if reference else "-",
        hits,
    ]


def _verdict(met: bool) -> str:
    return "(ok)" if met else "(MISSED)"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000,100000", help="comma-separated N")
    parser.add_argument("--queries", type=int, default=100, help="timed queries per kind")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build in DIR and reuse")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cold-repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--no-tantivy", action="store_true")
    parser.add_argument("--profile", choices=KINDS, help="cProfile this kind at each size")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    with_tantivy = not args.no_tantivy
    if with_tantivy:
        try:
            import tantivy  # noqa: F401
        except ImportError:
            print("tantivy is not installed (pip install tantivy); running without it")
            with_tantivy = False
    base = args.keep or Path(tempfile.mkdtemp(prefix="bench_search_", dir="/tmp"))
    base.mkdir(parents=True, exist_ok=True)
    print(
        f"bench_search: python {platform.python_version()}, {os.cpu_count()} CPUs"
        f" (shared with other engineers; load average at start {os.getloadavg()[0]:.2f}),"
        f" sizes {sizes}, {args.queries} timed queries per kind + {WARMUP} warm-up,"
        f" working folder {base}"
    )
    sources = load_sources(args.data)
    queries = make_queries(sources, args.queries, args.seed)
    print("Query examples: " + "; ".join(f"{k}: {queries[k][WARMUP]}" for k in KINDS))
    summary: dict[int, dict[str, float]] = {}
    try:
        for n in sizes:
            root = base / f"n{n}"
            build = build_size(root, sources, n, with_tantivy)
            nochange = nochange_sync(root)
            library = Library(settings(root))
            library.sync()
            engine = SearchIndex(root / "index" / "whoosh")
            reference = TantivyIndex(root / "tantivy") if with_tantivy else None
            if args.profile:
                profile_kind(library, queries[args.profile], args.profile)
            log(f"  n={n:,}: running the query mix ...")
            times = run_mix(library, engine, reference, queries)
            library.close()
            engine.close()
            cold = cold_start(root, args.cold_repeats, with_tantivy)
            summary[n] = report_size(n, build, times, nochange, cold)
            sys.stdout.flush()
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print("\n=== Targets (at 100,000; shown for every size run) ===")
    rows = []
    for n, s in summary.items():
        rows.append(
            [
                n,
                f"{s['p95_all']:.1f} {_verdict(s['p95_all'] < TARGET_P95_MS)}",
                f"{s['p95_prefix3']:.1f}",
                f"{s['nochange_cli']:.2f} {_verdict(s['nochange_cli'] < TARGET_NOCHANGE_S)}",
                f"{s['nochange_sync']:.2f}",
                f"{s['build_docs_s']:.0f} {_verdict(s['build_docs_s'] >= TARGET_BUILD_DOCS_S)}",
            ]
        )
    headers = [
        "N",
        f"mix p95 ms (< {TARGET_P95_MS:.0f})",
        "prefix3 p95 ms",
        f"`nkreader index` no change s (< {TARGET_NOCHANGE_S})",
        "Library.sync() no change s",
        f"build docs/s (>= {TARGET_BUILD_DOCS_S:.0f})",
    ]
    print(table(headers, rows))
    print(
        f"Machine: {os.cpu_count()} CPUs shared with other engineers' jobs; load average at end"
        f" {os.getloadavg()[0]:.2f}. Ratios matter more than absolute figures."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
