"""CSV cells a spreadsheet will not run as formulas, for every CSV dyad writes (CLI and web)."""
from __future__ import annotations

from typing import Any

# A cell starting with one of these is a formula (or a DDE command) to Excel, LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` for a CSV cell: None is empty, a text cell a spreadsheet would run as a formula gets a
    leading apostrophe (OWASP's advice: shown, not run), numbers and other text stay as they are."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value
