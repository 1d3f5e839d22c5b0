"""The month page `make run` publishes at start, as a resident reads it: Chinese first, English
on a press, charts a screen reader can read, withheld numbers explained where they are."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

from playwright.sync_api import expect

from tests.browser.conftest import audit


def published_month(stack) -> str:
    state = stack["state"]
    base = f"{state['aws_endpoint_url']}/{state['public_bucket']}/summaries"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{base}/latest.json", timeout=10) as response:
                return f"{base}/{json.loads(response.read())['month']}/index.html"
        except urllib.error.HTTPError:
            assert time.monotonic() < deadline, "last month was not published within 120 s"
            time.sleep(0.5)


def test_the_month_page_speaks_chinese_then_english_with_readable_charts(page, stack):
    from infra.headers import month_page_policy

    def with_month_policy(route):
        # CloudFront sends the month page this policy; the embedded S3 sends none.
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": month_page_policy()})

    page.route("**/summaries/*/index.html", with_month_policy)
    page.goto(published_month(stack))
    expect(page.get_by_role("heading", level=1)).to_contain_text("月度公开")
    text = page.locator("main").inner_text()
    for code in ("elderly_care", "public_safety", "participation", "reply_timeliness"):
        assert code not in text.replace("(participation)", "").replace("(reply_timeliness)", ""), code
    categories = page.get_by_role("img", name="按类别收到的建议（全市）")
    expect(categories).to_be_visible()
    expect(categories.locator("text").filter(has_text="养老服务")).to_be_visible()
    # Every demo category counts fewer than five people: each says so, and the note says why.
    expect(categories.locator("text").filter(has_text="未公布").first).to_be_visible()
    expect(page.locator(".note").filter(has_text="不足5人").first).to_be_visible()
    channels = page.get_by_role("img", name="按渠道收到的建议（全市）")
    bar = channels.locator("rect").first
    assert bar.bounding_box()["width"] > 100
    expect(channels.locator("text.number").first).to_have_text("7")
    expect(page.get_by_role("columnheader", name="法治·按期答复率（权重 0.2）")).to_be_attached()
    # The index's components read in the plan's four dimensions, each a titled section.
    for dimension in ("自治", "共治", "法治", "德治"):
        expect(page.get_by_role("region", name=dimension, exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="自治", exact=True)).to_contain_text("投票率")
    # The data files are linked by what they hold, and each resolves.
    files = page.get_by_role("link", name="睦邻指数及各分项")
    expect(files).to_have_attribute("href", "mulin_index.csv")
    assert page.request.get(files.evaluate("a => a.href")).ok
    # Index 2.0 beside v1.1: the plan's four dimensions, each indicator named with its kind and
    # how it is obtained, every cell a value, "未公布" with the reason, "未填报" or "无数据".
    expect(page.get_by_role("heading", level=2, name="睦邻指数 2.0：规划的指标体系")).to_be_visible()
    for dimension in ("自治（2.0）", "共治（2.0）", "法治（2.0）", "德治（2.0）"):
        expect(page.get_by_role("region", name=dimension, exact=True)).to_be_visible()
    law = page.get_by_role("region", name="法治（2.0）", exact=True)
    convention = law.get_by_role("listitem").filter(has_text="居民公约")
    expect(convention).to_contain_text("基础性")
    expect(convention).to_contain_text("平台统计")  # measured since 2.1
    expect(convention).to_contain_text("权重 0.06 · 目标 0.3")
    deadline = law.get_by_role("listitem").filter(has_text="依法按时答复率")
    expect(deadline).to_contain_text("平台统计")
    expect(deadline).to_contain_text("按期答复数 ÷ 答复数")
    expect(law.get_by_role("table")).to_contain_text("未填报")
    v2 = page.locator("main").inner_text().split("睦邻指数 2.0：规划的指标体系", 1)[1]
    for code in ("sg_participation", "rl_conventions", "suggestions_received", "replies_on_time", "self_governance"):
        assert code not in v2, code
    expect(page.get_by_role("link", name="睦邻指数2.0及各项指标")).to_have_attribute("href", "mulin_index_v2.csv")
    audit(page, "month-page-zh")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith("#en")
    categories = page.get_by_role("img", name="Suggestions received by category (city)")
    expect(categories.locator("text").filter(has_text="Elderly care")).to_be_visible()
    expect(page.locator(".note").filter(has_text="fewer than 5 people").first).to_be_visible()
    law = page.get_by_role("region", name="Rule of law (2.0)", exact=True)
    expect(law.get_by_role("listitem").filter(has_text="Residents' conventions")).to_contain_text("counted by the platform")
    expect(law.get_by_role("listitem").filter(has_text="Legal-advice sessions")).to_contain_text("entered by the street")
    expect(law).to_contain_text("replies on time / replies")
    audit(page, "month-page-en")
    page.reload()
    expect(page.get_by_role("button", name="中文")).to_be_visible()
