"""``dyad load``: bring a Spark run's Parquet tables into the DuckDB store.

DuckDB reads the Parquet files itself (no Spark needed). Rows go in with ``INSERT OR IGNORE``, as
the local writer does, all in one transaction; the run gets a ``runs`` row and its error rows that
run's id. Merged events: into a store that held no events, the Spark run's ``merged_events`` and
``event_mentions`` are taken as they are (same rules, same rows); otherwise they are recomputed over
everything stored with the run's ``--window-days``.
"""
from __future__ import annotations

import glob
import json
import os
from dataclasses import dataclass
from typing import Any

from ..errors import NotASparkOutput
from ..store.merge import rebuild_merged
from ..store.surnames import join_surnames
from ..store.rows import TABLES as DOCUMENT_TABLES
from ..store.store import Store
from ..store.versions import VERSION_COLUMNS, package_version
from ..version import __version__
from .spark import MANIFEST, OUTPUT_TABLES


@dataclass
class LoadReport:
    run_id: int
    rows: dict[str, int]
    merged: int
    recomputed_merge: bool
    manifest: dict[str, Any]


def read_manifest(out_dir: str) -> dict[str, Any]:
    path = os.path.join(out_dir, MANIFEST)
    if not os.path.isdir(out_dir):
        raise NotASparkOutput(out_dir, "no such directory")
    if not os.path.exists(path):
        raise NotASparkOutput(out_dir, f"no {MANIFEST}: the run did not finish")
    try:
        with open(path, encoding="utf-8") as stream:
            return json.load(stream)
    except (OSError, json.JSONDecodeError) as err:
        raise NotASparkOutput(out_dir, f"{MANIFEST} is unreadable ({err})") from err


def parquet_files(out_dir: str, table: str) -> list[str]:
    return sorted(glob.glob(os.path.join(out_dir, table, "*.parquet")))


def load_parquet(store: Store, out_dir: str) -> LoadReport:
    """Insert the tables of a finished Spark run under ``out_dir`` into ``store`` (opened for writing)."""
    manifest = read_manifest(out_dir)
    for table in OUTPUT_TABLES:
        if not parquet_files(out_dir, table):
            raise NotASparkOutput(out_dir, f"no Parquet files for table {table}")
    had_events = store.count("events") > 0
    window_days = manifest.get("window_days", 1)
    run_id = store.start_run(dyad_version=__version__, model=manifest.get("model", ""), options=load_options(out_dir, manifest),
                             versions=run_versions(manifest))
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        rows = insert_document_tables(store, out_dir, run_id)
        if rows.get("actors") or rows.get("document_actors"):
            store.settle_actors()  # the Parquet actors were settled over this run alone: settle over the store
        if not had_events:
            rows.update(take_merged_events(store, out_dir, window_days))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    joined = join_surnames(store)  # over the whole store: the Spark run saw its own documents alone
    merged = rebuild_merged(store, window_days=window_days) if had_events or joined else store.count("merged_events")
    store.finish_run(run_id, manifest.get("counts", {}))
    return LoadReport(run_id=run_id, rows=rows, merged=merged, recomputed_merge=had_events, manifest=manifest)


def load_options(out_dir: str, manifest: dict[str, Any]) -> dict[str, Any]:
    """The load's ``runs.options``: where it loaded from and the Spark run's own options."""
    return {"engine": "spark", "load": os.path.abspath(out_dir), "spark_run": manifest.get("options", {}),
            "master": manifest.get("master")}


def run_versions(manifest: dict[str, Any]) -> dict[str, str | None]:
    """The Spark run's library versions (None from a manifest written before they were recorded),
    except DuckDB's: the rows are stored by this process's DuckDB."""
    versions = {column: (manifest.get("versions") or {}).get(column) for column in VERSION_COLUMNS}
    versions["duckdb_version"] = package_version("duckdb")
    return versions


def insert_document_tables(store: Store, out_dir: str, run_id: int) -> dict[str, int]:
    """``INSERT OR IGNORE`` every document table and ``errors`` (given this run's id); new rows per table."""
    rows: dict[str, int] = {}
    for table in DOCUMENT_TABLES + ("errors",):
        before = store.count(table)
        source = f"read_parquet({parquet_files(out_dir, table)!r})"
        select = f"SELECT * REPLACE (CAST(? AS INTEGER) AS run_id) FROM {source}" if table == "errors" \
            else f"SELECT * FROM {source}"
        store.con.execute(f"INSERT OR IGNORE INTO {table} BY NAME {select}", [run_id] if table == "errors" else [])
        rows[table] = store.count(table) - before
    return rows


def take_merged_events(store: Store, out_dir: str, window_days: int) -> dict[str, int]:
    """Into a store that held no events: the Spark run's merged events as they are (same rules, same rows)."""
    con = store.con
    con.execute("DELETE FROM event_mentions")
    con.execute("DELETE FROM merged_events")
    con.execute("DELETE FROM merge_state")
    rows: dict[str, int] = {}
    for table in ("merged_events", "event_mentions"):
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet({parquet_files(out_dir, table)!r})")
        rows[table] = store.count(table)
    con.execute("INSERT INTO merge_state VALUES (?, ?, ?, current_timestamp)",
                [window_days, store.count("events"), store.count("merged_events")])
    return rows
