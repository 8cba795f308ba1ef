"""Datelines: the place (and agency, date) that opens a news paragraph, "LUANDA, March 6 —",
"WASHINGTON (AP) —". A pure scan of the text, no parse: the stages use it so a dateline
city is read as a place, never as a person or a speaker."""
from __future__ import annotations

import re
from functools import lru_cache

# A place in capitals at the start of the text or of a paragraph, an optional date or region
# after a comma, an optional agency in brackets, then a dash.
_DATELINE = re.compile(
    r"(?:^|(?<=\n))(?P<place>[A-Z][A-Z.'’-]*(?:[ -][A-Z][A-Z.'’-]*){0,3})"
    r"(?:,[ \t]+[A-Z][\w.'’ ]{0,30}?)?"
    r"(?:[ \t]*\([A-Za-z.&/ ]{1,30}\))?"
    r"[ \t]*(?:—|–|--?)[ \t]"
)


@lru_cache(maxsize=4)
def dateline_places(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the places named in the text's datelines."""
    return tuple(m.span("place") for m in _DATELINE.finditer(text) if len(m.group("place").replace(".", "")) >= 2)


def in_dateline(text: str, char: int) -> bool:
    return any(start <= char < end for start, end in dateline_places(text))
