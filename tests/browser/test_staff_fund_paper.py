"""A team's paper application entered on the staff funds page: committee staff type the form
in as the team's draft (with the lead's mobile and the scan), the timeline says who entered
it and from what, and staff submit it for the team; it then waits for the committee's
recommendation like any other. Once paid, staff report its start and file its completion
report with the receipts scanned in, as the team's lead would on their own page."""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import audit, id_token, sign_in
from tests.browser.test_account import COMMITTEE, call
from tests.browser.test_fund import this_year
from tests.browser.test_fund_notice_and_report import PDF, end_notice, official_act, ok
from tests.browser.test_staff_entry_and_reviews import PNG, english, shot


# The empty form's first press is refused by the API, field by field.
@pytest.mark.expects_failed_requests
def test_a_paper_application_is_entered_and_submitted_for_the_team(page: Page, stack):
    year = this_year()
    title = "银发编织队冬季义卖"
    sign_in(page, stack, "committee_staff", "staff/funds.html")
    expect(page.locator("#pool-available")).not_to_have_text("")
    page.get_by_text("代录纸质申报").click()
    form = page.locator("#paper-form")
    # A press with nothing filled in is refused beside the fields.
    form.get_by_role("button", name="录入为草稿").click()
    expect(form.locator(".error-summary").first).to_be_visible()
    expect(page.locator("#paper-team")).to_have_attribute("aria-invalid", "true")

    form.get_by_label("纸质申报表").check()
    form.get_by_label("团队名称").fill("银发编织队")
    form.get_by_label("负责人姓名").fill("钱阿姨")
    form.get_by_label("团队人数").fill("9")
    form.get_by_label("负责人手机号").fill("13912340026")
    # The lead's consent to texts is asked with the number: ticked unless they say no.
    consent = form.get_by_label("居民同意短信通知")
    expect(consent).to_be_checked()
    consent.uncheck()
    form.get_by_label("项目名称").fill(title)
    form.get_by_label("类别").select_option("elderly_service")
    form.get_by_label("项目内容和目的（照表格原文录入）").fill("为独居老人编织冬衣，并在社区义卖。")
    form.get_by_label("预计受益人数").fill("60")
    form.get_by_label("开始日期").fill(f"{year}-12-21")
    form.get_by_label("结束日期").fill(f"{year}-12-31")
    form.get_by_label("第 1 项名称").fill("毛线")
    form.get_by_label("第 1 项单价（元）").fill("25")
    form.get_by_label("第 1 项数量").fill("40")
    form.get_by_role("button", name="添加一行").click()
    form.get_by_label("第 2 项名称").fill("编织针")
    form.get_by_label("第 2 项单价（元）").fill("5.5")
    form.get_by_label("第 2 项数量").fill("20")
    expect(page.locator("#paper-total")).to_have_text("¥1,110.00")
    form.locator("#paper-scan").set_input_files(files=[{"name": "fund-form.png", "mimeType": "image/png", "buffer": PNG}])
    expect(page.locator("#paper-scan-list")).to_contain_text("fund-form.png")
    shot(page, "funds-paper-form")
    form.get_by_role("button", name="录入为草稿").click()

    expect(page.locator("#fund-status")).to_have_text(f"「{title}」已录入为草稿，请核对后代团队提交。")
    expect(page.locator("#detail-heading")).to_have_text(title)
    body = page.locator("#detail-body")
    expect(body).to_contain_text("纸质申报表")
    expect(body).to_contain_text("139****0026")
    expect(body).to_contain_text("负责人未同意")
    expect(body.locator(".timeline li").first).to_contain_text("工作人员代录 · 居委会 · 纸质申报表")
    shot(page, "funds-paper-draft")

    page.get_by_role("button", name="代团队提交").click()
    expect(page.locator("#fund-status")).to_have_text(f"「{title}」已代团队提交。")
    expect(page.locator("#detail-body .badge")).to_have_text("已提交，待居委会审核")
    # Who typed it in for the team does not also review it: another official recommends it.
    expect(page.locator("#four-eyes")).to_contain_text("须由另一位工作人员办理")
    expect(page.get_by_role("button", name="推荐并开始公示")).to_have_count(0)

    staff = id_token(stack, "committee_staff")
    found = ok(call(stack, "GET", f"/funds/pools/{COMMITTEE}/{year}/applications?status=submitted&limit=100", staff))
    entered = next(item for item in found["items"] if item["title"] == title)
    detail = ok(call(stack, "GET", f"/funds/applications/{entered['id']}", staff))
    assert (detail["channel"], detail["scan_count"], detail["requested_fen"]) == ("paper", 1, 111_000)
    assert detail["sms_consent"] is False and detail["review_by_another"] is True
    street = ok(call(stack, "GET", f"/funds/applications/{entered['id']}", id_token(stack, "street_official")))
    assert "recommend" in street["allowed_actions"] and street["review_by_another"] is False
    assert [e["action"] for e in detail["timeline"]] == ["enter", "submit"]

    english(page)
    page.get_by_text("Enter a paper application").click()
    expect(page.get_by_role("button", name="Enter as a draft")).to_be_enabled()
    shot(page, "funds-paper-en")


def entered_and_funded(stack, title: str) -> dict:
    """A paper team's application taken through the officials' steps by the API, up to the
    payment; the notice's end is moved into the past as the residents' fund test does."""
    year = this_year()
    staff = id_token(stack, "committee_staff")
    body = {"committee": COMMITTEE, "year": year, "channel": "paper", "title": title, "category": "culture",
            "team": {"name": f"{title}队", "lead_name": "孙阿姨", "member_count": 12},
            "purpose": "每周两次广场舞，添置音箱和扇子。", "beneficiaries": 40,
            "starts_on": f"{year}-12-20", "ends_on": f"{year}-12-31",
            "lines": [{"item": "音箱", "unit_price_fen": 30_000, "quantity": 1},
                      {"item": "扇子", "unit_price_fen": 1_500, "quantity": 10}], "requested_fen": 45_000}
    draft = ok(call(stack, "POST", "/review/funds/applications", staff, body), 201)
    official_act(stack, "committee_staff", draft["id"], "submit")
    official_act(stack, "street_official", draft["id"], "recommend")  # four eyes: not who entered it
    end_notice(stack, draft["id"])
    official_act(stack, "street_official", draft["id"], "approve")
    return official_act(stack, "street_official", draft["id"], "fund", advance_fen=0)


def test_staff_start_and_file_a_paper_teams_completion_report_from_the_page(page: Page, stack):
    title = f"纸质结项{uuid.uuid4().hex[:6]}"
    funded = entered_and_funded(stack, title)
    sign_in(page, stack, "committee_staff", "staff/funds.html")
    page.goto(f"/staff/funds.html?{urlencode({'committee': COMMITTEE, 'year': this_year(), 'view': 'funded'})}")
    # The shared stack holds other funded applications: page on until this one shows.
    opener = page.get_by_role("button", name=f"打开「{title}」")
    expect(page.locator("#applications li").first).to_be_visible()
    while not opener.is_visible():
        page.locator("#more").click()
        page.wait_for_load_state("networkidle")
    opener.click()
    expect(page.locator("#detail-heading")).to_have_text(title)
    page.get_by_role("button", name="代团队报告开始实施").click()
    expect(page.locator("#fund-status")).to_have_text(f"「{title}」已代团队报告开始实施。")

    form = page.locator("#staff-report-form")
    form.get_by_role("button", name="代团队提交结项报告").click()
    expect(page.locator("#staff-expense-0-actual")).to_have_attribute("aria-invalid", "true")
    page.locator("#staff-expense-0-actual").fill("298.5")
    page.locator("#staff-expense-0-receipts").set_input_files(
        files=[{"name": "fapiao.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    expect(page.locator("#staff-expense-0-list")).to_contain_text("fapiao.pdf")
    page.locator("#staff-expense-1-actual").fill("０")
    form.get_by_label("参加活动的居民人次").fill("36")
    form.get_by_label("项目成效").fill("广场舞每周两次，36 位居民参加。")
    shot(page, "funds-paper-report")
    audit(page, "staff-funds-paper-report")
    form.get_by_role("button", name="代团队提交结项报告").click()

    expect(page.locator("#fund-status")).to_have_text(f"「{title}」的结项报告已代团队提交，等待街道验收。")
    expect(page.locator("#detail-body .badge")).to_have_text("已提交结项报告")
    expect(page.locator("#detail-body .timeline li").last).to_contain_text("居委会 · 纸质申报表")
    detail = ok(call(stack, "GET", f"/funds/applications/{funded['id']}", id_token(stack, "committee_staff")))
    assert detail["status"] == "reported" and detail["report"]["actual_total_fen"] == 29_850
    assert [e["receipt_count"] for e in detail["report"]["expenses"]] == [1, 0]
    assert (detail["timeline"][-1]["action"], detail["timeline"][-1]["channel"]) == ("report", "paper")
