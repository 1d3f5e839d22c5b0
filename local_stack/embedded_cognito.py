"""The embedded Cognito: moto's user pools, made to behave as Cognito does where the
residents' and officials' flows depend on it.

moto 5.2.5 never generates or checks a confirmation code, applies a changed phone number at
once whatever the pool's UserAttributeUpdateSettings say, lets a user write attributes the
app client does not list, has no ResendConfirmationCode, VerifyUserAttribute,
GetUserAttributeVerificationCode, DeleteUser or RevokeToken, creates a second user (a new `sub`) for
AdminCreateUser with MessageAction=RESEND, and keys tokens by the name typed at sign-in, so
a token outlives a number change (or follows the number to its next holder). Here:

- SignUp, ResendConfirmationCode, ForgotPassword, UpdateUserAttributes on a number,
  GetUserAttributeVerificationCode and AdminCreateUser "send" a 6-digit code or a temporary
  password: one JSON line in the SMS outbox (local_stack/outbox.py), the file named by
  MULIN_LOCAL_SMS_OUTBOX. Codes go nowhere else: not in a response, not in a log.
- A code is checked as Cognito checks it: a wrong one is CodeMismatchException, an old one
  ExpiredCodeException, and after five wrong tries LimitExceededException until a new code
  is sent. Sign-up and attribute codes last 24 hours, reset codes 1 hour
  (MULIN_LOCAL_CODE_SECONDS shortens every lifetime, for tests).
- A number a user changes stays pending, the old one verified and in force (in ID tokens
  too), until the code sent to the new number is verified.
- Tokens name the user's internal username, as Cognito's do, whatever was typed.
- Authenticator apps (TOTP) and the MFA challenges: local_stack/embedded_mfa.py; the SRP
  password proof: local_stack/embedded_srp.py.
"""

from __future__ import annotations

import functools
import hmac
import json
import os
import re
import secrets
import string
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

OUTBOX_VARIABLE = "MULIN_LOCAL_SMS_OUTBOX"
CODE_SECONDS_VARIABLE = "MULIN_LOCAL_CODE_SECONDS"
LIFETIMES = {"sign_up": 24 * 3600, "forgot_password": 3600, "verify:phone_number": 24 * 3600}
MAX_WRONG_CODES = 5
VERIFIABLE = {"phone_number": "phone_number_verified"}
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
# Symbols Cognito counts as such, and that survive an SMS and a copy into a form.
SYMBOLS = "!#%+-=?@"

_LOCK = threading.RLock()
_OUTBOX_LOCK = threading.Lock()


@dataclass
class _Code:
    code: str
    expires: float
    wrong: int = 0


# ---- errors, with Cognito's names and messages ---------------------------------------------

def _error(kind: str, message: str) -> Exception:
    from moto.core.exceptions import JsonRESTError

    return JsonRESTError(kind, message)


def _code_mismatch() -> Exception:
    return _error("CodeMismatchException", "Invalid verification code provided, please try again.")


def _not_authorized(message: str) -> Exception:
    return _error("NotAuthorizedException", message)


# ---- the outbox ----------------------------------------------------------------------------

def _send(pool: Any, user: Any, phone: str, kind: str, *, code: str | None = None, password: str | None = None) -> None:
    path = os.environ.get(OUTBOX_VARIABLE)
    if not path:
        return
    if kind == "temporary_password":
        template = (pool.extended_config.get("AdminCreateUserConfig") or {}).get("InviteMessageTemplate") or {}
        text = (template.get("SMSMessage") or "Your username is {username} and temporary password is {####}.")
        text = text.replace("{username}", user.attribute_lookup.get("phone_number", user.username))
    else:
        template = pool.extended_config.get("VerificationMessageTemplate") or {}
        text = template.get("SmsMessage") or pool.extended_config.get("SmsVerificationMessage") or "Your code is {####}"
    record = {
        "at": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "pool_id": pool.id,
        "phone": phone,
        "kind": kind,
        **({"password": password} if password is not None else {"code": code}),
        "username": user.username,
        "message": text.replace("{####}", password if password is not None else str(code)),
    }
    line = json.dumps(record, ensure_ascii=False) + "\n"
    with _OUTBOX_LOCK, open(path, "a", encoding="utf-8") as outbox:
        outbox.write(line)


def patch_texts() -> None:
    """SNS's texts to phone numbers (residents' notifications, texts/) land in the outbox too, as kind "notification"."""
    from moto.sns.models import SNSBackend

    original = SNSBackend.publish

    def publish(self: Any, message: str, *args: Any, **kwargs: Any) -> str:
        message_id: str = original(self, message, *args, **kwargs)
        phone = kwargs.get("phone_number") or (args[1] if len(args) > 1 else None)
        path = os.environ.get(OUTBOX_VARIABLE)
        if phone and path:
            record = {"at": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                      "phone": phone, "kind": "notification", "message": message, "message_id": message_id}
            with _OUTBOX_LOCK, open(path, "a", encoding="utf-8") as outbox:
                outbox.write(json.dumps(record, ensure_ascii=False) + "\n")
        return message_id

    SNSBackend.publish = publish


def _masked(phone: str) -> str:
    return "+" + "*" * max(len(phone) - 5, 0) + phone[-4:]


def _delivery(phone: str, attribute: str = "phone_number") -> dict[str, str]:
    return {"Destination": _masked(phone), "DeliveryMedium": "SMS", "AttributeName": attribute}


# ---- codes ---------------------------------------------------------------------------------

def _codes(user: Any) -> dict[str, _Code]:
    if not hasattr(user, "mulin_codes"):
        user.mulin_codes = {}
    return user.mulin_codes


def _pending(user: Any) -> dict[str, str]:
    if not hasattr(user, "mulin_pending"):
        user.mulin_pending = {}
    return user.mulin_pending


def _issue(user: Any, purpose: str) -> str:
    lifetime = float(os.environ.get(CODE_SECONDS_VARIABLE) or LIFETIMES[purpose])
    code = f"{secrets.randbelow(1_000_000):06d}"
    _codes(user)[purpose] = _Code(code, time.time() + lifetime)
    return code


def _check(user: Any, purpose: str, code: str | None) -> None:
    """Consume the code if it is right; raise as Cognito does otherwise."""
    entry = _codes(user).get(purpose)
    if entry is None:
        raise _code_mismatch()
    if entry.wrong >= MAX_WRONG_CODES:
        raise _error("LimitExceededException", "Attempt limit exceeded, please try after some time.")
    if not hmac.compare_digest(str(code or "").encode(), entry.code.encode()):
        entry.wrong += 1
        raise _code_mismatch()
    if time.time() > entry.expires:
        raise _error("ExpiredCodeException", "Invalid code provided, please request a code again.")
    del _codes(user)[purpose]


# ---- finding pools, clients and users whatever region a request was signed for ----------------

def _backends() -> list[Any]:
    from moto.cognitoidp.models import cognitoidp_backends

    return [backend for regions in cognitoidp_backends.values() for region, backend in regions.items()
            if region != "global"]


def _pool_of_client(client_id: str) -> tuple[Any, Any, Any]:
    from moto.cognitoidp.exceptions import ResourceNotFoundError

    for backend in _backends():
        for pool in backend.user_pools.values():
            if client_id in pool.clients:
                return backend, pool, pool.clients[client_id]
    raise ResourceNotFoundError(client_id)


def _signed_in(access_token: str) -> tuple[Any, Any, Any, Any]:
    """(backend, pool, client, user) of a live access token, as GetUser judges it."""
    for backend in _backends():
        for pool in backend.user_pools.values():
            if access_token in pool.access_tokens:
                client_id, username = pool.access_tokens[access_token]
                user = backend.get_user(access_token)
                return backend, pool, pool.clients.get(client_id), user
    raise _not_authorized("Invalid Access Token")


def _hides_users(client: Any) -> bool:
    return client is not None and client.extended_config.get("PreventUserExistenceErrors") == "ENABLED"


def _phone(user: Any) -> str:
    return user.attribute_lookup.get("phone_number", "")


def _require_writable(client: Any, attributes: list[dict[str, str]]) -> None:
    allowed = client.extended_config.get("WriteAttributes") if client is not None else None
    if allowed is None:
        return
    if any(a["Name"] not in allowed for a in attributes):
        raise _not_authorized("A client attempted to write unauthorized attribute")


def _holder_of(pool: Any, attribute: str, value: str, other_than: Any) -> Any:
    return next((u for u in pool.users.values()
                 if u is not other_than and u.attribute_lookup.get(attribute) == value), None)


# ---- attribute changes (user and administrator) -------------------------------------------

def _change_attributes(pool: Any, user: Any, attributes: list[dict[str, str]], *, admin: bool) -> list[dict[str, str]]:
    """Apply `attributes`; a number the pool wants verified first becomes pending and a code
    goes to it. Returns the deliveries, as UpdateUserAttributes reports them."""
    from moto.cognitoidp.exceptions import InvalidParameterException

    requested = {a["Name"]: a["Value"] for a in attributes}
    held_back = set((pool.extended_config.get("UserAttributeUpdateSettings") or {})
                    .get("AttributesRequireVerificationBeforeUpdate") or [])
    auto_verified = set(pool.extended_config.get("AutoVerifiedAttributes") or [])
    deliveries = []
    for attribute, flag in VERIFIABLE.items():
        value = requested.get(attribute)
        if value is None:
            continue
        if not E164.match(value):
            raise InvalidParameterException("Invalid phone number format.")
        if _holder_of(pool, attribute, value, user) is not None and attribute in (
                pool.extended_config.get("UsernameAttributes") or []):
            raise _error("AliasExistsException", "An account with the given phone_number already exists.")
        admin_verifies = admin and requested.get(flag) == "true"
        if value == user.attribute_lookup.get(attribute) and not admin_verifies:
            # Back to the number in force: nothing is pending any more.
            del requested[attribute]
            _pending(user).pop(attribute, None)
            continue
        if admin_verifies:
            _pending(user).pop(attribute, None)
            continue
        if attribute in held_back:
            # The old value and its verified flag stay in force until the new one is verified.
            del requested[attribute]
            requested.pop(flag, None)
            _pending(user)[attribute] = value
        else:
            requested[flag] = "false"
        if attribute in auto_verified or attribute in held_back:
            _send(pool, user, value, "verify_attribute", code=_issue(user, f"verify:{attribute}"))
            deliveries.append(_delivery(value, attribute))
    if requested:
        user.update_attributes([{"Name": k, "Value": v} for k, v in requested.items()])
    return deliveries


def _verify_attribute(pool: Any, user: Any, attribute: str, code: str) -> None:
    from moto.cognitoidp.exceptions import InvalidParameterException

    if attribute not in VERIFIABLE:
        raise InvalidParameterException(f"Invalid attribute name: {attribute}")
    _check(user, f"verify:{attribute}", code)
    value = _pending(user).pop(attribute, None)
    update = {VERIFIABLE[attribute]: "true"}
    if value is not None:
        if _holder_of(pool, attribute, value, user) is not None:
            raise _error("AliasExistsException", "An account with the given phone_number already exists.")
        update[attribute] = value
    user.update_attributes([{"Name": k, "Value": v} for k, v in update.items()])


# ---- temporary passwords -------------------------------------------------------------------

def temporary_password(policy: dict[str, Any]) -> str:
    """A password the pool's policy accepts: every class it asks for, and at least 12 long."""
    wanted = [string.ascii_lowercase]
    for rule, characters in (("RequireUppercase", string.ascii_uppercase), ("RequireNumbers", string.digits),
                             ("RequireSymbols", SYMBOLS)):
        if policy.get(rule, True):
            wanted.append(characters)
    alphabet = "".join(wanted)
    chosen = [secrets.choice(c) for c in wanted]
    chosen += [secrets.choice(alphabet) for _ in range(max(int(policy.get("MinimumLength", 8)), 12) - len(chosen))]
    secrets.SystemRandom().shuffle(chosen)
    return "".join(chosen)


def _policy(pool: Any) -> dict[str, Any]:
    return (pool.extended_config.get("Policies") or {}).get("PasswordPolicy") or {}


# ---- the operations, at moto's response level where moto drops a parameter we need ----------

def _locked(method: Any) -> Any:
    @functools.wraps(method)
    def locked(*args: Any, **kwargs: Any) -> Any:
        with _LOCK:
            return method(*args, **kwargs)

    return locked


def confirm_sign_up(self: Any) -> Any:
    from moto.cognitoidp.exceptions import UserNotFoundError
    from moto.cognitoidp.models import UserStatus
    from moto.core.responses import EmptyResult

    _, pool, client = _pool_of_client(self._get_param("ClientId"))
    user = pool._get_user(self._get_param("Username") or "")
    if user is None:
        if _hides_users(client):
            raise _code_mismatch()
        raise UserNotFoundError("Username/client id combination not found.")
    if user.status is not UserStatus.UNCONFIRMED:
        raise _not_authorized(f"User cannot be confirmed. Current status is {user.status.value}")
    _check(user, "sign_up", self._get_param("ConfirmationCode"))
    user.status = UserStatus.CONFIRMED
    if "phone_number" in (pool.extended_config.get("AutoVerifiedAttributes") or []) and _phone(user):
        user.update_attributes([{"Name": "phone_number_verified", "Value": "true"}])
    return EmptyResult()


def resend_confirmation_code(self: Any) -> Any:
    from moto.cognitoidp.exceptions import InvalidParameterException, UserNotFoundError
    from moto.cognitoidp.models import UserStatus
    from moto.core.responses import ActionResult

    _, pool, client = _pool_of_client(self._get_param("ClientId"))
    username = self._get_param("Username") or ""
    user = pool._get_user(username)
    if user is None:
        if _hides_users(client):
            return ActionResult({"CodeDeliveryDetails": _delivery(username if E164.match(username) else "+00000000000")})
        raise UserNotFoundError("Username/client id combination not found.")
    if user.status is not UserStatus.UNCONFIRMED:
        raise InvalidParameterException("User is already confirmed.")
    _send(pool, user, _phone(user), "resend", code=_issue(user, "sign_up"))
    return ActionResult({"CodeDeliveryDetails": _delivery(_phone(user))})


def forgot_password(self: Any) -> Any:
    from moto.cognitoidp.exceptions import InvalidParameterException
    from moto.cognitoidp.models import UserStatus
    from moto.core.responses import ActionResult

    _, pool, client = _pool_of_client(self._get_param("ClientId"))
    username = self._get_param("Username") or ""
    user = pool._get_user(username)
    if user is None:
        if _hides_users(client):
            return ActionResult({"CodeDeliveryDetails": _delivery(username if E164.match(username) else "+00000000000")})
        from moto.cognitoidp.exceptions import UserNotFoundError

        raise UserNotFoundError("Username/client id combination not found.")
    if not user.enabled:
        raise _not_authorized("User is disabled.")
    if user.status is UserStatus.FORCE_CHANGE_PASSWORD:
        # An invited official has a temporary password to use, or an administrator resends it.
        raise _not_authorized("User password cannot be reset in the current state.")
    if user.attribute_lookup.get("phone_number_verified") != "true":
        raise InvalidParameterException(
            "Cannot reset password for the user as there is no registered/verified email or phone_number")
    _send(pool, user, _phone(user), "forgot_password", code=_issue(user, "forgot_password"))
    return ActionResult({"CodeDeliveryDetails": _delivery(_phone(user))})


def confirm_forgot_password(self: Any) -> Any:
    from moto.cognitoidp.exceptions import UserNotFoundError
    from moto.cognitoidp.models import UserStatus
    from moto.core.responses import EmptyResult

    backend, pool, client = _pool_of_client(self._get_param("ClientId"))
    user = pool._get_user(self._get_param("Username") or "")
    if user is None:
        if _hides_users(client):
            raise _code_mismatch()
        raise UserNotFoundError("Username/client id combination not found.")
    password = self._get_param("Password") or ""
    backend._validate_password(pool.id, password)
    _check(user, "forgot_password", self._get_param("ConfirmationCode"))
    user.password = password
    if user.status is UserStatus.RESET_REQUIRED:
        user.status = UserStatus.CONFIRMED
    return EmptyResult()


def update_user_attributes(self: Any) -> Any:
    from moto.core.responses import ActionResult

    _, pool, client, user = _signed_in(self._get_param("AccessToken"))
    attributes = self._get_param("UserAttributes") or []
    _require_writable(client, attributes)
    deliveries = _change_attributes(pool, user, attributes, admin=False)
    return ActionResult({"CodeDeliveryDetailsList": deliveries} if deliveries else {})


def verify_user_attribute(self: Any) -> Any:
    from moto.core.responses import EmptyResult

    _, pool, _, user = _signed_in(self._get_param("AccessToken"))
    _verify_attribute(pool, user, self._get_param("AttributeName"), self._get_param("Code"))
    return EmptyResult()


def get_user_attribute_verification_code(self: Any) -> Any:
    from moto.cognitoidp.exceptions import InvalidParameterException
    from moto.core.responses import ActionResult

    _, pool, _, user = _signed_in(self._get_param("AccessToken"))
    attribute = self._get_param("AttributeName")
    if attribute not in VERIFIABLE:
        raise InvalidParameterException(f"Invalid attribute name: {attribute}")
    destination = _pending(user).get(attribute) or user.attribute_lookup.get(attribute)
    if not destination:
        raise InvalidParameterException(f"User has no attribute {attribute}")
    _send(pool, user, destination, "verify_attribute", code=_issue(user, f"verify:{attribute}"))
    return ActionResult({"CodeDeliveryDetails": _delivery(destination, attribute)})


def admin_update_user_attributes(self: Any) -> Any:
    from moto.core.responses import EmptyResult

    pool = self.backend.describe_user_pool(self._get_param("UserPoolId"))
    user = self.backend.admin_get_user(pool.id, self._get_param("Username"))
    _change_attributes(pool, user, self._get_param("UserAttributes") or [], admin=True)
    return EmptyResult()


def admin_create_user(self: Any) -> Any:
    from moto.cognitoidp.models import UserStatus
    from moto.core.responses import ActionResult

    pool = self.backend.describe_user_pool(self._get_param("UserPoolId"))
    username = self._get_param("Username")
    action = self._get_param("MessageAction")
    password = self._get_param("TemporaryPassword")
    if password is not None:
        self.backend._validate_password(pool.id, password)
    if action == "RESEND":
        # The same account, a new temporary password: never a second user.
        user = self.backend.admin_get_user(pool.id, username)
        if user.status is not UserStatus.FORCE_CHANGE_PASSWORD:
            raise _error("UnsupportedUserStateException", f"User status is {user.status.value}, not FORCE_CHANGE_PASSWORD")
        user.password = password or temporary_password(_policy(pool))
    else:
        attributes = self._get_param("UserAttributes", [])
        if password is None and action != "SUPPRESS":
            password = temporary_password(_policy(pool))
        user = self.backend.admin_create_user(pool.id, username, action, password, attributes)
    if action != "SUPPRESS" and _phone(user):
        _send(pool, user, _phone(user), "temporary_password", password=user.password)
    return ActionResult({"User": user.to_json(extended=True)})


def global_sign_out(self: Any) -> Any:
    from moto.core.responses import EmptyResult

    _, pool, _, user = _signed_in(self._get_param("AccessToken"))
    pool.sign_out(user.username)
    return EmptyResult()


def delete_user(self: Any) -> Any:
    from moto.core.responses import EmptyResult

    _, pool, _, user = _signed_in(self._get_param("AccessToken"))
    _forget(pool, user)
    return EmptyResult()


def revoke_token(self: Any) -> Any:
    """RevokeToken, which moto lacks: the refresh token and the access tokens issued from it stop
    working. A token the client never issued is answered as AWS does (RFC 7009): nothing to do."""
    from moto.core.responses import EmptyResult

    token, client_id = self._get_param("Token"), self._get_param("ClientId")
    _, pool, _ = _pool_of_client(client_id)
    held = pool.refresh_tokens.get(token)
    if held is None or held[0] != client_id:
        return EmptyResult()
    pool.refresh_tokens[token] = None
    for access_token in list(pool.access_tokens):
        if _claims(access_token).get("origin_jti") == held[2]:
            pool.access_tokens.pop(access_token)
    return EmptyResult()


def _claims(jwt: str) -> dict[str, Any]:
    import base64

    try:
        payload = jwt.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return {}


def _forget(pool: Any, user: Any) -> None:
    pool.sign_out(user.username)
    for group in user.groups:
        group.users.discard(user)
    pool.users.pop(user.username, None)


RESPONSES = {
    "confirm_sign_up": confirm_sign_up,
    "resend_confirmation_code": resend_confirmation_code,
    "forgot_password": forgot_password,
    "confirm_forgot_password": confirm_forgot_password,
    "update_user_attributes": update_user_attributes,
    "verify_user_attribute": verify_user_attribute,
    "get_user_attribute_verification_code": get_user_attribute_verification_code,
    "admin_update_user_attributes": admin_update_user_attributes,
    "admin_create_user": admin_create_user,
    "global_sign_out": global_sign_out,
    "delete_user": delete_user,
    "revoke_token": revoke_token,
}


# ---- the backend and the pool, where moto's own operations need a correction -----------------

def _patch_backend(backend_class: Any, pool_class: Any) -> None:
    sign_up = backend_class.sign_up
    initiate_auth = backend_class.initiate_auth
    admin_delete_user = backend_class.admin_delete_user
    admin_disable_user = backend_class.admin_disable_user

    def sign_up_with_code(self: Any, client_id: str, username: str, password: str,
                          attributes: list[dict[str, str]]) -> Any:
        from moto.cognitoidp.exceptions import UsernameExistsException

        _, pool, client = _pool_of_client(client_id)
        if (pool.extended_config.get("AdminCreateUserConfig") or {}).get("AllowAdminCreateUserOnly"):
            raise _not_authorized("SignUp is not permitted for this user pool")
        _require_writable(client, attributes or [])
        try:
            user, _ = sign_up(self, client_id, username, password, attributes)
        except UsernameExistsException:
            raise UsernameExistsException("An account with the given phone_number already exists.") from None
        phone = _phone(user)
        if not phone:
            return user, None
        _send(pool, user, phone, "sign_up", code=_issue(user, "sign_up"))
        return user, _delivery(phone)

    def initiate_auth_hiding_users(self: Any, client_id: str, auth_flow: str, auth_parameters: dict[str, str]) -> Any:
        from moto.cognitoidp.exceptions import UserNotFoundError

        try:
            return initiate_auth(self, client_id, auth_flow, auth_parameters)
        except UserNotFoundError:
            _, _, client = _pool_of_client(client_id)
            if _hides_users(client):
                raise _not_authorized("Incorrect username or password.") from None
            raise

    def admin_delete_user_signed_out(self: Any, user_pool_id: str, username: str) -> None:
        pool = self.describe_user_pool(user_pool_id)
        pool.sign_out(self.admin_get_user(user_pool_id, username).username)
        admin_delete_user(self, user_pool_id, username)

    def admin_disable_user_signed_out(self: Any, user_pool_id: str, username: str) -> None:
        # AWS revokes a disabled user's access tokens; refreshing fails while disabled.
        admin_disable_user(self, user_pool_id, username)
        pool = self.describe_user_pool(user_pool_id)
        internal = self.admin_get_user(user_pool_id, username).username
        for token, (_, holder) in list(pool.access_tokens.items()):
            if holder == internal:
                pool.access_tokens.pop(token)

    backend_class.sign_up = _locked(sign_up_with_code)
    backend_class.initiate_auth = initiate_auth_hiding_users
    backend_class.admin_delete_user = _locked(admin_delete_user_signed_out)
    backend_class.admin_disable_user = _locked(admin_disable_user_signed_out)

    def internal_name(method: Any) -> Any:
        """Tokens and sessions hold the user's internal username, never the number typed."""
        @functools.wraps(method)
        def named(self: Any, client_id: str, username: str, *args: Any, **kwargs: Any) -> Any:
            user = self._get_user(username)
            return method(self, client_id, user.username if user is not None else username, *args, **kwargs)

        return named

    for name in ("create_refresh_token", "create_access_token", "create_id_token"):
        setattr(pool_class, name, internal_name(getattr(pool_class, name)))

    sign_out = pool_class.sign_out

    def sign_out_by_internal_name(self: Any, username: str) -> None:
        user = self._get_user(username)
        sign_out(self, user.username if user is not None else username)

    pool_class.sign_out = sign_out_by_internal_name

    from_refresh_token = pool_class.create_tokens_from_refresh_token

    def refresh_for_live_users(self: Any, refresh_token: str) -> Any:
        held = self.refresh_tokens.get(refresh_token)
        if held is None:
            raise _not_authorized("Refresh Token has been revoked")
        user = self.users.get(held[1])
        if user is None:
            raise _not_authorized("Refresh Token has been revoked")
        if not user.enabled:
            raise _not_authorized("User is disabled.")
        return from_refresh_token(self, refresh_token)

    pool_class.create_tokens_from_refresh_token = refresh_for_live_users

    extra_data = pool_class.get_user_extra_data_by_client_id

    def claims_as_cognito_writes_them(self: Any, client_id: str, username: str) -> dict[str, Any]:
        # ID tokens carry the *_verified attributes as JSON booleans.
        data = extra_data(self, client_id, username)
        for name in VERIFIABLE.values():
            if name in data:
                data[name] = data[name] == "true"
        return data

    pool_class.get_user_extra_data_by_client_id = claims_as_cognito_writes_them


def patch_cognito() -> None:
    from moto.cognitoidp.models import CognitoIdpBackend, CognitoIdpUserPool
    from moto.cognitoidp.responses import CognitoIdpResponse

    from local_stack.embedded_mfa import patch_mfa
    from local_stack.embedded_srp import patch_srp

    _patch_backend(CognitoIdpBackend, CognitoIdpUserPool)
    # In this order: the password proof is checked before any MFA challenge follows it.
    patch_mfa(CognitoIdpBackend)
    patch_srp(CognitoIdpBackend)
    for name, operation in RESPONSES.items():
        setattr(CognitoIdpResponse, name, _locked(operation))
