"""Precision on news copy: states are not events, page furniture yields none, leaving an accord is
reduced relations, and events with no actor target come out under --monadic."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def monadic():
    from dyad.pipeline import Pipeline

    return Pipeline(monadic=True)


def _events(pipeline, text):
    doc = pipeline.extract(text, published="2024-03-06")
    names = {a.id: a.name for a in doc.actors}
    return [(e.cameo, e.trigger.text, names.get(e.source), names.get(e.target)) for e in doc.events]


def test_a_possession_is_not_an_event(monadic):
    assert _events(monadic, "The U.S. has a maritime security agreement with Britain.") == []


def test_furniture_lines_and_a_repeated_headline_yield_nothing(monadic):
    text = ("Chile recalls envoy to Peru\nChile recalls envoy to Peru\nRelated: Chile recalls envoy to Peru\n"
            "By Ana Ruiz, Santiago\nPhoto: Chile recalls envoy to Peru\nPeru condemned Chile.")
    codes = [e[0] for e in _events(monadic, text)]
    assert len(codes) == 2  # the headline once, and the condemnation


@pytest.mark.parametrize("text", ["Canada pulled out of the fishing accord in 2019.",
                                  "Norway withdrew from the climate agreement on Monday.",
                                  "Chile announced its withdrawal from the trade pact."])
def test_leaving_an_accord_is_reduced_relations_by_the_country(monadic, text):
    events = _events(monadic, text)
    assert events and events[0][0].startswith("16") and events[0][2] in ("Canada", "Norway", "Chile")
    assert events[0][3] is None


def test_an_attack_by_unknown_gunmen_is_monadic_with_date_and_place(monadic):
    doc = monadic.extract("Unknown gunmen attacked a checkpoint in Kano on Tuesday.", published="2024-03-06")
    [event] = doc.events
    assert event.root == "19" and event.target is None and event.date == "2024-03-05" and event.place is not None
