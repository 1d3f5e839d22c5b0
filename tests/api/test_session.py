"""The browser's session: the refresh token lives in an HttpOnly cookie the API sets, and no
answer ever carries it back to script. Forged, revoked, another pool's and replayed tokens
are refused in the error shape; another site's pages are refused outright."""

from __future__ import annotations

import pytest
from chalice.local import LambdaEventConverter

from chalicelib.session.rules import COOKIE_NAME, refresh_lifetime_seconds
from tests.api.session_helpers import SITE, call, cognito_sign_in, cookie_pair, pool_of, start_session
from tests.api.test_rate_limits import new_address

ERROR_SHAPE = {"code", "message", "details", "correlation_id"}
THIRTY_DAYS = 30 * 24 * 3600


def attributes(set_cookie: str) -> dict[str, str]:
    parts = [part.strip() for part in set_cookie.split(";")[1:]]
    return {name.lower(): value for name, _, value in (part.partition("=") for part in parts)}


def assert_refused(response, status: int = 401) -> None:
    assert response.status_code == status, response.body
    assert set(response.json_body) == ERROR_SHAPE
    assert " / " in response.json_body["message"]


@pytest.fixture
def behind_cloudfront(monkeypatch):
    """Requests as API Gateway's `api` stage hands them on: the path the browser asked for
    (`/api/session…`) in the request context, the route's own path as its resource."""
    made = LambdaEventConverter.create_lambda_event

    def staged(self, method, path, headers, body=None):
        event = made(self, method, path, headers, body)
        event["requestContext"]["path"] = "/api" + event["requestContext"]["path"]
        return event

    monkeypatch.setattr(LambdaEventConverter, "create_lambda_event", staged)


@pytest.mark.parametrize("name", ["resident", "street_official"])
def test_the_refresh_token_goes_into_an_httponly_cookie_and_never_comes_back(client, stack, accounts, name):
    account = accounts[name]
    refresh_token = cognito_sign_in(stack, account)["RefreshToken"]

    started = call(client, "POST", "/session", {"refresh_token": refresh_token, "pool": pool_of(account)})
    assert started.status_code == 204, started.body
    assert started.body in (b"", "", None)
    cookie = started.headers["Set-Cookie"]
    assert cookie.startswith(f"{COOKIE_NAME}=")
    assert {"httponly", "secure", "samesite", "path", "max-age"} <= set(attributes(cookie))
    assert "; HttpOnly; Secure; SameSite=Strict" in cookie
    assert attributes(cookie)["path"] == "/session"
    assert int(attributes(cookie)["max-age"]) == refresh_lifetime_seconds(pool_of(account)) == THIRTY_DAYS

    renewed = call(client, "POST", "/session/refresh", cookie=cookie_pair(cookie))
    assert renewed.status_code == 200, renewed.body
    assert set(renewed.json_body) == {"id_token", "access_token", "expires_in", "pool"}
    assert renewed.json_body["pool"] == pool_of(account)
    # The fresh ID token is one the API accepts.
    me = client.http.get("/me", headers={"Authorization": f"Bearer {renewed.json_body['id_token']}"})
    assert me.status_code == 200, me.body

    ended = call(client, "DELETE", "/session", cookie=cookie_pair(cookie))
    assert ended.status_code == 204
    for response in (started, renewed, ended):
        assert refresh_token not in (response.body.decode() if isinstance(response.body, bytes) else str(response.body))
        assert refresh_token not in str({k: v for k, v in response.headers.items() if k != "Set-Cookie"})


def test_the_cookie_path_is_the_session_routes_as_the_browser_sees_them_behind_cloudfront(
        client, stack, accounts, behind_cloudfront):
    cookie, _ = start_session(client, stack, accounts["resident"])
    renewed = call(client, "POST", "/session/refresh", cookie=cookie)
    assert renewed.status_code == 200, renewed.body
    assert attributes(renewed.headers["Set-Cookie"])["path"] == "/api/session"
    ended = call(client, "DELETE", "/session", cookie=cookie)
    assert attributes(ended.headers["Set-Cookie"])["path"] == "/api/session"
    assert attributes(ended.headers["Set-Cookie"])["max-age"] == "0"


def test_after_sign_out_the_cookie_is_cleared_and_its_token_replayed_is_refused(client, stack, accounts):
    account = accounts["resident"]
    signed_in = cognito_sign_in(stack, account)
    started = call(client, "POST", "/session", {"refresh_token": signed_in["RefreshToken"], "pool": "residents"})
    cookie = cookie_pair(started.headers["Set-Cookie"])
    renewed = call(client, "POST", "/session/refresh", cookie=cookie).json_body

    ended = call(client, "DELETE", "/session", cookie=cookie)
    assert ended.status_code == 204
    cleared = attributes(ended.headers["Set-Cookie"])
    assert cleared["max-age"] == "0" and ended.headers["Set-Cookie"].startswith(f"{COOKIE_NAME}=;")

    replayed = call(client, "POST", "/session/refresh", cookie=cookie)
    assert_refused(replayed)
    assert attributes(replayed.headers["Set-Cookie"])["max-age"] == "0"
    # Setting it again from a copy kept aside does not bring it back either.
    assert_refused(call(client, "POST", "/session", {"refresh_token": signed_in["RefreshToken"], "pool": "residents"}))
    # The access tokens issued from it are revoked with it.
    from local_stack.provision import clients

    cognito = clients(stack.aws_endpoint_url, stack.region)["cognito-idp"]
    with pytest.raises(cognito.exceptions.NotAuthorizedException):
        cognito.get_user(AccessToken=renewed["access_token"])
    # Signing out twice is still a sign-out.
    assert call(client, "DELETE", "/session", cookie=cookie).status_code == 204
    assert call(client, "DELETE", "/session").status_code == 204


@pytest.mark.parametrize("forged", [
    f"{COOKIE_NAME}=residents~0123456789abcdef0123456789abcdef",
    f"{COOKIE_NAME}=officials~eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.x.y.z.w",
    f"{COOKIE_NAME}=residents~short",
    f"{COOKIE_NAME}=admins~0123456789abcdef0123456789abcdef",
    f"{COOKIE_NAME}=residents~0123456789abcdef<script>0123456789",
    f"{COOKIE_NAME}=",
])
def test_a_forged_cookie_is_refused_and_cleared(client, forged):
    response = call(client, "POST", "/session/refresh", cookie=forged)
    assert_refused(response)
    assert response.json_body["code"] == "unauthorized"
    assert attributes(response.headers["Set-Cookie"])["max-age"] == "0"


def test_without_a_cookie_refresh_is_401_and_an_id_token_is_no_substitute(client, accounts):
    assert_refused(call(client, "POST", "/session/refresh"))
    assert_refused(call(client, "POST", "/session/refresh", headers=accounts["resident"].headers))


def test_another_pools_token_is_refused(client, stack, accounts):
    officials_token = cognito_sign_in(stack, accounts["street_official"])["RefreshToken"]
    residents_token = cognito_sign_in(stack, accounts["resident"])["RefreshToken"]
    assert_refused(call(client, "POST", "/session", {"refresh_token": officials_token, "pool": "residents"}))
    assert_refused(call(client, "POST", "/session", {"refresh_token": residents_token, "pool": "officials"}))
    # A cookie rewritten by hand to name the other pool is refused the same way.
    swapped = f"{COOKIE_NAME}=officials~{residents_token}"
    assert_refused(call(client, "POST", "/session/refresh", cookie=swapped))


@pytest.mark.parametrize("headers", [
    {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    {"Origin": "https://mulin.example.com", "Sec-Fetch-Site": "same-site"},
    # A browser without Fetch Metadata: judged by Origin against the host addressed.
    {"Origin": "https://evil.example", "Sec-Fetch-Site": None},
    {"Origin": "null", "Sec-Fetch-Site": None},
    {"Origin": "http://127.0.0.1:9999", "Sec-Fetch-Site": None},
])
def test_another_sites_pages_are_refused(client, stack, accounts, headers):
    cookie, _ = start_session(client, stack, accounts["resident"])
    sent = {name: value for name, value in headers.items() if value is not None}
    unset = [name for name, value in headers.items() if value is None]

    def hostile(method, path, body=None):
        response = call(client, method, path, body, headers=sent, cookie=cookie) if not unset else \
            _without(client, method, path, body, sent, cookie, unset)
        assert_refused(response, 403)
        assert response.json_body["code"] == "forbidden"
        assert "Set-Cookie" not in response.headers

    hostile("POST", "/session/refresh")
    hostile("DELETE", "/session")
    hostile("POST", "/session", {"refresh_token": cognito_sign_in(stack, accounts["resident"])["RefreshToken"],
                                 "pool": "residents"})
    # The session outlived every attempt.
    assert call(client, "POST", "/session/refresh", cookie=cookie).status_code == 200


def _without(client, method, path, body, sent, cookie, unset):
    import json

    headers = {"Host": "127.0.0.1:8000", "Content-Type": "application/json", "Cookie": cookie, **sent}
    for name in unset:
        headers.pop(name, None)
    return client.http.request(method, path, headers, json.dumps(body or {}).encode())


@pytest.mark.parametrize("headers", [
    {"Origin": SITE},
    # Behind CloudFront the API's Host is API Gateway's own; the browser vouches for the page.
    {"Host": "abc123.execute-api.cn-north-1.amazonaws.com.cn", "Origin": "https://mulin.example.com",
     "Sec-Fetch-Site": "same-origin"},
    {"Host": "abc123.execute-api.cn-north-1.amazonaws.com.cn", "X-Forwarded-Host": "mulin.example.com",
     "Origin": "https://mulin.example.com"},
    # Not a browser: no page, no victim.
    {},
])
def test_the_sites_own_pages_and_programs_are_let_through(client, stack, accounts, headers):
    cookie, _ = start_session(client, stack, accounts["resident"])
    base = {"Host": headers.get("Host", "127.0.0.1:8000"), "Content-Type": "application/json", "Cookie": cookie}
    response = client.http.request("POST", "/session/refresh", {**base, **headers}, b"{}")
    assert response.status_code == 200, response.body


@pytest.mark.parametrize(("body", "content_type", "status", "field"), [
    ({"pool": "residents"}, "application/json", 400, "refresh_token"),
    ({"refresh_token": "0123456789abcdef0123"}, "application/json", 400, "pool"),
    ({"refresh_token": "0123456789abcdef0123", "pool": "staff"}, "application/json", 400, "pool"),
    ({"refresh_token": "0123456789abcdef 0123;", "pool": "residents"}, "application/json", 400, "refresh_token"),
    ({"refresh_token": "a" * 5000, "pool": "residents"}, "application/json", 400, "refresh_token"),
    ({"refresh_token": "0123456789abcdef0123", "pool": "residents", "client": "x"}, "application/json", 400, "client"),
    ({"refresh_token": "0123456789abcdef0123", "pool": "residents"}, "text/plain", 415, None),
])
def test_bad_input_to_start_is_a_clear_4xx(client, body, content_type, status, field):
    response = call(client, "POST", "/session", body, headers={"Content-Type": content_type})
    assert_refused(response, status)
    if field:
        assert field in {detail["field"] for detail in response.json_body["details"]}
        assert all(detail["message_zh"] for detail in response.json_body["details"])


@pytest.mark.parametrize(("method", "path"), [("POST", "/session/refresh"), ("DELETE", "/session")])
def test_refresh_and_sign_out_want_a_json_body_so_no_form_can_send_them(client, method, path):
    assert_refused(call(client, method, path, b""), 400)
    assert_refused(call(client, method, path, b"{}", headers={"Content-Type": "text/plain"}), 415)
    assert_refused(call(client, method, path, {"x": 1}), 400)


def test_refused_tokens_run_out_per_address(client, stack, accounts, monkeypatch, at):
    from chalicelib.settings import reset_settings

    monkeypatch.setenv("MULIN_RATE_LIMIT_SCALE", "1")
    reset_settings()
    at("2045-04-01T10:03:00")
    good, _ = start_session(client, stack, accounts["resident"])
    new_address(monkeypatch)
    forged = f"{COOKIE_NAME}=residents~0123456789abcdef0123456789abcdef"
    for _ in range(30):
        assert_refused(call(client, "POST", "/session/refresh", cookie=forged))
    limited = call(client, "POST", "/session/refresh", cookie=forged)
    assert_refused(limited, 429)
    assert limited.headers["Retry-After"] == "420"
    # Once the address has run out, even a good cookie waits: nothing reaches Cognito.
    assert_refused(call(client, "POST", "/session/refresh", cookie=good), 429)
    # Another address is not held back.
    new_address(monkeypatch)
    assert call(client, "POST", "/session/refresh", cookie=good).status_code == 200
