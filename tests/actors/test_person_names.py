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
