"""The hand-built Doc helper (``tests/handmade.py``) and its writer, ``tools/doc_table.py``."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from tests.handmade import blank_english, doc_from_table, doc_table_tool, run_stages

TWO_PARAGRAPHS = r'''
# “We will not give up,” the mayor said.\n\n“The city will be rebuilt.”
# i  word     tag  pos    dep        head  lemma    ent  ws
 >0  “        ``   PUNCT  punct      10    "        O    0
  1  We       PRP  PRON   nsubj      4     we       O    1
  2  will     MD   AUX    aux        4     will     O    1
  3  not      RB   PART   neg        4     not      O    1
  4  give     VB   VERB   ccomp      10    give     O    1
  5  up       RP   ADP    prt        4     up       O    0
  6  ,        ,    PUNCT  punct      10    ,        O    0
  7  ”        ''   PUNCT  punct      10    "        O    1
  8  the      DT   DET    det        9     the      O    1
  9  mayor    NN   NOUN   nsubj      10    mayor    O    1
 10  said     VBD  VERB   ROOT       10    say      O    0
 11  .        .    PUNCT  punct      10    .        O    0
 12  \n\n     _SP  SPACE  dep        11    \n\n     O    0
>13  “        ``   PUNCT  punct      18    "        O    0
 14  The      DT   DET    det        15    the      O    1
 15  city     NN   NOUN   nsubjpass  18    city     O    1
 16  will     MD   AUX    aux        18    will     O    1
 17  be       VB   AUX    auxpass    18    be       O    1
 18  rebuilt  VBN  VERB   ROOT       18    rebuild  O    0
 19  .        .    PUNCT  punct      18    .        O    0
 20  ”        ''   PUNCT  punct      18    "        O    0
'''

ATTRS = ("text", "whitespace_", "tag_", "pos_", "dep_", "lemma_", "ent_iob_", "ent_type_", "is_sent_start")


def annotations(doc):
    return [tuple(getattr(tok, a) for a in ATTRS) + (tok.head.i,) for tok in doc]


def test_a_table_gives_words_whitespace_tree_entities_and_sentences():
    doc = doc_from_table(TWO_PARAGRAPHS)
    assert doc.text == "“We will not give up,” the mayor said.\n\n“The city will be rebuilt.”"
    assert [s.text for s in doc.sents] == ["“We will not give up,” the mayor said.\n\n", "“The city will be rebuilt.”"]
    assert (doc[9].dep_, doc[9].head.text, doc[18].lemma_, doc[12].pos_) == ("nsubj", "said", "rebuild", "SPACE")
    assert doc.vocab is blank_english().vocab


def test_the_writer_and_the_reader_agree():
    words = ["Ana", "Lopez", "met", "Kenya", "'s", "envoy", "\\", ".", "\n\n", "Ok", "."]
    doc = Doc(blank_english().vocab, words=words, spaces=[True, True, True, False, True, True, False, False, False, False, False],
              tags=["NNP", "NNP", "VBD", "NNP", "POS", "NN", "SYM", ".", "_SP", "UH", "."],
              pos=["PROPN", "PROPN", "VERB", "PROPN", "PART", "NOUN", "SYM", "PUNCT", "SPACE", "INTJ", "PUNCT"],
              deps=["compound", "nsubj", "ROOT", "poss", "case", "dobj", "punct", "punct", "dep", "ROOT", "punct"],
              heads=[1, 2, 2, 5, 3, 2, 2, 2, 7, 9, 9],
              lemmas=["Ana", "Lopez", "meet", "Kenya", "'s", "envoy", "\\", ".", "\n\n", "ok", "."],
              ents=["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O", "O", "O", "O", "O"])
    table = doc_table_tool().format_table(doc)
    assert "\\n\\n" in table and "\\\\" in table
    assert annotations(doc_from_table(table)) == annotations(doc)


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace(">13", " 13"), "token 13 ('“'): the table does not mark a sentence start there, the tree does"),
    (lambda t: t.replace(" 14  The", ">14  The"), "token 14 ('The'): the table marks a sentence start there, the tree does not"),
    (lambda t: t.replace("rebuild  O    0", "rebuild  O    2"), "ws must be 0 or 1"),
    (lambda t: t.replace("ROOT       18", "ROOT       21"), "head 21 is outside the Doc of 21 tokens"),
    (lambda t: t.replace(" 16  will", " 17  will"), "token index '17', expected 16"),
    (lambda t: t.replace("mayor    O    1", "mayor    1"), "expected 9 cells"),
    (lambda t: t.replace("\\n\\n     O", "\\q     O"), "unknown escape \\q"),
])
def test_a_bad_table_names_the_row(edit, message):
    with pytest.raises(ValueError) as err:
        doc_from_table(edit(TWO_PARAGRAPHS))
    assert message in str(err.value)


def test_stages_run_on_a_hand_built_doc():
    doc = run_stages(doc_from_table(TWO_PARAGRAPHS))
    assert [(q.text, q.cue, q.speaker_text) for q in doc.quotes] == [
        ("We will not give up,", "said", "the mayor"), ("The city will be rebuilt.", None, None)]
    assert doc.published == "2024-03-06" and len(doc.sentences) == 2


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Serbia refused to meet Kosovo in Brussels.",
    "The United States warned Iran on Monday. U.S. officials said Washington would act.",
    "“We will attack Israel if the siege continues,” said Ismail Radwan, a spokesman for Hamas.",
    "Lena Marsh spoke on Monday. Her reply:\n\n“Nobody expected sun in May.”",
])
def test_a_frozen_parse_gives_what_the_pipeline_gives(pipeline, text):
    """``run_stages`` follows ``Pipeline._document``: on the model's own parse, frozen into a
    table and read back, it returns the same actors, events and quotes."""
    tool = doc_table_tool()
    table = tool.format_table(tool.parse(text))
    frozen = run_stages(doc_from_table(table), published="2024-03-06", learned=True).to_dict()
    live = pipeline.extract(text, published="2024-03-06").to_dict()
    for key in ("id", "meta", "title", "url", "removed"):
        frozen.pop(key), live.pop(key)
    assert frozen == live
