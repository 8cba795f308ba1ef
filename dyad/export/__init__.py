"""Exports of a dyad database: jsonl, parquet, gdelt (CSV), plover (JSON lines), graphml."""
from __future__ import annotations

from pathlib import Path

from ..errors import BadOption

FORMATS = ["jsonl", "parquet", "gdelt", "plover", "graphml"]


def export(store, output_format: str, path: str | Path) -> int:
    """Write ``store`` as ``output_format`` to ``path``; return the number of records written."""
    if output_format not in FORMATS:
        raise BadOption("--format", output_format, FORMATS)
    if output_format == "jsonl":
        from .jsonl import export_jsonl as run
    elif output_format == "parquet":
        from .parquet import export_parquet as run
    elif output_format == "gdelt":
        from .gdelt import export_gdelt as run
    elif output_format == "plover":
        from .plover import export_plover as run
    else:
        from .graphml import export_graphml as run
    return run(store, Path(path))


__all__ = ["FORMATS", "export"]
