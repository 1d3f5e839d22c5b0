"""Texts to residents in a real browser: a resident turns them on and off on 我的账号, and a
committee worker's paper entry decides by its 居民同意短信通知 whether the case's reply is
texted. The texts are read from the local stack's SMS outbox, where `send_texts`, run by the
stack's queue worker, puts them. Every number here is the test's own: the stack is shared."""

from __future__ import annotations

import itertools
import time

from playwright.sync_api import Page, expect

from local_stack.outbox import messages
from tests.browser.conftest import audit, id_token, sign_in
from tests.browser.test_account import call, resident_account, sign_in_as
from tests.browser.test_fund_notice_and_report import ok

# Numbers no demo account and no other browser test uses.
PAPER_NUMBERS = (f"1371800{n:04d}" for n in itertools.count(1))
# The queue worker long-polls each second; a loaded machine has needed tens of seconds for a step.
TEXT_WITHIN_SECONDS = 90


def texts_to(stack, digits: str) -> list[str]:
    return [m["message"] for m in messages(stack["state"]["sms_outbox"], "+86" + digits) if m["kind"] == "notification"]


def test_a_resident_turns_texts_on_and_off_and_the_choice_survives_a_reload(page: Page, stack):
    digits = resident_account(stack)
    sign_in_as(page, digits)
    section = page.locator("section", has=page.get_by_role("heading", name="短信通知"))
    # What is texted, where and when, said before anything is ticked.
    expect(section).to_contain_text("我们会给您账号上的手机号发一条短信")
    expect(section).to_contain_text("短信只说是哪件事和编号，不写具体内容")
    expect(section).to_contain_text("晚上 9 点到第二天早上 8 点不发短信，这段时间的短信早上 8 点再发")
    box = page.get_by_label("有答复或结果时，发短信告诉我")
    expect(box).not_to_be_checked()
    expect(page.locator("#texts-done")).to_have_text("短信通知已关闭。答复和结果仍会放在睦邻的“我的消息”里。")
    masked = f"{digits[:3]}****{digits[-4:]}"

    box.check()
    section.get_by_role("button", name="保存").click()
    expect(page.locator("#texts-done")).to_have_text(f"短信通知已打开，短信会发到 {masked}。")
    audit(page, "texts-account-on")
    page.reload()
    expect(page.get_by_label("有答复或结果时，发短信告诉我")).to_be_checked()
    expect(page.locator("#texts-done")).to_have_text(f"短信通知已打开，短信会发到 {masked}。")
    token = page.evaluate("JSON.parse(sessionStorage.getItem('mulin.tokens')).id")
    assert ok(call(stack, "GET", "/me/texts", token))["sms"] is True

    page.get_by_role("button", name="English").click()
    english = page.get_by_label("Text me when there is an answer or a decision")
    expect(english).to_be_checked()
    expect(page.get_by_text("None between 9 pm and 8 am: those are sent at 8 am.")).to_be_visible()
    english.uncheck()
    page.locator("#texts").get_by_role("button", name="Save").click()
    expect(page.locator("#texts-done")).to_have_text("Texts are off. Answers and decisions still reach “My messages” on Mulin.")
    audit(page, "texts-account-off-en")
    page.reload()
    expect(page.get_by_label("Text me when there is an answer or a decision")).not_to_be_checked()
    assert ok(call(stack, "GET", "/me/texts", token))["sms"] is False


def enter_paper_suggestion(page: Page, digits: str, title: str, *, consent: bool) -> str:
    page.goto("/staff/entry.html")
    page.get_by_label("纸质表格").check()
    page.get_by_label("居民手机号").fill(digits)
    consent_box = page.get_by_label("居民同意短信通知")
    expect(consent_box).to_be_checked()  # paper entries ask for it by default
    if not consent:
        consent_box.uncheck()
    page.get_by_label("类别").select_option("sanitation")
    page.get_by_label("主题", exact=True).fill(title)
    page.get_by_label("事由和对策建议（照表格原文录入）").fill("楼道里堆了旧家具，挡住了消防通道，建议清理。")
    page.get_by_role("button", name="提交并生成回执").click()
    tracking = page.locator("#tracking-no")
    expect(tracking).to_be_visible()
    return tracking.inner_text()


def reply_to(stack, tracking_no: str) -> None:
    staff = id_token(stack, "committee_staff")
    queue = ok(call(stack, "GET", "/review/suggestions?status=submitted&limit=100", staff))
    case = next(item for item in queue["items"] if item["tracking_no"] == tracking_no)
    street = id_token(stack, "street_official")
    ok(call(stack, "POST", f"/review/suggestions/{case['id']}/accept", street, {}))
    ok(call(stack, "POST", f"/review/suggestions/{case['id']}/reply", street,
            {"message": "旧家具已于本周清走。", "adoption": "adopted"}))


def test_the_paper_forms_consent_decides_whether_the_reply_is_texted(page: Page, stack):
    declined, agreed = next(PAPER_NUMBERS), next(PAPER_NUMBERS)
    sign_in(page, stack, "committee_staff", "staff/entry.html")
    audit(page, "texts-staff-entry")
    no_text = enter_paper_suggestion(page, declined, "楼道堆物（不要短信）", consent=False)
    texted = enter_paper_suggestion(page, agreed, "楼道堆物（同意短信）", consent=True)

    # Replied in this order, on one queue: once the second reply's text is out, the first was handled.
    reply_to(stack, no_text)
    reply_to(stack, texted)
    deadline = time.monotonic() + TEXT_WITHIN_SECONDS
    while not texts_to(stack, agreed):
        assert time.monotonic() < deadline, f"no text reached {agreed} within {TEXT_WITHIN_SECONDS} s of the reply"
        time.sleep(0.5)
    assert texts_to(stack, agreed) == [f"【睦邻】您的建议（编号 {texted}）已答复，请登录睦邻或致电居委会查询。"]
    assert texts_to(stack, declined) == []

    page.goto("/staff/entry.html")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_label("The resident agrees to be told by SMS")).to_be_checked()
    audit(page, "texts-staff-entry-en")
