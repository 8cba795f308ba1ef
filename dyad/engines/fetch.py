"""``dyad fetch URL...``: download pages and ingest them exactly as ``dyad ingest`` ingests saved pages.

The pages become the records the ingest engine reads (``ingest_records``): the same ids, the same
skipping of stored text, the same ``errors`` rows (a failed fetch is one, stage ``read``, its reason
starting with an E05x code) and one ``runs`` row. Beside them each page leaves a ``fetches`` row: its
URL, final and canonical URL, source, fetch time, HTTP status and authors.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..ingest import Article, Record
from ..live.http import Fetcher, FetchFailure
from ..live.pages import failure_record, page_article
from ..store.rows import input_hash
from ..store.sources import known_canonical_urls, record_fetches
from ..store.store import Store
from .ingest import IngestReport, ingest_records


@dataclass
class PageLog:
    """What happened to each page URL of a run: fetched (with provenance), failed, or skipped as known."""

    fetches: list[dict[str, Any]] = field(default_factory=list)   # provenance + input_hash, per article
    failures: list[FetchFailure] = field(default_factory=list)
    extraction_failures: list[str] = field(default_factory=list)  # fetched, but no article text
    known: list[str] = field(default_factory=list)                # canonical URL already stored
    canonical: set[str] = field(default_factory=set)


def fetched_records(fetcher: Fetcher, urls: Iterable[str], log: PageLog, *,
                    source: str | None = None) -> Iterator[Record]:
    """The articles of ``urls`` fetched one by one, a failed fetch as a read error; a page whose canonical
    URL is already stored (or met earlier in this run) is skipped."""
    for url in urls:
        response = fetcher.get(url, html=True)
        if isinstance(response, FetchFailure):
            log.failures.append(response)
            yield failure_record(response)
            continue
        article, provenance = page_article(response, source=source)
        if not isinstance(article, Article):
            log.extraction_failures.append(url)
            yield article
            continue
        if provenance.canonical_url in log.canonical:
            log.known.append(url)
            continue
        log.canonical.add(provenance.canonical_url)
        log.fetches.append({**dataclasses.asdict(provenance), "input_hash": input_hash(article.text)})
        yield article


def fetch(store: Store, urls: list[str], *, fetcher: Fetcher, model: str, workers: int | None = 1,
          batch_size: int = 16, published: str | None = None, merge_window_days: int | None = 1,
          options: dict[str, Any] | None = None, kb_files: Iterable[str] = (), monadic: bool = False,
          engine=None) -> tuple[IngestReport, PageLog]:
    """Fetch ``urls`` into ``store`` as one run; the ``fetches`` rows are written even when it is stopped."""
    log = PageLog(canonical=known_canonical_urls(store))
    report = IngestReport()
    try:
        ingest_records(store, fetched_records(fetcher, urls, log), model=model, workers=workers,
                       batch_size=batch_size, published=published, kb_files=kb_files, monadic=monadic,
                       merge_window_days=merge_window_days, options={"command": "fetch", "urls": urls, **(options or {})},
                       engine=engine, report=report)
    finally:
        if report.run_id:
            record_fetches(store, log.fetches, report.run_id)
    report.skipped += len(log.known)
    return report, log
