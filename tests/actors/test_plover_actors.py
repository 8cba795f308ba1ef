"""Actor codes on the shapes the PLOVER records show (issue 14), on hand-built parses: no model."""
from __future__ import annotations

from tests.conftest import actor_named
from tests.handmade import doc_from_table, run_stages

OUT_OF_OFFICE = r'''
# Kenyan President Tom Baker met ousted Peruvian President Jon Berg and the former Chilean general Luis Soto.
# i  word       tag  pos    dep       head  lemma      ent       ws
 >0  Kenyan     JJ   ADJ    amod      1     kenyan     B-NORP    1
  1  President  NNP  PROPN  compound  3     President  O         1
  2  Tom        NNP  PROPN  compound  3     Tom        B-PERSON  1
  3  Baker      NNP  PROPN  nsubj     4     Baker      I-PERSON  1
  4  met        VBD  VERB   ROOT      4     meet       O         1
  5  ousted     VBN  VERB   amod      7     oust       O         1
  6  Peruvian   JJ   ADJ    amod      7     peruvian   B-NORP    1
  7  President  NNP  PROPN  compound  9     President  O         1
  8  Jon        NNP  PROPN  compound  9     Jon        B-PERSON  1
  9  Berg       NNP  PROPN  dobj      4     Berg       I-PERSON  1
 10  and        CC   CCONJ  cc        9     and        O         1
 11  the        DT   DET    det       14    the        O         1
 12  former     JJ   ADJ    amod      14    former     O         1
 13  Chilean    JJ   ADJ    amod      14    chilean    B-NORP    1
 14  general    NN   NOUN   conj      9     general    O         1
 15  Luis       NNP  PROPN  compound  16    Luis       B-PERSON  1
 16  Soto       NNP  PROPN  appos     14    Soto       I-PERSON  0
 17  .          .    PUNCT  punct     4     .          O         0
'''


def test_an_ousted_officer_holds_a_former_role():
    doc = run_stages(doc_from_table(OUT_OF_OFFICE))
    codes = {name: (actor_named(doc, name).code, [(r.title, r.status) for r in actor_named(doc, name).roles])
             for name in ("Tom Baker", "Jon Berg", "Luis Soto")}
    assert codes == {"Tom Baker": ("KENGOV", [("Kenyan President", "current")]),
                     "Jon Berg": ("PERGOV", [("ousted Peruvian President", "former")]),
                     "Luis Soto": ("CHLMIL", [("former Chilean general", "former")])}
