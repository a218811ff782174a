"""Faults and concurrency: killed commands, two processes at once, damage, full disks."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hardening_support import UNSAFE, Nkreader, assert_no_traceback, run_nkreader

from nkreader import index as index_module
from nkreader.cli import main
from nkreader.config import Settings
from nkreader.corpus import load_article
from nkreader.library import Library

REPO = Path(__file__).resolve().parents[2]
NEWS = next(
    (
        path
        for path in (
            REPO.parent / "shared" / "data" / "news" / "articles.jsonl",
            Path("/work/shared/data/news/articles.jsonl"),
        )
        if path.is_file()
    ),
    None,
)
MARK = "hardeningall"
SEED = int(os.environ.get("NKREADER_FAULT_SEED", "20261123"))


def news_bodies(count: int) -> list[tuple[str, str]]:
    """(title, body) pairs from the research news set, or made-up text without it."""
    found: list[tuple[str, str]] = []
    if NEWS is not None:
        with NEWS.open(encoding="utf-8") as stream:
            for line in stream:
                record = json.loads(line)
                found.append((record["title"], record["body"]))
                if len(found) == count:
                    return found
    words = "missile launch sanctions Pyongyang Seoul artillery drone satellite talks".split()
    rng = random.Random(count)
    while len(found) < count:
        text = " ".join(rng.choice(words) for _ in range(300))
        found.append((f"Report {len(found)}", text))
    return found


def write_news(folder: Path, count: int, *, front_matter: bool = True) -> dict[str, str]:
    """`count` Markdown articles, each with the shared marker and one of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for number, (title, body) in enumerate(news_bodies(count)):
        article_id = f"news-{number:04d}"
        text = f"{body}\n\n{MARK} hx{number:04d}mark\n"
        if front_matter:
            text = f"---\nid: {article_id}\ntitle: {json.dumps(title)}\n---\n\n{text}"
        else:
            text = f"{title}\n\n{text}"
        path = folder / f"{article_id}.md"
        path.write_text(text, encoding="utf-8")
        written[article_id] = hashlib.sha256(path.read_bytes()).hexdigest()
    return written


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def total_hits(run: subprocess.CompletedProcess[str]) -> int:
    assert_no_traceback(run)
    assert run.returncode == 0, run.stderr
    return int(json.loads(run.stdout)["total"])


def start(*args: str | Path, home: Path, piped: bool = True) -> subprocess.Popen[str]:
    """nkreader in a session of its own, so the test can end it and every helper it spawned."""
    env = {**os.environ, "NKREADER_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "nkreader", *map(str, args)],
        stdout=subprocess.PIPE if piped else subprocess.DEVNULL,
        stderr=subprocess.PIPE if piped else subprocess.DEVNULL,
        text=True,
        env=env,
        start_new_session=True,
    )


def end_group(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def kill_after(process: subprocess.Popen[str], seconds: float) -> bool:
    """SIGKILL nkreader (and its helpers) after `seconds`; False when it had finished."""
    try:
        process.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True
    finally:
        end_group(process)


def group_members(pgid: int) -> list[int]:
    """Live processes in a process group (Linux /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[2]) == pgid and fields[0] != "Z":
                    members.append(int(entry.name))
    return members


def test_sigkill_during_index_never_costs_an_article(
    nkreader: Nkreader, home: Path, tmp_path: Path
) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    before = write_news(corpus, 300)
    rng = random.Random(SEED)
    folders = ("--corpus", corpus, "--index", index)

    killed = 0
    for attempt in range(4):
        command = ["index", "--rebuild"] if attempt == 3 else ["index"]
        process = start(*folders, *command, home=home, piped=False)
        if kill_after(process, rng.uniform(0.3, 4.0)):
            killed += 1

    assert killed, "every run finished before its kill; the test proved nothing"
    hits = nkreader(*folders, "search", MARK, "--json", "--limit", "1")
    assert total_hits(hits) == len(before)
    for number in rng.sample(range(len(before)), 5):
        assert total_hits(nkreader(*folders, "search", f"hx{number:04d}mark", "--json")) == 1
    assert fingerprint(corpus) == {f"{k}.md": v for k, v in before.items()}


def test_sigkill_during_add_leaves_no_partial_article(
    nkreader: Nkreader, home: Path, tmp_path: Path
) -> None:
    inbox, index = tmp_path / "inbox", tmp_path / "index"
    write_news(inbox, 150, front_matter=False)
    articles = home / "articles"
    rng = random.Random(SEED + 1)
    folders = ("--corpus", tmp_path / "no-corpus", "--corpus", articles, "--index", index)

    for _ in range(3):
        kill_after(start(*folders, "add", inbox, home=home, piped=False), rng.uniform(0.3, 2.5))
        for file in articles.glob("*.md") if articles.is_dir() else ():
            article = load_article(file)
            assert article.body.rstrip().endswith("mark"), f"{file.name} was cut short"

    run = nkreader(*folders, "add", inbox)
    assert_no_traceback(run)
    assert run.returncode == 0
    assert len(list(articles.glob("*.md"))) == 150
    assert total_hits(nkreader(*folders, "search", MARK, "--json", "--limit", "1")) == 150
    assert [p.name for p in articles.iterdir() if not p.name.endswith(".md")] == [] or all(
        p.name.startswith(".import-") for p in articles.iterdir() if not p.name.endswith(".md")
    )


def test_a_killed_rebuild_leaves_no_process_behind(home: Path, tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_news(corpus, 200)
    folders = ("--corpus", corpus, "--index", index)
    process = start(*folders, "index", "--rebuild", home=home, piped=False)
    try:
        time.sleep(random.Random(SEED + 2).uniform(1.0, 2.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        time.sleep(0.5)
        left = group_members(process.pid)
    finally:
        end_group(process)

    # Forked index writers that outlive a killed parent would hold the write lock forever.
    assert left == [], f"{len(left)} helper processes still alive after nkreader was killed"


def test_two_first_commands_at_once_share_the_new_index(home: Path, tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_news(corpus, 40)
    folders = ("--corpus", corpus, "--index", index)

    failures = []
    for _attempt in range(3):
        shutil.rmtree(index, ignore_errors=True)
        runs = [start(*folders, "index", home=home) for _ in range(2)]
        try:
            done = [proc.communicate(timeout=120) + (proc.returncode,) for proc in runs]
        finally:
            for proc in runs:
                end_group(proc)
        failures += [err for _, err, code in done if code != 0 and "locked" not in err]

    assert failures == []


SEARCH_LOOP = """
import sys, time
from pathlib import Path
from nkreader.config import Settings
from nkreader.library import Library
corpus, index, seconds = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])
deadline, searches = time.monotonic() + seconds, 0
while time.monotonic() < deadline:
    library = Library(Settings.build(corpus=[corpus], index=index))
    library.search("missile OR sanctions")
    library.close()
    searches += 1
print(searches)
"""


def test_add_while_another_process_searches(nkreader: Nkreader, home: Path, tmp_path: Path) -> None:
    articles, index = home / "articles", tmp_path / "index"
    write_news(tmp_path / "first", 40)
    folders = ("--corpus", articles, "--index", index)
    assert nkreader(*folders, "add", tmp_path / "first").returncode == 0
    write_news(tmp_path / "second", 80, front_matter=False)
    env = {**os.environ, "NKREADER_HOME": str(home)}
    searcher = subprocess.Popen(
        [sys.executable, "-c", SEARCH_LOOP, str(articles), str(index), "6"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )

    time.sleep(0.5)
    run = nkreader(*folders, "add", tmp_path / "second")
    searched, errors = searcher.communicate(timeout=120)

    assert_no_traceback(run)
    assert run.returncode == 0, run.stderr
    assert searcher.returncode == 0 and "Traceback" not in errors, errors
    assert int(searched) > 0
    assert total_hits(nkreader(*folders, "search", MARK, "--json", "--limit", "1")) == 80


def test_two_adds_at_once_lose_nothing(home: Path, tmp_path: Path) -> None:
    articles, index = home / "articles", tmp_path / "index"
    write_news(tmp_path / "one", 60, front_matter=False)
    (tmp_path / "two").mkdir()
    for number, (title, body) in enumerate(news_bodies(120)[60:]):
        (tmp_path / "two" / f"b{number}.md").write_text(f"{title}\n\n{body}\n\n{MARK}\n")
    for name, body in (("one", "First rival report."), ("two", "Second rival report.")):
        (tmp_path / name / "rival.md").write_text(f"---\nid: rival\n---\n\n{body} {MARK}\n")
    folders = ("--corpus", articles, "--index", index)

    assert run_nkreader(*folders, "index", home=home).returncode == 0

    first = start(*folders, "add", tmp_path / "one", home=home)
    second = start(*folders, "add", tmp_path / "two", home=home)
    try:
        results = [proc.communicate(timeout=120) + (proc.returncode,) for proc in (first, second)]
    finally:
        end_group(first)
        end_group(second)

    for _out, err, code in results:
        assert "Traceback" not in err, err
        assert code == 0 or (code == 1 and "locked" in err and err.count("\n") == 1), err
    assert len(list(articles.glob("*.md"))) == 122
    bodies = {load_article(p).body for p in articles.glob("*.md")}
    assert any("First rival" in b for b in bodies) and any("Second rival" in b for b in bodies)
    last = run_nkreader(*folders, "search", MARK, "--json", "--limit", "1", home=home)
    assert total_hits(last) == 122


@pytest.fixture
def small_library(tmp_path: Path, home: Path) -> Iterator[tuple[Path, Path]]:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_news(corpus, 30)
    library = Library(Settings(home=home, corpus_dirs=(corpus,), index_dir=index))
    library.sync()
    library.close()
    yield corpus, index


def cli(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(arg) for arg in args])
    return code, out.getvalue(), err.getvalue()


def test_a_held_writer_lock_is_waited_on_then_reported_in_one_line(
    small_library: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index = small_library
    monkeypatch.setattr(index_module, "LOCK_TIMEOUT_SECONDS", 0.6)
    (corpus / "late.md").write_text(f"---\nid: late\n---\n\nA zeppelinlate report. {MARK}\n")
    from whoosh import index as whoosh_index

    holder = whoosh_index.open_dir(str(index / "whoosh")).writer()
    try:
        started = time.monotonic()
        code, _, err = cli("--corpus", corpus, "--index", index, "index")
        waited = time.monotonic() - started
    finally:
        holder.cancel()

    assert code == 1 and err.startswith("nkreader: ") and err.count("\n") == 1, err
    assert "locked" in err and 0.5 <= waited < 10
    code, out, _ = cli("--corpus", corpus, "--index", index, "search", "zeppelinlate", "--json")
    assert code == 0 and json.loads(out)["total"] == 1


def _segment_files(whoosh: Path) -> list[Path]:
    """Every file of every segment (segments are stored as separate files, not compound)."""
    return [f for f in whoosh.glob("MAIN_*.*") if f.name != "MAIN_WRITELOCK"]


def _truncate_segments(whoosh: Path) -> None:
    for segment in _segment_files(whoosh):
        segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 2])


def _garbage_segments(whoosh: Path) -> None:
    for segment in _segment_files(whoosh):
        segment.write_bytes(b"\x00garbage" * 64)


def _delete_segments(whoosh: Path) -> None:
    for segment in _segment_files(whoosh):
        segment.unlink()


def _delete_toc(whoosh: Path) -> None:
    for toc in whoosh.glob("*.toc"):
        toc.unlink()


def _garbage_toc(whoosh: Path) -> None:
    for toc in whoosh.glob("*.toc"):
        toc.write_bytes(b"not a table of contents")


def _delete_everything(whoosh: Path) -> None:
    shutil.rmtree(whoosh)


def _garbage_catalog(whoosh: Path) -> None:
    (whoosh.parent / "catalog.sqlite").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)


def _empty_catalog(whoosh: Path) -> None:
    (whoosh.parent / "catalog.sqlite").write_bytes(b"")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated-segment": _truncate_segments,
    "garbage-segment": _garbage_segments,
    "deleted-segment": _delete_segments,
    "deleted-toc": _delete_toc,
    "garbage-toc": _garbage_toc,
    "deleted-index": _delete_everything,
    "garbage-catalog": _garbage_catalog,
    "empty-catalog": _empty_catalog,
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_index_recovers(
    small_library: tuple[Path, Path], home: Path, damage: Callable[[Path], None]
) -> None:
    corpus, index = small_library
    before = fingerprint(corpus)
    damage(index / "whoosh")
    folders = ("--corpus", corpus, "--index", index)

    first = run_nkreader(*folders, "search", MARK, "--json", home=home)

    assert_no_traceback(first)
    assert first.returncode == 0 or first.stderr.count("\n") == 1, first.stderr
    rebuilt = run_nkreader(*folders, "index", "--rebuild", home=home)
    assert_no_traceback(rebuilt)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert total_hits(run_nkreader(*folders, "search", MARK, "--json", home=home)) == 30
    assert fingerprint(corpus) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_index_gives_a_clear_message(
    small_library: tuple[Path, Path], home: Path
) -> None:
    corpus, index = small_library
    for file in (index / "whoosh").iterdir():
        file.chmod(0)
    try:
        run = run_nkreader("--corpus", corpus, "--index", index, "search", MARK, home=home)
    finally:
        for file in (index / "whoosh").iterdir():
            file.chmod(0o644)

    assert_no_traceback(run)
    assert run.returncode == 0 or run.stderr.count("\n") == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_articles_folder_refuses_the_import_in_one_line(
    nkreader: Nkreader, home: Path, tmp_path: Path
) -> None:
    articles = home / "articles"
    articles.mkdir()
    articles.chmod(0o555)
    source = tmp_path / "report.txt"
    source.write_text(f"A report\n\nMissile text. {MARK}\n")
    try:
        run = nkreader("--corpus", articles, "--index", tmp_path / "index", "add", source)
    finally:
        articles.chmod(0o755)

    assert_no_traceback(run)
    assert run.returncode == 1 and "cannot write" in run.stdout
    assert list(articles.iterdir()) == []


def test_a_read_only_corpus_folder_still_indexes(
    nkreader: Nkreader, home: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    write_news(corpus, 10)
    before = fingerprint(corpus)
    corpus.chmod(0o555)
    try:
        folders = ("--corpus", corpus, "--index", tmp_path / "index")
        total = total_hits(nkreader(*folders, "search", MARK, "--json"))
    finally:
        corpus.chmod(0o755)

    assert total == 10 and fingerprint(corpus) == before


def _no_space(*_: object, **__: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _refused(*_: object, **__: object) -> None:
    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))


@pytest.mark.parametrize(
    ("target", "failure"),
    [
        ("os.fsync", _no_space),
        ("os.link", _no_space),
        ("tempfile.mkstemp", _no_space),
        ("tempfile.mkstemp", _refused),
    ],
    ids=["fsync-enospc", "link-and-replace-enospc", "mkstemp-enospc", "mkstemp-eacces"],
)
def test_a_failing_disk_during_import_leaves_the_library_as_it_was(
    settings_for: Callable[[], Settings],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    failure: Callable[..., None],
) -> None:
    settings = settings_for()
    existing = tmp_path / "existing.txt"
    existing.write_text(f"An earlier report\n\nThe earlier missile text. {MARK}\n")
    library = Library(settings)
    assert library.add([existing])[0].status == "added"
    before = fingerprint(settings.articles_dir)
    (tmp_path / "new.txt").write_text(f"A new report\n\nThe new missile text. {MARK}\n")
    import nkreader.importer as importer

    module, name = target.split(".")
    with monkeypatch.context() as patch:
        patch.setattr(getattr(importer, module), name, failure)
        if target == "os.link":  # the fallback when links fail, so make it fail as well
            patch.setattr(importer.os, "replace", failure)
        outcome = library.add([tmp_path / "new.txt"])[0]

    assert outcome.status == "skipped" and outcome.reason.startswith("cannot write: ")
    assert "\n" not in outcome.reason and not UNSAFE.search(outcome.reason)
    assert fingerprint(settings.articles_dir) == before
    assert [p.name for p in settings.articles_dir.iterdir() if p.name.startswith(".")] == []
    assert library.add([tmp_path / "new.txt"])[0].status == "added"
    assert library.search(MARK).total == 2
    library.close()


@pytest.fixture
def settings_for(tmp_path: Path, home: Path) -> Callable[[], Settings]:
    def make() -> Settings:
        return Settings(home=home, corpus_dirs=(home / "articles",), index_dir=tmp_path / "index")

    return make


FULL_DISK_HOOK = """
import errno, os
from whoosh.filedb.filestore import FileStorage

def _no_space(*_, **__):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

FileStorage.create_file = _no_space
"""


def test_a_full_disk_while_indexing_is_one_line_and_rebuild_recovers(
    small_library: tuple[Path, Path], home: Path, tmp_path: Path
) -> None:
    corpus, index = small_library
    before = fingerprint(corpus)
    (corpus / "fresh.md").write_text(f"---\nid: fresh\n---\n\nA fresh report. {MARK}\n")
    hook = tmp_path / "full-disk"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(FULL_DISK_HOOK)
    folders = ("--corpus", corpus, "--index", index)
    env = {**os.environ, "NKREADER_HOME": str(home), "PYTHONPATH": str(hook)}

    full = subprocess.run(
        [sys.executable, "-m", "nkreader", *map(str, folders), "index"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )

    assert_no_traceback(full)
    assert full.returncode == 1 and full.stderr.startswith("nkreader: "), full.stderr
    assert full.stderr.count("\n") == 1 and "No space left" in full.stderr
    rebuilt = run_nkreader(*folders, "index", "--rebuild", home=home)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert total_hits(run_nkreader(*folders, "search", MARK, "--json", home=home)) == 31
    assert {k: v for k, v in fingerprint(corpus).items() if k != "fresh.md"} == before


@pytest.mark.xfail(
    strict=True,
    reason="known limit: when Whoosh's SegmentWriter.__init__ fails after taking the lock "
    "(a full disk while it creates its files), Whoosh keeps the lock's descriptor and no "
    "writer object exists to release it; the process holds the lock until it exits",
)
def test_a_failed_commit_releases_the_write_lock(
    small_library: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index = small_library
    monkeypatch.setattr(index_module, "LOCK_TIMEOUT_SECONDS", 0.6)
    (corpus / "fresh.md").write_text(f"---\nid: fresh\n---\n\nA fresh report. {MARK}\n")
    from whoosh.filedb.filestore import FileStorage

    with monkeypatch.context() as patch:
        patch.setattr(FileStorage, "create_file", _no_space)
        code, _, err = cli("--corpus", corpus, "--index", index, "index")
    assert code == 1 and "No space left" in err

    code, _, err = cli("--corpus", corpus, "--index", index, "index", "--rebuild")

    assert code == 0, err
