"""Issue 14 on hand-built parses: titles the tagger takes into a person's name are not the name,
so "Sen. Sanders" is the article's "Sen. Bernard Sanders" and "Special Counsel Robert Mueller"
is Robert Mueller with a role."""
from __future__ import annotations

from tests.handmade import doc_from_table, run_stages

TITLED_SURNAME = r'''
# Sen. Bernard Sanders spoke. Sen. Sanders left.
# i  word     tag  pos    dep       head  lemma    ent       ws
 >0  Sen.     NNP  PROPN  compound  2     Sen.     B-PERSON  1
  1  Bernard  NNP  PROPN  compound  2     Bernard  I-PERSON  1
  2  Sanders  NNP  PROPN  nsubj     3     Sanders  I-PERSON  1
  3  spoke    VBD  VERB   ROOT      3     speak    O         0
  4  .        .    PUNCT  punct     3     .        O         1
 >5  Sen.     NNP  PROPN  compound  6     Sen.     B-PERSON  1
  6  Sanders  NNP  PROPN  nsubj     7     Sanders  I-PERSON  1
  7  left     VBD  VERB   ROOT      7     leave    O         0
  8  .        .    PUNCT  punct     7     .        O         0
'''


def test_an_honorific_and_surname_is_the_full_name_earlier_in_the_article():
    doc = run_stages(doc_from_table(TITLED_SURNAME))
    persons = [a for a in doc.actors if a.kind == "PERSON"]
    assert [(a.name, [m.text for m in a.mentions]) for a in persons] == [("Bernard Sanders", ["Bernard Sanders", "Sanders"])]


TITLE_IN_NAME = r'''
# Special Counsel Robert Mueller met Mr. Cole.
# i  word     tag  pos    dep       head  lemma    ent       ws
 >0  Special  NNP  PROPN  compound  3     Special  B-PERSON  1
  1  Counsel  NNP  PROPN  compound  3     Counsel  I-PERSON  1
  2  Robert   NNP  PROPN  compound  3     Robert   I-PERSON  1
  3  Mueller  NNP  PROPN  nsubj     4     Mueller  I-PERSON  1
  4  met      VBD  VERB   ROOT      4     meet     O         1
  5  Mr.      NNP  PROPN  compound  6     Mr.      O         1
  6  Cole     NNP  PROPN  dobj      4     Cole     B-PERSON  0
  7  .        .    PUNCT  punct     4     .        O         0
'''


def test_a_title_inside_the_tagged_name_is_a_role_not_the_name():
    doc = run_stages(doc_from_table(TITLE_IN_NAME))
    persons = {a.name: a for a in doc.actors if a.kind == "PERSON"}
    assert sorted(persons) == ["Cole", "Robert Mueller"]
    assert [r.title for r in persons["Robert Mueller"].roles] == ["Special Counsel"]


CHAIRWOMAN_OF_THE_BODY = r'''
# The Malawi Electoral Commission met. The commission's chairwoman, Justice Ana Ruiz, spoke.
# i  word        tag  pos    dep       head  lemma       ent    ws
 >0  The         DT   DET    det       3     the         O      1
  1  Malawi      NNP  PROPN  compound  3     Malawi      B-ORG  1
  2  Electoral   NNP  PROPN  compound  3     Electoral   I-ORG  1
  3  Commission  NNP  PROPN  nsubj     4     Commission  I-ORG  1
  4  met         VBD  VERB   ROOT      4     meet        O      0
  5  .           .    PUNCT  punct     4     .           O      1
 >6  The         DT   DET    det       7     the         O      1
  7  commission  NN   NOUN   poss      9     commission  O      0
  8  's          POS  PART   case      7     's          O      1
  9  chairwoman  NN   NOUN   nsubj     15    chairwoman  O      0
 10  ,           ,    PUNCT  punct     9     ,           O      1
 11  Justice     NNP  PROPN  compound  13    Justice     O      1
 12  Ana         NNP  PROPN  compound  13    Ana         B-PERSON  1
 13  Ruiz        NNP  PROPN  appos     9     Ruiz        I-PERSON  0
 14  ,           ,    PUNCT  punct     9     ,           O      1
 15  spoke       VBD  VERB   ROOT      15    speak       O      0
 16  .           .    PUNCT  punct     15    .           O      0
'''


def test_an_apposition_before_the_titles_ties_the_person_to_the_body_its_possessor_names():
    doc = run_stages(doc_from_table(CHAIRWOMAN_OF_THE_BODY))
    by_name = {a.name: a for a in doc.actors}
    ruiz, commission = by_name["Ana Ruiz"], by_name["Malawi Electoral Commission"]
    assert [r.organization for r in ruiz.roles if r.organization] == [commission.id]
    assert (ruiz.country, ruiz.sector) == (commission.country, commission.sector) == ("MWI", "GOV")


def test_a_full_name_the_dictionary_knows_under_another_form_takes_its_name():
    from dyad.actors.kb import load_kb

    people = load_kb(()).people
    assert people.known_name("Joseph R. Biden") == "Joe Biden"
    assert people.known_name("Hillary Rodham Clinton") == "Hillary Clinton"
    assert people.known_name("George Bush") is None  # two presidents answer to it
    assert people.known_name("Ana Ruiz Quispe") is None


def test_a_person_the_dictionary_files_under_a_body_keeps_their_own_name():
    # Phoenix lists KHALED_MESHAAL among the synonyms of HAMAS: another form of a name keeps its
    # surname, so the person is not renamed after the body
    from dyad.actors.kb import load_kb

    assert load_kb(()).people.known_name("Khaled Meshaal") is None
