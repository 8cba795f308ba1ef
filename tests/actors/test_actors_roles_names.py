"""Issue 14 on hand-built parses: a possessor before a title is the role's organisation, a group
noun placed "in" a country's place belongs to that country, and stray marks leave a name."""
from __future__ import annotations

from tests.handmade import doc_from_table, run_stages

POSSESSIVE_TITLE = r'''
# Britain's Foreign Secretary Jeremy Hunt met the envoy.
# i  word       tag  pos    dep       head  lemma      ent       ws
 >0  Britain    NNP  PROPN  poss      3     Britain    B-GPE     0
  1  's         POS  PART   case      0     's         O         1
  2  Foreign    NNP  PROPN  compound  3     Foreign    O         1
  3  Secretary  NNP  PROPN  compound  5     Secretary  O         1
  4  Jeremy     NNP  PROPN  compound  5     Jeremy     B-PERSON  1
  5  Hunt       NNP  PROPN  nsubj     6     Hunt       I-PERSON  1
  6  met        VBD  VERB   ROOT      6     meet       O         1
  7  the        DT   DET    det       8     the        O         1
  8  envoy      NN   NOUN   dobj      6     envoy      O         0
  9  .          .    PUNCT  punct     6     .          O         0
'''


def test_a_possessor_before_a_title_is_the_roles_organisation_and_gives_the_code():
    doc = run_stages(doc_from_table(POSSESSIVE_TITLE))
    by_name = {a.name: a for a in doc.actors}
    hunt, britain = by_name["Jeremy Hunt"], by_name["United Kingdom"]
    assert hunt.code == "GBRGOV"
    assert [(r.title, r.organization, r.status) for r in hunt.roles] == [("Foreign Secretary", britain.id, "current")]


GOVERNMENT_IN_A_CAPITAL = r'''
# Rebels urged the government in Kabul to act.
# i  word        tag  pos    dep    head  lemma       ent    ws
 >0  Rebels      NNS  NOUN   nsubj  1     rebel       O      1
  1  urged       VBD  VERB   ROOT   1     urge        O      1
  2  the         DT   DET    det    3     the         O      1
  3  government  NN   NOUN   dobj   1     government  O      1
  4  in          IN   ADP    prep   1     in          O      1
  5  Kabul       NNP  PROPN  pobj   4     Kabul       B-GPE  1
  6  to          TO   PART   aux    7     to          O      1
  7  act         VB   VERB   xcomp  1     act         O      0
  8  .           .    PUNCT  punct  1     .           O      0
'''


def test_a_group_noun_in_a_countrys_place_is_that_countrys():
    doc = run_stages(doc_from_table(GOVERNMENT_IN_A_CAPITAL))
    government = next(a for a in doc.actors if a.name == "government")
    assert government.code == "AFGGOV"


STRAY_QUOTE = r'''
# Officials said "Nova Tide Shipping had been warned.
# i  word       tag  pos    dep        head  lemma     ent    ws
 >0  Officials  NNS  NOUN   nsubj      1     official  O      1
  1  said       VBD  VERB   ROOT       1     say       O      1
  2  "          ``   PUNCT  punct      1     "         B-ORG  0
  3  Nova       NNP  PROPN  compound   5     Nova      I-ORG  1
  4  Tide       NNP  PROPN  compound   5     Tide      I-ORG  1
  5  Shipping   NNP  PROPN  nsubjpass  8     Shipping  I-ORG  1
  6  had        VBD  AUX    aux        8     have      O      1
  7  been       VBN  AUX    auxpass    8     be        O      1
  8  warned     VBN  VERB   ccomp      1     warn      O      0
  9  .          .    PUNCT  punct      1     .         O      0
'''


def test_a_stray_quotation_mark_is_no_part_of_a_name():
    doc = run_stages(doc_from_table(STRAY_QUOTE))
    assert "Nova Tide Shipping" in [a.name for a in doc.actors]


SHIP_NAME = r'''
# Guards seized the tanker Nova Tide on Friday.
# i  word    tag   pos    dep       head  lemma   ent     ws
 >0  Guards  NNPS  PROPN  nsubj     1     Guards  O       1
  1  seized  VBD   VERB   ROOT      1     seize   O       1
  2  the     DT    DET    det       3     the     O       1
  3  tanker  NN    NOUN   compound  5     tanker  O       1
  4  Nova    NNP   PROPN  compound  5     Nova    B-ORG   1
  5  Tide    NNP   PROPN  dobj      1     Tide    I-ORG   1
  6  on      IN    ADP    prep      1     on      O       1
  7  Friday  NNP   PROPN  pobj      6     Friday  B-DATE  0
  8  .       .     PUNCT  punct     1     .       O       0
'''


def test_a_ship_named_after_its_kind_is_not_an_actor():
    doc = run_stages(doc_from_table(SHIP_NAME))
    assert "Nova Tide" not in [a.name for a in doc.actors]


PLACE_TAGGED_AS_PERSON = r'''
# Karim Saleh arrived in Bandar Abbas on Friday.
# i  word     tag  pos    dep       head  lemma   ent       ws
 >0  Karim    NNP  PROPN  compound  1     Karim   B-PERSON  1
  1  Saleh    NNP  PROPN  nsubj     2     Saleh   I-PERSON  1
  2  arrived  VBD  VERB   ROOT      2     arrive  O         1
  3  in       IN   ADP    prep      2     in      O         1
  4  Bandar   NNP  PROPN  compound  5     Bandar  B-PERSON  1
  5  Abbas    NNP  PROPN  pobj      3     Abbas   I-PERSON  1
  6  on       IN   ADP    prep      2     on      O         1
  7  Friday   NNP  PROPN  pobj      6     Friday  B-DATE    0
  8  .        .    PUNCT  punct     2     .       O         0
'''


def test_a_gazetteer_name_after_a_locative_preposition_is_a_location():
    doc = run_stages(doc_from_table(PLACE_TAGGED_AS_PERSON))
    assert [(a.name, a.kind) for a in doc.actors] == [("Karim Saleh", "PERSON"), ("Bandar Abbas", "LOCATION")]


TITLE_AT_HOME = r'''
# Peru votes on Sunday. Prime Minister Ana Ruiz said Peru would hold the vote.
# i  word      tag  pos    dep       head  lemma     ent       ws
 >0  Peru      NNP  PROPN  compound  1     Peru      B-GPE     1
  1  votes     VBZ  VERB   ROOT      1     vote      O         1
  2  on        IN   ADP    prep      1     on        O         1
  3  Sunday    NNP  PROPN  pobj      2     Sunday    B-DATE    0
  4  .         .    PUNCT  punct     1     .         O         1
 >5  Prime     NNP  PROPN  compound  6     Prime     O         1
  6  Minister  NNP  PROPN  compound  8     Minister  O         1
  7  Ana       NNP  PROPN  compound  8     Ana       B-PERSON  1
  8  Ruiz      NNP  PROPN  nsubj     9     Ruiz      I-PERSON  1
  9  said      VBD  VERB   ROOT      9     say       O         1
 10  Peru      NNP  PROPN  nsubj     12    Peru      B-GPE     1
 11  would     MD   AUX    aux       12    would     O         1
 12  hold      VB   VERB   ccomp     9     hold      O         1
 13  the       DT   DET    det       14    the       O         1
 14  vote      NN   NOUN   dobj      12    vote      O         0
 15  .         .    PUNCT  punct     9     .         O         0
'''


def test_a_title_with_no_country_holds_an_office_of_the_country_the_article_is_about():
    doc = run_stages(doc_from_table(TITLE_AT_HOME))
    peru, ruiz = doc.actors[0], doc.actors[1]
    assert (ruiz.name, ruiz.code) == ("Ana Ruiz", "PERGOV")
    assert [(r.title, r.organization) for r in ruiz.roles] == [("Prime Minister", peru.id)]
