"""Datelines found on plain text (no model)."""
from __future__ import annotations

import pytest

from dyad.datelines import dateline_places, in_dateline


@pytest.mark.parametrize("text, places", [
    ("LUANDA, March 6 — Brazil's minister arrived.", ["LUANDA"]),
    ("WASHINGTON (AP) — The president said.", ["WASHINGTON"]),
    ("UNITED NATIONS (Reuters) - The council met.", ["UNITED NATIONS"]),
    ("First paragraph.\n\nNEW YORK -- Markets fell.", ["NEW YORK"]),
    ("The U.S. — and its allies — said so.", []),  # not at a paragraph start in capitals
    ("I — we — they.", []),  # one letter is no place
    ("Kabul — the capital.", []),  # not in capitals
])
def test_dateline_places(text, places):
    assert [text[s:e] for s, e in dateline_places(text)] == places


def test_in_dateline():
    text = "LONDON — Britain warned Iran."
    assert in_dateline(text, 0) and in_dateline(text, 5) and not in_dateline(text, 9)
