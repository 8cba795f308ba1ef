"""Quotations and their speakers on hand-built parses, no model loaded.

Each table is the model's parse of a sentence from ``test_quotes.py`` or
``test_speaker_rules.py``, frozen with ``tools/doc_table.py``; the expected values are that
test's, made exact: every quotation found, as (kind, text, cue, speaker's actor name, speaker text).
"""
from __future__ import annotations

import pytest

from tests.handmade import doc_from_table, run_stages


def quotes_of(table):
    doc = run_stages(doc_from_table(table))
    names = {a.id: a.name for a in doc.actors}
    return [(q.kind, q.text, q.cue, names.get(q.speaker), q.speaker_text) for q in doc.quotes]


# ---------------------------------------------------------------- a cue and its speaker

SAID_AFTER = r'''
# “We will not give up the port,” said Defence Minister Omar Said Khalil.
# i  word      tag  pos    dep       head  lemma     ent       ws
 >0  “         ``   PUNCT  punct     10    "         O         0
  1  We        PRP  PRON   nsubj     4     we        O         1
  2  will      MD   AUX    aux       4     will      O         1
  3  not       RB   PART   neg       4     not       O         1
  4  give      VB   VERB   ccomp     10    give      O         1
  5  up        RP   ADP    prt       4     up        O         1
  6  the       DT   DET    det       7     the       O         1
  7  port      NN   NOUN   dobj      4     port      O         0
  8  ,         ,    PUNCT  punct     10    ,         O         0
  9  ”         ''   PUNCT  punct     10    "         O         1
 10  said      VBD  VERB   ROOT      10    say       O         1
 11  Defence   NNP  PROPN  compound  12    Defence   B-ORG     1
 12  Minister  NNP  PROPN  compound  15    Minister  O         1
 13  Omar      NNP  PROPN  compound  15    Omar      B-PERSON  1
 14  Said      NNP  PROPN  compound  15    Said      I-PERSON  1
 15  Khalil    NNP  PROPN  nsubj     10    Khalil    B-GPE     0
 16  .         .    PUNCT  punct     10    .         O         0
'''
AN_ORGANISATION_SAID = r'''
# “The ceasefire must hold,” Hezbollah said in a statement.
# i  word       tag  pos    dep    head  lemma      ent    ws
 >0  “          ``   PUNCT  punct  8     "          O      0
  1  The        DT   DET    det    2     the        O      1
  2  ceasefire  NN   NOUN   nsubj  4     ceasefire  O      1
  3  must       MD   AUX    aux    4     must       O      1
  4  hold       VB   VERB   ccomp  8     hold       O      0
  5  ,          ,    PUNCT  punct  8     ,          O      0
  6  ”          ''   PUNCT  punct  8     "          O      1
  7  Hezbollah  NNP  PROPN  nsubj  8     Hezbollah  B-ORG  1
  8  said       VBD  VERB   ROOT   8     say        O      1
  9  in         IN   ADP    prep   8     in         O      1
 10  a          DT   DET    det    11    a          O      1
 11  statement  NN   NOUN   pobj   9     statement  O      0
 12  .          .    PUNCT  punct  8     .          O      0
'''
ADDED_A_DEMOCRAT = r'''
# “Look, Marta needed to win the first two contests,” added a North Dakota Democrat.
# i  word      tag  pos    dep       head  lemma     ent         ws
 >0  “         ``   PUNCT  punct     4     "         O           0
  1  Look      VB   VERB   advcl     4     look      O           0
  2  ,         ,    PUNCT  punct     4     ,         O           1
  3  Marta     NNP  PROPN  nsubj     4     Marta     B-GPE       1
  4  needed    VBD  VERB   ccomp     13    need      O           1
  5  to        TO   PART   aux       6     to        O           1
  6  win       VB   VERB   advcl     4     win       O           1
  7  the       DT   DET    det       10    the       O           1
  8  first     JJ   ADJ    amod      10    first     B-ORDINAL   1
  9  two       CD   NUM    nummod    10    two       B-CARDINAL  1
 10  contests  NNS  NOUN   dobj      6     contest   O           0
 11  ,         ,    PUNCT  punct     13    ,         O           0
 12  ”         ''   PUNCT  punct     13    "         O           1
 13  added     VBD  VERB   ROOT      13    add       O           1
 14  a         DT   DET    det       17    a         O           1
 15  North     NNP  PROPN  compound  16    North     B-GPE       1
 16  Dakota    NNP  PROPN  compound  17    Dakota    I-GPE       1
 17  Democrat  NNP  PROPN  dobj      13    Democrat  B-NORP      0
 18  .         .    PUNCT  punct     13    .         O           0
'''
SPLIT_QUOTATION = r'''
# “We are ready,” Anna Kovac said, “to resume the negotiations next week.”
# i  word          tag  pos    dep       head  lemma        ent       ws
 >0  “             ``   PUNCT  punct     8     "            O         0
  1  We            PRP  PRON   nsubj     2     we           O         1
  2  are           VBP  AUX    ccomp     8     be           O         1
  3  ready         JJ   ADJ    acomp     2     ready        O         0
  4  ,             ,    PUNCT  punct     8     ,            O         0
  5  ”             ''   PUNCT  punct     8     "            O         1
  6  Anna          NNP  PROPN  compound  7     Anna         B-PERSON  1
  7  Kovac         NNP  PROPN  nsubj     8     Kovac        I-PERSON  1
  8  said          VBD  VERB   ROOT      8     say          O         0
  9  ,             ,    PUNCT  punct     8     ,            O         1
 10  “             ``   PUNCT  punct     8     "            O         0
 11  to            TO   PART   aux       12    to           O         1
 12  resume        VB   VERB   xcomp     8     resume       O         1
 13  the           DT   DET    det       14    the          O         1
 14  negotiations  NNS  NOUN   dobj      12    negotiation  O         1
 15  next          IN   ADP    nmod      16    next         B-DATE    1
 16  week          NN   NOUN   npadvmod  12    week         I-DATE    0
 17  .             .    PUNCT  punct     8     .            O         0
 18  ”             ''   PUNCT  punct     8     "            O         0
'''
RUNS_ON = r'''
# “The border stays open,” Pedro Alves said. “Trucks with food will cross every day.”
# i  word    tag  pos    dep       head  lemma   ent       ws
 >0  “       ``   PUNCT  punct     9     "       O         0
  1  The     DT   DET    det       2     the     O         1
  2  border  NN   NOUN   nsubj     3     border  O         1
  3  stays   VBZ  VERB   ccomp     9     stay    O         1
  4  open    JJ   ADJ    acomp     3     open    O         0
  5  ,       ,    PUNCT  punct     9     ,       O         0
  6  ”       ''   PUNCT  punct     9     "       O         1
  7  Pedro   NNP  PROPN  compound  8     Pedro   B-PERSON  1
  8  Alves   NNP  PROPN  nsubj     9     Alves   I-PERSON  1
  9  said    VBD  VERB   ROOT      9     say     O         0
 10  .       .    PUNCT  punct     9     .       O         1
>11  “       ``   PUNCT  punct     16    "       O         0
 12  Trucks  NNS  NOUN   nsubj     16    truck   O         1
 13  with    IN   ADP    prep      12    with    O         1
 14  food    NN   NOUN   pobj      13    food    O         1
 15  will    MD   AUX    aux       16    will    O         1
 16  cross   VB   VERB   ROOT      16    cross   O         1
 17  every   DT   DET    det       18    every   B-DATE    1
 18  day     NN   NOUN   npadvmod  16    day     I-DATE    0
 19  .       .    PUNCT  punct     16    .       O         0
 20  ”       ''   PUNCT  punct     16    "       O         0
'''
SHE_TOLD_REPORTERS = r'''
# Maria Lopez arrived on Monday. “Nothing has been decided,” she told reporters.
# i  word       tag  pos    dep        head  lemma     ent       ws
 >0  Maria      NNP  PROPN  compound   1     Maria     B-PERSON  1
  1  Lopez      NNP  PROPN  nsubj      2     Lopez     I-PERSON  1
  2  arrived    VBD  VERB   ROOT       2     arrive    O         1
  3  on         IN   ADP    prep       2     on        O         1
  4  Monday     NNP  PROPN  pobj       3     Monday    B-DATE    0
  5  .          .    PUNCT  punct      2     .         O         1
 >6  “          ``   PUNCT  punct      14    "         O         0
  7  Nothing    NN   PRON   nsubjpass  10    nothing   O         1
  8  has        VBZ  AUX    aux        10    have      O         1
  9  been       VBN  AUX    auxpass    10    be        O         1
 10  decided    VBN  VERB   ccomp      14    decide    O         0
 11  ,          ,    PUNCT  punct      14    ,         O         0
 12  ”          ''   PUNCT  punct      14    "         O         1
 13  she        PRP  PRON   nsubj      14    she       O         1
 14  told       VBD  VERB   ROOT       14    tell      O         1
 15  reporters  NNS  NOUN   dobj       14    reporter  O         0
 16  .          .    PUNCT  punct      14    .         O         0
'''
WONDERED = r'''
# “Who will pay for it?” Mara Quill wondered.
# i  word      tag  pos    dep       head  lemma   ent       ws
 >0  “         ``   PUNCT  punct     3     "       O         0
  1  Who       WP   PRON   nsubj     3     who     O         1
  2  will      MD   AUX    aux       3     will    O         1
  3  pay       VB   VERB   ROOT      3     pay     O         1
  4  for       IN   ADP    prep      3     for     O         1
  5  it        PRP  PRON   pobj      4     it      O         0
  6  ?         .    PUNCT  punct     3     ?       O         0
  7  ”         ''   PUNCT  punct     3     "       O         1
 >8  Mara      NNP  PROPN  compound  9     Mara    B-PERSON  1
  9  Quill     NNP  PROPN  nsubj     10    Quill   I-PERSON  1
 10  wondered  VBD  VERB   ROOT      10    wonder  O         0
 11  .         .    PUNCT  punct     10    .       O         0
'''
NO_REPORTING_VERB = r'''
# Tomas Verly arrived in the city. “This is extremely irresponsible.”
# i  word           tag  pos    dep       head  lemma          ent       ws
 >0  Tomas          NNP  PROPN  compound  1     Tomas          B-PERSON  1
  1  Verly          NNP  PROPN  nsubj     2     Verly          I-PERSON  1
  2  arrived        VBD  VERB   ROOT      2     arrive         O         1
  3  in             IN   ADP    prep      2     in             O         1
  4  the            DT   DET    det       5     the            O         1
  5  city           NN   NOUN   pobj      3     city           O         0
  6  .              .    PUNCT  punct     2     .              O         1
 >7  “              ``   PUNCT  punct     9     "              O         0
  8  This           DT   PRON   nsubj     9     this           O         1
  9  is             VBZ  AUX    ROOT      9     be             O         1
 10  extremely      RB   ADV    advmod    11    extremely      O         1
 11  irresponsible  JJ   ADJ    acomp     9     irresponsible  O         0
 12  .              .    PUNCT  punct     9     .              O         0
 13  ”              ''   PUNCT  punct     9     "              O         0
'''


@pytest.mark.parametrize("table, quotes", [
    # "…,” said X: the subject after the verb speaks; a title is no part of the name
    (SAID_AFTER, [("direct", "We will not give up the port,", "said", "Omar Said Khalil", "Defence Minister Omar Said Khalil")]),
    (AN_ORGANISATION_SAID, [("direct", "The ceasefire must hold,", "said", "Hezbollah", "Hezbollah")]),
    # the small parser reads "a North Dakota Democrat" as the object of "added": still the speaker
    (ADDED_A_DEMOCRAT, [("direct", "Look, Marta needed to win the first two contests,", "added", "Democrat",
                         "a North Dakota Democrat")]),
    # a quotation split by its cue is one quotation
    (SPLIT_QUOTATION, [("direct", "We are ready, to resume the negotiations next week.", "said", "Anna Kovac", "Anna Kovac")]),
    # a quotation that stops at a comma and runs on after its attribution sentence is one
    # quotation (the gold set's and PolNeAR's convention)
    (RUNS_ON, [("direct", "The border stays open, Trucks with food will cross every day.", "said", "Pedro Alves",
                "Pedro Alves")]),
    (SHE_TOLD_REPORTERS, [("direct", "Nothing has been decided,", "told", "Maria Lopez", "she")]),
    (WONDERED, [("direct", "Who will pay for it?", "wondered", "Mara Quill", "Mara Quill")]),
    # no reporting verb before it and none after: nobody's words that we can name
    (NO_REPORTING_VERB, [("direct", "This is extremely irresponsible.", None, None, None)]),
])
def test_direct_quotations(table, quotes):
    assert quotes_of(table) == quotes


# ---------------------------------------------------------------- partial quotations

SCARE_QUOTES = r'''
# The so-called “peace plan” was published on Monday.
# i  word       tag   pos    dep        head  lemma    ent     ws
 >0  The        DT    DET    det        6     the      O       1
  1  so         RB    ADV    advmod     3     so       O       0
  2  -          HYPH  PUNCT  punct      3     -        O       0
  3  called     VBN   VERB   amod       6     call     O       1
  4  “          ``    PUNCT  punct      6     "        O       0
  5  peace      NN    NOUN   compound   6     peace    O       1
  6  plan       NN    NOUN   nsubjpass  9     plan     O       0
  7  ”          ''    PUNCT  punct      6     "        O       1
  8  was        VBD   AUX    auxpass    9     be       O       1
  9  published  VBN   VERB   ROOT       9     publish  O       1
 10  on         IN    ADP    prep       9     on       O       1
 11  Monday     NNP   PROPN  pobj       10    Monday   B-DATE  0
 12  .          .     PUNCT  punct      9     .        O       0
'''
ORGANISATIONS_WORDS = r'''
# The ministry published its “peace plan” on Monday.
# i  word       tag   pos    dep       head  lemma     ent     ws
 >0  The        DT    DET    det       1     the       O       1
  1  ministry   NN    NOUN   nsubj     2     ministry  O       1
  2  published  VBD   VERB   ROOT      2     publish   O       1
  3  its        PRP$  PRON   poss      6     its       O       1
  4  “          ``    PUNCT  punct     6     "         O       0
  5  peace      NN    NOUN   compound  6     peace     O       1
  6  plan       NN    NOUN   dobj      2     plan      O       0
  7  ”          ''    PUNCT  punct     6     "         O       1
  8  on         IN    ADP    prep      2     on        O       1
  9  Monday     NNP   PROPN  pobj      8     Monday    B-DATE  0
 10  .          .     PUNCT  punct     2     .         O       0
'''
A_PERSON_USING_WORDS = r'''
# Campaign chair Lena Marsh dismissed the whole affair as “absurd.”
# i  word       tag  pos    dep       head  lemma     ent       ws
 >0  Campaign   NN   NOUN   compound  1     campaign  O         1
  1  chair      NN   NOUN   compound  3     chair     O         1
  2  Lena       NNP  PROPN  compound  3     Lena      B-PERSON  1
  3  Marsh      NNP  PROPN  nsubj     4     Marsh     I-PERSON  1
  4  dismissed  VBD  VERB   ROOT      4     dismiss   O         1
  5  the        DT   DET    det       7     the       O         1
  6  whole      JJ   ADJ    amod      7     whole     O         1
  7  affair     NN   NOUN   dobj      4     affair    O         1
  8  as         IN   ADP    prep      4     as        O         1
  9  “          ``   PUNCT  punct     8     "         O         0
 10  absurd     JJ   ADJ    amod      8     absurd    O         0
 11  .          .    PUNCT  punct     4     .         O         0
 12  ”          ''   PUNCT  punct     4     "         O         0
'''
WORDS_IN_REPORTED_SPEECH = r'''
# Burton said that cats are “cuties.”
# i  word    tag  pos    dep    head  lemma   ent    ws
 >0  Burton  NNP  PROPN  nsubj  1     Burton  B-ORG  1
  1  said    VBD  VERB   ROOT   1     say     O      1
  2  that    IN   SCONJ  mark   4     that    O      1
  3  cats    NNS  NOUN   nsubj  4     cat     O      1
  4  are     VBP  AUX    ccomp  1     be      O      1
  5  “       ``   PUNCT  punct  4     "       O      0
  6  cuties  NNS  NOUN   attr   4     cutie   O      0
  7  .       .    PUNCT  punct  1     .       O      0
  8  ”       ''   PUNCT  punct  1     "       O      0
'''


@pytest.mark.parametrize("table, quotes", [
    # two words in marks with no cue: scare quotes, nobody's
    (SCARE_QUOTES, [("partial", "peace plan", None, None, None)]),
    (ORGANISATIONS_WORDS, [("partial", "peace plan", None, None, None)]),
    # a person who uses the quoted words is their speaker
    (A_PERSON_USING_WORDS, [("partial", "absurd.", None, "Lena Marsh", "Campaign chair Lena Marsh")]),
    # words quoted inside reported speech are the reporter's source; the clause keeps its closing mark
    # and they are one attribution with the clause: one partial quotation spanning it
    (WORDS_IN_REPORTED_SPEECH, [("partial", "cuties.", "said", "Burton", "Burton")]),
])
def test_partial_quotations(table, quotes):
    assert quotes_of(table) == quotes


def test_words_quoted_in_reported_speech_span_the_reported_clause():
    doc = run_stages(doc_from_table(WORDS_IN_REPORTED_SPEECH))
    (quote,) = doc.quotes
    assert doc.text[quote.start:quote.end] == "cats are “cuties.”"


# ---------------------------------------------------------------- reported speech

SAID_THAT = r'''
# Ines Moreau said that France would send more aid to Lebanon.
# i  word     tag   pos    dep       head  lemma    ent       ws
 >0  Ines     NNPS  PROPN  compound  1     Ines     B-PERSON  1
  1  Moreau   NNP   PROPN  nsubj     2     Moreau   I-PERSON  1
  2  said     VBD   VERB   ROOT      2     say      O         1
  3  that     IN    SCONJ  mark      6     that     O         1
  4  France   NNP   PROPN  nsubj     6     France   B-GPE     1
  5  would    MD    AUX    aux       6     would    O         1
  6  send     VB    VERB   ccomp     2     send     O         1
  7  more     JJR   ADJ    amod      8     more     O         1
  8  aid      NN    NOUN   dobj      6     aid      O         1
  9  to       IN    ADP    prep      6     to       O         1
 10  Lebanon  NNP   PROPN  pobj      9     Lebanon  B-GPE     0
 11  .        .     PUNCT  punct     2     .        O         0
'''
BY_SAYING = r'''
# Tomas Verly distanced himself from the group by saying he would serve if asked.
# i  word       tag  pos    dep     head  lemma     ent       ws
 >0  Tomas      NNP  PROPN  nsubj   2     Tomas     B-PERSON  1
  1  Verly      NNP  PROPN  advmod  2     Verly     I-PERSON  1
  2  distanced  VBD  VERB   ROOT    2     distance  O         1
  3  himself    PRP  PRON   dobj    2     himself   O         1
  4  from       IN   ADP    prep    2     from      O         1
  5  the        DT   DET    det     6     the       O         1
  6  group      NN   NOUN   pobj    4     group     O         1
  7  by         IN   ADP    prep    2     by        O         1
  8  saying     VBG  VERB   pcomp   7     say       O         1
  9  he         PRP  PRON   nsubj   11    he        O         1
 10  would      MD   AUX    aux     11    would     O         1
 11  serve      VB   VERB   ccomp   8     serve     O         1
 12  if         IN   SCONJ  mark    13    if        O         1
 13  asked      VBN  VERB   advcl   11    ask       O         0
 14  .          .    PUNCT  punct   2     .         O         0
'''
FOR_SAYING = r'''
# Tomas Verly attacked Lena Marsh for saying that the plan would fail.
# i  word      tag  pos    dep       head  lemma   ent       ws
 >0  Tomas     NNP  PROPN  compound  1     Tomas   B-PERSON  1
  1  Verly     NNP  PROPN  advmod    2     Verly   I-PERSON  1
  2  attacked  VBD  VERB   ROOT      2     attack  O         1
  3  Lena      NNP  PROPN  compound  4     Lena    B-PERSON  1
  4  Marsh     NNP  PROPN  dobj      2     Marsh   I-PERSON  1
  5  for       IN   ADP    prep      2     for     O         1
  6  saying    VBG  VERB   pcomp     5     say     O         1
  7  that      IN   SCONJ  mark      11    that    O         1
  8  the       DT   DET    det       9     the     O         1
  9  plan      NN   NOUN   nsubj     11    plan    O         1
 10  would     MD   AUX    aux       11    would   O         1
 11  fail      VB   VERB   ccomp     6     fail    O         0
 12  .         .    PUNCT  punct     2     .       O         0
'''
HEADLINE_THEN_REPORT = r'''
# “Peace talks collapse in Doha”\n\nThe talks ended on Monday without agreement, the mediators said.
# i  word       tag  pos    dep       head  lemma      ent     ws
 >0  “          ``   PUNCT  punct     3     "          O       0
  1  Peace      NN   NOUN   compound  2     peace      O       1
  2  talks      NNS  NOUN   compound  3     talk       O       1
  3  collapse   VBP  VERB   ROOT      3     collapse   O       1
  4  in         IN   ADP    prep      3     in         O       1
  5  Doha       NNP  PROPN  pobj      4     Doha       B-GPE   0
  6  ”          ''   PUNCT  punct     3     "          O       0
  7  \n\n       _SP  SPACE  dep       6     \n\n       O       0
 >8  The        DT   DET    det       9     the        O       1
  9  talks      NNS  NOUN   nsubj     10    talk       O       1
 10  ended      VBD  VERB   ccomp     18    end        O       1
 11  on         IN   ADP    prep      10    on         O       1
 12  Monday     NNP  PROPN  pobj      11    Monday     B-DATE  1
 13  without    IN   ADP    prep      10    without    O       1
 14  agreement  NN   NOUN   pobj      13    agreement  O       0
 15  ,          ,    PUNCT  punct     18    ,          O       1
 16  the        DT   DET    det       17    the        O       1
 17  mediators  NNS  NOUN   nsubj     18    mediator   O       1
 18  said       VBD  VERB   ROOT      18    say        O       0
 19  .          .    PUNCT  punct     18    .          O       0
'''


@pytest.mark.parametrize("table, quotes", [
    (SAID_THAT, [("indirect", "France would send more aid to Lebanon", "said", "Ines Moreau", "Ines Moreau")]),
    # "by saying" is said by the subject of the verb it qualifies; "for saying" is not
    # (this parse makes "Verly" an adverb of "distanced", so the subject's own words are "Tomas")
    (BY_SAYING, [("indirect", "he would serve if asked", "saying", "Tomas Verly", "Tomas")]),
    (FOR_SAYING, [("indirect", "the plan would fail", "saying", None, None)]),
    # a headline in marks alone in its paragraph is nobody's words; an unnamed group speaks
    (HEADLINE_THEN_REPORT, [("indirect", "The talks ended on Monday without agreement", "said", "the mediators", "the mediators")]),
])
def test_indirect_quotations(table, quotes):
    assert quotes_of(table) == quotes


# ---------------------------------------------------------------- thoughts are not quotations

BELIEVES_THAT = r'''
# The minister believes that the talks will fail next week.
# i  word      tag  pos    dep       head  lemma     ent     ws
 >0  The       DT   DET    det       1     the       O       1
  1  minister  NN   NOUN   nsubj     2     minister  O       1
  2  believes  VBZ  VERB   ROOT      2     believe   O       1
  3  that      IN   SCONJ  mark      7     that      O       1
  4  the       DT   DET    det       5     the       O       1
  5  talks     NNS  NOUN   nsubj     7     talk      O       1
  6  will      MD   AUX    aux       7     will      O       1
  7  fail      VB   VERB   ccomp     2     fail      O       1
  8  next      JJ   ADJ    amod      9     next      B-DATE  1
  9  week      NN   NOUN   npadvmod  7     week      I-DATE  0
 10  .         .    PUNCT  punct     2     .         O       0
'''
THINKS_THAT_CUTIES = r'''
# Burton thinks that cats are “cuties.”
# i  word    tag  pos    dep    head  lemma   ent       ws
 >0  Burton  NNP  PROPN  nsubj  1     Burton  B-PERSON  1
  1  thinks  VBZ  VERB   ROOT   1     think   O         1
  2  that    IN   SCONJ  mark   4     that    O         1
  3  cats    NNS  NOUN   nsubj  4     cat     O         1
  4  are     VBP  AUX    ccomp  1     be      O         1
  5  “       ``   PUNCT  punct  4     "       O         0
  6  cuties  NNS  NOUN   attr   4     cutie   O         0
  7  .       .    PUNCT  punct  1     .       O         0
  8  ”       ''   PUNCT  punct  1     "       O         0
'''
WONDERED_WHETHER = r'''
# Mara Quill wondered whether the plan would fail in the spring.
# i  word      tag  pos    dep       head  lemma    ent       ws
 >0  Mara      NNP  PROPN  compound  1     Mara     B-PERSON  1
  1  Quill     NNP  PROPN  nsubj     2     Quill    I-PERSON  1
  2  wondered  VBD  VERB   ROOT      2     wonder   O         1
  3  whether   IN   SCONJ  mark      7     whether  O         1
  4  the       DT   DET    det       5     the      O         1
  5  plan      NN   NOUN   nsubj     7     plan     O         1
  6  would     MD   AUX    aux       7     would    O         1
  7  fail      VB   VERB   ccomp     2     fail     O         1
  8  in        IN   ADP    prep      7     in       O         1
  9  the       DT   DET    det       10    the      B-DATE    1
 10  spring    NN   NOUN   pobj      8     spring   I-DATE    0
 11  .         .    PUNCT  punct     2     .        O         0
'''
CONTINUED_THAT = r'''
# Mara Quill continued that the plan would fail in the spring.
# i  word       tag  pos    dep       head  lemma     ent       ws
 >0  Mara       NNP  PROPN  compound  1     Mara      B-PERSON  1
  1  Quill      NNP  PROPN  nsubj     2     Quill     I-PERSON  1
  2  continued  VBD  VERB   ROOT      2     continue  O         1
  3  that       IN   SCONJ  mark      7     that      O         1
  4  the        DT   DET    det       5     the       O         1
  5  plan       NN   NOUN   nsubj     7     plan      O         1
  6  would      MD   AUX    aux       7     would     O         1
  7  fail       VB   VERB   ccomp     2     fail      O         1
  8  in         IN   ADP    prep      7     in        O         1
  9  the        DT   DET    det       10    the       B-DATE    1
 10  spring     NN   NOUN   pobj      8     spring    I-DATE    0
 11  .          .    PUNCT  punct     2     .         O         0
'''


@pytest.mark.parametrize("table", [
    BELIEVES_THAT,  # a verb of thinking takes no indirect quotation
    THINKS_THAT_CUTIES,  # nor are marks inside a thought someone's words
    WONDERED_WHETHER,
    CONTINUED_THAT,  # a verb that only carries a quotation never introduces reported speech
])
def test_no_quotation(table):
    assert quotes_of(table) == []


# ---------------------------------------------------------------- speakers reach the events

FIRST_PERSON_IN_A_QUOTE = r'''
# “We will attack Israel if the siege continues,” said Ismail Radwan, a spokesman for Hamas.
# i  word       tag  pos    dep       head  lemma      ent       ws
 >0  “          ``   PUNCT  punct     11    "          O         0
  1  We         PRP  PRON   nsubj     3     we         O         1
  2  will       MD   AUX    aux       3     will       O         1
  3  attack     VB   VERB   ccomp     11    attack     O         1
  4  Israel     NNP  PROPN  dobj      3     Israel     B-GPE     1
  5  if         IN   SCONJ  mark      8     if         O         1
  6  the        DT   DET    det       7     the        O         1
  7  siege      NN   NOUN   nsubj     8     siege      O         1
  8  continues  VBZ  VERB   advcl     3     continue   O         0
  9  ,          ,    PUNCT  punct     11    ,          O         0
 10  ”          ''   PUNCT  punct     11    "          O         1
 11  said       VBD  VERB   ROOT      11    say        O         1
 12  Ismail     NNP  PROPN  compound  13    Ismail     B-PERSON  1
 13  Radwan     NNP  PROPN  nsubj     11    Radwan     I-PERSON  0
 14  ,          ,    PUNCT  punct     13    ,          O         1
 15  a          DT   DET    det       16    a          O         1
 16  spokesman  NN   NOUN   appos     13    spokesman  O         1
 17  for        IN   ADP    prep      16    for        O         1
 18  Hamas      NNP  PROPN  pobj      17    Hamas      B-ORG     0
 19  .          .    PUNCT  punct     11    .          O         0
'''
EVENT_IN_A_QUOTE = r'''
# “Russia attacked Ukraine again,” Olena Bondar said.
# i  word      tag  pos    dep       head  lemma    ent       ws
 >0  “         ``   PUNCT  punct     9     "        O         0
  1  Russia    NNP  PROPN  nsubj     2     Russia   B-GPE     1
  2  attacked  VBD  VERB   ccomp     9     attack   O         1
  3  Ukraine   NNP  PROPN  dobj      2     Ukraine  B-GPE     1
  4  again     RB   ADV    advmod    2     again    O         0
  5  ,         ,    PUNCT  punct     9     ,        O         0
  6  ”         ''   PUNCT  punct     9     "        O         1
  7  Olena     NNP  PROPN  compound  8     Olena    B-PERSON  1
  8  Bondar    NNP  PROPN  nsubj     9     Bondar   I-PERSON  1
  9  said      VBD  VERB   ROOT      9     say      O         0
 10  .         .    PUNCT  punct     9     .        O         0
'''


def test_we_in_a_quotation_is_the_speakers_organisation():
    doc = run_stages(doc_from_table(FIRST_PERSON_IN_A_QUOTE))
    names = {a.id: a.name for a in doc.actors}
    assert [(names[e.source], names[e.target], e.cameo, e.realis, names[e.speaker]) for e in doc.events] == [
        ("Hamas", "Israel", "190", "hypothetical", "Ismail Radwan")]
    assert ("We", "pronoun") in [(m.text, m.via) for m in doc.actor(doc.events[0].source).mentions]


def test_an_event_inside_a_quotation_carries_its_speaker():
    doc = run_stages(doc_from_table(EVENT_IN_A_QUOTE))
    assert [(e.cameo, doc.actor(e.speaker).name) for e in doc.events] == [("190", "Olena Bondar")]


ACCORDING_TO_AT_THE_END = r'''
# The plane is cleared to fly again, according to the airline.
# i  word       tag  pos    dep        head  lemma    ent  ws
 >0  The        DT   DET    det        1     the      O    1
  1  plane      NN   NOUN   nsubjpass  3     plane    O    1
  2  is         VBZ  AUX    auxpass    3     be       O    1
  3  cleared    VBN  VERB   ROOT       3     clear    O    1
  4  to         TO   PART   aux        5     to       O    1
  5  fly        VB   VERB   xcomp      3     fly      O    1
  6  again      RB   ADV    advmod     5     again    O    0
  7  ,          ,    PUNCT  punct      3     ,        O    1
  8  according  VBG  VERB   prep       3     accord   O    1
  9  to         IN   ADP    prep       8     to       O    1
 10  the        DT   DET    det        11    the      O    1
 11  airline    NN   NOUN   pobj       9     airline  O    0
 12  .          .    PUNCT  punct      3     .        O    0
'''


def test_according_to_at_the_end_of_its_clause():
    # the full stop after the phrase is not the clause's edge: the clause ends before the phrase
    assert quotes_of(ACCORDING_TO_AT_THE_END) == [
        ("indirect", "The plane is cleared to fly again", "according to", None, "the airline")]
