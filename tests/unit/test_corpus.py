from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nkreader.corpus import CorpusError, clean_text, load_article, stat_corpus


def _write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_front_matter_fields_reach_the_article(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "report.md",
        "---\nid: launch-report\ntitle: Missile launch\noutlet: Yonhap\n"
        "published: 2023-07-12\ntags: [missiles, icbm]\n---\n\nThe body text.\n",
    )

    article = load_article(path)

    assert (article.id, article.title, article.outlet) == (
        "launch-report",
        "Missile launch",
        "Yonhap",
    )
    assert article.published == date(2023, 7, 12)
    assert article.tags == ("missiles", "icbm")
    assert article.body == "The body text."
    assert not article.title_derived


def test_markdown_without_front_matter_gets_its_title_from_the_headline(tmp_path: Path) -> None:
    path = _write(tmp_path / "Drone Report.md", "# Drones cross the border\n\nFive drones flew.\n")

    article = load_article(path)

    assert article.title == "Drones cross the border"
    assert article.title_derived
    assert article.id == "drone-report"


def test_a_bad_field_value_is_dropped_with_a_warning_not_a_failure(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "a.md", "---\ntitle: Fine title\npublished: last week\n---\n\nText here.\n"
    )

    article = load_article(path)

    assert article.published is None
    assert article.title == "Fine title"
    assert any("published" in warning for warning in article.warnings)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"Some text\x00\x01\x02 with NUL bytes", "binary"),
        (b"---\ntitle: never closed\n\nBody text.\n", "not closed"),
        (b"---\ntitle: [unbalanced\n---\n\nBody text.\n", "not valid YAML"),
        (b"---\ntitle: only front matter\n---\n", "no text"),
    ],
    ids=["empty", "blank", "nul-bytes", "unclosed-front-matter", "invalid-yaml", "no-body"],
)
def test_unreadable_files_are_refused_with_a_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = _write(tmp_path / "bad.md", data)

    with pytest.raises(CorpusError, match=reason):
        load_article(path)


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):
        prev, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = _write(tmp_path / "bomb.md", "---\n" + "\n".join(levels) + "\n---\n\nBody.\n")

    with pytest.raises(CorpusError, match="alias|anchor"):
        load_article(path)


def test_python_object_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = _write(
        tmp_path / "evil.md",
        f"---\ntitle: !!python/object/apply:pathlib.Path.touch [{str(marker)!r}]\n---\n\nBody.\n",
    )

    with pytest.raises(CorpusError):
        load_article(path)
    assert not marker.exists()


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "latin.md", "Caf\xe9 talks in Pyongyang resume.\n".encode("latin-1"))

    article = load_article(path)

    assert "Café" in article.body
    assert any("UTF-8" in warning for warning in article.warnings)


def test_utf8_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.md", b"\xef\xbb\xbf---\ntitle: With BOM\n---\n\nBody.\n")

    article = load_article(path)

    assert article.title == "With BOM"
    assert article.warnings == ()


def test_escape_sequences_and_control_characters_are_stripped_at_load(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "evil.md",
        '---\ntitle: "Red \\e[31malert\\e[0m\\a"\n---\n\n'
        "Clear \x1b[2Jscreen \x1b]0;owned\x07title \x9bbell\x07 and \u202eflip.\n",
    )

    article = load_article(path)

    assert article.title == "Red alert"
    assert article.body == "Clear screen title bell and flip."


def test_clean_text_keeps_tabs_and_newlines_and_normalises_line_endings() -> None:
    assert clean_text("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree\tfour"


def test_corpus_listing_skips_hidden_files_and_other_suffixes(tmp_path: Path) -> None:
    _write(tmp_path / "kept.md", "Text.")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "nested.markdown", "Text.")
    _write(tmp_path / ".draft.md", "Text.")
    (tmp_path / ".git").mkdir()
    _write(tmp_path / ".git" / "inside.md", "Text.")
    _write(tmp_path / "notes.pdf", "Text.")

    names = sorted(Path(p).name for p in stat_corpus([tmp_path]))

    assert names == ["kept.md", "nested.markdown"]


def test_corpus_listing_ignores_symlinks_that_leave_the_folder(tmp_path: Path) -> None:
    outside = _write(tmp_path / "outside.md", "Secret.")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus / "inside.md", "Text.")
    (corpus / "link.md").symlink_to(outside)

    assert [Path(p).name for p in stat_corpus([corpus])] == ["inside.md"]


def test_front_matter_with_windows_line_endings_is_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "windows.md",
        b"---\r\ntitle: Windows file\r\noutlet: Yonhap\r\n---\r\n\r\nBody.\r\n",
    )

    article = load_article(path)

    assert (article.title, article.outlet, article.body) == ("Windows file", "Yonhap", "Body.")
