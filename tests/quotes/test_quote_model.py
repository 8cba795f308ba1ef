"""The learned layer of indirect attribution (``dyad/quotes/learned.py``) on hand-built parses:
the candidates the grammar gives, reproducible training, weights read back, and a clause after
a verb outside the reporting-verb lexicon found as an indirect quotation when a model is on."""
from __future__ import annotations

import numpy as np

from dyad.quotes import learned
from tests.handmade import doc_from_table, run_stages

HINTED_THAT = r'''
# Ana Ruiz hinted that the talks would resume soon.
# i  word    tag  pos    dep       head  lemma   ent       ws
 >0  Ana     NNP  PROPN  compound  1     Ana     B-PERSON  1
  1  Ruiz    NNP  PROPN  nsubj     2     Ruiz    I-PERSON  1
  2  hinted  VBD  VERB   ROOT      2     hint    O         1
  3  that    IN   SCONJ  mark      7     that    O         1
  4  the     DT   DET    det       5     the     O         1
  5  talks   NNS  NOUN   nsubj     7     talk    O         1
  6  would   MD   AUX    aux       7     would   O         1
  7  resume  VB   VERB   ccomp     2     resume  O         1
  8  soon    RB   ADV    advmod    7     soon    O         0
  9  .       .    PUNCT  punct     2     .       O         0
'''
URGED_TO = r'''
# Ana Ruiz urged the parties to resume the talks.
# i  word     tag  pos    dep       head  lemma   ent       ws
 >0  Ana      NNP  PROPN  compound  1     Ana     B-PERSON  1
  1  Ruiz     NNP  PROPN  nsubj     2     Ruiz    I-PERSON  1
  2  urged    VBD  VERB   ROOT      2     urge    O         1
  3  the      DT   DET    det       4     the     O         1
  4  parties  NNS  NOUN   dobj      2     party   O         1
  5  to       TO   PART   aux       6     to      O         1
  6  resume   VB   VERB   xcomp     2     resume  O         1
  7  the      DT   DET    det       8     the     O         1
  8  talks    NNS  NOUN   dobj      6     talk    O         0
  9  .        .    PUNCT  punct     2     .       O         0
'''


def test_a_clause_is_a_candidate_and_a_speech_act_is_not_reported():
    hinted = doc_from_table(HINTED_THAT)
    (candidate,) = learned.candidates(hinted, [])
    assert (candidate.tok.text, candidate.shape) == ("hinted", "ccomp")
    assert hinted.text[candidate.span[0]:candidate.span[1]] == "the talks would resume soon"
    urged = doc_from_table(URGED_TO)
    assert learned.candidates(urged, []) == []  # an appeal is an event, not a quotation
    (act,) = learned.candidates(urged, [], frozenset({"xcomp"}))
    assert urged.text[act.span[0]:act.span[1]] == "the parties to resume the talks"


def test_retraining_on_a_small_sample_gives_the_same_weights():
    rows, labels = [], []
    for table, label in ((HINTED_THAT, 1), (URGED_TO, 0)):
        doc = doc_from_table(table)
        for candidate in learned.candidates(doc, [], frozenset({"ccomp", "xcomp"})):
            rows.append(learned.hashed(learned.features(candidate)))
            labels.append(label)
    first = learned.fit(rows, labels, steps=50)
    second = learned.fit(rows, labels, steps=50)
    assert np.array_equal(first, second) and first.dtype == np.float32 and np.count_nonzero(first) > 0


def tiny_model() -> learned.QuoteModel:
    rows = [learned.hashed(learned.features(c)) for c in learned.candidates(doc_from_table(HINTED_THAT), [])]
    return learned.QuoteModel(learned.fit(rows, [1] * len(rows), steps=50), 0.5)


def test_a_model_reads_back(tmp_path):
    model = tiny_model()
    model.save(tmp_path / "m.npz")
    again = learned.QuoteModel.load(tmp_path / "m.npz")
    assert np.array_equal(again.weights, model.weights) and again.keep_above == model.keep_above


def test_a_clause_after_a_verb_outside_the_lexicon_is_an_indirect_quotation():
    assert run_stages(doc_from_table(HINTED_THAT)).quotes == ()  # the rules alone know no "hint"
    with learned.using(tiny_model()):
        found = run_stages(doc_from_table(HINTED_THAT), learned=True)
    names = {a.id: a.name for a in found.actors}
    assert [(q.kind, q.text, q.cue, names.get(q.speaker)) for q in found.quotes] == [
        ("indirect", "the talks would resume soon", "hinted", "Ana Ruiz")]
