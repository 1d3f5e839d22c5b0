"""Autonomy funds on the residents' pages after the application: a neighbour reads the
committee's notice board and objects, reads the committee's answer, the team's lead starts
the funded project, reports with a receipt for each payment and sees the acceptance, and
the pool's ledger shows what was paid. Officials' steps go through the API."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, timedelta

import boto3
from playwright.sync_api import Page, expect

from chalicelib.storage.keys import fund_application_key
from tests.browser.conftest import audit, id_token, sign_in
from tests.browser.test_account import COMMITTEE, PASSWORD, call, cognito, resident_account, sign_in_as
from tests.browser.test_fund import this_year

PDF = b"%PDF-1.4\n% receipt\n"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def token_of(stack, digits: str) -> str:
    return cognito(stack).initiate_auth(
        ClientId=stack["state"]["user_pool_client_id"], AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "+86" + digits, "PASSWORD": PASSWORD})["AuthenticationResult"]["IdToken"]


def ok(status_and_body, expected=200):
    status, body = status_and_body
    assert status == expected, body
    return body


def verified_lead(stack) -> str:
    """A second resident of the committee, verified by its staff: the demo resident may not
    object to a team they lead, so the team here is led by someone else."""
    digits = resident_account(stack)
    ok(call(stack, "POST", "/me/residence", token_of(stack, digits),
            {"committee": COMMITTEE, "building": "控江路 1500 弄 9 号", "room": "201 室", "basis": "hukou"}), 201)
    staff = id_token(stack, "committee_staff")
    queue = ok(call(stack, "GET", f"/review/residences?division={COMMITTEE}&limit=100", staff))
    request = next(i for i in queue["items"] if i["phone_masked"] == f"{digits[:3]}****{digits[-4:]}")
    ok(call(stack, "POST", f"/review/residences/{request['id']}/approve", staff, {"version": request["version"]}))
    return digits


def on_notice(stack, lead: str, title: str) -> dict:
    year = this_year()
    lines = [{"item": "折叠桌椅", "unit_price_fen": 45_000, "quantity": 4},
             {"item": "宣传海报", "unit_price_fen": 12_345, "quantity": 2}]
    body = {"committee": COMMITTEE, "year": year, "title": title, "category": "deliberation",
            "team": {"name": "楼组议事会", "lead_name": "李师傅", "member_count": 9},
            "purpose": "每月一次楼组议事会，添置桌椅和海报。", "beneficiaries": 150,
            "starts_on": f"{year}-12-20", "ends_on": f"{year}-12-31", "lines": lines, "requested_fen": 204_690}
    token = token_of(stack, lead)
    draft = ok(call(stack, "POST", "/funds/applications", token, body), 201)
    submitted = ok(call(stack, "POST", f"/funds/applications/{draft['id']}/submit", token, {"version": draft["version"]}))
    staff = id_token(stack, "committee_staff")
    return ok(call(stack, "POST", f"/funds/applications/{draft['id']}/recommend", staff, {"version": submitted["version"]}))


def official_act(stack, role: str, application_id: str, action: str, **fields) -> dict:
    token = id_token(stack, role)
    seen = ok(call(stack, "GET", f"/funds/applications/{application_id}", token))
    return ok(call(stack, "POST", f"/funds/applications/{application_id}/{action}", token,
                   {"version": seen["version"], **fields}))


def end_notice(stack, application_id: str) -> None:
    # The stack runs on the real clock and a notice lasts at least 5 days: its end is moved
    # into the past in the store, as the API tests move the clock past it.
    state = stack["state"]
    table = boto3.resource("dynamodb", endpoint_url=state["aws_endpoint_url"], region_name=state["region"],
                           aws_access_key_id="testing", aws_secret_access_key="testing").Table(state["table_name"])
    ended = (datetime.now(UTC) - timedelta(minutes=1)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    table.update_item(Key=fund_application_key(application_id), UpdateExpression="SET notice_ends_at = :ended",
                      ExpressionAttributeValues={":ended": ended})


def test_a_neighbour_objects_on_the_board_and_the_lead_reports_to_acceptance(page: Page, stack):
    lead = verified_lead(stack)
    title = f"楼组议事会 {lead[-4:]}"
    application = on_notice(stack, lead, title)
    app_id = application["id"]

    # A neighbour (the demo resident) reads the notice board: the budget lines and the days left.
    sign_in(page, stack, "resident", "fund-notice.html")
    card = page.locator(".card", has=page.get_by_role("link", name=title, exact=True))
    expect(card).to_contain_text("楼组议事会 · 议事协商")
    expect(card.locator(".days")).to_have_text(re.compile(r"^公示还剩 \d 天（截至 \d{4}年\d{1,2}月\d{1,2}日）$"))
    expect(card.locator("tbody tr")).to_have_count(2)
    expect(card.locator("tbody tr").nth(1)).to_contain_text("2 × ¥123.45")
    expect(card.locator("tfoot")).to_contain_text("¥2,046.90")
    assert "李师傅" not in page.content()
    audit(page, "fund-notice-board")
    # In large type too: the budget table must still fit a phone.
    page.get_by_role("button", name="大字模式").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\blarge\b"))
    audit(page, "fund-notice-board-large")
    page.get_by_role("button", name="大字模式").click()

    card.get_by_role("link", name=re.compile(rf"^查看详情、提出异议\s*：{re.escape(title)}$")).click()
    expect(page.get_by_role("heading", name=title)).to_be_focused()
    expect(page.locator("#objections-empty")).to_be_visible()
    page.get_by_label("您的异议和理由").fill("海报贴在电梯里会挡住安全须知，请换个位置。")
    audit(page, "fund-notice-object")
    page.get_by_role("button", name="提交异议").dblclick()
    expect(page.locator("#page-notice")).to_contain_text("您的异议已提交")
    expect(page.locator("#objections > li")).to_have_count(1)
    expect(page.locator("#objections > li")).to_contain_text("等待居委会答复")
    filed = ok(call(stack, "GET", f"/funds/applications/{app_id}", id_token(stack, "committee_staff")))
    assert len(filed["objections"]) == 1 and filed["open_objections"] == 1

    # The committee answers (API); the neighbour reads the answer, in English this time.
    official_act(stack, "committee_staff", app_id, "answer_objection", objection_id=filed["objections"][0]["id"],
                 answer="海报只贴在楼道公告栏。")
    page.reload()
    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_have_text("The committee's autonomy fund notices")
    expect(page.locator("#objections > li")).to_contain_text("The committee's answer: 海报只贴在楼道公告栏。")
    expect(page.locator("#objection-form")).to_be_hidden()
    expect(page.locator("#page-notice")).to_have_text(
        "You have objected to this project; you will be told when the committee answers.")
    audit(page, "fund-notice-answered-en")
    page.get_by_role("button", name="中文").click()
    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url("**/index.html")

    # After the notice the street approves and pays an advance (API).
    end_notice(stack, app_id)
    official_act(stack, "street_official", app_id, "approve")
    official_act(stack, "street_official", app_id, "fund", advance_fen=100_000)

    sign_in_as(page, lead, next_page="fund.html")
    page.goto(f"/fund.html?id={app_id}")
    outcome = page.locator("#fund-outcome")
    expect(outcome).to_have_text("资金已拨付 ¥1,000.00（批准金额 ¥2,046.90）。项目开始后，请点“开始实施”。")
    audit(page, "fund-lead-funded")
    page.get_by_role("button", name="开始实施").click()
    expect(outcome).to_be_focused()
    expect(outcome).to_contain_text("项目实施中")

    page.locator("#expense-0-actual").fill("1800")
    page.locator("#expense-0-receipts").set_input_files({"name": "桌椅发票.pdf", "mimeType": "application/pdf", "buffer": PDF})
    expect(page.locator("#expense-0-list")).to_have_text("已上传票据 桌椅发票.pdf")
    page.locator("#expense-1-actual").fill("246.9")
    page.get_by_label("参加活动的居民人次").fill("40")
    page.get_by_label("项目成效").fill("开了 3 次议事会，定下了楼道堆物清理办法。")
    page.get_by_role("button", name="提交结项报告").click()
    # A payment without its receipt is stopped at the field before anything is sent.
    expect(page.locator("#expense-1-receipts-error")).to_have_text("每笔支出都需要上传票据。")
    page.locator("#expense-1-receipts").set_input_files({"name": "海报收据.png", "mimeType": "image/png", "buffer": PNG})
    expect(page.locator("#expense-1-list")).to_have_text("已上传票据 海报收据.png")
    audit(page, "fund-lead-report")
    page.get_by_role("button", name="提交结项报告").click()
    expect(outcome).to_have_text("结项报告已提交，等待街道验收。")
    reported = ok(call(stack, "GET", f"/funds/applications/{app_id}", token_of(stack, lead)))
    assert reported["status"] == "reported"
    assert [(e["actual_fen"], e["receipt_count"]) for e in reported["report"]["expenses"]] == [(180_000, 1), (24_690, 1)]

    official_act(stack, "street_official", app_id, "accept")
    page.reload()
    expect(outcome).to_have_text("已通过验收，共拨付 ¥2,046.90。")
    expect(page.locator("#detail-view tfoot").last).to_contain_text("¥2,046.90")
    audit(page, "fund-lead-accepted")

    # The pool's ledger, as the committee's residents see it, shows both payments.
    page.goto("/fund-notice.html?view=ledger")
    expect(page.get_by_role("heading", name="自治金收支流水")).to_be_focused()
    paid = page.locator("#ledger-rows tr", has_text=f"拨付给项目 「{title}」")
    expect(paid).to_have_count(2)
    expect(paid.nth(0).locator("td.money")).to_have_text("¥1,000.00")
    expect(paid.nth(1).locator("td.money")).to_have_text("¥1,046.90")
    committed = page.locator("#ledger-rows tr", has_text=f"批准项目，预留资金 「{title}」")
    expect(committed.locator("td.money")).to_have_text("¥2,046.90")
    audit(page, "fund-ledger")


def test_the_lead_withdraws_an_application_before_its_approval(page: Page, stack):
    lead = verified_lead(stack)
    application = on_notice(stack, lead, f"撤回 {lead[-4:]}")
    sign_in_as(page, lead, next_page="fund.html")
    page.goto(f"/fund.html?id={application['id']}")
    page.get_by_text("撤回这份申请").click()
    page.get_by_label("撤回原因").fill("场地借不到了。")
    audit(page, "fund-lead-withdraw")
    page.get_by_role("button", name="确认撤回").click()
    expect(page.locator("#fund-outcome")).to_have_text("申请已撤回。")
    expect(page.get_by_text("撤回这份申请")).to_have_count(0)
    withdrawn = ok(call(stack, "GET", f"/funds/applications/{application['id']}", token_of(stack, lead)))
    assert withdrawn["status"] == "withdrawn" and withdrawn["timeline"][-1]["reason"] == "场地借不到了。"
