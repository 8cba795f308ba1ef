"""The DuckDB corpus store: schema migrations, the single writer, merging and queries.

Running the pipeline into it is an engine's job: ``dyad.engines.ingest``."""
from __future__ import annotations

from .store import Store, error_row
from .writer import DocumentWriter

__all__ = ["Store", "error_row", "DocumentWriter"]
