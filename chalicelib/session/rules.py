"""The session cookie and who may use it, as pure functions of the request's parts.

The cookie holds the pool and the refresh token, `HttpOnly` (no script reads it), `Secure`
(HTTPS only; browsers count http://127.0.0.1 and localhost as secure), `SameSite=Strict`
(never sent on a request another site starts) and scoped to the session routes as the
browser addresses them: `/session` on the local stack, `/api/session` behind CloudFront, so
no other call carries it. `__Secure-` makes browsers refuse a copy set without `Secure`.
"""

from __future__ import annotations

import re
from typing import Any, TypeGuard
from urllib.parse import urlsplit

from chalicelib.identity import USER_POOL_CLIENT_DEFINITION
from chalicelib.session.models import REFRESH_TOKEN_MAX, REFRESH_TOKEN_PATTERN, Pool

COOKIE_NAME = "__Secure-mulin-session"
SESSION_ROUTE = "/session"
POOLS = ("residents", "officials")
# Between the pool and the token: a character base64url and JWE never use.
SEPARATOR = "~"
_TOKEN = re.compile(REFRESH_TOKEN_PATTERN)
# What may stand before the routes' own path: a stage name or a base path, nothing that could
# end the cookie's Path attribute early.
_PREFIX = re.compile(r"(/[A-Za-z0-9._-]+)*")
_UNIT_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}


def refresh_lifetime_seconds(pool: str) -> int:
    """How long the pool's refresh tokens last; the cookie lasts as long, and no longer.
    (Both pools' app clients share one definition.)"""
    definition = USER_POOL_CLIENT_DEFINITION
    unit = definition["TokenValidityUnits"]["RefreshToken"]
    return int(definition["RefreshTokenValidity"]) * _UNIT_SECONDS[unit]


def cookie_path(context: dict[str, Any] | None) -> str:
    """The session routes' path as the browser sees it: the request's path with the route's
    own path (`resourcePath`) taken off the end leaves the stage or base path ("/api" behind
    CloudFront, "" locally)."""
    context = context or {}
    path, resource = str(context.get("path") or ""), str(context.get("resourcePath") or "")
    prefix = path[: -len(resource)] if resource and path.endswith(resource) else ""
    prefix = prefix.rstrip("/")
    if not _PREFIX.fullmatch(prefix):
        prefix = ""
    return prefix + SESSION_ROUTE


def _attributes(path: str, max_age: int) -> str:
    return f"Path={path}; Max-Age={max_age}; HttpOnly; Secure; SameSite=Strict"


def set_cookie(pool: str, refresh_token: str, path: str) -> str:
    return f"{COOKIE_NAME}={pool}{SEPARATOR}{refresh_token}; {_attributes(path, refresh_lifetime_seconds(pool))}"


def clear_cookie(path: str) -> str:
    return f"{COOKIE_NAME}=; {_attributes(path, 0)}"


def _is_pool(name: str) -> TypeGuard[Pool]:
    return name in POOLS


def read_cookie(header: str | None) -> tuple[Pool, str] | None:
    """(pool, refresh token) from a Cookie header, or None when there is no session cookie or
    it is not one this API could have set. With two (another path's), the browser sends the
    more specific first."""
    for part in (header or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name != COOKIE_NAME:
            continue
        pool, _, token = value.strip().partition(SEPARATOR)
        if _is_pool(pool) and 16 <= len(token) <= REFRESH_TOKEN_MAX and _TOKEN.fullmatch(token):
            return pool, token
        return None
    return None


def cross_origin(origin: str | None, fetch_site: str | None, hosts: list[str]) -> bool:
    """Whether a browser sent this request from a page of another origin.

    `Sec-Fetch-Site` and `Origin` are set by the browser, never by script. A browser that
    sends Fetch Metadata says itself whether the page shares the request's origin; one that
    does not is judged by `Origin` against the host the request was addressed to (`hosts`:
    `Host`, and `X-Forwarded-Host` where a proxy in front names the site). A request without
    either header came from no browser page (curl, the SDK), where there is no victim whose
    cookie could be borrowed.
    """
    if fetch_site is not None:
        return fetch_site.strip().lower() != "same-origin"
    if origin is None:
        return False
    netloc = urlsplit(origin.strip()).netloc.lower() if "://" in origin else ""
    return not netloc or netloc not in {host.strip().lower() for host in hosts if host}
