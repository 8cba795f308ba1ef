"""Options several commands share, declared once: ``db: ReadDb = DEFAULT_DB`` in a command's signature.

Where commands mean different things by one flag (a database written or only read; query, document
or export formats), each meaning is its own alias here, side by side.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..config import DEFAULT_MODEL
from ..errors import BadOption

__all__ = ["DEFAULT_DB", "DEFAULT_MODEL", "WriteDb", "ReadDb", "ServeDb", "QueryFormat", "DocumentFormat",
           "ExportFormat", "Model", "TryItModel", "Published", "IngestPublished", "Limit", "check_published"]

DEFAULT_DB = Path("dyad.duckdb")

# --db
WriteDb = Annotated[Path, typer.Option("--db", help="The dyad database (DuckDB file; created when missing).")]
ReadDb = Annotated[Path, typer.Option("--db", help="The dyad database (DuckDB file).")]
ServeDb = Annotated[Path, typer.Option("--db", help="The dyad database (DuckDB file, opened read-only).")]

# --format / -f
QueryFormat = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
DocumentFormat = Annotated[Optional[str], typer.Option(
    "--format", "-f", help="table (default on a terminal), json or jsonl.")]
ExportFormat = Annotated[str, typer.Option(
    "--format", "-f", help="jsonl, parquet (a directory), gdelt, plover or graphml.")]

# --model
Model = Annotated[str, typer.Option("--model", help="spaCy pipeline name or path.")]
TryItModel = Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline for Try it (built on first use).")]

# --published: the date of articles that carry none
Published = Annotated[Optional[str], typer.Option(
    "--published", help="Publication date YYYY-MM-DD for articles that do not carry one.")]
IngestPublished = Annotated[Optional[str], typer.Option(
    "--published", help="Publication date YYYY-MM-DD for articles without one.")]

# --limit of the query commands
Limit = Annotated[int, typer.Option("--limit", help="At most N rows (0: all).")]


def check_published(published: str | None) -> None:
    """``--published`` must be a date as YYYY-MM-DD."""
    if published is None:
        return
    try:
        dt.date.fromisoformat(published)
    except ValueError:
        raise BadOption("--published", published, "a date as YYYY-MM-DD") from None
