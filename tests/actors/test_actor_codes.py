"""Actor country and sector codes on hand-built parses (issue 14): generic titles take the
sector of the body they name, unnamed officials whose country is named are actors, persons
holding an office take its sector. No model loaded."""
from __future__ import annotations

from tests.handmade import doc_from_table, run_stages


def actors_of(table):
    return {a.name: (a.kind, a.country, a.sector) for a in run_stages(doc_from_table(table)).actors}


REBEL_LEADERS = r'''
# Afghan rebel leaders rejected the plan.
# i  word      tag  pos    dep       head  lemma   ent     ws
 >0  Afghan    JJ   ADJ    amod      2     afghan  B-NORP  1
  1  rebel     NN   NOUN   compound  2     rebel   O       1
  2  leaders   NNS  NOUN   nsubj     3     leader  O       1
  3  rejected  VBD  VERB   ROOT      3     reject  O       1
  4  the       DT   DET    det       5     the     O       1
  5  plan      NN   NOUN   dobj      3     plan    O       0
  6  .         .    PUNCT  punct     3     .       O       0
'''

LEADERS_OF_OPPOSITION = r'''
# Leaders of the opposition coalition agreed to postpone the rally.
# i  word        tag  pos    dep       head  lemma       ent  ws
 >0  Leaders     NNS  NOUN   nsubj     5     leader      O    1
  1  of          IN   ADP    prep      0     of          O    1
  2  the         DT   DET    det       4     the         O    1
  3  opposition  NN   NOUN   compound  4     opposition  O    1
  4  coalition   NN   NOUN   pobj      1     coalition   O    1
  5  agreed      VBD  VERB   ROOT      5     agree       O    1
  6  to          TO   PART   aux       7     to          O    1
  7  postpone    VB   VERB   xcomp     5     postpone    O    1
  8  the         DT   DET    det       9     the         O    1
  9  rally       NN   NOUN   dobj      7     rally       O    0
 10  .           .    PUNCT  punct     5     .           O    0
'''


def test_a_generic_title_takes_the_sector_of_the_body_it_names():
    assert actors_of(REBEL_LEADERS)["Afghan rebel leaders"] == ("GROUP", "AFG", "REB")
    found = actors_of(LEADERS_OF_OPPOSITION)
    assert found["Leaders"][2] == "OPP"
    assert found["opposition coalition"][2] == "OPP"  # an opposition coalition is no ruling party


POSSESSIVE_PRIME_MINISTER = r'''
# Montenegro's prime minister has been indicted by the court.
# i  word        tag  pos    dep        head  lemma       ent    ws
 >0  Montenegro  NNP  PROPN  poss       3     Montenegro  B-GPE  0
  1  's          POS  PART   case       0     's          O      1
  2  prime       JJ   ADJ    amod       3     prime       O      1
  3  minister    NN   NOUN   nsubjpass  6     minister    O      1
  4  has         VBZ  AUX    aux        6     have        O      1
  5  been        VBN  AUX    auxpass    6     be          O      1
  6  indicted    VBN  VERB   ROOT       6     indict      O      1
  7  by          IN   ADP    agent      6     by          O      1
  8  the         DT   DET    det        9     the         O      1
  9  court       NN   NOUN   pobj       7     court       O      0
 10  .           .    PUNCT  punct      6     .           O      0
'''

MINISTER_THREATENED = r'''
# A French minister threatened to impose restrictions.
# i  word          tag  pos    dep    head  lemma        ent     ws
 >0  A             DT   DET    det    2     a            O       1
  1  French        JJ   ADJ    amod   2     french       B-NORP  1
  2  minister      NN   NOUN   nsubj  3     minister     O       1
  3  threatened    VBD  VERB   ROOT   3     threaten     O       1
  4  to            TO   PART   aux    5     to           O       1
  5  impose        VB   VERB   xcomp  3     impose       O       1
  6  restrictions  NNS  NOUN   dobj   5     restriction  O       0
  7  .             .    PUNCT  punct  3     .            O       0
'''

OFFICIAL_SAID = r'''
# A French official said the talks failed.
# i  word      tag  pos    dep    head  lemma     ent     ws
 >0  A         DT   DET    det    2     a         O       1
  1  French    JJ   ADJ    amod   2     french    B-NORP  1
  2  official  NN   NOUN   nsubj  3     official  O       1
  3  said      VBD  VERB   ROOT   3     say       O       1
  4  the       DT   DET    det    5     the       O       1
  5  talks     NNS  NOUN   nsubj  6     talk      O       1
  6  failed    VBD  VERB   ccomp  3     fail      O       0
  7  .         .    PUNCT  punct  3     .         O       0
'''


def test_an_unnamed_official_whose_country_is_named_is_an_actor():
    assert actors_of(POSSESSIVE_PRIME_MINISTER)["Montenegro's prime minister"] == ("GROUP", "MNE", "GOV")
    assert actors_of(MINISTER_THREATENED)["French minister"] == ("GROUP", "FRA", "GOV")


def test_an_anonymous_official_who_only_reports_is_no_actor():
    assert "French official" not in actors_of(OFFICIAL_SAID)
