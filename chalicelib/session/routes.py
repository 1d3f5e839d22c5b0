"""HTTP routes of the browser's session. No ID token: the HttpOnly cookie is the credential."""

from __future__ import annotations

from chalice.app import Response

from chalicelib.session import rules, service
from chalicelib.session.models import FreshTokens, SessionCall, SessionStart
from chalicelib.web.api import ApiBlueprint, json_response
from chalicelib.web.requests import source_address

session_api = ApiBlueprint(__name__)

TAGS = ("session",)
# Set by the browser, never by script: how the session routes tell a page of the site's own
# origin from another site's.
BROWSER_HEADERS = ("Origin", "Sec-Fetch-Site")
SAME_ORIGIN = ("Refused with 403 when the browser says the calling page is of another origin "
               "(`Sec-Fetch-Site`, or `Origin` against the host addressed).")


def _caller() -> service.Caller:
    request = session_api.current_request
    headers = request.headers
    return service.Caller(
        address=source_address(request),
        origin=headers.get("origin"),
        fetch_site=headers.get("sec-fetch-site"),
        hosts=[headers.get("x-forwarded-host") or "", headers.get("host") or ""],
        cookie=headers.get("cookie"),
        cookie_path=rules.cookie_path(request.context),
    )


def _answer(outcome: service.Outcome) -> Response:
    headers: dict[str, str | list[str]] = {"Set-Cookie": outcome.set_cookie}
    if outcome.tokens is None:
        return Response(body="", status_code=204, headers=headers)
    return json_response(outcome.tokens, 200, headers)


@session_api.operation(
    "/session", "POST", operation_id="startSession",
    summary="Keep the refresh token from sign-in in an HttpOnly cookie (the pages then forget it)",
    description="Cognito is asked once that it honours the token for the pool. The answer is empty; the cookie is "
                "HttpOnly, Secure, SameSite=Strict, scoped to the session routes and lasts as long as the token. "
                + SAME_ORIGIN,
    tags=TAGS, body=SessionStart, response=None, status=204, authenticated=False, errors=(401, 403, 429),
    headers=BROWSER_HEADERS,
)
def start_session(body: SessionStart, origin: str | None = None, sec_fetch_site: str | None = None) -> Response:
    return _answer(service.start(_caller(), body))


@session_api.operation(
    "/session/refresh", "POST", operation_id="refreshSession",
    summary="New ID and access tokens from the session cookie (never the refresh token)",
    description="401 when there is no cookie or Cognito no longer honours its token (revoked, expired, forged); "
                "the cookie is then cleared. " + SAME_ORIGIN,
    tags=TAGS, body=SessionCall, response=FreshTokens, authenticated=False, errors=(401, 403, 429),
    headers=BROWSER_HEADERS,
)
def refresh_session(body: SessionCall, origin: str | None = None, sec_fetch_site: str | None = None) -> Response:
    return _answer(service.refresh(_caller()))


@session_api.operation(
    "/session", "DELETE", operation_id="endSession",
    summary="Sign out: revoke the cookie's refresh token and clear the cookie",
    description="Always 204, with or without a session, so a sign-out can be repeated. " + SAME_ORIGIN,
    tags=TAGS, body=SessionCall, response=None, status=204, authenticated=False, errors=(403,),
    headers=BROWSER_HEADERS,
)
def end_session(body: SessionCall, origin: str | None = None, sec_fetch_site: str | None = None) -> Response:
    return _answer(service.end(_caller()))
