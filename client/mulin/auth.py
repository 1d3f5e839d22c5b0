"""Signing officials in to the officials' user pool, and keeping them signed in.

The pool requires an authenticator app (TOTP), so a sign-in is SRP (the password never leaves
the machine), then whichever challenges Cognito asks: a new password on the first sign-in,
setting up the authenticator app, or its code. Tokens are cached per stack in a file only the
user can read; the ID token is refreshed silently before it expires.
"""

from __future__ import annotations

import base64
import json
import os
import time
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

import boto3
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError
from pycognito.aws_srp import AWSSRP

from mulin.config import Stack

# Refresh when less than this is left, so that a token never expires during a long command.
REFRESH_MARGIN_SECONDS = 5 * 60
ISSUER = "Mulin"
CACHED_FIELDS = {"id_token", "access_token", "refresh_token", "expires_at"}

# Cognito's error codes, as the official should read them: (English, Chinese).
MESSAGES = {
    "NotAuthorizedException": ("Incorrect phone number or password.", "手机号或密码不正确。"),
    "UserNotFoundException": ("Incorrect phone number or password.", "手机号或密码不正确。"),
    "CodeMismatchException": ("The authenticator code is wrong.", "验证器代码不正确。"),
    "EnableSoftwareTokenMFAException": ("The authenticator code is wrong: scan the QR code again and retry.",
                                        "验证器代码不正确：请重新扫描二维码后再试。"),
    "ExpiredCodeException": ("That authenticator code was already used: wait for the next one.",
                             "该验证器代码已使用过：请等待下一个代码。"),
    "InvalidPasswordException": ("The new password does not meet the policy: at least 12 characters with upper and "
                                 "lower case letters, a digit and a symbol.",
                                 "新密码不符合要求：至少 12 位，须含大小写字母、数字和符号。"),
    "PasswordResetRequiredException": ("An administrator reset this password: ask them for a new temporary one.",
                                       "管理员已重置该密码：请向管理员索取新的临时密码。"),
    "TooManyRequestsException": ("Too many attempts: wait a minute and retry.", "尝试次数过多：请稍等一分钟后再试。"),
    "LimitExceededException": ("Too many attempts: wait a while and retry.", "尝试次数过多：请稍后再试。"),
}


class SignInPrompts(Protocol):
    def new_password(self) -> str: ...

    def show_authenticator_setup(self, otpauth_uri: str, secret: str) -> None: ...

    def authenticator_code(self) -> str: ...


class NotSignedIn(Exception):
    def __init__(self, reason: str = "") -> None:
        detail = f" ({reason})" if reason else ""
        super().__init__(f"未登录，请运行 `mulin login`。 / Not signed in: run `mulin login`.{detail}")


class SignInFailed(Exception):
    """`message` and `message_zh` as the API's errors carry them; str() gives both."""

    def __init__(self, message: str, message_zh: str, code: str = "") -> None:
        super().__init__(f"{message_zh} / {message}")
        self.message, self.message_zh, self.code = message, message_zh, code


def _failed(error: ClientError) -> SignInFailed:
    code = error.response.get("Error", {}).get("Code", "")
    english, chinese = MESSAGES.get(code, (f"Sign-in failed ({code or 'unknown error'}).", f"登录失败（{code or '未知错误'}）。"))
    return SignInFailed(english, chinese, code)


def otpauth_uri(phone: str, secret: str) -> str:
    """What an authenticator app scans (Google's Key URI format)."""
    return f"otpauth://totp/{ISSUER}:{quote(phone, safe='+')}?secret={secret}&issuer={ISSUER}"


def decode_claims(jwt: str) -> dict[str, Any]:
    """The payload of a JWT, unverified: the API verifies tokens, the client only reads them."""
    payload = jwt.split(".")[1]
    claims: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return claims


def default_cache_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("mulin"))


class Auth:
    def __init__(self, stack: Stack, cache_dir: Path | None = None) -> None:
        self.stack = stack
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self._idp: Any = None

    @property
    def cache_file(self) -> Path:
        return self.cache_dir / f"tokens-{self.stack.key}.json"

    @property
    def idp(self) -> Any:
        if self._idp is None:
            if self.stack.cognito_endpoint:
                # The embedded AWS wants signed requests; any credentials do.
                self._idp = boto3.client("cognito-idp", endpoint_url=self.stack.cognito_endpoint,
                                         region_name=self.stack.region, aws_access_key_id="testing",
                                         aws_secret_access_key="testing")
            else:
                # Sign-in calls are public: an official needs no AWS credentials.
                self._idp = boto3.client("cognito-idp", region_name=self.stack.region,
                                         config=Config(signature_version=UNSIGNED))
        return self._idp

    # ---- signing in ------------------------------------------------------------------------

    def sign_in(self, phone: str, password: str, prompts: SignInPrompts) -> dict[str, Any]:
        """Sign in and cache the tokens; returns the ID token's claims. SignInFailed otherwise,
        and nothing is cached."""
        try:
            result = self._challenges(phone, password, prompts)
        except ClientError as error:
            raise _failed(error) from None
        self._store(result["AuthenticationResult"])
        return self.claims()

    def _challenges(self, phone: str, password: str, prompts: SignInPrompts) -> dict[str, Any]:
        srp = AWSSRP(username=phone, password=password, pool_id=self.stack.user_pool_id,
                     client_id=self.stack.client_id, client=self.idp)
        parameters = srp.get_auth_params()
        step = self.idp.initiate_auth(ClientId=self.stack.client_id, AuthFlow="USER_SRP_AUTH", AuthParameters=parameters)
        username = phone
        while "AuthenticationResult" not in step:
            challenge = step.get("ChallengeName")
            username = step.get("ChallengeParameters", {}).get("USERNAME") or username
            if challenge == "PASSWORD_VERIFIER":
                step = self._respond(step, challenge, srp.process_challenge(step["ChallengeParameters"], parameters))
            elif challenge == "NEW_PASSWORD_REQUIRED":
                step = self._respond(step, challenge, {"USERNAME": username, "NEW_PASSWORD": prompts.new_password()})
            elif challenge == "MFA_SETUP":
                session = self._set_up_authenticator(phone, step["Session"], prompts)
                step = self._respond({"Session": session}, challenge, {"USERNAME": username})
            elif challenge == "SOFTWARE_TOKEN_MFA":
                step = self._respond(step, challenge, {"USERNAME": username,
                                                       "SOFTWARE_TOKEN_MFA_CODE": prompts.authenticator_code().strip()})
            else:
                raise SignInFailed(f"Cognito asked for {challenge}, which `mulin` does not support.",
                                   f"Cognito 要求 {challenge}，`mulin` 尚不支持。", str(challenge))
        return step  # type: ignore[no-any-return]

    def _respond(self, step: dict[str, Any], challenge: str, responses: dict[str, str]) -> dict[str, Any]:
        session = {"Session": step["Session"]} if step.get("Session") else {}
        return self.idp.respond_to_auth_challenge(  # type: ignore[no-any-return]
            ClientId=self.stack.client_id, ChallengeName=challenge, ChallengeResponses=responses, **session)

    def _set_up_authenticator(self, phone: str, session: str, prompts: SignInPrompts) -> str:
        """Pair an authenticator app with the account; returns the session that answers MFA_SETUP."""
        association = self.idp.associate_software_token(Session=session)
        secret = association["SecretCode"]
        prompts.show_authenticator_setup(otpauth_uri(phone, secret), secret)
        verified = self.idp.verify_software_token(Session=association.get("Session", session),
                                                  UserCode=prompts.authenticator_code().strip(),
                                                  FriendlyDeviceName="mulin")
        if verified.get("Status") != "SUCCESS":
            raise SignInFailed(*MESSAGES["EnableSoftwareTokenMFAException"], "EnableSoftwareTokenMFAException")
        return verified["Session"]  # type: ignore[no-any-return]

    # ---- the token cache -------------------------------------------------------------------

    def _store(self, result: dict[str, Any], refresh_token: str | None = None) -> None:
        record = {
            "id_token": result["IdToken"],
            "access_token": result["AccessToken"],
            "refresh_token": result.get("RefreshToken") or refresh_token,
            "expires_at": time.time() + int(result.get("ExpiresIn", 3600)),
        }
        self.cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.cache_dir.chmod(0o700)
        # Created 0600 from the start: the tokens are never readable by others, not even briefly.
        descriptor = os.open(self.cache_file, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        if hasattr(os, "fchmod"):
            # A file left by an older version may have been wider; O_CREAT's mode applies only to new files.
            os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(record, file)

    def _cached(self) -> dict[str, Any]:
        try:
            record: dict[str, Any] = json.loads(self.cache_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise NotSignedIn() from None
        except ValueError:
            record = {}
        if not isinstance(record, dict) or not CACHED_FIELDS <= set(record):
            self._forget()
            raise NotSignedIn("the token cache was unreadable")
        return record

    def _forget(self) -> None:
        self.cache_file.unlink(missing_ok=True)

    def id_token(self) -> str:
        """The cached ID token, refreshed first when it has under five minutes left."""
        record = self._cached()
        if record["expires_at"] - time.time() >= REFRESH_MARGIN_SECONDS:
            return record["id_token"]  # type: ignore[no-any-return]
        try:
            result = self.idp.initiate_auth(ClientId=self.stack.client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                                            AuthParameters={"REFRESH_TOKEN": record["refresh_token"]})
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "NotAuthorizedException":
                raise
            # Revoked, expired, or the account was disabled: only a new sign-in helps.
            self._forget()
            raise NotSignedIn("the session ended") from None
        self._store(result["AuthenticationResult"], refresh_token=record["refresh_token"])
        return result["AuthenticationResult"]["IdToken"]  # type: ignore[no-any-return]

    def claims(self) -> dict[str, Any]:
        return decode_claims(self._cached()["id_token"])

    def sign_out(self) -> None:
        """Revoke the refresh token (and the tokens issued from it), then forget them."""
        try:
            record = self._cached()
        except NotSignedIn:
            return
        try:
            self.idp.revoke_token(Token=record["refresh_token"], ClientId=self.stack.client_id)
        except ClientError as error:
            # Already revoked or expired: nothing left to end.
            if error.response.get("Error", {}).get("Code") not in ("NotAuthorizedException", "UnauthorizedException"):
                raise
        finally:
            self._forget()
