"""Use cases of the browser's session: keep the refresh token, renew with it, end it.

These routes take no ID token (the cookie is the credential), so they are open to anyone:
each refusal of a token costs the sender's address one count, and an address that has used
up its allowance is refused before Cognito is asked, so a flood of forged cookies can neither
guess a token nor spend the account's Cognito quota that everyone's sign-in shares.
"""

from __future__ import annotations

from dataclasses import dataclass

from chalicelib import aws, directory, ratelimit
from chalicelib.errors import ForbiddenError, UnauthorizedError
from chalicelib.observability import count, logger
from chalicelib.session import rules
from chalicelib.session.models import FreshTokens, SessionStart

# A browser signs in or renews a few times an hour; thirty refusals in ten minutes is a
# script, or a page stuck on a cookie that no longer works (it gets one 401 and signs out).
SESSION_REFUSALS = ratelimit.Limit("session-refusals", 30, 600, "address", "refused session tokens", "会话令牌被拒")

CROSS_ORIGIN = ForbiddenError("Only the site's own pages may use the session. / 仅本站页面可使用登录会话。")
NO_SESSION = "There is no session, or it ended: sign in again. / 登录已失效，请重新登录。"


@dataclass(frozen=True)
class Caller:
    """What the session routes read of a request: where it came from and what it carries."""

    address: str | None
    origin: str | None
    fetch_site: str | None
    hosts: list[str]
    cookie: str | None
    cookie_path: str

    @property
    def sender(self) -> str:
        return self.address or "unknown"


@dataclass(frozen=True)
class Outcome:
    """The answer's body (if any) and the Set-Cookie it carries."""

    set_cookie: str
    tokens: FreshTokens | None = None


def _same_origin_only(caller: Caller) -> None:
    if rules.cross_origin(caller.origin, caller.fetch_site, caller.hosts):
        count("SessionCrossOrigin")
        raise CROSS_ORIGIN


def _not_exhausted(caller: Caller) -> None:
    if ratelimit.exhausted(SESSION_REFUSALS, caller.sender):
        raise ratelimit.refused(SESSION_REFUSALS)


def _refuse(caller: Caller) -> UnauthorizedError:
    """A token refused: counted against the address, and the cookie cleared, so the browser
    stops sending what no longer works."""
    count("SessionRefused")
    ratelimit.charge(SESSION_REFUSALS, caller.sender)
    return UnauthorizedError(NO_SESSION, headers={"Set-Cookie": rules.clear_cookie(caller.cookie_path)})


def start(caller: Caller, body: SessionStart) -> Outcome:
    """Keep a refresh token just issued: Cognito is asked once that it honours it for this
    pool, so a token of the other pool, a revoked or a made-up one never becomes a cookie."""
    _same_origin_only(caller)
    _not_exhausted(caller)
    if directory.tokens_from_refresh(body.pool, body.refresh_token) is None:
        raise _refuse(caller)
    return Outcome(rules.set_cookie(body.pool, body.refresh_token, caller.cookie_path))


def refresh(caller: Caller) -> Outcome:
    """New ID and access tokens from the cookie's refresh token; the refresh token itself is
    never in the answer. The cookie is set again so that its Path follows the route."""
    _same_origin_only(caller)
    _not_exhausted(caller)
    held = rules.read_cookie(caller.cookie)
    if held is None:
        if caller.cookie and rules.COOKIE_NAME in caller.cookie:
            raise _refuse(caller)
        # No cookie at all is a signed-out browser, not an attempt: nothing to count.
        raise UnauthorizedError(NO_SESSION)
    pool, token = held
    result = directory.tokens_from_refresh(pool, token)
    if result is None:
        raise _refuse(caller)
    tokens = FreshTokens(id_token=result["IdToken"], access_token=result["AccessToken"],
                         expires_in=int(result.get("ExpiresIn") or 3600), pool=pool)
    return Outcome(rules.set_cookie(pool, token, caller.cookie_path), tokens)


def end(caller: Caller) -> Outcome:
    """Revoke the refresh token (and the access tokens issued from it) and clear the cookie.
    Ending a session that is already over is the same success, so a sign-out can be repeated."""
    _same_origin_only(caller)
    held = rules.read_cookie(caller.cookie)
    if held is not None:
        try:
            directory.revoke_refresh_token(*held)
        except aws.failures():
            # The browser forgets the token whatever Cognito said: on a shared computer that
            # matters most, and the token lapses with its lifetime.
            logger.exception("refresh token not revoked")
            count("SessionRevokeFailed")
    return Outcome(rules.clear_cookie(caller.cookie_path))
