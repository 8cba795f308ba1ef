"""The ConfliBERT loader and event scorer on an invented corpus and hand-built documents."""
from __future__ import annotations

import pytest

from dyad.document import Actor, Document, Event, Mention, Trigger
from dyad.eval.conflibert import (
    Tally,
    bio_spans,
    join_key,
    load_conflibert,
    score_conflibert,
    score_sentence,
)

NER = """Chilean B-S
troops I-S
attacked O
rebels B-T
in O
Arica O
. O

Peru B-R
and I-R
Bolivia I-R
signed O
a O
deal O
. O

The O
minister O
said O
nothing O
. O
"""
CLASSES = "Chilean troops attacked rebels in Arica.\t4\nPeru and Bolivia signed a deal.\t2\nSomething else entirely.\t0\n"


@pytest.fixture()
def corpus(tmp_path):
    (tmp_path / "cameo_ner_train.txt").write_text(NER, encoding="utf-8")
    (tmp_path / "cameo_class_train.tsv").write_text(CLASSES, encoding="utf-8")
    return tmp_path


def test_loader_rebuilds_text_spans_and_labels(corpus):
    first, second, third = load_conflibert(corpus)
    assert first.text == "Chilean troops attacked rebels in Arica ."
    assert first.token_offsets[:2] == ((0, 7), (8, 14))
    assert first.spans == {"S": ((0, 14),), "T": ((24, 30),)}
    assert second.source_spans == second.target_spans == ((0, 16),)
    assert (first.label, second.label, third.label) == (4, 2, None)
    assert third.spans == {}


def test_loader_limit_and_missing_folder(corpus, tmp_path):
    assert len(load_conflibert(corpus, limit=2)) == 2
    with pytest.raises(FileNotFoundError, match="cameo_ner_train.txt"):
        load_conflibert(tmp_path / "nowhere")


def test_bio_spans_open_a_span_on_a_stray_inside_tag():
    offsets = [(0, 1), (2, 3), (4, 5), (6, 7)]
    assert bio_spans(["I-S", "O", "B-T", "I-S"], offsets) == {"S": ((0, 1), (6, 7)), "T": ((4, 5),)}


def test_join_key_meets_tokenised_text():
    assert join_key("the Croatian governmentʼs request.") == join_key("the Croatian government 's request .")


def event(eid, source, target, root, quad, trigger):
    return Event(eid, source, target, root + "0", root, "x", None, quad, 0.0, "asserted", Trigger(*trigger, "x"), 0)


def make_docs(sentences):
    first, second, third = sentences
    chile = Actor("a1", "Chile", "COUNTRY", mentions=(Mention(8, 14, "troops", "description"),))
    rebels = Actor("a2", "rebels", "GROUP", mentions=(Mention(24, 30, "rebels", "description"),))
    doc1 = Document("1", first.text, actors=(chile, rebels), events=(
        event("e2", "a2", None, "01", 1, (31, 33)),  # a statement by the target: wrong source
        event("e1", "a1", "a2", "19", 4, (15, 23)),
    ))
    peru = Actor("p", "Peru", "COUNTRY", mentions=(Mention(0, 4, "Peru", "name"),))
    bolivia = Actor("b", "Bolivia", "COUNTRY", mentions=(Mention(9, 16, "Bolivia", "name"),))
    doc2 = Document("2", second.text, actors=(peru, bolivia), events=(event("e3", "p", "b", "06", 2, (17, 23)),))
    doc3 = Document("3", third.text)
    return [doc1, doc2, doc3]


def test_score_sentences(corpus):
    sentences = load_conflibert(corpus)
    tally = Tally()
    for doc, gold in zip(make_docs(sentences), sentences):
        score_sentence(doc, gold, tally)
    figures = tally.as_dict()
    assert (figures["sentences"], figures["aligned"]) == (3, 0)
    recall = figures["recall"]
    assert (recall["with_gold_source"], recall["source_hit"], recall["with_gold_target"], recall["target_hit"]) == (2, 2, 2, 2)
    assert (recall["both_hit"], recall["sentences_with_events"]) == (2, 2)
    precision = figures["precision"]
    assert (precision["events"], precision["dyadic_events"], precision["both_ok"]) == (3, 2, 2)
    assert (precision["source_precision"], precision["both_precision_dyadic"]) == (0.667, 1.0)
    classes = figures["class"]
    assert (classes["labelled"], classes["labelled_with_events"]) == (2, 2)
    assert (classes["any_event_agrees"], classes["first_event_agrees"], classes["event_agreement"]) == (1.0, 1.0, 0.667)
    assert classes["confusion"] == {"2->2": 1, "4->4": 1}


def test_a_missed_target_lowers_target_recall(corpus):
    sentences = load_conflibert(corpus)
    doc = Document("1", sentences[0].text, actors=(Actor("a1", "Chile", "COUNTRY", mentions=(Mention(0, 7, "Chilean", "demonym"),)),),
                   events=(event("e1", "a1", None, "19", 4, (15, 23)),))
    tally = Tally()
    score_sentence(doc, sentences[0], tally)
    recall = tally.as_dict()["recall"]
    assert (recall["source_hit"], recall["target_hit"], recall["both_hit"]) == (1, 0, 0)


@pytest.mark.model
def test_real_pipeline_on_two_sentences(tmp_path):
    from dyad.pipeline import Pipeline

    (tmp_path / "cameo_ner_train.txt").write_text(NER.split("\n\nThe")[0] + "\n", encoding="utf-8")
    figures = score_conflibert(Pipeline(monadic=True), load_conflibert(tmp_path))
    assert figures["sentences"] == 2
    assert figures["recall"]["source_hit"] >= 1
    assert figures["class"]["labelled"] == 0  # no class file
