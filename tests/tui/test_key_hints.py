"""The footer's key hints follow what applies: reading keys appear once an article is open."""

from __future__ import annotations

from collections.abc import Callable

from pilot_helpers import search_for, settle

from nkreader.tui.app import NkReaderApp
from nkreader.tui.widgets.key_hints import KeyHints

AppFactory = Callable[[], NkReaderApp]


def hints(app: NkReaderApp) -> str:
    return app.screen.query_one(KeyHints).render().plain


async def test_footer_lists_the_keys_that_apply_and_follows_the_state(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await settle(pilot)
        at_start = hints(app)
        assert "Search" in at_start and "Quit" in at_start and "Palette" in at_start
        assert "Copy" not in at_start  # nothing open to copy from

        await search_for(pilot, "missile")
        screen.article_list.focus()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause()

        reading = hints(app)
        assert "Copy" in reading
        assert reading != at_start
