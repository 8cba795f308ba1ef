"""The learned layer over the rule candidates (``dyad/events/learned.py``), on hand-built parses:
reproducible training, the shipped weights read back, and its probability as the confidence."""
from __future__ import annotations

import numpy as np
import pytest

from dyad.events import coder, learned
from tests.frozen_parses import LAUNCHED_STRIKES, OFFERED_TALKS, REFUSED_TO_MEET, THREATENED_ON_MONDAY, URGED_TO_WITHDRAW
from tests.handmade import doc_from_table, run_stages

TABLES = (LAUNCHED_STRIKES, OFFERED_TALKS, REFUSED_TO_MEET, THREATENED_ON_MONDAY, URGED_TO_WITHDRAW)


def sample_rows(monkeypatch) -> tuple[list[np.ndarray], list[int]]:
    """A row per candidate and code the lexicon offers its word, as ``tools/train_event_model.py``
    makes them; the rule's own code counts as right, the others as wrong."""
    captured = []
    monkeypatch.setattr(coder, "score_candidates", lambda c, ctx: (captured.append((c, ctx)), (c, {}))[1])
    for table in TABLES:
        run_stages(doc_from_table(table))
    rows, labels = [], []
    for candidates, context in captured:
        for candidate in candidates:
            words = learned.sentence_words(candidate)
            for code in learned.alternatives(candidate, context):
                rows.append(learned.hashed(learned.features(candidate, code, context, words)))
                labels.append(int(code == candidate.cameo))
    return rows, labels


def test_retraining_on_a_small_sample_gives_the_same_weights(monkeypatch):
    rows, labels = sample_rows(monkeypatch)
    assert len(rows) >= len(TABLES) and 0 < sum(labels) < len(labels)
    first = learned.fit(rows, labels, steps=50)
    second = learned.fit(rows, labels, steps=50)
    assert np.array_equal(first, second)
    assert first.dtype == np.float32 and np.count_nonzero(first) > 0


def test_a_trained_model_scores_what_it_learned(monkeypatch):
    rows, labels = sample_rows(monkeypatch)
    model = learned.EventModel(learned.fit(rows, labels, steps=100), recode_margin=0.15, drop_below=0.0)
    z = [float(model.weights[r].sum()) for r in rows]
    assert min(zi for zi, y in zip(z, labels) if y) > max(zi for zi, y in zip(z, labels) if not y)


def test_weights_survive_the_file(tmp_path):
    weights = np.zeros(1 << learned.BITS, dtype=np.float32)
    weights[[3, 77, 4000]] = [0.5, -1.25, 2.0]
    path = tmp_path / "model.npz"
    learned.EventModel(weights, 0.2, 0.05, 0.6).save(path)
    back = learned.EventModel.load(path)
    assert np.array_equal(back.weights, weights)
    assert (back.recode_margin, back.drop_below, back.rescue_above) == (0.2, 0.05, 0.6)


def test_features_hash_the_same_in_every_process():
    assert learned.hashed(["bias", "root=19"]).tolist() == [zlib_slot("bias"), zlib_slot("root=19")]


def zlib_slot(text: str) -> int:
    import zlib

    return zlib.crc32(text.encode()) & ((1 << learned.BITS) - 1)


def test_folds_are_frozen():
    assert [learned.fold_of(k) for k in ("a", "b", "iraqitroopslaunchedanassault")] == [
        int(__import__("hashlib").sha1(k.encode()).hexdigest(), 16) % 5 for k in ("a", "b", "iraqitroopslaunchedanassault")]
    assert (learned.fold_of("a"), learned.fold_of("b")) == (2, 0)


def test_the_probability_is_the_confidence():
    weights = np.zeros(1 << learned.BITS, dtype=np.float32)
    weights[zlib_slot("bias")] = 1.0  # every candidate: p = 1 / (1 + e^-1) = 0.731
    with learned.using(learned.EventModel(weights, 0.15, 0.0)):
        doc = run_stages(doc_from_table(LAUNCHED_STRIKES), learned=True)
    assert doc.events and {e.confidence for e in doc.events} == {0.731}


def test_unlikely_candidates_are_dropped():
    weights = np.zeros(1 << learned.BITS, dtype=np.float32)
    weights[zlib_slot("bias")] = -3.0
    with learned.using(learned.EventModel(weights, 0.15, drop_below=0.1)):
        assert run_stages(doc_from_table(LAUNCHED_STRIKES), learned=True).events == ()


IRAN_COMMENTED = r'''
# Iran commented.
# i  word       tag  pos    dep    head  lemma    ent    ws
 >0  Iran       NNP  PROPN  nsubj  1     Iran     B-GPE  1
  1  commented  VBD  VERB   ROOT   1     comment  O      0
  2  .          .    PUNCT  punct  1     .        O      0
'''


def test_a_sure_statement_with_no_target_is_kept_only_when_one_sided_events_are():
    weights = np.zeros(1 << learned.BITS, dtype=np.float32)
    weights[zlib_slot("bias")] = 2.0  # p = 0.881, over the rescue threshold
    assert run_stages(doc_from_table(IRAN_COMMENTED), monadic=True).events == ()  # the rules drop it
    with learned.using(learned.EventModel(weights, 0.15, 0.0, rescue_above=0.5)):
        kept = run_stages(doc_from_table(IRAN_COMMENTED), monadic=True, learned=True).events
        assert run_stages(doc_from_table(IRAN_COMMENTED), learned=True).events == ()
    assert [(e.cameo, e.target, e.confidence) for e in kept] == [("010", None, 0.881)]
    assert type(kept[0].confidence) is float


def test_without_a_model_the_rules_stand():
    with learned.using(None):
        ruled = run_stages(doc_from_table(LAUNCHED_STRIKES))
    assert ruled.events and all(e.confidence >= 0.5 for e in ruled.events)


@pytest.mark.skipif(learned.shipped_model() is None, reason="no dyad/data/event_model.npz")
def test_the_shipped_model_is_small_and_read_without_sklearn():
    from dyad.data_files import data_path

    assert data_path(learned.MODEL_FILE).stat().st_size < 2_000_000
    model = learned.shipped_model()
    assert model.weights.shape == (1 << learned.BITS,) and 0.0 <= model.drop_below < 1.0
    events = run_stages(doc_from_table(LAUNCHED_STRIKES), learned=True).events
    assert events and all(0.0 < e.confidence < 1.0 for e in events)


# "sent warships to": PETRARCH2's row "send to warships" (0332) on a word the hand table codes (070)
IRAN_SENT_WARSHIPS = r'''
# Iran sent warships to Syria.
# i  word      tag  pos    dep     head  lemma    ent    ws
 >0  Iran      NNP  PROPN  nsubj   1     Iran     B-GPE  1
  1  sent      VBD  VERB   ROOT    1     send     O      1
  2  warships  NNS  NOUN   dobj    1     warship  O      1
  3  to        IN   ADP    prep    1     to       O      1
  4  Syria     NNP  PROPN  pobj    3     Syria    B-GPE  0
  5  .         .    PUNCT  punct   1     .        O      0
'''


def test_a_gated_petrarch_row_replaces_the_hand_row_only_when_the_model_passes_it():
    weights = np.zeros(1 << learned.BITS, dtype=np.float32)
    weights[zlib_slot("bias")] = 1.0  # p = 0.731 for every candidate
    assert [e.cameo for e in run_stages(doc_from_table(IRAN_SENT_WARSHIPS)).events] == ["070"]  # no model: the hand row
    for gate, code in ((0.5, "0332"), (0.9, "070")):
        with learned.using(learned.EventModel(weights, 0.15, 0.0, gate_below=gate)):
            events = run_stages(doc_from_table(IRAN_SENT_WARSHIPS), learned=True).events
        assert [(e.cameo, e.source, e.target) for e in events] == [(code, "a1", "a3")]


def test_an_old_model_file_keeps_the_gate_shut(tmp_path):
    weights = np.zeros(1 << learned.BITS, dtype=np.float32)
    path = tmp_path / "old.npz"
    np.savez_compressed(path, bits=np.int64(learned.BITS), index=np.zeros(0, dtype=np.int32),
                        weight=np.zeros(0, dtype=np.float32), thresholds=np.array([0.15, 0.0, 0.3]))
    assert learned.EventModel.load(path).gate_below > 1.0
    learned.EventModel(weights, 0.15, 0.0, 0.3, 0.45).save(path)
    assert learned.EventModel.load(path).gate_below == 0.45
