"""``dyad ingest`` on this machine: read articles, skip what is stored, run an engine, write whole documents.

The main process is the only writer (``dyad.store.writer.DocumentWriter``); the engine (by default
``LocalEngine``, worker processes) turns chunks of article dicts into outcome dicts. Input is streamed
in chunks of ``batch_size`` articles, so memory does not grow with the corpus.

SIGINT and SIGTERM stop a run cleanly (``StopSignals``): never inside a chunk's transaction, the
workers are terminated, the ``runs`` row is marked ``interrupted``, and ``RunStopped`` (a
``KeyboardInterrupt``) goes up to the CLI, which prints one ``Error: interrupted`` line. What was committed stays; the next run
finishes the rest.
"""
from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..ingest import DEFAULT_FIELDS, Fields, ReadError, Record, read_paths
from ..store.merge import rebuild_merged
from ..store.surnames import join_surnames
from ..store.store import Store
from ..store.versions import library_versions
from ..store.writer import DocumentWriter
from ..version import __version__
from .local import ChunkResult, LocalEngine


@dataclass
class IngestReport:
    run_id: int = 0
    read: int = 0          # articles read (not counting read errors)
    skipped: int = 0       # already stored (same raw text) or repeated in this input
    documents: int = 0     # new documents written
    duplicates: int = 0    # new input whose cleaned text was already stored
    errors: int = 0        # read errors and pipeline failures
    seconds: float = 0.0
    merged: int = 0
    worker_peak_rss_mb: dict[int, float] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "skipped": self.skipped, "documents": self.documents,
                "duplicates": self.duplicates, "errors": self.errors}


def ingest(
    store: Store,
    paths: Iterable[str],
    *,
    model: str,
    workers: int | None = None,
    batch_size: int = 16,
    published: str | None = None,
    fields: Fields = DEFAULT_FIELDS,
    kb_files: Iterable[str] = (),
    monadic: bool = False,
    merge_window_days: int | None = 1,
    options: dict[str, Any] | None = None,
    on_progress: Callable[[int], None] | None = None,
    engine=None,
) -> IngestReport:
    """Ingest ``paths`` into ``store``; ``on_progress(n)`` is called with each chunk's article count."""
    return ingest_records(store, read_paths(paths, fields=fields), model=model, workers=workers,
                          batch_size=batch_size, published=published, kb_files=kb_files, monadic=monadic,
                          merge_window_days=merge_window_days, options=options, on_progress=on_progress,
                          engine=engine)


def ingest_records(
    store: Store,
    records: Iterable[Record],
    *,
    model: str,
    workers: int | None = None,
    batch_size: int = 16,
    published: str | None = None,
    kb_files: Iterable[str] = (),
    monadic: bool = False,
    merge_window_days: int | None = 1,
    options: dict[str, Any] | None = None,
    on_progress: Callable[[int], None] | None = None,
    engine=None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Ingest ``records`` (articles and read errors from any source: files, or pages ``dyad fetch`` and
    ``dyad watch`` download) into ``store`` as one ``runs`` row; the records are pulled lazily. A caller
    that passes ``report`` sees its counts and run id even when the run is stopped."""
    report = report if report is not None else IngestReport()
    started = time.perf_counter()
    report.run_id = store.start_run(dyad_version=__version__, model=model, options=options or {},
                                    versions=library_versions(model))
    writer = DocumentWriter(store, report.run_id)
    engine = engine or LocalEngine(model=model, kb_files=kb_files, monadic=monadic, workers=workers)
    chunks = new_article_chunks(records, writer, report, published=published, batch_size=batch_size,
                                on_progress=on_progress)
    with StopSignals() as stop:
        results = engine.map(chunks)
        try:
            for result in results:
                with stop.deferred():  # a chunk's transaction is never cut short
                    write_result(writer, result, report, on_progress)
            with stop.deferred():
                writer.finish()
        except KeyboardInterrupt:
            with stop.deferred(check=False):
                results.close()  # terminates the workers
                report.seconds = time.perf_counter() - started
                store.finish_run(report.run_id, report.counts(), status="interrupted")
            raise
        finally:
            results.close()
        report.seconds = time.perf_counter() - started
        with stop.deferred(check=False):  # every document is in: a late stop lets the run finish
            store.finish_run(report.run_id, report.counts())
            join_surnames(store)  # "Trump" in one article, "Donald Trump" in others: one actor
            if merge_window_days is not None:
                report.merged = rebuild_merged(store, window_days=merge_window_days)
    return report


class RunStopped(KeyboardInterrupt):
    """The run was stopped by ``signum`` (SIGINT or SIGTERM); its ``runs`` row says ``interrupted``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class StopSignals:
    """While a run is on, SIGINT and SIGTERM raise ``RunStopped`` in the main thread, once;
    inside ``deferred()`` the stop waits until the block is done. Outside the main thread (a library
    caller's worker thread) signals cannot be handled, and nothing is installed."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.received: int | None = None
        self.deferring = 0
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> "StopSignals":
        if threading.current_thread() is threading.main_thread():
            self.previous = {signum: signal.signal(signum, self._handle) for signum in self.SIGNALS}
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, frame) -> None:
        if self.received is not None:
            return  # already stopping: a second Ctrl-C must not cut the clean-up short
        self.received = signum
        if not self.deferring:
            raise RunStopped(signum)

    @contextmanager
    def deferred(self, *, check: bool = True) -> Iterator[None]:
        self.deferring += 1
        try:
            yield
        finally:
            self.deferring -= 1
        if check and self.received is not None and not self.deferring:
            raise RunStopped(self.received)


def new_article_chunks(records: Iterable[Record], writer: DocumentWriter, report: IngestReport, *,
                       published: str | None, batch_size: int,
                       on_progress: Callable[[int], None] | None) -> Iterator[list[dict[str, Any]]]:
    """Chunks of the articles not stored yet, as plain dicts for the engine; read errors and
    skipped articles are counted (and reported as progress) on the way."""
    chunk: list[dict[str, Any]] = []
    for record in records:
        if isinstance(record, ReadError):
            report.errors += 1
            writer.add_read_error(record)
            if on_progress:
                on_progress(1)
            continue
        report.read += 1
        key = writer.admit(record)
        if key is None:
            report.skipped += 1
            if on_progress:
                on_progress(1)
            continue
        chunk.append({"key": key, "text": record.text, "title": record.title, "url": record.url,
                      "published": record.published or published})
        if len(chunk) >= batch_size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_result(writer: DocumentWriter, result: ChunkResult, report: IngestReport,
                 on_progress: Callable[[int], None] | None) -> None:
    """One chunk's outcomes into the store, counted."""
    report.worker_peak_rss_mb[result.pid] = max(result.peak_rss_mb, report.worker_peak_rss_mb.get(result.pid, 0.0))
    counts = writer.write_outcomes(result.outcomes)
    report.documents += counts.documents
    report.duplicates += counts.duplicates
    report.errors += counts.errors
    if on_progress:
        on_progress(len(result.outcomes))
