"""Frozen parses used by more than one hand-built test file (see tests/handmade.py)."""

REFUSED_TO_MEET = r'''
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

URGED_TO_WITHDRAW = r'''
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

ACCUSED_BY = r'''
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

ROLE_IN_RELATIVE_CLAUSE = r'''
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

CARRIED_OUT_A_STRIKE = r'''
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

SHARED_NAME_AT_HOME = r'''
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
