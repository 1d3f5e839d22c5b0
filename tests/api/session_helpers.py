"""Signing in as the pages do, for the session routes: Cognito's own answer, refresh token included."""

from __future__ import annotations

import json
from typing import Any

from local_stack.provision import clients
from tests.api.conftest import PASSWORD

HOST = "127.0.0.1:8000"
SITE = f"http://{HOST}"
# What a browser sends with a fetch from one of the site's own pages.
SAME_ORIGIN = {"Host": HOST, "Origin": SITE, "Sec-Fetch-Site": "same-origin"}


def cognito_sign_in(stack: Any, account: Any) -> dict[str, Any]:
    """Cognito's AuthenticationResult for an account, as InitiateAuth gives it to a browser."""
    cognito = clients(stack.aws_endpoint_url, stack.region)["cognito-idp"]
    result = cognito.initiate_auth(ClientId=stack.client_for(account.role), AuthFlow="USER_PASSWORD_AUTH",
                                   AuthParameters={"USERNAME": account.phone, "PASSWORD": PASSWORD})
    return result["AuthenticationResult"]


def pool_of(account: Any) -> str:
    return "residents" if account.role == "resident" else "officials"


def call(client: Any, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
         cookie: str | None = None) -> Any:
    sent = {**SAME_ORIGIN, "Content-Type": "application/json", **(headers or {})}
    if cookie is not None:
        sent["Cookie"] = cookie
    raw = body if isinstance(body, bytes) else json.dumps({} if body is None else body).encode()
    return client.http.request(method, path, sent, raw)


def cookie_pair(set_cookie: str) -> str:
    """The `name=value` a browser sends back for a Set-Cookie."""
    return set_cookie.split(";", 1)[0]


def start_session(client: Any, stack: Any, account: Any) -> tuple[str, str]:
    """(the cookie as the browser sends it back, the refresh token) after a sign-in."""
    refresh_token = cognito_sign_in(stack, account)["RefreshToken"]
    started = call(client, "POST", "/session", {"refresh_token": refresh_token, "pool": pool_of(account)})
    assert started.status_code == 204, started.body
    return cookie_pair(started.headers["Set-Cookie"]), refresh_token


def refresh_token_body(world: Any, fields: dict[str, Any], caller: Any) -> dict[str, Any]:
    """The access matrix's body for POST /session: a token Cognito just issued to a resident."""
    from chalicelib import aws
    from chalicelib.settings import get_settings

    account = world.accounts["kongjiang_resident"]
    result = aws.client("cognito-idp").initiate_auth(
        ClientId=get_settings().user_pool_client_id, AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": account.phone, "PASSWORD": PASSWORD})
    return {"refresh_token": result["AuthenticationResult"]["RefreshToken"], "pool": "residents"}
