"""Reading the editable TSV data files in ``dyad/data/`` with ``file:line`` errors."""
from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .errors import DataFileError

DATA_DIR = Path(str(resources.files("dyad") / "data"))


def data_path(name: str) -> Path:
    return DATA_DIR / name


def read_tsv(path: str | Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for each data row; ``#`` lines are comments.

    Raises DataFileError naming ``file:line`` for a missing column or a short row.
    """
    path = Path(path)
    try:
        if path.suffix == ".gz":  # a large generated table ships compressed (phoenix_actors.tsv.gz)
            handle = gzip.open(path, "rt", encoding="utf-8", newline="")
        else:
            handle = path.open(encoding="utf-8", newline="")
    except OSError as err:
        raise DataFileError(str(path), 0, f"cannot open ({err.strerror})") from err
    with handle:
        lines = ((n, line) for n, line in enumerate(handle, start=1))
        header: list[str] | None = None
        for lineno, line in lines:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in required if c not in header]
                if missing:
                    raise DataFileError(str(path), lineno, f"header lacks column(s) {', '.join(missing)}")
                continue
            if len(cells) > len(header):
                raise DataFileError(str(path), lineno, f"{len(cells)} cells, header has {len(header)}")
            cells += [""] * (len(header) - len(cells))
            row = {k: v.strip() for k, v in zip(header, cells)}
            for column in required[:1]:
                if not row[column]:
                    raise DataFileError(str(path), lineno, f"empty {column!r}")
            yield lineno, row


def split_multi(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]
