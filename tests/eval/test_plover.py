"""``dyad eval plover``: main-event type, any-event type and actor coding against PLOVER records."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import SimpleNamespace as NS

import pytest

from dyad.eval.plover import PloverTally, load_plover, main_event, score_record

ROOT = Path(__file__).resolve().parents[2]


def _event(start, root, plover, source=None, target=None):
    return NS(trigger=NS(start=start), root=root, plover=plover, source=source, target=target)


def test_older_type_names_are_read_as_the_new_ones(tmp_path):
    path = tmp_path / "PLOVER_GSR_dev.json"
    path.write_text(json.dumps([{"coder": "docs"},
                                {"id": "a", "text": "A fought B.", "event": "FIGHT", "source": [{"code": "AAA"}], "target": ""},
                                {"id": "b", "text": "A scolded B.", "event": "DISAPPROVE", "source": [], "target": []}]))
    records = load_plover(tmp_path)
    assert [(r.id, r.event) for r in records] == [("a", "ASSAULT"), ("b", "ACCUSE")]
    assert records[0].targets == ()


def test_main_event_skips_a_plain_statement_and_actors_are_scored():
    actors = [NS(id="x", country="IRN", code="IRNGOV", sector="GOV"), NS(id="y", country=None, code="IGOUNO", sector="IGO")]
    doc = NS(events=[_event(9, "19", "ASSAULT", "x", "y"), _event(2, "01", None, "x")], actors=actors)
    assert main_event(doc).root == "19"
    record = NS(event="ASSAULT", sources=({"code": "IRN", "sector": "GOV"},), targets=({"code": "IGO"},))
    tally = PloverTally()
    score_record(doc, record, tally)
    score_record(NS(events=[], actors=[]), NS(event="AGREE", sources=(), targets=()), tally)
    figures = tally.as_dict()
    assert figures["main_event_type_accuracy"] == 0.5 and figures["any_event_type_recall"] == 0.5
    assert figures["source_country_accuracy"] == 1.0 and figures["source_sector_accuracy"] == 1.0
    assert figures["target_country_accuracy"] == 1.0


def test_an_actorless_happening_is_the_main_event_only_when_no_event_names_an_actor():
    bombing, killed = _event(2, "18", "ASSAULT"), _event(30, "18", "ASSAULT", None, "y")
    assert main_event(NS(events=[bombing, killed, _event(40, "01", None, "x")])) is killed
    assert main_event(NS(events=[bombing, _event(40, "01", None, "x")])) is bombing


def test_tagged_sectors_and_old_country_codes_are_read_as_their_primary_codes():
    actors = [NS(id="x", country="JPN", code="JPNMIL", sector="MIL"), NS(id="y", country="LBN", code="LBNMED", sector="MED")]
    doc = NS(events=[_event(0, "19", "ASSAULT", "x", "y")], actors=actors)
    record = NS(event="ASSAULT", sources=({"code": "JAP", "sector": "MILsrp"},), targets=({"code": "LBN", "sector": "JRNchr"},))
    tally = PloverTally()
    score_record(doc, record, tally)
    figures = tally.as_dict()
    assert figures["source_country_accuracy"] == 1.0 and figures["source_sector_accuracy"] == 1.0
    assert figures["target_sector_accuracy"] == 1.0
    tally = PloverTally()
    score_record(doc, NS(event="ASSAULT", sources=({"code": "JPN", "sector": "***"},), targets=()), tally)
    assert tally.as_dict()["source_sector_gold"] == 0  # '***' is no sector


FOLDS = ROOT / "dyad" / "data" / "conflibert_folds.tsv"
CONFLIBERT = ROOT.parent / "shared" / "data" / "conflibert"


def test_frozen_folds_follow_the_rule():
    rows = [line.split("\t") for line in FOLDS.read_text().splitlines() if line and not line.startswith(("#", "sentence"))]
    assert len(rows) > 1000
    assert all(int(fold) == int(digest, 16) % 5 for _, digest, fold in rows)
    assert {fold for _, _, fold in rows} == {"0", "1", "2", "3", "4"}


@pytest.mark.skipif(not (CONFLIBERT / "cameo_ner_train.txt").is_file(), reason="ConfliBERT data not in ../shared/data")
def test_frozen_folds_match_the_sentences():
    from dyad.eval.conflibert import join_key, load_conflibert

    rows = [line.split("\t") for line in FOLDS.read_text().splitlines() if line and not line.startswith(("#", "sentence"))]
    sentences = load_conflibert(CONFLIBERT)
    assert len(rows) == len(sentences)
    for (index, digest, _), sentence in zip(rows, sentences):
        assert int(index) == sentence.index
        assert digest == hashlib.sha1(join_key(sentence.text).encode("utf-8")).hexdigest()


def test_a_half_is_every_other_record(tmp_path):
    from dyad.eval.plover import select_half

    path = tmp_path / "PLOVER_GSR_dev.json"
    path.write_text(json.dumps([{"coder": "docs"}] + [{"id": str(i), "text": "A met B.", "event": "CONSULT"} for i in range(5)]))
    records = load_plover(tmp_path)
    assert [r.id for r in select_half(records, "even")] == ["0", "2", "4"]
    assert [r.id for r in select_half(records, "odd")] == ["1", "3"]
    assert len(select_half(records, None)) == 5
    with pytest.raises(ValueError):
        select_half(records, "first")


def test_a_militant_group_code_stands_for_a_country_and_civ_is_cvl():
    actors = [NS(id="x", country=None, code="IMGMUSALQ", sector="REB"), NS(id="y", country="BIH", code="BIHCVL", sector="CVL")]
    doc = NS(events=[_event(0, "13", "THREATEN", "x", "y")], actors=actors)
    record = NS(event="THREATEN", sources=({"code": "IMG"},), targets=({"code": "BIH", "sector": "CIVsrp"},))
    tally = PloverTally()
    score_record(doc, record, tally)
    figures = tally.as_dict()
    assert figures["source_country_accuracy"] == 1.0 and figures["target_sector_accuracy"] == 1.0
