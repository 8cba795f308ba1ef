"""Aliases, counterparts and clean names (issue 14), on hand-built parses: no model loaded."""
from __future__ import annotations

import pytest

from dyad.actors.builder import clean_name
from tests.handmade import doc_from_table, run_stages

ALSO_KNOWN_AS = r'''
# The Popular Front, also known as the PFN, rejected the offer.
# i  word      tag  pos    dep       head  lemma    ent    ws
 >0  The       DT   DET    det       2     the      B-ORG  1
  1  Popular   NNP  PROPN  compound  2     Popular  I-ORG  1
  2  Front     NNP  PROPN  nsubj     10    Front    I-ORG  0
  3  ,         ,    PUNCT  punct     2     ,        O      1
  4  also      RB   ADV    advmod    5     also     O      1
  5  known     VBN  VERB   acl       2     know     O      1
  6  as        IN   ADP    prep      5     as       O      1
  7  the       DT   DET    det       8     the      O      1
  8  PFN       NNP  PROPN  pobj      6     PFN      B-ORG  0
  9  ,         ,    PUNCT  punct     2     ,        O      1
 10  rejected  VBD  VERB   ROOT      10    reject   O      1
 11  the       DT   DET    det       12    the      O      1
 12  offer     NN   NOUN   dobj      10    offer    O      0
 13  .         .    PUNCT  punct     10    .        O      0
'''

ACRONYM_AFTER_FIRST_USE = r'''
# The Unity Movement (UM) met. The UM said it would vote.
# i  word      tag    pos    dep       head  lemma     ent    ws
 >0  The       DT     DET    det       2     the       B-ORG  1
  1  Unity     NNP    PROPN  compound  2     Unity     I-ORG  1
  2  Movement  NNP    PROPN  nsubj     6     Movement  I-ORG  1
  3  (         -LRB-  PUNCT  punct     2     (         O      0
  4  UM        NNP    PROPN  appos     2     UM        O      0
  5  )         -RRB-  PUNCT  punct     2     )         O      1
  6  met       VBD    VERB   ROOT      6     meet      O      0
  7  .         .      PUNCT  punct     6     .         O      1
 >8  The       DT     DET    det       9     the       O      1
  9  UM        NNP    PROPN  nsubj     10    UM        B-ORG  1
 10  said      VBD    VERB   ROOT      10    say       O      1
 11  it        PRP    PRON   nsubj     13    it        O      1
 12  would     MD     AUX    aux       13    would     O      1
 13  vote      VB     VERB   ccomp     10    vote      O      0
 14  .         .      PUNCT  punct     10    .        O      0
'''


def test_also_known_as_names_one_actor():
    doc = run_stages(doc_from_table(ALSO_KNOWN_AS))
    assert [(a.name, [m.text for m in a.mentions]) for a in doc.actors] == [("Popular Front", ["Popular Front", "PFN"])]


def test_an_acronym_defined_after_first_use_names_the_body_every_time():
    doc = run_stages(doc_from_table(ACRONYM_AFTER_FIRST_USE))
    body = doc.actors[0]
    assert body.name == "Unity Movement" and len(doc.actors) == 1
    assert [(m.text, m.via) for m in body.mentions][:3] == [("Unity Movement", "name"), ("UM", "acronym"), ("UM", "acronym")]


COUNTERPART = r'''
# Chilean Foreign Minister Ana Rojas met her Peruvian counterpart in Lima.
# i  word         tag   pos    dep       head  lemma        ent       ws
 >0  Chilean      JJ    ADJ    amod      2     chilean      B-NORP    1
  1  Foreign      NNP   PROPN  compound  2     Foreign      O         1
  2  Minister     NNP   PROPN  compound  4     Minister     O         1
  3  Ana          NNP   PROPN  compound  4     Ana          B-PERSON  1
  4  Rojas        NNP   PROPN  nsubj     5     Rojas        I-PERSON  1
  5  met          VBD   VERB   ROOT      5     meet         O         1
  6  her          PRP$  PRON   poss      8     her          O         1
  7  Peruvian     JJ    ADJ    amod      8     peruvian     B-NORP    1
  8  counterpart  NN    NOUN   dobj      5     counterpart  O         1
  9  in           IN    ADP    prep      5     in           O         1
 10  Lima         NNP   PROPN  pobj      9     Lima         B-GPE     0
 11  .            .     PUNCT  punct     5     .            O         0
'''


def test_a_counterpart_takes_its_own_country_and_the_mirrored_roles_sector():
    doc = run_stages(doc_from_table(COUNTERPART))
    by_name = {a.name: a for a in doc.actors}
    assert by_name["Ana Rojas"].code == "CHLGOV"
    assert by_name["Peruvian counterpart"].code == "PERGOV"


@pytest.mark.parametrize("raw, clean", [
    ("Samir al - Rashid", "Samir al-Rashid"),
    ("Lena Vogt,[2", "Lena Vogt"),
    ("\u200fAli Hassan\u200e", "Ali Hassan"),
    ('"Nova Tide', "Nova Tide"),
    ("Doctors Without Borders (MSF)", "Doctors Without Borders (MSF)"),
])
def test_names_are_cleaned_of_junk(raw, clean):
    assert clean_name(raw) == clean


NAMED_COUNTERPART = r'''
# Chilean Foreign Minister Ana Rojas met her Peruvian counterpart, Luis Vega, in Lima.
# i  word         tag   pos    dep       head  lemma        ent       ws
 >0  Chilean      JJ    ADJ    amod      2     chilean      B-NORP    1
  1  Foreign      NNP   PROPN  compound  2     Foreign      O         1
  2  Minister     NNP   PROPN  compound  4     Minister     O         1
  3  Ana          NNP   PROPN  compound  4     Ana          B-PERSON  1
  4  Rojas        NNP   PROPN  nsubj     5     Rojas        I-PERSON  1
  5  met          VBD   VERB   ROOT      5     meet         O         1
  6  her          PRP$  PRON   poss      8     her          O         1
  7  Peruvian     JJ    ADJ    amod      8     peruvian     B-NORP    1
  8  counterpart  NN    NOUN   dobj      5     counterpart  O         0
  9  ,            ,     PUNCT  punct     8     ,            O         1
 10  Luis         NNP   PROPN  compound  11    Luis         B-PERSON  1
 11  Vega         NNP   PROPN  appos     8     Vega         I-PERSON  0
 12  ,            ,     PUNCT  punct     8     ,            O         1
 13  in           IN    ADP    prep      5     in           O         1
 14  Lima         NNP   PROPN  pobj      13    Lima         B-GPE     0
 15  .            .     PUNCT  punct     5     .            O         0
'''


def test_a_named_counterpart_is_that_person_not_another_actor():
    doc = run_stages(doc_from_table(NAMED_COUNTERPART))
    assert [(a.name, a.code) for a in doc.actors if a.kind == "PERSON"] == [("Ana Rojas", "CHLGOV"), ("Luis Vega", "PERGOV")]


PARTY_TAGS = r'''
# Ana Ruiz (D., Ore.) spoke first. Tom Hale (D., Utah) said he agreed.
# i  word    tag    pos    dep       head  lemma  ent        ws
 >0  Ana     NNP    PROPN  compound  1     Ana    B-PERSON   1
  1  Ruiz    NNP    PROPN  nsubj     7     Ruiz   I-PERSON   1
  2  (       -LRB-  PUNCT  punct     3     (      O          0
  3  D.      NNP    PROPN  appos     1     D.     B-NORP     0
  4  ,       ,      PUNCT  punct     3     ,      O          1
  5  Ore.    NNP    PROPN  npadvmod  3     Ore.   B-GPE      0
  6  )       -RRB-  PUNCT  punct     3     )      O          1
  7  spoke   VBD    VERB   ROOT      7     speak  O          1
  8  first   RB     ADV    advmod    7     first  B-ORDINAL  0
  9  .       .      PUNCT  punct     7     .      O          1
>10  Tom     NNP    PROPN  compound  11    Tom    B-PERSON   1
 11  Hale    NNP    PROPN  nsubj     17    Hale   I-PERSON   1
 12  (       -LRB-  PUNCT  punct     11    (      O          0
 13  D.      NNP    PROPN  appos     11    D.     B-NORP     0
 14  ,       ,      PUNCT  punct     13    ,      O          1
 15  Utah    NNP    PROPN  npadvmod  13    Utah   B-GPE      0
 16  )       -RRB-  PUNCT  punct     13    )      O          1
 17  said    VBD    VERB   ROOT      17    say    O          1
 18  he      PRP    PRON   nsubj     19    he     O          1
 19  agreed  VBD    VERB   ccomp     17    agree  O          0
 20  .       .      PUNCT  punct     17    .      O          0
'''


def test_a_party_tag_in_brackets_is_no_alias_and_no_actor():
    # one capital is an initial or a party tag that many share: two senators of one party stay two
    doc = run_stages(doc_from_table(PARTY_TAGS), published="2019-07-20")
    persons = [a.name for a in doc.actors if a.kind == "PERSON"]
    assert persons == ["Ana Ruiz", "Tom Hale"]
    assert not [a for a in doc.actors if a.name == "D."]


E3_ACCUSED = r'''
# The E3 accused Iran.
# i  word     tag  pos    dep    head  lemma   ent    ws
 >0  The      DT   DET    det    1     the     O      1
  1  E3       NNP  PROPN  nsubj  2     E3      B-ORG  1
  2  accused  VBD  VERB   ROOT   2     accuse  O      1
  3  Iran     NNP  PROPN  dobj   2     Iran    B-GPE  0
  4  .        .    PUNCT  punct  2     .       O      0
'''


def test_a_letter_with_a_digit_is_a_name():
    # "E3", "G7": two characters of letters and digits name a body; one capital alone does not
    doc = run_stages(doc_from_table(E3_ACCUSED), published="2024-03-06")
    assert "E3" in [a.name for a in doc.actors]
