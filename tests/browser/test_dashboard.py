"""The dashboard in a real browser (Debian's Chromium via Playwright) against `eventwire serve` on a sample store."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

PANELS = ("timeline", "dyad", "network", "map", "events")

# A canvas counts as drawn when some pixel is not transparent.
CANVAS_DRAWN = """canvases => canvases.some(c => {
  if (!c.width || !c.height) return false;
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
  return false;
})"""


def open_dashboard(dash, query: str = "") -> None:
    dash.page.goto(dash.url + "/" + (f"?{query}" if query else ""))
    wait_ready(dash.page)


def wait_ready(page) -> None:
    """Until every panel has settled (the page sets <html data-ready="true">)."""
    page.wait_for_selector("html[data-ready='true']", timeout=30_000)


def table_rows(page) -> list[dict]:
    return page.eval_on_selector_all(
        "#events-table tbody tr",
        "rows => rows.map(r => ({article: r.dataset.article, event: r.dataset.event, trigger: r.dataset.trigger,"
        " type: r.children[2].textContent}))",
    )


def panel_states(page) -> dict[str, str]:
    return {name: page.get_attribute(f"#panel-{name}", "data-state") for name in PANELS}


def test_page_loads_without_errors_or_outside_requests(dash, artifacts):
    open_dashboard(dash)
    dash.page.screenshot(path=str(artifacts / "dashboard.png"), full_page=True)
    assert dash.log.page_errors == []
    assert dash.log.console_errors == []
    outside = [url for url in dash.log.requests if not url.startswith(dash.url + "/") and not url.startswith("data:")]
    assert outside == [], f"requests to other hosts: {outside}"
    assert panel_states(dash.page) == {name: "ready" for name in PANELS}
    assert "articles" in dash.page.text_content("#store-status")


def test_a_filter_changes_the_table_and_is_kept_in_the_url(dash):
    open_dashboard(dash)
    before = table_rows(dash.page)
    types = {row["type"] for row in before}
    assert len(before) > 1 and len(types) > 1, "the fixture store should have events of several types"
    chosen = before[-1]["type"]
    dash.page.select_option("#f-type", chosen)
    dash.page.wait_for_function(
        "t => [...document.querySelectorAll('#events-table tbody tr')].every(r => r.children[2].textContent === t)"
        " && document.documentElement.dataset.ready === 'true'", arg=chosen, timeout=30_000)
    after = table_rows(dash.page)
    assert after and after != before
    assert {row["type"] for row in after} == {chosen}
    assert parse_qs(urlparse(dash.page.url).query)["type"] == [chosen]
    assert chosen in dash.page.get_attribute("#events-csv", "href")

    # The URL is the view: opening it again restores the filter and the same table.
    dash.page.goto(dash.page.url)
    wait_ready(dash.page)
    assert dash.page.input_value("#f-type") == chosen
    assert table_rows(dash.page) == after


def test_a_row_opens_the_evidence_with_the_trigger_highlighted(dash, artifacts):
    open_dashboard(dash)
    row = table_rows(dash.page)[0]
    dash.page.click("#events-table tbody tr >> nth=0")
    dash.page.wait_for_selector("#evidence[data-state='ready']", timeout=15_000)
    highlighted = dash.page.eval_on_selector_all("#evidence-text .hl-trigger", "els => els.map(e => e.textContent).join('')")
    assert highlighted == row["trigger"] != ""
    assert dash.page.is_visible("#evidence .legend .hl-source")
    assert dash.page.locator("#evidence-text .hl-sentence").count() >= 1
    assert "evidence=" in dash.page.url
    dash.page.screenshot(path=str(artifacts / "evidence.png"))
    assert dash.log.page_errors == [] and dash.log.console_errors == []


def test_rows_open_from_the_keyboard(dash):
    open_dashboard(dash)
    rows = table_rows(dash.page)
    target = rows[min(1, len(rows) - 1)]
    dash.page.focus(f"#events-table tbody tr >> nth={min(1, len(rows) - 1)}")
    dash.page.keyboard.press("Enter")
    dash.page.wait_for_selector("#evidence[data-state='ready']", timeout=15_000)
    assert dash.page.get_attribute("#evidence", "data-trigger") == target["trigger"]
    dash.page.keyboard.press("Escape")
    dash.page.wait_for_function("() => !document.getElementById('evidence').open")


def test_the_timeline_and_the_network_render(dash, artifacts):
    open_dashboard(dash)
    assert dash.page.eval_on_selector_all("#timeline-chart", CANVAS_DRAWN)
    assert dash.page.eval_on_selector_all("#dyad-chart", CANVAS_DRAWN)
    assert dash.page.eval_on_selector_all("#network-graph canvas", CANVAS_DRAWN)
    dash.page.locator("#panel-network").screenshot(path=str(artifacts / "network.png"))


def test_the_map_draws_the_base_map_and_points(dash, artifacts):
    open_dashboard(dash)
    assert dash.page.locator("#map path.country").count() > 150  # Natural Earth 110m has 177 countries
    assert dash.page.locator("#map circle.point").count() >= 1
    dash.page.locator("#panel-map").screenshot(path=str(artifacts / "map.png"))


def test_empty_and_error_states_are_shown(dash):
    open_dashboard(dash, "since=2199-01-01")
    assert panel_states(dash.page)["events"] == "empty"
    assert "No events" in dash.page.text_content("#panel-events .status")

    open_dashboard(dash, "min_confidence=7")  # out of range: the API answers 4xx naming the parameter
    assert set(panel_states(dash.page).values()) == {"error"}
    assert "min_confidence" in dash.page.text_content("#panel-events .status")


def test_the_csv_link_downloads_the_filtered_events(dash):
    open_dashboard(dash)
    href = dash.page.get_attribute("#events-csv", "href")
    response = dash.page.request.get(dash.url + href)
    assert response.ok and response.headers["content-type"].startswith("text/csv")
    lines = response.text().splitlines()
    assert len(lines) > 1 and "plover_type" in lines[0]


@pytest.mark.parametrize("interval", ["day", "month"])
def test_the_dyad_interval_switch_reloads_the_chart(dash, interval):
    open_dashboard(dash)
    dash.page.select_option("#dyad-interval", interval)
    dash.page.wait_for_function(
        f"() => document.querySelector('#panel-dyad .status').textContent.endsWith('{interval}s')", timeout=15_000)
    assert f"interval={interval}" in dash.page.url or interval == "week"


def test_overlapping_highlights_keep_every_span_whole(dash):
    """The evidence text is cut at every span edge; each piece carries all the spans over it."""
    open_dashboard(dash)
    segments = dash.page.evaluate("""async () => {
      const { highlightSegments } = await import('/static/evidence.js');
      return highlightSegments('Petro met Maduro in Caracas.', [
        {start: 0, end: 28, cls: 'hl-sentence'}, {start: 6, end: 9, cls: 'hl-trigger'},
        {start: 0, end: 5, cls: 'hl-source'}, {start: 10, end: 16, cls: 'hl-target'},
        {start: 4, end: 8, cls: 'hl-mention'}, {start: 30, end: 40, cls: 'out-of-range'}]);
    }""")
    assert "".join(s["text"] for s in segments) == "Petro met Maduro in Caracas."
    joined = {cls: "".join(s["text"] for s in segments if cls in s["classes"])
              for cls in ("hl-trigger", "hl-source", "hl-target", "hl-mention")}
    assert joined == {"hl-trigger": "met", "hl-source": "Petro", "hl-target": "Maduro", "hl-mention": "o me"}
    assert all("hl-sentence" in s["classes"] for s in segments)


def test_clicking_a_map_place_filters_by_its_country(dash):
    open_dashboard(dash)
    countries = dash.page.eval_on_selector_all("#map circle.point", "cs => cs.map(c => c.dataset.country || '')")
    index = max(i for i, country in enumerate(countries) if country)  # drawn last: on top, clickable
    dash.page.locator("#map circle.point").nth(index).click()
    dash.page.wait_for_function(
        "c => new URLSearchParams(location.search).get('country') === c"
        " && document.documentElement.dataset.ready === 'true'", arg=countries[index], timeout=30_000)
    assert dash.page.input_value("#f-country") == countries[index]
    assert panel_states(dash.page)["map"] == "ready"
