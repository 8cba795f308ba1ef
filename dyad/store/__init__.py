"""The DuckDB corpus store: schema migrations, the single writer, merging and queries."""
from __future__ import annotations

from .store import Store, error_row
from .writer import IngestReport, ingest

__all__ = ["Store", "error_row", "IngestReport", "ingest"]
