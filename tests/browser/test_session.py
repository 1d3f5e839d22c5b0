"""The refresh token in the browser: after sign-in no script can read it (not in localStorage,
sessionStorage or document.cookie; the API keeps it in an HttpOnly cookie Chromium accepts
as Secure on http://127.0.0.1), and a page whose ID token has expired still renews it
silently through that cookie."""

from __future__ import annotations

import base64
import json

from playwright.sync_api import Page, expect

from tests.browser.conftest import demo_user, sign_in

COOKIE = "__Secure-mulin-session"
EVERYTHING_SCRIPT_READS = """() => JSON.stringify({
  local: Object.entries(localStorage), session: Object.entries(sessionStorage), cookie: document.cookie })"""


def refresh_tokens_from_cognito(page: Page) -> list[str]:
    """Every RefreshToken Cognito hands the page, read from the answer before the page gets it
    (a body read from a response event may be gone once the page has moved on)."""
    seen: list[str] = []

    def pass_through(route, request):
        if request.method != "POST" or "AWSCognitoIdentityProviderService" not in (request.headers.get("x-amz-target") or ""):
            route.fallback()
            return
        answer = route.fetch()
        try:
            token = (answer.json().get("AuthenticationResult") or {}).get("RefreshToken")
        except Exception:  # noqa: BLE001 - a body that is not JSON carries no token
            token = None
        if token:
            seen.append(token)
        route.fulfill(response=answer)

    page.route("**/*", pass_through)
    return seen


def expired(token: str) -> str:
    """The same token with its expiry in the past: the page must not send it, but renew."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["exp"] = 1_000_000_000
    encoded = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return f"{header}.{encoded}.{signature}"


def test_after_sign_in_no_script_can_read_the_refresh_token(page: Page, stack):
    seen = refresh_tokens_from_cognito(page)
    sign_in(page, stack, "resident", next_page="account.html")
    expect(page.locator("#my-phone")).to_be_visible()
    assert len(seen) == 1
    readable = page.evaluate(EVERYTHING_SCRIPT_READS)
    assert seen[0] not in readable
    assert COOKIE not in json.loads(readable)["cookie"]
    assert "refresh" not in readable.lower()

    cookie = next(c for c in page.context.cookies() if c["name"] == COOKIE)
    assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/session"
    assert cookie["value"].endswith(seen[0])


def test_an_expired_id_token_is_renewed_silently_through_the_cookie(page: Page, stack):
    sign_in(page, stack, "resident", next_page="account.html")
    expect(page.locator("#my-phone")).to_be_visible()
    stale = page.evaluate("JSON.parse(sessionStorage.getItem('mulin.tokens'))")
    page.evaluate("""([id, access]) => sessionStorage.setItem('mulin.tokens', JSON.stringify({ id, access }))""",
                  [expired(stale["id"]), expired(stale["access"])])

    renewals = []
    page.on("request", lambda request: renewals.append(request.url) if request.url.endswith("/session/refresh") else None)
    with page.expect_response(lambda response: response.url.endswith("/session/refresh")) as renewal:
        page.reload()
    assert renewal.value.status == 200
    expect(page.locator("#my-phone")).to_be_visible()
    expect(page.locator("#load-problem")).to_be_hidden()
    # The page stores the renewed tokens once it has read the answer, a moment after it arrives.
    page.wait_for_function("(old) => JSON.parse(sessionStorage.getItem('mulin.tokens')).id !== old",
                           arg=expired(stale["id"]))
    assert len(renewals) == 1
    assert page.url.endswith("account.html")

    # A new tab has no tokens of its own: it renews through the cookie too.
    other = page.context.new_page()
    other.goto("/account.html")
    expect(other.locator("#my-phone")).to_be_visible()
    other.close()


def test_signing_out_revokes_the_session_and_clears_the_cookie(page: Page, stack):
    sign_in(page, stack, "resident", next_page="index.html")
    kept = next(c for c in page.context.cookies() if c["name"] == COOKIE)
    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url("**/index.html")
    expect(page.get_by_role("link", name="登录")).to_be_visible()
    assert not [c for c in page.context.cookies() if c["name"] == COOKIE]
    assert page.evaluate("sessionStorage.getItem('mulin.tokens')") is None
    # The token the cookie held, sent again, is refused.
    replayed = page.context.request.post(
        "/session/refresh", data="{}", headers={"Content-Type": "application/json",
                                                "Cookie": f"{COOKIE}={kept['value']}"})
    assert replayed.status == 401
    assert demo_user(stack, "resident")["username"] not in replayed.text()
