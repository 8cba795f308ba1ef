"""Event places through the model (issue 15): what one act's pairs share, and seas that no one
country holds."""
from __future__ import annotations

import pytest

from dyad.events.places import load_gazetteer

pytestmark = pytest.mark.model


def test_every_pair_of_one_act_shares_its_place(pipeline):
    doc = pipeline.extract("Qatar will host talks between Israel and Hamas in Doha on Monday.", published="2025-03-18")
    hosts = [e for e in doc.events if e.trigger.text == "host"]
    assert hosts and {e.place.name if e.place else None for e in hosts} == {"Doha"}


def test_a_sea_several_countries_border_has_no_country():
    gazetteer = load_gazetteer()
    assert gazetteer.geocode("South China Sea").country is None
    assert gazetteer.geocode("Red Sea").precision == "region"
    assert gazetteer.geocode("Gaza Strip").country == "PSE"
