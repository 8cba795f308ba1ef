"""Engines map chunks of article dicts to outcome dicts; every engine gives the same records.

``local``: multiprocessing on this machine (the pipeline is built once per worker process).
"""
from __future__ import annotations

from .local import ChunkResult, LocalEngine, run_chunk

__all__ = ["ChunkResult", "LocalEngine", "run_chunk"]
