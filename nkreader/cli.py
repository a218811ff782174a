"""The `nkreader` command: scriptable access to the library, and the app's launcher."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from nkreader import __version__
from nkreader.config import Settings
from nkreader.corpus import clean_line, clean_text
from nkreader.library import Library, LibraryError
from nkreader.model import ENTITY_TYPES, SORTS, Article, SearchHit, Snippet

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2

_BOLD_YELLOW = "\x1b[1;33m"
_DIM = "\x1b[2m"
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


class _Output:
    """stdout for results, stderr for messages; colour only on a terminal."""

    def __init__(self, stream: TextIO, errors: TextIO) -> None:
        self.stream = stream
        self.errors = errors
        self.colour = stream.isatty()

    def style(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.colour else text

    def line(self, text: str = "") -> None:
        print(text, file=self.stream)

    def message(self, text: str) -> None:
        # Messages quote queries and file names: their control characters never reach the terminal.
        print(clean_text(text), file=self.errors)

    def json(self, value: Any) -> None:
        json.dump(value, self.stream, ensure_ascii=False, indent=2, default=_json_default)
        self.stream.write("\n")


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nkreader",
        description="A keyboard-driven reader for news reports. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"nkreader {__version__}")
    parser.add_argument(
        "--corpus",
        action="append",
        type=Path,
        metavar="DIR",
        help="a corpus folder (repeatable); replaces the bundled corpus and your articles",
    )
    parser.add_argument("--index", type=Path, metavar="DIR", help="where the index lives")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    search = commands.add_parser("search", help="search the library")
    search.add_argument("query", help="query, e.g. 'missile -drone' or 'title:goals'")
    search.add_argument("--limit", type=_positive_int, default=20)
    search.add_argument("--sort", choices=SORTS, default="relevance")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument(
        "--facet",
        metavar="TYPE",
        type=_entity_type,
        help="also count the entities of this type (e.g. WEAPON) over all the hits",
    )

    show = commands.add_parser("show", help="print one article")
    show.add_argument("id", help="article id or unique prefix")
    show.add_argument("--query", metavar="QUERY", help="highlight this query's matches")
    show.add_argument("--json", action="store_true")

    related = commands.add_parser("related", help="articles like this one")
    related.add_argument("id")
    related.add_argument("--limit", type=_positive_int, default=10)
    related.add_argument("--json", action="store_true")

    listing = commands.add_parser("list", help="every article, newest first")
    listing.add_argument("--json", action="store_true")

    index = commands.add_parser("index", help="bring the index up to date")
    index.add_argument("--rebuild", action="store_true", help="start the index over")

    add = commands.add_parser("add", help="import .md/.txt files or folders")
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    entities = commands.add_parser(
        "entities", help="entities in an article, a text file, or the whole library"
    )
    source = entities.add_mutually_exclusive_group(required=True)
    source.add_argument("id", nargs="?", help="article id or unique prefix")
    source.add_argument(
        "--text-file", type=Path, metavar="PATH", help="extract from any UTF-8 text file"
    )
    source.add_argument("--library", action="store_true", help="entities across the library")
    entities.add_argument("--type", type=_entity_type, metavar="TYPE", help="only this type")
    entities.add_argument("--json", action="store_true")

    compare = commands.add_parser("compare", help="compare two reports side by side")
    compare.add_argument("left", help="article id, unique prefix, or a .md/.txt file")
    compare.add_argument("right", help="article id, unique prefix, or a .md/.txt file")
    compare.add_argument("--json", action="store_true")
    return parser


def _entity_type(text: str) -> str:
    if text.upper() not in ENTITY_TYPES:
        choices = ", ".join(ENTITY_TYPES)
        raise argparse.ArgumentTypeError(f"unknown entity type {text!r} (choose from {choices})")
    return text.upper()


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = Settings.build(corpus=args.corpus or (), index=args.index)
    out = _Output(sys.stdout, sys.stderr)
    if args.command is None:
        return _run_app(settings, out)
    handler = _COMMANDS[args.command]
    library = Library(settings)
    try:
        return handler(library, args, out)
    except LibraryError as error:
        out.message(f"nkreader: {error}")
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        out.message("nkreader: interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    finally:
        library.close()


def _run_app(settings: Settings, out: _Output) -> int:
    try:
        from nkreader.tui.app import run_app
    except ImportError:
        out.message("nkreader: the app is not available in this build; use a command (--help)")
        return EXIT_USER_ERROR
    return run_app(settings)


def _search(library: Library, args: argparse.Namespace, out: _Output) -> int:
    result = library.search(args.query, sort=args.sort, limit=args.limit)
    if result.notice:
        out.message(f"nkreader: {result.notice}")
    facets = _facets(library, args) if args.facet else None
    if args.json:
        document: dict[str, Any] = {
            "query": result.query,
            "total": result.total,
            "sort": result.sort,
            "hits": [_hit_json(hit) for hit in result.hits],
            "suggestion": result.suggestion,
        }
        if facets is not None:
            document["facets"] = [
                {"canonical": name, "type": kind, "articles": n} for name, kind, n in facets
            ]
        out.json(document)
        return EXIT_OK
    if not result.hits:
        out.message(f"No articles match {result.query!r}.")
        if result.suggestion:
            out.message(f"Did you mean: {result.suggestion}")
        return EXIT_OK
    out.message(
        f"{result.total} match{'es' if result.total != 1 else ''} ({result.seconds * 1000:.0f} ms)"
    )
    for hit in result.hits:
        out.line(_hit_header(hit, out))
        if hit.snippet and hit.snippet.text:
            out.line("    " + _emphasise(hit.snippet, out))
        out.line()
    if facets:
        out.line(out.style(f"{args.facet} entities in the {result.total} matches", _BOLD))
        for name, _, count in facets[:25]:
            out.line(f"  {count:5d}  {name}")
    return EXIT_OK


def _facets(library: Library, args: argparse.Namespace) -> list[tuple[str, str, int]]:
    everything = library.search(args.query, limit=None, snippets=False)
    ids = [hit.id for hit in everything.hits]
    return [(n, t, c) for n, t, c in library.entity_counts(ids, args.facet)]


def _hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "title": hit.title,
        "outlet": hit.outlet,
        "published": hit.published,
        "score": round(hit.score, 4),
        "snippet": hit.snippet.text if hit.snippet else None,
        "highlights": [list(span) for span in hit.snippet.highlights] if hit.snippet else [],
    }


def _hit_header(hit: SearchHit, out: _Output) -> str:
    details = " · ".join(
        part for part in (hit.outlet, hit.published.isoformat() if hit.published else None) if part
    )
    header = f"{out.style(hit.id, _DIM)}  {out.style(hit.title, _BOLD)}"
    return f"{header}  {out.style(details, _DIM)}" if details else header


def _emphasise(snippet: Snippet, out: _Output) -> str:
    if not out.colour:
        return snippet.text
    parts, position = [], 0
    for start, end in snippet.highlights:
        parts.append(snippet.text[position:start])
        parts.append(out.style(snippet.text[start:end], _BOLD_YELLOW))
        position = end
    parts.append(snippet.text[position:])
    return "".join(parts)


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "title_derived": article.title_derived,
        "outlet": article.outlet,
        "published": article.published,
        "published_derived": article.published_derived,
        "url": article.url,
        "language": article.language,
        "origin": article.origin,
        "tags": list(article.tags),
        "path": str(article.path),
        "word_count": article.word_count,
        "body": article.body,
    }


def _show(library: Library, args: argparse.Namespace, out: _Output) -> int:
    article = library.get(args.id)
    if args.json:
        out.json(article_json(article))
        return EXIT_OK
    out.line(out.style(article.title, _BOLD))
    meta = [
        f"id: {article.id}",
        f"outlet: {article.outlet or 'unknown'}",
        f"published: {article.published.isoformat() if article.published else 'unknown'}",
    ]
    if article.url:
        meta.append(f"url: {article.url}")
    out.line(out.style("  ".join(meta), _DIM))
    out.line()
    if not out.colour:
        out.line(article.body)
        return EXIT_OK
    from rich.console import Console

    from nkreader.render import render_markdown

    spans = library.highlights(args.query, article.body) if args.query else ()
    rendered = render_markdown(
        article.body, [(start, end, "black on yellow") for start, end in spans]
    )
    Console(file=out.stream, highlight=False, emoji=False).print(rendered.text)
    return EXIT_OK


def _related(library: Library, args: argparse.Namespace, out: _Output) -> int:
    hits = library.related(args.id, limit=args.limit)
    if args.json:
        out.json([_hit_json(hit) for hit in hits])
        return EXIT_OK
    if not hits:
        out.message("No related articles.")
    for hit in hits:
        out.line(_hit_header(hit, out))
    return EXIT_OK


def _list(library: Library, args: argparse.Namespace, out: _Output) -> int:
    result = library.search("", sort="newest", limit=None, snippets=False)
    if args.json:
        out.json([_hit_json(hit) for hit in result.hits])
        return EXIT_OK
    for hit in result.hits:
        out.line(_hit_header(hit, out))
    out.message(f"{result.total} article{'s' if result.total != 1 else ''}")
    return EXIT_OK


def _index(library: Library, args: argparse.Namespace, out: _Output) -> int:
    report = library.sync(rebuild=args.rebuild, apply_knowledge=True, progress=_progress_line(out))
    if out.errors.isatty():
        out.errors.write("\r\x1b[K")
    if report.notice:
        out.message(f"nkreader: {report.notice}")
    for warning in library.warnings:
        out.message(f"nkreader: {warning}")
    what = "rebuilt" if report.rebuilt else "updated" if report.changed else "up to date"
    out.line(
        f"index {what}: {report.added} added, {report.updated} updated, "
        f"{report.removed} removed in {report.seconds:.2f} s"
    )
    return EXIT_OK


def _progress_line(out: _Output) -> Callable[[int, int], None] | None:
    """A self-updating "indexing n/total" line on a terminal, nothing when redirected."""
    if not out.errors.isatty():
        return None
    started = time.monotonic()
    shown = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if now - shown[0] < 0.2 and done < total:
            return
        shown[0] = now
        rate = done / max(now - started, 1e-6)
        out.errors.write(f"\rindexing {done:,}/{total:,} ({rate:,.0f} articles/s)\x1b[K")
        out.errors.flush()

    return show


def _add(library: Library, args: argparse.Namespace, out: _Output) -> int:
    outcomes = library.add(args.paths)
    for outcome in outcomes:
        target = (
            f" as {outcome.article_id}"
            if outcome.article_id and outcome.status != "skipped"
            else ""
        )
        source = clean_line(str(outcome.source))
        out.line(f"{outcome.status}: {source}{target} ({clean_line(outcome.reason)})")
    failed = [
        o
        for o in outcomes
        if o.status == "skipped" and not o.reason.startswith(("already", "unchanged"))
    ]
    return EXIT_USER_ERROR if failed and len(failed) == len(outcomes) else EXIT_OK


def _entities(library: Library, args: argparse.Namespace, out: _Output) -> int:
    if args.text_file is not None:
        return _entities_of_file(library, args.text_file, args, out)
    if args.library:
        counts = library.entity_counts(None, args.type)
        if args.json:
            out.json([{"canonical": n, "type": t, "articles": c} for n, t, c in counts])
        else:
            for name, kind, count in counts:
                out.line(f"{count:5d}  {kind:<8}  {name}")
        return EXIT_OK
    article = library.get(args.id)
    groups = [e for e in library.entities(article) if args.type in (None, e.type)]
    if args.json:
        out.json(
            {
                "id": article.id,
                "entities": [
                    {
                        "canonical": entity.canonical,
                        "type": entity.type,
                        "aliases": list(entity.aliases),
                        "count": entity.count,
                        "mentions": [[m.start, m.end] for m in entity.mentions],
                    }
                    for entity in groups
                ],
            }
        )
        return EXIT_OK
    out.line(out.style(article.title, _BOLD))
    for entity in groups:
        aliases = [a for a in entity.aliases if a != entity.canonical]
        also = out.style(f"  ({', '.join(aliases)})", _DIM) if aliases else ""
        out.line(f"{entity.count:4d}  {entity.type:<8}  {entity.canonical}{also}")
    return EXIT_OK


def _entities_of_file(library: Library, path: Path, args: argparse.Namespace, out: _Output) -> int:
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise LibraryError(f"cannot read {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise LibraryError(f"{path} is not UTF-8 text") from error
    mentions = library.extractor().extract(text)
    for mention in mentions:
        if args.type not in (None, mention.type):
            continue
        record = {
            "doc": path.name,
            "start": mention.start,
            "end": mention.end,
            "text": mention.text,
            "type": mention.type,
            "canonical": mention.canonical,
        }
        if args.json:
            out.line(json.dumps(record, ensure_ascii=False))
        else:
            out.line(f"{mention.start:6d} {mention.end:6d}  {mention.type:<8}  {mention.text}")
    return EXIT_OK


def _compare(library: Library, args: argparse.Namespace, out: _Output) -> int:
    from nkreader.compare_report import report_text, to_json

    comparison = library.compare(args.left, args.right)
    if args.json:
        out.line(to_json(comparison))
    else:
        width = shutil.get_terminal_size((100, 24)).columns if out.colour else 100
        out.stream.write(report_text(comparison, width=width, color=out.colour))
    return EXIT_OK


_COMMANDS: dict[str, Callable[[Library, argparse.Namespace, _Output], int]] = {
    "search": _search,
    "show": _show,
    "related": _related,
    "list": _list,
    "index": _index,
    "add": _add,
    "entities": _entities,
    "compare": _compare,
}
