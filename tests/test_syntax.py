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

SERBIA_REFUSED = r'''
# Serbia refused to meet Kosovo in Brussels.
# i  word      tag  pos    dep    head  lemma     ent    ws
 >0  Serbia    NNP  PROPN  nsubj  1     Serbia    B-GPE  1
  1  refused   VBD  VERB   ROOT   1     refuse    O      1
  2  to        TO   PART   aux    3     to        O      1
  3  meet      VB   VERB   xcomp  1     meet      O      1
  4  Kosovo    NNP  PROPN  dobj   3     Kosovo    B-GPE  1
  5  in        IN   ADP    prep   3     in        O      1
  6  Brussels  NNP  PROPN  pobj   5     Brussels  B-GPE  0
  7  .         .    PUNCT  punct  1     .         O      0
'''
GERMANY_URGED = r'''
# Germany urged Russia to withdraw its troops from Ukraine.
# i  word      tag   pos    dep    head  lemma     ent    ws
 >0  Germany   NNP   PROPN  nsubj  1     Germany   B-GPE  1
  1  urged     VBD   VERB   ROOT   1     urge      O      1
  2  Russia    NNP   PROPN  dobj   1     Russia    B-GPE  1
  3  to        TO    PART   aux    4     to        O      1
  4  withdraw  VB    VERB   xcomp  1     withdraw  O      1
  5  its       PRP$  PRON   poss   6     its       O      1
  6  troops    NNS   NOUN   dobj   4     troop     O      1
  7  from      IN    ADP    prep   4     from      O      1
  8  Ukraine   NNP   PROPN  pobj   7     Ukraine   B-GPE  0
  9  .         .     PUNCT  punct  1     .         O      0
'''
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
KENYA_ACCUSED_BY = r'''
# Kenya was accused by Somalia of violating its airspace.
# i  word       tag   pos    dep        head  lemma     ent    ws
 >0  Kenya      NNP   PROPN  nsubjpass  2     Kenya     B-GPE  1
  1  was        VBD   AUX    auxpass    2     be        O      1
  2  accused    VBN   VERB   ROOT       2     accuse    O      1
  3  by         IN    ADP    agent      2     by        O      1
  4  Somalia    NNP   PROPN  pobj       3     Somalia   B-GPE  1
  5  of         IN    ADP    prep       2     of        O      1
  6  violating  VBG   VERB   pcomp      5     violate   O      1
  7  its        PRP$  PRON   poss       8     its       O      1
  8  airspace   NN    NOUN   dobj       6     airspace  O      0
  9  .          .     PUNCT  punct      2     .         O      0
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
WHO_LEADS = r'''
# Grace Mwale, who leads the People's Renewal Party, rejected the results.
# i  word      tag   pos    dep       head  lemma    ent       ws
 >0  Grace     NNP   PROPN  compound  1     Grace    B-PERSON  1
  1  Mwale     NNP   PROPN  nsubj     11    Mwale    I-PERSON  0
  2  ,         ,     PUNCT  punct     1     ,        O         1
  3  who       WP    PRON   nsubj     4     who      O         1
  4  leads     VBZ   VERB   relcl     1     lead     O         1
  5  the       DT    DET    det       6     the      B-ORG     1
  6  People    NNPS  PROPN  poss      9     People   I-ORG     0
  7  's        POS   PART   case      6     's       I-ORG     1
  8  Renewal   NNP   PROPN  compound  9     Renewal  I-ORG     1
  9  Party     NNP   PROPN  dobj      4     Party    I-ORG     0
 10  ,         ,     PUNCT  punct     1     ,        O         1
 11  rejected  VBD   VERB   ROOT      11    reject   O         1
 12  the       DT    DET    det       13    the      O         1
 13  results   NNS   NOUN   dobj      11    result   O         0
 14  .         .     PUNCT  punct     11    .        O         0
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
THREATENED_ON_MONDAY = r'''
# Iran threatened on Monday to reduce its cooperation with the International Atomic Energy Agency.
# i  word           tag   pos    dep       head  lemma          ent     ws
 >0  Iran           NNP   PROPN  nsubj     1     Iran           B-GPE   1
  1  threatened     VBD   VERB   ROOT      1     threaten       O       1
  2  on             IN    ADP    prep      1     on             O       1
  3  Monday         NNP   PROPN  pobj      2     Monday         B-DATE  1
  4  to             TO    PART   aux       5     to             O       1
  5  reduce         VB    VERB   advcl     1     reduce         O       1
  6  its            PRP$  PRON   poss      7     its            O       1
  7  cooperation    NN    NOUN   dobj      5     cooperation    O       1
  8  with           IN    ADP    prep      7     with           O       1
  9  the            DT    DET    det       13    the            B-ORG   1
 10  International  NNP   PROPN  compound  12    International  I-ORG   1
 11  Atomic         NNP   PROPN  compound  12    Atomic         I-ORG   1
 12  Energy         NNP   PROPN  compound  13    Energy         I-ORG   1
 13  Agency         NNP   PROPN  pobj      8     Agency         I-ORG   0
 14  .              .     PUNCT  punct     1     .              O       0
'''
CALLED_FOR_MALI = r'''
# Senegal called for Mali to release the soldiers.
# i  word      tag  pos    dep    head  lemma    ent       ws
 >0  Senegal   NNP  PROPN  nsubj  1     Senegal  O         1
  1  called    VBD  VERB   ROOT   1     call     O         1
  2  for       IN   SCONJ  mark   5     for      O         1
  3  Mali      NNP  PROPN  nsubj  5     Mali     B-PERSON  1
  4  to        TO   PART   aux    5     to       O         1
  5  release   VB   VERB   advcl  1     release  O         1
  6  the       DT   DET    det    7     the      O         1
  7  soldiers  NNS  NOUN   dobj   5     soldier  O         0
  8  .         .    PUNCT  punct  1     .        O         0
'''
READY_TO_MEDIATE = r'''
# Norway is ready to mediate between Sudan and Chad.
# i  word     tag  pos    dep    head  lemma    ent    ws
 >0  Norway   NNP  PROPN  nsubj  1     Norway   B-GPE  1
  1  is       VBZ  AUX    ROOT   1     be       O      1
  2  ready    JJ   ADJ    acomp  1     ready    O      1
  3  to       TO   PART   aux    4     to       O      1
  4  mediate  VB   VERB   xcomp  2     mediate  O      1
  5  between  IN   ADP    prep   4     between  O      1
  6  Sudan    NNP  PROPN  pobj   5     Sudan    B-GPE  1
  7  and      CC   CCONJ  cc     6     and      O      1
  8  Chad     NNP  PROPN  conj   6     Chad     B-GPE  0
  9  .        .    PUNCT  punct  1     .        O      0
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
FAILED_TO_REACH = r'''
# Britain and the EU failed to reach a deal on fishing.
# i  word     tag  pos    dep    head  lemma    ent    ws
 >0  Britain  NNP  PROPN  nsubj  4     Britain  B-GPE  1
  1  and      CC   CCONJ  cc     0     and      O      1
  2  the      DT   DET    det    3     the      O      1
  3  EU       NNP  PROPN  conj   0     EU       B-ORG  1
  4  failed   VBD  VERB   ROOT   4     fail     O      1
  5  to       TO   PART   aux    6     to       O      1
  6  reach    VB   VERB   xcomp  4     reach    O      1
  7  a        DT   DET    det    8     a        O      1
  8  deal     NN   NOUN   dobj   6     deal     O      1
  9  on       IN   ADP    prep   6     on       O      1
 10  fishing  VBG  VERB   pobj   9     fish     O      0
 11  .        .    PUNCT  punct  4     .        O      0
'''
CARRIED_OUT = r'''
# Israel carried out a strike on Gaza.
# i  word     tag  pos    dep    head  lemma   ent    ws
 >0  Israel   NNP  PROPN  nsubj  1     Israel  B-GPE  1
  1  carried  VBD  VERB   ROOT   1     carry   O      1
  2  out      RP   ADP    prt    1     out     O      1
  3  a        DT   DET    det    4     a       O      1
  4  strike   NN   NOUN   dobj   1     strike  O      1
  5  on       IN   ADP    prep   4     on      O      1
  6  Gaza     NNP  PROPN  pobj   5     Gaza    B-GPE  0
  7  .        .    PUNCT  punct  1     .       O      0
'''
LAUNCHED_STRIKES = r'''
# Saudi Arabia launched air strikes on Yemen.
# i  word      tag  pos    dep       head  lemma   ent    ws
 >0  Saudi     NNP  PROPN  compound  1     Saudi   B-GPE  1
  1  Arabia    NNP  PROPN  nsubj     2     Arabia  I-GPE  1
  2  launched  VBD  VERB   ROOT      2     launch  O      1
  3  air       NN   NOUN   compound  4     air     O      1
  4  strikes   NNS  NOUN   dobj      2     strike  O      1
  5  on        IN   ADP    prep      2     on      O      1
  6  Yemen     NNP  PROPN  pobj      5     Yemen   B-GPE  0
  7  .         .    PUNCT  punct     2     .       O      0
'''
WENT_ON_STRIKE = r'''
# Teachers in Chile went on strike against the government.
# i  word        tag  pos    dep    head  lemma       ent    ws
 >0  Teachers    NNS  NOUN   nsubj  3     teacher     O      1
  1  in          IN   ADP    prep   0     in          O      1
  2  Chile       NNP  PROPN  pobj   1     Chile       B-GPE  1
  3  went        VBD  VERB   ROOT   3     go          O      1
  4  on          IN   ADP    prep   3     on          O      1
  5  strike      NN   NOUN   pobj   4     strike      O      1
  6  against     IN   ADP    prep   5     against     O      1
  7  the         DT   DET    det    8     the         O      1
  8  government  NN   NOUN   pobj   6     government  O      0
  9  .           .    PUNCT  punct  3     .           O      0
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
CHILEAN_GOVERNMENT = r'''
# The Chilean government sent the pension bill to Congress on Tuesday.
# i  word        tag  pos    dep       head  lemma       ent     ws
 >0  The         DT   DET    det       2     the         O       1
  1  Chilean     JJ   ADJ    amod      2     chilean     B-NORP  1
  2  government  NN   NOUN   nsubj     3     government  O       1
  3  sent        VBD  VERB   ROOT      3     send        O       1
  4  the         DT   DET    det       6     the         O       1
  5  pension     NN   NOUN   compound  6     pension     O       1
  6  bill        NN   NOUN   dobj      3     bill        O       1
  7  to          IN   ADP    dative    3     to          O       1
  8  Congress    NNP  PROPN  pobj      7     Congress    B-ORG   1
  9  on          IN   ADP    prep      3     on          O       1
 10  Tuesday     NNP  PROPN  pobj      9     Tuesday     B-DATE  0
 11  .           .    PUNCT  punct     3     .           O       0
'''
OFFERED_TALKS = r'''
# Guyana offered talks to Venezuela.
# i  word       tag  pos    dep    head  lemma      ent    ws
 >0  Guyana     NNP  PROPN  nsubj  1     Guyana     B-GPE  1
  1  offered    VBD  VERB   ROOT   1     offer      O      1
  2  talks      NNS  NOUN   dobj   1     talk       O      1
  3  to         IN   ADP    prep   2     to         O      1
  4  Venezuela  NNP  PROPN  pobj   3     Venezuela  B-GPE  0
  5  .          .    PUNCT  punct  1     .          O      0
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


@pytest.mark.parametrize("table, noun, subject", [
    (LAUNCHED_STRIKES, "strikes", "Arabia"),
    (CARRIED_OUT, "strike", "Israel"),
    (WENT_ON_STRIKE, "strike", "Teachers"),  # "went on strike"
    (CHINA_THREATENED_AND_PRAISED, "Pakistan", "China"),
    (KENYA_ACCUSED_BY, "Kenya", "Somalia"),  # a passive subject's governor is the agent
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
