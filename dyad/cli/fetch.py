"""``dyad fetch URL...``, ``dyad watch SOURCES`` and ``dyad sources``: news pages and feeds into a database."""
from __future__ import annotations

import re
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import BadOption
from .options import DEFAULT_DB, DEFAULT_MODEL, IngestPublished, Model, QueryFormat, ReadDb, WriteDb, check_published

DURATION = re.compile(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")

# The politeness settings, shared by fetch and watch; defaults are dyad.live.http.FetchSettings'.
Delay = Annotated[float, typer.Option("--delay", help="Seconds between two requests to the same host.")]
Timeout = Annotated[float, typer.Option("--timeout", help="Seconds to wait for a connection or a read.")]
Retries = Annotated[int, typer.Option("--retries", help="More tries after a timeout, a network error, 429 or 5xx.")]
Backoff = Annotated[float, typer.Option("--backoff", help="Seconds before the first retry, doubled for each next.")]
MaxBytes = Annotated[int, typer.Option("--max-bytes", help="Largest page or feed read, in bytes.")]
UserAgent = Annotated[str, typer.Option("--user-agent", help="The User-Agent header (it must name dyad; robots.txt "
                                        "rules for 'dyad' apply).")]


def settings(*, delay: float, timeout: float, retries: int, backoff: float, max_bytes: int, user_agent: str | None):
    """The politeness settings, each checked."""
    from ..live.http import USER_AGENT, FetchSettings

    for option, value in (("--delay", delay), ("--backoff", backoff)):
        if value < 0:
            raise BadOption(option, value, "a number of seconds >= 0")
    if timeout <= 0:
        raise BadOption("--timeout", timeout, "a number of seconds > 0")
    if retries < 0:
        raise BadOption("--retries", retries, "a number of retries >= 0")
    if max_bytes < 1:
        raise BadOption("--max-bytes", max_bytes, "a number of bytes >= 1")
    return FetchSettings(user_agent=user_agent or USER_AGENT, timeout=timeout, delay=delay, retries=retries,
                         backoff=backoff, max_bytes=max_bytes)


def fetch(
    urls: list[str] = typer.Argument(..., help="Article URLs (http:// or https://)."),
    db: WriteDb = DEFAULT_DB,
    published: IngestPublished = None,
    model: Model = DEFAULT_MODEL,
    workers: int = typer.Option(1, "--workers", "-w", help="Worker processes for the NLP."),
    delay: Delay = 2.0, timeout: Timeout = 20.0, retries: Retries = 2, backoff: Backoff = 2.0,
    max_bytes: MaxBytes = 5_000_000, user_agent: UserAgent = "",
) -> None:
    """Download news pages and ingest them as `dyad ingest` does (same ids, errors and runs rows)."""
    check_published(published)
    fetch_settings = settings(delay=delay, timeout=timeout, retries=retries, backoff=backoff, max_bytes=max_bytes,
                              user_agent=user_agent)
    if workers < 1:
        raise BadOption("--workers", workers, "a number of processes >= 1")
    from ..engines.fetch import fetch as run
    from ..live.http import Fetcher
    from ..store import Store

    with stopped_cleanly(), Store.open(db) as store:
        report, log = run(store, urls, fetcher=Fetcher(fetch_settings), model=model, workers=workers,
                          published=published, options={"delay": delay, "timeout": timeout})
    typer.echo(f"run {report.run_id}: {len(urls)} URL(s), {report.documents} new document(s), {report.skipped} "
               f"already stored, {report.duplicates} duplicate text(s), {report.errors} error(s) (see `dyad errors "
               f"--db {db}`)", err=True)


def watch(
    sources: Path = typer.Argument(..., help="A text file of feed, sitemap or home page URLs, one a line."),
    db: WriteDb = DEFAULT_DB,
    every: str = typer.Option("15m", "--every", help="How often each source is read: 30s, 15m, 1h, 1d..."),
    once: bool = typer.Option(False, "--once", help="One round over every source, then exit."),
    model: Model = DEFAULT_MODEL,
    workers: int = typer.Option(1, "--workers", "-w", help="Worker processes for the NLP."),
    delay: Delay = 2.0, timeout: Timeout = 20.0, retries: Retries = 2, backoff: Backoff = 2.0,
    max_bytes: MaxBytes = 5_000_000, user_agent: UserAgent = "",
) -> None:
    """Follow feeds, sitemaps and sites: each round fetches only new articles into the database."""
    every_seconds = parse_every(every)
    fetch_settings = settings(delay=delay, timeout=timeout, retries=retries, backoff=backoff, max_bytes=max_bytes,
                              user_agent=user_agent)
    if workers < 1:
        raise BadOption("--workers", workers, "a number of processes >= 1")
    from ..engines.watch import watch as run
    from ..live.feeds import read_sources
    from ..live.http import Fetcher
    from ..store import Store

    urls = read_sources(sources)
    with stopped_cleanly(), Store.open(db) as store:
        run(store, urls, fetcher=Fetcher(fetch_settings), every_seconds=every_seconds, once=once, model=model,
            workers=workers, on_round=lambda report: typer.echo(round_line(report, db), err=True))


def sources(db: ReadDb = DEFAULT_DB, output_format: QueryFormat = "table") -> None:
    """The sources `dyad watch` follows: last round, new articles and errors then, and when each is due."""
    from ..store import Store
    from ..store.sources import sources as source_rows
    from .query import render

    with Store.open(db, read_only=True) as store:
        rows = source_rows(store)
    render(rows, output_format, title="Sources",
           table_columns=["url", "kind", "last_round", "n_new", "n_errors", "n_documents", "next_due"])


def parse_every(every: str) -> int:
    """``--every`` in seconds: 30s, 15m, 1h, 2h30m, 1d, or a bare number of minutes."""
    text = every.strip().lower()
    if text.isdigit():
        seconds = int(text) * 60
    else:
        match = DURATION.fullmatch(text)
        if not text or not match:
            raise BadOption("--every", every, "a duration such as 30s, 15m, 1h or 1d")
        days, hours, minutes, secs = (int(g or 0) for g in match.groups())
        seconds = ((days * 24 + hours) * 60 + minutes) * 60 + secs
    if seconds < 1:
        raise BadOption("--every", every, "a duration of at least 1s")
    return seconds


def round_line(report, db: Path) -> str:
    listed = sum(state.new_urls for state in report.sources)
    not_modified = sum(state.not_modified for state in report.sources)
    return (f"run {report.run_id}: {len(report.sources)} source(s), {listed} URL(s) to fetch (new or retried), "
            f"{not_modified} listing(s) unchanged (304), {report.new_documents} new document(s), {report.ingest.duplicates} duplicate text(s), "
            f"{report.errors} error(s) (see `dyad errors --db {db}`)")


class stopped_cleanly:
    """SIGINT or SIGTERM: one line, and the shell's code for the signal; what was committed stays."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback) -> bool:
        from ..engines.ingest import RunStopped

        if isinstance(error, RunStopped):
            typer.echo(f"stopped by {signal.Signals(error.signum).name}; the articles committed so far are kept, "
                       "and the next run fetches the rest", err=True)
            sys.exit(128 + error.signum)
        return False
