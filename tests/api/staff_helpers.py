"""Calls the officials' account tests share: create an official through the API, sign them in
for the first time with the temporary password Cognito texted them, act on their account."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from typing import Any

import boto3

from local_stack.embedded_mfa import STEP_SECONDS, totp
from local_stack.outbox import latest
from tests.api.helpers import post
from tests.api.suggestion_helpers import KONGJIANG_COMMITTEE

# Meets the officials' pool policy (12 characters, upper, lower, digit, symbol).
NEW_PASSWORD = "Staff-new-passw0rd!"
# Each official's authenticator app: phone -> [secret, last time step used]. Cognito takes a
# code once, and the next step's code early (clock skew), so a second sign-in need not wait.
_AUTHENTICATORS: dict[str, list[Any]] = {}
# 137…: no other test account or demo account uses these numbers.
_PHONES = itertools.count(1)


def new_phone() -> str:
    return f"+86137{next(_PHONES):08d}"


@dataclass
class Signed:
    """An official signed in outside the fixtures, usable wherever tests take an account."""

    phone: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def cognito(stack) -> Any:
    return boto3.client("cognito-idp", endpoint_url=stack.aws_endpoint_url, region_name=stack.region,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def create(client, creator, role: str, division: str, *, phone: str | None = None, name: str | None = None,
           expect: int = 201) -> dict[str, Any]:
    body = {"phone": phone or new_phone(), "role": role, "division": division, **({"name": name} if name else {})}
    response = post(client, "/staff", creator, body)
    assert response.status_code == expect, (response.status_code, response.body)
    return {**response.json_body, "phone": body["phone"]} if expect == 201 else response.json_body


def act(client, actor, official_id: str, action: str, body: dict[str, Any], expect: int = 200) -> dict[str, Any]:
    response = post(client, f"/staff/{official_id}/{action}", actor, body)
    assert response.status_code == expect, (action, response.status_code, response.body)
    return response.json_body


def first_sign_in(stack, phone: str, new_password: str = NEW_PASSWORD) -> Signed:
    """Sign in as a new official does: the temporary password from the SMS outbox, a password
    of one's own, then an authenticator app (the pool requires MFA)."""
    sent = latest(stack.sms_outbox, phone, "temporary_password")
    assert sent is not None, f"no temporary password was texted to {phone}"
    idp, client_id = cognito(stack), stack.officials_user_pool_client_id
    started = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                                AuthParameters={"USERNAME": phone, "PASSWORD": sent["password"]})
    assert started["ChallengeName"] == "NEW_PASSWORD_REQUIRED", started
    step = idp.respond_to_auth_challenge(
        ClientId=client_id, ChallengeName="NEW_PASSWORD_REQUIRED", Session=started["Session"],
        ChallengeResponses={"USERNAME": phone, "NEW_PASSWORD": new_password})
    if step.get("ChallengeName") == "MFA_SETUP":
        step = set_up_authenticator(idp, client_id, phone, step["Session"])
    return Signed(phone, step["AuthenticationResult"]["IdToken"])


def set_up_authenticator(idp, client_id: str, phone: str, session: str) -> dict[str, Any]:
    """Answer MFA_SETUP as an official with a new authenticator app does."""
    secret = idp.associate_software_token(Session=session)
    _AUTHENTICATORS[phone] = [secret["SecretCode"], -1]
    verified = idp.verify_software_token(Session=secret["Session"], UserCode=authenticator_code(phone))
    return idp.respond_to_auth_challenge(ClientId=client_id, ChallengeName="MFA_SETUP", Session=verified["Session"],
                                         ChallengeResponses={"USERNAME": phone})


def authenticator_code(phone: str) -> str:
    """The code the official's app shows, never one already used."""
    held = _AUTHENTICATORS[phone]
    step = max(int(time.time() // STEP_SECONDS), held[1] + 1)
    while step > int(time.time() // STEP_SECONDS) + 1:
        time.sleep(0.5)
    held[1] = step
    return totp(held[0], step * STEP_SECONDS)


def sign_in(stack, phone: str, password: str = NEW_PASSWORD) -> Signed:
    idp, client_id = cognito(stack), stack.officials_user_pool_client_id
    step = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                             AuthParameters={"USERNAME": phone, "PASSWORD": password})
    if step.get("ChallengeName") == "SOFTWARE_TOKEN_MFA":
        step = idp.respond_to_auth_challenge(
            ClientId=client_id, ChallengeName="SOFTWARE_TOKEN_MFA", Session=step["Session"],
            ChallengeResponses={"USERNAME": phone, "SOFTWARE_TOKEN_MFA_CODE": authenticator_code(phone)})
    elif step.get("ChallengeName") == "MFA_SETUP":
        # After reset_mfa the pool asks for a new authenticator app.
        step = set_up_authenticator(idp, client_id, phone, step["Session"])
    return Signed(phone, step["AuthenticationResult"]["IdToken"])


def next_second() -> None:
    """Wait until a token issued now carries a later `iat` (whole seconds) than the last action."""
    time.sleep(1 - time.time() % 1 + 0.01)


def committee_staff_of_kongjiang(client, street) -> dict[str, Any]:
    """A new committee staff member of 控一居委会, created by its street: {id, version}."""
    created = create(client, street, "committee_staff", KONGJIANG_COMMITTEE)
    return {"id": created["id"], "version": created["version"]}


def disabled_committee_staff_of_kongjiang(client, street) -> dict[str, Any]:
    created = committee_staff_of_kongjiang(client, street)
    disabled = act(client, street, created["id"], "disable", {"version": created["version"]})
    return {"id": created["id"], "version": disabled["version"]}
