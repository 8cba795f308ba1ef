"""Cost per character and peak memory of one long article: dyad against bare spaCy.

For articles of 5k, 50k and 500k characters, of real news (Wikinews articles joined into
one text) and of very short sentences (the worst case for per-sentence work), each run
happens in a fresh process so its peak resident memory is its own. Prints seconds per 100k
characters and peak RSS for dyad (``Pipeline.extract``, long texts parsed in pieces) and for
bare spaCy (``nlp(text)``, the baseline), and dyad's cost per character at each size
relative to its cost at the smallest size. Texts under 200k characters are run several times
(different text each time) and averaged; CPU seconds are printed beside wall-clock seconds, the
steadier figure on a busy machine.

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


def real_text(data: Path, size: int, part: int = 0) -> str:
    """``size`` characters of Wikinews articles joined, the ``part``-th such window (so repeated
    runs read different text and no cache helps either system)."""
    csv.field_size_limit(sys.maxsize)
    parts, total, want = [], 0, size * (part + 1)
    for path in sorted(data.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                parts.append(row["text"].strip())
                total += len(parts[-1]) + 2
                if total >= want:
                    return "\n\n".join(parts)[size * part:want]
    text = "\n\n".join(parts)
    return (text * (want // max(1, len(text)) + 1))[size * part:want]


def short_text(size: int, part: int = 0) -> str:
    rng = random.Random(7 + part)
    out, total = [], 0
    while total < size:
        out.append(f"{rng.choice(SHORT_WORDS).capitalize()} {rng.choice(SHORT_VERBS)} {rng.choice(SHORT_WORDS)}.")
        total += len(out[-1]) + 1
    return " ".join(out)[:size]


# texts under this size are run several times (different text each time) and averaged, so that the
# small sizes are not one tenth-of-a-second sample
REPEAT_UNDER = 200_000


def run_one(system: str, kind: str, size: int, data: Path) -> dict:
    """Measure one (system, kind, size) in this process; print JSON. Wall-clock and CPU seconds
    are both kept: on a busy machine CPU time is the steadier figure."""
    reps = max(1, REPEAT_UNDER // size)
    texts = [real_text(data, size, k) if kind == "news" else short_text(size, k) for k in range(reps)]
    if system == "dyad":
        from dyad.pipeline import Pipeline

        pipeline = Pipeline()
        pipeline.extract("Warm-up: Kenya met Uganda in Nairobi on Monday, the minister said.")
        run = pipeline.extract
    else:
        import spacy

        from dyad.pipeline import DEFAULT_MODEL

        nlp = spacy.load(DEFAULT_MODEL)
        nlp.max_length = max(nlp.max_length, size + 1)
        nlp("Warm-up: Kenya met Uganda in Nairobi on Monday, the minister said.")
        run = nlp
    extra: dict = {}
    started, cpu_started = time.perf_counter(), time.process_time()
    for text in texts:
        out = run(text)
        if system == "dyad":
            extra = {"actors": len(out.actors), "events": len(out.events), "quotes": len(out.quotes)}
    seconds = (time.perf_counter() - started) / reps
    cpu = (time.process_time() - cpu_started) / reps
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(map(len, texts)) / reps
    return {"system": system, "kind": kind, "size": round(chars), "runs": reps, "seconds": round(seconds, 3),
            "per_100k": round(seconds / chars * 1e5, 2), "cpu_per_100k": round(cpu / chars * 1e5, 2),
            "peak_mb": round(peak_mb), **extra}


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
    print(f"{'kind':6} {'chars':>8} {'runs':>4} {'spaCy s/100k':>13} {'dyad s/100k':>12} {'dyad/spaCy':>10} "
          f"{'spaCy cpu':>9} {'dyad cpu':>8} {'cpu ratio':>9} {'dyad cpu vs smallest':>20} {'spaCy MB':>9} {'dyad MB':>8}")
    for kind in ("news", "short"):
        base = next(r for r in rows if r["kind"] == kind and r["system"] == "dyad")["cpu_per_100k"]
        for size in sizes:
            spacy_row = next(r for r in rows if (r["kind"], r["system"]) == (kind, "spacy") and abs(r["size"] - size) <= 1)
            dyad_row = next(r for r in rows if (r["kind"], r["system"]) == (kind, "dyad") and abs(r["size"] - size) <= 1)
            print(f"{kind:6} {size:>8} {dyad_row['runs']:>4} {spacy_row['per_100k']:>13.2f} {dyad_row['per_100k']:>12.2f} "
                  f"{dyad_row['per_100k'] / spacy_row['per_100k']:>10.2f} {spacy_row['cpu_per_100k']:>9.2f} "
                  f"{dyad_row['cpu_per_100k']:>8.2f} {dyad_row['cpu_per_100k'] / spacy_row['cpu_per_100k']:>9.2f} "
                  f"{dyad_row['cpu_per_100k'] / base:>20.2f} {spacy_row['peak_mb']:>9} {dyad_row['peak_mb']:>8}")


if __name__ == "__main__":
    main()
