"""Known people with dated roles: Phoenix persons and the heads_2000.tsv facts (no model needed)."""
from datetime import date

import pytest

from dyad.actors.kb import load_kb
from dyad.actors.people import PeopleTable, Person, code_on, load_heads, name_keys
from dyad.errors import DataFileError


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def test_name_keys_drop_honorifics_dots_accents_and_middle_initials():
    assert name_keys("Mr. Donald J. Trump") == ["donald j trump", "donald trump"]
    assert name_keys("François Hollande") == ["francois hollande"]


def test_a_role_follows_the_publication_date():
    p = Person("Ada Okafor", roles=[("NGAELI", "1990-01-01", "2001-05-29"), ("NGAGOV", "2001-05-29", None)])
    assert code_on(p, d("1995-01-01")).code == "NGAELI"
    assert code_on(p, d("2010-01-01")).code == "NGAGOV"
    assert code_on(p, None).code == "NGAGOV"  # no date: the current role


def test_facts_decide_from_their_first_start_and_out_of_office_is_elite():
    p = Person("Jon Berg", roles=[("NORGOV", "2001-01-01", None)],
               facts=[("NORGOV", "2005-01-01", "2009-01-01"), ("NORGOV", "2013-01-01", None)])
    assert code_on(p, d("2003-01-01")).code == "NORGOV"  # before the facts: the dictionary
    assert code_on(p, d("2007-01-01")).code == "NORGOV"
    assert code_on(p, d("2011-01-01")).code == "NORELI"  # between two terms
    assert code_on(p, d("2020-01-01")).code == "NORGOV"


def test_an_international_official_keeps_the_body_code():
    p = Person("Lena Sund", roles=[("IGOUNOKID", "2005-05-01", None)])
    coded = code_on(p, d("2010-01-01"))
    assert (coded.country, coded.sector, coded.code) == (None, "IGO", "IGOUNO")


def test_two_people_of_one_name_are_told_apart_by_the_article_countries_or_not_at_all():
    table = PeopleTable()
    for name, code in (("Ana Ruiz", "PERGOV"), ("Ana Ruiz", "CHLGOV")):
        person = Person(name, roles=[(code, None, None)])
        table.index(person, [name])
    assert table.lookup("Ana Ruiz", None) is None
    assert table.lookup("Ana Ruiz", None, frozenset({"PER"})).code == "PERGOV"


def test_heads_table_rows_are_checked(tmp_path):
    bad = tmp_path / "heads.tsv"
    bad.write_text("country\tname\taliases\toffice\tcode\tstart\tend\nPER\tAna Ruiz\t\tpresident\tCHLGOV\t2001-01-01\t\n")
    with pytest.raises(DataFileError, match="must start with the country"):
        load_heads(PeopleTable(), bad)
    bad.write_text("country\tname\taliases\toffice\tcode\tstart\tend\nPER\tAna Ruiz\t\tpresident\tPERGOV\t2001-13-01\t\n")
    with pytest.raises(DataFileError, match="bad date"):
        load_heads(PeopleTable(), bad)


def test_the_default_knowledge_base_dates_known_heads():
    people = load_kb().people
    assert people.lookup("Donald Trump", d("2018-06-01")).code == "USAGOV"
    assert people.lookup("Donald J. Trump", d("2023-01-01")).code == "USAELI"
    assert people.lookup("Donald Trump", d("2025-06-01")).code == "USAGOV"
    assert people.lookup("Jeremy Hunt", d("2019-07-20")).code == "GBRGOV"  # Phoenix and the facts agree
    assert people.lookup("Mohammad Javad Zarif", d("2019-07-20")).code == "IRNGOV"


def test_phoenix_bodies_are_matched_and_a_user_kb_wins(tmp_path):
    kb = load_kb()
    assert "Afghan National Security Forces" in kb.entries  # a Phoenix body
    assert "Helmand" not in kb.surfaces  # Phoenix's provinces-as-country names are left out
    user = tmp_path / "mine.tsv"
    user.write_text("name\taliases\tcountry\tsector\tcode\nAfghan National Security Forces\tANSF\tAFG\tCOP\t\n")
    assert load_kb([user]).entries["Afghan National Security Forces"].sector == "COP"


def test_a_lone_surname_is_the_one_person_of_that_surname_in_office():
    table = PeopleTable()
    for person in (Person("Ada Okafor", roles=[("NGAGOV", "2001-05-29", "2009-01-01")]),
                   Person("Ben Okafor", roles=[("NGAMIL", "2005-01-01", "2012-01-01")]),
                   Person("Jon Berg", facts=[("NORGOV", "2013-01-01", None)]),
                   Person("Lars Berg", roles=[("NORELI", None, None)])):  # undated: never "in office"
        table.by_name[person.name] = person
    assert table.holder_by_surname("okafor", d("2003-01-01")).name == "Ada Okafor"
    assert table.holder_by_surname("okafor", d("2006-01-01")) is None  # two in office: ambiguous
    assert table.holder_by_surname("okafor", d("2010-01-01")).name == "Ben Okafor"
    assert table.holder_by_surname("okafor", d("2015-01-01")) is None  # nobody in office
    assert table.holder_by_surname("berg", d("2020-01-01")).name == "Jon Berg"
    assert table.holder_by_surname("berg", None) is None  # no publication date, no guess


@pytest.mark.model
def test_an_article_saying_only_the_surname_names_the_full_person(pipeline):
    doc = pipeline.extract("Putin said on Tuesday that the talks had failed.", published="2019-05-02")
    assert [(a.name, a.code) for a in doc.actors] == [("Vladimir Putin", "RUSGOV")]
    doc = pipeline.extract("Anna Putin met the mayor. Putin said the talks had failed.", published="2019-05-02")
    assert "Vladimir Putin" not in [a.name for a in doc.actors]  # the article's own full name decides


@pytest.mark.model
def test_a_stance_adjective_is_no_mention_of_the_person(pipeline):
    doc = pipeline.extract("Hundreds joined a pro-Trump rally in Ohio on Saturday.", published="2018-05-02")
    assert [a.name for a in doc.actors if a.kind == "PERSON"] == []
