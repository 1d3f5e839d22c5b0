"""The two Cognito user pools, as plain data shared by the local stack and infra/.

Everyone signs in with a mainland mobile number. Residents have a pool of their own in
which MFA is optional (many sign in rarely, from a shared or basic phone) and sign up
themselves, confirming their number with a code sent to it by SMS. Officials work
other people's cases, so their pool requires MFA, lets only administrators create
accounts, and asks for stronger passwords; there they are placed in one group per role
and carry their jurisdiction in `custom:division`. Each app client reads both into the ID
token, which is what the API's authorizer verifies; a token of the residents' pool is a
resident's whatever groups it names.
"""

from __future__ import annotations

from typing import Any

from chalicelib.auth import JURISDICTION_CLAIM, OFFICIAL_GROUPS

GROUPS: dict[str, str] = {
    "committee_staff": "居委会工作人员 Committee staff",
    "street_official": "街道工作人员 Street official",
    "district_admin": "区管理员 District administrator",
    "platform_admin": "平台管理员 Platform administrator",
}
assert set(GROUPS) == set(OFFICIAL_GROUPS)

JURISDICTION_ATTRIBUTE = JURISDICTION_CLAIM.removeprefix("custom:")

# A changed number stays pending, and the old one (verified) stays in force, until the code
# sent to the new number comes back: nobody takes over a number by typing it in.
UPDATE_REQUIRES_VERIFICATION = {"AttributesRequireVerificationBeforeUpdate": ["phone_number"]}
# A forgotten password is reset with a code sent to the verified number, never by email.
RECOVERY_BY_PHONE = {"RecoveryMechanisms": [{"Name": "verified_phone_number", "Priority": 1}]}
# Cognito puts the code where {####} stands. Sign-up codes last 24 hours, reset codes 1 hour.
CODE_MESSAGE = "【睦邻 Mulin】验证码 code: {####}。请勿告诉他人 Do not share it."
INVITATION_MESSAGE = "【睦邻 Mulin】工作账号 staff account {username}，临时密码 temporary password: {####}"

# An authenticator app (TOTP): an SMS at every sign-in costs per message. SMS carries only
# the sign-up, reset and number-change codes and officials' temporary passwords.
MFA_METHODS = ["SOFTWARE_TOKEN_MFA"]

_JURISDICTION_SCHEMA = [
    {
        "Name": JURISDICTION_ATTRIBUTE,
        "AttributeDataType": "String",
        # Only administrators set a jurisdiction; a user must never be able to widen it.
        "Mutable": True,
        "StringAttributeConstraints": {"MinLength": "2", "MaxLength": "12"},
    }
]

USER_POOL_DEFINITION: dict[str, Any] = {
    "UsernameAttributes": ["phone_number"],
    "AutoVerifiedAttributes": ["phone_number"],
    "UserAttributeUpdateSettings": UPDATE_REQUIRES_VERIFICATION,
    "AccountRecoverySetting": RECOVERY_BY_PHONE,
    "VerificationMessageTemplate": {"SmsMessage": CODE_MESSAGE},
    # Residents sign up themselves with their number and a code sent to it.
    "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": False},
    "MfaConfiguration": "OPTIONAL",
    "Policies": {
        "PasswordPolicy": {
            "MinimumLength": 10,
            "RequireUppercase": False,
            "RequireLowercase": True,
            "RequireNumbers": True,
            "RequireSymbols": False,
            "TemporaryPasswordValidityDays": 3,
        }
    },
    "Schema": _JURISDICTION_SCHEMA,
}

OFFICIALS_POOL_DEFINITION: dict[str, Any] = {
    "UsernameAttributes": ["phone_number"],
    "AutoVerifiedAttributes": ["phone_number"],
    "UserAttributeUpdateSettings": UPDATE_REQUIRES_VERIFICATION,
    "AccountRecoverySetting": RECOVERY_BY_PHONE,
    "VerificationMessageTemplate": {"SmsMessage": CODE_MESSAGE},
    "MfaConfiguration": "ON",
    # The temporary password of a new official's account arrives by SMS.
    "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": True,
                              "InviteMessageTemplate": {"SMSMessage": INVITATION_MESSAGE}},
    "Policies": {
        "PasswordPolicy": {
            "MinimumLength": 12,
            "RequireUppercase": True,
            "RequireLowercase": True,
            "RequireNumbers": True,
            "RequireSymbols": True,
            "TemporaryPasswordValidityDays": 1,
        }
    },
    "Schema": _JURISDICTION_SCHEMA,
}

USER_POOL_CLIENT_DEFINITION: dict[str, Any] = {
    "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    "GenerateSecret": False,
    "ReadAttributes": ["phone_number", "phone_number_verified", JURISDICTION_CLAIM],
    # Residents may not write their own jurisdiction.
    "WriteAttributes": ["phone_number"],
    "PreventUserExistenceErrors": "ENABLED",
    "IdTokenValidity": 60,
    "AccessTokenValidity": 60,
    "RefreshTokenValidity": 30,
    "TokenValidityUnits": {"IdToken": "minutes", "AccessToken": "minutes", "RefreshToken": "days"},
}


def create_user_pool(cognito_client: Any, pool_name: str, *, officials: bool = False) -> tuple[str, str]:
    """Create one pool and its app client (and, for officials, the role groups); return (pool id, client id)."""
    definition = OFFICIALS_POOL_DEFINITION if officials else USER_POOL_DEFINITION
    pool_id = cognito_client.create_user_pool(PoolName=pool_name, **definition)["UserPool"]["Id"]
    cognito_client.set_user_pool_mfa_config(UserPoolId=pool_id, MfaConfiguration=definition["MfaConfiguration"],
                                             SoftwareTokenMfaConfiguration={"Enabled": True})
    client_id = cognito_client.create_user_pool_client(
        UserPoolId=pool_id, ClientName=f"{pool_name}-{'api' if officials else 'web'}", **USER_POOL_CLIENT_DEFINITION
    )["UserPoolClient"]["ClientId"]
    if officials:
        for group, description in GROUPS.items():
            cognito_client.create_group(UserPoolId=pool_id, GroupName=group, Description=description)
    return pool_id, client_id


def create_user(
    cognito_client: Any, pool_id: str, *, phone: str, password: str, group: str | None, division: str | None
) -> str:
    """Create a confirmed user with a permanent password; return the user's sub."""
    attributes = [{"Name": "phone_number", "Value": phone}, {"Name": "phone_number_verified", "Value": "true"}]
    if division:
        attributes.append({"Name": JURISDICTION_CLAIM, "Value": division})
    user = cognito_client.admin_create_user(
        UserPoolId=pool_id, Username=phone, UserAttributes=attributes, MessageAction="SUPPRESS"
    )["User"]
    cognito_client.admin_set_user_password(UserPoolId=pool_id, Username=phone, Password=password, Permanent=True)
    if group:
        cognito_client.admin_add_user_to_group(UserPoolId=pool_id, Username=phone, GroupName=group)
    sub: str = next(a["Value"] for a in user["Attributes"] if a["Name"] == "sub")
    return sub
