"""The network page in Debian's Chromium: the ego view from an actor page, the colour selector, names, zoom, periods."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.model]

ARTIFACTS = Path(__file__).parent / "artifacts"
NAMED = "() => Array.from(document.querySelectorAll('#network .textpoint text')).map(t => t.textContent.trim()).filter(Boolean)"
LEGEND = "() => Array.from(document.querySelectorAll('#network .legendtext')).map(t => t.textContent)"


def drawn(page, url: str):
    page.goto(url, wait_until="load")
    page.locator("#network[data-ready]").wait_for()


def assert_clean(page):
    assert page.dialogs == [] and page.console_errors == [] and page.foreign == [], \
        (page.dialogs, page.console_errors, page.foreign)


def test_ego_view_from_the_actor_page(page, live_server, ids):
    norway = ids["actors"]["Norway"]
    page.goto(f"{live_server}/actors/{norway}", wait_until="load")
    with page.expect_navigation():
        page.click("#ego-network")
    page.locator("#network[data-ready]").wait_for()
    assert f"actor={norway}" in page.url
    assert page.locator("h1").inner_text() == "Network around Norway"
    names = page.evaluate(NAMED)
    assert "Norway" in names and len(names) >= 2, "every partner of a small ego network is named"
    page.screenshot(path=str(ARTIFACTS / "network-ego.png"), full_page=True)
    with page.expect_navigation():
        page.click("#whole-network")
    assert "actor=" not in page.url and page.locator("h1").inner_text() == "Network"
    assert_clean(page)


def test_colour_selector_recolours_with_a_legend(page, live_server):
    drawn(page, live_server + "/network")
    assert page.locator("#network .legendtitletext").text_content() == "colour: kind"
    kinds = page.evaluate(LEGEND)
    assert kinds and all(entry.split(" (")[0].isupper() for entry in kinds)  # PERSON (3), COUNTRY (5), ...
    page.select_option("#colour-by", "country")
    page.wait_for_function("() => document.querySelector('#network .legendtitletext').textContent === 'colour: country'")
    countries = page.evaluate(LEGEND)
    assert any(entry.startswith("NOR (") for entry in countries) and countries != kinds
    colours = page.evaluate("() => document.getElementById('network').data.filter(t => t.mode === 'markers+text')"
                            ".map(t => t.marker.color)")
    assert len(set(colours)) >= 2
    page.screenshot(path=str(ARTIFACTS / "network-country.png"), full_page=True)
    assert_clean(page)


def test_names_only_on_the_busiest_and_more_on_zoom(page, live_server):
    drawn(page, live_server + "/network")
    nodes = page.evaluate("() => JSON.parse(document.getElementById('page-data').textContent).nodes")
    named = page.evaluate(NAMED)
    assert sorted(named) == sorted(n["name"] for n in nodes if n["label"])
    box = page.locator("#network .nsewdrag").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    before = page.evaluate("() => document.getElementById('network')._fullLayout.xaxis.range.slice()")
    page.mouse.wheel(0, -600)  # scroll zoom is on
    page.wait_for_function("r => document.getElementById('network')._fullLayout.xaxis.range[0] > r[0]", arg=before)
    assert_clean(page)


def test_a_period_preset_sets_since_and_until(page, live_server):
    drawn(page, live_server + "/network")
    year = page.locator("#period option[value='2025']")
    assert year.count() == 1 and "(" in year.inner_text()
    with page.expect_navigation():
        page.select_option("#period", "2025")
    page.locator("#network[data-ready]").wait_for()
    assert "period=2025" in page.url
    assert page.input_value("input[name=since]") == page.input_value("input[name=until]") == "2025"
    assert page.locator("#period").input_value() == "2025"
    assert_clean(page)


def test_clicking_a_node_in_the_ego_view_opens_its_actor(page, live_server, ids):
    drawn(page, f"{live_server}/network?actor={ids['actors']['Sweden']}")
    node = page.locator("#network .scatterlayer .trace").last.locator(".point").first
    with page.expect_navigation():
        node.click(force=True)
    assert "/actors/" in page.url
