"""Write predictions for the seed reports and score them with the shared scorer."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from nkreader.entities import Extractor

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    """Extract mentions from every seed report, write JSON Lines and run the scorer."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score_entities.py")
    parser.add_argument(
        "--out", type=Path, default=Path(tempfile.gettempdir()) / "nkreader-seed-preds.jsonl"
    )
    parser.add_argument("--by-doc", action="store_true")
    args = parser.parse_args()
    extractor = Extractor()
    with args.out.open("w", encoding="utf-8") as out:
        for path in sorted(args.seeds.glob("*.txt")):
            for m in extractor.extract(path.read_text(encoding="utf-8")):
                record = {
                    "doc": path.name,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "type": m.type,
                    "canonical": m.canonical,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    command = [sys.executable, str(args.scorer), "--pred", str(args.out), "--docs", str(args.seeds)]
    subprocess.run(command + (["--by-doc"] if args.by_doc else []), check=True)


if __name__ == "__main__":
    main()
