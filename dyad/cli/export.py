"""``dyad export --format FORMAT -o PATH``: a dyad database in another tool's format."""
from __future__ import annotations

from pathlib import Path

import typer


def export(
    output_format: str = typer.Option(..., "--format", "-f", help="jsonl, parquet (a directory), gdelt, plover or graphml."),
    output: Path = typer.Option(..., "--output", "-o", help="Output file (a directory for parquet)."),
    db: Path = typer.Option(Path("dyad.duckdb"), "--db", help="The dyad database (DuckDB file)."),
) -> None:
    """Export documents (jsonl), tables (parquet), merged events (gdelt, plover) or the actor network (graphml)."""
    from ..export import FORMATS, export as run
    from ..errors import BadOption
    from ..store import Store

    if output_format not in FORMATS:
        raise BadOption("--format", output_format, FORMATS)
    with Store.open(db, read_only=True) as store:
        count = run(store, output_format, output)
    typer.echo(f"wrote {count} {'tables' if output_format == 'parquet' else 'records'} to {output}", err=True)
