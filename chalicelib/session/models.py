"""What the session routes take and give. The refresh token comes in once, at sign-in, and
never goes out again: fresh tokens are the ID and access tokens alone."""


from typing import Literal

from pydantic import Field

from chalicelib.models import RequestModel, ResponseModel

Pool = Literal["residents", "officials"]

# Cognito's refresh tokens are JWE in compact form (base64url parts joined by dots), about
# 1.8 KB; the cap keeps the cookie inside the 4 KB browsers store.
REFRESH_TOKEN_PATTERN = r"^[A-Za-z0-9_.-]+$"
REFRESH_TOKEN_MAX = 3800


class SessionStart(RequestModel):
    """The refresh token Cognito just gave the pages, and the pool they signed in through."""

    refresh_token: str = Field(min_length=16, max_length=REFRESH_TOKEN_MAX, pattern=REFRESH_TOKEN_PATTERN,
                               description="Cognito's RefreshToken from InitiateAuth or RespondToAuthChallenge")
    pool: Pool = Field(description="residents (the residents' app client) or officials (the officials' one)")


class SessionCall(RequestModel):
    """An empty JSON object: a body only a page of the site's own origin can send without a
    CORS preflight the API never grants, so a cross-site form cannot call the route."""


class FreshTokens(ResponseModel):
    id_token: str = Field(description="a new Cognito ID token, for the Authorization header")
    access_token: str = Field(description="a new Cognito access token, for Cognito's own account calls")
    expires_in: int = Field(description="seconds both tokens stay valid")
    pool: Pool
