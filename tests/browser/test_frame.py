"""The pages every resident meets first: home and sign-in, in both languages and large type."""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import expect

from local_stack.embedded_mfa import STEP_SECONDS, totp
from tests.browser.conftest import audit, is_csp_refusal, sign_in
from tests.local_stack_process import ROOT

PAGES = ["index.html", "sign-in.html"]


def test_every_string_exists_in_both_languages_and_every_page_key_is_defined():
    zh = json.loads((ROOT / "web/i18n/zh.json").read_text(encoding="utf-8"))
    en = json.loads((ROOT / "web/i18n/en.json").read_text(encoding="utf-8"))
    staff_zh = json.loads((ROOT / "web/i18n/staff.zh.json").read_text(encoding="utf-8"))
    staff_en = json.loads((ROOT / "web/i18n/staff.en.json").read_text(encoding="utf-8"))
    assert set(zh) == set(en) and set(staff_zh) == set(staff_en)
    # The workbench's strings load only on web/staff/ pages: residents' pages must not need them.
    assert all(key.startswith("staff.") for key in staff_zh) and not any(key.startswith("staff.") for key in zh)
    resident_files = [*(ROOT / "web").glob("*.html"), *(ROOT / "web/js").glob("*.js")]
    assert not [f.name for f in resident_files if re.search(r"""["'`]staff\.[a-z]""", f.read_text(encoding="utf-8"))]
    zh, en = {**zh, **staff_zh}, {**en, **staff_en}
    assert all(value.strip() for value in [*zh.values(), *en.values()])

    used = set()
    for file in (ROOT / "web").rglob("*.html"):
        used |= set(re.findall(r'data-i18n(?:-placeholder|-aria-label)?="([^"]+)"', file.read_text(encoding="utf-8")))
    assert used <= set(zh), used - set(zh)


def test_home_and_sign_in_pass_the_audit_signed_out(page):
    for name in PAGES:
        page.goto(f"/{name}")
        expect(page.locator("h1")).not_to_be_empty()
        audit(page, name.removesuffix(".html"))


def test_a_resident_signs_in_with_the_phone_number_and_is_greeted_masked(page, stack):
    sign_in(page, stack)
    expect(page.locator("#who")).to_contain_text("138****0001")
    expect(page.get_by_role("button", name="退出登录")).to_be_visible()


@pytest.mark.expects_failed_requests
def test_a_wrong_password_is_said_next_to_the_password_field(page, stack):
    page.goto("/sign-in.html")
    page.get_by_label("手机号").fill("13800000001")
    page.get_by_label("密码", exact=True).fill("not-the-password")
    page.get_by_role("button", name="登录", exact=True).click()
    password = page.get_by_label("密码", exact=True)
    expect(password).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#password-error")).to_have_text("手机号或密码不正确。")
    expect(page.get_by_role("alert")).to_be_visible()


def test_english_and_large_type_are_remembered(page):
    page.goto("/index.html")
    base = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_have_text("Mulin · taking part in your neighbourhood")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("button", name="Large type").click()
    page.reload()
    expect(page.get_by_role("button", name="Large type")).to_have_attribute("aria-pressed", "true")
    large = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert large >= 20 > base
    button_height = page.get_by_role("button", name="中文").bounding_box()["height"]
    assert button_height >= 48
    audit(page, "index-en-large")


def test_the_keyboard_alone_signs_in_with_the_focus_always_visible(page, stack):
    page.goto("/sign-in.html")
    expect(page.get_by_role("heading", level=1)).not_to_be_empty()
    skip = page.get_by_role("link", name="跳到主要内容")
    # The heading is in the HTML before the scripts run; the skip link comes with the frame they draw.
    expect(skip).to_be_attached()
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    assert skip.evaluate("el => el.getBoundingClientRect().left >= 0")
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    phone = page.get_by_label("手机号")
    for _ in range(10):
        if phone.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(phone).to_be_focused()
    page.keyboard.type("138 0000 0001")
    page.keyboard.press("Tab")
    page.keyboard.type(next(u for u in stack["state"]["demo_users"] if u["role"] == "resident")["password"])
    page.keyboard.press("Enter")
    page.wait_for_url("**/index.html")
    expect(page.locator("#who")).to_contain_text("138****0001")


def officials_pool(stack):
    import boto3

    state = stack["state"]
    cognito = boto3.client("cognito-idp", endpoint_url=state["aws_endpoint_url"], region_name=state["region"])
    return cognito, state["officials_user_pool_id"], state["officials_user_pool_client_id"]


def new_official(cognito, pool_id, phone, *, temporary=None, password=None):
    cognito.admin_create_user(UserPoolId=pool_id, Username=phone, MessageAction="SUPPRESS",
                              TemporaryPassword=temporary or "Temporary-pass-1",
                              UserAttributes=[{"Name": "phone_number", "Value": phone},
                                              {"Name": "phone_number_verified", "Value": "true"},
                                              {"Name": "custom:division", "Value": "310110012001"}])
    cognito.admin_add_user_to_group(UserPoolId=pool_id, Username=phone, GroupName="committee_staff")
    if password:
        cognito.admin_set_user_password(UserPoolId=pool_id, Username=phone, Password=password, Permanent=True)


def test_staff_sign_in_with_their_authenticator_code(page, stack):
    cognito, pool_id, client_id = officials_pool(stack)
    phone, password = "+8613900000101", "Staff-password-101"
    new_official(cognito, pool_id, phone, password=password)
    access = cognito.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                                   AuthParameters={"USERNAME": phone, "PASSWORD": password})["AuthenticationResult"]
    secret = cognito.associate_software_token(AccessToken=access["AccessToken"])["SecretCode"]
    cognito.verify_software_token(AccessToken=access["AccessToken"], UserCode=totp(secret))
    cognito.admin_set_user_mfa_preference(UserPoolId=pool_id, Username=phone,
                                          SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})

    page.goto("/sign-in.html")
    page.get_by_label("手机号").fill(phone.removeprefix("+86"))
    page.get_by_label("密码", exact=True).fill(password)
    page.get_by_label("我是居委会、街道或区的工作人员").check()
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page.get_by_role("heading", name="输入验证码")).to_be_focused()
    audit(page, "sign-in-code")
    page.get_by_label("6 位验证码").fill("12345")
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page.locator("#code-error")).to_have_text("验证码不正确，请输入应用当前显示的 6 位数字。")
    # The next step's code: the current one was spent setting the app up, and Cognito takes a code once.
    page.get_by_label("6 位验证码").fill(totp(secret, time.time() + STEP_SECONDS))
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_url("**/index.html")
    session = page.evaluate("JSON.parse(localStorage.getItem('mulin.session'))")
    assert session == {"pool": "officials"}


def test_a_new_staff_account_sets_its_password_and_authenticator_at_first_sign_in(page, stack):
    cognito, pool_id, _ = officials_pool(stack)
    phone = "+8613900000102"
    new_official(cognito, pool_id, phone, temporary="Temporary-pass-102")
    page.goto("/sign-in.html")
    page.get_by_label("手机号").fill(phone.removeprefix("+86"))
    page.get_by_label("密码", exact=True).fill("Temporary-pass-102")
    page.get_by_label("我是居委会、街道或区的工作人员").check()
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page.get_by_role("heading", name="请设置新密码")).to_be_focused()
    page.get_by_label("新密码").fill("Chosen-password-102")
    page.get_by_role("button", name="登录", exact=True).click()
    # The officials' pool requires MFA, so the first sign-in goes on to set up the app.
    expect(page.get_by_role("heading", name="绑定身份验证器")).to_be_focused()
    expect(page.locator("#secret")).to_have_text(re.compile(r"^\S{4}( \S{1,4})+$"))
    audit(page, "sign-in-authenticator-setup")
    page.get_by_label("6 位验证码").fill(totp(page.locator("#secret").inner_text()))
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_url("**/index.html")
    assert cognito.admin_get_user(UserPoolId=pool_id, Username=phone)["UserStatus"] == "CONFIRMED"


@pytest.mark.expects_csp_refusal
def test_the_site_policy_refuses_planted_inline_code(page):
    refusals: list[str] = []
    page.on("console", lambda message: refusals.append(message.text) if is_csp_refusal(message.text) else None)
    response = page.goto("/index.html")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-" not in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-frame-options"] == "DENY" and response.headers["x-content-type-options"] == "nosniff"
    expect(page.locator("h1")).not_to_be_empty()
    # eval cannot be tried from here: code the test driver evaluates is exempt from the policy.
    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.planted = 'script'";
        document.body.append(script);
        const image = document.createElement("img");
        image.setAttribute("onerror", "window.planted = 'handler'");
        image.src = "data:,not-an-image";
        document.body.append(image);
    }""")
    expect(page.locator("img[onerror]")).to_be_attached()
    page.wait_for_timeout(500)
    assert page.evaluate("window.planted") is None
    assert any("inline script" in text for text in refusals) and any("inline event handler" in text for text in refusals)
