"""The store's side of live sources: the sources ``dyad watch`` follows, each one's seen-URL set, the
conditional-GET validators of the listings, and the ``fetches`` rows that give a document its provenance.

Tables come from the ``0005_live_sources`` migration. Writes go through the one writer (``Store``);
``sources()`` and ``provenance()`` are read queries the CLI and the web app share.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any


def register_sources(store, urls: Iterable[str], *, every_seconds: int) -> None:
    """Add the sources not known yet (due now) and set every source's interval."""
    for url in urls:
        store.con.execute("INSERT OR IGNORE INTO sources (url, every_seconds, n_documents) VALUES (?, ?, 0)",
                          [url, every_seconds])
        store.con.execute("UPDATE sources SET every_seconds = ? WHERE url = ?", [every_seconds, url])


def due_sources(store, urls: Iterable[str], now: dt.datetime) -> list[dict[str, Any]]:
    """The sources among ``urls`` whose next round is due (never run: due)."""
    rows = {row["url"]: row for row in store.query("SELECT * FROM sources")}
    return [rows[url] for url in urls if url in rows and (rows[url]["next_due"] is None or rows[url]["next_due"] <= now)]


RETRY = -1  # source_urls.status of a URL that failed for now (a timeout, a 5xx): fetched again next round


def seen_urls(store, source: str) -> set[str]:
    """The URLs the source listed that are done with: stored, or failed for good."""
    return {row[0] for row in store.con.execute(
        "SELECT url FROM source_urls WHERE source = ? AND status IS DISTINCT FROM ?", [source, RETRY]).fetchall()}


def retry_urls(store, source: str) -> list[str]:
    """The URLs that failed for now on an earlier round: tried again even when the listing is unchanged."""
    return [row[0] for row in store.con.execute(
        "SELECT url FROM source_urls WHERE source = ? AND status = ? ORDER BY first_seen, url", [source, RETRY]).fetchall()]


def mark_seen(store, source: str, url: str, status: int | None) -> None:
    """``url`` is done with for ``source`` (``status`` RETRY: to be tried again next round)."""
    store.con.execute("INSERT OR REPLACE INTO source_urls VALUES (?, ?, current_timestamp, ?)", [source, url, status])


def known_canonical_urls(store) -> set[str]:
    """Canonical URLs of the pages already stored as documents: a page met again under another URL is skipped."""
    return {row[0] for row in store.con.execute(
        "SELECT DISTINCT canonical_url FROM fetches WHERE document_id IS NOT NULL").fetchall()}


def validators(store, url: str) -> tuple[str | None, str | None]:
    """The ETag and Last-Modified a listing answered last time."""
    row = store.con.execute("SELECT etag, last_modified FROM http_validators WHERE url = ?", [url]).fetchone()
    return (row[0], row[1]) if row else (None, None)


def save_validators(store, url: str, etag: str | None, last_modified: str | None) -> None:
    store.con.execute("INSERT OR REPLACE INTO http_validators VALUES (?, ?, ?, current_timestamp)",
                      [url, etag, last_modified])


def record_fetches(store, fetches: Iterable[dict[str, Any]], run_id: int) -> None:
    """``fetches`` rows (``dyad.live.pages.Provenance`` fields and ``input_hash``), each linked to the
    document its text became (or was a duplicate of) through ``inputs``."""
    for row in fetches:
        store.con.execute(
            "INSERT OR REPLACE INTO fetches (url, final_url, canonical_url, source, fetched, status, title, authors, "
            "published, input_hash, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row["url"], row["final_url"], row["canonical_url"], row["source"], row["fetched"], row["status"],
             row["title"], row["authors"], row["published"], row["input_hash"], run_id])
    store.con.execute("UPDATE fetches SET document_id = i.document_id FROM inputs i "
                      "WHERE fetches.input_hash = i.input_hash AND fetches.document_id IS NULL")


def finish_source_round(store, source: str, *, kind: str | None, listings: list[str], run_id: int,
                        n_new: int, n_errors: int, finished: dt.datetime) -> None:
    """The source's last round, its counts and its next due time."""
    store.con.execute(
        "UPDATE sources SET kind = coalesce(?, kind), listings = ?, last_round = ?, last_run_id = ?, n_new = ?, "
        "n_errors = ?, next_due = ? + to_seconds(every_seconds), "
        "n_documents = (SELECT count(DISTINCT document_id) FROM fetches WHERE source = ? AND document_id IS NOT NULL) "
        "WHERE url = ?",
        [kind, json.dumps(listings), finished, run_id, n_new, n_errors, finished, source, source])


def sources(store) -> list[dict[str, Any]]:
    """Every source with its last round, new documents and errors then, documents so far and next due time."""
    if not _has_sources(store):
        return []
    return store.query(
        "SELECT url, kind, last_round, last_run_id, n_new, n_errors, n_documents, next_due, every_seconds, "
        "(SELECT count(*) FROM source_urls u WHERE u.source = s.url) AS n_seen FROM sources s ORDER BY url")


def provenance(store, document_id: str) -> list[dict[str, Any]]:
    """Every fetch that gave ``document_id``: URL, canonical URL, source, fetch time and HTTP status."""
    if not _has_sources(store):
        return []
    return store.query("SELECT url, final_url, canonical_url, source, fetched, status, authors FROM fetches "
                       "WHERE document_id = ? ORDER BY fetched", [document_id])


def _has_sources(store) -> bool:
    """Whether the database has the live-sources tables (a read-only one may predate them)."""
    return bool(store.con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'sources'").fetchone()[0])
