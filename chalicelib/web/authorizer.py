"""The API's token authorizer, a Chalice built-in authorizer.

It runs as its own Lambda in AWS, and for real under the local server and the test
client, so a forged, expired or foreign token is refused everywhere the same way. The
verified principal travels to the handlers in the authorizer context.

An official's token is also checked against their account in the table (staff/): a
disabled account, a token issued before the account's last disable, move or MFA reset,
or a token naming another jurisdiction than the account's is refused. Residents' tokens
cost no read.
"""

from __future__ import annotations

from chalice import AuthResponse, Blueprint
from chalice.app import AuthRequest

from chalicelib.auth import Principal, principal_from_claims, to_authorizer_context, verify_token_of

# API Gateway keeps an answer for a token this long: a disabled official is refused within
# it (the issue allows 60 s). The check itself is one consistent GetItem per official's call.
CACHE_SECONDS = 30

authorizer_blueprint = Blueprint(__name__)


def admitted(token: str | None) -> Principal | None:
    """The principal of a token the API accepts now, or None."""
    if not token:
        return None
    verified = verify_token_of(token)
    if verified is None:
        return None
    claims, issuer = verified
    principal = principal_from_claims(claims, pool=issuer.pool)
    if principal is None:
        return None
    if principal.is_official:
        from chalicelib.staff.service import still_valid  # deferred: residents' calls never load it

        # A failed read raises rather than denies: a denial would be cached for the token
        # (CACHE_SECONDS) and lock a good official out over a passing fault.
        if not still_valid(principal, claims):
            return None
    return principal


@authorizer_blueprint.authorizer(ttl_seconds=CACHE_SECONDS)
def mulin_authorizer(auth_request: AuthRequest) -> AuthResponse:
    principal = admitted(auth_request.token)
    if principal is None:
        # No route allowed: API Gateway answers 403 and the function never runs.
        return AuthResponse(routes=[], principal_id="anonymous")
    return AuthResponse(routes=["*"], principal_id=principal.user_id, context=to_authorizer_context(principal))
