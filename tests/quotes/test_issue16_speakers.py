"""Issue 16 with the model: a quotation cut by its attribution sentence is one quotation,
titles after a possessive pronoun or "an episode of" are no quotation, an apposition names
the speaker over a possessor, and a speaker "she" is never a man the article calls "Mr."
Sentences written for these tests."""
from __future__ import annotations

import pytest

from dyad.quotes.marks import find_quote_spans, merge_split

pytestmark = pytest.mark.model


def speaker_name(doc, quote):
    actor = doc.actor(quote.speaker)
    return actor.name if actor is not None else None


def test_a_quotation_run_on_after_its_attribution_sentence_is_one():
    text = "“We are ready to talk,” Ana Ruiz told reporters. “We have waited long enough.”"
    spans = merge_split(find_quote_spans(text)[0], text)
    assert len(spans) == 1 and len(spans[0].pieces) == 2


def test_two_sentences_between_quotations_keep_them_apart():
    text = "“We are ready to talk,” Ana Ruiz said. Then the crowd left. “We have waited long enough.”"
    assert len(merge_split(find_quote_spans(text)[0], text)) == 2


def test_the_run_on_quotation_has_the_first_piece_s_speaker(extract):
    doc = extract("“We are ready to talk,” Ana Ruiz told reporters in Lima. “We have waited long enough.”")
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert "waited long enough" in direct[0].text and speaker_name(doc, direct[0]) == "Ana Ruiz"


@pytest.mark.parametrize("text", [
    "Tom Weber took calls from listeners on his “Talk Back Tonight” programme.",
    "Ana Ruiz appeared on an episode of “Meet The Voters” last week.",
])
def test_a_title_after_a_possessive_or_an_episode_is_no_quotation(extract, text):
    assert [q for q in extract(text).quotes if q.kind != "indirect"] == []


def test_an_apposition_names_the_speaker_over_the_possessor(extract):
    doc = extract("Ana Ruiz's brother, Luis Ortega, said that the family had been threatened twice.")
    quote = next(q for q in doc.quotes if q.kind == "indirect")
    assert speaker_name(doc, quote) == "Luis Ortega"


def test_she_is_not_the_man_the_article_calls_mr(extract):
    doc = extract("Mrs. Ana Ruiz met Mr. Tom Weber at the rally, where Weber spoke first. "
                  "“We will win this district,” she said.")
    quote = next(q for q in doc.quotes if q.kind == "direct")
    assert "Ana Ruiz" in speaker_name(doc, quote)
