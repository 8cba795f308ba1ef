"""``dyad watch SOURCES``: rounds over feeds, sitemaps and home pages, each fetching only what is new.

A round is one ``runs`` row (through ``ingest_records``). For each due source it reads the listing with
a conditional GET (ETag, Last-Modified: a 304 lists nothing), keeps the item URLs the source has not
listed before (its seen set, ``source_urls``), skips a page whose canonical URL is stored, and lets the
ingest engine skip a text stored before (same input hash) or a copy with the same cleaned text (same
document id). A URL enters the seen set once its document is committed or it failed for good (a 404,
not HTML, disallowed); a timeout or a 5xx is kept with status -1 and tried again next round, even
when the listing is unchanged.

Between rounds the loop sleeps until the next source is due; SIGINT and SIGTERM stop it, in a round
between chunks of articles (``StopSignals``), and ``RunStopped`` goes up to the caller.
"""
from __future__ import annotations

import datetime as dt
import os
import resource
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from ..errors import E_SOURCE_EMPTY
from ..ingest import ReadError, Record
from ..live.feeds import Listing, listing_of
from ..live.http import Fetcher, FetchFailure
from ..live.pages import failure_record
from ..store import sources as source_rows
from ..store.store import Store
from .fetch import PageLog, fetched_records
from .ingest import IngestReport, StopSignals, ingest_records
from .local import ChunkResult, extract_outcomes

LISTING_DEPTH = 2  # a home page names a feed; a sitemap index names sitemaps: follow so far and no further


@dataclass
class SourceRound:
    url: str
    kind: str | None = None
    listings: list[str] = field(default_factory=list)
    log: PageLog = field(default_factory=PageLog)
    listing_errors: int = 0
    not_modified: int = 0
    new_urls: int = 0
    validators: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # saved once the round is done


@dataclass
class RoundReport:
    run_id: int
    sources: list[SourceRound]
    ingest: IngestReport
    new_documents: int = 0

    @property
    def errors(self) -> int:
        return self.ingest.errors


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def watch_round(store: Store, urls: list[str], *, fetcher: Fetcher, every_seconds: int, model: str,
                all_sources: bool = False, workers: int | None = 1, batch_size: int = 4,
                merge_window_days: int | None = 1, engine=None) -> RoundReport | None:
    """One round over the due sources among ``urls`` (``all_sources``: every one); None when none is due."""
    source_rows.register_sources(store, urls, every_seconds=every_seconds)
    due = urls if all_sources else [row["url"] for row in source_rows.due_sources(store, urls, now())]
    if not due:
        return None
    rounds = [SourceRound(url) for url in due]
    canonical = source_rows.known_canonical_urls(store)
    for state in rounds:
        state.log.canonical = canonical  # one set: a page two sources list is fetched once
    before = store.ids("documents", "id")
    report = IngestReport()
    completed = False
    try:
        ingest_records(store, _round_records(store, fetcher, rounds), model=model, workers=workers,
                       batch_size=batch_size, merge_window_days=merge_window_days, engine=engine, report=report,
                       options={"command": "watch", "sources": due, "every_seconds": every_seconds})
        completed = True
    finally:
        if report.run_id:
            _finish(store, rounds, report.run_id, before, completed=completed)
    new_documents = len(store.ids("documents", "id") - before)
    return RoundReport(run_id=report.run_id, sources=rounds, ingest=report, new_documents=new_documents)


def _round_records(store: Store, fetcher: Fetcher, rounds: list[SourceRound]) -> Iterator[Record]:
    for state in rounds:
        links = yield from _listed_links(store, fetcher, state)
        seen = source_rows.seen_urls(store, state.url)
        retry = source_rows.retry_urls(store, state.url)
        new = list(dict.fromkeys([link for link in links if link not in seen] + retry))
        state.new_urls = len(new)
        yield from fetched_records(fetcher, new, state.log, source=state.url)


def _listed_links(store: Store, fetcher: Fetcher, state: SourceRound) -> Iterator[Record]:
    """Yields a read error for each listing that fails; returns the article links of the source."""
    links: list[str] = []
    queue = [(state.url, 0)]
    while queue:
        url, depth = queue.pop(0)
        etag, last_modified = source_rows.validators(store, url)
        response = fetcher.get(url, etag=etag, last_modified=last_modified)
        if isinstance(response, FetchFailure):
            state.listing_errors += 1
            yield failure_record(response)
            continue
        if response.status == 304:
            state.not_modified += 1
            continue
        state.listings.append(url)
        listing = listing_of(response)
        if depth == 0:
            state.kind = listing.kind
        if listing.kind == "site" or _is_index(listing):
            if depth < LISTING_DEPTH:
                found = listing.links or [urljoin(response.final_url, "/sitemap.xml")]
                queue.extend((link, depth + 1) for link in found if link not in state.listings)
            continue
        state.validators.append((url, response.headers.get("etag"), response.headers.get("last-modified")))
        if not listing.links:
            state.listing_errors += 1
            yield ReadError(url, f"[{E_SOURCE_EMPTY}] {url} is a {listing.kind} with no article link; check "
                                 "that the SOURCES file names a feed, a sitemap or a home page")
        links.extend(listing.links)
    return list(dict.fromkeys(links))


def _is_index(listing: Listing) -> bool:
    """A sitemap index: every link is another sitemap."""
    return listing.kind == "sitemap" and bool(listing.links) and all(
        link.lower().split("?")[0].endswith((".xml", ".xml.gz")) for link in listing.links)


def _finish(store: Store, rounds: list[SourceRound], run_id: int, before: set[str], *, completed: bool) -> None:
    """Provenance rows, seen sets and each source's counts, after the round (or its stop). A listing's
    ETag and Last-Modified are kept only when the round completed: after a stop, the items it listed and
    the round did not reach must be listed again (a 304 would hide them)."""
    stored_inputs = store.ids("inputs", "input_hash")
    finished = now()
    for state in rounds:
        log = state.log
        for url, etag, last_modified in state.validators if completed else ():
            if etag or last_modified:
                source_rows.save_validators(store, url, etag, last_modified)
        source_rows.record_fetches(store, log.fetches, run_id)
        for row in log.fetches:
            if row["input_hash"] in stored_inputs:
                source_rows.mark_seen(store, state.url, row["url"], row["status"])
        for failure in log.failures:
            source_rows.mark_seen(store, state.url, failure.url,
                                  failure.status if failure.permanent else source_rows.RETRY)
        for url in log.extraction_failures + log.known:
            source_rows.mark_seen(store, state.url, url, None)
        n_new = len(_new_documents(store, run_id, state.url, before))
        errors = state.listing_errors + len(log.failures) + len(log.extraction_failures)
        source_rows.finish_source_round(store, state.url, kind=state.kind, listings=state.listings, run_id=run_id,
                                        n_new=n_new, n_errors=errors, finished=finished)


def _new_documents(store: Store, run_id: int, source: str, before: set[str]) -> set[str]:
    rows = store.con.execute("SELECT DISTINCT document_id FROM fetches WHERE run_id = ? AND source = ? "
                             "AND document_id IS NOT NULL", [run_id, source]).fetchall()
    return {row[0] for row in rows} - before


class ResidentEngine:
    """The NLP in this process with the pipeline built once for every round (``LocalEngine`` with one
    worker builds it on each ``map``: once per round)."""

    def __init__(self, *, model: str, kb_files: tuple[str, ...] = (), monadic: bool = False) -> None:
        self.model, self.kb_files, self.monadic = model, kb_files, monadic
        self.pipeline = None

    def map(self, chunks) -> Iterator[ChunkResult]:
        if self.pipeline is None:
            from ..pipeline import Pipeline

            self.pipeline = Pipeline(self.model, kb_files=self.kb_files, monadic=self.monadic)
        for chunk in chunks:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            yield ChunkResult(extract_outcomes(self.pipeline, chunk), os.getpid(), peak)


def watch(store: Store, urls: list[str], *, fetcher: Fetcher, every_seconds: int, once: bool, model: str,
          on_round: Callable[[RoundReport], None], sleep: Callable[[float], None] = time.sleep,
          workers: int | None = 1, **kwargs: Any) -> int:
    """Rounds until stopped (``once``: one round over every source); returns the number of rounds."""
    if workers == 1 and kwargs.get("engine") is None:
        kwargs["engine"] = ResidentEngine(model=model)
    kwargs["workers"] = workers
    rounds = 0
    with StopSignals():  # between rounds too: a stop while sleeping raises RunStopped here
        while True:
            report = watch_round(store, urls, fetcher=fetcher, every_seconds=every_seconds, model=model,
                                 all_sources=once, **kwargs)
            if report is not None:
                rounds += 1
                on_round(report)
            if once:
                return rounds
            sleep(max(1.0, _seconds_to_next_due(store, urls)))


def _seconds_to_next_due(store: Store, urls: list[str]) -> float:
    dues = [row["next_due"] for row in source_rows.sources(store) if row["url"] in urls and row["next_due"]]
    if not dues:
        return 60.0
    return (min(dues) - now()).total_seconds()

