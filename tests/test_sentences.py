"""Lookups computed once per Doc (hand-built Docs, no model)."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyad.sentences import entities, entities_between, entity_at


def _doc() -> Doc:
    words = ["Russia", "met", "Ukraine", "in", "Geneva", ".", "Ana", "Ruiz", "spoke", "."]
    heads = [1, 1, 1, 1, 3, 1, 7, 8, 8, 8]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "compound", "nsubj", "ROOT", "punct"]
    ents = ["B-GPE", "O", "B-GPE", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O"]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, ents=ents)


def test_entities_are_the_docs_entities_built_once():
    doc = _doc()
    assert [e.text for e in entities(doc)] == [e.text for e in doc.ents]
    assert entities(doc) is entities(doc)


def test_entities_between_match_span_ents():
    doc = _doc()
    for sent in doc.sents:
        assert [e.text for e in entities_between(doc, sent.start, sent.end)] == [e.text for e in sent.ents]
    assert [e.text for e in entities_between(doc, 1, 5)] == ["Ukraine", "Geneva"]


def test_entity_at():
    doc = _doc()
    assert entity_at(doc[7]).text == "Ana Ruiz"
    assert entity_at(doc[1]) is None
