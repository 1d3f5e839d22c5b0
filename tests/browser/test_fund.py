"""The autonomy-fund page: a team's lead applies in four screens, sees the budget add up as
it is typed, sends once however often the button is pressed, and follows the application."""

from __future__ import annotations

import json
import re
import urllib.request
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import audit, id_token, sign_in

SHANGHAI = ZoneInfo("Asia/Shanghai")
FORM = "fund.html?new=1"


def api_get(stack, path):
    request = urllib.request.Request(stack["state"]["api_url"] + path,
                                     headers={"Authorization": f"Bearer {id_token(stack, 'resident')}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def my_applications(stack):
    return api_get(stack, "/funds/applications/mine?limit=100")["items"]


def unique(prefix):
    return f"{prefix} {uuid.uuid4().hex[:6]}"


def this_year():
    # The page applies to this year's pool until 20 December, as the demo pool is set up.
    today = datetime.now(SHANGHAI)
    return today.year + 1 if (today.month, today.day) >= (12, 20) else today.year


def step(page: Page, name):
    return page.locator(f"section[data-step={name}]")


def line(page: Page, n):
    return page.get_by_role("group", name=f"第 {n} 项", exact=True)


def fill_team(page: Page, name="阳光合唱团"):
    page.get_by_label("团队名称").fill(name)
    page.get_by_label("负责人姓名").fill("王阿姨")
    page.get_by_label("团队人数").fill("12")
    page.get_by_label("楼组").fill("5 号楼楼组")


def fill_project(page: Page, title):
    page.get_by_label("项目名称").fill(title)
    page.get_by_label("文化活动").check()
    page.get_by_label("项目目的和做法").fill("每周六下午在活动室排练，年底为楼里的老人演出。")
    page.get_by_label("预计受益居民人数").fill("80")
    page.get_by_label("开始日期").fill(f"{this_year()}-12-01")
    page.get_by_label("结束日期").fill(f"{this_year()}-12-31")


def fill_line(page: Page, n, item, price, quantity="1"):
    group = line(page, n)
    group.get_by_label("内容").fill(item)
    group.get_by_label("数量").fill(quantity)
    group.get_by_label("单价（元）").fill(price)


def next_step(page: Page, name):
    page.get_by_role("button", name="下一步").click()
    expect(step(page, name).locator("h2")).to_be_focused()


def fill_everything(page: Page, title, team="阳光合唱团"):
    fill_team(page, team)
    next_step(page, "project")
    fill_project(page, title)
    next_step(page, "budget")
    fill_line(page, 1, "乐谱和谱架", "860")
    next_step(page, "review")


def test_a_lead_fills_the_form_in_steps_watching_the_total_and_follows_the_application(page, stack):
    before = my_applications(stack)
    title = unique("合唱排练")
    sign_in(page, stack, "resident", FORM)
    expect(step(page, "team").locator("h2")).to_contain_text("第 1 步，共 4 步")
    audit(page, "fund-step-1-team")
    fill_team(page)
    next_step(page, "project")
    expect(step(page, "project").locator("h2")).to_contain_text("第 2 步，共 4 步")
    audit(page, "fund-step-2-project")
    fill_project(page, title)
    next_step(page, "budget")

    total = page.locator("output#total")
    expect(page.locator("#pool-info")).to_contain_text("可用余额 ¥")
    fill_line(page, 1, "音响租赁", "1200.50")
    expect(total).to_have_text("¥1,200.50")
    page.get_by_role("button", name="添加一项").click()
    expect(line(page, 2).get_by_label("内容")).to_be_focused()
    fill_line(page, 2, "服装", "300")
    expect(total).to_have_text("¥1,500.50")
    page.get_by_role("button", name="添加一项").click()
    # 19.99 × 3 is 59.97 exactly only if the yuan are never multiplied as floats.
    fill_line(page, 3, "矿泉水（箱）", "19.99", quantity="3")
    expect(line(page, 3)).to_contain_text("小计：¥59.97")
    expect(total).to_have_text("¥1,560.47")
    audit(page, "fund-step-3-budget")
    page.get_by_role("button", name="删除第 2 项").click()
    expect(total).to_have_text("¥1,260.47")
    expect(line(page, 3)).to_have_count(0)
    expect(line(page, 2).get_by_label("内容")).to_have_value("矿泉水（箱）")

    next_step(page, "review")
    review = step(page, "review")
    expect(review).to_contain_text(title)
    expect(review.locator("tfoot")).to_contain_text("¥1,260.47")
    audit(page, "fund-step-4-review")
    page.get_by_role("button", name="提交申请").click()

    expect(page.get_by_role("heading", name="申请已提交")).to_be_focused()
    expect(page.locator("#done-status")).to_have_text("当前状态：已提交，待居委会审核")
    audit(page, "fund-done")
    after = my_applications(stack)
    new = [a for a in after if a["id"] not in {b["id"] for b in before}]
    assert len(new) == 1
    assert (new[0]["title"], new[0]["requested_fen"], new[0]["status"]) == (title, 126047, "submitted")
    expect(page.locator("#done-number")).to_have_text(f"申请编号：{new[0]['id']}")
    detail = api_get(stack, f"/funds/applications/{new[0]['id']}")
    assert [(x["item"], x["unit_price_fen"], x["quantity"]) for x in detail["lines"]] == [
        ("音响租赁", 120050, 1), ("矿泉水（箱）", 1999, 3)]
    assert detail["team"]["building_group"] == "5 号楼楼组"

    page.get_by_role("link", name="查看申请详情和办理进度").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.locator("#detail-view .badge")).to_have_text("已提交，待居委会审核")
    events = page.locator("ol.timeline > li")
    expect(events).to_have_count(2)
    expect(events.nth(0)).to_contain_text("创建草稿")
    expect(events.nth(1)).to_contain_text("提交申请")
    # The browser runs on London time; the page must still say Shanghai's.
    submitted = datetime.fromisoformat(detail["timeline"][1]["at"].replace("Z", "+00:00")).astimezone(SHANGHAI)
    expect(events.nth(1).locator("time")).to_contain_text(f"{submitted.month}月{submitted.day}日 {submitted:%H:%M}")
    expect(events.nth(1).locator("time")).to_contain_text("北京时间")
    audit(page, "fund-detail")

    page.get_by_role("link", name="返回我的申请").click()
    card = page.locator(".card", has=page.get_by_role("link", name=title))
    expect(card).to_contain_text("已提交，待居委会审核")
    expect(card).to_contain_text("申请金额：¥1,260.47")
    expect(page.locator(".card", has_text="一老一小周末课堂")).to_contain_text("公示中")
    audit(page, "fund-list")


def test_a_double_press_on_send_makes_one_application(page, stack):
    title = unique("双击")
    sign_in(page, stack, "resident", FORM)
    fill_everything(page, title)
    before = len(my_applications(stack))
    page.get_by_role("button", name="提交申请").dblclick()
    expect(page.get_by_role("heading", name="申请已提交")).to_be_visible()
    page.wait_for_load_state("networkidle")
    mine = my_applications(stack)
    assert len(mine) == before + 1
    assert [a["status"] for a in mine if a["title"] == title] == ["submitted"]


@pytest.mark.expects_failed_requests
def test_an_answer_lost_on_the_way_back_is_retried_into_the_same_application(page, stack):
    title = unique("丢包")
    sign_in(page, stack, "resident", FORM)
    fill_everything(page, title)
    lost = []

    def lose_first_answer(route):
        response = route.fetch()
        if lost:
            route.fulfill(response=response)
            return
        lost.append(response.status)
        # The draft is made on the server; the phone hears only "too many requests".
        route.fulfill(status=429, json={"code": "throttled", "message": "Slow down. / 请稍后。", "details": []})

    page.route("**/funds/applications", lose_first_answer)
    before = len(my_applications(stack))
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_role("heading", name="申请已提交")).to_be_visible()
    assert lost == [201]
    mine = my_applications(stack)
    assert len(mine) == before + 1
    assert [a["status"] for a in mine if a["title"] == title] == ["submitted"]


@pytest.mark.expects_failed_requests
def test_a_change_after_a_failed_send_edits_the_draft_already_made(page, stack):
    title = unique("断网")
    sign_in(page, stack, "resident", FORM)
    fill_everything(page, title)
    page.route("**/submit", lambda route: route.abort())
    before = len(my_applications(stack))
    page.get_by_role("button", name="提交申请").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("网络连接失败")
    expect(alert.get_by_role("button", name="重试")).to_be_visible()

    page.unroute("**/submit")
    page.get_by_role("button", name="上一步").click()
    fill_line(page, 1, "乐谱和谱架", "900")
    next_step(page, "review")
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_role("heading", name="申请已提交")).to_be_visible()
    mine = my_applications(stack)
    assert len(mine) == before + 1
    [made] = [a for a in mine if a["title"] == title]
    assert (made["requested_fen"], made["status"]) == (90000, "submitted")
    detail = api_get(stack, f"/funds/applications/{made['id']}")
    assert [event["action"] for event in detail["timeline"]] == ["create", "edit", "submit"]


def test_a_reload_in_the_middle_keeps_everything_typed(page, stack):
    title = unique("刷新")
    sign_in(page, stack, "resident", FORM)
    fill_team(page, "刷新舞蹈队")
    next_step(page, "project")
    fill_project(page, title)
    next_step(page, "budget")
    fill_line(page, 1, "舞蹈鞋", "88.8", quantity="10")
    page.get_by_role("button", name="添加一项").click()
    fill_line(page, 2, "音箱", "450")

    page.reload()
    expect(step(page, "budget")).to_be_visible()
    expect(page.locator("output#total")).to_have_text("¥1,338.00")
    expect(line(page, 1).get_by_label("内容")).to_have_value("舞蹈鞋")
    expect(line(page, 1).get_by_label("数量")).to_have_value("10")
    expect(line(page, 2).get_by_label("单价（元）")).to_have_value("450")
    page.get_by_role("button", name="上一步").click()
    expect(page.get_by_label("项目名称")).to_have_value(title)
    expect(page.get_by_label("文化活动")).to_be_checked()
    expect(page.get_by_label("结束日期")).to_have_value(f"{this_year()}-12-31")
    page.get_by_role("button", name="上一步").click()
    expect(page.get_by_label("团队名称")).to_have_value("刷新舞蹈队")
    expect(page.get_by_label("团队人数")).to_have_value("12")


def test_the_page_stops_what_it_can_check_itself_before_sending(page, stack):
    sign_in(page, stack, "resident", FORM)
    fill_team(page)
    page.get_by_label("团队人数").fill("十二")
    page.get_by_role("button", name="下一步").click()
    members = page.get_by_label("团队人数")
    expect(members).to_have_attribute("aria-invalid", "true")
    expect(members).to_be_focused()
    expect(page.locator("#team-members-error")).to_have_text("请填写大于 0 的整数，例如 3。")
    expect(step(page, "team")).to_be_visible()
    members.fill("１２")
    next_step(page, "project")
    fill_project(page, unique("校验"))
    next_step(page, "budget")
    fill_line(page, 1, "茶水", "12.345")
    page.get_by_role("button", name="下一步").click()
    price = line(page, 1).get_by_label("单价（元）")
    expect(price).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#line-0-price-error")).to_have_text("请填写大于 0 的金额，例如 1200.50（最多两位小数）。")


@pytest.mark.expects_failed_requests
def test_what_only_the_api_refuses_is_said_in_chinese_beside_its_field_on_its_own_screen(page, stack):
    title = unique("超长")
    sign_in(page, stack, "resident", FORM)
    # Names and items have limits (60 and 100 characters) that only the API holds.
    fill_everything(page, title, team="长" * 61)
    page.get_by_role("button", name="上一步").click()
    page.get_by_role("button", name="添加一项").click()
    fill_line(page, 2, "材料" * 51, "10")
    next_step(page, "review")
    before = len(my_applications(stack))
    page.get_by_role("button", name="提交申请").click()

    team_name = page.get_by_label("团队名称")
    expect(team_name).to_be_focused()
    expect(team_name).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#team-name-error")).to_have_text("内容过长")
    expect(step(page, "team")).to_be_visible()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("部分字段不符合要求")
    expect(alert.locator("li")).to_have_text(["内容过长", "内容过长"])
    audit(page, "fund-api-error")

    team_name.fill("长" * 60)
    next_step(page, "project")
    next_step(page, "budget")
    item = line(page, 2).get_by_label("内容")
    expect(item).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#line-1-item-error")).to_have_text("内容过长")
    item.fill("材料")
    next_step(page, "review")
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_role("heading", name="申请已提交")).to_be_visible()
    assert len(my_applications(stack)) == before + 1


@pytest.mark.expects_failed_requests
def test_a_total_above_the_pools_cap_is_refused_beside_the_total(page, stack):
    sign_in(page, stack, "resident", FORM)
    fill_everything(page, unique("超额"))
    page.get_by_role("button", name="上一步").click()
    fill_line(page, 1, "整体改造", "25000")
    expect(page.locator("#over-cap")).to_contain_text("¥20,000.00")
    next_step(page, "review")
    page.get_by_role("button", name="提交申请").click()
    expect(step(page, "budget")).to_be_visible()
    expect(page.locator("#total-box-error")).to_have_text("每个项目申请不超过 20000.00 元。")
    expect(page.get_by_role("alert")).to_contain_text("每个项目申请不超过 20000.00 元。")


def test_in_english_the_form_speaks_english_and_money_is_in_yuan(page, stack):
    sign_in(page, stack, "resident", FORM)
    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_have_text("Residents' autonomy fund")
    expect(step(page, "team").locator("h2")).to_contain_text("Step 1 of 4")
    page.get_by_label("Team name").fill("Sunshine choir")
    page.get_by_label("Team lead's name").fill("Wang")
    page.get_by_label("Number of team members").fill("8")
    page.get_by_role("button", name="Next").click()
    expect(step(page, "project").locator("h2")).to_be_focused()
    page.get_by_role("button", name="Next").click()
    expect(page.locator("#project-title-error")).to_have_text("Please fill this in.")
    page.get_by_label("Project name").fill(unique("Choir"))
    page.get_by_label("Culture").check()
    page.get_by_label("What the project does and why").fill("Weekly rehearsals.")
    page.get_by_label("Residents expected to benefit").fill("40")
    page.get_by_label("Start date").fill(f"{this_year()}-12-01")
    page.get_by_label("End date").fill(f"{this_year()}-12-31")
    page.get_by_role("button", name="Next").click()
    group = page.get_by_role("group", name="Item 1", exact=True)
    group.get_by_label("What it is").fill("Sheet music")
    group.get_by_label("How many").fill("4")
    group.get_by_label("Price of one (yuan)").fill("1234.5")
    expect(group).to_contain_text("Subtotal: CN¥4,938.00")
    expect(page.locator("output#total")).to_have_text("CN¥4,938.00")
    expect(page.locator("#pool-info")).to_have_text(re.compile(r"CN¥[\d,]+\.\d\d available .* at most CN¥20,000\.00"))
    audit(page, "fund-en-budget")
    page.get_by_role("button", name="Large type").click()
    expect(page.get_by_role("button", name="Large type")).to_have_attribute("aria-pressed", "true")
    audit(page, "fund-en-large-budget")

    page.goto("/fund.html")
    card = page.locator(".card", has_text="一老一小周末课堂")
    expect(card).to_contain_text("On public notice")
    expect(card).to_contain_text("Requested: CN¥5,600.00")
