"""One Parquet file per table (DuckDB ``COPY``) into a directory."""
from __future__ import annotations

from pathlib import Path

TABLES = ("documents", "actors", "document_actors", "mentions", "events", "quotes",
          "merged_events", "event_mentions", "runs", "errors")


def export_parquet(store, path: Path) -> int:
    path.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        target = str(path / f"{table}.parquet").replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT parquet)")
    return len(TABLES)
