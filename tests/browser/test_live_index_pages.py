"""The live index as a resident reads it: a committee's page and the city's ranking, from the
static files the hourly publisher writes to the public bucket, in the shape chalicelib/live/publish.py writes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import audit

DISTRICTS = Path(__file__).resolve().parents[2] / "data" / "shanghai" / "districts.csv"
COMMITTEE = "310110012001"
DIMENSIONS = ["self_governance", "co_governance", "rule_of_law", "civic_virtue"]


def component(ident, zh, en, dimension, value, normalised, **extra):
    return {"id": ident, "name": {"zh": zh, "en": en}, "dimension": dimension, "kind": "basic", "method": "measured",
            "value": value, "normalised": normalised, "target": 20.0, "weight": 0.1, "suppressed": False,
            "formula": {"zh": "…", "en": "…"}, "source": {"zh": "平台记录", "en": "platform records"}, **extra}


def committee_index():
    return {
        "version": "2.0", "division": COMMITTEE, "level": "committee", "name": "控江一村居委会",
        "as_of": "2026-12-05T02:00:00Z", "first_day": "2026-11-08", "last_day": "2026-12-05", "score": 71.3,
        "minimum_people": 5,
        "dimensions": [{"id": "self_governance", "score": 70.1, "weight": 0.25},
                       {"id": "co_governance", "score": None, "weight": 0.25},
                       {"id": "rule_of_law", "score": 66.0, "weight": 0.25},
                       {"id": "civic_virtue", "score": 0.4, "weight": 0.25}],
        "components": [
            component("participation", "居民参与", "Participation", "self_governance", 12.5, 62.5),
            component("conventions_adopted", "居民公约修订", "Residents' convention revised", "rule_of_law", 1, 100.0,
                      kind="guidance", method="entered", target=1.0,
                      source={"zh": "街道每季度填报", "en": "entered by the street each quarter"}),
            component("satisfaction", "满意度", "Satisfaction", "civic_virtue", None, None, suppressed=True),
        ],
        "trend": [{"week": f"2026-W{week:02d}", "score": None if week == 40 else 60 + week - 38} for week in range(38, 50)],
    }


def city_index():
    with DISTRICTS.open(encoding="utf-8") as handle:
        districts = list(csv.DictReader(handle))
    rows = [{"division": d["code"], "name": d["name"], "score": None if d["code"] == "310151" else 50.0 + i,
             "rank": None if d["code"] == "310151" else 15 - i, "streets": [], "committees": []}
            for i, d in enumerate(districts)]
    yangpu = next(row for row in rows if row["division"] == "310110")
    yangpu["streets"] = [{"division": "310110012", "name": "控江路街道", "score": 58.0, "rank": 1},
                         {"division": "310110013", "name": "长白新村街道", "score": None, "rank": None}]
    return {"version": "2.0", "as_of": "2026-12-05T02:00:00Z", "city": {"division": "31", "score": 62.0},
            "districts": sorted(rows, key=lambda r: (r["score"] is None, -(r["score"] or 0))), "formula": {}}


def serve(page, name, body):
    # The hourly publisher (and make run's worker) rewrite the bucket's files from the demo's
    # counters at any moment; the page is given these exact bodies at the files' own address.
    def fulfil(route):
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body, ensure_ascii=False),
                      headers={"access-control-allow-origin": "*", "cache-control": "max-age=60"})
    page.route(f"**/live/index/{name}.json", fulfil)


def test_a_committees_live_index_in_four_dimensions_with_its_trend(page):
    serve(page, COMMITTEE, committee_index())
    page.goto(f"/index-live.html?division={COMMITTEE}")
    expect(page.get_by_role("heading", level=1)).to_have_text("控江一村居委会 · 睦邻指数")
    expect(page.locator(".big-score strong")).to_have_text("71.3")
    chart = page.get_by_role("img", name="控江一村居委会的四个维度（0–100）")
    expect(chart.locator("text.number")).to_have_text(["70.1", "无数据", "66.0", "0.4"])
    # A dimension without data is an outline that says so; a tiny score still shows a bar.
    expect(chart.locator("rect.missing")).to_have_count(1)
    widths = chart.locator("rect:not(.missing)").evaluate_all("rects => rects.map(r => r.getBBox().width)")
    assert len(widths) == 3 and min(widths) > 0
    trend = page.get_by_role("img", name="近十二周的指数：12 周内从 60.0 到 71.0")
    expect(trend).to_be_visible()
    expect(page.locator(".weeks li")).to_have_count(12)
    expect(page.locator(".weeks li").nth(2)).to_have_text("2026 年第 40 周 无数据")
    for heading in ("自治 · 70.1", "共治 · 无数据", "法治 · 66.0", "德治 · 0.4"):
        expect(page.get_by_role("heading", level=3, name=heading)).to_be_visible()
    entered = page.get_by_role("listitem").filter(has_text="居民公约修订")
    expect(entered).to_contain_text("引导性")
    expect(entered).to_contain_text("街道填报")
    expect(entered).to_contain_text("数据来源：街道每季度填报")
    expect(page.get_by_role("listitem").filter(has_text="满意度")).to_contain_text("未公布：所涉人数不足 5 人。")
    expect(page.locator(".note")).to_contain_text("不足 5 人")
    text = page.locator("main").inner_text()
    for code in ("self_governance", "participation", "satisfaction", "conventions_adopted", "measured", "guidance"):
        assert code not in text, code
    audit(page, "live-index-committee-zh")

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("控江一村居委会 · Mulin index")
    expect(page.get_by_role("img", name="控江一村居委会: the four dimensions (0–100)")).to_be_visible()
    expect(page.get_by_role("heading", level=3, name="Rule of law · 66.0")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Residents' convention revised")).to_contain_text("entered by the street")
    audit(page, "live-index-committee-en")


def test_the_city_ranks_its_sixteen_districts(page):
    serve(page, "city", city_index())
    page.goto("/city.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("全市睦邻指数")
    ranking = page.locator("ol.ranking > li")
    expect(ranking).to_have_count(16)
    # 奉贤区 is last in the file with the highest score; 崇明区 has none and comes last, unranked.
    expect(ranking.first).to_contain_text("第 1 名 奉贤区")
    expect(ranking.last).to_contain_text("暂无排名 崇明区")
    chart = page.get_by_role("img", name="各区睦邻指数（0–100）")
    expect(chart.locator("text.number").first).to_have_text("64.0")
    expect(ranking.first.get_by_role("link", name="奉贤区")).to_have_attribute("href", "index-live.html?division=310120")
    expect(page.locator(".big-score strong")).to_have_text("62.0")
    # Within a district its streets, ranked, folded away until asked for.
    yangpu = ranking.filter(has_text="杨浦区")
    expect(yangpu).to_contain_text("第 9 名 杨浦区")
    yangpu.get_by_text("各街道排名（2 个）").click()
    expect(yangpu.locator(".inside li")).to_have_text(["第 1 名 控江路街道 · 58.0", "暂无排名 长白新村街道 · 无数据"])
    audit(page, "live-index-city-zh")
    page.get_by_role("button", name="English").click()
    expect(page.locator("ol.ranking > li").first).to_contain_text("No. 1")
    audit(page, "live-index-city-en")



def published(stack, name, ready, within=90):
    """A live file as `make run`'s publisher writes it to the public bucket, once `ready` holds:
    its first run comes before the stream poller has counted the demo data, the next a minute on."""
    import time
    import urllib.error
    import urllib.request

    state = stack["state"]
    url = f"{state['aws_endpoint_url']}/{state['public_bucket']}/live/index/{name}.json"
    deadline = time.monotonic() + within
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = json.loads(response.read())
                if ready(body):
                    return body
        except urllib.error.HTTPError as error:
            assert error.code in (403, 404), error
        assert time.monotonic() < deadline, f"live/index/{name}.json not published within {within} s"
        time.sleep(1)


def test_the_demo_committees_live_index_as_the_publisher_wrote_it(page, stack):
    before = published(stack, COMMITTEE, lambda body: body.get("division") == COMMITTEE)
    page.goto(f"/index-live.html?division={COMMITTEE}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{before['name']} · 睦邻指数")
    after = published(stack, COMMITTEE, lambda body: True)
    # The publisher rewrites the file every minute: the page shows one of the two it could have read.
    shown = {("无数据" if body["score"] is None else f"{body['score']:.1f}") for body in (before, after)}
    assert page.locator(".big-score strong").inner_text() in shown
    expect(page.locator(".dimension h3")).to_have_count(4)
    expect(page.locator(".dimension .card")).to_have_count(len(before["components"]))
    expect(page.locator(".weeks li")).to_have_count(len(before["trend"]))
    expect(page.get_by_role("img", name=f"{before['name']}的四个维度（0–100）")).to_be_visible()
    # Each indicator's source in words, and no code anywhere on the page.
    text = page.locator("main").inner_text()
    assert "收到的建议数" in text
    for code in ("suggestions_received", "ballots_cast", "sg_participation", "self_governance", "measured", "entered"):
        assert code not in text, code
    if any(c["suppressed"] for c in before["components"]):
        expect(page.locator(".note")).to_contain_text(f"不足 {before['minimum_people']} 人")
    audit(page, "live-index-published-committee-zh")

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{before['name']} · Mulin index")
    assert "suggestions received" in page.locator("main").inner_text()
    # Large type still fits a small phone (audit: nothing scrolls sideways at 360 px).
    page.get_by_role("button", name="Large type").click()
    expect(page.get_by_role("button", name="Large type")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 20
    audit(page, "live-index-published-committee-en-large")


def test_the_city_as_the_publisher_wrote_it(page, stack):
    city = published(stack, "city", lambda body: any(d["division"] == "310110" for d in body.get("districts", [])))
    page.goto("/city.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("全市睦邻指数")
    ranking = page.locator("ol.ranking > li")
    expect(ranking.filter(has_text="杨浦区")).to_have_count(1)
    expect(ranking).to_have_count(len(city["districts"]))
    yangpu = ranking.filter(has_text="杨浦区")
    expect(yangpu.get_by_role("link", name="杨浦区")).to_have_attribute("href", "index-live.html?division=310110")
    audit(page, "live-index-published-city-zh")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mulin index across the city")
    audit(page, "live-index-published-city-en")


def test_a_resident_meets_their_committees_index_on_its_pages(page, stack):
    from tests.browser.conftest import sign_in

    data = published(stack, COMMITTEE, lambda body: body.get("division") == COMMITTEE)
    sign_in(page, stack, "resident", "index.html")
    panel = page.get_by_role("region", name="本居委会的睦邻指数")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(data["name"])
    for dimension in ("自治", "共治", "法治", "德治"):
        expect(panel.get_by_role("listitem").filter(has_text=dimension)).to_have_count(1)
    link = panel.get_by_role("link", name="看各项指标和近十二周的走势")
    expect(link).to_have_attribute("href", f"index-live.html?division={COMMITTEE}")
    audit(page, "live-panel-home-zh")

    # The committee's own page, the topics: the same panel, and it leads to the whole index.
    page.goto("/topics.html")
    panel = page.get_by_role("region", name="本居委会的睦邻指数")
    expect(panel.locator(".big-score strong")).not_to_be_empty()
    audit(page, "live-panel-topics-zh")
    page.get_by_role("button", name="English").click()
    panel = page.get_by_role("region", name="Your committee's Mulin index")
    expect(panel.get_by_role("listitem").filter(has_text="Rule of law")).to_have_count(1)
    audit(page, "live-panel-topics-en")
    panel.get_by_role("link", name="Each indicator and the last twelve weeks").click()
    page.wait_for_url(f"**/index-live.html?division={COMMITTEE}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{data['name']} · Mulin index")


def test_a_visitor_sees_no_committee_panel(page):
    page.goto("/index.html")
    expect(page.get_by_role("link", name="睦邻指数", exact=True)).to_be_visible()
    expect(page.locator("#live-panel")).to_be_hidden()
