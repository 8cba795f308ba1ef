"""Throughput and memory of ``dyad extract`` against bare spaCy ``nlp.pipe`` on the same texts.

Both run in this process on the Wikinews CSVs (../shared/data/wikinews by default),
after one warm-up pass each; the ratio is dyad's time over spaCy's time. Wall-clock and
process CPU time are both printed: on a shared machine the CPU ratio is the steadier one.

    python bench/bench_extract.py [--data DIR] [--limit N]
"""
from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "wikinews" / "data"


def load_texts(data: Path, limit: int) -> list[dict]:
    csv.field_size_limit(sys.maxsize)
    rows: list[dict] = []
    for path in sorted(data.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("text", "").strip():
                    rows.append({"text": row["text"], "published": row.get("date") or None, "title": row.get("title")})
    return rows[:limit] if limit else rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=0, help="at most N articles (0: all)")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"Error: {args.data}: no such directory; pass --data with the Wikinews CSV folder")

    from dyad.clean import clean_text
    from dyad.pipeline import Pipeline

    articles = load_texts(args.data, args.limit)
    import spacy

    pipeline = Pipeline()
    nlp = spacy.load(pipeline.model_name)  # the bare model, without dyad's components
    cleaned = [clean_text(a["text"]).text for a in articles]
    chars = sum(len(t) for t in cleaned)
    list(nlp.pipe(cleaned[:5]))
    list(pipeline.extract_many(articles[:5]))

    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(cleaned, batch_size=16):
        pass
    spacy_s, spacy_cpu = time.perf_counter() - start, time.process_time() - cpu

    start, cpu = time.perf_counter(), time.process_time()
    n_events = n_actors = n_quotes = 0
    for doc in pipeline.extract_many(articles):
        n_events += len(doc.events)
        n_actors += len(doc.actors)
        n_quotes += len(doc.quotes)
    dyad_s, dyad_cpu = time.perf_counter() - start, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"articles: {len(articles)}  characters: {chars:,}")
    print(f"bare spaCy nlp.pipe: {spacy_s:.2f} s, CPU {spacy_cpu:.2f} s  ({len(articles) / spacy_s:.1f} articles/s)")
    print(f"dyad extract_many:   {dyad_s:.2f} s, CPU {dyad_cpu:.2f} s  ({len(articles) / dyad_s:.1f} articles/s)")
    print(f"ratio dyad/spaCy time: {dyad_s / spacy_s:.2f}, CPU time: {dyad_cpu / spacy_cpu:.2f}"
          "  (1.00 = no overhead over the parser)")
    print(f"output: {n_actors} actors, {n_events} events, {n_quotes} quotes")
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
