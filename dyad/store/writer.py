"""The single writer's side of an ingest: which inputs are new, and outcomes written as whole documents.

Ids are content hashes, so a re-run adds nothing and a run restarted after a kill finishes with
the records of an uninterrupted one: every chunk's documents are committed in one transaction.
An engine (``dyad.engines``) computes the outcomes; this module only decides what is new and writes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..ingest import Article, ReadError
from .rows import document_rows, input_hash
from .store import Store, pipeline_error_row, read_error_row


@dataclass(frozen=True)
class ChunkCounts:
    documents: int   # new documents written
    duplicates: int  # new inputs whose cleaned text was already stored
    errors: int      # pipeline failures


class DocumentWriter:
    """Skips inputs already stored or in flight, holds each new article until its outcome comes back,
    and writes a chunk's documents, with the read errors seen meanwhile, in one transaction."""

    def __init__(self, store: Store, run_id: int) -> None:
        self.store = store
        self.run_id = run_id
        self.stored_inputs = store.ids("inputs", "input_hash")
        self.stored_documents = store.ids("documents", "id")
        self.in_flight: set[str] = set()
        self.held: dict[str, Article] = {}  # input hash -> article, only while its chunk is in flight
        self.read_errors: list[dict[str, Any]] = []

    def add_read_error(self, error: ReadError) -> None:
        """Kept until the next write, so it commits with a chunk's documents."""
        self.read_errors.append(read_error_row(error, run_id=self.run_id))

    def admit(self, article: Article) -> str | None:
        """The article's input hash, the article held until its outcome is written; None when the same
        raw text is stored or already in flight (nothing to do)."""
        key = input_hash(article.text)
        if key in self.stored_inputs or key in self.in_flight:
            return None
        self.in_flight.add(key)
        self.held[key] = article
        return key

    def write_outcomes(self, outcomes: list[dict[str, Any]]) -> ChunkCounts:
        """One chunk's outcomes (``{"key", "document"}`` or ``{"key", "error"}``) in one transaction."""
        pending_read_errors = len(self.read_errors)
        rows, errors, new_documents, duplicates = self._rows_of(outcomes)
        self.store.write(rows, self.read_errors[:pending_read_errors] + errors)
        del self.read_errors[:pending_read_errors]
        for outcome in outcomes:
            self.in_flight.discard(outcome["key"])
            if "error" not in outcome:
                self.stored_inputs.add(outcome["key"])
        self.stored_documents.update(new_documents)
        return ChunkCounts(documents=len(new_documents), duplicates=duplicates, errors=len(errors))

    def finish(self) -> None:
        """Write the read errors no chunk carried (e.g. after the last one)."""
        if self.read_errors:
            self.store.write({}, self.read_errors)
            self.read_errors = []

    def _rows_of(self, outcomes: list[dict[str, Any]]) -> tuple[dict[str, list[dict]], list[dict], list[str], int]:
        rows: dict[str, list[dict[str, Any]]] = {}
        errors: list[dict[str, Any]] = []
        new_documents: list[str] = []
        duplicates = 0
        for outcome in outcomes:
            article = self.held.pop(outcome["key"])
            if "error" in outcome:
                errors.append(pipeline_error_row(outcome["error"], run_id=self.run_id, origin=article.origin))
                continue
            doc = outcome["document"]
            if doc["id"] in self.stored_documents or doc["id"] in new_documents:
                duplicates += 1
                rows.setdefault("inputs", []).append({"input_hash": outcome["key"], "document_id": doc["id"]})
                continue
            new_documents.append(doc["id"])
            for table, table_rows in document_rows(doc, source_id=article.id, origin=article.origin,
                                                   file_format=article.format, input_hash=outcome["key"]).items():
                rows.setdefault(table, []).extend(table_rows)
        return rows, errors, new_documents, duplicates
