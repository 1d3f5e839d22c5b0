"""The API's token authorizer, a Chalice built-in authorizer.

It runs as its own Lambda in AWS, and for real under the local server and the test
client, so a forged, expired or foreign token is refused everywhere the same way. The
verified principal travels to the handlers in the authorizer context.
"""

from __future__ import annotations

from chalice import AuthResponse, Blueprint
from chalice.app import AuthRequest

from chalicelib.auth import authenticate, to_authorizer_context

authorizer_blueprint = Blueprint(__name__)


@authorizer_blueprint.authorizer(ttl_seconds=300)
def mulin_authorizer(auth_request: AuthRequest) -> AuthResponse:
    principal = authenticate(auth_request.token)
    if principal is None:
        # No route allowed: API Gateway answers 403 and the function never runs.
        return AuthResponse(routes=[], principal_id="anonymous")
    return AuthResponse(routes=["*"], principal_id=principal.user_id, context=to_authorizer_context(principal))
