"""dyad's event types against human coders (ConfliBERT 5-way labels, multi-coder CAMEO roots).

    python bench/eval_cameo_agreement.py [--limit N] [--json]
"""
from __future__ import annotations

import sys
from pathlib import Path

from dyad.eval.cameo_agreement import main

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

if __name__ == "__main__":
    sys.exit(main([str(DATA), *sys.argv[1:]]))
