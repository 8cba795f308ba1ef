"""Quotations attributed to resolved speakers."""
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


def test_split_quotation_is_one_quote(extract):
    doc = extract("“We are ready,” Anna Kovac said, “to resume the negotiations next week.”")
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text == "We are ready, to resume the negotiations next week."
    assert speaker_name(doc, direct[0]) == "Anna Kovac"


def test_unattributed_quote_continues_previous_speaker(extract):
    text = "“The border stays open,” Pedro Alves said. “Trucks with food will cross every day.”"
    doc = extract(text)
    assert [speaker_name(doc, q) for q in doc.quotes if q.kind == "direct"] == ["Pedro Alves", "Pedro Alves"]


def test_pronoun_speaker(extract):
    doc = extract("Maria Lopez arrived on Monday. “Nothing has been decided,” she told reporters.")
    assert speaker_name(doc, doc.quotes[0]) == "Maria Lopez"


def test_organisation_speaker(extract):
    doc = extract("“The ceasefire must hold,” Hezbollah said in a statement.")
    assert speaker_name(doc, doc.quotes[0]) == "Hezbollah"


def test_scare_quotes_without_cue_have_no_speaker(extract):
    doc = extract("The so-called “peace plan” was published on Monday.")
    assert doc.quotes[0].kind == "partial" and doc.quotes[0].speaker is None


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


def test_a_thought_is_no_indirect_quotation(extract):
    doc = extract("The minister believes that the talks will fail next week.")
    assert [q for q in doc.quotes if q.kind == "indirect"] == []


def test_a_headline_in_marks_is_not_a_quotation(extract):
    doc = extract("“Peace talks collapse in Doha”\n\nThe talks ended on Monday without agreement, the mediators said.")
    assert all(q.kind != "direct" for q in doc.quotes)
    assert not any("Peace talks collapse" in q.text for q in doc.quotes)


def test_a_quotation_alone_in_its_paragraph_after_a_speaker_is_kept(extract):
    doc = extract("“We will not give up,” the mayor said.\n\n“The city will be rebuilt.”")
    assert [q.text for q in doc.quotes if q.kind == "direct"] == ["We will not give up,", "The city will be rebuilt."]


def test_reported_speech_keeps_its_closing_mark(extract):
    doc = extract("Burton said that cats are “cuties.”")
    indirect = [q for q in doc.quotes if q.kind == "indirect"]
    assert [q.text for q in indirect] == ["cats are “cuties.”"]
    assert doc.text[indirect[0].start:indirect[0].end] == "cats are “cuties.”"
