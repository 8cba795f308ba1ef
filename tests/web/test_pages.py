"""The event page and the actor page, through their JSON twins and their HTML, plus their pure parts."""
from __future__ import annotations

import datetime as dt

import pytest

from dyad.web.actor_timeline import actor_timeline
from dyad.web.event_page import other_codes, report

from .web_corpus import XSS_IMG

model = pytest.mark.model


@pytest.fixture(scope="module")
def accusation(client) -> dict:
    """The merged event three articles report: Sweden accused Norway on 12 March."""
    rows = client.get("/api/events", params={"sort": "sources", "limit": 1}).json()["items"]
    return client.get(f"/api/events/{rows[0]['merged_id']}").json()


# --- the events table -------------------------------------------------------------

@model
def test_events_open_newest_first(client):
    listed = client.get("/api/events", params={"limit": 1000}).json()
    assert listed["filters"]["sort"] == "date" and listed["filters"]["order"] == "desc"
    dates = [e["date"] for e in listed["items"]]
    assert dates == sorted(dates, reverse=True) and dates[0] > dates[-1]
    oldest = client.get("/api/events", params={"order": "asc", "limit": 1000}).json()["items"]
    assert [e["date"] for e in oldest] == sorted(dates)


@model
@pytest.mark.parametrize("sort, key", [("sources", "n_sources"), ("outlets", "n_domains"), ("confidence", "confidence")])
def test_events_sort_by_sources_outlets_and_confidence(client, sort, key):
    for order in ("desc", "asc"):
        items = client.get("/api/events", params={"sort": sort, "order": order, "limit": 1000}).json()["items"]
        values = [e[key] for e in items]
        assert values == sorted(values, reverse=order == "desc"), (sort, order)
    top = client.get("/api/events", params={"sort": sort, "order": "desc"}).json()["items"][0]
    if sort != "confidence":
        assert (top["n_sources"], top["n_domains"]) == (3, 2), "the happening three articles report comes first"


@model
def test_every_event_row_links_to_its_merged_event(client):
    items = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert items and all(e["merged_id"] and e["n_sources"] >= 1 for e in items)
    html = client.get("/events").text
    assert all(f'href="/events/{e["merged_id"]}"' in html for e in items)


@model
@pytest.mark.parametrize("params", [{"sort": "newest"}, {"order": "sideways"}, {"sort": "sources; DROP TABLE events"}])
def test_unknown_sort_or_order_is_a_400(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 400 and response.json()["error"]["code"] == "E002"
    assert client.get("/events", params=params).status_code == 400


# --- the event page ---------------------------------------------------------------

@model
def test_merged_event_counts_reports_and_outlets(accusation, ids):
    event = accusation["event"]
    assert (event["source"], event["target"], event["cameo"]) == ("Sweden", "Norway", "112")
    assert event["label"].startswith("Accuse") and event["quad_class_label"] == "verbal conflict"
    assert event["source_actor_id"] == ids["actors"]["Sweden"] and event["target_actor_id"] == ids["actors"]["Norway"]
    assert (accusation["n_reports"], accusation["n_articles"], accusation["n_outlets"]) == (3, 3, 2)
    assert accusation["n_without_outlet"] == 1, "dispute.txt has no URL"
    assert {o["domain"] for o in accusation["outlets"]} == {"nordic-herald.example", "baltic-wire.example"}
    published = [r["published"] for r in accusation["reports"]]
    assert published == sorted(published), "reports in publication order"


@model
def test_each_report_is_grounded_in_its_article(client, accusation):
    for row in accusation["reports"]:
        text = client.get(f"/api/articles/{row['document_id']}").json()["text"]
        assert text[row["trigger_start"]:row["trigger_end"]] == row["trigger"] == row["excerpt"]["trigger"] == "accused"
        excerpt = row["excerpt"]
        sentence = text[excerpt["start"]:excerpt["end"]]
        assert excerpt["before"] + excerpt["trigger"] + excerpt["after"] == sentence.strip()
        assert "Norway" in excerpt["after"] and excerpt["before"].startswith("Sweden")
    dated = {r["domain"]: r["date_text"] for r in accusation["reports"]}
    assert dated["baltic-wire.example"] == "Wednesday" and dated["nordic-herald.example"] == "12 March"


@model
def test_event_page_shows_reports_side_by_side(client, accusation, ids):
    event = accusation["event"]
    html = client.get(f"/events/{event['id']}").text
    assert html.count('<article class="report"') == 3
    assert html.count('<mark class="trigger') == 3
    assert f'href="/actors/{ids["actors"]["Sweden"]}"' in html and f'href="/actors/{ids["actors"]["Norway"]}"' in html
    for row in accusation["reports"]:
        assert f'href="/articles/{row["document_id"]}#event-{row["event_id"]}"' in html
    assert 'href="https://baltic-wire.example/news/fishing-row" rel="noopener noreferrer nofollow"' in html
    assert f'href="/api/events/{event["id"]}"' in html


@model
def test_event_page_escapes_article_titles(client):
    finland = client.get("/api/events", params={"source": "Finland"}).json()["items"][0]
    merged = client.get(f"/api/events/{finland['merged_id']}").json()
    assert XSS_IMG in merged["reports"][0]["title"]
    html = client.get(f"/events/{finland['merged_id']}").text
    assert XSS_IMG not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


@model
@pytest.mark.parametrize("merged_id", ["nope", "106b794892a06d8", "' OR 1=1 --", "x" * 300])
def test_unknown_merged_event_is_a_404(client, merged_id):
    api = client.get(f"/api/events/{merged_id}")
    assert api.status_code == 404 and api.json()["error"]["code"] == "E012"
    page = client.get(f"/events/{merged_id}")
    assert page.status_code == 404 and "Error 404" in page.text


@pytest.mark.parametrize("value, expected", [
    (None, []), ([], []), (["112", "111", "112"], ["111"]), ('["111", "120"]', ["111", "120"]),
    ("111, 120", ["111", "120"]), ("111", ["111"]), ({"111": 2}, ["111"]), (17, []),
])
def test_other_codes_read_whatever_the_merging_stored(value, expected):
    event = {"cameo": "112", "codes": value}
    assert [c["cameo"] for c in other_codes(event)] == expected
    if expected:
        assert other_codes({"cameo": "112", "codes": value})[0]["label"]


def test_report_cuts_the_sentence_at_the_trigger():
    text = "Headline\n\nSweden accused Norway of breaking the deal. Norway denied it."
    start = text.index("accused")
    second, third = text.index("Sweden"), text.index("Norway denied")
    sentences = f"[[0, 8], [{second}, {third - 1}], [{third}, {len(text)}]]"
    row = report({"text": text, "sentences": sentences, "sentence": 1,
                  "trigger_start": start, "trigger_end": start + 7})
    assert row["excerpt"]["before"] == "Sweden " and row["excerpt"]["trigger"] == "accused"
    assert row["excerpt"]["after"] == " Norway of breaking the deal." and "text" not in row
    long_text = "word " * 200 + "accused" + " word" * 200
    start = long_text.index("accused")
    for sentences, index in (("[[0, 2007]]", 0), ("[[0, 5]]", 0), (None, None), ("[[0, 2007]]", -1), ("oops", 0)):
        row = report({"text": long_text, "sentences": sentences, "sentence": index,
                      "trigger_start": start, "trigger_end": start + 7})
        assert row["excerpt"]["trigger"] == "accused"
        assert len(row["excerpt"]["before"]) <= 330 and row["excerpt"]["before"].startswith("\u2026")
        assert row["excerpt"]["after"].endswith("\u2026")
    assert report({"text": "short", "sentences": None, "sentence": 0, "trigger_start": 3,
                   "trigger_end": 99})["excerpt"] is None


# --- the actor page ---------------------------------------------------------------

@model
def test_actor_timeline_by_week_as_source_and_target(client, ids):
    norway = client.get(f"/api/actors/{ids['actors']['Norway']}").json()
    timeline = norway["timeline"]
    assert timeline["period"] == "week", "the corpus spans weeks, not months"
    starts = [dt.date.fromisoformat(row["start"]) for row in timeline["rows"]]
    assert starts == sorted(starts) and all(day.weekday() == 0 for day in starts)
    as_target = [sum(row["as_target"]) for row in timeline["rows"]]
    as_source = [sum(row["as_source"]) for row in timeline["rows"]]
    assert sum(as_target) >= 2 and sum(as_source) >= 1
    accused = next(row for row in timeline["rows"] if row["start"] == "2025-03-10")
    assert accused["as_target"][2] == 1, "three reports of one accusation: one verbal conflict that week"


@model
def test_actor_partners_roles_and_quotes(client, ids):
    norway = client.get(f"/api/actors/{ids['actors']['Norway']}").json()
    sweden = next(p for p in norway["partners"] if p["name"] == "Sweden")
    assert sweden["n_events"] == sweden["n_as_source"] + sweden["n_as_target"]
    html = client.get(f"/actors/{ids['actors']['Norway']}").text
    assert f'href="/actors/{ids["actors"]["Sweden"]}"' in html and 'data-chart="actor-timeline"' in html
    haugland = next(name for name in ids["actors"] if "Haugland" in name)
    person = client.get(f"/api/actors/{ids['actors'][haugland]}").json()
    minister = next(r for r in person["roles"] if "Minister" in (r["title"] or ""))
    assert minister["first_seen"] == minister["last_seen"] == "2025-03-25"
    assert person["quotes"] and {"title", "domain", "published", "document_id"} <= set(person["quotes"][0])
    assert "first seen" in client.get(f"/actors/{ids['actors'][haugland]}").text


class FakeStore:
    def __init__(self, days: list[dt.date | None], first: dt.date, last: dt.date) -> None:
        self.days, self.bounds = days, {"first": first, "last": last}

    def query(self, sql: str, params: list | None = None) -> list[dict]:
        if "merged_events" in sql:
            return [{"day": day, "quad_class": 1 + i % 4, "goldstein": 1.0, "as_source": i % 2 == 0,
                     "as_target": i % 2 == 1} for i, day in enumerate(self.days)]
        return [self.bounds]


def test_actor_timeline_goes_monthly_and_leaves_far_dates_out():
    days = [dt.date(2019, 1, 5), dt.date(2019, 1, 20), dt.date(2019, 9, 1), dt.date(1940, 1, 1), None,
            dt.date(2031, 1, 1)]
    timeline = actor_timeline(FakeStore(days, dt.date(2018, 6, 1), dt.date(2020, 1, 1)), "a")
    assert timeline["period"] == "month"
    assert [row["start"] for row in timeline["rows"]] == ["2019-01-01", "2019-09-01"]
    assert timeline["rows"][0]["as_source"] == [1, 0, 0, 0] and timeline["rows"][0]["as_target"] == [0, 1, 0, 0]
    assert timeline["left_out"] == {"undated": 1, "earlier": 1, "later": 1}
    weekly = actor_timeline(FakeStore(days[:2], dt.date(2019, 1, 1), dt.date(2019, 2, 1)), "a")
    assert weekly["period"] == "week" and [r["label"] for r in weekly["rows"]] == ["week of 2018-12-31", "week of 2019-01-14"]
    edge = actor_timeline(FakeStore([dt.date(9999, 12, 31)], dt.date(1, 1, 1), dt.date(9999, 12, 31)), "a")
    assert edge["rows"][0]["start"] == "9999-12-27"
