"""`dyad watch` and `dyad fetch` end to end against the loopback site: rounds, de-duplication, errors rows,
provenance, the sources listing and its web twin (the pipeline runs: model tests)."""
from __future__ import annotations

import json

import pytest

from dyad.config import DEFAULT_MODEL
from dyad.engines.watch import ResidentEngine, watch_round
from dyad.live.http import Fetcher
from dyad.store import Store
from .live_site import sources_text

pytestmark = pytest.mark.model


def sources_of(site) -> list[str]:
    return [line for line in sources_text(site.base).splitlines() if not line.startswith("#")]


@pytest.fixture(scope="module")
def engine():
    """One pipeline for every round of this module."""
    return ResidentEngine(model=DEFAULT_MODEL)


@pytest.fixture
def round_of(engine):
    def run(store, site, settings):
        return watch_round(store, sources_of(site), fetcher=Fetcher(settings), every_seconds=900,
                           model=DEFAULT_MODEL, all_sources=True, engine=engine)

    return run


def test_rounds_fetch_only_what_is_new(tmp_path, live_site, fast_settings, round_of):
    with Store.open(tmp_path / "w.duckdb") as store:
        first = round_of(store, live_site, fast_settings)
        # harbour talks, border accord (RSS), fisheries (sitemap); the repost is the harbour text again,
        # the redirect and the second URL of the accord have a stored canonical URL
        assert first.new_documents == 3 and store.count("documents") == 3
        assert first.ingest.duplicates == 1
        reasons = {row["origin"].removeprefix(live_site.base): row["reason"][:6]
                   for row in store.query("SELECT origin, reason FROM errors")}
        assert reasons == {"/news/missing.html": "[E052]", "/news/slow.html": "[E051]",
                           "/files/report.pdf": "[E053]", "/private/memo.html": "[E055]"}
        runs = store.query("SELECT status, n_documents, n_duplicates, n_errors FROM runs")
        assert runs == [{"status": "finished", "n_documents": 3, "n_duplicates": 1, "n_errors": 4}]

        live_site.requests.clear()
        second = round_of(store, live_site, fast_settings)
        assert second.new_documents == 0 and store.count("documents") == 3
        assert sum(state.not_modified for state in second.sources) == 3  # feed, atom, sitemap: 304
        article_requests = [p for p in live_site.requests if p.startswith(("/news/", "/amp/", "/reposts/", "/old/"))]
        assert article_requests == ["/news/slow.html"] * 2  # only the timed-out page is tried again

        live_site.publish("/news/grain-corridor.html")
        third = round_of(store, live_site, fast_settings)
        assert third.new_documents == 1 and store.count("documents") == 4
        assert store.query("SELECT count(*) AS n FROM runs")[0]["n"] == 3


def test_provenance_and_sources(tmp_path, live_site, fast_settings, round_of):
    with Store.open(tmp_path / "w.duckdb") as store:
        round_of(store, live_site, fast_settings)
        fetches = store.query("SELECT f.url, f.canonical_url, f.source, f.status, f.authors, f.fetched, d.title "
                              "FROM fetches f JOIN documents d ON d.id = f.document_id ORDER BY f.url")
        by_url = {row["url"].removeprefix(live_site.base): row for row in fetches}
        assert set(by_url) == {"/news/harbour-talks.html", "/news/border-accord.html", "/news/fisheries.html",
                               "/reposts/harbour-talks.html"}
        repost = by_url["/reposts/harbour-talks.html"]
        assert repost["source"] == live_site.base + "/" and repost["status"] == 200
        assert repost["title"] == by_url["/news/harbour-talks.html"]["title"]  # one document for both
        assert by_url["/news/fisheries.html"]["authors"] == "Ola Berg" and by_url["/news/fisheries.html"]["fetched"]

    from typer.testing import CliRunner

    from dyad.cli.main import app

    result = CliRunner().invoke(app, ["sources", "--db", str(tmp_path / "w.duckdb"), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["url"].removeprefix(live_site.base): row for row in json.loads(result.stdout)}
    assert {url: (row["kind"], row["n_new"], row["n_errors"]) for url, row in rows.items()} == {
        "/feed.xml": ("feed", 2, 4), "/": ("site", 1, 0), "/sitemap.xml": ("sitemap", 1, 0)}
    assert all(row["next_due"] > row["last_round"] for row in rows.values())


def test_web_sources_page(tmp_path, live_site, fast_settings, round_of):
    import warnings

    pytest.importorskip("fastapi")
    with Store.open(tmp_path / "w.duckdb") as store:
        round_of(store, live_site, fast_settings)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dyad.web import create_app

    client = TestClient(create_app(str(tmp_path / "w.duckdb")))
    api = client.get("/api/sources").json()
    assert len(api["items"]) == 3 and len(api["errors"]) == 4
    assert {e["reason"][:6] for e in api["errors"]} == {"[E051]", "[E052]", "[E053]", "[E055]"}
    page = client.get("/sources")
    assert page.status_code == 200 and live_site.base + "/feed.xml" in page.text and "[E055]" in page.text
    assert '<a href="/sources">Sources</a>' in client.get("/").text
    articles = client.get("/api/articles").json()["items"]
    fisheries = next(a for a in articles if a["title"].startswith("Norway and Iceland"))
    (fetch,) = client.get(f"/api/articles/{fisheries['id']}").json()["fetches"]
    assert fetch["source"] == live_site.base + "/sitemap.xml" and fetch["status"] == 200
    assert "fetched " in client.get(f"/articles/{fisheries['id']}").text


def test_fetch_command_ingests_like_ingest(tmp_path, live_site, monkeypatch):
    from typer.testing import CliRunner

    from dyad.cli.main import app

    db = str(tmp_path / "f.duckdb")
    urls = [live_site.base + p for p in ("/news/border-accord.html", "/amp/border-accord.html", "/news/missing.html")]
    args = ["fetch", *urls, "--db", db, "--delay", "0", "--timeout", "1", "--retries", "0"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "1 new document(s)" in first.output and "1 error(s)" in first.output
    again = CliRunner().invoke(app, args)
    assert "0 new document(s)" in again.output
    with Store.open(db, read_only=True) as store:
        assert store.count("documents") == 1
        (saved_id,) = store.ids("documents", "id")
    # the same page saved to disk and given to `dyad ingest` is the same document
    (tmp_path / "page.html").write_text(live_site.article("border-accord"), encoding="utf-8")
    from dyad.engines.ingest import ingest

    with Store.open(tmp_path / "i.duckdb") as store:
        ingest(store, [str(tmp_path / "page.html")], model=DEFAULT_MODEL, workers=1)
        assert store.ids("documents", "id") == {saved_id}


def test_watch_runs_until_sigterm(tmp_path, live_site):
    """Without --once it keeps going; SIGTERM between rounds ends it with one line and code 143."""
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    sources = tmp_path / "sources.txt"
    sources.write_text(f"{live_site.base}/sitemap.xml\n")
    dyad = Path(sys.executable).with_name("dyad")
    process = subprocess.Popen([str(dyad), "watch", str(sources), "--db", str(tmp_path / "w.duckdb"), "--every", "1h",
                                "--delay", "0", "--timeout", "2"], stderr=subprocess.PIPE, text=True)
    try:
        first = process.stderr.readline()
        assert first.startswith("run 1: 1 source(s)"), first
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        rest = process.stderr.read()
        assert process.wait(timeout=30) == 128 + signal.SIGTERM
    finally:
        process.kill()
    assert rest.strip().splitlines() == [rest.strip()] and rest.startswith("stopped by SIGTERM")
    with Store.open(tmp_path / "w.duckdb", read_only=True) as store:
        assert store.query("SELECT status, n_documents FROM runs") == [{"status": "finished", "n_documents": 2}]


def test_extract_prints_a_page_without_a_database(tmp_path, live_site, monkeypatch):
    from typer.testing import CliRunner

    from dyad.cli.main import app

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["extract", live_site.base + "/news/fisheries.html", "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["title"] == "Norway and Iceland dispute mackerel quotas"
    assert doc["url"] == live_site.base + "/news/fisheries.html" and doc["published"] == "2026-03-04"
    assert {e["cameo"][:2] for e in doc["events"]} & {"11", "13"}
    assert not list(tmp_path.iterdir())  # no database


def test_a_stopped_round_leaves_the_rest_for_the_next(tmp_path, live_site, fast_settings, engine):
    """Stopped after its first article, a round keeps that one; the next round (the feeds unchanged, so a
    conditional GET would say 304) still fetches the others, because validators are kept only for a whole round."""
    import signal

    from dyad.engines.ingest import RunStopped

    class StopsAtSecondChunk:
        def map(self, chunks):
            for n, result in enumerate(engine.map(chunks)):
                if n == 1:
                    raise RunStopped(signal.SIGINT)
                yield result

    with Store.open(tmp_path / "w.duckdb") as store:
        with pytest.raises(RunStopped):
            watch_round(store, sources_of(live_site), fetcher=Fetcher(fast_settings), every_seconds=900,
                        model=DEFAULT_MODEL, all_sources=True, engine=StopsAtSecondChunk(), batch_size=1)
        assert store.count("documents") == 1
        assert store.query("SELECT status FROM runs") == [{"status": "interrupted"}]
        assert store.count("http_validators") == 0
        watch_round(store, sources_of(live_site), fetcher=Fetcher(fast_settings), every_seconds=900,
                    model=DEFAULT_MODEL, all_sources=True, engine=engine)
        assert store.count("documents") == 3
