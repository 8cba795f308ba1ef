"""``dyad events|actors|dyads|timeline|quotes|errors``: read-only queries over a dyad database."""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from ..errors import BadOption
from ..export.csvsafe import safe_cell
from .options import DEFAULT_DB, Limit, QueryFormat, ReadDb

FORMATS = ["table", "json", "csv"]


def render(rows: list[dict[str, Any]], output_format: str, *, title: str,
           table_columns: list[str] | None = None) -> None:
    """Rows as a Rich table (``table_columns`` only, to fit a terminal), a JSON list or CSV, on standard output.

    CSV cells that a spreadsheet would run as a formula get a leading apostrophe, as in the web's CSV."""
    if output_format not in FORMATS:
        raise BadOption("--format", output_format, FORMATS)
    if output_format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2, default=_plain))
        return
    if output_format == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: safe_cell(_plain(v)) for k, v in row.items()} for row in rows)
        return
    from rich.console import Console
    from rich.table import Table

    if not rows:
        Console(stderr=True).print(f"{title}: no rows")
        return
    columns = table_columns or list(rows[0])
    table = Table(title=f"{title} ({len(rows)})")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if row[c] is None else str(_plain(row[c])) for c in columns))
    Console().print(table)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _open(db: Path):
    from ..store import Store

    return Store.open(db, read_only=True)


def events(
    db: ReadDb = DEFAULT_DB,
    actor: Optional[str] = typer.Option(None, "--actor", help="Source or target actor name (case-insensitive)."),
    source: Optional[str] = typer.Option(None, "--source", help="Source actor name."),
    target: Optional[str] = typer.Option(None, "--target", help="Target actor name."),
    code: Optional[str] = typer.Option(None, "--code", help="CAMEO code prefix, e.g. 04 or 042."),
    since: Optional[str] = typer.Option(None, "--since", help="YYYY, YYYY-MM or YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)."),
    realis: Optional[str] = typer.Option(None, "--realis", help="asserted, negated, intended, requested or hypothetical."),
    limit: Limit = 50,
    output_format: QueryFormat = "table",
) -> None:
    """Events as reported, one row per document event."""
    from ..store import queries

    with _open(db) as store:
        rows = queries.events(store, actor=actor, source=source, target=target, code=code, since=since,
                              until=until, realis=realis, limit=limit or None)
    render(rows, output_format, title="Events", table_columns=[
        "date", "source", "trigger", "target", "cameo", "goldstein", "realis", "place", "document_id"])


def actors(
    db: ReadDb = DEFAULT_DB,
    name: Optional[str] = typer.Option(None, "--name", help="Only actors whose name contains this."),
    limit: Limit = 50,
    output_format: QueryFormat = "table",
) -> None:
    """Corpus actors with their document, mention and event counts."""
    from ..store import queries

    with _open(db) as store:
        rows = queries.actors(store, name=name, limit=limit or None)
    render(rows, output_format, title="Actors", table_columns=[
        "name", "code", "kind", "country", "n_documents", "n_mentions", "n_events"])


def dyads(
    db: ReadDb = DEFAULT_DB,
    limit: Limit = 20,
    output_format: QueryFormat = "table",
) -> None:
    """Top source-target pairs over merged events: counts, Goldstein sum and mean, QuadClass counts."""
    from ..store import queries

    with _open(db) as store:
        rows = queries.dyads(store, limit=limit or None)
    render(rows, output_format, title="Dyads")


def timeline(
    actor: str = typer.Argument(..., help="Actor name."),
    other: Optional[str] = typer.Argument(None, help="Second actor: only events between the two."),
    db: ReadDb = DEFAULT_DB,
    by: str = typer.Option("month", "--by", help="day, week or month."),
    output_format: QueryFormat = "table",
) -> None:
    """Merged events involving ACTOR (or between ACTOR and ACTOR2) per day, week or month."""
    from ..store import queries

    with _open(db) as store:
        rows = queries.timeline(store, actor, other, by=by)
    render(rows, output_format, title=f"Timeline of {actor}" + (f" and {other}" if other else ""))


def quotes(
    db: ReadDb = DEFAULT_DB,
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Speaker name (substring, case-insensitive)."),
    limit: Limit = 50,
    output_format: QueryFormat = "table",
) -> None:
    """Quotations with their speaker and source article."""
    from ..store import queries

    with _open(db) as store:
        rows = queries.quotes(store, speaker=speaker, limit=limit or None)
    render(rows, output_format, title="Quotes", table_columns=["speaker", "text", "kind", "published", "document_id"])


def errors(
    db: ReadDb = DEFAULT_DB,
    output_format: QueryFormat = "table",
) -> None:
    """Inputs that could not be read or processed, with their file, line and reason."""
    from ..store import queries

    with _open(db) as store:
        rows = queries.errors(store)
    render(rows, output_format, title="Errors")
