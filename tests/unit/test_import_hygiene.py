from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

CORE_DATA = Path(__file__).resolve().parent.parent / "data" / "core"


def test_core_and_cli_search_never_load_textual(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        import nkreader.cli, nkreader.corpus, nkreader.index, nkreader.library
        code = nkreader.cli.main(
            ["--corpus", {str(CORE_DATA)!r}, "--index", {str(tmp_path / "index")!r},
             "search", "missile", "--json"]
        )
        assert code == 0, code
        loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
        print("LOADED", loaded)
        """
    )
    env = {**os.environ, "NKREADER_HOME": str(tmp_path / "home")}

    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )

    assert done.returncode == 0, done.stderr
    assert '"total": 2' in done.stdout
    assert "LOADED []" in done.stdout
