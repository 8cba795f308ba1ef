"""``dyad load DIR``: a Spark run's Parquet tables into the DuckDB store."""
from __future__ import annotations

from pathlib import Path

import typer

from .options import DEFAULT_DB, WriteDb


def load(
    out: Path = typer.Argument(..., help="The --out directory of `dyad ingest --engine spark` (a local path)."),
    db: WriteDb = DEFAULT_DB,
) -> None:
    """Load the Parquet tables of a Spark ingest into a DuckDB database (idempotent: rows already there are kept)."""
    from ..engines.load import load_parquet, read_manifest
    from ..store import Store

    read_manifest(str(out))  # a clear error before a database is created for nothing
    with Store.open(db) as store:
        report = load_parquet(store, str(out))
    added = ", ".join(f"{n} {table}" for table, n in report.rows.items() if table in ("documents", "events", "errors"))
    how = "recomputed over the whole store" if report.recomputed_merge else "as computed by Spark"
    typer.echo(f"run {report.run_id}: loaded {out} into {db}: {added} new row(s); "
               f"{report.merged} merged event(s) ({how})", err=True)
