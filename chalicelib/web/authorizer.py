"""The API's token authorizer, a Chalice built-in authorizer.

It runs as its own Lambda in AWS, and for real under the local server and the test
client, so a forged, expired or foreign token is refused everywhere the same way. The
verified principal travels to the handlers in the authorizer context.

An official's token is also checked against their account in the table, by the API
function itself on every request (web/api.py), not here: a failed read there is a
retryable 503 in the platform's error shape, where an authorizer's error would be API
Gateway's bare 500, and the refusal takes effect at once rather than after this cache.
"""

from __future__ import annotations

from chalice.app import AuthRequest, AuthResponse, Blueprint

from chalicelib.auth import Principal, principal_from_claims, to_authorizer_context, verify_token_of

# API Gateway keeps an answer for a token this long. It bounds nothing about disabled
# officials (checked per request by the function), only how long a bad token stays refused.
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
    return principal_from_claims(claims, pool=issuer.pool)


@authorizer_blueprint.authorizer(ttl_seconds=CACHE_SECONDS)
def mulin_authorizer(auth_request: AuthRequest) -> AuthResponse:
    principal = admitted(auth_request.token)
    if principal is None:
        # No route allowed: API Gateway answers 403 and the function never runs.
        return AuthResponse(routes=[], principal_id="anonymous")
    return AuthResponse(routes=["*"], principal_id=principal.user_id, context=to_authorizer_context(principal))
