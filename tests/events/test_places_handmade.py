"""Event places and dates on hand-built parses: locatives, place verbs, the finest place, what is
not a place, and dates that modify an argument rather than the event. No model loaded."""
from __future__ import annotations

from dyad.events.places import load_gazetteer
from tests.handmade import doc_from_table, run_stages

RAIDS_IN_KANDAHAR = r'''
# Police detained 12 people during raids in Kandahar on Friday.
# i  word      tag  pos    dep     head  lemma     ent         ws
 >0  Police    NNS  NOUN   nsubj   1     Police    O           1
  1  detained  VBD  VERB   ROOT    1     detain    O           1
  2  12        CD   NUM    nummod  3     12        B-CARDINAL  1
  3  people    NNS  NOUN   dobj    1     people    O           1
  4  during    IN   ADP    prep    1     during    O           1
  5  raids     NNS  NOUN   pobj    4     raid      O           1
  6  in        IN   ADP    prep    5     in        O           1
  7  Kandahar  NNP  PROPN  pobj    6     Kandahar  B-GPE       1
  8  on        IN   ADP    prep    1     on        O           1
  9  Friday    NNP  PROPN  pobj    8     Friday    B-DATE      0
 10  .         .    PUNCT  punct   1     .         O           0
'''

CAPTURED_BENTIU = r'''
# Rebels captured Bentiu after heavy fighting.
# i  word      tag  pos    dep    head  lemma     ent    ws
 >0  Rebels    NNS  NOUN   nsubj  1     rebel     O      1
  1  captured  VBD  VERB   ROOT   1     capture   O      1
  2  Bentiu    NNP  PROPN  dobj   1     Bentiu    B-ORG  1
  3  after     IN   ADP    prep   1     after     O      1
  4  heavy     JJ   ADJ    amod   5     heavy     O      1
  5  fighting  NN   NOUN   pobj   3     fighting  O      0
  6  .         .    PUNCT  punct  1     .         O      0
'''

CONDEMNED_2014_ANNEXATION = r'''
# Russia condemned the 2014 annexation of Crimea on Tuesday.
# i  word        tag  pos    dep     head  lemma       ent     ws
 >0  Russia      NNP  PROPN  nsubj   1     Russia      B-GPE   1
  1  condemned   VBD  VERB   ROOT    1     condemn     O       1
  2  the         DT   DET    det     4     the         O       1
  3  2014        CD   NUM    nummod  4     2014        B-DATE  1
  4  annexation  NN   NOUN   dobj    1     annexation  O       1
  5  of          IN   ADP    prep    4     of          O       1
  6  Crimea      NNP  PROPN  pobj    5     Crimea      B-ORG   1
  7  on          IN   ADP    prep    1     on          O       1
  8  Tuesday     NNP  PROPN  pobj    7     Tuesday     B-DATE  0
  9  .           .    PUNCT  punct   1     .           O       0
'''

VILLAGE_OF_SANGAR = r'''
# Soldiers killed three men in the village of Sangar.
# i  word      tag  pos    dep     head  lemma    ent         ws
 >0  Soldiers  NNS  NOUN   nsubj   1     soldier  O           1
  1  killed    VBD  VERB   ROOT    1     kill     O           1
  2  three     CD   NUM    nummod  3     three    B-CARDINAL  1
  3  men       NNS  NOUN   dobj    1     man      O           1
  4  in        IN   ADP    prep    1     in       O           1
  5  the       DT   DET    det     6     the      O           1
  6  village   NN   NOUN   pobj    4     village  O           1
  7  of        IN   ADP    prep    6     of       O           1
  8  Sangar    NNP  PROPN  pobj    7     Sangar   B-LOC       0
  9  .         .    PUNCT  punct   1     .        O           0
'''

CORRESPONDENT_IN_CAIRO = r'''
# A U.S. airstrike killed five militants, our correspondent in Cairo said.
# i  word           tag   pos    dep       head  lemma          ent         ws
 >0  A              DT    DET    det       2     a              O           1
  1  U.S.           NNP   PROPN  compound  2     U.S.           B-GPE       1
  2  airstrike      NN    NOUN   nsubj     3     airstrike      O           1
  3  killed         VBD   VERB   ccomp     11    kill           O           1
  4  five           CD    NUM    nummod    5     five           B-CARDINAL  1
  5  militants      NNS   NOUN   dobj      3     militant       O           0
  6  ,              ,     PUNCT  punct     11    ,              O           1
  7  our            PRP$  PRON   poss      8     our            O           1
  8  correspondent  NN    NOUN   nsubj     11    correspondent  O           1
  9  in             IN    ADP    prep      8     in             O           1
 10  Cairo          NNP   PROPN  pobj      9     Cairo          B-GPE       1
 11  said           VBD   VERB   ROOT      11    say            O           0
 12  .              .     PUNCT  punct     11    .              O           0
'''

KALEMIE_IN_TANGANYIKA = r'''
# Rebels seized Kalemie in Tanganyika province.  (parse written by hand)
# i  word        tag  pos    dep       head  lemma       ent     ws
 >0  Rebels      NNS  NOUN   nsubj     1     rebel       O       1
  1  seized      VBD  VERB   ROOT      1     seize       O       1
  2  Kalemie     NNP  PROPN  dobj      1     Kalemie     B-GPE   1
  3  in          IN   ADP    prep      2     in          O       1
  4  Tanganyika  NNP  PROPN  compound  5     Tanganyika  B-GPE   1
  5  province    NN   NOUN   pobj      3     province    O       0
  6  .           .    PUNCT  punct     1     .           O       0
'''


def events(table, published="2024-03-06"):
    return run_stages(doc_from_table(table), published=published, monadic=True).events


def test_a_locative_on_the_nominal_event_places_the_act():
    placed = {(e.trigger.text, e.place.name if e.place else None) for e in events(RAIDS_IN_KANDAHAR)}
    assert ("detained", "Kandahar") in placed
    event = next(e for e in events(RAIDS_IN_KANDAHAR) if e.trigger.text == "detained")
    assert (event.place.country, event.place.feature, event.place.precision) == ("AFG", "place", "place")
    assert event.place.geonames_id is not None


def test_the_object_of_a_place_verb_is_the_place_even_when_tagged_an_organisation():
    (event,) = events(CAPTURED_BENTIU)
    assert (event.place.name, event.place.country) == ("Bentiu", "SSD")


def test_the_finest_place_wins_with_its_region():
    (event,) = events(KALEMIE_IN_TANGANYIKA)
    assert (event.place.name, event.place.country, event.place.admin1) == ("Kalemie", "COD", "Tanganyika")


def test_the_village_of_x_is_a_place():
    event = next(e for e in events(VILLAGE_OF_SANGAR) if e.trigger.text == "killed")
    assert event.place is not None and event.place.name == "Sangar"


def test_a_correspondent_and_an_adjective_do_not_place_an_event():
    assert all(e.place is None for e in events(CORRESPONDENT_IN_CAIRO))


def test_a_date_modifying_the_object_does_not_date_the_event():
    dated = [(e.trigger.text, e.date) for e in events(CONDEMNED_2014_ANNEXATION, published="2019-03-07")]
    assert dated and all(date != "2014" for _, date in dated)
    assert ("condemned", "2019-03-05") in dated


def test_the_gazetteer_reads_context_before_population():
    gazetteer = load_gazetteer()
    assert gazetteer.geocode("Donetsk").country == "UKR"
    assert gazetteer.geocode("Donetsk", hints={"RUS"}).country == "RUS"
    assert gazetteer.geocode("Gaza Strip").feature == "news_region"
    assert gazetteer.geocode("Syria").precision == "country"


KABUL_DATELINE = r'''
# KABUL — Gunmen attacked a convoy.  (parse written by hand)
# i  word      tag  pos    dep       head  lemma     ent    ws
 >0  KABUL     NNP  PROPN  npadvmod  3     Kabul     B-GPE  1
  1  —         :    PUNCT  punct     3     —         O      1
  2  Gunmen    NNS  NOUN   nsubj     3     gunman    O      1
  3  attacked  VBD  VERB   ROOT      3     attack    O      1
  4  a         DT   DET    det       5     a         O      1
  5  convoy    NN   NOUN   dobj      3     convoy    O      0
  6  .         .    PUNCT  punct     3     .         O      0
'''


def test_the_dateline_places_an_event_only_as_a_last_resort_and_says_so():
    placed = [e.place for e in events(KABUL_DATELINE) if e.trigger.text == "attacked"]
    assert placed and placed[0] is not None
    assert (placed[0].name, placed[0].country, placed[0].precision) == ("Kabul", "AFG", "dateline")


LAUNCHED_AN_ATTACK = r'''
# Rebels launched an attack in Hama on Friday.
# i  word      tag  pos    dep     head  lemma     ent     ws
 >0  Rebels    NNS  NOUN   nsubj   1     rebel     O       1
  1  launched  VBD  VERB   ROOT    1     launch    O       1
  2  an        DT   DET    det     3     an        O       1
  3  attack    NN   NOUN   dobj    1     attack    O       1
  4  in        IN   ADP    prep    1     in        O       1
  5  Hama      NNP  PROPN  pobj    4     Hama      B-GPE   1
  6  on        IN   ADP    prep    1     on        O       1
  7  Friday    NNP  PROPN  pobj    6     Friday    B-DATE  0
  8  .         .    PUNCT  punct   1     .         O       0
'''

THE_ATTACK_OCCURRED = r'''
# The attack occurred in Hama.
# i  word      tag  pos    dep     head  lemma     ent     ws
 >0  The       DT   DET    det     1     the       O       1
  1  attack    NN   NOUN   nsubj   2     attack    O       1
  2  occurred  VBD  VERB   ROOT    2     occur     O       1
  3  in        IN   ADP    prep    2     in        O       1
  4  Hama      NNP  PROPN  pobj    3     Hama      B-GPE   0
  5  .         .    PUNCT  punct   2     .         O       0
'''

THREE_WERE_KILLED = r'''
# Many were killed.
# i  word    tag  pos    dep        head  lemma   ent  ws
 >0  Many    JJ   ADJ    nsubjpass  2     many    O    1
  1  were    VBD  AUX    auxpass    2     be      O    1
  2  killed  VBN  VERB   ROOT       2     kill    O    0
  3  .       .    PUNCT  punct      2     .       O    0
'''


def test_the_verb_that_states_an_event_noun_is_one_of_its_mentions():
    text = "Rebels launched an attack in Hama on Friday."
    (event,) = [e for e in events(LAUNCHED_AN_ATTACK) if e.trigger.text == "attack"]
    assert [text[m.start:m.end] for m in event.mentions] == ["attack", "launched"]
    assert event.place.name == "Hama"
    text = "The attack occurred in Hama."
    (event,) = events(THE_ATTACK_OCCURRED)
    assert [text[m.start:m.end] for m in event.mentions] == ["attack", "occurred"]
    assert event.place.name == "Hama"


def test_a_verb_of_violence_with_no_one_named_is_an_event_even_without_a_place():
    (event,) = events(THREE_WERE_KILLED)
    assert (event.cameo[:2], event.source, event.target, event.place) == ("18", None, None, None)


REGION_OF_DAMASCUS = r'''
# Rebels launched an attack in the East Ghouta region of rural Damascus.
# i  word      tag  pos    dep       head  lemma     ent    ws
 >0  Rebels    NNS  NOUN   nsubj     1     rebel     O      1
  1  launched  VBD  VERB   ROOT      1     launch    O      1
  2  an        DT   DET    det       3     an        O      1
  3  attack    NN   NOUN   dobj      1     attack    O      1
  4  in        IN   ADP    prep      1     in        O      1
  5  the       DT   DET    det       8     the       O      1
  6  East      NNP  PROPN  compound  7     East      B-GPE  1
  7  Ghouta    NNP  PROPN  amod      8     Ghouta    I-GPE  1
  8  region    NN   NOUN   pobj      4     region    O      1
  9  of        IN   ADP    prep      8     of        O      1
 10  rural     JJ   ADJ    amod      11    rural     O      1
 11  Damascus  NNP  PROPN  pobj      9     Damascus  B-GPE  0
 12  .         .    PUNCT  punct     1     .         O      0
'''

SPLIT_THE_MIDDLE_EAST = r'''
# Many were killed in the Middle East.
# i  word    tag  pos    dep        head  lemma   ent    ws
 >0  Many    JJ   ADJ    nsubjpass  2     many    O      1
  1  were    VBD  AUX    auxpass    2     be      O      1
  2  killed  VBN  VERB   ROOT       2     kill    O      1
  3  in      IN   ADP    prep       2     in      O      1
  4  the     DT   DET    det        6     the     O      1
  5  Middle  NNP  PROPN  compound   6     Middle  B-LOC  1
  6  East    NNP  PROPN  pobj       3     East    I-LOC  0
  7  .       .    PUNCT  punct      2     .       O      0
'''


def test_an_area_named_in_its_own_right_is_finer_than_what_follows_its_of():
    (event,) = [e for e in events(REGION_OF_DAMASCUS) if e.trigger.text == "attack"]
    assert event.place.name == "East Ghouta"


def test_a_world_region_places_no_event():
    (event,) = events(SPLIT_THE_MIDDLE_EAST)
    assert event.place is None


SHOT_NORTHEAST_OF_KIRKUK = r'''
# Two policemen were shot 20 km northeast of Kirkuk on Monday.
# i  word       tag  pos    dep        head  lemma      ent         ws
 >0  Two        CD   NUM    nummod     1     two        B-CARDINAL  1
  1  policemen  NNS  NOUN   nsubjpass  3     policeman  O           1
  2  were       VBD  AUX    auxpass    3     be         O           1
  3  shot       VBN  VERB   ROOT       3     shoot      O           1
  4  20         CD   NUM    nummod     5     20         B-QUANTITY  1
  5  km         NNS  NOUN   npadvmod   6     km         I-QUANTITY  1
  6  northeast  RB   ADV    advmod     3     northeast  O           1
  7  of         IN   ADP    prep       6     of         O           1
  8  Kirkuk     NNP  PROPN  pobj       7     Kirkuk     B-GPE       1
  9  on         IN   ADP    prep       3     on         O           1
 10  Monday     NNP  PROPN  pobj       9     Monday     B-DATE      0
 11  .          .    PUNCT  punct      3     .          O           0
'''

KILLED_AND_WOUNDED_IN_A_BLAST = r'''
# Three people were killed, and ten wounded, in a blast that tore through a market in the town of Tuz Khurmatu.
# i  word      tag  pos    dep        head  lemma     ent         ws
 >0  Three     CD   NUM    nummod     1     three     B-CARDINAL  1
  1  people    NNS  NOUN   nsubjpass  3     people    O           1
  2  were      VBD  AUX    auxpass    3     be        O           1
  3  killed    VBN  VERB   ROOT       3     kill      O           0
  4  ,         ,    PUNCT  punct      3     ,         O           1
  5  and       CC   CCONJ  cc         3     and       O           1
  6  ten       CD   NUM    nsubj      7     ten       B-CARDINAL  1
  7  wounded   VBN  VERB   conj       3     wound     O           0
  8  ,         ,    PUNCT  punct      7     ,         O           1
  9  in        IN   ADP    prep       7     in        O           1
 10  a         DT   DET    det        11    a         O           1
 11  blast     NN   NOUN   pobj       9     blast     O           1
 12  that      WDT  PRON   nsubj      13    that      O           1
 13  tore      VBD  VERB   relcl      11    tear      O           1
 14  through   IN   ADP    prep       13    through   O           1
 15  a         DT   DET    det        16    a         O           1
 16  market    NN   NOUN   pobj       14    market    O           1
 17  in        IN   ADP    prep       16    in        O           1
 18  the       DT   DET    det        19    the       O           1
 19  town      NN   NOUN   pobj       17    town      O           1
 20  of        IN   ADP    prep       19    of        O           1
 21  Tuz       NNP  PROPN  compound   22    Tuz       B-PERSON    1
 22  Khurmatu  NNP  PROPN  pobj       20    Khurmatu  I-PERSON    0
 23  .         .    PUNCT  punct      7     .         O           0
'''

PATROLLED_THE_CENTRE_OF_KANDAHAR = r'''
# Soldiers patrolled the centre of Kandahar on Sunday.
# i  word       tag  pos    dep    head  lemma     ent     ws
 >0  Soldiers   NNS  NOUN   nsubj  1     soldier   O       1
  1  patrolled  VBD  VERB   ROOT   1     patrol    O       1
  2  the        DT   DET    det    3     the       O       1
  3  centre     NN   NOUN   dobj   1     centre    O       1
  4  of         IN   ADP    prep   3     of        O       1
  5  Kandahar   NNP  PROPN  pobj   4     Kandahar  B-GPE   1
  6  on         IN   ADP    prep   1     on        O       1
  7  Sunday     NNP  PROPN  pobj   6     Sunday    B-DATE  0
  8  .          .    PUNCT  punct  1     .        O       0
'''

CAPTURED_SWEDENS_TITLE = r'''
# She captured Sweden's first title in a decade.
# i  word      tag  pos    dep    head  lemma    ent        ws
 >0  She       PRP  PRON   nsubj  1     she      O          1
  1  captured  VBD  VERB   ROOT   1     capture  O          1
  2  Sweden    NNP  PROPN  poss   5     Sweden   B-GPE      0
  3  's        POS  PART   case   2     's       O          1
  4  first     JJ   ADJ    amod   5     first    B-ORDINAL  1
  5  title     NN   NOUN   dobj   1     title    O          1
  6  in        IN   ADP    prep   1     in       O          1
  7  a         DT   DET    det    8     a        B-DATE     1
  8  decade    NN   NOUN   pobj   6     decade   I-DATE     0
  9  .         .    PUNCT  punct  1     .        O          0
'''


def _place_of(table, trigger):
    event = next(e for e in events(table) if e.trigger.text == trigger)
    return event.place.name if event.place else None


def test_a_compass_point_from_a_place_places_the_act():
    assert _place_of(SHOT_NORTHEAST_OF_KIRKUK, "shot") == "Kirkuk"


def test_a_coordinated_verb_shares_the_relative_clause_that_places_its_partner():
    assert _place_of(KILLED_AND_WOUNDED_IN_A_BLAST, "killed") == "Tuz Khurmatu"


def test_a_place_verb_acting_on_part_of_a_place_is_placed_there():
    assert _place_of(PATROLLED_THE_CENTRE_OF_KANDAHAR, "patrolled") == "Kandahar"


def test_a_country_owning_what_a_place_verb_acts_on_is_no_place():
    found = events(CAPTURED_SWEDENS_TITLE)
    assert found and all(e.place is None for e in found)


SHOT_A_MAN_FROM_HOMS = r'''
# Police shot a young man from Homs on Saturday.
# i  word      tag  pos    dep    head  lemma     ent     ws
 >0  Police    NNS  NOUN   nsubj  1     Police    O       1
  1  shot      VBD  VERB   ROOT   1     shoot     O       1
  2  a         DT   DET    det    4     a         O       1
  3  young     JJ   ADJ    amod   4     young     O       1
  4  man       NN   NOUN   dobj   1     man       O       1
  5  from      IN   ADP    prep   4     from      O       1
  6  Homs      NNP  PROPN  pobj   5     Homs      B-GPE   1
  7  on        IN   ADP    prep   1     on        O       1
  8  Saturday  NNP  PROPN  pobj   7     Saturday  B-DATE  0
  9  .         .    PUNCT  punct  1     .         O       0
'''

KILLED_AFTER_ANKARA_DECLARED = r'''
# Two soldiers were killed a day after Ankara declared a truce.
# i  word      tag  pos    dep        head  lemma    ent         ws
 >0  Two       CD   NUM    nummod     1     two      B-CARDINAL  1
  1  soldiers  NNS  NOUN   nsubjpass  3     soldier  O           1
  2  were      VBD  AUX    auxpass    3     be       O           1
  3  killed    VBN  VERB   ROOT       3     kill     O           1
  4  a         DT   DET    det        5     a        B-DATE      1
  5  day       NN   NOUN   npadvmod   3     day      I-DATE      1
  6  after     IN   SCONJ  mark       8     after    O           1
  7  Ankara    NNP  PROPN  nsubj      8     Ankara   B-GPE       1
  8  declared  VBD  VERB   advcl      3     declare  O           1
  9  a         DT   DET    det        10    a        O           1
 10  truce     NN   NOUN   dobj       8     truce    O           0
 11  .         .    PUNCT  punct      3     .        O           0
'''


def test_a_place_of_origin_is_not_the_sentences_only_place():
    assert _place_of(SHOT_A_MAN_FROM_HOMS, "shot") is None


def test_a_capital_that_acts_is_not_the_sentences_only_place():
    assert _place_of(KILLED_AFTER_ANKARA_DECLARED, "killed") is None


SHOT_IN_KARRADA_DISTRICT = r'''
# A cleric was shot dead near his home in Baghdad's Karrada district.
# i  word      tag   pos    dep        head  lemma     ent    ws
 >0  A         DT    DET    det        1     a         O      1
  1  cleric    NN    NOUN   nsubjpass  3     cleric    O      1
  2  was       VBD   AUX    auxpass    3     be        O      1
  3  shot      VBN   VERB   ROOT       3     shoot     O      1
  4  dead      JJ    ADJ    oprd       3     dead      O      1
  5  near      IN    ADP    prep       3     near      O      1
  6  his       PRP$  PRON   poss       7     his       O      1
  7  home      NN    NOUN   pobj       5     home      O      1
  8  in        IN    ADP    prep       7     in        O      1
  9  Baghdad   NNP   PROPN  poss       12    Baghdad   B-GPE  0
 10  's        POS   PART   case       9     's        O      1
 11  Karrada   NNP   PROPN  compound   12    Karrada   O      1
 12  district  NN    NOUN   pobj       8     district  O      0
 13  .         .     PUNCT  punct      3     .         O      0
'''


def test_the_name_of_a_district_is_a_place_finer_than_its_city_whatever_its_entity_label():
    assert _place_of(SHOT_IN_KARRADA_DISTRICT, "shot") == "Karrada"
