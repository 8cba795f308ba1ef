"""Polite HTTP, listings and the SOURCES file against the loopback site (no model needed)."""
from __future__ import annotations

import pytest

from dyad.errors import (E_FETCH_BAD_URL, E_FETCH_DISALLOWED, E_FETCH_HTTP, E_FETCH_NETWORK, E_FETCH_NOT_HTML,
                         E_FETCH_TIMEOUT, E_FETCH_TOO_LARGE, BadOption, SourcesFileError)
from dyad.live.feeds import listing_of, read_sources
from dyad.live.http import USER_AGENT, Fetcher, FetchFailure, FetchSettings
from dyad.live.pages import page_article


def fetcher(settings, sleeps=None) -> Fetcher:
    return Fetcher(settings, sleep=(sleeps.append if sleeps is not None else (lambda s: None)))


@pytest.mark.parametrize("path, code, status", [
    ("/news/missing.html", E_FETCH_HTTP, 404),
    ("/news/slow.html", E_FETCH_TIMEOUT, None),
    ("/files/report.pdf", E_FETCH_NOT_HTML, 200),
    ("/private/memo.html", E_FETCH_DISALLOWED, None),
])
def test_each_failure_has_its_code(live_site, fast_settings, path, code, status):
    result = fetcher(fast_settings).get(live_site.base + path, html=True)
    assert isinstance(result, FetchFailure)
    assert (result.code, result.status) == (code, status)
    assert result.url in result.reason


def test_disallowed_page_is_never_requested(live_site, fast_settings):
    fetcher(fast_settings).get(live_site.base + "/private/memo.html", html=True)
    assert "/robots.txt" in live_site.requests and "/private/memo.html" not in live_site.requests


def test_redirect_into_a_disallowed_path(live_site, fast_settings):
    result = fetcher(fast_settings).get(live_site.base + "/old/memo", html=True)
    assert result.code == E_FETCH_DISALLOWED and "redirects to" in result.reason
    assert "/private/memo.html" not in live_site.requests


def test_watch_names_a_bad_sources_file(tmp_path):
    from typer.testing import CliRunner

    from dyad.cli.main import app

    result = CliRunner().invoke(app, ["watch", str(tmp_path / "none.txt"), "--db", str(tmp_path / "w.duckdb"), "--once"])
    assert isinstance(result.exception, SourcesFileError) and "[E022]" in str(result.exception)
    assert not (tmp_path / "w.duckdb").exists()


def test_timeouts_are_retried_with_backoff(live_site):
    sleeps: list[float] = []
    settings = FetchSettings(timeout=0.2, delay=0.0, retries=2, backoff=0.5)
    result = fetcher(settings, sleeps).get(live_site.base + "/news/slow.html")
    assert result.code == E_FETCH_TIMEOUT and not result.permanent
    assert live_site.requests.count("/news/slow.html") == 3
    assert sleeps == [0.5, 1.0]  # backoff doubles


def test_a_404_is_not_retried(live_site, fast_settings):
    fetcher(fast_settings).get(live_site.base + "/news/missing.html")
    assert live_site.requests.count("/news/missing.html") == 1


def test_one_host_waits_its_delay_between_requests(live_site):
    sleeps: list[float] = []
    polite = fetcher(FetchSettings(delay=5.0, timeout=2.0), sleeps)
    polite.get(live_site.base + "/feed.xml")
    polite.get(live_site.base + "/atom.xml")
    assert len(sleeps) == 2 and all(4.0 < s <= 5.0 for s in sleeps)  # after robots.txt, after feed.xml


def test_too_large_page(live_site):
    result = fetcher(FetchSettings(delay=0.0, max_bytes=100)).get(live_site.base + "/news/fisheries.html")
    assert result.code == E_FETCH_TOO_LARGE and "--max-bytes" in result.reason


def test_bad_url_and_unknown_host(loopback_only, fast_settings):
    assert fetcher(fast_settings).get("ftp://127.0.0.1/x").code == E_FETCH_BAD_URL
    result = fetcher(fast_settings).get("http://no-such-host.invalid/news.html")
    assert result.code == E_FETCH_NETWORK
    assert loopback_only == ["no-such-host.invalid"] * 4  # robots.txt and the page, each tried twice
    loopback_only.clear()  # refused by the guard, as it should be


def test_user_agent_names_dyad():
    assert USER_AGENT.startswith("dyad/")


def test_conditional_get_answers_304(live_site, fast_settings):
    client = fetcher(fast_settings)
    first = client.get(live_site.base + "/feed.xml")
    again = client.get(live_site.base + "/feed.xml", etag=first.headers["etag"])
    assert (first.status, again.status) == (200, 304)
    live_site.publish("/news/grain-corridor.html")
    assert client.get(live_site.base + "/feed.xml", etag=first.headers["etag"]).status == 200


@pytest.mark.parametrize("path, kind, n_links", [
    ("/feed.xml", "feed", 6), ("/atom.xml", "feed", 2), ("/sitemap.xml", "sitemap", 2), ("/", "site", 1)])
def test_listings(live_site, fast_settings, path, kind, n_links):
    listing = listing_of(fetcher(fast_settings).get(live_site.base + path))
    assert listing.kind == kind and len(listing.links) == n_links
    assert all(link.startswith(live_site.base) for link in listing.links)


def test_page_metadata_and_redirect(live_site, fast_settings):
    response = fetcher(fast_settings).get(live_site.base + "/old/harbour-talks", html=True)
    article, provenance = page_article(response, source="s")
    assert provenance.final_url == provenance.canonical_url == live_site.base + "/news/harbour-talks.html"
    assert (provenance.status, provenance.authors, article.published) == (200, "Amina Njoroge", "2026-03-02")
    assert article.title.startswith("Kenya and Tanzania") and article.url == provenance.canonical_url


def test_page_article_matches_a_saved_page(live_site, fast_settings, tmp_path):
    """A fetched page and the same page saved to disk give the same text, so the same ids."""
    from dyad.ingest import read_paths

    response = fetcher(fast_settings).get(live_site.base + "/news/border-accord.html", html=True)
    (tmp_path / "page.html").write_bytes(response.body)
    saved = next(iter(read_paths([str(tmp_path / "page.html")])))
    assert page_article(response)[0].text == saved.text


def test_read_sources(tmp_path):
    path = tmp_path / "sources.txt"
    path.write_text("# comment\nhttp://127.0.0.1:1/feed.xml  # the feed\n\nhttp://127.0.0.1:1/feed.xml\n")
    assert read_sources(path) == ["http://127.0.0.1:1/feed.xml"]
    path.write_text("feed.xml\n")
    with pytest.raises(SourcesFileError, match=r"sources.txt:1: 'feed.xml' is not an http"):
        read_sources(path)
    with pytest.raises(SourcesFileError, match="no such file"):
        read_sources(tmp_path / "missing.txt")


@pytest.mark.parametrize("every, seconds", [("15m", 900), ("30s", 30), ("1h", 3600), ("2h30m", 9000), ("1d", 86400),
                                            ("5", 300)])
def test_parse_every(every, seconds):
    from dyad.cli.fetch import parse_every

    assert parse_every(every) == seconds


@pytest.mark.parametrize("every", ["", "soon", "0s", "15x"])
def test_parse_every_rejects(every):
    from dyad.cli.fetch import parse_every

    with pytest.raises(BadOption, match="--every"):
        parse_every(every)
