"""Nasty article files, made at test time, each with the outcome it must have."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Outcome = Literal["added", "warned", "refused"]

BIG_BYTES = 50 * 1024 * 1024
PLAIN_BODY = "North Korea fired a ballistic missile into the East Sea on Monday, Seoul said.\n"
# Escape sequences an article might carry to take over a terminal: colour, cursor moves,
# screen clear, OSC 8 link, OSC 52 clipboard write, OSC 0 title, DCS, 8-bit CSI/OSC, BEL.
TERMINAL_ATTACK = (
    "\x1b[31mred\x1b[0m\x1b[2J\x1b[H\x1b[10A"
    "\x1b]8;;https://evil.example/x\x1b\\click me\x1b]8;;\x1b\\"
    "\x1b]52;c;cm0gLXJmIH4=\x07\x1b]0;pwned-title\x07\x1b]2;pwned2\x1b\\"
    "\x1bP+q544e\x1b\\\x9b2J\x9d0;c1-title\x9c\x07\x08\x7f\x00"
)
YAML_ATTACK = r"\e]52;c;cm0gLXJmIH4=\a\e]0;pwned\a\e[2J\x9b31m\x9d0;t\x9c\x07"
MARKUP_ATTACK = "[b]bold[/b] [link=https://evil.example/m]link[/link] [@click=app.quit]quit[/]"


@dataclass(frozen=True)
class Nasty:
    """One hostile input: how to make it and what importing it must give."""

    name: str
    make: Callable[[Path], None]
    outcome: Outcome
    reason: str = ""


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _text(text: str) -> Callable[[Path], None]:
    return _bytes(text.encode("utf-8"))


def _big(path: Path) -> None:
    line = (PLAIN_BODY * 16).encode()
    with path.open("wb") as stream:
        stream.write(b"Fifty megabytes of missile news\n\n")
        while stream.tell() < BIG_BYTES:
            stream.write(line)


def _random_binary(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(64 * 1024))


def _symlink_to(target: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        os.symlink(target, path)

    return make


def _outside_link(path: Path) -> None:
    outside = path.parent.parent / "outside-secret.md"
    outside.write_text("Secret outside notes\n\nThe secret plans of the outside world.\n")
    os.symlink(outside, path)


def _front(fields: str, body: str | None = None) -> Callable[[Path], None]:
    # A body of its own per file, or the importer would rightly call it a duplicate.
    own = body or f"{PLAIN_BODY}Filed as {fields.splitlines()[0]!r}.\n"
    return _text(f"---\n{fields}\n---\n\n{own}")


NASTY: tuple[Nasty, ...] = (
    Nasty(
        "latin1.md",
        _bytes("Caf\xe9 society in Pyongyang\n\nThe caf\xe9 sold missiles.\n".encode("latin-1")),
        "warned",
        "not valid UTF-8; decoded as Windows-1252",
    ),
    Nasty(
        "utf16-bom.md",
        _bytes(("Launch report in UTF-16\n\nA launch from Sohae.\n").encode("utf-16")),
        "warned",
        "decoded as UTF-16",
    ),
    Nasty(
        "utf16-no-bom.md",
        _bytes(("Launch report in UTF-16\n\n" + PLAIN_BODY).encode("utf-16-le")),
        "refused",
        "binary file",
    ),
    Nasty(
        "invalid-utf8.md",
        _bytes(b"Drone report with bad bytes\n\nDrones \xff\xfe\xc3( over Seoul.\n"),
        "warned",
        "not valid UTF-8",
    ),
    Nasty("random-binary.md", _random_binary, "refused", "binary file"),
    Nasty("nul-bytes.md", _bytes(b"Title\n\nBody with a \x00 byte.\n"), "refused", "binary file"),
    Nasty("empty.md", _bytes(b""), "refused", "empty file"),
    Nasty("whitespace.md", _bytes(b"  \n\t\n \r\n\n"), "refused", "empty file"),
    Nasty("front-matter-only.md", _text("---\ntitle: Nothing\n---\n\n \n"), "refused", "text"),
    Nasty("fifty-megabytes.md", _big, "refused", "too large"),
    Nasty(
        "hundred-thousand-lines.md",
        _text("A hundred thousand lines\n\n" + "missile line\n" * 100_000),
        "added",
    ),
    Nasty(
        "long-lines.md",
        _text("Ten thousand character lines\n\n" + ("missile " * 1250 + "\n\n") * 5),
        "added",
    ),
    Nasty(
        "unclosed-front-matter.md",
        _text("---\ntitle: Never closed\n\n" + PLAIN_BODY),
        "refused",
        "front matter is not closed",
    ),
    Nasty(
        "wrong-types.md",
        _front("title: [1, 2]\npublished: yesterday\ntags: {a: 1}\noutlet: {x: y}\nurl: 3.5"),
        "warned",
        "ignored front matter field",
    ),
    Nasty(
        "billion-laughs.md",
        _front(
            "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]"
        ),
        "refused",
        "not allowed",
    ),
    Nasty(
        "python-object.md",
        _front("title: !!python/object/apply:os.system ['touch PWNED']"),
        "refused",
        "front matter is not valid YAML",
    ),
    Nasty(
        "python-name.md",
        _front("title: !!python/name:os.system"),
        "refused",
        "front matter is not valid YAML",
    ),
    Nasty("yaml-list.md", _front("- a\n- b"), "refused", "must be a mapping"),
    Nasty(
        "control-in-front-matter.md",
        _front("title: evil \x1b]52;c;eA==\x07 title"),
        "refused",
        "control character",
    ),
    Nasty(
        "traversal-id.md",
        _front("id: ../../x\ntitle: Traversal id"),
        "warned",
        "ignored invalid id",
    ),
    Nasty(
        "absolute-id.md",
        _front("id: /etc/passwd\ntitle: Absolute id"),
        "warned",
        "ignored invalid id",
    ),
    Nasty(
        "duplicate-a.md",
        _front("id: same-id\ntitle: First of two", "The first report about zeppelins.\n"),
        "added",
    ),
    Nasty(
        "duplicate-b.md",
        _front("id: same-id\ntitle: Second of two", "The second report about balloons.\n"),
        "added",
    ),
    Nasty("new\nline.md", _text("A file name with a newline\n\n" + PLAIN_BODY + "one\n"), "added"),
    Nasty(
        "odd ünïcode \u202e\u200b名前.md",
        _text("A file name in odd Unicode\n\n" + PLAIN_BODY + "two\n"),
        "added",
    ),
    Nasty(
        "bidi-zero-width.md",
        _text(
            "Title \u202eesrever\u202c zero\u200bwidth \u2067isolate\u2069\n\n"
            "Body \u202ewith\u202c bidi \u200d\ufeff controls about missiles.\n"
        ),
        "added",
    ),
    Nasty(
        "mixed-endings.md",
        _bytes(
            b"---\r\ntitle: Mixed line endings\nid: mixed-endings\r\n---\r\n\r\n"
            b"Line one about missiles\rLine two\r\nLine three\n"
        ),
        "added",
    ),
    Nasty(
        "terminal-attack.md",
        _text(
            f"---\ntitle: 'Attack {MARKUP_ATTACK}'\n---\n\n"
            f"Missile {TERMINAL_ATTACK.replace(chr(0), '')} body {MARKUP_ATTACK}\n"
        ),
        "added",
    ),
    Nasty(
        "outside-link.md",
        _outside_link,
        "refused",
        "symlink to a file outside the folder",
    ),
    Nasty("broken-link.md", _symlink_to("/nonexistent/x.md"), "refused", "broken symlink"),
)


def write_all(folder: Path) -> dict[Path, Nasty]:
    """Every nasty input in `folder`, by path."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for nasty in NASTY:
        path = folder / nasty.name
        nasty.make(path)
        made[path] = nasty
    return made


ATTACK = TERMINAL_ATTACK.replace("\x00", "")  # a NUL byte would get the file refused


def hostile_corpus(root: Path) -> Path:
    """Two articles: one full of terminal and markup attacks, one plain."""
    corpus = root / "corpus"
    corpus.mkdir()
    quoted = f'"Kim Jong Un {YAML_ATTACK} {MARKUP_ATTACK}"'
    (corpus / "evil.md").write_text(
        "---\n"
        "id: evil-report\n"
        f"title: {quoted}\n"
        f"outlet: {quoted}\n"
        f'url: "https://evil.example/x{YAML_ATTACK}"\n'
        f"tags: [{quoted}, missile]\n"
        "published: 2024-01-02\n"
        "---\n\n"
        f"# Kim{ATTACK}Jong Un {MARKUP_ATTACK}\n\n"
        f"Kim Jong Un inspected the Hwasong-18 missile {ATTACK} at Sohae.\n\n"
        f"Pyongyang{ATTACK} fired missiles; Seoul{ATTACK} said 3 fell.\n",
        encoding="utf-8",
    )
    (corpus / "plain.md").write_text(
        "---\nid: plain-report\ntitle: Missiles over the East Sea\npublished: 2024-01-03\n---\n\n"
        "Kim Jong Un watched a Hwasong-18 missile launch from Sohae. Seoul said 2 fell.\n",
        encoding="utf-8",
    )
    return corpus
