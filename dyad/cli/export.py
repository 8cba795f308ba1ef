"""``dyad export --format FORMAT -o PATH``: a dyad database in another tool's format."""
from __future__ import annotations

from pathlib import Path

import typer

from ..errors import BadOption
from .options import DEFAULT_DB, ExportFormat, ReadDb


def export(
    output_format: ExportFormat,
    output: Path = typer.Option(..., "--output", "-o", help="Output file (a directory for parquet)."),
    db: ReadDb = DEFAULT_DB,
) -> None:
    """Export documents (jsonl), tables (parquet), merged events (gdelt, plover) or the actor network (graphml)."""
    from ..export import FORMATS, export as run
    from ..store import Store

    if output_format not in FORMATS:
        raise BadOption("--format", output_format, FORMATS)
    with Store.open(db, read_only=True) as store:
        count = run(store, output_format, output)
    typer.echo(f"wrote {count} {'tables' if output_format == 'parquet' else 'records'} to {output}", err=True)
