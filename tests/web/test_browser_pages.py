"""The event page and the actor page in Debian's Chromium: reached by clicking, drawn, clean.

Screenshots land in tests/web/artifacts/ (git-ignored).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .test_browser import assert_clean, visit

pytestmark = [pytest.mark.browser, pytest.mark.model]

ARTIFACTS = Path(__file__).parent / "artifacts"


def test_events_table_opens_the_event_page(page, live_server, ids):
    visit(page, live_server + "/events")
    page.click("table.sortable th a:text('articles')")
    page.wait_for_load_state("load")
    assert "sort=sources" in page.url and "order=desc" in page.url, "a count sorts biggest first"
    with page.expect_navigation():
        page.locator("table.events tbody tr").first.locator("a[href^='/events/']").click()
    assert page.locator("#n-reports").inner_text() == "3" and page.locator("#n-outlets").inner_text() == "2"
    reports = page.locator("article.report")
    assert reports.count() == 3
    assert page.locator("article.report mark.trigger").all_inner_texts() == ["accused"] * 3
    outlets = page.locator("article.report .outlet").all_inner_texts()
    assert outlets[:2] == ["nordic-herald.example", "baltic-wire.example"], "in publication order"
    boxes = [reports.nth(i).bounding_box() for i in range(3)]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"], "side by side at 1400 px"
    page.screenshot(path=str(ARTIFACTS / "event-page.png"), full_page=True)
    with page.expect_navigation():
        page.locator("h1 a").first.click()
    assert page.url.endswith(f"/actors/{ids['actors']['Sweden']}")
    assert_clean(page)


def test_actor_timeline_draws_quadclass_bars_as_source_and_target(page, live_server, ids):
    visit(page, f"{live_server}/actors/{ids['actors']['Norway']}")
    page.locator("#timeline .plot-container svg").first.wait_for()
    assert page.locator("#timeline .barlayer .point").count() >= 3
    legend = page.locator("#timeline .legend").text_content()  # SVG: no inner_text
    for name in ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict"):
        assert name in legend
    titles = [title.text_content() for title in page.locator("#timeline .g-ytitle, #timeline .g-y2title").all()]
    assert titles == ["as source", "as target"]
    assert "week" in page.locator("h2", has_text="Timeline").inner_text()
    page.screenshot(path=str(ARTIFACTS / "actor-page.png"), full_page=True)
    with page.expect_navigation():
        page.locator("table.partners a", has_text="Sweden").first.click()
    assert page.url.endswith(f"/actors/{ids['actors']['Sweden']}")
    page.locator("#timeline .plot-container svg").first.wait_for()
    assert_clean(page)


def test_unknown_event_is_an_html_404(page, live_server):
    response = visit(page, live_server + "/events/0000000000000000")
    assert response.status == 404
    assert "no merged event '0000000000000000'" in page.locator(".error-message").inner_text()
