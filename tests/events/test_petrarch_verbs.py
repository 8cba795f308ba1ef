"""PETRARCH2's verb dictionary converted to trigger rows (tools/build_petrarch_verbs.py), the
merge rule in dyad/events/lexicon.py, and the noun-phrase constraints in dyad/events/triggers.py."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from dyad.errors import DataFileError
from dyad.events.lexicon import load_lexicon
from dyad.events.triggers import choose_pattern, phrase_ok
from tests.handmade import actor_index, doc_from_table, token

ROOT = Path(__file__).resolve().parents[2]
REAL_FILE = ROOT.parent / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"


def _tool():
    spec = importlib.util.spec_from_file_location("build_petrarch_verbs", ROOT / "tools" / "build_petrarch_verbs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
CODES = {"042", "043", "070", "073", "154", "161", "163"}
SAMPLE = """\
####### SYNONYM SETS #######
&FOOD
+FOOD
+GRAIN
&TREATY
+TREATY
+ACCORD

####### VERB PATTERNS #######
---  RUSH   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }
- * (TO)                                              [042:043]     # RUSH
- * AID                                               [070]         # RUSH
- * &FOOD                                             [073]         # RUSH
- &MILITARY *                                         [154]         # RUSH
- * TROOPS TOWARD +                                   [154]         # RUSH
- * NOTHING                                           [---]         # RUSH

---  QUIT   [161]  ---
+PULL_OUT
QUIT
- * (FROM &TREATY)                                    [161]         # QUIT
"""


def test_convert_maps_patterns_to_frames():
    result = TOOL.convert(SAMPLE, CODES)
    rows = {(r["lemma"], r["particle"], r["object_class"]): r for r in result.rows}
    assert rows[("rush", "to", "")]["cameo"] == "042"  # [A:B] keeps A
    assert rows[("rush", "to", "")]["target"] == "prep:to,dobj"
    assert rows[("rush", "", "noun:food|grain")]["cameo"] == "073"  # the synset expanded
    assert rows[("speed", "", "noun:aid")]["attested"] == ""  # spread to a synonym
    assert rows[("rush", "", "noun:aid")]["attested"] == "yes"
    assert rows[("quit", "", "")]["cameo"] == "161"  # the block's code on a bare verb
    assert rows[("quit", "from treaty|accord", "")]["cameo"] == "161"
    assert ("pull", "out", "") in rows  # +PULL_OUT: a verb with its particle
    assert result.verb_forms == 3 + 3 + 1  # irregular forms are read
    assert result.skipped["words before the verb (subject or auxiliary constraint)"] == 1
    assert result.skipped["null code [---]: the pattern blocks an event, dyad has no such row"] == 1
    assert result.skipped["several unbracketed words after the verb (TABARI word sequence)"] == 1


def test_rerun_gives_the_same_rows(tmp_path):
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    TOOL.write(TOOL.convert(SAMPLE, CODES), first)
    TOOL.write(TOOL.convert(SAMPLE, CODES), second)
    assert first.read_text() == second.read_text()
    assert "MIT License" in first.read_text()


@pytest.mark.skipif(not REAL_FILE.is_file(), reason="PETRARCH2's CAMEO.2.0.txt is not in ../shared/reference")
def test_the_real_dictionary_converts_and_matches_the_shipped_file(tmp_path):
    codes = TOOL.cameo_codes(ROOT / "dyad" / "data" / "cameo_codes.tsv")
    result = TOOL.convert(REAL_FILE.read_text(encoding="utf-8", errors="replace"), codes)
    assert result.blocks > 390 and result.patterns > 4600
    assert result.converted > 3800
    assert len({r["cameo"] for r in result.rows}) > 200
    out = tmp_path / "petrarch_verbs.tsv"
    TOOL.write(result, out)
    assert out.read_text(encoding="utf-8") == (ROOT / "dyad" / "data" / "petrarch_verbs.tsv").read_text(encoding="utf-8")
    lexicon = load_lexicon(ROOT / "dyad" / "data" / "triggers.tsv", out)
    assert any(p.origin for pats in lexicon.values() for p in pats)


def test_hand_rows_win_and_bare_synonyms_stay_out(tmp_path):
    hand = tmp_path / "triggers.tsv"
    hand.write_text("lemma\tpos\tparticle\tcameo\ttarget\tsource\tobject_class\n"
                    "withdraw\tVERB\t\t0874\tprep:from\tnsubj\t\n", encoding="utf-8")
    extra = tmp_path / "petrarch.tsv"
    extra.write_text("lemma\tpos\tparticle\tcameo\ttarget\tsource\tobject_class\tattested\torigin\n"
                     "withdraw\tVERB\tfrom treaty\t161\tdobj\tnsubj\t\tyes\tx:1\n"
                     "rush\tVERB\t\t073\tdobj\tnsubj\tnoun:aid\tyes\tx:2\n"
                     "rush\tVERB\t\t042\tdobj\tnsubj\t\tyes\tx:3\n"
                     "speed\tVERB\t\t073\tdobj\tnsubj\tnoun:aid\t\tx:4\n", encoding="utf-8")
    lexicon = load_lexicon(hand, extra)
    # the hand table codes withdraw: the PETRARCH2 row is kept gated, for the learned layer to pass or not
    assert [(p.cameo, p.gated) for p in lexicon[("withdraw", "VERB")]] == [("161", True), ("0874", False)]
    assert [p.cameo for p in lexicon[("rush", "VERB")]] == ["073"]  # no bare PETRARCH verb
    assert ("speed", "VERB") not in lexicon  # a pattern spread to a synonym


def test_a_bad_slot_is_reported_at_its_own_line(tmp_path):
    extra = tmp_path / "petrarch.tsv"
    extra.write_text("lemma\tpos\tparticle\tcameo\ttarget\tsource\tobject_class\tattested\torigin\n"
                     "rush\tVERB\t\t073\tdobj\tnsubj\tnoun:aid\tyes\tx:1\n"
                     "send\tVERB\t\t073\tdobj\tsubject\tnoun:aid\tyes\tx:2\n", encoding="utf-8")
    hand = tmp_path / "triggers.tsv"
    hand.write_text("lemma\tpos\tparticle\tcameo\ttarget\tsource\tobject_class\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"petrarch.tsv:3: unknown slot 'subject'"):
        load_lexicon(hand, extra)


RUSHED_AID = r'''
# Japan rushed food aid to Haiti.
# i  word    tag  pos    dep      head  lemma   ent    ws
 >0  Japan   NNP  PROPN  nsubj    1     Japan   B-GPE  1
  1  rushed  VBD  VERB   ROOT     1     rush    O      1
  2  food    NN   NOUN   compound 3     food    O      1
  3  aid     NN   NOUN   dobj     1     aid     O      1
  4  to      IN   ADP    prep     1     to      O      1
  5  Haiti   NNP  PROPN  pobj     4     Haiti   B-GPE  0
  6  .       .    PUNCT  punct    1     .       O      0
'''


def test_noun_phrases_and_prepositional_phrases_match(tmp_path):
    doc = doc_from_table(RUSHED_AID)
    aid = token(doc, "aid")
    assert phrase_ok(aid, "aid") and phrase_ok(aid, "food|grain aid") and phrase_ok(aid, "relief_aid|aid")
    assert not phrase_ok(aid, "military aid") and not phrase_ok(aid, "relief_aid")
    extra = tmp_path / "petrarch.tsv"
    extra.write_text("lemma\tpos\tparticle\tcameo\ttarget\tsource\tobject_class\tattested\torigin\n"
                     "rush\tVERB\t\t070\tprep:to\tnsubj\tnoun:aid\tyes\tx:1\n"
                     "rush\tVERB\t\t073\tprep:to\tnsubj\tnoun:food aid\tyes\tx:2\n"
                     "rush\tVERB\tto haiti|border\t154\tdobj\tnsubj\t\tyes\tx:3\n", encoding="utf-8")
    hand = tmp_path / "triggers.tsv"
    hand.write_text("lemma\tpos\tparticle\tcameo\ttarget\tsource\tobject_class\n", encoding="utf-8")
    patterns = load_lexicon(hand, extra)[("rush", "VERB")]
    assert choose_pattern(token(doc, "rushed"), patterns, actor_index(doc)).cameo == "154"  # prep + noun first
    assert choose_pattern(token(doc, "rushed"), patterns[1:], actor_index(doc)).cameo == "073"  # then the longer phrase
