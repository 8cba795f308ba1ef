"""What an attack did to people is the attack told to its end (recode.attack_outcomes), and a
statement to a named outlet is one to the press (coder._only_the_press), on
hand-built parses: the killing is no second event, and its victims are the attack's target when
the attack names no actor of its own."""
from __future__ import annotations

from tests.handmade import doc_from_table, run_stages

DRONE_STRIKE_KILLED = r'''
# An Israeli drone strike killed two Hezbollah fighters.
# i  word       tag  pos    dep       head  lemma      ent         ws
 >0  An         DT   DET    det       3     an         O           1
  1  Israeli    JJ   ADJ    amod      3     israeli    B-NORP      1
  2  drone      NN   NOUN   compound  3     drone      O           1
  3  strike     NN   NOUN   nsubj     4     strike     O           1
  4  killed     VBD  VERB   ROOT      4     kill       O           1
  5  two        CD   NUM    nummod    7     two        B-CARDINAL  1
  6  Hezbollah  NNP  PROPN  compound  7     Hezbollah  B-NORP      1
  7  fighters   NNS  NOUN   dobj      4     fighter    O           0
  8  .          .    PUNCT  punct     4     .          O           0
'''
ATTACKED_KILLING = r'''
# Al-Shabaab fighters attacked an army post, killing 14 Somali soldiers.
# i  word      tag   pos    dep       head  lemma    ent         ws
 >0  Al        NNP   PROPN  compound  2     Al       B-ORG       0
  1  -         HYPH  PUNCT  punct     2     -        I-ORG       0
  2  Shabaab   NNP   PROPN  compound  3     Shabaab  I-ORG       1
  3  fighters  NNS   NOUN   nsubj     4     fighter  O           1
  4  attacked  VBD   VERB   ROOT      4     attack   O           1
  5  an        DT    DET    det       7     an       O           1
  6  army      NN    NOUN   compound  7     army     O           1
  7  post      NN    NOUN   dobj      4     post     O           0
  8  ,         ,     PUNCT  punct     4     ,        O           1
  9  killing   VBG   VERB   advcl     4     kill     O           1
 10  14        CD    NUM    nummod    12    14       B-CARDINAL  1
 11  Somali    JJ    ADJ    amod      12    somali   B-NORP      1
 12  soldiers  NNS   NOUN   dobj      9     soldier  O           0
 13  .         .     PUNCT  punct     4     .        O           0
'''
GUNMEN_KILLED = r'''
# Gunmen killed five Nigerian villagers.
# i  word       tag  pos    dep     head  lemma     ent         ws
 >0  Gunmen     NNS  NOUN   nsubj   1     gunman    O           1
  1  killed     VBD  VERB   ROOT    1     kill      O           1
  2  five       CD   NUM    nummod  4     five      B-CARDINAL  1
  3  Nigerian   JJ   ADJ    amod    4     nigerian  B-NORP      1
  4  villagers  NNS  NOUN   dobj    1     villager  O           0
  5  .          .    PUNCT  punct   1     .         O           0
'''


def coded(table):
    doc = run_stages(doc_from_table(table))
    names = {a.id: a.name for a in doc.actors}
    return [(names.get(e.source), names.get(e.target), e.cameo, e.trigger.text) for e in doc.events]


def test_the_strike_that_killed_is_the_event_and_the_killed_its_target():
    assert coded(DRONE_STRIKE_KILLED) == [("Israel", "Hezbollah", "195", "strike")]


def test_a_killing_participle_joins_the_attack():
    # the post names no actor: the soldiers killed are what was attacked
    assert coded(ATTACKED_KILLING) == [("Al-Shabaab", "Somali soldiers", "190", "attacked")]


def test_a_killing_told_alone_stays_a_killing():
    assert coded(GUNMEN_KILLED) == [("Gunmen", "Nigerian villagers", "1823", "killed")]


# ---------------------------------------------------------------- statements to the press

TOLD_REUTERS = r'''
# Kagame told Reuters that Congo had lied.
# i  word     tag  pos    dep    head  lemma    ent       ws
 >0  Kagame   NNP  PROPN  nsubj  1     Kagame   B-PERSON  1
  1  told     VBD  VERB   ROOT   1     tell     O         1
  2  Reuters  NNP  PROPN  dobj   1     Reuters  B-ORG     1
  3  that     IN   SCONJ  mark   6     that     O         1
  4  Congo    NNP  PROPN  nsubj  6     Congo    B-GPE     1
  5  had      VBD  AUX    aux    6     have     O         1
  6  lied     VBN  VERB   ccomp  1     lie      O         0
  7  .        .    PUNCT  punct  1     .        O         0
'''
TOLD_CONGO = r'''
# Kagame told Congo that Uganda had lied.
# i  word    tag  pos    dep    head  lemma   ent       ws
 >0  Kagame  NNP  PROPN  nsubj  1     Kagame  B-PERSON  1
  1  told    VBD  VERB   ROOT   1     tell    O         1
  2  Congo   NNP  PROPN  dobj   1     Congo   B-GPE     1
  3  that    IN   SCONJ  mark   6     that    O         1
  4  Uganda  NNP  PROPN  nsubj  6     Uganda  B-GPE     1
  5  had     VBD  AUX    aux    6     have    O         1
  6  lied    VBN  VERB   ccomp  1     lie     O         0
  7  .       .    PUNCT  punct  1     .       O         0
'''


def test_telling_a_named_outlet_is_telling_the_press_no_event():
    assert [e for e in coded(TOLD_REUTERS) if e[2].startswith("01")] == []


def test_telling_a_state_is_a_statement_to_it():
    assert [e for e in coded(TOLD_CONGO) if e[3] == "told"] == [("Kagame", "Republic of the Congo", "010", "told")]
