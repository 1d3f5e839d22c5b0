"""The staff workbench's entry, residence and fund pages: a committee worker enters a paper
suggestion and prints its receipt, approves the demo newcomer's residence, and a fund
application is recommended by the committee and approved by the street with the pool's
figures following each step."""

from __future__ import annotations

import base64
import csv
import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, audit, id_token, sign_in
from tests.browser.test_account import COMMITTEE, call
from tests.browser.test_fund import this_year
from tests.browser.test_fund_notice_and_report import end_notice, ok, token_of, verified_lead

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
SHOTS = "staff"


def shot(page: Page, name: str) -> None:
    (ARTIFACTS / SHOTS).mkdir(parents=True, exist_ok=True)
    audit(page, f"{SHOTS}/{name}")


def english(page: Page) -> None:
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def fen_text(fen: int) -> str:
    # As js/fen.js cuts the digits in Chinese: ¥, thousands separated, two decimals.
    return f"¥{fen // 100:,}.{fen % 100:02d}"


def test_a_paper_suggestion_is_entered_and_its_receipt_printed(page: Page, stack):
    sign_in(page, stack, "committee_staff", "staff/entry.html")
    expect(page.get_by_role("heading", name="代居民录入建议")).to_be_visible()
    shot(page, "entry")

    page.get_by_role("button", name="提交并生成回执").click()
    expect(page.locator("#channel-error")).to_have_text("请选择来源渠道。")

    page.get_by_label("纸质表格").check()
    page.get_by_label("居民手机号").fill("13912345678")
    page.get_by_label("类别").select_option("sanitation")
    page.get_by_label("具体地点").fill("控江路 1500 弄 3 号楼下")
    page.get_by_label("主题", exact=True).fill("垃圾箱房夜间异味")
    page.get_by_label("事由和对策建议（照表格原文录入）").fill("垃圾箱房夜里没有清运，建议晚上加一次清运。")
    page.locator("#photo-file").set_input_files(files=[{"name": "form-scan.png", "mimeType": "image/png", "buffer": PNG}])
    expect(page.locator("#photo-list")).to_contain_text("form-scan.png")
    page.get_by_label("表格上居民已勾选：同意匿名公开建议内容").check()
    page.get_by_role("button", name="提交并生成回执").click()

    receipt = page.locator("#receipt")
    expect(receipt).to_be_visible()
    tracking = page.locator("#tracking-no")
    expect(tracking).to_have_text(re.compile(r"^\d{6}-\d{6}$"))
    number = tracking.inner_text()
    expect(receipt).to_contain_text("出具单位：控一居委会")
    expect(page.locator("#receipt-phone")).to_have_text("139****5678")
    assert "13912345678" not in receipt.inner_text()
    expect(page.locator("#receipt-next")).to_contain_text("前受理")
    expect(page.locator("#receipt-next")).to_contain_text("前书面答复")
    shot(page, "entry-receipt")

    # The case is the staff's entry for the resident, by the paper channel, with its scan.
    staff = id_token(stack, "committee_staff")
    queue = ok(call(stack, "GET", "/review/suggestions?status=submitted&limit=100", staff))
    case = next(i for i in queue["items"] if i["tracking_no"] == number)
    assert (case["channel"], case["submitter_phone_masked"]) == ("paper", "139****5678")
    assert len(ok(call(stack, "GET", f"/suggestions/{case['id']}", staff))["photos"]) == 1

    # Printed, the sheet is the receipt alone: no site header, nav or buttons.
    page.emulate_media(media="print")
    expect(tracking).to_be_visible()
    expect(tracking).to_have_text(number)
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="打印回执")).to_be_hidden()
    (ARTIFACTS / SHOTS).mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / SHOTS / "entry-receipt-print.png"), full_page=True)
    page.emulate_media(media="screen")

    # Another entry starts from an empty form; in English this time.
    page.get_by_role("link", name="再录一条").click()
    english(page)
    expect(page.get_by_role("heading", name="Enter a suggestion for a resident")).to_be_visible()
    expect(page.get_by_label("Resident's mobile number")).to_have_value("")
    shot(page, "entry-en")


def test_the_newcomers_residence_is_approved(page: Page, stack):
    sign_in(page, stack, "committee_staff", "staff/residences.html")
    card = page.locator("li.card").filter(has_text="控江路 1500 弄 7 号 502 室")
    expect(card).to_contain_text("租住")
    expect(card).to_contain_text("今年 3 月起租住")
    shot(page, "residences")

    card.get_by_role("button", name="不通过").click()
    expect(card.locator(".field-error")).to_have_text("不通过或撤销时请写明原因。")
    card.get_by_role("button", name="核验通过").click()
    expect(page.locator("#res-status")).to_have_text("控江路 1500 弄 7 号 502 室 已核验通过。")
    approved = page.locator("li.card").filter(has_text="控江路 1500 弄 7 号 502 室")
    expect(approved.locator(".badge")).to_have_text("已核验")
    expect(approved.get_by_role("button", name="撤销核验")).to_be_visible()

    staff = id_token(stack, "committee_staff")
    done = ok(call(stack, "GET", f"/review/residences?division={COMMITTEE}&status=approved&limit=100", staff))
    assert any(i["building"] == "控江路 1500 弄 7 号" and i["room"] == "502 室" for i in done["items"])

    page.get_by_label("状态").select_option("approved")
    page.get_by_role("button", name="显示").click()
    expect(page.locator("li.card").filter(has_text="控江路 1500 弄 7 号 502 室")).to_be_visible()
    # The export holds the whole filter, numbers masked, cells as the publication writes them.
    with page.expect_download() as downloaded:
        page.get_by_role("button", name="导出 CSV").click()
    rows = list(csv.DictReader(open(downloaded.value.path(), encoding="utf-8-sig", newline="")))
    mine = [row for row in rows if row["楼号 building"] == "控江路 1500 弄 7 号"]
    assert mine and all(row["状态 status"] == "approved" for row in rows)
    assert all("*" in row["手机 phone (masked)"] for row in mine)
    english(page)
    expect(page.get_by_role("heading", name="Residence checks")).to_be_visible()
    shot(page, "residences-en")


def submitted_application(stack, title: str) -> dict:
    year = this_year()
    lead = verified_lead(stack)
    body = {"committee": COMMITTEE, "year": year, "title": title, "category": "greening",
            "team": {"name": "花友会", "lead_name": "赵阿姨", "member_count": 6},
            "purpose": "在 5 号楼前种一片月季。", "beneficiaries": 80,
            "starts_on": f"{year}-12-21", "ends_on": f"{year}-12-31",
            "lines": [{"item": "月季苗", "unit_price_fen": 2_500, "quantity": 120}], "requested_fen": 300_000}
    token = token_of(stack, lead)
    draft = ok(call(stack, "POST", "/funds/applications", token, body), 201)
    return ok(call(stack, "POST", f"/funds/applications/{draft['id']}/submit", token, {"version": draft["version"]}))


def test_a_fund_application_is_recommended_then_approved_with_the_pool_beside_it(page: Page, stack):
    title = "月季花坛认养"
    application = submitted_application(stack, title)
    year = this_year()

    sign_in(page, stack, "committee_staff", "staff/funds.html")
    expect(page.locator("#pool-available")).not_to_have_text("")
    page.get_by_role("button", name=f"打开「{title}」").click()
    expect(page.locator("#detail-heading")).to_have_text(title)
    expect(page.locator("#detail-body")).to_contain_text("赵阿姨")
    shot(page, "funds-committee")
    page.get_by_role("button", name="推荐并开始公示").click()
    expect(page.locator("#fund-status")).to_have_text(f"「{title}」已推荐，公示开始。")
    expect(page.locator("#detail-body .badge")).to_have_text("公示中")
    expect(page.get_by_role("button", name="推荐并开始公示")).to_have_count(0)

    end_notice(stack, application["id"])
    staff = id_token(stack, "street_official")
    before = ok(call(stack, "GET", f"/funds/pools/{COMMITTEE}/{year}", staff))

    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url("**/index.html")
    # By status: the queue's own index still holds the notice's real end, which the store edit
    # above does not move.
    sign_in(page, stack, "street_official", "staff/funds.html")
    page.goto(f"/staff/funds.html?committee={COMMITTEE}&view=in_notice")
    expect(page.locator("#pool-available")).to_have_text(fen_text(before["available_fen"]))
    expect(page.locator("#pool-committed")).to_have_text(fen_text(before["committed_fen"]))
    page.get_by_role("button", name=f"打开「{title}」").click()
    expect(page.locator("#detail-body .badge")).to_have_text("公示期满，待街道审批")
    shot(page, "funds-street")
    page.get_by_role("button", name="批准", exact=True).click()
    expect(page.locator("#fund-status")).to_have_text(f"「{title}」已批准。")
    expect(page.locator("#pool-available")).to_have_text(fen_text(before["available_fen"] - 300_000))
    expect(page.locator("#pool-committed")).to_have_text(fen_text(before["committed_fen"] + 300_000))
    expect(page.get_by_role("heading", name="拨付")).to_be_visible()
    after = ok(call(stack, "GET", f"/funds/applications/{application['id']}", staff))
    assert (after["status"], after["approved_fen"]) == ("approved", 300_000)

    page.goto(f"/staff/funds.html?committee={COMMITTEE}&view=all")
    expect(page.get_by_role("button", name=f"打开「{title}」")).to_be_visible()
    with page.expect_download() as downloaded:
        page.get_by_role("button", name="导出 CSV").click()
    rows = list(csv.DictReader(open(downloaded.value.path(), encoding="utf-8-sig", newline="")))
    row = next(row for row in rows if row["编号 id"] == application["id"])
    assert (row["状态 status"], row["核定金额（分） approved_fen"]) == ("approved", "300000")

    english(page)
    expect(page.get_by_role("heading", name="Autonomy fund reviews")).to_be_visible()
    shot(page, "funds-en")
