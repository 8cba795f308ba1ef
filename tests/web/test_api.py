"""The JSON twins, in process, against a database ingested from invented articles."""
from __future__ import annotations

import json

import csv
import io

import pytest

from .web_corpus import N_DOCUMENTS, XSS_IMG, XSS_SCRIPT

pytestmark = pytest.mark.model

PAGES = ["/", "/try", "/articles", "/actors", "/actors?q=nor", "/dyads", "/network", "/events", "/docs",
         "/events?sort=goldstein&order=desc", "/network?root=11", "/network?realis=asserted&country=NOR"]


def test_summary_counts_what_was_ingested(client):
    summary = client.get("/api/summary").json()
    assert summary["counts"]["documents"] == N_DOCUMENTS
    assert summary["counts"]["events"] > 0 and summary["counts"]["actors"] > 0


def test_articles_list_and_search(client):
    listed = client.get("/api/articles").json()
    assert listed["total"] == N_DOCUMENTS
    assert {a["title"] for a in listed["items"]} >= {"Norway and Sweden agree to resume fishing talks"}
    found = client.get("/api/articles", params={"q": "ACCUSES"}).json()
    assert [a["title"] for a in found["items"]] == ["Sweden accuses Norway of breaking fishing deal"]


def test_article_is_the_output_contract_with_corpus_ids(client, ids):
    doc = client.get(f"/api/articles/{ids['articles']['Norway and Sweden agree to resume fishing talks']}").json()
    assert {"id", "text", "sentences", "actors", "events", "quotes", "removed", "warnings", "meta"} <= set(doc)
    assert doc["removed"], "the reposting furniture is kept, folded on the page"
    for actor in doc["actors"]:
        assert actor["corpus_id"]
        for mention in actor["mentions"]:
            assert doc["text"][mention["start"]:mention["end"]] == mention["text"]
    for event in doc["events"]:
        assert doc["text"][event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
    assert any(q["text"].startswith("We will return") for q in doc["quotes"])


def test_article_page_highlights_every_kind_and_folds_the_furniture(client, ids):
    html = client.get(f"/articles/{ids['articles']['Norway and Sweden agree to resume fishing talks']}").text
    assert 'class="hl hl-actor' in html and "hl-event" in html and "hl-quote" in html
    assert "<details class=\"removed\">" in html and "Comments are closed." in html
    assert 'id="records"' in html


def test_actor_search_and_page(client, ids):
    found = client.get("/api/actors", params={"q": "swe"}).json()
    assert "Sweden" in [a["name"] for a in found["items"]]
    actor = client.get(f"/api/actors/{ids['actors']['Norway']}").json()
    assert actor["actor"]["name"] == "Norway"
    assert actor["events_as_source"] or actor["events_as_target"]
    assert actor["timeline"]["rows"] and all(row["start"] for row in actor["timeline"]["rows"])
    assert {"roles", "affiliations", "members", "member_of", "quotes", "partners"} <= set(actor)


def test_person_actor_has_role_and_quote(client, ids):
    eide = next(name for name in ids["actors"] if "Haugland" in name)
    actor = client.get(f"/api/actors/{ids['actors'][eide]}").json()
    assert actor["quotes"], "Haugland is quoted"
    assert any("Minister" in (r["title"] or "") for r in actor["roles"])


def test_dyad_counts_both_directions_by_month(client, ids):
    norway, sweden = ids["actors"]["Norway"], ids["actors"]["Sweden"]
    dyad = client.get(f"/api/dyads/{norway}/{sweden}").json()
    assert {dyad["a"]["name"], dyad["b"]["name"]} == {"Norway", "Sweden"}
    assert dyad["events"] and dyad["timeline"]
    months = [row["month"] for row in dyad["timeline"]]
    assert months == sorted(months)
    assert sum(row["cooperation"] + row["conflict"] for row in dyad["timeline"]) >= 1
    listed = client.get("/api/dyads").json()["items"]
    assert listed and {"source_id", "target_id", "n_events", "goldstein_mean"} <= set(listed[0])


def test_network_nodes_edges_and_filters(client, ids):
    net = client.get("/api/network").json()
    node_ids = {n["id"] for n in net["nodes"]}
    assert ids["actors"]["Norway"] in node_ids
    assert all(-1.0 <= n["x"] <= 2.0 and -1.0 <= n["y"] <= 1.0 for n in net["nodes"])  # small parts: a grid at x > 1
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in net["edges"])
    again = client.get("/api/network").json()
    assert again["nodes"] == net["nodes"], "the layout is deterministic"
    conflict = client.get("/api/network", params={"root": "11"}).json()
    assert conflict["edges"] and all(e["goldstein_mean"] < 0 for e in conflict["edges"])
    assert client.get("/api/network", params={"since": "2030"}).json()["nodes"] == []
    assert client.get("/api/network", params={"max_nodes": 2}).json()["nodes"].__len__() <= 2


def test_events_filter_sort_page(client):
    everything = client.get("/api/events", params={"limit": 1000}).json()
    assert everything["total"] == len(everything["items"]) > 2
    by_goldstein = client.get("/api/events", params={"sort": "goldstein", "order": "desc"}).json()["items"]
    scores = [e["goldstein"] for e in by_goldstein]
    assert scores == sorted(scores, reverse=True)
    swedish = client.get("/api/events", params={"source": "swed"}).json()["items"]
    assert swedish and all(e["source"] == "Sweden" for e in swedish)
    criticism = client.get("/api/events", params={"code": "11"}).json()["items"]
    assert criticism and all(e["cameo"].startswith("11") for e in criticism)
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert len(page["items"]) == 1 and page["items"][0] == everything["items"][1]


def test_events_csv_matches_the_json(client):
    response = client.get("/api/events.csv", params={"sort": "date"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == client.get("/api/events").json()["total"]
    assert {"date", "source", "target", "cameo", "goldstein", "document_id"} <= set(rows[0])


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_without_third_party_assets(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    for outside in ("http://", "https://", "//cdn"):
        assert f'src="{outside}' not in response.text and f'href="{outside}' not in response.text


def test_detail_pages_render(client, ids):
    norway, sweden = ids["actors"]["Norway"], ids["actors"]["Sweden"]
    for path in [f"/actors/{norway}", f"/dyads/{norway}/{sweden}",
                 *(f"/articles/{doc_id}" for doc_id in ids["articles"].values())]:
        assert client.get(path).status_code == 200, path


def test_openapi_lists_every_json_twin(client):
    paths = client.get("/openapi.json").json()["paths"]
    for twin in ("/api/summary", "/api/articles", "/api/articles/{doc_id}", "/api/actors", "/api/actors/{actor_id}",
                 "/api/dyads", "/api/dyads/{a}/{b}", "/api/network", "/api/events", "/api/events.csv", "/api/try",
                 "/api/events/{merged_id}"):
        assert twin in paths
    docs = client.get("/docs").text
    assert "/api/network" in docs and "swagger" not in docs.lower()


def test_plotly_is_served_from_the_installed_package(client):
    response = client.get("/static/plotly.min.js")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/javascript")
    assert b"plotly" in response.content[:2000].lower()


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/..%2Fapp.py", "/static/%2e%2e/data.py",
                                  "/static/templates", "/static/dyad.css/../../__init__.py", "/static/"])
def test_no_file_outside_the_asset_list(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "import" not in response.text


def test_article_xss_is_escaped_in_html_and_plain_in_json(client, ids):
    title = next(t for t in ids["articles"] if t.startswith("Finland"))
    doc_id = ids["articles"][title]
    article = client.get(f"/api/articles/{doc_id}").json()
    # the cleaner drops markup tags from the text (and lists them as removed); the title keeps its own
    assert XSS_SCRIPT not in article["text"] and "read alert(1) and" in article["text"]
    assert XSS_SCRIPT in json.dumps(article["removed"]) or "<script>" in json.dumps(article["removed"])
    html = client.get(f"/articles/{doc_id}").text
    assert XSS_SCRIPT not in html and XSS_IMG not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    listing = client.get("/articles").text
    assert XSS_IMG not in listing and "&lt;img src=x onerror=alert(1)&gt;" in listing


def test_search_terms_are_escaped(client):
    html = client.get("/actors", params={"q": XSS_SCRIPT}).text
    assert XSS_SCRIPT not in html and "&lt;script&gt;" in html


# --- errors: one JSON shape under /api, an HTML page elsewhere, never a traceback -----

@pytest.mark.parametrize("path, status, code", [
    ("/api/articles/nope", 404, "E012"), ("/api/actors/nope", 404, "E012"), ("/api/dyads/nope/nada", 404, "E012"),
    ("/api/events/nope", 404, "E012"),
    ("/api/events?realis=maybe", 400, "E002"), ("/api/events?sort=secret", 400, "E002"),
    ("/api/events?limit=0", 400, "E002"), ("/api/events?limit=many", 422, "HTTP422"),
    ("/api/network?root=9", 400, "E002"), ("/api/events?since=yesterday", 400, "E002"),
    ("/api/no-such-thing", 404, "HTTP404"),
])
def test_api_errors_are_json(client, path, status, code):
    response = client.get(path)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and error["code"] == code and error["message"]
    assert "Traceback" not in response.text


@pytest.mark.parametrize("path, status", [("/articles/nope", 404), ("/events?realis=maybe", 400), ("/events/nope", 404),
                                          ("/no-such-page", 404), ("/network?max_nodes=0", 400)])
def test_page_errors_are_html(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"Error {status}" in response.text and "Traceback" not in response.text


def test_pages_are_read_only(client):
    for method in ("post", "put", "delete", "patch"):
        response = getattr(client, method)("/api/events")
        assert response.status_code == 405
        assert response.json()["error"]["code"] == "HTTP405"


def test_an_unexpected_failure_is_a_clean_500(app, client, monkeypatch):
    from dyad.web import data

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(data, "summary", broken)
    api = client.get("/api/summary")
    assert api.status_code == 500 and api.json()["error"]["code"] == "HTTP500"
    page = client.get("/")
    assert page.status_code == 500 and "secret internals" not in page.text and "Traceback" not in page.text


# --- Try it ---------------------------------------------------------------------

def test_try_text_returns_a_document(client):
    response = client.post("/api/try", data={"text": "Sweden criticized Norway on Monday.", "published": "2025-03-26"})
    assert response.status_code == 200
    doc = response.json()
    assert [(e["cameo"][:2], e["date"]) for e in doc["events"]] == [("11", "2025-03-24")]
    assert client.get("/api/summary").json()["counts"]["documents"] == N_DOCUMENTS, "Try it stores nothing"


def test_try_page_renders_the_annotated_article(client):
    html = client.post("/try", data={"text": f"Sweden criticized Norway. {XSS_SCRIPT}"}).text
    assert "hl-event" in html and "hl-actor" in html
    assert XSS_SCRIPT not in html and "&lt;script&gt;" in html


def test_try_upload_txt_and_html(client):
    txt = client.post("/api/try", files={"file": ("a.txt", b"Sweden praises Norway\n\nSweden praised Norway.", "text/plain")})
    assert txt.status_code == 200 and txt.json()["title"] == "Sweden praises Norway"
    page = (b"<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
            b"<p>Sweden praised Norway for the quick agreement on fishing quotas, officials said on Monday.</p>"
            b"<p>Denmark criticized Sweden for the delay in publishing the catch data from last year.</p>"
            b"</article></body></html>")
    html = client.post("/api/try", files={"file": ("a.html", page, "text/html")})
    assert html.status_code == 200, html.text
    assert "Sweden praised Norway" in html.json()["text"]


@pytest.mark.parametrize("files, status, code", [
    ({"file": ("a.pdf", b"%PDF-1.4", "application/pdf")}, 415, "E014"),
    ({"file": ("a.txt", b"\x00\x01\x02binary", "text/plain")}, 415, "E014"),
    ({"file": ("a.txt", b"text", "image/png")}, 415, "E014"),
    ({"file": ("a.txt", b"   ", "text/plain")}, 400, "E015"),
])
def test_try_upload_refusals(client, files, status, code):
    response = client.post("/api/try", files=files)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_try_upload_over_the_limit_is_413(client):
    big = b"Sweden praised Norway. " * (3 * 1024 * 1024 // 23)
    response = client.post("/api/try", files={"file": ("big.txt", big, "text/plain")})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E013"
    page = client.post("/try", files={"file": ("big.txt", big, "text/plain")})
    assert page.status_code == 413 and "Error 413" in page.text


def test_try_file_just_over_the_limit_is_413(client):
    response = client.post("/api/try", files={"file": ("big.txt", b"a" * (2 * 1024 * 1024 + 1), "text/plain")})
    assert response.status_code == 413


@pytest.mark.parametrize("data, code", [({}, "E015"), ({"text": "   "}, "E015"),
                                        ({"text": "Sweden met Norway.", "published": "March"}, "E002")])
def test_try_bad_input(client, data, code):
    response = client.post("/api/try", data=data)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
