"""The scorer on hand-built documents (no model)."""
from __future__ import annotations

from dyad.document import Actor, Document, Event, Mention, Quote, Trigger
from dyad.eval.scorer import Report, score_document

TEXT = "Chile hosted Peru. “We agree,” Ana Ruiz said."
GOLD = {
    "text": TEXT,
    "actors": [{"name": "Chile"}, {"name": "Peru"}, {"name": "Ana Ruiz", "aliases": ["Ruiz"]}],
    "events": [{"source": "Chile", "target": "Peru", "root": "04", "realis": "asserted"}],
    "quotes": [{"text": "We agree", "speaker": "Ana Ruiz"}],
}


def make_doc(event_target="a2", speaker="a3", extra_actor=False):
    actors = [
        Actor("a1", "Chile", "COUNTRY", mentions=(Mention(0, 5, "Chile", "name"),)),
        Actor("a2", "Peru", "COUNTRY", mentions=(Mention(13, 17, "Peru", "name"),)),
        Actor("a3", "Ana Ruiz", "PERSON", mentions=(Mention(31, 39, "Ana Ruiz", "name"),)),
    ]
    if extra_actor:
        actors.append(Actor("a4", "Lima", "LOCATION", mentions=(Mention(0, 1, "x", "name"),)))
        actors.append(Actor("a5", "Nobody", "PERSON", mentions=(Mention(0, 1, "y", "name"),)))
    event = Event("e1", "a1", event_target, "043", "04", "Host a visit", "CONSULT", 1, 2.8, "asserted",
                  Trigger(6, 12, "hosted"), 0)
    quote = Quote("q1", "We agree,", 20, 29, "direct", "said", speaker, "Ana Ruiz")
    return Document("d", TEXT, actors=tuple(actors), events=(event,), quotes=(quote,))


def test_perfect_document():
    report = Report()
    score_document(make_doc(), GOLD, report)
    figures = report.as_dict()
    assert figures["actors"]["f1"] == 1.0
    assert figures["events"]["f1"] == 1.0
    assert figures["quotes_with_speaker"]["f1"] == 1.0
    assert figures["event_realis_accuracy"] == 1.0


def test_wrong_target_and_speaker_are_errors():
    report = Report()
    score_document(make_doc(event_target="a3", speaker=None), GOLD, report)
    assert (report.events.tp, report.events.fp, report.events.fn) == (0, 1, 1)
    assert (report.quotes.tp, report.quote_speakers.tp, report.quote_speakers.fn) == (1, 0, 1)


def test_locations_are_not_scored_but_unknown_actors_are():
    report = Report()
    score_document(make_doc(extra_actor=True), GOLD, report)
    assert (report.actors.tp, report.actors.fp, report.actors.fn) == (3, 1, 0)


def test_a_quotation_matching_no_gold_quotation_counts_against_precision_however_short():
    from dataclasses import replace
    doc = make_doc()
    short = Quote("q2", "hosted", 6, 12, "partial", None, None, None)  # a scare quote, say
    longer = Quote("q3", "Chile hosted Peru today", 0, 17, "direct", None, None, None)
    for extra in (short, longer):
        report = Report()
        score_document(replace(doc, quotes=doc.quotes + (extra,)), GOLD, report)
        assert (report.quotes.fp, report.quote_speakers.fp) == (1, 1)
