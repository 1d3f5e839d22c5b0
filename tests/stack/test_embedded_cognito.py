"""The embedded Cognito behaves as Cognito does for the flows residents and officials use:
codes sent to the SMS outbox and checked, a changed number held back until verified,
attributes the app client may not write refused, temporary passwords for new officials,
officials' authenticator apps (real TOTP secrets and codes) and SRP password proofs checked,
and signed-out, disabled or deleted users refused. Everything goes through boto3 to the
embedded AWS in its own process, as the app and the pages reach it."""

from __future__ import annotations

import base64
import itertools
import json
import secrets
import time

import boto3
import jwt
import pytest

from local_stack import embedded_srp as srp
from local_stack import outbox
from local_stack.embedded_mfa import totp
from local_stack.moto_server import start_moto_server
from local_stack.provision import add_user, provision

PASSWORD = "resident-pass-1"
OFFICIAL_PASSWORD = "Official-pass-1!"
_numbers = itertools.count(1)


def new_phone() -> str:
    return f"+86137{next(_numbers):08d}"


def error_of(call, *args, **kwargs) -> tuple[str, str]:
    with pytest.raises(Exception) as raised:
        call(*args, **kwargs)
    error = raised.value.response["Error"]
    return error["Code"], error["Message"]


@pytest.fixture(scope="module")
def stack():
    moto = start_moto_server()
    try:
        yield provision(moto.url, prefix="mulin-cognito-test")
    finally:
        moto.stop()


@pytest.fixture(scope="module")
def cognito(stack):
    return boto3.client("cognito-idp", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)


def sign_in(cognito, client_id, phone, password):
    return cognito.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                                 AuthParameters={"USERNAME": phone, "PASSWORD": password})


def claims(id_token: str) -> dict:
    return jwt.decode(id_token, options={"verify_signature": False})


def refreshed(cognito, client_id, refresh_token) -> dict:
    result = cognito.initiate_auth(ClientId=client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                                   AuthParameters={"REFRESH_TOKEN": refresh_token})
    return claims(result["AuthenticationResult"]["IdToken"])


def resident(stack, cognito):
    phone = new_phone()
    add_user(stack, phone=phone, password=PASSWORD, role="resident", division=None)
    tokens = sign_in(cognito, stack.user_pool_client_id, phone, PASSWORD)["AuthenticationResult"]
    return phone, tokens


def signed_up(stack, cognito) -> tuple[str, dict]:
    phone = new_phone()
    answer = cognito.sign_up(ClientId=stack.user_pool_client_id, Username=phone, Password=PASSWORD)
    return phone, answer


# ---- sign-up ---------------------------------------------------------------------------------

def test_sign_up_sends_a_code_that_confirms_the_number_and_a_wrong_one_is_refused(stack, cognito):
    phone, answer = signed_up(stack, cognito)
    assert answer["UserConfirmed"] is False
    assert answer["CodeDeliveryDetails"] == {"Destination": "+*********" + phone[-4:], "DeliveryMedium": "SMS",
                                             "AttributeName": "phone_number"}
    sent = outbox.latest(stack.sms_outbox, phone, "sign_up")
    assert sent["pool_id"] == stack.user_pool_id and sent["username"] == answer["UserSub"]
    assert len(sent["code"]) == 6 and sent["code"].isdigit() and sent["code"] in sent["message"]
    # The code travels only by "SMS": not in the answer, its headers or anywhere else.
    assert sent["code"] not in json.dumps(answer, default=str)

    assert error_of(sign_in, cognito, stack.user_pool_client_id, phone, PASSWORD)[0] == "UserNotConfirmedException"
    wrong = "000000" if sent["code"] != "000000" else "111111"
    assert error_of(cognito.confirm_sign_up, ClientId=stack.user_pool_client_id, Username=phone,
                    ConfirmationCode=wrong)[0] == "CodeMismatchException"

    cognito.confirm_sign_up(ClientId=stack.user_pool_client_id, Username=phone, ConfirmationCode=sent["code"])
    token = claims(sign_in(cognito, stack.user_pool_client_id, phone, PASSWORD)["AuthenticationResult"]["IdToken"])
    assert (token["sub"], token["phone_number"], token["phone_number_verified"]) == (answer["UserSub"], phone, True)
    code, message = error_of(cognito.confirm_sign_up, ClientId=stack.user_pool_client_id, Username=phone,
                             ConfirmationCode=sent["code"])
    assert (code, message) == ("NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED")


def test_five_wrong_codes_lock_sign_up_until_a_new_code_is_sent(stack, cognito):
    phone, _ = signed_up(stack, cognito)
    first = outbox.latest(stack.sms_outbox, phone, "sign_up")["code"]
    wrong = f"{(int(first) + 1) % 1_000_000:06d}"
    for _ in range(5):
        assert error_of(cognito.confirm_sign_up, ClientId=stack.user_pool_client_id, Username=phone,
                        ConfirmationCode=wrong)[0] == "CodeMismatchException"
    assert error_of(cognito.confirm_sign_up, ClientId=stack.user_pool_client_id, Username=phone,
                    ConfirmationCode=first)[0] == "LimitExceededException"

    delivery = cognito.resend_confirmation_code(ClientId=stack.user_pool_client_id, Username=phone)["CodeDeliveryDetails"]
    assert delivery["DeliveryMedium"] == "SMS"
    resent = outbox.latest(stack.sms_outbox, phone, "resend")["code"]
    assert outbox.latest(stack.sms_outbox, phone, ("sign_up", "resend"))["kind"] == "resend"
    cognito.confirm_sign_up(ClientId=stack.user_pool_client_id, Username=phone, ConfirmationCode=resent)
    assert "AuthenticationResult" in sign_in(cognito, stack.user_pool_client_id, phone, PASSWORD)
    assert error_of(cognito.resend_confirmation_code, ClientId=stack.user_pool_client_id,
                    Username=phone)[0] == "InvalidParameterException"


def test_an_expired_sign_up_code_is_refused(monkeypatch):
    monkeypatch.setenv("MULIN_LOCAL_CODE_SECONDS", "1")
    moto = start_moto_server()
    try:
        quick = provision(moto.url, prefix="mulin-expiry-test")
        client = boto3.client("cognito-idp", endpoint_url=moto.url, region_name=quick.region)
        phone = new_phone()
        client.sign_up(ClientId=quick.user_pool_client_id, Username=phone, Password=PASSWORD)
        code = outbox.latest(quick.sms_outbox, phone, "sign_up")["code"]
        time.sleep(1.5)
        assert error_of(client.confirm_sign_up, ClientId=quick.user_pool_client_id, Username=phone,
                        ConfirmationCode=code)[0] == "ExpiredCodeException"
    finally:
        moto.stop()


def test_a_number_held_by_an_account_cannot_sign_up_again(stack, cognito):
    phone, _ = resident(stack, cognito)
    assert error_of(cognito.sign_up, ClientId=stack.user_pool_client_id, Username=phone,
                    Password=PASSWORD)[0] == "UsernameExistsException"
    assert outbox.messages(stack.sms_outbox, phone) == []


def test_sign_up_writes_neither_a_jurisdiction_nor_a_verified_flag_and_officials_cannot_sign_up(stack, cognito):
    for attribute in ({"Name": "custom:division", "Value": "310110012001"},
                      {"Name": "phone_number_verified", "Value": "true"}):
        phone = new_phone()
        assert error_of(cognito.sign_up, ClientId=stack.user_pool_client_id, Username=phone, Password=PASSWORD,
                        UserAttributes=[attribute]) == ("NotAuthorizedException",
                                                        "A client attempted to write unauthorized attribute")
        assert cognito.list_users(UserPoolId=stack.user_pool_id, Filter=f'phone_number = "{phone}"')["Users"] == []
    assert error_of(cognito.sign_up, ClientId=stack.officials_user_pool_client_id, Username=new_phone(),
                    Password=OFFICIAL_PASSWORD)[0] == "NotAuthorizedException"


def test_a_weak_password_is_refused_at_sign_up(stack, cognito):
    assert error_of(cognito.sign_up, ClientId=stack.user_pool_client_id, Username=new_phone(),
                    Password="short1")[0] == "InvalidPasswordException"


# ---- forgotten and changed passwords -----------------------------------------------------------

def test_forgot_password_sends_a_code_that_sets_a_password_the_policy_accepts(stack, cognito):
    phone, _ = resident(stack, cognito)
    client = stack.user_pool_client_id
    delivery = cognito.forgot_password(ClientId=client, Username=phone)
    assert delivery["CodeDeliveryDetails"]["Destination"].endswith(phone[-4:])
    assert not any("confirmation-code" in h for h in delivery["ResponseMetadata"]["HTTPHeaders"])
    code = outbox.latest(stack.sms_outbox, phone, "forgot_password")["code"]
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"

    assert error_of(cognito.confirm_forgot_password, ClientId=client, Username=phone, ConfirmationCode=wrong,
                    Password="new-password-2")[0] == "CodeMismatchException"
    assert error_of(cognito.confirm_forgot_password, ClientId=client, Username=phone, ConfirmationCode=code,
                    Password="weak")[0] == "InvalidPasswordException"
    cognito.confirm_forgot_password(ClientId=client, Username=phone, ConfirmationCode=code, Password="new-password-2")

    assert "AuthenticationResult" in sign_in(cognito, client, phone, "new-password-2")
    assert error_of(sign_in, cognito, client, phone, PASSWORD)[0] == "NotAuthorizedException"
    # A code works once.
    assert error_of(cognito.confirm_forgot_password, ClientId=client, Username=phone, ConfirmationCode=code,
                    Password="new-password-3")[0] == "CodeMismatchException"


def test_forgot_password_for_an_unknown_number_reveals_nothing(stack, cognito):
    phone = new_phone()
    assert cognito.forgot_password(ClientId=stack.user_pool_client_id, Username=phone)["CodeDeliveryDetails"]
    assert outbox.messages(stack.sms_outbox, phone) == []
    assert error_of(sign_in, cognito, stack.user_pool_client_id, phone, PASSWORD) == (
        "NotAuthorizedException", "Incorrect username or password.")


def test_change_password_checks_the_old_one_and_the_policy(stack, cognito):
    phone, tokens = resident(stack, cognito)
    access = tokens["AccessToken"]
    assert error_of(cognito.change_password, AccessToken=access, PreviousPassword="not-it-1234",
                    ProposedPassword="changed-pass-1")[0] == "NotAuthorizedException"
    assert error_of(cognito.change_password, AccessToken=access, PreviousPassword=PASSWORD,
                    ProposedPassword="weak")[0] == "InvalidPasswordException"
    cognito.change_password(AccessToken=access, PreviousPassword=PASSWORD, ProposedPassword="changed-pass-1")
    assert "AuthenticationResult" in sign_in(cognito, stack.user_pool_client_id, phone, "changed-pass-1")


# ---- changing one's number -------------------------------------------------------------------

def test_a_new_number_is_pending_and_the_old_one_in_force_until_the_code_sent_to_it_returns(stack, cognito):
    old, tokens = resident(stack, cognito)
    new = new_phone()
    client = stack.user_pool_client_id
    answer = cognito.update_user_attributes(AccessToken=tokens["AccessToken"],
                                            UserAttributes=[{"Name": "phone_number", "Value": new}])
    assert answer["CodeDeliveryDetailsList"] == [{"Destination": "+*********" + new[-4:], "DeliveryMedium": "SMS",
                                                  "AttributeName": "phone_number"}]
    first = outbox.latest(stack.sms_outbox, new, "verify_attribute")["code"]
    assert outbox.messages(stack.sms_outbox, old) == []

    # Until verified, the old number and its verified flag stay in force everywhere.
    token = refreshed(cognito, client, tokens["RefreshToken"])
    assert (token["phone_number"], token["phone_number_verified"]) == (old, True)
    held = {a["Name"]: a["Value"] for a in cognito.get_user(AccessToken=tokens["AccessToken"])["UserAttributes"]}
    assert (held["phone_number"], held["phone_number_verified"]) == (old, "true")
    assert cognito.list_users(UserPoolId=stack.user_pool_id, Filter=f'phone_number = "{new}"')["Users"] == []
    assert "AuthenticationResult" in sign_in(cognito, client, old, PASSWORD)
    wrong = f"{(int(first) + 1) % 1_000_000:06d}"
    assert error_of(cognito.verify_user_attribute, AccessToken=tokens["AccessToken"], AttributeName="phone_number",
                    Code=wrong)[0] == "CodeMismatchException"

    # A fresh code replaces the first.
    cognito.get_user_attribute_verification_code(AccessToken=tokens["AccessToken"], AttributeName="phone_number")
    second = outbox.latest(stack.sms_outbox, new, "verify_attribute")["code"]
    if second != first:
        assert error_of(cognito.verify_user_attribute, AccessToken=tokens["AccessToken"],
                        AttributeName="phone_number", Code=first)[0] == "CodeMismatchException"
    cognito.verify_user_attribute(AccessToken=tokens["AccessToken"], AttributeName="phone_number", Code=second)

    token = refreshed(cognito, client, tokens["RefreshToken"])
    assert (token["phone_number"], token["phone_number_verified"]) == (new, True)
    assert "AuthenticationResult" in sign_in(cognito, client, new, PASSWORD)
    assert error_of(sign_in, cognito, client, old, PASSWORD)[0] == "NotAuthorizedException"
    found = cognito.list_users(UserPoolId=stack.user_pool_id, Filter=f'sub = "{token["sub"]}"')["Users"]
    assert {a["Name"]: a["Value"] for a in found[0]["Attributes"]}["phone_number"] == new


def test_a_number_another_account_holds_cannot_be_taken(stack, cognito):
    taken, _ = resident(stack, cognito)
    _, tokens = resident(stack, cognito)
    assert error_of(cognito.update_user_attributes, AccessToken=tokens["AccessToken"],
                    UserAttributes=[{"Name": "phone_number", "Value": taken}])[0] == "AliasExistsException"
    assert outbox.messages(stack.sms_outbox, taken) == []


def test_a_user_cannot_write_a_jurisdiction_an_administrator_can(stack, cognito):
    _, tokens = resident(stack, cognito)
    for attribute in ("custom:division", "phone_number_verified"):
        value = "310110012001" if attribute == "custom:division" else "true"
        assert error_of(cognito.update_user_attributes, AccessToken=tokens["AccessToken"],
                        UserAttributes=[{"Name": attribute, "Value": value}]) == (
            "NotAuthorizedException", "A client attempted to write unauthorized attribute")
    assert "custom:division" not in refreshed(cognito, stack.user_pool_client_id, tokens["RefreshToken"])

    sub = claims(tokens["IdToken"])["sub"]
    username = cognito.list_users(UserPoolId=stack.user_pool_id, Filter=f'sub = "{sub}"')["Users"][0]["Username"]
    cognito.admin_update_user_attributes(UserPoolId=stack.user_pool_id, Username=username,
                                         UserAttributes=[{"Name": "custom:division", "Value": "310110012001"}])
    assert refreshed(cognito, stack.user_pool_client_id, tokens["RefreshToken"])["custom:division"] == "310110012001"


def test_an_administrator_sets_a_verified_number_at_once_or_holds_it_back_like_the_user(stack, cognito):
    old, tokens = resident(stack, cognito)
    sub = claims(tokens["IdToken"])["sub"]
    username = cognito.list_users(UserPoolId=stack.user_pool_id, Filter=f'sub = "{sub}"')["Users"][0]["Username"]
    held_back = new_phone()
    cognito.admin_update_user_attributes(UserPoolId=stack.user_pool_id, Username=username,
                                         UserAttributes=[{"Name": "phone_number", "Value": held_back}])
    assert refreshed(cognito, stack.user_pool_client_id, tokens["RefreshToken"])["phone_number"] == old
    assert outbox.latest(stack.sms_outbox, held_back, "verify_attribute")

    verified = new_phone()
    cognito.admin_update_user_attributes(UserPoolId=stack.user_pool_id, Username=username, UserAttributes=[
        {"Name": "phone_number", "Value": verified}, {"Name": "phone_number_verified", "Value": "true"}])
    token = refreshed(cognito, stack.user_pool_client_id, tokens["RefreshToken"])
    assert (token["phone_number"], token["phone_number_verified"]) == (verified, True)


# ---- officials' accounts ---------------------------------------------------------------------

def test_a_new_officials_temporary_password_arrives_by_sms_and_signs_in(stack, cognito):
    phone = new_phone()
    created = cognito.admin_create_user(
        UserPoolId=stack.officials_user_pool_id, Username=phone,
        UserAttributes=[{"Name": "phone_number_verified", "Value": "true"},
                        {"Name": "custom:division", "Value": "310110012"}])["User"]
    assert created["UserStatus"] == "FORCE_CHANGE_PASSWORD"
    sent = outbox.latest(stack.sms_outbox, phone, "temporary_password")
    assert sent["pool_id"] == stack.officials_user_pool_id and sent["password"] in sent["message"]
    assert sent["password"] not in json.dumps(created, default=str)
    # The officials' policy: 12 characters with upper and lower case, digits and symbols.
    password = sent["password"]
    assert len(password) >= 12 and any(c.isupper() for c in password) and any(c.islower() for c in password)
    assert any(c.isdigit() for c in password) and any(not c.isalnum() for c in password)

    challenge = sign_in(cognito, stack.officials_user_pool_client_id, phone, password)
    assert challenge["ChallengeName"] == "NEW_PASSWORD_REQUIRED"
    answered = cognito.respond_to_auth_challenge(
        ClientId=stack.officials_user_pool_client_id, ChallengeName="NEW_PASSWORD_REQUIRED", Session=challenge["Session"],
        ChallengeResponses={"USERNAME": phone, "NEW_PASSWORD": OFFICIAL_PASSWORD})
    # The officials' pool requires MFA: an authenticator app is set up next.
    assert answered["ChallengeName"] == "MFA_SETUP"


def test_resending_an_invitation_replaces_the_temporary_password_of_the_same_account(stack, cognito):
    phone = new_phone()
    sub = next(a["Value"] for a in cognito.admin_create_user(
        UserPoolId=stack.officials_user_pool_id, Username=phone)["User"]["Attributes"] if a["Name"] == "sub")
    first = outbox.latest(stack.sms_outbox, phone, "temporary_password")["password"]
    resent = cognito.admin_create_user(UserPoolId=stack.officials_user_pool_id, Username=phone, MessageAction="RESEND")
    assert next(a["Value"] for a in resent["User"]["Attributes"] if a["Name"] == "sub") == sub
    second = outbox.latest(stack.sms_outbox, phone, "temporary_password")["password"]
    assert second != first
    assert len(cognito.list_users(UserPoolId=stack.officials_user_pool_id, Filter=f'phone_number = "{phone}"')["Users"]) == 1
    assert error_of(sign_in, cognito, stack.officials_user_pool_client_id, phone, first)[0] == "NotAuthorizedException"
    assert sign_in(cognito, stack.officials_user_pool_client_id, phone, second)["ChallengeName"] == "NEW_PASSWORD_REQUIRED"


def test_a_suppressed_invitation_sends_nothing_and_a_weak_temporary_password_is_refused(stack, cognito):
    phone = new_phone()
    cognito.admin_create_user(UserPoolId=stack.officials_user_pool_id, Username=phone, MessageAction="SUPPRESS")
    assert outbox.messages(stack.sms_outbox, phone) == []
    assert error_of(cognito.admin_create_user, UserPoolId=stack.officials_user_pool_id, Username=new_phone(),
                    TemporaryPassword="weak")[0] == "InvalidPasswordException"


# ---- signing out, disabling, deleting ----------------------------------------------------------

def test_a_disabled_user_cannot_sign_in_refresh_or_use_an_access_token(stack, cognito):
    phone, tokens = resident(stack, cognito)
    sub = claims(tokens["IdToken"])["sub"]
    username = cognito.list_users(UserPoolId=stack.user_pool_id, Filter=f'sub = "{sub}"')["Users"][0]["Username"]
    cognito.admin_disable_user(UserPoolId=stack.user_pool_id, Username=username)
    assert error_of(sign_in, cognito, stack.user_pool_client_id, phone, PASSWORD) == (
        "NotAuthorizedException", "User is disabled.")
    assert error_of(refreshed, cognito, stack.user_pool_client_id, tokens["RefreshToken"])[0] == "NotAuthorizedException"
    assert error_of(cognito.get_user, AccessToken=tokens["AccessToken"])[0] == "NotAuthorizedException"
    cognito.admin_enable_user(UserPoolId=stack.user_pool_id, Username=username)
    assert "AuthenticationResult" in sign_in(cognito, stack.user_pool_client_id, phone, PASSWORD)


def test_signing_out_everywhere_revokes_every_devices_refresh_token(stack, cognito):
    phone, laptop = resident(stack, cognito)
    phone_app = sign_in(cognito, stack.user_pool_client_id, phone, PASSWORD)["AuthenticationResult"]
    cognito.global_sign_out(AccessToken=phone_app["AccessToken"])
    for device in (laptop, phone_app):
        assert error_of(refreshed, cognito, stack.user_pool_client_id, device["RefreshToken"])[0] == "NotAuthorizedException"

    again = sign_in(cognito, stack.user_pool_client_id, phone, PASSWORD)["AuthenticationResult"]
    sub = claims(again["IdToken"])["sub"]
    username = cognito.list_users(UserPoolId=stack.user_pool_id, Filter=f'sub = "{sub}"')["Users"][0]["Username"]
    cognito.admin_user_global_sign_out(UserPoolId=stack.user_pool_id, Username=username)
    assert error_of(refreshed, cognito, stack.user_pool_client_id, again["RefreshToken"])[0] == "NotAuthorizedException"


def test_a_deleted_account_is_gone_with_its_tokens_and_its_number_is_free(stack, cognito):
    for by_admin in (False, True):
        phone, tokens = resident(stack, cognito)
        sub = claims(tokens["IdToken"])["sub"]
        if by_admin:
            username = cognito.list_users(UserPoolId=stack.user_pool_id, Filter=f'sub = "{sub}"')["Users"][0]["Username"]
            cognito.admin_delete_user(UserPoolId=stack.user_pool_id, Username=username)
        else:
            cognito.delete_user(AccessToken=tokens["AccessToken"])
        assert cognito.list_users(UserPoolId=stack.user_pool_id, Filter=f'sub = "{sub}"')["Users"] == []
        assert error_of(refreshed, cognito, stack.user_pool_client_id, tokens["RefreshToken"])[0] == "NotAuthorizedException"
        assert cognito.sign_up(ClientId=stack.user_pool_client_id, Username=phone, Password=PASSWORD)["UserSub"] != sub


def test_list_users_finds_one_person_by_sub_or_number_in_both_pools(stack, cognito):
    for role, pool_id in (("resident", stack.user_pool_id), ("committee_staff", stack.officials_user_pool_id)):
        phone = new_phone()
        user = add_user(stack, phone=phone, password=OFFICIAL_PASSWORD, role=role,
                        division="310110012001" if role != "resident" else None)
        by_sub = cognito.list_users(UserPoolId=pool_id, Filter=f'sub = "{user.user_id}"', Limit=1)["Users"]
        by_phone = cognito.list_users(UserPoolId=pool_id, Filter=f'phone_number = "{phone}"', Limit=2)["Users"]
        assert [u["Username"] for u in by_sub] == [u["Username"] for u in by_phone]
        assert len(by_sub) == 1


# ---- officials' authenticator apps (TOTP) ------------------------------------------------------

def invited_official(stack, cognito) -> tuple[str, dict]:
    """A new official past NEW_PASSWORD_REQUIRED: the MFA_SETUP challenge Cognito asks next."""
    phone = new_phone()
    cognito.admin_create_user(UserPoolId=stack.officials_user_pool_id, Username=phone,
                              UserAttributes=[{"Name": "phone_number_verified", "Value": "true"}])
    password = outbox.latest(stack.sms_outbox, phone, "temporary_password")["password"]
    started = sign_in(cognito, stack.officials_user_pool_client_id, phone, password)
    step = cognito.respond_to_auth_challenge(
        ClientId=stack.officials_user_pool_client_id, ChallengeName="NEW_PASSWORD_REQUIRED", Session=started["Session"],
        ChallengeResponses={"USERNAME": phone, "NEW_PASSWORD": OFFICIAL_PASSWORD})
    return phone, step


def set_up_authenticator(cognito, client_id, phone, step) -> tuple[str, dict]:
    """Answer MFA_SETUP as an authenticator app would; (secret, tokens)."""
    associated = cognito.associate_software_token(Session=step["Session"])
    secret = associated["SecretCode"]
    verified = cognito.verify_software_token(Session=associated["Session"], UserCode=totp(secret),
                                             FriendlyDeviceName="phone")
    assert verified["Status"] == "SUCCESS"
    done = cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="MFA_SETUP", Session=verified["Session"],
                                             ChallengeResponses={"USERNAME": phone})
    return secret, done["AuthenticationResult"]


def answer_totp(cognito, client_id, phone, session, code):
    return cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="SOFTWARE_TOKEN_MFA", Session=session,
                                             ChallengeResponses={"USERNAME": phone, "SOFTWARE_TOKEN_MFA_CODE": code})


def other_than(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_a_new_official_sets_up_an_authenticator_and_signs_in_with_its_codes(stack, cognito):
    client_id = stack.officials_user_pool_client_id
    phone, step = invited_official(stack, cognito)
    assert step["ChallengeName"] == "MFA_SETUP"
    assert json.loads(step["ChallengeParameters"]["MFAS_CAN_SETUP"]) == ["SOFTWARE_TOKEN_MFA"]

    associated = cognito.associate_software_token(Session=step["Session"])
    secret = associated["SecretCode"]
    # A secret of its own, base32 as authenticator apps read it from the otpauth URI.
    assert len(secret) >= 32 and set(secret) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    # MFA_SETUP answered before a code is verified gives nothing.
    assert error_of(cognito.respond_to_auth_challenge, ClientId=client_id, ChallengeName="MFA_SETUP",
                    Session=associated["Session"], ChallengeResponses={"USERNAME": phone})[0] == "NotAuthorizedException"
    assert error_of(cognito.verify_software_token, Session=associated["Session"],
                    UserCode=other_than(totp(secret)))[0] == "EnableSoftwareTokenMFAException"
    verified = cognito.verify_software_token(Session=associated["Session"], UserCode=totp(secret))
    tokens = cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="MFA_SETUP", Session=verified["Session"],
                                               ChallengeResponses={"USERNAME": phone})["AuthenticationResult"]
    assert claims(tokens["IdToken"])["phone_number"] == phone
    user = cognito.admin_get_user(UserPoolId=stack.officials_user_pool_id, Username=phone)
    assert (user["UserMFASettingList"], user["PreferredMfaSetting"]) == (["SOFTWARE_TOKEN_MFA"], "SOFTWARE_TOKEN_MFA")

    # Later sign-ins ask for the app's code; a wrong one is refused, the next right one gives tokens.
    later = sign_in(cognito, client_id, phone, OFFICIAL_PASSWORD)
    assert later["ChallengeName"] == "SOFTWARE_TOKEN_MFA" and "AuthenticationResult" not in later
    next_code = totp(secret, time.time() + 30)
    assert error_of(answer_totp, cognito, client_id, phone, later["Session"], other_than(next_code)) == (
        "CodeMismatchException", "Invalid code or auth state for the user.")
    signed = answer_totp(cognito, client_id, phone, later["Session"], next_code)["AuthenticationResult"]
    assert claims(signed["IdToken"])["phone_number"] == phone

    # A code works once, even inside its 30 seconds.
    again = sign_in(cognito, client_id, phone, OFFICIAL_PASSWORD)
    assert error_of(answer_totp, cognito, client_id, phone, again["Session"], next_code)[0] == "ExpiredCodeException"


def srp_sign_in(cognito, pool_id, client_id, phone, password):
    """USER_SRP_AUTH and the PASSWORD_VERIFIER answer, computed as a Cognito SRP client does."""
    small_a = secrets.randbelow(srp.N - 2) + 1
    big_a = pow(srp.G, small_a, srp.N)
    started = cognito.initiate_auth(ClientId=client_id, AuthFlow="USER_SRP_AUTH",
                                    AuthParameters={"USERNAME": phone, "SRP_A": f"{big_a:x}"})
    assert started["ChallengeName"] == "PASSWORD_VERIFIER"
    parameters = started["ChallengeParameters"]
    user_id, big_b = parameters["USER_ID_FOR_SRP"], int(parameters["SRP_B"], 16)
    u = srp.u_of(big_a, big_b)
    x = srp.x_of(pool_id, user_id, password, parameters["SALT"])
    s = pow(big_b - srp.K * pow(srp.G, x, srp.N), small_a + u * x, srp.N)
    timestamp = "Fri Dec 4 23:00:00 UTC 2026"
    return cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="PASSWORD_VERIFIER", ChallengeResponses={
        "USERNAME": user_id, "PASSWORD_CLAIM_SECRET_BLOCK": parameters["SECRET_BLOCK"], "TIMESTAMP": timestamp,
        "PASSWORD_CLAIM_SIGNATURE": srp.signature(srp.session_key(s, u), pool_id, user_id, parameters["SECRET_BLOCK"],
                                                  timestamp)})


def test_an_srp_sign_in_proves_the_password_and_asks_for_the_code_too(stack, cognito):
    client_id, pool_id = stack.officials_user_pool_client_id, stack.officials_user_pool_id
    phone, step = invited_official(stack, cognito)
    secret, _ = set_up_authenticator(cognito, client_id, phone, step)
    assert error_of(srp_sign_in, cognito, pool_id, client_id, phone, OFFICIAL_PASSWORD + "x") == (
        "NotAuthorizedException", "Incorrect username or password.")
    verified = srp_sign_in(cognito, pool_id, client_id, phone, OFFICIAL_PASSWORD)
    assert verified["ChallengeName"] == "SOFTWARE_TOKEN_MFA" and "AuthenticationResult" not in verified
    tokens = answer_totp(cognito, client_id, phone, verified["Session"], totp(secret, time.time() + 30))
    assert "IdToken" in tokens["AuthenticationResult"]


def test_resetting_an_officials_mfa_removes_the_device_and_the_next_sign_in_sets_up_a_new_one(stack, cognito):
    client_id, pool_id = stack.officials_user_pool_client_id, stack.officials_user_pool_id
    phone, step = invited_official(stack, cognito)
    old_secret, _ = set_up_authenticator(cognito, client_id, phone, step)
    # What chalicelib/directory.py clear_official_totp asks Cognito.
    cognito.admin_set_user_mfa_preference(UserPoolId=pool_id, Username=phone,
                                          SoftwareTokenMfaSettings={"Enabled": False, "PreferredMfa": False})
    user = cognito.admin_get_user(UserPoolId=pool_id, Username=phone)
    assert user.get("UserMFASettingList", []) == [] and user.get("PreferredMfaSetting", "") == ""

    step = sign_in(cognito, client_id, phone, OFFICIAL_PASSWORD)
    assert step["ChallengeName"] == "MFA_SETUP"
    associated = cognito.associate_software_token(Session=step["Session"])
    assert associated["SecretCode"] != old_secret
    assert error_of(cognito.verify_software_token, Session=associated["Session"],
                    UserCode=totp(old_secret))[0] == "EnableSoftwareTokenMFAException"


def test_a_signed_in_user_adds_an_authenticator_with_an_access_token(stack, cognito):
    """As the staff pages let an official provisioned with a password alone (the demo's) add one."""
    client_id, pool_id = stack.officials_user_pool_client_id, stack.officials_user_pool_id
    phone = new_phone()
    add_user(stack, phone=phone, password=OFFICIAL_PASSWORD, role="committee_staff", division="310110012001")
    access = sign_in(cognito, client_id, phone, OFFICIAL_PASSWORD)["AuthenticationResult"]["AccessToken"]
    assert error_of(cognito.admin_set_user_mfa_preference, UserPoolId=pool_id, Username=phone,
                    SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})[0] == "InvalidParameterException"
    secret = cognito.associate_software_token(AccessToken=access)["SecretCode"]
    assert "Session" not in cognito.verify_software_token(AccessToken=access, UserCode=totp(secret))
    cognito.set_user_mfa_preference(AccessToken=access, SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})
    step = sign_in(cognito, client_id, phone, OFFICIAL_PASSWORD)
    assert step["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    assert "AuthenticationResult" in answer_totp(cognito, client_id, phone, step["Session"], totp(secret, time.time() + 30))


def test_the_code_is_rfc_6238s():
    # RFC 6238 appendix B, SHA-1, truncated to six digits.
    secret = base64.b32encode(b"12345678901234567890").decode()
    assert [totp(secret, at) for at in (59, 1111111109, 1234567890, 2000000000)] == [
        "287082", "081804", "005924", "279037"]


def test_accounts_provisioned_with_a_password_sign_in_by_srp_with_it_alone(stack, cognito):
    phone = new_phone()
    add_user(stack, phone=phone, password=OFFICIAL_PASSWORD, role="street_official", division="310110012")
    tokens = srp_sign_in(cognito, stack.officials_user_pool_id, stack.officials_user_pool_client_id, phone,
                         OFFICIAL_PASSWORD)["AuthenticationResult"]
    assert claims(tokens["IdToken"])["phone_number"] == phone
