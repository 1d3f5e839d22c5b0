"""The voting page against the demo rounds of 控一居委会: choosing within a budget or a pick
limit, review, cast, receipt; paper voting codes; a double press; errors; English.

The stack is shared by the whole session and a voter votes once per round, so each test
that casts uses its own voter and round: the demo resident casts on the budget round in
one test and on the approval round in another; the other ballots go in on fresh paper
codes."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import audit, id_token, sign_in

COMMITTEE = "310110012001"
RECEIPT = re.compile(r"^[0-9A-Z]{5}-[0-9A-Z]{5}$")


def call(stack, method, path, token=None, body=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(stack["state"]["api_url"] + path, method=method, headers=headers,
                                     data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


# The two rounds `make run` opens; other tests add rounds of the same methods to the same committee.
DEMO_TITLES = {"approval": "为民办实事：小事一起定", "knapsack": "控一小区微更新：今年的 10 万元怎么花"}


def demo_round(stack, method):
    status, page = call(stack, "GET", f"/rounds?division={COMMITTEE}")
    assert status == 200, page
    return next(r for r in page["items"] if r["title"] == DEMO_TITLES[method] and r["phase"] == "voting")


def project_ids(stack, round_id):
    status, detail = call(stack, "GET", f"/rounds/{round_id}", id_token(stack, "resident"))
    assert status == 200, detail
    return {p["title"]: p["id"] for p in detail["projects"]}


def paper_code(stack, round_id):
    status, sheet = call(stack, "POST", f"/rounds/{round_id}/codes", id_token(stack, "committee_staff"), {"count": 1})
    assert status == 201, sheet
    return sheet["codes"][0]


def shanghai(iso):
    return datetime.fromisoformat(iso).astimezone(ZoneInfo("Asia/Shanghai"))


def checkbox(page, title):
    return page.get_by_role("checkbox", name=re.compile(re.escape(title)))


def ballot_posts(page):
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" and "ballots" in r.url else None)
    return posts


def test_a_resident_chooses_within_the_budget_reviews_casts_and_gets_a_receipt(page, stack):
    budget_round = demo_round(stack, "knapsack")
    round_id = budget_round["id"]
    posts = ballot_posts(page)
    sign_in(page, stack, "resident", "vote.html")
    card = page.locator("#rounds > li").filter(has_text=budget_round["title"])
    expect(card).to_contain_text("总预算 ¥100,000.00")
    starts = shanghai(budget_round["voting"]["starts"])
    expect(card).to_contain_text(f"投票时间：{starts.year}年{starts.month}月{starts.day}日 {starts:%H:%M}")
    audit(page, "vote-rounds")

    card.get_by_role("link", name="去投票").click()
    left = page.locator("#left")
    expect(left).to_have_text("¥100,000.00")
    checkbox(page, "非机动车棚和充电桩").check()
    expect(left).to_have_text("¥42,000.00")

    # ¥45,000 does not fit in the ¥42,000 left: the tick is refused and the reason said aloud.
    garden = checkbox(page, "口袋花园")
    expect(garden).to_have_attribute("aria-disabled", "true")
    garden.focus()
    page.keyboard.press("Space")
    expect(garden).not_to_be_checked()
    refusal = "选不了：这个项目要 ¥45,000.00，剩余预算只有 ¥42,000.00。请先取消其他项目。"
    expect(page.locator("#vote-live")).to_have_text(refusal)
    expect(page.locator(".project").filter(has=garden).locator(".why.field-error")).to_have_text(refusal)
    expect(left).to_have_text("¥42,000.00")

    checkbox(page, "楼道加装扶手").check()
    expect(left).to_have_text("¥10,000.00")
    audit(page, "vote-ballot")

    page.reload()  # the choices are a draft until cast
    expect(checkbox(page, "非机动车棚和充电桩")).to_be_checked()
    expect(checkbox(page, "楼道加装扶手")).to_be_checked()
    expect(left).to_have_text("¥10,000.00")

    page.get_by_role("button", name="下一步：核对选择").click()
    review = page.locator("#review-step")
    expect(review.get_by_role("listitem")).to_have_count(2)
    expect(review).to_contain_text("共 2 项，合计 ¥90,000.00，剩余预算 ¥10,000.00")
    audit(page, "vote-review")

    page.get_by_role("button", name="确认投票").click()
    expect(page.get_by_role("heading", name="您的选票已投出")).to_be_focused()
    receipt = page.locator("#receipt")
    expect(receipt).to_have_text(RECEIPT)
    expect(page.locator("#receipt-view")).to_contain_text("回执号")
    audit(page, "vote-receipt")
    assert len(posts) == 1

    ids = project_ids(stack, round_id)
    again = call(stack, "POST", f"/rounds/{round_id}/ballots", id_token(stack, "resident"),
                 {"picks": [ids["儿童游乐区地面翻新"]]})
    assert again[0] == 409 and again[1]["code"] == "already_voted", again
    page.reload()  # the cast ballot's draft is gone: nothing is ticked any more
    expect(page.locator("#projects input:checked")).to_have_count(0)


def test_committee_staff_enter_a_households_paper_code_and_the_pick_limit_holds(page, stack):
    approval = demo_round(stack, "approval")
    code = paper_code(stack, approval["id"])
    sign_in(page, stack, "committee_staff", "vote.html")
    page.locator("#rounds > li").filter(has_text=approval["title"]).get_by_role("link", name="录入纸质投票码").click()
    page.locator("#ballot-code").fill(code.lower().replace("-", " "))
    left = page.locator("#left")
    expect(left).to_have_text("2")
    checkbox(page, "路灯补光").check()
    checkbox(page, "快递柜遮雨棚").check()
    expect(left).to_have_text("0")
    third = checkbox(page, "宣传栏更新")
    third.focus()
    page.keyboard.press("Space")
    expect(third).not_to_be_checked()
    expect(page.locator("#vote-live")).to_have_text("选不了：最多选 2 项。请先取消其他项目。")
    audit(page, "vote-ballot-approval")

    page.get_by_role("button", name="下一步：核对选择").click()
    expect(page.locator("#review-step")).to_contain_text("共 2 项")
    page.get_by_role("button", name="确认投票").click()
    expect(page.locator("#receipt")).to_have_text(RECEIPT)

    ids = project_ids(stack, approval["id"])
    reused = call(stack, "POST", f"/rounds/{approval['id']}/code-ballots", body={"picks": [ids["增设晾衣架"]], "code": code})
    assert reused[0] == 422 and reused[1]["details"][0]["type"] == "code_unusable", reused


def test_signed_out_the_page_offers_sign_in_and_the_paper_code_and_checks_the_vote_number(page):
    page.goto("/vote.html")
    expect(page.get_by_role("link", name="登录").last).to_be_visible()
    expect(page.get_by_role("heading", name="我有纸质投票码")).to_be_visible()
    audit(page, "vote-signed-out")
    page.get_by_label("活动编号").fill("12345")
    page.get_by_role("textbox", name="纸质投票码", exact=True).fill("K7MQ-3XPD-9T2W")
    page.get_by_role("button", name="打开选票").click()
    expect(page.locator("#paper-round-error")).to_have_text("请输入纸条上的 26 位活动编号。")
    expect(page.get_by_label("活动编号")).to_be_focused()
    expect(page).to_have_url(re.compile(r"/vote\.html$"))


def test_a_household_votes_with_a_paper_code_without_signing_in(page, stack):
    budget_round = demo_round(stack, "knapsack")
    code = paper_code(stack, budget_round["id"])
    page.goto("/vote.html")
    expect(page.get_by_role("heading", name="我有纸质投票码")).to_be_visible()
    page.get_by_label("活动编号").fill(budget_round["id"])
    page.get_by_role("textbox", name="纸质投票码", exact=True).fill(code)
    page.get_by_role("button", name="打开选票").click()
    page.wait_for_selector("#projects li, #load-problem:not([hidden])")
    expect(page.locator("#load-problem")).to_be_hidden()
    expect(page.locator("#ballot-code")).to_have_value(code)
    checkbox(page, "老年活动室适老化改造").check()
    page.get_by_role("button", name="下一步：核对选择").click()
    page.get_by_role("button", name="确认投票").click()
    expect(page.locator("#receipt")).to_have_text(RECEIPT)


def test_a_double_press_on_cast_casts_once(page, stack):
    approval = demo_round(stack, "approval")
    posts = ballot_posts(page)
    held = []
    page.route("**/ballots", lambda route: held.append(route))
    sign_in(page, stack, "resident", f"vote.html?round={approval['id']}")
    checkbox(page, "增设晾衣架").check()
    page.get_by_role("button", name="下一步：核对选择").click()
    cast = page.get_by_role("button", name="确认投票")
    cast.dblclick()
    sending = page.locator("#cast")
    expect(sending).to_have_attribute("aria-disabled", "true")
    sending.press("Enter")  # and once more from the keyboard while the first is on its way
    for _ in range(50):  # the held request reaches the test a moment after the page sends it
        if held:
            break
        page.wait_for_timeout(100)
    page.wait_for_timeout(300)  # time for a second request, if the page were to send one
    expect(sending).to_have_attribute("aria-disabled", "true")
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator("#receipt")).to_have_text(RECEIPT)
    page.wait_for_load_state("networkidle")
    assert len(posts) == 1, posts

    ids = project_ids(stack, approval["id"])
    again = call(stack, "POST", f"/rounds/{approval['id']}/ballots", id_token(stack, "resident"),
                 {"picks": [ids["增设晾衣架"]]})
    assert again[0] == 409 and again[1]["code"] == "already_voted", again


@pytest.mark.expects_failed_requests
def test_a_lost_network_keeps_the_choices_and_retry_casts_them(page, stack):
    budget_round = demo_round(stack, "knapsack")
    code = paper_code(stack, budget_round["id"])
    sign_in(page, stack, "committee_staff", f"vote.html?round={budget_round['id']}%26paper=1")
    page.locator("#ballot-code").fill(code)
    checkbox(page, "口袋花园").check()
    checkbox(page, "老年活动室适老化改造").check()
    page.get_by_role("button", name="下一步：核对选择").click()
    page.route("**/ballots", lambda route: route.abort())
    page.get_by_role("button", name="确认投票").click()
    retry = page.get_by_role("button", name="重试")
    expect(retry).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("网络连接失败")
    expect(page.locator("#projects input:checked")).to_have_count(2)
    page.unroute("**/ballots")
    retry.click()
    expect(page.locator("#receipt")).to_have_text(RECEIPT)
    ids = project_ids(stack, budget_round["id"])
    reused = call(stack, "POST", f"/rounds/{budget_round['id']}/code-ballots",
                  body={"picks": [ids["口袋花园"]], "code": code})
    assert reused[0] == 422 and reused[1]["details"][0]["type"] == "code_unusable", reused


@pytest.mark.expects_failed_requests
def test_a_wrong_paper_code_is_said_in_chinese_next_to_the_code_field(page, stack):
    budget_round = demo_round(stack, "knapsack")
    # The & is escaped so that it stays in the page signing in leads to.
    sign_in(page, stack, "committee_staff", f"vote.html?round={budget_round['id']}%26paper=1")
    page.locator("#ballot-code").fill("ZZZZ-ZZZZ-ZZZZ")
    checkbox(page, "儿童游乐区地面翻新").check()
    page.get_by_role("button", name="下一步：核对选择").click()
    page.get_by_role("button", name="确认投票").click()
    code_field = page.locator("#ballot-code")
    expect(code_field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#ballot-code-error")).to_have_text("投票码无效或已使用")
    expect(code_field).to_be_focused()
    expect(page.get_by_role("alert").filter(has_text="投票码无效或已使用。")).to_be_visible()
    expect(checkbox(page, "儿童游乐区地面翻新")).to_be_checked()


def test_the_ballot_in_english_with_money_and_shanghai_times(page, stack):
    budget_round = demo_round(stack, "knapsack")
    sign_in(page, stack, "resident", f"vote.html?round={budget_round['id']}")
    expect(page.locator("#left")).to_have_text("¥100,000.00")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#picks-legend")).to_have_text("Choose the projects you support (within the budget)")
    expect(page.locator("#left-label")).to_have_text("Budget left")
    expect(page.locator("#left")).to_have_text("CN¥100,000.00")
    expect(checkbox(page, "口袋花园")).to_have_accessible_name(re.compile(r"CN¥45,000\.00"))
    # The browser runs on London time; the page must still say Shanghai's.
    starts = shanghai(budget_round["voting"]["starts"])
    window = page.locator("#round-window")
    expect(window).to_contain_text(f"Voting: {starts.day} {starts:%B} {starts.year}")
    expect(window).to_contain_text(f"{starts:%H:%M}")
    expect(window).to_contain_text("(Shanghai time)")
    checkbox(page, "非机动车棚和充电桩").check()
    expect(page.locator("#left")).to_have_text("CN¥42,000.00")
    page.get_by_role("button", name="Next: check your choices").click()
    expect(page.locator("#review-step")).to_contain_text(
        "Projects chosen: 1; CN¥58,000.00 in all; CN¥42,000.00 of the budget left")
    audit(page, "vote-review-en")
