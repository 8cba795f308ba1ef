"""Throughput of ``dyad ingest`` against bare spaCy ``nlp.pipe`` with the same number of processes.

Reads the first N articles of the AllSides corpus (../shared/data/allsides by default) and prints:
dyad ingest articles/s (into a fresh DuckDB, merging included) and bare ``nlp.pipe(n_process=P)``
articles/s on the same cleaned texts, their ratio, peak RSS per worker process (measured inside the
workers with ``resource.getrusage``) and the speed-up from 1 to 2 processes.

    python bench/bench_ingest.py [--limit 5000] [--data FILE] [--batch-size 16]
"""
from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "allsides" / "allsides_articles.jsonl.gz"


def first_articles(path: Path, limit: int, out: Path) -> list[str]:
    """Copy the first ``limit`` lines to ``out`` (what dyad ingests) and return their texts."""
    from dyad.ingest import read_jsonl_file

    with gzip.open(path, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    return [r.text for r in read_jsonl_file(out) if hasattr(r, "text")]


def run_dyad(corpus: Path, workers: int, batch_size: int) -> tuple[float, int, dict[int, float]]:
    from dyad.config import DEFAULT_MODEL
    from dyad.engines.ingest import ingest
    from dyad.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.duckdb") as store:
        start = time.perf_counter()
        report = ingest(store, [str(corpus)], model=DEFAULT_MODEL, workers=workers, batch_size=batch_size)
        return time.perf_counter() - start, report.documents, report.worker_peak_rss_mb


def run_spacy(texts: list[str], workers: int, batch_size: int) -> float:
    import spacy

    from dyad.config import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"Error: {args.data}: no such file; pass --data with allsides_articles.jsonl.gz")
    from dyad.clean import clean_text

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        texts = [clean_text(t).text for t in first_articles(args.data, args.limit, corpus)]
        print(f"articles: {len(texts)}  characters: {sum(map(len, texts)):,}  CPUs: {os.cpu_count()}")
        rates = {}
        for workers in (1, 2):
            # both timings include starting the worker processes and loading the model in them
            dyad_s, n_docs, rss = run_dyad(corpus, workers, args.batch_size)
            spacy_s = run_spacy(texts, workers, args.batch_size)
            rates[workers] = len(texts) / dyad_s
            print(f"[{workers} process(es)] dyad ingest: {dyad_s:.1f} s ({len(texts) / dyad_s:.2f} articles/s, "
                  f"{n_docs} documents)  bare spaCy nlp.pipe: {spacy_s:.1f} s ({len(texts) / spacy_s:.2f} articles/s)  "
                  f"ratio dyad/spaCy time: {dyad_s / spacy_s:.2f}")
            print("    peak RSS per worker: " + ", ".join(f"pid {pid}: {mb:.0f} MB" for pid, mb in sorted(rss.items())))
        print(f"speed-up 1 -> 2 processes (dyad ingest): {rates[2] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
