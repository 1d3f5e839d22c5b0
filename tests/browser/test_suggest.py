"""Sending a suggestion, following it and rating the answer, in a real browser."""

from __future__ import annotations

import base64
import json
import urllib.request
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import audit, id_token, sign_in

# A valid 1 × 1 PNG: the upload is checked for its type and size, not its beauty.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def api_get(stack, path, role="resident"):
    request = urllib.request.Request(stack["state"]["api_url"] + path,
                                     headers={"Authorization": f"Bearer {id_token(stack, role)}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def my_suggestions(stack):
    items, cursor = [], None
    while True:
        page = api_get(stack, "/suggestions/mine?limit=100" + (f"&cursor={cursor}" if cursor else ""))
        items += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return items


def fill_until_review(page: Page, title: str, *, with_photo=False, check=None):
    page.get_by_label("交通出行").check()
    (check or (lambda name: None))("suggest-category")
    page.get_by_role("button", name="下一步").click()
    expect(page.get_by_label("街道 / 镇")).to_have_value("310110012")
    expect(page.get_by_label("居委会 / 村委会")).to_have_value("310110012001")
    page.get_by_label("具体地点").fill("控江路 1500 号东侧")
    (check or (lambda name: None))("suggest-place")
    page.get_by_role("button", name="下一步").click()
    page.get_by_label("主题").fill(title)
    page.get_by_label("事由和建议").fill("人行横道的信号灯绿灯时间太短，老人过马路来不及，建议延长。")
    (check or (lambda name: None))("suggest-text")
    page.get_by_role("button", name="下一步").click()
    if with_photo:
        page.get_by_label("添加照片").set_input_files({"name": "crossing.png", "mimeType": "image/png", "buffer": PNG})
        expect(page.get_by_text("已添加照片 crossing.png")).to_be_visible()
    (check or (lambda name: None))("suggest-photos")
    page.get_by_role("button", name="下一步").click()
    expect(page.get_by_role("heading", name="核对后提交")).to_be_focused()


def test_a_resident_sends_a_suggestion_with_a_photo_and_finds_it_in_my_suggestions(page, stack):
    sign_in(page, stack, next_page="suggest.html")
    fill_until_review(page, "延长控江路人行横道绿灯时间", with_photo=True, check=lambda name: audit(page, name))
    expect(page.locator("#review")).to_contain_text("控江路 1500 号东侧")
    page.get_by_label("同意在月度公开中匿名展示这条建议的内容").check()
    audit(page, "suggest-review")
    page.get_by_role("button", name="提交建议").click()
    expect(page.get_by_role("heading", name="建议已提交")).to_be_focused()
    tracking_no = page.locator("#tracking-no").inner_text()
    assert tracking_no
    expect(page.locator("#deadlines")).to_contain_text("（北京时间）")
    audit(page, "suggest-receipt")

    stored = next(s for s in my_suggestions(stack) if s["tracking_no"] == tracking_no)
    detail = api_get(stack, f"/suggestions/{stored['id']}")
    assert (detail["category"], detail["division"], detail["publish_consent"]) == ("transport", "310110012001", True)
    assert len(detail["photos"]) == 1 and detail["channel"] == "web"

    page.get_by_role("link", name="查看办理进度").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("延长控江路人行横道绿灯时间")
    expect(page.locator("#timeline li")).to_have_count(1)
    # The browser runs in London; the page still shows the Shanghai clock.
    shanghai = datetime.fromisoformat(detail["submitted_at"].replace("Z", "+00:00")).astimezone(ZoneInfo("Asia/Shanghai"))
    expect(page.locator("#timeline")).to_contain_text(shanghai.strftime("%H:%M"))
    audit(page, "my-suggestion-detail")
    page.get_by_role("link", name="返回我的建议").click()
    expect(page.get_by_role("link", name="延长控江路人行横道绿灯时间")).to_be_visible()
    audit(page, "my-suggestions")


def test_a_double_click_on_send_creates_one_suggestion(page, stack):
    sign_in(page, stack, next_page="suggest.html")
    title = "双击测试：小区门口增设非机动车停放区"
    fill_until_review(page, title)
    page.get_by_role("button", name="提交建议").dblclick()
    expect(page.get_by_role("heading", name="建议已提交")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert [s["title"] for s in my_suggestions(stack)].count(title) == 1


@pytest.mark.expects_failed_requests
def test_a_lost_network_keeps_what_was_typed_and_the_retry_sends_it_once(page, stack):
    sign_in(page, stack, next_page="suggest.html")
    title = "断网测试：楼道照明损坏"
    fill_until_review(page, title)
    offline = {"on": True}
    page.route("**/suggestions", lambda route: route.abort() if offline["on"] else route.continue_())
    page.get_by_role("button", name="提交建议").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("网络连接失败")
    page.reload()  # even a reload while offline loses nothing
    page.get_by_role("button", name="下一步").click()
    expect(page.get_by_label("街道 / 镇")).to_have_value("310110012")
    for _ in range(3):
        page.get_by_role("button", name="下一步").click()
    expect(page.locator("#review")).to_contain_text(title)
    page.get_by_role("button", name="提交建议").click()
    expect(page.get_by_role("button", name="重试")).to_be_visible()
    offline["on"] = False
    page.get_by_role("button", name="重试").click()
    expect(page.get_by_role("heading", name="建议已提交")).to_be_visible()
    assert [s["title"] for s in my_suggestions(stack)].count(title) == 1


@pytest.mark.expects_failed_requests
def test_the_apis_refusal_is_shown_in_chinese_next_to_its_field_on_its_own_screen(page, stack):
    sign_in(page, stack, next_page="suggest.html")
    fill_until_review(page, "标题")
    # An old browser may not enforce maxlength; the API is the authority.
    page.evaluate("document.getElementById('title').removeAttribute('maxlength')")
    page.evaluate("document.getElementById('title').value = '长'.repeat(101)")
    page.get_by_role("button", name="提交建议").click()
    title = page.get_by_label("主题")
    expect(title).to_be_focused()
    expect(title).to_have_attribute("aria-invalid", "true")
    error = page.locator("#title-error")
    expect(error).to_be_visible()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error.inner_text())
    expect(page.get_by_role("alert")).to_contain_text(error.inner_text())
    audit(page, "suggest-field-error")


def test_a_missing_answer_is_said_before_leaving_the_screen(page, stack):
    sign_in(page, stack, next_page="suggest.html")
    page.get_by_role("button", name="下一步").click()
    expect(page.locator("#category-error")).to_have_text("请选择建议类别。")
    expect(page.get_by_role("heading", name="建议属于哪一类？")).to_be_visible()


def test_what_was_typed_survives_a_reload(page, stack):
    sign_in(page, stack, next_page="suggest.html")
    page.get_by_label("养老服务").check()
    page.get_by_role("button", name="下一步").click()
    # The place screen fills its lists from the API; "next" is refused until a street is chosen.
    expect(page.get_by_label("街道 / 镇")).to_have_value("310110012")
    page.get_by_role("button", name="下一步").click()
    page.get_by_label("主题").fill("草稿测试")
    page.reload()
    expect(page.get_by_label("养老服务")).to_be_checked()
    page.get_by_role("button", name="下一步").click()
    expect(page.get_by_label("街道 / 镇")).to_have_value("310110012")
    page.get_by_role("button", name="下一步").click()
    expect(page.get_by_label("主题")).to_have_value("草稿测试")


def test_the_resident_rates_the_answer_of_a_replied_suggestion(page, stack):
    replied = next(s for s in my_suggestions(stack) if s["title"] == "社区食堂增加晚餐供应")
    sign_in(page, stack, next_page=f"my-suggestions.html?id={replied['id']}")
    expect(page.locator("#reply-message")).to_contain_text("长者食堂")
    expect(page.locator("#reply-adoption")).to_have_text("采纳")
    audit(page, "my-suggestion-rate")
    page.get_by_label("4 分").check()
    page.get_by_role("button", name="提交评价").click()
    expect(page.locator("#rating-done")).to_have_text("感谢评价。")
    assert api_get(stack, f"/suggestions/{replied['id']}")["rating"]["count"] == 1


def test_the_monthly_reports_link_to_last_months_page(page, stack):
    import time

    import boto3

    state = stack["state"]
    s3 = boto3.client("s3", endpoint_url=state["aws_endpoint_url"], region_name=state["region"])
    deadline = time.monotonic() + 120
    while not s3.list_objects_v2(Bucket=state["public_bucket"], Prefix="summaries/index.json").get("KeyCount"):
        assert time.monotonic() < deadline, "last month was not published within 120 s"
        time.sleep(0.5)
    page.goto("/summaries.html")
    link = page.get_by_role("link", name="查看报告").first
    expect(link).to_be_visible()
    audit(page, "summaries")
    # The embedded S3 sends no CSP; CloudFront sends the month page this one.
    from infra.headers import month_page_policy

    def with_month_policy(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": month_page_policy()})

    page.route("**/summaries/*/index.html", with_month_policy)
    link.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # Its inline style and script are the ones the policy names by hash: both still apply.
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(250, 250, 247)"
    audit(page, "month-page")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


@pytest.mark.expects_failed_requests
def test_in_english_and_large_type_the_form_speaks_english_and_the_apis_refusal_too(page, stack):
    sign_in(page, stack, next_page="suggest.html")
    page.get_by_role("button", name="English").click()
    page.get_by_role("button", name="Large type").click()
    expect(page.get_by_role("heading", name="What is your suggestion about?")).to_be_visible()
    page.get_by_role("button", name="Next").click()
    expect(page.locator("#category-error")).to_have_text("Choose a category.")
    expect(page.get_by_role("alert")).to_have_text("Please correct the following.Choose a category.")
    page.get_by_label("Elderly care").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_label("Street or town")).to_have_value("310110012")
    expect(page.get_by_role("alert")).to_be_hidden()  # answered, so the complaint is gone
    audit(page, "suggest-place-en-large")
    assert page.get_by_role("button", name="Next").bounding_box()["height"] >= 48
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Subject").fill("Benches at the bus stop")
    page.get_by_label("What happened and what you suggest").fill("There is nowhere to sit while waiting.")
    page.evaluate("document.getElementById('title').removeAttribute('maxlength')")
    page.evaluate("document.getElementById('title').value = 'x'.repeat(101)")
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Send the suggestion").click()
    error = page.locator("#title-error")
    expect(error).to_be_visible()
    assert error.inner_text().isascii() and error.inner_text()
    expect(page.get_by_label("Subject")).to_have_attribute("aria-invalid", "true")


def api_post(stack, path, body, role="resident"):
    import uuid

    request = urllib.request.Request(stack["state"]["api_url"] + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {id_token(stack, role)}",
                                              "Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_a_merged_suggestion_shows_the_answer_it_got_and_is_rated_through_it(page, stack):
    case = {"category": "transport", "division": "310110012001", "channel": "web", "publish_consent": False,
            "content": "控江路公交站台没有遮雨棚，雨天候车很不方便。"}
    main = api_post(stack, "/suggestions", {**case, "title": "公交站台加装雨棚"})["id"]
    joined = api_post(stack, "/suggestions", {**case, "title": "公交站没有雨棚"})["id"]
    api_post(stack, f"/review/suggestions/{main}/accept", {}, role="street_official")
    api_post(stack, f"/review/suggestions/{joined}/merge", {"into": main, "reason": "同一站台同一问题"},
             role="street_official")
    api_post(stack, f"/review/suggestions/{main}/reply", {"message": "已联系公交公司，下月加装雨棚。",
                                                          "adoption": "adopted"}, role="street_official")

    sign_in(page, stack, next_page=f"my-suggestions.html?id={joined}")
    expect(page.locator("#reply-message")).to_contain_text("下月加装雨棚")
    page.get_by_label("5 分").check()
    page.get_by_role("button", name="提交评价").click()
    expect(page.locator("#rating-done")).to_have_text("感谢评价。")
    assert api_get(stack, f"/suggestions/{main}")["rating"]["count"] == 1
