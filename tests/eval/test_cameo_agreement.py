"""5-way and multi-coder scoring on hand-made records (no model)."""
from __future__ import annotations

import json
from dataclasses import replace

from dyad.document import Document, Event, Trigger
from dyad.eval.cameo_agreement import load_multicoder, load_pentaclass, main_event, pentaclass, score_multicoder, score_pentaclass


def event(root, quad, confidence=0.5, start=0):
    return Event("e", "a1", "a2", root + "0", root, "x", None, quad, 0.0, "asserted", Trigger(start, start + 1, "x"), 0, confidence=confidence)


def test_main_event_prefers_substance_over_statement():
    doc = Document("d", "x", events=(event("01", 1, 0.9), event("19", 4, 0.6), event("04", 1, 0.6, start=5)))
    assert main_event(doc).root == "19"
    assert pentaclass(main_event(doc)) == 4
    assert pentaclass(event("02", 1)) == 0
    assert main_event(Document("d", "x")) is None


def test_pentaclass_follows_the_labels_grouping_of_roots():
    # reduced relations are verbal conflict and protests material conflict in PentaClass,
    # the other way round from GDELT's QuadClass
    assert [pentaclass(event(root, 0)) for root in ("01", "02", "03", "05", "06", "09", "10", "13", "16", "14", "17", "20")] == \
        [0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4]


def test_main_event_skips_what_did_not_happen():
    denied = replace(event("19", 4, 0.9), realis="negated")  # "did not attack"
    doc = Document("d", "x", events=(denied, event("04", 1, 0.5)))
    assert main_event(doc).root == "04"
    assert main_event(Document("d", "x", events=(denied,))) is None


def test_pentaclass_scores_and_confusion():
    figures = score_pentaclass([0, 1, 4, 4], [0, 1, 4, None])
    assert figures["strict"]["accuracy"] == 0.75
    assert figures["none_as_statement"]["accuracy"] == 0.75
    assert figures["strict"]["per_class"]["material conflict"] == {"precision": 1.0, "recall": 0.5, "f1": 0.667, "n": 2}
    assert figures["strict"]["confusion"]["matrix"][4] == [0, 0, 0, 0, 1, 1]


def test_multicoder_agreement(tmp_path):
    path = tmp_path / "m.jsonl"
    coders = {str(n): {"annotation_complete": "True", "actions": [{"action": 1, "cameo_root": root}]}
              for n, root in enumerate(["4-18 Assault", "4-18 Assault", "4-19 Fight"], start=1)}
    path.write_text(json.dumps({"round": "r1", "sentence": "Rebels attacked a post.", "coders": coders}) + "\n", encoding="utf-8")
    items = load_multicoder(path)
    assert items[0]["roots"] == {"r1:1": "18", "r1:2": "18", "r1:3": "19"}
    figures = score_multicoder(items, ["18"])
    assert figures["coder_coder_agreement"] == 0.333 and figures["dyad_coder_agreement"] == 0.667
    silent = score_multicoder([{"roots": {"a": "01", "b": "18"}}], [None])
    assert silent["dyad_coder_agreement"] == 0.0 and silent["dyad_coder_agreement_none_as_statement"] == 0.5


def test_load_pentaclass_rejects_bad_rows(tmp_path):
    path = tmp_path / "c.tsv"
    path.write_text("Chile thanked Peru.\t1\nno label here\n", encoding="utf-8")
    try:
        load_pentaclass(path)
    except ValueError as err:
        assert str(err).endswith("c.tsv:2: expected 'sentence<TAB>label'")
    else:
        raise AssertionError("a bad row must fail")
