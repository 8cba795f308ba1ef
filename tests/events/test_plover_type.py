"""PLOVER returns one category, not a category plus a mode (PLOVER manual, AGREE and THREATEN)."""
from __future__ import annotations

import pytest

from dyad.events.cameo import lookup, plover_type


@pytest.mark.parametrize(("cameo", "realis", "plover"), [
    ("070", "intended", "AGREE"),       # "will provide food aid": future aid is an agreement
    ("051", "intended", "AGREE"),       # "will support the resolution"
    ("040", "intended", "AGREE"),       # "will meet": future consultation
    ("070", "asserted", "AID"),
    ("0831", "intended", "CONCEDE"),    # future concessions and retreats stay as they are
    ("172", "intended", "THREATEN"),    # "plans to impose restrictions"
    ("190", "hypothetical", "THREATEN"),  # "will strike if talks fail"
    ("190", "asserted", "ASSAULT"),
    ("190", "negated", "ASSAULT"),
    ("143", "intended", "THREATEN"),    # "said they would boycott": a threatened restriction
    ("141", "intended", "PROTEST"),     # a march to come is still a protest
    ("030", "intended", "AGREE"),
    ("020", "requested", "REQUEST"),
])
def test_future_cooperation_is_agree_and_announced_force_is_threaten(cameo, realis, plover):
    assert plover_type(lookup(cameo), realis) == plover
