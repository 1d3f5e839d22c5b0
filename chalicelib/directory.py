"""The two Cognito user pools as a directory of people: the only module that calls Cognito's
administrative API. Domain repositories (residence, staff, accounts) call these functions.

A person is their `sub`. Cognito's `Username` for a pool whose users sign in with their
phone number is an opaque name of its own, so every call first finds the user by `sub`
(ListUsers with a filter: an indexed lookup, not a scan).
"""

from __future__ import annotations

from typing import Any

from chalicelib import aws
from chalicelib.settings import get_settings


def residents_pool_id() -> str:
    return get_settings().user_pool_id


def officials_pool_id() -> str:
    return get_settings().officials_user_pool_id


def attributes_of(user: dict[str, Any]) -> dict[str, str]:
    return {a["Name"]: a["Value"] for a in user.get("Attributes") or user.get("UserAttributes") or []}


def find_by_sub(pool_id: str, sub: str) -> dict[str, Any] | None:
    """The user whose `sub` this is, or None. Filters take quoted values; a sub is a UUID."""
    if not sub or '"' in sub or "\\" in sub:
        return None
    users = aws.client("cognito-idp").list_users(UserPoolId=pool_id, Filter=f'sub = "{sub}"', Limit=1)["Users"]
    return users[0] if users else None


def find_by_verified_phone(pool_id: str, phone: str) -> dict[str, Any] | None:
    """The user who holds `phone` as a verified number, or None.

    Only a verified number identifies anyone: Cognito holds a changed number back until a
    code sent to it returns (UserAttributeUpdateSettings), so a verified number was proven
    by whoever holds it.
    """
    if not phone or '"' in phone or "\\" in phone:
        return None
    users = aws.client("cognito-idp").list_users(UserPoolId=pool_id, Filter=f'phone_number = "{phone}"', Limit=2)["Users"]
    verified = [u for u in users if attributes_of(u).get("phone_number_verified") == "true"]
    return verified[0] if len(verified) == 1 else None


def username_of(pool_id: str, sub: str) -> str | None:
    user = find_by_sub(pool_id, sub)
    return user["Username"] if user else None


# --- officials' accounts (chalicelib/staff/repository.py) ------------------------------


def create_official(phone: str, division: str) -> dict[str, Any]:
    """A new official in the officials' pool, with a verified number and their jurisdiction.

    No TemporaryPassword is given: Cognito makes one and sends it to the number by SMS, so
    nobody but the official ever sees it. Raises UsernameExistsException for a number the
    pool already holds.
    """
    from chalicelib.auth import JURISDICTION_CLAIM

    attributes = [
        {"Name": "phone_number", "Value": phone},
        # The administrator vouches for the number; the SMS that carries the temporary
        # password proves it again at the first sign-in.
        {"Name": "phone_number_verified", "Value": "true"},
        {"Name": JURISDICTION_CLAIM, "Value": division},
    ]
    user: dict[str, Any] = aws.client("cognito-idp").admin_create_user(
        UserPoolId=officials_pool_id(), Username=phone, UserAttributes=attributes, DesiredDeliveryMediums=["SMS"]
    )["User"]
    return user


def add_official_to_group(username: str, group: str) -> None:
    aws.client("cognito-idp").admin_add_user_to_group(UserPoolId=officials_pool_id(), Username=username, GroupName=group)


def groups_of_official(username: str) -> list[str]:
    response = aws.client("cognito-idp").admin_list_groups_for_user(UserPoolId=officials_pool_id(), Username=username)
    return [group["GroupName"] for group in response.get("Groups", [])]


def delete_official(username: str) -> None:
    aws.client("cognito-idp").admin_delete_user(UserPoolId=officials_pool_id(), Username=username)


def disable_official(username: str) -> None:
    """No more sign-ins, and every refresh token revoked (ID tokens already issued are the
    API authorizer's to refuse: Cognito cannot recall a signed token)."""
    cognito = aws.client("cognito-idp")
    cognito.admin_disable_user(UserPoolId=officials_pool_id(), Username=username)
    cognito.admin_user_global_sign_out(UserPoolId=officials_pool_id(), Username=username)


def enable_official(username: str) -> None:
    aws.client("cognito-idp").admin_enable_user(UserPoolId=officials_pool_id(), Username=username)


def sign_out_official(username: str) -> None:
    aws.client("cognito-idp").admin_user_global_sign_out(UserPoolId=officials_pool_id(), Username=username)


def set_official_division(username: str, division: str) -> None:
    from chalicelib.auth import JURISDICTION_CLAIM

    aws.client("cognito-idp").admin_update_user_attributes(
        UserPoolId=officials_pool_id(), Username=username, UserAttributes=[{"Name": JURISDICTION_CLAIM, "Value": division}]
    )


def clear_official_totp(username: str) -> None:
    """Turn the official's authenticator app off; the pool requires MFA, so Cognito asks them
    to set one up again (the MFA_SETUP challenge) at their next sign-in."""
    aws.client("cognito-idp").admin_set_user_mfa_preference(
        UserPoolId=officials_pool_id(), Username=username,
        SoftwareTokenMfaSettings={"Enabled": False, "PreferredMfa": False},
    )


def official_pages() -> Any:
    """Every user of the officials' pool, a page (of up to 60) at a time."""
    paginator = aws.client("cognito-idp").get_paginator("list_users")
    for page in paginator.paginate(UserPoolId=officials_pool_id()):
        yield page["Users"]


def set_residence(sub: str, committee: str | None) -> bool:
    """Make a resident's `custom:division` say `committee` (or nothing), so that their next
    ID token carries their verified residence; False when the account no longer exists."""
    from chalicelib.auth import JURISDICTION_CLAIM

    user = find_by_sub(residents_pool_id(), sub)
    if user is None:
        return False
    held = attributes_of(user).get(JURISDICTION_CLAIM) or None
    if held == committee:
        return True
    cognito = aws.client("cognito-idp")
    # Deleting an attribute the account does not hold is refused, hence the look first.
    if committee is None:
        cognito.admin_delete_user_attributes(UserPoolId=residents_pool_id(), Username=user["Username"],
                                             UserAttributeNames=[JURISDICTION_CLAIM])
    else:
        cognito.admin_update_user_attributes(UserPoolId=residents_pool_id(), Username=user["Username"],
                                             UserAttributes=[{"Name": JURISDICTION_CLAIM, "Value": committee}])
    return True


def residence_of(user: dict[str, Any]) -> str | None:
    """The residence a resident's account carries (its `custom:division`), if any."""
    from chalicelib.auth import JURISDICTION_CLAIM

    return attributes_of(user).get(JURISDICTION_CLAIM) or None


def delete_resident(sub: str) -> bool:
    """Sign a resident out on every device, then delete their account (an erasure at their
    request); False when no account has this `sub` any more, so that a repeat is harmless.

    Signing out revokes their refresh tokens; an ID token already issued still verifies
    until it expires, which the API's erasure marker covers (accounts/service.py)."""
    username = username_of(residents_pool_id(), sub)
    if username is None:
        return False
    cognito = aws.client("cognito-idp")
    try:
        cognito.admin_user_global_sign_out(UserPoolId=residents_pool_id(), Username=username)
        cognito.admin_delete_user(UserPoolId=residents_pool_id(), Username=username)
    except aws.failures() as exc:
        # Deleted meanwhile by a concurrent erasure: the outcome asked for.
        if aws.error_code(exc) == "UserNotFoundException":
            return False
        raise
    return True


# --- the browser's session (chalicelib/session/): public-client calls, no administrator's rights


# What Cognito answers for a refresh token it will not honour: revoked, expired, forged, issued
# by another pool or client, or its user disabled or deleted.
REFUSED_TOKEN_CODES = frozenset({
    "NotAuthorizedException", "InvalidParameterException", "ResourceNotFoundException", "UserNotFoundException",
    "UserNotConfirmedException", "PasswordResetRequiredException", "UnauthorizedException",
    "UnsupportedTokenTypeException",
})


def client_of_pool(pool: str) -> str:
    """The app client the pages sign in through, per pool; empty where the pool does not exist."""
    settings = get_settings()
    return settings.officials_user_pool_client_id if pool == "officials" else settings.user_pool_client_id


def tokens_from_refresh(pool: str, refresh_token: str) -> dict[str, Any] | None:
    """Fresh ID and access tokens (Cognito's AuthenticationResult) for a refresh token, or None
    when Cognito refuses it."""
    client_id = client_of_pool(pool)
    if not client_id:
        return None
    try:
        result = aws.client("cognito-idp").initiate_auth(
            ClientId=client_id, AuthFlow="REFRESH_TOKEN_AUTH", AuthParameters={"REFRESH_TOKEN": refresh_token})
    except aws.failures() as exc:
        if aws.error_code(exc) in REFUSED_TOKEN_CODES:
            return None
        raise
    return result.get("AuthenticationResult") or None


def revoke_refresh_token(pool: str, refresh_token: str) -> bool:
    """Revoke a refresh token and the access tokens issued from it; False when Cognito did not
    know it (already revoked, forged), which for a sign-out is the same outcome."""
    client_id = client_of_pool(pool)
    if not client_id:
        return False
    try:
        aws.client("cognito-idp").revoke_token(Token=refresh_token, ClientId=client_id)
    except aws.failures() as exc:
        if aws.error_code(exc) in REFUSED_TOKEN_CODES:
            return False
        raise
    return True
