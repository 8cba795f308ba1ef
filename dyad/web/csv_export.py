"""Events as CSV for /api/events.csv, safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import io
from typing import Iterator

from ..export.csvsafe import safe_cell as _cell

EVENT_COLUMNS = ["date", "source", "trigger", "target", "cameo", "label", "quad_class", "goldstein", "realis",
                 "place", "confidence", "speaker", "title", "published", "document_id", "event_id", "merged_id", "n_sources", "n_domains"]


def csv_rows(rows: list[dict]) -> Iterator[str]:
    """CSV text in pieces; text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    for i, row in enumerate(rows):
        writer.writerow([_cell(row.get(c)) for c in EVENT_COLUMNS])
        if i % 500 == 499:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
