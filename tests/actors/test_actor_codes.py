"""Actor country and sector codes on hand-built parses (issue 14): generic titles take the
sector of the body they name, unnamed officials whose country is named are actors, persons
holding an office take its sector. No model loaded."""
from __future__ import annotations

from tests.handmade import doc_from_table, run_stages


def actors_of(table):
    return {a.name: (a.kind, a.country, a.sector) for a in run_stages(doc_from_table(table)).actors}


REBEL_LEADERS = r'''
# Afghan rebel leaders rejected the plan.
# i  word      tag  pos    dep       head  lemma   ent     ws
 >0  Afghan    JJ   ADJ    amod      2     afghan  B-NORP  1
  1  rebel     NN   NOUN   compound  2     rebel   O       1
  2  leaders   NNS  NOUN   nsubj     3     leader  O       1
  3  rejected  VBD  VERB   ROOT      3     reject  O       1
  4  the       DT   DET    det       5     the     O       1
  5  plan      NN   NOUN   dobj      3     plan    O       0
  6  .         .    PUNCT  punct     3     .       O       0
'''

LEADERS_OF_OPPOSITION = r'''
# Leaders of the opposition coalition agreed to postpone the rally.
# i  word        tag  pos    dep       head  lemma       ent  ws
 >0  Leaders     NNS  NOUN   nsubj     5     leader      O    1
  1  of          IN   ADP    prep      0     of          O    1
  2  the         DT   DET    det       4     the         O    1
  3  opposition  NN   NOUN   compound  4     opposition  O    1
  4  coalition   NN   NOUN   pobj      1     coalition   O    1
  5  agreed      VBD  VERB   ROOT      5     agree       O    1
  6  to          TO   PART   aux       7     to          O    1
  7  postpone    VB   VERB   xcomp     5     postpone    O    1
  8  the         DT   DET    det       9     the         O    1
  9  rally       NN   NOUN   dobj      7     rally       O    0
 10  .           .    PUNCT  punct     5     .           O    0
'''


def test_a_generic_title_takes_the_sector_of_the_body_it_names():
    assert actors_of(REBEL_LEADERS)["Afghan rebel leaders"] == ("GROUP", "AFG", "REB")
    found = actors_of(LEADERS_OF_OPPOSITION)
    assert found["Leaders"][2] == "OPP"
    assert found["opposition coalition"][2] == "OPP"  # an opposition coalition is no ruling party


POSSESSIVE_PRIME_MINISTER = r'''
# Montenegro's prime minister has been indicted by the court.
# i  word        tag  pos    dep        head  lemma       ent    ws
 >0  Montenegro  NNP  PROPN  poss       3     Montenegro  B-GPE  0
  1  's          POS  PART   case       0     's          O      1
  2  prime       JJ   ADJ    amod       3     prime       O      1
  3  minister    NN   NOUN   nsubjpass  6     minister    O      1
  4  has         VBZ  AUX    aux        6     have        O      1
  5  been        VBN  AUX    auxpass    6     be          O      1
  6  indicted    VBN  VERB   ROOT       6     indict      O      1
  7  by          IN   ADP    agent      6     by          O      1
  8  the         DT   DET    det        9     the         O      1
  9  court       NN   NOUN   pobj       7     court       O      0
 10  .           .    PUNCT  punct      6     .           O      0
'''

MINISTER_THREATENED = r'''
# A French minister threatened to impose restrictions.
# i  word          tag  pos    dep    head  lemma        ent     ws
 >0  A             DT   DET    det    2     a            O       1
  1  French        JJ   ADJ    amod   2     french       B-NORP  1
  2  minister      NN   NOUN   nsubj  3     minister     O       1
  3  threatened    VBD  VERB   ROOT   3     threaten     O       1
  4  to            TO   PART   aux    5     to           O       1
  5  impose        VB   VERB   xcomp  3     impose       O       1
  6  restrictions  NNS  NOUN   dobj   5     restriction  O       0
  7  .             .    PUNCT  punct  3     .            O       0
'''

OFFICIAL_SAID = r'''
# A French official said the talks failed.
# i  word      tag  pos    dep    head  lemma     ent     ws
 >0  A         DT   DET    det    2     a         O       1
  1  French    JJ   ADJ    amod   2     french    B-NORP  1
  2  official  NN   NOUN   nsubj  3     official  O       1
  3  said      VBD  VERB   ROOT   3     say       O       1
  4  the       DT   DET    det    5     the       O       1
  5  talks     NNS  NOUN   nsubj  6     talk      O       1
  6  failed    VBD  VERB   ccomp  3     fail      O       0
  7  .         .    PUNCT  punct  3     .         O       0
'''


def test_an_unnamed_official_whose_country_is_named_is_an_actor():
    assert actors_of(POSSESSIVE_PRIME_MINISTER)["Montenegro's prime minister"] == ("GROUP", "MNE", "GOV")
    assert actors_of(MINISTER_THREATENED)["French minister"] == ("GROUP", "FRA", "GOV")


def test_an_anonymous_official_who_only_reports_is_no_actor():
    assert "French official" not in actors_of(OFFICIAL_SAID)


BODY_WITH_APPOSITION = r'''
# The FNSEA, France's largest farm union, rejected the deal.
# i  word      tag  pos    dep       head  lemma   ent    ws
 >0  The       DT   DET    det       1     the     O      1
  1  FNSEA     NNP  PROPN  nsubj     9     FNSEA   B-ORG  0
  2  ,         ,    PUNCT  punct     1     ,       O      1
  3  France    NNP  PROPN  poss      7     France  B-GPE  0
  4  's        POS  PART   case      3     's      O      1
  5  largest   JJS  ADJ    amod      7     large   O      1
  6  farm      NN   NOUN   compound  7     farm    O      1
  7  union     NN   NOUN   appos     1     union   O      0
  8  ,         ,    PUNCT  punct     1     ,       O      1
  9  rejected  VBD  VERB   ROOT      9     reject  O      1
 10  the       DT   DET    det       11    the     O      1
 11  deal      NN   NOUN   dobj      9     deal    O      0
 12  .         .    PUNCT  punct     9     .       O      0
'''

# the parser's apposition is the subject of the clause after an opening phrase (edited parse)
NOT_AN_APPOSITION = r'''
# According to Perludem, the union had dismissed similar petitions.
# i  word       tag  pos    dep    head  lemma     ent    ws
 >0  According  VBG  VERB   prep   7     accord    O      1
  1  to         IN   ADP    prep   0     to        O      1
  2  Perludem   NNP  PROPN  pobj   1     Perludem  B-ORG  0
  3  ,          ,    PUNCT  punct  7     ,         O      1
  4  the        DT   DET    det    5     the       O      1
  5  union      NN   NOUN   appos  2     union     O      1
  6  had        VBD  AUX    aux    7     have      O      1
  7  dismissed  VBN  VERB   ROOT   7     dismiss   O      1
  8  similar    JJ   ADJ    amod   9     similar   O      1
  9  petitions  NNS  NOUN   dobj   7     petition  O      0
 10  .          .    PUNCT  punct  7     .         O      0
'''


def test_an_apposition_describes_a_body_no_dictionary_knows():
    doc = run_stages(doc_from_table(BODY_WITH_APPOSITION))
    body = next(a for a in doc.actors if a.name == "FNSEA")
    assert (body.kind, body.country, body.sector, body.code) == ("ORGANIZATION", "FRA", "LAB", "FRALAB")
    assert ("union", "description") in [(m.text, m.via) for m in body.mentions]
    assert actors_of(NOT_AN_APPOSITION)["Perludem"][2] is None


# the tagger's "GERB party" (edited parse: the name spans the noun)
PARTY_LEADER = r'''
# GERB leader Nikolai Petkanov said the centre-right GERB party would not back the cabinet.
# i  word      tag   pos    dep       head  lemma     ent       ws
 >0  GERB      NNP   PROPN  compound  1     GERB      B-ORG     1
  1  leader    NN    NOUN   compound  3     leader    O         1
  2  Nikolai   NNP   PROPN  compound  3     Nikolai   B-PERSON  1
  3  Petkanov  NNP   PROPN  nsubj     4     Petkanov  I-PERSON  1
  4  said      VBD   VERB   ROOT      4     say       O         1
  5  the       DT    DET    det       10    the       O         1
  6  centre    NN    NOUN   npadvmod  8     centre    O         0
  7  -         HYPH  PUNCT  punct     8     -         O         0
  8  right     JJ    ADJ    amod      10    right     O         1
  9  GERB      NNP   PROPN  compound  10    GERB      B-ORG     1
 10  party     NN    NOUN   nsubj     13    party     I-ORG     1
 11  would     MD    AUX    aux       13    would     O         1
 12  not       RB    PART   neg       13    not       O         1
 13  back      VB    VERB   ccomp     4     back      O         1
 14  the       DT    DET    det       15    the       O         1
 15  cabinet   NN    NOUN   dobj      13    cabinet   O         0
 16  .         .     PUNCT  punct     4     .         O         0
'''

UNION_PRESIDENT = r'''
# The march was organized by the Central Workers' Union (CUT). Marisol Arancibia, the president of the CUT, addressed the crowd.
# i  word       tag    pos    dep        head  lemma      ent       ws
 >0  The        DT     DET    det        1     the        O         1
  1  march      NN     NOUN   nsubjpass  3     march      O         1
  2  was        VBD    AUX    auxpass    3     be         O         1
  3  organized  VBN    VERB   ROOT       3     organize   O         1
  4  by         IN     ADP    agent      3     by         O         1
  5  the        DT     DET    det        7     the        B-ORG     1
  6  Central    NNP    PROPN  compound   7     Central    I-ORG     1
  7  Workers    NNPS   PROPN  poss       9     Workers    I-ORG     0
  8  '          POS    PART   case       7     '          I-ORG     1
  9  Union      NNP    PROPN  pobj       4     Union      I-ORG     1
 10  (          -LRB-  PUNCT  punct      11    (          O         0
 11  CUT        NNP    PROPN  appos      9     CUT        O         0
 12  )          -RRB-  PUNCT  punct      9     )          O         0
 13  .          .      PUNCT  punct      3     .          O         1
>14  Marisol    NNP    PROPN  compound   15    Marisol    B-PERSON  1
 15  Arancibia  NNP    PROPN  nsubj      23    Arancibia  I-PERSON  0
 16  ,          ,      PUNCT  punct      15    ,          O         1
 17  the        DT     DET    det        18    the        O         1
 18  president  NN     NOUN   appos      15    president  O         1
 19  of         IN     ADP    prep       18    of         O         1
 20  the        DT     DET    det        21    the        O         1
 21  CUT        NNP    PROPN  pobj       19    CUT        B-ORG     0
 22  ,          ,      PUNCT  punct      15    ,          O         1
 23  addressed  VBD    VERB   ROOT       23    address    O         1
 24  the        DT     DET    det        25    the        O         1
 25  crowd      NN     NOUN   dobj       23    crowd      O         0
 26  .          .      PUNCT  punct      23    .          O         0
'''


def test_a_person_holding_a_generic_office_takes_the_bodys_sector():
    found = actors_of(PARTY_LEADER)
    assert found["GERB"] == ("ORGANIZATION", None, "PTY")  # "GERB party" is GERB, named as a party
    assert found["Nikolai Petkanov"][2] == "PTY"
    assert actors_of(UNION_PRESIDENT)["Marisol Arancibia"][2] == "LAB"


HELICOPTERS_AND_TANKS = r'''
# Israeli helicopters and tanks shelled the camp.
# i  word         tag  pos    dep    head  lemma       ent     ws
 >0  Israeli      JJ   ADJ    amod   1     israeli     B-NORP  1
  1  helicopters  NNS  NOUN   nsubj  4     helicopter  O       1
  2  and          CC   CCONJ  cc     1     and         O       1
  3  tanks        NNS  NOUN   conj   1     tank        O       1
  4  shelled      VBD  VERB   ROOT   4     shell       O       1
  5  the          DT   DET    det    6     the         O       1
  6  camp         NN   NOUN   dobj   4     camp        O       0
  7  .            .    PUNCT  punct  4     .           O       0
'''

IRAQI_KURDS = r'''
# Thousands of Iraqi Kurds demonstrated in Kirkuk.
# i  word          tag   pos    dep    head  lemma        ent         ws
 >0  Thousands     NNS   NOUN   nsubj  4     thousand     B-CARDINAL  1
  1  of            IN    ADP    prep   0     of           O           1
  2  Iraqi         JJ    ADJ    amod   3     iraqi        B-NORP      1
  3  Kurds         NNPS  PROPN  pobj   1     Kurds        B-NORP      1
  4  demonstrated  VBD   VERB   ROOT   4     demonstrate  O           1
  5  in            IN    ADP    prep   4     in           O           1
  6  Kirkuk        NNP   PROPN  pobj   5     Kirkuk       B-GPE       0
  7  .             .     PUNCT  punct  4     .            O           0
'''


def test_military_craft_and_their_conjuncts_share_the_demonym():
    found = actors_of(HELICOPTERS_AND_TANKS)
    assert found["Israeli helicopters"] == ("GROUP", "ISR", "MIL")
    assert found["tanks"] == ("GROUP", "ISR", "MIL")


def test_a_people_named_as_a_nationality_is_civilian():
    assert actors_of(IRAQI_KURDS)["Kurds"] == ("GROUP", "IRQ", "CVL")


LEADING_ACTIVIST = r'''
# Salaheddine Sidhoum, Algeria's leading rights activist, began a hunger strike.
# i  word         tag  pos    dep       head  lemma        ent       ws
 >0  Salaheddine  NNP  PROPN  compound  1     Salaheddine  B-PERSON  1
  1  Sidhoum      NNP  PROPN  nsubj     9     Sidhoum      I-PERSON  0
  2  ,            ,    PUNCT  punct     1     ,            O         1
  3  Algeria      NNP  PROPN  poss      7     Algeria      B-GPE     0
  4  's           POS  PART   case      3     's           O         1
  5  leading      VBG  VERB   amod      6     lead         O         1
  6  rights       NNS  NOUN   compound  7     right        O         1
  7  activist     NN   NOUN   appos     1     activist     O         0
  8  ,            ,    PUNCT  punct     1     ,            O         1
  9  began        VBD  VERB   ROOT      9     begin        O         1
 10  a            DT   DET    det       12    a            O         1
 11  hunger       NN   NOUN   compound  12    hunger       O         1
 12  strike       NN   NOUN   dobj      9     strike       O         0
 13  .            .    PUNCT  punct     9     .            O         0
'''

RETIRED_ADMIRAL = r'''
# Kemal Aydin, a retired navy admiral, said the ships would sail.
# i  word     tag  pos    dep       head  lemma    ent       ws
 >0  Kemal    NNP  PROPN  compound  1     Kemal    B-PERSON  1
  1  Aydin    NNP  PROPN  nsubj     8     Aydin    I-PERSON  0
  2  ,        ,    PUNCT  punct     1     ,        O         1
  3  a        DT   DET    det       6     a        O         1
  4  retired  VBN  VERB   amod      6     retire   O         1
  5  navy     NN   NOUN   compound  6     navy     B-ORG     1
  6  admiral  NN   NOUN   appos     1     admiral  O         0
  7  ,        ,    PUNCT  punct     1     ,        O         1
  8  said     VBD  VERB   ROOT      8     say      O         1
  9  the      DT   DET    det       10    the      O         1
 10  ships    NNS  NOUN   nsubj     12    ship     O         1
 11  would    MD   AUX    aux       12    would    O         1
 12  sail     VB   VERB   ccomp     8     sail     O         0
 13  .        .    PUNCT  punct     8     .        O         0
'''


def test_a_participle_inside_an_apposed_title():
    sidhoum = next(a for a in run_stages(doc_from_table(LEADING_ACTIVIST)).actors if a.name == "Salaheddine Sidhoum")
    assert (sidhoum.country, sidhoum.sector) == ("DZA", "CVL")
    assert [r.title for r in sidhoum.roles] == ["leading rights activist"]
    aydin = next(a for a in run_stages(doc_from_table(RETIRED_ADMIRAL)).actors if a.name == "Kemal Aydin")
    assert [(r.title, r.status) for r in aydin.roles] == [("retired navy admiral", "former")]  # "retired": no longer


ONE_SOLDIER = r'''
# The blast killed one U.S. soldier.
# i  word     tag  pos    dep       head  lemma    ent         ws
 >0  The      DT   DET    det       1     the      O           1
  1  blast    NN   NOUN   nsubj     2     blast    O           1
  2  killed   VBD  VERB   ROOT      2     kill     O           1
  3  one      CD   NUM    nummod    5     one      B-CARDINAL  1
  4  U.S.     NNP  PROPN  compound  5     U.S.     B-GPE       1
  5  soldier  NN   NOUN   dobj      2     soldier  O           0
  6  .        .    PUNCT  punct     2     .        O           0
'''

ANTI_SYRIA_JOURNALIST = r'''
# An anti-Syria journalist was killed.
# i  word        tag  pos    dep        head  lemma       ent     ws
 >0  An          DT   DET    det        4     an          O       1
  1  anti        JJ   ADJ    amod       4     anti        B-NORP  0
  2  -           JJ   ADJ    amod       4     -           I-NORP  0
  3  Syria       JJ   ADJ    amod       4     syria       I-NORP  1
  4  journalist  NN   NOUN   nsubjpass  6     journalist  O       1
  5  was         VBD  AUX    auxpass    6     be          O       1
  6  killed      VBN  VERB   ROOT       6     kill        O       0
  7  .           .    PUNCT  punct      6     .           O       0
'''

ANNAN_APPOSITION = r'''
# Kofi Annan, UN secretary-general, urged reforms.
# i  word       tag   pos    dep       head  lemma      ent       ws
 >0  Kofi       NNP   PROPN  compound  1     Kofi       B-PERSON  1
  1  Annan      NNP   PROPN  nsubj     8     Annan      I-PERSON  0
  2  ,          ,     PUNCT  punct     1     ,          O         1
  3  UN         NNP   PROPN  compound  6     UN         B-ORG     1
  4  secretary  NN    NOUN   npadvmod  6     secretary  O         0
  5  -          HYPH  PUNCT  punct     6     -          O         0
  6  general    JJ    ADJ    appos     1     general    O         0
  7  ,          ,     PUNCT  punct     1     ,          O         1
  8  urged      VBD   VERB   ROOT      8     urge       O         1
  9  reforms    NNS   NOUN   dobj      8     reform     O         0
 10  .          .     PUNCT  punct     8     .          O         0
'''


def test_a_counted_official_and_a_stance():
    assert actors_of(ONE_SOLDIER)["U.S. soldier"] == ("GROUP", "USA", "MIL")
    assert actors_of(ANTI_SYRIA_JOURNALIST)["anti-Syria journalist"][1] is None  # against Syria, not Syria's


def test_an_apposed_title_opening_with_a_bodys_name():
    annan = next(a for a in run_stages(doc_from_table(ANNAN_APPOSITION)).actors if a.name == "Kofi Annan")
    assert ([r.title for r in annan.roles], annan.code) == (["UN secretary-general"], "IGOUNO")


PRONOUN_POSSESSOR_TITLE = r'''
# Hezbollah denied the claim. Its deputy leader, Ali Haidar, rejected the demand.
# i  word       tag   pos    dep       head  lemma      ent       ws
 >0  Hezbollah  NNP   PROPN  nsubj     1     Hezbollah  B-ORG     1
  1  denied     VBD   VERB   ROOT      1     deny       O         1
  2  the        DT    DET    det       3     the        O         1
  3  claim      NN    NOUN   dobj      1     claim      O         0
  4  .          .     PUNCT  punct     1     .          O         1
 >5  Its        PRP$  PRON   poss      7     its        O         1
  6  deputy     NN    NOUN   compound  7     deputy     O         1
  7  leader     NN    NOUN   nsubj     12    leader     O         0
  8  ,          ,     PUNCT  punct     7     ,          O         1
  9  Ali        NNP   PROPN  compound  10    Ali        B-PERSON  1
 10  Haidar     NNP   PROPN  appos     7     Haidar     I-PERSON  0
 11  ,          ,     PUNCT  punct     7     ,          O         1
 12  rejected   VBD   VERB   ROOT      12    reject     O         1
 13  the        DT    DET    det       14    the        O         1
 14  demand     NN    NOUN   dobj      12    demand     O         0
 15  .          .     PUNCT  punct     12    .          O         0
'''


def test_a_title_whose_possessor_is_a_pronoun_ties_the_person_to_its_antecedent():
    doc = run_stages(doc_from_table(PRONOUN_POSSESSOR_TITLE))
    party = next(a for a in doc.actors if a.name == "Hezbollah")
    haidar = next(a for a in doc.actors if a.name == "Ali Haidar")
    assert (haidar.country, haidar.sector) == (party.country, party.sector) == ("LBN", "REB")
    assert [(r.title, r.organization) for r in haidar.roles] == [("deputy leader", party.id)]
    assert party.id in haidar.affiliations


# edited parse: the tagger took Togo for a person
RELATIVE_POSSESSOR_TITLE = r'''
# The talks were mediated by Togo, whose foreign minister, Robert Amegan, met Nigeria's president.
# i  word       tag  pos    dep        head  lemma      ent       ws
 >0  The        DT   DET    det        1     the        O         1
  1  talks      NNS  NOUN   nsubjpass  3     talk       O         1
  2  were       VBD  AUX    auxpass    3     be         O         1
  3  mediated   VBN  VERB   ROOT       3     mediate    O         1
  4  by         IN   ADP    agent      3     by         O         1
  5  Togo       NNP  PROPN  pobj       4     Togo       B-GPE     0
  6  ,          ,    PUNCT  punct      5     ,          O         1
  7  whose      WP$  DET    poss       9     whose      O         1
  8  foreign    JJ   ADJ    amod       9     foreign    O         1
  9  minister   NN   NOUN   appos      5     minister   O         0
 10  ,          ,    PUNCT  punct      9     ,          O         1
 11  Robert     NNP  PROPN  compound   12    Robert     B-PERSON  1
 12  Amegan     NNP  PROPN  appos      9     Amegan     I-PERSON  0
 13  ,          ,    PUNCT  punct      5     ,          O         1
 14  met        VBD  VERB   conj       3     meet       O         1
 15  Nigeria    NNP  PROPN  poss       17    Nigeria    B-GPE     0
 16  's         POS  PART   case       15    's         O         1
 17  president  NN   NOUN   dobj       14    president  O         0
 18  .          .    PUNCT  punct      3     .          O         0
'''


def test_a_title_after_whose_belongs_to_the_antecedent():
    doc = run_stages(doc_from_table(RELATIVE_POSSESSOR_TITLE))
    togo = next(a for a in doc.actors if a.name == "Togo")
    amegan = next(a for a in doc.actors if a.name == "Robert Amegan")
    assert (amegan.country, amegan.sector) == ("TGO", "GOV")
    assert [(r.title, r.organization) for r in amegan.roles] == [("foreign minister", togo.id)]


CABINET_AS_NAME = r'''
# Israel's Cabinet met on Sunday.
# i  word     tag  pos    dep    head  lemma    ent     ws
 >0  Israel   NNP  PROPN  poss   2     Israel   B-GPE   0
  1  's       POS  PART   case   0     's       O       1
  2  Cabinet  NNP  PROPN  nsubj  3     Cabinet  B-ORG   1
  3  met      VBD  VERB   ROOT   3     meet     O       1
  4  on       IN   ADP    prep   3     on       O       1
  5  Sunday   NNP  PROPN  pobj   4     Sunday   B-DATE  0
  6  .        .    PUNCT  punct  3     .        O       0
'''

BARE_CAPITALISED = r'''
# Artillery damaged two schools.
# i  word       tag  pos    dep     head  lemma      ent         ws
 >0  Artillery  NNP  PROPN  nsubj   1     Artillery  O           1
  1  damaged    VBD  VERB   ROOT    1     damage     O           1
  2  two        CD   NUM    nummod  3     two        B-CARDINAL  1
  3  schools    NNS  NOUN   dobj    1     school     O           0
  4  .          .    PUNCT  punct   1     .          O           0
'''

HOME_MINISTRY = r'''
# Georgia passed the law. The Interior Ministry said Georgia would enforce it.
# i  word      tag  pos    dep       head  lemma     ent    ws
 >0  Georgia   NNP  PROPN  nsubj     1     Georgia   B-GPE  1
  1  passed    VBD  VERB   ROOT      1     pass      O      1
  2  the       DT   DET    det       3     the       O      1
  3  law       NN   NOUN   dobj      1     law       O      0
  4  .         .    PUNCT  punct     1     .         O      1
 >5  The       DT   DET    det       7     the       B-ORG  1
  6  Interior  NNP  PROPN  compound  7     Interior  I-ORG  1
  7  Ministry  NNP  PROPN  nsubj     8     Ministry  I-ORG  1
  8  said      VBD  VERB   ROOT      8     say       O      1
  9  Georgia   NNP  PROPN  nsubj     11    Georgia   B-GPE  1
 10  would     MD   AUX    aux       11    would     O      1
 11  enforce   VB   VERB   ccomp     8     enforce   O      1
 12  it        PRP  PRON   dobj      11    it        O      0
 13  .         .    PUNCT  punct     8     .         O      0
'''


def test_a_group_noun_tagged_as_a_proper_noun():
    assert actors_of(CABINET_AS_NAME)["Israel's Cabinet"] == ("GROUP", "ISR", "GOV")
    assert "Artillery" not in actors_of(BARE_CAPITALISED)
    assert actors_of(HOME_MINISTRY)["Interior Ministry"] == ("GROUP", "GEO", "GOV")  # the story's own ministry
