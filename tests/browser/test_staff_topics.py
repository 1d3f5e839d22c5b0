"""The forum from the committee's side: a topic over its threshold is scheduled for a meeting
from the queue, the meeting's attendance, minutes and decision are recorded and the decision
becomes a PB proposal, which the topic's page shows on its path; a reported comment is hidden
and the residents' page shows the reason in its place."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import boto3
from playwright.sync_api import Page, expect

from chalicelib.storage.keys import topic_item_key
from tests.browser.conftest import sign_in
from tests.browser.test_staff_suggestions import call, shot

COMMITTEE = "310110012001"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def open_round(stack) -> dict:
    now = datetime.now(SHANGHAI)

    def window(start_days: float, end_days: float) -> dict[str, str]:
        return {"starts": (now + timedelta(days=start_days)).isoformat(), "ends": (now + timedelta(days=end_days)).isoformat()}

    return call(stack, "POST", "/rounds", {
        "scope": COMMITTEE, "title": f"议事厅转来的微更新 {uuid.uuid4().hex[:4]}", "description": "居民议事会议决定的项目。",
        "budget_fen": 10_000_000, "method": {"kind": "approval", "min_picks": 1, "max_picks": 2},
        "eligibility": {"accounts": True, "roster": False, "paper_codes": False},
        "schedule": {"proposals": window(-0.1, 5), "review": window(5, 8), "voting": window(8, 15), "results": window(16, 20),
                     "implementation": window(21, 90), "evaluation": window(91, 100)}}, role="committee_staff")


def demo_topic(stack) -> dict:
    page = call(stack, "GET", f"/topics?division={COMMITTEE}&limit=100")
    return next(item for item in page["items"] if item["title"] == "楼道加装扶手")


def test_staff_schedule_decide_and_carry_a_topic_and_hide_a_reported_comment(page: Page, stack):
    pb_round = open_round(stack)
    topic = demo_topic(stack)
    detail = call(stack, "GET", f"/topics/{topic['id']}")
    comment = next(c for c in detail["comments"] if "扶手高度" in (c["text"] or ""))
    call(stack, "POST", f"/topics/{topic['id']}/reports", {"reason": "personal_data", "comment_id": comment["id"]})

    sign_in(page, stack, "committee_staff", "staff/topics.html")
    expect(page.get_by_role("link", name="议事厅", exact=True)).to_have_attribute("aria-current", "page")
    entry = page.locator(f'#topic-queue > li[data-topic="{topic["id"]}"]')
    expect(entry.filter(has_text="待安排会议")).to_have_count(1)
    shot(page, "topics")

    # The reported comment is hidden with the reason residents will read.
    report = entry.filter(has_text="举报").first
    report.get_by_role("button", name="隐藏").click()
    expect(page.get_by_role("heading", name="办理")).to_be_focused()
    page.get_by_label("理由").fill("含有他人联系方式")
    page.get_by_role("button", name="确认").click()
    expect(page.locator("#done")).to_have_text("已办理：隐藏")

    # Scheduling from the queue: the form arrives filled with the topic and its committee.
    entry.filter(has_text="待安排会议").get_by_role("link", name="安排会议").click()
    page.wait_for_url("**/staff/meeting.html?topics=*")
    expect(page.get_by_label("召开的居委会或街道（代码）")).to_have_value(COMMITTEE)
    started = datetime.now(SHANGHAI) - timedelta(hours=1)
    page.get_by_label("开始时间（北京时间）").fill(started.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("结束时间（北京时间）").fill((started + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("地点", exact=True).fill("控一居委会活动室")
    page.get_by_label("议程", exact=True).fill("听取扶手方案，居民讨论，表决。")
    shot(page, "meeting-new")
    page.get_by_role("button", name="安排会议").click()
    page.wait_for_url("**/staff/meeting.html?id=*")
    expect(page.locator("#done")).to_have_text("会议已安排，议题已离开待办队列。")

    page.get_by_label("到场人数（含未报名的）").fill("18")
    page.get_by_role("button", name="记录签到").click()
    expect(page.locator("#done")).to_have_text("签到已记录，会议已召开。")
    page.get_by_label("纪要", exact=True).fill("到会 18 人，讨论扶手材质和高度。")
    page.get_by_role("button", name="保存纪要").click()
    expect(page.locator("#done")).to_have_text("纪要已保存。")
    page.get_by_label("决议内容").fill("12 号楼每层加装不锈钢扶手，申报微更新项目。")
    page.get_by_label("赞成").fill("15")
    page.get_by_label("反对").fill("1")
    page.get_by_label("弃权").fill("2")
    page.get_by_role("button", name="记录决议").click()
    expect(page.locator("#done")).to_have_text("决议已记录。")

    carry = page.locator("#carry")
    carry.get_by_label("转为").select_option("pb_proposal")
    carry.get_by_label("征集提议中的活动").select_option(pb_round["id"])
    carry.get_by_label("标题").fill("12 号楼楼道扶手")
    carry.get_by_label("估算费用（元）").fill("30000")
    shot(page, "meeting")
    carry.get_by_role("button", name="落实").click()
    expect(page.locator("#done")).to_have_text("决议已落实。")
    expect(page.locator("#decisions > li").first).to_contain_text("已转为微更新提议")

    # A second decision becomes a team's fund draft through a small form, not typed-in JSON.
    page.get_by_label("决议内容").fill("成立扶手维护小组，申请自治金购买清洁用品。")
    page.get_by_label("赞成").fill("16")
    page.get_by_label("反对").fill("0")
    page.get_by_label("弃权").fill("2")
    page.get_by_role("button", name="记录决议").click()
    expect(page.locator("#done")).to_have_text("决议已记录。")
    today = datetime.now(SHANGHAI).strftime("%Y-%m-%d")
    carry.get_by_label("转为").select_option("fund_application")
    carry.get_by_label("标题").fill("扶手维护小组清洁用品")
    for label, value in (("团队名称", "扶手维护小组"), ("负责人姓名", "王阿姨"), ("团队人数", "6"),
                         ("预计受益人数", "120"), ("开始日期", today), ("结束日期", today),
                         ("第 1 项名称", "清洁用品"), ("第 1 项单价（元）", "25.5"), ("第 1 项数量", "20")):
        carry.get_by_label(label, exact=True).fill(value)
    expect(carry.locator("#fund-total")).to_contain_text("510")
    # The lead's number, and their "no" to texts, said in the room.
    carry.get_by_label("负责人手机号").fill("13912340071")
    consent = carry.locator("#fund-sms")
    expect(consent).to_be_checked()
    consent.uncheck()
    carry.get_by_role("button", name="落实").click()
    expect(page.locator("#done")).to_have_text("决议已落实。")
    seen = call(stack, "GET", f"/meetings/{page.url.split('id=')[1].split('&')[0]}", role="committee_staff")
    (draft_id,) = [d["carried_to"]["ref_id"] for d in seen["decisions"]
                   if (d.get("carried_to") or {}).get("target") == "fund_application"]
    draft = call(stack, "GET", f"/funds/applications/{draft_id}", role="committee_staff")
    assert draft["sms_consent"] is False and draft["lead_phone_masked"] == "139****0071"
    expect(page.locator("#decisions > li").filter(has_text="扶手维护小组")).to_contain_text("自治金")

    # The topic's path, as the residents' page shows it, runs from raising to the proposal.
    page.goto(f"/topic.html?id={topic['id']}")
    path = page.locator("#path li")
    for step in ("提出议题", "附议达到门槛", "安排会议", "会议召开", "形成决议", "转为项目"):
        expect(path.filter(has_text=step).first).to_be_visible()
    carried = path.filter(has_text="转为项目").get_by_role("link")
    expect(carried.first).to_have_attribute("href", re.compile(rf"^round\.html\?round={pb_round['id']}#project-"))
    expect(carried.nth(1)).to_have_attribute("href", "fund.html")
    shot(page, "topic-path")

    # A resident sees the hidden comment as its reason.
    page.get_by_role("button", name="退出登录").click()
    # Signing out navigates to the home page itself; a sign-in started before it lands is lost.
    page.wait_for_url("**/index.html")
    sign_in(page, stack, "resident", f"topic.html?id={topic['id']}")
    hidden = page.locator(f"#comment-{comment['id']}")
    expect(hidden).to_contain_text("此内容已被隐藏，原因：含有他人联系方式")
    expect(hidden).not_to_contain_text("扶手高度")


def test_a_reported_comment_that_is_hidden_offers_restore_only(page: Page, stack):
    topic = demo_topic(stack)
    detail = call(stack, "GET", f"/topics/{topic['id']}")
    comment = next(c for c in detail["comments"] if "楼梯难走" in (c["text"] or ""))
    call(stack, "POST", f"/topics/{topic['id']}/reports", {"reason": "spam", "comment_id": comment["id"]})
    # Hidden as the report arrived: a hiding whose settling of reports missed it leaves it open.
    state = stack["state"]
    table = boto3.resource("dynamodb", endpoint_url=state["aws_endpoint_url"], region_name=state["region"],
                           aws_access_key_id="testing", aws_secret_access_key="testing").Table(state["table_name"])
    table.update_item(Key=topic_item_key(topic["id"], "COMMENT", comment["created_at"], comment["id"]),
                      UpdateExpression="SET hiding = :h",
                      ExpressionAttributeValues={":h": {"reason": "广告", "at": comment["created_at"],
                                                        "by_role": "committee_staff", "appealed": False,
                                                        "appeal_rejected": False}})

    sign_in(page, stack, "committee_staff", "staff/topics.html")
    entry = page.locator(f'#topic-queue > li[data-comment="{comment["id"]}"]')
    expect(entry.get_by_role("button", name="恢复显示")).to_be_visible()
    expect(entry.get_by_role("button", name="隐藏")).to_have_count(0)
    entry.get_by_role("button", name="恢复显示").click()
    expect(page.get_by_role("heading", name="办理")).to_be_focused()
    page.get_by_role("button", name="确认").click()
    expect(page.locator("#done")).to_have_text("已办理：恢复显示")
    shown = call(stack, "GET", f"/topics/{topic['id']}")
    assert next(c for c in shown["comments"] if c["id"] == comment["id"])["hidden"] is None
