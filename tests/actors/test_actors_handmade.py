"""Actors on hand-built parses: knowledge-base names, surnames, roles, coreference and groups,
no model loaded.

Each table is the model's parse of a sentence from ``test_actors.py``, frozen with
``tools/doc_table.py``; the expected values are that test's, made exact.
"""
from __future__ import annotations

import pytest

from dyad.actors.index import actor_of
from tests.conftest import actor_named
from tests.handmade import actor_index, doc_from_table, run_stages, token
from tests.frozen_parses import ROLE_IN_RELATIVE_CLAUSE, SHARED_NAME_AT_HOME


def actors_of(table):
    return run_stages(doc_from_table(table))


def mentions(actor):
    return [(m.text, m.via) for m in actor.mentions]


# ---------------------------------------------------------------- names in the knowledge base

COUNTRY_VARIANTS = r'''
# The United States warned Iran on Monday. U.S. officials said Washington would act.
# i  word        tag  pos    dep       head  lemma       ent     ws
 >0  The         DT   DET    det       2     the         B-GPE   1
  1  United      NNP  PROPN  compound  2     United      I-GPE   1
  2  States      NNP  PROPN  nsubj     3     States      I-GPE   1
  3  warned      VBD  VERB   ROOT      3     warn        O       1
  4  Iran        NNP  PROPN  dobj      3     Iran        B-GPE   1
  5  on          IN   ADP    prep      3     on          O       1
  6  Monday      NNP  PROPN  pobj      5     Monday      B-DATE  0
  7  .           .    PUNCT  punct     3     .           O       1
 >8  U.S.        NNP  PROPN  compound  9     U.S.        B-GPE   1
  9  officials   NNS  NOUN   nsubj     10    official    O       1
 10  said        VBD  VERB   ROOT      10    say         O       1
 11  Washington  NNP  PROPN  nsubj     13    Washington  B-GPE   1
 12  would       MD   AUX    aux       13    would       O       1
 13  act         VB   VERB   ccomp     10    act         O       0
 14  .           .    PUNCT  punct     10    .           O       0
'''


def test_country_variants_merge_into_one_actor():
    doc = actors_of(COUNTRY_VARIANTS)
    assert [(a.name, a.kind, a.code) for a in doc.actors] == [
        ("United States", "COUNTRY", "USA"), ("Iran", "COUNTRY", "IRN"), ("U.S. officials", "GROUP", "USAGOV")]
    # "Washington would act": the capital acting is a metonym for the country
    assert mentions(doc.actors[0]) == [("United States", "name"), ("U.S.", "alias"), ("Washington", "metonym")]


SHARED_NAME_ALONE = r'''
# Congress rejected the budget again.
# i  word      tag  pos    dep     head  lemma     ent    ws
 >0  Congress  NNP  PROPN  nsubj   1     Congress  B-ORG  1
  1  rejected  VBD  VERB   ROOT    1     reject    O      1
  2  the       DT   DET    det     3     the       O      1
  3  budget    NN   NOUN   dobj    1     budget    O      1
  4  again     RB   ADV    advmod  1     again     O      0
  5  .         .    PUNCT  punct   1     .         O      0
'''


@pytest.mark.parametrize("table, country, code", [
    (SHARED_NAME_AT_HOME, "CHL", "CHLLEG"),  # another country's own bodies in view: its congress
    (SHARED_NAME_ALONE, "USA", "USAGOVLEG"),  # none: the body English news means most often
])
def test_a_shared_name_resolves_in_context(table, country, code):
    congress = actor_named(actors_of(table), "Congress")
    assert (congress.country, congress.code) == (country, code)


# ---------------------------------------------------------------- persons: surnames and roles

SURNAME_LATER = r'''
# Kenyan President William Ruto met reporters in Nairobi. Ruto said the talks went well.
# i  word       tag  pos    dep       head  lemma      ent       ws
 >0  Kenyan     NNP  PROPN  amod      1     Kenyan     B-NORP    1
  1  President  NNP  PROPN  compound  3     President  O         1
  2  William    NNP  PROPN  compound  3     William    B-PERSON  1
  3  Ruto       NNP  PROPN  nsubj     4     Ruto       I-PERSON  1
  4  met        VBD  VERB   ROOT      4     meet       O         1
  5  reporters  NNS  NOUN   dobj      4     reporter   O         1
  6  in         IN   ADP    prep      4     in         O         1
  7  Nairobi    NNP  PROPN  pobj      6     Nairobi    B-GPE     0
  8  .          .    PUNCT  punct     4     .          O         1
 >9  Ruto       NNP  PROPN  nsubj     10    Ruto       O         1
 10  said       VBD  VERB   ROOT      10    say        O         1
 11  the        DT   DET    det       12    the        O         1
 12  talks      NNS  NOUN   nsubj     13    talk       O         1
 13  went       VBD  VERB   ccomp     10    go         O         1
 14  well       RB   ADV    advmod    13    well       O         0
 15  .          .    PUNCT  punct     10    .          O         0
'''
APPOSITION = r'''
# Leila Haddad, a senior official of Hezbollah, criticised the plan on Sunday.
# i  word        tag  pos    dep       head  lemma      ent       ws
 >0  Leila       NNP  PROPN  compound  1     Leila      B-PERSON  1
  1  Haddad      NNP  PROPN  nsubj     9     Haddad     I-PERSON  0
  2  ,           ,    PUNCT  punct     1     ,          O         1
  3  a           DT   DET    det       5     a          O         1
  4  senior      JJ   ADJ    amod      5     senior     O         1
  5  official    NN   NOUN   appos     1     official   O         1
  6  of          IN   ADP    prep      5     of         O         1
  7  Hezbollah   NNP  PROPN  pobj      6     Hezbollah  B-ORG     0
  8  ,           ,    PUNCT  punct     1     ,          O         1
  9  criticised  VBD  VERB   ROOT      9     criticise  O         1
 10  the         DT   DET    det       11    the        O         1
 11  plan        NN   NOUN   dobj      9     plan       O         1
 12  on          IN   ADP    prep      9     on         O         1
 13  Sunday      NNP  PROPN  pobj      12    Sunday     B-DATE    0
 14  .           .    PUNCT  punct     9     .          O         0
'''
FORMER_AND_THEN = r'''
# The former Chilean president, Ana Torres, met then-Peruvian Foreign Minister Luis Vega in Lima.
# i  word       tag   pos    dep       head  lemma      ent       ws
 >0  The        DT    DET    det       3     the        O         1
  1  former     JJ    ADJ    amod      3     former     O         1
  2  Chilean    JJ    ADJ    amod      3     chilean    B-NORP    1
  3  president  NN    NOUN   nsubj     8     president  O         0
  4  ,          ,     PUNCT  punct     3     ,          O         1
  5  Ana        NNP   PROPN  compound  6     Ana        B-PERSON  1
  6  Torres     NNP   PROPN  appos     3     Torres     I-PERSON  0
  7  ,          ,     PUNCT  punct     3     ,          O         1
  8  met        VBD   VERB   ROOT      8     meet       O         1
  9  then       RB    ADV    advmod    11    then       O         0
 10  -          HYPH  PUNCT  punct     11    -          O         0
 11  Peruvian   JJ    ADJ    amod      13    peruvian   B-NORP    1
 12  Foreign    NNP   PROPN  compound  13    Foreign    O         1
 13  Minister   NNP   PROPN  compound  15    Minister   O         1
 14  Luis       NNP   PROPN  compound  15    Luis       B-PERSON  1
 15  Vega       NNP   PROPN  dobj      8     Vega       I-PERSON  1
 16  in         IN    ADP    prep      8     in         O         1
 17  Lima       NNP   PROPN  pobj      16    Lima       B-GPE     0
 18  .          .     PUNCT  punct     8     .          O         0
'''
UNKNOWN_COUNTRY = r'''
# Maria Olsen, a local teacher, said the bridge was closed.
# i  word     tag  pos    dep       head  lemma    ent       ws
 >0  Maria    NNP  PROPN  compound  1     Maria    B-PERSON  1
  1  Olsen    NNP  PROPN  nsubj     7     Olsen    I-PERSON  0
  2  ,        ,    PUNCT  punct     1     ,        O         1
  3  a        DT   DET    det       5     a        O         1
  4  local    JJ   ADJ    amod      5     local    O         1
  5  teacher  NN   NOUN   appos     1     teacher  O         0
  6  ,        ,    PUNCT  punct     1     ,        O         1
  7  said     VBD  VERB   ROOT      7     say      O         1
  8  the      DT   DET    det       9     the      O         1
  9  bridge   NN   NOUN   nsubj     10    bridge   O         1
 10  was      VBD  AUX    ccomp     7     be       O         1
 11  closed   JJ   ADJ    acomp     10    closed   O         0
 12  .        .    PUNCT  punct     7     .        O         0
'''


def test_a_surname_joins_the_full_name_and_the_title_gives_the_code():
    doc = actors_of(SURNAME_LATER)
    ruto = actor_named(doc, "William Ruto")
    assert mentions(ruto) == [("William Ruto", "name"), ("Ruto", "surname")]
    assert (ruto.country, ruto.sector, ruto.code) == ("KEN", "GOV", "KENGOV")
    assert [(r.title, r.status, doc.actor(r.organization).name) for r in ruto.roles] == [("Kenyan President", "current", "Kenya")]


def test_apposition_gives_role_affiliation_and_code():
    doc = actors_of(APPOSITION)
    haddad = actor_named(doc, "Leila Haddad")
    hezbollah = actor_named(doc, "Hezbollah")
    assert (hezbollah.kind, hezbollah.country) == ("ORGANIZATION", "LBN")
    assert haddad.affiliations == (hezbollah.id,)
    assert [(r.title, r.organization) for r in haddad.roles] == [("senior official of Hezbollah", hezbollah.id)]
    assert (haddad.country, haddad.code) == ("LBN", "LBNREB")


def test_former_and_then_roles():
    doc = actors_of(FORMER_AND_THEN)
    assert [(r.title, r.status) for r in actor_named(doc, "Ana Torres").roles] == [("former Chilean president", "former")]
    assert [(r.title, r.status) for r in actor_named(doc, "Luis Vega").roles] == [("then-Peruvian Foreign Minister", "then")]
    assert (actor_named(doc, "Luis Vega").code, actor_named(doc, "Ana Torres").code) == ("PERGOV", "CHLGOV")


def test_a_role_from_a_relative_clause():
    doc = actors_of(ROLE_IN_RELATIVE_CLAUSE)
    role = actor_named(doc, "Grace Mwale").roles[0]
    assert (role.title, doc.actor(role.organization).name, role.status) == (
        "leads the People's Renewal Party", "People's Renewal Party", "current")


def test_who_names_the_noun_its_clause_modifies():
    doc = doc_from_table(ROLE_IN_RELATIVE_CLAUSE)
    index = actor_index(doc)
    assert index.get(actor_of(token(doc, "who"), index)).name == "Grace Mwale"


def test_an_unknown_country_stays_null():
    olsen = actor_named(actors_of(UNKNOWN_COUNTRY), "Maria Olsen")
    assert (olsen.country, olsen.code, olsen.sector) == (None, None, "EDU")


# ---------------------------------------------------------------- coreference

HE_AFTER_A_NAME = r'''
# Prime Minister Mark Ellison arrived in Ottawa. He met the mayor.
# i  word      tag  pos    dep       head  lemma     ent       ws
 >0  Prime     NNP  PROPN  compound  1     Prime     O         1
  1  Minister  NNP  PROPN  compound  3     Minister  O         1
  2  Mark      NNP  PROPN  compound  3     Mark      B-PERSON  1
  3  Ellison   NNP  PROPN  nsubj     4     Ellison   I-PERSON  1
  4  arrived   VBD  VERB   ROOT      4     arrive    O         1
  5  in        IN   ADP    prep      4     in        O         1
  6  Ottawa    NNP  PROPN  pobj      5     Ottawa    B-GPE     0
  7  .         .    PUNCT  punct     4     .         O         1
 >8  He        PRP  PRON   nsubj     9     he        O         1
  9  met       VBD  VERB   ROOT      9     meet      O         1
 10  the       DT   DET    det       11    the       O         1
 11  mayor     NN   NOUN   dobj      9     mayor     O         0
 12  .         .    PUNCT  punct     9     .         O         0
'''
OBJECT_PRONOUN = r'''
# Kenyan envoy Grace Achieng met Vice-President Peter Malong. Achieng urged him to reopen the talks.
# i  word       tag  pos    dep       head  lemma      ent       ws
 >0  Kenyan     JJ   ADJ    amod      1     kenyan     B-NORP    1
  1  envoy      NN   NOUN   compound  3     envoy      O         1
  2  Grace      NNP  PROPN  compound  3     Grace      B-PERSON  1
  3  Achieng    NNP  PROPN  nsubj     4     Achieng    I-PERSON  1
  4  met        VBD  VERB   ROOT      4     meet       O         1
  5  Vice       NNP  PROPN  compound  9     Vice       O         0
  6  -          NNP  PROPN  compound  9     -          O         0
  7  President  NNP  PROPN  compound  9     President  O         1
  8  Peter      NNP  PROPN  compound  9     Peter      B-PERSON  1
  9  Malong     NNP  PROPN  dobj      4     Malong     I-PERSON  0
 10  .          .    PUNCT  punct     4     .          O         1
>11  Achieng    NNP  PROPN  nsubj     12    Achieng    B-PERSON  1
 12  urged      VBD  VERB   ROOT      12    urge       O         1
 13  him        PRP  PRON   dobj      12    he         O         1
 14  to         TO   PART   aux       15    to         O         1
 15  reopen     VB   VERB   xcomp     12    reopen     O         1
 16  the        DT   DET    det       17    the        O         1
 17  talks      NNS  NOUN   dobj      15    talk       O         0
 18  .          .    PUNCT  punct     12    .          O         0
'''
EXPLETIVE_IT = r'''
# Kenya sent troops. It is clear that the mission will last.
# i  word     tag  pos    dep    head  lemma    ent    ws
 >0  Kenya    NNP  PROPN  nsubj  1     Kenya    B-GPE  1
  1  sent     VBD  VERB   ROOT   1     send     O      1
  2  troops   NNS  NOUN   dobj   1     troop    O      0
  3  .        .    PUNCT  punct  1     .        O      1
 >4  It       PRP  PRON   nsubj  5     it       O      1
  5  is       VBZ  AUX    ROOT   5     be       O      1
  6  clear    JJ   ADJ    acomp  5     clear    O      1
  7  that     IN   SCONJ  mark   11    that     O      1
  8  the      DT   DET    det    9     the      O      1
  9  mission  NN   NOUN   nsubj  11    mission  O      1
 10  will     MD   AUX    aux    11    will     O      1
 11  last     VB   VERB   ccomp  5     last     O      0
 12  .        .    PUNCT  punct  5     .        O      0
'''
ITS_ORGANISATION = r'''
# The African Union opened talks on Monday. Its envoy met both sides.
# i  word     tag   pos    dep       head  lemma    ent     ws
 >0  The      DT    DET    det       2     the      B-ORG   1
  1  African  NNP   PROPN  compound  2     African  I-ORG   1
  2  Union    NNP   PROPN  nsubj     3     Union    I-ORG   1
  3  opened   VBD   VERB   ROOT      3     open     O       1
  4  talks    NNS   NOUN   dobj      3     talk     O       1
  5  on       IN    ADP    prep      3     on       O       1
  6  Monday   NNP   PROPN  pobj      5     Monday   B-DATE  0
  7  .        .     PUNCT  punct     3     .        O       1
 >8  Its      PRP$  PRON   poss      9     its      O       1
  9  envoy    NN    NOUN   nsubj     10    envoy    O       1
 10  met      VBD   VERB   ROOT      10    meet     O       1
 11  both     DT    DET    det       12    both     O       1
 12  sides    NNS   NOUN   dobj      10    side     O       0
 13  .        .     PUNCT  punct     10    .        O       0
'''
THE_ALLIANCE = r'''
# Ghana and the Alliance of Sahel States met in Accra. The European Union sent an observer. The alliance said the talks were useful.
# i  word      tag  pos    dep       head  lemma     ent    ws
 >0  Ghana     NNP  PROPN  nsubj     7     Ghana     B-GPE  1
  1  and       CC   CCONJ  cc        0     and       O      1
  2  the       DT   DET    det       3     the       B-ORG  1
  3  Alliance  NNP  PROPN  conj      0     Alliance  I-ORG  1
  4  of        IN   ADP    prep      3     of        I-ORG  1
  5  Sahel     NNP  PROPN  compound  6     Sahel     I-ORG  1
  6  States    NNP  PROPN  pobj      4     States    I-ORG  1
  7  met       VBD  VERB   ROOT      7     meet      O      1
  8  in        IN   ADP    prep      7     in        O      1
  9  Accra     NNP  PROPN  pobj      8     Accra     B-GPE  0
 10  .         .    PUNCT  punct     7     .         O      1
>11  The       DT   DET    det       13    the       B-ORG  1
 12  European  NNP  PROPN  compound  13    European  I-ORG  1
 13  Union     NNP  PROPN  nsubj     14    Union     I-ORG  1
 14  sent      VBD  VERB   ROOT      14    send      O      1
 15  an        DT   DET    det       16    an        O      1
 16  observer  NN   NOUN   dobj      14    observer  O      0
 17  .         .    PUNCT  punct     14    .         O      1
>18  The       DT   DET    det       19    the       O      1
 19  alliance  NN   NOUN   nsubj     20    alliance  O      1
 20  said      VBD  VERB   ROOT      20    say       O      1
 21  the       DT   DET    det       22    the       O      1
 22  talks     NNS  NOUN   nsubj     23    talk      O      1
 23  were      VBD  AUX    ccomp     20    be        O      1
 24  useful    JJ   ADJ    acomp     23    useful    O      0
 25  .         .    PUNCT  punct     20    .         O      0
'''


@pytest.mark.parametrize("table, name, expected", [
    (HE_AFTER_A_NAME, "Mark Ellison", [("Mark Ellison", "name"), ("He", "pronoun")]),
    # an object pronoun never means its own clause's subject: "him" is Malong, not Achieng
    (OBJECT_PRONOUN, "Peter Malong", [("Peter Malong", "name"), ("him", "pronoun")]),
    (OBJECT_PRONOUN, "Grace Achieng", [("Grace Achieng", "name"), ("Achieng", "surname")]),
    (EXPLETIVE_IT, "Kenya", [("Kenya", "name")]),  # "It is clear that": no one
    (ITS_ORGANISATION, "African Union", [("African Union", "name"), ("Its", "pronoun")]),
    # "the alliance" is the body whose name says alliance, not the last body named
    (THE_ALLIANCE, "Alliance of Sahel States", [("Alliance of Sahel States", "name"), ("alliance", "description")]),
    (THE_ALLIANCE, "European Union", [("European Union", "name")]),
])
def test_coreference(table, name, expected):
    assert mentions(actor_named(actors_of(table), name)) == expected


SHE_AFTER_MR = r"""
# Mr. Tom Baker met Ana Ruiz. She left early.
# i  word   tag  pos    dep       head  lemma  ent       ws
 >0  Mr.    NNP  PROPN  compound  2     Mr.    O         1
  1  Tom    NNP  PROPN  compound  2     Tom    B-PERSON  1
  2  Baker  NNP  PROPN  nsubj     3     Baker  I-PERSON  1
  3  met    VBD  VERB   ROOT      3     meet   O         1
  4  Ana    NNP  PROPN  compound  5     Ana    B-PERSON  1
  5  Ruiz   NNP  PROPN  dobj      3     Ruiz   I-PERSON  0
  6  .      .    PUNCT  punct     3     .      O         1
 >7  She    PRP  PRON   nsubj     8     she    O         1
  8  left   VBD  VERB   ROOT      8     leave  O         1
  9  early  RB   ADV    advmod    8     early  O         0
 10  .      .    PUNCT  punct     8     .      O         0
"""


SHE_AFTER_MS = r"""
# Tom Baker met Ms. Ana Ruiz. She left early.
# i  word   tag  pos    dep       head  lemma  ent       ws
 >0  Tom    NNP  PROPN  compound  1     Tom    B-PERSON  1
  1  Baker  NNP  PROPN  nsubj     2     Baker  I-PERSON  1
  2  met    VBD  VERB   ROOT      2     meet   O         1
  3  Ms.    NNP  PROPN  compound  5     Ms.    O         1
  4  Ana    NNP  PROPN  compound  5     Ana    B-PERSON  1
  5  Ruiz   NNP  PROPN  dobj      2     Ruiz   I-PERSON  0
  6  .      .    PUNCT  punct     2     .      O         1
 >7  She    PRP  PRON   nsubj     8     she    O         1
  8  left   VBD  VERB   ROOT      8     leave  O         1
  9  early  RB   ADV    advmod    8     early  O         0
 10  .      .    PUNCT  punct     8     .      O         0
"""


@pytest.mark.parametrize("table, name, expected", [
    # "she" is never the man the article calls "Mr.", though he is the nearer subject
    # in one sentence, the woman the article calls "Ms." over the subject whose gender it does not give
    (SHE_AFTER_MS, "Ana Ruiz", [("Ana Ruiz", "name"), ("She", "pronoun")]),
    (SHE_AFTER_MR, "Ana Ruiz", [("Ana Ruiz", "name"), ("She", "pronoun")]),
    (SHE_AFTER_MR, "Tom Baker", [("Tom Baker", "name")]),
])
def test_pronouns_agree_in_gender(table, name, expected):
    assert mentions(actor_named(actors_of(table), name)) == expected


THE_NOUN_AFTER_A_MOVEMENT = r"""
# The Velan Liberation Movement detained staff of the World Food Programme. The agency protested.
# i  word        tag  pos    dep       head  lemma       ent    ws
 >0  The         DT   DET    det       3     the         B-ORG  1
  1  Velan       NNP  PROPN  compound  3     Velan       I-ORG  1
  2  Liberation  NNP  PROPN  compound  3     Liberation  I-ORG  1
  3  Movement    NNP  PROPN  nsubj     4     Movement    I-ORG  1
  4  detained    VBD  VERB   ROOT      4     detain      O      1
  5  staff       NN   NOUN   dobj      4     staff       O      1
  6  of          IN   ADP    prep      5     of          O      1
  7  the         DT   DET    det       10    the         B-ORG  1
  8  World       NNP  PROPN  compound  10    World       I-ORG  1
  9  Food        NNP  PROPN  compound  10    Food        I-ORG  1
 10  Programme   NNP  PROPN  pobj      6     Programme   I-ORG  0
 11  .           .    PUNCT  punct     4     .           O      1
>12  The         DT   DET    det       13    the         O      1
 13  {noun:<10}  NN   NOUN   nsubj     14    {noun:<10}  O      1
 14  protested   VBD  VERB   ROOT      14    protest     O      0
 15  .           .    PUNCT  punct     14    .           O      0
"""


@pytest.mark.parametrize("noun, name", [
    # "the agency" is not a body whose name calls it a movement, though that is the nearer subject
    ("agency", "World Food Programme"),
    # "the group" fits any body: the nearer subject
    ("group", "Velan Liberation Movement"),
])
def test_description_names_the_kind_of_body(noun, name):
    actor = actor_named(actors_of(THE_NOUN_AFTER_A_MOVEMENT.format(noun=noun)), name)
    assert (noun, "description") in mentions(actor)


# ---------------------------------------------------------------- groups and memberships

COALITION = r'''
# A coalition of Kenya, Uganda and Rwanda sent engineers to the border.
# i  word       tag  pos    dep    head  lemma      ent    ws
 >0  A          DT   DET    det    1     a          O      1
  1  coalition  NN   NOUN   nsubj  8     coalition  O      1
  2  of         IN   ADP    prep   1     of         O      1
  3  Kenya      NNP  PROPN  pobj   2     Kenya      B-GPE  0
  4  ,          ,    PUNCT  punct  3     ,          O      1
  5  Uganda     NNP  PROPN  conj   3     Uganda     B-GPE  1
  6  and        CC   CCONJ  cc     5     and        O      1
  7  Rwanda     NNP  PROPN  conj   5     Rwanda     B-GPE  1
  8  sent       VBD  VERB   ROOT   8     send       O      1
  9  engineers  NNS  NOUN   dobj   8     engineer   O      1
 10  to         IN   ADP    prep   8     to         O      1
 11  the        DT   DET    det    12    the        O      1
 12  border     NN   NOUN   pobj   10    border     O      0
 13  .          .    PUNCT  punct  8     .          O      0
'''
CONSISTS_OF = r'''
# The Amazon Cooperation Council, which consists of Peru, Bolivia and Ecuador, met in Lima.
# i  word         tag  pos    dep       head  lemma        ent    ws
 >0  The          DT   DET    det       3     the          B-ORG  1
  1  Amazon       NNP  PROPN  compound  3     Amazon       I-ORG  1
  2  Cooperation  NNP  PROPN  compound  3     Cooperation  I-ORG  1
  3  Council      NNP  PROPN  nsubj     14    Council      I-ORG  0
  4  ,            ,    PUNCT  punct     3     ,            O      1
  5  which        WDT  PRON   nsubj     6     which        O      1
  6  consists     VBZ  VERB   relcl     3     consist      O      1
  7  of           IN   ADP    prep      6     of           O      1
  8  Peru         NNP  PROPN  pobj      7     Peru         B-GPE  0
  9  ,            ,    PUNCT  punct     8     ,            O      1
 10  Bolivia      NNP  PROPN  conj      8     Bolivia      B-GPE  1
 11  and          CC   CCONJ  cc        10    and          O      1
 12  Ecuador      NNP  PROPN  conj      10    Ecuador      B-GPE  0
 13  ,            ,    PUNCT  punct     8     ,            O      1
 14  met          VBD  VERB   ROOT      14    meet         O      1
 15  in           IN   ADP    prep      14    in           O      1
 16  Lima         NNP  PROPN  pobj      15    Lima         B-GPE  0
 17  .            .    PUNCT  punct     14    .            O      0
'''
THE_AUTHORITIES = r'''
# The authorities said the border would reopen.
# i  word         tag  pos    dep    head  lemma      ent  ws
 >0  The          DT   DET    det    1     the        O    1
  1  authorities  NNS  NOUN   nsubj  2     authority  O    1
  2  said         VBD  VERB   ROOT   2     say        O    1
  3  the          DT   DET    det    4     the        O    1
  4  border       NN   NOUN   nsubj  6     border     O    1
  5  would        MD   AUX    aux    6     would      O    1
  6  reopen       VB   VERB   ccomp  2     reopen     O    0
  7  .            .    PUNCT  punct  2     .          O    0
'''
UNION_LEADERS = r'''
# The minister met the Central Workers' Union on Monday. He urged union leaders to return to talks.
# i  word      tag   pos    dep       head  lemma     ent     ws
 >0  The       DT    DET    det       1     the       O       1
  1  minister  NN    NOUN   nsubj     2     minister  O       1
  2  met       VBD   VERB   ROOT      2     meet      O       1
  3  the       DT    DET    det       5     the       B-ORG   1
  4  Central   NNP   PROPN  compound  5     Central   I-ORG   1
  5  Workers   NNPS  PROPN  poss      7     Workers   I-ORG   0
  6  '         POS   PART   case      5     '         I-ORG   1
  7  Union     NNP   PROPN  dobj      2     Union     I-ORG   1
  8  on        IN    ADP    prep      2     on        O       1
  9  Monday    NNP   PROPN  pobj      8     Monday    B-DATE  0
 10  .         .     PUNCT  punct     2     .         O       1
>11  He        PRP   PRON   nsubj     12    he        O       1
 12  urged     VBD   VERB   ROOT      12    urge      O       1
 13  union     NN    NOUN   compound  14    union     O       1
 14  leaders   NNS   NOUN   dobj      12    leader    O       1
 15  to        TO    PART   aux       16    to        O       1
 16  return    VB    VERB   xcomp     12    return    O       1
 17  to        IN    ADP    prep      16    to        O       1
 18  talks     NNS   NOUN   pobj      17    talk      O       0
 19  .         .     PUNCT  punct     12    .         O       0
'''


@pytest.mark.parametrize("table, body, members", [
    (COALITION, "coalition", ["Kenya", "Uganda", "Rwanda"]),
    (CONSISTS_OF, "Amazon Cooperation Council", ["Peru", "Bolivia", "Ecuador"]),
])
def test_memberships_stated_in_text(table, body, members):
    doc = actors_of(table)
    assert [doc.actor(m).name for m in actor_named(doc, body).members] == members


def test_a_group_noun_is_an_actor_of_its_sector():
    authorities = actor_named(actors_of(THE_AUTHORITIES), "authorities")
    # no country named: the authorities of no one in particular
    assert (authorities.kind, authorities.sector, authorities.country, authorities.code) == ("GROUP", "GOV", None, "GOV")


def test_a_modifier_naming_an_organisation_describes_it():
    union = actor_named(actors_of(UNION_LEADERS), "Central Workers' Union")
    assert mentions(union) == [("Central Workers' Union", "name"), ("union", "description")]
