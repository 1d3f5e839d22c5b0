"""Sign-up, confirmation by SMS code, password recovery and my account, in a real browser.

Codes come from the local stack's SMS outbox, as a resident would read them from their
phone. Each test signs up its own number, so tests share the session's stack without
sharing an account. The last test is the whole way in: a new resident signs up
on the site, asks for verification, committee staff approve through the API, and the
resident's next token carries the residence and their ballot is accepted."""

from __future__ import annotations

import base64
import itertools
import json
import re
import urllib.error
import urllib.request

import boto3
import pytest
from playwright.sync_api import Page, expect

from local_stack.outbox import latest
from tests.browser.conftest import audit, id_token

COMMITTEE = "310110012001"
PASSWORD = "neighbour2026"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
# Numbers no demo account holds, one per account a test opens.
NUMBERS = (f"1391700{n:04d}" for n in itertools.count(1))


def code_for(stack, digits: str, kind) -> str:
    message = latest(stack["state"]["sms_outbox"], "+86" + digits, kind)
    assert message, f"no {kind} message was sent to {digits}"
    return message["code"]


def cognito(stack):
    state = stack["state"]
    return boto3.client("cognito-idp", endpoint_url=state["aws_endpoint_url"], region_name=state["region"],
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def resident_account(stack) -> str:
    """A confirmed resident made the way the site makes one; returns its 11 digits."""
    digits = next(NUMBERS)
    client, client_id = cognito(stack), stack["state"]["user_pool_client_id"]
    client.sign_up(ClientId=client_id, Username="+86" + digits, Password=PASSWORD,
                   UserAttributes=[{"Name": "phone_number", "Value": "+86" + digits}])
    client.confirm_sign_up(ClientId=client_id, Username="+86" + digits,
                           ConfirmationCode=code_for(stack, digits, "sign_up"))
    return digits


def sign_in_as(page: Page, digits: str, password: str = PASSWORD, next_page: str = "account.html") -> None:
    page.goto(f"/sign-in.html?next={next_page}")
    page.get_by_label("手机号").fill(digits)
    page.get_by_label("密码", exact=True).fill(password)
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_url(f"**/{next_page}")


def call(stack, method, path, token, body=None):
    headers = {"Authorization": f"Bearer {token}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(stack["state"]["api_url"] + path, method=method, headers=headers,
                                     data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def session_claims(page: Page) -> dict:
    # The page's own copy of its ID token (web/js/core.js: this tab's sessionStorage).
    token = page.evaluate("JSON.parse(sessionStorage.getItem('mulin.tokens')).id")
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def sign_up_in_browser(page: Page, stack, digits: str, *, check=lambda name: None) -> None:
    page.goto("/sign-up.html")
    page.get_by_label("手机号").fill(digits)
    check("sign-up-phone")
    page.get_by_role("button", name="下一步").click()
    rule = page.locator("#password-hint")
    expect(rule).to_have_text("至少 10 位，须同时包含小写英文字母和数字。")  # said before anything is typed
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    check("sign-up-password")
    page.get_by_role("button", name="注册并发送验证码").click()
    expect(page.get_by_role("heading", name="输入短信验证码")).to_be_focused()
    spaced = f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}"
    expect(page.locator("#code-sent")).to_contain_text(spaced)


@pytest.mark.expects_failed_requests
def test_a_wrong_code_is_said_at_the_code_and_the_right_one_signs_the_new_resident_in(page, stack):
    digits = next(NUMBERS)
    sign_up_in_browser(page, stack, digits, check=lambda name: audit(page, name))
    expect(page.locator("#resend-wait")).to_contain_text("秒后可以重新发送")
    expect(page.get_by_role("button", name="重新发送验证码")).to_have_attribute("aria-disabled", "true")
    right = code_for(stack, digits, "sign_up")
    wrong = "000000" if right != "000000" else "111111"
    page.get_by_label("短信验证码").fill(wrong)
    page.get_by_role("button", name="完成注册").click()
    code = page.get_by_label("短信验证码")
    expect(code).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#code-error")).to_have_text("验证码不正确，请核对短信中的 6 位数字。")
    expect(page.get_by_role("alert")).to_contain_text("验证码不正确")
    audit(page, "sign-up-code-wrong")
    # Reading the message in another app and coming back loses nothing but the password,
    # which was never kept on the device.
    page.reload()
    expect(page.get_by_role("heading", name="输入短信验证码")).to_be_visible()
    stored = page.evaluate("Object.entries(localStorage).filter(([key]) => !key.startsWith('mulin.code-sent.'))")
    assert not any(PASSWORD in value or right in value for _, value in stored), stored
    page.get_by_label("短信验证码").fill(right)
    page.get_by_role("button", name="完成注册").click()
    # The reload lost the password, so the resident types it once more.
    page.wait_for_url("**/sign-in.html*")
    expect(page.locator("#signed-up")).to_be_visible()
    expect(page.get_by_label("手机号")).to_have_value(digits)
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_url("**/account.html*")
    expect(page.locator("#my-phone")).to_have_text(f"{digits[:3]}****{digits[-4:]}")


def test_without_a_reload_the_confirmed_resident_is_signed_in_at_once(page, stack):
    digits = next(NUMBERS)
    sign_up_in_browser(page, stack, digits)
    page.get_by_label("短信验证码").fill(code_for(stack, digits, "sign_up"))
    page.get_by_role("button", name="完成注册").click()
    page.wait_for_url("**/account.html?welcome=1")
    expect(page.locator("#welcome")).to_contain_text("注册成功，您已登录")
    expect(page.locator("#residence-status")).to_have_text("还没有核验居住地。")
    assert session_claims(page)["phone_number"] == "+86" + digits
    audit(page, "account-new")


@pytest.mark.expects_failed_requests
def test_a_taken_number_and_a_weak_password_are_said_at_their_fields(page, stack):
    page.goto("/sign-up.html")
    page.get_by_label("手机号").fill("138 0000 0001")  # the demo resident's
    page.get_by_role("button", name="下一步").click()
    page.get_by_label("密码", exact=True).fill("onlyletters")
    page.get_by_role("button", name="注册并发送验证码").click()
    expect(page.locator("#password-error")).to_contain_text("密码不符合要求")
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="注册并发送验证码").click()
    # Back on the number's screen, the error beside the number.
    phone = page.get_by_label("手机号")
    expect(phone).to_be_focused()
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#phone-error")).to_have_text("这个手机号已经注册过。请直接登录；忘记密码可以用短信找回。")
    audit(page, "sign-up-taken")


@pytest.mark.expects_failed_requests
def test_a_forgotten_password_is_reset_by_sms_and_the_resident_is_signed_in(page, stack):
    digits = resident_account(stack)
    page.goto("/sign-in.html")
    page.get_by_role("link", name="忘记密码？").click()
    page.wait_for_url("**/forgot-password.html")
    page.get_by_label("手机号").fill(digits)
    audit(page, "forgot-phone")
    page.get_by_role("button", name="发送验证码").click()
    expect(page.get_by_role("heading", name="输入验证码，设置新密码")).to_be_focused()
    page.get_by_label("短信验证码").fill("12345")
    page.get_by_label("新密码").fill("short")
    page.get_by_role("button", name="设置新密码并登录").click()
    expect(page.locator("#code-error")).to_have_text("请输入短信中的 6 位数字。")
    expect(page.locator("#password-error")).to_contain_text("密码不符合要求")
    audit(page, "forgot-reset-errors")
    page.get_by_label("短信验证码").fill(code_for(stack, digits, "forgot_password"))
    page.get_by_label("新密码").fill("rememberme2027")
    page.get_by_role("button", name="设置新密码并登录").click()
    page.wait_for_url("**/index.html")
    expect(page.locator("#who")).to_contain_text(f"{digits[:3]}****{digits[-4:]}")
    # The old password no longer opens the account; the new one does.
    with pytest.raises(cognito(stack).exceptions.NotAuthorizedException):
        cognito(stack).initiate_auth(ClientId=stack["state"]["user_pool_client_id"], AuthFlow="USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": "+86" + digits, "PASSWORD": PASSWORD})


@pytest.mark.expects_failed_requests
def test_the_password_is_changed_from_my_account(page, stack):
    digits = resident_account(stack)
    sign_in_as(page, digits)
    page.get_by_role("link", name="修改密码").click()
    page.get_by_label("当前密码").fill("not-my-password1")
    page.get_by_label("新密码").fill("newsecret2028")
    page.get_by_role("button", name="修改密码").click()
    expect(page.locator("#current-error")).to_have_text("当前密码不正确。")
    audit(page, "account-password")
    page.get_by_label("当前密码").fill(PASSWORD)
    page.get_by_role("button", name="修改密码").click()
    page.wait_for_url("**/account.html?done=password")
    expect(page.locator("#done")).to_have_text("密码已修改。")
    cognito(stack).initiate_auth(ClientId=stack["state"]["user_pool_client_id"], AuthFlow="USER_PASSWORD_AUTH",
                                 AuthParameters={"USERNAME": "+86" + digits, "PASSWORD": "newsecret2028"})


@pytest.mark.expects_failed_requests
def test_a_new_number_takes_over_only_once_its_code_is_confirmed(page, stack):
    digits, new = resident_account(stack), next(NUMBERS)
    sign_in_as(page, digits)
    page.get_by_role("link", name="更换手机号").click()
    expect(page.locator("#current-phone")).to_have_text(f"现在的手机号：{digits[:3]}****{digits[-4:]}")
    expect(page.get_by_text("输入验证码之前，您的账号仍然是原来的手机号")).to_be_visible()
    page.get_by_label("新手机号").fill(new)
    audit(page, "account-phone")
    page.get_by_role("button", name="发送验证码到新号码").click()
    expect(page.get_by_role("heading", name="输入新号码收到的验证码")).to_be_focused()
    # Until the code comes back the old number is the account's, in Cognito and in the API.
    status, me = call(stack, "GET", "/me", page.evaluate("JSON.parse(sessionStorage.getItem('mulin.tokens')).id"))
    assert status == 200 and me["phone_masked"] == f"{digits[:3]}****{digits[-4:]}"
    page.get_by_label("短信验证码").fill("000000" if code_for(stack, new, "verify_attribute") != "000000" else "111111")
    page.get_by_role("button", name="确认更换").click()
    expect(page.locator("#phone-code-error")).to_have_text("验证码不正确，请核对短信中的 6 位数字。")
    page.get_by_label("短信验证码").fill(code_for(stack, new, "verify_attribute"))
    page.get_by_role("button", name="确认更换").click()
    page.wait_for_url("**/account.html?done=phone")
    expect(page.locator("#my-phone")).to_have_text(f"{new[:3]}****{new[-4:]}")
    assert session_claims(page)["phone_number"] == "+86" + new


def test_signing_out_everywhere_ends_the_refresh_token_too(page, stack):
    digits = resident_account(stack)
    sign_in_as(page, digits)
    # The refresh token is in the API's HttpOnly session cookie, out of the page's reach.
    refresh = next(c["value"] for c in page.context.cookies() if c["name"] == "__Secure-mulin-session").split("~", 1)[1]
    page.get_by_role("button", name="在所有设备上退出").click()
    # Three calls in a row (Cognito's global sign-out, the API's DELETE /session, which revokes
    # at Cognito, then the next page): on a loaded machine they have needed more than 15 s.
    page.wait_for_url("**/index.html", timeout=45_000)
    assert page.evaluate("localStorage.getItem('mulin.session')") is None
    with pytest.raises(cognito(stack).exceptions.NotAuthorizedException):
        cognito(stack).initiate_auth(ClientId=stack["state"]["user_pool_client_id"], AuthFlow="REFRESH_TOKEN_AUTH",
                                     AuthParameters={"REFRESH_TOKEN": refresh})


def test_in_english_and_large_type_the_account_pages_fit_a_small_phone(page, stack):
    digits = resident_account(stack)
    sign_in_as(page, digits)
    page.get_by_role("button", name="English").click()
    page.get_by_role("button", name="Large type").click()
    expect(page.get_by_role("heading", name="Where you live")).to_be_visible()
    audit(page, "account-en-large")
    for task, heading in (("residence", "Which residents' committee do you live in?"), ("delete", "Delete your account"),
                          ("phone", "Change your mobile number")):
        page.goto(f"/account.html?do={task}")
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        audit(page, f"account-{task}-en-large")
    page.goto("/sign-up.html")
    expect(page.get_by_role("heading", name="What is your mobile number?")).to_be_visible()
    audit(page, "sign-up-en-large")


def ask_for_verification(page: Page, *, check=lambda name: None) -> None:
    page.get_by_role("link", name="申请居住核验").click()
    expect(page.get_by_role("heading", name="您住在哪个居委会？")).to_be_focused()
    page.get_by_role("button", name="下一步").click()
    expect(page.locator("#division-error")).to_have_text("请选择居委会。")
    page.get_by_label("区", exact=True).select_option(COMMITTEE[:6])
    page.get_by_label("街道 / 镇").select_option(COMMITTEE[:9])
    page.get_by_label("居委会 / 村委会").select_option(COMMITTEE)
    check("account-residence-place")
    page.get_by_role("button", name="下一步").click()
    page.get_by_label("楼号").fill("12 号楼 3 单元")
    page.get_by_label("室号").fill("502 室")
    check("account-residence-home")
    page.get_by_role("button", name="下一步").click()
    page.get_by_label("租住").check()
    check("account-residence-basis")
    page.get_by_role("button", name="下一步").click()
    page.get_by_label("添加照片").set_input_files({"name": "contract.png", "mimeType": "image/png", "buffer": PNG})
    expect(page.get_by_text("已添加照片 contract.png")).to_be_visible()
    expect(page.locator("#residence-review")).to_contain_text("控一居委会")
    expect(page.locator("#residence-review")).to_contain_text("12 号楼 3 单元 502 室")
    check("account-residence-proof")
    page.get_by_role("button", name="提交核验申请").click()
    page.wait_for_url("**/account.html?done=residence")


def test_a_new_resident_signs_up_is_verified_by_staff_and_casts_a_ballot(page, stack):
    digits = next(NUMBERS)
    sign_up_in_browser(page, stack, digits)
    page.get_by_label("短信验证码").fill(code_for(stack, digits, "sign_up"))
    page.get_by_role("button", name="完成注册").click()
    page.wait_for_url("**/account.html?welcome=1")
    assert "custom:division" not in session_claims(page)

    ask_for_verification(page, check=lambda name: audit(page, name))
    expect(page.locator("#residence-status")).to_contain_text("待审核")
    card = page.locator("#requests > li").first
    expect(card).to_contain_text("待审核")
    expect(card).to_contain_text("控一居委会 · 12 号楼 3 单元 502 室")
    expect(card).to_contain_text("（北京时间）")
    expect(page.get_by_role("link", name="申请居住核验")).to_be_hidden()  # one pending request at a time
    audit(page, "account-pending")

    # The committee's staff find it in their queue and approve it through the API.
    staff = id_token(stack, "committee_staff")
    status, queue = call(stack, "GET", f"/review/residences?division={COMMITTEE}&limit=100", staff)
    assert status == 200, queue
    masked = f"{digits[:3]}****{digits[-4:]}"
    request = next(item for item in queue["items"] if item["phone_masked"] == masked)
    assert (request["building"], request["room"], request["basis"]) == ("12 号楼 3 单元", "502 室", "tenant")
    status, decided = call(stack, "POST", f"/review/residences/{request['id']}/approve", staff,
                           {"version": request["version"]})
    assert status == 200 and decided["status"] == "approved", decided

    # The token the browser holds predates the approval; the account page gets the next one.
    assert "custom:division" not in session_claims(page)
    page.goto("/account.html")
    expect(page.locator("#residence-status")).to_contain_text(re.compile(r"^已核验 控一居委会（\d{4}年\d{1,2}月\d{1,2}日起）$"))
    expect(page.locator("#requests > li").first).to_contain_text("已核验")
    assert session_claims(page)["custom:division"] == COMMITTEE
    audit(page, "account-verified")

    page.get_by_role("link", name="社区投票").first.click()
    round_card = page.locator("#rounds > li").filter(has_text="预算内选择").first
    round_card.get_by_role("link", name="去投票").click()
    page.get_by_role("checkbox", name=re.compile("楼道加装扶手")).check()
    page.get_by_role("button", name="下一步：核对选择").click()
    page.get_by_role("button", name="确认投票").click()
    expect(page.get_by_role("heading", name="您的选票已投出")).to_be_focused()
    expect(page.locator("#receipt")).to_have_text(re.compile(r"^[0-9A-Z]{5}-[0-9A-Z]{5}$"))


def test_my_data_downloads_as_a_json_file_naming_my_account(page, stack):
    digits = resident_account(stack)
    sign_in_as(page, digits)
    with page.expect_download() as download:
        page.get_by_role("button", name="下载我的数据").click()
    assert re.fullmatch(r"mulin-my-data-\d{4}-\d{2}-\d{2}\.json", download.value.suggested_filename)
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert data["account"]["phone"] == "+86" + digits
    expect(page.locator("#data-done")).to_have_text(f"已下载 {download.value.suggested_filename}。")


@pytest.mark.expects_failed_requests
def test_deleting_the_account_takes_the_typed_word_and_then_the_account_is_gone(page, stack):
    digits = resident_account(stack)
    sign_in_as(page, digits)
    page.get_by_role("link", name="注销账号").click()
    expect(page.get_by_role("heading", name="注销账号")).to_be_focused()
    expect(page.locator("#delete")).to_contain_text("选票本来就是匿名的，会继续计入投票结果")
    expect(page.locator("#delete")).to_contain_text("按《会计档案管理办法》保存 30 年")
    expect(page.locator("#delete")).to_contain_text("内容留在月度公开中，不带任何身份信息")
    page.get_by_label("请输入“注销”确认注销").fill("删除")
    page.get_by_role("button", name="永久注销我的账号").click()
    expect(page.locator("#confirm-phrase-error")).to_have_text("请准确输入“注销”。")
    audit(page, "account-delete")
    page.get_by_label("请输入“注销”确认注销").fill("注销")
    page.get_by_role("button", name="永久注销我的账号").click()
    expect(page.get_by_role("heading", name="您的账号已注销")).to_be_focused()
    assert page.evaluate("localStorage.getItem('mulin.session')") is None
    with pytest.raises(cognito(stack).exceptions.NotAuthorizedException):
        cognito(stack).initiate_auth(ClientId=stack["state"]["user_pool_client_id"], AuthFlow="USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": "+86" + digits, "PASSWORD": PASSWORD})


@pytest.mark.expects_failed_requests
def test_after_five_wrong_codes_the_resident_is_told_to_wait_at_the_code_field(page, stack):
    digits = resident_account(stack)
    page.goto("/forgot-password.html")
    page.get_by_label("手机号").fill(digits)
    page.get_by_role("button", name="发送验证码").click()
    expect(page.get_by_role("heading", name="输入验证码，设置新密码")).to_be_focused()
    right = code_for(stack, digits, "forgot_password")
    wrong = "000000" if right != "000000" else "111111"
    page.get_by_label("新密码").fill("rememberme2027")
    error = page.locator("#code-error")
    for _ in range(5):
        page.get_by_label("短信验证码").fill(wrong)
        page.get_by_role("button", name="设置新密码并登录").click()
        expect(error).to_have_text("验证码不正确，请核对短信中的 6 位数字。")
        page.evaluate("document.getElementById('code-error').textContent = ''")
    page.get_by_label("短信验证码").fill(right)
    page.get_by_role("button", name="设置新密码并登录").click()
    expect(error).to_have_text("尝试次数过多，请过一段时间再试。")


@pytest.mark.expects_failed_requests  # the sign-in is refused: not confirmed yet
def test_signing_in_before_confirming_leads_to_the_code_screen_with_a_new_code(page, stack):
    digits = next(NUMBERS)
    client = cognito(stack)
    client.sign_up(ClientId=stack["state"]["user_pool_client_id"], Username="+86" + digits, Password=PASSWORD,
                   UserAttributes=[{"Name": "phone_number", "Value": "+86" + digits}])
    page.goto("/sign-in.html")
    page.get_by_label("手机号").fill(digits)
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_url("**/sign-up.html")
    expect(page.get_by_role("heading", name="输入短信验证码")).to_be_visible()
    expect(page.get_by_role("button", name="重新发送验证码")).to_have_attribute("aria-disabled", "true")
    page.get_by_label("短信验证码").fill(code_for(stack, digits, "resend"))
    page.get_by_role("button", name="完成注册").click()
    page.wait_for_url("**/sign-in.html*")
    expect(page.locator("#signed-up")).to_have_text("注册已完成，请输入密码登录。")
