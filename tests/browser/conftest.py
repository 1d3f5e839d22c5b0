"""Browser tests: Debian's chromium, driven by playwright, against the whole local stack.

Each test gets a fresh page whose console errors and failed page loads fail the test; a
Content-Security-Policy violation is a console error, so a page whose code the site's
policy blocks fails its tests.
`audit(page, name)` is the check every page passes: axe-core finds no serious or critical
violation, nothing scrolls sideways at 360 px, and screenshots at 360 × 780 and 1280 × 800
land in test-artifacts/browser/.
"""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest
from playwright.sync_api import Page, sync_playwright

from tests.local_stack_process import ROOT, client_for, running_local_stack

CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
PHONE = (360, 780)
DESKTOP = (1280, 800)
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    with running_local_stack(tmp_path_factory.mktemp("browser-stack") / "stack.json") as running:
        yield running


@pytest.fixture(scope="session")
def base_url(stack):
    return stack["state"]["api_url"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it with apt-get (package chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield launched
        launched.close()


def is_expected_refusal(text: str) -> bool:
    # Chromium logs every 4xx answer and every dropped request as a console error; a test
    # about bad input or a lost network expects some.
    return text.startswith(("Failed to load resource: the server responded with a status of 4",
                            "Failed to load resource: net::ERR_FAILED",
                            "Failed to load resource: net::ERR_INTERNET_DISCONNECTED"))


def is_csp_refusal(text: str) -> bool:
    # Chromium words these "Refused to …" or "Executing inline … violates …" by version.
    return "Content Security Policy" in text


@pytest.fixture
def page(browser, base_url, request):
    refusals_expected = request.node.get_closest_marker("expects_failed_requests") is not None
    csp_refusals_expected = request.node.get_closest_marker("expects_csp_refusal") is not None
    context = browser.new_context(base_url=base_url, viewport={"width": PHONE[0], "height": PHONE[1]},
                                  locale="zh-CN", timezone_id="Europe/London")
    context.set_default_timeout(15_000)
    opened = context.new_page()
    problems: list[str] = []

    def on_console(message):
        if message.type == "error" and not (refusals_expected and is_expected_refusal(message.text)) \
                and not (csp_refusals_expected and is_csp_refusal(message.text)):
            problems.append(f"console {message.type}: {message.text} ({message.location.get('url')})")

    opened.on("console", on_console)
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    yield opened
    context.close()
    assert not problems, "\n".join(problems)


def demo_user(stack, role):
    return next(user for user in stack["state"]["demo_users"] if user["role"] == role)


def id_token(stack, role):
    state = stack["state"]
    user = demo_user(stack, role)
    cognito = boto3.client("cognito-idp", endpoint_url=state["aws_endpoint_url"], region_name=state["region"])
    return cognito.initiate_auth(
        ClientId=client_for(state, role), AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": user["username"], "PASSWORD": user["password"]},
    )["AuthenticationResult"]["IdToken"]


def sign_in(page: Page, stack, role="resident", next_page="index.html"):
    user = demo_user(stack, role)
    page.goto(f"/sign-in.html?next={next_page}")
    page.get_by_label("手机号").fill(user["username"].removeprefix("+86"))
    page.get_by_label("密码", exact=True).fill(user["password"])
    if role != "resident":
        page.get_by_label("我是居委会、街道或区的工作人员").check()
    page.get_by_role("button", name="登录", exact=True).click()
    # Signing in is several round trips (Cognito, the refresh cookie, then the next page's data):
    # the one step of these tests that a loaded machine stretches past the default wait.
    page.wait_for_url(f"**/{next_page.split('?')[0]}*", timeout=30_000)


def axe_violations(page: Page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the test driver, which the page's CSP does not govern; a <script> tag
        # added to the page would be refused like any other inline script.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]


def audit(page: Page, name: str) -> None:
    """Accessibility, layout at 360 px and screenshots, for the page as it is now."""
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    for width, height in (PHONE, DESKTOP):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}x{height}.png"), full_page=True)
        violations = axe_violations(page)
        assert not violations, f"{name} at {width} px:\n" + json.dumps(
            [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in violations],
            ensure_ascii=False, indent=1)
        if width == PHONE[0]:
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{name} scrolls sideways by {overflow} px at {width} px"
    page.set_viewport_size(original)
