"""Cross-document merging rules (the pure ``merge_events``) and the deterministic rebuild."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from dyad.store.merge import merge_events, merge_key, rebuild_merged
from dyad.store.rows import date_interval


def event(doc, source="RUS", target="UKR", cameo="190", date="2024-03-04", country=None, reciprocal=False,
          realis="asserted", published="2024-03-06", url=None):
    start, end = date_interval(date)
    return {"document_id": doc, "id": "e1", "source_actor_id": source, "target_actor_id": target, "cameo": cameo,
            "base_code": cameo[:3], "root": cameo[:2], "plover": "ASSAULT", "realis": realis, "quad_class": 4,
            "goldstein": -10.0, "date": date, "date_granularity": None, "date_start": start, "date_end": end,
            "place_name": None, "place_country": country, "place_lat": None, "place_lon": None,
            "reciprocal": reciprocal, "sentence": 0, "trigger_start": 0, "trigger_end": 4, "trigger_text": "hit",
            "url": url, "domain": url.split("/")[2] if url else None,
            "published": dt.date.fromisoformat(published) if published else None}


@pytest.mark.parametrize("a, b, merged", [
    ({}, {}, True),                                                      # same everything
    ({}, {"cameo": "1901"}, True),                                       # same base code 190
    ({}, {"cameo": "193"}, True),                                        # other base code, same root 19
    ({}, {"cameo": "180"}, False),                                       # other root
    ({}, {"date": "2024-03-05"}, True),                                  # within the 1-day window
    ({}, {"date": "2024-03-06"}, False),                                 # two days apart
    ({}, {"date": "2024-03"}, True),                                     # a month holds the day
    ({}, {"date": "2024-04"}, False),                                    # a month that does not
    ({}, {"date": "2024"}, True),                                        # a year holds the day
    ({"country": "UKR"}, {"country": None}, True),                       # one place missing
    ({"country": "UKR"}, {"country": "RUS"}, False),                     # different countries
    ({}, {"source": "UKR", "target": "RUS"}, False),                     # the other direction
    ({"reciprocal": True}, {"source": "UKR", "target": "RUS", "reciprocal": True}, True),
    ({"reciprocal": True}, {"source": "UKR", "target": "RUS"}, True),    # reciprocal meets either direction
    ({}, {"realis": "negated"}, False),                                  # a denial is not the event
    ({}, {"realis": "intended"}, True),                                  # announced by one, done by another
    ({"realis": "intended"}, {"realis": "hypothetical"}, False),         # a hypothesis joins only its kind
    ({"realis": "requested"}, {"realis": "requested"}, True),
    ({"date": None}, {"date": "2024-03-06"}, True),                      # undated: its publication day
    ({"date": None, "published": None}, {"date": None, "published": None}, True),
    ({"date": None, "published": None}, {}, False),
])
def test_merge_rules(a, b, merged):
    merged_rows, links = merge_events([event("d1", **a), event("d2", **b)], window_days=1)
    assert len(merged_rows) == (1 if merged else 2)
    assert len(links) == 2


def test_wider_window():
    events = [event("d1"), event("d2", date="2024-03-07")]
    assert len(merge_events(events, window_days=1)[0]) == 2
    assert len(merge_events(events, window_days=3)[0]) == 1


def test_counts_and_links():
    rows, links = merge_events([event("d1", url="https://a.com/1"), event("d2", url="https://a.com/2"),
                                event("d3", date="2024-03-04", url="https://b.com/3")])
    assert len(rows) == 1
    row = rows[0]
    assert (row["n_mentions"], row["n_sources"], row["n_domains"]) == (3, 3, 2)
    assert {link["document_id"] for link in links} == {"d1", "d2", "d3"}
    assert all(link["merged_id"] == row["id"] for link in links)


def test_complete_linkage_does_not_chain():
    # 4th, 5th and 6th: each one day from the next, but the 4th and 6th are two days apart
    rows, _ = merge_events([event("d1", date="2024-03-04"), event("d2", date="2024-03-05"), event("d3", date="2024-03-06")])
    assert sorted(r["n_mentions"] for r in rows) == [1, 2]


def test_merge_is_deterministic_and_order_free():
    events = [event(f"d{i}", date=f"2024-03-0{1 + i % 5}") for i in range(8)]
    assert merge_events(events) == merge_events(list(reversed(events)))


def test_rebuild_replaces_the_tables(corpus_store):
    before = corpus_store.query("SELECT * FROM merged_events ORDER BY id")
    # Russia-Hamas 042 on the 4th (Russia) and 043 on the 5th (Turkey): places differ, so two merged events
    assert rebuild_merged(corpus_store, window_days=1) == len(before)
    assert corpus_store.query("SELECT * FROM merged_events ORDER BY id") == before
    assert corpus_store.count("event_mentions") == corpus_store.count("events")


def test_the_most_specific_code_is_kept_and_every_code_listed():
    rows, _ = merge_events([event("d1", cameo="190"), event("d2", cameo="1901"), event("d3", cameo="193")])
    assert len(rows) == 1
    row = rows[0]
    assert (row["cameo"], row["base_code"], row["root"]) == ("1901", "190", "19")
    assert json.loads(row["codes"]) == ["190", "1901", "193"]


def test_equally_specific_codes_keep_the_most_reported():
    rows, _ = merge_events([event("d1", cameo="193"), event("d2", cameo="190"), event("d3", cameo="193")])
    assert rows[0]["cameo"] == "193"
    rows, _ = merge_events([event("d1", cameo="193"), event("d2", cameo="190")])
    assert rows[0]["cameo"] == "190"  # a tie: the smallest code


def test_an_announced_and_a_reported_act_are_asserted_and_list_their_outlets():
    rows, _ = merge_events([event("d1", realis="intended", url="https://www.b.com/1"),
                            event("d2", url="https://a.com/2"), event("d3", realis="intended", url="https://www.b.com/3")])
    assert rows[0]["realis"] == "asserted"
    assert json.loads(rows[0]["domains"]) == ["a.com", "www.b.com"] and rows[0]["n_domains"] == 2


def test_exact_clusters_of_a_small_news_day():
    # Reports of a few happenings between Russia (RUS), Ukraine (UKR) and Poland (POL), by several outlets.
    events = [
        event("strike-a", cameo="190", date="2024-03-04", country="UKR"),     # Russia strikes Ukraine ...
        event("strike-b", cameo="195", date="2024-03-04"),                    # ... told as an air strike
        event("strike-c", cameo="190", date="2024-03", country="UKR"),        # ... dated only by its month
        event("strike-d", cameo="190", date="2024-03-09", country="UKR"),     # a strike five days later
        event("threat-a", cameo="138", date="2024-03-04"),                    # Russia threatens Ukraine
        event("threat-b", cameo="130", date="2024-03-05", realis="intended"),
        event("reply-a", source="UKR", target="RUS", cameo="190", date="2024-03-04"),  # Ukraine strikes back
        event("poland-a", source="RUS", target="POL", cameo="190", date="2024-03-04"),
        event("denial-a", cameo="190", date="2024-03-04", realis="negated"),  # Russia denies a strike
        event("elsewhere", cameo="190", date="2024-03-04", country="POL"),    # a strike placed in Poland
    ]
    rows, links = merge_events(events, window_days=1)
    members: dict[str, set[str]] = {}
    for link in links:
        members.setdefault(link["merged_id"], set()).add(link["document_id"])
    assert sorted(sorted(m) for m in members.values()) == [
        ["denial-a"], ["elsewhere"], ["poland-a"], ["reply-a"], ["strike-a", "strike-b", "strike-c"],
        ["strike-d"], ["threat-a", "threat-b"]]
    assert len(rows) == 7
    for shuffled in (list(reversed(events)), events[3:] + events[:3]):
        assert merge_events(shuffled, window_days=1) == (rows, links)


def test_events_that_merge_share_the_merge_key():
    a, b = event("d1", cameo="190"), event("d2", cameo="1951", realis="intended")
    assert merge_key(a) == merge_key(b)
    assert merge_key(a) != merge_key(event("d3", cameo="180"))
    assert merge_key(a) != merge_key(event("d4", realis="negated"))


def test_migration_0007_lists_the_codes_and_outlets_of_merged_events_already_stored(tmp_path):
    import duckdb

    from dyad.store import Store
    from dyad.store.migrations import MIGRATIONS

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE migrations (name VARCHAR PRIMARY KEY, applied TIMESTAMP)")
    before = [m for m in MIGRATIONS if m[0] < "0007"]
    for name, sql in before:
        if "dyad_actor_key" not in sql:  # 0004 re-keys actors: nothing to re-key in an empty database
            con.execute(sql)
        con.execute("INSERT INTO migrations VALUES (?, current_timestamp)", [name])
    for doc, domain in (("d1", "a.com"), ("d2", "b.org"), ("d3", "a.com")):
        con.execute("INSERT INTO documents (id, domain, text) VALUES (?, ?, 'x')", [doc, domain])
    con.execute("INSERT INTO merged_events (id, cameo) VALUES ('m1', '042'), ('m2', '190')")
    con.execute("INSERT INTO event_mentions (merged_id, document_id, event_id) VALUES "
                "('m1', 'd1', 'e1'), ('m1', 'd2', 'e1'), ('m1', 'd3', 'e1')")
    con.close()
    with Store.open(path) as store:
        rows = {r["id"]: r for r in store.query("SELECT id, codes, domains FROM merged_events")}
    assert json.loads(rows["m1"]["codes"]) == ["042"] and json.loads(rows["m1"]["domains"]) == ["a.com", "b.org"]
    assert json.loads(rows["m2"]["codes"]) == ["190"] and json.loads(rows["m2"]["domains"]) == []
