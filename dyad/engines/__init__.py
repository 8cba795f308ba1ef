"""Engines map chunks of article dicts to outcome dicts; every engine gives the same records.

``local``: multiprocessing on this machine (the pipeline is built once per worker process);
``ingest`` runs it into the DuckDB store (``dyad ingest``).
``spark``: a Spark cluster, Parquet tables out (``dyad.engines.spark``; needs the ``spark`` extra,
imported at the point of use); ``dyad.engines.load`` brings them into the DuckDB store.
"""
from __future__ import annotations

from .local import ChunkResult, LocalEngine, run_chunk

__all__ = ["ChunkResult", "LocalEngine", "run_chunk"]
