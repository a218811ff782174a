"""A library indexed before lists at once from its catalog, then follows what the sync finds."""

from __future__ import annotations

from collections.abc import Callable

from pilot_helpers import row_ids, settle

from nkreader.config import Settings
from nkreader.library import Library
from nkreader.tui.app import NkReaderApp
from nkreader.tui.messages import LibraryListed

AppFactory = Callable[[], NkReaderApp]


def index_once(settings: Settings) -> None:
    library = Library(settings)
    library.sync()
    library.close()


async def test_an_indexed_library_is_listed_before_the_sync_and_kept_when_unchanged(
    make_app: AppFactory, tui_settings: Settings
) -> None:
    index_once(tui_settings)
    app = make_app()
    listed: list[LibraryListed] = []
    async with app.run_test(size=(120, 40), message_hook=_keep(listed)) as pilot:
        screen = await settle(pilot)
        await pilot.pause()

        assert listed and listed[0].result.total == 7  # the hook sees it as it bubbles, too
        assert row_ids(screen)[0] == "hwasong-icbm-launch"
        assert "checking" not in str(screen.status.render())


async def test_files_changed_since_the_last_index_reach_the_list_after_the_sync(
    make_app: AppFactory, tui_settings: Settings
) -> None:
    index_once(tui_settings)
    corpus = tui_settings.corpus_dirs[0]
    text = (corpus / "hwasong-icbm-launch.md").read_text()
    newer = text.replace("id: hwasong-icbm-launch", "id: written-since")
    (corpus / "written-since.md").write_text(
        newer.replace("published: ", "published: 2099-01-01\n#", 1)
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)

        assert row_ids(screen)[0] == "written-since"
        assert len(row_ids(screen)) == 8


def _keep(listed: list[LibraryListed]) -> Callable[[object], None]:
    def hook(message: object) -> None:
        if isinstance(message, LibraryListed):
            listed.append(message)

    return hook
