"""Quotations attributed to resolved speakers, end to end with the model.

The rules are pinned on hand-built parses in ``test_quotes_handmade.py``.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def speaker_name(doc, quote):
    actor = doc.actor(quote.speaker)
    return actor.name if actor else None


def test_direct_quote_with_named_speaker(extract):
    doc = extract("“We will not give up the port,” said Defence Minister Omar Said Khalil.")
    quote = doc.quotes[0]
    assert quote.text == "We will not give up the port,"
    assert quote.kind == "direct" and quote.cue == "said"
    assert speaker_name(doc, quote) == "Omar Said Khalil"


def test_indirect_speech(extract):
    doc = extract("Ines Moreau said that France would send more aid to Lebanon.")
    quote = next(q for q in doc.quotes if q.kind == "indirect")
    assert quote.text == "France would send more aid to Lebanon"
    assert speaker_name(doc, quote) == "Ines Moreau"


def test_event_inside_a_quote_carries_the_speaker(extract):
    doc = extract("“Russia attacked Ukraine again,” Olena Bondar said.")
    attack = next(e for e in doc.events if e.root in ("18", "19"))
    assert doc.actor(attack.speaker).name == "Olena Bondar"


def test_a_dateline_city_is_never_the_speaker(extract):
    doc = extract("LIMA, March 3 — “We will not sign this,” the ministry said in a statement.")
    quote = next(q for q in doc.quotes if q.kind == "direct")
    speaker = doc.actor(quote.speaker)
    assert speaker is None or speaker.kind != "LOCATION"


def test_marks_in_a_thought_are_no_quotation(extract):
    doc = extract("Burton thinks that cats are “cuties.”")
    assert doc.quotes == () and doc.events == ()


def test_a_quotation_alone_in_its_paragraph_after_a_speaker_is_kept(extract):
    doc = extract("“We will not give up,” the mayor said.\n\n“The city will be rebuilt.”")
    assert [q.text for q in doc.quotes if q.kind == "direct"] == ["We will not give up,", "The city will be rebuilt."]



@pytest.mark.parametrize("text, speaker", [
    ("State media reported that troops had crossed the border.", "State media"),
    ("The influential daily wrote that the government had lied.", "influential daily"),
])
def test_an_outlet_that_reports_is_the_speaker(extract, text, speaker):
    doc = extract(text)
    quote = next(q for q in doc.quotes if q.kind == "indirect")
    actor = doc.actor(quote.speaker)
    assert (actor.name, actor.kind, actor.sector) == (speaker, "GROUP", "MED")
