"""A dyad-by-month aggregation in DuckDB against the same computation in plain Python over the JSONL export.

Needs a dyad database (``--db``; e.g. the one ``dyad ingest`` built). Counts document events per
(source name, target name, month of the event date, else the publication date) with the Goldstein sum;
both sides must give identical results; the ratio is Python's time over DuckDB's.

    python bench/bench_query.py --db dyad.duckdb [--repeat 5]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

SQL = """
SELECT s.name AS source, t.name AS target,
       strftime(coalesce(e.date_start, d.published), '%Y-%m') AS month,
       count(*) AS n, round(sum(e.goldstein), 6) AS goldstein
FROM events e JOIN documents d ON d.id = e.document_id
JOIN actors s ON s.id = e.source_actor_id JOIN actors t ON t.id = e.target_actor_id
WHERE coalesce(e.date_start, d.published) IS NOT NULL
GROUP BY ALL
"""


def duckdb_side(store) -> dict:
    return {(r[0], r[1], r[2]): (r[3], r[4]) for r in store.con.execute(SQL).fetchall()}


def python_side(path: Path) -> dict:
    totals: dict = defaultdict(lambda: [0, 0.0])
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            names = {a["id"]: a["name"] for a in doc["actors"]}
            for event in doc["events"]:
                if event["source"] is None or event["target"] is None:
                    continue
                date = event["date"] or doc["published"]
                if not date:
                    continue
                month = date[:7] if len(date) >= 7 else f"{date[:4]}-01"  # a year counts at its January, as in SQL
                cell = totals[(names[event["source"]], names[event["target"]], month)]
                cell[0] += 1
                cell[1] += event["goldstein"]
    return {k: (n, round(g, 6)) for k, (n, g) in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from dyad.export import export
    from dyad.store import Store

    with Store.open(args.db, read_only=True) as store, tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "docs.jsonl"
        n_docs = export(store, "jsonl", jsonl)
        n_events = store.count("events")
        timings = {"duckdb": [], "python": []}
        for _ in range(args.repeat):
            start = time.perf_counter()
            in_db = duckdb_side(store)
            timings["duckdb"].append(time.perf_counter() - start)
            start = time.perf_counter()
            in_python = python_side(jsonl)
            timings["python"].append(time.perf_counter() - start)
    if in_db != in_python:
        sys.exit(f"Error: the two computations disagree ({len(in_db)} vs {len(in_python)} cells)")
    db_s, py_s = min(timings["duckdb"]), min(timings["python"])
    print(f"documents: {n_docs}  events: {n_events}  dyad-month cells: {len(in_db)}")
    print(f"DuckDB: {db_s * 1000:.1f} ms  plain Python over JSONL: {py_s * 1000:.1f} ms  "
          f"ratio Python/DuckDB: {py_s / db_s:.1f}  (best of {args.repeat})")


if __name__ == "__main__":
    main()
