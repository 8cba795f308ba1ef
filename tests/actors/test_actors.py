"""Actors end to end with the model: knowledge-base matches, entity merging, roles, codes and coreference.

The rules are pinned on hand-built parses in ``test_actors_handmade.py``.
"""
from __future__ import annotations

import pytest

from tests.conftest import actor_named

pytestmark = pytest.mark.model


def test_country_variants_merge_into_one_actor(extract):
    doc = extract("The United States warned Iran on Monday. U.S. officials said Washington would act.")
    usa = [a for a in doc.actors if a.country == "USA" and a.kind == "COUNTRY"]
    assert len(usa) == 1
    assert {m.text for m in usa[0].mentions} == {"United States", "U.S.", "Washington"}
    assert {m.via for m in usa[0].mentions} == {"name", "alias", "metonym"}  # Washington acts: a metonym
    assert actor_named(doc, "Iran").code == "IRN"


def test_surname_mentions_join_the_full_name(extract):
    doc = extract("Kenyan President William Ruto met reporters in Nairobi. Ruto said the talks went well.")
    ruto = actor_named(doc, "William Ruto")
    assert ruto is not None
    assert [m.via for m in ruto.mentions] == ["name", "surname", ]
    assert ruto.country == "KEN" and ruto.sector == "GOV" and ruto.code == "KENGOV"
    assert ruto.roles[0].title == "Kenyan President" and ruto.roles[0].status == "current"


def test_pronoun_links_to_the_last_person(extract):
    doc = extract("Prime Minister Mark Ellison arrived in Ottawa. He met the mayor.")
    ellison = actor_named(doc, "Mark Ellison")
    assert any(m.text == "He" and m.via == "pronoun" for m in ellison.mentions)


def test_igo_members_are_linked_when_mentioned(extract):
    doc = extract("In Cairo the European Union, the United States and Russia sat down with envoys of the Quartet.")
    quartet = next(a for a in doc.actors if a.kind == "IGO" and "Quartet" in a.name)
    member_names = {doc.actor(m).name for m in quartet.members}
    assert {"Russia", "United States"} <= member_names


def test_person_of_organisation_is_affiliated(extract):
    doc = extract("Prime Minister Levan Abashidze of the ruling Georgian Dream party defended the police.")
    person = actor_named(doc, "Levan Abashidze")
    assert [doc.actor(a).name for a in person.affiliations] == ["Georgian Dream"]
    assert person.country == "GEO" and person.code == "GEOGOV"


@pytest.mark.parametrize(
    ("text", "person", "title", "organization"),
    [
        ("Grace Mwale, who leads the People's Renewal Party, rejected the results.", "Grace Mwale", "leads the People's Renewal Party", "People's Renewal Party"),
        ("Tom Hale, who is the treasurer of the Labour Party, resigned.", "Tom Hale", "treasurer of the Labour Party", "Labour Party"),
    ],
)
def test_roles_from_relative_clauses(extract, text, person, title, organization):
    doc = extract(text)
    role = actor_named(doc, person).roles[0]
    assert (role.title, doc.actor(role.organization).name, role.status) == (title, organization, "current")


def test_an_object_pronoun_is_not_the_subjects_own_side(extract):
    doc = extract("Chinese foreign ministry spokesperson Chen Hao accused Manila of provoking the incident "
                  "and urged it to halt the missions.")
    philippines = actor_named(doc, "Philippines")
    assert [m.text for m in philippines.mentions] == ["Manila", "it"]


def test_the_authorities_belong_to_the_country_the_story_is_about(extract):
    doc = extract("Georgian police detained two opposition leaders in Tbilisi on Sunday. Georgia's government "
                  "defended the law. The European Union urged the authorities to release them.")
    authorities = next(a for a in doc.actors if a.name == "authorities")
    assert (authorities.country, authorities.code) == ("GEO", "GEOGOV")
    alone = extract("The authorities said the border would reopen.")
    assert next(a for a in alone.actors if a.name == "authorities").country is None


def test_bare_police_belong_to_the_country_the_story_is_about(extract):
    doc = extract("Kenya's parliament passed the finance bill. Thousands marched in Nairobi against it, and Kenya's "
                  "president defended the vote. Police fired tear gas at the protesters.")
    police = next(a for a in doc.actors if a.name == "Police")
    assert (police.country, police.code) == ("KEN", "KENCOP")


def test_a_story_naming_one_country_gives_its_groups_and_titled_people_that_country(extract):
    # invented sentences: one country named, so the unnamed students and the judge are of it
    doc = extract("Thousands of university students marched across Bolivia on Friday to demand new elections.")
    students = next(a for a in doc.actors if a.name.endswith("students"))
    assert (students.country, students.code) == ("BOL", "BOLEDU")
    judge = extract("Judge Marta Quispe opened an inquiry into Peruvian mining officials on Monday.")
    assert next(a for a in judge.actors if a.name == "Marta Quispe").country == "PER"
    # two countries named: the group's country stays open
    both = extract("Students marched on Friday as Chile and Argentina signed a trade pact.")
    assert next(a for a in both.actors if a.name == "Students").country is None


def test_a_plural_demonym_used_as_a_noun_is_the_people_not_the_state(extract):
    # invented sentences
    doc = extract("Thousands of Moldovans marched in Chisinau on Sunday.")
    people = next(a for a in doc.actors if a.name == "Moldovans")
    assert (people.kind, people.country, people.sector) == ("GROUP", "MDA", "CVL")
    of = extract("The Hungarians of northern Romania demanded schools in their language.")
    assert next(a for a in of.actors if a.name == "Hungarians").country == "ROU"
    ethnic = extract("Ethnic Uzbeks protested against the new law in Kazakhstan on Friday.")
    assert next(a for a in ethnic.actors if a.name == "Uzbeks").country == "KAZ"  # the story's one country
    named = extract("Thousands of Iraqi Kurds gathered in Kirkuk as Turkey and Syria closed their borders.")
    assert any(a.name == "Kurds" and a.country == "IRQ" for a in named.actors)  # a people named with its country
    # demonyms only ("Bosnian Croats"), which the tagger may take for a person's name: a people
    assert [(a.kind, a.country) for a in extract("Bosnian Croats demanded new elections in Mostar on Monday.").actors
            if a.name == "Bosnian Croats"] == [("GROUP", "BIH")]
    modifier = extract("Moldovan police detained the protesters.")
    assert any(a.kind == "GROUP" and a.code == "MDACOP" for a in modifier.actors)


@pytest.mark.parametrize("text, name, country, code", [
    # a name many countries' bodies share is the knowledge base's body only in its own country's story
    ("The Chilean government sent the pension bill to Congress on Tuesday.", "Congress", "CHL", "CHLLEG"),
    ("Peru's president asked Congress for emergency powers after the floods in Peru.", "Congress", "PER", "PERLEG"),
    ("The White House urged Congress to approve aid for Ukraine, whose government asked for more.",
     "Congress", "USA", "USAGOVLEG"),
    ("Norway's government said the Labour Party would lead the coalition.", "Labour Party", "NOR", "NORPTY"),
    # no other country's own bodies in view: the body English news means most often
    ("Congress rejected the budget again.", "Congress", "USA", "USAGOVLEG"),
    ("Republicans in Congress demanded new sanctions on Iran.", "Congress", "USA", "USAGOVLEG"),
])
def test_a_shared_name_resolves_in_context(extract, text, name, country, code):
    doc = extract(text)
    actor = actor_named(doc, name)
    assert (actor.country, actor.code) == (country, code)


def test_a_shared_name_gives_no_foreign_target(extract):
    doc = extract("The Chilean government sent the pension bill to Congress.")
    targets = {doc.actor(e.target).country for e in doc.events}
    assert "USA" not in targets
