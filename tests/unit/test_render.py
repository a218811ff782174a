from __future__ import annotations

from rich.style import Style

from nkreader.render import clean, one_line, render_markdown

BODY = """# Launch report

Pyongyang fired a **ballistic missile** on *Tuesday*, the `KCNA` said.
It flew [east](https://example.com) &amp; fell into the sea.

> Analysts called it a
> test of a new missile.

- first item
- second item

1. one
2. two

```
raw code
```
"""


def _styles_at(rendered_text: object, offset: int) -> list[str]:
    from rich.text import Text

    assert isinstance(rendered_text, Text)
    return [str(span.style) for span in rendered_text.spans if span.start <= offset < span.end]


def test_segments_point_at_identical_characters() -> None:
    rendered = render_markdown(BODY)
    plain = rendered.text.plain
    for text_start, body_start, length in rendered.segments:
        assert plain[text_start : text_start + length] == BODY[body_start : body_start + length]


def test_markdown_syntax_is_not_shown() -> None:
    plain = render_markdown(BODY).text.plain
    assert "**" not in plain
    assert "# " not in plain
    assert "](https" not in plain
    assert "```" not in plain
    assert "Launch report" in plain
    assert "ballistic missile" in plain


def test_block_styles() -> None:
    rendered = render_markdown(BODY)
    plain = rendered.text.plain
    assert "bold" in _styles_at(rendered.text, plain.index("ballistic"))[0]
    assert any("italic" in s for s in _styles_at(rendered.text, plain.index("Tuesday")))
    assert any("underline" in s for s in _styles_at(rendered.text, plain.index("east")))
    assert any("underline" in s for s in _styles_at(rendered.text, plain.index("Launch")))


def test_lists_and_quotes_get_markers() -> None:
    plain = render_markdown(BODY).text.plain
    assert "• first item" in plain
    assert "2. two" in plain
    assert "▌ Analysts called it a test" in plain


def test_entities_and_escapes_still_map() -> None:
    rendered = render_markdown(BODY)
    amp = BODY.index("&amp;")
    fell = BODY.index("fell")
    offset = rendered.text_offset(fell)
    assert offset is not None
    assert rendered.text.plain[offset : offset + 4] == "fell"
    assert rendered.text_offset(amp) is not None


def test_highlights_map_body_offsets_to_text() -> None:
    start = BODY.index("missile", BODY.index("new"))
    rendered = render_markdown(BODY, [(start, start + 7, "reverse")])
    span = rendered.map_span(start, start + 7)
    assert span is not None
    assert rendered.text.plain[span[0] : span[1]] == "missile"
    assert "reverse" in _styles_at(rendered.text, span[0])


def test_highlight_across_emphasis() -> None:
    start = BODY.index("ballistic")
    end = BODY.index("missile** on") + len("missile")
    rendered = render_markdown(BODY, [(start, end, Style(reverse=True))])
    span = rendered.map_span(start, end)
    assert span is not None
    assert rendered.text.plain[span[0] : span[1]] == "ballistic missile"


def test_unshown_offsets_map_to_none() -> None:
    rendered = render_markdown(BODY)
    assert rendered.text_offset(BODY.index("https://example.com")) is None
    assert rendered.map_span(BODY.index("https"), BODY.index("https") + 5) is None


def test_blocks_cover_paragraphs() -> None:
    rendered = render_markdown(BODY)
    plain = rendered.text.plain
    block = rendered.block_at(plain.index("ballistic"))
    assert block is not None
    paragraph = plain[block[0] : block[1]]
    assert paragraph.startswith("Pyongyang") and paragraph.endswith("into the sea.")


def test_markup_is_literal() -> None:
    body = "Title [bold]x[/] and [link=https://evil]y[/link] [@click=app.quit]z[/]"
    plain = render_markdown(body).text.plain
    assert "[bold]x[/]" in plain
    assert "[@click=app.quit]" in plain


def test_control_characters_become_visible_without_moving_offsets() -> None:
    body = "red \x1b[31m alert\x07"
    cleaned = clean(body)
    assert len(cleaned) == len(body)
    assert "\x1b" not in cleaned and "\x07" not in cleaned
    rendered = render_markdown(body)
    assert "\x1b" not in rendered.text.plain
    offset = rendered.text_offset(body.index("alert"))
    assert offset is not None and rendered.text.plain[offset : offset + 5] == "alert"


def test_one_line_folds_whitespace() -> None:
    assert one_line("a\n b\t\x1bc") == "a b ␛c"


def test_empty_body() -> None:
    rendered = render_markdown("")
    assert rendered.text.plain == ""
    assert rendered.blocks == ()
