"""``ingest``: read articles, skip what is stored, run the engine, write whole documents.

The main process is the only writer. Ids are content hashes, so a re-run adds
nothing and a run restarted after a kill finishes with the records of an
uninterrupted one: every chunk's documents are committed in one transaction.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..ingest import DEFAULT_FIELDS, Article, Fields, ReadError, read_paths
from .rows import document_rows
from .store import Store, error_row


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


def input_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


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
    from .. import __version__
    from ..engines.local import LocalEngine

    report = IngestReport()
    started = time.perf_counter()
    report.run_id = store.start_run(dyad_version=__version__, model=model, options=options or {})
    stored_inputs = store.ids("inputs", "input_hash")
    stored_docs = store.ids("documents", "id")
    in_flight: set[str] = set()
    held: dict[str, Article] = {}  # chunk key -> article, only while its chunk is in flight
    read_errors: list[dict[str, Any]] = []

    def chunks() -> Iterator[list[dict[str, Any]]]:
        chunk: list[dict[str, Any]] = []
        for record in read_paths(paths, fields=fields):
            if isinstance(record, ReadError):
                report.errors += 1
                read_errors.append(error_row(run_id=report.run_id, origin=record.origin, stage="read", reason=record.reason))
                if on_progress:
                    on_progress(1)
                continue
            report.read += 1
            key = input_hash(record.text)
            if key in stored_inputs or key in in_flight:
                report.skipped += 1
                if on_progress:
                    on_progress(1)
                continue
            in_flight.add(key)
            held[key] = record
            chunk.append({"key": key, "text": record.text, "title": record.title, "url": record.url,
                          "published": record.published or published})
            if len(chunk) >= batch_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    engine = engine or LocalEngine(model=model, kb_files=kb_files, monadic=monadic, workers=workers)
    for result in engine.map(chunks()):
        report.worker_peak_rss_mb[result.pid] = max(result.peak_rss_mb, report.worker_peak_rss_mb.get(result.pid, 0.0))
        rows: dict[str, list[dict[str, Any]]] = {}
        errors, pending_errors = list(read_errors), len(read_errors)
        new_docs: list[str] = []
        for outcome in result.outcomes:
            article = held.pop(outcome["key"])
            if "error" in outcome:
                report.errors += 1
                errors.append(error_row(run_id=report.run_id, origin=article.origin, stage="pipeline", reason=outcome["error"]))
                continue
            doc = outcome["document"]
            if doc["id"] in stored_docs or doc["id"] in new_docs:
                report.duplicates += 1
                rows.setdefault("inputs", []).append({"input_hash": outcome["key"], "document_id": doc["id"]})
                continue
            new_docs.append(doc["id"])
            for table, table_rows in document_rows(doc, source_id=article.id, origin=article.origin,
                                                   file_format=article.format, input_hash=outcome["key"]).items():
                rows.setdefault(table, []).extend(table_rows)
        store.write(rows, errors)
        del read_errors[:pending_errors]
        for outcome in result.outcomes:
            in_flight.discard(outcome["key"])
            if "error" not in outcome:
                stored_inputs.add(outcome["key"])
        stored_docs.update(new_docs)
        report.documents += len(new_docs)
        if on_progress:
            on_progress(len(result.outcomes))
    if read_errors:
        store.write({}, read_errors)
    report.seconds = time.perf_counter() - started
    store.finish_run(report.run_id, report.counts())
    if merge_window_days is not None:
        from .merge import rebuild_merged

        report.merged = rebuild_merged(store, window_days=merge_window_days)
    return report
