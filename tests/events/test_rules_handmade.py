"""Event rules on hand-built parses: realis, recoding, arguments and anaphora, no model loaded.

Each table is the model's parse of a sentence from ``test_events.py``, frozen with
``tools/doc_table.py``; the expected values are that test's, made exact: every event the
text yields, as (source, target, CAMEO code, trigger, realis).
"""
from __future__ import annotations

import pytest

from dyad.events.realis import realis_of
from tests.handmade import doc_from_table, run_stages, token
from tests.frozen_parses import ACCUSED_BY, CALLED_FOR_MALI, CARRIED_OUT_A_STRIKE, FAILED_TO_REACH, LAUNCHED_STRIKES, OFFERED_TALKS, READY_TO_MEDIATE, REFUSED_TO_MEET, THREATENED_ON_MONDAY, URGED_TO_WITHDRAW, WENT_ON_STRIKE


def coded(table, published="2024-03-06"):
    doc = run_stages(doc_from_table(table), published=published)
    names = {a.id: a.name for a in doc.actors}
    return [(names.get(e.source), names.get(e.target), e.cameo, e.trigger.text, e.realis) for e in doc.events]


def only_event(table, published="2024-03-06"):
    doc = run_stages(doc_from_table(table), published=published)
    assert len(doc.events) == 1, doc.events
    return doc.events[0]


# ---------------------------------------------------------------- realis

DID_NOT_ATTACK = r'''
# Turkey did not attack Greece.
# i  word    tag  pos    dep    head  lemma   ent    ws
 >0  Turkey  NNP  PROPN  nsubj  3     Turkey  B-GPE  1
  1  did     VBD  AUX    aux    3     do      O      1
  2  not     RB   PART   neg    3     not     O      1
  3  attack  VB   VERB   ROOT   3     attack  O      1
  4  Greece  NNP  PROPN  dobj   3     Greece  B-GPE  0
  5  .       .    PUNCT  punct  3     .       O      0
'''
WILL_HOST = r'''
# India will host Pakistan for talks next month.
# i  word      tag  pos    dep       head  lemma     ent     ws
 >0  India     NNP  PROPN  nsubj     2     India     B-GPE   1
  1  will      MD   AUX    aux       2     will      O       1
  2  host      VB   VERB   ROOT      2     host      O       1
  3  Pakistan  NNP  PROPN  dobj      2     Pakistan  B-GPE   1
  4  for       IN   ADP    prep      2     for       O       1
  5  talks     NNS  NOUN   pobj      4     talk      O       1
  6  next      IN   ADP    nmod      7     next      B-DATE  1
  7  month     NN   NOUN   npadvmod  5     month     I-DATE  0
  8  .         .    PUNCT  punct     2     .         O       0
'''
IF_TALKS_FAIL = r'''
# If talks fail, Israel could strike Iran.
# i  word    tag  pos    dep    head  lemma   ent    ws
 >0  If      IN   SCONJ  mark   2     if      O      1
  1  talks   NNS  NOUN   nsubj  2     talk    O      1
  2  fail    VBP  VERB   advcl  6     fail    O      0
  3  ,       ,    PUNCT  punct  6     ,       O      1
  4  Israel  NNP  PROPN  nsubj  6     Israel  B-GPE  1
  5  could   MD   AUX    aux    6     could   O      1
  6  strike  VB   VERB   ROOT   6     strike  O      1
  7  Iran    NNP  PROPN  dobj   6     Iran    B-GPE  0
  8  .       .    PUNCT  punct  6     .       O      0
'''
WOULD_HAVE_STRUCK = r'''
# A US official said the United States would have struck Iranian bases in Syria if the missiles had hit.
# i  word      tag  pos    dep       head  lemma     ent     ws
 >0  A         DT   DET    det       2     a         O       1
  1  US        NNP  PROPN  compound  2     US        B-GPE   1
  2  official  NN   NOUN   nsubj     3     official  O       1
  3  said      VBD  VERB   ROOT      3     say       O       1
  4  the       DT   DET    det       6     the       B-GPE   1
  5  United    NNP  PROPN  compound  6     United    I-GPE   1
  6  States    NNP  PROPN  nsubj     9     States    I-GPE   1
  7  would     MD   AUX    aux       9     would     O       1
  8  have      VB   AUX    aux       9     have      O       1
  9  struck    VBN  VERB   ccomp     3     strike    O       1
 10  Iranian   JJ   ADJ    amod      11    iranian   B-NORP  1
 11  bases     NNS  NOUN   dobj      9     basis     O       1
 12  in        IN   ADP    prep      9     in        O       1
 13  Syria     NNP  PROPN  pobj      12    Syria     B-GPE   1
 14  if        IN   SCONJ  mark      18    if        O       1
 15  the       DT   DET    det       16    the       O       1
 16  missiles  NNS  NOUN   nsubj     18    missile   O       1
 17  had       VBD  AUX    aux       18    have      O       1
 18  hit       VBN  VERB   advcl     9     hit       O       0
 19  .         .    PUNCT  punct     3     .         O       0
'''
VISITED_ON_MONDAY = r'''
# Egypt's foreign minister visited Jordan on Monday.
# i  word      tag  pos    dep    head  lemma     ent       ws
 >0  Egypt     NNP  PROPN  poss   3     Egypt     B-GPE     0
  1  's        POS  PART   case   0     's        O         1
  2  foreign   JJ   ADJ    amod   3     foreign   O         1
  3  minister  NN   NOUN   nsubj  4     minister  O         1
  4  visited   VBD  VERB   ROOT   4     visit     O         1
  5  Jordan    NNP  PROPN  dobj   4     Jordan    B-PERSON  1
  6  on        IN   ADP    prep   4     on        O         1
  7  Monday    NNP  PROPN  pobj   6     Monday    B-DATE    0
  8  .         .    PUNCT  punct  4     .         O         0
'''
MUST_WITHDRAW = r'''
# Kenya said Uganda must withdraw its forces from the border.
# i  word      tag   pos    dep    head  lemma     ent    ws
 >0  Kenya     NNP   PROPN  nsubj  1     Kenya     B-GPE  1
  1  said      VBD   VERB   ROOT   1     say       O      1
  2  Uganda    NNP   PROPN  nsubj  4     Uganda    B-GPE  1
  3  must      MD    AUX    aux    4     must      O      1
  4  withdraw  VB    VERB   ccomp  1     withdraw  O      1
  5  its       PRP$  PRON   poss   6     its       O      1
  6  forces    NNS   NOUN   dobj   4     force     O      1
  7  from      IN    ADP    prep   4     from      O      1
  8  the       DT    DET    det    9     the       O      1
  9  border    NN    NOUN   pobj   7     border    O      0
 10  .         .     PUNCT  punct  1     .         O      0
'''
AGREED_TO_LIFT = r'''
# Kenya agreed to lift sanctions on Uganda.
# i  word       tag  pos    dep    head  lemma     ent    ws
 >0  Kenya      NNP  PROPN  nsubj  1     Kenya     B-GPE  1
  1  agreed     VBD  VERB   ROOT   1     agree     O      1
  2  to         TO   PART   aux    3     to        O      1
  3  lift       VB   VERB   xcomp  1     lift      O      1
  4  sanctions  NNS  NOUN   dobj   3     sanction  O      1
  5  on         IN   ADP    prep   4     on        O      1
  6  Uganda     NNP  PROPN  pobj   5     Uganda    B-GPE  0
  7  .          .    PUNCT  punct  1     .         O      0
'''
WANTS_RUSSIA_TO = r'''
# Hamas wants Russia to play a larger role in the talks.
# i  word    tag  pos    dep    head  lemma   ent    ws
 >0  Hamas   NNP  PROPN  nsubj  1     Hamas   B-ORG  1
  1  wants   VBZ  VERB   ROOT   1     want    O      1
  2  Russia  NNP  PROPN  nsubj  4     Russia  B-GPE  1
  3  to      TO   PART   aux    4     to      O      1
  4  play    VB   VERB   ccomp  1     play    O      1
  5  a       DT   DET    det    7     a       O      1
  6  larger  JJR  ADJ    amod   7     large   O      1
  7  role    NN   NOUN   dobj   4     role    O      1
  8  in      IN   ADP    prep   7     in      O      1
  9  the     DT   DET    det    10    the     O      1
 10  talks   NNS  NOUN   pobj   8     talk    O      0
 11  .       .    PUNCT  punct  1     .       O      0
'''


@pytest.mark.parametrize("table, word, realis", [
    (DID_NOT_ATTACK, "attack", "negated"),
    (FAILED_TO_REACH, "deal", "negated"),  # through the light verb "reach" to "failed"
    (WILL_HOST, "host", "intended"),
    (AGREED_TO_LIFT, "lift", "intended"),
    (URGED_TO_WITHDRAW, "withdraw", "requested"),
    (MUST_WITHDRAW, "withdraw", "requested"),  # "said Uganda must": a demand on another
    (IF_TALKS_FAIL, "strike", "hypothetical"),
    (WOULD_HAVE_STRUCK, "struck", "hypothetical"),  # counterfactual, not an announcement
    (VISITED_ON_MONDAY, "visited", "asserted"),
])
def test_realis_of(table, word, realis):
    assert realis_of(token(doc_from_table(table), word)) == realis


@pytest.mark.parametrize("table, events", [
    (DID_NOT_ATTACK, [("Turkey", "Greece", "190", "attack", "negated")]),
    (FAILED_TO_REACH, [("United Kingdom", "European Union", "057", "deal", "negated")]),
    (WILL_HOST, [("India", "Pakistan", "043", "host", "intended")]),
    (IF_TALKS_FAIL, [("Israel", "Iran", "190", "strike", "hypothetical")]),
    (WOULD_HAVE_STRUCK, [("United States", "Iran", "190", "struck", "hypothetical")]),
    # an appeal is coded with what it asks for (0256: de-escalate), not as the act asked for
    (URGED_TO_WITHDRAW, [("Germany", "Russia", "0256", "urged", "requested")]),
    # "wants Russia to play": realis_of(play) says intended (want is also an intending verb);
    # the appeal's code (02) makes the event a request
    (WANTS_RUSSIA_TO, [("Hamas", "Russia", "020", "wants", "requested")]),
])
def test_realis_reaches_the_event(table, events):
    assert coded(table) == events


def test_an_asserted_visit_is_dated_and_placed():
    event = only_event(VISITED_ON_MONDAY, published="2024-03-06")
    assert (event.cameo, event.label, event.quad_class, event.realis) == ("042", "Make a visit", 1, "asserted")
    assert (event.date, event.date_granularity, event.date_text) == ("2024-03-04", "day", "Monday")
    assert (event.place.name, event.place.country) == ("Jordan", "JOR")


# ---------------------------------------------------------------- recoding: what is said about an act

REFUSED_TO_HOLD_TALKS = r'''
# The Congolese government has refused to hold direct talks with the M23 rebels.
# i  word        tag  pos    dep       head  lemma       ent     ws
 >0  The         DT   DET    det       2     the         O       1
  1  Congolese   JJ   ADJ    amod      2     congolese   B-NORP  1
  2  government  NN   NOUN   nsubj     4     government  O       1
  3  has         VBZ  AUX    aux       4     have        O       1
  4  refused     VBN  VERB   ROOT      4     refuse      O       1
  5  to          TO   PART   aux       6     to          O       1
  6  hold        VB   VERB   xcomp     4     hold        O       1
  7  direct      JJ   ADJ    amod      8     direct      O       1
  8  talks       NNS  NOUN   dobj      6     talk        O       1
  9  with        IN   ADP    prep      8     with        O       1
 10  the         DT   DET    det       12    the         O       1
 11  M23         NNP  PROPN  compound  12    M23         B-GPE   1
 12  rebels      NNS  NOUN   pobj      9     rebel       O       0
 13  .           .    PUNCT  punct     4     .           O       0
'''
OFFERED_TO_SHARE = r'''
# Peru offered to share information with Chile.
# i  word         tag  pos    dep    head  lemma        ent    ws
 >0  Peru         NNP  PROPN  nsubj  1     Peru         B-GPE  1
  1  offered      VBD  VERB   ROOT   1     offer        O      1
  2  to           TO   PART   aux    3     to           O      1
  3  share        VB   VERB   xcomp  1     share        O      1
  4  information  NN   NOUN   dobj   3     information  O      1
  5  with         IN   ADP    prep   4     with         O      1
  6  Chile        NNP  PROPN  pobj   5     Chile        B-GPE  0
  7  .            .    PUNCT  punct  1     .            O      0
'''
SAID_IT_WOULD_SEND = r'''
# Chile said it would send humanitarian aid to Bolivia.
# i  word          tag  pos    dep    head  lemma         ent    ws
 >0  Chile         NNP  PROPN  nsubj  1     Chile         B-ORG  1
  1  said          VBD  VERB   ROOT   1     say           O      1
  2  it            PRP  PRON   nsubj  4     it            O      1
  3  would         MD   AUX    aux    4     would         O      1
  4  send          VB   VERB   ccomp  1     send          O      1
  5  humanitarian  JJ   ADJ    amod   6     humanitarian  O      1
  6  aid           NN   NOUN   dobj   4     aid           O      1
  7  to            IN   ADP    prep   4     to            O      1
  8  Bolivia       NNP  PROPN  pobj   7     Bolivia       B-GPE  0
  9  .             .    PUNCT  punct  1     .             O      0
'''
PLANS_TO_VISIT = r'''
# Egypt's foreign minister plans to visit Jordan next week.
# i  word      tag  pos    dep       head  lemma     ent     ws
 >0  Egypt     NNP  PROPN  poss      3     Egypt     B-GPE   0
  1  's        POS  PART   case      0     's        O       1
  2  foreign   JJ   ADJ    amod      3     foreign   O       1
  3  minister  NN   NOUN   nsubj     4     minister  O       1
  4  plans     VBZ  VERB   ROOT      4     plan      O       1
  5  to        TO   PART   aux       6     to        O       1
  6  visit     VB   VERB   xcomp     4     visit     O       1
  7  Jordan    NNP  PROPN  dobj      6     Jordan    B-GPE   1
  8  next      JJ   ADJ    amod      9     next      B-DATE  1
  9  week      NN   NOUN   npadvmod  6     week      I-DATE  0
 10  .         .    PUNCT  punct     4     .         O       0
'''
URGED_TO_RELEASE = r'''
# Iran urged Britain to release the tanker.
# i  word     tag  pos    dep    head  lemma    ent    ws
 >0  Iran     NNP  PROPN  nsubj  1     Iran     B-GPE  1
  1  urged    VBD  VERB   ROOT   1     urge     O      1
  2  Britain  NNP  PROPN  dobj   1     Britain  B-GPE  1
  3  to       TO   PART   aux    4     to       O      1
  4  release  VB   VERB   xcomp  1     release  O      1
  5  the      DT   DET    det    6     the      O      1
  6  tanker   NN   NOUN   dobj   4     tanker   O      0
  7  .        .    PUNCT  punct  1     .        O      0
'''
URGED_TO_REOPEN_TALKS = r'''
# Kenya urged Uganda to reopen talks with Rwanda.
# i  word    tag  pos    dep    head  lemma   ent    ws
 >0  Kenya   NNP  PROPN  nsubj  1     Kenya   B-GPE  1
  1  urged   VBD  VERB   ROOT   1     urge    O      1
  2  Uganda  NNP  PROPN  dobj   1     Uganda  B-GPE  1
  3  to      TO   PART   aux    4     to      O      1
  4  reopen  VB   VERB   xcomp  1     reopen  O      1
  5  talks   NNS  NOUN   dobj   4     talk    O      1
  6  with    IN   ADP    prep   5     with    O      1
  7  Rwanda  NNP  PROPN  pobj   6     Rwanda  B-GPE  0
  8  .       .    PUNCT  punct  1     .       O      0
'''
THREATENED_SANCTIONS = r'''
# Ghana threatened to impose sanctions on Togo.
# i  word        tag  pos    dep    head  lemma     ent     ws
 >0  Ghana       NNP  PROPN  nsubj  1     Ghana     B-GPE   1
  1  threatened  VBD  VERB   ROOT   1     threaten  O       1
  2  to          TO   PART   aux    3     to        O       1
  3  impose      VB   VERB   xcomp  1     impose    O       1
  4  sanctions   NNS  NOUN   dobj   3     sanction  O       1
  5  on          IN   ADP    prep   3     on        O       1
  6  Togo        NNP  PROPN  pobj   5     Togo      B-NORP  0
  7  .           .    PUNCT  punct  1     .         O       0
'''
REDUCED_AID = r'''
# China reduced humanitarian aid to Tajikistan.
# i  word          tag  pos    dep    head  lemma         ent     ws
 >0  China         NNP  PROPN  nsubj  1     China         B-GPE   1
  1  reduced       VBD  VERB   ROOT   1     reduce        O       1
  2  humanitarian  JJ   ADJ    amod   3     humanitarian  O       1
  3  aid           NN   NOUN   dobj   1     aid           O       1
  4  to            IN   ADP    prep   1     to            O       1
  5  Tajikistan    NNP  PROPN  pobj   4     Tajikistan    B-NORP  0
  6  .             .    PUNCT  punct  1     .             O       0
'''
CANCELLED_VISIT = r'''
# Pakistan cancelled a planned visit to Malaysia.
# i  word       tag  pos    dep    head  lemma     ent    ws
 >0  Pakistan   NNP  PROPN  nsubj  1     Pakistan  B-GPE  1
  1  cancelled  VBD  VERB   ROOT   1     cancel    O      1
  2  a          DT   DET    det    4     a         O      1
  3  planned    VBN  VERB   amod   4     plan      O      1
  4  visit      NN   NOUN   dobj   1     visit     O      1
  5  to         IN   ADP    prep   4     to        O      1
  6  Malaysia   NNP  PROPN  pobj   5     Malaysia  B-GPE  0
  7  .          .    PUNCT  punct  1     .         O      0
'''


@pytest.mark.parametrize("table, events", [
    # a refusal is coded on the act refused (12x), the refusing verb shown as its trigger
    (REFUSED_TO_MEET, [("Serbia", "Kosovo", "125", "refused", "asserted")]),
    (REFUSED_TO_HOLD_TALKS, [("Congolese government", "March 23 Movement", "125", "refused", "asserted")]),
    # a commitment to an act is an intent (03x) ...
    (AGREED_TO_LIFT, [("Kenya", "Uganda", "0351", "agreed", "intended")]),
    (OFFERED_TO_SHARE, [("Peru", "Chile", "0314", "offered", "intended")]),
    (READY_TO_MEDIATE, [("Norway", "Sudan", "039", "mediate", "intended"), ("Norway", "Chad", "039", "mediate", "intended")]),
    (SAID_IT_WOULD_SEND, [("Chile", "Bolivia", "0333", "aid", "intended")]),
    (OFFERED_TALKS, [("Guyana", "Venezuela", "036", "offered", "intended")]),
    # ... a plan is not: it keeps the act planned
    (PLANS_TO_VISIT, [("Egypt's foreign minister", "Jordan", "042", "visit", "intended")]),  # EGYGOV
    # asking someone to act is an appeal (02x) for what is asked
    (URGED_TO_RELEASE, [("Iran", "United Kingdom", "0253", "urged", "requested")]),
    (URGED_TO_REOPEN_TALKS, [("Kenya", "Uganda", "026", "urged", "requested")]),
    (CALLED_FOR_MALI, [("Senegal", "Mali", "0253", "called", "requested")]),  # not a phone call (041)
    # a threat takes the threatened act (13x) and is asserted, a date in between or not
    (THREATENED_SANCTIONS, [("Ghana", "Togo", "1312", "threatened", "asserted")]),
    (THREATENED_ON_MONDAY, [("Iran", "International Atomic Energy Agency", "131", "threatened", "asserted")]),
    # cutting cooperation is reducing relations (16x)
    (REDUCED_AID, [("China", "Tajikistan", "1623", "reduced", "asserted")]),
    (CANCELLED_VISIT, [("Pakistan", "Malaysia", "160", "cancelled", "asserted")]),
    # an obligation laid on another is a demand made (106), like an accusation
    (MUST_WITHDRAW, [("Kenya", "Uganda", "106", "withdraw", "asserted")]),
])
def test_recoding(table, events):
    assert coded(table) == events


def test_a_refusal_keeps_the_place_of_the_act_refused():
    event = only_event(REFUSED_TO_MEET)
    assert (event.place.name, event.place.country) == ("Brussels", "BEL")


OFFERED_TO_SEND_TROOPS = r'''
# Australia offered to send troops to the Philippines.
# i  word         tag   pos    dep    head  lemma        ent    ws
 >0  Australia    NNP   PROPN  nsubj  1     Australia    B-GPE  1
  1  offered      VBD   VERB   ROOT   1     offer        O      1
  2  to           TO    PART   aux    3     to           O      1
  3  send         VB    VERB   xcomp  1     send         O      1
  4  troops       NNS   NOUN   dobj   3     troop        O      1
  5  to           IN    ADP    prep   3     to           O      1
  6  the          DT    DET    det    7     the          O      1
  7  Philippines  NNPS  PROPN  pobj   5     Philippines  B-GPE  0
  8  .            .     PUNCT  punct  1     .            O      0
'''
CALLING_IT_DANGEROUS = r'''
# Egypt rejected the plan, calling it dangerous.
# i  word       tag  pos    dep    head  lemma      ent    ws
 >0  Egypt      NNP  PROPN  nsubj  1     Egypt      B-GPE  1
  1  rejected   VBD  VERB   ROOT   1     reject     O      1
  2  the        DT   DET    det    3     the        O      1
  3  plan       NN   NOUN   dobj   1     plan       O      0
  4  ,          ,    PUNCT  punct  1     ,          O      1
  5  calling    VBG  VERB   advcl  1     call       O      1
  6  it         PRP  PRON   dobj   5     it         O      1
  7  dangerous  JJ   ADJ    oprd   5     dangerous  O      0
  8  .          .    PUNCT  punct  1     .          O      0
'''
THINKS_CATS = r'''
# Burton thinks cats are cuties.
# i  word    tag  pos    dep    head  lemma   ent       ws
 >0  Burton  NNP  PROPN  nsubj  1     Burton  B-PERSON  1
  1  thinks  VBZ  VERB   ROOT   1     think   O         1
  2  cats    NNS  NOUN   nsubj  3     cat     O         1
  3  are     VBP  AUX    ccomp  1     be      O         1
  4  cuties  NNS  NOUN   attr   3     cutie   O         0
  5  .       .    PUNCT  punct  1     .       O         0
'''


@pytest.mark.parametrize("table, roots", [
    (OFFERED_TO_SEND_TROOPS, {"13"}),  # an offer of troops is not a threat
    (CALLING_IT_DANGEROUS, {"04"}),  # naming something is not a phone call
])
def test_recoding_does_not_overreach(table, roots):
    assert not {e[2][:2] for e in coded(table)} & roots


def test_a_thought_is_no_event():
    assert coded(THINKS_CATS) == []


# ---------------------------------------------------------------- arguments

JAPANS_VISIT = r'''
# Japan's visit to Vietnam ended on Friday.
# i  word     tag  pos    dep    head  lemma    ent     ws
 >0  Japan    NNP  PROPN  poss   2     Japan    B-GPE   0
  1  's       POS  PART   case   0     's       O       1
  2  visit    NN   NOUN   nsubj  5     visit    O       1
  3  to       IN   ADP    prep   2     to       O       1
  4  Vietnam  NNP  PROPN  pobj   3     Vietnam  B-GPE   1
  5  ended    VBD  VERB   ROOT   5     end      O       1
  6  on       IN   ADP    prep   5     on       O       1
  7  Friday   NNP  PROPN  pobj   6     Friday   B-DATE  0
  8  .        .    PUNCT  punct  5     .        O       0
'''
UNIONS_STAGED_A_STRIKE = r'''
# Transport unions staged a strike against the government of Peru.
# i  word        tag  pos    dep       head  lemma       ent    ws
 >0  Transport   NN   NOUN   compound  1     transport   O      1
  1  unions      NNS  NOUN   nsubj     2     union       O      1
  2  staged      VBD  VERB   ROOT      2     stag        O      1
  3  a           DT   DET    det       4     a           O      1
  4  strike      NN   NOUN   dobj      2     strike      O      1
  5  against     IN   ADP    prep      4     against     O      1
  6  the         DT   DET    det       7     the         O      1
  7  government  NN   NOUN   pobj      5     government  O      1
  8  of          IN   ADP    prep      7     of          O      1
  9  Peru        NNP  PROPN  pobj      8     Peru        B-GPE  0
 10  .           .    PUNCT  punct     2     .           O      0
'''
REJECTED_BRITAINS_OFFER = r'''
# Iran rejected Britain's offer of talks.
# i  word      tag  pos    dep    head  lemma    ent    ws
 >0  Iran      NNP  PROPN  nsubj  1     Iran     B-GPE  1
  1  rejected  VBD  VERB   ROOT   1     reject   O      1
  2  Britain   NNP  PROPN  poss   4     Britain  B-GPE  0
  3  's        POS  PART   case   2     's       O      1
  4  offer     NN   NOUN   dobj   1     offer    O      1
  5  of        IN   ADP    prep   4     of       O      1
  6  talks     NNS  NOUN   pobj   5     talk     O      0
  7  .         .    PUNCT  punct  1     .        O      0
'''
BAN_BY_THE_UN = r'''
# North Korea has violated a ban by the UN on missile tests.
# i  word      tag  pos    dep       head  lemma    ent    ws
 >0  North     NNP  PROPN  compound  1     North    B-GPE  1
  1  Korea     NNP  PROPN  nsubj     3     Korea    I-GPE  1
  2  has       VBZ  AUX    aux       3     have     O      1
  3  violated  VBN  VERB   ROOT      3     violate  O      1
  4  a         DT   DET    det       5     a        O      1
  5  ban       NN   NOUN   dobj      3     ban      O      1
  6  by        IN   ADP    prep      5     by       O      1
  7  the       DT   DET    det       8     the      O      1
  8  UN        NNP  PROPN  pobj      6     UN       B-ORG  1
  9  on        IN   ADP    prep      5     on       O      1
 10  missile   NN   NOUN   compound  11    missile  O      1
 11  tests     NNS  NOUN   pobj      9     test     O      0
 12  .         .    PUNCT  punct     3     .        O      0
'''
HOST_TALKS_BETWEEN = r'''
# Egypt will host talks between Israel and Hamas in Cairo.
# i  word     tag  pos    dep    head  lemma    ent    ws
 >0  Egypt    NNP  PROPN  nsubj  2     Egypt    B-GPE  1
  1  will     MD   AUX    aux    2     will     O      1
  2  host     VB   VERB   ROOT   2     host     O      1
  3  talks    NNS  NOUN   dobj   2     talk     O      1
  4  between  IN   ADP    prep   3     between  O      1
  5  Israel   NNP  PROPN  pobj   4     Israel   B-GPE  1
  6  and      CC   CCONJ  cc     5     and      O      1
  7  Hamas    NNP  PROPN  conj   5     Hamas    B-ORG  1
  8  in       IN   ADP    prep   3     in       O      1
  9  Cairo    NNP  PROPN  pobj   8     Cairo    B-GPE  0
 10  .        .    PUNCT  punct  2     .        O      0
'''
TEAR_GAS = r'''
# Police fired tear gas and water cannon at protesters in Nairobi.
# i  word        tag  pos    dep       head  lemma      ent    ws
 >0  Police      NNS  NOUN   nsubj     1     Police     O      1
  1  fired       VBD  VERB   ROOT      1     fire       O      1
  2  tear        JJ   ADJ    amod      3     tear       O      1
  3  gas         NN   NOUN   nmod      6     gas        O      1
  4  and         CC   CCONJ  cc        3     and        O      1
  5  water       NN   NOUN   compound  6     water      O      1
  6  cannon      NN   NOUN   dobj      1     cannon     O      1
  7  at          IN   ADP    prep      6     at         O      1
  8  protesters  NNS  NOUN   pobj      7     protester  O      1
  9  in          IN   ADP    prep      8     in         O      1
 10  Nairobi     NNP  PROPN  pobj      9     Nairobi    B-GPE  0
 11  .           .    PUNCT  punct     1     .          O      0
'''
DEMANDED_RELEASE = r'''
# Serbia on Tuesday demanded Kosovo's immediate release of the two police officers.
# i  word       tag  pos    dep       head  lemma      ent         ws
 >0  Serbia     NNP  PROPN  nsubj     3     Serbia     B-GPE       1
  1  on         IN   ADP    prep      3     on         O           1
  2  Tuesday    NNP  PROPN  pobj      1     Tuesday    B-DATE      1
  3  demanded   VBD  VERB   ROOT      3     demand     O           1
  4  Kosovo     NNP  PROPN  poss      7     Kosovo     B-GPE       0
  5  's         POS  PART   case      4     's         O           1
  6  immediate  JJ   ADJ    amod      7     immediate  O           1
  7  release    NN   NOUN   dobj      3     release    O           1
  8  of         IN   ADP    prep      7     of         O           1
  9  the        DT   DET    det       12    the        O           1
 10  two        CD   NUM    nummod    12    two        B-CARDINAL  1
 11  police     NN   NOUN   compound  12    police     O           1
 12  officers   NNS  NOUN   pobj      8     officer    O           0
 13  .          .    PUNCT  punct     3     .          O           0
'''


@pytest.mark.parametrize("table, events", [
    (ACCUSED_BY, [("Somalia", "Kenya", "112", "accused", "asserted")]),  # passive: the agent acts
    (JAPANS_VISIT, [("Japan", "Vietnam", "042", "visit", "asserted")]),  # a noun: possessive source
    # an event noun under a support verb takes the verb's subject
    (LAUNCHED_STRIKES, [("Saudi Arabia", "Yemen", "195", "strikes", "asserted")]),
    (CARRIED_OUT_A_STRIKE, [("Israel", "Palestine", "190", "strike", "asserted")]),
    # who strikes says which strike: workers stop work (143), a state attacks (190)
    (UNIONS_STAGED_A_STRIKE, [("Transport unions", "government", "143", "strike", "asserted")]),
    (WENT_ON_STRIKE, [("Teachers", "government", "143", "strike", "asserted")]),
    # what is rejected or violated points at its author
    (REJECTED_BRITAINS_OFFER, [("Iran", "United Kingdom", "120", "rejected", "asserted")]),
    (BAN_BY_THE_UN, [("North Korea", "United Nations", "128", "violated", "asserted")]),
    # talks between two parties: one hosting event for each
    (HOST_TALKS_BETWEEN, [("Egypt", "Israel", "043", "host", "intended"), ("Egypt", "Hamas", "043", "host", "intended")]),
    (TEAR_GAS, [("Police", "protesters", "175", "cannon", "asserted")]),  # repression, not an attack
    (DEMANDED_RELEASE, [("Serbia", "Kosovo", "1053", "demanded", "asserted")]),  # one demand, not a release too
])
def test_arguments(table, events):
    assert coded(table) == events


# ---------------------------------------------------------------- anaphora

BOTH_SIDES = r'''
# India accused Pakistan of shelling a village. The United States urged both sides to show restraint.
# i  word       tag  pos    dep       head  lemma      ent    ws
 >0  India      NNP  PROPN  nsubj     1     India      B-GPE  1
  1  accused    VBD  VERB   ROOT      1     accuse     O      1
  2  Pakistan   NNP  PROPN  dobj      1     Pakistan   B-GPE  1
  3  of         IN   ADP    prep      1     of         O      1
  4  shelling   VBG  VERB   pcomp     3     shell      O      1
  5  a          DT   DET    det       6     a          O      1
  6  village    NN   NOUN   dobj      4     village    O      0
  7  .          .    PUNCT  punct     1     .          O      1
 >8  The        DT   DET    det       10    the        B-GPE  1
  9  United     NNP  PROPN  compound  10    United     I-GPE  1
 10  States     NNP  PROPN  nsubj     11    States     I-GPE  1
 11  urged      VBD  VERB   ROOT      11    urge       O      1
 12  both       DT   DET    det       13    both       O      1
 13  sides      NNS  NOUN   dobj      11    side       O      1
 14  to         TO   PART   aux       15    to         O      1
 15  show       VB   VERB   xcomp     11    show       O      1
 16  restraint  NN   NOUN   dobj      15    restraint  O      0
 17  .          .    PUNCT  punct     11    .          O      0
'''
CONDEMNED_THE_ATTACK = r'''
# Rebels from the Tigray People's Liberation Front attacked Ethiopia on Monday. Kenya condemned the attack.
# i  word        tag   pos    dep       head  lemma       ent     ws
 >0  Rebels      NNS   NOUN   nsubj     8     rebel       O       1
  1  from        IN    ADP    prep      0     from        O       1
  2  the         DT    DET    det       4     the         B-ORG   1
  3  Tigray      NNP   PROPN  compound  4     Tigray      I-ORG   1
  4  People      NNPS  PROPN  poss      7     People      I-ORG   0
  5  's          POS   PART   case      4     's          I-ORG   1
  6  Liberation  NNP   PROPN  compound  7     Liberation  I-ORG   1
  7  Front       NNP   PROPN  pobj      1     Front       I-ORG   1
  8  attacked    VBD   VERB   ROOT      8     attack      O       1
  9  Ethiopia    NNP   PROPN  dobj      8     Ethiopia    B-GPE   1
 10  on          IN    ADP    prep      8     on          O       1
 11  Monday      NNP   PROPN  pobj      10    Monday      B-DATE  0
 12  .           .     PUNCT  punct     8     .           O       1
>13  Kenya       NNP   PROPN  nsubj     14    Kenya       B-GPE   1
 14  condemned   VBD   VERB   ROOT      14    condemn     O       1
 15  the         DT    DET    det       16    the         O       1
 16  attack      NN    NOUN   dobj      14    attack      O       0
 17  .           .     PUNCT  punct     14    .           O       0
'''
REJECTED_THE_PROTEST = r'''
# Greece summoned the Turkish ambassador on Wednesday to protest against Turkey. Turkey rejected the protest.
# i  word        tag  pos    dep    head  lemma       ent     ws
 >0  Greece      NNP  PROPN  nsubj  1     Greece      B-GPE   1
  1  summoned    VBD  VERB   ROOT   1     summon      O       1
  2  the         DT   DET    det    4     the         O       1
  3  Turkish     JJ   ADJ    amod   4     turkish     B-NORP  1
  4  ambassador  NN   NOUN   dobj   1     ambassador  O       1
  5  on          IN   ADP    prep   4     on          O       1
  6  Wednesday   NNP  PROPN  pobj   5     Wednesday   B-DATE  1
  7  to          TO   PART   aux    8     to          O       1
  8  protest     VB   VERB   advcl  1     protest     O       1
  9  against     IN   ADP    prep   8     against     O       1
 10  Turkey      NNP  PROPN  pobj   9     Turkey      B-GPE   0
 11  .           .    PUNCT  punct  1     .           O       1
>12  Turkey      NNP  PROPN  nsubj  13    Turkey      B-GPE   1
 13  rejected    VBD  VERB   ROOT   13    reject      O       1
 14  the         DT   DET    det    15    the         O       1
 15  protest     NN   NOUN   dobj   13    protest     O       0
 16  .           .    PUNCT  punct  13    .           O       0
'''
REJECTED_THE_ACCUSATIONS = r'''
# Somalia accused Kenya of violating its airspace. Kenya rejected the accusations.
# i  word         tag   pos    dep    head  lemma       ent    ws
 >0  Somalia      NNP   PROPN  nsubj  1     Somalia     B-GPE  1
  1  accused      VBD   VERB   ROOT   1     accuse      O      1
  2  Kenya        NNP   PROPN  dobj   1     Kenya       B-GPE  1
  3  of           IN    ADP    prep   1     of          O      1
  4  violating    VBG   VERB   pcomp  3     violate     O      1
  5  its          PRP$  PRON   poss   6     its         O      1
  6  airspace     NN    NOUN   dobj   4     airspace    O      0
  7  .            .     PUNCT  punct  1     .           O      1
 >8  Kenya        NNP   PROPN  nsubj  9     Kenya       B-GPE  1
  9  rejected     VBD   VERB   ROOT   9     reject      O      1
 10  the          DT    DET    det    11    the         O      1
 11  accusations  NNS   NOUN   dobj   9     accusation  O      0
 12  .            .     PUNCT  punct  9     .           O      0
'''
REJECTED_THE_OFFER = r'''
# Guyana offered talks to Venezuela. Venezuela rejected the offer.
# i  word       tag  pos    dep    head  lemma      ent    ws
 >0  Guyana     NNP  PROPN  nsubj  1     Guyana     B-GPE  1
  1  offered    VBD  VERB   ROOT   1     offer      O      1
  2  talks      NNS  NOUN   dobj   1     talk       O      1
  3  to         IN   ADP    prep   2     to         O      1
  4  Venezuela  NNP  PROPN  pobj   3     Venezuela  B-GPE  0
  5  .          .    PUNCT  punct  1     .          O      1
 >6  Venezuela  NNP  PROPN  nsubj  7     Venezuela  B-GPE  1
  7  rejected   VBD  VERB   ROOT   7     reject     O      1
  8  the        DT   DET    det    9     the        O      1
  9  offer      NN   NOUN   dobj   7     offer      O      0
 10  .          .    PUNCT  punct  7     .          O      0
'''


@pytest.mark.parametrize("table, events", [
    # "both sides": the pair last set against each other
    (BOTH_SIDES, [("India", "Pakistan", "112", "accused", "asserted"),
                  ("United States", "India", "020", "urged", "requested"),
                  ("United States", "Pakistan", "020", "urged", "requested")]),
    # condemning "the attack" condemns whoever attacked
    (CONDEMNED_THE_ATTACK, [("Tigray People's Liberation Front", "Ethiopia", "190", "attacked", "asserted"),
                            ("Kenya", "Tigray People's Liberation Front", "111", "condemned", "asserted")]),
    # a reaction answers whoever acted on the reacting side
    (REJECTED_THE_PROTEST, [("Greece", "Turkey", "114", "summoned", "asserted"),
                            ("Greece", "Turkey", "140", "protest", "asserted"),
                            ("Turkey", "Greece", "120", "rejected", "asserted")]),
    # turning down an accusation is a denial (016), answered to the accuser
    (REJECTED_THE_ACCUSATIONS, [("Somalia", "Kenya", "112", "accused", "asserted"),
                                ("Kenya", "Somalia", "016", "rejected", "asserted")]),
    (REJECTED_THE_OFFER, [("Guyana", "Venezuela", "036", "offered", "intended"),
                          ("Venezuela", "Guyana", "120", "rejected", "asserted")]),
])
def test_anaphora(table, events):
    assert coded(table) == events


def test_condemning_an_attack_targets_the_attackers_country():
    doc = run_stages(doc_from_table(CONDEMNED_THE_ATTACK))
    condemn = next(e for e in doc.events if e.root == "11")
    assert doc.actor(condemn.target).country == "ETH"


# ---------------------------------------------------------------- datelines, coordinated partners, denials

DATELINE_AGREED = r'''
# ADDIS ABABA — Ethiopia and Somalia agreed on Tuesday to restore full diplomatic relations.
# i  word        tag  pos    dep       head  lemma       ent     ws
 >0  ADDIS       NNP  PROPN  compound  1     ADDIS       B-GPE   1
  1  ABABA       JJ   ADJ    nsubj     6     ababa       I-GPE   1
  2  —           :    PUNCT  punct     1     —           O       1
  3  Ethiopia    NNP  PROPN  appos     1     Ethiopia    B-GPE   1
  4  and         CC   CCONJ  cc        3     and         O       1
  5  Somalia     NNP  PROPN  conj      3     Somalia     B-GPE   1
  6  agreed      VBD  VERB   ROOT      6     agree       O       1
  7  on          IN   ADP    prep      6     on          O       1
  8  Tuesday     NNP  PROPN  pobj      7     Tuesday     B-DATE  1
  9  to          TO   PART   aux       10    to          O       1
 10  restore     VB   VERB   xcomp     6     restore     O       1
 11  full        JJ   ADJ    amod      13    full        O       1
 12  diplomatic  JJ   ADJ    amod      13    diplomatic  O       1
 13  relations   NNS  NOUN   dobj      10    relation    O       0
 14  .           .    PUNCT  punct     6     .           O       0
'''
DENIED_THE_CLAIM = r'''
# Ghana summoned Togo's ambassador on Monday. Togo denied the claim.
# i  word        tag  pos    dep    head  lemma       ent       ws
 >0  Ghana       NNP  PROPN  nsubj  1     Ghana       B-GPE     1
  1  summoned    VBD  VERB   ROOT   1     summon      O         1
  2  Togo        NNP  PROPN  poss   4     Togo        B-PERSON  0
  3  's          POS  PART   case   2     's          O         1
  4  ambassador  NN   NOUN   dobj   1     ambassador  O         1
  5  on          IN   ADP    prep   1     on          O         1
  6  Monday      NNP  PROPN  pobj   5     Monday      B-DATE    0
  7  .           .    PUNCT  punct  1     .           O         1
 >8  Togo        NNP  PROPN  nsubj  9     Togo        B-PERSON  1
  9  denied      VBD  VERB   ROOT   9     deny        O         1
 10  the         DT   DET    det    11    the         O         1
 11  claim       NN   NOUN   dobj   9     claim       O         0
 12  .           .    PUNCT  punct  9     .           O         0
'''


def test_a_subject_hung_on_the_dateline_is_the_source_and_coordinated_sides_agree_with_each_other():
    # the parser makes "ABABA" the subject and "Ethiopia and Somalia" its apposition; "agreed to
    # restore relations" is recoded to an intent (03), which each side makes to the other
    assert coded(DATELINE_AGREED) == [("Ethiopia", "Somalia", "032", "agreed", "intended")]


def test_a_denial_of_a_claim_answers_whoever_last_acted_on_the_denier():
    # the envoy is an actor of Togo's government (TGOGOV); the state answers an act on its envoy
    assert coded(DENIED_THE_CLAIM) == [("Ghana", "Togo's ambassador", "114", "summoned", "asserted"),
                                        ("Togo", "Ghana", "016", "denied", "asserted")]


CALLED_ON_WEDNESDAY_ON = r'''
# Ghana on Wednesday called on Togo to release the sailors.
# i  word       tag  pos    dep    head  lemma      ent     ws
 >0  Ghana      NNP  PROPN  nsubj  3     Ghana      B-GPE   1
  1  on         IN   ADP    prep   3     on         O       1
  2  Wednesday  NNP  PROPN  pobj   1     Wednesday  B-DATE  1
  3  called     VBD  VERB   ROOT   3     call       O       1
  4  on         IN   ADP    prep   3     on         O       1
  5  Togo       NNP  PROPN  pobj   4     Togo       B-NORP  1
  6  to         TO   PART   aux    7     to         O       1
  7  release    VB   VERB   xcomp  3     release    O       1
  8  the        DT   DET    det    9     the        O       1
  9  sailors    NNS  NOUN   dobj   7     sailor     O       0
 10  .          .    PUNCT  punct  3     .          O       0
'''


def test_a_particle_slot_reads_every_object_of_its_preposition():
    # "on Wednesday" comes first; the one called on is the second object of "on"
    assert coded(CALLED_ON_WEDNESDAY_ON) == [("Ghana", "Togo", "0253", "called", "requested")]


HOST_TALKS_BETWEEN_NEGOTIATORS = r'''
# Egypt will host talks between Israeli and Hamas negotiators in Cairo.
# i  word         tag  pos    dep    head  lemma       ent     ws
 >0  Egypt        NNP  PROPN  nsubj  2     Egypt       B-GPE   1
  1  will         MD   AUX    aux    2     will        O       1
  2  host         VB   VERB   ROOT   2     host        O       1
  3  talks        NNS  NOUN   dobj   2     talk        O       1
  4  between      IN   ADP    prep   3     between     O       1
  5  Israeli      JJ   ADJ    amod   8     israeli     B-NORP  1
  6  and          CC   CCONJ  cc     5     and         O       1
  7  Hamas        NNP  PROPN  conj   5     Hamas       B-ORG   1
  8  negotiators  NNS  NOUN   pobj   4     negotiator  O       1
  9  in           IN   ADP    prep   3     in          O       1
 10  Cairo        NNP  PROPN  pobj   9     Cairo       B-GPE   0
 11  .            .    PUNCT  punct  2     .           O       0
'''
OFFICIALS_OF_TWO_COUNTRIES_MET = r'''
# Pakistani and Afghan officials met in Doha on Wednesday.
# i  word       tag  pos    dep    head  lemma      ent     ws
 >0  Pakistani  JJ   ADJ    amod   3     pakistani  B-NORP  1
  1  and        CC   CCONJ  cc     0     and        O       1
  2  Afghan     JJ   ADJ    conj   0     afghan     B-NORP  1
  3  officials  NNS  NOUN   nsubj  4     official   O       1
  4  met        VBD  VERB   ROOT   4     meet       O       1
  5  in         IN   ADP    prep   4     in         O       1
  6  Doha       NNP  PROPN  pobj   5     Doha       B-GPE   1
  7  on         IN   ADP    prep   4     on         O       1
  8  Wednesday  NNP  PROPN  pobj   7     Wednesday  B-DATE  0
  9  .          .    PUNCT  punct  4     .          O       0
'''


@pytest.mark.parametrize("table, events", [
    # a group named by coordinated modifiers that are actors is those actors, each a side
    (HOST_TALKS_BETWEEN_NEGOTIATORS, [("Egypt", "Israel", "043", "host", "intended"),
                                      ("Egypt", "Hamas", "043", "host", "intended")]),
    (OFFICIALS_OF_TWO_COUNTRIES_MET, [("Pakistan", "Afghanistan", "040", "met", "asserted")]),
])
def test_coordinated_modifiers_name_the_sides(table, events):
    assert coded(table) == events


MUST_ENSURE = r'''
# Kenya said Britain must ensure security.
# i  word      tag  pos    dep       head  lemma     ent    ws
 >0  Kenya     NNP  PROPN  nsubj     1     Kenya     B-GPE  1
  1  said      VBD  VERB   ROOT      1     say       O      1
  2  Britain   NNP  PROPN  nsubj     4     Britain   B-GPE  1
  3  must      MD   AUX    aux       4     must      O      1
  4  ensure    VB   VERB   ccomp     1     ensure    O      1
  5  security  NN   NOUN   dobj      4     security  O      0
  6  .         .    PUNCT  punct     1     .         O      0
'''


def test_saying_another_must_act_is_a_demand_when_the_act_is_no_event():
    # "ensure security" is no event of the lexicon: the statement itself is the demand (CAMEO 100)
    assert coded(MUST_ENSURE) == [("Kenya", "United Kingdom", "100", "said", "asserted")]


THEY_WOULD_BOYCOTT = r'''
# Palestinian leaders said they would boycott the United States.
# i  word         tag  pos    dep       head  lemma        ent     ws
 >0  Palestinian  JJ   ADJ    amod      1     palestinian  B-NORP  1
  1  leaders      NNS  NOUN   nsubj     2     leader       O       1
  2  said         VBD  VERB   ROOT      2     say          O       1
  3  they         PRP  PRON   nsubj     5     they         O       1
  4  would        MD   AUX    aux       5     would        O       1
  5  boycott      VB   VERB   ccomp     2     boycott      O       1
  6  the          DT   DET    det       8     the          B-GPE   1
  7  United       NNP  PROPN  compound  8     United       I-GPE   1
  8  States       NNP  PROPN  dobj      5     States       I-GPE   0
  9  .            .    PUNCT  punct     2     .            O       0
'''


def test_they_in_what_a_body_says_it_will_do_is_that_body():
    doc = run_stages(doc_from_table(THEY_WOULD_BOYCOTT))
    names = {a.id: a.name for a in doc.actors}
    assert [(names.get(e.source), names.get(e.target), e.cameo) for e in doc.events] == [
        ("Palestinian leaders", "United States", "143")]


IT_IS_WILLING = r'''
# Syria says it is willing to withdraw its troops from Lebanon.
# i  word      tag   pos    dep    head  lemma     ent    ws
 >0  Syria     NNP   PROPN  nsubj  1     Syria     B-GPE  1
  1  says      VBZ   VERB   ROOT   1     say       O      1
  2  it        PRP   PRON   nsubj  3     it        O      1
  3  is        VBZ   AUX    ccomp  1     be        O      1
  4  willing   JJ    ADJ    acomp  3     willing   O      1
  5  to        TO    PART   aux    6     to        O      1
  6  withdraw  VB    VERB   xcomp  4     withdraw  O      1
  7  its       PRP$  PRON   poss   8     its       O      1
  8  troops    NNS   NOUN   dobj   6     troop     O      1
  9  from      IN    ADP    prep   6     from      O      1
 10  Lebanon   NNP   PROPN  pobj   9     Lebanon   B-GPE  0
 11  .         .     PUNCT  punct  1     .         O      0
'''


def test_it_in_what_a_body_says_is_that_body_also_under_an_adjective():
    # "it" is the subject of "is", the act a complement of "willing": the speaker still acts
    assert [c[0] for c in coded(IT_IS_WILLING)] == ["Syria"]


DECLARATION_DEMANDING = r'''
# The rebel Kurdistan Workers' Party issued a declaration demanding that the Turkish government free its leader.
# i  word         tag   pos    dep       head  lemma        ent     ws
 >0  The          DT    DET    det       5     the          O       1
  1  rebel        JJ    ADJ    amod      5     rebel        O       1
  2  Kurdistan    NNP   PROPN  compound  3     Kurdistan    B-ORG   1
  3  Workers      NNPS  PROPN  poss      5     Workers      I-ORG   0
  4  '            POS   PART   case      3     '            I-ORG   1
  5  Party        NNP   PROPN  nsubj     6     Party        I-ORG   1
  6  issued       VBD   VERB   ROOT      6     issue        O       1
  7  a            DT    DET    det       8     a            O       1
  8  declaration  NN    NOUN   dobj      6     declaration  O       1
  9  demanding    VBG   VERB   acl       8     demand       O       1
 10  that         IN    SCONJ  mark      14    that         O       1
 11  the          DT    DET    det       13    the          O       1
 12  Turkish      JJ    ADJ    amod      13    turkish      B-NORP  1
 13  government   NN    NOUN   nsubj     14    government   O       1
 14  free         VB    VERB   ccomp     9     free         O       1
 15  its          PRP$  PRON   poss      16    its          O       1
 16  leader       NN    NOUN   dobj      14    leader       O       0
 17  .            .     PUNCT  punct     6     .            O       0
'''


def test_a_statement_participle_is_said_by_whoever_issues_the_statement():
    # "a declaration demanding ...": the party that issued it demands
    demands = [c for c in coded(DECLARATION_DEMANDING) if c[3] == "demanding"]
    assert [(c[0], c[1]) for c in demands] == [("Kurdistan Workers' Party", "Turkish government")]


IT_IS_PREPARED_TO_IMPOSE = r'''
# Iraq's government announced that it is prepared to impose martial law.
# i  word        tag  pos    dep    head  lemma       ent    ws
 >0  Iraq        NNP  PROPN  poss   2     Iraq        B-GPE  0
  1  's          POS  PART   case   0     's          O      1
  2  government  NN   NOUN   nsubj  3     government  O      1
  3  announced   VBD  VERB   ROOT   3     announce    O      1
  4  that        IN   SCONJ  mark   6     that        O      1
  5  it          PRP  PRON   nsubj  6     it          O      1
  6  is          VBZ  AUX    ccomp  3     be          O      1
  7  prepared    JJ   ADJ    acomp  6     prepared    O      1
  8  to          TO   PART   aux    9     to          O      1
  9  impose      VB   VERB   xcomp  7     impose      O      1
 10  martial     JJ   ADJ    amod   11    martial     O      1
 11  law         NN   NOUN   dobj   9     law         O      0
 12  .           .    PUNCT  punct  3     .           O      0
'''


def test_it_as_the_subject_of_the_verb_carrying_an_event_noun_is_the_speaker():
    # "martial law" takes its source from the verb over it, whose subject is "it": the government
    doc = run_stages(doc_from_table(IT_IS_PREPARED_TO_IMPOSE), monadic=True)
    names = {a.id: a.name for a in doc.actors}
    assert [(names.get(e.source), e.trigger.text) for e in doc.events] == [("Iraq's government", "law")]


DEMAND_THAT = r'''
# The ILO repeated its demand that Israel ease restrictions.
# i  word          tag   pos    dep    head  lemma        ent    ws
 >0  The           DT    DET    det    1     the          O      1
  1  ILO           NNP   PROPN  nsubj  2     ILO          B-ORG  1
  2  repeated      VBD   VERB   ROOT   2     repeat       O      1
  3  its           PRP$  PRON   poss   4     its          O      1
  4  demand        NN    NOUN   dobj   2     demand       O      1
  5  that          IN    SCONJ  mark   7     that         O      1
  6  Israel        NNP   PROPN  nsubj  7     Israel       B-GPE  1
  7  ease          VB    VERB   acl    4     ease         O      1
  8  restrictions  NNS   NOUN   dobj   7     restriction  O      0
  9  .             .     PUNCT  punct  2     .            O      0
'''


DEMAND_TODAY_THAT = r'''
# The ILO repeated its demand today that Israel ease restrictions.
# (the clause hung on the verb, as the parser does when a word comes between)
# i  word          tag   pos    dep       head  lemma        ent     ws
 >0  The           DT    DET    det       1     the          O       1
  1  ILO           NNP   PROPN  nsubj     2     ILO          B-ORG   1
  2  repeated      VBD   VERB   ROOT      2     repeat       O       1
  3  its           PRP$  PRON   poss      4     its          O       1
  4  demand        NN    NOUN   dobj      2     demand       O       1
  5  today         NN    NOUN   npadvmod  2     today        B-DATE  1
  6  that          IN    SCONJ  mark      8     that         O       1
  7  Israel        NNP   PROPN  nsubj     8     Israel       B-GPE   1
  8  ease          VB    VERB   ccomp     2     ease         O       1
  9  restrictions  NNS   NOUN   dobj      8     restriction  O       0
 10  .             .     PUNCT  punct     2     .            O       0
'''


@pytest.mark.parametrize("table", [DEMAND_THAT, DEMAND_TODAY_THAT])
def test_a_demand_noun_targets_the_subject_of_its_clause(table):
    # "its demand that Israel ease ...": the one asked is Israel, as with the verb "demanded that"
    demands = [c for c in coded(table) if c[3] == "demand"]
    assert [c[1] for c in demands] == ["Israel"]


AGREED_TO_AN_EXTENSION = r'''
# Iran agreed to an extension of the inspections.
# i  word         tag  pos    dep    head  lemma       ent    ws
 >0  Iran         NNP  PROPN  nsubj  1     Iran        B-GPE  1
  1  agreed       VBD  VERB   ROOT   1     agree       O      1
  2  to           IN   ADP    prep   1     to          O      1
  3  an           DT   DET    det    4     an          O      1
  4  extension    NN   NOUN   pobj   2     extension   O      1
  5  of           IN   ADP    prep   4     of          O      1
  6  the          DT   DET    det    7     the         O      1
  7  inspections  NNS  NOUN   pobj   5     inspection  O      0
  8  .            .    PUNCT  punct  1     .           O      0
'''


def test_agreeing_to_what_is_no_event_is_an_intent_to_cooperate():
    # "agreed to an extension", "agreed to the plan": CAMEO 030, one-sided (monadic)
    doc = run_stages(doc_from_table(AGREED_TO_AN_EXTENSION), monadic=True)
    names = {a.id: a.name for a in doc.actors}
    assert [(names.get(e.source), e.cameo, e.trigger.text) for e in doc.events] == [("Iran", "030", "agreed")]
