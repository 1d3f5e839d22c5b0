"""The staff workbench's rounds and accounts pages, in a browser against the whole stack.

A committee worker creates a round in the form, reviews its proposals (one feasible with its
final cost, one refused with a reason), uploads a roster, issues paper codes and prints them
as slips (print media emulated: only the slips, each with its code and a QR image), enters a
booth ballot in bulk (a bad line reported by its number), counts and reads the results, and
publishes progress. The demo street official creates committee staff and disables the account.
Phases move as in test_round_page.py: the stored schedule is rewritten."""

from __future__ import annotations

import random

from playwright.sync_api import expect

from tests.browser.conftest import audit, id_token, sign_in
from tests.browser.test_round_page import move_round
from tests.browser.test_vote import call


def slip_images_decoded(page) -> bool:
    return page.evaluate("[...document.querySelectorAll('#slips img')].every(i => i.complete && i.naturalWidth > 20)")


def reload(page, title: str) -> None:
    """Reload and wait for the round: its forms' handlers are attached by then. A press before
    that would submit the form natively, to round.html? without the round."""
    page.reload()
    expect(page.locator("#round-title")).to_have_text(title)


def test_a_round_from_creation_to_printed_codes_booth_ballots_tally_and_progress(page, stack):
    sign_in(page, stack, "committee_staff", "staff/rounds.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("微更新活动")
    audit(page, "staff/rounds-zh")

    form = page.locator("#create")
    title = f"车棚与花园 {random.randrange(10**6)}"
    form.get_by_label("活动名称").fill(title)
    form.get_by_label("总预算（元）").fill("十万")
    form.get_by_label("名册上的手机号").check()
    form.get_by_label("纸质投票码").check()
    form.get_by_role("button", name="创建活动").click()
    expect(page.locator("#budget-error")).to_contain_text("请填写金额")
    form.get_by_label("总预算（元）").fill("100000")
    form.get_by_role("button", name="创建活动").click()
    page.wait_for_url("**/staff/round.html?round=*")
    round_id = page.url.split("round=")[1].split("&")[0]
    expect(page.locator("#round-title")).to_have_text(title)

    staff = id_token(stack, "committee_staff")
    move_round(stack, round_id, "proposals")
    for name, cost in (("非机动车棚", 3_000_000), ("室外泳池", 9_000_000)):
        status, project = call(stack, "POST", f"/rounds/{round_id}/proposals", staff,
                               {"title": name, "description": f"{name}的方案。", "estimated_cost_fen": cost})
        assert status == 201, project
    move_round(stack, round_id, "review")
    reload(page, title)

    shed = page.locator("#projects > li").filter(has_text="非机动车棚")
    shed.get_by_label("核定费用（元）").fill("28000.50")
    shed.get_by_role("button", name="保存审核").click()
    expect(page.locator("#projects > li").filter(has_text="非机动车棚").locator(".badge")).to_have_text("可行")
    pool = page.locator("#projects > li").filter(has_text="室外泳池")
    pool.get_by_label("不可行", exact=True).check()
    pool.get_by_role("button", name="保存审核").click()
    expect(page.locator("#projects > li").filter(has_text="室外泳池").locator(".field-error").first).to_be_visible()
    pool = page.locator("#projects > li").filter(has_text="室外泳池")
    pool.get_by_label("理由（不可行时必填）").fill("场地不足，安全风险高")
    pool.get_by_role("button", name="保存审核").click()
    expect(page.locator("#projects > li").filter(has_text="室外泳池").locator(".badge")).to_have_text("不可行")
    status, detail = call(stack, "GET", f"/rounds/{round_id}", staff)
    costs = {p["title"]: (p["status"], p["final_cost_fen"], p["review_reason"]) for p in detail["projects"]}
    assert costs == {"非机动车棚": ("feasible", 2_800_050, None), "室外泳池": ("infeasible", None, "场地不足，安全风险高")}

    page.get_by_label("手机号（每行一个，或用逗号分隔）").fill("姓名,手机\n张三,138 0000 0071\n+8613800000072、13800000071")
    page.get_by_role("button", name="加入名册").click()
    expect(page.locator("#roster-done")).to_have_text("已加入 2 个号码，核验住址 0 户。")

    page.get_by_label("生成多少个（1–500）").fill("3")
    page.get_by_role("button", name="生成并打印").click()
    slips = page.locator("#slips > li")
    expect(slips).to_have_count(3)
    codes = [code.strip() for code in page.locator("#slips .slip-code").all_inner_texts()]
    assert len(set(codes)) == 3 and all(len(code.replace("-", "")) >= 8 for code in codes), codes
    expect(slips.first).to_contain_text(f"/vote.html?round={round_id}&paper=1")
    page.wait_for_function("[...document.querySelectorAll('#slips img')].every(i => i.complete && i.naturalWidth > 20)")
    page.emulate_media(media="print")
    expect(page.locator("#slips")).to_be_visible()
    expect(page.locator("#slips img")).to_have_count(3)
    for hidden in ("#review-heading", "#create", ".site-header", "#paper", "#print"):
        expect(page.locator(hidden).first).to_be_hidden()
    page.screenshot(path="test-artifacts/browser/staff/round-slips-print.png", full_page=True)
    page.emulate_media(media="screen")
    audit(page, "staff/round-slips-zh")

    move_round(stack, round_id, "voting")
    reload(page, title)
    page.get_by_label("来源").select_option("booth")
    page.get_by_label("选票（每行一张：投票码;项目编号[;积分]）").fill(f"{codes[0]};1\nNOTACODE99;1\n{codes[1]};1")
    page.get_by_role("button", name="录入").click()
    # Each ballot is its own transaction: a loaded machine takes longer than expect's default.
    expect(page.locator("#paper-report")).to_contain_text("已录入 2 张，退回 1 张", timeout=30_000)
    expect(page.locator("#paper-report li")).to_have_count(1)
    expect(page.locator("#paper-report li")).to_contain_text("第 2 行")
    expect(page.locator("#ballots")).to_have_value("NOTACODE99;1")

    move_round(stack, round_id, "tallying")
    reload(page, title)
    page.get_by_role("button", name="开始计票").click()
    expect(page.locator("#tally-status")).to_have_text("计票完成，结果已公布。", timeout=90_000)
    shed_row = page.locator("#results tbody tr").filter(has_text="非机动车棚")
    expect(shed_row.locator("td").first).to_have_text("2")
    expect(shed_row).to_contain_text("入选")
    audit(page, "staff/round-zh")

    move_round(stack, round_id, "results")
    reload(page, title)
    expect(page.locator("#results-view")).to_be_visible()
    page.get_by_label("完成百分比").fill("30")
    page.get_by_label("进展说明").fill("车棚地基已完成。")
    page.get_by_role("button", name="发布", exact=True).click()
    expect(page.locator("#progress-done")).to_have_text("进展已发布。")
    status, detail = call(stack, "GET", f"/rounds/{round_id}", staff)
    assert [(p["percent"], p["note"]) for p in detail["progress"]] == [(30, "车棚地基已完成。")]

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Review proposals")).to_be_visible()
    audit(page, "staff/round-en")


def test_the_street_official_creates_and_disables_committee_staff(page, stack):
    sign_in(page, stack, "street_official", "staff/staff.html")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff accounts")
    expect(page.locator("#role-below")).to_have_text("Committee staff")
    form = page.locator("#create")
    number = f"1380000{random.randrange(1000, 9999)}"
    form.get_by_label("Mobile number").fill("12345")
    form.get_by_role("button", name="Create the account").click()
    expect(page.locator("#phone-error")).to_have_text("Type an 11-digit mobile number.")
    form.get_by_label("Mobile number").fill(number)
    form.get_by_label("Name").fill("李敏")
    form.get_by_label("Division code they work in").fill("310110012001")
    form.get_by_role("button", name="Create the account").click()
    expect(page.locator("#created")).to_contain_text("Created: 李敏")
    card = page.locator("#officials > li").filter(has_text="李敏")
    expect(card).to_contain_text("Committee staff · 310110012001")
    expect(card.locator(".badge")).to_have_text("active")
    audit(page, "staff/staff-en")

    card.get_by_label("Reason (optional, for the audit trail)").fill("调岗")
    card.get_by_role("button", name="Apply").click()
    expect(page.locator("#officials > li").filter(has_text="李敏").locator(".badge")).to_have_text("disabled")
    status, listed = call(stack, "GET", "/staff?limit=100", id_token(stack, "street_official"))
    assert status == 200
    assert [o["status"] for o in listed["items"] if o["name"] == "李敏"][-1] == "disabled"

    page.get_by_role("button", name="中文").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("工作人员账号")
    audit(page, "staff/staff-zh")


def test_committee_staff_manage_no_accounts(page, stack):
    sign_in(page, stack, "committee_staff", "staff/staff.html")
    expect(page.locator("#not-manager")).to_be_visible()
    expect(page.locator("#create")).to_be_hidden()
    expect(page.locator("#officials")).to_be_hidden()
    audit(page, "staff/staff-committee-zh")
