"""The pages in Debian's Chromium: every page loads clean, highlights explain themselves, charts draw, XSS stays inert.

Screenshots land in tests/web/artifacts/ (git-ignored).
"""
from __future__ import annotations

import pytest

from pathlib import Path
from .web_corpus import XSS_IMG, XSS_SCRIPT

pytestmark = [pytest.mark.browser, pytest.mark.model]

ARTIFACTS = Path(__file__).parent / "artifacts"
TALKS = "Norway and Sweden agree to resume fishing talks"


def visit(page, url: str, shot: str | None = None):
    response = page.goto(url, wait_until="load")
    if shot:
        page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
    return response


def assert_clean(page):
    assert page.dialogs == [], f"a dialog fired: {page.dialogs}"
    assert page.console_errors == [], f"console errors: {page.console_errors}"
    assert page.foreign == [], f"requests left the server: {page.foreign}"


def test_every_page_loads(page, live_server, ids):
    norway, sweden = ids["actors"]["Norway"], ids["actors"]["Sweden"]
    pages = {"home": "/", "try": "/try", "articles": "/articles", "actors": "/actors?q=o", "dyads": "/dyads",
             "events": "/events?sort=goldstein&order=desc", "docs": "/docs", "actor": f"/actors/{norway}",
             "dyad": f"/dyads/{norway}/{sweden}", "network": "/network", "article": f"/articles/{ids['articles'][TALKS]}",
             "sources": "/sources"}
    for name, path in pages.items():
        response = visit(page, live_server + path, shot=f"page-{name}")
        assert response.status == 200, path
        assert page.locator("header.top nav a").count() == 8
    assert_clean(page)


def test_error_page_is_html(page, live_server):
    response = visit(page, live_server + "/articles/no-such-article", shot="page-error")
    assert response.status == 404
    assert "no article 'no-such-article'" in page.locator(".error-message").inner_text()
    assert page.dialogs == []


def test_hovering_a_highlight_shows_its_record(page, live_server, ids):
    visit(page, f"{live_server}/articles/{ids['articles'][TALKS]}")
    for kind in ("actor", "event", "quote"):
        assert page.locator(f"#doc-text .hl-{kind}").count() > 0, kind
    page.locator("#doc-text .hl-event").first.hover()
    detail = page.locator("#detail .record-event")
    detail.wait_for()
    assert "CAMEO" in detail.inner_text() and "evidence" in detail.inner_text()
    assert page.locator("#doc-text .hl.active").count() >= 1
    page.locator("#doc-text .hl-quote").first.hover()
    page.locator("#detail .record-quote").wait_for()
    page.locator("#doc-text .hl-actor").first.focus()
    page.locator("#detail .record-actor").wait_for()
    page.screenshot(path=str(ARTIFACTS / "article-hover.png"), full_page=True)
    assert page.locator("details.removed").count() == 1
    assert not page.locator("details.removed pre").first.is_visible(), "the furniture starts folded"
    assert_clean(page)


def test_try_it_pastes_an_article(page, live_server):
    visit(page, live_server + "/try")
    page.fill("#try-text", "Sweden and Norway sign fishing deal\n\nSweden praised Norway on Monday. "
                           "\u201cThis is a good day,\u201d the Swedish minister said.")
    page.fill("input[name=published]", "2025-03-26")
    with page.expect_navigation():
        page.click("#try-submit")
    assert page.locator("#doc-text .hl-actor").count() >= 2
    assert page.locator("#doc-text .hl-event").count() >= 1
    page.locator("#doc-text .hl-event").first.hover()
    page.locator("#detail .record-event").wait_for()
    page.screenshot(path=str(ARTIFACTS / "try-result.png"), full_page=True)
    assert_clean(page)


def test_network_and_timelines_render(page, live_server, ids):
    visit(page, live_server + "/network")
    page.locator("#network .plot-container svg").first.wait_for()
    assert page.locator("#network .scatterlayer .point").count() >= 2
    page.screenshot(path=str(ARTIFACTS / "network.png"), full_page=True)
    norway, sweden = ids["actors"]["Norway"], ids["actors"]["Sweden"]
    for name, path in (("actor-timeline", f"/actors/{norway}"), ("dyad-timeline", f"/dyads/{norway}/{sweden}")):
        visit(page, live_server + path)
        page.locator("#timeline .plot-container svg").first.wait_for()
        assert page.locator("#timeline .barlayer .point").count() >= 1, name
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert_clean(page)


def test_clicking_a_network_node_opens_the_actor(page, live_server):
    visit(page, live_server + "/network?max_nodes=3")
    page.locator("#network .plot-container svg").first.wait_for()
    node = page.locator("#network .scatterlayer .trace").last.locator(".point").first
    with page.expect_navigation():
        node.click(force=True)
    assert "/actors/" in page.url
    assert page.locator("h1").inner_text()


def test_filtered_network_and_sorted_events(page, live_server):
    visit(page, live_server + "/network?root=11")
    page.locator("#network .plot-container svg").first.wait_for()
    visit(page, live_server + "/events")
    page.click("table.sortable th a:text('Goldstein')")
    page.wait_for_load_state("load")
    assert "sort=goldstein" in page.url
    href = page.locator("#csv-link").get_attribute("href")
    assert href.startswith("/api/events.csv?") and "sort=goldstein" in href
    assert_clean(page)


def test_xss_in_an_article_renders_inert(page, live_server, ids):
    title = next(t for t in ids["articles"] if t.startswith("Finland"))
    visit(page, f"{live_server}/articles/{ids['articles'][title]}", shot="xss-article")
    text = page.locator("#doc-text").inner_text()
    assert "read alert(1) and" in text and XSS_SCRIPT not in text  # the cleaner drops markup tags from the text
    assert XSS_IMG in page.locator("h1").inner_text()
    assert page.locator("#doc-text script, #doc-text img, h1 img").count() == 0
    page.locator("#doc-text .hl").first.hover()
    visit(page, live_server + "/articles", shot="xss-list")
    visit(page, live_server + "/try")
    # tags nested so that dropping the inner ones leaves a script tag in the cleaned text
    page.fill("#try-text", "Finland condemned Estonia. <scr<b>ipt>alert(1)</scr</b>ipt>")
    with page.expect_navigation():
        page.click("#try-submit")
    assert XSS_SCRIPT in page.locator("#doc-text").inner_text()
    assert "<scr<b>ipt>" in page.locator("#try-text").input_value()
    page.screenshot(path=str(ARTIFACTS / "xss-try.png"), full_page=True)
    page.wait_for_timeout(300)
    assert page.dialogs == [], f"a dialog fired: {page.dialogs}"
    assert page.console_errors == []
