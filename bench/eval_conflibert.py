"""Event source/target overlap and class agreement against the ConfliBERT CAMEO data.

Reads ../shared/data/conflibert by default (never copied here).

    python bench/eval_conflibert.py [DATA_DIR] [--limit N] [--json]
"""
from __future__ import annotations

import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "conflibert"


def main() -> int:
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        args = [str(DEFAULT_DATA), *args]
    if not (Path(args[0]) / "cameo_ner_train.txt").is_file():
        sys.exit(f"Error: {args[0]}: no cameo_ner_train.txt there; pass the ConfliBERT CAMEO folder")

    from dyad.eval.conflibert import main as run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
