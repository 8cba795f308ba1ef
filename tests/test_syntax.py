"""Parse walks (``dyad/syntax.py``) on hand-built parses: no model is loaded.

Each table is the model's parse of a sentence from the rule tests, frozen with
``tools/doc_table.py``; the tests pin what the walks read from that parse.
"""
from __future__ import annotations

import pytest

from dyad.syntax import (
    carrier_of,
    clause_head,
    definite,
    for_clause,
    governing_subject,
    governor_of,
    infinitive_complement,
    is_passive,
    prep_objects,
    subject_of,
    with_conjuncts,
)
from tests.handmade import doc_from_table, token
from tests.frozen_parses import (
    ACCUSED_BY as KENYA_ACCUSED_BY,
    CALLED_FOR_MALI,
    CARRIED_OUT_A_STRIKE as CARRIED_OUT,
    FAILED_TO_REACH,
    LAUNCHED_STRIKES,
    OFFERED_TALKS,
    READY_TO_MEDIATE,
    REFUSED_TO_MEET as SERBIA_REFUSED,
    ROLE_IN_RELATIVE_CLAUSE as WHO_LEADS,
    SHARED_NAME_AT_HOME as CHILEAN_GOVERNMENT,
    THREATENED_ON_MONDAY,
    URGED_TO_WITHDRAW as GERMANY_URGED,
    WENT_ON_STRIKE,
)

CALLED_ON = r'''
# The Philippines called on Beijing to return the seized boats.
# i  word         tag  pos    dep    head  lemma        ent    ws
 >0  The          DT   DET    det    1     the          O      1
  1  Philippines  NNP  PROPN  nsubj  2     Philippines  B-GPE  1
  2  called       VBD  VERB   ROOT   2     call         O      1
  3  on           IN   ADP    prep   2     on           O      1
  4  Beijing      NNP  PROPN  pobj   3     Beijing      B-GPE  1
  5  to           TO   PART   aux    6     to           O      1
  6  return       VB   VERB   xcomp  2     return       O      1
  7  the          DT   DET    det    9     the          O      1
  8  seized       JJ   ADJ    amod   9     seized       O      1
  9  boats        NNS  NOUN   dobj   6     boat         O      0
 10  .            .    PUNCT  punct  2     .            O      0
'''
CHINA_THREATENED_AND_PRAISED = r'''
# China threatened Taiwan and praised Pakistan.
# i  word        tag  pos    dep    head  lemma     ent    ws
 >0  China       NNP  PROPN  nsubj  1     China     B-GPE  1
  1  threatened  VBD  VERB   ROOT   1     threaten  O      1
  2  Taiwan      NNP  PROPN  dobj   1     Taiwan    B-GPE  1
  3  and         CC   CCONJ  cc     1     and       O      1
  4  praised     VBD  VERB   conj   1     praise    O      1
  5  Pakistan    NNP  PROPN  dobj   4     Pakistan  B-GPE  0
  6  .           .    PUNCT  punct  1     .         O      0
'''
SIEGE_IMPOSED = r'''
# Egypt condemned the siege imposed on Gaza.
# i  word       tag  pos    dep    head  lemma    ent    ws
 >0  Egypt      NNP  PROPN  nsubj  1     Egypt    B-GPE  1
  1  condemned  VBD  VERB   ROOT   1     condemn  O      1
  2  the        DT   DET    det    3     the      O      1
  3  siege      NN   NOUN   dobj   1     siege    O      1
  4  imposed    VBN  VERB   acl    3     impose   O      1
  5  on         IN   ADP    prep   4     on       O      1
  6  Gaza       NNP  PROPN  pobj   5     Gaza     B-GPE  0
  7  .          .    PUNCT  punct  1     .        O      0
'''
FIRST_TO_RECOGNISE = r'''
# Kenya was the first country to recognise Kosovo.
# i  word       tag  pos    dep    head  lemma      ent        ws
 >0  Kenya      NNP  PROPN  nsubj  1     Kenya      B-GPE      1
  1  was        VBD  AUX    ROOT   1     be         O          1
  2  the        DT   DET    det    4     the        O          1
  3  first      JJ   ADJ    amod   4     first      B-ORDINAL  1
  4  country    NN   NOUN   attr   1     country    O          1
  5  to         TO   PART   aux    6     to         O          1
  6  recognise  VB   VERB   relcl  4     recognise  O          1
  7  Kosovo     NNP  PROPN  dobj   6     Kosovo     B-GPE      0
  8  .          .    PUNCT  punct  1     .          O          0
'''
AGREED_TO_RESTORE = r'''
# Ethiopia and Somalia agreed on Tuesday to restore full diplomatic relations.
# i  word        tag  pos    dep    head  lemma       ent     ws
 >0  Ethiopia    NNP  PROPN  nsubj  3     Ethiopia    B-GPE   1
  1  and         CC   CCONJ  cc     0     and         O       1
  2  Somalia     NNP  PROPN  conj   0     Somalia     B-GPE   1
  3  agreed      VBD  VERB   ROOT   3     agree       O       1
  4  on          IN   ADP    prep   3     on          O       1
  5  Tuesday     NNP  PROPN  pobj   4     Tuesday     B-DATE  1
  6  to          TO   PART   aux    7     to          O       1
  7  restore     VB   VERB   xcomp  3     restore     O       1
  8  full        JJ   ADJ    amod   10    full        O       1
  9  diplomatic  JJ   ADJ    amod   10    diplomatic  O       1
 10  relations   NNS  NOUN   dobj   7     relation    O       0
 11  .           .    PUNCT  punct  3     .           O       0
'''
OPENED_AND_RETURNED = r'''
# Armenia said Azerbaijan opened fire and Armenian troops returned fire.
# i  word        tag  pos    dep    head  lemma       ent       ws
 >0  Armenia     NNP  PROPN  nsubj  1     Armenia     B-ORG     1
  1  said        VBD  VERB   ROOT   1     say         O         1
  2  Azerbaijan  NNP  PROPN  nsubj  3     Azerbaijan  B-PERSON  1
  3  opened      VBD  VERB   ccomp  1     open        O         1
  4  fire        NN   NOUN   dobj   3     fire        O         1
  5  and         CC   CCONJ  cc     3     and         O         1
  6  Armenian    JJ   ADJ    amod   7     armenian    B-NORP    1
  7  troops      NNS  NOUN   nsubj  8     troop       O         1
  8  returned    VBD  VERB   conj   3     return      O         1
  9  fire        NN   NOUN   dobj   8     fire        O         0
 10  .           .    PUNCT  punct  1     .           O         0
'''
MET_WITH_AND_WITH = r'''
# Ahmed Hassan met in 2011 with President Michelle Bachelet in Santiago and with Foreign Minister Sergey Lavrov in Geneva in 2016.
# i  word       tag  pos    dep       head  lemma      ent       ws
 >0  Ahmed      NNP  PROPN  compound  1     Ahmed      B-PERSON  1
  1  Hassan     NNP  PROPN  nsubj     2     Hassan     I-PERSON  1
  2  met        VBD  VERB   ROOT      2     meet       O         1
  3  in         IN   ADP    prep      2     in         O         1
  4  2011       CD   NUM    pobj      3     2011       B-DATE    1
  5  with       IN   ADP    prep      2     with       O         1
  6  President  NNP  PROPN  compound  8     President  O         1
  7  Michelle   NNP  PROPN  compound  8     Michelle   B-PERSON  1
  8  Bachelet   NNP  PROPN  pobj      5     Bachelet   I-PERSON  1
  9  in         IN   ADP    prep      8     in         O         1
 10  Santiago   NNP  PROPN  pobj      9     Santiago   B-GPE     1
 11  and        CC   CCONJ  cc        5     and        O         1
 12  with       IN   ADP    conj      5     with       O         1
 13  Foreign    NNP  PROPN  compound  14    Foreign    O         1
 14  Minister   NNP  PROPN  compound  16    Minister   O         1
 15  Sergey     NNP  PROPN  compound  16    Sergey     B-PERSON  1
 16  Lavrov     NNP  PROPN  pobj      12    Lavrov     I-PERSON  1
 17  in         IN   ADP    prep      16    in         O         1
 18  Geneva     NNP  PROPN  pobj      17    Geneva     B-GPE     1
 19  in         IN   ADP    prep      2     in         O         1
 20  2016       CD   NUM    pobj      19    2016       B-DATE    0
 21  .          .    PUNCT  punct     2     .          O         0
'''


def text_of(tok):
    return None if tok is None else tok.text


# ---------------------------------------------------------------- subject_of

@pytest.mark.parametrize("table, verb, subject", [
    (SERBIA_REFUSED, "meet", "Serbia"),  # subject control: the infinitive's subject is the refuser
    (GERMANY_URGED, "withdraw", "Russia"),  # object control after a verb of requesting
    (CALLED_ON, "return", "Beijing"),  # "called on X to": X is asked
    (CHINA_THREATENED_AND_PRAISED, "praised", "China"),  # a coordinated verb shares its subject
    (KENYA_ACCUSED_BY, "accused", "Somalia"),  # a passive's agent is its logical subject
    (WHO_LEADS, "leads", "who"),  # a relative clause's own subject; actor_of takes "who" to its noun
    (FIRST_TO_RECOGNISE, "recognise", "country"),  # a relative clause without a subject: the noun it modifies
    (AGREED_TO_RESTORE, "restore", "Ethiopia"),
    (THREATENED_ON_MONDAY, "reduce", "Iran"),  # an infinitive read as a purpose clause, after a date
    (CALLED_FOR_MALI, "release", "Mali"),  # "for X to" names its own subject
    (READY_TO_MEDIATE, "mediate", "Norway"),  # past the adjective "ready" to the copula's subject
    (OPENED_AND_RETURNED, "returned", "troops"),  # a conjunct with its own subject keeps it
    (SIEGE_IMPOSED, "imposed", None),  # "the siege imposed on Gaza": the agent is unstated
])
def test_subject_of(table, verb, subject):
    doc = doc_from_table(table)
    assert text_of(subject_of(token(doc, verb))) == subject


def test_subject_conjuncts():
    doc = doc_from_table(AGREED_TO_RESTORE)
    assert [t.text for t in with_conjuncts(subject_of(token(doc, "restore")))] == ["Ethiopia", "Somalia"]
    assert with_conjuncts(None) == []


def test_passive():
    doc = doc_from_table(KENYA_ACCUSED_BY)
    assert is_passive(token(doc, "accused"))
    assert not is_passive(token(doc, "violating"))


# ---------------------------------------------------------------- clauses and their governors

def test_infinitive_after_a_date_is_a_complement():
    doc = doc_from_table(THREATENED_ON_MONDAY)
    reduce = token(doc, "reduce")
    assert reduce.dep_ == "advcl" and infinitive_complement(reduce)
    assert not infinitive_complement(token(doc, "threatened"))


def test_for_clause():
    doc = doc_from_table(CALLED_FOR_MALI)
    assert for_clause(token(doc, "release"))
    assert not for_clause(token(doc, "called"))


def test_clause_head_and_governor():
    doc = doc_from_table(OPENED_AND_RETURNED)
    assert clause_head(token(doc, "returned")).text == "opened"
    assert governor_of(token(doc, "returned")).text == "said"
    ready = doc_from_table(READY_TO_MEDIATE)
    assert governor_of(token(ready, "mediate")).text == "ready"  # "ready" commits: it is the governor


# ---------------------------------------------------------------- event nouns

@pytest.mark.parametrize("table, noun, carrier", [
    (FAILED_TO_REACH, "deal", "reach"),  # a light verb carries the noun's status
    (CARRIED_OUT, "strike", "carried"),  # a support verb
    (LAUNCHED_STRIKES, "strikes", "launched"),
    (OFFERED_TALKS, "talks", "offered"),
    (SIEGE_IMPOSED, "siege", "siege"),  # "condemned" carries nothing: the noun is its own carrier
])
def test_carrier_of(table, noun, carrier):
    doc = doc_from_table(table)
    assert carrier_of(token(doc, noun)).text == carrier


AGREED_TO_A_CEASEFIRE = r'''
# Ethiopia agreed to a ceasefire.
# i  word       tag  pos    dep    head  lemma      ent    ws
 >0  Ethiopia   NNP  PROPN  nsubj  1     Ethiopia   B-GPE  1
  1  agreed     VBD  VERB   ROOT   1     agree      O      1
  2  to         IN   ADP    prep   1     to         O      1
  3  a          DT   DET    det    4     a          O      1
  4  ceasefire  NN   NOUN   pobj   2     ceasefire  O      0
  5  .          .    PUNCT  punct  1     .          O      0
'''


@pytest.mark.parametrize("table, noun, subject", [
    (LAUNCHED_STRIKES, "strikes", "Arabia"),
    (CARRIED_OUT, "strike", "Israel"),
    (WENT_ON_STRIKE, "strike", "Teachers"),  # "went on strike"
    (CHINA_THREATENED_AND_PRAISED, "Pakistan", "China"),
    (KENYA_ACCUSED_BY, "Kenya", "Somalia"),  # a passive subject's governor is the agent
    (AGREED_TO_A_CEASEFIRE, "ceasefire", "Ethiopia"),  # who agrees to an act is its doer
])
def test_governing_subject(table, noun, subject):
    doc = doc_from_table(table)
    assert text_of(governing_subject(token(doc, noun))) == subject


def test_coordinated_prepositions_give_every_object():
    doc = doc_from_table(MET_WITH_AND_WITH)
    assert [t.text for t in prep_objects(token(doc, "met"), "with")] == ["Bachelet", "Lavrov"]
    assert [t.text for t in prep_objects(token(doc, "Bachelet"), "in")] == ["Santiago"]
    assert prep_objects(token(doc, "met"), "by") == []


@pytest.mark.parametrize("table, noun, options, expected", [
    (CHILEAN_GOVERNMENT, "government", {}, True),
    (CHILEAN_GOVERNMENT, "government", {"unmodified": True}, False),  # "the Chilean government" is modified
    (CHILEAN_GOVERNMENT, "bill", {"unmodified": True}, False),  # so is "the pension bill"
    (SIEGE_IMPOSED, "siege", {"unmodified": True}, True),
    (OFFERED_TALKS, "talks", {}, False),
])
def test_definite(table, noun, options, expected):
    doc = doc_from_table(table)
    assert definite(token(doc, noun), **options) is expected
