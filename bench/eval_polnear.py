"""Quotation attribution against PolNeAR: content precision/recall and source accuracy.

Reads the dev split from ../shared/data/polnear/dev by default (never copied here).

    python bench/eval_polnear.py [SPLIT_DIR] [--limit N] [--json]
"""
from __future__ import annotations

import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "dev"


def main() -> int:
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        args = [str(DEFAULT_DATA), *args]
    if not Path(args[0]).is_dir():
        sys.exit(f"Error: {args[0]}: no such directory; pass a PolNeAR split folder (with text/ and attributions/)")

    from dyad.eval.polnear import main as run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
