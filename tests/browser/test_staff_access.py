"""A resident's session never loads staff data: every staff page shows the sign-in prompt
and no staff API call succeeds (the API refuses them too: the access matrix)."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from tests.browser.conftest import ROOT, sign_in

STAFF_PAGES = sorted(p.name for p in (ROOT / "web" / "staff").glob("*.html"))
# What any page of the site may fetch for a resident: its strings, the config, the bell's count,
# the session's renewal.
NOT_STAFF_DATA = ("/config.json", "/i18n/", "/notifications/read", "/session")


def test_every_staff_page_shows_a_resident_the_sign_in_prompt(page: Page, stack):
    assert {"index.html", "suggestions.html", "case.html"} <= set(STAFF_PAGES)
    sign_in(page, stack, role="resident")
    answered: list[str] = []
    page.on("response", lambda response: answered.append(f"{response.status} {urlsplit(response.url).path}")
            if response.ok and response.request.resource_type in ("fetch", "xhr") else None)
    for name in STAFF_PAGES:
        page.goto(f"/staff/{name}")
        gate = page.locator("#staff-gate")
        expect(gate).to_contain_text("您现在以居民身份登录")
        expect(gate.get_by_role("link", name="以工作人员身份登录")).to_have_attribute(
            "href", f"../sign-in.html?next=staff%2F{name}")
        page.wait_for_load_state("networkidle")
    staff_calls = [call for call in answered if not call.split(" ", 1)[1].startswith(NOT_STAFF_DATA)]
    assert not staff_calls, staff_calls


def test_signed_out_the_staff_pages_lead_to_the_staff_sign_in(page: Page, stack):
    page.goto("/staff/case.html?id=01JD3Z6Q8V2W4X5Y6Z7A8B9C0D")
    expect(page.locator("#staff-gate")).to_contain_text("请勾选")
    expect(page.locator("#case")).to_be_hidden()
    page.get_by_role("link", name="以工作人员身份登录").click()
    page.wait_for_url("**/sign-in.html?next=staff%2Fcase.html*")
