"""Events without an actor argument (issue 15 item 5): with --monadic, violence and protest at a named
place are kept with both sides null, their date and place; without a place finer than a country, or
without --monadic, they are not events."""
from __future__ import annotations

import pytest

from dyad.pipeline import Pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def monadic():
    return Pipeline(monadic=True)


def coded(doc):
    return [(e.cameo, e.trigger.text, e.source, e.target, e.date, e.place.name if e.place else None) for e in doc.events]


def test_a_car_bomb_with_no_one_named_is_kept_with_its_place_and_date(monadic):
    doc = monadic.extract("A car bomb exploded in Mosul on Friday.", published="2025-03-18")
    assert coded(doc) == [("1832", "bomb", None, None, "2025-03-14", "Mosul")]


def test_protests_at_a_named_city_are_kept(monadic):
    doc = monadic.extract("Protests broke out in Benghazi on Monday.", published="2025-03-18")
    assert coded(doc) == [("141", "Protests", None, None, "2025-03-17", "Benghazi")]


def test_a_war_named_as_a_topic_or_placed_only_in_a_country_is_no_event(monadic):
    assert coded(monadic.extract("The war in Syria has lasted for years.", published="2025-03-18")) == []


def test_without_monadic_an_actorless_happening_is_not_coded(pipeline):
    assert coded(pipeline.extract("A car bomb exploded in Mosul on Friday.", published="2025-03-18")) == []


def test_an_act_of_force_told_by_a_participle_with_no_subject_of_its_own_is_kept(monadic):
    doc = monadic.extract("A suicide bomber blew himself up on a bus in Jerusalem, killing 11 and wounding 24 others.",
                          published="2025-03-18")
    assert any(e.trigger.text == "wounding" for e in doc.events)


def test_coercion_with_no_one_named_is_kept_told_by_a_verb(monadic):
    doc = monadic.extract("Ten houses were torched in the village of Kadugli.", published="2025-03-18")
    assert [e.trigger.text for e in doc.events] == ["torched"]
