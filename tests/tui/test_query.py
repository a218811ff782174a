from __future__ import annotations

import pytest

from nkreader.tui.query import as_you_type


@pytest.mark.parametrize(
    ("typed", "runs"),
    [
        ("missile", "missile*"),
        ("kim jong", "kim jong*"),
        ("title:goa", "title:goa*"),
        ("mi", "mi"),
        ("missile ", "missile "),
        ('"ballistic missile"', '"ballistic missile"'),
        ('"ballistic missi', '"ballistic missi'),
        ("missile AND", "missile AND"),
        ("hwaso*", "hwaso*"),
        ("pyongyan~", "pyongyan~"),
        ("published:2022", "published:2022"),
        ("", ""),
    ],
)
def test_last_plain_word_becomes_a_prefix(typed: str, runs: str) -> None:
    assert as_you_type(typed) == runs
