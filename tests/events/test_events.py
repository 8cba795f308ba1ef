"""Events end to end with the model: CAMEO codes, arguments from the parse, realis, dates and places.

The rules themselves (realis, recoding, arguments, anaphora) are pinned on hand-built parses
in ``test_rules_handmade.py``; these tests keep one case per rule area on the live model.
"""
from __future__ import annotations

import pytest

from tests.conftest import events_by

pytestmark = pytest.mark.model


def one(doc, source, target, root=None):
    found = [e for e in events_by(doc, source, target) if root is None or e.root == root]
    assert found, [(e.source, e.target, e.cameo, e.trigger.text) for e in doc.events]
    return found[0]


def test_negation(extract):
    doc = extract("Turkey did not attack Greece.")
    assert one(doc, "Turkey", "Greece").realis == "negated"


def test_refused_cooperation_is_coded_as_rejection(extract):
    doc = extract("Serbia refused to meet Kosovo in Brussels.")
    event = one(doc, "Serbia", "Kosovo", "12")
    assert (event.cameo, event.trigger.text, event.realis) == ("125", "refused", "asserted")
    assert event.place.name == "Brussels" and event.place.country == "BEL"


def test_air_strikes_launched_by_governing_subject(extract):
    doc = extract("Saudi Arabia launched air strikes on Yemen.")
    assert one(doc, "Saudi Arabia", "Yemen").root in ("18", "19")


def test_sentence_without_political_event(extract):
    doc = extract("Burton thinks cats are cuties.")
    assert doc.events == ()


def test_year_only_date_granularity(extract):
    doc = extract("France signed a trade agreement with Chile in 2019.", published="2024-03-06")
    event = one(doc, "France", "Chile")
    assert event.date == "2019" and event.date_granularity == "year"


def test_undated_event_takes_the_report_date_marked_as_such(extract):
    doc = extract("Brazil condemned Venezuela.", published="2024-03-06")
    event = one(doc, "Brazil", "Venezuela", "11")
    assert (event.date, event.date_granularity, event.date_source, event.date_text) == ("2024-03-06", "report", "report", None)
    undated = extract("Brazil condemned Venezuela.", published=None)
    assert one(undated, "Brazil", "Venezuela", "11").date is None


def test_one_event_told_twice_is_merged(extract):
    doc = extract("Chile hosted Peru in Santiago on Monday. Chile hosted Peru to discuss water rights.", published="2024-03-06")
    hosted = events_by(doc, "Chile", "Peru")
    assert len(hosted) == 1 and len(hosted[0].mentions) == 2
    assert hosted[0].date == "2024-03-04" and hosted[0].place.name == "Santiago"


def test_every_event_field_comes_from_the_cameo_table(extract):
    from dyad.events.cameo import lookup

    doc = extract("China threatened Taiwan and praised Pakistan.")
    assert doc.events
    for event in doc.events:
        row = lookup(event.cameo)
        assert (event.label, event.goldstein, event.quad_class, event.root) == (row.name, row.goldstein, row.quad_class, row.root)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Russia struck Ukraine in Kharkiv on Monday.", "Kharkiv", "UKR"),
        ("Chile hosted Peru in Santiago.", "Santiago", "CHL"),
        ("Israel bombed Hamas in the Gaza Strip.", "Gaza Strip", "PSE"),
    ],
)
def test_places_are_geocoded_offline(extract, text, name, country):
    event = next(e for e in extract(text).events if e.place is not None)
    assert (event.place.name, event.place.country) == (name, country)
    assert event.place.lat is not None and event.place.lon is not None


def test_gazetteer_prefers_a_country_the_article_mentions():
    from dyad.events.places import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer.geocode("Tripoli", hints={"LBN"}).country == "LBN"
    assert gazetteer.geocode("Tripoli").country == "LBY"  # the most populous otherwise
    assert gazetteer.geocode("Xanadu Springs") is None


def test_that_year_takes_the_year_named_before(extract):
    doc = extract("Hamas won the 2006 elections. A delegation of the movement visited Russia that year.", published="2017-09-25")
    visit = one(doc, "Hamas", "Russia", "04")
    assert (visit.date, visit.date_granularity) == ("2006", "year")


def test_each_coordinated_meeting_takes_its_own_date_and_place(extract):
    doc = extract("Ahmed Hassan met in 2011 with President Michelle Bachelet in Santiago and with "
                  "Foreign Minister Sergey Lavrov in Geneva in 2016.", published="2020-01-10")
    first = one(doc, "Ahmed Hassan", "Michelle Bachelet")
    second = one(doc, "Ahmed Hassan", "Sergey Lavrov")
    assert (first.date, first.place.name) == ("2011", "Santiago")
    assert (second.date, second.place.name) == ("2016", "Geneva")


def test_a_month_name_is_not_a_march(extract):
    doc = extract("In March, Ahmed Hassan met with President Michelle Bachelet.")
    assert [e.root for e in doc.events] == ["04"]


def test_a_visit_happens_in_the_place_visited(extract):
    event = one(extract("Kenya's president visited Ethiopia in 2019."), "Kenya's president", "Ethiopia", "04")
    assert event.place is not None and event.place.country == "ETH"


def test_an_offer_without_a_partner_goes_to_the_articles_partner(extract):
    text = ("Ghana's foreign minister visited Togo on Monday. Ghana urged Togo to reopen the border. "
            "\u201cWe are ready to cooperate on trade,\u201d Ghana said in a statement.")
    doc = extract(text, published="2024-05-08")
    offer = one(doc, "Ghana", "Togo", "03")
    assert offer.realis == "intended" and offer.confidence < 0.9


def test_an_offer_with_no_established_partner_is_not_coded(extract):
    doc = extract("\u201cWe are ready to cooperate on trade,\u201d Ghana said in a statement.")
    assert not [e for e in doc.events if e.root == "03"]


def test_an_announced_meeting_is_a_scheduled_meeting(extract):
    event = one(extract("Kenya said it would meet Uganda in Kampala next week."), "Kenya", "Uganda")
    assert (event.cameo, event.realis) == ("040", "intended")


def test_condolences_over_an_attack_offer_nothing(extract):
    doc = extract("The UAE foreign minister offered his condolences to New Zealand over an attack on mosques in Christchurch.")
    assert not [e for e in doc.events if e.root == "13"]


def test_both_sides_are_the_pair_last_set_against_each_other(extract):
    doc = extract("India accused Pakistan of shelling a village. The United States urged both sides to show restraint.")
    assert one(doc, "United States", "India", "02") and one(doc, "United States", "Pakistan", "02")


def test_an_attack_on_a_place_targets_its_country(extract):
    doc = extract("Russian forces shelled villages near Kharkiv overnight, Ukrainian officials said.")
    event = one(doc, "Russian forces", "Ukraine", "19")  # the forces, coded RUSMIL, not the bare country
    assert (event.cameo, doc.actor(event.source).code) == ("194", "RUSMIL")
    home = extract("Sudanese troops shelled villages near Nyala.")
    assert not [e for e in home.events if e.root == "19" and e.target is not None]


def test_troops_alone_are_not_a_deployment(extract):
    doc = extract("Indian troops exchanged fire with Pakistani troops along the border.")
    assert "154" not in {e.cameo for e in doc.events}


def test_returning_fire_is_not_returning_property(extract):
    doc = extract("Armenia said Azerbaijan opened fire and Armenian troops returned fire.")
    assert "0842" not in {e.cameo for e in doc.events}
    assert one(extract("The United States returned dozens of artifacts to El Salvador."), "United States", "El Salvador").cameo == "0842"


def test_an_offer_of_troops_is_not_a_threat(extract):
    doc = extract("Australia offered to send troops to the Philippines.")
    assert not [e for e in doc.events if e.root == "13"]
    vow = one(extract("Ghana vowed to impose sanctions on Togo."), "Ghana", "Togo")
    assert vow.root == "13"


@pytest.mark.parametrize("text, source, target, cameo", [
    ("Myanmar has established diplomatic ties with Seychelles.", "Myanmar", "Seychelles", "054"),
    ("Somalia cut diplomatic ties with Ethiopia on Monday.", "Somalia", "Ethiopia", "161"),
    ("Ethiopia and Somalia agreed on Tuesday to restore full diplomatic relations.", "Ethiopia", "Somalia", "032"),
])
def test_diplomatic_ties(extract, text, source, target, cameo):
    assert one(extract(text), source, target).cameo == cameo


def test_a_scheduled_meeting_on_a_weekday_is_the_coming_one(extract):
    event = one(extract("Egypt will host talks between Israel and Hamas on Monday.", published="2025-07-10"), "Egypt", "Israel")
    assert (event.date, event.realis) == ("2025-07-14", "intended")


def test_a_past_act_without_a_date_happened_on_the_last_day_named(extract):
    text = ("Thousands of farmers marched through Paris on Monday.\n\n"
            "Police detained the leaders of the Rural Coordination union, and France expelled two Belgian organisers.")
    event = one(extract(text, published="2024-02-07"), "France", "Belgium")
    assert (event.date, event.date_source) == ("2024-02-05", "context")


def test_the_actor_appealed_to_is_not_the_place(extract):
    event = one(extract("The Philippines called on Beijing to return the seized boats."), "Philippines", "China")
    assert event.place is None


def test_an_attack_happens_where_its_target_stands(extract):
    event = one(extract("Israeli jets struck a weapons depot in Aleppo, Syria said."), "Israel", "Syria")
    assert event.place is not None and event.place.name == "Aleppo"


def test_after_a_year_is_named_an_undated_act_is_not_dated_by_an_earlier_day(extract):
    text = ("Ghana said in a May 3 statement that it would reopen the border. Ghana's president met Togo's "
            "president in Lome in 2015. Togo imposed a blockade on the border region of Ghana.")
    event = one(extract(text, published="2024-05-08"), "Togo", "Ghana", "19")
    assert event.date_granularity == "report"


def test_a_siege_on_a_place_is_there(extract):
    event = one(extract("The Quartet imposed a siege on the Gaza Strip."), "Middle East Quartet", "Palestine", "19")
    assert event.place is not None and event.place.name == "Gaza Strip"
