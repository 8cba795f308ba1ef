"""Cost per character and peak memory of one long article: dyad against bare spaCy.

For articles of 5k, 50k and 500k characters, of real news (Wikinews articles joined into
one text) and of very short sentences (the worst case for per-sentence work), each run
happens in a fresh process so its peak resident memory is its own. Prints seconds per 100k
characters and peak RSS for dyad (``Pipeline.extract``, long texts parsed in pieces) and for
bare spaCy (``nlp(text)``, the baseline), and dyad's cost per character at each size
relative to its cost at the smallest size.

    python bench/bench_scaling.py [--data DIR] [--sizes 5000,50000,500000]
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "wikinews" / "data"
SHORT_WORDS = ("Ana Ruiz", "Bo Lin", "Russia", "Ukraine", "the army", "the rebels", "Kenya", "police", "the minister")
SHORT_VERBS = ("met", "criticised", "attacked", "praised", "visited", "accused", "urged", "thanked", "left")


def real_text(data: Path, size: int) -> str:
    csv.field_size_limit(sys.maxsize)
    parts, total = [], 0
    for path in sorted(data.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                parts.append(row["text"].strip())
                total += len(parts[-1]) + 2
                if total >= size:
                    return "\n\n".join(parts)[:size]
    text = "\n\n".join(parts)
    return (text * (size // max(1, len(text)) + 1))[:size]


def short_text(size: int) -> str:
    rng = random.Random(7)
    out, total = [], 0
    while total < size:
        out.append(f"{rng.choice(SHORT_WORDS).capitalize()} {rng.choice(SHORT_VERBS)} {rng.choice(SHORT_WORDS)}.")
        total += len(out[-1]) + 1
    return " ".join(out)[:size]


def run_one(system: str, kind: str, size: int, data: Path) -> dict:
    """Measure one (system, kind, size) in this process; print JSON."""
    text = real_text(data, size) if kind == "news" else short_text(size)
    if system == "dyad":
        from dyad.pipeline import Pipeline

        pipeline = Pipeline()
        pipeline.extract("Warm-up: Kenya met Uganda on Monday.")
        started = time.perf_counter()
        doc = pipeline.extract(text)
        seconds = time.perf_counter() - started
        extra = {"actors": len(doc.actors), "events": len(doc.events), "quotes": len(doc.quotes)}
    else:
        import spacy

        from dyad.pipeline import DEFAULT_MODEL

        nlp = spacy.load(DEFAULT_MODEL)
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        nlp("Warm-up: Kenya met Uganda on Monday.")
        started = time.perf_counter()
        nlp(text)
        seconds = time.perf_counter() - started
        extra = {}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"system": system, "kind": kind, "size": len(text), "seconds": round(seconds, 2),
            "per_100k": round(seconds / len(text) * 1e5, 2), "peak_mb": round(peak_mb), **extra}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default="5000,50000,500000")
    parser.add_argument("--one", nargs=3, metavar=("SYSTEM", "KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        system, kind, size = args.one
        print(json.dumps(run_one(system, kind, int(size), args.data)))
        return
    if not args.data.is_dir():
        sys.exit(f"Error: {args.data}: no such directory; pass --data with the Wikinews CSV folder")
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for kind in ("news", "short"):
        for size in sizes:
            for system in ("spacy", "dyad"):
                out = subprocess.run([sys.executable, __file__, "--data", str(args.data), "--one", system, kind, str(size)],
                                     capture_output=True, text=True, check=True)
                rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
                print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    print(f"{'kind':6} {'chars':>8} {'spaCy s/100k':>13} {'dyad s/100k':>12} {'dyad/spaCy':>10} {'dyad vs smallest':>16} "
          f"{'spaCy MB':>9} {'dyad MB':>8}")
    for kind in ("news", "short"):
        base = next(r for r in rows if r["kind"] == kind and r["system"] == "dyad")["per_100k"]
        for size in sizes:
            spacy_row = next(r for r in rows if (r["kind"], r["system"]) == (kind, "spacy") and abs(r["size"] - size) <= 1)
            dyad_row = next(r for r in rows if (r["kind"], r["system"]) == (kind, "dyad") and abs(r["size"] - size) <= 1)
            print(f"{kind:6} {size:>8} {spacy_row['per_100k']:>13.2f} {dyad_row['per_100k']:>12.2f} "
                  f"{dyad_row['per_100k'] / spacy_row['per_100k']:>10.2f} {dyad_row['per_100k'] / base:>16.2f} "
                  f"{spacy_row['peak_mb']:>9} {dyad_row['peak_mb']:>8}")


if __name__ == "__main__":
    main()
