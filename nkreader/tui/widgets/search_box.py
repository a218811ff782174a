"""The search box: echoes typing at once; searching happens elsewhere on `Input.Changed`."""

from __future__ import annotations

from textual.widgets import Input


class SearchBox(Input):
    """A query input; the reader screen debounces its changes into searches."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder='Search (/)  e.g. missile -drone, "ballistic missile", outlet:yonhap',
            id=id,
            select_on_focus=False,
        )
