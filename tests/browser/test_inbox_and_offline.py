"""The inbox's bell and list, the installable app, and a suggestion sent offline."""

from __future__ import annotations

import json
import re
import urllib.request
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import audit, id_token, sign_in
from tests.browser.test_suggest import fill_until_review, my_suggestions


def call(stack, method, path, body=None, role="resident"):
    headers = {"Authorization": f"Bearer {id_token(stack, role)}", "Content-Type": "application/json",
               "Idempotency-Key": str(uuid.uuid4())}
    request = urllib.request.Request(stack["state"]["api_url"] + path, method=method, headers=headers,
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def accepted_case(stack, title):
    """A resident's case an official accepted, everything before it marked read: two unread
    messages (sent, accepted)."""
    call(stack, "POST", "/notifications/read", {"read_until": "2999-01-01T00:00:00Z"})  # kept as the server's now
    case = call(stack, "POST", "/suggestions", {
        "title": title, "content": "单元门禁损坏已一周，外来人员随意进出，建议尽快维修。", "category": "public_safety",
        "division": "310110012001", "location": "控江路 1500 弄 3 号", "publish_consent": False})
    call(stack, "POST", f"/review/suggestions/{case['id']}/accept", {}, role="street_official")
    return case


def test_the_bell_counts_new_messages_and_the_inbox_links_to_the_case(page: Page, stack):
    title = "门禁测试：单元门禁损坏"
    case = accepted_case(stack, title)
    sign_in(page, stack, next_page="index.html")
    bell = page.locator("#bell")
    expect(bell.locator("#bell-count")).to_have_text("2")
    expect(bell).to_have_attribute("aria-label", "消息，2 条未读")
    audit(page, "bell")

    bell.click()
    expect(page.get_by_role("heading", name="我的消息")).to_be_visible()
    first = page.locator("#messages li").first
    expect(first).to_contain_text("已受理")
    expect(first.locator(".badge")).to_have_text("未读")
    link = first.get_by_role("link", name="查看这条建议")
    expect(link).to_have_attribute("href", f"my-suggestions.html?id={case['id']}")
    expect(page.locator("#bell-count")).to_be_hidden()  # opening the inbox read them
    audit(page, "inbox")
    page.get_by_role("button", name="大字模式").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\blarge\b"))
    audit(page, "inbox-large")
    page.get_by_role("button", name="大字模式").click()
    assert call(stack, "GET", "/notifications/read")["unread"] == 0

    page.reload()
    expect(page.locator("#messages li").first).to_contain_text("已受理")
    expect(page.locator("#messages .badge")).to_have_count(0)
    expect(page.locator("#bell-count")).to_be_hidden()

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="My messages")).to_be_visible()
    expect(page.locator("#messages li").first.get_by_role("link", name="Open this suggestion")).to_be_visible()
    audit(page, "inbox-en")
    page.locator("#messages li").first.get_by_role("link", name="Open this suggestion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_the_site_installs_with_its_manifest_icons_and_worker(page: Page, stack):
    page.goto("/index.html")
    href = page.locator('link[rel="manifest"]').get_attribute("href")
    response = page.request.get(f"/{href}")
    assert response.ok and response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    assert (manifest["short_name"], manifest["lang"], manifest["display"]) == ("睦邻", "zh-CN", "standalone")
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        assert page.request.get(f"/{icon['src']}").ok
    scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    assert scope == page.url.rsplit("/", 1)[0] + "/"
    # The shell is kept: the home page opens with the network cut.
    page.reload()
    page.evaluate("navigator.serviceWorker.ready")
    page.context.set_offline(True)
    try:
        page.reload()
        expect(page.get_by_role("status").filter(has_text="现在离线")).to_be_visible()
        expect(page.locator(".site-header .brand")).to_have_text("睦邻")
    finally:
        page.context.set_offline(False)


@pytest.mark.expects_failed_requests
def test_a_suggestion_sent_offline_is_created_once_when_the_network_returns(page: Page, stack):
    title = "离线测试：楼道灯不亮"
    sign_in(page, stack, next_page="suggest.html")
    fill_until_review(page, title)
    page.context.set_offline(True)
    banner = page.locator("#offline-banner")
    expect(banner).to_contain_text("现在离线")
    send = page.get_by_role("button", name="提交建议")
    send.click()
    expect(page.locator("#queued-status")).to_contain_text("已保存")
    audit(page, "suggest-offline")
    send.click()  # pressed again while waiting: still the same send
    expect(page.locator("#queued-status")).to_contain_text("已保存")
    assert [s["title"] for s in my_suggestions(stack)].count(title) == 0

    page.context.set_offline(False)
    expect(page.get_by_role("heading", name="建议已提交")).to_be_visible(timeout=30_000)
    expect(banner).to_be_empty()
    page.wait_for_load_state("networkidle")
    assert [s["title"] for s in my_suggestions(stack)].count(title) == 1
