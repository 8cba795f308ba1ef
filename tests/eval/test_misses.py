"""The failure classifier for gold event misses (dyad/eval/misses.py) on hand-built parses."""
from __future__ import annotations

from dyad.eval.misses import FN_CAUSES, FP_CAUSES, MissTable, classify, fn_cause, fp_cause, trace_events, trigger_spans
from dyad.events import learned
from tests.handmade import _kb_and_lexicon, actor_index, doc_from_table, run_stages

HOSTED = r'''
# Chile hosted Peru. Chile hosted talks.
# i  word    tag  pos    dep    head  lemma   ent    ws
 >0  Chile   NNP  PROPN  nsubj  1     Chile   B-GPE  1
  1  hosted  VBD  VERB   ROOT   1     host    O      1
  2  Peru    NNP  PROPN  dobj   1     Peru    B-GPE  0
  3  .       .    PUNCT  punct  1     .       O      1
 >4  Chile   NNP  PROPN  nsubj  5     Chile   B-GPE  1
  5  hosted  VBD  VERB   ROOT   5     host    O      1
  6  talks   NNS  NOUN   dobj   5     talk    O      0
  7  .       .    PUNCT  punct  5     .       O      0
'''

ACTORS = [{"name": "Chile"}, {"name": "Peru"}]


def _misses(events):
    doc = doc_from_table(HOSTED)
    with learned.using(None):
        document = run_stages(doc)
        trace = trace_events(doc, actor_index(doc), _kb_and_lexicon()[1])
    gold = {"text": doc.text, "actors": ACTORS, "events": events}
    return [(m.kind, m.cause) for m in classify(document, gold, trace, "t")]


def test_a_matched_event_is_no_miss():
    assert _misses([{"source": "Chile", "target": "Peru", "root": "04", "trigger": "hosted"}]) == []


def test_each_miss_has_its_cause():
    got = _misses([
        {"source": "Chile", "target": "Peru", "root": "04", "trigger": "hosted"},   # matched
        {"source": "Peru", "target": "Chile", "root": "04", "trigger": "hosted"},   # the sides the other way
        {"source": "Chile", "target": "Peru", "root": "05", "trigger": "hosted"},   # another root
        {"source": "Chile", "target": "Peru", "root": "04", "trigger": "hosted talks"},  # the candidate lost its target
        {"source": "Peru", "target": "Chile", "root": "19", "trigger": "Peru"},     # no trigger word
        {"source": "Chile", "target": None, "root": "04", "trigger": "talks"},      # one-sided gold
        {"source": "Chile", "target": "Peru", "root": "04", "trigger": "visited"},  # not in the text
    ])
    assert got == [
        ("fn", "right code, sides swapped"),
        ("fn", "wrong code root"),
        ("fn", "dropped: no target"),
        ("fn", "no trigger on the gold words"),
        ("fn", "gold one-sided (dyadic run)"),
        ("fn", "trigger words not in text"),
    ]


def test_a_prediction_with_no_gold_event_there():
    assert _misses([]) == [("fp", "no gold event there")]


def test_fn_cause_reads_the_events_on_the_gold_words():
    gold = {"source": "A", "target": "B", "root": "04"}
    assert fn_cause(gold, [("A", "C", "04")], None, [])[0] == "right code, wrong target"
    assert fn_cause(gold, [("C", "B", "04")], None, [])[0] == "right code, wrong source"
    assert fn_cause(gold, [("C", "D", "04")], None, [])[0] == "right code, wrong source and target"
    assert fn_cause(gold, [("A", "B", "04")], None, [])[0] == "right event, taken by another gold event"
    assert fn_cause(gold, [("A", "B", "05"), ("A", "B", "11")], None, []) == ("wrong code root", "dyad 05,11 gold 04")


def test_fp_cause_on_a_gold_trigger():
    from dyad.document import Event, Trigger

    event = Event("e1", "a1", "a2", "043", "04", "Host", "CONSULT", 1, 2.8, "asserted", Trigger(0, 6, "hosted"), 0)
    gold = {"source": "A", "target": "B", "root": "04"}
    assert fp_cause(event, ("A", "C", "04"), [(gold, False)], None)[0] == "on a gold trigger: wrong target"
    assert fp_cause(event, ("C", "B", "04"), [(gold, False)], None)[0] == "on a gold trigger: wrong source"
    assert fp_cause(event, ("A", "B", "05"), [(gold, False)], None)[0] == "on a gold trigger: wrong root"
    assert fp_cause(event, ("A", "C", "04"), [(gold, True)], None)[0] == "on a gold trigger: extra pair (gold matched)"
    assert fp_cause(event, ("A", "C", "04"), [], None)[0] == "no gold event there"


def test_trigger_spans_whole_words_then_first_word():
    assert trigger_spans("Chile hosted Peru; hosted.", "hosted") == [(6, 12), (19, 25)]
    assert trigger_spans("Chile Hosted Peru.", "hosted") == [(6, 12)]
    assert trigger_spans("Chile hosted Peru.", "hosted talks") == [(6, 12)]
    assert trigger_spans("Chile hosted Peru.", "") == []


def test_table_counts_every_cause_named():
    table = MissTable()
    assert set(table.counts("fn")) == set(FN_CAUSES) and set(table.counts("fp")) == set(FP_CAUSES)
