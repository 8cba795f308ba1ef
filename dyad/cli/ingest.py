"""``dyad ingest PATH...`` and ``dyad merge``: build and update a DuckDB corpus database."""
from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from ..errors import BadOption, StoreMissing
from .options import DEFAULT_DB, DEFAULT_MODEL, IngestPublished, Model, WriteDb, check_published


def ingest(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl, .jsonl.gz, .csv) or directories."),
    db: WriteDb = DEFAULT_DB,
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Worker processes (default: one per CPU)."),
    published: IngestPublished = None,
    text_field: Optional[str] = typer.Option(None, "--text-field", help="JSONL key or CSV column holding the text."),
    date_field: Optional[str] = typer.Option(None, "--date-field", help="Key or column of the publication date."),
    id_field: Optional[str] = typer.Option(None, "--id-field", help="Key or column of the source id."),
    url_field: Optional[str] = typer.Option(None, "--url-field", help="Key or column of the URL."),
    title_field: Optional[str] = typer.Option(None, "--title-field", help="Key or column of the title."),
    batch_size: int = typer.Option(16, "--batch-size", help="Articles per chunk sent to a worker and committed together."),
    window_days: int = typer.Option(1, "--window-days", help="Date window for merging events at the end."),
    model: Model = DEFAULT_MODEL,
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
    check_ingest_options(paths, engine=engine, out=out, master=master, partitions=partitions, overwrite=overwrite,
                         published=published, workers=workers, batch_size=batch_size)
    from ..ingest import Fields

    fields = Fields(text=text_field, id=id_field, title=title_field, url=url_field, date=date_field)
    kb_files = [str(p) for p in kb]
    options = {"paths": [str(p) for p in paths], "batch_size": batch_size, "published": published,
               "fields": {k: v for k, v in vars(fields).items() if v}, "kb": kb_files,
               "monadic": monadic, "window_days": window_days}
    if engine == "spark":
        ingest_spark(paths, out, options={"engine": "spark", "master": master, "partitions": partitions, **options},
                     master=master, partitions=partitions, model=model, kb_files=kb_files, monadic=monadic,
                     published=published, fields=fields, batch_size=batch_size, window_days=window_days,
                     overwrite=overwrite)
        return
    n_workers = workers or os.cpu_count() or 1
    ingest_local(paths, db, progress=progress, options={"workers": n_workers, **options}, model=model,
                 workers=n_workers, batch_size=batch_size, published=published, fields=fields, kb_files=kb_files,
                 monadic=monadic, merge_window_days=window_days)


def check_ingest_options(paths: list[str], *, engine: str, out: str | None, master: str | None,
                         partitions: int | None, overwrite: bool, published: str | None, workers: int | None,
                         batch_size: int) -> None:
    """Each bad option is one ``Error:`` line, checked in this order."""
    if engine not in ("local", "spark"):
        raise BadOption("--engine", engine, ["local", "spark"])
    if engine == "local" and (out is not None or master is not None or partitions is not None or overwrite):
        raise BadOption("--out/--master/--partitions/--overwrite", out or master or partitions or overwrite,
                        "used with --engine spark only")
    if engine == "spark" and not out:
        raise BadOption("--out", out, "an output directory for the Spark engine's Parquet tables")
    if partitions is not None and partitions < 1:
        raise BadOption("--partitions", partitions, "a number of partitions >= 1")
    check_published(published)
    if workers is not None and workers < 1:
        raise BadOption("--workers", workers, "a number of processes >= 1")
    if batch_size < 1:
        raise BadOption("--batch-size", batch_size, "a number of articles >= 1")
    if "-" in paths:
        raise BadOption("PATH", "-", "files or directories (ingest needs re-readable input to resume)")


def ingest_local(paths: list[str], db: Path, *, progress: bool, **kwargs) -> None:
    """The local engine into ``db``, with a progress bar on standard error unless ``progress`` is off."""
    from ..engines.ingest import RunStopped, ingest as run
    from ..store import Store

    try:
        with Store.open(db) as store:
            if progress:
                with progress_bar(paths) as advance:
                    report = run(store, paths, on_progress=advance, **kwargs)
            else:
                report = run(store, paths, **kwargs)
    except RunStopped as stop:
        # One line and the shell's code for a signal (130 for Ctrl-C, 143 for SIGTERM); said here because
        # typer turns a KeyboardInterrupt into a silent exit 0 when it runs with standalone_mode=False.
        typer.echo(f"Error: interrupted by {signal.Signals(stop.signum).name}; the documents committed so far are "
                   f"kept, and running the same command again finishes the rest", err=True)
        sys.exit(128 + stop.signum)
    rate = (report.read - report.skipped) / report.seconds if report.seconds else 0.0
    typer.echo(
        f"run {report.run_id}: {report.documents} new document(s), {report.skipped} already stored, "
        f"{report.duplicates} duplicate text(s), {report.errors} error(s) (see `dyad errors --db {db}`), "
        f"{report.merged} merged event(s); {report.seconds:.1f} s, {rate:.1f} articles/s", err=True)


@contextmanager
def progress_bar(paths: list[str]) -> Iterator[Callable[[int], None]]:
    """A Rich progress bar over the records in ``paths`` (articles/s and ETA); yields ``advance(n)``."""
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    from rich.text import Text

    from ..ingest.count import count_records

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            rate = task.finished_speed or task.speed
            return Text(f"{rate:.1f} articles/s" if rate else "- articles/s")

    total = count_records(paths)
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), RateColumn(),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("ingest", total=total)
        yield lambda n: bar.advance(task, n)


def ingest_spark(paths: list[str], out: str, **kwargs) -> None:
    """The Spark engine into Parquet tables under ``out``; ``dyad load`` brings them into a database."""
    from ..engines.spark import run_spark

    report = run_spark(paths, out, **kwargs)
    processed = report.read - report.skipped
    rate = processed / report.seconds if report.seconds else 0.0
    typer.echo(
        f"spark: {report.documents} document(s), {report.skipped} repeated input(s), {report.duplicates} duplicate "
        f"text(s), {report.errors} error(s), {report.merged} merged event(s) in {out}; Spark start {report.startup_seconds:.1f} s, "
        f"run {report.seconds:.1f} s, {rate:.1f} articles/s. Load it with `dyad load {out} --db dyad.duckdb`", err=True)


def merge(
    db: WriteDb = DEFAULT_DB,
    window_days: int = typer.Option(1, "--window-days", help="Days two reports' dates may differ and still be one event."),
) -> None:
    """Rebuild merged events (one per real-world event) from the stored events."""
    if window_days < 0:
        raise BadOption("--window-days", window_days, "a number of days >= 0")
    from ..store import Store
    from ..store.merge import rebuild_merged

    if not db.exists():
        raise StoreMissing(str(db))
    with Store.open(db) as store:
        n = rebuild_merged(store, window_days=window_days)
    typer.echo(f"{n} merged event(s) in {db}", err=True)
