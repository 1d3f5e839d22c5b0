"""Residence requests the tests share: a resident account of one's own, a request it sends, the
committee's decision, all through the HTTP API of the suite's embedded AWS."""

from __future__ import annotations

import os
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from tests.api.suggestion_helpers import KONGJIANG_COMMITTEE, get, post

PASSWORD = "Residence-test-pass-1"


def new_resident_phone() -> str:
    # 135…: no other test's or demo's numbers; random, so reruns against one stack never clash.
    return f"+86135{secrets.randbelow(10**8):08d}"


@dataclass
class Resident:
    phone: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def fresh_resident() -> Resident:
    """A resident with no residence, made in the pool the app's environment names."""
    import boto3

    from chalicelib.identity import create_user

    cognito = boto3.client("cognito-idp", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name=os.environ["AWS_REGION"])
    phone = new_resident_phone()
    create_user(cognito, os.environ["MULIN_USER_POOL_ID"], phone=phone, password=PASSWORD, group=None, division=None)
    token = cognito.initiate_auth(ClientId=os.environ["MULIN_USER_POOL_CLIENT_ID"], AuthFlow="USER_PASSWORD_AUTH",
                                  AuthParameters={"USERNAME": phone, "PASSWORD": PASSWORD})["AuthenticationResult"]["IdToken"]
    return Resident(phone, token)


def request_body(**overrides: Any) -> dict[str, Any]:
    return {"committee": KONGJIANG_COMMITTEE, "building": "12号楼", "room": "301室", "basis": "tenant",
            "note": "2025 年起租住", **overrides}


def pending_request(client) -> dict[str, Any]:
    response = post(client, "/me/residence", fresh_resident(), request_body(), {"Idempotency-Key": str(uuid.uuid4())})
    assert response.status_code == 201, response.body
    return {"id": response.json_body["id"], "version": response.json_body["version"]}


def approved_request(client, staff) -> dict[str, Any]:
    request = pending_request(client)
    approved = post(client, f"/review/residences/{request['id']}/approve", staff, {"version": request["version"]})
    assert approved.status_code == 200, approved.body
    return {"id": request["id"], "version": approved.json_body["version"]}


def withdraw_pending(client, resident, official) -> None:
    """Have `official` decline whatever request `resident` has open, so that they may send another."""
    mine = get(client, "/me/residence", resident)
    for request in mine.json_body.get("requests", []) if mine.status_code == 200 else []:
        if request["status"] == "pending":
            declined = post(client, f"/review/residences/{request['id']}/decline", official,
                            {"version": request["version"], "reason": "测试：撤回后重新申请"})
            assert declined.status_code == 200, declined.body
