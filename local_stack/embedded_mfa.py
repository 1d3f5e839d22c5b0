"""Authenticator apps (TOTP) in the embedded Cognito, as the officials' pool needs them.

moto 5.2.5 hands every user the same secret ("asdfasdfasdf"), takes any code unless
MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP is set, answers MFA_SETUP with tokens whether or not
a device was verified, asks an SRP sign-in for MFA_SETUP where a password sign-in gets tokens,
and keeps the device when an administrator turns TOTP off. Here:

- AssociateSoftwareToken gives each call a new random base32 secret; VerifySoftwareToken
  checks an RFC 6238 code (SHA-1, 6 digits, 30 s, one step either side, as Cognito allows
  for clock skew) and makes it the user's device; a sign-in that set it up goes on to MFA_SETUP's
  answer, which gives tokens only once the device is verified.
- A user with a device is asked for SOFTWARE_TOKEN_MFA (pool ON, or TOTP enabled for them);
  a wrong code is CodeMismatchException, a code already used ExpiredCodeException.
- A pool whose MfaConfiguration is ON asks a user without a device for MFA_SETUP, after a
  password or SRP sign-in and after NEW_PASSWORD_REQUIRED. One local exception: an account an
  administrator gave a permanent password and that never had a device (how local_stack
  provisions demo and test accounts) signs in with its password alone, as the demo always has.
- AdminSetUserMFAPreference (and SetUserMFAPreference) turning TOTP off removes the device,
  so the next sign-in sets up a new one (chalicelib/staff's reset_mfa).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from typing import Any

STEP_SECONDS = 30
SKEW_STEPS = 1
SETUP_METHODS = '["SOFTWARE_TOKEN_MFA"]'

# Sessions VerifySoftwareToken returned: the only ones an MFA_SETUP answer turns into tokens.
_VERIFIED_SESSIONS: set[str] = set()


def totp(secret: str, at: float | None = None) -> str:
    """The code an authenticator app shows for `secret` at `at` (now by default)."""
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8), casefold=True)
    counter = int((time.time() if at is None else at) // STEP_SECONDS)
    digest = hmac.new(key, counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(int.from_bytes(digest[offset:offset + 4], 'big') & 0x7FFFFFFF) % 1_000_000:06d}"


def _new_secret() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode()


def _step_of(secret: str, code: str | None) -> int | None:
    """The time step whose code `code` is, within the allowed skew; None when it is none of them."""
    now = int(time.time() // STEP_SECONDS)
    for step in range(now - SKEW_STEPS, now + SKEW_STEPS + 1):
        if hmac.compare_digest(totp(secret, step * STEP_SECONDS).encode(), str(code or "").encode()):
            return step
    return None


def _device(user: Any) -> str | None:
    return getattr(user, "mulin_totp", None)


def _remove_device(user: Any) -> None:
    user.mulin_totp = None
    user.mulin_totp_pending = None
    user.token_verified = False
    user.software_token_mfa_enabled = False
    if user.preferred_mfa_setting == "SOFTWARE_TOKEN_MFA":
        user.preferred_mfa_setting = ""


def _requires_setup(pool: Any, user: Any) -> bool:
    return (pool.mfa_config == "ON" and _device(user) is None
            and not getattr(user, "mulin_password_only", False))


def _new_session(backend: Any, username: str, pool: Any) -> str:
    session = secrets.token_urlsafe(32)
    backend.sessions[session] = (username, pool)
    return session


def _revoke(pool: Any, result: dict[str, Any]) -> None:
    tokens = result.get("AuthenticationResult") or {}
    pool.access_tokens.pop(tokens.get("AccessToken"), None)
    pool.refresh_tokens.pop(tokens.get("RefreshToken"), None)


def _after_password(backend: Any, pool: Any, client: Any, username: str, result: dict[str, Any]) -> dict[str, Any]:
    """What follows a right password: moto's `result` where it agrees with Cognito, else the
    challenge Cognito would ask (any tokens moto issued are withdrawn)."""
    if result.get("ChallengeName") not in (None, "SOFTWARE_TOKEN_MFA", "MFA_SETUP"):
        return result
    user = pool._get_user(username)
    if _device(user) is not None and (pool.mfa_config == "ON" or user.software_token_mfa_enabled):
        challenge = "SOFTWARE_TOKEN_MFA"
    elif _requires_setup(pool, user):
        challenge = "MFA_SETUP"
    elif "AuthenticationResult" in result:
        return result
    else:
        return backend._log_user_in(pool, client, username)  # type: ignore[no-any-return]
    _revoke(pool, result)
    parameters = {"MFAS_CAN_SETUP": SETUP_METHODS} if challenge == "MFA_SETUP" else {}
    return {"ChallengeName": challenge, "ChallengeParameters": parameters,
            "Session": _new_session(backend, username, pool)}


def _user_of(backend: Any, access_token: str | None, session: str | None) -> tuple[str, Any, Any]:
    from local_stack.embedded_cognito import _not_authorized

    if session:
        if session not in backend.sessions:
            raise _not_authorized("Invalid session for the user, session is expired.")
        username, pool = backend.sessions[session]
        return username, pool, pool._get_user(username)
    for pool in backend.user_pools.values():
        if access_token in pool.access_tokens:
            username = pool.access_tokens[access_token][1]
            return username, pool, backend.admin_get_user(pool.id, username)
    raise _not_authorized("Invalid Access Token")


def patch_mfa(backend_class: Any) -> None:
    from local_stack.embedded_cognito import _error, _locked, _not_authorized

    initiate_auth = backend_class.initiate_auth
    respond = backend_class.respond_to_auth_challenge
    set_preference = backend_class.admin_set_user_mfa_preference
    set_password = backend_class.admin_set_user_password

    def associate_software_token(self: Any, access_token: str, session: str) -> dict[str, str]:
        _, _, user = _user_of(self, access_token, session)
        user.mulin_totp_pending = _new_secret()
        return {"SecretCode": user.mulin_totp_pending, **({"Session": session} if session else {})}

    def verify_software_token(self: Any, access_token: str, session: str, user_code: str,
                              friendly_device_name: str) -> dict[str, str]:
        username, pool, user = _user_of(self, access_token, session)
        pending = getattr(user, "mulin_totp_pending", None)
        step = _step_of(pending, user_code) if pending else None
        if step is None:
            raise _error("EnableSoftwareTokenMFAException", "Code mismatch and fail enable Software Token MFA")
        user.mulin_totp, user.mulin_totp_pending, user.mulin_totp_step = pending, None, step
        user.token_verified = True
        user.mulin_password_only, user.mulin_had_device = False, True
        if not session:
            return {"Status": "SUCCESS"}
        # Set up while signing in: it becomes the user's MFA method, as Cognito records it.
        user.software_token_mfa_enabled = True
        user.preferred_mfa_setting = "SOFTWARE_TOKEN_MFA"
        self.sessions.pop(session, None)
        verified = _new_session(self, username, pool)
        _VERIFIED_SESSIONS.add(verified)
        return {"Status": "SUCCESS", "Session": verified}

    def initiate_auth_with_mfa(self: Any, client_id: str, auth_flow: str, auth_parameters: dict[str, str]) -> Any:
        result = initiate_auth(self, client_id, auth_flow, auth_parameters)
        if auth_flow != "USER_PASSWORD_AUTH":
            return result
        from local_stack.embedded_cognito import _pool_of_client

        _, pool, client = _pool_of_client(client_id)
        return _after_password(self, pool, client, auth_parameters.get("USERNAME", ""), result)

    def respond_with_mfa(self: Any, session: str, client_id: str, challenge_name: str,
                         challenge_responses: dict[str, str]) -> Any:
        responses = challenge_responses or {}
        if challenge_name == "PASSWORD_VERIFIER":
            session = responses.get("PASSWORD_CLAIM_SECRET_BLOCK") or session
        if challenge_name not in ("SOFTWARE_TOKEN_MFA", "MFA_SETUP", "PASSWORD_VERIFIER", "NEW_PASSWORD_REQUIRED"):
            return respond(self, session, client_id, challenge_name, challenge_responses)
        if session not in self.sessions:
            raise _not_authorized("Invalid session for the user, session is expired.")
        username, pool = self.sessions[session]
        client = pool.clients.get(client_id)
        if client is None:
            from moto.cognitoidp.exceptions import ResourceNotFoundError

            raise ResourceNotFoundError(client_id)
        user = pool._get_user(username)
        if challenge_name == "NEW_PASSWORD_REQUIRED":
            result = respond(self, session, client_id, challenge_name, challenge_responses)
            self.sessions.pop(session, None)
            return _after_password(self, pool, client, username, result)
        if challenge_name == "PASSWORD_VERIFIER":
            result = respond(self, session, client_id, challenge_name, challenge_responses)
            if result.get("ChallengeName") == "NEW_PASSWORD_REQUIRED":
                return result
            self.sessions.pop(session, None)
            return _after_password(self, pool, client, username, result)
        if challenge_name == "MFA_SETUP":
            if session not in _VERIFIED_SESSIONS or _device(user) is None:
                raise _not_authorized("Invalid session for the user.")
        else:
            secret = _device(user)
            if secret is None:
                raise _error("SoftwareTokenMFANotFoundException", "Software Token MFA has not been enabled by the user.")
            step = _step_of(secret, responses.get("SOFTWARE_TOKEN_MFA_CODE"))
            if step is None:
                raise _error("CodeMismatchException", "Invalid code or auth state for the user.")
            if step <= getattr(user, "mulin_totp_step", -1):
                raise _error("ExpiredCodeException", "Your software token has already been used once.")
            user.mulin_totp_step = step
        self.sessions.pop(session, None)
        _VERIFIED_SESSIONS.discard(session)
        return self._log_user_in(pool, client, username)

    def set_preference_removing_devices(self: Any, user_pool_id: str, username: str,
                                        software_token_mfa_settings: dict[str, bool],
                                        sms_mfa_settings: dict[str, bool]) -> None:
        user = self.admin_get_user(user_pool_id, username)
        if software_token_mfa_settings and software_token_mfa_settings.get("Enabled") and _device(user) is None:
            raise _error("InvalidParameterException", "User has not verified software token mfa")
        set_preference(self, user_pool_id, username, software_token_mfa_settings, sms_mfa_settings)
        if software_token_mfa_settings and not software_token_mfa_settings.get("Enabled"):
            _remove_device(user)

    def set_password_noting_demo_accounts(self: Any, user_pool_id: str, username: str, password: str,
                                          permanent: bool) -> None:
        set_password(self, user_pool_id, username, password, permanent)
        user = self.admin_get_user(user_pool_id, username)
        if permanent and _device(user) is None and not getattr(user, "mulin_had_device", False):
            user.mulin_password_only = True

    backend_class.associate_software_token = _locked(associate_software_token)
    backend_class.verify_software_token = _locked(verify_software_token)
    backend_class.initiate_auth = _locked(initiate_auth_with_mfa)
    backend_class.respond_to_auth_challenge = _locked(respond_with_mfa)
    backend_class.admin_set_user_mfa_preference = _locked(set_preference_removing_devices)
    backend_class.admin_set_user_password = _locked(set_password_noting_demo_accounts)
