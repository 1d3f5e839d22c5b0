"""The neighbourhood forum in a real browser: a resident raises a topic with a photo, a neighbour
(verified by the committee's staff a moment before) supports it and comments, the author replies,
the neighbour sees the reply and reports it with a reason; in Chinese and English, at 360 and
1280 px, axe-clean."""

from __future__ import annotations

import base64
import itertools
import re
import uuid

from playwright.sync_api import Page, expect

from tests.browser.conftest import audit, id_token, sign_in
from tests.browser.test_account import PASSWORD, call, code_for, cognito, sign_in_as

COMMITTEE = "310110012001"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
NUMBERS = (f"1391727{n:04d}" for n in itertools.count(1))


def verified_neighbour(stack) -> str:
    """A resident of the demo committee, signed up and verified the way the site does both."""
    digits = next(NUMBERS)
    client, client_id = cognito(stack), stack["state"]["user_pool_client_id"]
    client.sign_up(ClientId=client_id, Username="+86" + digits, Password=PASSWORD,
                   UserAttributes=[{"Name": "phone_number", "Value": "+86" + digits}])
    client.confirm_sign_up(ClientId=client_id, Username="+86" + digits,
                           ConfirmationCode=code_for(stack, digits, "sign_up"))
    token = client.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                                 AuthParameters={"USERNAME": "+86" + digits, "PASSWORD": PASSWORD})
    status, asked = call(stack, "POST", "/me/residence", token["AuthenticationResult"]["IdToken"],
                         {"committee": COMMITTEE, "building": "控江路 1500 弄 9 号", "room": "201 室", "basis": "hukou"})
    assert status == 201, asked
    status, approved = call(stack, "POST", f"/review/residences/{asked['id']}/approve",
                            id_token(stack, "committee_staff"), {"version": asked["version"]})
    assert status == 200, approved
    return digits


def sign_out(page: Page) -> None:
    page.get_by_role("button", name=re.compile("退出|Sign out")).first.click()
    page.wait_for_url("**/index.html")


def test_a_topic_is_raised_supported_discussed_and_a_reply_reported(page: Page, stack):
    neighbour = verified_neighbour(stack)
    title = f"小区东门加装雨棚 {uuid.uuid4().hex[:6]}"

    # The author raises it, with a photo, from the home page's link.
    sign_in(page, stack, "resident", "index.html")
    page.get_by_role("link", name="睦邻议事厅").first.click()
    page.wait_for_url("**/topics.html")
    expect(page.locator("#topic-list > li").first).to_be_visible()
    expect(page.get_by_role("button", name="提出议题")).to_be_enabled()
    audit(page, "topics-zh")
    page.get_by_label("议题", exact=True).fill(title)
    page.get_by_label("背景").fill("东门外没有遮挡，下雨天等车的老人和孩子都会淋湿。")
    page.get_by_label("建议做法").fill("在东门内侧加装一段透明雨棚，费用从微更新项目解决。")
    page.get_by_label("添加照片（选填，最多 9 张）").set_input_files({"name": "gate.png", "mimeType": "image/png", "buffer": PNG})
    expect(page.locator("#photo-status")).to_have_text("已添加照片 gate.png")
    page.get_by_role("button", name="提出议题").click()
    page.wait_for_url("**/topic.html?id=*")
    topic_url = page.url
    expect(page.locator("#topic-title")).to_have_text(title)
    expect(page.locator("#topic-photos")).to_have_text("附有 1 张照片")
    expect(page.locator("#path li")).to_have_count(1)
    expect(page.locator("#path li").first).to_contain_text("提出议题")
    expect(page.locator("#support-count")).to_contain_text("已有 0 人附议")
    sign_out(page)

    # A neighbour supports it and comments.
    sign_in_as(page, neighbour, next_page="topics.html")
    page.get_by_role("button", name="附议最多").click()
    expect(page.get_by_role("button", name="附议最多")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="最新").click()
    page.get_by_role("link", name=title).click()
    page.get_by_role("button", name="附议", exact=True).click()
    expect(page.locator("#support-count")).to_contain_text("已有 1 人附议")
    expect(page.locator("#support")).to_have_text("已附议")
    page.get_by_label("说说您的看法").fill("赞成，东门雨天确实不方便。")
    page.get_by_role("button", name="发表").click()
    expect(page.locator("#comments > li")).to_have_count(1)
    expect(page.locator("#comments > li").first).to_contain_text("东门雨天确实不方便")
    expect(page.locator("#comments > li").first.get_by_role("button", name="修改")).to_be_visible()
    audit(page, "topic-zh")
    sign_out(page)

    # The author replies to it.
    sign_in(page, stack, "resident", "index.html")
    page.goto(topic_url)
    comment = page.locator("#comments > li").first
    comment.get_by_role("button", name="回复").click()
    expect(page.locator("#replying")).to_contain_text("东门雨天确实不方便")
    page.get_by_label("说说您的看法").fill("谢谢支持，我们一起去居委会说。")
    page.get_by_role("button", name="发表").click()
    expect(comment.locator(".replies > li")).to_have_count(1)
    sign_out(page)

    # The neighbour sees the reply under their comment, and reports it.
    sign_in_as(page, neighbour, next_page="topics.html")
    page.goto(topic_url)
    reply = page.locator("#comments > li .replies > li").first
    expect(reply).to_contain_text("我们一起去居委会说")
    expect(reply).to_contain_text("邻居")
    reply.get_by_role("button", name="举报").click()
    expect(page.get_by_role("heading", name="举报", exact=True)).to_be_focused()
    page.get_by_label("与本社区无关").check()
    page.get_by_role("button", name="提交举报").click()
    expect(page.locator("#topic-problem")).to_have_text("举报已提交，居委会会处理。")

    # The committee's conventions lead to the meeting that adopted them, with its decisions.
    page.goto("/conventions.html")
    expect(page.locator("#conventions > li").first).to_be_visible()
    audit(page, "conventions-zh")
    page.locator("#conventions > li").first.get_by_role("link", name="表决这项公约的会议").click()
    page.wait_for_url("**/meeting.html?id=*")
    expect(page.locator("#decisions > li").first).to_contain_text("通过")
    expect(page.locator("#minutes-text")).not_to_be_empty()
    audit(page, "meeting-zh")
    page.goto(topic_url)

    # In English, large type and a small phone, the same page reads and fits.
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Discussion")).to_be_visible()
    expect(page.locator("#path li").first).to_contain_text("Raised")
    audit(page, "topic-en")
    page.goto("/topics.html")
    expect(page.get_by_role("heading", name="Raise a topic")).to_be_visible()
    audit(page, "topics-en")
