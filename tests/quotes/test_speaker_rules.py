"""Speaker attribution rules: fronted and inverted verbs, attribution sentences cut off by the
sentence splitter, quotations that continue a reported speaker, colons, described speakers.
End to end with the model; the rules covered by ``test_quotes_handmade.py`` are pinned there."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def speaker_name(doc, quote):
    return doc.actor(quote.speaker).name if quote.speaker else None


def speakers(doc, kind="direct"):
    return [(doc.actor(q.speaker).name if q.speaker else None) for q in doc.quotes if q.kind == kind]


# ---------------------------------------------------------------- verbs that only carry a quotation

def test_continued_attributes_a_quotation(extract):
    doc = extract("Mara Quill said the talks would resume. “We are not finished,” she continued.")
    assert [q.cue for q in doc.quotes if q.kind == "direct"] == ["continued"]
    assert speakers(doc) == ["Mara Quill"]


def test_a_quotation_run_on_after_said_is_one_quotation(extract):
    # “A,” X said. “B,” she continued. is one statement cut by its attribution
    doc = extract("“The talks will resume,” Mara Quill said. “We are not finished,” she continued.")
    assert speakers(doc) == ["Mara Quill"]


def test_continue_with_a_complement_is_not_a_cue(extract):
    doc = extract("Mara Quill said she is certain Tomas Verly will continue to be “a champion for farmers.”")
    quote = next(q for q in doc.quotes if q.kind == "partial")
    assert quote.cue == "said"
    assert doc.actor(quote.speaker).name == "Mara Quill"


# ---------------------------------------------------------------- inverted subjects

def test_fronted_verb_before_a_colon(extract):
    doc = extract("Tomas Verly spoke at length.\n\nContinued Verly: “So I think it is a real problem.”")
    assert speakers(doc) == ["Tomas Verly"]


def test_object_of_a_later_verb_is_not_an_inverted_subject(extract):
    doc = extract("“We will win,” she said. The council added a clause.")
    assert doc.quotes[0].speaker_text == "she"


# ---------------------------------------------------------------- attribution sentence cut off

def test_attribution_after_a_nested_quotation(extract):
    text = ("“She told us that ‘I know the difference between winning and losing, and I want to win,’” "
            "Rep. Tomas Verly (D-Ore.) said.")
    doc = extract(text)
    assert doc.quotes[0].cue == "said"
    assert speakers(doc) == ["Tomas Verly"] or speakers(doc) == ["Rep. Tomas Verly"]


# ---------------------------------------------------------------- continuation of a reported speaker

def test_quotation_after_a_reporting_sentence_continues_its_speaker(extract):
    text = ("Tomas Verly arrived late. Critics should stop using words like “maybe”, he told reporters.\n\n"
            "“This is extremely irresponsible.”")
    doc = extract(text)
    assert speakers(doc) == ["Tomas Verly"]


def test_the_main_reporting_verb_gives_the_speaker(extract):
    text = "Tomas Verly said that for years some critics had predicted a withdrawal.\n\n“That is not going to happen.”"
    doc = extract(text)
    assert speakers(doc) == ["Tomas Verly"]


# ---------------------------------------------------------------- colons

def test_subject_of_the_sentence_a_colon_ends(extract):
    text = "When the judge retired, Governor Lena Marsh released the following statement:\n\n“We thank him for his service.”"
    doc = extract(text)
    assert speakers(doc) == ["Lena Marsh"]


def test_colon_after_a_sentence_without_an_actor(extract):
    doc = extract("Lena Marsh left early. The weather then turned cold:\n\n“Nobody expected snow in May.”")
    assert speakers(doc) == [None]


# ---------------------------------------------------------------- described speakers

def test_modified_title_names_the_person_just_named(extract):
    text = "Lena Marsh spoke on Tuesday. “It was an honour,” the billionaire businessman said."
    doc = extract(text)
    assert speakers(doc) == ["Lena Marsh"]
    marsh = doc.actor(doc.quotes[0].speaker)
    assert any(m.text == "businessman" and m.via == "description" for m in marsh.mentions)


@pytest.mark.parametrize("description", ["the other senator", "the Acme Corp spokesman"])
def test_described_speaker_that_is_someone_else(extract, description):
    doc = extract(f"Lena Marsh spoke on Tuesday. “It was an honour,” {description} said.")
    assert speakers(doc) != ["Lena Marsh"]


def test_a_name_inside_a_quotation_is_not_the_described_speaker(extract):
    text = ("Ari Vell, one of the authors, spoke on Monday. "
            "“Certainly Tomas Verly has gone the other way,” said the former top aide to the governor.")
    doc = extract(text)
    assert speakers(doc) == ["Ari Vell"]


# ---------------------------------------------------------------- short quotations

def test_quotation_after_a_speech_act_is_its_speakers(extract):
    doc = extract("Ari Vell praised the governor’s leadership after the storm.\n\n"
                  "“We need someone who is going to cut through the noise.”")
    assert speakers(doc) == ["Ari Vell"]


def test_a_name_before_a_colon_beats_the_previous_speaker(extract):
    text = ("“The polls closed too early,” said Ari Vell.\n\n"
            "Others agree - Lena Marsh: “One lesson was simple: keep calling voters.”")
    doc = extract(text)
    assert speakers(doc) == ["Ari Vell", "Lena Marsh"]
    assert doc.quotes[1].speaker_text == "Lena Marsh"


def test_words_quoted_inside_reported_speech_are_the_reporters_source(extract):
    doc = extract("Talia Brennan, the minister, met Ghana's envoy on Monday. She pointed out that the two countries "
                  "are old partners and that their cooperation is \u201cnot a recent thing.\u201d Ghana has "
                  "maintained close ties with the ministry since 2006.")
    partial = next(q for q in doc.quotes if q.text.startswith("not a recent"))
    assert speaker_name(doc, partial) == "Talia Brennan"


def test_a_verb_of_saying_with_a_plain_object_is_no_cue(extract):
    doc = extract("\u201cWe will not give up,\u201d the union said. Kenya has maintained close ties with the union since 2010.")
    assert [q.cue for q in doc.quotes if q.kind == "direct"] == ["said"]


def test_a_question_asked_by_someone_is_theirs(extract):
    doc = extract("Senator Hal Pruitt was asked by host Mara Quinlan, \u201cWill you run again next year?\u201d")
    question = next(q for q in doc.quotes if q.kind == "direct")
    assert speaker_name(doc, question) == "Mara Quinlan"


# ---------------------------------------------------------------- someone's words, "put it", new verbs

@pytest.mark.parametrize("text, name", [
    ("Senator Mara Quill spoke to farmers on Monday. In Quill's words, “The harvest will decide this election.”", "Mara Quill"),
    ("In the words of Governor Lena Marsh, “Farming is a long game.”", "Lena Marsh"),
    ("Lena Marsh spoke on Monday. Her reply:\n\n“Nobody expected sun in May.”", "Lena Marsh"),
])
def test_a_quotation_after_a_noun_for_someones_words_is_theirs(extract, text, name):
    doc = extract(text)
    assert speakers(doc) == [name]


def test_a_noun_for_words_without_an_owner_gives_no_speaker(extract):
    doc = extract("Lena Marsh left early. The official reply:\n\n“Nobody expected sun in May.”")
    assert speakers(doc) == [None]


def test_as_someone_put_it(extract):
    doc = extract("Governor Lena Marsh toured the plant on Monday.\n\nAs Marsh put it, “We are building something that lasts.”")
    assert [q.cue for q in doc.quotes] == ["put it"]
    assert speakers(doc) == ["Lena Marsh"]


def test_putting_something_somewhere_is_no_cue(extract):
    doc = extract("Lena Marsh put it on the table and left. “That is all,” the clerk said.")
    assert [q.cue for q in doc.quotes] == ["said"]
    assert speakers(doc) == [None]


def test_subject_of_a_copula_before_a_colon(extract):
    doc = extract("Here is Governor Lena Marsh in 1998: “Nobody will remember this tax in ten years.”")
    assert speakers(doc) == ["Lena Marsh"]


def test_copula_before_a_colon_without_an_actor(extract):
    doc = extract("Lena Marsh spoke on Monday. The weather was clear in the morning:\n\n“Nobody expected sun in May.”")
    assert speakers(doc) == [None]


@pytest.mark.parametrize("text, cue", [
    ("Asked about the merger, Mara Quill demurred: “I cannot talk about that.”", "demurred"),
    ("“Who will pay for it?” Mara Quill wondered.", "wondered"),
])
def test_more_verbs_carry_a_quotation(extract, text, cue):
    doc = extract(text)
    assert [q.cue for q in doc.quotes] == [cue]
    assert speakers(doc) == ["Mara Quill"]


def test_a_quotation_after_a_speculating_sentence_is_its_speakers(extract):
    doc = extract("Governor Lena Marsh speculated that the vote would slip.\n\n“It could be weeks before we know.”")
    assert speakers(doc) == ["Lena Marsh"]


def test_a_cue_in_the_quotations_own_sentence_beats_one_in_the_next(extract):
    doc = extract("On Monday, Lena Marsh said, “I never promised a new bridge.” Asked whether the plan "
                  "would pass, Mara Quill replied, “Maybe in the spring.”")
    assert [q.cue for q in doc.quotes if q.kind == "direct"] == ["said", "replied"]
    assert speakers(doc) == ["Lena Marsh", "Mara Quill"]


def test_a_cue_opening_the_next_sentence_still_serves_a_quotation_without_one(extract):
    doc = extract("“I never promised a new bridge.” Said Lena Marsh on Monday.")
    assert speakers(doc) == ["Lena Marsh"]
